"""Kommun-wide facts derived from all nämnder: shared kunder, dependencies, synergies, status."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from .. import model as m
from ..read import schema
from ..svenska import folded

DEPENDS = "●"  # in the matrix: the row's nämnd depends on the column's


@dataclass(frozen=True, slots=True)
class GemensamKund:
    """A kund or målgrupp named by several nämnder."""

    kund: str
    namnder: tuple[str, ...]  # codes, in register order


@dataclass(frozen=True, slots=True)
class Bidrag:
    """A line about a shared process and the nämnder that wrote it (the same text once)."""

    namnder: tuple[str, ...]  # codes, in register order
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class GemensamSynergi:
    """A cross-boundary process, the nämnder and external partners in it, and who proposed what."""

    process: str
    namnder: tuple[str, ...]  # those who wrote it and those their "Med" names, register order
    synergier: tuple[Bidrag, ...]
    nasta_steg: tuple[Bidrag, ...]
    externa: tuple[str, ...] = ()  # external partners named in "Med", as first written


@dataclass(frozen=True, slots=True)
class ExternPart:
    """An external stakeholder and the nämnder that name it (Beroenden or Samband och synergier)."""

    namn: str
    namnder: tuple[str, ...]  # codes, in register order


@dataclass(frozen=True, slots=True)
class Status:
    """How complete one nämnd's workbook is, per section, in per cent."""

    kod: str
    avsnitt: tuple[tuple[str, int], ...]

    @property
    def totalt(self) -> int:
        """Return the mean completeness over the sections."""
        return round(sum(p for _, p in self.avsnitt) / len(self.avsnitt)) if self.avsnitt else 0

    @property
    def ifyllda(self) -> tuple[str, ...]:
        """Return the sections filled in completely."""
        return tuple(name for name, p in self.avsnitt if p >= 100)

    @property
    def paborjade(self) -> tuple[str, ...]:
        """Return the sections begun but not complete."""
        return tuple(name for name, p in self.avsnitt if 0 < p < 100)

    @property
    def saknade(self) -> tuple[str, ...]:
        """Return the sections with nothing in them."""
        return tuple(name for name, p in self.avsnitt if not p)


def gemensamma_kunder(kommun: m.Kommun, namnder: list[m.Namnd]) -> list[GemensamKund]:
    """Return the kunder named by two or more nämnder, the most shared first."""
    named: dict[str, dict[str, str]] = defaultdict(dict)  # key -> {kod: name as written}
    for namnd in namnder:
        for kund in namnd.kunder:
            named[folded(kund.kund)].setdefault(namnd.kod, kund.kund)
    shared = [
        GemensamKund(next(iter(by.values())), tuple(kommun.ordered(by, key=str)))
        for by in named.values() if len(by) >= 2
    ]
    return sorted(shared, key=lambda g: (-len(g.namnder), folded(g.kund)))


def beroenden(namnd: m.Namnd) -> set[tuple[str, str]]:
    """Return (a, b) pairs, "a depends on b", that one nämnd's Beroenden sheet states."""
    pairs = set()
    for dep in namnd.beroenden:
        if dep.typ != "Intern" or not dep.namnd or dep.namnd == namnd.kod:
            continue
        if dep.riktning in ("Vi är beroende av dem", "Ömsesidigt"):
            pairs.add((namnd.kod, dep.namnd))
        if dep.riktning in ("De är beroende av oss", "Ömsesidigt"):
            pairs.add((dep.namnd, namnd.kod))
    return pairs


def beroendematris(kommun: m.Kommun, namnder: list[m.Namnd]) -> tuple[list[str], list[list[str]]]:
    """Return the nämnd × nämnd matrix: a mark where the row's nämnd depends on the column's."""
    codes = kommun.koder
    pairs = set().union(*(beroenden(n) for n in namnder)) if namnder else set()
    header = ["Beroende av →", *codes]
    rows = [[a, *(DEPENDS if (a, b) in pairs else "" for b in codes)] for a in codes]
    return header, rows


_CONNECTOR = re.compile(r"\s+(?:och|samt)\s+", re.I)  # not "&": "Vatten & Avfall"


def parter(kommun: m.Kommun, med: str) -> tuple[list[str], list[str]]:
    """Return who a synergy's "Med" cell names: registered nämnder (codes, written as codes or
    names) and external partners as written ("SN och Region Västernorrland")."""
    codes = set(kommun.koder)
    internal: list[str] = []
    external: list[str] = []
    for part in re.split(r"[,;\n/]+", med):
        part = part.strip(" .\t")
        if part.upper() in codes:
            internal.append(part.upper())
            continue
        for ref in sorted(kommun.namnder, key=lambda r: -len(r.namn)):  # names before codes
            if ref.namn:
                part = re.sub(rf"\b{re.escape(ref.namn)}\b", f" {ref.kod} ", part, flags=re.I)
        found = [c for c in re.findall(r"\b[A-ZÅÄÖ][A-ZÅÄÖ0-9]*\b", part) if c in codes]
        internal += found
        rest = re.sub(r"\b(?:" + "|".join(map(re.escape, found)) + r")\b", " ", part) if found else part
        names = (" ".join(p.split()).strip(" .") for p in _CONNECTOR.split(f" {rest} "))
        external += [name for name in names if name]  # any whitespace, control ones too
    return internal, external


def _attributed(lines: dict[str, tuple[str, list[str]]], kommun: m.Kommun) -> tuple[Bidrag, ...]:
    return tuple(Bidrag(tuple(kommun.ordered(dict.fromkeys(codes), key=str)), text)
                 for text, codes in lines.values())


def gemensamma_synergier(kommun: m.Kommun, namnder: list[m.Namnd]) -> list[GemensamSynergi]:
    """Return the synergies grouped by process: every nämnd and external partner that takes
    part, and each line with the nämnder that wrote it (the same text from two is one line)."""
    groups: dict[str, dict] = {}
    for namnd in namnder:
        for s in namnd.synergier:
            group = groups.setdefault(folded(s.process), {"process": s.process, "namnder": set(),
                                                         "externa": {}, "synergier": {},
                                                         "steg": {}})
            internal, external = parter(kommun, s.med)
            group["namnder"].update([namnd.kod, *internal])
            for name in external:
                group["externa"].setdefault(folded(name), name)
            for key, text in (("synergier", s.synergi), ("steg", s.nasta_steg)):
                if text.strip():
                    group[key].setdefault(folded(text), (text.strip(), []))[1].append(namnd.kod)
    result = [
        GemensamSynergi(g["process"], tuple(kommun.ordered(sorted(g["namnder"]), key=str)),
                        _attributed(g["synergier"], kommun), _attributed(g["steg"], kommun),
                        tuple(g["externa"].values()))
        for g in groups.values()
    ]
    return sorted(result, key=lambda g: (-len(g.namnder) - len(g.externa), folded(g.process)))


def externa_parter(kommun: m.Kommun, namnder: list[m.Namnd]) -> list[ExternPart]:
    """Return the external stakeholders named in the Beroenden and Synergier sheets, with the
    nämnder that name them, the most named first."""
    named: dict[str, tuple[str, set[str]]] = {}
    for namnd in namnder:
        names = [d.intressent for d in namnd.beroenden if d.typ != "Intern" and d.intressent]
        names += [e for s in namnd.synergier for e in parter(kommun, s.med)[1]]
        for name in names:
            named.setdefault(folded(name), (name.strip(), set()))[1].add(namnd.kod)
    parts = [ExternPart(name, tuple(kommun.ordered(sorted(codes), key=str)))
             for name, codes in named.values()]
    return sorted(parts, key=lambda p: (-len(p.namnder), folded(p.namn)))


def status(namnd: m.Namnd) -> Status:
    """Return how complete a workbook is: rows present against each section's target."""
    parts = []
    for sheet in schema.NAMND.sheets:
        if sheet.is_form:
            continue
        rows = len(getattr(namnd, sheet.attr))
        parts.append((sheet.name, min(100, round(100 * rows / sheet.target_rows))))
    return Status(namnd.kod, tuple(parts))


def nasta_mote(namnd: m.Namnd, idag: dt.date) -> m.Mote | None:
    """Return the nämnd's first meeting on or after a date."""
    coming = [mote for mote in namnd.moten if mote.datum >= idag]
    return min(coming, key=lambda mote: (mote.datum, mote.start or dt.time()), default=None)


def synergier_med(kommun: m.Kommun, namnder: list[m.Namnd], kod: str) -> list[tuple[str, m.Synergi]]:
    """Return the synergies other nämnder wrote with a nämnd (its code or name in their "Med"),
    each with the code of the nämnd that wrote it, in the register's order."""
    return [(n.kod, s) for n in kommun.ordered(namnder) if n.kod != kod
            for s in n.synergier if kod in parter(kommun, s.med)[0]]


def beroenden_pa(kommun: m.Kommun, namnder: list[m.Namnd], kod: str) -> list[tuple[str, m.Beroende]]:
    """Return the internal dependencies other nämnder wrote on a nämnd, each with the code of
    the nämnd that wrote it, in the register's order."""
    return [(n.kod, b) for n in kommun.ordered(namnder) if n.kod != kod
            for b in n.beroenden if b.typ == "Intern" and b.namnd == kod]
