"""The beslutsunderlag: a tjänsteskrivelse rendered with docxtpl in a strict Jinja environment."""

from __future__ import annotations

import functools
import io
import re
from pathlib import Path

import jinja2
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docxtpl import DocxTemplate

from .. import model as m
from .. import tidplan
from ..diagnostics import TemplateError
from ..output import deterministic_zip
from .context import Filters, namnd_context
from .environment import environment

TEMPLATE_NAME = "beslutsunderlag.docx"
GRID_MARKER = "⟦veckoschema⟧"  # what {{ veckoschema }} renders to; replaced by the table
LABEL_CM, TEXT_CM, GRID_PT = 2.6, 16.0, 7
class _Template(DocxTemplate):
    """docxtpl, with document properties rendered as plain text (python-docx escapes them)."""

    plain_env: jinja2.Environment

    def render_properties(self, context, jinja_env=None):  # noqa: ANN001 - docxtpl's signature
        super().render_properties(context, self.plain_env)


class DocxRenderer:
    """Renders beslutsunderlag documents from one template file."""

    def __init__(self, template: Path, kommun: m.Kommun) -> None:
        self.template = template
        self.blob = template.read_bytes()
        self.kommun = kommun
        filters = Filters(kommun)
        self.env = environment(filters, "xml")
        self.plain_env = environment(filters, "plain")

    def render(self, namnd: m.Namnd) -> bytes:
        """Return the rendered document's bytes for one nämnd."""
        tpl = _Template(io.BytesIO(self.blob))
        tpl.plain_env = self.plain_env
        context = {**namnd_context(self.kommun, namnd), "veckoschema": GRID_MARKER}
        try:
            tpl.render(context, self.env)
        except jinja2.UndefinedError as exc:
            raise TemplateError(
                f"Mallen {self.template.name} använder ett namn som inte finns i underlaget: "
                f"{_undefined_name(exc)}. Rätta stavningen i mallen; namnen listas i README "
                "under Mallar."
            ) from None
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                f"Mallen {self.template.name} har en felaktig tagg: {exc.message}. Kontrollera "
                "att varje {{ … }} och {%p … %} är hel och att varje if och for har sitt slut."
            ) from None
        except Exception as exc:  # noqa: BLE001 - docxtpl fails in many ways on a broken template
            raise TemplateError(
                f"Mallen {self.template.name} kunde inte användas ({type(exc).__name__}: {exc})."
            ) from None
        insert_grid(tpl.docx, tidplan.week_grid(self.kommun, [namnd]))
        buf = io.BytesIO()
        tpl.save(buf)
        return deterministic_zip(buf.getvalue())


def insert_grid(doc, grid: tidplan.Veckoschema) -> None:
    """Replace each paragraph holding the grid marker with the week grid as a Word table."""
    for paragraph in [p for p in doc.paragraphs if p.text.strip() == GRID_MARKER]:
        if grid.veckor:
            paragraph._p.addprevious(_grid_table(doc, grid)._tbl)
        paragraph._p.getparent().remove(paragraph._p)


def _grid_table(doc, grid: tidplan.Veckoschema):
    """Return a table: months spanning their weeks, the weeks, then one row per row of the grid."""
    columns = len(grid.veckor) + 1
    style_id = next((s.style_id for s in doc.styles if s.name == "Tabelltext"), None)
    cell = functools.partial(_grid_cell, style_id=style_id)
    table = doc.add_table(rows=2 + len(grid.rader), cols=columns)
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    widths = [Cm(LABEL_CM)] + [Cm((TEXT_CM - LABEL_CM) / (columns - 1))] * (columns - 1)
    months, weeks = table.rows[0], table.rows[1]
    cell(months.cells[0], "Månad", bold=True)
    cell(weeks.cells[0], "Vecka", bold=True)
    month_cells, week_cells = months.cells, weeks.cells  # python-docx rebuilds these per access
    col = 1
    for name, span in grid.manader:
        target = month_cells[col]
        cell(target.merge(month_cells[col + span - 1]) if span > 1 else target, name, bold=True)
        col += span
    for i, week in enumerate(grid.veckor, start=1):
        cell(week_cells[i], week.rubrik, bold=True)
    for row, data in zip(table.rows[2:], grid.rader, strict=True):
        cell(row.cells[0], data.namn, bold=True)
        for target, text in zip(row.cells[1:], data.celler, strict=True):
            cell(target, text)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for target, width in zip(row.cells, widths, strict=False):
            target.width = width
    for row in (months, weeks):
        trpr = row._tr.get_or_add_trPr()
        trpr.append(trpr.makeelement(qn("w:tblHeader"), {}))
        for target in row.cells:
            tcpr = target._tc.get_or_add_tcPr()
            if tcpr.find(qn("w:shd")) is None:
                tcpr.append(tcpr.makeelement(qn("w:shd"), {qn("w:val"): "clear",
                                                          qn("w:color"): "auto",
                                                          qn("w:fill"): "DCE6F1"}))
    return table


def _grid_cell(cell, text: str, *, bold: bool = False, style_id: str | None = None) -> None:
    paragraph = cell.paragraphs[0]
    if style_id:
        paragraph._p.get_or_add_pPr().get_or_add_pStyle().val = style_id
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(GRID_PT)


def _undefined_name(exc: jinja2.UndefinedError) -> str:
    match = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", str(exc))
    if not match:
        return str(exc)
    return f'"{match[2]}"' if match[2] else f'"{match[1]}"'

