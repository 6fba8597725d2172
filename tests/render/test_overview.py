"""The overview page, build/index.html: written by every build, even when nothing else can be."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

from pipeline.cli import main
from pipeline.examples import NAMNDER
from pipeline.produce import runner as build_runner
from tests.conftest import edit


class Page(HTMLParser):
    """The parts of a page the tests look at: text, links, ids, and the text of each row."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.rows: list[tuple[str, str]] = []  # (class, text)
        self._row: list | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])
        if tag == "tr":
            self._row = [attrs.get("class") or "", []]

    def handle_endtag(self, tag):
        if tag == "tr" and self._row is not None:
            self.rows.append((self._row[0], " ".join(" ".join(self._row[1]).split())))
            self._row = None

    def handle_data(self, data):
        self.parts.append(data)
        if self._row is not None:
            self._row[1].append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def page(build: Path) -> Page:
    return Page((build / "index.html").read_text(encoding="utf-8"))


def bygg(runner, *args: str):
    return runner.invoke(main, ["bygg", *args], catch_exceptions=False)


def test_the_examples_give_a_page_naming_every_nämnd_with_links_that_resolve(runner, workdir):
    assert bygg(runner).exit_code == 0
    html = (workdir / "build/index.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="sv">' in html
    assert not re.search(r"(src|href)=\"(https?:)?//", html)  # nothing fetched from elsewhere
    found = Page(html)
    for namnd in NAMNDER:
        assert namnd.namn in found.text
        assert " ".join(namnd.verksamhetside.formulering.split()) in found.text
    files = [h for h in found.hrefs if not h.startswith("#")]
    assert {"kommunovergripande.pptx", "tidplan.ics", "SN/beslutsunderlag-SN.docx",
            "SN/avstamning-SN.pptx", "SN/tidplan-SN.ics"} <= set(files)
    for href in files:
        assert (workdir / "build" / unquote(href)).is_file(), href
    for href in found.hrefs:
        if href.startswith("#"):
            assert href[1:] in found.ids, href
    assert "Inga fel och inga varningar." in found.text


def test_a_broken_workbook_shows_its_problems_as_kontrollera_prints_them(runner, workdir):
    edit(workdir / "inputs/SN.xlsx", {"Kunder": {"A2": None}})
    assert bygg(runner).exit_code == 1
    checked = runner.invoke(main, ["kontrollera"])
    problems = [line for line in checked.output.splitlines() if "›" in line]
    assert any(line.startswith("Fel: SN.xlsx › Kunder!A2: ") for line in problems)
    text = page(workdir / "build").text
    for line in problems:  # under the nämnd's heading Fel or Varningar: without the label
        label, _, problem = line.partition(": ")
        assert label in ("Fel", "Varning") and problem in text and line not in text
    assert "Byggdes inte" in text


def test_an_unreadable_file_is_listed_with_its_message(runner, workdir):
    (workdir / "inputs/XX.xlsx").write_bytes(b"not a zip")
    bygg(runner)
    found = page(workdir / "build")
    assert "XX.xlsx kunde inte läsas" in found.text
    assert re.search(r"XX\.xlsx: \S", found.text)


def test_a_broken_kommun_workbook_still_gives_a_page(runner, workdir):
    edit(workdir / "inputs/kommun.xlsx", {"Kommun": {"B2": None}})
    result = bygg(runner)
    assert result.exit_code == 1
    found = page(workdir / "build")
    assert "Kommunarbetsboken kommun.xlsx" in found.text
    assert "kommun.xlsx › Kommun!B2" in found.text
    assert not (workdir / "build/kommunovergripande.pptx").exists()
    assert [h for h in found.hrefs if not h.startswith("#")] == []


def test_a_folder_without_workbooks_still_gives_a_page(runner, workdir):
    for path in (workdir / "inputs").iterdir():
        path.unlink()
    bygg(runner)
    assert "Kommunarbetsboken saknas" in page(workdir / "build").text


def test_cell_text_is_data_not_html(runner, workdir):
    evil = '<script>alert("x")</script> {{ 7 * 7 }} & </p>'
    edit(workdir / "inputs/SN.xlsx", {"Verksamhetsidé": {"D4": evil}})
    bygg(runner)
    html = (workdir / "build/index.html").read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; {{ 7 * 7 }} &amp; &lt;/p&gt;" in html
    assert evil in Page(html).text


def test_the_next_milestone_is_highlighted(inputs, tmp_path):
    build = tmp_path / "build"
    build_runner.produce(inputs, build, None, today=dt.date(2021, 10, 7))
    milestones = [(cls, text) for cls, text in page(build).rows
                  if cls in ("passerad", "nasta", "kommande")]
    assert [(cls, text.split()[-1]) for cls, text in milestones] == [
        ("passerad", "Passerad"), ("nasta", "Nästa"), ("kommande", "Kommande")]
    assert "Gemensam avstämning" in milestones[1][1]
    build_runner.produce(inputs, build, None, today=dt.date(2021, 10, 8))  # a new day: a new page
    assert [text for cls, text in page(build).rows if cls == "nasta"] == [
        "9 december 2021 Slutlig avstämning kl. 9.00–12.00 Kommunhuset, sessionssalen Nästa"]


def test_without_a_snapshot_the_page_says_how_to_make_one(inputs, tmp_path):
    build_runner.produce(inputs, tmp_path / "build", None, today=dt.date(2021, 6, 1))
    text = page(tmp_path / "build").text
    assert "underlag arkivera" in text and "Ändringar sedan" not in text
    report = build_runner.produce(inputs, tmp_path / "build", None, today=dt.date(2021, 6, 18))
    assert report.overview == tmp_path / "build/index.html"
    text = page(tmp_path / "build").text
    assert "Ändringar sedan 2021-06-17 Gemensam uppstart" in text
    assert "Inget har ändrats sedan 2021-06-17 Gemensam uppstart." in text


def test_the_page_is_rewritten_when_missing_or_its_template_changes(inputs, tmp_path):
    build, templates = tmp_path / "build", tmp_path / "mallar"
    templates.mkdir()
    today = dt.date(2021, 9, 1)
    build_runner.produce(inputs, build, templates, today=today)
    assert build_runner.produce(inputs, build, templates, today=today).nothing_changed
    (build / "index.html").unlink()
    report = build_runner.produce(inputs, build, templates, today=today)
    assert not report.nothing_changed and (build / "index.html").is_file()
    assert report.written == []  # only the page: every document was up to date
    (templates / "oversikt.html").write_text(
        '<!DOCTYPE html><html lang="sv"><title>Egen</title><p>{{ rubrik }}</p></html>',
        encoding="utf-8")
    assert not build_runner.produce(inputs, build, templates, today=today).nothing_changed
    assert "Egen" in (build / "index.html").read_text(encoding="utf-8")
    (templates / "oversikt.html").write_text("{{ finns_inte }}", encoding="utf-8")
    report = build_runner.produce(inputs, build, templates, today=today)
    assert [str(d) for d in report.rendering] == [
        'Varning: oversikt.html: Mallen för översiktssidan kunde inte användas (namnet '
        '"finns_inte" finns inte); sidan skrevs med standardmallen.']
    assert "Verksamhetsidé – Timrå kommun" in page(build).text
