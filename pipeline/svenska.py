"""Swedish text: dates, times, weeks and lists as written (domain.md, "Swedish conventions"),
and texts compared as a reader compares them."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache

from babel.dates import format_date, get_month_names
from babel.lists import format_list

LOCALE = "sv_SE"


def datum(d: dt.date | None) -> str:
    """Return a date as in running text: "7 oktober 2021"."""
    if d is None:
        return ""
    return _datum(d.year, d.month, d.day)


@lru_cache(maxsize=4096)
def _datum(year: int, month: int, day: int) -> str:
    return format_date(dt.date(year, month, day), "d MMMM y", locale=LOCALE)


def kort_datum(d: dt.date | None) -> str:
    """Return a date in compact form: "2021-10-07"."""
    return d.isoformat() if d else ""


def tid(t: dt.time | None) -> str:
    """Return a time of day as written everywhere: "9.00", "13.05" (no leading zero)."""
    if t is None:
        return ""
    return f"{t.hour}.{t.minute:02d}"


def klockslag(start: dt.time | None, slut: dt.time | None = None) -> str:
    """Return a time or a span in the one form of every output: "kl. 9.00–12.00", "kl. 8.30"."""
    if start is None:
        return ""
    return f"kl. {tid(start)}" + (f"–{tid(slut)}" if slut else "")


def vecka(d: dt.date) -> str:
    """Return the ISO week of a date: "v. 33"."""
    return f"v. {d.isocalendar().week}"


_TAL = ("noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
        "tolv")


def tal(n: int, *, neutrum: bool = False) -> str:
    """Return a count as running text writes it: "tre", "en" ("ett" with `neutrum`), 13 and
    up in digits."""
    if n == 1 and neutrum:
        return "ett"
    return _TAL[n] if 0 <= n < len(_TAL) else str(n)


def lista(items: list[str] | tuple[str, ...], *, eller: bool = False) -> str:
    """Join items as Swedish prose: "A, B och C", or with `eller` "A, B eller C" (a choice).

    Empty items are left out; an item's own "och" stays as written.
    """
    return format_list([i for i in items if i], style="or" if eller else "standard", locale=LOCALE)


def folded(text: object) -> str:
    """Return text as a reader compares it: case and runs of white space (line breaks too)
    ignored, so "Äldre  Personer" and "äldre personer" are one. None gives "".

    One rule for every match of what users type against a name: sheet names, headers and
    labels against the schema, a choice against the allowed values, a nämnd's name against the
    register, and a kund or a process against the same one named by another nämnd.
    """
    return " ".join(str(text).split()).casefold() if text is not None else ""


@lru_cache(maxsize=64)
def manadsnamn(month: int, *, kort: bool = False) -> str:
    """Return a month's Swedish name in lower case: "oktober", or with `kort` as abbreviated
    where room is short: "okt.", "mars", "juni"."""
    return get_month_names("abbreviated" if kort else "wide", locale=LOCALE)[month].lower()


@cache
def manader() -> dict[str, int]:
    """Return Swedish month names (lower case) mapped to their numbers."""
    return {name.lower(): nr for nr, name in get_month_names("wide", locale=LOCALE).items()}


def versal(text: str) -> str:
    """Return text with a capital first letter, as at the start of a sentence or a cell."""
    return text[:1].upper() + text[1:]


_WORD = re.compile(r"\w+")


def gemen(text: str) -> str:
    """Return a name or a title as running text writes it: "socialnämnden", "barn- och
    utbildningsnämnden", "socialchef". An abbreviation ("HR-chef", "IT") and a name of several
    capitalised words ("Region Västernorrland", "Elever i Timrå") stay as written."""
    first = _WORD.match(text or "")
    if first is None or not text[0].isupper():
        return text
    if len(first[0]) > 1 and first[0][1].isupper():
        return text  # an abbreviation
    if any(word[:1].isupper() for word in text.split()[1:]):
        return text  # a proper name
    return text[0].lower() + text[1:]


_PARAGRAF = re.compile(r"^\s*§?\s*(\d+)\s*§?\s*$")


def paragraf(text: str) -> str:
    """Return a paragraph of the minutes as written in Swedish protocols: "§ 14" for "14",
    "§14" or "14 §"; anything else as written."""
    text = " ".join((text or "").split())
    found = _PARAGRAF.match(text)
    return f"§\N{NO-BREAK SPACE}{found[1]}" if found else text
