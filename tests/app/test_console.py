"""The console: problem lines labelled in one stream, any character on any code page, and
progress on standard error while PDFs and pictures are made."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import console
from pipeline.cli import main
from pipeline.diagnostics import Diagnostic, Severity, UnderlagError
from pipeline.produce import pdf
from tests.conftest import ROOT, edit, find_row

STAR = "\N{BLACK STAR}"
NOT_A_WORKBOOK = ("Varning: anteckningar.txt: Filen är ingen Excel-arbetsbok (.xlsx) och läses "
                  "inte. Flytta den om den inte hör hemma i mappen.")


class Terminal(io.StringIO):
    """Standard error as a terminal, that keeps what was written."""

    def isatty(self) -> bool:
        return True


def test_a_problem_line_begins_with_its_label_then_where_it_is():
    assert [str(d) for d in (
        Diagnostic("SN.xlsx", "Kolumnen är tom.", "Kunder", "C7"),
        Diagnostic("SN.xlsx", "Fliken är tom.", "Kunder", severity=Severity.VARNING),
        Diagnostic("", "Ingen arbetsbok."),
    )] == ["Fel: SN.xlsx › Kunder!C7: Kolumnen är tom.",
           "Varning: SN.xlsx › Kunder: Fliken är tom.",
           "Fel: Ingen arbetsbok."]


def test_kontrollera_puts_every_problem_and_the_summary_on_standard_output(runner, workdir):
    edit(workdir / "inputs/SN.xlsx", {"Kunder": {"C3": None}})
    (workdir / "inputs/anteckningar.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(main, ["kontrollera"])
    assert (result.exit_code, result.stderr) == (1, "")  # `> fel.txt` keeps every line
    assert result.stdout.splitlines() == [
        NOT_A_WORKBOOK,
        'Fel: SN.xlsx › Kunder!C3: Kolumnen "Behov" är tom. Beskriv vilket behov kunden har.',
        "Kontrollerade 6 arbetsböcker: 1 fel och 1 varning."]


def test_a_command_that_cannot_run_says_so_on_standard_error(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["kontrollera"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith("Fel: Mappen inputs finns inte.")


@pytest.mark.parametrize(("encoding", "arrow"), [("cp1252", "›"), ("cp850", "?")])
def test_a_character_the_console_lacks_is_replaced_and_never_fatal(inputs, encoding, arrow):
    row = find_row(inputs / "BUN.xlsx", "Grunduppgifter", 1, "Datum för tjänsteskrivelsen")
    edit(inputs / "BUN.xlsx", {"Grunduppgifter": {f"B{row}": f"{STAR} snart"}})
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "kontrollera", "--inputs", str(inputs)], cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": encoding}, capture_output=True, timeout=300)
    assert (done.returncode, done.stderr.decode(encoding)) == (1, "")  # no traceback
    assert done.stdout.decode(encoding).splitlines() == [  # ★ is in neither code page
        f'Fel: BUN.xlsx {arrow} Grunduppgifter!B{row}: Datumet "? snart" kan inte läsas. Skriv '
        "det som ÅÅÅÅ-MM-DD, till exempel 2021-10-07.",
        "Kontrollerade 6 arbetsböcker: 1 fel."]


def test_a_build_ends_by_naming_its_overview_page(runner, workdir):
    first = runner.invoke(main, ["bygg"], catch_exceptions=False)
    again = runner.invoke(main, ["bygg"], catch_exceptions=False)
    for result in (first, again):  # built, and nothing changed
        assert result.stdout.splitlines()[-1] == f"Översikt: {Path('build', 'index.html')}"


def fake_pdf(document: Path, target: Path | None = None) -> Path:
    target = target or document.with_suffix(".pdf")
    target.write_bytes(b"%PDF-1.7\n")
    return target


def test_bygg_pdf_shows_each_pdf_on_standard_error_and_the_problems_stay_apart(
        runner, workdir, monkeypatch):
    monkeypatch.setattr(pdf, "soffice", lambda: "soffice")
    monkeypatch.setattr(pdf, "to_pdf", fake_pdf)
    result = runner.invoke(main, ["bygg", "--pdf"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    made = sorted(Path(line.removeprefix("Skrev ")).relative_to("build")
                  for line in result.stdout.splitlines() if line.endswith(".pdf"))
    assert made and not [line for line in result.stdout.splitlines() if line.startswith("PDF ")]
    progress = result.stderr.splitlines()  # not a terminal: a line per PDF
    assert [line.partition(":")[0] for line in progress] == [
        f"PDF {n} av {len(made)}" for n in range(1, len(made) + 1)]
    assert sorted(Path(line.partition(": ")[2]) for line in progress) == made


def test_convert_all_tells_of_each_pdf_and_returns_them_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "soffice", lambda: "soffice")
    monkeypatch.setattr(pdf, "to_pdf", fake_pdf)
    documents = [tmp_path / f"{name}.docx" for name in ("a", "b", "c")]
    told = []
    made = pdf.convert_all(documents, jobs=2, progress=lambda *step: told.append(step))
    assert made == [d.with_suffix(".pdf") for d in documents]
    assert [(done, total) for done, total, _ in told] == [(1, 3), (2, 3), (3, 3)]
    assert sorted(path for _, _, path in told) == made


def test_convert_all_raises_the_first_failure_in_order_and_counts_only_what_was_made(
        tmp_path, monkeypatch):
    def some_fail(document: Path, target: Path | None = None) -> Path:
        if document.stem != "a":
            raise UnderlagError(f"LibreOffice kunde inte läsa {document.name}.")
        return fake_pdf(document)

    monkeypatch.setattr(pdf, "soffice", lambda: "soffice")
    monkeypatch.setattr(pdf, "to_pdf", some_fail)
    told = []
    with pytest.raises(UnderlagError, match=r"b\.docx"):
        pdf.convert_all([tmp_path / f"{n}.docx" for n in "abc"], progress=lambda *s: told.append(s))
    assert told == [(1, 3, tmp_path / "a.pdf")]


def test_progress_without_a_terminal_is_a_plain_line_per_step(tmp_path, monkeypatch):
    lines = io.StringIO()
    monkeypatch.setattr(sys, "stderr", lines)
    with console.Progress("Bilder", tmp_path) as shown:
        shown(1, 2, tmp_path / "SN" / "avstamning-SN.pptx")
        shown(2, 2, Path("annan/plats.docx"))  # outside the build folder: as it is
    assert lines.getvalue().splitlines() == [
        f"Bilder 1 av 2: {Path('SN/avstamning-SN.pptx')}",
        f"Bilder 2 av 2: {Path('annan/plats.docx')}"]


def test_progress_on_a_terminal_is_one_line_drawn_over_itself(tmp_path, monkeypatch):
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.setattr(shutil, "get_terminal_size", lambda: os.terminal_size((80, 24)))
    first = f"PDF 1 av 2: {Path('SN/beslutsunderlag-SN.pdf')}"
    with console.Progress("PDF", tmp_path) as shown:
        shown(1, 2, tmp_path / "SN" / "beslutsunderlag-SN.pdf")
        shown(2, 2, tmp_path / "tidplan.pdf")
    assert screen.getvalue() == f"\r{first}\r{'PDF 2 av 2: tidplan.pdf'.ljust(len(first))}\n"


def test_progress_on_a_terminal_ends_its_line_when_the_work_stops(tmp_path, monkeypatch):
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.setattr(shutil, "get_terminal_size", lambda: os.terminal_size((20, 24)))
    with pytest.raises(UnderlagError), console.Progress("PDF", tmp_path) as shown:
        shown(1, 3, tmp_path / "en-mycket-lang-filnamn.pdf")
        raise UnderlagError("LibreOffice blev inte klar.")
    assert screen.getvalue() == "\rPDF 1 av 3: en-myck\n"  # cut to the width: one line
