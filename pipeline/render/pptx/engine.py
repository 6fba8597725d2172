"""The PowerPoint template engine: slides, shapes and tables filled from data with Jinja.

A template is an ordinary deck. What staff can see and edit in PowerPoint drives it:
- `{{ … }}` in any text (shapes, groups, table cells, notes), `{% if %}` within a paragraph,
  and `{%p for … %}` / `{%p endfor %}` paragraphs that repeat the paragraphs between them;
- a line `{%slide for x in … %}` or `{%slide if … %}` in a slide's notes: one slide per item,
  or the slide only when the condition holds;
- `{%tr for x in … %}` at the start of a table row: one row per item, continuing on a copy of
  the slide, titled "(forts.)", when the rows no longer fit;
- shapes named `diagram:NAMN`, `matris:NAMN` and `bild:NAMN` (PowerPoint's selection pane):
  a native chart, a matrix table and a picture filled from data.
Every output slide is a copy of a template slide; the template slides are removed.
"""

from __future__ import annotations

import copy
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.oxml.ns import qn

from ...diagnostics import TemplateError
from ...output import deterministic_zip, fixed_core_dates
from ..environment import undefined_name
from .slides import SlideFactory, fresh_creation_ids, renumber_parts
from .tables import (
    A_TR,
    available_height,
    chunk,
    column_widths,
    fill_matrix,
    find_row_loop,
    renumber_rows,
    row_height,
    row_sources,
    set_frame_height,
    strip_row_loop,
)
from .text import A_P, P_CLOSE, apply_output, frame_source, has_tags, split_to_fit

SLIDE_DIRECTIVE = re.compile(r"\{%slide\s+(?:for\s+(\w+)\s+in\s+(.+?)|if\s+(.+?))\s*%\}", re.S)
MIN_FONT_PT = 12  # text shrinks to fit its box, never below this
CONTINUED = " (forts.)"
EMBEDDED_CORE = {"docProps/core.xml": fixed_core_dates("2021-06-01T00:00:00Z")}


@dataclass(frozen=True)
class ChartSpec:
    """Data for a native chart: categories, named series of numbers, and a text equivalent."""

    categories: list[str]
    series: list[tuple[str, list[float]]]
    number_format: str = "0"
    beskrivning: str = ""


@dataclass(frozen=True)
class Matrix:
    """A table of text with a header row and a header column."""

    header: list[str]
    rows: list[list[str]]
    groups: tuple[tuple[str, int], ...] = ()  # heading cells spanning columns above the header


@dataclass
class _Where:
    """Where in a template the engine is, for error messages."""

    template: str
    slide: int = 0
    shape: str = ""

    def __str__(self) -> str:
        where = f"Mallen {self.template}"
        if self.slide:
            where += f", bild {self.slide}"
        if self.shape:
            where += f', formen "{self.shape}"'
        return where


@dataclass
class _RenderedRow:
    outputs: list[str | None]
    height: int


@dataclass
class PptxTemplate:
    """A deck template, loaded once and rendered many times."""

    path: Path
    env: jinja2.Environment
    blob: bytes = field(init=False)
    _expressions: dict = field(default_factory=dict, init=False)  # compiled once per template

    def __post_init__(self) -> None:
        self.blob = self.path.read_bytes()

    # -- compiling and evaluating, with errors that name the slide and the shape --

    def _compile(self, source: str, where: _Where) -> jinja2.Template:
        try:
            return self.env.from_string(source)  # the environment compiles each source once
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                f"{where}: felaktig tagg ({exc.message}). Kontrollera att varje {{{{ … }}}} "
                "och {% … %} är hel och att varje if och for har sitt slut."
            ) from None

    def _run(self, fn, where: _Where):
        try:
            return fn()
        except jinja2.UndefinedError as exc:
            raise TemplateError(
                f"{where}: namnet {undefined_name(exc)} finns inte i underlaget. Rätta "
                "stavningen i mallen; namnen listas i README under Mallar."
            ) from None
        except TemplateError:
            raise
        except jinja2.TemplateError as exc:
            raise TemplateError(f"{where}: {exc}") from None

    def _render(self, source: str, scope: dict, where: _Where) -> str:
        template = self._compile(source, where)
        return self._run(lambda: template.render(scope), where)

    def _evaluate(self, expr: str, scope: dict, where: _Where):
        source = "{{ (" + expr + ") is none }}"  # compiles the expression for syntax errors
        self._compile(source, where)
        fn = self._expressions.get(expr)
        if fn is None:
            try:
                fn = self._expressions[expr] = self.env.compile_expression(
                    expr, undefined_to_none=False)
            except jinja2.TemplateSyntaxError as exc:
                raise TemplateError(f"{where}: felaktigt uttryck ({exc.message}).") from None
        return self._run(lambda: _materialise(fn(**scope)), where)

    # -- rendering --

    def render(self, context: dict, *, title: str = "", author: str = "") -> bytes:
        """Return the bytes of a deck rendered from this template with a context."""
        try:
            prs = Presentation(io.BytesIO(self.blob))
        except Exception as exc:  # noqa: BLE001 - a broken file is the user's template
            raise TemplateError(
                f"Mallen {self.path.name} kan inte öppnas som en PowerPoint-presentation "
                f"({type(exc).__name__}). Spara den som .pptx i PowerPoint."
            ) from None
        factory = SlideFactory(prs)
        templates = list(prs.slides)
        made = 0
        for number, slide in enumerate(templates, start=1):
            where = _Where(self.path.name, number)
            loop = find_row_loop(slide)
            notes = _notes(slide)
            if loop is not None:
                strip_row_loop(list(slide.shapes[loop.shape_index]._element.iter(A_TR))[loop.row_index])
            for scope in self._scopes(slide, context, where):
                chunks = self._row_chunks(slide, loop, scope, where, prs.slide_height)
                part = 0  # continuation slides are numbered, so that every title is unique
                for rows in chunks:
                    clone = factory.clone(slide)
                    overflow = self._render_slide(clone, scope, where, loop, rows, notes,
                                                  part=part)
                    clones = [clone]
                    while overflow:  # text that does not fit even shrunk continues on a copy
                        part += 1
                        clones.append(factory.clone(slide))
                        self._render_slide(clones[-1], scope, where, loop, rows, notes,
                                           part=part)
                        overflow = _continue_text(clones[-1], overflow)
                    part += 1
                    for c in clones:
                        made += 1
                        fresh_creation_ids(c, f"{self.path.name}/{made}")
        for slide in templates:
            factory.delete(slide)
        renumber_parts(prs)
        if title:
            prs.core_properties.title = title
        if author:
            prs.core_properties.author = author
        buf = io.BytesIO()
        prs.save(buf)
        return deterministic_zip(buf.getvalue(), embedded=EMBEDDED_CORE)

    def _scopes(self, slide, context: dict, where: _Where) -> list[dict]:
        """Return one scope per output slide: the slide's loop items, or the context if kept."""
        directive = _directive(slide)
        if directive is None:
            return [context]
        target, expr, condition = directive
        where = _Where(where.template, where.slide, "anteckningar")
        if condition:
            return [context] if self._evaluate(condition, context, where) else []
        items = self._evaluate(expr, context, where)
        return [{**context, target: item} for item in items]

    def _row_chunks(self, slide, loop, scope: dict, where: _Where, slide_height: int):
        if loop is None:
            return [None]
        frame = slide.shapes[loop.shape_index]
        where = _Where(where.template, where.slide, frame.name)
        tbl = frame._element.find(qn("a:graphic")).find(qn("a:graphicData")).find(qn("a:tbl"))
        rows = list(tbl.iter(A_TR))
        template_tr = rows[loop.row_index]
        widths = column_widths(tbl)
        sources = row_sources(template_tr)
        rendered = []
        for item in self._evaluate(loop.expr, scope, where):
            item_scope = {**scope, loop.target: item}
            outputs = [self._render(s, item_scope, where) if s else None for s in sources]
            texts = [_plain_text(o) if o is not None else _cell_text(tc)
                     for o, tc in zip(outputs, template_tr.iter(qn("a:tc")), strict=False)]
            rendered.append(_RenderedRow(outputs, row_height(template_tr, widths, texts)))
        fixed = sum(row_height(tr, widths, [_cell_text(tc) for tc in tr.iter(qn("a:tc"))])
                    for i, tr in enumerate(rows) if i != loop.row_index)
        indexes = chunk([r.height for r in rendered], fixed, available_height(frame._element,
                                                                              slide_height))
        return [[rendered[i] for i in part] for part in indexes]

    def _render_slide(self, slide, scope: dict, where: _Where, loop, rows, notes: str, *,
                      part: int) -> dict[int, list]:
        """Render one slide; return, per shape index, paragraphs that did not fit."""
        overflow = {}
        title = slide.shapes.title
        title_element = title._element if title is not None else None
        for index, shape in enumerate(list(slide.shapes)):
            repeated = loop.row_index if loop is not None and index == loop.shape_index else None
            rest = self._render_shape(slide, shape, scope, where, repeated, rows, title_element)
            if rest:
                overflow[index] = rest
        if notes:  # only slides whose notes say more than a directive get a notes page
            here = _Where(where.template, where.slide, "anteckningar")
            text = self._render(notes, scope, here) if "{" in notes else notes
            slide.notes_slide.notes_text_frame.text = _strip_markers(text)
        if part and title is not None:
            _append_to_title(title, part)
        return overflow

    def _render_shape(self, slide, shape, scope, where: _Where, repeated_row, rows,
                      title_element=None) -> list:
        here = _Where(where.template, where.slide, shape.name)
        kind, _, name = shape.name.partition(":")
        if name and kind in ("diagram", "matris", "bild"):
            self._bind(slide, shape, kind, name, scope, here)
            return []
        if shape.shape_type is not None and shape.shape_type == 6:  # a group
            for child in list(shape.shapes):
                self._render_shape(slide, child, scope, where, None, None)
            return []
        rest = []
        if shape.has_text_frame and has_tags(shape.text_frame._txBody):
            self._render_body(shape.text_frame._txBody, scope, here)
            if shape.width and shape.height and shape._element is not title_element:
                rest = _fit(shape)
        if getattr(shape, "has_table", False):
            self._render_table(shape, scope, here, repeated_row, rows)
        return rest

    def _render_body(self, body, scope: dict, where: _Where) -> None:
        apply_output(body, self._render(frame_source(body), scope, where))

    def _render_table(self, frame, scope, where: _Where, repeated_row, rows) -> None:
        tbl = frame._element.find(qn("a:graphic")).find(qn("a:graphicData")).find(qn("a:tbl"))
        for r, tr in enumerate(list(tbl.iter(A_TR))):
            if r == repeated_row:
                for row in rows:
                    new = copy.deepcopy(tr)
                    new.set("h", str(row.height))
                    for tc, output in zip(new.iter(qn("a:tc")), row.outputs, strict=False):
                        if output is not None:
                            apply_output(tc.find(qn("a:txBody")), output)
                    tr.addprevious(new)
                tbl.remove(tr)
                continue
            for tc in tr.iter(qn("a:tc")):
                body = tc.find(qn("a:txBody"))
                if body is not None and has_tags(body):
                    self._render_body(body, scope, where)
        renumber_rows(tbl)
        set_frame_height(frame._element, tbl)

    def _bind(self, slide, shape, kind: str, name: str, scope: dict, where: _Where) -> None:
        key = {"diagram": "diagram", "matris": "matriser", "bild": "bilder"}[kind]
        value = self._run(lambda: scope.get(key, {}).get(name), where)
        if kind == "diagram":
            if value is None or not shape.has_chart:
                raise TemplateError(f"{where}: inga data för diagrammet {name}.")
            _fill_chart(shape, value)
        elif kind == "matris":
            if value is None or not shape.has_table:
                raise TemplateError(f"{where}: inga data för matrisen {name}.")
            fill_matrix(shape._element, value.header, value.rows, value.groups)
        else:
            _place_picture(slide, shape, value)


def _fit(shape) -> list:
    """Shrink a shape's text to fit, not below MIN_FONT_PT; return paragraphs that still do not."""
    body = shape.text_frame._txBody
    return split_to_fit(body, shape.width - 182880, shape.height - 91440,
                        MIN_FONT_PT / _base_size(body))


def _continue_text(slide, overflow: dict[int, list]) -> dict[int, list]:
    """Put the paragraphs that did not fit into the same shapes of a continuation slide."""
    remaining = {}
    for index, paragraphs in overflow.items():
        shape = slide.shapes[index]
        body = shape.text_frame._txBody
        for p in body.findall(A_P):
            body.remove(p)
        for p in paragraphs:
            body.append(p)
        rest = _fit(shape)
        if rest:
            remaining[index] = rest
    return remaining


def _materialise(value):
    if isinstance(value, jinja2.Undefined):
        str(value)  # raises UndefinedError with the missing name
    return value


def _notes(slide) -> str:
    """Return a template slide's notes without its directive."""
    if not slide.has_notes_slide:
        return ""
    return SLIDE_DIRECTIVE.sub("", slide.notes_slide.notes_text_frame.text).strip()


def _directive(slide):
    if not slide.has_notes_slide:
        return None
    match = SLIDE_DIRECTIVE.search(slide.notes_slide.notes_text_frame.text)
    return (match[1], match[2], match[3]) if match else None


_MARKERS = re.compile("\x02\\d+\x03|\x05\\d+\x06|[\x02-\x06]")  # indexed ones first


def _strip_markers(text: str) -> str:
    return _MARKERS.sub("", text)


def _plain_text(output: str) -> str:
    """Return the visible text of a rendered frame (markers removed, paragraphs as lines)."""
    return _strip_markers(output.replace(P_CLOSE, "\n")).strip()


def _cell_text(tc) -> str:
    return "\n".join("".join(t.text or "" for t in p.iter(qn("a:t")))
                     for p in tc.iter(A_P))


def _base_size(body) -> float:
    sizes = [int(r.get("sz")) / 100 for r in body.iter(qn("a:rPr")) if r.get("sz")]
    return max(sizes) if sizes else 18.0


def _append_to_title(title, part: int) -> None:
    """Mark a continuation slide: " (forts.)", then " (forts. 2)", so titles stay unique."""
    suffix = CONTINUED if part == 1 else f"{CONTINUED[:-1]} {part})"
    runs = title.text_frame.paragraphs[0].runs
    if runs:
        runs[-1].text = runs[-1].text + suffix
    else:
        title.text_frame.paragraphs[0].add_run().text = suffix.strip()


def _fill_chart(frame, spec: ChartSpec) -> None:
    data = CategoryChartData(number_format=spec.number_format)
    data.categories = spec.categories
    for name, values in spec.series:
        data.add_series(name, values)
    frame.chart.replace_data(data)
    if spec.beskrivning:
        frame._element.find(qn("p:nvGraphicFramePr")).find(qn("p:cNvPr")).set(
            "descr", spec.beskrivning)


def _place_picture(slide, shape, picture) -> None:
    """Replace a named placeholder shape with a picture fitted inside its box."""
    element = shape._element
    if picture is not None:
        from PIL import Image

        data = picture.read_bytes() if isinstance(picture, Path) else picture
        with Image.open(io.BytesIO(data)) as img:
            ratio = img.width / img.height
        width, height = shape.width, shape.height
        if width / height > ratio:
            width = int(height * ratio)
        else:
            height = int(width / ratio)
        left = shape.left + (shape.width - width) // 2
        top = shape.top + (shape.height - height) // 2
        pic = slide.shapes.add_picture(io.BytesIO(data), left, top, width, height)
        descr = element.find(".//" + qn("p:cNvPr")).get("descr") or shape.name.partition(":")[2]
        pic._element.find(".//" + qn("p:cNvPr")).set("descr", descr)
        element.addprevious(pic._element)
    element.getparent().remove(element)
