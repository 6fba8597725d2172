"""What the avstämning deck template sees, on top of a nämnd's names: the meeting, the agenda
of the sections that have content, and the meeting's discussion questions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import model as m
from .. import svenska
from ..domain import faser, tidplan
from .context import Avsnitt, Names, namnd_context
from .contracts import Avstamning
from .meeting import GemensamtMote
from .meeting import mote as next_meeting
from .timetable import TidplanRad, forklaring, grid_matrix, named


@dataclass(frozen=True, slots=True)
class Senare:
    """A section not yet due at the meeting, and when it comes: ("Verksamhetsidé",
    "formuleras under pass 3–4")."""

    rubrik: str
    nar: str


@dataclass(frozen=True, slots=True)
class Dialog:
    """A discussion question on its own slide: number, of how many, the question and support."""

    nummer: int
    antal: int
    fraga: str
    stod: str


# Every section a nämnd's deck can have: key, title, and what it answers (the agenda and the
# dividers), in the planning document's words where it has them
SECTIONS = (
    ("uppdraget", "Uppdraget", "Fullmäktiges förväntan – uppdraget."),
    ("processen", "Arbetsprocessen", "Uppdragets genomförande, delar och helhet: uppstart, "
     "arbetspass, avstämningar och beslut."),
    ("begreppet", "Vad är en verksamhetsidé?", "Gemensamt arbetssätt för att analysera "
     "verksamhet och identifiera vad, för vem och varför."),
    ("gruppen", "Utvecklingsgruppen", "Gruppen som representerar nämnden och dess verksamheter."),
    ("forslaget", "Förslag till verksamhetsidé", "Förslaget, läst mot vad, för vem och varför."),
    ("vad", "Vad", "Omfång och ansvarsområde, styrande lagar och andra direktiv – "
     "politikens intentioner."),
    ("for_vem", "För vem och varför", "Verksamheternas kunder, deras situation och behov – "
     "vilket värde ska levereras?"),
    ("utmaningar", "Utmaningar och möjligheter", "Förmågan att leva syftet: vad står i vägen, "
     "och vad öppnar sig?"),
    ("beroenden", "Beroenden", "Beroenden till andra – interna och externa intressenter."),
    ("synergier", "Samband och synergier", "Samband och synergier med andra nämnder och "
     "parter – internt och externt."),
    ("verksamhetside", "Verksamhetsidé", "Ett förslag till verksamhetsidé som skapar värde för "
     "nämndens verksamheter och för kommunen i sin helhet."),
    ("beslut", "Förslag till beslut", "Underlag för beslut i nämnden."),
    ("dialog", "Dialog", "Frågorna vi samtalar om på mötet."),
    ("kvittens", "Kvittens", "Dialog och kvittens av nämndernas formulerade verksamhetsidéer."),
    ("tidplan", "Tidplan", "Möten och pass framåt."),
    ("mer", "Mer underlag", "Utvecklingsgruppens underlag från arbetspassen, i sin helhet."),
)
# The sections of the meeting itself, by what it is for (`GemensamtMote.fas`), as the planning
# document gives each meeting its purpose; what else the workbook holds goes into Mer underlag
MAIN = {
    "uppstart": ("uppdraget", "processen", "begreppet", "gruppen", "dialog", "tidplan"),
    "avstamning": ("vad", "for_vem", "utmaningar", "beroenden", "synergier", "verksamhetside",
                   "dialog", "tidplan"),
    "slutlig": ("forslaget", "dialog", "kvittens", "tidplan"),
    "beslut": ("forslaget", "beslut", "dialog", "tidplan"),
}
MAIN["ovrigt"] = MAIN["avstamning"]
# The workbook's tables a deck can show, and those each kind of meeting shows in its own part;
# the others that have rows go into Mer underlag, after it
TABLES = ("gruppen", "ansvar", "styrdokument", "intentioner", "kunder", "utmaningar",
          "beroenden", "synergier", "tidigare", "tidslinje")
SHOWN = {"uppstart": ("gruppen",),
         "avstamning": ("ansvar", "intentioner", "kunder", "utmaningar", "beroenden",
                        "synergier"),
         "slutlig": (), "beslut": ()}
SHOWN["ovrigt"] = SHOWN["avstamning"]
# "Vad är en verksamhetsidé?": the three questions, in the planning document's words
BEGREPP = (("Vad", "Omfång, ansvarsområde, styrande lagar eller andra direktiv – politikens "
            "intentioner."),
           ("För vem", "Verksamheternas olika kunder, deras situation och behov."),
           ("Varför", "Vilket värde ska levereras mot behoven?"))


@dataclass(frozen=True, slots=True)
class Begrepp:
    """One of the three questions a verksamhetsidé answers."""

    rubrik: str
    text: str


def _content(kommun: m.Kommun, namnd: m.Namnd, dialog: list[Dialog], rows: list) -> dict:
    """Return which sections and tables have something to show."""
    return {
        "uppdraget": bool(kommun.uppdrag), "processen": bool(kommun.milstolpar),
        "begreppet": True, "gruppen": bool(namnd.medlemmar),
        "forslaget": namnd.verksamhetside is not None,
        "vad": bool(namnd.ansvar or namnd.intentioner), "ansvar": bool(namnd.ansvar),
        "styrdokument": bool(namnd.styrdokument), "intentioner": bool(namnd.intentioner),
        "for_vem": bool(namnd.kunder), "kunder": bool(namnd.kunder),
        "utmaningar": bool(namnd.utmaningar), "beroenden": bool(namnd.beroenden),
        "synergier": bool(namnd.synergier), "verksamhetside": bool(namnd.verksamhetsideer),
        "beslut": bool(namnd.beslutspunkter), "dialog": bool(dialog),
        "kvittens": namnd.verksamhetside is not None,
        "tidplan": bool(rows),  # the meetings after this one
        "tidigare": len(namnd.verksamhetsideer) > 1, "tidslinje": bool(namnd.moten),
    }


def agenda(kommun: m.Kommun, namnd: m.Namnd, dialog: list[Dialog], rows: list,
           fas: str = "avstamning") -> tuple[list[Avsnitt], dict[str, bool]]:
    """Return the meeting's own sections that have content, numbered in order (Mer underlag
    last when there is more), and the tables Mer underlag holds."""
    content = _content(kommun, namnd, dialog, rows)
    shown = SHOWN.get(fas, SHOWN["ovrigt"])
    more = {key: True for key in TABLES if content[key] and key not in shown}
    keys = [key for key in MAIN.get(fas, MAIN["ovrigt"]) if content[key]]
    keys += ["mer"] if more else []
    titles = {key: (rubrik, fraga) for key, rubrik, fraga in SECTIONS}
    return [Avsnitt(i, key, *titles[key]) for i, key in enumerate(keys, 1)], more


def dialogfragor(kommun: m.Kommun, mote: GemensamtMote) -> list[Dialog]:
    """Return the discussion questions the kommun workbook gives for this meeting's date."""
    own = [f for f in kommun.dialogfragor if mote.datum is not None and f.datum == mote.datum]
    return [Dialog(i, len(own), f.fraga, f.stod) for i, f in enumerate(own, start=1)]


def avstamning_context(kommun: m.Kommun, namnd: m.Namnd, bilder: dict | None = None,
                       mote: GemensamtMote | None = None) -> Avstamning:
    """Return the names a nämnd's avstämning deck can use (`mote`: the meeting the deck is for;
    by default the next joint milestone from today)."""
    mote = mote or next_meeting(kommun)
    timeline = tidplan.week_grid(kommun, [namnd], passes=True)
    names = namnd_context(kommun, namnd)
    dialog = dialogfragor(kommun, mote)
    coming = kommande(names["tidplan"], namnd, mote)
    sections, more = agenda(kommun, namnd, dialog, coming, mote.fas)
    return Avstamning.of({
        **names,
        "veckoschema_forklaring": forklaring(timeline),  # the timeline's own, with passes
        "versioner": sorted(namnd.verksamhetsideer, key=lambda v: (v.version, v.datum)),
        # the formulations before the proposal, which has its own slide
        "tidigare": sorted((v for v in namnd.verksamhetsideer if v != namnd.verksamhetside),
                           key=lambda v: (v.version, v.datum)),
        # after the meeting: what the group and the nämnd have ahead of them
        "kommande": coming,
        "utmaningar_forst": [*namnd.endast_utmaningar, *namnd.mojligheter],
        "bilder": bilder or {},
        "matriser": {"tidslinje": grid_matrix(named(timeline, Names(kommun, [namnd])))},
        "mote": mote,
        "agenda": sections,
        "avsnitt": {a.nyckel: a for a in sections},
        "dialogfragor": dialog,
        "senare": senare(kommun, namnd, mote),
        "mer": more,
        "begrepp": [Begrepp(*b) for b in BEGREPP],
        "milstolpar": sorted(kommun.milstolpar, key=lambda ms: ms.datum),
        "vad_for_vem_varfor": vad_for_vem_varfor(namnd),
    })


def vad_for_vem_varfor(namnd: m.Namnd) -> list[Begrepp]:
    """Return what the group's material answers to vad, för vem and varför: its areas of
    responsibility, its kunder, and the value to three of them."""
    return [Begrepp("Vad", svenska.lista([a.omrade for a in namnd.ansvar])),
            Begrepp("För vem", svenska.lista([k.kund for k in namnd.kunder])),
            Begrepp("Varför", " ".join(k.varde.rstrip(".") + "." for k in namnd.kunder[:3]
                                       if k.varde))]


def kommande(rows: list, namnd: m.Namnd, mote: GemensamtMote) -> list:
    """Return the meetings after the meeting (not the one in progress), with the nämnd's
    planned decision when its timetable does not hold it already."""
    after = [r for r in rows if mote.datum is None or r.datum > mote.datum]
    decision = namnd.beslutsdatum
    if decision and (mote.datum is None or decision > mote.datum) and not any(
            r.datum == decision for r in after):
        after = sorted([*after, TidplanRad(decision, "", f"Beslut i {namnd.namn[:1].lower()}"
                                                        f"{namnd.namn[1:]} (planerat)", "",
                                           None)], key=lambda r: (r.datum, r.start or dt.time.min))
    return after


def senare(kommun: m.Kommun, namnd: m.Namnd, mote: GemensamtMote) -> list[Senare]:
    """Return the sections still to come at the meeting: empty, and not yet due by its date,
    those that come at the same time on one line ("Reflektioner och nästa steg, Förslag till
    beslut")."""
    if mote.datum is None:
        return []
    due = faser.due(kommun, namnd, mote.datum)
    by_when: dict[str, list[str]] = {}  # sheets that come at the same time on one line
    for sheet in faser.staged():
        if not sheet.is_form and sheet not in due and faser.is_empty(namnd, sheet):
            by_when.setdefault(faser.kommer(sheet, kommun), []).append(sheet.name)
    return [Senare(", ".join(names), when) for when, names in by_when.items()]
