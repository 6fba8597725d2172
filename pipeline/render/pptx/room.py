"""How far down a table may grow on its slide: to the first shape below it that it would run
into (a footer on the layout or master, a note on the slide), or to the slide's margin."""

from __future__ import annotations

from pptx.oxml.ns import qn

from .shapes import placeholder, shape_elements

BOTTOM_MARGIN = 457200  # keep half an inch free below a table when nothing else is there
GAP = 91440  # keep a tenth of an inch between a table and the shape below it
A_OFF, A_EXT = qn("a:off"), qn("a:ext")


def _geometry(element) -> tuple[int, int, int, int] | None:
    """Return a shape's (left, top, width, height) in EMU, if it has its own position."""
    xfrm = next((e for e in element.iter(qn("a:xfrm"), qn("p:xfrm"))), None)
    if xfrm is None:
        return None
    off, ext = xfrm.find(A_OFF), xfrm.find(A_EXT)
    if off is None or ext is None:
        return None
    return int(off.get("x", 0)), int(off.get("y", 0)), int(ext.get("cx", 0)), int(ext.get("cy", 0))


def _shown_on_slides(tree) -> list:
    """Return the shapes of a layout or master that show on its slides (not placeholders,
    which only lend their position and style)."""
    return [e for e in shape_elements(tree) if placeholder(e) is None]


def obstacles(slide, frame) -> list[tuple[int, int, int, int]]:
    """Return the geometry of every shape a table on a slide could run into: the slide's
    other shapes and the shapes its layout and master show."""
    trees = [slide._element.find(qn("p:cSld")).find(qn("p:spTree"))]
    layout = slide.slide_layout
    trees.append(layout._element.find(qn("p:cSld")).find(qn("p:spTree")))
    if layout._element.get("showMasterSp", "1") not in ("0", "false"):
        trees.append(layout.slide_master._element.find(qn("p:cSld")).find(qn("p:spTree")))
    found = []
    for i, tree in enumerate(trees):
        elements = shape_elements(tree) if i == 0 else _shown_on_slides(tree)
        for element in elements:
            if element is frame:
                continue
            geometry = _geometry(element)
            if geometry is not None:
                found.append(geometry)
    return found


def bottom(frame, slide_height: int, others: list[tuple[int, int, int, int]]) -> int:
    """Return the lowest y a table may reach: above the first shape below its top that
    overlaps it horizontally (a gap between), and never closer to the slide's edge than the
    bottom margin."""
    left, top, width, _ = _geometry(frame)
    limit = slide_height - BOTTOM_MARGIN
    for x, y, w, _ in others:
        if y > top and x < left + width and left < x + w:
            limit = min(limit, y - GAP)
    return limit


def available_height(frame, slide_height: int, others=()) -> int:
    """Return the height from a table's top to the lowest y it may reach."""
    return bottom(frame, slide_height, list(others)) - _geometry(frame)[1]
