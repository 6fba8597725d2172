"""Where text goes on a slide: a shape's usable box, its font family and inherited size."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from .text import Box

EMU_PER_INCH = 914400
EDGE = EMU_PER_INCH // 2  # text never grows closer than this to the slide's edge
INSETS = {"lIns": 91440, "rIns": 91440, "tIns": 45720, "bIns": 45720}  # PowerPoint's defaults
DEFAULT_SIZE = 18.0  # the size of a new text box's text in PowerPoint


@dataclass(frozen=True)
class ThemeFonts:
    """The theme's heading and body font families."""

    major: str | None = None
    minor: str | None = None

    @classmethod
    def of(cls, prs) -> ThemeFonts:
        """Return the fonts of the first slide master's theme."""
        try:
            theme = prs.slide_masters[0].part.part_related_by(RT.THEME)
            root = etree.fromstring(theme.blob)
        except (KeyError, IndexError, etree.XMLSyntaxError):
            return cls()
        scheme = root.find(f".//{qn('a:fontScheme')}")
        if scheme is None:
            return cls()

        def latin(tag: str) -> str | None:
            element = scheme.find(f"{qn(tag)}/{qn('a:latin')}")
            return element.get("typeface") if element is not None else None

        return cls(latin("a:majorFont"), latin("a:minorFont"))

    def resolve(self, typeface: str | None, *, heading: bool = False) -> str | None:
        """Return the family a typeface names ("+mj-lt" is the theme's heading font)."""
        if typeface in (None, ""):
            return self.major if heading else self.minor
        if typeface.startswith("+mj"):
            return self.major
        if typeface.startswith("+mn"):
            return self.minor
        return typeface


def family(element, fonts: ThemeFonts, *, heading: bool = False) -> str | None:
    """Return the font family of the first run (or list style) that names one."""
    for latin in element.iter(qn("a:latin")):
        if latin.getparent().tag in (qn("a:rPr"), qn("a:defRPr"), qn("a:endParaRPr")):
            return fonts.resolve(latin.get("typeface"), heading=heading)
    return fonts.resolve(None, heading=heading)


def inherited_size(shape) -> float:
    """Return the size a run without a size of its own has in this shape, in points: from
    its list style, its layout's and master's placeholder, or the master's text styles."""
    for element in _inheritance(shape):
        found = element.find(f".//{qn('a:lstStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}")
        if found is not None and found.get("sz"):
            return int(found.get("sz")) / 100
    return _master_style_size(shape) or DEFAULT_SIZE


def _master_style_size(shape) -> float | None:
    """Return the master's title or body text size for a placeholder (None for others)."""
    ph = shape._element.find(f".//{qn('p:nvPr')}/{qn('p:ph')}")
    try:
        master = shape.part.slide_layout.slide_master._element
    except AttributeError:  # not on a slide (a layout or master itself)
        return None
    if ph is None:
        return None
    style = "p:titleStyle" if ph.get("type") in ("title", "ctrTitle") else "p:bodyStyle"
    found = master.find(f"{qn('p:txStyles')}/{qn(style)}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}")
    return int(found.get("sz")) / 100 if found is not None and found.get("sz") else None


def _inheritance(shape):
    """Yield the shape and the layout and master placeholders it inherits from."""
    yield shape._element
    current = shape
    for _ in range(2):  # layout, then master
        base = getattr(current, "_base_placeholder", None)
        if base is None:
            return
        yield base._element
        current = base


def text_box(shape, siblings: Callable[[], Iterable], slide_width: int, slide_height: int,
             family_name: str | None) -> Box:
    """Return the room a shape's text has: its own box, or down to the next shape below when
    the shape grows with its text (PowerPoint's "resize shape to fit text"). `siblings`
    returns the slide's shapes, asked for only then."""
    body_pr = shape.text_frame._txBody.find(qn("a:bodyPr"))
    insets = {k: int(body_pr.get(k, v)) for k, v in INSETS.items()}
    width, height = shape.width, shape.height
    if body_pr.get("wrap") == "none":  # no wrapping: the line may run to the slide's edge
        width = max(width, slide_width - shape.left - EDGE)
    if body_pr.find(qn("a:spAutoFit")) is not None:
        bottom = slide_height - EDGE
        for other in siblings():
            if other is shape or other.top is None or other.top <= shape.top:
                continue
            if other.left < shape.left + width and shape.left < other.left + other.width:
                bottom = min(bottom, other.top)
        height = max(height, bottom - shape.top)
    return Box(width - insets["lIns"] - insets["rIns"], height - insets["tIns"] - insets["bIns"],
               family_name)


def usable_width(shape) -> int:
    """Return a shape's width less its left and right insets."""
    body_pr = shape.text_frame._txBody.find(qn("a:bodyPr"))
    return shape.width - int(body_pr.get("lIns", INSETS["lIns"])) - int(
        body_pr.get("rIns", INSETS["rIns"]))


def unwrapped(shape) -> bool:
    """Return True when a shape's text does not wrap (PowerPoint's default for a new box)."""
    return shape.text_frame._txBody.find(qn("a:bodyPr")).get("wrap") == "none"


def settle(shape, used: int, *, widen: bool, slide_width: int) -> None:
    """Make a shape that grows with its text as tall as the text placed in it; a text that no
    longer fits on one line in an unwrapped box wraps in a box widened to the slide's edge."""
    body_pr = shape.text_frame._txBody.find(qn("a:bodyPr"))
    insets = {k: int(body_pr.get(k, v)) for k, v in INSETS.items()}
    if widen:
        body_pr.set("wrap", "square")
        shape.width = max(shape.width, slide_width - shape.left - EDGE)
    if body_pr.find(qn("a:spAutoFit")) is not None:
        shape.height = max(shape.height, used + insets["tIns"] + insets["bIns"])
