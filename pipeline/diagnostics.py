"""Problems found in the inputs, and the errors the tool raises for the user."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import click


class Severity(Enum):
    """How serious a problem is: an error stops that nämnd from being built."""

    FEL = "fel"
    VARNING = "varning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem, located by file, sheet and cell, with a Swedish message."""

    file: str
    message: str
    sheet: str = ""
    cell: str = ""
    severity: Severity = Severity.FEL

    @property
    def is_error(self) -> bool:
        """Return True when the problem stops the workbook from being built."""
        return self.severity is Severity.FEL

    @property
    def location(self) -> str:
        """Return where the problem is, e.g. "SN.xlsx › Kunder!C7"."""
        loc = self.file
        if self.sheet:
            loc += f" › {self.sheet}"
            if self.cell:
                loc += f"!{self.cell}"
        return loc

    @property
    def label(self) -> str:
        """Return the word a problem line begins with: "Fel" or "Varning"."""
        return "Fel" if self.is_error else "Varning"

    @property
    def text(self) -> str:
        """Return the problem without its label, e.g. "SN.xlsx › Kunder!C7: message"."""
        return f"{self.location}: {self.message}" if self.location else self.message

    def __str__(self) -> str:
        """Return the line users see, e.g. "Fel: SN.xlsx › Kunder!C7: message"."""
        return f"{self.label}: {self.text}"


def sort_key(d: Diagnostic) -> tuple:
    """Order problems by file, then sheet, then cell in reading order."""
    col = "".join(ch for ch in d.cell if ch.isalpha())
    row = "".join(ch for ch in d.cell if ch.isdigit())
    return (d.file, d.sheet, int(row) if row else 0, len(col), col)


class UnderlagError(click.ClickException):
    """A problem the user can fix; shown as one Swedish line, exit code 1."""

    exit_code = 1

    def format_message(self) -> str:
        return self.message

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo(f"Fel: {self.format_message()}", err=True, file=file)


class TemplateError(UnderlagError):
    """A template is broken: malformed tags or names the data does not have."""
