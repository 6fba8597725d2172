"""Workbooks made from the schema: the blank ones the groups fill in (and, filled with a model
value, the example workbooks)."""

from __future__ import annotations

import dataclasses
import io
import math
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .. import model as m
from ..output import FIXED_TIME, atomic_write, deterministic_zip, fixed_core_dates
from . import schema

HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
LABEL_FONT = Font(bold=True)
HELP_FONT = Font(italic=True, color="595959")
TITLE_FONT = Font(bold=True, size=16, color="1F4E79")
WRAP = Alignment(wrap_text=True, vertical="top")
THIN = Side(style="thin", color="BFBFBF")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
INPUT_ROWS = 500  # rows that get drop-down lists and input help in a blank table
CREATED = FIXED_TIME.replace(tzinfo=None)  # openpyxl writes a naive time as UTC
NUMBER_FORMATS = {"date": "yyyy-mm-dd", "time": "hh:mm", "int": "0"}


def write_workbook(
    wb_schema: schema.WorkbookSchema,
    path: Path,
    value: m.Namnd | m.Kommun | None = None,
    *,
    prefill: dict[str, object] | None = None,
    codes: tuple[str, ...] = (),
) -> None:
    """Write a workbook for this schema, blank or filled with a model value."""
    atomic_write(path, workbook_bytes(wb_schema, value, prefill=prefill, codes=codes))


def workbook_bytes(
    wb_schema: schema.WorkbookSchema,
    value: m.Namnd | m.Kommun | None = None,
    *,
    prefill: dict[str, object] | None = None,
    codes: tuple[str, ...] = (),
) -> bytes:
    """Return the bytes of a workbook for this schema, blank or filled with a model value."""
    wb = Workbook()
    wb.remove(wb.active)
    _instructions(wb.create_sheet("Instruktioner"), wb_schema)
    fields = {"formatversion": schema.FORMAT_VERSION, **(prefill or {})}
    if value is not None:
        fields.update({f.name: getattr(value, f.name) for f in dataclasses.fields(value)})
        fields["formatversion"] = schema.FORMAT_VERSION
    for sheet in wb_schema.sheets:
        ws = wb.create_sheet(sheet.name)
        if sheet.is_form:
            _form(ws, sheet, fields, codes)
        else:
            rows = getattr(value, sheet.attr) if value is not None else ()
            _table(ws, sheet, rows, codes)
    props = wb.properties
    props.title = f"{wb_schema.title} – {fields.get('kod') or fields.get('namn') or ''}".rstrip(" –")
    props.creator = "underlag"
    props.language = "sv-SE"
    props.created = CREATED
    buf = io.BytesIO()
    wb.save(buf)
    return deterministic_zip(buf.getvalue(), {"docProps/core.xml": fixed_core_dates()})


def _instructions(ws, wb_schema: schema.WorkbookSchema) -> None:
    ws["A1"] = wb_schema.title
    ws["A1"].font = TITLE_FONT
    lines = INSTRUCTIONS[wb_schema.kind]
    for i, line in enumerate(lines, start=3):
        ws.cell(i, 1, line).alignment = WRAP
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=4)
        ws.row_dimensions[i].height = _height([line], [150])
    top = len(lines) + 4
    for col, head in enumerate(("Flik", "Vad den är till för", "När", "Måste fyllas i"), start=1):
        cell = ws.cell(top, col, head)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for r, sheet in enumerate(wb_schema.sheets, start=top + 1):
        required = ", ".join(c.header for c in sheet.columns if c.required)
        texts = (sheet.name, sheet.description, sheet.stage, required)
        for col, text in enumerate(texts, 1):
            ws.cell(r, col, text).alignment = WRAP
        ws.row_dimensions[r].height = _height(texts, [28, 70, 18, 40])
    ws.cell(top + len(wb_schema.sheets) + 2, 1, f"Formatversion {schema.FORMAT_VERSION}").font = HELP_FONT
    for letter, width in zip("ABCD", (28, 70, 18, 40), strict=True):
        ws.column_dimensions[letter].width = width
    ws.sheet_view.showGridLines = False
    _print_setup(ws)


def _height(texts, widths) -> float:
    """Return a row height that shows wrapped text whole: LibreOffice does not fit it on open."""
    lines = 1
    for text, width in zip(texts, widths, strict=False):
        if isinstance(text, str):
            chars = max(width * 1.1, 1)
            lines = max(lines, sum(math.ceil(max(len(part), 1) / chars) for part in text.split("\n")))
    return 15.0 * lines


def _print_setup(ws) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


INSTRUCTIONS = {
    "namnd": (
        "Den här arbetsboken är utvecklingsgruppens underlag för nämndens verksamhetsidé: "
        "vad nämnden gör, för vem och varför.",
        "Fyll i flikarna efter hand under arbetspassen. Varje flik har en rubrikrad; skriv en "
        "sak per rad under den. Markera en cell för att se en hjälptext. Listor med fasta val "
        "öppnas med pilen i cellen.",
        "Ändra inte rubrikerna och inte flikarnas namn. Du får lägga till egna kolumner och "
        "lämna tomma rader. Datum skrivs ÅÅÅÅ-MM-DD, till exempel 2021-10-07.",
        "När ni är klara: lägg filen i mappen inputs/ och kör underlag kontrollera. Verktyget "
        "talar om exakt vilken flik och cell som behöver rättas. Kör sedan underlag bygg.",
    ),
    "kommun": (
        "Den här arbetsboken håller det som är gemensamt för alla nämnder: kommunen, "
        "uppdraget, de gemensamma milstolparna, registret över nämnder och frågorna till "
        "avstämningarnas dialoger.",
        "Processtöd eller samordnare fyller i den i början av arbetet. Flikarna Avrapportering "
        "och Avrapportering beslut fylls i efter nämndernas beslut, inför kommunstyrelsens "
        "avrapportering. Arbetsboken ska ligga i mappen inputs/ tillsammans med nämndernas "
        "arbetsböcker.",
        "Fliken Milstolpar börjar med planeringens gemensamma milstolpar: uppstart, avstämning "
        "i oktober och slutlig avstämning i december. Ändra datumen till era egna och fyll i "
        "tid och plats.",
        "Ändra inte rubrikerna och inte flikarnas namn. Datum skrivs ÅÅÅÅ-MM-DD.",
    ),
}


def _validation(column: schema.Column, codes: tuple[str, ...]) -> DataValidation:
    """Return the drop-down list or type check with input help for a column."""
    choices = column.choices or (codes if column.kind == "kod" and codes else ())
    if choices:
        dv = DataValidation("list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
        dv.error = "Välj ett värde i listan."
    elif column.kind == "date":
        dv = DataValidation("date", operator="greaterThan", formula1="1", allow_blank=True)
        dv.error = "Skriv ett datum som ÅÅÅÅ-MM-DD."
    elif column.kind == "int":
        low = column.minimum if column.minimum is not None else 0
        high = column.maximum if column.maximum is not None else 9999
        dv = DataValidation("whole", operator="between", formula1=str(low), formula2=str(high),
                            allow_blank=True)
        dv.error = f"Skriv ett heltal från {low} till {high}."
    else:
        dv = DataValidation(allow_blank=True)
    dv.errorTitle = column.header[:32]
    dv.promptTitle = column.header[:32]
    dv.prompt = (column.help + (" Obligatorisk." if column.required else ""))[:255]
    dv.showInputMessage = True
    dv.showErrorMessage = dv.type is not None
    return dv


def _cell_value(value: object) -> object:
    return None if value in ("", None) else value


def _form(ws, sheet: schema.Sheet, fields: dict, codes: tuple[str, ...]) -> None:
    ws.append(("Uppgift", "Värde", "Hjälp"))
    for cell in ws[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for r, column in enumerate(sheet.columns, start=2):
        label = ws.cell(r, 1, column.header)
        label.font, label.alignment = LABEL_FONT, WRAP
        value = ws.cell(r, 2, _cell_value(fields.get(column.key)))
        value.alignment, value.border = WRAP, BOX
        if column.kind in NUMBER_FORMATS:
            value.number_format = NUMBER_FORMATS[column.kind]
        help_cell = ws.cell(r, 3, column.help + (" Obligatorisk." if column.required else ""))
        help_cell.font, help_cell.alignment = HELP_FONT, WRAP
        ws.row_dimensions[r].height = _height((column.header, value.value, help_cell.value),
                                              (30, 60, 60))
        dv = _validation(column, codes)
        ws.add_data_validation(dv)
        dv.add(value.coordinate)
    for letter, width in zip("ABC", (30, 60, 60), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    _print_setup(ws)


def _table(ws, sheet: schema.Sheet, rows, codes: tuple[str, ...]) -> None:
    ws.append([c.header for c in sheet.columns])
    for cell in ws[1]:
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
    widths = [c.width for c in sheet.columns]
    for item in rows:
        values = [_cell_value(getattr(item, c.key)) for c in sheet.columns]
        ws.append(values)
        ws.row_dimensions[ws.max_row].height = _height(values, widths)
    last = max(INPUT_ROWS, len(rows) + 200)
    for i, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = column.width
        dv = _validation(column, codes)
        ws.add_data_validation(dv)
        dv.add(f"{letter}2:{letter}{last}")
        for r in range(2, len(rows) + 2):
            cell = ws.cell(r, i)
            cell.alignment = WRAP
            if column.kind in NUMBER_FORMATS:
                cell.number_format = NUMBER_FORMATS[column.kind]
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}{max(len(rows) + 1, 2)}"
    _print_setup(ws)
    ws.print_title_rows = "1:1"
