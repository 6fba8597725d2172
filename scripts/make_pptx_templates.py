"""Produce templates/avstamning.pptx and templates/kommunovergripande.pptx (16:9).

Run `python scripts/make_pptx_templates.py`. The committed templates are this script's output.
Staff may restyle them in PowerPoint (theme, fonts, colours, positions) as long as the tags
and the shape names `diagram:…`, `matris:…` and `bild:…` stay; see README, "Mallar".
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # pptx_kommun.py beside it

from pptx_design import (  # noqa: E402 - the design system, shared with pptx_kommun.py
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
    WIDTH,
    agenda_slide,
    flat,
    new_deck,
    row_height,
    section_slide,
    slide,
    textbox,
    title_slide,
)

from pipeline.output import (  # noqa: E402
    atomic_write,
    deterministic_zip,
    fixed_core_dates,
    template_properties,
)
from pipeline.read import schema as S  # noqa: E402


def table(s, name: str, columns: list[tuple[str, str, float]], loop: str, top=CONTENT_TOP):
    """Add a table aligned with the title: a header row centred vertically, and a row repeated
    for each item of a loop; row heights measured for one line of text."""
    width = sum(w for _, _, w in columns)
    shape = s.shapes.add_table(2, len(columns), MARGIN, top, Inches(width), Inches(0.8))
    shape.name = name
    tbl = shape.table
    tbl.first_row = True
    tbl.horz_banding = True
    for i, (header, cell, w) in enumerate(columns):
        tbl.columns[i].width = Inches(w)
        _cell(tbl.cell(0, i), header, bold=True, color=WHITE, fill=ACCENT)
        tbl.cell(0, i).vertical_anchor = MSO_ANCHOR.MIDDLE
        _cell(tbl.cell(1, i), (f"{{%tr for {loop} %}}" if i == 0 else "") + cell)
    tbl.rows[0].height = row_height() + Inches(0.08)
    tbl.rows[1].height = row_height()
    shape.height = tbl.rows[0].height + tbl.rows[1].height
    return shape


def sheet_table(s, name: str, sheet: S.Sheet, var: str, widths: dict[str, float],
                loop: str = "", **own) -> None:
    """Add a table of a workbook sheet's rows, its columns and headers taken from the schema
    (`own`: a column's own headers or expressions, see Sheet.template_columns)."""
    columns = sheet.template_columns(var, widths, **own)
    table(s, name, [(header, f"{{{{ {expr} }}}}", width) for header, expr, width in columns],
          loop or f"{var} in namnd.{sheet.attr}")


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
    s = slide(prs, "Dialog – fråga {{ f.nummer }} av {{ f.antal }}", f"{{%slide for {loop} %}}")
    textbox(s, "Fråga", [("{{ f.fraga }}", 26, True)], top=Inches(1.55), height=Inches(1.35),
            color=ACCENT)
    textbox(s, "Stöd", [("{{ f.stod }}", 16, False)], top=Inches(2.95), height=Inches(0.9))
    frame = s.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, MARGIN, Inches(3.95), CONTENT_WIDTH,
                               Inches(2.85))
    frame.name = "Anteckningar"
    frame.adjustments[0] = 0.04
    frame.fill.background()
    frame.line.color.rgb = LIGHT
    frame.line.width = Pt(2)
    flat(frame)
    text = frame.text_frame
    text.vertical_anchor = MSO_ANCHOR.TOP
    text.margin_left = text.margin_top = Inches(0.15)
    text.text = "Anteckningar"
    run = text.paragraphs[0].runs[0]
    run.font.size = Pt(12)
    run.font.color.rgb = MUTED
    text.paragraphs[0].alignment = PP_ALIGN.LEFT
    return s


AVSTAMNING_FOOTER = "{{ kommun.namn }} · {{ namnd.namn }} · {{ mote.rubrik }}"


def divider(prs, key: str, title: str, question: str) -> None:
    """Add a section divider shown when the agenda has the section (`key` in `avsnitt`)."""
    section_slide(prs, title, question, number=f"{{{{ avsnitt.{key}.nummer }}}}",
                  notes=f"{{%slide if '{key}' in avsnitt %}}")


def shown_if(condition: str, noun: str) -> str:
    """Return a table slide's notes: shown when the condition holds, and what its summary row
    counts when the rows would take more slides than the kommun's bilder per avsnitt."""
    return f"{{%slide if {condition} %}}\n{{%summary {noun} %}}"


def avstamning() -> bytes:
    """Return the per-nämnd avstämning deck template."""
    from pipeline.render.context_avstamning import SECTIONS

    questions = {key: (rubrik, fraga) for key, rubrik, fraga in SECTIONS}
    prs = new_deck(AVSTAMNING_FOOTER)
    title_slide(prs, "{{ namnd.namn }}", "Verksamhetsidé – underlag till avstämning",
                byline="{{ namnd.forvaltning }}")
    agenda_slide(prs, notes="{%slide if agenda %}")
    s = slide(prs, "Utvecklingsgruppen", shown_if("namnd.medlemmar", "medlem/medlemmar"))
    sheet_table(s, "Tabell grupp", S.UTVECKLINGSGRUPP, "m",
                {"namn": 4, "roll": 4, "parti_funktion": 4.1})
    divider(prs, "vad", *questions["vad"])
    s = slide(prs, "Vad – uppdrag och ansvar", shown_if("namnd.ansvar", "område/områden"))
    sheet_table(s, "Tabell ansvar", S.UPPDRAG, "a", {"omrade": 3.6, "beskrivning": 8.5})
    s = slide(prs, "Vad – styrande lagar och direktiv",
              shown_if("namnd.styrdokument", "styrdokument/styrdokument"))
    sheet_table(s, "Tabell styrdokument", S.STYRDOKUMENT, "d", {"namn": 4.4, "typ": 2.3, "styr": 5.4},
                headers={"namn": "Styrdokument"})
    s = slide(prs, "Vad – politikens intentioner", shown_if("namnd.intentioner", "intention/intentioner"))
    sheet_table(s, "Tabell intentioner", S.INTENTIONER, "i", {"intention": 8.1, "kalla": 4})
    divider(prs, "for_vem", *questions["for_vem"])
    s = slide(prs, "För vem och varför – kunder och målgrupper", shown_if("namnd.kunder", "kund/kunder"))
    sheet_table(s, "Tabell kunder", S.KUNDER, "k",
                {"kund": 2.6, "situation": 3.15, "behov": 3.15, "varde": 3.2})
    divider(prs, "utmaningar", *questions["utmaningar"])
    s = slide(prs, "Utmaningar och möjligheter framåt",
              shown_if("namnd.utmaningar", "utmaning eller möjlighet/utmaningar och möjligheter"))
    sheet_table(s, "Tabell utmaningar", S.UTMANINGAR, "u", {"typ": 2.2, "beskrivning": 9.9},
                "u in utmaningar_forst")
    divider(prs, "beroenden", *questions["beroenden"])
    s = slide(prs, "Beroenden till andra", shown_if("namnd.beroenden", "beroende/beroenden"))
    sheet_table(s, "Tabell beroenden", S.BEROENDEN, "b",
                {"part": 3.0, "typ": 1.2, "riktning": 2.3, "beskrivning": 5.6},
                headers={"part": "Beroende till"}, exprs={"part": "b|part"})
    divider(prs, "synergier", *questions["synergier"])
    s = slide(prs, "Synergier med andra nämnder och parter", shown_if("namnd.synergier", "synergi/synergier"))
    sheet_table(s, "Tabell synergier", S.SYNERGIER, "y",
                {"med": 2.8, "process": 3.2, "synergi": 3.2, "nasta_steg": 2.9},
                headers={"med": "Med"}, exprs={"med": "y.med|namnder"})
    # the section opens with the proposal itself: at an avstämning it is what the room discusses
    s = section_slide(prs, "Verksamhetsidé", "{{ ide.formulering }}",
                      number="{{ avsnitt.verksamhetside.nummer }}",
                      notes="{%slide if ide and 'verksamhetside' in avsnitt %}")
    proposal = s.placeholders[1].text_frame.paragraphs[0].runs[0].font
    proposal.size, proposal.color.rgb = Pt(26), ACCENT
    textbox(s, "Version", [("Version {{ ide.version }}, {{ ide.datum|datum }} – "
                            "{{ ide.status|lower }}", BODY_PT, False)],
            top=Inches(6.1), height=Inches(0.5), left=Inches(2.5), width=WIDTH - Inches(3.1),
            color=MUTED)
    s = slide(prs, "Tidigare formuleringar", shown_if("tidigare", "version/versioner"))
    sheet_table(s, "Tabell versioner", S.VERKSAMHETSIDE, "v",
                {"version": 1.3, "datum": 2.4, "status": 2.4, "formulering": 6.0}, "v in tidigare",
                exprs={"datum": "v.datum|datum"})
    dialog_slide(prs)  # no divider: the agenda names it, its slides say "Dialog – fråga 1 av 2"
    s = slide(prs, "Tidslinje", "{%slide if namnd.moten %}")
    matrix(s, "matris:tidslinje", 2.6, size=12)
    textbox(s, "Förklaring", [("{{ veckoschema_forklaring }}", BODY_PT, False)],
            top=Inches(6.2), height=Inches(0.7), color=MUTED)
    s = slide(prs, "Kommande möten", shown_if("kommande", "möte/möten"))
    table(s, "Tabell möten", [("Datum", "{{ r.datum|datum }}", 2.6), ("Tid", "{{ r.tid }}", 1.9),
                              ("Aktivitet", "{{ r.aktivitet }}", 4.6), ("Plats", "{{ r.plats }}", 3.0)],
          "r in kommande")
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
