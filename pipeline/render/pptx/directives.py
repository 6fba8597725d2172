"""The directives a template slide's notes hold, read once per template slide:

- `{%slide for x in … %}` or `{%slide if … %}`: one slide per item, or the slide only when true;
- `{%summary item/items %}`: what the rows of its table are, for the summary row;
- `{%slides N %}`: its table takes at most N slides (per item of a slide loop), whatever the
  deck's own limit; the summary row then says the rest comes further on
  (`Options.limited_summary`), and the table's name is in `Options.summarised_name` for the
  slides after it to ask.
"""

from __future__ import annotations

import re

from .text import straighten_quotes

SLIDE_DIRECTIVE = re.compile(r"\{%slide\s+(?:for\s+(\w+)\s+in\s+(.+?)|if\s+(.+?))\s*%\}", re.S)
SUMMARY_DIRECTIVE = re.compile(r"\{%\s*summary\s+(.+?)\s*%\}", re.S)
SLIDES_DIRECTIVE = re.compile(r"\{%\s*slides\s+(\d+)\s*%\}")


def read_notes(slide) -> tuple[str, tuple | None, tuple[str, str] | None, int | None]:
    """Return a template slide's notes without its directives, the slide directive's parts
    (loop target, loop expression, condition), if it has one, the noun of a summary row
    (singular, plural), if the notes name it, and its table's own limit of slides."""
    if not slide.has_notes_slide:
        return "", None, None, None
    text = straighten_quotes(slide.notes_slide.notes_text_frame.text)
    match = SLIDE_DIRECTIVE.search(text)
    summary = SUMMARY_DIRECTIVE.search(text)
    limit = SLIDES_DIRECTIVE.search(text)
    noun = None
    if summary:
        words = [w.strip() for w in re.split(r"[/,]", summary[1]) if w.strip()]
        noun = (words[0], words[-1]) if words else None
    text = SLIDES_DIRECTIVE.sub("", SUMMARY_DIRECTIVE.sub("", SLIDE_DIRECTIVE.sub("", text)))
    return (text.strip(), (match[1], match[2], match[3]) if match else None, noun,
            max(1, int(limit[1])) if limit else None)
