"""Finding a table sheet's header row, and naming headers that resemble a missing one or that
no column of the schema has."""

from __future__ import annotations

import difflib
import re

from openpyxl.utils import get_column_letter

from .. import svenska
from ..svenska import folded
from . import schema
from .cells import is_blank
from .result import ReadResult

HEADER_SEARCH_ROWS = 10  # a header row may sit below a title the user added
MAX_LISTED = 10  # ignored columns named in one message
SIMILAR = 0.8  # difflib ratio from which a header is taken for a misspelt schema header


def find_header(sheet: schema.Sheet, rows: list[tuple]) -> tuple[int, dict[str, int]]:
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


def words(text: object) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", folded(text)).split())


def similar(found: object, wanted: str) -> float:
    """Return how much a user's header resembles a schema header: 0, or a ratio up to 1.

    A header resembles another when all the words of one are in the other ("Beskrivning av
    området" and "Beskrivning", "Kund" and "Kund eller målgrupp"), or when they are spelt almost
    alike (difflib ratio at least 0.8: "Beskrivnig", "Nämnder").
    """
    a, b = words(found), words(wanted)
    if not a or not b:
        return 0.0
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    if set(a.split()) <= set(b.split()) or set(b.split()) <= set(a.split()):
        return max(ratio, SIMILAR)
    return ratio if ratio >= SIMILAR else 0.0


def lookalikes(missing: list[schema.Column], found: dict[int, object]
                ) -> list[tuple[schema.Column, int]]:
    """Pair missing schema columns with the user's headers (by position) that resemble them."""
    pairs = sorted(((similar(text, c.header), c.header, i, c) for c in missing
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


def shown(value: object) -> str:
    return " ".join(str(value).split())


def header_notes(result: ReadResult, sheet: schema.Sheet, header: tuple, nr: int,
                  positions: dict[str, int]) -> None:
    """Warn about headers that resemble a missing schema header, and list the ignored ones."""
    known = set(positions.values())
    found = {i: v for i, v in enumerate(header) if not is_blank(v) and i not in known}
    missing = [c for c in sheet.columns if c.key not in positions]
    paired = set()
    for column, i in lookalikes(missing, found):
        paired.add(i)
        result.add(f'Kolumnen "{shown(found[i])}" liknar "{column.header}", som saknas. Döp om '
                   f'rubriken till "{column.header}" så läses kolumnen.', sheet.name,
                   f"{get_column_letter(i + 1)}{nr}", warning=True)
    ignored = [i for i in found if i not in paired]
    if ignored:
        named = [f'"{shown(found[i])[:60]}" ({get_column_letter(i + 1)}{nr})'
                 for i in ignored[:MAX_LISTED]]
        if len(ignored) > MAX_LISTED:
            named.append(f"{len(ignored) - MAX_LISTED} till")
        names = svenska.lista(named)
        what = "Kolumnerna" if len(ignored) > 1 else "Kolumnen"
        result.add(f"{what} {names} hör inte till arbetsboken och läses inte; det som står där "
                   "kommer inte med i dokumenten.", sheet.name,
                   f"{get_column_letter(ignored[0] + 1)}{nr}", warning=True)
