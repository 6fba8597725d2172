"""Shapes read straight from a slide's XML: cheaper than python-pptx's proxies, which the
engine creates only for the few shapes it resizes, fills with a chart or replaces."""

from __future__ import annotations

from pptx.oxml.ns import qn

from .text import has_tags

__all__ = ["has_tags"]  # with the helpers below: what the engine asks of a shape

P_SP, P_GRPSP, P_FRAME = qn("p:sp"), qn("p:grpSp"), qn("p:graphicFrame")
P_CNVPR, P_NVPR, P_PH, P_TXBODY = qn("p:cNvPr"), qn("p:nvPr"), qn("p:ph"), qn("p:txBody")
P_SPTREE = qn("p:spTree")
A_T, A_TBL = qn("a:t"), qn("a:tbl")
A_GRAPHIC, A_GRAPHIC_DATA = qn("a:graphic"), qn("a:graphicData")
# The elements of a shape tree that are shapes (python-pptx's BaseShapeElement kinds).
SHAPE_TAGS = frozenset((P_SP, P_GRPSP, P_FRAME, qn("p:cxnSp"), qn("p:pic"),
                        qn("p:contentPart")))
CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
TITLE_TYPES = frozenset(("title", "ctrTitle"))  # PP_PLACEHOLDER.TITLE and .CENTER_TITLE


def shape_elements(tree) -> list:
    """Return the shapes of a shape tree or group, in z-order (python-pptx's `shapes`)."""
    return [child for child in tree if child.tag in SHAPE_TAGS]


def all_shape_elements(tree):
    """Yield the shapes of a shape tree, and the shapes inside its groups."""
    for element in shape_elements(tree):
        yield element
        if element.tag == P_GRPSP:
            yield from all_shape_elements(element)


def shape_name(element) -> str:
    """Return a shape's name, as PowerPoint's selection pane shows it."""
    cnvpr = element[0].find(P_CNVPR) if len(element) else None
    return cnvpr.get("name", "") if cnvpr is not None else ""


def placeholder(element):
    """Return a shape's <p:ph> element, or None for a shape that is no placeholder."""
    nv = element[0] if len(element) else None
    nvpr = nv.find(P_NVPR) if nv is not None else None
    return nvpr.find(P_PH) if nvpr is not None else None


def title_element(tree):
    """Return the slide's title shape: the placeholder with index 0, as python-pptx finds it."""
    for element in shape_elements(tree):
        ph = placeholder(element)
        if ph is not None and ph.get("idx", "0") == "0":
            return element
    return None


def is_heading(element) -> bool:
    """Return True for a title placeholder (its text is in the theme's heading font)."""
    ph = placeholder(element)
    return ph is not None and ph.get("type") in TITLE_TYPES


def _graphic_data(element):
    if element.tag != P_FRAME:
        return None
    graphic = element.find(A_GRAPHIC)
    return graphic.find(A_GRAPHIC_DATA) if graphic is not None else None


def table_of(element):
    """Return a graphic frame's <a:tbl>, or None for any other shape."""
    data = _graphic_data(element)
    return data.find(A_TBL) if data is not None else None


def is_chart(element) -> bool:
    """Return True for a graphic frame holding a chart."""
    data = _graphic_data(element)
    return data is not None and data.get("uri") == CHART_URI


def text_body(element):
    """Return a shape's <p:txBody>, or None for a shape without text."""
    return element.find(P_TXBODY) if element.tag == P_SP else None

