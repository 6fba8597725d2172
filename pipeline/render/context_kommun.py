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
from .meeting import GemensamtMote
from .meeting import mote as next_meeting
from .timetable import forklaring, grid_matrix

MAIN_KUNDER = 8  # kunder listed per nämnd on its slide; the rest are counted ("… och 3 till")

# the deck's parts, in order: key, title, what the part answers (the agenda and the dividers)
SECTIONS = (
    ("uppdraget", "Uppdraget och processen", "Vad nämnderna har fått i uppdrag och hur arbetet "
     "går till under hösten."),
    ("status", "Läget i nämnderna", "Verksamhetsidéns version, vad som är ifyllt och vad som "
     "återstår, nästa möte och beslut."),
    ("ideer", "Nämndernas verksamhetsidéer", "Vad varje nämnd gör, för vem och varför."),
    ("samband", "Samband mellan nämnderna", "Gemensamma kunder, beroenden och gränsöverskridande "
     "processer – internt och externt."),
    ("nasta_steg", "Nästa steg", "Vad nämnderna tar med sig härifrån."),
)


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
    nasta_mote: str  # "Pass 4, 9 november 2021", or that none is planned
    beslut: str  # the planned decision date in the nämnd, or that none is set
    antal_kunder: int
    antal_beroenden: int
    antal_synergier: int


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


def kommun_context(kommun: m.Kommun, namnder: list[m.Namnd], bilder: dict | None = None,
                   mote: GemensamtMote | None = None) -> Kommunovergripande:
    """Return the names the kommunövergripande deck can use. `mote` is the meeting the deck is
    for (by default the next joint milestone from today); each nämnd's next meeting is its
    first after that meeting's date (from today when the kommun has no milestones)."""
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
    present = {"uppdraget": True, "status": bool(namnder), "ideer": bool(namnder),
               "samband": bool(namnder), "nasta_steg": any(s.steg for s in steps)}
    parts = [(key, rubrik, fraga) for key, rubrik, fraga in SECTIONS if present[key]]
    agenda = [Avsnitt(i, *part) for i, part in enumerate(parts, start=1)]
    return Kommunovergripande.of({
        "kommun": kommun,
        "mote": mote,
        "agenda": agenda,
        "avsnitt": {a.nyckel: a for a in agenda},
        "namnder": summaries,
        "milstolpar": sorted(kommun.milstolpar, key=lambda ms: ms.datum),
        "veckoschema_forklaring": forklaring(grid),
        "gemensamma_kunder": [Delad(g.kund, g.namnder, names.lista(g.namnder))
                              for g in analyse.gemensamma_kunder(kommun, namnder)],
        "synergier": synergies,
        "synergier_med_steg": [y for y in synergies if y.nasta_steg],
        "externa": [Delad(p.namn, p.namnder, names.lista(p.namnder))
                    for p in analyse.externa_parter(kommun, namnder)],
        "nasta_steg": [Steg(s.kod, s.namn, text) for s in steps for text in s.steg],
        "steg_per_namnd": [s for s in steps if s.steg],
        "forkortningar": [Delad(names(k), (k,), k) for k in kommun.koder],
        "diagram": {"omfattning": omfattning(summaries, ChartSpec)},
        "matriser": {"beroenden": Matrix(header, rows), "tidplan": named_grid(grid_matrix(grid),
                                                                              names)},
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
    mote = analyse.nasta_mote(n, fran)
    return NamndSammanfattning(
        n.kod, n.namn,
        ide.formulering if ide else f"{none_yet}.",
        tuple(k.kund for k in n.kunder[:MAIN_KUNDER]), max(0, len(n.kunder) - MAIN_KUNDER),
        status,
        f"Version {ide.version} · {ide.status}" if ide else none_yet,
        f"Version {ide.version} · {ide.status}" if ide else "",
        ifyllt, svenska.lista(list(begun)), svenska.lista(list(missing)),
        svenska.lista(later),
        f"{mote.namn}, {svenska.datum(mote.datum)}" if mote else "Inget planerat",
        svenska.datum(n.beslutsdatum) if n.beslutsdatum else "Inte bestämt",
        len(n.kunder), len(n.beroenden), len(n.synergier))


def synergi_rad(g: analyse.GemensamSynergi, names: Names) -> SynergiRad:
    """Return a shared process with its partners and its lines attributed, by name."""
    return SynergiRad(g.process, g.namnder, g.externa, names.lista(g.namnder, g.externa),
                      tuple(NamngivetBidrag(names.lista(b.namnder), b.text) for b in g.synergier),
                      tuple(NamngivetBidrag(names.lista(b.namnder), b.text) for b in g.nasta_steg))


def omfattning(summaries: list[NamndSammanfattning], chart_spec):
    """Return the chart of how much each nämnd has named: kunder, beroenden, synergier."""
    series = [("Kunder", [s.antal_kunder for s in summaries]),
              ("Beroenden", [s.antal_beroenden for s in summaries]),
              ("Synergier", [s.antal_synergier for s in summaries])]
    said = "; ".join(f"{s.namn}: {s.antal_kunder} kunder, {s.antal_beroenden} beroenden, "
                     f"{s.antal_synergier} samband och synergier" for s in summaries)
    return chart_spec([s.namn for s in summaries], series, "0",
                      f"Stapeldiagram över hur många kunder, beroenden och samband varje nämnd "
                      f"har skrivit in. {said}.")


def named_grid(matrix, names: Names):
    """Return the week grid with each nämnd's row labelled by its name ("KS – samordning"
    becomes "Kommunstyrelsen – samordning")."""
    from dataclasses import replace

    def label(text: str) -> str:
        kod, sep, rest = text.partition(" – ")
        return f"{names(kod)}{sep}{rest}" if names(kod) != kod else text

    return replace(matrix, rows=[[label(r[0]), *r[1:]] for r in matrix.rows])
