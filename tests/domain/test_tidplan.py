"""The timetable: the week grid against the planning document, ISO weeks, calendars, checks."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest

from pipeline import model as m
from pipeline.diagnostics import sort_key
from pipeline.domain import tidplan
from pipeline.domain.checks import check_namnd
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.read import schema
from pipeline.read.blank_workbook import write_workbook
from pipeline.read.workbook import read_workbook
from pipeline.render.ical import calendar_bytes

# The planning document's "Övergripande arbetsprocess och tidplan", row by row: week -> day.
# (Its KS – egen row is the one typed under the wrong weeks, and it repeats the joint 7 October
# and 9 December; it is compared below.)
PLANNING_DOCUMENT = {
    "SN": {37: "14", 41: "12", 46: "16", 50: "14"},
    "BUN": {37: "15", 43: "27", 47: "24", 50: "15"},
    "KTN": {34: "25", 41: "13", 48: "1"},
    "MBN": {33: "16", 37: "13", 41: "11", 46: "15", 50: "13"},
    "KS – samordning": {24: "17", 40: "7", 49: "9"},
}


@pytest.fixture(scope="module")
def grid() -> tidplan.Veckoschema:
    return tidplan.week_grid(KOMMUN, list(NAMNDER))


def row(grid, name: str) -> dict[int, str]:
    found = next(r for r in grid.rader if r.namn == name)
    return {v.nr: c for v, c in zip(grid.veckor, found.celler, strict=True) if c}


@pytest.mark.parametrize("name", PLANNING_DOCUMENT)
def test_the_grid_equals_the_planning_document_cell_for_cell(grid, name):
    assert row(grid, name) == PLANNING_DOCUMENT[name]


def test_the_grid_runs_from_the_first_to_the_last_date_with_the_summer_collapsed(grid):
    assert [v.rubrik for v in grid.veckor] == ["24", "v. 25–32", *map(str, range(33, 51))]
    assert [r.namn for r in grid.rader] == ["KS – samordning", "KS – egen", "SN", "BUN", "KTN",
                                            "MBN"]
    # KS's own avstämningar on 7 October and 9 December are the joint ones: shown once, jointly
    assert row(grid, "KS – egen") == {35: "31", 40: "5", 45: "9", 49: "7"}


def test_months_stand_over_the_weeks_of_their_meetings(grid):
    # v. 35 (30 aug–5 sep) holds only 31 August: under Augusti, as the planning document has it;
    # the summer's collapsed weeks (21 June–15 August) stand under a heading of their own
    assert grid.manader == (("Juni", 1), ("", 1), ("Augusti", 3), ("September", 4),
                            ("Oktober", 4), ("November", 4), ("December", 3))
    assert sum(span for _, span in grid.manader) == len(grid.veckor)


def kommun_with(*dates: dt.date) -> m.Kommun:
    return dataclasses.replace(KOMMUN, milstolpar=tuple(
        m.Milstolpe(f"M{i}", d, "Avstämning") for i, d in enumerate(dates)))


def test_weeks_53_and_52_and_the_turn_of_the_year():
    grid = tidplan.week_grid(kommun_with(dt.date(2020, 12, 28), dt.date(2021, 1, 4)), [])
    assert [(v.ar, v.nr, v.manad) for v in grid.veckor] == [
        (2020, 53, "December"), (2021, 1, "Januari 2021")]
    grid = tidplan.week_grid(kommun_with(dt.date(2021, 12, 27), dt.date(2022, 1, 2),
                                         dt.date(2022, 1, 3)), [])
    # Sunday 2 January is in week 52: the week stands under both months, each day in its own
    assert [(v.nr, v.manad) for v in grid.veckor] == [
        (52, "December"), (52, "Januari 2022"), (1, "Januari 2022")]
    assert grid.rader[0].celler == ("27", "2", "3")
    assert grid.manader == (("December", 1), ("Januari 2022", 2))


def test_a_week_with_meetings_in_two_months_is_a_column_under_each():
    grid = tidplan.week_grid(kommun_with(dt.date(2021, 8, 31), dt.date(2021, 9, 3)), [])
    assert [(v.nr, v.manad) for v in grid.veckor] == [(35, "Augusti"), (35, "September")]
    assert grid.rader[0].celler == ("31", "3")


def test_collapsed_weeks_never_move_a_meeting():
    dates = [dt.date(2021, 6, 17), dt.date(2021, 9, 14), dt.date(2021, 9, 28)]
    grid = tidplan.week_grid(kommun_with(*dates), [])
    cells = dict(zip((v.rubrik for v in grid.veckor), grid.rader[0].celler, strict=True))
    assert cells == {"24": "17", "v. 25–36": "", "37": "14", "38": "", "39": "28"}


def test_the_timeline_keeps_every_week_of_the_pass_periods():
    grid = tidplan.week_grid(KOMMUN, [NAMNDER[1]], passes=True)
    marked = {r.namn: [v.nr for v, c in zip(grid.veckor, r.celler, strict=True) if c == "■"]
              for r in grid.rader if r.namn.startswith("Pass")}
    assert marked == {"Pass 1–2 (v. 33–39)": list(range(33, 40)),
                      "Pass 3–4 (v. 41–48)": list(range(41, 49)),
                      "Pass 5 (v. 50 →)": [50]}


def test_the_calendar_carries_every_meeting_in_stockholm_time():
    cal = icalendar.Calendar.from_ical(calendar_bytes(KOMMUN, list(NAMNDER), "Tidplan"))
    events = cal.walk("VEVENT")
    # KS's own rows for the joint 7 October and 9 December are the joint events
    assert len(events) == len(KOMMUN.milstolpar) + sum(len(n.moten) for n in NAMNDER) - 2
    assert len({str(e["UID"]) for e in events}) == len(events)
    stockholm = ZoneInfo("Europe/Stockholm")
    by_summary = {str(e["SUMMARY"]): e for e in events}
    uppstart = by_summary["Gemensam uppstart – verksamhetsidé"].decoded("DTSTART")
    assert uppstart == dt.datetime(2021, 6, 17, 8, 30, tzinfo=stockholm)
    assert uppstart.utcoffset() == dt.timedelta(hours=2)  # summer time
    sn_pass5 = by_summary["SN: Pass 5 – verksamhetsidé"]
    start = sn_pass5.decoded("DTSTART")
    assert (start.date(), start.hour, start.utcoffset()) == (dt.date(2021, 12, 14), 13,
                                                              dt.timedelta(hours=1))
    assert str(sn_pass5["LOCATION"]).startswith("Kommunhuset")
    assert cal.walk("VTIMEZONE")[0]["TZID"] == "Europe/Stockholm"


def test_a_moved_meeting_keeps_its_uid_so_importing_again_updates_it():
    sn = NAMNDER[1]
    moved = dataclasses.replace(sn, moten=(dataclasses.replace(sn.moten[0],
                                                               datum=dt.date(2021, 9, 21)),
                                           *sn.moten[1:]))
    uids = [[str(e["UID"]) for e in icalendar.Calendar.from_ical(
        calendar_bytes(KOMMUN, [n], "x")).walk("VEVENT")] for n in (sn, moved)]
    assert uids[0] == uids[1]
    assert calendar_bytes(KOMMUN, [sn], "x") == calendar_bytes(KOMMUN, [sn], "x")


def warnings_for(tmp_path, namnd: m.Namnd) -> list[str]:
    path = tmp_path / "SN.xlsx"
    write_workbook(schema.NAMND, path, namnd)
    result = read_workbook(path)
    check_namnd(result, KOMMUN)
    return [str(d) for d in sorted(result.diagnostics, key=sort_key)]  # as users see them


def test_timetable_checks_warn_with_the_cell(tmp_path):
    sn = NAMNDER[1]
    moten = (
        m.Mote("Pass", dt.date(2021, 10, 5), pass_nr=2),  # v. 40: outside v. 33–39
        m.Mote("Pass", dt.date(2021, 12, 25), pass_nr=5),  # juldagen, a Saturday
        m.Mote("Nämndsmöte", dt.date(2022, 5, 10)),  # after the assignment
    )
    assert warnings_for(tmp_path, dataclasses.replace(sn, moten=moten)) == [
        "Varning: SN.xlsx › Tidplan: Nämnden har inget möte mellan avstämningarna 7 oktober 2021 "
        "och 9 december 2021. Planera in ett arbetspass däremellan.",
        "Varning: SN.xlsx › Tidplan!C2: Pass 2 den 5 oktober 2021 ligger i v. 40, utanför veckorna "
        "för pass 1–2 (v. 33–39). Flytta mötet eller rätta passets nummer.",
        "Varning: SN.xlsx › Tidplan!C3: Mötet den 25 december 2021 infaller på juldagen (helgdag). "
        "Kontrollera datumet.",
        "Varning: SN.xlsx › Tidplan!C4: Mötet den 10 maj 2022 ligger utanför uppdragets tid, "
        "17 juni 2021–31 mars 2022. Kontrollera datumet.",
    ]


def test_the_examples_pass_the_timetable_checks(tmp_path):
    assert warnings_for(tmp_path, NAMNDER[1]) == []
