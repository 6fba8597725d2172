"""The kommun's logo: `logotyp.png` or `logotyp.svg` in the templates folder, as PNG bytes for
the decks' title slides and the Word templates' header. The tool's own logo is the example
kommun's wordmark: a build with the tool's templates (the examples') uses it, a working
folder without a logo has none, and the kommun's name stands in its place. An SVG is drawn
at a fixed width with resvg; a file that is no logo gives a Swedish warning and the kommun's
name in text instead."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from .. import resources
from ..diagnostics import Diagnostic, Severity

NAMES = resources.LOGOS  # in a templates folder, the first found
MAX_BYTES = 5_000_000  # a logo file larger than this is refused
SVG_WIDTH_PX = 1200  # an SVG is drawn this wide: sharp at a title slide's size
MAX_ASPECT = 12  # width to height (or height to width): a logo, not a banner
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_NUMBER = re.compile(r"^\s*([0-9]*\.?[0-9]+)")


@dataclass(frozen=True)
class Logo:
    """A logo as the documents use it: PNG bytes and its size in pixels."""

    png: bytes
    width: int
    height: int

    @property
    def ratio(self) -> float:
        """Return width over height."""
        return self.width / self.height


def find(templates: Path | None) -> Path | None:
    """Return the logo file a build uses: the templates folder's own; the tool's (the
    examples' wordmark) only when the build uses the tool's own templates (None)."""
    folder = resources.logo_folder(templates)
    return next((folder / name for name in NAMES if (folder / name).is_file()), None)


def load(templates: Path | None) -> tuple[Logo | None, list[Diagnostic]]:
    """Return the build's logo (None: the kommun's name stands in its place) and what is
    wrong with the file, if anything."""
    path = find(templates)
    if path is None:
        return None, []
    try:
        stat = path.stat()
    except OSError:
        return None, []
    return _load(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load(path: Path, _mtime: int, size: int) -> tuple[Logo | None, list[Diagnostic]]:
    if size > MAX_BYTES:
        return None, [_warning(path, f"filen är större än {MAX_BYTES // 1_000_000} MB")]
    try:
        data = path.read_bytes()
        png = _svg(data) if path.suffix.lower() == ".svg" else data
        from PIL import Image

        with Image.open(io.BytesIO(png)) as img:
            if img.format != "PNG":
                raise ValueError("inte PNG")
            width, height = img.size
    except (OSError, ValueError, etree.XMLSyntaxError) as exc:
        from PIL import UnidentifiedImageError

        if isinstance(exc, UnidentifiedImageError):
            exc = ValueError("inte PNG")
        return None, [_warning(path, _reason(exc))]
    except Exception:  # noqa: BLE001 - a broken image fails in many ways (PIL, resvg)
        return None, [_warning(path, "bilden kan inte läsas")]
    if not width or not height or max(width / height, height / width) > MAX_ASPECT:
        return None, [_warning(path, "bilden är mycket smalare eller bredare än en logotyp")]
    return Logo(png, width, height), []


def _svg(data: bytes) -> bytes:
    """Return an SVG drawn as PNG, SVG_WIDTH_PX wide (its height bounded by MAX_ASPECT)."""
    import resvg_py

    root = etree.fromstring(data, _PARSER)
    if etree.QName(root).localname != "svg":
        raise ValueError("inte SVG")
    width, height = _svg_size(root)
    if not width or not height or max(width / height, height / width) > MAX_ASPECT:
        raise ValueError("storleken saknas eller är orimlig")
    return bytes(resvg_py.svg_to_bytes(svg_string=data.decode("utf-8"), width=SVG_WIDTH_PX))


def _svg_size(root) -> tuple[float, float]:
    """Return an SVG's width and height: its viewBox's, else its width and height."""
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        try:
            return float(box[2]), float(box[3])
        except ValueError:
            pass
    sizes = [_NUMBER.match(root.get(a) or "") for a in ("width", "height")]
    return tuple(float(s[1]) if s else 0.0 for s in sizes)  # type: ignore[return-value]


def _reason(exc: Exception) -> str:
    if isinstance(exc, etree.XMLSyntaxError):
        return "filen är ingen giltig SVG"
    if isinstance(exc, OSError):
        return "filen kan inte läsas"
    return {"inte PNG": "filen är ingen PNG-bild", "inte SVG": "filen är ingen SVG-bild"}.get(
        str(exc), f"SVG-bildens {exc}")


def _warning(path: Path, reason: str) -> Diagnostic:
    return Diagnostic(path.name, f"Logotypen används inte: {reason}. Spara logotypen som PNG "
                      "eller SVG med namnet logotyp.png eller logotyp.svg i mappen templates; "
                      "till dess står kommunens namn i text där logotypen skulle stå.",
                      severity=Severity.VARNING)
