"""What the avstämning deck template sees, on top of a nämnd's names: the meeting, the agenda
of the sections that have content, and the meeting's discussion questions."""

from __future__ import annotations

from dataclasses import dataclass

from .. import model as m
from ..domain import faser, tidplan
from .context import Avsnitt, namnd_context
from .contracts import Avstamning
from .meeting import GemensamtMote
from .meeting import mote as next_meeting
from .timetable import forklaring, grid_matrix


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


# the planning document's questions, in its order; then the deck's own closing sections
SECTIONS = (
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
    ("dialog", "Dialog", "Frågorna vi samtalar om på mötet."),
    ("tidplan", "Tidplan", "Möten och pass framåt."),
)


def agenda(namnd: m.Namnd, dialog: list[Dialog], rows: list) -> list[Avsnitt]:
    """Return the sections that have content, numbered in order."""
    filled = {
        "vad": bool(namnd.ansvar or namnd.styrdokument or namnd.intentioner),
        "for_vem": bool(namnd.kunder),
        "utmaningar": bool(namnd.utmaningar),
        "beroenden": bool(namnd.beroenden),
        "synergier": bool(namnd.synergier),
        "verksamhetside": bool(namnd.verksamhetsideer),
        "dialog": bool(dialog),
        "tidplan": bool(rows or namnd.moten),  # the timeline, and the meetings ahead
    }
    present = [(key, rubrik, fraga) for key, rubrik, fraga in SECTIONS if filled[key]]
    return [Avsnitt(i, key, rubrik, fraga) for i, (key, rubrik, fraga) in enumerate(present, 1)]


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
    sections = agenda(namnd, dialog, names["tidplan"])
    return Avstamning.of({
        **names,
        "veckoschema_forklaring": forklaring(timeline),  # the timeline's own, with passes
        "versioner": sorted(namnd.verksamhetsideer, key=lambda v: (v.version, v.datum)),
        # the formulations before the proposal, which has its own slide
        "tidigare": sorted((v for v in namnd.verksamhetsideer if v != namnd.verksamhetside),
                           key=lambda v: (v.version, v.datum)),
        # from the meeting on: what the group and the nämnd have ahead of them
        "kommande": [r for r in names["tidplan"] if mote.datum is None or r.datum >= mote.datum],
        "utmaningar_forst": [*namnd.endast_utmaningar, *namnd.mojligheter],
        "bilder": bilder or {},
        "matriser": {"tidslinje": grid_matrix(timeline)},
        "mote": mote,
        "agenda": sections,
        "avsnitt": {a.nyckel: a for a in sections},
        "dialogfragor": dialog,
        "senare": senare(kommun, namnd, mote),
    })


def senare(kommun: m.Kommun, namnd: m.Namnd, mote: GemensamtMote) -> list[Senare]:
    """Return the sections still to come at the meeting: empty, and not yet due by its date."""
    if mote.datum is None:
        return []
    due = faser.due(kommun, namnd, mote.datum)
    return [Senare(sheet.name, faser.kommer(sheet, kommun)) for sheet in faser.staged()
            if not sheet.is_form and sheet not in due and faser.is_empty(namnd, sheet)]
