"""The PowerPoint template engine: slides, shapes and tables filled from data with Jinja.

A template is an ordinary deck. What staff can see and edit in PowerPoint drives it:
- `{{ … }}` in any text (shapes, groups, table cells, notes), `{% if %}` within a paragraph,
  and `{%p for … %}` / `{%p endfor %}` paragraphs that repeat the paragraphs between them;
- a line `{%slide for x in … %}` or `{%slide if … %}` in a slide's notes: one slide per item,
  or the slide only when the condition holds;
- `{%tr for x in … %}` at the start of a table row: one row per item, continuing on a copy of
  the slide, its title marked as continued, when the rows no longer fit (a row taller than
  a slide goes on at a line boundary) unless the table's text, up to
  `Options.table_shrink_pt` smaller, takes fewer slides; beyond `Options.max_table_slides`
  slides the table ends with a summary row, of what `{%summary item/items %}` in the slide's
  notes names; `{%slides N %}` and `{%minsize N %}` in the notes give the slide its own
  limit of table slides and its own smallest text size (see directives.py);
- shapes named `PREFIX:NAME` in PowerPoint's selection pane, with the prefixes of `Options`
  (`chart:`, `matrix:`, `picture:` unless the application chooses others): a native chart,
  a matrix table and a picture filled from data.
Every output slide is a copy of a template slide; the template slides are removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from pptx.oxml.ns import qn
from pptx.shapes.shapetree import SlideShapeFactory

from .bindings import Bindings
from .boxes import ThemeFonts
from .directives import read_notes
from .errors import EngineError, Kind, Location
from .fitting import CUT, SPLIT, SUMMARISED, TOO_SMALL, Fitter, Notice
from .loader import known
from .options import Options
from .room import available_height, obstacles
from .save import Writer, save
from .shapes import (
    P_GRPSP,
    P_SPTREE,
    has_tags,
    shape_elements,
    shape_name,
    table_of,
    text_body,
    title_element,
)
from .slides import (
    SlideFactory,
    SlideSource,
    ensure_view_props,
    fresh_creation_ids,
    renumber_parts,
)
from .tables import RowLoop, RowPlan, Summary, find_row_loop, render_table, strip_row_loop
from .tags import Tags
from .text import apply_output, frame_source, strip_markers

P_CSLD = qn("p:cSld")
_UNREAD = object()


def shape_tree(slide_or_element):
    """Return the shape tree of a slide, master or layout (a proxy or its element)."""
    root = getattr(slide_or_element, "_element", slide_or_element)
    return root.find(P_CSLD).find(P_SPTREE)


@dataclass(frozen=True)
class _SlidePlan:
    """What a template slide's notes and row loop say: the same in every render."""

    notes: str  # without the directives
    directive: tuple | None  # (loop target, loop expression, condition)
    rows: RowPlan | None
    noun: tuple[str, str] | None = None  # what a summary row counts (`{%summary … %}`)
    limit: int | None = None  # the most slides its table takes (`{%slides N %}`)
    min_pt: float | None = None  # its text's own minimum size (`{%minsize N %}`)


@dataclass
class _SlideJob:
    """One template slide as it is rendered: its number, location, row loop and notes; what
    copies are made from, and whether the slide itself is still to be rendered into."""

    number: int
    slide: object
    where: Location
    loop: RowLoop | None
    notes: str
    source: SlideSource
    unused: bool = True
    shrink: float = 0  # points the table's text is made smaller, for the current scope
    floor: float = 12  # the smallest size its text shrinks to: the deck's, or its own

    def output_slide(self, factory: SlideFactory):
        """Return a slide to render into: the template slide itself first, then copies."""
        if self.unused:
            self.unused = False
            return factory.in_place(self.slide)
        return factory.clone(self.source)


@dataclass
class _Render:
    """One render in progress: the presentation, and what fits its text and copies its slides."""

    prs: object
    factory: SlideFactory
    fitter: Fitter
    origins: list[int] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    slides: list = field(default_factory=list)  # the output slides, in order
    summarised: set = field(default_factory=set)  # tables summarised so far, by shape name


class PptxTemplate:
    """A deck template, loaded once and rendered many times.

    After a render, `origins` holds per output slide the number of the template slide it
    came from, and `notices` what fitting had to do to a text.
    """

    def __init__(self, path: Path, env: jinja2.Environment, options: Options | None = None
                 ) -> None:
        self.path = path
        self.options = options or Options()
        self.blob = path.read_bytes()
        self.tags = Tags(env)
        self.bindings = Bindings(self.options)
        self.origins: list[int] = []
        self.notices: list[Notice] = []
        # the package read once, and what its renders find out about it, shared by every
        # engine of this template in the process (loader.Known)
        self._known = known(path.name, self.blob)

    def render(self, context: dict, *, title: str = "", author: str = "",
               write: Writer | None = None) -> bytes:
        """Return the bytes of a deck rendered from this template with a context.

        The bytes are python-pptx's zip, or what `write` makes of the package's members
        (name, bytes) when given: an application's own zip policy, applied in one pass.
        """
        self.origins, self.notices = [], []
        prs = self._open()
        if self._known.fonts is None:
            self._known.fonts = ThemeFonts.of(prs)
        self._known.layouts.begin()
        run = _Render(prs, SlideFactory(prs), Fitter(prs.slide_width, prs.slide_height,
                                                     self._known.fonts, self.options.min_font_pt,
                                                     self._known.layouts))
        # later slides may ask which tables were summarised before them (the set grows)
        context = {**context, self.options.summarised_name: run.summarised}
        self._render_masters(prs, context)
        templates = list(prs.slides)
        self.bindings.check(self.path.name, [shape_tree(s) for s in templates], context)
        for number, slide in enumerate(templates, start=1):
            self._render_template_slide(run, slide, number, context)
        run.factory.arrange(run.slides)
        renumber_parts(prs)
        ensure_view_props(prs)
        if title:
            prs.core_properties.title = title
        if author:
            prs.core_properties.author = author
        self.origins, self.notices = run.origins, run.notices
        return save(prs, write)

    def _open(self):
        """Return a fresh presentation of the template: read once, then opened from copies."""
        try:
            return self._known.pristine().open()
        except Exception as exc:  # noqa: BLE001 - a broken file is the user's template
            raise EngineError(Kind.UNREADABLE_TEMPLATE, Location(self.path.name),
                              detail=str(exc), cause=exc) from None

    def _render_template_slide(self, run: _Render, slide, number: int, context: dict) -> None:
        """Render every output slide that one template slide gives, continuations included."""
        where = Location(self.path.name, number)
        plan = self._plan(run, slide, number)  # the repeated row is replaced, its tag not read
        loop = plan.rows.loop if plan.rows is not None else None
        snapshots = self._known.snapshots
        if number not in snapshots:  # the same in every render: taken once
            snapshots[number] = run.factory.snapshot(slide).element
        job = _SlideJob(number, slide, where, loop, plan.notes,
                        run.factory.source(slide, snapshots[number]),
                        floor=max(plan.min_pt or 0, self.options.min_font_pt))
        run.fitter.min_font_pt = job.floor  # this slide's, for its text and continuations
        made = 0
        for scope in self._scopes(plan.directive, context, where):
            part = 0  # continuation slides are numbered, so that every title is unique
            for rows in self._table_slides(run, plan, job, scope):
                clones = self._render_with_continuations(run, job, scope, rows, part)
                part += len(clones)
                made += len(clones)
                if made > self.options.max_slides:
                    raise EngineError(Kind.TOO_MANY_SLIDES, where, limit=self.options.max_slides)
                for clone in clones:
                    run.origins.append(number)
                    run.slides.append(clone)
                    fresh_creation_ids(clone, f"{self.path.name}/{len(run.origins)}")

    def _table_slides(self, run: _Render, plan: _SlidePlan, job: _SlideJob, scope: dict
                      ) -> list:
        """Return the rows of a slide's repeated table per output slide ([None]: no table),
        noting rows split over two slides and rows left out for a summary, and setting how
        much smaller the table's text is made to take fewer slides (`job.shrink`)."""
        if plan.rows is None:
            return [None]
        number, options = job.number, self.options
        limited = plan.limit is not None  # the slide's own limit: the rest is further on
        summary = Summary(plan.limit if limited else options.max_table_slides,
                          lambda n: options.summary_text(n, plan.noun, limited=limited))
        pages = plan.rows.pages(scope, self.tags, summary if summary.slides else None,
                                options.table_shrink_pt, job.floor)
        job.shrink = pages.shrink
        shape = plan.rows.where.shape
        for head in pages.split:
            source = plan.rows.sources[head.split_cells[0]] or "" if head.split_cells else ""
            source = strip_markers(source)
            run.notices.append(Notice(number, shape, SPLIT, item=head.item, source=source))
        if pages.hidden is not None or pages.cut is not None:
            cut = next((h for h in pages.split if h.item is pages.cut and h.split_cells), None)
            source = strip_markers(
                plan.rows.sources[cut.split_cells[0]] or "" if cut is not None else "")
            run.notices.append(Notice(number, shape, SUMMARISED, pages.shown, pages.total,
                                      pages.hidden if pages.hidden is not None else pages.cut,
                                      source, limited=limited))
            run.summarised.add(shape)
        return pages.slides

    def _plan(self, run: _Render, slide, number: int) -> _SlidePlan:
        """Return what a template slide's notes and row loop say, read on the first render."""
        plan = self._known.plans.get(number)
        if plan is None:
            said = read_notes(slide)
            tree = shape_tree(slide)
            loop = find_row_loop(tree)
            rows = None
            if loop is not None:
                strip_row_loop(loop.row(tree))
                height = run.prs.slide_height
                rows = RowPlan.of(loop, tree, Location(self.path.name, number), self.tags,
                                  run.fitter.fonts, lambda frame: available_height(
                                      frame, height, obstacles(slide, frame)))
            plan = self._known.plans[number] = _SlidePlan(said.text, said.directive, rows,
                                                          said.noun, said.limit, said.min_pt)
        return plan

    def _render_with_continuations(self, run: _Render, job: _SlideJob, scope: dict, rows,
                                   part: int) -> list:
        """Render a slide; text that does not fit continues on copies, at most
        `max_text_slides` of them, and is then cut with a note."""
        clone = job.output_slide(run.factory)
        overflow = self._render_slide(run, job, clone, scope, rows, part)
        clones = [clone]
        while overflow:
            if len(clones) == self.options.max_text_slides:
                shapes = shape_elements(shape_tree(clone))
                for index in overflow:
                    shape = run.fitter.proxy(clone, shapes[index])
                    run.fitter.cut(clone, shape, self.options.cut_note)
                    run.notices.append(Notice(job.number, shape.name, CUT, size=job.floor))
                break
            clone = job.output_slide(run.factory)
            self._render_slide(run, job, clone, scope, rows, part + len(clones))
            overflow = run.fitter.continue_text(clone, shape_elements(shape_tree(clone)),
                                                overflow)
            clones.append(clone)
        return clones

    def _scopes(self, directive, context: dict, where: Location) -> list[dict]:
        """Return one scope per output slide: the slide's loop items, or the context if kept."""
        if directive is None:
            return [context]
        target, expr, condition = directive
        where = Location(where.template, where.slide, notes=True)
        if condition:
            return [context] if self.tags.evaluate(condition, context, where) else []
        items = self.tags.evaluate(expr, context, where)
        return [{**context, target: item} for item in items]

    def _render_slide(self, run: _Render, job: _SlideJob, slide, scope: dict, rows,
                      part: int) -> dict[int, list]:
        """Render one slide; return, per shape index, paragraphs that did not fit."""
        overflow = {}
        sized = set()  # text bodies fitted here: every run has its size already
        tree = shape_tree(slide)
        title = title_element(tree)
        for index, element in enumerate(shape_elements(tree)):
            name = shape_name(element)
            where = job.where.at(name)
            if job.loop is not None and index == job.loop.shape_index:
                render_table(element, scope, where, self.tags, job.loop.row_index, rows,
                             job.shrink, job.floor)
                continue
            if not self._render_element(slide, element, scope, where, (job.number, index)) or (
                    element is title):
                continue
            shape = run.fitter.proxy(slide, element)
            if shape.width and shape.height:
                fitted = run.fitter.fit(slide, shape)
                sized.add(shape.body)
                if fitted.too_small:
                    run.notices.append(Notice(job.number, name, TOO_SMALL, size=job.floor))
                if fitted.rest:
                    overflow[index] = fitted.rest
        if job.notes:  # only slides whose notes say more than a directive get a notes page
            where = Location(job.where.template, job.where.slide, notes=True)
            text = self.tags.render(job.notes, scope, where) if "{" in job.notes else job.notes
            slide.notes_slide.notes_text_frame.text = strip_markers(text)
        if part and title is not None:
            _append_to_title(SlideShapeFactory(title, slide.shapes),
                             self.options.continued_title(part))
        if title is not None and text_body(title) is not None:
            shape = run.fitter.proxy(slide, title)
            if shape.width and shape.height:
                run.fitter.fit_title(slide, shape)
                sized.add(shape.body)
        run.fitter.explicit_sizes(slide, sized)
        return overflow

    def _render_element(self, slide, element, scope: dict, where: Location,
                        key: tuple | None = None) -> bool:
        """Render a shape's tags; return True when it is a text body that now needs fitting.
        A text body's source is read once per `key` (template slide, shape index; a master's
        or layout's shapes: minus the master's number, the layout's name, shape index)."""
        split = self.bindings.split(where.shape)
        if split is not None:
            self.bindings.bind(slide, element, split, scope, where)
            return False
        if element.tag == P_GRPSP:
            for child in shape_elements(element):
                self._render_element(slide, child, scope, where.at(shape_name(child)))
            return False
        if table_of(element) is not None:
            render_table(element, scope, where, self.tags)
            return False
        body = text_body(element)
        if body is None:
            return False
        sources = self._known.sources
        source = sources.get(key, _UNREAD) if key is not None else _UNREAD
        if source is _UNREAD:
            source = frame_source(body) if has_tags(body) else None
            if key is not None:
                sources[key] = source
        if source is None:
            return False
        apply_output(body, self.tags.render(source, scope, where))
        return True

    def _render_masters(self, prs, context: dict) -> None:
        """Render the tags on slide masters and layouts once, with the deck's context."""
        if self._known.masters_have_tags is False:
            return
        found = False
        for m, master in enumerate(prs.slide_masters, start=1):
            roots = [(Location(self.path.name, master=m), master)] + [
                (Location(self.path.name, master=m, layout=layout.name), layout)
                for layout in master.slide_layouts]
            for where, root in roots:
                tree = shape_tree(root)
                if not has_tags(tree):
                    continue
                found = True
                for index, element in enumerate(shape_elements(tree)):
                    self._render_element(None, element, context, where.at(shape_name(element)),
                                         (-m, where.layout or "", index))
        self._known.masters_have_tags = found


def _append_to_title(title, suffix: str) -> None:
    """Mark a continuation slide's title, e.g. " (cont.)", then " (cont. 2)"."""
    runs = title.text_frame.paragraphs[0].runs
    if runs:
        runs[-1].text = runs[-1].text + suffix
    else:
        title.text_frame.paragraphs[0].add_run().text = suffix.strip()
