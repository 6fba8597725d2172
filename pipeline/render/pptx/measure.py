"""How much room text takes: real font metrics where Calibri or its twin Carlito is installed."""

from __future__ import annotations

from functools import cache
from pathlib import Path

# Calibri is the theme font of the templates; Carlito has the same metrics.
FONT_FILES = (
    "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf",
    "/usr/share/fonts/crosextra-carlito/Carlito-Regular.ttf",
    "C:/Windows/Fonts/calibri.ttf",
    "/Library/Fonts/Calibri.ttf",
    "/Applications/Microsoft PowerPoint.app/Contents/Resources/DFonts/Calibri.ttf",
)
REFERENCE_PX = 100
FALLBACK_WIDTH = 0.55  # average glyph width per point of size, on the safe side
SAFETY = 1.06  # bold runs and rounding in the office suite
LINE_HEIGHT = 1.2


@cache
def _font():
    from PIL import ImageFont

    for name in FONT_FILES:
        if Path(name).is_file():
            return ImageFont.truetype(name, REFERENCE_PX)
    return None


@cache
def _width(word: str) -> float:
    """Return a word's width at a size of one point."""
    font = _font()
    if font is None:
        return len(word) * FALLBACK_WIDTH
    return font.getlength(word) / REFERENCE_PX * SAFETY


def lines_needed(text: str, width_pt: float, size_pt: float) -> int:
    """Return how many lines a text wraps to in a column of the given width."""
    space = _width(" ") * size_pt
    total = 0
    for line in text.split("\n"):
        count, used = 1, 0.0
        for word in line.split():
            w = _width(word) * size_pt
            if used and used + space + w > width_pt:
                count += 1
                used = 0.0
            if w > width_pt:  # a word longer than the line breaks inside itself
                count += int(w // width_pt)
                w = w % width_pt
            used += (space if used else 0) + w
        total += count
    return total
