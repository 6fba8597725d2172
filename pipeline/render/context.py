"""What a template sees: the names and filters available in {{ … }}, built from the model."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .. import model as m
from .. import svenska
from ..domain import analyse, tidplan


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


def tidplan_rader(kommun: m.Kommun, namnd: m.Namnd) -> list[TidplanRad]:
    """Return the joint milestones and the nämnd's own meetings in date order."""
    rows = [
        TidplanRad(s.datum, svenska.tidsspann(s.start, s.slut), s.benamning, s.plats)
        for s in kommun.milstolpar
    ]
    for mote in namnd.moten:
        what = mote.namn
        if svenska.folded(mote.beskrivning).startswith(svenska.folded(what)):
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
        "tidplan": tidplan_rader(kommun, namnd),
        "reflektioner": [r for r in namnd.reflektioner if r.typ == "Reflektion"],
        "nasta_steg": [r for r in namnd.reflektioner if r.typ == "Nästa steg"],
        "beslutsunderlag": [
            f"Tjänsteskrivelse, {svenska.datum(namnd.datum)}",
            f"Utvecklingsgruppens underlag och förslag till verksamhetsidé, "
            f"{svenska.datum(ide.datum) if ide else svenska.datum(namnd.datum)}",
        ],
    }


def grid_matrix(grid: tidplan.Veckoschema):
    """Return the week grid as a matrix: months spanning their weeks, a row per nämnd."""
    from .pptx import Matrix

    return Matrix(["Vecka", *(v.rubrik for v in grid.veckor)],
                  [[r.namn, *r.celler] for r in grid.rader], grid.manader)


def avstamning_context(kommun: m.Kommun, namnd: m.Namnd, bilder: dict | None = None) -> dict:
    """Return the names a nämnd's avstämning deck can use."""
    timeline = tidplan.week_grid(kommun, [namnd], passes=True)
    return {
        **namnd_context(kommun, namnd),
        "versioner": sorted(namnd.verksamhetsideer, key=lambda v: (v.version, v.datum)),
        "utmaningar_forst": [*namnd.endast_utmaningar, *namnd.mojligheter],
        "bilder": bilder or {},
        "matriser": {"tidslinje": grid_matrix(timeline)},
    }


@dataclass(frozen=True, slots=True)
class NamndSammanfattning:
    """One nämnd as the kommunövergripande deck shows it."""

    kod: str
    namn: str
    formulering: str
    kunder: tuple[str, ...]
    status: analyse.Status


@dataclass(frozen=True, slots=True)
class Steg:
    """A next step named by one nämnd."""

    kod: str
    text: str


MAIN_KUNDER = 6  # kunder shown per nämnd in the combined deck


def kommun_context(kommun: m.Kommun, namnder: list[m.Namnd], bilder: dict | None = None) -> dict:
    """Return the names the kommunövergripande deck can use."""
    from .pptx import ChartSpec, Matrix

    summaries = [
        NamndSammanfattning(
            n.kod, n.namn,
            n.verksamhetside.formulering if n.verksamhetside else "Ingen formulering ännu.",
            tuple(k.kund for k in n.kunder[:MAIN_KUNDER]), analyse.status(n))
        for n in namnder
    ]
    sections = [name for name, _ in summaries[0].status.avsnitt] if summaries else []
    status_text = "; ".join(f"{s.kod} {s.status.totalt} %" for s in summaries)
    header, rows = analyse.beroendematris(kommun, namnder)
    return {
        "kommun": kommun,
        "namnder": summaries,
        "milstolpar": sorted(kommun.milstolpar, key=lambda ms: ms.datum),
        "gemensamma_kunder": analyse.gemensamma_kunder(kommun, namnder),
        "synergier": analyse.gemensamma_synergier(kommun, namnder),
        "nasta_steg": [Steg(n.kod, r.text) for n in namnder for r in n.reflektioner
                       if r.typ == "Nästa steg"],
        "diagram": {"status": ChartSpec(
            sections,
            [(s.kod, [p for _, p in s.status.avsnitt]) for s in summaries],
            '0" %"',
            f"Stapeldiagram: hur stor del av varje avsnitt nämnderna har fyllt i. {status_text}.",
        )},
        "matriser": {"beroenden": Matrix(header, rows),
                     "tidplan": grid_matrix(tidplan.week_grid(kommun, namnder))},
        "bilder": bilder or {},
    }
