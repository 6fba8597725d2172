"""The KS tjänsteskrivelse's short account of the nämnder (its "i korthet"), in sentences a
secretary would write: the decisions as recorded, what the nämnder share with the most shared
items named (no inventories of counts), who has written ideas about next steps and the words
several nämnder wrote alike. Nämnd names and items are lower case in running text
(`svenska.gemen`), counts words up to twelve (`svenska.tal`). Bounded whatever the number of
nämnder or the length of their texts: the tjänsteskrivelse says "se bilaga 1", where everything
stands in full.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import model as m
from .. import svenska
from ..domain import analyse

MEST = 3  # the most shared items named of each kind
LIKA_STEG = 2  # the next steps written alike by several nämnder that are quoted
CITAT = 160  # the longest step quoted; a longer one is not
NAMNGES = 3  # the most nämnder named for a step; more are counted
tal, versal, gemen = svenska.tal, svenska.versal, svenska.gemen  # one rule for every text


def _ranked(items: list, count: Callable[[object], int]) -> list:
    """Return the MEST items with the most parties, ties in their own order."""
    return sorted(items, key=lambda item: -count(item))[:MEST]


def beslut(antagna: int, total: int) -> str:
    """Return the decisions as recorded: "Alla fem nämnder har antagit sin verksamhetsidé.",
    "Tre av fem nämnder har antagit …", or that none is recorded yet. Never from a plan."""
    if not total:
        return ""
    if total == 1:
        return ("Nämnden har antagit sin verksamhetsidé." if antagna else
                "Nämndens beslut om verksamhetsidén är ännu inte redovisat; när beslutet är "
                "planerat framgår av tabellen.")
    if antagna == total:
        return f"Alla {tal(total)} nämnder har antagit sin verksamhetsidé."
    if not antagna:
        return ("Nämndernas beslut om verksamhetsidéerna är ännu inte redovisade; när besluten "
                "är planerade framgår av tabellen.")
    return (f"{versal(tal(antagna))} av {tal(total)} nämnder har antagit sin verksamhetsidé; "
            "för de övriga framgår av tabellen när beslutet är planerat.")


def _exempel(labels: list[str]) -> str:
    """Return the most shared items for running text: "barn och unga, invånare och …"."""
    return svenska.lista([gemen(" ".join(label.split())) for label in labels])


def gemensamt(kommun: m.Kommun, namnder: list[m.Namnd], name: Callable[[str], str]) -> list[str]:
    """Return a sentence per kind of what the nämnder share, with the most shared named."""
    out = []
    kunder = analyse.gemensamma_kunder(kommun, namnder)
    if kunder:
        top = _exempel([g.kund for g in _ranked(kunder, lambda g: len(g.namnder))])
        out.append(f"Flera nämnder har samma kunder och målgrupper, till exempel {top}."
                   if len(kunder) > 1 else
                   f"Flera nämnder har samma kund eller målgrupp: {top}.")
    pairs = set().union(*(analyse.beroenden(n) for n in namnder)) if namnder else set()
    if pairs:
        on: dict[str, set[str]] = {}
        for a, b in pairs:
            on.setdefault(b, set()).add(a)
        most = max(len(v) for v in on.values())
        codes = kommun.ordered([k for k, v in on.items() if len(v) == most], key=str)
        out.append("Nämnderna är beroende av varandra; flest är beroende av "
                   f"{svenska.lista([gemen(name(k)) for k in codes[:MEST]])}.")
    processer = analyse.gemensamma_synergier(kommun, namnder)
    if processer:
        top = _exempel([g.process for g in
                        _ranked(processer, lambda g: len(g.namnder) + len(g.externa))])
        out.append("Nämnderna har pekat ut processer som går över nämndgränserna, till exempel "
                   f"{top}." if len(processer) > 1 else
                   f"Nämnderna har pekat ut en process som går över nämndgränserna: {top}.")
    parter = analyse.externa_parter(kommun, namnder)
    if parter:
        top = svenska.lista([e.namn for e in _ranked(parter, lambda e: len(e.namnder))])
        out.append(f"Nämnderna samverkar med externa parter, främst {top}." if len(parter) > 1
                   else f"Nämnderna samverkar med en extern part: {top}.")
    return out


def steg(namnder: list[m.Namnd]) -> dict[str, list[str]]:
    """Return every next step as first written, with the names of the nämnder that name it
    (white space and case aside)."""
    out: dict[str, list[str]] = {}
    first: dict[str, str] = {}
    for namnd in namnder:
        for r in namnd.reflektioner:
            text = " ".join(r.text.split())
            if r.typ == "Nästa steg" and text:
                who = out.setdefault(first.setdefault(svenska.folded(text), text), [])
                if namnd.namn not in who:
                    who.append(namnd.namn)
    return out


def nasta_steg(namnder: list[m.Namnd], total: int) -> str:
    """Return who has written ideas about next steps, and the steps several nämnder wrote in
    the same words (said as that: equal words are no shared proposal)."""
    steps = steg(namnder)
    having = len({n for who in steps.values() for n in who})
    if not having:
        return ""
    text = ("Nämnden har formulerat idéer om nästa steg." if total == 1 else
            "Alla nämnder har formulerat idéer om nästa steg." if having == total else
            f"{versal(tal(having))} av {tal(total)} nämnder har formulerat idéer om nästa steg.")
    alike = [(step, who) for step, who in steps.items() if len(who) > 1]
    quoted = [(step, who) for step, who in alike if len(step) <= CITAT][:LIKA_STEG]
    for step, who in quoted:
        by = (svenska.lista([gemen(w) for w in who]) if len(who) <= NAMNGES else
              f"alla {tal(total)} nämnder" if len(who) == total else f"{tal(len(who))} nämnder")
        text += f" {versal(by)} har skrivit samma ord om nästa steg: ”{step.rstrip('.')}”."
    return text
