"""What the decks do with more input than their slides carry, said at the workbook's cells.

The deck engine measures every row against its slide; it reports a row whose text is taller
than a slide (split over two) and a table whose rows would take more than the kommun's
"Bilder per avsnitt" (the rest summarised in one row that points to the beslutsunderlag's
bilaga 1). `underlag kontrollera` renders each nämnd's deck in memory and places those reports
here, so the warnings follow exactly what the render does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import model as m
from ..read import schema
from ..read.workbook import ReadResult

SPLIT, SUMMARISED = "split", "summarised"
_FIELD = re.compile(r"\{\{\s*\w+\.(\w+)")


@dataclass(frozen=True)
class Amount:
    """One thing a deck did with a workbook's rows: SPLIT (the text of `item`'s row went on
    over two slides; `source` is the template text of the cell that did) or SUMMARISED (of
    `total` rows the first `shown` are on the slides; `item` is the first left out, or the
    row whose text was cut when all are shown). `table` names the deck's table."""

    kind: str
    item: object
    shown: int = 0
    total: int = 0
    source: str = ""
    table: str = ""


def _where(namnd: m.Namnd, item: object) -> tuple[schema.Sheet, int] | None:
    """Return the sheet and row index a model item was read from (by identity)."""
    for sheet in schema.NAMND.sheets:
        rows = getattr(namnd, sheet.attr, None) if sheet.attr else None
        if isinstance(rows, tuple | list):
            for i, row in enumerate(rows):
                if row is item:
                    return sheet, i
    return None


_SUMMARISES = "sammanfattar resten"  # in the warning of a summarised sheet


def _count(n: int) -> str:
    return f"{n} rad" if n == 1 else f"{n} rader"


def place(result: ReadResult, amounts: list[Amount], kommun: m.Kommun | None = None) -> None:
    """Add a warning to a nämnd's workbook for each thing its deck did with its rows, at the
    cell concerned; a cell that already has a problem keeps its one message, and a sheet
    already said to be summarised (by another of the nämnd's decks) is not said again."""
    namnd = result.value
    if not isinstance(namnd, m.Namnd):
        return
    most = kommun.max_bilder if kommun is not None else 2
    taken = {(d.sheet, d.cell) for d in result.diagnostics if d.cell}
    summarised = {d.sheet for d in result.diagnostics if _SUMMARISES in d.message}
    for amount in sorted(amounts, key=lambda a: a.kind != SUMMARISED):  # a cut before a split
        found = _where(namnd, amount.item)
        if found is None:
            if amount.kind == SUMMARISED and amount.shown < amount.total:
                result.add(f'Presentationens tabell "{amount.table}" har {_count(amount.total)} '
                           f"och visar de första {amount.shown} på {most} bilder; resten "
                           "sammanfattas på en rad.", "", warning=True)
            continue
        sheet, index = found
        located = result.located
        if amount.kind == SPLIT:
            key = next(iter(_FIELD.findall(amount.source)), "")
            cell = located.cell(sheet, index, key) if key else located.row(sheet, index)
            message = ("Texten är längre än en bild rymmer och delas på två bilder i "
                       "presentationen. Korta texten, eller flytta detaljerna till "
                       "beslutsunderlaget.")
        elif amount.shown < amount.total:
            if sheet.name in summarised:  # one deck's word per sheet: the first deck's
                continue
            summarised.add(sheet.name)
            first = sheet.columns[0].key
            cell = located.cell(sheet, index, first) or located.row(sheet, index)
            message = (f"{sheet.name}: {_count(amount.total)}; presentationen visar de första "
                       f"{amount.shown} på {most} {'bild' if most == 1 else 'bilder'} och "
                       f"{_SUMMARISES}, från och med den här raden, på en rad som "
                       "hänvisar till bilaga 1. Slå ihop eller korta raderna, eller ändra "
                       "Bilder per avsnitt i kommunarbetsboken.")
        else:
            key = next(iter(_FIELD.findall(amount.source)), "")
            cell = located.cell(sheet, index, key) if key else located.row(sheet, index)
            message = (f"Texten får inte plats på {most} {'bild' if most == 1 else 'bilder'} "
                       "och förkortas i presentationen, med en hänvisning till bilaga 1. Korta "
                       "texten.")
        if (sheet.name, cell) in taken:
            continue
        taken.add((sheet.name, cell))
        result.add(message, sheet.name, cell, warning=True)
