"""The KS tjänsteskrivelse's short account of the nämnder (its "i korthet"): the decisions
counted, what the nämnder share as counts with the most shared items named, and their next steps
counted with those several nämnder named alike. Bounded whatever the number of nämnder or the
length of their texts: the tjänsteskrivelse says "se bilaga 1", where everything stands in full.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import model as m
from .. import svenska
from ..domain import analyse

MEST = 3  # the most shared items named of each kind
LIKA_STEG = 2  # the next steps named alike by several nämnder that are quoted
CITAT = 160  # the longest step quoted; a longer one is counted only
NAMNGES = 3  # the most nämnder named for a step; more are counted
_TAL = ("noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
        "tolv")


def tal(n: int, *, ett: bool = False) -> str:
    """Return a count as running text writes it: words up to twelve ("ett" for a neuter
    noun), digits above."""
    if n == 1 and ett:
        return "ett"
    return _TAL[n] if 0 <= n < len(_TAL) else str(n)


def versal(text: str) -> str:
    return text[:1].upper() + text[1:]


def _ranked(items: list, count: Callable[[object], int]) -> list:
    """Return the MEST items with the most parties, ties in their own order."""
    return sorted(items, key=lambda item: -count(item))[:MEST]


def _de(n: int) -> str:
    return "bland dem" if n > MEST else "nämligen" if n > 1 else ""


def beslut(decided: int, planned: int, total: int) -> str:
    """Return the decisions counted: "Fyra av fem nämnder har beslutat om sin verksamhetsidé
    och en har planerat beslut." """
    if not total or not (decided or planned):
        return ""
    if total == 1:
        return ("Nämnden har beslutat om sin verksamhetsidé." if decided else
                "Nämnden har planerat beslut om sin verksamhetsidé.")
    if decided == total:
        return f"Alla {tal(total)} nämnder har beslutat om sin verksamhetsidé."
    if planned == total:
        return f"Alla {tal(total)} nämnder har planerat beslut om sin verksamhetsidé."
    if not decided:
        return f"{versal(tal(planned))} av {tal(total)} nämnder har planerat beslut om sin verksamhetsidé."
    text = f"{versal(tal(decided))} av {tal(total)} nämnder har beslutat om sin verksamhetsidé"
    return text + (f" och {tal(planned)} har planerat beslut." if planned else ".")


def gemensamt(kommun: m.Kommun, namnder: list[m.Namnd], name: Callable[[str], str]) -> list[str]:
    """Return a sentence per kind of what the nämnder share: its count and the most shared."""
    out = []
    kunder = analyse.gemensamma_kunder(kommun, namnder)
    if kunder:
        top = [f"”{g.kund}”" for g in _ranked(kunder, lambda g: len(g.namnder))]
        out.append(f"Nämnderna har {tal(len(kunder))} {'kund' if len(kunder) == 1 else 'kunder'} "
                   "gemensamma" + (f", {_de(len(kunder))} " if len(kunder) > 1 else ": ")
                   + f"{svenska.lista(top)}.")
    pairs = set().union(*(analyse.beroenden(n) for n in namnder)) if namnder else set()
    if pairs:
        on: dict[str, set[str]] = {}
        for a, b in pairs:
            on.setdefault(b, set()).add(a)
        most = max(len(v) for v in on.values())
        codes = kommun.ordered([k for k, v in on.items() if len(v) == most], key=str)
        out.append(f"Mellan nämnderna finns {tal(len(pairs), ett=True)} "
                   f"{'beroende' if len(pairs) == 1 else 'beroenden'}; flest är "
                   f"beroende av {svenska.lista([name(k) for k in codes[:MEST]])}.")
    processer = analyse.gemensamma_synergier(kommun, namnder)
    if processer:
        top = [f"”{g.process}”" for g in
               _ranked(processer, lambda g: len(g.namnder) + len(g.externa))]
        out.append(f"De har pekat ut {tal(len(processer))} "
                   f"{'process' if len(processer) == 1 else 'processer'} som går över "
                   "nämndgränserna" + (f", {_de(len(processer))} " if len(processer) > 1 else
                                       ": ") + f"{svenska.lista(top)}.")
    parter = analyse.externa_parter(kommun, namnder)
    if parter:
        top = [e.namn for e in _ranked(parter, lambda e: len(e.namnder))]
        out.append(f"Nämnderna samverkar med {tal(len(parter))} externa "
                   f"{'part' if len(parter) == 1 else 'parter'}"
                   + (", " + ("oftast" if len(parter) > MEST else "nämligen") + " "
                      if len(parter) > 1 else ": ") + f"{svenska.lista(top)}.")
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
    """Return the next steps counted, and the steps several nämnder name alike."""
    steps = steg(namnder)
    count = sum(len(who) for who in steps.values())
    if not count:
        return ""
    idea = "idé" if count == 1 else "idéer"
    having = len({n for who in steps.values() for n in who})
    who = "Alla" if having == total else f"{versal(tal(having))} av"
    text = (f"Nämnden har formulerat {tal(count)} {idea} om nästa steg." if total == 1 else
            f"{who} {tal(total)} nämnder har formulerat sammanlagt {tal(count)} {idea} om "
            "nästa steg.")
    alike = [(step, who) for step, who in steps.items() if len(who) > 1]
    quoted = [(step, who) for step, who in alike if len(step) <= CITAT][:LIKA_STEG]
    for step, who in quoted:
        by = (svenska.lista(who) if len(who) <= NAMNGES else
              f"Alla {tal(total)} nämnder" if len(who) == total else f"{versal(tal(len(who)))} nämnder")
        text += f" {by} föreslår samma steg: ”{step.rstrip('.')}”."
    if len(alike) > len(quoted):
        more = len(alike) - len(quoted)
        count_text = tal(more, ett=True)
        text += (f" Ytterligare {count_text} steg föreslås av flera nämnder." if quoted else
                 f" {versal(count_text)} steg föreslås av flera nämnder.")
    return text
