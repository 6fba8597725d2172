"""What reading one workbook gives: its kind, its model, its problems and where each value
came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import model as m
from ..diagnostics import Diagnostic, Severity
from . import schema


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
