"""A repeated table row's rendered copies laid out on slides: measured, split at a line
boundary when one is taller than a slide, and summarised in one row when they would take more
slides than allowed."""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field, replace

from pptx.oxml.ns import qn

from . import measure
from .text import EMU_PER_PT, P_CLOSE, P_MID, P_OPEN, R_CLOSE, R_OPEN, strip_markers

DEFAULT_MARGINS = {"marL": 91440, "marR": 91440, "marT": 45720, "marB": 45720}
MIN_SPLIT_LINES = 3  # a row taller than a slide starts on a slide only where this many lines fit
_TOKEN = re.compile(f"{P_OPEN}\\d+{P_MID}|{R_OPEN}\\d+{R_CLOSE}|[{P_OPEN}-{R_CLOSE}]|[^{P_OPEN}-{R_CLOSE}]+")


@dataclass
class RenderedRow:
    """A repeated row rendered for one item (or part of one): each cell's output (None: the
    template's text), the height the row needs, each cell's visible text, the item and its
    index, and which part of a split row it is. A summary row has only `summary`."""

    outputs: list[str | None]
    height: int
    texts: list[str] = field(default_factory=list)
    item: object = None
    index: int = 0
    part: int = 0  # 0: the row whole, or its first part; n: the n-th continuation
    more: bool = False  # the row's text continues on the next slide
    split_cells: tuple[int, ...] = ()  # the cells whose text a split cut in two
    summary: str | None = None  # a row spanning all columns, ending a summarised table


def plain_text(output: str) -> str:
    """Return the visible text of a rendered frame (markers removed, paragraphs as lines)."""
    return strip_markers(output.replace(P_CLOSE, "\n")).strip()


def split_output(output: str, offset: int) -> tuple[str, str]:
    """Return a rendered frame's output cut in two at an offset of its `plain_text` (head,
    tail): each half a whole output, the tail reopening the paragraph and run it starts in."""
    offset += len(strip_markers(output.replace(P_CLOSE, "\n"))) - len(
        strip_markers(output.replace(P_CLOSE, "\n")).lstrip())
    visible, para, run, para_start, fresh = 0, "", "", 0, False
    for match in _TOKEN.finditer(output):
        token = match[0]
        if token[0] == P_OPEN:
            para, run, para_start, fresh = token, "", match.start(), True
        elif token[0] == R_OPEN:
            run = token
        elif token == P_CLOSE:
            visible += 1
            para, fresh = "", False
        elif token[0] in (P_MID, R_CLOSE):
            continue
        else:
            if visible + len(token) <= offset:
                visible += len(token)
                fresh = False
                continue
            if fresh and visible == offset:  # the cut is where a paragraph begins
                return output[:para_start], output[para_start:]
            pos = match.start() + offset - visible
            head = output[:pos] + (P_CLOSE if para else "")
            return head, (para + run if para else "") + output[pos:]
    return output, ""


def _margins(tc) -> dict[str, int]:
    pr = tc.find(qn("a:tcPr"))
    return {k: int(pr.get(k)) if pr is not None and pr.get(k) else v
            for k, v in DEFAULT_MARGINS.items()}


def first_run_style(body) -> tuple[float, bool]:
    """Return the size (points) and boldness of a cell's first styled run."""
    size, bold = 18.0, False
    for rpr in body.iter(qn("a:rPr"), qn("a:endParaRPr")):
        if rpr.get("sz"):
            size, bold = int(rpr.get("sz")) / 100, rpr.get("b") in ("1", "true")
            break
    return size, bold


@dataclass(frozen=True)
class Cell:
    """What a cell's text needs besides the text: usable width (points), font size (points),
    boldness and top plus bottom margin (EMU)."""

    usable: float
    size: float
    bold: bool
    margins: int

    def line(self) -> float:
        """Return the height of one line in EMU."""
        return self.size * measure.LINE_HEIGHT * EMU_PER_PT


@dataclass(frozen=True)
class RowMeasure:
    """How a row's height follows from its texts: its own height and its cells."""

    height: int
    cells: tuple[Cell, ...]
    family: str | None
    full_width: float  # points, for a summary row spanning all columns

    @classmethod
    def of(cls, tr, widths: list[int], family: str | None = None) -> RowMeasure:
        cells = []
        for tc, width in zip(tr.iter(qn("a:tc")), widths, strict=False):
            m = _margins(tc)
            body = tc.find(qn("a:txBody"))
            size, bold = first_run_style(body) if body is not None else (18.0, False)
            cells.append(Cell((width - m["marL"] - m["marR"]) / EMU_PER_PT, size, bold,
                              m["marT"] + m["marB"]))
        first = cells[0] if cells else Cell(0, 18.0, False, 0)
        full = first.usable + sum(widths[1:]) / EMU_PER_PT
        return cls(int(tr.get("h", "0")), tuple(cells), family, full)

    def shrunk(self, points: float, floor: float) -> RowMeasure:
        """Return the measure of the row with every cell's text `points` smaller (never below
        `floor`); the row's own height keeps as many lines of its largest text as before."""
        if not points or not self.cells:
            return self
        cells = tuple(replace(c, size=max(floor, min(c.size, c.size - points)))
                      for c in self.cells)
        largest = max(range(len(cells)), key=lambda i: self.cells[i].size)
        before, after = self.cells[largest], cells[largest]
        text = max(self.height - before.margins, 0) * after.size / before.size
        height = min(self.height, int(before.margins + text + 0.999))
        return replace(self, height=height, cells=cells)

    def lines(self, cell: Cell, text: str) -> tuple[int, ...]:
        return measure.wrap(text, cell.usable, cell.size, self.family, cell.bold)

    def height_for(self, texts: list[str]) -> int:
        """Return the height in EMU the row needs for these cell texts."""
        height = self.height
        for cell, text in zip(self.cells, texts, strict=False):
            height = max(height, int(len(self.lines(cell, text)) * cell.line()) + cell.margins)
        return height

    def summary_height(self, text: str) -> int:
        """Return the height of a row whose one cell spans the table."""
        cell = replace(self.cells[0], usable=self.full_width)
        lines = measure.wrap(text, cell.usable, cell.size, self.family, cell.bold)
        return max(self.height, int(len(lines) * cell.line()) + cell.margins)

    def split(self, row: RenderedRow, room: int) -> tuple[RenderedRow, RenderedRow] | None:
        """Return a row cut at a line boundary so that its head fits `room` (head, tail), or
        None when not even one line of every cell fits."""
        heads, tails, head_texts, tail_texts, cut = [], [], [], [], []
        for i, (cell, output, text) in enumerate(zip(self.cells, row.outputs, row.texts,
                                                     strict=False)):
            fit = int((room - cell.margins) // cell.line())
            starts = self.lines(cell, text)
            if len(starts) <= max(fit, 0):
                heads.append(output)
                tails.append("" if text else output)
                head_texts.append(text)
                tail_texts.append("")
                continue
            if fit < 1 or output is None:
                return None
            head, tail = split_output(output, starts[fit])
            cut.append(i)
            heads.append(head)
            tails.append(tail)
            head_texts.append(plain_text(head))
            tail_texts.append(plain_text(tail))
        head = replace(row, outputs=heads, texts=head_texts, height=self.height_for(head_texts),
                       more=True, split_cells=tuple(cut))
        tail = replace(row, outputs=tails, texts=tail_texts, height=self.height_for(tail_texts),
                       part=row.part + 1, more=False)
        return head, tail


@dataclass
class Pages:
    """Rows laid out on slides: the rows of each slide, how many items began on them out of
    how many, the first item not shown, and the items whose rows were split."""

    slides: list[list[RenderedRow]]
    shown: int
    total: int
    hidden: object = None  # the first item not shown (when some were summarised)
    split: list[RenderedRow] = field(default_factory=list)  # first parts of split rows
    cut: object = None  # an item whose row's text ends before its end (then summary(0) says so)
    shrink: float = 0  # points every cell's text of the table is made smaller to fit

    def cost(self) -> int:
        """Return the slides the rows take, one more when some were summarised."""
        return len(self.slides) + (self.hidden is not None or self.cut is not None)


def paginate(rows: list[RenderedRow], fixed: int, available: int, measure_: RowMeasure,
             limit: int = 0, summary=None) -> Pages:
    """Lay rows out on slides of `available` height, `fixed` of it taken by other rows.

    A row taller than a slide is split at a line boundary. With a `limit`, rows beyond that
    many slides are left out and the last slide ends with a summary row, `summary(count)`
    giving its text for the count of items left out (0: only the last row's text is cut).
    """
    slides: list[list[RenderedRow]] = [[]]
    used, split = fixed, []
    queue = deque(rows)
    while queue:
        row = queue.popleft()
        if used + row.height <= available:
            slides[-1].append(row)
            used += row.height
            continue
        if row.height > available - fixed:  # taller than any slide: split it
            room = available - used
            if slides[-1] and room < _lines_room(measure_, MIN_SPLIT_LINES):
                slides.append([])
                used, room = fixed, available - fixed
            parts = measure_.split(row, room)
            if parts is None and slides[-1]:
                slides.append([])
                used, room = fixed, available - fixed
                parts = measure_.split(row, room)
            if parts is None:  # not even one line fits: the row stands as it is
                slides[-1].append(row)
                used += row.height
                continue
            head, tail = parts
            if row.part == 0:
                split.append(head)
            slides[-1].append(head)
            slides.append([])
            used = fixed
            queue.appendleft(tail)
            continue
        slides.append([row])
        used = fixed + row.height
    total = len(rows)
    if not limit or len(slides) <= limit or summary is None:
        return Pages(slides, total, total, split=split)
    return _summarised(slides[:limit], rows, fixed, available, measure_, summary, split)


def _lines_room(measure_: RowMeasure, lines: int) -> int:
    return max((int(lines * c.line()) + c.margins for c in measure_.cells), default=0)


def _summarised(slides, rows, fixed, available, measure_, summary, split) -> Pages:
    """End the last kept slide with a summary row, leaving out rows until it fits."""
    last = slides[-1]

    def shown() -> set[int]:
        return {r.index for s in slides for r in s if r.part == 0}

    while True:
        count = len(rows) - len(shown())
        text = summary(count)
        height = measure_.summary_height(text)
        used = fixed + sum(r.height for r in last)
        partial = last and last[-1].more and len(last) > 1
        if used + height <= available and not partial:
            break
        if len(last) > 1:
            last.pop()
            continue
        parts = measure_.split(last[0], available - fixed - height) if last else None
        if parts is not None:  # a row alone on the slide gives up lines to the summary
            last[0] = parts[0]
        break
    indexes = shown()
    hidden = next((r.item for r in rows if r.index not in indexes), None)
    cut = last[-1].item if last and last[-1].more else None
    if hidden is not None or cut is not None:
        last.append(RenderedRow([], height, summary=text))
    kept = [r for r in split if r.index in indexes]
    return Pages(slides, len(indexes), len(rows), hidden, kept, cut)

