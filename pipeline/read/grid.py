"""One sheet as the user sees it in Excel: its rows, its merged ranges read as seen (or named),
and formula cells saved without a value."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.utils.datetime import WINDOWS_EPOCH

from . import schema
from .cells import is_blank
from .result import ReadResult

BLANK_ROWS_BEFORE_STOP = 1000  # formatting can reach row 1 048 576; data does not
MAX_ROWS = 5000  # rows read per sheet; a group writes tens
# A formula cell saved without its computed value (openpyxl and some exports do that).
_UNCACHED = re.compile(
    rb'<c r="([A-Z]+[0-9]+)"[^>]*>\s*<f[^>]*(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v></v>)?\s*</c>')
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')


@dataclass
class Grid:
    """One sheet's cell values, its merged ranges and the workbook's date system."""

    rows: list[tuple]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # 1-based, inclusive
    epoch: dt.datetime = WINDOWS_EPOCH

    def value(self, nr: int, index: int) -> object:
        """Return the value in row nr (1-based) and column index (0-based), or None."""
        if nr - 1 >= len(self.rows):
            return None
        row = self.rows[nr - 1]
        return row[index] if index < len(row) else None


def sheet_rows(ws) -> list[tuple]:
    """Return the sheet's rows as value tuples, stopping after a long run of blank rows."""
    rows: list[tuple] = []
    blank_run = 0
    for row in ws.iter_rows(values_only=True):
        rows.append(row)
        if len(rows) > MAX_ROWS:
            break
        blank_run = blank_run + 1 if all(is_blank(v) for v in row) else 0
        if blank_run >= BLANK_ROWS_BEFORE_STOP:
            break
    return rows


def scan_xml(result: ReadResult, ws, name: str) -> list[tuple[int, int, int, int]]:
    """Return the sheet's merged ranges, and remember formula cells saved without a value.

    openpyxl's read-only mode shows neither: a merged range is only its top-left value, and the
    other cells look empty although the user sees them filled.
    """
    path = getattr(ws, "_worksheet_path", None)
    archive = getattr(ws.parent, "_archive", None)
    if path is None or archive is None:
        return []
    xml = archive.read(path)
    if b"<f" in xml:
        result.uncached.update(f"{name}!{ref.decode()}" for ref in _UNCACHED.findall(xml))
    merges = []
    for ref in _MERGE.findall(xml):
        min_col, min_row, max_col, max_row = range_boundaries(ref.decode())
        if (min_row, min_col) != (max_row, max_col):
            merges.append((min_row, min_col, max_row, max_col))
    return merges


def merged_ref(merge: tuple[int, int, int, int]) -> str:
    r1, c1, r2, c2 = merge
    return f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"


def covering(merges: list[tuple[int, int, int, int]], nr: int, col: int
              ) -> tuple[int, int, int, int] | None:
    """Return the merged range that hides the cell (row nr, 1-based column col), if any."""
    for merge in merges:
        r1, c1, r2, c2 = merge
        if r1 <= nr <= r2 and c1 <= col <= c2 and (nr, col) != (r1, c1):
            return merge
    return None


def unmerge(result: ReadResult, sheet: schema.Sheet, grid: Grid, header_nr: int,
             positions: dict[str, int]) -> tuple[list[list], dict[tuple[int, int], bool]]:
    """Return the rows as the user sees them in Excel, and the cells a merge leaves empty.

    A range merged down one column (B6:B9) shows its value on every row: the value is read on
    each of those rows that has something else filled in, with a warning. A range merged across
    columns has its value in one cell only; the other cells are empty, and a warning (an error
    when a required column is left empty) names the range. The cells left empty are returned
    as (row, 0-based column) -> True, so they are not also reported as empty one by one.
    """
    rows = [list(r) for r in grid.rows]
    known = {i + 1: key for key, i in positions.items()}  # 1-based column -> key
    hidden: dict[tuple[int, int], bool] = {}

    def has_content(nr: int, but: int) -> bool:
        return any(not is_blank(grid.value(nr, c - 1)) for c in known if c != but)

    for merge in sorted(grid.merges):
        r1, c1, r2, c2 = merge
        cols = [c for c in range(c1, c2 + 1) if c in known]
        if r1 <= header_nr or not cols:
            continue
        top = grid.value(r1, c1 - 1)
        if c1 == c2:
            copied = [nr for nr in range(r1 + 1, r2 + 1) if nr <= len(rows)
                      and is_blank(grid.value(nr, c1 - 1)) and has_content(nr, c1)]
            for nr in copied:
                row = rows[nr - 1]
                row.extend([None] * (c1 - len(row)))
                row[c1 - 1] = top
            if copied and not is_blank(top):
                result.add(f"Cellerna {merged_ref(merge)} är sammanfogade. Värdet lästes in på varje "
                           "rad, så som det syns i Excel; dela helst upp cellerna och skriv "
                           "värdet i varje rad.", sheet.name, f"{get_column_letter(c1)}{r1}",
                           warning=True)
            continue
        empty = [(nr, c) for nr in range(r1, r2 + 1) for c in cols
                 if (nr, c) != (r1, c1) and is_blank(grid.value(nr, c - 1))
                 and has_content(nr, c)]
        if not empty:
            continue
        needed = any(sheet.column(known[c]).required for _, c in empty)
        for nr, c in empty:
            hidden[(nr, c - 1)] = True
        cell = f"{get_column_letter(c1)}{r1}"
        result.add(f"Cellerna {merged_ref(merge)} är sammanfogade; värdet står bara i {cell}, och de "
                   "andra cellerna räknas som tomma. Dela upp cellerna och skriv varje värde i "
                   "sin cell.", sheet.name, cell, warning=not needed)
    return rows, hidden
