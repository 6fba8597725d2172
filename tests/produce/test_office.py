"""Real office software: every example output opens in LibreOffice and becomes a proper PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation

from pipeline.cli import main
from pipeline.produce import pdf
from tests.office import needs_libreoffice


def pdf_pages(path: Path) -> int:
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
        return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)[1])
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


@pytest.fixture(scope="module")
def pdfs(example_build, tmp_path_factory) -> dict[Path, Path]:
    out = tmp_path_factory.mktemp("pdf")
    documents = [p for p in example_build if p.suffix in (".docx", ".pptx")]
    targets = {d: out / f"{d.stem}.pdf" for d in documents}
    converted = pdf.convert_all(documents)  # beside the documents, as `bygg --pdf` does
    for document, made in zip(documents, converted, strict=True):
        shutil.move(made, targets[document])
    return targets


@needs_libreoffice
def test_every_example_output_converts_and_decks_keep_their_slide_count(pdfs):
    # 5 memos, 5 bilagor, the avrapportering, its bilaga, the intranet text, 6 decks and the
    # passes' 15 arbetsmaterial
    assert len(pdfs) == 19 + 15
    for document, made in pdfs.items():
        assert made.stat().st_size > 1000, document.name
        if document.suffix == ".pptx":
            assert pdf_pages(made) == len(Presentation(document).slides), document.name
        elif document.name.startswith("beslutsunderlag-"):
            assert 2 <= pdf_pages(made) <= 4, document.name  # a tjänsteskrivelse
        else:
            assert pdf_pages(made) >= 1, document.name


@needs_libreoffice
def test_the_pdf_is_tagged_with_title_language_and_bookmarks(pdfs):
    document = next(d for d in pdfs if d.name == "beslutsunderlag-SN.docx")
    data = pdfs[document].read_bytes()
    assert b"/StructTreeRoot" in data  # tagged
    assert b"/Lang(sv-SE)" in data
    assert b"/Outlines" in data  # bookmarks from the headings
    info = subprocess.run(["pdfinfo", str(pdfs[document])], capture_output=True, text=True)
    if info.returncode == 0:
        assert "Verksamhetsidé för socialnämnden" in info.stdout


def test_bygg_pdf_without_libreoffice_says_how_to_install_it(tmp_path, inputs, monkeypatch):
    monkeypatch.setattr(pdf, "soffice", lambda: None)
    result = CliRunner().invoke(main, ["bygg", "--pdf", "--inputs", str(inputs), "--build",
                                       str(tmp_path / "build")])
    assert (result.exit_code, result.output) == (1, f"Fel: {pdf.INSTALL}\n")
    assert not (tmp_path / "build").exists()


@needs_libreoffice
def test_bilder_renders_every_page_to_png(tmp_path, example_build):
    build = tmp_path / "build"
    build.mkdir()
    deck = next(p for p in example_build if p.name == "avstamning-KTN.pptx")
    shutil.copy(deck, build / deck.name)
    result = CliRunner().invoke(main, ["bilder", "--build", str(build)], catch_exceptions=False)
    slides = len(Presentation(deck).slides)
    assert result.stdout == (  # a folder with a deck only
        f"Varning: Ingen bild av översiktssidan: {build / 'index.html'} finns inte. Kör underlag "
        f"bygg först.\nSkrev {slides} bilder till {build / 'bilder'}\n")
    assert result.stderr == "Bilder 1 av 1: avstamning-KTN.pptx\n"  # progress, one per document
    assert len(list((build / "bilder").glob("avstamning-KTN-*.png"))) == slides
