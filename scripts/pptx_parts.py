"""The parts of the deck templates beyond the design system: tables from the schema, the
matrix, dialogue and divider slides, the notes that show a slide, and saving reproducibly.
Used by scripts/pptx_avstamning.py and scripts/pptx_kommun.py."""

from __future__ import annotations

import io

from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt
from pptx_design import (
    ACCENT,
    BODY_PT,
    CELL_MARGIN,
    CONTENT_TOP,
    CONTENT_WIDTH,
    LIGHT,
    MARGIN,
    MUTED,
    TEXT,
    WHITE,
    flat,
    row_height,
    section_slide,
    slide,
    textbox,
)

from pipeline.output import deterministic_zip, fixed_core_dates, template_properties
from pipeline.read import schema as S


def table(s, name: str, columns: list[tuple[str, str, float]], loop: str, top=CONTENT_TOP,
          size: int = BODY_PT):
    """Add a table aligned with the title: a header row centred vertically, and a row repeated
    for each item of a loop, its text at `size`; row heights measured for one line of text."""
    width = sum(w for _, _, w in columns)
    shape = s.shapes.add_table(2, len(columns), MARGIN, top, Inches(width), Inches(0.8))
    shape.name = name
    tbl = shape.table
    tbl.first_row = True
    tbl.horz_banding = True
    for i, (header, cell, w) in enumerate(columns):
        tbl.columns[i].width = Inches(w)
        _cell(tbl.cell(0, i), header, bold=True, color=WHITE, fill=ACCENT, size=size)
        tbl.cell(0, i).vertical_anchor = MSO_ANCHOR.MIDDLE
        _cell(tbl.cell(1, i), (f"{{%tr for {loop} %}}" if i == 0 else "") + cell, size=size)
    tbl.rows[0].height = row_height(size) + Inches(0.08)
    tbl.rows[1].height = row_height(size)
    shape.height = tbl.rows[0].height + tbl.rows[1].height
    return shape


def sheet_table(s, name: str, sheet: S.Sheet, var: str, widths: dict[str, float],
                loop: str = "", size: int = BODY_PT, **own) -> None:
    """Add a table of a workbook sheet's rows, its columns and headers taken from the schema
    (`own`: a column's own headers or expressions, see Sheet.template_columns)."""
    columns = sheet.template_columns(var, widths, **own)
    table(s, name, [(header, f"{{{{ {expr} }}}}", width) for header, expr, width in columns],
          loop or f"{var} in namnd.{sheet.attr}", size=size)


def _cell(cell, text: str, *, bold=False, color=TEXT, fill=None, size=BODY_PT) -> None:
    cell.text = ""
    run = cell.text_frame.paragraphs[0].add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = color
    cell.margin_top = cell.margin_bottom = CELL_MARGIN
    if fill is not None:
        cell.fill.solid()
        cell.fill.fore_color.rgb = fill


def matrix(s, name: str, first_width: float, top=CONTENT_TOP, size: int = BODY_PT):
    """Add a 2×2 table that the engine grows into a matrix (shape name `matris:…`)."""
    shape = s.shapes.add_table(2, 2, MARGIN, top, CONTENT_WIDTH, Inches(0.8))
    shape.name = name
    tbl = shape.table
    tbl.columns[0].width = Inches(first_width)
    tbl.columns[1].width = CONTENT_WIDTH - Inches(first_width)
    _cell(tbl.cell(0, 0), "RUBRIK", bold=True, color=WHITE, fill=ACCENT, size=size)
    _cell(tbl.cell(0, 1), "KOLUMN", bold=True, color=WHITE, fill=ACCENT, size=size)
    _cell(tbl.cell(1, 0), "RAD", bold=True, size=size)
    _cell(tbl.cell(1, 1), "VÄRDE", size=size)
    for r in range(2):
        tbl.rows[r].height = row_height(size)
        for c in range(2):
            cell = tbl.cell(r, c)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            if c:
                cell.margin_left = cell.margin_right = Emu(18288)
                cell.text_frame.paragraphs[0].alignment = PP_ALIGN.CENTER
    return shape


def dialog_slide(prs, loop: str = "f in dialogfragor"):
    """Add the discussion slide, one per question of the meeting: the question large, its
    support below, and a framed space to write in."""
    s = slide(prs, "Dialog – fråga {{ f.nummer }} av {{ f.antal }}",
              main_slide(f"{{%slide for {loop} %}}"))
    textbox(s, "Fråga", [("{{ f.fraga }}", 26, True)], top=Inches(1.55), height=Inches(1.35),
            color=ACCENT)
    textbox(s, "Stöd", [("{{ f.stod }}", 16, False)], top=Inches(2.95), height=Inches(0.9))
    writing_space(s, "Anteckningar", top=Inches(3.95), height=Inches(2.85))
    return s


def writing_space(s, label: str, top, height, name: str = "Anteckningar"):
    """Add a framed space to write in, its label small in the corner."""
    frame = s.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, MARGIN, top, CONTENT_WIDTH, height)
    frame.name = name
    frame.adjustments[0] = 0.04
    frame.fill.background()
    frame.line.color.rgb = LIGHT
    frame.line.width = Pt(2)
    flat(frame)
    text = frame.text_frame
    text.vertical_anchor = MSO_ANCHOR.TOP
    text.margin_left = text.margin_top = Inches(0.15)
    text.text = label
    run = text.paragraphs[0].runs[0]
    run.font.size = Pt(16)
    run.font.color.rgb = MUTED
    text.paragraphs[0].alignment = PP_ALIGN.LEFT
    return frame


def divider(prs, key: str, title: str, question: str) -> None:
    """Add a section divider shown when the agenda has the section (`key` in `avsnitt`)."""
    section_slide(prs, title, question, number=f"{{{{ avsnitt.{key}.nummer }}}}",
                  notes=f"{{%slide if '{key}' in avsnitt %}}")


MAIN_PT = 16  # the smallest text on the slides of the meeting itself, read across a room


def shown_if(condition: str, noun: str) -> str:
    """Return a table slide's notes: shown when the condition holds, and what its summary row
    counts when the rows would take more slides than the kommun's bilder per avsnitt."""
    return f"{{%slide if {condition} %}}\n{{%summary {noun} %}}"


def main_slide(notes: str = "") -> str:
    """Return a slide's notes for the meeting's own part: its text and tables shrink no
    further than MAIN_PT (they continue instead)."""
    return f"{notes}\n{{%minsize {MAIN_PT} %}}".strip()


SMALL = 12  # the smallest text in the decks, under Mer underlag
BELOW_CAPTION = CONTENT_TOP + Inches(0.6)  # a table's top when a caption explains it above


def runs(p, items: list[tuple[str, int, bool, object]]) -> None:
    """Replace a paragraph's runs with (text, size, bold, colour) runs."""
    for r in list(p.runs):
        p._p.remove(r._r)
    for text, size, bold, color in items:
        run = p.add_run()
        run.text = text
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = color


def bullet(p, size: int = BODY_PT) -> None:
    """Make a paragraph a real bullet (PowerPoint's own, not a typed "•")."""
    ppr = p._p.get_or_add_pPr()
    ppr.set("marL", str(int(Pt(size * 1.3))))
    ppr.set("indent", str(-int(Pt(size * 1.3))))
    for old in ppr.findall(qn("a:buNone")):
        ppr.remove(old)
    font = ppr.makeelement(qn("a:buFont"), {"typeface": "Arial"})
    char = ppr.makeelement(qn("a:buChar"), {"char": "•"})
    ppr.append(font)
    ppr.append(char)


def cell_paragraphs(cell, paragraphs: list[list[tuple[str, int, bool, object]]],
                     bullets: tuple[int, ...] = ()) -> None:
    """Fill a table cell with paragraphs of runs; paragraphs numbered in `bullets` get bullets."""
    frame = cell.text_frame
    first = frame.paragraphs[0]
    for extra in frame.paragraphs[1:]:
        frame._txBody.remove(extra._p)
    for i, items in enumerate(paragraphs):
        p = first if i == 0 else frame.add_paragraph()
        runs(p, items)
        if i in bullets:
            bullet(p, items[0][1])


def caption(s, text: str, name: str = "Förklaring", size: int = SMALL + 1) -> None:
    """Add the line that explains a table, between the title and the table."""
    box = textbox(s, name, [(text, size, False)], top=CONTENT_TOP - Inches(0.05),
                  height=BELOW_CAPTION - CONTENT_TOP, color=MUTED)
    box.text_frame.paragraphs[0].space_after = 0


def save(prs, title: str) -> bytes:
    template_properties(prs.core_properties, title, "underlag")
    language(prs)
    buf = io.BytesIO()
    prs.save(buf)
    core = {"docProps/core.xml": fixed_core_dates()}
    return deterministic_zip(buf.getvalue(), core, embedded=core)  # the chart's workbook too


def language(prs) -> None:
    """Mark all text as Swedish: runs, end-of-paragraph marks and the master's text styles."""
    parts = [prs.slide_master, *prs.slide_layouts, *prs.slides, prs]
    for holder in parts:
        for rpr in holder._element.iter(qn("a:rPr"), qn("a:endParaRPr"), qn("a:defRPr")):
            rpr.set("lang", "sv-SE")
