"""Reading a workbook into the model, collecting every problem on the way.

The sheet as seen in Excel is `grid.py`'s, a table's header row is `headers.py`'s; what a read
gives is a `ReadResult` (`result.py`).
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import warnings
from pathlib import Path

from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import WINDOWS_EPOCH

from .. import model as m
from ..svenska import folded
from . import schema
from .cells import CellError, convert, is_blank
from .grid import MAX_ROWS, Grid, covering, merged_ref, scan_xml, sheet_rows, unmerge
from .headers import find_header, header_notes, lookalikes
from .result import Located, ReadResult
from .sniff import LOCKED, sniff

__all__ = ["Located", "ReadResult", "read_workbook", "read_workbooks"]

EMPTY = "Fliken har inga ifyllda rader."
MAX_CELL_CHARS = 10_000  # Excel allows 32 767; a cell in a tjänsteskrivelse needs far fewer


def _open(path: Path):
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not know
        return load_workbook(path, read_only=True, data_only=True, keep_links=False)


def _kind(sheetnames: list[str]) -> schema.WorkbookSchema | None:
    names = {folded(n) for n in sheetnames}
    for wb_schema in schema.SCHEMAS:
        if folded(wb_schema.sheets[0].name) in names:
            return wb_schema
    return None


# Workbooks read in this process, by name and content: `underlag bevaka` reads again only the
# workbook that changed. Each read gives its own result (the checks add to its problems).
_READ: dict[tuple[str, bytes], ReadResult] = {}
_READ_LIMIT = 256
_CACHED_BYTES = 20 * 1024 * 1024  # larger files are read each time, never held in memory


def read_workbook(path: Path) -> ReadResult:
    """Read one workbook (a nämnd's or the kommun's) and return its model and problems."""
    return read_workbooks([path])[0]


def read_workbooks(paths: list[Path], each=map) -> list[ReadResult]:
    """Read workbooks, in order; those read before in this process with the same name and
    content are not read again. `each(read, paths)` reads the others (`map`, or a pool's)."""
    keys = [_key(path) for path in paths]
    found: dict[int, ReadResult] = {i: _copy(_READ[key], paths[i]) for i, key in enumerate(keys)
                                    if key is not None and key in _READ}
    todo = [i for i in range(len(paths)) if i not in found]
    for i, result in zip(todo, each(read_fresh, [paths[i] for i in todo]), strict=True):
        found[i] = result
        if keys[i] is not None and _key(paths[i]) == keys[i]:  # not changed while it was read
            if len(_READ) >= _READ_LIMIT:
                _READ.clear()
            _READ[keys[i]] = _copy(result, paths[i])
    return [found[i] for i in range(len(paths))]


def _key(path: Path) -> tuple[str, bytes] | None:
    """Return a workbook's name and a hash of its content (None: too large, or unreadable)."""
    try:
        if path.stat().st_size <= _CACHED_BYTES:
            return path.name, hashlib.sha256(path.read_bytes()).digest()
    except OSError:
        pass  # the read says what is wrong with the file
    return None


def _copy(result: ReadResult, path: Path) -> ReadResult:
    """Return a result of its own: the same model (frozen), its own lists of problems."""
    return ReadResult(path, result.kind, result.value, list(result.diagnostics),
                      copy.deepcopy(result.located), set(result.uncached))


def read_fresh(path: Path) -> ReadResult:
    """Read one workbook, whatever was read before (what `read_workbooks` calls)."""
    result = ReadResult(path)
    sniffed = sniff(path)
    if sniffed.error:
        result.add(sniffed.error)
        return result
    for note in sniffed.notes:
        result.add(note, warning=True)
    try:
        wb = _open(path)
    except PermissionError:  # locked since it was sniffed
        result.add(LOCKED)
        return result
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
        sheets = {folded(name): wb[name] for name in wb.sheetnames}
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
        ws = sheets.get(folded(sheet.name))
        if ws is None and sheet.optional:
            new = ("en ny kommunarbetsbok (underlag ny MAPP skapar en)" if wb_schema is schema.KOMMUN
                   else "en ny arbetsbok (underlag arbetsbok)")
            result.add(f"Fliken {sheet.name} saknas; arbetsboken är gjord före den fliken "
                       f"fanns. Kopiera fliken från {new} för att fylla i den.", sheet.name,
                       warning=True)
            continue
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
        merges = scan_xml(result, ws, sheet.name)
        rows = sheet_rows(ws)
        if len(rows) > MAX_ROWS:
            result.add(f"Fliken har fler än {MAX_ROWS:,} rader; bara de första läses. Ta bort "
                       "rader som inte hör till underlaget.".replace(",", " "), sheet.name,
                       warning=True)
            rows = rows[:MAX_ROWS]
        grid = Grid(rows, merges, getattr(ws.parent, "epoch", WINDOWS_EPOCH))
        if sheet.is_form:
            complete &= _read_form(result, sheet, grid, values)
            if (values.get("formatversion") or 0) > schema.FORMAT_VERSION:
                result.add(
                    f"Arbetsboken har formatversion {values['formatversion']}, men den här "
                    f"versionen av underlag känner bara till version {schema.FORMAT_VERSION}. "
                    "Uppdatera underlag (pip install --upgrade underlag) och försök igen.",
                    sheet.name, result.located.fields.get("formatversion", ""))
                return
        else:
            items = _read_table(result, sheet, grid)
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


def _convert(result: ReadResult, sheet: schema.Sheet, column: schema.Column, value, cell: str,
             epoch: dt.datetime = WINDOWS_EPOCH):
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
        typed, notes = convert(value, column, epoch)
    except CellError as exc:
        result.add(str(exc), sheet.name, cell)
        return None
    for note in notes:
        result.add(note, sheet.name, cell, warning=True)
    if column.required and typed == "":
        result.add(f'Kolumnen "{column.header}" är tom. {column.ask}', sheet.name, cell)
        return None
    return typed


def _read_form(result: ReadResult, sheet: schema.Sheet, grid: Grid, values: dict) -> bool:
    """Read label/value pairs; return False when a required field is missing or wrong."""
    by_label = {folded(c.header): c for c in sheet.columns}
    seen: set[str] = set()
    unknown: dict[str, object] = {}  # label cell -> a label that is no field's
    ok = True
    for nr, row in enumerate(grid.rows, start=1):
        filled = [(i, v) for i, v in enumerate(row) if not is_blank(v)]
        if not filled:
            continue
        index, label = filled[0]
        column = by_label.get(folded(label))
        if column is None:
            unknown.setdefault(f"{get_column_letter(index + 1)}{nr}", label)
            continue
        if column.key in seen:
            continue
        seen.add(column.key)
        cell = f"{get_column_letter(index + 2)}{nr}"
        result.located.fields[column.key] = cell
        value = row[index + 1] if index + 1 < len(row) else None
        merge = covering(grid.merges, nr, index + 2) if is_blank(value) else None
        if merge is not None:
            result.add(f'Cellerna {merged_ref(merge)} är sammanfogade, så värdet för "{column.header}" '
                       f"i {cell} är tomt. Dela upp cellerna och skriv värdet i varje rad.",
                       sheet.name, cell, warning=not column.required)
            typed = None
        else:
            typed = _convert(result, sheet, column, value, cell, grid.epoch)
        if typed is None and column.required:
            ok = False
        values[column.key] = typed
    cells = list(unknown)
    missing = [c for c in sheet.columns if c.key not in seen]
    for column, i in lookalikes(missing, dict(enumerate(unknown.values()))):
        result.add(f'Raden "{unknown[cells[i]]}" liknar "{column.header}", som saknas. Skriv '
                   f'"{column.header}" i {cells[i]} så läses värdet.', sheet.name, cells[i],
                   warning=True)
    for column in missing:
        if column.required:
            result.add(
                f'Raden "{column.header}" saknas. Skriv "{column.header}" i kolumn A och '
                "värdet i kolumn B.",
                sheet.name,
            )
            ok = False
    return ok


def _read_table(result: ReadResult, sheet: schema.Sheet, grid: Grid) -> list | None:
    """Read a table sheet into row models; return None when its header row is unusable."""
    header_index, positions = find_header(sheet, grid.rows)
    header_nr = header_index + 1 if header_index >= 0 else 1
    if header_index >= 0:
        header_notes(result, sheet, grid.rows[header_index], header_nr, positions)
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
    rows, hidden = unmerge(result, sheet, grid, header_nr, positions)
    row_numbers: list[int] = []
    items = []
    filled = 0
    for nr, row in enumerate(rows[header_index + 1 :], start=header_nr + 1):
        raw = {k: (row[i] if i < len(row) else None) for k, i in positions.items()}
        if all(is_blank(v) for v in raw.values()):
            continue
        filled += 1
        before = len(result.diagnostics)
        bad = False
        typed = {}
        for column in sheet.columns:
            if column.key not in positions:
                continue
            if (nr, positions[column.key]) in hidden:  # reported with its merged range
                bad |= column.required
                continue
            cell = f"{get_column_letter(positions[column.key] + 1)}{nr}"
            value = _convert(result, sheet, column, raw[column.key], cell, grid.epoch)
            if value is not None:
                typed[column.key] = value
        if bad or any(d.is_error for d in result.diagnostics[before:]):
            continue
        items.append(sheet.row_model(**typed))
        row_numbers.append(nr)
    result.located.rows[sheet.name] = row_numbers
    # an error if the sheet is needed; a stage's sheet is the phase model's to ask for when due
    if not filled and (sheet.min_rows or sheet.empty_hint) and sheet.stage not in schema.FASER:
        result.add(f"{EMPTY} {sheet.empty_hint}", sheet.name, warning=not sheet.min_rows)
    return items
