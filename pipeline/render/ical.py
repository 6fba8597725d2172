"""Calendar files (RFC 5545) of every meeting, in Europe/Stockholm time, that a calendar program
updates when they are imported again.

UIDs. An event's UID is what identifies its meeting in the workbooks, never its place in a list,
so adding a meeting hands no other event's UID away:
- a numbered pass, by the nämnd's code and the number: "sn-pass-3-1" (the first session of
  pass 3, as earlier versions named it, so that calendars they filled stay linked). It keeps its
  UID when it moves.
- a joint milestone, by its benämning: "gemensamt-gemensam-avstamning-1". It keeps its UID when
  it moves.
- any other meeting, by code, type and date: "sn-namndsmote-20211104". Its type is a category
  from a drop-down that several meetings share, and its description is free text edited for
  other reasons, so only the date tells it apart: moved, it is a new event, and the old one
  stays in a calendar it was imported into until it is removed there.
A second meeting of the same identity (a pass in two sessions, two milestones of one name, two
meetings of one kind on one day) gets its date added, then its start time; the first in date
order keeps the plain UID. UIDs depend on the workbooks alone: an event has the same UID in
tidplan-KOD.ics and in tidplan.ics, so importing both into one calendar gives it once.

Revisions. SEQUENCE and DTSTAMP change when an event's content does, so that a new import
updates it. Both are one number, the event's revision: minutes since 2000-01-01 UTC (SEQUENCE
is the number, DTSTAMP that moment). The previous revisions are read from the file being
replaced, where each event carries a hash of its content (X-UNDERLAG-CONTENT): an unchanged
event keeps its revision; a changed one gets the moment of the build, and at least one more
than before; an event the file lacks (every event, in a new or emptied build folder) gets the
start of the build's date in Stockholm. The state is the file itself, not the manifest or a
file beside it: each job reads only its own target, so parallel workers share nothing, an output
a build skips keeps its state with its bytes, and an atomic write never leaves half of either.
So an unchanged calendar is the same bytes, rendered
again or not; two fresh builds on one day are equal; and a revision never goes back, even when
build/ is emptied, since a later day's start is later than any earlier revision. The one gap:
build/ emptied on the day an event's change was imported gives the event a lower revision than
the calendar holds, so a further change in that first build is not taken (the next one is, at
the moment of its build).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from .. import model as m
from .. import svenska
from ..domain import tidplan

TZ = ZoneInfo("Europe/Stockholm")
EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # a revision counts minutes from here
CONTENT = "X-UNDERLAG-CONTENT"  # an event's content hash, which the next build compares
PRODID = "-//underlag//Verksamhetsidé//SV"
DEFAULT_LENGTH = dt.timedelta(hours=1)


def slug(text: str) -> str:
    """Return text as a lower-case ASCII identifier: "Gemensam avstämning" -> "gemensam-avstamning"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def _event(uid: str, summary: str, datum: dt.date, start: dt.time | None, slut: dt.time | None,
           plats: str, beskrivning: str):
    """Return an event with its content only: no revision yet."""
    from icalendar import Event

    event = Event()
    event.add("uid", uid)
    event.add("summary", summary)
    if start is None:
        event.add("dtstart", datum)
        event.add("dtend", datum + dt.timedelta(days=1))
    else:
        begins = dt.datetime.combine(datum, start, TZ)
        ends = dt.datetime.combine(datum, slut, TZ) if slut and slut > start else begins + DEFAULT_LENGTH
        event.add("dtstart", begins)
        event.add("dtend", ends)
    if plats:
        event.add("location", plats)
    when = ", ".join(filter(None, (svenska.datum(datum), svenska.klockslag(start, slut))))
    event.add("description", f"{when}\n\n{beskrivning}" if beskrivning else when)
    return event


def _candidates(stem: str, datum: dt.date, start: dt.time | None, first: str = "") -> list[str]:
    """Return the identifiers a meeting may take, the plainest first: `first` if given, then
    the stem with the date, then with the start time too ("sn-pass-3-20211019-1300")."""
    day = f"{stem}-{datum:%Y%m%d}"
    return [*filter(None, [first]), day, f"{day}-{start:%H%M}" if start else f"{day}-heldag"]


def _distinct(names: Iterable[list[str]]) -> list[str]:
    """Return one identifier per meeting, given in date order by its candidates: the first one
    that no meeting before it has taken, else the last with a counter."""
    taken: set[str] = set()
    out = []
    for options in names:
        found = next((c for c in options if c not in taken), "")
        n = 2
        while not found or found in taken:  # one of a kind, day and time typed twice
            found, n = f"{options[-1]}-{n}", n + 1
        taken.add(found)
        out.append(found)
    return out


def _namnd_events(kommun: m.Kommun, namnd: m.Namnd, domain: str) -> list:
    """Return one event per meeting, each with its UID (module docstring).

    A meeting that is a joint milestone (KS's own row for the avstämning) is the milestone's
    event, not a second one.
    """
    moten = tidplan.egna_moten(kommun, namnd)
    kod = slug(namnd.kod)

    def names(mote: m.Mote) -> list[str]:
        if mote.typ == m.PASS and mote.pass_nr:
            stem = f"{kod}-pass-{mote.pass_nr}"
            return _candidates(stem, mote.datum, mote.start, first=f"{stem}-1")
        return _candidates(f"{kod}-{slug(mote.typ)}", mote.datum, mote.start)

    ids = _distinct(map(names, moten))
    events = []
    for mote, uid in zip(moten, ids, strict=True):
        what = mote.namn
        text = mote.beskrivning or what
        description = f"{text}\n\n{namnd.namn}s utvecklingsgrupp: arbetet med verksamhetsidén."
        events.append(_event(f"{uid}@{domain}", f"{namnd.kod}: {what} – verksamhetsidé",
                             mote.datum, mote.start, mote.slut, mote.plats, description))
    return events


def _joint_events(kommun: m.Kommun, domain: str) -> list:
    """Return one event per joint milestone, identified by its benämning (module docstring)."""
    milstolpar = sorted(kommun.milstolpar, key=lambda x: (x.datum, x.start or dt.time()))
    stems = [f"gemensamt-{slug(ms.benamning or ms.typ)}" for ms in milstolpar]
    ids = _distinct(_candidates(stem, ms.datum, ms.start, first=f"{stem}-1")
                   for stem, ms in zip(stems, milstolpar, strict=True))
    events = []
    for ms, uid in zip(milstolpar, ids, strict=True):
        description = (ms.beskrivning + "\n\n" if ms.beskrivning else "") + (
            "Gemensam milstolpe för alla nämnders utvecklingsgrupper.")
        events.append(_event(f"{uid}@{domain}", f"{ms.benamning} – verksamhetsidé", ms.datum,
                             ms.start, ms.slut, ms.plats, description))
    return events


def revision(moment: dt.datetime) -> int:
    """Return the revision of a moment: whole minutes since 2000-01-01 UTC."""
    return int((moment - EPOCH).total_seconds() // 60)


def revisions(previous: bytes | None) -> dict[str, tuple[str, int]]:
    """Return each event's content hash and revision in a calendar file this module wrote
    (empty when there is none, or it cannot be read): UID -> (hash, revision)."""
    if not previous:
        return {}
    from icalendar import Calendar

    try:
        events = Calendar.from_ical(previous).walk("VEVENT")
        return {str(e["UID"]): (str(e.get(CONTENT, "")), int(e.get("SEQUENCE", 0)))
                for e in events if "UID" in e}
    except (ValueError, KeyError, TypeError):  # not a calendar: every event starts afresh
        return {}


def _revise(event, known: dict[str, tuple[str, int]], now: dt.datetime) -> None:
    """Add the event's revision (SEQUENCE, DTSTAMP) and its content hash, the revision
    following on from the file it replaces (module docstring)."""
    content = hashlib.sha256(event.to_ical()).hexdigest()[:16]
    before = known.get(str(event["uid"]))
    if before is None:
        day = now.astimezone(TZ).date()
        number = revision(dt.datetime.combine(day, dt.time(), TZ))
    elif before[0] == content:
        number = before[1]
    else:
        number = max(before[1] + 1, revision(now))
    event.add("dtstamp", EPOCH + dt.timedelta(minutes=number))
    event.add("sequence", number)
    event.add(CONTENT, content)


def calendar_bytes(kommun: m.Kommun, namnder: list[m.Namnd], title: str,
                   previous: bytes | None = None, now: dt.datetime | None = None) -> bytes:
    """Return an .ics file with the joint milestones and these nämnders' meetings, its events'
    revisions following on from `previous`, the file it replaces, as of `now` (the clock)."""
    from icalendar import Calendar

    now = now or dt.datetime.now(dt.UTC)
    known = revisions(previous)
    domain = f"{slug(kommun.namn)}.underlag"
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", title)
    cal.add("x-wr-timezone", "Europe/Stockholm")
    cal.add_component(_stockholm())
    uids = set()
    for event in [*_joint_events(kommun, domain),
                  *(e for namnd in namnder for e in _namnd_events(kommun, namnd, domain))]:
        if str(event["uid"]) not in uids:  # a nämnd given twice is still one set of events
            uids.add(str(event["uid"]))
            _revise(event, known, now)
            cal.add_component(event)
    return cal.to_ical()


def _stockholm():
    """Return Europe/Stockholm as calendar programs write it: CET/CEST with the EU rules."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    tz = Timezone()
    tz.add("tzid", "Europe/Stockholm")
    for part, name, start, offsets, month in (
        (TimezoneDaylight(), "CEST", dt.datetime(1970, 3, 29, 2), (1, 2), 3),
        (TimezoneStandard(), "CET", dt.datetime(1970, 10, 25, 3), (2, 1), 10),
    ):
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", dt.timedelta(hours=offsets[0]))
        part.add("tzoffsetto", dt.timedelta(hours=offsets[1]))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        tz.add_component(part)
    return tz
