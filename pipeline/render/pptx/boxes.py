"""Where text goes on a slide: a shape's usable box, its font family and inherited size."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.shapes.shapetree import SlideShapeFactory

from .shapes import placeholder, shape_name
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


_PROPERTIES = (qn("p:spPr"), qn("p:grpSpPr"))  # what holds a shape's <a:xfrm> (a frame: its own)
A_XFRM, P_XFRM, A_OFF, A_EXT = qn("a:xfrm"), qn("p:xfrm"), qn("a:off"), qn("a:ext")
P_TXBODY, A_BODYPR, A_SPAUTOFIT = qn("p:txBody"), qn("a:bodyPr"), qn("a:spAutoFit")
_OWN_SIZE = f"{qn('a:lstStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}"


@dataclass(frozen=True)
class Inherited:
    """What a placeholder takes from its layout and master placeholders: the geometry it has no
    value of its own for, and the text size of a run without one (None: the default)."""

    left: int | None
    top: int | None
    width: int | None
    height: int | None
    size: float | None


class Layouts:
    """What each layout placeholder passes on, looked up once per template and kept across its
    renders (python-pptx looks it up again on every access of a placeholder's geometry)."""

    def __init__(self) -> None:
        self._found: dict[tuple, Inherited] = {}
        self._layout: dict[int, str] = {}  # a slide part's layout, by the part's identity

    def placed(self, slide, element) -> Placed:
        """Return a slide's shape element with what it inherits."""
        ph = placeholder(element)
        if ph is None:
            return Placed(element, None)
        part = slide.part
        layout = self._layout.get(id(part))
        if layout is None:
            layout = self._layout[id(part)] = str(part.slide_layout.part.partname)
        key = (layout, ph.get("idx", "0"), ph.get("type", "obj"))
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = _inherited(SlideShapeFactory(element, slide.shapes))
        return Placed(element, found)

    def begin(self) -> None:
        """Start a render: which layout a slide part has is known only for the parts of one
        render (a part's identity may be reused once it is gone)."""
        self._layout.clear()


def _inherited(shape) -> Inherited:
    """Return what a python-pptx placeholder inherits, asked of python-pptx once."""
    base = getattr(shape, "_base_placeholder", None)
    size = None
    for element in list(_inheritance(shape))[1:]:
        found = element.find(f".//{_OWN_SIZE}")
        if found is not None and found.get("sz"):
            size = int(found.get("sz")) / 100
            break
    if size is None:
        size = _master_style_size(shape)
    if base is None:
        return Inherited(None, None, None, None, size)
    return Inherited(base.left, base.top, base.width, base.height, size)


class Placed:
    """A shape element of a slide on the fitting path: its geometry (its own, else what its
    layout placeholder gives), text body and inherited text size."""

    __slots__ = ("element", "inherited")

    def __init__(self, element, inherited: Inherited | None) -> None:
        self.element, self.inherited = element, inherited

    def _own(self, tag: str, attr: str) -> int | None:
        xfrm = next((c.find(A_XFRM) for c in self.element if c.tag in _PROPERTIES),
                    self.element.find(P_XFRM))
        part = xfrm.find(tag) if xfrm is not None else None
        value = part.get(attr) if part is not None else None
        return int(value) if value is not None else None

    def _value(self, tag: str, attr: str, name: str) -> int | None:
        own = self._own(tag, attr)
        if own is not None or self.inherited is None:
            return own
        return getattr(self.inherited, name)

    @property
    def name(self) -> str:
        """The shape's name (PowerPoint's selection pane)."""
        return shape_name(self.element)

    @property
    def body(self):
        """The shape's text body."""
        return self.element.find(P_TXBODY)

    @property
    def left(self) -> int | None:
        return self._value(A_OFF, "x", "left")

    @property
    def top(self) -> int | None:
        return self._value(A_OFF, "y", "top")

    @property
    def width(self) -> int | None:
        return self._value(A_EXT, "cx", "width")

    @width.setter
    def width(self, value: int) -> None:
        self.element.cx = value

    @property
    def height(self) -> int | None:
        return self._value(A_EXT, "cy", "height")

    @height.setter
    def height(self, value: int) -> None:
        self.element.cy = value


def inherited_size(shape: Placed) -> float:
    """Return the size a run without a size of its own has in this shape, in points: from
    its list style, its layout's and master's placeholder, or the master's text styles."""
    found = shape.element.find(f".//{_OWN_SIZE}")
    if found is not None and found.get("sz"):
        return int(found.get("sz")) / 100
    inherited = shape.inherited.size if shape.inherited is not None else None
    return inherited or DEFAULT_SIZE


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


def text_box(shape: Placed, siblings: Callable[[], Iterable[Placed]], slide_width: int,
             slide_height: int, family_name: str | None) -> Box:
    """Return the room a shape's text has: its own box, or down to the next shape below when
    the shape grows with its text (PowerPoint's "resize shape to fit text"). `siblings`
    returns the slide's shapes, asked for only then."""
    body_pr = shape.body.find(A_BODYPR)
    insets = {k: int(body_pr.get(k, v)) for k, v in INSETS.items()}
    width, height = shape.width, shape.height
    if body_pr.get("wrap") == "none":  # no wrapping: the line may run to the slide's edge
        width = max(width, slide_width - shape.left - EDGE)
    if body_pr.find(A_SPAUTOFIT) is not None:
        bottom = slide_height - EDGE
        top, left = shape.top, shape.left
        for other in siblings():
            if other.element is shape.element or other.top is None or other.top <= top:
                continue
            if other.left < left + width and left < other.left + other.width:
                bottom = min(bottom, other.top)
        height = max(height, bottom - top)
    return Box(width - insets["lIns"] - insets["rIns"], height - insets["tIns"] - insets["bIns"],
               family_name)


def usable_width(shape: Placed) -> int:
    """Return a shape's width less its left and right insets."""
    body_pr = shape.body.find(A_BODYPR)
    return shape.width - int(body_pr.get("lIns", INSETS["lIns"])) - int(
        body_pr.get("rIns", INSETS["rIns"]))


def unwrapped(shape: Placed) -> bool:
    """Return True when a shape's text does not wrap (PowerPoint's default for a new box)."""
    return shape.body.find(A_BODYPR).get("wrap") == "none"


def settle(shape: Placed, used: int, *, widen: bool, slide_width: int) -> None:
    """Make a shape that grows with its text as tall as the text placed in it; a text that no
    longer fits on one line in an unwrapped box wraps in a box widened to the slide's edge."""
    body_pr = shape.body.find(A_BODYPR)
    insets = {k: int(body_pr.get(k, v)) for k, v in INSETS.items()}
    if widen:
        body_pr.set("wrap", "square")
        shape.width = max(shape.width, slide_width - shape.left - EDGE)
    if body_pr.find(A_SPAUTOFIT) is not None:
        shape.height = max(shape.height, used + insets["tIns"] + insets["bIns"])
