"""The timetable as people read it: one meeting once (rows, grid, calendars), months over the
weeks of their meetings, collapsed weeks labelled by their numbers, the pass-5 row, the caption."""

from __future__ import annotations

import dataclasses
import datetime as dt

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline import model as m
from pipeline.domain import tidplan
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.render.ical import calendar_bytes
from pipeline.render.timetable import forklaring, tidplan_rader

KS = next(n for n in NAMNDER if n.kod == "KS")
AVSTAMNING = next(s for s in KOMMUN.milstolpar if s.datum == dt.date(2021, 10, 7))


def kommun_with(*dates: dt.date) -> m.Kommun:
    return dataclasses.replace(KOMMUN, milstolpar=tuple(
        m.Milstolpe(f"M{i}", d, "Avstämning") for i, d in enumerate(dates)))


def namnd_with(*moten: m.Mote, kod: str = "SN") -> m.Namnd:
    return dataclasses.replace(next(n for n in NAMNDER if n.kod == kod), moten=moten)


# one meeting, once ------------------------------------------------------------------------------

@pytest.mark.parametrize(("mote", "same"), [
    (m.Mote("Avstämning", AVSTAMNING.datum, start=dt.time(9), slut=dt.time(12)), True),
    (m.Mote("Avstämning", AVSTAMNING.datum), True),  # no time: the day decides
    (m.Mote("Avstämning", AVSTAMNING.datum, start=dt.time(11), slut=dt.time(13)), True),
    (m.Mote("Övrigt", AVSTAMNING.datum, beskrivning="Gemensam avstämning i salen"), True),
    (m.Mote("Avstämning", AVSTAMNING.datum, start=dt.time(13), slut=dt.time(15)), False),
    (m.Mote("Avstämning", AVSTAMNING.datum + dt.timedelta(days=1)), False),
    (m.Mote("Pass", AVSTAMNING.datum, 3, beskrivning="Gemensam avstämning"), False),
    (m.Mote("Nämndsmöte", AVSTAMNING.datum, beskrivning="Information"), False),
])
def test_a_meeting_is_the_joint_milestone_on_its_day_time_and_kind(mote, same):
    assert tidplan.samma_mote(mote, AVSTAMNING) is same


def test_ks_own_avstamningar_are_the_joint_ones_in_the_rows_the_grid_and_the_calendar():
    dates = [r.datum for r in tidplan_rader(KOMMUN, KS)]
    assert len(dates) == len(set(dates)) == 7
    joint = {dt.date(2021, 10, 7), dt.date(2021, 12, 9)}
    assert [r.aktivitet for r in tidplan_rader(KOMMUN, KS) if r.datum in joint] == [
        "Gemensam avstämning", "Slutlig avstämning"]
    grid = tidplan.week_grid(KOMMUN, [KS])
    cells = [c for r in grid.rader for c in r.celler if c]
    assert sorted(cells) == sorted(["17", "7", "9", "31", "5", "9", "7"])  # 7 Oct, 9 Dec once
    events = icalendar.Calendar.from_ical(calendar_bytes(KOMMUN, [KS], "KS")).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events if e.decoded("DTSTART").day == 7
            and e.decoded("DTSTART").month == 10] == ["Gemensam avstämning – verksamhetsidé"]


def test_a_meeting_typed_twice_is_one_row_and_one_event():
    day = dt.date(2021, 9, 14)
    twice = namnd_with(m.Mote("Pass", day, 1, dt.time(13), dt.time(16)),
                       m.Mote("Pass", day, 1, dt.time(13), dt.time(16), beskrivning="igen"),
                       m.Mote("Pass", day, 2, dt.time(13), dt.time(16)))
    assert [r.aktivitet for r in tidplan_rader(KOMMUN, twice) if r.datum == day] == [
        "Pass 1", "Pass 2"]
    assert len(calendar_events(calendar_bytes(KOMMUN, [twice, twice], "x"))) == len(
        KOMMUN.milstolpar) + 2


def calendar_events(ics: bytes) -> list[tuple]:
    """Return each event as (start, end, kind), asserting no meeting is there twice."""
    events = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    keys = [(e.decoded("DTSTART"), e.decoded("DTEND"), str(e["SUMMARY"])) for e in events]
    assert len(keys) == len(set(keys)), sorted(keys)
    by_meeting = [(start, summary.split(": ")[-1]) for start, _, summary in keys]
    assert len(by_meeting) == len(set(by_meeting)), sorted(by_meeting)
    return keys


def test_the_example_builds_calendars_hold_each_meeting_once(example_build):
    calendars = [p for p in example_build if p.suffix == ".ics"]
    assert {p.name for p in calendars} == {"tidplan.ics", *(f"tidplan-{n.kod}.ics"
                                                            for n in NAMNDER)}
    joint = {s.datum for s in KOMMUN.milstolpar}
    for path in calendars:
        keys = calendar_events(path.read_bytes())
        for day in joint:  # one event on a joint day, unless a nämnd has a pass then too
            on_day = [k for k in keys if (k[0].date() if isinstance(k[0], dt.datetime)
                                          else k[0]) == day]
            assert len(on_day) == 1, on_day
        text = path.read_text(encoding="utf-8")
        assert "kl. 9.00–12.00" in text.replace("\r\n ", "")
        assert "09.00" not in text and "kl. 9–12" not in text


def test_times_are_written_one_way_in_the_rows():
    times = {r.tid for n in NAMNDER for r in tidplan_rader(KOMMUN, n)}
    assert {"kl. 8.30–12.00", "kl. 9.00–12.00", "kl. 13.00–16.00", "kl. 8.30–11.30", ""} <= times
    assert all(t == "" or t.startswith("kl. ") and t[4] != "0" for t in times)


# months over the weeks of their meetings ------------------------------------------------------

def headings(grid) -> list[tuple[str, str]]:
    return [(v.rubrik, v.manad) for v in grid.veckor]


def test_a_monday_on_the_last_of_the_month_stands_under_its_own_month():
    grid = tidplan.week_grid(kommun_with(dt.date(2021, 5, 31), dt.date(2021, 6, 10)), [])
    assert headings(grid) == [("22", "Maj"), ("23", "Juni")]  # v. 22's Thursday is 3 June


def test_a_week_without_meetings_stands_under_its_thursday():
    grid = tidplan.week_grid(kommun_with(dt.date(2021, 8, 25), dt.date(2021, 9, 8)), [])
    assert headings(grid) == [("34", "Augusti"), ("35", "September"), ("36", "September")]


def test_meetings_on_both_sides_of_a_month_from_different_rows_split_the_week():
    sn = namnd_with(m.Mote("Pass", dt.date(2021, 9, 2), 1))
    grid = tidplan.week_grid(kommun_with(dt.date(2021, 8, 31)), [sn])
    assert headings(grid) == [("35", "Augusti"), ("35", "September")]
    assert [r.celler for r in grid.rader] == [("31", ""), ("", "2")]
    assert grid.manader == (("Augusti", 1), ("September", 1))


def test_week_53_at_the_turn_of_the_year_stands_under_both_years_months():
    grid = tidplan.week_grid(kommun_with(dt.date(2026, 12, 29), dt.date(2027, 1, 2),
                                         dt.date(2027, 1, 7)), [])
    assert [(v.ar, v.nr, v.manad) for v in grid.veckor] == [
        (2026, 53, "December"), (2026, 53, "Januari 2027"), (2027, 1, "Januari 2027")]
    assert grid.rader[0].celler == ("29", "2", "7")


def test_empty_grids():
    empty = dataclasses.replace(KOMMUN, milstolpar=())
    assert tidplan.week_grid(empty, []) == tidplan.Veckoschema((), (), ())
    assert tidplan.week_grid(empty, [namnd_with()], passes=True).veckor == ()
    assert forklaring(tidplan.week_grid(empty, [])) == ""


# collapsed weeks --------------------------------------------------------------------------------

def test_collapsed_weeks_across_months_stand_under_a_heading_of_their_own():
    grid = tidplan.week_grid(KOMMUN, list(NAMNDER))
    gap = grid.veckor[1]
    assert (gap.rubrik, gap.manad, gap.manad_nr) == ("v. 25–32", "", None)
    assert grid.manader[:3] == (("Juni", 1), ("", 1), ("Augusti", 3))


def test_collapsed_weeks_within_one_month_stand_under_it():
    # v. 31–33 of 2021 are 2–22 August
    grid = tidplan.week_grid(kommun_with(dt.date(2021, 7, 30), dt.date(2021, 8, 27)), [])
    assert headings(grid) == [("30", "Juli"), ("v. 31–33", "Augusti"), ("34", "Augusti")]
    assert grid.manader == (("Juli", 1), ("Augusti", 2))


def test_two_empty_weeks_are_not_collapsed_but_three_are():
    two = tidplan.week_grid(kommun_with(dt.date(2021, 9, 1), dt.date(2021, 9, 22)), [])
    assert [v.rubrik for v in two.veckor] == ["35", "36", "37", "38"]
    three = tidplan.week_grid(kommun_with(dt.date(2021, 9, 1), dt.date(2021, 9, 29)), [])
    assert [v.rubrik for v in three.veckor] == ["35", "v. 36–38", "39"]


# the pass rows of a timeline -------------------------------------------------------------------

def test_the_timeline_reaches_pass_5_when_the_nämnd_meets_no_more_after_november():
    early = dataclasses.replace(KOMMUN, milstolpar=KOMMUN.milstolpar[:2])  # up to 7 October
    ktn = namnd_with(m.Mote("Pass", dt.date(2021, 8, 25), 1),
                     m.Mote("Pass", dt.date(2021, 11, 17), 4), kod="KTN")
    grid = tidplan.week_grid(early, [ktn], passes=True)
    assert grid.veckor[-1].nr == 50
    pass5 = grid.rader[-1]
    assert pass5.namn == "Pass 5 (v. 50 →)"
    assert [v.nr for v, c in zip(grid.veckor, pass5.celler, strict=True) if c] == [50]
    assert "■ markerar passens veckor." in forklaring(grid)
    assert tidplan.week_grid(early, [ktn]).veckor[-1].nr == 46  # a plain grid ends with its dates


# the caption -----------------------------------------------------------------------------------

def test_the_caption_says_what_the_numbers_are_in_plain_swedish():
    text = forklaring(tidplan.week_grid(KOMMUN, list(NAMNDER)))
    assert text.startswith("Siffrorna är datum i månaden då mötena hålls.")
    assert "Kolumnen v. 25–32 samlar veckor utan möten." in text
    assert "ISO" not in text and "dagarna i veckan" not in text and "■" not in text
    split = forklaring(tidplan.week_grid(kommun_with(dt.date(2021, 8, 31), dt.date(2021, 9, 2)),
                                         []))
    assert "Vecka 35 står under både augusti och september" in split


# properties over any dates ---------------------------------------------------------------------

dates = st.lists(st.dates(dt.date(2020, 6, 1), dt.date(2022, 6, 30)), min_size=1, max_size=12)


@given(dates, dates)
def test_every_date_stands_once_under_its_own_month_and_week(joint, own):
    sn = namnd_with(*(m.Mote("Övrigt", d) for d in own))
    for passes in (False, True):
        grid = tidplan.week_grid(kommun_with(*joint), [sn], passes=passes)
        assert sum(span for _, span in grid.manader) == len(grid.veckor)
        months = [v.manad_nr for v in grid.veckor if v.manad_nr]
        assert months == sorted(months)  # months never go back
        for row, wanted in zip(grid.rader, (joint, own), strict=False):
            shown = []
            for v, cell in zip(grid.veckor, row.celler, strict=True):
                for day in filter(None, cell.split(", ")):
                    assert v.nr is not None and v.manad_nr
                    match = [d for d in wanted if (d.year, d.month) == v.manad_nr
                             and d.day == int(day) and d.isocalendar()[:2] == (v.ar, v.nr)]
                    assert match, (day, v)
                    shown.append(match[0])
            assert sorted(shown) == sorted(set(wanted))
        weeks = [(v.ar, v.nr) for v in grid.veckor if v.nr]
        assert all(weeks.count(w) <= 2 for w in weeks)
