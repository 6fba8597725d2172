"""The arbetsmaterial deck's own parts: exercise slides with their questions, answer tables
with a caption, empty canvases (a table of blank rows, framed boxes) and the card of a pass.
Part of scripts/make_pptx_templates.py (the deck is scripts/pptx_arbetsmaterial.py)."""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt
from pptx_design import (
    ACCENT,
    CONTENT_TOP,
    CONTENT_WIDTH,
    LIGHT,
    MARGIN,
    MUTED,
    TEXT,
    WHITE,
    WIDTH,
    filled,
    flat,
    section_slide,
    slide,
    textbox,
)
from pptx_parts import MAIN_PT, runs, sheet_table, table

from pipeline.read import schema as S

# each period's slides are shown for its key (the context's `arbetspass.nyckel`)
P12, P34, P5 = (f"arbetspass.nyckel == '{key}'" for key in ("1-2", "3-4", "5"))
AFTER = ("Efter passet för processtödet in gruppens svar i arbetsboken, så att nästa "
         "arbetsmaterial och presentationerna visar dem.")
SO_FAR = "Det gruppen har skrivit i arbetsboken hittills: gå vidare där ni slutade."
EMPTY = "Inget är skrivet här ännu: skriv på ytan, så för processtödet in det i arbetsboken."
QUESTION_PT = 22  # the questions of an exercise, on its divider
ANSWERS_PT = MAIN_PT - 2  # the least a table of answers shrinks to, to save a slide
CAPTION_TOP = CONTENT_TOP - Inches(0.05)
BELOW = CONTENT_TOP + Inches(0.55)  # a table's or canvas's top beneath its caption
BOTTOM = Inches(6.75)  # clear of the footer rule
GAP = Inches(0.3)


def notes(directive: str, guidance: str = "", floor: int = MAIN_PT) -> str:
    """Return a slide's notes: its directive, the smallest size its text shrinks to (the main
    part's), and the processtöd's guidance (the speaker's text PowerPoint shows beside the
    slide)."""
    return f"{directive}\n{{%minsize {floor} %}}\n{guidance}".strip()


def exercise(prs, number: str, title: str, questions: list[str], shown: str, guidance: str):
    """Add an exercise's divider: its number, its title and its questions, one per paragraph
    (the template's own text: the kommun changes them here)."""
    s = section_slide(prs, title, questions[0], number=number, notes=notes(shown, guidance))
    frame = s.placeholders[1].text_frame
    for question in questions[1:]:
        p = frame.add_paragraph()
        p.text = question
    for p in frame.paragraphs:
        p.space_after = Pt(8)
        for run in p.runs:
            run.font.size = Pt(QUESTION_PT)
            run.font.color.rgb = TEXT
    return s


def caption(s, text: str, name: str = "Förklaring") -> None:
    """Add the line between a slide's title and its table or canvas, at the main part's size."""
    box = textbox(s, name, [(text, MAIN_PT, False)], top=CAPTION_TOP,
                  height=BELOW - CAPTION_TOP, color=MUTED)
    box.text_frame.paragraphs[0].space_after = 0


def answers(prs, title: str, shown: str, noun: str, guidance: str, sheet: S.Sheet, var: str,
            widths: dict[str, float], text: str, loop: str = "", name: str = "", **own):
    """Add the slide of the group's answers so far: the sheet's rows at the main part's size,
    2 pt smaller where that saves a slide, continued, then summarised, when they are many
    (`own`: a column's own header or expression, as `sheet_table` takes them); what they are
    (`text`) in the notes, so that the table has the slide's whole height."""
    s = slide(prs, title, notes(f"{{%slide if {shown} %}}\n{{%summary {noun} %}}",
                                f"{text} {guidance}", ANSWERS_PT))
    sheet_table(s, name or f"Tabell {sheet.name.lower()}", sheet, var, widths, loop,
                size=MAIN_PT, **own)
    return s


def blank_table(prs, title: str, shown: str, guidance: str, columns: list[tuple[str, float]],
                text: str, rows: int = 4, name: str = "Tom tabell"):
    """Add an empty canvas: a caption, and a table of the sheet's headers over blank rows
    tall enough to write in by hand or to type into in PowerPoint."""
    s = slide(prs, title, notes(f"{{%slide if {shown} %}}", guidance))
    caption(s, text)
    header = Inches(0.5)
    height = (BOTTOM - BELOW - header) // rows
    shape = s.shapes.add_table(rows + 1, len(columns), MARGIN, BELOW,
                               Inches(sum(w for _, w in columns)), header + height * rows)
    shape.name = name
    tbl = shape.table
    tbl.first_row = True
    tbl.horz_banding = False
    for i, (heading, width) in enumerate(columns):
        tbl.columns[i].width = Inches(width)
        cell = tbl.cell(0, i)
        cell.fill.solid()
        cell.fill.fore_color.rgb = ACCENT
        cell.vertical_anchor = MSO_ANCHOR.MIDDLE
        runs(cell.text_frame.paragraphs[0], [(heading, MAIN_PT, True, WHITE)])
        for r in range(1, rows + 1):
            blank = tbl.cell(r, i)
            blank.fill.background()
            _ruled(blank)
            _size(blank.text_frame.paragraphs[0])
    tbl.rows[0].height = header
    for r in range(1, rows + 1):
        tbl.rows[r].height = height
    return s


RULE = "9DC3E6"  # the lines of an empty table: seen on screen and on paper, never text


def _ruled(cell) -> None:
    """Draw a blank cell's four borders, so the empty rows show where to write."""
    tc_pr = cell._tc.get_or_add_tcPr()
    for index, side in enumerate(("a:lnL", "a:lnR", "a:lnT", "a:lnB")):  # the schema's order
        line = tc_pr.makeelement(qn(side), {"w": str(Pt(1.5)), "cmpd": "sng"})
        fill = line.makeelement(qn("a:solidFill"), {})
        fill.append(fill.makeelement(qn("a:srgbClr"), {"val": RULE}))
        line.append(fill)
        tc_pr.insert(index, line)


def _size(p) -> None:
    """Give an empty paragraph the main part's size, so what is typed into it is readable."""
    end = p._p.get_or_add_endParaRPr()
    end.set("sz", str(MAIN_PT * 100))
    end.set("lang", "sv-SE")


def frame(s, label: str, left, top, width, height, name: str = "") -> object:
    """Add a framed space to write in, its label in the corner at the main part's size."""
    box = s.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, left, top, width, height)
    box.name = name or f"Yta {label.lower()}"
    box.adjustments[0] = 0.04
    box.fill.background()
    box.line.color.rgb = RGBColor.from_string(RULE)
    box.line.width = Pt(2)
    flat(box)
    text = box.text_frame
    text.word_wrap = True
    text.vertical_anchor = MSO_ANCHOR.TOP
    text.margin_left = text.margin_top = Inches(0.15)
    text.text = label
    run = text.paragraphs[0].runs[0]
    run.font.size = Pt(MAIN_PT)
    run.font.bold = True
    run.font.color.rgb = ACCENT
    text.paragraphs[0].alignment = PP_ALIGN.LEFT
    return box


def frames(s, labels: list[str], top=BELOW, bottom=BOTTOM) -> None:
    """Add framed spaces side by side across the content's width, one per label."""
    width = (CONTENT_WIDTH - GAP * (len(labels) - 1)) // len(labels)
    for i, label in enumerate(labels):
        frame(s, label, MARGIN + i * (width + GAP), top, width, bottom - top)


def canvas(prs, title: str, shown: str, guidance: str, labels: list[str], text: str):
    """Add an empty canvas of framed spaces side by side, under a caption."""
    s = slide(prs, title, notes(f"{{%slide if {shown} %}}", guidance))
    caption(s, text)
    frames(s, labels)
    return s


CARD_WIDTH = Inches(3.6)


def purpose(prs, shown: str, aim: str, items: list[tuple[str, str]], guidance: str):
    """Add a period's "Syfte och innehåll": its purpose and its exercises in the planning
    document's words on the left, the nämnd's passes in the period on a card beside them."""
    s = slide(prs, "Syfte och innehåll", notes(f"{{%slide if {shown} %}}", guidance))
    left_width = CONTENT_WIDTH - CARD_WIDTH - Inches(0.4)
    box = textbox(s, "Syfte och innehåll", [("Syfte", MAIN_PT, True), (aim, 20, False),
                                             ("Innehåll", MAIN_PT, True),
                                             *((text, 20, False) for _, text in items)],
                  width=left_width, height=BOTTOM - CONTENT_TOP)
    paragraphs = box.text_frame.paragraphs
    for p in (paragraphs[0], paragraphs[2]):
        p.runs[0].font.color.rgb = ACCENT
        p.space_after = Pt(2)
    paragraphs[1].space_after = Pt(18)
    for p, (number, text) in zip(paragraphs[3:], items, strict=True):
        runs(p, [(f"{number}  ", 20, True, ACCENT), (text, 20, False, TEXT)])
        p.space_after = Pt(8)
    card = filled(s, "Passen", WIDTH - MARGIN - CARD_WIDTH, CONTENT_TOP, CARD_WIDTH,
                  Inches(2.9), LIGHT)
    text = card.text_frame
    text.word_wrap = True
    text.vertical_anchor = MSO_ANCHOR.TOP
    text.margin_left = text.margin_right = text.margin_top = Inches(0.2)
    lines = [("{{ arbetspass.rubrik }}", 20, True), ("{%p for p in arbetspass.moten %}", MAIN_PT, False),
             ("{% if arbetspass.moten|length > 1 %}{{ p.namn }}: {% endif %}"
              "{{ p.datum|datum }}", MAIN_PT, True),
             ("{{ p.detaljer }}", MAIN_PT, False), ("{%p endfor %}", MAIN_PT, False),
             ("{%p if not arbetspass.moten %}", MAIN_PT, False),
             ("Planerat {{ arbetspass.veckor }}. Passens datum skrivs in i arbetsbokens flik "
              f"{S.TIDPLAN.name}.", MAIN_PT, False), ("{%p endif %}", MAIN_PT, False)]
    for i, (line, size, bold) in enumerate(lines):
        p = text.paragraphs[0] if i == 0 else text.add_paragraph()
        p.alignment = PP_ALIGN.LEFT
        p.space_after = Pt(4)
        runs(p, [(line, size, bold, ACCENT if bold else TEXT)])
    return s


def coming(prs, guidance: str) -> None:
    """Add the closing slides: the sheets the period fills in and by when, then the meetings
    after it."""
    s = slide(prs, "Efter passet: in i arbetsboken", notes("{%slide if flikar %}", guidance))
    caption(s, "Skriv in gruppens svar i arbetsboken efter passet{% if klar_till %}; flikarna "
               "ska vara ifyllda till {{ klar_till }}{% endif %}.")
    table(s, "Tabell flikar", [("Fliken i arbetsboken", "{{ f.flik }}", 6.0),
                               ("I arbetsboken nu", "{{ f.lage }}", 4.0)], "f in flikar",
          top=BELOW, size=MAIN_PT)
    s = slide(prs, "Kommande möten", notes("{%slide if kommande %}\n{%summary möte/möten %}"))
    table(s, "Tabell möten", [("Datum", "{{ r.datum|datum }}", 2.6), ("Tid", "{{ r.tid }}", 2.0),
                              ("Aktivitet", "{{ r.aktivitet }}", 4.6),
                              ("Plats", "{{ r.plats }}", 2.9)], "r in kommande", size=MAIN_PT)
