"""A file open in Word, PowerPoint or a PDF reader is not replaced: the previous one is kept,
everything else is built, the message says which file and what to do, and the next build
writes it.

On Windows `os.replace` refuses a file another program has open (PermissionError); here that
is simulated for one target. The rendering jobs run in this process, so that the patch applies
where the file is written.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

import pipeline.output as output
from pipeline.cli import main
from pipeline.produce import manifest, pool
from pipeline.produce.runner import OVERVIEW

OPEN_IN_WORD = ("Filen är öppen i Word eller ett annat program och kunde inte ersättas; den "
                "förra versionen ligger kvar. Stäng filen och bygg igen.")
OUTPUTS = (".docx", ".pptx", ".ics", ".pdf")
OLD = b"last week's version"


@pytest.fixture(autouse=True)
def quick(monkeypatch):
    """Render in this process (the patched os.replace applies) and try again without waiting."""
    monkeypatch.setattr(pool, "PARALLEL_FROM", 10**6)
    monkeypatch.setattr(pool, "SPAWN_FROM", 10**6)
    monkeypatch.setattr(output, "REPLACE_PAUSE", 0)


def hold(monkeypatch, *held: Path) -> list[Path]:
    """Make os.replace refuse the held files, as Windows does while Word has one open; return
    the files it was asked to replace them with, each time."""
    real = os.replace
    refused = []

    def replace(src, dst):
        if Path(dst) in held:
            refused.append(Path(dst))
            raise PermissionError(13, "Åtkomst nekad", str(dst))
        return real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    return refused


def build(inputs: Path, *extra: str):
    return CliRunner().invoke(main, ["bygg", "--inputs", str(inputs), "--build",
                                     str(inputs.parent / "build"), *extra])


def outputs_in(build_dir: Path) -> list[Path]:
    return sorted(p for p in build_dir.rglob("*") if p.suffix in OUTPUTS)


def links(page: str) -> dict[str, str]:
    """Return each document link's list item on the overview page, by its href."""
    return {m.group(1): m.group(0) for m in re.finditer(r'<li><a href="([^"]+)">.*?</li>', page)}


def test_a_document_open_in_word_is_kept_the_rest_built_and_the_next_build_writes_it(
        inputs, monkeypatch):
    build_dir = inputs.parent / "build"
    assert build(inputs).exit_code == 0
    for path in [*outputs_in(build_dir), build_dir / OVERVIEW]:
        path.write_bytes(OLD)  # last week's files
    held = build_dir / "SN" / "beslutsunderlag-SN.docx"
    with monkeypatch.context() as patch:
        refused = hold(patch, held)
        result = build(inputs, "--alla")

    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert f"Fel: {held}: {OPEN_IN_WORD}" in result.output.splitlines()
    assert refused == [held] * output.REPLACE_TRIES  # tried again a few times, then left
    assert held.read_bytes() == OLD
    others = [p for p in outputs_in(build_dir) if p != held]
    assert len(others) == 39
    assert all(p.read_bytes() != OLD for p in others)
    assert not list(build_dir.rglob(f"{output.TEMP_PREFIX}*"))
    page = (build_dir / OVERVIEW).read_text(encoding="utf-8")
    marked = [href for href, item in links(page).items() if "Inte uppdaterad" in item]
    assert marked == ["SN/beslutsunderlag-SN.docx"]
    assert "<h3>Filer som inte kunde ersättas</h3>" in page
    assert OPEN_IN_WORD in page
    record = manifest.Manifest.load(build_dir)
    assert "SN/beslutsunderlag-SN.docx" not in record.outputs  # not up to date
    assert "SN/bilaga-1-SN.docx" in record.outputs

    again = build(inputs)  # Word closed; nothing else changed

    assert again.exit_code == 0, again.output
    assert [line for line in again.output.splitlines() if line.startswith("Skrev")] == [
        f"Skrev {held}"]
    assert docx.Document(held).paragraphs[0].text == "Socialnämnden"
    assert "Inte uppdaterad" not in (build_dir / OVERVIEW).read_text(encoding="utf-8")
    assert build(inputs).output.startswith("Inget har ändrats")


def test_a_read_only_file_is_kept_with_its_own_message(inputs, monkeypatch):
    """Windows will not replace a file marked read-only (os.replace onto one succeeds on Linux,
    so the refusal is simulated; the mark is real)."""
    build_dir = inputs.parent / "build"
    assert build(inputs).exit_code == 0
    held = build_dir / "SN" / "avstamning-SN.pptx"
    held.write_bytes(OLD)
    held.chmod(0o444)
    with monkeypatch.context() as patch:
        hold(patch, held)
        result = build(inputs, "--alla")
    assert result.exit_code == 1
    assert f"Fel: {held}: Filen är skrivskyddad och kunde inte ersättas; den förra versionen " \
           "ligger kvar. Ta bort skrivskyddet och bygg igen." in result.output.splitlines()
    assert held.read_bytes() == OLD


def fake_libreoffice(monkeypatch) -> None:
    """Make PDFs without LibreOffice: a PDF of each document, where LibreOffice puts it."""
    from pipeline.produce import pdf

    def convert(program, args, **_):
        outdir, document = Path(args[args.index("--outdir") + 1]), Path(args[-1])
        (outdir / f"{document.stem}.pdf").write_bytes(b"%PDF-1.7\n%" + document.name.encode())

    monkeypatch.setattr(pdf, "soffice", lambda: "soffice")
    monkeypatch.setattr(pdf, "run_program", convert)


def test_a_pdf_open_in_a_reader_is_kept_and_made_by_the_next_build(inputs, monkeypatch):
    fake_libreoffice(monkeypatch)
    build_dir = inputs.parent / "build"
    assert build(inputs, "--pdf").exit_code == 0
    held = build_dir / "SN" / "beslutsunderlag-SN.pdf"
    held.write_bytes(OLD)
    with monkeypatch.context() as patch:
        hold(patch, held)
        result = build(inputs, "--pdf", "--alla")

    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"Fel: {held}: Filen är öppen i en PDF-läsare eller ett annat program och kunde inte " \
           "ersättas; den förra versionen ligger kvar. Stäng filen och bygg igen." \
        in result.output.splitlines()
    assert held.read_bytes() == OLD
    assert (build_dir / "SN" / "beslutsunderlag-SN.docx").read_bytes() != OLD
    assert (build_dir / "BUN" / "beslutsunderlag-BUN.pdf").is_file()
    page = (build_dir / OVERVIEW).read_text(encoding="utf-8")
    assert [href for href, item in links(page).items() if "Inte uppdaterad" in item] == [
        "SN/beslutsunderlag-SN.pdf"]
    assert "SN/beslutsunderlag-SN.docx" not in manifest.Manifest.load(build_dir).outputs

    again = build(inputs, "--pdf")
    assert again.exit_code == 0, again.output
    assert [line for line in again.output.splitlines() if line.startswith("Skrev")] == [
        f"Skrev {held.with_suffix('.docx')}", f"Skrev {held}"]
    assert held.read_bytes().startswith(b"%PDF")


def test_an_overview_page_held_open_is_said_and_the_build_goes_on(inputs, monkeypatch):
    build_dir = inputs.parent / "build"
    assert build(inputs).exit_code == 0
    page = build_dir / OVERVIEW
    page.write_bytes(OLD)
    with monkeypatch.context() as patch:
        hold(patch, page)
        result = build(inputs, "--alla")
    assert result.exit_code == 1
    assert f"Fel: {page}: Filen är öppen i ett annat program och kunde inte ersättas; den förra " \
           "versionen ligger kvar. Stäng filen och bygg igen." in result.output.splitlines()
    assert page.read_bytes() == OLD
    assert len([line for line in result.output.splitlines() if line.startswith("Skrev")]) == 41

    again = build(inputs)  # no replay of the last build: the page is written
    assert again.exit_code == 0, again.output
    assert "Inte uppdaterad" not in page.read_text(encoding="utf-8")
    assert build(inputs).output.startswith("Inget har ändrats")


def test_a_manifest_held_open_is_said_and_the_build_goes_on(inputs, monkeypatch):
    build_dir = inputs.parent / "build"
    assert build(inputs).exit_code == 0
    held = build_dir / manifest.NAME
    with monkeypatch.context() as patch:
        hold(patch, held)
        result = build(inputs, "--alla")
    assert result.exit_code == 1
    assert f"Fel: {held}: Filen är öppen i ett annat program och kunde inte ersättas; den förra " \
           "versionen ligger kvar. Stäng filen och bygg igen." in result.output.splitlines()
    assert build(inputs).exit_code == 0  # the last manifest still holds: all is up to date


FORKING = pytest.mark.skipif(not hasattr(os, "fork") or (os.cpu_count() or 1) < 2,
                             reason="forked workers only where the OS forks, on several cores")


@FORKING
def test_a_file_held_while_a_worker_writes_it_is_said_the_same(inputs, monkeypatch):
    """The workers write the outputs: a held one comes back to the build as such."""
    from pipeline.produce import produce

    monkeypatch.setattr(pool, "PARALLEL_FROM", 1)
    monkeypatch.setattr(pool.threading, "active_count", lambda: 1)  # as in a build's process
    build_dir = inputs.parent / "build"
    held = build_dir / "KS" / "tidplan-KS.ics"
    hold(monkeypatch, held)  # inherited by the forked workers
    report = produce(inputs, build_dir, None)
    assert report.held == report.failed == [held]
    assert [str(d) for d in report.writing] == [
        f"Fel: {held}: Filen är öppen i ett kalenderprogram eller ett annat program och kunde "
        "inte ersättas; den förra versionen ligger kvar. Stäng filen och bygg igen."]
    assert len(report.written) == 40


def test_a_file_held_a_moment_is_replaced_once_it_is_let_go(tmp_path, monkeypatch):
    """An antivirus or the search indexer holds a new file a moment: tried again, not given up."""
    target = tmp_path / "beslutsunderlag-SN.docx"
    target.write_bytes(OLD)
    real, tries = os.replace, []

    def replace(src, dst):
        tries.append(dst)
        if len(tries) < output.REPLACE_TRIES:
            raise PermissionError(13, "Åtkomst nekad", str(dst))
        return real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    output.atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert len(tries) == output.REPLACE_TRIES


def test_a_file_held_for_good_is_given_up_soon_and_left_whole(tmp_path, monkeypatch):
    import time

    monkeypatch.setattr(output, "REPLACE_PAUSE", 0.01)
    target = tmp_path / "SN.xlsx"
    target.write_bytes(OLD)
    hold(monkeypatch, target)
    started = time.monotonic()
    with pytest.raises(output.NotReplaced) as raised:
        output.atomic_write(target, b"new")
    assert time.monotonic() - started < 1
    assert raised.value.message == (
        f"{target} är öppen i Excel eller ett annat program och kunde inte ersättas; den förra "
        "versionen ligger kvar. Stäng filen och försök igen.")
    assert target.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["SN.xlsx"]  # no half-written file left


def test_a_blank_workbook_over_one_open_in_excel_is_one_swedish_line(tmp_path, monkeypatch):
    target = tmp_path / "SN.xlsx"
    target.write_bytes(OLD)
    hold(monkeypatch, target)
    result = CliRunner().invoke(main, ["arbetsbok", "SN", "-o", str(target), "--ersatt",
                                       "--inputs", str(tmp_path / "inputs")])
    assert result.exit_code == 1
    assert f"Fel: {target} är öppen i Excel eller ett annat program" in result.output
    assert "Traceback" not in result.output and target.read_bytes() == OLD
