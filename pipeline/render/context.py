"""What a template sees: the names and filters available in {{ … }}, built from the model."""

from __future__ import annotations

import re

from .. import model as m
from .. import svenska
from ..domain import tidplan
from .timetable import tidplan_rader

BILAGA_TITEL = "Utvecklingsgruppens underlag och förslag till verksamhetsidé"


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
            "rader": rader,
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


def rader(items) -> str:
    """Join items one per line."""
    return "\n".join(str(i) for i in items)


def stycken(text: str) -> list[str]:
    """Split a text into paragraphs at blank lines."""
    return [part.strip() for part in re.split(r"\n\s*\n", text or "") if part.strip()]


def titel(namnd: m.Namnd) -> str:
    """Return the ärendemening: the group's own, or "Verksamhetsidé för <nämnd>"."""
    own = " ".join(namnd.arende.split())
    return own or f"Verksamhetsidé för {namnd.namn[:1].lower()}{namnd.namn[1:]}"


def namnd_context(kommun: m.Kommun, namnd: m.Namnd) -> dict:
    """Return the names a nämnd's templates can use."""
    ide = namnd.verksamhetside
    return {
        "kommun": kommun,
        "namnd": namnd,
        "titel": titel(namnd),
        "ide": ide,
        "beslutspunkter": sorted(namnd.beslutspunkter, key=lambda p: p.nr),
        "tidplan": tidplan_rader(kommun, namnd),
        "reflektioner": [r for r in namnd.reflektioner if r.typ == "Reflektion"],
        "nasta_steg": [r for r in namnd.reflektioner if r.typ == "Nästa steg"],
        "bilaga_titel": BILAGA_TITEL,
        "beslutsunderlag": [
            f"Tjänsteskrivelse, {svenska.datum(namnd.datum)}",
            f"Bilaga 1 {BILAGA_TITEL}, {svenska.datum(namnd.datum)}",
            *(f"Bilaga {i} {titel}" for i, titel in enumerate(namnd.ovriga_bilagor, start=2)),
        ],
    }


def memo_context(kommun: m.Kommun, namnd: m.Namnd) -> dict:
    """Return the names the beslutsunderlag (tjänsteskrivelse) can use: a nämnd's, and the
    week grid ({{ veckoschema }}, a Word table where it stands)."""
    return {**namnd_context(kommun, namnd), "veckoschema": tidplan.week_grid(kommun, [namnd])}


def bilaga_context(kommun: m.Kommun, namnd: m.Namnd) -> dict:
    """Return the names bilaga 1 (the group's material) can use: the same as the memo's."""
    return memo_context(kommun, namnd)
