"""Turning one cell's raw value into a typed value, or a Swedish message saying what to do."""

from __future__ import annotations

import datetime as dt
import re
from typing import NoReturn

from openpyxl.utils.datetime import WINDOWS_EPOCH, from_excel, to_excel

from .. import svenska
from .columns import Column

# Characters XML 1.0 cannot hold (tab and line feed are kept; carriage return is a line break).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")  # how Excel stores characters XML cannot hold
_KOD = re.compile(r"^[A-ZÅÄÖ][A-ZÅÄÖ0-9]{0,9}$")
_TIME = re.compile(r"^(?:kl\.?\s*)?(\d{1,2})(?:[.:,](\d{2}))?$")
# A date written as text: 2021-10-07 (or 2021-10-7), optionally with a time of day as some
# programs export it; nothing may follow. "2021-10-071" is not a date.
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?)?$")
_LONG_DATE = re.compile(r"^(\d{1,2})\s+([a-zåäö]+)\s+(\d{4})$")
# A time-formatted cell holding a number the user typed as hours ("13,00", "9,15") comes from
# openpyxl as a date that many days after the epoch (13 days for 13,00). No meeting is dated
# before this year, so an earlier date in a time cell is such a number.
_FIRST_REAL_YEAR = 1950
DATE_HINT = "Skriv det som ÅÅÅÅ-MM-DD, till exempel 2021-10-07."
TIME_HINT = "Skriv det som 13.00 eller 13:00."
_DATE_TYPE = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2021-10-07."
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


def to_date(value: object, column: Column, epoch: dt.datetime = WINDOWS_EPOCH) -> dt.date:
    """Return a date from a real date, an Excel serial number or ISO or Swedish text.

    Text is read strictly: the whole text must be a date, and a real one ("2021-10-071",
    "2021-13-01" and "31/2" are refused). A number is an Excel serial; one that gives a year
    before 1950 is a number typed in a date cell ("2021" is 1905-07-13), and is refused.
    """
    if isinstance(value, dt.datetime):
        if value.year < _FIRST_REAL_YEAR:
            raise CellError(
                f"Datumet {value.date().isoformat()} (talet "
                f"{_swedish_number(to_excel(value, epoch))} i Excel) kan inte stämma. {_DATE_TYPE}")
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466 and from_excel(value, epoch).year >= _FIRST_REAL_YEAR:
            return from_excel(value, epoch).date()
        _not_a_date(value)
    text = " ".join(str(value).split()).lower()
    parts: tuple[int, int, int] | None = None
    match = _ISO_DATE.match(text)
    if match:
        parts = (int(match[1]), int(match[2]), int(match[3]))
    match = _LONG_DATE.match(text)
    if match and match[2] in svenska.manader():
        parts = (int(match[3]), svenska.manader()[match[2]], int(match[1]))
    if parts is not None:
        try:
            return dt.date(*parts)
        except ValueError:
            raise CellError(
                f'Datumet "{_as_text(value)}" finns inte i almanackan. Kontrollera månad och dag. '
                f"{DATE_HINT}"
            ) from None
    raise CellError(f'Datumet "{_as_text(value)}" kan inte läsas. {DATE_HINT}')


def _not_a_date(number: float) -> NoReturn:
    raise CellError(f"Talet {_swedish_number(number)} är inget datum. {_DATE_TYPE}")


def _swedish_number(number: float) -> str:
    """Return a number as a Swedish user typed it: 13, 9,15."""
    return f"{number:.10g}".replace(".", ",")


def _hours(number: float, shown: str) -> dt.time:
    """Return the time a number typed as hours means: 13 is 13.00, 9.15 is 9.15, 8.3 is 8.30.

    The decimals are minutes (two digits, below 60), as "9,15" reads; a number that is not a
    time of day that way is refused.
    """
    hours = int(number // 1)
    hundredths = (number - hours) * 100
    minutes = round(hundredths)
    if not 0 <= hours < 24 or abs(hundredths - minutes) > 1e-4 or minutes >= 60:
        raise CellError(f'Klockslaget "{shown}" kan inte läsas. {TIME_HINT}')
    return dt.time(hours, minutes)


def to_time(value: object, column: Column, epoch: dt.datetime = WINDOWS_EPOCH
            ) -> tuple[dt.time, list[str]]:
    """Return a time of day and any warnings, from a real time or a number or text.

    A number from 0 up to 1 is a fraction of a day, as Excel stores times. A number from 1 up to
    24 is hours as a Swedish user types them ("13,00", "9,15": see `_hours`); a time-formatted
    cell gives it to us as a date a few days after the epoch (13 days after it for 13,00), which
    Excel shows as 00:00, so that case also gets a warning.
    """
    if isinstance(value, dt.timedelta):  # a duration format such as [t]:mm
        value = value.total_seconds() / 86400
        if value >= 1:
            return _typed_in_time_cell(value)
    if isinstance(value, dt.datetime):
        if value.year < _FIRST_REAL_YEAR:
            return _typed_in_time_cell(to_excel(value, epoch))
        return value.time().replace(second=0, microsecond=0), []
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0), []
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 0 <= value < 1:
            minutes = round(value * 24 * 60)
            return dt.time(minutes // 60 % 24, minutes % 60), []
        return _hours(value, _swedish_number(value)), []
    match = _TIME.match(_as_text(value).strip().lower())
    if match and int(match[1]) < 24 and int(match[2] or 0) < 60:
        return dt.time(int(match[1]), int(match[2] or 0)), []
    raise CellError(f'Klockslaget "{_as_text(value)}" kan inte läsas. {TIME_HINT}')


def _typed_in_time_cell(number: float) -> tuple[dt.time, list[str]]:
    """Return the time a number in a time-formatted cell means, with a warning: Excel shows
    the number's fraction of a day (00:00 for 13, 03:36 for 9,15), not what the user typed."""
    shown = _swedish_number(number)
    time = _hours(number, shown)
    excel = round(number % 1 * 24 * 60)
    return time, [
        f"Cellen är formaterad som klockslag men innehåller talet {shown}, som Excel visar som "
        f"{excel // 60 % 24:02d}:{excel % 60:02d}. Det lästes som kl. {time.hour}."
        f"{time.minute:02d}. Skriv klockslaget med kolon, {time.hour}:{time.minute:02d}, så "
        "visas det rätt i Excel."
    ]


def to_choice(text: str, column: Column) -> str:
    """Return the allowed value that the text names, ignoring case and spacing."""
    for choice in column.choices:
        if svenska.folded(text) == svenska.folded(choice):
            return choice
    allowed = svenska.lista([f'"{c}"' for c in column.choices], eller=True)
    raise CellError(f'"{text}" är inget giltigt värde i kolumnen "{column.header}". Välj {allowed}.')


def to_kod(text: str, column: Column) -> str:
    """Return a nämnd code in upper case, checked to be safe in file names."""
    kod = text.upper().replace(" ", "")
    if not _KOD.match(kod) or kod in RESERVED_NAMES:
        raise CellError(
            f'Nämndkoden "{text}" är ogiltig. Använd 1–10 bokstäver och siffror, till exempel SN.'
        )
    return kod


def convert(value: object, column: Column, epoch: dt.datetime = WINDOWS_EPOCH
            ) -> tuple[object, list[str]]:
    """Return the typed value of a non-blank cell and any warnings; raise CellError if unusable.

    `epoch` is the workbook's date system (1900, or 1904 for some Mac workbooks).
    """
    if isinstance(value, str) and value.strip() in ERROR_VALUES:
        raise CellError(
            f"Cellen innehåller felvärdet {value.strip()}. Rätta formeln eller skriv in värdet."
        )
    if column.kind == "int":
        return to_int(value, column), []
    if column.kind == "date":
        return to_date(value, column, epoch), []
    if column.kind == "time":
        return to_time(value, column, epoch)
    text, warnings = clean_text(_as_text(value))
    if column.kind == "choice":
        return to_choice(text, column), warnings
    if column.kind == "kod":
        return to_kod(text, column), warnings
    return text, warnings
