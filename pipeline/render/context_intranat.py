"""What the intranet text sees: intranat.docx for the communicator and intranat.html to paste
into the intranet, for the internal communication the planning document plans at the
avstämning in October. Plain Swedish for all staff, and facts from the workbooks only.

The text is for the first joint avstämning after the uppstart (`avstamning`) and shows the
nämnder as they stood on its date (`faser.as_of`): no formulation or decision dated after it.
What a nämnd has done is what its workbook holds of the parts of the work; one that has not yet
done all that is due by the meeting (the phase model, `faser.due`) has begun, and is said to
have begun. What comes next is the phase model's next stage, the joint milestones after the
meeting and the nämnders' planned decisions, as planned. The headline, the ingress and the
quote are the kommun workbook's (sheet Intranät), never written here: without a headline the
title is a neutral label with the meeting's date. Nämnder are named, never coded, in lower
case mid-sentence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import model as m
from .. import svenska
from ..domain import analyse, faser
from ..read import schema as S
from .context import Names, stycken
from .contracts import Intranat

TITEL = "Arbetet med nämndernas verksamhetsidéer – läget"
# the parts of the work after vad, för vem och varför, as the text names them
_OTHER_PARTS = (("utmaningar", "utmaningar och möjligheter"),
                ("beroenden", "beroenden till andra"),
                ("synergier", "samband med andras arbete"))
_QUOTES = "\"'”“„»«’ "


@dataclass(frozen=True, slots=True)
class Avstamningen:
    """The meeting the text is for, as the text names it."""

    rubrik: str  # "Avstämningen 7 oktober"
    nar: str  # "7 oktober 2021, kl. 9.00–12.00, Kommunhuset, sessionssalen"
    beskrivning: str  # the milestone's own description


@dataclass(frozen=True, slots=True)
class NamndLage:
    """Where one nämnd stands, in a few sentences."""

    namn: str
    text: str


@dataclass(frozen=True, slots=True)
class Planerat:
    """A date to come and what happens then."""

    datum: dt.date
    nar: str  # "9 december 2021, kl. 9.00–12.00"
    vad: str  # "slutlig avstämning", "socialnämnden planerar att besluta om sin verksamhetsidé"


def avstamning(kommun: m.Kommun) -> m.Milstolpe | None:
    """Return the first joint avstämning after the uppstart (the October one in the planning
    document), or None when the kommun workbook has none."""
    milestones = sorted(kommun.milstolpar, key=lambda ms: (ms.datum, ms.start or dt.time()))
    uppstart = next((ms for ms in milestones if ms.typ == faser.UPPSTART), None)
    after = uppstart.datum if uppstart else dt.date.min
    return next((ms for ms in milestones if ms.typ == faser.AVSTAMNING and ms.datum > after),
                None)


def avstamningen(meeting: m.Milstolpe) -> Avstamningen:
    """Return the meeting as the text names it: its heading, when and where, and what it is."""
    when = (svenska.datum(meeting.datum), svenska.klockslag(meeting.start, meeting.slut),
            " ".join(meeting.plats.split()))
    return Avstamningen(f"Avstämningen {dag(meeting.datum)}", ", ".join(p for p in when if p),
                        " ".join(meeting.beskrivning.split()))


def dag(datum: dt.date) -> str:
    """Return a date without its year, as a title names it: "7 oktober"."""
    return svenska.datum(datum).rsplit(" ", 1)[0]


def vad_for_vem_varfor(namnd: m.Namnd) -> str:
    """Return which of the three questions the workbook answers: "vad nämnden gör, för vem och
    varför" (its scope and its kunder), or a part of it; "" for none."""
    vad = bool(namnd.ansvar or namnd.styrdokument or namnd.intentioner)
    if vad and namnd.kunder:
        return "vad nämnden gör, för vem och varför"
    if vad:
        return "vad nämnden gör"
    return "för vem verksamheten finns och varför" if namnd.kunder else ""


def lage(kommun: m.Kommun, namnd: m.Namnd, datum: dt.date | None) -> str:
    """Return where a nämnd (as it stood on the meeting's date) stands, in short sentences:
    what it has described, its verksamhetsidé and its next working session."""
    core = vad_for_vem_varfor(namnd)
    others = [text for attr, text in _OTHER_PARTS if getattr(namnd, attr)]
    due = [s for s in faser.due(kommun, namnd, datum) if not s.is_form
           and s.stage != S.FORE_PASS_1] if datum else []
    begun = any(faser.is_empty(namnd, s) for s in due)
    name = svenska.versal(namnd.namn)
    if not core and not others:
        said = [f"{name} har börjat arbetet med sin verksamhetsidé."]
        if namnd.medlemmar:
            said.append("Nämndens utvecklingsgrupp är tillsatt.")
    else:
        first = core or svenska.lista(others)
        said = [f"{name} har börjat arbetet och har hittills beskrivit {first}." if begun
                else f"{name} har beskrivit {first}."]
        if core and others:
            said.append(f"Nämnden har också beskrivit {svenska.lista(others)}.")
    ide = namnd.verksamhetside
    if namnd.beslutad is not None:  # taken by the meeting's date (as_of leaves out a later one)
        said.append(f"Nämnden antog sin verksamhetsidé {svenska.datum(namnd.beslutad)}.")
    elif ide is not None:
        what = "ett utkast till" if ide.status == m.IDE_STATUS[0] else "ett förslag till"
        said.append(f"Utvecklingsgruppen har skrivit {what} verksamhetsidé.")
    coming = sorted(mote.datum for mote in namnd.moten if mote.typ == m.PASS
                    and (datum is None or mote.datum > datum))
    if coming and datum is not None:
        said.append(f"Nästa arbetspass är planerat till {svenska.datum(coming[0])}.")
    return " ".join(said)


def gemensamt(kommun: m.Kommun, namnder: list[m.Namnd]) -> dict[str, list[str]]:
    """Return what the nämnder have found in common, by name: the kunder several of them have,
    who depends on whom, and the processes that cross their boundaries."""
    names = Names(kommun, namnder)
    pairs = set().union(*(analyse.beroenden(n) for n in namnder)) if namnder else set()
    depends: dict[str, set[str]] = {}
    for a, b in pairs:
        depends.setdefault(a, set()).add(b)
    return {
        "kunder": [f"{g.kund}: {names.prose(g.namnder)}"
                   for g in analyse.gemensamma_kunder(kommun, namnder)],
        "beroenden": [f"{svenska.versal(names(a))} är beroende av {names.prose(depends[a])}."
                      for a in kommun.ordered(depends, key=str)],
        "processer": [f"{g.process}: {names.prose(g.namnder, g.externa)}"
                      for g in analyse.gemensamma_synergier(kommun, namnder)],
    }


def nasta_steg(kommun: m.Kommun, datum: dt.date | None) -> str:
    """Return the next stage of the work after the meeting, from the phase model: the
    formulation of the verksamhetsidéer, and the date they are due by ("" when it is past)."""
    due = faser.plan(kommun)[S.PASS_3_4]
    if datum is None or due is None or due <= datum:
        return ""
    return ("Nästa steg är att varje utvecklingsgrupp formulerar ett förslag till verksamhetsidé "
            f"för sin nämnd. Förslagen ska vara klara senast {svenska.datum(due)}.")


def kommande(kommun: m.Kommun, namnder: list[m.Namnd], datum: dt.date | None) -> list[Planerat]:
    """Return what comes after the meeting, by date: the joint milestones, and the nämnders'
    planned decisions (those on one day together), as planned."""
    after = datum or dt.date.min
    out = [Planerat(ms.datum, ", ".join(p for p in (svenska.datum(ms.datum),
                                                    svenska.klockslag(ms.start, ms.slut)) if p),
                    svenska.gemen(ms.benamning))
           for ms in sorted(kommun.milstolpar, key=lambda ms: (ms.datum, ms.start or dt.time()))
           if ms.datum > after]
    planned: dict[dt.date, list[str]] = {}
    for n in kommun.ordered(namnder):
        if n.beslutsdatum and n.beslutsdatum > after and n.beslutad is None:
            planned.setdefault(n.beslutsdatum, []).append(svenska.gemen(n.namn))
    out += [Planerat(day, svenska.datum(day), f"{svenska.lista(who)} planerar att besluta om "
                     + ("sin verksamhetsidé" if len(who) == 1 else "sina verksamhetsidéer"))
            for day, who in planned.items()]
    return sorted(out, key=lambda k: k.datum)


def citat(text: str) -> str:
    """Return a quote as one paragraph without quotation marks of its own (the template adds
    the Swedish ones)."""
    return " ".join(text.split()).strip(_QUOTES)


def om_texten(kommun: m.Kommun, datum: dt.date | None) -> str:
    """Return the communicator's note on what the text is made from and what it leaves out."""
    note = "Texten bygger på kommunens och nämndernas arbetsböcker"
    note += (f" och visar läget {svenska.datum(datum)}: inget som är daterat senare är med."
             if datum else ".")
    missing = [label for label, value in (("rubrik", kommun.intranat_rubrik),
                                          ("ingress", kommun.intranat_ingress),
                                          ("citat", kommun.intranat_citat)) if not value.strip()]
    if missing:
        note += f" Fliken Intranät i kommunarbetsboken saknar {svenska.lista(missing)}."
    if "rubrik" in missing:
        note += " Rubriken är därför en neutral rubrik" + (" med avstämningens datum."
                                                           if datum else ".")
    content = [label for label in missing if label != "rubrik"]
    if content:
        note += f" {svenska.versal(svenska.lista(content))} står inte med i texten."
    return note


def intranat_context(kommun: m.Kommun, namnder: list[m.Namnd]) -> Intranat:
    """Return the names the intranet text's templates (Word and HTML) can use: the nämnder as
    they stood on the October avstämning's date, the registered ones without a workbook too."""
    meeting = avstamning(kommun)
    datum = meeting.datum if meeting else None
    stood = kommun.ordered([faser.as_of(n, datum, kommun) for n in namnder])
    read = {n.kod for n in stood}
    lines = kommun.ordered(
        [(n.kod, NamndLage(n.namn, lage(kommun, n, datum))) for n in stood]
        + [(ref.kod, NamndLage(ref.namn, f"Underlaget från {svenska.gemen(ref.namn)} finns "
                                         "inte med ännu."))
           for ref in kommun.namnder if ref.kod not in read], key=lambda pair: pair[0])
    title = " ".join(kommun.intranat_rubrik.split())
    if not title:
        title = f"{TITEL} inför avstämningen {dag(datum)}" if datum else TITEL
    return Intranat.of({
        "kommun": kommun,
        "titel": title,
        "ingress": " ".join(kommun.intranat_ingress.split()),
        "citat": citat(kommun.intranat_citat),
        "citat_av": " ".join(kommun.intranat_citat_av.split()),
        "avstamning": avstamningen(meeting) if meeting else None,
        "uppdrag": [" ".join(p.split()) for p in stycken(kommun.uppdrag)],
        "vision": kommun.vision.strip(),
        "samordning": " ".join(kommun.samordning.split()),
        "lage_inledning": ("Så här långt har nämnderna kommit inför avstämningen "
                           f"{svenska.datum(datum)}." if datum else
                           "Så här långt har nämnderna kommit."),
        "namnder": [line for _, line in lines],
        **gemensamt(kommun, stood),
        "nasta_steg": nasta_steg(kommun, datum),
        "kommande": kommande(kommun, stood, datum),
        "om_texten": om_texten(kommun, datum),
    })

