"""Calendar files (RFC 5545) of every meeting, in Europe/Stockholm time, with stable UIDs."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from zoneinfo import ZoneInfo

from .. import model as m
from .. import svenska
from ..domain import tidplan
from ..output import FIXED_TIME

TZ = ZoneInfo("Europe/Stockholm")
DTSTAMP = FIXED_TIME  # fixed, so equal inputs give equal files
PRODID = "-//underlag//Verksamhetsidé//SV"
DEFAULT_LENGTH = dt.timedelta(hours=1)


def slug(text: str) -> str:
    """Return text as a lower-case ASCII identifier: "Gemensam avstämning" -> "gemensam-avstamning"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def _event(uid: str, summary: str, datum: dt.date, start: dt.time | None, slut: dt.time | None,
           plats: str, beskrivning: str):
    from icalendar import Event

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", DTSTAMP)
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


def _namnd_events(kommun: m.Kommun, namnd: m.Namnd, domain: str) -> list:
    """Return one event per meeting; its UID stays when the date moves, so re-import updates it.

    A meeting that is a joint milestone (KS's own row for the avstämning) is the milestone's
    event, not a second one.
    """
    seen: Counter = Counter()
    events = []
    for mote in tidplan.egna_moten(kommun, namnd):
        what = mote.namn
        kind = slug(what)  # "pass-3", "avstamning"
        seen[kind] += 1
        uid = f"{slug(namnd.kod)}-{kind}-{seen[kind]}@{domain}"
        text = mote.beskrivning or what
        description = f"{text}\n\n{namnd.namn}s utvecklingsgrupp: arbetet med verksamhetsidén."
        events.append(_event(uid, f"{namnd.kod}: {what} – verksamhetsidé", mote.datum, mote.start,
                             mote.slut, mote.plats, description))
    return events


def _joint_events(kommun: m.Kommun, domain: str) -> list:
    seen: Counter = Counter()
    events = []
    for ms in sorted(kommun.milstolpar, key=lambda x: x.datum):
        seen[slug(ms.benamning)] += 1
        uid = f"gemensamt-{slug(ms.benamning)}-{seen[slug(ms.benamning)]}@{domain}"
        description = (ms.beskrivning + "\n\n" if ms.beskrivning else "") + (
            "Gemensam milstolpe för alla nämnders utvecklingsgrupper.")
        events.append(_event(uid, f"{ms.benamning} – verksamhetsidé", ms.datum, ms.start, ms.slut,
                             ms.plats, description))
    return events


def calendar_bytes(kommun: m.Kommun, namnder: list[m.Namnd], title: str) -> bytes:
    """Return an .ics file with the joint milestones and these nämnders' meetings."""
    from icalendar import Calendar

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
