"""The week grid of a Word document: the planning document's timetable as a Word table."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from docx.shared import Cm

from ..domain import tidplan

GRID_MARKER = "⟦veckoschema⟧"  # what {{ veckoschema }} renders to; replaced by the table
LABEL_CM, TEXT_CM, GRID_PT = 2.6, 16.0, 7
_PARAGRAPH = re.compile(r"<w:p[ >](?:(?!<w:p[ >]).)*?" + re.escape(GRID_MARKER) + r".*?</w:p>",
                        re.S)


def insert_grid(xml: str, grid: tidplan.Veckoschema, style_id: str | None) -> str:
    """Replace the paragraph holding the grid marker with the week grid as a Word table."""
    table = grid_table_xml(grid, style_id) if grid.veckor else ""
    return _PARAGRAPH.sub(lambda _: table, xml)


def grid_table_xml(grid: tidplan.Veckoschema, style_id: str | None) -> str:
    """Return the week grid as WordprocessingML: months spanning their weeks, then the rows."""
    columns = len(grid.veckor)
    label = int(Cm(LABEL_CM).twips)
    week = int(Cm((TEXT_CM - LABEL_CM) / columns).twips)
    p_style = f'<w:pStyle w:val="{style_id}"/>' if style_id else ""

    def cell(text: str, width: int, *, bold: bool = False, head: bool = False, span: int = 1) -> str:
        props = f'<w:tcW w:w="{width * span}" w:type="dxa"/>'
        props += f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
        props += '<w:shd w:val="clear" w:color="auto" w:fill="DCE6F1"/>' if head else ""
        run = ("<w:rPr>" + ("<w:b/>" if bold else "") + f'<w:sz w:val="{GRID_PT * 2}"/></w:rPr>'
               f'<w:t xml:space="preserve">{escape(text)}</w:t>')
        return (f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:pPr>{p_style}</w:pPr>"
                f"<w:r>{run}</w:r></w:p></w:tc>")

    head = "<w:trPr><w:tblHeader/></w:trPr>"
    months = "".join(cell(name, week, bold=True, head=True, span=span)
                     for name, span in grid.manader)
    weeks = "".join(cell(v.rubrik, week, bold=True, head=True) for v in grid.veckor)
    rows = [f"<w:tr>{head}{cell('Månad', label, bold=True, head=True)}{months}</w:tr>",
            f"<w:tr>{head}{cell('Vecka', label, bold=True, head=True)}{weeks}</w:tr>"]
    for r in grid.rader:
        rows.append("<w:tr>" + cell(r.namn, label, bold=True)
                    + "".join(cell(c, week) for c in r.celler) + "</w:tr>")
    grid_cols = f'<w:gridCol w:w="{label}"/>' + f'<w:gridCol w:w="{week}"/>' * columns
    return ("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>"
            f'<w:tblW w:w="{label + week * columns}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
            f'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid_cols}</w:tblGrid>{''.join(rows)}</w:tbl>")
