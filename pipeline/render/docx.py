"""The beslutsunderlag: a tjänsteskrivelse rendered with docxtpl in a strict Jinja environment."""

from __future__ import annotations

import io
import re
from pathlib import Path
from xml.sax.saxutils import escape

import jinja2
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm
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
            style_id = next((s.style_id for s in doc.styles if s.name == "Tabelltext"), None)
            paragraph._p.addprevious(parse_xml(grid_table_xml(grid, style_id)))
        paragraph._p.getparent().remove(paragraph._p)


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
    return (f"<w:tbl {nsdecls('w')}><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>"
            f'<w:tblW w:w="{label + week * columns}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
            f'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid_cols}</w:tblGrid>{''.join(rows)}</w:tbl>")


def _undefined_name(exc: jinja2.UndefinedError) -> str:
    match = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", str(exc))
    if not match:
        return str(exc)
    return f'"{match[2]}"' if match[2] else f'"{match[1]}"'

