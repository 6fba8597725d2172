"""What the Word templates share: styles, the A4 page with its header and footer, and the
helpers that write docxtpl paragraphs and tables (scripts/make_templates.py uses them)."""

from __future__ import annotations

from pathlib import Path

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from pipeline.read import schema as S

ACCENT = RGBColor(0x1F, 0x4E, 0x79)  # 8.6:1 against white
TEXT_WIDTH = Cm(16)
SIGNATURE_TAB = Cm(8.5)  # the handläggare's column of the signature block
FONT = "Calibri"
# What follows w:pBdr in a paragraph's properties (CT_PPrBase, ECMA-376 Part 1, 17.3.1.26).
_AFTER_PBDR = tuple(f"w:{name}" for name in (
    "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct",
    "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
    "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr",
    "pPrChange"))


def _lang(rpr) -> None:
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "sv-SE")
    lang.set(qn("w:eastAsia"), "sv-SE")
    lang.set(qn("w:bidi"), "ar-SA")
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    rpr.append(lang)


def _styles(doc) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    normal.paragraph_format.widow_control = True  # no lone first or last line of a paragraph
    _lang(normal.element.get_or_add_rPr())
    doc_defaults = doc.styles.element.find(qn("w:docDefaults"))
    _lang(doc_defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")))
    for level, size in ((1, 18), (2, 14), (3, 12), (4, 11)):
        style = styles[f"Heading {level}"]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = ACCENT if level < 4 else RGBColor(0, 0, 0)
        style.paragraph_format.space_before = Pt(18 if level <= 2 else 12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
        rfonts = style.element.rPr.find(qn("w:rFonts"))
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)
    ide = styles.add_style("Verksamhetsidé", WD_STYLE_TYPE.PARAGRAPH)
    ide.base_style = normal
    ide.font.size = Pt(14)
    ide.font.color.rgb = ACCENT
    ide.paragraph_format.left_indent = Cm(0.8)
    ide.paragraph_format.right_indent = Cm(0.8)
    ide.paragraph_format.space_before = Pt(12)
    ide.paragraph_format.space_after = Pt(12)
    ide.paragraph_format.keep_together = True
    ppr = ide.element.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for key, value in (("val", "single"), ("sz", "24"), ("space", "12"), ("color", "1F4E79")):
        left.set(qn(f"w:{key}"), value)
    border.append(left)
    ppr.insert_element_before(border, *_AFTER_PBDR)  # CT_PPrBase is a sequence
    meta = styles.add_style("Ärendeuppgift", WD_STYLE_TYPE.PARAGRAPH)
    meta.base_style = normal
    meta.font.size = Pt(10)
    meta.paragraph_format.space_after = Pt(0)
    cell = styles.add_style("Tabelltext", WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    cell.font.size = Pt(10)
    cell.paragraph_format.space_after = Pt(2)
    cell.paragraph_format.line_spacing = 1.0
    sign = styles.add_style("Underskrift", WD_STYLE_TYPE.PARAGRAPH)
    sign.base_style = normal
    sign.paragraph_format.space_after = Pt(0)
    sign.paragraph_format.keep_with_next = True
    sign.paragraph_format.keep_together = True
    sign.paragraph_format.tab_stops.add_tab_stop(SIGNATURE_TAB)
    missing = styles.add_style("Saknas", WD_STYLE_TYPE.PARAGRAPH)  # a gap the workbook must fill
    missing.base_style = normal
    missing.font.italic = True
    missing.font.color.rgb = RGBColor(0x9C, 0x00, 0x06)  # dark red, 8.3:1 against the fill
    shading = OxmlElement("w:shd")
    for key, value in (("val", "clear"), ("color", "auto"), ("fill", "FFF2CC")):
        shading.set(qn(f"w:{key}"), value)
    missing.element.get_or_add_pPr().insert_element_before(shading, *_AFTER_PBDR[1:])


DNR = "{% if namnd.diarienummer %}Dnr {{ namnd.diarienummer }}{% endif %}"
# The tjänsteskrivelse's header: kommun, förvaltning, date and Dnr; then kommun and Dnr
MEMO_HEADER = (("{{ kommun.namn }}", "Tjänsteskrivelse", True),
               ("{{ namnd.forvaltning }}", "{{ namnd.datum|datum }}", False),
               ("", DNR, False))
MEMO_LATER = (("{{ kommun.namn }}", DNR, False),)


def _page(doc, first_page=MEMO_HEADER, later_pages=MEMO_LATER, footer: str = "{{ titel }}") -> None:
    """A4 with a header of (left, right, bold) lines on the first page and on later pages,
    and a footer with `footer` and the page number."""
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(3), Cm(2)
    section.header_distance = Cm(1.2)
    section.different_first_page_header_footer = True
    for name, size in (("Header", 10), ("Footer", 9)):
        doc.styles[name].paragraph_format.tab_stops.clear_all()
        doc.styles[name].font.size = Pt(size)  # the page number fields' size too
    _logo_slot(section.first_page_header)
    for header, lines in ((section.first_page_header, first_page), (section.header, later_pages)):
        _header_lines(doc, header, lines)
    for part in (section.first_page_footer, section.footer):
        _footer(doc, part, footer)


def landscape_section(doc, header_lines, footer: str) -> None:
    """End the section so far and begin an A4 landscape one, with its own header (the later
    pages' lines) and footer across the wider page."""
    from docx.enum.section import WD_ORIENT, WD_SECTION

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2)
    section.different_first_page_header_footer = False
    width = section.page_width - section.left_margin - section.right_margin
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    _header_lines(doc, section.header, header_lines, width)
    _footer(doc, section.footer, footer, width)


LOGO = Path(__file__).resolve().parent.parent / "templates" / "logotyp.png"  # make_logo.py's
LOGO_HEIGHT = Cm(1.3)


def _logo_slot(header) -> None:
    """Put the logo slot first in a header: a picture named `bild:logotyp` (the build puts the
    kommun's logo in its place, or takes it out without one)."""
    _logo_picture(header.paragraphs[0])


def _logo_picture(p) -> None:
    """Make a header paragraph the logo slot's: the picture, named `bild:logotyp`."""
    p.paragraph_format.space_after = Pt(6)
    p.add_run().add_picture(str(LOGO), height=LOGO_HEIGHT)
    doc_pr = p._p.find(".//" + qn("wp:docPr"))
    doc_pr.set("name", "bild:logotyp")
    doc_pr.set("descr", "Kommunens logotyp")


def _header_lines(doc, header, lines, width=TEXT_WIDTH) -> None:
    first = header.paragraphs[0]
    taken = first._p.find(".//" + qn("w:drawing")) is not None  # the logo's paragraph
    for i, (left, right, bold) in enumerate(lines):
        p = first if i == 0 and not taken else header.add_paragraph()
        p.style = doc.styles["Header"]
        p.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        run = p.add_run(f"{left}\t{right}")
        run.bold = bold
        run.font.size = Pt(10)
    header.paragraphs[-1].paragraph_format.space_after = Pt(12)


def _footer(doc, footer_part, text: str = "{{ titel }}", width=TEXT_WIDTH) -> None:
    footer = footer_part.paragraphs[0]
    footer.style = doc.styles["Footer"]
    footer.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    footer.add_run(f"{text}\tSida ").font.size = Pt(9)
    _field(footer, "PAGE")
    footer.add_run(" av ").font.size = Pt(9)
    _field(footer, "NUMPAGES")


def _field(paragraph, code: str) -> None:
    run = paragraph.add_run()
    run.font.size = Pt(9)
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == code:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {code} "
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)


class Builder:
    """Helpers that write template paragraphs and tables into a document."""

    def __init__(self, doc) -> None:
        self.doc = doc

    def p(self, text: str, style: str = "Normal", *, keep: bool = False):
        """Add a paragraph; with `keep`, kept on the page of the paragraph after it."""
        paragraph = self.doc.add_paragraph(text, style=style)
        if keep:
            paragraph.paragraph_format.keep_with_next = True
        return paragraph

    def tag(self, text: str):
        """Add a docxtpl paragraph tag ({%p … %}); the paragraph disappears when rendered."""
        return self.doc.add_paragraph(f"{{%p {text} %}}")

    def h(self, text: str, level: int):
        return self.doc.add_heading(text, level)

    def paragraphs(self, expr: str, style: str = "Normal") -> None:
        """Add one paragraph per blank-line separated part of a text."""
        self.bullets(f"stycke in {expr}|stycken", "{{ stycke }}", style)

    def bullets(self, loop: str, text: str, style: str = "List Bullet", *,
                keep: bool = False) -> None:
        self.tag(f"for {loop}")
        self.p(text, style, keep=keep)
        self.tag("endfor")

    def table(self, loop: str, columns: list[tuple[str, str, float]], *,
              together: bool = False) -> None:
        """Add a table with a repeated header row and one row per item of a loop; with
        `together`, a short table kept on one page (its rows kept with the next)."""
        table = self.doc.add_table(rows=4, cols=len(columns))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        header, start, body, end = table.rows
        _header_row(header)
        _cant_split(body)  # docxtpl repeats this row, its properties with it
        for i, (title, expr, width) in enumerate(columns):
            for row in table.rows:
                row.cells[i].width = Cm(width)
            _cell_text(header.cells[i], title, bold=True)
            _cell_text(body.cells[i], f"{{{{ {expr} }}}}")
        if together:
            for row in (header, body):
                for cell in row.cells:
                    cell.paragraphs[0].paragraph_format.keep_with_next = True
        _cell_text(start.cells[0], f"{{%tr for {loop} %}}")
        _cell_text(end.cells[0], "{%tr endfor %}")
        grid = table._tbl.tblGrid
        for col, (_, _, width) in zip(grid.findall(qn("w:gridCol")), columns, strict=True):
            col.set(qn("w:w"), str(int(Cm(width).twips)))
        self.doc.add_paragraph("", style="Normal").paragraph_format.space_after = Pt(0)

    def sheet_table(self, sheet: S.Sheet, var: str, widths: dict[str, float], **own) -> None:
        """Add a table of a workbook sheet's rows, its columns and headers taken from the schema
        (`own`: a column's own headers or expressions, see Sheet.template_columns)."""
        self.table(f"{var} in namnd.{sheet.attr}", sheet.template_columns(var, widths, **own))


def _cant_split(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _header_row(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    trpr.append(header)
    _cant_split(row)
    for cell in row.cells:
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), "DCE6F1")
        cell._tc.get_or_add_tcPr().append(shading)


def _cell_text(cell, text: str, *, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = cell.part.document.styles["Tabelltext"]
    run = paragraph.add_run(text)
    run.bold = bold


def _preserve_spaces(doc) -> None:
    """Keep spaces around tags: docxtpl puts rendered text inside the template's w:t."""
    parts = [doc.part]
    for s in doc.sections:
        parts += [s.header.part, s.footer.part, s.first_page_header.part, s.first_page_footer.part]
    for part in parts:
        for t in part.element.iter(qn("w:t")):
            t.set(qn("xml:space"), "preserve")


def _drop_styles_with_effects(doc) -> None:
    """Leave out Word 2010's copy of the styles: python-docx's default has one that no longer
    matches styles.xml once we add styles, and Word rewrites it from styles.xml anyway."""
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(rid)


