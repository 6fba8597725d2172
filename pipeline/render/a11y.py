"""Accessibility of generated documents (DOS-lagen, EN 301 549 / WCAG 2.1 AA), checked in the files.

Rules: title, author and language sv-SE in the properties and as the text language; headings
without skipped levels; table header rows marked (and so repeated); alt text on pictures and
charts, and a table beside every chart; a unique title on every slide; text contrast of at
least 4.5:1 (3:1 for large text). Each violation names the document, the page element or slide,
and what to change, so that staff who restyle a template learn what they broke.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from lxml import etree

from ..diagnostics import Diagnostic
from .pptx.package import slide_title

LANG = "sv-SE"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {
    "w": W[1:-1],
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
_HEADING = re.compile(r"^(?:heading|rubrik) ?([1-9])$", re.IGNORECASE)
_FILE_NAME = re.compile(r"\.(?:png|jpe?g|gif|bmp|tiff?|emf|wmf|svg)$", re.IGNORECASE)


def _alt_text_missing(descr: str | None) -> bool:
    """Return True when alt text is empty or only a file name ("image.png")."""
    return not (descr or "").strip() or bool(_FILE_NAME.search(descr.strip()))


def _q(prefix: str, name: str) -> str:
    return f"{{{NS[prefix]}}}{name}"


def contrast(foreground: str, background: str) -> float:
    """Return the WCAG contrast ratio of two RRGGBB colours."""
    def luminance(hex_color: str) -> float:
        channels = [int(hex_color[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _minimum(size_pt: float | None, bold: bool) -> float:
    large = size_pt is not None and (size_pt >= 18 or (bold and size_pt >= 14))
    return 3.0 if large else 4.5


def check_document(path: Path, data: bytes | None = None) -> list[Diagnostic]:
    """Return the accessibility violations of a .docx or .pptx file, or of a web page."""
    data = path.read_bytes() if data is None else data
    if path.suffix == ".html":
        from .a11y_html import check_html

        return [Diagnostic(path.name, message, "sidan", element)
                for element, message in check_html(data)]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = {n: etree.fromstring(z.read(n), _PARSER) for n in z.namelist()
               if n.endswith(".xml")}
    found: list[tuple[str, str, str]] = []  # (where, element, message)
    _properties(xml, found)
    if "word/document.xml" in xml:
        _docx(xml, found)
    else:
        _pptx(xml, found)
    return [Diagnostic(path.name, message, where, element) for where, element, message in found]


def _properties(xml: dict, found: list) -> None:
    core = xml.get("docProps/core.xml")
    value = (lambda tag: (core.findtext(tag, "", NS) or "").strip()) if core is not None else (
        lambda tag: "")
    if not value("dc:title"):
        found.append(("egenskaper", "titel", "Dokumentet saknar titel. Fyll i Titel under "
                      "Arkiv › Info › Egenskaper i mallen, eller låt taggen för titeln stå kvar."))
    if not value("dc:creator"):
        found.append(("egenskaper", "författare", "Dokumentet saknar författare eller "
                      "organisation i egenskaperna."))
    if value("dc:language") != LANG:
        found.append(("egenskaper", "språk", f"Dokumentets språk i egenskaperna är inte {LANG}."))


# -- Word --

def _docx(xml: dict, found: list) -> None:
    styles = xml.get("word/styles.xml")
    names: dict[str, str] = {}
    if styles is not None:
        lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
        if lang is None or lang.get(W + "val") != LANG:
            found.append(("formatmallar", "standardspråk", f"Textens standardspråk är inte {LANG}. "
                          "Välj svenska under Granska › Språk för formatmallen Normal."))
        by_id = {s.get(W + "styleId"): s for s in styles.findall("w:style", NS)}
        names = {k: (v.find("w:name", NS).get(W + "val") if v.find("w:name", NS) is not None
                     else k) for k, v in by_id.items()}
        used = {e.get(W + "val") for root in xml.values()
                for e in root.iter(W + "pStyle", W + "rStyle")}
        for style_id in sorted(used & by_id.keys()):
            color, size, bold = _style_format(by_id, style_id)
            if color and contrast(color, "FFFFFF") < _minimum(size, bold):
                found.append(("formatmallar", f'formatmallen "{names[style_id]}"',
                              f"Textfärgen #{color} har för låg kontrast mot vit bakgrund "
                              f"({contrast(color, 'FFFFFF'):.1f}:1). Välj en mörkare färg."))
    body = xml["word/document.xml"].find("w:body", NS)
    _headings(body, names, found)
    for n, tbl in enumerate(body.iter(W + "tbl"), start=1):
        first = tbl.find("w:tr", NS)
        if first is None or first.find("w:trPr/w:tblHeader", NS) is None:
            cells = [_text(tc) for tc in first.findall("w:tc", NS)] if first is not None else []
            found.append((f"tabell {n}", " ".join(cells)[:40],
                          "Tabellens första rad är inte markerad som rubrikrad. Markera raden och "
                          "välj Upprepa som rubrikrad under Tabellayout."))
    for part, root in xml.items():
        if part.startswith("word/") and root is not None:
            for doc_pr in root.iter(_q("wp", "docPr")):
                if _alt_text_missing(doc_pr.get("descr")):
                    found.append(("bilder", doc_pr.get("name", "bild"),
                                  "Bilden saknar alternativtext. Högerklicka och välj "
                                  "Redigera alternativtext."))
    for run in body.iter(W + "r"):
        color = run.find("w:rPr/w:color", NS)
        value = color.get(W + "val", "") if color is not None else ""
        if re.fullmatch(r"[0-9A-Fa-f]{6}", value):
            background = _docx_background(run)
            rpr = run.find("w:rPr", NS)
            if contrast(value, background) < _minimum(_docx_size(rpr), rpr.find("w:b", NS)
                                                      is not None):
                found.append(("text", f'"{_text(run)[:30]}"',
                              f"Textfärgen #{value} mot #{background} har för låg kontrast "
                              f"({contrast(value, background):.1f}:1)."))


def _style_format(by_id: dict, style_id: str) -> tuple[str | None, float | None, bool]:
    """Return a style's colour, size and boldness, following its basedOn chain."""
    color = size = bold = None
    seen = set()
    while style_id in by_id and style_id not in seen:
        seen.add(style_id)
        rpr = by_id[style_id].find("w:rPr", NS)
        if rpr is not None:
            c = rpr.find("w:color", NS)
            if color is None and c is not None and re.fullmatch(r"[0-9A-Fa-f]{6}",
                                                                  c.get(W + "val", "")):
                color = c.get(W + "val")
            size = size if size is not None else _docx_size(rpr)
            bold = bold if bold is not None else (rpr.find("w:b", NS) is not None or None)
        based = by_id[style_id].find("w:basedOn", NS)
        style_id = based.get(W + "val") if based is not None else None
    return color, size, bool(bold)


def _headings(body, names: dict, found: list) -> None:
    previous = 0
    for n, p in enumerate(body.iter(W + "p"), start=1):
        style = p.find("w:pPr/w:pStyle", NS)
        match = _HEADING.match(names.get(style.get(W + "val"), "") if style is not None else "")
        if not match:
            continue
        level = int(match[1])
        if level > previous + 1:
            found.append((f"stycke {n}", f'rubriken "{_text(p)[:40]}"',
                          f"Rubriknivå {level} följer på nivå {previous}; en nivå hoppas över. "
                          f"Använd formatmallen Rubrik {previous + 1}."))
        previous = level


def _docx_size(rpr) -> float | None:
    size = rpr.find("w:sz", NS) if rpr is not None else None
    return int(size.get(W + "val")) / 2 if size is not None else None


def _docx_background(run) -> str:
    for element in run.iterancestors():
        for path in ("w:rPr/w:shd", "w:pPr/w:shd", "w:tcPr/w:shd"):
            shd = element.find(path, NS)
            if shd is not None and re.fullmatch(r"[0-9A-Fa-f]{6}", shd.get(W + "fill", "")):
                return shd.get(W + "fill")
    return "FFFFFF"


def _text(element) -> str:
    return "".join(element.itertext()).strip() if element is not None else ""


# -- PowerPoint --

def _pptx(xml: dict, found: list) -> None:
    scheme = _theme_colors(xml)
    slides = sorted((n for n in xml if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)),
                    key=lambda n: int(re.search(r"(\d+)\.xml", n)[1]))
    titles: dict[str, int] = {}
    for number, name in enumerate(slides, start=1):
        root = xml[name]
        where = f"bild {number}"
        title = slide_title(root)
        if not title:
            found.append((where, "rubrik", "Bilden saknar rubrik. Ge den en rubrik i "
                          "rubrikplatshållaren (den kan döljas utanför bilden)."))
        elif title in titles:
            found.append((where, f'rubriken "{title}"', f"Samma rubrik som bild {titles[title]}. "
                          "Varje bild behöver en egen rubrik."))
        titles.setdefault(title, number)
        has_chart = has_table = False
        for frame in root.iter(_q("p", "graphicFrame")):
            pr = frame.find("p:nvGraphicFramePr/p:cNvPr", NS)
            if frame.find(".//c:chart", NS) is not None:
                has_chart = True
                if _alt_text_missing(pr.get("descr")):
                    found.append((where, pr.get("name", "diagram"), "Diagrammet saknar "
                                  "alternativtext. Högerklicka och välj Redigera alternativtext."))
            tbl = frame.find(".//a:tbl", NS)
            if tbl is not None:
                has_table = True
                props = tbl.find("a:tblPr", NS)
                if props is None or props.get("firstRow") not in ("1", "true"):
                    found.append((where, pr.get("name", "tabell"), "Tabellens första rad är inte "
                                  "markerad som rubrikrad. Markera Rubrikrad under Tabelldesign."))
        if has_chart and not has_table:
            found.append((where, "diagram", "Diagrammet har ingen tabell bredvid sig med samma "
                          "siffror. Lägg till en tabell som motsvarar diagrammet."))
        for pic in root.iter(_q("p", "pic")):
            pr = pic.find("p:nvPicPr/p:cNvPr", NS)
            if _alt_text_missing(pr.get("descr")):
                found.append((where, pr.get("name", "bild"), "Bilden saknar alternativtext "
                              "(eller har bara ett filnamn). Högerklicka och välj Redigera "
                              "alternativtext."))
        _pptx_text(root, where, scheme, found)


def _theme_colors(xml: dict) -> dict[str, str]:
    theme = next((root for name, root in xml.items() if name.startswith("ppt/theme/")), None)
    colors = {}
    if theme is not None:
        scheme = theme.find(".//a:clrScheme", NS)
        for child in scheme if scheme is not None else ():
            value = child.find("a:srgbClr", NS)
            system = child.find("a:sysClr", NS)
            tag = etree.QName(child).localname
            colors[tag] = value.get("val") if value is not None else (
                system.get("lastClr") if system is not None else "000000")
    aliases = {"tx1": "dk1", "bg1": "lt1", "tx2": "dk2", "bg2": "lt2"}
    return {**colors, **{a: colors.get(b, "000000") for a, b in aliases.items()}}


def _color(fill, scheme: dict) -> str | None:
    if fill is None:
        return None
    rgb = fill.find("a:srgbClr", NS)
    if rgb is not None:
        return rgb.get("val")
    named = fill.find("a:schemeClr", NS)
    return scheme.get(named.get("val")) if named is not None else None


def _pptx_text(root, where: str, scheme: dict, found: list) -> None:
    for run in root.iter(_q("a", "r")):
        rpr = run.find("a:rPr", NS)
        if rpr is None:
            continue
        lang = rpr.get("lang")
        if lang and lang != LANG:
            found.append((where, f'"{_text(run)[:30]}"', f"Texten har språket {lang}, inte {LANG}."))
        color = _color(rpr.find("a:solidFill", NS), scheme)
        if not color or not _text(run):
            continue
        background = "FFFFFF"
        for element in run.iterancestors():
            fill = element.find("a:tcPr/a:solidFill", NS)
            if fill is None:
                fill = element.find("p:spPr/a:solidFill", NS)
            found_bg = _color(fill, scheme)
            if found_bg:
                background = found_bg
                break
        size = int(rpr.get("sz")) / 100 if rpr.get("sz") else None
        if contrast(color, background) < _minimum(size, rpr.get("b") == "1"):
            found.append((where, f'"{_text(run)[:30]}"', f"Textfärgen #{color} mot #{background} "
                          f"har för låg kontrast ({contrast(color, background):.1f}:1)."))
