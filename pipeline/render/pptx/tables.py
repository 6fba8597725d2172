"""Tables: rows repeated from data and split over continuation slides, and matrices."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from pptx.oxml.ns import qn

from . import measure
from .text import A_P, A_R, A_T, EMU_PER_PT, frame_source, has_tags, join_split_tags, run_size

ROW_LOOP = re.compile(r"^\s*\{%tr\s+for\s+(.+?)\s+in\s+(.+?)\s*%\}", re.S)
A_TR, A_TC = qn("a:tr"), qn("a:tc")
A16_ROW_ID = "{http://schemas.microsoft.com/office/drawing/2014/main}rowId"
DEFAULT_MARGINS = {"marL": 91440, "marR": 91440, "marT": 45720, "marB": 45720}
BOTTOM_MARGIN = 457200  # keep half an inch free below a table


@dataclass(frozen=True)
class RowLoop:
    """A table row repeated once per item: `{%tr for k in namnd.kunder %}` in its first cell."""

    shape_index: int
    row_index: int
    target: str
    expr: str


def find_row_loop(slide) -> RowLoop | None:
    """Return the slide's repeated table row, if it has one."""
    for i, shape in enumerate(slide.shapes):
        if not shape.has_table:
            continue
        for r, tr in enumerate(shape._element.iter(A_TR)):
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


def _margins(tc) -> dict[str, int]:
    pr = tc.find(qn("a:tcPr"))
    return {k: int(pr.get(k)) if pr is not None and pr.get(k) else v
            for k, v in DEFAULT_MARGINS.items()}


def row_height(tr, widths: list[int], texts: list[str], family: str | None = None) -> int:
    """Return the height in EMU a row needs for these cell texts in a font family."""
    height = int(tr.get("h", "0"))
    for tc, width, text in zip(tr.iter(A_TC), widths, texts, strict=False):
        m = _margins(tc)
        body = tc.find(qn("a:txBody"))
        size = run_size(body) if body is not None else 18.0
        usable = (width - m["marL"] - m["marR"]) / EMU_PER_PT
        lines = measure.lines_needed(text, usable, size, family)
        needed = int(lines * size * measure.LINE_HEIGHT * EMU_PER_PT) + m["marT"] + m["marB"]
        height = max(height, needed)
    return height


def column_widths(tbl) -> list[int]:
    """Return the widths of a table's columns in EMU."""
    return [int(g.get("w")) for g in tbl.find(qn("a:tblGrid")).findall(qn("a:gridCol"))]


def chunk(heights: list[int], fixed: int, available: int) -> list[list[int]]:
    """Split item indexes into runs whose heights fit the available height after fixed rows."""
    chunks: list[list[int]] = [[]]
    used = fixed
    for i, h in enumerate(heights):
        if chunks[-1] and used + h > available:
            chunks.append([])
            used = fixed
        chunks[-1].append(i)
        used += h
    return chunks


def available_height(frame, slide_height: int) -> int:
    """Return the height from a table's top to the bottom margin of the slide."""
    return slide_height - int(frame.find(qn("p:xfrm")).find(qn("a:off")).get("y")) - BOTTOM_MARGIN


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
    for k, value in enumerate(values):
        tc = copy.deepcopy(cells[0] if k == 0 else cells[1])
        set_cell_text(tc, value)
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
