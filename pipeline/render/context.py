"""What a template sees: the names and filters available in {{ … }}, built from the model."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .. import model as m
from .. import svenska


@dataclass(frozen=True, slots=True)
class TidplanRad:
    """One row of the process timetable in a beslutsunderlag."""

    datum: dt.date
    tid: str
    aktivitet: str
    plats: str


class Filters:
    """Template filters; those that name nämnder look them up in the kommun's register."""

    def __init__(self, kommun: m.Kommun) -> None:
        self.names = {n.kod: n.namn for n in kommun.namnder}

    def as_dict(self) -> dict:
        """Return the filters by the names templates use."""
        return {
            "datum": svenska.datum,
            "kort_datum": svenska.kort_datum,
            "vecka": svenska.vecka,
            "tid": svenska.tid,
            "klockslag": svenska.klockslag,
            "lista": svenska.lista,
            "stycken": stycken,
            "part": self.part,
            "namnder": self.namnder,
        }

    def part(self, beroende: m.Beroende) -> str:
        """Return who a dependency is with: "Socialnämnden (SN)" or the stakeholder's name."""
        if beroende.namnd:
            name = self.names.get(beroende.namnd)
            return f"{name} ({beroende.namnd})" if name else beroende.namnd
        return beroende.intressent

    def namnder(self, text: str) -> str:
        """Return a text where nämnd codes standing alone are written out as names."""
        def expand(match: re.Match) -> str:
            return self.names.get(match[0], match[0])

        return re.sub(r"\b[A-ZÅÄÖ][A-ZÅÄÖ0-9]{0,9}\b", expand, text)


def stycken(text: str) -> list[str]:
    """Split a text into paragraphs at blank lines."""
    return [part.strip() for part in re.split(r"\n\s*\n", text or "") if part.strip()]


def titel(namnd: m.Namnd) -> str:
    """Return the ärendemening: the group's own, or "Verksamhetsidé för <nämnd>"."""
    own = " ".join(namnd.arende.split())
    return own or f"Verksamhetsidé för {namnd.namn[:1].lower()}{namnd.namn[1:]}"


def tidplan(kommun: m.Kommun, namnd: m.Namnd) -> list[TidplanRad]:
    """Return the joint milestones and the nämnd's own meetings in date order."""
    rows = [
        TidplanRad(s.datum, svenska.tidsspann(s.start, s.slut), s.benamning, s.plats)
        for s in kommun.milstolpar
    ]
    for mote in namnd.moten:
        what = mote.typ if mote.typ != "Pass" or mote.pass_nr is None else f"Pass {mote.pass_nr}"
        if mote.beskrivning.casefold().startswith(what.casefold()):
            what = mote.beskrivning  # "Pass 1 och 2: …" already names the pass
        elif mote.beskrivning:
            what = f"{what}: {mote.beskrivning}"
        rows.append(TidplanRad(mote.datum, svenska.tidsspann(mote.start, mote.slut), what,
                               mote.plats))
    return sorted(rows, key=lambda r: (r.datum, r.tid))


def namnd_context(kommun: m.Kommun, namnd: m.Namnd) -> dict:
    """Return the names a nämnd's templates can use."""
    ide = namnd.verksamhetside
    return {
        "kommun": kommun,
        "namnd": namnd,
        "titel": titel(namnd),
        "ide": ide,
        "beslutspunkter": sorted(namnd.beslutspunkter, key=lambda p: p.nr),
        "tidplan": tidplan(kommun, namnd),
        "reflektioner": [r for r in namnd.reflektioner if r.typ == "Reflektion"],
        "nasta_steg": [r for r in namnd.reflektioner if r.typ == "Nästa steg"],
        "beslutsunderlag": [
            f"Tjänsteskrivelse, {svenska.datum(namnd.datum)}",
            f"Utvecklingsgruppens underlag och förslag till verksamhetsidé, "
            f"{svenska.datum(ide.datum) if ide else svenska.datum(namnd.datum)}",
        ],
    }
