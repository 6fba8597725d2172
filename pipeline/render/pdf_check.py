"""PDF/A-2 and accessibility of a built PDF, checked in the file with pikepdf.

Rules: the XMP metadata claims PDF/A-2 (pdfaid:part 2 and a conformance level); every font is
embedded, the descendant fonts of composite (Type 0) fonts included, while a Type 3 font is
drawn by the PDF itself; the PDF is tagged (/MarkInfo /Marked true and a structure tree); its
language is sv-SE; it has a title. This reads what the file claims and carries, as a quick check
for staff, and is no full PDF/A validator such as veraPDF. The pages and fonts walked are
limited, so a huge or looping file is checked in bounded time.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
from lxml import etree

from ..diagnostics import Diagnostic
from ..svenska import lista
from .a11y import LANG

MAX_PAGES = 1000  # pages whose fonts are looked at; a tjänsteskrivelse has a few, a deck 30
MAX_FONTS = 500  # font dictionaries looked at in all
MAX_DEPTH = 8  # nested form XObjects, and page-tree parents for inherited resources
MAX_NAMED = 5  # fonts named in the message; the rest are counted
XMP = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_REDO = "Gör om PDF-filen med underlag bygg --pdf --alla"


def check_pdf(path: Path) -> list[Diagnostic]:
    """Return what keeps a PDF from being a tagged PDF/A-2 file with embedded fonts, the
    language sv-SE and a title."""
    try:
        pdf = pikepdf.open(path)
    except pikepdf.PasswordError:
        return [Diagnostic(path.name, "PDF-filen är lösenordsskyddad, och PDF/A tillåter inte "
                           f"kryptering. {_REDO}.", "fil")]
    except Exception:  # noqa: BLE001 - a file that is no PDF fails in many ways inside qpdf
        return [_unreadable(path)]
    found: list[tuple[str, str, str]] = []  # (where, element, message)
    try:
        with pdf:
            xmp = _xmp(pdf)
            _pdfa(xmp, found)
            _tagged(pdf, found)
            _language(pdf, found)
            _title(pdf, xmp, found)
            _fonts(pdf, found)
    except Exception:  # noqa: BLE001 - a damaged PDF fails in many ways while it is read
        return [_unreadable(path)]
    return [Diagnostic(path.name, message, where, element) for where, element, message in found]


def _unreadable(path: Path) -> Diagnostic:
    return Diagnostic(path.name, "PDF-filen går inte att läsa: den är trasig eller ingen PDF. "
                      f"{_REDO}.", "fil")


# -- metadata --

def _xmp(pdf: pikepdf.Pdf) -> etree._Element | None:
    """Return the root of the PDF's XMP metadata, or None when it has none that parses."""
    stream = pdf.Root.get("/Metadata")
    if not isinstance(stream, pikepdf.Stream):
        return None
    try:
        return etree.fromstring(stream.read_bytes(), _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None


def _property(xmp: etree._Element | None, prefix: str, name: str) -> str:
    """Return an XMP property's text, written as an attribute or as an element, or ""."""
    if xmp is None:
        return ""
    key = f"{{{XMP[prefix]}}}{name}"
    for description in xmp.iter(f"{{{XMP['rdf']}}}Description"):
        if description.get(key) is not None:
            return description.get(key, "").strip()
        element = description.find(key)
        if element is not None:
            return " ".join(t.strip() for t in element.itertext() if t.strip())
    return ""


def _pdfa(xmp: etree._Element | None, found: list) -> None:
    part, level = _property(xmp, "pdfaid", "part"), _property(xmp, "pdfaid", "conformance")
    if not part:
        found.append(("egenskaper", "PDF/A", "PDF-filen är inte i arkivformatet PDF/A-2: "
                      "metadata (XMP) säger inte att den följer PDF/A. "
                      f"{_REDO}, eller välj PDF/A-2 när du sparar som PDF."))
    elif part != "2":
        found.append(("egenskaper", "PDF/A", f"PDF-filen är PDF/A-{part}, inte PDF/A-2 som "
                      f"diariet tar emot. {_REDO}, eller välj PDF/A-2 när du sparar som PDF."))
    elif level.upper() not in ("A", "B", "U"):
        found.append(("egenskaper", "PDF/A", "PDF-filen säger att den är PDF/A-2 men inte på "
                      f"vilken nivå (a, b eller u). {_REDO}."))


def _tagged(pdf: pikepdf.Pdf, found: list) -> None:
    mark = pdf.Root.get("/MarkInfo")
    marked = isinstance(mark, pikepdf.Dictionary) and mark.get("/Marked") is True
    if not marked or not isinstance(pdf.Root.get("/StructTreeRoot"), pikepdf.Dictionary):
        found.append(("struktur", "taggar", "PDF-filen är inte taggad, så en skärmläsare hittar "
                      "inte rubriker, tabeller och läsordning. "
                      f"{_REDO}, eller välj taggad PDF när du sparar."))


def _language(pdf: pikepdf.Pdf, found: list) -> None:
    lang = pdf.Root.get("/Lang")
    lang = str(lang).strip() if isinstance(lang, pikepdf.String) else ""
    if not lang:
        found.append(("egenskaper", "språk", f"PDF-filen saknar språk; det ska vara {LANG}. "
                      "Välj svenska som dokumentets språk och gör om PDF-filen."))
    elif lang.lower() != LANG.lower():
        found.append(("egenskaper", "språk", f"PDF-filens språk är {lang}, inte {LANG}. "
                      "Välj svenska som dokumentets språk och gör om PDF-filen."))


def _title(pdf: pikepdf.Pdf, xmp: etree._Element | None, found: list) -> None:
    info = pdf.trailer.get("/Info")
    title = info.get("/Title") if isinstance(info, pikepdf.Dictionary) else None
    if isinstance(title, pikepdf.String) and str(title).strip():
        return
    if not _property(xmp, "dc", "title"):
        found.append(("egenskaper", "titel", "PDF-filen saknar titel. Fyll i dokumentets titel "
                      "under Arkiv › Info › Egenskaper och gör om PDF-filen."))


# -- fonts --

def _fonts(pdf: pikepdf.Pdf, found: list) -> None:
    missing: list[str] = []
    seen: set[tuple[int, int]] = set()
    budget = [MAX_FONTS]
    for number, page in enumerate(pdf.pages):
        if number >= MAX_PAGES or budget[0] <= 0:
            break
        _walk(_resources(page.obj), seen, budget, missing, MAX_DEPTH)
    if missing:
        names = sorted(set(missing))
        more = [f"{len(names) - MAX_NAMED} till"] if len(names) > MAX_NAMED else []
        one = len(names) == 1
        found.append(("typsnitt", "inbäddning",
                      f"{'Typsnittet' if one else 'Typsnitten'} {lista(names[:MAX_NAMED] + more)} "
                      f"{'är inte inbäddat' if one else 'är inte inbäddade'} i PDF-filen. "
                      "PDF/A kräver att alla typsnitt finns i filen: använd typsnitt som får "
                      "bäddas in, installerade på datorn som gör PDF-filen, och gör om den."))


def _resources(node: pikepdf.Object) -> pikepdf.Dictionary | None:
    """Return a page's resources, inherited from the page tree when the page has none."""
    for _ in range(MAX_DEPTH):
        if not isinstance(node, pikepdf.Dictionary):
            return None
        resources = node.get("/Resources")
        if isinstance(resources, pikepdf.Dictionary):
            return resources
        node = node.get("/Parent")
    return None


def _walk(resources: pikepdf.Object | None, seen: set, budget: list[int], missing: list[str],
          depth: int) -> None:
    """Note the fonts that are not embedded in resources and the form XObjects they draw."""
    if not isinstance(resources, pikepdf.Dictionary) or depth <= 0 or not _first(resources, seen):
        return
    fonts = resources.get("/Font")
    if isinstance(fonts, pikepdf.Dictionary):
        for key in list(fonts.keys()):
            font = fonts.get(key)
            if budget[0] <= 0:
                return
            if isinstance(font, pikepdf.Dictionary) and _first(font, seen):
                budget[0] -= 1
                if not _embedded(font):
                    missing.append(_name(font, key))
    xobjects = resources.get("/XObject")
    if isinstance(xobjects, pikepdf.Dictionary):
        for key in list(xobjects.keys()):
            form = xobjects.get(key)
            if isinstance(form, pikepdf.Stream) and form.get("/Subtype") == pikepdf.Name.Form:
                _walk(form.get("/Resources"), seen, budget, missing, depth - 1)


def _first(obj: pikepdf.Object, seen: set) -> bool:
    """Return True the first time an indirect object is met (a direct one is always new)."""
    if not obj.is_indirect:
        return True
    if obj.objgen in seen:
        return False
    seen.add(obj.objgen)
    return True


def _embedded(font: pikepdf.Dictionary) -> bool:
    """Return True when a font's program is in the file (or the font is drawn, as Type 3)."""
    subtype = font.get("/Subtype")
    if subtype == pikepdf.Name.Type3:
        return True
    if subtype == pikepdf.Name.Type0:
        descendants = font.get("/DescendantFonts")
        return (isinstance(descendants, pikepdf.Array) and len(descendants) > 0
                and all(isinstance(d, pikepdf.Dictionary) and _has_program(d)
                        for d in list(descendants)[:MAX_NAMED]))
    return _has_program(font)


def _has_program(font: pikepdf.Dictionary) -> bool:
    descriptor = font.get("/FontDescriptor")
    return isinstance(descriptor, pikepdf.Dictionary) and any(
        isinstance(descriptor.get(key), pikepdf.Stream)
        for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def _name(font: pikepdf.Dictionary, key: str) -> str:
    """Return a font's name without its subset prefix ("ABCDEF+Arial" is "Arial")."""
    base = font.get("/BaseFont")
    name = str(base)[1:] if isinstance(base, pikepdf.Name) else str(key).lstrip("/")
    prefix, plus, rest = name.partition("+")
    return rest if plus and len(prefix) == 6 and prefix.isupper() else name
