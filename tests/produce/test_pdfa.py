"""PDF/A-2 for the diarium: `bygg --pdf` writes tagged PDF/A-2 files with title, language and
bookmarks, the PDF check catches each rule a PDF breaks, and `tillganglighet` reports it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import docx
import pikepdf
import pytest
from click.testing import CliRunner
from pptx import Presentation

from pipeline.cli import main
from pipeline.produce import outputs
from pipeline.render.pdf_check import check_pdf
from tests.office import needs_libreoffice

XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:dc="http://purl.org/dc/elements/1.1/" {attributes}>{elements}</rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
TITLE = "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>"
REDO = "Gör om PDF-filen med underlag bygg --pdf --alla"
UNREADABLE = f"PDF-filen går inte att läsa: den är trasig eller ingen PDF. {REDO}."
NOT_PDFA = ("PDF-filen är inte i arkivformatet PDF/A-2: metadata (XMP) säger inte att den följer "
            f"PDF/A. {REDO}, eller välj PDF/A-2 när du sparar som PDF.")
NOT_TAGGED = ("PDF-filen är inte taggad, så en skärmläsare hittar inte rubriker, tabeller och "
              f"läsordning. {REDO}, eller välj taggad PDF när du sparar.")
NO_LANG = ("PDF-filen saknar språk; det ska vara sv-SE. Välj svenska som dokumentets språk och gör "
           "om PDF-filen.")
NO_TITLE = ("PDF-filen saknar titel. Fyll i dokumentets titel under Arkiv › Info › Egenskaper och "
            "gör om PDF-filen.")
Fonts = Callable[[pikepdf.Pdf], dict[str, pikepdf.Dictionary]]  # font resources made in a Pdf


# -- PDFs written with pikepdf, good and broken --

def _font(pdf: pikepdf.Pdf, name: str, embedded: bool = True) -> pikepdf.Dictionary:
    descriptor = pikepdf.Dictionary(Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name(f"/{name}"))
    if embedded:
        descriptor.FontFile2 = pikepdf.Stream(pdf, b"\0\1\0\0")
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.TrueType, BaseFont=pikepdf.Name(f"/{name}"),
        FontDescriptor=pdf.make_indirect(descriptor)))


def _composite(pdf: pikepdf.Pdf, name: str, embedded: bool = True) -> pikepdf.Dictionary:
    descendant = _font(pdf, name, embedded)
    descendant.Subtype = pikepdf.Name.CIDFontType2
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0, BaseFont=pikepdf.Name(f"/{name}"),
        Encoding=pikepdf.Name("/Identity-H"), DescendantFonts=pikepdf.Array([descendant])))


def write_pdf(path: Path, *, part: str | None = "2", conformance: str = "B",
              title: str | None = "Verksamhetsidé", xmp_title: str | None = None,
              lang: str | None = "sv-SE", tagged: bool = True, as_elements: bool = False,
              fonts: Fonts | None = None, form_fonts: Fonts | None = None) -> Path:
    """Write a one-page PDF with the given properties; the defaults pass the check. The XMP
    holds PDF/A's part and level as attributes, or `as_elements` (as LibreOffice writes them)."""
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        page = pdf.pages[0].obj
        resources = pikepdf.Dictionary(Font=pikepdf.Dictionary({
            "/F1": _font(pdf, "ABCDEF+Carlito"), "/F2": _composite(pdf, "DejaVuSans"),
            "/F3": pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type3),
            **{f"/{k}": v for k, v in (fonts(pdf) if fonts else {}).items()}}))
        if form_fonts:
            form = pikepdf.Stream(pdf, b"")
            form.Type, form.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
            form.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(
                {f"/{k}": v for k, v in form_fonts(pdf).items()}))
            resources.XObject = pikepdf.Dictionary(X1=pdf.make_indirect(form))
        page.Resources = resources
        attributes = f'pdfaid:part="{part}" pdfaid:conformance="{conformance}"' if part else ""
        elements = TITLE.format(xmp_title) if xmp_title else ""
        if as_elements and part:
            attributes, elements = "", (f"<pdfaid:part>{part}</pdfaid:part><pdfaid:conformance>"
                                        f"{conformance}</pdfaid:conformance>{elements}")
        xmp = pikepdf.Stream(pdf, XMP.format(attributes=attributes, elements=elements).encode())
        xmp.Type, xmp.Subtype = pikepdf.Name.Metadata, pikepdf.Name.XML
        pdf.Root.Metadata = pdf.make_indirect(xmp)
        if title is not None:
            pdf.trailer.Info = pdf.make_indirect(pikepdf.Dictionary(Title=pikepdf.String(title)))
        if lang is not None:
            pdf.Root.Lang = pikepdf.String(lang)
        if tagged:
            pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
            pdf.Root.StructTreeRoot = pdf.make_indirect(pikepdf.Dictionary(
                Type=pikepdf.Name.StructTreeRoot))
        pdf.save(path)
    return path


def messages(path: Path) -> list[str]:
    return [str(d) for d in check_pdf(path)]


def test_a_tagged_pdfa_2_file_with_language_title_and_embedded_fonts_passes(tmp_path):
    assert messages(write_pdf(tmp_path / "bra.pdf")) == []
    assert messages(write_pdf(tmp_path / "a.pdf", conformance="a", lang="SV-se")) == []
    assert messages(write_pdf(tmp_path / "element.pdf", as_elements=True)) == []


def test_a_plain_pdf_lacks_pdfa_tags_language_and_title(tmp_path):
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.save(tmp_path / "vanlig.pdf")
    assert messages(tmp_path / "vanlig.pdf") == [
        f"Fel: vanlig.pdf › egenskaper!PDF/A: {NOT_PDFA}",
        f"Fel: vanlig.pdf › struktur!taggar: {NOT_TAGGED}",
        f"Fel: vanlig.pdf › egenskaper!språk: {NO_LANG}",
        f"Fel: vanlig.pdf › egenskaper!titel: {NO_TITLE}",
    ]


def test_another_pdfa_part_or_no_conformance_level_is_reported(tmp_path):
    assert messages(write_pdf(tmp_path / "a1.pdf", part="1")) == [
        "Fel: a1.pdf › egenskaper!PDF/A: PDF-filen är PDF/A-1, inte PDF/A-2 som diariet tar emot. "
        "Gör om PDF-filen med underlag bygg --pdf --alla, eller välj PDF/A-2 när du sparar som PDF."]
    assert messages(write_pdf(tmp_path / "a3.pdf", part="3", as_elements=True)) == [
        "Fel: a3.pdf › egenskaper!PDF/A: PDF-filen är PDF/A-3, inte PDF/A-2 som diariet tar emot. "
        "Gör om PDF-filen med underlag bygg --pdf --alla, eller välj PDF/A-2 när du sparar som PDF."]
    assert messages(write_pdf(tmp_path / "a2.pdf", conformance="")) == [
        "Fel: a2.pdf › egenskaper!PDF/A: PDF-filen säger att den är PDF/A-2 men inte på vilken nivå "
        "(a, b eller u). Gör om PDF-filen med underlag bygg --pdf --alla."]


def test_marked_content_without_a_structure_tree_is_not_tagged(tmp_path):
    path = write_pdf(tmp_path / "markerad.pdf")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        del pdf.Root.StructTreeRoot
        pdf.save(path)
    assert messages(path) == [f"Fel: markerad.pdf › struktur!taggar: {NOT_TAGGED}"]
    assert messages(write_pdf(tmp_path / "otaggad.pdf", tagged=False)) == [
        f"Fel: otaggad.pdf › struktur!taggar: {NOT_TAGGED}"]


def test_another_language_is_named(tmp_path):
    assert messages(write_pdf(tmp_path / "engelsk.pdf", lang="en-US")) == [
        "Fel: engelsk.pdf › egenskaper!språk: PDF-filens språk är en-US, inte sv-SE. Välj svenska som "
        "dokumentets språk och gör om PDF-filen."]


def test_the_title_may_be_in_the_document_information_or_the_xmp(tmp_path):
    assert messages(write_pdf(tmp_path / "xmp.pdf", title=None, xmp_title="Verksamhetsidé")) == []
    assert messages(write_pdf(tmp_path / "tom.pdf", title="  ", xmp_title=None)) == [
        f"Fel: tom.pdf › egenskaper!titel: {NO_TITLE}"]


def test_fonts_that_are_not_embedded_are_named_once_with_composite_and_form_fonts(tmp_path):
    def missing(pdf: pikepdf.Pdf) -> dict[str, pikepdf.Dictionary]:
        helvetica = pdf.make_indirect(pikepdf.Dictionary(  # a standard 14 font, not in the file
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica))
        return {"F4": helvetica, "F5": _font(pdf, "QWERTY+Arial", embedded=False),
                "F6": _composite(pdf, "Calibri", embedded=False), "F7": helvetica}

    path = write_pdf(tmp_path / "typsnitt.pdf", fonts=missing,
                     form_fonts=lambda pdf: {"F1": _font(pdf, "Georgia", embedded=False)})
    assert messages(path) == [
        "Fel: typsnitt.pdf › typsnitt!inbäddning: Typsnitten Arial, Calibri, Georgia och Helvetica är "
        "inte inbäddade i PDF-filen. PDF/A kräver att alla typsnitt finns i filen: använd "
        "typsnitt som får bäddas in, installerade på datorn som gör PDF-filen, och gör om den."]
    one = write_pdf(tmp_path / "ett.pdf", fonts=lambda pdf: {"F4": _font(pdf, "Arial", False)})
    assert messages(one) == [
        "Fel: ett.pdf › typsnitt!inbäddning: Typsnittet Arial är inte inbäddat i PDF-filen. PDF/A "
        "kräver att alla typsnitt finns i filen: använd typsnitt som får bäddas in, installerade "
        "på datorn som gör PDF-filen, och gör om den."]
    many = write_pdf(tmp_path / "manga.pdf", fonts=lambda pdf: {
        f"F{n}": _font(pdf, name, False) for n, name in enumerate("ABCDEFG", start=4)})
    assert check_pdf(many)[0].message.startswith("Typsnitten A, B, C, D, E och 2 till är inte ")


def test_fonts_inherited_from_the_page_tree_are_checked(tmp_path):
    path = write_pdf(tmp_path / "arvd.pdf", fonts=lambda pdf: {"F4": _font(pdf, "Arial", False)})
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        page = pdf.pages[0].obj
        pdf.Root.Pages.Resources = page.Resources
        del page.Resources
        pdf.save(path)
    assert [d.cell for d in check_pdf(path)] == ["inbäddning"]


@pytest.mark.parametrize("data", [b"", b"%PDF-1.7\n\x00\xff trasig", b"PK\x03\x04 en docx"])
def test_a_file_pikepdf_cannot_read_is_one_message(tmp_path, data):
    path = tmp_path / "trasig.pdf"
    path.write_bytes(data)
    assert messages(path) == [f"Fel: trasig.pdf › fil: {UNREADABLE}"]


def test_a_truncated_pdf_gives_messages_never_a_traceback(tmp_path):
    whole = write_pdf(tmp_path / "hel.pdf").read_bytes()
    path = tmp_path / "halv.pdf"
    path.write_bytes(whole[: len(whole) // 2])
    assert all(isinstance(m, str) for m in messages(path))


def test_an_encrypted_pdf_is_one_message(tmp_path):
    path = write_pdf(tmp_path / "hemlig.pdf")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(owner="ägare", user="läsare"))
    assert messages(path) == [
        "Fel: hemlig.pdf › fil: PDF-filen är lösenordsskyddad, och PDF/A tillåter inte kryptering. "
        "Gör om PDF-filen med underlag bygg --pdf --alla."]


# -- `underlag tillganglighet` on a build folder --

def test_tillganglighet_reports_a_bad_pdf_in_the_build_and_exits_1(example_build, tmp_path):
    build = tmp_path / "build"
    shutil.copytree(example_build[0].parent.parent, build)
    write_pdf(build / "SN" / "beslutsunderlag-SN.pdf", lang="en-US", tagged=False)
    (build / "trasig.pdf").write_bytes(b"ingen pdf")
    result = CliRunner().invoke(main, ["tillganglighet", "--build", str(build)])
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout.splitlines() == [
        f"Fel: beslutsunderlag-SN.pdf › struktur!taggar: {NOT_TAGGED}",
        "Fel: beslutsunderlag-SN.pdf › egenskaper!språk: PDF-filens språk är en-US, inte sv-SE. Välj "
        "svenska som dokumentets språk och gör om PDF-filen.",
        f"Fel: trasig.pdf › fil: {UNREADABLE}",
        "Tillgänglighet: 3 brister."]


# -- the PDFs `underlag bygg --pdf` writes, by LibreOffice --

@pytest.fixture(scope="module")
def pdf_build(tmp_path_factory) -> Path:
    """Build the examples with `underlag bygg --pdf`; return the build folder."""
    from pipeline.blank import write_examples
    from pipeline.examples import KOMMUN, NAMNDER
    from pipeline.read import schema
    from pipeline.read.blank_workbook import write_workbook

    root = tmp_path_factory.mktemp("pdfa")
    write_workbook(schema.KOMMUN, root / "inputs" / "kommun.xlsx", KOMMUN)
    write_examples(root / "inputs", NAMNDER, KOMMUN)
    result = CliRunner().invoke(main, ["bygg", "--pdf", "--inputs", str(root / "inputs"),
                                       "--build", str(root / "build")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return root / "build"


def _title_of(document: Path) -> str:
    if document.suffix == ".pptx":
        return Presentation(document).core_properties.title
    return docx.Document(document).core_properties.title


@pytest.mark.slow  # 18 conversions
@needs_libreoffice
def test_bygg_pdf_writes_tagged_pdfa_2_with_language_title_and_bookmarks(pdf_build):
    converted = {o.target(p.parent.name if o.scope.per_namnd else "") for o in outputs.OUTPUTS
                 if o.pdf for p in pdf_build.rglob("*")}  # what the registry has converted
    documents = sorted(p for p in pdf_build.rglob("*") if p.suffix in (".docx", ".pptx")
                       and p.relative_to(pdf_build).as_posix() in converted)
    pdfs = sorted(pdf_build.rglob("*.pdf"))
    assert pdfs == [d.with_suffix(".pdf") for d in documents]
    assert len(pdfs) == 18  # 5 memos, 5 bilagor, the avrapportering, its bilaga, 6 decks
    for document, path in zip(documents, pdfs, strict=True):
        assert check_pdf(path) == [], path.name
        with pikepdf.open(path) as pdf:
            meta = pdf.open_metadata()
            assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "B"), path.name
            assert str(pdf.Root.Lang) == "sv-SE", path.name
            assert pdf.Root.MarkInfo.Marked is True and "/StructTreeRoot" in pdf.Root
            assert str(pdf.docinfo.Title) == meta["dc:title"] == _title_of(document), path.name
            assert pdf.Root.ViewerPreferences.DisplayDocTitle is True, path.name
            with pdf.open_outline() as outline:
                bookmarks = len(outline.root)
            if document.suffix == ".pptx":
                assert bookmarks == len(Presentation(document).slides), path.name
            else:
                assert bookmarks >= 1, path.name
    result = CliRunner().invoke(main, ["tillganglighet", "--build", str(pdf_build)])
    assert (result.exit_code, result.output) == (0, "Tillgänglighet: inga brister.\n")
