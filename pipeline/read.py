"""Reading a workbook into the model, collecting every problem on the way."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from . import model as m
from . import schema
from .cells import CellError, convert, is_blank
from .diagnostics import Diagnostic, Severity
from .sniff import sniff

HEADER_SEARCH_ROWS = 10  # a header row may sit below a title the user added
BLANK_ROWS_BEFORE_STOP = 1000  # formatting can reach row 1 048 576; data does not
MAX_ROWS = 5000  # rows read per sheet; a group writes tens
MAX_CELL_CHARS = 10_000  # Excel allows 32 767; a cell in a tjänsteskrivelse needs far fewer
# A formula cell saved without its computed value (openpyxl and some exports do that).
_UNCACHED = re.compile(
    rb'<c r="([A-Z]+[0-9]+)"[^>]*>\s*<f[^>]*(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v></v>)?\s*</c>')


@dataclass
class Located:
    """Where each read value came from, so later checks can point at the cell."""

    fields: dict[str, str] = field(default_factory=dict)  # form key -> "B3"
    columns: dict[str, dict[str, str]] = field(default_factory=dict)  # sheet -> key -> "C"
    rows: dict[str, list[int]] = field(default_factory=dict)  # sheet -> row number per item

    def cell(self, sheet: schema.Sheet, index: int, key: str) -> str:
        """Return the cell of one item's value in a table sheet, or "" if unknown."""
        try:
            return f"{self.columns[sheet.name][key]}{self.rows[sheet.name][index]}"
        except (KeyError, IndexError):
            return ""

    def row(self, sheet: schema.Sheet, index: int) -> str:
        """Return the row reference of one item, e.g. "7:7", for problems with a whole row."""
        try:
            nr = self.rows[sheet.name][index]
        except (KeyError, IndexError):
            return ""
        return f"{nr}:{nr}"


@dataclass
class ReadResult:
    """What one input file gave: its kind, its model (if readable) and its problems."""

    path: Path
    kind: str | None = None
    value: m.Namnd | m.Kommun | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    located: Located = field(default_factory=Located)
    uncached: set[str] = field(default_factory=set)  # "Kunder!B3": a formula without a value

    @property
    def name(self) -> str:
        """Return the file name shown in messages."""
        return self.path.name

    @property
    def ok(self) -> bool:
        """Return True when the file has no errors."""
        return self.value is not None and not any(d.is_error for d in self.diagnostics)

    def add(self, message: str, sheet: str = "", cell: str = "", *, warning: bool = False) -> None:
        """Record one problem in this file."""
        severity = Severity.VARNING if warning else Severity.FEL
        self.diagnostics.append(Diagnostic(self.name, message, sheet, cell, severity))


def _norm(text: object) -> str:
    return " ".join(str(text).split()).casefold() if text is not None else ""


def _open(path: Path):
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not know
        return load_workbook(path, read_only=True, data_only=True, keep_links=False)


def _kind(sheetnames: list[str]) -> schema.WorkbookSchema | None:
    names = {_norm(n) for n in sheetnames}
    for wb_schema in schema.SCHEMAS:
        if _norm(wb_schema.sheets[0].name) in names:
            return wb_schema
    return None


def read_workbook(path: Path) -> ReadResult:
    """Read one workbook (a nämnd's or the kommun's) and return its model and problems."""
    result = ReadResult(path)
    sniffed = sniff(path)
    if sniffed.error:
        result.add(sniffed.error)
        return result
    for note in sniffed.notes:
        result.add(note, warning=True)
    try:
        wb = _open(path)
    except Exception as exc:  # noqa: BLE001 - any parser failure is the user's file, not a crash
        result.add(_unreadable(exc))
        return result
    try:
        wb_schema = _kind(wb.sheetnames)
        if wb_schema is None:
            result.add(
                "Filen är ingen arbetsbok för verksamhetsidé: fliken Grunduppgifter saknas. "
                "Skapa en arbetsbok med kommandot underlag arbetsbok och fyll i den."
            )
            return result
        result.kind = wb_schema.kind
        sheets = {_norm(name): wb[name] for name in wb.sheetnames}
        _read(result, wb_schema, sheets)
    except Exception as exc:  # noqa: BLE001
        result.add(_unreadable(exc))
        result.value = None
    finally:
        wb.close()
    return result


def _unreadable(exc: BaseException) -> str:
    return (
        "Filen kan inte läsas som en Excel-arbetsbok (.xlsx). Öppna den i Excel och spara den "
        f"som Excel-arbetsbok, eller ta bort den från mappen. ({type(exc).__name__})"
    )


def _read(result: ReadResult, wb_schema: schema.WorkbookSchema, sheets: dict) -> None:
    values: dict[str, object] = {}
    complete = True
    for sheet in wb_schema.sheets:
        ws = sheets.get(_norm(sheet.name))
        if ws is None:
            result.add(
                f"Fliken {sheet.name} saknas. Lägg tillbaka den, eller börja om från en ny "
                "arbetsbok (underlag arbetsbok).",
                sheet.name,
            )
            complete = False
            continue
        if ws.sheet_state != "visible":
            result.add("Fliken är dold men läses ändå.", sheet.name, warning=True)
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()  # some programs write a wrong size; read what is there
        _find_uncached(result, ws, sheet.name)
        rows = _rows(ws)
        if len(rows) > MAX_ROWS:
            result.add(f"Fliken har fler än {MAX_ROWS:,} rader; bara de första läses. Ta bort "
                       "rader som inte hör till underlaget.".replace(",", " "), sheet.name,
                       warning=True)
            rows = rows[:MAX_ROWS]
        if sheet.is_form:
            complete &= _read_form(result, sheet, rows, values)
            if (values.get("formatversion") or 0) > schema.FORMAT_VERSION:
                result.add(
                    f"Arbetsboken har formatversion {values['formatversion']}, men den här "
                    f"versionen av underlag känner bara till version {schema.FORMAT_VERSION}. "
                    "Uppdatera underlag (pip install --upgrade underlag) och försök igen.",
                    sheet.name, result.located.fields.get("formatversion", ""))
                return
        else:
            items = _read_table(result, sheet, rows)
            if items is None:
                complete = False
            else:
                values[sheet.attr] = tuple(items)
    if not complete:
        return
    cls = m.Namnd if wb_schema.kind == "namnd" else m.Kommun
    kwargs = {k: v for k, v in values.items() if v is not None}
    if cls is m.Namnd:
        kwargs["kalla"] = result.name
    result.value = cls(**kwargs)


def _rows(ws) -> list[tuple]:
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


def _find_uncached(result: ReadResult, ws, name: str) -> None:
    """Remember formula cells saved without a value, to report them instead of "empty"."""
    path = getattr(ws, "_worksheet_path", None)
    archive = getattr(ws.parent, "_archive", None)
    if path is None or archive is None:
        return
    xml = archive.read(path)
    if b"<f" in xml:
        result.uncached.update(f"{name}!{ref.decode()}" for ref in _UNCACHED.findall(xml))


def _convert(result: ReadResult, sheet: schema.Sheet, column: schema.Column, value, cell: str):
    """Return the typed value of one cell, recording problems; None when unusable or blank."""
    if value is None and f"{sheet.name}!{cell}" in result.uncached:
        result.add("Cellen har en formel utan sparat värde. Öppna arbetsboken i Excel, låt den "
                   "räkna om (F9) och spara den igen, eller skriv in värdet.", sheet.name, cell)
        return None
    if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
        result.add(f"Texten i cellen är {len(value):,} tecken lång och kortades till "
                   f"{MAX_CELL_CHARS:,} tecken. Korta texten i arbetsboken.".replace(",", " "),
                   sheet.name, cell, warning=True)
        value = value[:MAX_CELL_CHARS]
    if is_blank(value):
        if column.required:
            result.add(f'Kolumnen "{column.header}" är tom. {column.ask}', sheet.name, cell)
        return None
    try:
        typed, notes = convert(value, column)
    except CellError as exc:
        result.add(str(exc), sheet.name, cell)
        return None
    for note in notes:
        result.add(note, sheet.name, cell, warning=True)
    if column.required and typed == "":
        result.add(f'Kolumnen "{column.header}" är tom. {column.ask}', sheet.name, cell)
        return None
    return typed


def _read_form(result: ReadResult, sheet: schema.Sheet, rows: list[tuple], values: dict) -> bool:
    """Read label/value pairs; return False when a required field is missing or wrong."""
    by_label = {_norm(c.header): c for c in sheet.columns}
    seen: set[str] = set()
    ok = True
    for nr, row in enumerate(rows, start=1):
        filled = [(i, v) for i, v in enumerate(row) if not is_blank(v)]
        if not filled:
            continue
        index, label = filled[0]
        column = by_label.get(_norm(label))
        if column is None or column.key in seen:
            continue
        seen.add(column.key)
        cell = f"{get_column_letter(index + 2)}{nr}"
        result.located.fields[column.key] = cell
        value = row[index + 1] if index + 1 < len(row) else None
        typed = _convert(result, sheet, column, value, cell)
        if typed is None and column.required:
            ok = False
        values[column.key] = typed
    for column in sheet.columns:
        if column.key not in seen and column.required:
            result.add(
                f'Raden "{column.header}" saknas. Skriv "{column.header}" i kolumn A och '
                "värdet i kolumn B.",
                sheet.name,
            )
            ok = False
    return ok


def _find_header(sheet: schema.Sheet, rows: list[tuple]) -> tuple[int, dict[str, int]]:
    """Return the header row's index and each known column's position in it."""
    wanted = {_norm(c.header): c.key for c in sheet.columns}
    best_row, best = -1, {}
    for r, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found: dict[str, int] = {}
        for i, value in enumerate(row):
            key = wanted.get(_norm(value))
            if key and key not in found:
                found[key] = i
        if len(found) > len(best):
            best_row, best = r, found
    return best_row, best


def _read_table(result: ReadResult, sheet: schema.Sheet, rows: list[tuple]) -> list | None:
    """Read a table sheet into row models; return None when its header row is unusable."""
    header_index, positions = _find_header(sheet, rows)
    header_nr = header_index + 1 if header_index >= 0 else 1
    missing = [c for c in sheet.columns if c.required and c.key not in positions]
    if header_index < 0 or missing:
        names = ", ".join(f'"{c.header}"' for c in (missing or sheet.columns))
        result.add(
            f"Rubrikraden saknar kolumnerna {names}. Skriv rubrikerna exakt så i en rad "
            "överst i fliken.",
            sheet.name,
            f"A{header_nr}",
        )
        return None
    result.located.columns[sheet.name] = {k: get_column_letter(i + 1) for k, i in positions.items()}
    row_numbers: list[int] = []
    items = []
    filled = 0
    for nr, row in enumerate(rows[header_index + 1 :], start=header_nr + 1):
        raw = {k: (row[i] if i < len(row) else None) for k, i in positions.items()}
        if all(is_blank(v) for v in raw.values()):
            continue
        filled += 1
        before = len(result.diagnostics)
        typed = {}
        for column in sheet.columns:
            if column.key not in positions:
                continue
            cell = f"{get_column_letter(positions[column.key] + 1)}{nr}"
            value = _convert(result, sheet, column, raw[column.key], cell)
            if value is not None:
                typed[column.key] = value
        if any(d.is_error for d in result.diagnostics[before:]):
            continue
        items.append(sheet.row_model(**typed))
        row_numbers.append(nr)
    result.located.rows[sheet.name] = row_numbers
    if not filled and (sheet.min_rows or sheet.empty_hint):  # an error if the sheet is needed
        result.add(f"Fliken har inga ifyllda rader. {sheet.empty_hint}", sheet.name,
                   warning=not sheet.min_rows)
    return items
