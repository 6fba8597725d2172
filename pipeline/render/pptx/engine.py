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
from pptx.shapes.group import GroupShape

from ...diagnostics import TemplateError
from ...output import deterministic_zip, fixed_core_dates
from ..environment import jinja_message_sv, undefined_name
from .boxes import ThemeFonts, family, inherited_size, settle, text_box, unwrapped, usable_width
from .slides import SlideFactory, ensure_view_props, fresh_creation_ids, renumber_parts
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
from .text import (
    A_P,
    P_CLOSE,
    Box,
    Fitted,
    apply_output,
    frame_source,
    has_tags,
    split_paragraph,
    split_to_fit,
    straighten_quotes,
    text_height,
    visible_text,
)

SLIDE_DIRECTIVE = re.compile(r"\{%slide\s+(?:for\s+(\w+)\s+in\s+(.+?)|if\s+(.+?))\s*%\}", re.S)
MIN_FONT_PT = 12  # text shrinks to fit its box, never below this
CONTINUED = " (forts.)"
MAX_TEXT_SLIDES = 4  # a text runs over at most this many copies of its slide, then is cut
MAX_SLIDES = 60  # output slides from one template slide; more is an error, not a long wait
CUT_NOTE = "[…] Texten är förkortad här; hela texten finns i beslutsunderlaget."
BINDINGS = {"diagram": "diagram", "matris": "matriser", "bild": "bilder"}  # prefix: context key
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
    cut_note: str = CUT_NOTE
    _expressions: dict = field(default_factory=dict, init=False)  # compiled once per template
    origins: list[int] = field(default_factory=list, init=False)  # template slide per output
    notices: list = field(default_factory=list, init=False)  # what fitting did, last render

    def __post_init__(self) -> None:
        self.blob = self.path.read_bytes()

    # -- compiling and evaluating, with errors that name the slide and the shape --

    def _compile(self, source: str, where: _Where) -> jinja2.Template:
        try:
            return self.env.from_string(source)  # the environment compiles each source once
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                f"{where}: felaktig tagg: {jinja_message_sv(exc, self.env)}. Kontrollera att "
                "varje {{ … }} och {% … %} är hel och att varje if och for har sitt slut."
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
            raise TemplateError(f"{where}: {jinja_message_sv(exc, self.env)}.") from None
        except (TypeError, ValueError, AttributeError, KeyError, IndexError, ZeroDivisionError,
                OverflowError):  # a tag that does something the data does not allow
            raise TemplateError(
                f"{where}: en tagg kunde inte användas med underlagets data. Kontrollera "
                "taggen; namnen och filtren listas i README under Mallar.") from None

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
                raise TemplateError(
                    f"{where}: felaktigt uttryck: {jinja_message_sv(exc, self.env)}.") from None
        return self._run(lambda: _materialise(fn(**scope)), where)

    # -- rendering --

    def render(self, context: dict, *, title: str = "", author: str = "") -> bytes:
        """Return the bytes of a deck rendered from this template with a context.

        `self.origins` then holds, per output slide, the number of the template slide it
        came from, and `self.notices` what the engine had to do to a text (cut, too small).
        """
        try:
            prs = Presentation(io.BytesIO(self.blob))
        except Exception:  # noqa: BLE001 - a broken file is the user's template
            raise TemplateError(
                f"Mallen {self.path.name} kan inte öppnas som en PowerPoint-presentation. "
                "Spara den som PowerPoint-presentation (.pptx) i PowerPoint."
            ) from None
        self.origins, self.notices = [], []
        deck = _Deck(prs, SlideFactory(prs), ThemeFonts.of(prs))
        self._render_masters(prs, context)
        templates = list(prs.slides)
        self._check_bindings(templates, context)
        for number, slide in enumerate(templates, start=1):
            self._render_template_slide(deck, slide, number, context)
        for slide in templates:
            deck.factory.delete(slide)
        renumber_parts(prs)
        ensure_view_props(prs)
        if title:
            prs.core_properties.title = title
        if author:
            prs.core_properties.author = author
        buf = io.BytesIO()
        prs.save(buf)
        return deterministic_zip(buf.getvalue(), embedded=EMBEDDED_CORE)

    def _render_template_slide(self, deck: _Deck, slide, number: int, context: dict) -> None:
        """Render every output slide that one template slide gives, continuations included."""
        where = _Where(self.path.name, number)
        loop = find_row_loop(slide)
        job = _SlideJob(slide, where, loop, _notes(slide))
        if loop is not None:
            strip_row_loop(list(slide.shapes[loop.shape_index]._element.iter(A_TR))[loop.row_index])
        made = 0
        for scope in self._scopes(slide, context, where):
            part = 0  # continuation slides are numbered, so that every title is unique
            for rows in self._row_chunks(deck, slide, loop, scope, where):
                clones = self._render_with_continuations(deck, job, scope, rows, part)
                part += len(clones)
                made += len(clones)
                if made > MAX_SLIDES:
                    raise TemplateError(
                        f"{where}: bilden skulle bli fler än {MAX_SLIDES} bilder i presentationen. "
                        "Korta texterna eller tabellerna i arbetsboken, eller dela upp bilden i "
                        "mallen.")
                for clone in clones:
                    self.origins.append(number)
                    fresh_creation_ids(clone, f"{self.path.name}/{len(self.origins)}")

    def _render_with_continuations(self, deck: _Deck, job: _SlideJob, scope: dict, rows,
                                   part: int) -> list:
        """Render a slide; text that does not fit continues on copies, at most MAX_TEXT_SLIDES."""
        clone = deck.factory.clone(job.slide)
        overflow = self._render_slide(deck, clone, scope, job, rows, part=part)
        clones = [clone]
        while overflow:
            if len(clones) == MAX_TEXT_SLIDES:
                for index in overflow:
                    shape = clones[-1].shapes[index]
                    _cut(shape, deck.box(clones[-1], shape), self.cut_note)
                    self.notices.append(Notice(job.where.slide, shape.name, "förkortad"))
                break
            clone = deck.factory.clone(job.slide)
            self._render_slide(deck, clone, scope, job, rows, part=part + len(clones))
            overflow = _continue_text(deck, clone, overflow)
            clones.append(clone)
        return clones

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

    def _row_chunks(self, deck: _Deck, slide, loop, scope: dict, where: _Where):
        if loop is None:
            return [None]
        frame = slide.shapes[loop.shape_index]
        font = family(frame._element, deck.fonts)
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
            rendered.append(_RenderedRow(outputs, row_height(template_tr, widths, texts, font)))
        fixed = sum(row_height(tr, widths, [_cell_text(tc) for tc in tr.iter(qn("a:tc"))], font)
                    for i, tr in enumerate(rows) if i != loop.row_index)
        indexes = chunk([r.height for r in rendered], fixed,
                        available_height(frame._element, deck.prs.slide_height))
        return [[rendered[i] for i in part] for part in indexes]

    def _render_slide(self, deck: _Deck, slide, scope: dict, job: _SlideJob, rows, *,
                      part: int) -> dict[int, list]:
        """Render one slide; return, per shape index, paragraphs that did not fit."""
        overflow = {}
        title = slide.shapes.title
        title_element = title._element if title is not None else None
        loop = job.loop
        for index, shape in enumerate(list(slide.shapes)):
            repeated = loop.row_index if loop is not None and index == loop.shape_index else None
            here = _Where(job.where.template, job.where.slide, shape.name)
            if self._render_shape(slide, shape, scope, here, repeated, rows) and (
                    shape._element is not title_element and shape.width and shape.height):
                fitted = _fit(deck, slide, shape)
                if fitted.too_small:
                    self.notices.append(Notice(job.where.slide, shape.name, "för liten"))
                if fitted.rest:
                    overflow[index] = fitted.rest
        if job.notes:  # only slides whose notes say more than a directive get a notes page
            here = _Where(job.where.template, job.where.slide, "anteckningar")
            text = self._render(job.notes, scope, here) if "{" in job.notes else job.notes
            slide.notes_slide.notes_text_frame.text = _strip_markers(text)
        if part and title is not None:
            _append_to_title(title, part)
        return overflow

    def _render_shape(self, slide, shape, scope, where: _Where, repeated_row=None,
                      rows=None) -> bool:
        """Render a shape's tags; return True when it is a text body that now needs fitting."""
        kind, _, name = shape.name.partition(":")
        if name and kind in BINDINGS:
            self._bind(slide, shape, kind, name, scope, where)
            return False
        if isinstance(shape, GroupShape):
            for child in list(shape.shapes):
                self._render_shape(slide, child, scope,
                                   _Where(where.template, where.slide, child.name))
            return False
        if getattr(shape, "has_table", False):
            self._render_table(shape, scope, where, repeated_row, rows)
            return False
        if shape.has_text_frame and has_tags(shape.text_frame._txBody):
            self._render_body(shape.text_frame._txBody, scope, where)
            return True
        return False

    def _render_masters(self, prs, context: dict) -> None:
        """Render the tags on slide masters and layouts once, with the deck's context."""
        for m, master in enumerate(prs.slide_masters, start=1):
            where = _Where(self.path.name, shape=f"bildbakgrund {m}")
            for shape in master.shapes:
                self._render_shape(None, shape, context,
                                   _Where(where.template, shape=f"{where.shape}, {shape.name}"))
            for layout in master.slide_layouts:
                for shape in layout.shapes:
                    self._render_shape(None, shape, context, _Where(
                        where.template, shape=f'layouten "{layout.name}", {shape.name}'))

    def _check_bindings(self, templates: list, context: dict) -> None:
        """Refuse a template whose chart or table lost the name that binds it to data: it would
        publish the template's example data (PowerPoint renames a shape whose chart is
        replaced)."""
        bound: set[tuple[str, str]] = set()
        unbound = []
        for number, slide in enumerate(templates, start=1):
            for shape in _all_shapes(slide.shapes):
                kind, _, name = shape.name.partition(":")
                if name and kind in BINDINGS:
                    bound.add((kind, name))
                elif getattr(shape, "has_chart", False):
                    unbound.append((number, shape, "diagram"))
                elif getattr(shape, "has_table", False) and not any(
                        "{" in (t.text or "") for t in shape._element.iter(qn("a:t"))):
                    unbound.append((number, shape, "matris"))
        for number, shape, kind in unbound:
            missing = [n for n in context.get(BINDINGS[kind], {}) if (kind, n) not in bound]
            if missing:
                what = "diagrammet är inte kopplat" if kind == "diagram" else (
                    "tabellen är inte kopplad")
                names = ", ".join(f'"{kind}:{n}"' for n in missing)
                raise TemplateError(
                    f"{_Where(self.path.name, number, shape.name)}: {what} till "
                    f"några data och skulle visa mallens exempeldata. Ge formen namnet "
                    f"{names.split(', ')[0]} i markeringsfönstret (Start › Ordna › "
                    f"Markeringsfönster). Namn som väntar på en form: {names}.")

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
        if slide is None:
            return  # a binding on a master or layout: nothing to place it on
        offered = self._run(lambda: scope.get(BINDINGS[kind], {}), where)
        value = offered.get(name)
        what = {"diagram": "diagrammet", "matris": "tabellen", "bild": "bilden"}[kind]
        fits = {"diagram": shape.has_chart, "matris": getattr(shape, "has_table", False),
                "bild": True}[kind]
        if (value is None and kind != "bild") or not fits:
            valid = ", ".join(f'"{kind}:{n}"' for n in offered) or "inga"
            kind_name = {"diagram": "ett diagram", "matris": "en tabell", "bild": "en form"}[kind]
            reason = (f"det finns inga data för {what} {name}" if fits
                      else f"formen är inte {kind_name}")
            raise TemplateError(f"{where}: {reason}. Giltiga namn för {what}: {valid}.")
        if kind == "diagram":
            _fill_chart(shape, value)
        elif kind == "matris":
            fill_matrix(shape._element, value.header, value.rows, value.groups)
        else:
            _place_picture(slide, shape, value)


@dataclass(frozen=True)
class Notice:
    """Something the engine had to do to a text: "förkortad" (cut) or "för liten" (box
    smaller than one line at the minimum size), on a template slide's shape."""

    slide: int
    shape: str
    kind: str


@dataclass
class _SlideJob:
    """One template slide as it is rendered: where it is, its row loop and its notes."""

    slide: object
    where: _Where
    loop: object
    notes: str


@dataclass
class _Deck:
    """The presentation being rendered, with what fitting text needs to know about it."""

    prs: object
    factory: SlideFactory
    fonts: ThemeFonts

    def box(self, slide, shape) -> Box:
        """Return the room a shape's text has on a slide."""
        heading = shape.is_placeholder and shape.placeholder_format.type in (1, 3)  # titles
        name = family(shape.text_frame._txBody, self.fonts, heading=heading)
        return text_box(shape, list(slide.shapes), self.prs.slide_width, self.prs.slide_height,
                        name)


def _fit(deck: _Deck, slide, shape) -> Fitted:
    """Fit a shape's text, not below MIN_FONT_PT, and settle the shape's size."""
    body = shape.text_frame._txBody
    box = deck.box(slide, shape)
    default = inherited_size(shape)
    fitted = split_to_fit(body, box, MIN_FONT_PT, default)
    widen = unwrapped(shape) and text_height(
        body, Box(usable_width(shape), box.height, box.family), default) > fitted.height
    settle(shape, fitted.height, widen=widen, slide_width=deck.prs.slide_width)
    return fitted


def _continue_text(deck: _Deck, slide, overflow: dict[int, list]) -> dict[int, list]:
    """Put the paragraphs that did not fit into the same shapes of a continuation slide."""
    remaining = {}
    for index, paragraphs in overflow.items():
        shape = slide.shapes[index]
        body = shape.text_frame._txBody
        for p in body.findall(A_P):
            body.remove(p)
        for p in paragraphs:
            body.append(p)
        fitted = _fit(deck, slide, shape)
        if fitted.rest:
            remaining[index] = fitted.rest
    return remaining


def _cut(shape, box: Box, note: str) -> None:
    """End a shape's text with a note saying it was cut, shortening it until the note fits."""
    body = shape.text_frame._txBody
    for _ in range(1000):  # bounded: each round removes a paragraph or a line
        last = body.findall(A_P)[-1]
        marker = copy.deepcopy(last)
        runs = marker.findall(qn("a:r"))
        for extra in [c for c in marker if c.tag in (qn("a:r"), qn("a:br"), qn("a:fld"))][1:]:
            marker.remove(extra)
        if runs:
            runs[0].find(qn("a:t")).text = note
        body.append(marker)
        fitted = split_to_fit(body, box, MIN_FONT_PT, inherited_size(shape))
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


def _all_shapes(shapes):
    """Yield shapes, and the shapes inside groups."""
    for shape in shapes:
        yield shape
        if isinstance(shape, GroupShape):
            yield from _all_shapes(shape.shapes)


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
    match = SLIDE_DIRECTIVE.search(straighten_quotes(slide.notes_slide.notes_text_frame.text))
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
