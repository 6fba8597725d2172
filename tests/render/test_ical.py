"""Calendars a calendar program updates on a new import: UIDs from what identifies a meeting,
revisions (SEQUENCE, DTSTAMP) that rise when an event changes and only then."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline import model as m
from pipeline.cli import main
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.render.ical import EPOCH, TZ, calendar_bytes, revision

SN = next(n for n in NAMNDER if n.kod == "SN")  # passes 1, 3, 4, 5 from 14 September
NOW = dt.datetime(2021, 10, 5, 14, 33, tzinfo=dt.UTC)
LATER = NOW + dt.timedelta(days=1, hours=2)
START_OF_DAY = dt.datetime(2021, 10, 5, tzinfo=TZ)  # NOW's day in Stockholm


def with_moten(*moten: m.Mote, namnd: m.Namnd = SN) -> m.Namnd:
    return dataclasses.replace(namnd, moten=(*namnd.moten, *moten))


# SN with meetings of each unnumbered kind besides its numbered passes
MIXED = with_moten(m.Mote("Nämndsmöte", dt.date(2021, 10, 26), beskrivning="Information"),
                   m.Mote("Nämndsmöte", dt.date(2021, 11, 23), start=dt.time(13)),
                   m.Mote("Övrigt", dt.date(2021, 11, 30), beskrivning="Studiebesök"),
                   m.Mote("Pass", dt.date(2021, 10, 19)))  # a pass without its number


def events(ics: bytes) -> dict[tuple[str, object], icalendar.Event]:
    """Return each event by what a person sees of it: its summary and start."""
    found = {(str(e["SUMMARY"]), e.decoded("DTSTART")): e
             for e in icalendar.Calendar.from_ical(ics).walk("VEVENT")}
    assert len(found) == len(icalendar.Calendar.from_ical(ics).walk("VEVENT"))
    return found


def uids(ics: bytes) -> dict[tuple[str, object], str]:
    return {key: str(e["UID"]) for key, e in events(ics).items()}


def stamps(ics: bytes) -> dict[str, tuple[int, dt.datetime]]:
    """Return each event's (SEQUENCE, DTSTAMP) by UID."""
    return {str(e["UID"]): (int(e["SEQUENCE"]), e.decoded("DTSTAMP"))
            for e in events(ics).values()}


def moved(namnd: m.Namnd, index: int, **changes) -> m.Namnd:
    moten = list(namnd.moten)
    moten[index] = dataclasses.replace(moten[index], **changes)
    return dataclasses.replace(namnd, moten=tuple(moten))


# UIDs ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("extra", [
    m.Mote("Pass", dt.date(2021, 9, 7)),
    m.Mote("Nämndsmöte", dt.date(2021, 9, 7), beskrivning="Information om uppdraget"),
    m.Mote("Övrigt", dt.date(2021, 9, 7), start=dt.time(9), beskrivning="Studiebesök"),
    m.Mote("Uppstart", dt.date(2021, 9, 7)),
    m.Mote("Pass", dt.date(2021, 9, 7), 2),  # pass 2 has no meeting of its own yet
], ids=["pass-utan-nummer", "namndsmote", "ovrigt", "uppstart", "pass-2"])
def test_a_meeting_added_before_the_first_pass_leaves_every_uid_on_its_event(extra):
    before = uids(calendar_bytes(KOMMUN, [MIXED], "SN", now=NOW))
    after = uids(calendar_bytes(KOMMUN, [with_moten(extra, namnd=MIXED)], "SN", now=NOW))
    assert after.items() >= before.items()
    (added,) = set(after) - set(before)
    assert after[added] not in before.values()


def test_a_milestone_added_before_the_first_or_after_one_of_its_name_takes_no_uid():
    before = uids(calendar_bytes(KOMMUN, [SN], "SN", now=NOW))
    kommun = dataclasses.replace(KOMMUN, milstolpar=(
        m.Milstolpe("Information till presidierna", dt.date(2021, 6, 3)),
        *KOMMUN.milstolpar, m.Milstolpe("Gemensam avstämning", dt.date(2021, 11, 4))))
    after = uids(calendar_bytes(kommun, [SN], "SN", now=NOW))
    assert after.items() >= before.items()
    assert len(set(after.values())) == len(before) + 2
    assert "gemensamt-gemensam-avstamning-20211104@timra-kommun.underlag" in after.values()


def test_a_moved_numbered_pass_keeps_its_uid():
    pass_3 = next(i for i, x in enumerate(SN.moten) if x.pass_nr == 3)
    assert SN.moten[pass_3].datum == dt.date(2021, 10, 12)
    before = calendar_bytes(KOMMUN, [SN], "SN", now=NOW)
    after = calendar_bytes(KOMMUN, [moved(SN, pass_3, datum=dt.date(2021, 10, 14))], "SN",
                           now=NOW)
    assert sorted(uids(before).values()) == sorted(uids(after).values())
    assert [uid for (summary, start), uid in uids(after).items() if "Pass 3" in summary] == [
        "sn-pass-3-1@timra-kommun.underlag"]
    assert [start.date() for (summary, start) in uids(after) if "Pass 3" in summary] == [
        dt.date(2021, 10, 14)]


def test_two_unnumbered_meetings_of_one_kind_get_distinct_stable_uids():
    ids = uids(calendar_bytes(KOMMUN, [MIXED], "SN", now=NOW))
    meetings = sorted(uid for (summary, _), uid in ids.items() if "Nämndsmöte" in summary)
    assert meetings == ["sn-namndsmote-20211026@timra-kommun.underlag",
                           "sn-namndsmote-20211123@timra-kommun.underlag"]
    same_day = with_moten(m.Mote("Nämndsmöte", dt.date(2021, 11, 23), start=dt.time(15)),
                          m.Mote("Nämndsmöte", dt.date(2021, 11, 2)), namnd=MIXED)
    more = uids(calendar_bytes(KOMMUN, [same_day], "SN", now=NOW))
    assert more.items() >= ids.items()
    assert "sn-namndsmote-20211123-1500@timra-kommun.underlag" in more.values()
    assert len(set(more.values())) == len(more)


def test_an_unnumbered_meeting_that_moves_is_a_new_event():
    """The chosen rule: only its date tells a meeting of a shared kind apart (render/ical.py)."""
    index = MIXED.moten.index(next(x for x in MIXED.moten if x.typ == "Övrigt"))
    before = uids(calendar_bytes(KOMMUN, [MIXED], "SN", now=NOW))
    after = uids(calendar_bytes(KOMMUN, [moved(MIXED, index, datum=dt.date(2021, 12, 1))], "SN",
                                now=NOW))
    assert set(before.values()) - set(after.values()) == {
        "sn-ovrigt-20211130@timra-kommun.underlag"}
    assert set(after.values()) - set(before.values()) == {
        "sn-ovrigt-20211201@timra-kommun.underlag"}


def test_a_second_session_of_a_pass_gets_its_date_and_the_first_keeps_its_uid():
    before = uids(calendar_bytes(KOMMUN, [SN], "SN", now=NOW))
    two = with_moten(m.Mote("Pass", dt.date(2021, 10, 19), 3, dt.time(9)))
    after = uids(calendar_bytes(KOMMUN, [two], "SN", now=NOW))
    assert after.items() >= before.items()
    assert sorted(uid for (summary, _), uid in after.items() if "Pass 3" in summary) == [
        "sn-pass-3-1@timra-kommun.underlag", "sn-pass-3-20211019@timra-kommun.underlag"]


def test_an_event_is_the_same_in_the_nämnd_calendar_and_the_kommun_calendar():
    own = events(calendar_bytes(KOMMUN, [SN], "SN", now=NOW))
    every = events(calendar_bytes(KOMMUN, list(NAMNDER), "Alla", now=NOW))
    for key, event in own.items():
        assert every[key].to_ical() == event.to_ical()  # UID, revision and content


# revisions -----------------------------------------------------------------------------------


def test_a_new_calendar_is_stamped_with_the_start_of_the_build_day():
    ics = calendar_bytes(KOMMUN, [SN], "SN", now=NOW)
    assert set(stamps(ics).values()) == {(revision(START_OF_DAY), START_OF_DAY)}
    assert revision(START_OF_DAY) == (START_OF_DAY - EPOCH).total_seconds() // 60
    assert "DTSTAMP:20211004T220000Z" in ics.decode()
    assert calendar_bytes(KOMMUN, [SN], "SN", now=NOW + dt.timedelta(hours=5)) == ics


def test_a_changed_event_gets_a_higher_sequence_and_a_new_dtstamp_and_the_others_keep_theirs():
    first = calendar_bytes(KOMMUN, [SN], "SN", now=NOW)
    pass_4 = next(i for i, x in enumerate(SN.moten) if x.pass_nr == 4)
    changed = moved(SN, pass_4, plats="Stadshuset, rum 3")
    second = calendar_bytes(KOMMUN, [changed], "SN", previous=first, now=LATER)
    before, after = stamps(first), stamps(second)
    uid = "sn-pass-4-1@timra-kommun.underlag"
    assert after[uid][0] > before[uid][0]
    assert after[uid] == (revision(LATER), LATER.replace(second=0))
    assert {k: v for k, v in after.items() if k != uid} == {
        k: v for k, v in before.items() if k != uid}
    unchanged = [e.to_ical() for e in events(first).values() if str(e["UID"]) != uid]
    assert unchanged == [e.to_ical() for e in events(second).values() if str(e["UID"]) != uid]


def test_rendered_again_from_its_own_file_a_calendar_is_the_same_bytes():
    first = calendar_bytes(KOMMUN, list(NAMNDER), "Alla", now=NOW)
    assert calendar_bytes(KOMMUN, list(NAMNDER), "Alla", previous=first, now=LATER) == first


def test_a_revision_never_goes_back():
    first = calendar_bytes(KOMMUN, [SN], "SN", now=LATER)
    pass_5 = next(i for i, x in enumerate(SN.moten) if x.pass_nr == 5)
    changed = moved(SN, pass_5, slut=dt.time(17))
    # a clock that went back, or two changes in one minute: still one more
    again = stamps(calendar_bytes(KOMMUN, [changed], "SN", previous=first, now=NOW))
    uid = "sn-pass-5-1@timra-kommun.underlag"
    assert again[uid][0] == stamps(first)[uid][0] + 1
    # build/ emptied: the next day's new calendar is later than every revision before it
    later = calendar_bytes(KOMMUN, [SN], "SN", previous=first, now=LATER + dt.timedelta(hours=20))
    wiped = calendar_bytes(KOMMUN, [SN], "SN", now=LATER + dt.timedelta(days=1))
    assert min(s for s, _ in stamps(wiped).values()) > max(s for s, _ in stamps(later).values())


def test_a_previous_file_that_is_no_calendar_or_lacks_the_hashes_starts_afresh():
    fresh = calendar_bytes(KOMMUN, [SN], "SN", now=NOW)
    assert calendar_bytes(KOMMUN, [SN], "SN", previous=b"\x00 ingen kalender", now=NOW) == fresh
    # a file of an earlier version: no SEQUENCE and no hash, so each event is updated once
    old = b"\r\n".join(line for line in fresh.split(b"\r\n")
                       if not line.startswith((b"SEQUENCE", b"X-UNDERLAG-CONTENT")))
    assert {s for s, _ in stamps(calendar_bytes(KOMMUN, [SN], "SN", previous=old,
                                                now=LATER)).values()} == {revision(LATER)}


# a build -------------------------------------------------------------------------------------


def bygg(inputs: Path, *args: str) -> None:
    result = CliRunner().invoke(main, ["bygg", "--inputs", str(inputs), "--build",
                                       str(inputs.parent / "build"), *args],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output


def test_a_build_after_a_pass_moved_updates_that_event_and_a_forced_one_changes_no_byte(inputs):
    build = inputs.parent / "build"
    bygg(inputs)
    calendars = sorted(build.rglob("*.ics"))
    before = {p: p.read_bytes() for p in calendars}
    wb = load_workbook(inputs / "SN.xlsx")
    sheet = wb["Tidplan"]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == 3)  # Pass 3, 12 October
    row[2].value = dt.datetime(2021, 10, 14)
    wb.save(inputs / "SN.xlsx")
    bygg(inputs)
    uid = "sn-pass-3-1@timra-kommun.underlag"
    for path in (build / "SN/tidplan-SN.ics", build / "tidplan.ics"):
        old, new = stamps(before[path]), stamps(path.read_bytes())
        assert set(new) == set(old)
        assert new[uid][0] > old[uid][0] and new[uid][1] > old[uid][1]
        assert {k: v for k, v in new.items() if k != uid} == {
            k: v for k, v in old.items() if k != uid}
    assert stamps((build / "tidplan.ics").read_bytes())[uid] == stamps(
        (build / "SN/tidplan-SN.ics").read_bytes())[uid]
    assert all(before[p] == p.read_bytes() for p in calendars if "SN" not in p.name
               and p.name != "tidplan.ics")
    made = {p: p.read_bytes() for p in calendars}
    bygg(inputs, "--alla")
    assert {p: p.read_bytes() for p in calendars} == made
