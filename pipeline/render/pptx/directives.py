"""The directives a template slide's notes hold, read once per template slide:

- `{%slide for x in … %}` or `{%slide if … %}`: one slide per item, or the slide only when true;
- `{%summary item/items %}`: what the rows of its table are, for the summary row;
- `{%slides N %}`: its table takes at most N slides (per item of a slide loop), whatever the
  deck's own limit; the summary row then says the rest comes further on
  (`Options.limited_summary`), and the table's name is in `Options.summarised_name` for the
  slides after it to ask;
- `{%minsize N %}`: the slide's text (its table's too) shrinks to fit no further than N pt,
  whatever the deck's own minimum: a slide meant to be read from the back of a room.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import straighten_quotes

SLIDE_DIRECTIVE = re.compile(r"\{%slide\s+(?:for\s+(\w+)\s+in\s+(.+?)|if\s+(.+?))\s*%\}", re.S)
SUMMARY_DIRECTIVE = re.compile(r"\{%\s*summary\s+(.+?)\s*%\}", re.S)
SLIDES_DIRECTIVE = re.compile(r"\{%\s*slides\s+(\d+)\s*%\}")
MINSIZE_DIRECTIVE = re.compile(r"\{%\s*minsize\s+(\d+(?:\.\d+)?)\s*%\}")


@dataclass(frozen=True, slots=True)
class Notes:
    """What a template slide's notes say: their text without the directives, the slide
    directive's parts (loop target, loop expression, condition), the noun of a summary row
    (singular, plural), its table's own limit of slides, and its text's own minimum size."""

    text: str = ""
    directive: tuple | None = None
    noun: tuple[str, str] | None = None
    limit: int | None = None
    min_pt: float | None = None


def without_directives(text: str) -> str:
    """Return notes without their directives: what is left is the speaker's text."""
    for directive in (SLIDE_DIRECTIVE, SUMMARY_DIRECTIVE, SLIDES_DIRECTIVE, MINSIZE_DIRECTIVE):
        text = directive.sub("", text)
    return text.strip()


def read_notes(slide) -> Notes:
    """Return what a template slide's notes say (none: `Notes()`)."""
    if not slide.has_notes_slide:
        return Notes()
    text = straighten_quotes(slide.notes_slide.notes_text_frame.text)
    match = SLIDE_DIRECTIVE.search(text)
    summary = SUMMARY_DIRECTIVE.search(text)
    limit = SLIDES_DIRECTIVE.search(text)
    minsize = MINSIZE_DIRECTIVE.search(text)
    noun = None
    if summary:
        words = [w.strip() for w in re.split(r"[/,]", summary[1]) if w.strip()]
        noun = (words[0], words[-1]) if words else None
    return Notes(without_directives(text), (match[1], match[2], match[3]) if match else None, noun,
                 max(1, int(limit[1])) if limit else None,
                 float(minsize[1]) if minsize else None)
