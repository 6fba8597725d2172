"""Produce templates/logotyp.png: the examples' neutral wordmark, the kommun's name set in the
decks' accent colour. It holds the logo's place on the title slides and in
the Word templates' header until the kommun puts its own logo there (logotyp.png or .svg).

Run `python scripts/make_logo.py` (before the other template scripts: the Word templates take
this picture as their logo slot). The committed picture is this script's output.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.examples import KOMMUN  # noqa: E402
from pipeline.output import atomic_write  # noqa: E402

ACCENT = (0x1F, 0x4E, 0x79, 255)
WIDTH, HEIGHT = 1200, 240
FONTS = ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "arialbd.ttf")


def _font(size: int):
    for name in FONTS:
        for folder in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation",
                       "C:/Windows/Fonts", ""):
            try:
                return ImageFont.truetype(str(Path(folder) / name) if folder else name, size)
            except OSError:
                continue
    raise SystemExit("Inget av typsnitten " + ", ".join(FONTS) + " finns på datorn.")


def wordmark(name: str) -> bytes:
    """Return the wordmark of a kommun's name as PNG bytes, on a transparent ground."""
    image = Image.new("RGBA", (WIDTH, HEIGHT), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    size = 150
    font = _font(size)
    while draw.textlength(name, font=font) > WIDTH - 40 and size > 40:
        size -= 6
        font = _font(size)
    draw.text((20, 30), name, font=font, fill=ACCENT)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def main() -> None:
    target = ROOT / "templates" / "logotyp.png"
    atomic_write(target, wordmark(KOMMUN.namn))
    print(f"Skrev {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
