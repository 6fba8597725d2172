"""What the kommunövergripande deck template sees.

An audience reads this deck: nämnder are named, not coded, wherever there is room (codes only
in the matrices' narrow columns, whose row labels and legend give the names); nothing is cut
without saying how much ("… och 3 till"); external partners are named beside the nämnder.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import model as m
from .. import svenska
from ..domain import analyse, faser, tidplan
from .context import Avsnitt, Names
from .contracts import Kommunovergripande
from .kommun_moment import kommande, program_agenda, rubriker
from .meeting import GemensamtMote
from .meeting import mote as next_meeting
from .timetable import forklaring, grid_matrix, named

MAIN_KUNDER = 6  # kunder named per nämnd on its slide; the rest are counted ("… och 3 till")
MAIN_OMRADEN = 5  # ansvarsområden named per nämnd on its slide, likewise
MAIN_VARDEN = 2  # the values (varför) of its first kunder

# the deck's parts: key, title, what the part answers (the agenda), in the planning
# document's words where it has them
SECTIONS = (
    ("uppdraget", "Uppdraget", "Fullmäktiges förväntan – uppdraget, och kommunens vision."),
    ("styrmodell", "Styrmodellens intentioner", "Verksamhetsidéerna i kommunens styrmodell."),
    ("begreppet", "Vad är en verksamhetsidé?", "Gemensamt arbetssätt för att analysera "
     "verksamhet och identifiera vad, för vem och varför."),
    ("processen", "Processen och tidplanen", "Uppstart, arbetspass, avstämningar och beslut."),
    ("grupperna", "Utvecklingsgrupperna", "En grupp per nämnd, motor och nav i arbetet."),
    ("ideer", "Verksamhetsidéerna och visionen", "Nämndernas formuleringar sida vid sida med "
     "kommunens vision."),
    ("namnderna", "Nämnderna", "Vad, för vem och varför – nämnd för nämnd."),
    ("kunder", "Gemensamma kunder", "Kunder och målgrupper som flera nämnder har."),
    ("beroenden", "Beroenden", "Hur nämnderna är beroende av varandra."),
    ("synergier", "Samband och synergier", "Processer där nämnderna och andra parter möts – "
     "internt och externt."),
    ("nasta_steg", "Nästa steg", "Vad nämnderna tar med sig härifrån."),
    ("dialog", "Dialog", "Frågorna vi samtalar om på mötet."),
    ("kvittens", "Kvittens", "Dialog och kvittens av nämndernas formulerade verksamhetsidéer."),
    ("mer", "Mer underlag", "Läget i nämnderna, tidplanen och underlagen i sin helhet."),
)
# The parts of the meeting itself, by what it is for (`GemensamtMote.fas`), as the planning
# document gives each meeting its purpose; the rest goes into Mer underlag, after it
MAIN = {
    "uppstart": ("uppdraget", "styrmodell", "begreppet", "processen", "grupperna", "dialog"),
    "avstamning": ("uppdraget", "namnderna", "kunder", "beroenden", "synergier", "dialog"),
    "slutlig": ("ideer", "namnderna", "dialog", "kvittens"),
    "beslut": ("ideer", "namnderna", "nasta_steg", "dialog"),
}
MAIN["ovrigt"] = MAIN["avstamning"]
# What Mer underlag can hold: the shared tables in full and what the processtöd follows
MORE = ("status", "milstolpar", "tidplan", "kunder", "beroenden", "externa", "synergier",
        "processteg", "nasta_steg")


@dataclass(frozen=True, slots=True)
class NamndSammanfattning:
    """One nämnd as the kommunövergripande deck shows it: its idea, kunder and where it stands."""

    kod: str
    namn: str
    formulering: str
    kunder: tuple[str, ...]  # the first MAIN_KUNDER
    fler_kunder: int  # how many more the workbook names
    status: analyse.Status
    ide: str  # "Version 3 · Förslag till beslut" or "Ingen formulering ännu"
    version: str  # "Version 3 · Förslag till beslut", empty without a formulation
    ifyllt: str  # "alla 12 avsnitt", or the filled sections by name and how many
    paborjat: str  # sections begun, by name
    saknas: str  # sections with nothing in them that are due by the meeting, by name
    kommer: str  # sections to come after the meeting, with when: "Verksamhetsidé (under …)"
    nasta_mote: str  # "Pass 4, 9 november 2021", the planned decision if it comes first, or
    # that nothing is planned
    beslut: str  # the planned decision date in the nämnd, or that none is set
    antal_kunder: int
    antal_beroenden: int
    antal_synergier: int
    klart: int = 0  # sections due by the meeting that are filled in
    aterstar: int = 0  # … and that are not
    vad_for_vem_varfor: tuple = ()  # (rubrik, text) per question, the empty ones left out
    grupp: int = 0  # members of the utvecklingsgrupp
    ordforande: str = ""  # the group's ordförande, by name, when its roles say so
    processtod: str = ""  # … and its processtöd
    ide_datum: str = ""  # "Version 2, 9 december 2021", empty without a formulation


@dataclass(frozen=True, slots=True)
class NamngivetBidrag:
    """A line and who wrote it, by name: "Socialnämnden och Barn- och utbildningsnämnden"."""

    av: str
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class SynergiRad:
    """A shared process: who takes part (nämnder and external partners) and who proposed what."""

    process: str
    namnder: tuple[str, ...]  # codes
    externa: tuple[str, ...]
    parter: str  # everyone taking part, by name
    synergier: tuple[NamngivetBidrag, ...]
    nasta_steg: tuple[NamngivetBidrag, ...]


@dataclass(frozen=True, slots=True)
class Delad:
    """A kund or an external partner, and the nämnder that name it (codes and names)."""

    namn: str
    namnder: tuple[str, ...]
    av: str

    @property
    def kund(self) -> str:
        """The kund's name (the shared kunder's table says `g.kund`)."""
        return self.namn


@dataclass(frozen=True, slots=True)
class Steg:
    """A next step named by one nämnd."""

    kod: str
    namn: str
    text: str


@dataclass(frozen=True, slots=True)
class NamndSteg:
    """One nämnd's next steps."""

    kod: str
    namn: str
    steg: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Fraga:
    """One of the three questions a verksamhetsidé answers, or its answer for a nämnd."""

    rubrik: str
    text: str


def kommun_context(kommun: m.Kommun, namnder: list[m.Namnd], bilder: dict | None = None,
                   mote: GemensamtMote | None = None) -> Kommunovergripande:
    """Return the names the kommunövergripande deck can use. `mote` is the meeting the deck is
    for (by default the next joint milestone from today): its purpose chooses the parts of
    the meeting itself (`avsnitt`), the rest goes under Mer underlag (`mer`). Each nämnd's
    next meeting is its first after that meeting's date (from today without milestones)."""
    from .context_avstamning import BEGREPP, dialogfragor
    from .pptx import ChartSpec, Matrix

    mote = mote or next_meeting(kommun)
    after = mote.datum + dt.timedelta(days=1) if mote.datum else dt.date.today()
    names = Names(kommun, namnder)
    summaries = [summary(n, after, kommun, mote.datum) for n in namnder]
    header, rows = analyse.beroendematris(kommun, namnder)
    grid = tidplan.week_grid(kommun, namnder)
    synergies = [synergi_rad(g, names) for g in analyse.gemensamma_synergier(kommun, namnder)]
    rows = [[f"{names(r[0])} ({r[0]})" if names(r[0]) != r[0] else r[0], *r[1:]] for r in rows]
    steps = [NamndSteg(n.kod, n.namn, tuple(r.text for r in n.reflektioner
                                            if r.typ == "Nästa steg")) for n in namnder]
    shared = [Delad(g.kund, g.namnder, names.lista(g.namnder))
              for g in analyse.gemensamma_kunder(kommun, namnder)]
    externa = [Delad(p.namn, p.namnder, names.lista(p.namnder))
               for p in analyse.externa_parter(kommun, namnder)]
    pairs = set().union(*(analyse.beroenden(n) for n in namnder)) if namnder else set()
    dialog = dialogfragor(kommun, mote)
    with_idea = [s for s in summaries if s.version]
    content = {
        "uppdraget": bool(kommun.uppdrag), "styrmodell": bool(kommun.styrmodell),
        "begreppet": True, "processen": bool(kommun.milstolpar), "grupperna": bool(namnder),
        "ideer": bool(with_idea), "namnderna": bool(namnder), "kunder": bool(shared),
        "beroenden": bool(pairs), "synergier": bool(synergies),
        "nasta_steg": any(s.steg for s in steps), "dialog": bool(dialog),
        "kvittens": bool(with_idea), "status": bool(namnder), "milstolpar": bool(
            kommun.milstolpar), "tidplan": bool(grid.veckor), "externa": bool(externa),
        "processteg": any(y.nasta_steg for y in synergies)}
    main = [key for key in MAIN.get(mote.fas, MAIN["ovrigt"]) if content[key]]
    shown = {*main, *(["milstolpar"] if "processen" in main else [])}
    # what the meeting's own part does not show (a table it summarises is shown in full too)
    more = {key: True for key in MORE if content[key] and key not in shown}
    keys = [*main, *(["mer"] if more else [])]
    titles = {key: (rubrik, fraga) for key, rubrik, fraga in SECTIONS}
    sections = [Avsnitt(i, key, *titles[key]) for i, key in enumerate(keys, start=1)]
    agenda, agenda_title = program_agenda(kommun, mote, sections)
    coming = kommande(kommun, namnder, mote)
    return Kommunovergripande.of({
        "kommun": kommun,
        "mote": mote,
        "agenda": agenda,
        "agenda_rubrik": agenda_title,
        "avsnitt": {a.nyckel: a for a in sections},
        "mer": more,
        "namnder": summaries,
        "med_ide": with_idea,
        "milstolpar": sorted(kommun.milstolpar, key=lambda ms: ms.datum),
        "veckoschema_forklaring": forklaring(grid),
        "gemensamma_kunder": shared,
        "synergier": synergies,
        "synergier_med_steg": [y for y in synergies if y.nasta_steg],
        "externa": externa,
        "nasta_steg": [Steg(s.kod, s.namn, text) for s in steps for text in s.steg],
        "steg_per_namnd": [s for s in steps if s.steg],
        "forkortningar": [Delad(names(k), (k,), k) for k in kommun.koder],
        "dialogfragor": dialog,
        "begrepp": [Fraga(*b) for b in BEGREPP],
        "kommande": coming,
        "rubriker": rubriker(kommun, summaries, shared, pairs, synergies, names, mote, coming),
        "diagram": {"lage": lage(summaries, ChartSpec)},
        "matriser": {"beroenden": Matrix(header, rows), "tidplan": grid_matrix(named(grid, names))},
        "bilder": bilder or {},
    })


def summary(n: m.Namnd, fran: dt.date, kommun: m.Kommun | None = None,
            datum: dt.date | None = None) -> NamndSammanfattning:
    """Return one nämnd as the deck shows it (its next meeting on or after `fran`). With the
    meeting's `datum`, what is not due by then is neither missing nor begun, but to come."""
    status = analyse.status(n)
    ide = n.verksamhetside
    total = len(status.avsnitt)
    filled, begun, missing = status.ifyllda, status.paborjade, status.saknade
    later: list[str] = []
    due = None
    if kommun is not None and datum is not None:
        due = {sheet.name for sheet in faser.due(kommun, n, datum) if not sheet.is_form}
        begun = tuple(name for name in begun if name in due)
        later = [f"{sheet.name} ({faser.nar(sheet, kommun)})"
                 for sheet in faser.staged() if not sheet.is_form and sheet.name not in due
                 and sheet.name in missing]
        missing = tuple(name for name in missing if name in due)
    idea_sheet = next(sh for sh in faser.staged() if sh.attr == "verksamhetsideer")
    to_come = (kommun is not None and datum is not None and ide is None
               and idea_sheet not in faser.due(kommun, n, datum))
    none_yet = (f"{faser.kommer(idea_sheet, kommun)[:1].upper()}"
                f"{faser.kommer(idea_sheet, kommun)[1:]}" if to_come else "Ingen formulering ännu")
    if len(filled) == total:
        ifyllt = f"alla {total} avsnitt"
    elif due is not None and due <= set(filled) and filled:  # all that is due, and perhaps more
        ifyllt = f"allt som ska vara klart till mötet ({len(filled)} av {total} avsnitt)"
    elif filled:
        ifyllt = f"{svenska.lista(list(filled))} ({len(filled)} av {total})"
    else:
        ifyllt = f"inget av {total} avsnitt ännu"
    coming = analyse.nasta_mote(n, fran)
    decision = n.beslutsdatum if n.beslutsdatum and n.beslutsdatum >= fran else None
    if decision and (coming is None or decision < coming.datum):
        nasta = f"Beslut i nämnden, {svenska.datum(decision)} (planerat)"
    elif coming:
        nasta = f"{coming.namn}, {svenska.datum(coming.datum)}"
    else:
        nasta = "Inget planerat ännu"
    due_names = due if due is not None else {sh.name for sh in faser.staged() if not sh.is_form}
    klart = sum(1 for name in filled if name in due_names)
    return NamndSammanfattning(
        n.kod, n.namn,
        ide.formulering if ide else f"{none_yet}.",
        tuple(k.kund for k in n.kunder[:MAIN_KUNDER]), max(0, len(n.kunder) - MAIN_KUNDER),
        status,
        f"Version {ide.version} · {ide.status}" if ide else none_yet,
        f"Version {ide.version} · {ide.status}" if ide else "",
        ifyllt, svenska.lista(list(begun)), svenska.lista(list(missing)),
        svenska.lista(later), nasta,
        f"{svenska.datum(n.beslutsdatum)} (planerat)" if n.beslutsdatum else "Inte bestämt",
        len(n.kunder), len(n.beroenden), len(n.synergier),
        klart, len(due_names) - klart, vad_for_vem_varfor(n), len(n.medlemmar),
        role(n, "ordförande"), role(n, "processtöd"),
        f"Version {ide.version}, {svenska.datum(ide.datum)}" if ide else "")


def counted(items: list[str], most: int) -> str:
    """Return the first items as a line, and how many more: "A, B och 3 till"."""
    shown = list(items[:most])
    if len(items) > most:
        return f"{', '.join(shown)} och {len(items) - most} till"
    return svenska.lista(shown)


def vad_for_vem_varfor(n: m.Namnd) -> tuple[Fraga, ...]:
    """Return what the nämnd's workbook answers to vad, för vem and varför, briefly: its
    ansvarsområden and kunder by name (the rest counted), the values of its first kunder."""
    answers = (
        Fraga("Vad", counted([a.omrade for a in n.ansvar], MAIN_OMRADEN)),
        Fraga("För vem", counted([k.kund for k in n.kunder], MAIN_KUNDER)),
        Fraga("Varför", " ".join(k.varde.rstrip(".") + "." for k in n.kunder[:MAIN_VARDEN]
                                 if k.varde)))
    return tuple(a for a in answers if a.text)


def role(n: m.Namnd, name: str) -> str:
    """Return the names of the group's members whose role is `name` (case aside)."""
    return svenska.lista([x.namn for x in n.medlemmar if svenska.folded(x.roll) == name])


def synergi_rad(g: analyse.GemensamSynergi, names: Names) -> SynergiRad:
    """Return a shared process with its partners and its lines attributed, by name."""
    return SynergiRad(g.process, g.namnder, g.externa, names.lista(g.namnder, g.externa),
                      tuple(NamngivetBidrag(names.lista(b.namnder), b.text) for b in g.synergier),
                      tuple(NamngivetBidrag(names.lista(b.namnder), b.text) for b in g.nasta_steg))


def lage(summaries: list[NamndSammanfattning], chart_spec):
    """Return the chart of where each nämnd stands: the sections due by the meeting that are
    filled in, and those that are not."""
    series = [("Klart till mötet", [s.klart for s in summaries]),
              ("Kvar till mötet", [s.aterstar for s in summaries])]
    said = "; ".join(f"{s.namn}: {s.klart} klara och {s.aterstar} kvar" for s in summaries)
    return chart_spec([s.namn for s in summaries], series, "0",
                      f"Stapeldiagram över avsnitten i arbetsböckerna som ska vara klara till "
                      f"mötet, per nämnd. {said}.")


