"""The timetable: ISO weeks, the planning document's week grid, pass periods and checks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from .. import model as m
from .. import svenska

# The planning document's pass periods: (label, passes, first week, last week or None for
# "v. 50 och framåt"), weeks of the assignment's first year.
PASS_PERIODER = tuple((m.pass_namn(*passes, period=True), passes, first, last)
                      for passes, first, last in (((1, 2), 33, 39), ((3, 4), 41, 48), ((5,), 50, None)))
COLLAPSE_EMPTY_WEEKS = 3  # a run of this many weeks without meetings shows as one "…" column
COORDINATOR = "KS"  # the planning document's "KS – samordning" and "KS – egen"


@dataclass(frozen=True, slots=True)
class Vecka:
    """One column of the grid: an ISO week (or its days in one month), or a gap of collapsed
    empty weeks."""

    ar: int
    nr: int | None  # None for a gap
    manad: str  # the month heading the column stands under; "" for a gap across months
    manad_nr: tuple[int, int] | None = None  # (year, month) of that heading
    till: int | None = None  # a gap: its first week is `ar`/`fran`, its last `till`
    fran: int | None = None

    @property
    def rubrik(self) -> str:
        """Return the column heading: the week number, or "v. 25–32" for a gap."""
        if self.nr is not None:
            return str(self.nr)
        return f"v. {self.fran}" if self.fran == self.till else f"v. {self.fran}–{self.till}"


@dataclass(frozen=True, slots=True)
class Rad:
    """One row of the grid: a label and the day numbers in each column."""

    namn: str
    celler: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Veckoschema:
    """The week grid: weeks grouped under their months, one row per nämnd."""

    veckor: tuple[Vecka, ...]
    manader: tuple[tuple[str, int], ...]  # (month heading, number of columns it spans)
    rader: tuple[Rad, ...]


def monday(d: dt.date) -> dt.date:
    """Return the Monday of a date's ISO week."""
    return d - dt.timedelta(days=d.weekday())


def month_of_week(d: dt.date) -> tuple[int, int]:
    """Return (year, month) a date's ISO week belongs to: the month of its Thursday."""
    thursday = monday(d) + dt.timedelta(days=3)
    return thursday.year, thursday.month


def _month_name(year: int, month: int, first_year: int) -> str:
    name = svenska.manadsnamn(month).capitalize()
    return name if year == first_year else f"{name} {year}"


def row_label(kod: str, *, joint: bool = False) -> str:
    """Return a row's label as the planning document writes it."""
    if joint:
        return f"{COORDINATOR} – samordning"
    return f"{kod} – egen" if kod == COORDINATOR else kod


def _overlap(a: m.Mote, b: m.Milstolpe) -> bool:
    """Return True when two meetings' times overlap, or one of them has no time."""
    if a.start is None or b.start is None:
        return True
    a_end = a.slut if a.slut and a.slut > a.start else a.start
    b_end = b.slut if b.slut and b.slut > b.start else b.start
    return a.start <= b_end and b.start <= a_end


def samma_mote(mote: m.Mote, ms: m.Milstolpe) -> bool:
    """Return True when a nämnd's own meeting is a joint milestone written again.

    The rule: the same date, times that overlap (or a time missing on either), and the meeting
    is of the milestone's kind ("Avstämning" and an avstämning) or its text names the milestone
    ("Gemensam avstämning"). A working pass is the group's own, never the joint meeting.
    """
    if mote.datum != ms.datum or mote.typ == m.PASS or not _overlap(mote, ms):
        return False
    named = svenska.folded(ms.benamning)
    return mote.typ == ms.typ or bool(named) and svenska.folded(mote.beskrivning).startswith(named)


def egna_moten(kommun: m.Kommun, namnd: m.Namnd) -> list[m.Mote]:
    """Return a nämnd's meetings in date order, each once: none that is a joint milestone, and
    none typed twice (the same date, start and kind)."""
    seen: set[tuple] = set()
    out = []
    for mote in sorted(namnd.moten, key=lambda x: (x.datum, x.start or dt.time())):
        key = (mote.datum, mote.start, mote.namn)
        if key in seen or any(samma_mote(mote, ms) for ms in kommun.milstolpar):
            continue
        seen.add(key)
        out.append(mote)
    return out


def week_grid(kommun: m.Kommun, namnder: list[m.Namnd], *, passes: bool = False) -> Veckoschema:
    """Return the grid from the joint milestones and each nämnd's meetings, never typed by hand.

    A meeting that is a joint milestone shows once, in the samordning row. A week stands under
    the month of its meetings; a week with meetings in two months is two columns with the same
    number, one under each month; a week without meetings stands under its Thursday's month
    (ISO 8601). Three or more empty weeks in a row collapse into one column labelled by its
    weeks, under a month heading only when all its days are in that month.

    With `passes`, the pass periods' weeks are kept (not collapsed), the grid reaches at least
    the first week of pass 5, and each period gets a row.
    """
    rows = [(row_label("", joint=True), [s.datum for s in kommun.milstolpar])]
    for namnd in kommun.ordered(namnder):
        rows.append((row_label(namnd.kod), [mote.datum for mote in egna_moten(kommun, namnd)]))
    dates = [d for _, ds in rows for d in ds]
    if not dates:
        return Veckoschema((), (), ())
    first_year = min(dates).year
    keep = {monday(d) for d in dates}
    if passes:
        for _, _, first, end in PASS_PERIODER:
            week = dt.date.fromisocalendar(first_year, first, 1)
            stop = dt.date.fromisocalendar(first_year, end, 1) if end else week
            while week <= stop:
                keep.add(week)
                week += dt.timedelta(weeks=1)
    months_met: dict[dt.date, set[tuple[int, int]]] = {}
    for d in dates:
        months_met.setdefault(monday(d), set()).add((d.year, d.month))
    columns: list[Vecka] = []
    index: dict[tuple[dt.date, tuple[int, int]], int] = {}
    for item in _weeks(min(keep), max(keep), keep):
        if isinstance(item, tuple):
            columns.append(_gap(*item, columns, first_year))
            continue
        iso = item.isocalendar()
        for ym in sorted(months_met.get(item) or {month_of_week(item)}):
            index[(item, ym)] = len(columns)
            columns.append(Vecka(iso.year, iso.week, _month_name(*ym, first_year), ym))
    months: list[tuple[str, int]] = []
    for i, column in enumerate(columns):
        if i and columns[i - 1].manad_nr == column.manad_nr and column.manad_nr:
            months[-1] = (column.manad, months[-1][1] + 1)
        else:
            months.append((column.manad, 1))
    extra = _pass_rows(columns, first_year) if passes else ()
    grid_rows = []
    for label, ds in rows:
        cells = [""] * len(columns)
        for d in sorted(set(ds)):
            i = index[(monday(d), (d.year, d.month))]
            cells[i] = f"{cells[i]}, {d.day}" if cells[i] else str(d.day)
        grid_rows.append(Rad(label, tuple(cells)))
    return Veckoschema(tuple(columns), tuple(months), (*grid_rows, *extra))


def _gap(first: dt.date, last: dt.date, columns: list[Vecka], first_year: int) -> Vecka:
    """Return the column of collapsed weeks from Monday `first` to Monday `last`: under the
    month of all its days, else under an empty heading of its own."""
    sunday = last + dt.timedelta(days=6)
    ym = (first.year, first.month) if (first.year, first.month) == (sunday.year, sunday.month) \
        else None
    a, b = first.isocalendar(), last.isocalendar()
    return Vecka(a.year, None, _month_name(*ym, first_year) if ym else "", ym,
                 till=b.week, fran=a.week)


def _weeks(first: dt.date, last: dt.date, used: set[dt.date]
           ) -> list[dt.date | tuple[dt.date, dt.date]]:
    """Return the Mondays from first to last, a run of empty weeks collapsed into one
    (first Monday, last Monday) pair."""
    out: list[dt.date | tuple[dt.date, dt.date]] = []
    empty: list[dt.date] = []
    week = monday(first)
    while week <= monday(last):
        if week in used:
            out += [(empty[0], empty[-1])] if len(empty) >= COLLAPSE_EMPTY_WEEKS else empty
            empty = []
            out.append(week)
        else:
            empty.append(week)
        week += dt.timedelta(weeks=1)
    return out


def _in_period(v: Vecka, year: int, first: int, last: int | None) -> bool:
    if v.nr is None:
        return False
    if v.ar == year:
        return v.nr >= first and (last is None or v.nr <= last)
    return last is None and v.ar > year


def _pass_rows(columns: list[Vecka], year: int) -> tuple[Rad, ...]:
    """Return rows marking the weeks of each pass period ("■"), for a timeline."""
    rows = []
    for label, _, first, last in PASS_PERIODER:
        cells = tuple("■" if _in_period(v, year, first, last) else "" for v in columns)
        weeks = f"v. {first}–{last}" if last else f"v. {first} →"
        rows.append(Rad(f"{label} ({weeks})", cells))
    return tuple(rows)


def pass_period(pass_nr: int) -> tuple[str, int, int | None] | None:
    """Return (label, first week, last week or None) of the period a pass belongs to."""
    for label, numbers, first, last in PASS_PERIODER:
        if pass_nr in numbers:
            return label, first, last
    return None


@cache
def _holidays(year: int) -> dict[dt.date, str]:
    """Return Sweden's public holidays of a year by name (lag 1989:253 om allmänna helgdagar).

    Computed here: the holidays library imports every country's module on first use, a quarter
    of a second of every build. Years before the 1989 law (a Marie bebådelsedag) go to it; the
    tests compare both for centuries.
    """
    if year < 1990:
        import holidays

        return dict(holidays.Sweden(years=year, language="sv", include_sundays=False))
    from dateutil.easter import easter as easter_of  # the Gregorian computus

    easter = easter_of(year)
    midsommar, alla_helgon = dt.date(year, 6, 20), dt.date(year, 10, 31)
    days = [
        (dt.date(year, 1, 1), "Nyårsdagen"), (dt.date(year, 1, 6), "Trettondedag jul"),
        (easter - dt.timedelta(days=2), "Långfredagen"), (easter, "Påskdagen"),
        (easter + dt.timedelta(days=1), "Annandag påsk"), (dt.date(year, 5, 1), "Första maj"),
        (easter + dt.timedelta(days=39), "Kristi himmelsfärdsdag"),
        *([(dt.date(year, 6, 6), "Nationaldagen")] if year >= 2005 else []),
        (easter + dt.timedelta(days=49), "Pingstdagen"),
        *([(easter + dt.timedelta(days=50), "Annandag pingst")] if year <= 2004 else []),
        (midsommar + dt.timedelta(days=(5 - midsommar.weekday()) % 7), "Midsommardagen"),
        (alla_helgon + dt.timedelta(days=(5 - alla_helgon.weekday()) % 7), "Alla helgons dag"),
        (dt.date(year, 12, 25), "Juldagen"), (dt.date(year, 12, 26), "Annandag jul"),
    ]
    named: dict[dt.date, str] = {}
    for day, name in days:  # two on one day are named as the library names them
        named[day] = f"{named[day]}; {name}" if day in named else name
    return named


def helgdag(d: dt.date) -> str:
    """Return why a date is not a working day ("lördag", "juldagen"), or "" if it is one."""
    name = _holidays(d.year).get(d)
    if name:
        return name.lower()
    if d.weekday() >= 5:
        return "lördag" if d.weekday() == 5 else "söndag"
    return ""


def window(kommun: m.Kommun) -> tuple[dt.date, dt.date] | None:
    """Return the assignment's window: the first joint milestone to the end of Q1 the next year."""
    if not kommun.milstolpar:
        return None
    start = min(s.datum for s in kommun.milstolpar)
    return start, dt.date(start.year + 1, 3, 31)


def avstamningar(kommun: m.Kommun) -> list[m.Milstolpe]:
    """Return the joint avstämningar in date order."""
    return sorted((s for s in kommun.milstolpar if s.typ == "Avstämning"), key=lambda s: s.datum)
