"""What a template sees: the names and filters available in {{ … }}, built from the model."""

from __future__ import annotations

import dataclasses
import re

from .. import model as m
from .. import svenska
from ..domain import tidplan
from .contracts import NamndNamn, Tjansteskrivelse
from .timetable import forklaring, tidplan_rader

BILAGA_TITEL = "Utvecklingsgruppens underlag och förslag till verksamhetsidé"


class Filters:
    """Template filters; those that name nämnder look them up in the kommun's register."""

    def __init__(self, kommun: m.Kommun) -> None:
        self.names = {n.kod: n.namn for n in kommun.namnder}
        # what the filters depend on: environments with equal keys compile templates alike
        self.cache_key = tuple(sorted(self.names.items()))

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
            "namn": namn,
            "befattning": befattning,
            "gemen": svenska.gemen,
        }

    def part(self, beroende: m.Beroende) -> str:
        """Return who a dependency is with: "Socialnämnden (SN)" or the stakeholder's name."""
        if beroende.namnd:
            name = self.names.get(beroende.namnd)
            return f"{name} ({beroende.namnd})" if name else beroende.namnd
        return beroende.intressent

    def namnder(self, text: str) -> str:
        """Return a text where nämnd codes standing alone are written out as names: "SN, KTN"
        as "Socialnämnden, kultur- och tekniknämnden", lower case but where a sentence begins."""
        def expand(match: re.Match) -> str:
            name = self.names.get(match[0])
            if name is None:
                return match[0]
            before = text[:match.start()].rstrip()
            return name if not before or before[-1] in ".!?" else svenska.gemen(name)

        return re.sub(r"\b[A-ZÅÄÖ][A-ZÅÄÖ0-9]{0,9}\b", expand, text)


def rader(items) -> str:
    """Join items one per line."""
    return "\n".join(str(i) for i in items)


def stycken(text: str) -> list[str]:
    """Split a text into paragraphs at blank lines."""
    return [part.strip() for part in re.split(r"\n\s*\n", text or "") if part.strip()]


@dataclasses.dataclass(frozen=True, slots=True)
class Person:
    """A name and a title as they stand in the signature block."""

    namn: str
    titel: str


@dataclasses.dataclass(frozen=True, slots=True)
class Avsnitt:
    """A section of a deck as its agenda and its divider show it: number, key, title and the
    question it answers."""

    nummer: int
    nyckel: str
    rubrik: str
    fraga: str


class Names:
    """Nämnd names by code: the register's, then the workbooks' for a code it lacks."""

    def __init__(self, kommun: m.Kommun, namnder: list[m.Namnd]) -> None:
        self.kommun = kommun
        self.by_code = {n.kod: n.namn for n in namnder if n.namn}
        self.by_code.update({r.kod: r.namn for r in kommun.namnder if r.namn})

    def __call__(self, kod: str) -> str:
        return self.by_code.get(kod, kod)

    def _every(self, codes: list[str]) -> bool:
        register = self.kommun.koder
        return len(register) >= 3 and set(codes) >= set(register)

    def lista(self, codes, extra=()) -> str:
        """Return codes as names in the given order, external names after them, as a line of
        its own ("A, B och C"); every registered nämnd (three or more) is "Alla nämnder"."""
        codes = list(codes)
        if self._every(codes):
            return svenska.lista(["Alla nämnder", *extra])
        return svenska.lista([self(k) for k in codes] + list(extra))

    def prose(self, codes, extra=()) -> str:
        """Return nämnder in the register's order, then external parties, for running text:
        the nämnder's names in lower case ("socialnämnden"), the parties' as written; every
        registered nämnd (three or more) is "alla nämnder"."""
        codes = list(dict.fromkeys(codes))
        if self._every(codes):
            return svenska.lista(["alla nämnder", *extra])
        return svenska.lista([*(svenska.gemen(self(k))
                                for k in self.kommun.ordered(codes, key=str)), *extra])


def namn(person: str) -> str:
    """Return the name of "Eva Lind, socialchef": the text before the first comma."""
    return (person or "").split(",", 1)[0].strip()


def befattning(person: str) -> str:
    """Return the title of "Eva Lind, socialchef" as it stands under a signature: "Socialchef"."""
    return svenska.versal((person or "").partition(",")[2].strip())


def titel(namnd: m.Namnd) -> str:
    """Return the ärendemening: the group's own, or "Verksamhetsidé för <nämnd>"."""
    own = " ".join(namnd.arende.split())
    return own or f"Verksamhetsidé för {svenska.gemen(namnd.namn)}"


def namnd_context(kommun: m.Kommun, namnd: m.Namnd) -> NamndNamn:
    """Return the names every template about a nämnd can use."""
    ide = namnd.verksamhetside
    return NamndNamn.of({
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
    })


def memo_context(kommun: m.Kommun, namnd: m.Namnd) -> Tjansteskrivelse:
    """Return the names the beslutsunderlag (tjänsteskrivelse) can use: a nämnd's, decision
    points that name each bilaga by its title, the group in a sentence, what the group's
    material covers in one sentence, the meetings held by the memo's date apart from those
    still planned, and the week grid ({{ veckoschema }}, a Word table)."""
    titles = {1: BILAGA_TITEL, **dict(enumerate(namnd.ovriga_bilagor, start=2))}
    grid = tidplan.week_grid(kommun, [namnd])
    rows = tidplan_rader(kommun, namnd)
    return Tjansteskrivelse.of({
        "veckoschema_forklaring": forklaring(grid),
        **namnd_context(kommun, namnd),
        "beslutspunkter": [dataclasses.replace(p, text=med_bilagetitlar(p.text, titles))
                           for p in sorted(namnd.beslutspunkter, key=lambda p: p.nr)],
        "tidigare_versioner": [v for v in namnd.verksamhetsideer if v != namnd.verksamhetside],
        # the sheet where Förvaltningens bedömning is missing, or "" when the workbook has one
        "bedomning_saknas": "" if stycken(namnd.bedomning) else "Bedömning",
        "forvaltningschef": Person(namn(namnd.forvaltningschef),
                                   befattning(namnd.forvaltningschef)),
        "handlaggare": Person(namn(namnd.handlaggare), befattning(namnd.handlaggare)),
        "gruppen": gruppen(namnd),
        # the processtöd when the group's list does not already name them
        "processtod": "" if any(namn(namnd.processtod) == p.namn for p in namnd.medlemmar)
        else namnd.processtod,
        "sammandrag": sammandrag(namnd),
        # what the memo can say of the meetings on its own date: held by then, or planned
        "genomforda": [r for r in rows if r.datum <= namnd.datum],
        "planerade": [r for r in rows if r.datum > namnd.datum],
        "planerat_beslut": namnd.beslutsdatum if namnd.beslutsdatum and
        namnd.beslutsdatum > namnd.datum else None,
        "veckoschema": grid,
    })


_BILAGA = re.compile(r"\b[Bb]ilaga (\d+)\b")


def med_bilagetitlar(text: str, titles: dict[int, str]) -> str:
    """Return a decision point where "bilaga 1" is followed by the bilaga's title, so the
    decision reads the same in the minutes without the tjänsteskrivelse; once per bilaga, and
    not where the text already names it."""
    seen: set[int] = set()

    def name(match: re.Match) -> str:
        number = int(match[1])
        title = titles.get(number)
        if title is None or number in seen or svenska.folded(title) in svenska.folded(text):
            return match[0]
        seen.add(number)
        return f"{match[0]} ({title[:1].lower()}{title[1:]})"

    return _BILAGA.sub(name, text)


def gruppen(namnd: m.Namnd) -> str:
    """Return the utvecklingsgrupp in one list: "Monica Strömgren (ordförande,
    Socialdemokraterna), …, Eva Marklund (socialchef) och …"."""
    people = []
    for medlem in namnd.medlemmar:
        role = "" if medlem.roll in ("Opposition", "Förvaltningens ledningsgrupp", "Övrig") \
            else medlem.roll.lower()
        what = medlem.parti_funktion.strip()
        if what and medlem.roll in ("Förvaltningens ledningsgrupp", "Processtöd", "Övrig"):
            what = svenska.gemen(what)  # a function in running text: "socialchef", "HR-chef"
        detail = ", ".join(part for part in (role, what) if part)
        people.append(f"{medlem.namn} ({detail})" if detail else medlem.namn)
    return svenska.lista(people)


_PARTS = (  # (attributes, what the material covers, in running text)
    (("ansvar",), "nämndens ansvarsområden"),
    (("styrdokument",), "de lagar och andra styrdokument som styr verksamheten"),
    (("intentioner",), "politikens intentioner"),
    (("kunder",), "vilka verksamheterna finns till för och vilket värde de ska skapa"),
    (("endast_utmaningar", "mojligheter"), "utmaningar och möjligheter"),
    (("endast_utmaningar",), "utmaningar"),
    (("mojligheter",), "möjligheter"),
    (("beroenden",), "beroenden till andra nämnder och parter"),
    (("synergier",), "samband och synergier med andra"),
)


def sammandrag(namnd: m.Namnd) -> str:
    """Return what the group's material covers, in prose without counts: "nämndens
    ansvarsområden, politikens intentioner och utmaningar och möjligheter" (empty when it
    holds nothing)."""
    parts, said = [], set()
    for attrs, text in _PARTS:
        if all(getattr(namnd, a) for a in attrs) and not said & set(attrs):
            parts.append(text)
            said.update(attrs)
    if len(parts) > 2 and any(" och " in part for part in parts):
        return f"{', '.join(parts[:-1])} samt {parts[-1]}"  # "och" within the items
    return svenska.lista(parts)


def bilaga_context(kommun: m.Kommun, namnd: m.Namnd) -> Tjansteskrivelse:
    """Return the names bilaga 1 (the group's material) can use: the memo's."""
    return memo_context(kommun, namnd)
