"""PDF/A-2 beside each document, by LibreOffice: tagged, with title, language and bookmarks."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from ..diagnostics import UnderlagError
from ..output import NotReplaced, atomic_write
from . import programs

# LibreOffice's export filters, for the diarium and for screen readers: PDF/A-2b (SelectPdfVersion
# 2; LibreOffice 7.4 offers 1, 2 and 3 for PDF/A-1b, -2b and -3b and no level a or u), tagged,
# bookmarks from headings and slide titles, and the title rather than the file name in the
# reader's window. With PDF/A-2 on, 7.4 still writes the structure tree, /Lang, the title (in
# the document information and the XMP) and the outlines (tests/produce/test_pdfa.py). 7.4 tags
# a PDF/A-2 file by itself and exports bookmarks by default; the options say so all the same,
# since what a version implies for PDF/A has changed between versions.
_OPTIONS = ('{"SelectPdfVersion":{"type":"long","value":"2"},'
            '"UseTaggedPDF":{"type":"boolean","value":"true"},'
            '"ExportBookmarks":{"type":"boolean","value":"true"},'
            '"DisplayPDFDocumentTitle":{"type":"boolean","value":"true"},'
            '"ExportNotes":{"type":"boolean","value":"false"}}')
# The private profile's locale: Impress writes a deck's /Lang from LibreOffice's locale, not
# from the deck (Writer takes the document's language), so on a machine with an English locale
# every deck was "en-US". The pages are drawn the same in either locale.
_PROFILE = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<oor:items xmlns:oor="http://openoffice.org/2001/registry">'
            '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" '
            'oor:op="fuse"><value>sv-SE</value></prop></item></oor:items>\n')
FILTERS = {".docx": f"pdf:writer_pdf_Export:{_OPTIONS}", ".pptx": f"pdf:impress_pdf_Export:{_OPTIONS}"}
TIMEOUT = 180
INSTALL = programs.LIBREOFFICE


def soffice() -> str | None:
    """Return LibreOffice's command (on PATH, or where Windows or macOS installs it), or None
    when it is not installed."""
    return programs.soffice()


def to_pdf(document: Path, target: Path | None = None, *, timeout: int = TIMEOUT) -> Path:
    """Convert one document to PDF with a private LibreOffice profile; return the PDF's path."""
    command = soffice()
    if command is None:
        raise UnderlagError(INSTALL)
    target = target or document.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="underlag-pdf-") as work:
        work_dir = Path(work)
        settings = work_dir / "profil" / "user" / "registrymodifications.xcu"
        settings.parent.mkdir(parents=True)
        settings.write_text(_PROFILE, encoding="utf-8")
        profile = (work_dir / "profil").as_uri()
        run_program("LibreOffice", [
            command, f"-env:UserInstallation={profile}", "--headless", "--norestore",
            "--convert-to", FILTERS[document.suffix.lower()], "--outdir", str(work_dir),
            str(document)], subject=document.name, task="göra PDF av", timeout=timeout)
        made = work_dir / f"{document.stem}.pdf"
        if not made.is_file():  # LibreOffice exits 0 even when it could not load a file
            raise UnderlagError(f"LibreOffice kunde inte läsa {document.name}, så ingen PDF "
                                "gjordes.")
        atomic_write(target, made.read_bytes())
    return target


def convert_all(documents: list[Path], jobs: int | None = None,
                progress: Callable[[int, int, Path], None] | None = None,
                held: list[NotReplaced] | None = None) -> list[Path]:
    """Convert documents to PDF beside them, as many at once as the machine has cores.

    `progress` is called with how many are done, of how many, and the PDF, as each is made.
    A PDF open in a reader is left as it was; with `held`, that is added there and the others
    are made all the same, else it is raised.
    """
    if not documents:
        return []
    if soffice() is None:
        raise UnderlagError(INSTALL)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(documents)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(to_pdf, document) for document in documents]
        if progress is not None:
            made = (f for f in as_completed(futures) if f.exception() is None)
            for done, future in enumerate(made, start=1):
                progress(done, len(futures), future.result())
        return [pdf for future in futures  # a failure: the first, in order
                if (pdf := _made(future, held)) is not None]


def _made(future, held: list[NotReplaced] | None) -> Path | None:
    """Return a conversion's PDF, or None when the PDF was held and `held` takes it."""
    try:
        return future.result()
    except NotReplaced as exc:
        if held is None:
            raise
        held.append(exc)
        return None


PNG_DPI = 60


def pictures(documents: list[Path], out: Path, jobs: int | None = None,
             progress: Callable[[int, int, Path], None] | None = None) -> list[Path]:
    """Render documents page by page to PNG (LibreOffice → PDF → pdftoppm) for reviewers.

    `progress` is called with how many are done, of how many, and the document, as each is.
    """
    pdftoppm = programs.pdftoppm()
    if pdftoppm is None:
        raise UnderlagError(programs.PDFTOPPM)
    if soffice() is None:
        raise UnderlagError(INSTALL)
    out.mkdir(parents=True, exist_ok=True)

    def one(document: Path) -> list[Path]:
        stem = document.stem  # "beslutsunderlag-SN", "avstamning-SN": unique in a build
        with tempfile.TemporaryDirectory(prefix="underlag-png-") as work:
            pdf = to_pdf(document, Path(work) / f"{document.stem}.pdf")
            for old in out.glob(f"{stem}-*.png"):
                old.unlink()
            subprocess.run([pdftoppm, "-png", "-r", str(PNG_DPI), str(pdf), str(out / stem)],
                           check=True, capture_output=True, timeout=TIMEOUT)
        return sorted(out.glob(f"{stem}-*.png"))

    workers = max(1, min(jobs or os.cpu_count() or 1, len(documents) or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(one, document): document for document in documents}
        if progress is not None:
            made = (f for f in as_completed(futures) if f.exception() is None)
            for done, future in enumerate(made, start=1):
                progress(done, len(futures), futures[future])
        return [png for future in futures for png in future.result()]


def run_program(program: str, args: list[str], *, subject: str, task: str, timeout: int) -> None:
    """Run LibreOffice or Chromium on a file; a time-out or a failure is a Swedish message."""
    try:
        subprocess.run(args, check=True, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise UnderlagError(f"{program} blev inte klar med {subject} på {timeout} sekunder. "
                            "Försök igen.") from None
    except subprocess.CalledProcessError as exc:
        raise UnderlagError(f"{program} kunde inte {task} {subject} (slutkod "
                            f"{exc.returncode}).") from None
