"""The meeting a deck is made for: the next joint milestone after the build date, or the one
the user chose (`underlag bygg --mote 2021-12-09`). Both decks' contexts call `mote()`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import model as m
from .. import svenska
from ..diagnostics import UnderlagError


class UnknownMeeting(UnderlagError):
    """A chosen meeting date that is no joint milestone in the kommun workbook."""

    exit_code = 2  # a usage error, as click's own


@dataclass(frozen=True, slots=True)
class GemensamtMote:
    """A joint meeting as the decks name it: "Avstämning 7 oktober 2021"."""

    benamning: str  # the milestone's own name: "Gemensam avstämning"
    typ: str = ""
    datum: dt.date | None = None
    start: dt.time | None = None
    slut: dt.time | None = None
    plats: str = ""
    beskrivning: str = ""
    # what the meeting is for, in the planning document's order: "uppstart", "avstamning" (a
    # first avstämning: the proposals so far), "slutlig" (the last one: dialog och kvittens),
    # "beslut", or "ovrigt"
    fas: str = "ovrigt"

    @property
    def namn(self) -> str:
        """Return what kind of meeting it is: the milestone's type, else its name."""
        return self.typ if self.typ and self.typ != "Övrigt" else self.benamning

    @property
    def datum_text(self) -> str:
        """Return the date in Swedish: "7 oktober 2021" (empty without a date)."""
        return svenska.datum(self.datum) if self.datum else ""

    @property
    def rubrik(self) -> str:
        """Return the meeting and its date: "Avstämning 7 oktober 2021"."""
        return f"{self.namn} {self.datum_text}".strip()

    @property
    def detaljer(self) -> str:
        """Return the milestone's name (when it says more than the type), time and place."""
        parts = [self.benamning if self.benamning.lower() != self.namn.lower() else "",
                 svenska.klockslag(self.start, self.slut) if self.start else "", self.plats]
        return " · ".join(p for p in parts if p)

    def __str__(self) -> str:
        return self.rubrik


NO_MEETING = GemensamtMote("Underlag")  # a kommun workbook without milestones


def choose(kommun: m.Kommun, today: dt.date, chosen: dt.date | None = None) -> m.Milstolpe | None:
    """Return the joint milestone a build's decks are for: the chosen date's; else the first on
    or after `today`; else, when all have passed, the last one. None without milestones.
    Raise UnknownMeeting when the chosen date is no milestone."""
    milestones = sorted(kommun.milstolpar, key=lambda ms: ms.datum)
    if chosen is not None:
        found = next((ms for ms in milestones if ms.datum == chosen), None)
        if found is None:
            raise UnknownMeeting(unknown_message(chosen, milestones))
        return found
    return next((ms for ms in milestones if ms.datum >= today),
                milestones[-1] if milestones else None)


def unknown_message(chosen: dt.date, milestones: list[m.Milstolpe]) -> str:
    """Return the Swedish usage error for a date that is no joint milestone."""
    text = (f"Ogiltigt värde för '--mote': {chosen.isoformat()} ({svenska.datum(chosen)}) är "
            "inget gemensamt möte i kommunarbetsbokens flik Milstolpar.")
    if not milestones:
        return text + " Fliken har inga milstolpar."
    choices = ", ".join(f"{ms.datum.isoformat()} ({ms.benamning})" for ms in milestones)
    return f"{text} Välj ett av: {choices}."


def mote(kommun: m.Kommun, today: dt.date | None = None, chosen: dt.date | None = None) -> GemensamtMote:
    """Return the meeting a deck is for (see `choose`), as the decks' `mote`."""
    found = choose(kommun, today or dt.date.today(), chosen)
    if found is None:
        return NO_MEETING
    return GemensamtMote(found.benamning, found.typ, found.datum, found.start, found.slut,
                         found.plats, found.beskrivning, purpose(kommun, found))


def purpose(kommun: m.Kommun, milestone: m.Milstolpe) -> str:
    """Return what a joint milestone is for (`GemensamtMote.fas`): its type, and for an
    avstämning whether it is the last of two or more (the slutlig avstämning)."""
    if milestone.typ == "Uppstart":
        return "uppstart"
    if milestone.typ == "Beslut":
        return "beslut"
    if milestone.typ == "Avstämning":
        dates = sorted(ms.datum for ms in kommun.milstolpar if ms.typ == "Avstämning")
        return "slutlig" if len(dates) > 1 and milestone.datum == dates[-1] else "avstamning"
    return "ovrigt"

