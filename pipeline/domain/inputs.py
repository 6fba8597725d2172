"""Every input of a build: the workbooks found in a folder, each read and checked, and the
checks that need them all."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import model as m
from .. import svenska
from ..diagnostics import Diagnostic, Severity, UnderlagError, sort_key
from ..read import schema
from ..read.workbook import ReadResult, read_workbooks
from .checks import check_duplicates, check_kommun, check_namnd

SCHEMAS = {"kommun": schema.KOMMUN, "namnd": schema.NAMND}
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
# Read too, so that each gets its own message on what to do (save as .xlsx).
SPREADSHEET_SUFFIXES = (*WORKBOOK_SUFFIXES, ".xls", ".xlsb", ".ods", ".csv", ".numbers")


@dataclass
class Inputs:
    """Everything read from an inputs folder, with every problem found."""

    folder: Path
    results: list[ReadResult] = field(default_factory=list)
    general: list[Diagnostic] = field(default_factory=list)  # not tied to one workbook
    next_steps: list[Diagnostic] = field(default_factory=list)  # what to do next: said last

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
        """Return every problem: general ones first, then by file, by sheet in the workbook's
        order (as its tabs stand in Excel) and by cell, then what to do next."""
        tabs = {(r.name, sheet.name): i for r in self.results if r.kind in SCHEMAS
                for i, sheet in enumerate(SCHEMAS[r.kind].sheets, start=1)}
        last = len(tabs) + 1  # a sheet the format does not know: after its own, by name

        def key(d: Diagnostic) -> tuple:
            file, *rest = sort_key(d)
            return (file, tabs.get((d.file, d.sheet), last) if d.sheet else 0, *rest)

        found = [d for r in self.results for d in r.diagnostics]
        return self.general + sorted(found, key=key) + self.next_steps

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
    if all(r.kind == "kommun" for r in inputs.results):
        inputs.next_steps.append(no_namnd(folder, kommun.koder if kommun else ()))
    return inputs


def no_namnd(folder: Path, codes: tuple[str, ...] = ()) -> Diagnostic:
    """Return the warning for a folder with no nämnd's workbook: how to make one, with the
    register's codes when there are any."""
    kod, rest = (codes[0], codes[1:]) if codes else ("KOD", ())
    register = "" if folder == Path("inputs") else f" --inputs {folder.as_posix()}"
    command = f"underlag arbetsbok {kod} -o {(folder / f'{kod}.xlsx').as_posix()}{register}"
    if rest:
        command += f", och likadant för {svenska.lista(list(rest))}"
    elif not codes:
        command += ", där KOD är nämndens kod i kommunarbetsbokens flik Nämnder"
    return Diagnostic(
        folder.name or str(folder),
        f"Det finns ingen arbetsbok för någon nämnd i {folder.as_posix()}/. Skapa en per "
        f"nämnd med: {command}.", severity=Severity.VARNING)


def with_errors(inputs: Inputs) -> tuple[tuple[str, str], ...]:
    """Return the registered nämnder whose workbook has errors, as (code, file name): the
    code the workbook gives, else a registered code standing alone in its file name
    ("SN.xlsx", "arbetsbok-SN.xlsx"). A nämnd that also has a workbook without errors is
    not one of them."""
    kommun = inputs.kommun
    if kommun is None:
        return ()
    good = {n.kod for n in inputs.namnder}
    found: dict[str, str] = {}
    for r in inputs.results:
        if r.kind != "namnd" or r.ok:
            continue
        kod = r.value.kod if r.value is not None else next(
            (k for k in kommun.koder
             if k.upper() in re.split(r"[^0-9A-ZÅÄÖ]+", r.path.stem.upper())), "")
        if kod and kod not in good:
            found.setdefault(kod, r.name)
    return tuple(sorted(found.items()))
