"""The beslutsunderlag: a tjänsteskrivelse rendered from a docxtpl template, strictly.

The template's language is docxtpl's ({{ }}, {%p %}, {%tr %}), and its own preprocessing turns
the Word XML into Jinja source. That source is compiled once per build; each document is then
one Jinja render per XML part written straight into the zip, without python-docx parsing and
re-serialising the whole document for every nämnd.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import jinja2
from docx.shared import Cm
from docxtpl import DocxTemplate

from .. import model as m
from .. import tidplan
from ..diagnostics import TemplateError
from ..output import zip_bytes
from .context import Filters, namnd_context
from .environment import environment, undefined_name

TEMPLATE_NAME = "beslutsunderlag.docx"
GRID_MARKER = "⟦veckoschema⟧"  # what {{ veckoschema }} renders to; replaced by the table
LABEL_CM, TEXT_CM, GRID_PT = 2.6, 16.0, 7
# The parts docxtpl renders: the body, headers, footers and footnotes (and the properties).
_TEMPLATED = re.compile(r"^word/(document|header\d*|footer\d*|footnotes)\.xml$")
_CORE = "docProps/core.xml"
_PARAGRAPH = re.compile(r"<w:p[ >](?:(?!<w:p[ >]).)*?" + re.escape(GRID_MARKER) + r".*?</w:p>",
                        re.S)


class DocxRenderer:
    """Renders beslutsunderlag documents from one template file, compiled once."""

    def __init__(self, template: Path, kommun: m.Kommun) -> None:
        self.template = template
        self.kommun = kommun
        filters = Filters(kommun)
        self.env = environment(filters, "xml")
        self.core_env = environment(filters, "xml-line")
        try:
            with zipfile.ZipFile(template) as z:
                self.members = [(info.filename, z.read(info)) for info in z.infolist()]
            self.helper = DocxTemplate(template)  # docxtpl's own preprocessing of its tags
        except Exception as exc:  # noqa: BLE001 - a broken file is the user's template
            raise TemplateError(f"Mallen {template.name} kan inte öppnas som ett Word-dokument "
                                f"({type(exc).__name__}). Spara den som .docx i Word.") from None
        self.sources = {name: self.helper.patch_xml(blob.decode("utf-8"))
                        for name, blob in self.members
                        if (_TEMPLATED.match(name) or name == _CORE) and b"{" in blob}

    def render(self, namnd: m.Namnd) -> bytes:
        """Return the rendered document's bytes for one nämnd."""
        context = {**namnd_context(self.kommun, namnd), "veckoschema": GRID_MARKER}
        rendered = {}
        for name, source in self.sources.items():
            xml = self._render(name, source, context)
            if name == "word/document.xml":
                xml = _insert_grid(xml, tidplan.week_grid(self.kommun, [namnd]),
                                   self._style_id("Tabelltext"))
            rendered[name] = xml.encode("utf-8")
        return zip_bytes((name, rendered.get(name, blob)) for name, blob in self.members)

    def _render(self, name: str, source: str, context: dict) -> str:
        """Render one part as docxtpl does, with errors that name the template."""
        env = self.core_env if name == _CORE else self.env
        try:
            xml = env.from_string(re.sub(r"<w:p([ >])", r"\n<w:p\1", source)).render(context)
        except jinja2.UndefinedError as exc:
            raise TemplateError(
                f"Mallen {self.template.name} använder ett namn som inte finns i underlaget: "
                f"{undefined_name(exc)}. Rätta stavningen i mallen; namnen listas i README "
                "under Mallar."
            ) from None
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                f"Mallen {self.template.name} har en felaktig tagg: {exc.message}. Kontrollera "
                "att varje {{ … }} och {%p … %} är hel och att varje if och for har sitt slut."
            ) from None
        except Exception as exc:  # noqa: BLE001 - a broken template fails in many ways
            raise TemplateError(
                f"Mallen {self.template.name} kunde inte användas ({type(exc).__name__}: {exc})."
            ) from None
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        return xml if name == _CORE else self.helper.resolve_listing(xml)

    def _style_id(self, name: str) -> str | None:
        styles = dict(self.members).get("word/styles.xml", b"")
        match = re.search(rb'w:styleId="([^"]+)"[^>]*>\s*<w:name w:val="' + re.escape(name.encode())
                          + rb'"', styles)
        return match[1].decode() if match else None


def _insert_grid(xml: str, grid: tidplan.Veckoschema, style_id: str | None) -> str:
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

