"""Produce templates/avstamning.pptx and templates/kommunovergripande.pptx (16:9).

Run `python scripts/make_pptx_templates.py`. The committed templates are this script's output.
Staff may restyle them in PowerPoint (theme, fonts, colours, positions) as long as the tags
and the shape names `diagram:…`, `matris:…` and `bild:…` stay; see README, "Mallar".
"""

from __future__ import annotations

import copy
import io
import sys
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # pptx_kommun.py beside it

from pipeline.output import (  # noqa: E402
    atomic_write,
    deterministic_zip,
    fixed_core_dates,
    template_properties,
)
from pipeline.read import schema as S  # noqa: E402

ACCENT = RGBColor(0x1F, 0x4E, 0x79)  # 8.6:1 on white
LIGHT = RGBColor(0xDC, 0xE6, 0xF1)
TEXT = RGBColor(0x26, 0x26, 0x26)  # 15:1 on white
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.6)
CONTENT_TOP = Inches(1.45)
CONTENT_WIDTH = WIDTH - 2 * MARGIN
CONTENT_HEIGHT = Inches(5.3)
BODY_PT = 14
LAYOUT_TITLE, LAYOUT_TITLE_ONLY = 0, 5


def new_deck():
    """Return an empty 16:9 presentation with a sober master: dark blue titles, an accent bar."""
    prs = Presentation()
    scale = WIDTH / prs.slide_width
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    for holder in [prs.slide_master, *prs.slide_layouts]:
        for shape in holder.shapes:
            if shape.left is not None:
                shape.left, shape.width = int(shape.left * scale), int(shape.width * scale)
    master = prs.slide_master
    title_style = master._element.find(qn("p:txStyles")).find(qn("p:titleStyle"))
    rpr = title_style.find(qn("a:lvl1pPr")).find(qn("a:defRPr"))
    rpr.set("sz", "3000")
    rpr.set("b", "1")
    for fill in rpr.findall(qn("a:solidFill")):
        rpr.remove(fill)
    fill = rpr.makeelement(qn("a:solidFill"), {})
    fill.append(fill.makeelement(qn("a:srgbClr"), {"val": "1F4E79"}))
    rpr.insert(0, fill)
    title_style.find(qn("a:lvl1pPr")).set("algn", "l")
    scratch = prs.slides.add_slide(prs.slide_layouts[6])  # masters cannot add shapes
    bar = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, HEIGHT - Inches(0.12), WIDTH,
                                   Inches(0.12))
    bar.fill.solid()
    bar.fill.fore_color.rgb = ACCENT
    bar.line.fill.background()
    bar.name = "Dekor"
    c_nv_pr = bar._element.find(".//" + qn("p:cNvPr"))
    c_nv_pr.set("id", "100")
    _decorative(c_nv_pr)
    master.shapes._spTree.append(copy.deepcopy(bar._element))
    sld_ids = prs.slides._sldIdLst
    prs.part.drop_rel(sld_ids[0].rId)
    sld_ids.remove(sld_ids[0])
    cover = prs.slide_layouts[LAYOUT_TITLE]
    cover_title, cover_sub = cover.placeholders[0], cover.placeholders[1]
    cover_title.left, cover_title.top = MARGIN, Inches(2.3)
    cover_title.width, cover_title.height = CONTENT_WIDTH - Inches(2.6), Inches(1.4)
    cover_sub.left, cover_sub.top = MARGIN, Inches(3.9)
    cover_sub.width, cover_sub.height = CONTENT_WIDTH - Inches(2.6), Inches(1.6)
    layout = prs.slide_layouts[LAYOUT_TITLE_ONLY]
    title = layout.placeholders[0]
    title.left, title.top, title.width, title.height = MARGIN, Inches(0.35), CONTENT_WIDTH, Inches(0.9)
    return prs


def _decorative(c_nv_pr) -> None:
    """Mark a shape as decorative, so screen readers skip it (Office's adec extension)."""
    ext_lst = c_nv_pr.makeelement(qn("a:extLst"), {})
    ext = ext_lst.makeelement(qn("a:ext"), {"uri": "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"})
    adec = "http://schemas.microsoft.com/office/drawing/2017/decorative"
    ext.append(ext.makeelement(f"{{{adec}}}decorative", {"val": "1"}, nsmap={"adec": adec}))
    ext_lst.append(ext)
    c_nv_pr.append(ext_lst)


def slide(prs, title: str, notes: str = "", layout: int = LAYOUT_TITLE_ONLY):
    """Add a slide with a title and, optionally, a directive in its notes."""
    s = prs.slides.add_slide(prs.slide_layouts[layout])
    s.shapes.title.text = title
    s.shapes.title.name = "Rubrik"
    for shape in list(s.placeholders):
        if shape.placeholder_format.idx != 0:
            shape._element.getparent().remove(shape._element)
    if notes:
        s.notes_slide.notes_text_frame.text = notes
    return s


def textbox(s, name: str, paragraphs: list[tuple[str, int, bool]], top=CONTENT_TOP,
            height=CONTENT_HEIGHT, left=MARGIN, width=CONTENT_WIDTH, color=TEXT):
    """Add a text box of (text, size, bold) paragraphs that wraps within its box."""
    box = s.shapes.add_textbox(left, top, width, height)
    box.name = name
    frame = box.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.TOP
    for i, (text, size, bold) in enumerate(paragraphs):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = p.add_run()
        run.text = text
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = color
        p.space_after = Pt(6)
    return box


def table(s, name: str, columns: list[tuple[str, str, float]], loop: str, top=CONTENT_TOP):
    """Add a table: a header row, and a row repeated for each item of a loop."""
    width = sum(w for _, _, w in columns)
    shape = s.shapes.add_table(2, len(columns), MARGIN, top, Inches(width), Inches(0.8))
    shape.name = name
    tbl = shape.table
    tbl.first_row = True
    tbl.horz_banding = True
    for i, (header, cell, w) in enumerate(columns):
        tbl.columns[i].width = Inches(w)
        _cell(tbl.cell(0, i), header, bold=True, color=WHITE, fill=ACCENT)
        _cell(tbl.cell(1, i), (f"{{%tr for {loop} %}}" if i == 0 else "") + cell)
    tbl.rows[0].height = Inches(0.4)
    tbl.rows[1].height = Inches(0.4)
    return shape


def sheet_table(s, name: str, sheet: S.Sheet, var: str, widths: dict[str, float],
                loop: str = "", **own) -> None:
    """Add a table of a workbook sheet's rows, its columns and headers taken from the schema
    (`own`: a column's own headers or expressions, see Sheet.template_columns)."""
    columns = sheet.template_columns(var, widths, **own)
    table(s, name, [(header, f"{{{{ {expr} }}}}", width) for header, expr, width in columns],
          loop or f"{var} in namnd.{sheet.attr}")


def _cell(cell, text: str, *, bold=False, color=TEXT, fill=None) -> None:
    cell.text = ""
    run = cell.text_frame.paragraphs[0].add_run()
    run.text = text
    run.font.size = Pt(BODY_PT)
    run.font.bold = bold
    run.font.color.rgb = color
    cell.margin_top = cell.margin_bottom = Emu(45720)
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
    _cell(tbl.cell(0, 0), "RUBRIK", bold=True, color=WHITE, fill=ACCENT)
    _cell(tbl.cell(0, 1), "KOLUMN", bold=True, color=WHITE, fill=ACCENT)
    _cell(tbl.cell(1, 0), "RAD", bold=True)
    _cell(tbl.cell(1, 1), "VÄRDE")
    for r in range(2):
        for c in range(2):
            cell = tbl.cell(r, c)
            cell.text_frame.paragraphs[0].runs[0].font.size = Pt(size)
            if c:
                cell.margin_left = cell.margin_right = Emu(18288)
                cell.text_frame.paragraphs[0].alignment = PP_ALIGN.CENTER
    return shape


def title_slide(prs, title: str, subtitle: str):
    s = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE])
    s.shapes.title.text = title
    s.shapes.title.name = "Rubrik"
    sub = s.placeholders[1]
    sub.name = "Underrubrik"
    sub.text = subtitle
    s.shapes.title.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    for p in sub.text_frame.paragraphs:
        p.alignment = PP_ALIGN.LEFT
        for r in p.runs:
            r.font.size = Pt(20)
            r.font.color.rgb = TEXT
    logo = s.shapes.add_shape(MSO_SHAPE.RECTANGLE, WIDTH - MARGIN - Inches(2.2), Inches(0.4),
                              Inches(2.2), Inches(1.0))
    logo.name = "bild:logotyp"
    logo.fill.background()
    logo.line.fill.background()
    logo._element.find(".//" + qn("p:cNvPr")).set("descr", "Kommunens logotyp")
    return s


def avstamning() -> bytes:
    """Return the per-nämnd avstämning deck template."""
    prs = new_deck()
    title_slide(prs, "{{ namnd.namn }}",
                "Verksamhetsidé – underlag till avstämning\n{{ kommun.namn }} · "
                "{{ namnd.forvaltning }}")
    s = slide(prs, "Utvecklingsgruppen", "{%slide if namnd.medlemmar %}")
    sheet_table(s, "Tabell grupp", S.UTVECKLINGSGRUPP, "m",
                {"namn": 4, "roll": 4, "parti_funktion": 4.1})
    s = slide(prs, "Vad – uppdrag och ansvar", "{%slide if namnd.ansvar %}")
    sheet_table(s, "Tabell ansvar", S.UPPDRAG, "a", {"omrade": 3.6, "beskrivning": 8.5})
    s = slide(prs, "Vad – styrande lagar och direktiv", "{%slide if namnd.styrdokument %}")
    sheet_table(s, "Tabell styrdokument", S.STYRDOKUMENT, "d", {"namn": 4.4, "typ": 2.3, "styr": 5.4},
                headers={"namn": "Styrdokument"})
    s = slide(prs, "Vad – politikens intentioner", "{%slide if namnd.intentioner %}")
    sheet_table(s, "Tabell intentioner", S.INTENTIONER, "i", {"intention": 8.1, "kalla": 4})
    s = slide(prs, "För vem och varför – kunder och målgrupper", "{%slide if namnd.kunder %}")
    sheet_table(s, "Tabell kunder", S.KUNDER, "k",
                {"kund": 2.6, "situation": 3.15, "behov": 3.15, "varde": 3.2})
    s = slide(prs, "Utmaningar och möjligheter", "{%slide if namnd.utmaningar %}")
    sheet_table(s, "Tabell utmaningar", S.UTMANINGAR, "u", {"typ": 2.2, "beskrivning": 9.9},
                "u in utmaningar_forst")
    s = slide(prs, "Beroenden till andra", "{%slide if namnd.beroenden %}")
    sheet_table(s, "Tabell beroenden", S.BEROENDEN, "b",
                {"part": 3.3, "typ": 1.4, "riktning": 2.6, "beskrivning": 4.8},
                headers={"part": "Beroende till"}, exprs={"part": "b|part"})
    s = slide(prs, "Samband och synergier", "{%slide if namnd.synergier %}")
    sheet_table(s, "Tabell synergier", S.SYNERGIER, "y",
                {"med": 2.8, "process": 3.2, "synergi": 3.2, "nasta_steg": 2.9},
                headers={"med": "Med"}, exprs={"med": "y.med|namnder"})
    s = slide(prs, "Förslag till verksamhetsidé", "{%slide if ide %}")
    textbox(s, "Verksamhetsidé", [("{{ ide.formulering }}", 28, False)], top=Inches(1.8),
            height=Inches(3.6), left=Inches(1.2), width=WIDTH - Inches(2.4), color=ACCENT)
    textbox(s, "Version", [("Version {{ ide.version }}, {{ ide.datum|datum }} – "
                            "{{ ide.status|lower }}", BODY_PT, False)],
            top=Inches(5.8), height=Inches(0.6), left=Inches(1.2), width=WIDTH - Inches(2.4))
    s = slide(prs, "Verksamhetsidéns versioner", "{%slide if namnd.verksamhetsideer|length > 1 %}")
    sheet_table(s, "Tabell versioner", S.VERKSAMHETSIDE, "v",
                {"version": 1.3, "datum": 2.4, "status": 2.4, "formulering": 6.0}, "v in versioner",
                exprs={"datum": "v.datum|datum"})
    s = slide(prs, "Tidslinje", "{%slide if namnd.moten %}")
    matrix(s, "matris:tidslinje", 2.6, size=12)
    textbox(s, "Förklaring", [("Siffrorna är dagarna i veckan då mötena hålls; ■ markerar "
                               "passens veckor och … veckor utan möten.", BODY_PT, False)],
            top=Inches(6.1), height=Inches(0.7))
    s = slide(prs, "Tidplan och möten", "{%slide if tidplan %}")
    table(s, "Tabell möten", [("Datum", "{{ r.datum|datum }}", 2.6), ("Tid", "{{ r.tid }}", 1.9),
                              ("Aktivitet", "{{ r.aktivitet }}", 4.6), ("Plats", "{{ r.plats }}", 3.0)],
          "r in tidplan")
    return _save(prs, "Avstämning – verksamhetsidé")


def _save(prs, title: str) -> bytes:
    template_properties(prs.core_properties, title, "underlag")
    _language(prs)
    buf = io.BytesIO()
    prs.save(buf)
    core = {"docProps/core.xml": fixed_core_dates()}
    return deterministic_zip(buf.getvalue(), core, embedded=core)  # the chart's workbook too


def _language(prs) -> None:
    """Mark all text as Swedish: runs, end-of-paragraph marks and the master's text styles."""
    parts = [prs.slide_master, *prs.slide_layouts, *prs.slides, prs]
    for holder in parts:
        for rpr in holder._element.iter(qn("a:rPr"), qn("a:endParaRPr"), qn("a:defRPr")):
            rpr.set("lang", "sv-SE")


def main() -> None:
    from pptx_kommun import kommunovergripande

    for name, build in (("avstamning.pptx", avstamning), ("kommunovergripande.pptx",
                                                           kommunovergripande)):
        target = ROOT / "templates" / name
        atomic_write(target, build())
        print(f"Skrev {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
