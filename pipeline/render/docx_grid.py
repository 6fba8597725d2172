"""The week grid of a Word document: the planning document's timetable as a Word table.

Text is 9 pt, every cell one line, and the table fits the width it is given: columns are as
wide as their longest text (measured in the template's font), the rest of the width shared out.
A grid too wide for the page is cut into tables stacked one under the other, at a month's start
where one is near. No cell is merged (DOS-lagen guidance): a month's name stands in its first
column, abbreviated ("Aug.") when the column is narrow, and the month row draws no line between
the columns of one month, so it still reads as one heading over its weeks. Both heading rows
repeat on a new page; no row splits.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from docx.shared import Cm, Inches

from .. import svenska
from ..domain import tidplan
from .docx_tables import word_pt

GRID_MARKER = "⟦veckoschema⟧"  # what {{ veckoschema }} renders to; replaced by the table
PORTRAIT_CM, LANDSCAPE_CM = 16.0, 24.7  # text width of an A4 page with the templates' margins
GRID_PT = 9
FONT = "Calibri"  # the templates' font; its metric twin Carlito measures it where it is missing
BOLD = 1.08  # bold runs are wider than the regular ones measured
PAD_CM = 0.08  # cell margin left and right
HEAD_FILL = "DCE6F1"
ROUNDING_CM = 0.02  # room kept for widths rounded to twentieths of a point
_PARAGRAPH = re.compile(r"<w:p[ >](?:(?!<w:p[ >]).)*?" + re.escape(GRID_MARKER) + r".*?</w:p>",
                        re.S)


def insert_grid(xml: str, grid: tidplan.Veckoschema, style_id: str | None,
                width_cm: float = PORTRAIT_CM) -> str:
    """Replace the paragraph holding the grid marker with the week grid as a Word table."""
    table = grid_table_xml(grid, style_id, width_cm) if grid.veckor else ""
    return _PARAGRAPH.sub(lambda _: table, xml)


def text_cm(text: str, *, bold: bool = False) -> float:
    """Return the width of one line of grid text in cm."""
    if not text:
        return 0.0
    return word_pt(text, GRID_PT, FONT) * (BOLD if bold else 1.0) / 72 * 2.54


def month_label(v: tidplan.Vecka, *, full: bool = False) -> str:
    """Return a column's month heading: "Augusti", or abbreviated "Aug." ("Jan. 2022")."""
    if v.manad_nr is None or full:
        return v.manad
    month = v.manad_nr[1]
    suffix = v.manad[len(svenska.manadsnamn(month)):]  # " 2022" in a later year
    return svenska.manadsnamn(month, kort=True).capitalize() + suffix


def _firsts(columns: list[tidplan.Vecka]) -> list[bool]:
    """Return for each column whether it begins a month heading (or a chunk of the grid)."""
    return [i == 0 or columns[i - 1].manad_nr is None or columns[i - 1].manad_nr != v.manad_nr
            for i, v in enumerate(columns)]


def _label_cm(grid: tidplan.Veckoschema) -> float:
    return max(text_cm(t, bold=True) for t in ("Månad", "Vecka", *(r.namn for r in grid.rader)))


def _needs(grid: tidplan.Veckoschema, *, full: bool = False
           ) -> tuple[list[float], list[float]]:
    """Return each column's least width in cm: its week and day numbers and, where it begins
    a month, the month's name (`full` or short); and the same were it to begin a table (and so
    name its month)."""
    firsts = _firsts(list(grid.veckor))
    plain = [2 * PAD_CM + max(text_cm(v.rubrik, bold=True),
                              *(text_cm(r.celler[i]) for r in grid.rader))
             for i, v in enumerate(grid.veckor)]
    named = [max(w, 2 * PAD_CM + text_cm(month_label(v, full=full), bold=True))
             for w, v in zip(plain, grid.veckor, strict=True)]
    return [n if f else p for p, n, f in zip(plain, named, firsts, strict=True)], named


def min_width_cm(grid: tidplan.Veckoschema) -> float:
    """Return the width the grid needs as one table, so a caller can choose a landscape page."""
    if not grid.veckor:
        return 0.0
    return 2 * PAD_CM + _label_cm(grid) + sum(_needs(grid)[0])


def _chunks(needs: list[float], named: list[float], firsts: list[bool], room: float
            ) -> list[list[float]]:
    """Return consecutive column ranges, each with its columns' least widths, that each fit
    `room` cm (the first column of each names its month); cut at a month's start when one lies
    in the last third of a chunk."""
    out, start = [], 0
    while start < len(needs):
        end, used = start, 0.0
        while end < len(needs) and (end == start or used + needs[end] <= room):
            used += named[end] if end == start else needs[end]
            end += 1
        if end < len(needs):
            cuts = [k for k in range(end - 1, start, -1) if firsts[k]]
            if cuts and cuts[0] - start >= (end - start) * 2 / 3:
                end = cuts[0]
        out.append([named[start], *needs[start + 1:end]])
        start = end
    return out


def grid_table_xml(grid: tidplan.Veckoschema, style_id: str | None,
                   width_cm: float = PORTRAIT_CM) -> str:
    """Return the week grid as WordprocessingML, one table or several stacked to fit `width_cm`."""
    label = 2 * PAD_CM + _label_cm(grid)
    room = width_cm - label - ROUNDING_CM
    weeks = [v.nr is not None for v in grid.veckor]
    for full in (True, False):  # full month names where one table holds them, weeks even
        needs, named = _needs(grid, full=full)
        parts = _chunks(needs, named, _firsts(list(grid.veckor)), room)
        if len(parts) == 1:
            even = {round(w, 3) for w, week in zip(_widths(parts[0], room), weeks, strict=True)
                    if week}
            if len(even) <= 1 or not full:
                break
    p_style = f'<w:pStyle w:val="{style_id}"/>' if style_id else ""
    between = f'<w:p><w:pPr>{p_style}<w:keepNext/></w:pPr></w:p>'
    tables, start = [], 0
    for part in parts:
        columns = range(start, start + len(part))
        tables.append(_table(grid, columns, label, _widths(part, width_cm - label), p_style,
                             full=full))
        start += len(part)
    return between.join(tables)


def _widths(needs: list[float], room: float) -> list[float]:
    """Return the columns' widths: the room left over raises the narrowest columns first, so
    that the weeks stand equally wide and the table fills the room."""
    if sum(needs) >= room:
        return needs
    low, high = 0.0, room
    while high - low > 0.001:  # the common width of the narrow columns
        level = (low + high) / 2
        low, high = (level, high) if sum(max(n, level) for n in needs) <= room else (low, level)
    return [max(n, low) for n in needs]


def _twips(cm: float) -> int:
    """Return a width in twentieths of a point, rounded down so that widths never add up to
    more than their sum."""
    return Cm(cm).emu * 1440 // Inches(1).emu


def _table(grid: tidplan.Veckoschema, part: range, label_cm: float, widths_cm: list[float],
           p_style: str, *, full: bool) -> str:
    columns = [grid.veckor[i] for i in part]
    label, widths = _twips(label_cm), [_twips(w) for w in widths_cm]
    firsts = _firsts(columns)

    def cell(text: str, width: int, *, bold: bool = False, head: bool = False,
             borders: str = "") -> str:
        props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
        props += f"<w:tcBorders>{borders}</w:tcBorders>" if borders else ""
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{HEAD_FILL}"/>' if head else ""
        size = GRID_PT * 2
        run = ("<w:rPr>" + ("<w:b/>" if bold else "") + f'<w:sz w:val="{size}"/>'
               f'<w:szCs w:val="{size}"/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t>')
        return (f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:pPr>{p_style}</w:pPr>"
                f"<w:r>{run}</w:r></w:p></w:tc>")

    month_cells = []
    for k, (v, w) in enumerate(zip(columns, widths, strict=True)):
        same_next = k + 1 < len(columns) and not firsts[k + 1]
        borders = ("" if firsts[k] else '<w:left w:val="nil"/>') + (
            '<w:right w:val="nil"/>' if same_next else "")
        month_cells.append(cell(month_label(v, full=full) if firsts[k] else "", w, bold=True,
                                head=True, borders=borders))
    head = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
    weeks = "".join(cell(v.rubrik, w, bold=True, head=True)
                    for v, w in zip(columns, widths, strict=True))
    rows = [f"<w:tr>{head}{cell('Månad', label, bold=True, head=True)}{''.join(month_cells)}"
            "</w:tr>",
            f"<w:tr>{head}{cell('Vecka', label, bold=True, head=True)}{weeks}</w:tr>"]
    for r in grid.rader:
        rows.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>" + cell(r.namn, label, bold=True)
                    + "".join(cell(r.celler[i], w) for i, w in zip(part, widths, strict=True))
                    + "</w:tr>")
    grid_cols = f'<w:gridCol w:w="{label}"/>' + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    pad = _twips(PAD_CM)
    return ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>'
            f'<w:tblW w:w="{label + sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar><w:left w:w="{pad}" w:type="dxa"/><w:right w:w="{pad}" w:type="dxa"/>'
            '</w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
            'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid_cols}</w:tblGrid>{''.join(rows)}</w:tbl>")
