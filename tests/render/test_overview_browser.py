"""The overview page (build/index.html) in a real browser: headless Chromium through Playwright.

Each page is built from workbooks into a temporary folder and opened from disk, as a secretary
opens it: no console or page errors, no request beyond file://, every link to a file that
exists, and no axe-core violation. `underlag bilder` photographs the same page.
"""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.produce import produce
from tests.browser import check_page, chromium, require_browser
from tests.conftest import edit, find_row


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


def _assert_clean(page: Path, browser) -> None:
    assert page.is_file(), f"the build wrote no {page.name}"
    report = check_page(browser, page)
    assert not report.problems and not report.violations, (
        f"{page} in Chromium:\n{report.text()}")
    assert report.links, "the overview page links to nothing"


def _build(inputs: Path, out: Path) -> Path:
    produce(inputs, out, None)
    return out / "index.html"


@pytest.mark.slow
def test_examples_page(browser, inputs, tmp_path):
    _assert_clean(_build(inputs, tmp_path / "build"), browser)


@pytest.mark.slow
def test_the_intranet_page_of_the_examples(browser, inputs, tmp_path):
    """build/intranat.html, to paste into the intranet: self-contained (no request beyond the
    file itself, no script), and no axe-core violation; it links to nothing."""
    out = tmp_path / "build"
    _build(inputs, out)
    page = out / "intranat.html"
    assert page.is_file(), "the build wrote no intranat.html"
    report = check_page(browser, page)
    assert not report.problems and not report.violations, f"{page} in Chromium:\n{report.text()}"
    assert report.links == []


@pytest.mark.slow
def test_page_with_a_broken_workbook(browser, inputs, tmp_path):
    row = find_row(inputs / "BUN.xlsx", "Grunduppgifter", 1, "Datum för tjänsteskrivelsen")
    edit(inputs / "BUN.xlsx", {"Grunduppgifter": {f"B{row}": "snart"}})  # a date not readable
    page = _build(inputs, tmp_path / "build")
    _assert_clean(page, browser)
    assert f"BUN.xlsx › Grunduppgifter!B{row}" in page.read_text(encoding="utf-8")


@pytest.mark.slow
def test_page_with_changes_since_the_archived_build(browser, runner, workdir):
    if "arkivera" not in main.commands:
        pytest.skip("underlag arkivera finns inte ännu: sidan med ändringar sedan ett arkiverat "
                    "bygge kan inte provas")
    assert runner.invoke(main, ["bygg"]).exit_code == 0
    archived = runner.invoke(main, ["arkivera"])
    assert archived.exit_code == 0, archived.output
    edit(workdir / "inputs/SN.xlsx", {"Kunder": {"C3": "Ett nytt behov efter avstämningen"}})
    rebuilt = runner.invoke(main, ["bygg"])
    assert rebuilt.exit_code == 0, rebuilt.output
    page = workdir / "build/index.html"
    _assert_clean(page, browser)
    assert "Ett nytt behov efter avstämningen" in page.read_text(encoding="utf-8")


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


@pytest.mark.slow
def test_bilder_photographs_the_overview_page(runner, inputs, tmp_path):
    """Through the CLI, on a build folder without its documents (LibreOffice has its own tests)."""
    require_browser(only_chromium=True)
    built = tmp_path / "build"
    _build(inputs, built)
    for document in [*built.rglob("*.docx"), *built.rglob("*.pptx")]:
        document.unlink()
    result = runner.invoke(main, ["bilder", "--build", str(built)])
    picture = built / "bilder" / "oversikt.png"
    assert f"Skrev en bild av översiktssidan till {picture}" in result.output, result.output
    width, height = _png_size(picture)
    assert width == 1280 and 200 < height <= 16000
    if shutil.which("soffice") and shutil.which("pdftoppm"):
        assert result.exit_code == 0, result.output


def test_bilder_without_chromium_says_how_to_install_it(runner, tmp_path, monkeypatch):
    from pipeline.produce import pdf, screenshot

    built = tmp_path / "build"
    built.mkdir()
    (built / "index.html").write_text("<!doctype html><title>Översikt</title>", encoding="utf-8")
    monkeypatch.setattr(screenshot, "chromium", lambda: None)
    monkeypatch.setattr(pdf, "pictures",
                        lambda documents, out, progress: [out / "beslutsunderlag-SN-1.png"])
    result = runner.invoke(main, ["bilder", "--build", str(built)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"Varning: {screenshot.INSTALL}",
                                          f"Skrev 1 bilder till {built / 'bilder'}"]
    assert not (built / "bilder" / "oversikt.png").exists()


BAD_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title></title>
<link rel="stylesheet" href="https://cdn.example.invalid/style.css"></head>
<body><img src="saknas.png"><a href="SN/finns-inte.docx">SN</a><a href="#ingenstans">?</a>
<a href="https://example.invalid/">ut</a><script>console.error("trasig"); undefinedFunction();</script>
</body></html>"""


@pytest.mark.slow
def test_the_check_finds_what_it_looks_for(browser, tmp_path):
    """The harness itself: a page with every fault the overview page must not have."""
    page = tmp_path / "index.html"
    page.write_text(BAD_PAGE, encoding="utf-8")
    report = check_page(browser, page)
    text = report.text()
    for expected in ("network request: GET https://cdn.example.invalid/style.css",
                     "console error: trasig", "page error: ", "failed to load file://",
                     "finns-inte.docx", "'#ingenstans': no element", "not a local file (https:)",
                     "axe image-alt", "axe html-has-lang", "axe document-title"):
        assert expected in text, f"{expected!r} not reported:\n{text}"


@pytest.mark.slow
def test_the_page_bevaka_writes_reloads_itself_only_when_asked_and_stays_accessible(browser,
                                                                                    tmp_path):
    """`underlag bevaka`'s page: clean as it is; with ?auto (the link) it says so, offers to
    stop, reloads, and is as accessible."""
    from tests.browser import AXE

    (tmp_path / "inputs").mkdir()
    out = tmp_path / "build"
    produce(tmp_path / "inputs", out, None, watching=True)
    page = out / "index.html"
    _assert_clean(page, browser)
    quick = out / "snabb.html"  # the same page, reloading every second rather than every 30
    quick.write_text(page.read_text(encoding="utf-8").replace('data-sekunder="30"',
                                                              'data-sekunder="1"'),
                     encoding="utf-8")
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(page.as_uri(), wait_until="load")
        assert tab.is_visible("#uppdatera") and not tab.is_visible("#uppdateras")
        tab.click("#uppdatera")
        tab.wait_for_url("**/index.html?auto")
        assert tab.is_visible("#uppdateras") and not tab.is_visible("#uppdatering")
        assert tab.get_attribute("#sluta-uppdatera", "href") == page.as_uri()
        tab.add_script_tag(path=str(AXE))
        violations = tab.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        assert violations["violations"] == [], violations["violations"]
        tab.click("#sluta-uppdatera")
        tab.wait_for_url(page.as_uri())
        assert tab.is_visible("#uppdatera")

        loads: list[str] = []
        tab.on("load", lambda: loads.append(tab.url))
        tab.goto(quick.as_uri() + "?auto", wait_until="load")
        tab.wait_for_timeout(2500)
        assert len(loads) >= 2 and all(url.endswith("snabb.html?auto") for url in loads), loads
        tab.goto(quick.as_uri(), wait_until="load")
        loads.clear()
        tab.wait_for_timeout(1500)
        assert loads == []  # without ?auto it never reloads
    finally:
        context.close()
