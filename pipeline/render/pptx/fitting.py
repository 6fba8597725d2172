"""Text fitted to its shape: shrunk no further than a minimum size, continued on copies of the
slide, and cut with a note when even those are not enough."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from pptx.oxml.ns import qn
from pptx.shapes.shapetree import SlideShapeFactory

from .boxes import (
    DEFAULT_SIZE,
    ThemeFonts,
    family,
    inherited_size,
    settle,
    text_box,
    unwrapped,
    usable_width,
)
from .shapes import all_shape_elements, is_heading
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
_RUN_LIKE = (qn("a:r"), qn("a:br"), qn("a:fld"))


@dataclass(frozen=True)
class Notice:
    """Something the engine had to do to a text on a template slide's shape: CUT (it did not
    fit on the slide and its continuations), TOO_SMALL (the box is lower than one line at
    the minimum size), SPLIT (a table row taller than a slide went on over two) or
    SUMMARISED (a table's rows took more slides than allowed: `shown` of `total` items
    are shown, the rest summarised in one row). `item` is the loop's item the notice is
    about (the first one left out), `source` the template text of a split cell."""

    slide: int
    shape: str
    kind: str
    shown: int = 0
    total: int = 0
    item: object = field(default=None, compare=False)
    source: str = ""


@dataclass
class Fitter:
    """Fits text on the slides of one presentation."""

    slide_width: int
    slide_height: int
    fonts: ThemeFonts
    min_font_pt: float

    def proxy(self, slide, element):
        """Return python-pptx's shape for an element of a slide (for its inherited geometry)."""
        return SlideShapeFactory(element, slide.shapes)

    def box(self, slide, shape) -> Box:
        """Return the room a shape's text has on a slide."""
        name = family(shape.text_frame._txBody, self.fonts, heading=is_heading(shape._element))
        return text_box(shape, lambda: list(slide.shapes), self.slide_width, self.slide_height,
                        name)

    def fit(self, slide, shape) -> Fitted:
        """Fit a shape's text, not below the minimum size, and settle the shape's size."""
        body = shape.text_frame._txBody
        box = self.box(slide, shape)
        default = inherited_size(shape)
        fitted = split_to_fit(body, box, self.min_font_pt, default)
        widen = unwrapped(shape) and text_height(
            body, Box(usable_width(shape), box.height, box.family), default) > fitted.height
        settle(shape, fitted.height, widen=widen, slide_width=self.slide_width)
        return fitted

    def fit_title(self, slide, shape) -> None:
        """Shrink a title until it fits its box, not below the minimum size (a title never
        continues on another slide)."""
        shrink_to_fit(shape.text_frame._txBody, self.box(slide, shape), self.min_font_pt,
                      inherited_size(shape))

    def explicit_sizes(self, slide) -> None:
        """Write a size on every run of a slide's texts and table cells that has none, and
        turn off shrink-on-overflow, so that no office suite scales text on its own."""
        tree = slide._element.find(qn("p:cSld")).find(qn("p:spTree"))
        for element in all_shape_elements(tree):
            body = element.find(qn("p:txBody"))
            if body is not None and _unsized(body):
                no_autofit_scale(body)
                set_sizes(body, 1.0, self.min_font_pt, inherited_size(self.proxy(slide, element)))
            for cell in element.iter(qn("a:tc")):
                body = cell.find(qn("a:txBody"))
                if body is not None and _unsized(body):
                    set_sizes(body, 1.0, self.min_font_pt, DEFAULT_SIZE)

    def continue_text(self, slide, shapes: list, overflow: dict[int, list]) -> dict[int, list]:
        """Put the paragraphs that did not fit into the same shapes of a continuation slide
        (`shapes` are its shape elements); return what still does not fit."""
        remaining = {}
        for index, paragraphs in overflow.items():
            shape = self.proxy(slide, shapes[index])
            body = shape.text_frame._txBody
            for p in body.findall(A_P):
                body.remove(p)
            for p in paragraphs:
                body.append(p)
            fitted = self.fit(slide, shape)
            if fitted.rest:
                remaining[index] = fitted.rest
        return remaining

    def cut(self, slide, shape, note: str) -> None:
        """End a shape's text with a note saying it was cut, shortening it until the note
        fits."""
        body = shape.text_frame._txBody
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


def _unsized(body) -> bool:
    """Return True when a run, field or paragraph end of a text body has no size of its own."""
    return any(not (r.get("sz") if r.tag == qn("a:endParaRPr") else (
        r.find(qn("a:rPr")) is not None and r.find(qn("a:rPr")).get("sz")))
        for r in body.iter(qn("a:r"), qn("a:fld"), qn("a:endParaRPr")))
