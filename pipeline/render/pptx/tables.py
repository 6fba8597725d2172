"""Tables: rows repeated from data and split over continuation slides, and matrices."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from pptx.oxml.ns import qn

from .boxes import ThemeFonts, family
from .errors import Location
from .rows import Pages, RenderedRow, RowMeasure, first_run_style, paginate, plain_text
from .shapes import shape_elements, shape_name, table_of
from .tags import Tags
from .text import (
    A_P,
    A_R,
    A_T,
    apply_output,
    frame_source,
    has_tags,
    join_split_tags,
    run_properties,
)

ROW_LOOP = re.compile(r"^\s*\{%tr\s+for\s+(.+?)\s+in\s+(.+?)\s*%\}", re.S)
A_TR, A_TC, A_TXBODY = qn("a:tr"), qn("a:tc"), qn("a:txBody")
A16_ROW_ID = "{http://schemas.microsoft.com/office/drawing/2014/main}rowId"
_CELL = "\x01"  # between the cells of a row rendered at once: never in printed data (tags.UNSAFE)


@dataclass(frozen=True)
class RowLoop:
    """A table row repeated once per item: `{%tr for k in namnd.kunder %}` in its first cell."""

    shape_index: int
    row_index: int
    target: str
    expr: str

    def row(self, tree):
        """Return the repeated row's element in a slide's shape tree."""
        frame = shape_elements(tree)[self.shape_index]
        return list(table_of(frame).iter(A_TR))[self.row_index]


@dataclass(frozen=True)
class Summary:
    """What a table whose rows would take more slides than allowed ends with: the most
    slides, and the text of the summary row for the count of items left out."""

    slides: int
    text: Callable[[int], str]


@dataclass(frozen=True)
class RowPlan:
    """What a template slide's row loop needs, read once per template: the loop, each cell's
    source and the row's in one, the text of cells without tags, how the row is measured,
    the height of the other rows and the height the table may reach."""

    loop: RowLoop
    where: Location
    sources: tuple[str | None, ...]
    row_source: str
    fixed_texts: tuple[str, ...]
    measure: RowMeasure
    fixed: int
    available: int
    others: tuple[tuple[RowMeasure, tuple[str, ...]], ...] = ()  # the other rows, measured

    @classmethod
    def of(cls, loop: RowLoop, tree, where: Location, tags: Tags, fonts: ThemeFonts,
           available: Callable[[object], int]) -> RowPlan:
        """Read a row loop's plan from its template slide (with the loop tag stripped);
        `available(frame)` is the height the table may reach on the slide."""
        frame = shape_elements(tree)[loop.shape_index]
        font = family(frame, fonts)
        where = where.at(shape_name(frame))
        tbl = table_of(frame)
        rows = list(tbl.iter(A_TR))
        template_tr = rows[loop.row_index]
        widths = column_widths(tbl)
        sources = tuple(row_sources(template_tr))
        for source in sources:
            if source:
                tags.compile(source, where)  # each cell's own syntax errors, as in any cell
        others = tuple((RowMeasure.of(tr, widths, font), tuple(_cell_text(tc)
                                                               for tc in tr.iter(A_TC)))
                       for i, tr in enumerate(rows) if i != loop.row_index)
        fixed = sum(m.height_for(list(texts)) for m, texts in others)
        return cls(loop, where, sources, _CELL.join(s or "" for s in sources),
                   tuple(_cell_text(tc) for tc in template_tr.iter(A_TC)),
                   RowMeasure.of(template_tr, widths, font), fixed, available(frame), others)

    def pages(self, scope: dict, tags: Tags, summary: Summary | None = None,
              shrink: float = 0, floor: float = 0) -> Pages:
        """Return the rows rendered for a scope, laid out on slides (see `rows.paginate`).

        Rows that would go on over another slide (or be summarised) are tried up to `shrink`
        points smaller, 1 pt at a time and never below `floor`: the largest size that gives
        the table fewer slides is kept (`Pages.shrink`, for every cell of the table)."""
        loop, where, rendered = self.loop, self.where, []
        for index, item in enumerate(tags.evaluate(loop.expr, scope, where)):
            # one render per row, not per cell
            parts = tags.render(self.row_source, {**scope, loop.target: item}, where).split(_CELL)
            outputs = [o if s else None for o, s in zip(parts, self.sources, strict=True)]
            texts = [plain_text(o) if o is not None else t
                     for o, t in zip(outputs, self.fixed_texts, strict=False)]
            rendered.append(RenderedRow(outputs, self.measure.height_for(texts), texts, item,
                                        index))
        limit, text = (summary.slides, summary.text) if summary else (0, None)
        pages = paginate(rendered, self.fixed, self.available, self.measure, limit, text)
        largest = max((c.size for m in (self.measure, *(m for m, _ in self.others))
                       for c in m.cells), default=floor)
        steps = int(min(shrink, largest - floor)) if pages.cost() > 1 else 0
        for points in range(1, steps + 1):  # the largest size that saves a slide
            measure = self.measure.shrunk(points, floor)
            fixed = sum(m.shrunk(points, floor).height_for(list(t)) for m, t in self.others)
            rows = [replace(r, height=measure.height_for(r.texts)) for r in rendered]
            smaller = paginate(rows, fixed, self.available, measure, limit, text)
            if smaller.cost() < pages.cost():
                return replace(smaller, shrink=points)
        return pages

def render_table(frame, scope: dict, where: Location, tags: Tags, repeated_row: int | None = None,
                 rows: list[RenderedRow] | None = None, shrink: float = 0, floor: float = 0
                 ) -> None:
    """Render a table's tags; the repeated row, if any, becomes the rendered rows. With
    `shrink`, every cell's text is made that many points smaller (never below `floor`) and
    the other rows' heights follow, as `RowPlan.pages` measured them."""
    tbl = table_of(frame)
    widths = column_widths(tbl) if shrink else []
    for r, tr in enumerate(list(tbl.iter(A_TR))):
        if r == repeated_row:
            for row in rows or ():
                new = copy.deepcopy(tr)
                new.set("h", str(row.height))
                if row.summary is not None:
                    _span(new, row.summary)
                for tc, output in zip(new.iter(A_TC), row.outputs, strict=False):
                    if output is not None:
                        apply_output(tc.find(A_TXBODY), output)
                tr.addprevious(new)
            tbl.remove(tr)
            continue
        if shrink:
            tr.set("h", str(RowMeasure.of(tr, widths).shrunk(shrink, floor).height))
        for tc in tr.iter(A_TC):
            body = tc.find(A_TXBODY)
            if body is not None and has_tags(body):
                apply_output(body, tags.render(frame_source(body), scope, where))
    if shrink:
        for tc in tbl.iter(A_TC):
            body = tc.find(A_TXBODY)
            if body is not None:
                shrink_text(body, shrink, floor)
    renumber_rows(tbl)
    set_frame_height(frame, tbl)


def shrink_text(body, points: float, floor: float) -> None:
    """Make every run, break and paragraph end of a cell's text `points` smaller, never below
    `floor`; one without a size of its own gets the cell's first size (as measured)."""
    size, _ = first_run_style(body)
    for rpr in run_properties(body):
        own = int(rpr.get("sz")) / 100 if rpr.get("sz") else size
        rpr.set("sz", str(int(round(max(floor, min(own, own - points)) * 100))))


def _span(tr, text: str) -> None:
    """Make a row one cell spanning the table, holding `text` in italics."""
    cells = tr.findall(A_TC)
    if len(cells) > 1:
        cells[0].set("gridSpan", str(len(cells)))
    for tc in cells[1:]:
        tc.set("hMerge", "1")
        set_cell_text(tc, "")
    set_cell_text(cells[0], text)
    for rpr in cells[0].iter(qn("a:rPr")):
        rpr.set("i", "1")


def _cell_text(tc) -> str:
    return "\n".join("".join(t.text or "" for t in p.iter(A_T)) for p in tc.iter(A_P))


def find_row_loop(tree) -> RowLoop | None:
    """Return the repeated table row of a slide's shape tree, if it has one."""
    for i, element in enumerate(shape_elements(tree)):
        tbl = table_of(element)
        if tbl is None:
            continue
        for r, tr in enumerate(tbl.iter(A_TR)):
            first = tr.find(A_TC)
            p = first.find(qn("a:txBody")).find(A_P)
            join_split_tags(p)
            text = "".join(t.text or "" for t in p.iter(A_T))
            match = ROW_LOOP.match(text)
            if match:
                return RowLoop(i, r, match[1].strip(), match[2].strip())
    return None


def strip_row_loop(tr) -> None:
    """Remove the `{%tr for … %}` tag from a row's first cell."""
    p = tr.find(A_TC).find(qn("a:txBody")).find(A_P)
    for t in p.iter(A_T):
        if t.text and "{%tr" in t.text:
            t.text = ROW_LOOP.sub("", t.text, count=1)
            return


def row_sources(tr) -> list[str | None]:
    """Return the Jinja source of each cell of a row (None for a cell without tags)."""
    out = []
    for tc in tr.iter(A_TC):
        body = tc.find(qn("a:txBody"))
        out.append(frame_source(body) if body is not None and has_tags(body) else None)
    return out


def row_height(tr, widths: list[int], texts: list[str], family: str | None = None) -> int:
    """Return the height in EMU a row needs for these cell texts in a font family."""
    return RowMeasure.of(tr, widths, family).height_for(texts)


def column_widths(tbl) -> list[int]:
    """Return the widths of a table's columns in EMU."""
    return [int(g.get("w")) for g in tbl.find(qn("a:tblGrid")).findall(qn("a:gridCol"))]


def renumber_rows(tbl) -> None:
    """Give every row its own a16:rowId, as PowerPoint expects after rows were copied."""
    for n, element in enumerate(tbl.iter(A16_ROW_ID)):
        element.set("val", str(10000 + n))


def set_frame_height(frame, tbl) -> None:
    """Set the graphic frame's height to the sum of its rows (python-pptx does not)."""
    total = sum(int(tr.get("h", "0")) for tr in tbl.iter(A_TR))
    frame.find(qn("p:xfrm")).find(qn("a:ext")).set("cy", str(total))


def set_cell_text(tc, text: str) -> None:
    """Set a cell's text, keeping the formatting of its first run."""
    body = tc.find(qn("a:txBody"))
    paragraphs = body.findall(A_P)
    for extra in paragraphs[1:]:
        body.remove(extra)
    p = paragraphs[0]
    runs = p.findall(A_R)
    if not runs:
        run = p.makeelement(A_R, {})
        run.append(p.makeelement(A_T, {}))
        end = p.find(qn("a:endParaRPr"))
        if end is not None:
            end.addprevious(run)
        else:
            p.append(run)
        runs = [run]
    for extra in runs[1:]:
        p.remove(extra)
    runs[0].find(A_T).text = text


def fill_matrix(frame, header: list[str], rows: list[list[str]],
                groups: tuple[tuple[str, int], ...] = ()) -> None:
    """Fill a 2×2 template table as a matrix of len(header) columns and one row per item.

    `groups` adds a heading row above the header whose cells span columns (label, span),
    counted from the second column: the months above the weeks of a timetable.
    """
    tbl = frame.find(qn("a:graphic")).find(qn("a:graphicData")).find(qn("a:tbl"))
    grid = tbl.find(qn("a:tblGrid"))
    cols = grid.findall(qn("a:gridCol"))
    total = sum(int(c.get("w")) for c in cols)
    first = int(cols[0].get("w"))
    n = len(header)
    rest = (total - first) // max(n - 1, 1)
    template_col = cols[1]
    for c in cols[1:]:
        grid.remove(c)
    for _ in range(n - 1):
        col = copy.deepcopy(template_col)
        col.set("w", str(rest))
        grid.append(col)
    head_tr, body_tr = tbl.findall(A_TR)[:2]
    for tr in tbl.findall(A_TR):
        tbl.remove(tr)
    if groups:
        tbl.append(_group_row(head_tr, groups))
    tbl.append(_matrix_row(head_tr, header))
    for values in rows:
        tbl.append(_matrix_row(body_tr, values))
    renumber_rows(tbl)
    set_frame_height(frame, tbl)
    frame.find(qn("p:xfrm")).find(qn("a:ext")).set("cx", str(first + rest * (n - 1)))


def _matrix_row(template_tr, values: list[str]):
    tr = copy.deepcopy(template_tr)
    cells = tr.findall(A_TC)
    for tc in cells:
        tr.remove(tc)
    ext = tr.find(qn("a:extLst"))
    for cell in cells[:2]:  # each made a cell of one run, once: copies only set their text
        set_cell_text(cell, "")
    for k, value in enumerate(values):
        tc = copy.deepcopy(cells[0] if k == 0 else cells[1])
        tc.find(A_TXBODY).find(A_P).find(A_R).find(A_T).text = value
        if ext is not None:
            ext.addprevious(tc)
        else:
            tr.append(tc)
    return tr


def _group_row(template_tr, groups: tuple[tuple[str, int], ...]):
    """Return a heading row whose cells span several columns (gridSpan and hMerge)."""
    values = [""]
    spans = [1]
    for label, span in groups:
        values += [label] + [""] * (span - 1)
        spans += [span] + [0] * (span - 1)
    tr = _matrix_row(template_tr, values)
    for tc, span in zip(tr.findall(A_TC), spans, strict=True):
        if span > 1:
            tc.set("gridSpan", str(span))
        elif span == 0:
            tc.set("hMerge", "1")
    return tr
