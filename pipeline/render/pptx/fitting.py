"""Text fitted to its shape: shrunk no further than a minimum size, continued on copies of the
slide, and cut with a note when even those are not enough."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from lxml import etree
from pptx.oxml.ns import qn

from .boxes import (
    DEFAULT_SIZE,
    Layouts,
    Placed,
    ThemeFonts,
    family,
    inherited_size,
    settle,
    text_box,
    unwrapped,
    usable_width,
)
from .shapes import is_heading, shape_elements
from .text import (
    A_P,
    Box,
    Fitted,
    no_autofit_scale,
    set_sizes,
    shrink_to_fit,
    split_paragraph,
    split_to_fit,
    text_height,
    visible_text,
)

CUT, TOO_SMALL, SUMMARISED, SPLIT = "cut", "too_small", "summarised", "split"
A_R, A_FLD, A_RPR, A_ENDPARARPR = qn("a:r"), qn("a:fld"), qn("a:rPr"), qn("a:endParaRPr")
_RUN_LIKE = (A_R, qn("a:br"), A_FLD)
P_CSLD, P_SPTREE, P_TXBODY = qn("p:cSld"), qn("p:spTree"), qn("p:txBody")
A_TXBODY = qn("a:txBody")
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"


@dataclass(frozen=True)
class Notice:
    """Something the engine had to do to a text on a template slide's shape: CUT (it did not
    fit on the slide and its continuations), TOO_SMALL (the box is lower than one line at
    the minimum size), SPLIT (a table row taller than a slide went on over two) or
    SUMMARISED (a table's rows took more slides than allowed: `shown` of `total` items
    are shown, the rest summarised in one row). `item` is the loop's item the notice is
    about (the first one left out), `source` the template text of a split cell, `size` the
    smallest size the slide's text could shrink to (the deck's, or the slide's own)."""

    slide: int
    shape: str
    kind: str
    shown: int = 0
    total: int = 0
    item: object = field(default=None, compare=False)
    source: str = ""
    size: float = 0
    limited: bool = False


@dataclass
class Fitter:
    """Fits text on the slides of one presentation."""

    slide_width: int
    slide_height: int
    fonts: ThemeFonts
    min_font_pt: float
    layouts: Layouts = field(default_factory=Layouts)  # what placeholders inherit

    def proxy(self, slide, element) -> Placed:
        """Return a shape element of a slide with its geometry, inherited ones included."""
        return self.layouts.placed(slide, element)

    def box(self, slide, shape: Placed) -> Box:
        """Return the room a shape's text has on a slide."""
        name = family(shape.body, self.fonts, heading=is_heading(shape.element))
        tree = slide._element.find(P_CSLD).find(P_SPTREE)
        return text_box(shape, lambda: [self.proxy(slide, e) for e in shape_elements(tree)],
                        self.slide_width, self.slide_height, name)

    def fit(self, slide, shape: Placed) -> Fitted:
        """Fit a shape's text, not below the minimum size, and settle the shape's size."""
        body = shape.body
        box = self.box(slide, shape)
        default = inherited_size(shape)
        fitted = split_to_fit(body, box, self.min_font_pt, default)
        widen = unwrapped(shape) and text_height(
            body, Box(usable_width(shape), box.height, box.family), default) > fitted.height
        settle(shape, fitted.height, widen=widen, slide_width=self.slide_width)
        return fitted

    def fit_title(self, slide, shape: Placed) -> None:
        """Shrink a title until it fits its box, not below the minimum size (a title never
        continues on another slide)."""
        shrink_to_fit(shape.body, self.box(slide, shape), self.min_font_pt,
                      inherited_size(shape))

    def explicit_sizes(self, slide, sized=frozenset()) -> None:
        """Write a size on every run of a slide's texts and table cells that has none, and
        turn off shrink-on-overflow, so that no office suite scales text on its own (`sized`:
        text bodies fitted already, whose every run has its size)."""
        tree = slide._element.find(P_CSLD).find(P_SPTREE)
        for body in _UNSIZED_BODIES(tree):  # found by one compiled query, in document order
            if body.tag == A_TXBODY:  # a table cell's
                set_sizes(body, 1.0, self.min_font_pt, DEFAULT_SIZE)
            elif body not in sized:
                no_autofit_scale(body)
                set_sizes(body, 1.0, self.min_font_pt,
                          inherited_size(self.proxy(slide, body.getparent())))

    def continue_text(self, slide, shapes: list, overflow: dict[int, list]) -> dict[int, list]:
        """Put the paragraphs that did not fit into the same shapes of a continuation slide
        (`shapes` are its shape elements); return what still does not fit."""
        remaining = {}
        for index, paragraphs in overflow.items():
            shape = self.proxy(slide, shapes[index])
            body = shape.body
            for p in body.findall(A_P):
                body.remove(p)
            for p in paragraphs:
                body.append(p)
            fitted = self.fit(slide, shape)
            if fitted.rest:
                remaining[index] = fitted.rest
        return remaining

    def cut(self, slide, shape: Placed, note: str) -> None:
        """End a shape's text with a note saying it was cut, shortening it until the note
        fits."""
        body = shape.body
        box = self.box(slide, shape)
        for _ in range(1000):  # bounded: each round removes a paragraph or a line
            last = body.findall(A_P)[-1]
            marker = copy.deepcopy(last)
            runs = marker.findall(qn("a:r"))
            for extra in [c for c in marker if c.tag in _RUN_LIKE][1:]:
                marker.remove(extra)
            if runs:
                runs[0].find(qn("a:t")).text = note
            body.append(marker)
            fitted = split_to_fit(body, box, self.min_font_pt, inherited_size(shape))
            if not fitted.rest or fitted.too_small:
                return
            kept = body.findall(A_P)
            if len(kept) > 1:
                body.remove(kept[-1])
                continue
            text = visible_text(kept[0])
            cut = max(text.rfind(" ", 0, max(len(text) - 40, 1)), 1)
            head, _ = split_paragraph(kept[0], cut)
            body.replace(kept[0], head)


_UNSIZED = ("[.//a:r[not(a:rPr/@sz != '')] or .//a:fld[not(a:rPr/@sz != '')]"
            " or .//a:endParaRPr[not(@sz != '')]]")
# the text bodies of shapes (in groups too) and table cells where a run, field or paragraph
# end has no size of its own
_UNSIZED_BODIES = etree.XPath(f"(.//p:sp/p:txBody | .//a:tc/a:txBody){_UNSIZED}",
                              namespaces={"a": A_NS, "p": P_NS})
