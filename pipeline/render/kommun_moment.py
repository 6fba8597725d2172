"""What the kommunövergripande deck says about its meeting: the agenda (the kommun's
programme for it, or the deck's own parts), what comes after it, and the titles that say what
a slide shows, counted from the data ("Fyra nämnder är beroende av Kommunstyrelsen")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import model as m
from .. import svenska
from .context import Avsnitt, Names
from .meeting import GemensamtMote


@dataclass(frozen=True, slots=True)
class Punkt:
    """A line of the agenda: its number or time, its title and the line beneath it."""

    nummer: str
    nyckel: str
    rubrik: str
    fraga: str


@dataclass(frozen=True, slots=True)
class Kommande:
    """A date after the meeting and what happens then."""

    datum: dt.date
    text: str


def program_agenda(kommun: m.Kommun, mote: GemensamtMote, sections: list[Avsnitt]
                   ) -> tuple[list, str]:
    """Return the agenda and its title: the kommun's programme for the meeting when it has
    one ("Dagordning" when it gives times, else "Innehåll"), else the deck's own parts."""
    items = [p for p in kommun.program if mote.datum is not None and p.datum == mote.datum]
    if not items:
        return [Punkt(str(a.nummer), a.nyckel, a.rubrik, a.fraga) for a in sections], "Innehåll"
    timed = any(p.start for p in items)
    agenda = [Punkt(svenska.klockslag(p.start, p.slut) if timed else str(i), "",
                    f"{p.punkt} – {p.ansvarig}" if p.ansvarig else p.punkt, "")
              for i, p in enumerate(items, start=1)]
    return agenda, "Dagordning" if timed else "Innehåll"


def kommande(kommun: m.Kommun, namnder: list[m.Namnd], mote: GemensamtMote) -> list[Kommande]:
    """Return what comes after the meeting: the joint milestones, then the nämnders' planned
    decisions, one line per date ("Beslut i Socialnämnden och … (planerat)")."""
    after = mote.datum or dt.date.min
    out = [Kommande(ms.datum, ms.benamning) for ms in sorted(kommun.milstolpar,
                                                              key=lambda ms: ms.datum)
           if ms.datum > after]
    decisions: dict[dt.date, list[str]] = {}
    for n in kommun.ordered(namnder):
        if n.beslutsdatum and n.beslutsdatum > after:
            decisions.setdefault(n.beslutsdatum, []).append(n.namn)
    out += [Kommande(d, f"Beslut i {svenska.lista(who)} (planerat)")
            for d, who in decisions.items()]
    return sorted(out, key=lambda k: k.datum)


def rubriker(kommun: m.Kommun, summaries: list, shared: list,
             pairs: set, synergies: list, names: Names, mote: GemensamtMote,
             coming: list[Kommande]) -> dict[str, str]:
    """Return the titles that say what a slide shows, counted from the data: the nämnder
    (context_kommun's summaries), the shared kunder, the dependencies (row depends on column)
    and the shared processes."""
    total = len(summaries)
    with_idea = sum(1 for s in summaries if s.version)
    out = {"ideer": f"Visionen och {svenska.tal(total)} nämnders verksamhetsidéer"
           if with_idea == total else
           f"Visionen och {svenska.tal(with_idea)} av {svenska.tal(total)} nämnders "
           "verksamhetsidéer"}
    if not kommun.vision:
        out["ideer"] = out["ideer"].replace("Visionen och n", "N", 1)
    out["uppdraget"] = "Uppdraget och visionen" if kommun.vision else "Uppdraget"
    members = sum(s.grupp for s in summaries)
    out["grupperna"] = (f"{svenska.tal(total).capitalize()} utvecklingsgrupper med {members} "
                        "deltagare" if total != 1 else f"En utvecklingsgrupp med {members} "
                        "deltagare")
    if shared:
        most = max(len(d.namnder) for d in shared)
        top = [d for d in shared if len(d.namnder) == most]
        everyone = names._every(list(top[0].namnder))
        whom = "alla nämnder" if everyone else f"{svenska.tal(most)} nämnder"
        out["kunder"] = (f"{top[0].namn} är kund till {whom}" if len(top) == 1 else
                         f"{svenska.tal(len(shared)).capitalize()} kunder och målgrupper delas "
                         "av flera nämnder")
    if pairs:
        counts = {b: sum(1 for a, c in pairs if c == b) for _, b in pairs}
        most = max(counts.values())
        top = [k for k in kommun.koder if counts.get(k) == most]
        out["beroenden"] = (f"{svenska.tal(most, neutrum=False).capitalize()} "
                            f"{'nämnd är' if most == 1 else 'nämnder är'} beroende av "
                            f"{names(top[0])}" if len(top) == 1 else
                            f"{len(pairs)} beroenden mellan nämnderna")
    if synergies:
        n = len(synergies)
        out["synergier"] = (f"Nämnderna ser samband i {svenska.tal(n)} "
                            f"{'process' if n == 1 else 'processer'}")
    due = [s for s in summaries if s.aterstar == 0]
    out["status"] = ("Läget i nämnderna" if mote.datum is None else
                     f"{svenska.tal(len(due)).capitalize()} av {svenska.tal(total)} nämnder har "
                     "fyllt i allt som ska vara klart till mötet" if total != len(due) else
                     "Alla nämnder har fyllt i det som ska vara klart till mötet")
    left = max(summaries, key=lambda s: s.aterstar, default=None)
    out["lage"] = ("Ingen nämnd har avsnitt kvar till mötet" if left is None or not left.aterstar
                   else f"{left.namn} har flest avsnitt kvar till mötet ({left.aterstar})"
                   if sum(1 for s in summaries if s.aterstar == left.aterstar) == 1 else
                   "Avsnitt kvar till mötet, per nämnd")
    joint = next((k for k in coming if any(ms.datum == k.datum and ms.benamning == k.text
                                               for ms in kommun.milstolpar)), None)
    out["avslutning"] = (f"Nästa gemensamma möte: {joint.text} {svenska.datum(joint.datum)}"
                         if joint else "Nästa steg: beslut i nämnderna" if coming else "Tack")
    return out


