"""Kommun-wide facts derived from all nämnder: shared kunder, dependencies, synergies, status."""

from __future__ import annotations

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
class GemensamSynergi:
    """A cross-boundary process and the nämnder that named it."""

    process: str
    namnder: tuple[str, ...]
    synergier: tuple[str, ...]
    nasta_steg: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Status:
    """How complete one nämnd's workbook is, per section, in per cent."""

    kod: str
    avsnitt: tuple[tuple[str, int], ...]

    @property
    def totalt(self) -> int:
        """Return the mean completeness over the sections."""
        return round(sum(p for _, p in self.avsnitt) / len(self.avsnitt)) if self.avsnitt else 0


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


def gemensamma_synergier(kommun: m.Kommun, namnder: list[m.Namnd]) -> list[GemensamSynergi]:
    """Return the synergies grouped by process, with every nämnd that takes part."""
    codes = set(kommun.koder)
    groups: dict[str, dict] = {}
    for namnd in namnder:
        for s in namnd.synergier:
            group = groups.setdefault(folded(s.process), {"process": s.process, "namnder": set(),
                                                         "synergier": [], "steg": []})
            group["namnder"].add(namnd.kod)
            group["namnder"].update(c for c in re.findall(r"[A-ZÅÄÖ0-9]+", s.med) if c in codes)
            if s.synergi not in group["synergier"]:
                group["synergier"].append(s.synergi)
            if s.nasta_steg and s.nasta_steg not in group["steg"]:
                group["steg"].append(s.nasta_steg)
    result = [
        GemensamSynergi(g["process"], tuple(kommun.ordered(sorted(g["namnder"]), key=str)),
                        tuple(g["synergier"]), tuple(g["steg"]))
        for g in groups.values()
    ]
    return sorted(result, key=lambda g: (-len(g.namnder), folded(g.process)))


def status(namnd: m.Namnd) -> Status:
    """Return how complete a workbook is: rows present against each section's target."""
    parts = []
    for sheet in schema.NAMND.sheets:
        if sheet.is_form:
            continue
        rows = len(getattr(namnd, sheet.attr))
        parts.append((sheet.name, min(100, round(100 * rows / sheet.target_rows))))
    return Status(namnd.kod, tuple(parts))
