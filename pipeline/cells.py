"""Turning one cell's raw value into a typed value, or a Swedish message saying what to do."""

from __future__ import annotations

import datetime as dt
import re

from openpyxl.utils.datetime import from_excel

from . import svenska
from .schema import Column

# Characters XML 1.0 cannot hold (tab and line feed are kept; carriage return is a line break).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")  # how Excel stores characters XML cannot hold
_KOD = re.compile(r"^[A-ZÅÄÖ][A-ZÅÄÖ0-9]{0,9}$")
_TIME = re.compile(r"^(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?$")
_LONG_DATE = re.compile(r"^(\d{1,2})\s+([a-zåäö]+)\s+(\d{4})$")
ERROR_VALUES = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}
RESERVED_NAMES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)),
                  *(f"LPT{i}" for i in range(10))}


class CellError(ValueError):
    """The cell's value cannot be used; the message says what to do."""


def is_blank(value: object) -> bool:
    """Return True for an empty cell or one holding only white space."""
    return value is None or (isinstance(value, str) and not value.strip())


def clean_text(value: str) -> tuple[str, list[str]]:
    """Return text with normalised line breaks and white space, and warnings for removed characters."""
    warnings = []
    text = _EXCEL_ESCAPE.sub(lambda mt: chr(int(mt[1], 16)), value)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
        warnings.append("Cellen innehöll osynliga styrtecken som togs bort.")
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
        warnings.append("Cellen innehöll trasiga tecken som ersattes med �.")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text, warnings


def _as_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def to_int(value: object, column: Column) -> int:
    """Return a whole number from a number or a number stored as text."""
    number: float
    if isinstance(value, bool):
        raise CellError(f'Skriv ett heltal i kolumnen "{column.header}".')
    if isinstance(value, (int, float)):
        number = value
    else:
        try:
            number = float(str(value).strip().replace(",", ".").replace(" ", ""))
        except ValueError:
            raise CellError(
                f'"{value}" är inget heltal. Skriv ett heltal i kolumnen "{column.header}".'
            ) from None
    if not float(number).is_integer():
        raise CellError(f'"{_as_text(value)}" är inget heltal. Skriv ett heltal, till exempel 2.')
    result = int(number)
    if column.minimum is not None and result < column.minimum:
        raise CellError(f'Värdet {result} är för litet. Skriv ett tal från {column.minimum}.')
    if column.maximum is not None and result > column.maximum:
        raise CellError(
            f"Värdet {result} är för stort. Skriv ett tal från {column.minimum} till {column.maximum}."
        )
    return result


def to_date(value: object, column: Column) -> dt.date:
    """Return a date from a real date, an Excel serial number or ISO or Swedish text."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 2958466:
        return from_excel(value).date()
    text = str(value).strip().lower()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    match = _LONG_DATE.match(text)
    if match and match[2] in svenska.manader():
        try:
            return dt.date(int(match[3]), svenska.manader()[match[2]], int(match[1]))
        except ValueError:
            pass
    raise CellError(
        f'Datumet "{_as_text(value)}" kan inte läsas. Skriv det som ÅÅÅÅ-MM-DD, '
        "till exempel 2021-10-07."
    )


def to_time(value: object, column: Column) -> dt.time:
    """Return a time of day from a real time, a fraction of a day or text such as 13.00."""
    if isinstance(value, dt.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, float) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        return dt.time(minutes // 60 % 24, minutes % 60)
    match = _TIME.match(_as_text(value).strip().lower())
    if match and int(match[1]) < 24 and int(match[2] or 0) < 60:
        return dt.time(int(match[1]), int(match[2] or 0))
    raise CellError(
        f'Klockslaget "{_as_text(value)}" kan inte läsas. Skriv det som 13.00 eller 13:00.'
    )


def to_choice(text: str, column: Column) -> str:
    """Return the allowed value that the text names, ignoring case."""
    for choice in column.choices:
        if text.casefold() == choice.casefold():
            return choice
    allowed = svenska.lista([f'"{c}"' for c in column.choices]).replace(" och ", " eller ")
    raise CellError(f'"{text}" är inget giltigt värde i kolumnen "{column.header}". Välj {allowed}.')


def to_kod(text: str, column: Column) -> str:
    """Return a nämnd code in upper case, checked to be safe in file names."""
    kod = text.upper().replace(" ", "")
    if not _KOD.match(kod) or kod in RESERVED_NAMES:
        raise CellError(
            f'Nämndkoden "{text}" är ogiltig. Använd 1–10 bokstäver och siffror, till exempel SN.'
        )
    return kod


def convert(value: object, column: Column) -> tuple[object, list[str]]:
    """Return the typed value of a non-blank cell and any warnings; raise CellError if unusable."""
    if isinstance(value, str) and value.strip() in ERROR_VALUES:
        raise CellError(
            f"Cellen innehåller felvärdet {value.strip()}. Rätta formeln eller skriv in värdet."
        )
    if column.kind == "int":
        return to_int(value, column), []
    if column.kind == "date":
        return to_date(value, column), []
    if column.kind == "time":
        return to_time(value, column), []
    text, warnings = clean_text(_as_text(value))
    if column.kind == "choice":
        return to_choice(text, column), warnings
    if column.kind == "kod":
        return to_kod(text, column), warnings
    return text, warnings
