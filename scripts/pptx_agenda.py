"""The agenda slide of both deck templates: the meeting's items, numbered (or timed), and a
card beside them with the meeting. Part of scripts/make_pptx_templates.py."""

from __future__ import annotations

from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches, Pt
from pptx_design import (
    ACCENT,
    CONTENT_TOP,
    CONTENT_WIDTH,
    LIGHT,
    MARGIN,
    MUTED,
    TEXT,
    WIDTH,
    filled,
    slide,
    textbox,
)

MEETING_CARD = [("Mötet", 16, True), ("{{ mote.rubrik }}", 18, True),
                # Jinja's escape for a line break, not a break inside the tag: LibreOffice saves that
                # as a character of the text
                ("{{ mote.detaljer|replace(' · ', '\\n') }}", 16, False)]
MEETING_CARD_WIDTH = Inches(3.3)  # the column beside the agenda: the card, and below it more
MEETING_CARD_HEIGHT = Inches(2.35)  # its name, date, time and place at 16–18 pt
MEETING_CARD_BOTTOM = CONTENT_TOP + Inches(0.1) + MEETING_CARD_HEIGHT
AGENDA_QUESTIONS = 4  # an agenda of at most this many items has each item's question beneath it


def agenda_slide(prs, loop: str = "a in agenda", title: str = "Dagordning", notes: str = "",
                 aside: list[tuple[str, int, bool]] | None = MEETING_CARD):
    """Add the agenda: per item of `loop` (with .nummer, .rubrik and .fraga) a numbered line
    and, beneath it in a short agenda, its question (a long one is titles only, at a size read
    from the back of the room); beside it, a card of (text, size, bold) paragraphs (by default
    the meeting: name and date, then time and place; None for no card)."""
    items = loop.split(" in ", 1)[1]
    s = slide(prs, title, notes)
    box = textbox(s, "Punkter", [(f"{{%p for {loop} %}}", 22, False), ("{{ a.nummer }}", 22, True),
                                    (f"{{%p if a.fraga and {items}|length <= {AGENDA_QUESTIONS} %}}",
                                     16, False),
                                    ("{{ a.fraga }}", 16, False), ("{%p endif %}", 16, False),
                                    ("{%p endfor %}", 16, False)],
                  left=MARGIN, width=CONTENT_WIDTH - MEETING_CARD_WIDTH - Inches(0.5))
    paragraphs = box.text_frame.paragraphs
    number = paragraphs[1].runs[0]
    number.font.color.rgb = ACCENT
    rubrik = paragraphs[1].add_run()
    rubrik.text = "   {{ a.rubrik }}"
    rubrik.font.size = Pt(22)
    rubrik.font.bold = True
    rubrik.font.color.rgb = TEXT
    paragraphs[1].space_after = Pt(4)
    paragraphs[3].runs[0].font.color.rgb = MUTED
    paragraphs[3].space_after = Pt(10)
    paragraphs[3]._p.get_or_add_pPr().set("marL", str(Inches(0.5)))
    if aside:
        _meeting_card(s, aside)
    return s


def _meeting_card(s, paragraphs: list[tuple[str, int, bool]]) -> None:
    """Add a light card beside the agenda: the meeting, its date, time and place."""
    left = WIDTH - MARGIN - MEETING_CARD_WIDTH
    card = filled(s, "Mötet", left, CONTENT_TOP + Inches(0.1), MEETING_CARD_WIDTH, MEETING_CARD_HEIGHT,
                  LIGHT)
    frame = card.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.margin_left = frame.margin_right = frame.margin_top = Inches(0.2)
    for i, (text, size, bold) in enumerate(paragraphs):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        p.alignment = PP_ALIGN.LEFT
        p.space_after = Pt(6)
        run = p.add_run()
        run.text = text
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = ACCENT if bold else TEXT
