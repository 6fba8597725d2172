"""Reading a workbook into the model, collecting every problem on the way."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.utils.datetime import WINDOWS_EPOCH

from .. import model as m
from .. import svenska
from ..diagnostics import Diagnostic, Severity
from ..svenska import folded
from . import schema
from .cells import CellError, convert, is_blank
from .sniff import sniff

HEADER_SEARCH_ROWS = 10  # a header row may sit below a title the user added
BLANK_ROWS_BEFORE_STOP = 1000  # formatting can reach row 1 048 576; data does not
MAX_ROWS = 5000  # rows read per sheet; a group writes tens
MAX_CELL_CHARS = 10_000  # Excel allows 32 767; a cell in a tjänsteskrivelse needs far fewer
# A formula cell saved without its computed value (openpyxl and some exports do that).
_UNCACHED = re.compile(
    rb'<c r="([A-Z]+[0-9]+)"[^>]*>\s*<f[^>]*(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v></v>)?\s*</c>')
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')
MAX_LISTED = 10  # ignored columns named in one message
SIMILAR = 0.8  # difflib ratio from which a header is taken for a misspelt schema header


@dataclass
class _Grid:
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
        merges = _scan_xml(result, ws, sheet.name)
        rows = _rows(ws)
        if len(rows) > MAX_ROWS:
            result.add(f"Fliken har fler än {MAX_ROWS:,} rader; bara de första läses. Ta bort "
                       "rader som inte hör till underlaget.".replace(",", " "), sheet.name,
                       warning=True)
            rows = rows[:MAX_ROWS]
        grid = _Grid(rows, merges, getattr(ws.parent, "epoch", WINDOWS_EPOCH))
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


def _scan_xml(result: ReadResult, ws, name: str) -> list[tuple[int, int, int, int]]:
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


def _ref(merge: tuple[int, int, int, int]) -> str:
    r1, c1, r2, c2 = merge
    return f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"


def _words(text: object) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", folded(text)).split())


def _similar(found: object, wanted: str) -> float:
    """Return how much a user's header resembles a schema header: 0, or a ratio up to 1.

    A header resembles another when all the words of one are in the other ("Beskrivning av
    området" and "Beskrivning", "Kund" and "Kund eller målgrupp"), or when they are spelt almost
    alike (difflib ratio at least 0.8: "Beskrivnig", "Nämnder").
    """
    a, b = _words(found), _words(wanted)
    if not a or not b:
        return 0.0
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    if set(a.split()) <= set(b.split()) or set(b.split()) <= set(a.split()):
        return max(ratio, SIMILAR)
    return ratio if ratio >= SIMILAR else 0.0


def _lookalikes(missing: list[schema.Column], found: dict[int, object]
                ) -> list[tuple[schema.Column, int]]:
    """Pair missing schema columns with the user's headers (by position) that resemble them."""
    pairs = sorted(((_similar(text, c.header), c.header, i, c) for c in missing
                    for i, text in found.items()), key=lambda p: (-p[0], p[1], p[2]))
    used_columns: set[str] = set()
    used_positions: set[int] = set()
    result = []
    for score, _, i, column in pairs:
        if score and column.key not in used_columns and i not in used_positions:
            used_columns.add(column.key)
            used_positions.add(i)
            result.append((column, i))
    return sorted(result, key=lambda p: p[1])


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


def _covering(merges: list[tuple[int, int, int, int]], nr: int, col: int
              ) -> tuple[int, int, int, int] | None:
    """Return the merged range that hides the cell (row nr, 1-based column col), if any."""
    for merge in merges:
        r1, c1, r2, c2 = merge
        if r1 <= nr <= r2 and c1 <= col <= c2 and (nr, col) != (r1, c1):
            return merge
    return None


def _read_form(result: ReadResult, sheet: schema.Sheet, grid: _Grid, values: dict) -> bool:
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
        merge = _covering(grid.merges, nr, index + 2) if is_blank(value) else None
        if merge is not None:
            result.add(f'Cellerna {_ref(merge)} är sammanfogade, så värdet för "{column.header}" '
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
    for column, i in _lookalikes(missing, dict(enumerate(unknown.values()))):
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


def _find_header(sheet: schema.Sheet, rows: list[tuple]) -> tuple[int, dict[str, int]]:
    """Return the header row's index and each known column's position in it."""
    wanted = {folded(c.header): c.key for c in sheet.columns}
    best_row, best = -1, {}
    for r, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found: dict[str, int] = {}
        for i, value in enumerate(row):
            key = wanted.get(folded(value))
            if key and key not in found:
                found[key] = i
        if len(found) > len(best):
            best_row, best = r, found
    return best_row, best


def _shown(value: object) -> str:
    return " ".join(str(value).split())


def _header_notes(result: ReadResult, sheet: schema.Sheet, header: tuple, nr: int,
                  positions: dict[str, int]) -> None:
    """Warn about headers that resemble a missing schema header, and list the ignored ones."""
    known = set(positions.values())
    found = {i: v for i, v in enumerate(header) if not is_blank(v) and i not in known}
    missing = [c for c in sheet.columns if c.key not in positions]
    paired = set()
    for column, i in _lookalikes(missing, found):
        paired.add(i)
        result.add(f'Kolumnen "{_shown(found[i])}" liknar "{column.header}", som saknas. Döp om '
                   f'rubriken till "{column.header}" så läses kolumnen.', sheet.name,
                   f"{get_column_letter(i + 1)}{nr}", warning=True)
    ignored = [i for i in found if i not in paired]
    if ignored:
        named = [f'"{_shown(found[i])[:60]}" ({get_column_letter(i + 1)}{nr})'
                 for i in ignored[:MAX_LISTED]]
        if len(ignored) > MAX_LISTED:
            named.append(f"{len(ignored) - MAX_LISTED} till")
        names = svenska.lista(named)
        what = "Kolumnerna" if len(ignored) > 1 else "Kolumnen"
        result.add(f"{what} {names} hör inte till arbetsboken och läses inte; det som står där "
                   "kommer inte med i dokumenten.", sheet.name,
                   f"{get_column_letter(ignored[0] + 1)}{nr}", warning=True)


def _unmerge(result: ReadResult, sheet: schema.Sheet, grid: _Grid, header_nr: int,
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
                result.add(f"Cellerna {_ref(merge)} är sammanfogade. Värdet lästes in på varje "
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
        result.add(f"Cellerna {_ref(merge)} är sammanfogade; värdet står bara i {cell}, och de "
                   "andra cellerna räknas som tomma. Dela upp cellerna och skriv varje värde i "
                   "sin cell.", sheet.name, cell, warning=not needed)
    return rows, hidden


def _read_table(result: ReadResult, sheet: schema.Sheet, grid: _Grid) -> list | None:
    """Read a table sheet into row models; return None when its header row is unusable."""
    header_index, positions = _find_header(sheet, grid.rows)
    header_nr = header_index + 1 if header_index >= 0 else 1
    if header_index >= 0:
        _header_notes(result, sheet, grid.rows[header_index], header_nr, positions)
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
    rows, hidden = _unmerge(result, sheet, grid, header_nr, positions)
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
    if not filled and (sheet.min_rows or sheet.empty_hint):  # an error if the sheet is needed
        result.add(f"Fliken har inga ifyllda rader. {sheet.empty_hint}", sheet.name,
                   warning=not sheet.min_rows)
    return items
