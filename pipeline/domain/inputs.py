"""Every input of a build: the workbooks found in a folder, each read and checked, and the
checks that need them all."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .. import model as m
from ..diagnostics import Diagnostic, Severity, UnderlagError, sort_key
from ..read.workbook import ReadResult, read_workbooks
from .checks import check_duplicates, check_kommun, check_namnd

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
# Read too, so that each gets its own message on what to do (save as .xlsx).
SPREADSHEET_SUFFIXES = (*WORKBOOK_SUFFIXES, ".xls", ".xlsb", ".ods", ".csv", ".numbers")


@dataclass
class Inputs:
    """Everything read from an inputs folder, with every problem found."""

    folder: Path
    results: list[ReadResult] = field(default_factory=list)
    general: list[Diagnostic] = field(default_factory=list)  # not tied to one workbook

    @property
    def kommun(self) -> m.Kommun | None:
        """Return the kommun workbook's content, if it was read without errors."""
        return next((r.value for r in self.results if r.kind == "kommun" and r.ok), None)

    @property
    def namnder(self) -> list[m.Namnd]:
        """Return the nämnder that can be built, in the register's order."""
        kommun = self.kommun
        if kommun is None:
            return []
        return kommun.ordered(r.value for r in self.results if r.kind == "namnd" and r.ok)

    @property
    def i_arbete(self) -> list[m.Namnd]:
        """Return every nämnd read, errors or not (one per code, a workbook without errors
        first), in the register's order: the combined deck shows where each one stands."""
        kommun = self.kommun
        if kommun is None:
            return []
        found: dict[str, m.Namnd] = {}
        for r in sorted(self.results, key=lambda r: not r.ok):
            if r.kind == "namnd" and r.value is not None and r.value.kod:
                found.setdefault(r.value.kod, r.value)
        return kommun.ordered(found.values())

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Return every problem: general ones first, then by file, sheet and cell."""
        found = [d for r in self.results for d in r.diagnostics]
        return self.general + sorted(found, key=sort_key)

    @property
    def has_errors(self) -> bool:
        """Return True when some input has an error."""
        return any(d.is_error for d in self.diagnostics)


def discover(folder: Path) -> tuple[list[Path], list[Diagnostic]]:
    """Return the workbooks in a folder, and notes about files that are not read."""
    if not folder.is_dir():
        raise UnderlagError(
            f"Mappen {folder} finns inte. Ange mappen med arbetsböckerna med --inputs, eller "
            "skapa en arbetsmapp med underlag ny."
        )
    workbooks, notes = [], []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.startswith(("~$", ".")) or not path.is_file():
            continue  # Excel's lock files, hidden files, folders
        if path.suffix.lower() in SPREADSHEET_SUFFIXES:
            workbooks.append(path)
        else:
            notes.append(Diagnostic(
                path.name, "Filen är ingen Excel-arbetsbok (.xlsx) och läses inte. Flytta den "
                "om den inte hör hemma i mappen.",
                severity=Severity.VARNING))
    return workbooks, notes


def load(folder: Path, each=map, today: dt.date | None = None) -> Inputs:
    """Read and check every workbook in a folder, as of `today` (what is due by then); never
    stops at the first problem. `each` reads the workbooks not read before in this process
    (`map`, or a pool's)."""
    paths, notes = discover(folder)
    inputs = Inputs(folder, read_workbooks(paths, each), notes)
    kommuner = [r for r in inputs.results if r.kind == "kommun"]
    check_duplicates(inputs.results)
    for r in kommuner:
        check_kommun(r)
    if not kommuner:
        inputs.general.append(Diagnostic(
            folder.name or str(folder),
            "Kommunarbetsboken saknas (den med flikarna Kommun, Milstolpar och Nämnder). "
            "Lägg den i mappen; en ny skapas med underlag ny."))
    kommun = inputs.kommun
    for r in inputs.results:
        if r.kind == "namnd":
            check_namnd(r, kommun, today)
    return inputs
