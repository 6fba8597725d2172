"""How much room text takes: the real font's metrics where its file (or a metric twin) is
installed, a deliberately wide estimate where it is not."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from functools import cache, lru_cache
from pathlib import Path

REFERENCE_PX = 100
# Widths are the font file's advances (LibreOffice wraps as measured, checked in the tests);
# a little more allows for PowerPoint's own rounding and kerning.
SAFETY = 1.02
LINE_HEIGHT = 1.2  # single line spacing as PowerPoint and LibreOffice set it: 1.2 × size
DEFAULT_FAMILY = "Calibri"
# Fonts with the same metrics under another name (Microsoft's fonts are rarely on Linux).
TWINS = {
    "calibri": "carlito", "cambria": "caladea", "arial": "liberation sans",
    "helvetica": "liberation sans", "times new roman": "liberation serif",
    "courier new": "liberation mono", "arial narrow": "liberation sans narrow",
}
_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.fonts", "~/.local/share/fonts",
              "C:/Windows/Fonts", "/Library/Fonts", "/System/Library/Fonts",
              "/Applications/Microsoft PowerPoint.app/Contents/Resources/DFonts")
# Width per point of size where no font file is found: on the wide side of common fonts
# (Verdana, Tahoma, Segoe UI), so that an estimate never lets text run out of its box.
_NARROW = set("fijlrt.,;:!'|()[]{} ")
_WIDE = set("mwMW@%&")


@cache
def _installed(bold: bool = False) -> dict[str, str]:
    """Return regular (or bold) font files by lower-case family name."""
    found: dict[str, str] = {}
    wanted = r"\bbold\b" if bold else r"\b(regular|book|normal|roman)\b"
    if shutil.which("fc-list"):
        try:
            listing = subprocess.run(
                ["fc-list", "--format", "%{family}\t%{style}\t%{file}\n"],
                capture_output=True, text=True, timeout=20, check=False).stdout
        except (OSError, subprocess.SubprocessError):
            listing = ""
        ranked: dict[str, tuple[int, str]] = {}
        for line in listing.splitlines():
            families, style, file = (line.split("\t") + ["", ""])[:3]
            if not file.lower().endswith((".ttf", ".otf", ".ttc")):
                continue
            if bold and not re.search(r"\bbold\b", style, re.I):
                continue
            rank = 0 if re.search(wanted, style, re.I) and not re.search(
                r"italic|oblique", style, re.I) else 1
            for family in families.split(","):
                key = family.strip().lower()
                if key and (key not in ranked or rank < ranked[key][0]):
                    ranked[key] = (rank, file)
        found = {k: v[1] for k, v in ranked.items()}
    if not found:  # no fontconfig (Windows, macOS): guess families from file names
        for folder in _FONT_DIRS:
            root = Path(os.path.expanduser(folder))
            if not root.is_dir():
                continue
            for file in root.rglob("*"):
                if file.suffix.lower() in (".ttf", ".otf"):
                    pattern = r"[-_ ]?(bold|bd|b)$" if bold else r"[-_ ]?(regular|book)$"
                    stem = re.sub(pattern, "", file.stem, flags=re.I).lower()
                    if bold and stem == file.stem.lower():
                        continue
                    found.setdefault(stem, str(file))
    return found


def font_file(family: str | None, bold: bool = False) -> str | None:
    """Return the file of a font family (bold or regular) or of its metric twin, if
    installed; a bold face missing falls back to the regular one."""
    key = (family or DEFAULT_FAMILY).strip().lower()
    if bold:
        found = _find(key, _installed(bold=True))
        if found:
            return found
    return _find(key, _installed())


def _find(key: str, installed: dict[str, str]) -> str | None:
    for name in (key, TWINS.get(key), key.replace(" ", "")):
        if name and name in installed:
            return installed[name]
    return None


@cache
def _font(family: str | None, bold: bool = False):
    from PIL import ImageFont

    file = font_file(family, bold)
    if file is None:
        return None
    try:
        return ImageFont.truetype(file, REFERENCE_PX)
    except OSError:
        return None


def _width(word: str, family: str | None, bold: bool = False) -> float:
    """Return a word's width at a size of one point (cached for words of ordinary length)."""
    return (_cached_width(word, family, bold) if len(word) <= 64
            else _raw_width(word, family, bold))


@cache
def _cached_width(word: str, family: str | None, bold: bool) -> float:
    return _raw_width(word, family, bold)


def _raw_width(word: str, family: str | None, bold: bool = False) -> float:
    font = _font(family, bold)
    if font is None:
        return sum(0.34 if c in _NARROW else 0.95 if c in _WIDE else 0.72 if c.isupper()
                   else 0.62 for c in word) * (1.08 if bold else 1.0)
    synthetic = 1.05 if bold and font_file(family, True) == font_file(family) else 1.0
    return font.getlength(word) / REFERENCE_PX * SAFETY * synthetic  # an emboldened regular


def wrap(text: str, width_pt: float, size_pt: float, family: str | None = None,
         bold: bool = False) -> tuple[int, ...]:
    """Return the offsets in `text` where each wrapped line starts (the first is 0).

    Lines break at spaces; a word longer than the line breaks inside itself, as in PowerPoint.
    A line feed in the text always starts a new line. Each distinct text is measured once
    per width, size and font (a deck measures the same texts in every round of fitting, and
    a build the same texts in several decks).
    """
    return _wrap(text, width_pt, size_pt, family, bold)


@lru_cache(maxsize=8192)
def _wrap(text: str, width_pt: float, size_pt: float, family: str | None, bold: bool
          ) -> tuple[int, ...]:
    starts: list[int] = []
    space = _width(" ", family, bold) * size_pt
    offset = 0
    for line in text.split("\n"):
        starts.append(offset)
        used = 0.0
        for word in re.finditer(r"\S+", line):
            begin, end = offset + word.start(), offset + word.end()
            w = _width(word[0], family, bold) * size_pt
            if used and used + space + w > width_pt:
                starts.append(begin)
                used = 0.0
            while w > width_pt:  # break inside the word, one line's worth at a time
                begin += _fitting_prefix(text[begin:end], width_pt, size_pt, family, bold)
                starts.append(begin)
                w = _width(text[begin:end], family, bold) * size_pt
            used += (space if used else 0) + w
        offset += len(line) + 1
    return tuple(starts)


def _fitting_prefix(word: str, width_pt: float, size_pt: float, family: str | None,
                    bold: bool = False) -> int:
    """Return how many characters of a word fit on one line (at least one)."""
    low, high = 1, len(word)
    while low < high:  # the longest prefix that fits, by bisection
        mid = (low + high + 1) // 2
        if _raw_width(word[:mid], family, bold) * size_pt <= width_pt:
            low = mid
        else:
            high = mid - 1
    return low


def fits_one_line(text: str, width_pt: float, size_pt: float, family: str | None = None,
                  bold: bool = False) -> bool:
    """Return True when a text does not wrap in a column of the given width: the same test as
    `lines_needed(…) == 1`, stopped at the first break (no word is broken up to find out)."""
    if "\n" in text:
        return False
    space = _width(" ", family, bold) * size_pt
    used = 0.0
    for word in re.finditer(r"\S+", text):
        w = _width(word[0], family, bold) * size_pt
        if (used and used + space + w > width_pt) or w > width_pt:
            return False
        used += (space if used else 0) + w
    return True


def lines_needed(text: str, width_pt: float, size_pt: float, family: str | None = None,
                 bold: bool = False) -> int:
    """Return how many lines a text wraps to in a column of the given width."""
    return len(wrap(text, width_pt, size_pt, family, bold))
