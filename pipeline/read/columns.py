"""What a workbook format is made of: columns, sheets and workbook schemas (`schema.py` holds
the format itself)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["text", "int", "date", "time", "choice", "kod"]


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table sheet, or one field of a form sheet."""

    key: str  # attribute of the model class
    header: str  # the Swedish header users see
    help: str  # input help shown when the cell is selected
    kind: Kind = "text"
    required: bool = False
    ask: str = ""  # what to do when a required cell is empty
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    width: int = 30


@dataclass(frozen=True, slots=True)
class Sheet:
    """One sheet: a form (label in A, value in B) or a table (header row, then rows)."""

    name: str
    attr: str  # attribute of the parent model; "" for a form sheet
    description: str  # what the sheet is for, in plain Swedish
    columns: tuple[Column, ...]
    row_model: type | None = None  # model class of one row (tables only)
    stage: str = ""  # when in the process the sheet is worked on
    min_rows: int = 0  # rows needed before the workbook can be built
    empty_hint: str = ""  # what to do when a table has no rows (a warning)
    target_rows: int = 1  # rows a complete section usually has (status in the combined deck)
    optional: bool = False  # added after the first format: a workbook without it still builds

    @property
    def is_form(self) -> bool:
        """Return True for a form sheet (one value per label)."""
        return self.row_model is None

    def column(self, key: str) -> Column:
        """Return the column with this key."""
        return next(c for c in self.columns if c.key == key)

    def template_columns(self, var: str, widths: dict[str, float], *,
                         headers: dict[str, str] | None = None,
                         exprs: dict[str, str] | None = None) -> list[tuple[str, str, float]]:
        """Return a template table's columns for this sheet's rows: (header, expression, width)
        for each key of `widths`, in that order.

        The header is the schema's and the expression `var.key`, unless `headers` or `exprs`
        give a column its own: a header that reads better in a document ("Styrdokument" for
        "Namn"), or a derived value ("d|part") that is no column of the sheet.
        """
        headers, exprs = headers or {}, exprs or {}
        return [(headers.get(key) or self.column(key).header, exprs.get(key, f"{var}.{key}"), width)
                for key, width in widths.items()]


@dataclass(frozen=True, slots=True)
class WorkbookSchema:
    """The sheets of one kind of workbook and how its identity is recognised."""

    kind: Literal["namnd", "kommun"]
    title: str
    sheets: tuple[Sheet, ...]

    def sheet(self, name: str) -> Sheet:
        """Return the sheet with this name."""
        return next(s for s in self.sheets if s.name == name)


# Shorthands for the schema's definitions, one per kind of column.


def text(key, header, help, *, required=False, ask="", width=30):
    return Column(key, header, help, "text", required, ask, width=width)


def choice(key, header, choices, help, *, required=True, ask="", width=24):
    return Column(key, header, help, "choice", required, ask, choices, width=width)


def date(key, header, help, *, required=False, ask=""):
    return Column(key, header, help, "date", required, ask, width=14)


def time(key, header, help):
    return Column(key, header, help, "time", width=9)


# Columns more than one workbook has.
VERSION = Column(
    "formatversion",
    "Formatversion",
    "Arbetsbokens formatversion. Ändra inte.",
    "int",
    minimum=1,
)

MOTE_HELP = "Klockslag, till exempel 13.00."
