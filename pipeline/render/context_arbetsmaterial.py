"""What the arbetsmaterial deck template sees: the working material the processtöd brings to a
period of a nämnd's passes (pass 1–2, pass 3–4, pass 5), with the group's answers so far.

Each deck shows the workbook as it stood on the day of the period's last pass in the nämnd's
own Tidplan (the pass meetings with their numbers): material made again before pass 4 shows
what pass 3 wrote, and material made after the period leaves out what came later. Without a
pass in the Tidplan the deck shows the workbook as it is. The exercises' own texts and
questions are the template's (literal text staff change in PowerPoint); this module gives the
group's answers, the dates, and what the phase model says is due and still missing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from .. import model as m
from .. import svenska
from ..domain import analyse, faser, tidplan
from ..read import schema as S
from .context import Names, namnd_context
from .context_avstamning import dialogfragor, kommande, vad_for_vem_varfor
from .contracts import Arbetsmaterial
from .meeting import GemensamtMote
from .meeting import mote as joint_meeting
from .timetable import tidplan_rader

# each period: its passes, the stages of the work its sheets belong to, and the stage whose
# due date ends the stage before it (where the period begins in the phase model)
PERIODER = {"1-2": ((1, 2), (S.PASS_1_2,), S.FORE_PASS_1),
            "3-4": ((3, 4), (S.VID_AVSTAMNINGEN, S.PASS_3_4), S.PASS_1_2),
            "5": ((5,), (S.PASS_5,), S.PASS_3_4)}
BESLUTSUNDERLAG_KRAVER = m.BESLUTSUNDERLAG_KRAVER  # what the beslutsunderlag is not built without
_RIKTNING = {"Vi är beroende av dem": "{namn} är beroende av oss",
             "De är beroende av oss": "Vi är beroende av {namn}",
             "Ömsesidigt": "Ömsesidigt: {namn} och vi"}


@dataclasses.dataclass(frozen=True, slots=True)
class Passmote:
    """One of the nämnd's passes in the period: "Pass 1 och 2", its date, time and place."""

    namn: str
    datum: dt.date
    detaljer: str


@dataclasses.dataclass(frozen=True, slots=True)
class Arbetspass:
    """The period of passes a deck is for, and the nämnd's own passes in it."""

    nyckel: str  # "1-2", "3-4" or "5"
    rubrik: str  # "Pass 1 och 2"
    period: str  # "Pass 1–2", the stage of the work
    veckor: str  # the planning document's weeks: "v. 33–39"
    datum: dt.date | None  # the day the deck shows the workbook as of: the last pass
    detaljer: str  # the title slide's line: date, time and place, or the planned weeks
    moten: tuple[Passmote, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class Tabellrad:
    """A row another nämnd wrote about this one, or a sheet and its state: the template's
    tables read these by name."""

    namnd: str = ""
    process: str = ""
    synergi: str = ""
    nasta_steg: str = ""
    riktning: str = ""
    beskrivning: str = ""
    kund: str = ""
    av: str = ""
    flik: str = ""
    lage: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class Saknas:
    """Something the beslutsunderlag still lacks, and what to do about it."""

    rubrik: str
    text: str


def arbetspass(kommun: m.Kommun, namnd: m.Namnd, nyckel: str) -> Arbetspass:
    """Return a period of passes with the nämnd's own pass meetings in it, in date order."""
    numbers = PERIODER[nyckel][0]
    own = sorted((mo for mo in namnd.moten if mo.typ == m.PASS and mo.pass_nr in numbers),
                 key=lambda mo: (mo.datum, mo.start or dt.time.min))
    moten = tuple(Passmote(_namn(mo), mo.datum, " · ".join(
        p for p in (svenska.klockslag(mo.start, mo.slut) if mo.start else "", mo.plats) if p))
        for mo in own)
    _, first, last = tidplan.pass_period(numbers[0])
    veckor = f"v. {first}–{last}" if last else f"v. {first} och framåt"
    if len(moten) == 1:
        detaljer = " · ".join(p for p in (svenska.datum(moten[0].datum), moten[0].detaljer) if p)
    elif moten:
        detaljer = svenska.lista([svenska.datum(p.datum) for p in moten])
    else:
        detaljer = f"{veckor} enligt planeringen"
    return Arbetspass(nyckel, m.pass_namn(*numbers), m.pass_namn(*numbers, period=True), veckor,
                      own[-1].datum if own else None, detaljer, moten)


def _namn(mote: m.Mote) -> str:
    """Return what a pass is called where its description names more: "Pass 1 och 2"."""
    head = mote.beskrivning.split(":", 1)[0].strip()
    return head if svenska.folded(head).startswith(svenska.folded(mote.namn)) else mote.namn


def first_avstamning(kommun: m.Kommun) -> GemensamtMote | None:
    """Return the first joint avstämning (the one where the nämnder meet in October)."""
    found = next((ms for ms in sorted(kommun.milstolpar, key=lambda ms: ms.datum)
                  if ms.typ == faser.AVSTAMNING), None)
    return joint_meeting(kommun, chosen=found.datum) if found else None


def arbetsmaterial_context(kommun: m.Kommun, namnd: m.Namnd, nyckel: str,
                           bilder: dict | None = None,
                           namnder: tuple[m.Namnd, ...] = ()) -> Arbetsmaterial:
    """Return the names the arbetsmaterial deck can use for one period of passes, of the nämnd
    as it stood on the period's last pass (`namnder`: every nämnd read, for what the others
    wrote about this one)."""
    period = arbetspass(kommun, namnd, nyckel)
    namnd = faser.as_of(namnd, period.datum, kommun)
    names = Names(kommun, [namnd, *namnder])
    avstamning = first_avstamning(kommun)
    others = [n for n in namnder if n.kod != namnd.kod]
    begins = faser.plan(kommun, namnd)[PERIODER[nyckel][2]]
    after = period.datum or begins
    return Arbetsmaterial.of({
        **namnd_context(kommun, namnd),
        "arbetspass": period,
        "bilder": bilder or {},
        "avstamning": avstamning,
        "dialogfragor": dialogfragor(kommun, avstamning) if avstamning else [],
        "andras_synergier": [
            Tabellrad(namnd=names(kod), process=s.process, synergi=s.synergi,
                      nasta_steg=s.nasta_steg)
            for kod, s in analyse.synergier_med(kommun, others, namnd.kod)],
        "andras_beroenden": [
            Tabellrad(namnd=names(kod), beskrivning=b.beskrivning,
                      riktning=_RIKTNING.get(b.riktning, "{namn}").format(namn=names(kod)))
            for kod, b in analyse.beroenden_pa(kommun, others, namnd.kod)],
        "gemensamma_kunder": [
            Tabellrad(kund=g.kund, av=names.lista([k for k in g.namnder if k != namnd.kod]))
            for g in analyse.gemensamma_kunder(kommun, [namnd, *others])
            if namnd.kod in g.namnder],
        "insikter": sorted(namnd.reflektioner, key=lambda r: (r.datum or dt.date.max)),
        "versioner": sorted(namnd.verksamhetsideer, key=lambda v: (v.version, v.datum)),
        "vad_for_vem_varfor": [b for b in vad_for_vem_varfor(namnd) if b.text],
        "flikar": flikar(namnd, PERIODER[nyckel][1]),
        "klar_till": klar_till(kommun, namnd, PERIODER[nyckel][1][-1]),
        "saknas": saknas(namnd),
        "kommande": kommande(tidplan_rader(kommun, namnd), namnd,
                             GemensamtMote("", datum=after)),
    })


def flikar(namnd: m.Namnd, stages: tuple[str, ...]) -> list[Tabellrad]:
    """Return the sheets the period's passes fill in, with what each holds now."""
    rows = []
    for sheet in faser.staged():
        if sheet.stage not in stages:
            continue
        if sheet.is_form:
            lage = "tom" if faser.is_empty(namnd, sheet) else "ifylld"
        else:
            count = len(getattr(namnd, sheet.attr))
            lage = f"{count} {'rad' if count == 1 else 'rader'}" if count else "tom"
        rows.append(Tabellrad(flik=sheet.name, lage=lage))
    return rows


def klar_till(kommun: m.Kommun, namnd: m.Namnd, stage: str) -> str:
    """Return when a stage's sheets are due, in words: "gemensam avstämning 7 oktober 2021",
    "nämndens beslut 22 februari 2022" ("" when no date is known)."""
    datum = faser.plan(kommun, namnd)[stage]
    if datum is None:
        return ""
    milestone = next((ms for ms in kommun.milstolpar if ms.datum == datum), None)
    if milestone is not None:
        return f"{svenska.gemen(milestone.benamning)} {svenska.datum(datum)}"
    if stage == S.PASS_5 and datum == namnd.beslutsdatum:
        return f"nämndens beslut {svenska.datum(datum)}"
    return svenska.datum(datum)


def saknas(namnd: m.Namnd) -> list[Saknas]:
    """Return what the beslutsunderlag still lacks: the sheets it is not built without, a
    formulation with the status Förslag till beslut, the förvaltning's bedömning and the
    förvaltningschef who signs it."""
    sheets = {sheet.attr: sheet for sheet in S.NAMND.sheets if sheet.attr}
    lacking = [Saknas(sheets[attr].name, f"Fliken {sheets[attr].name} är tom. "
                      "Beslutsunderlaget byggs när den har en rad.")
               for attr in BESLUTSUNDERLAG_KRAVER if not getattr(namnd, attr)]
    if namnd.verksamhetsideer and not any(v.status == m.FORSLAG_TILL_BESLUT
                                          for v in namnd.verksamhetsideer):
        lacking.append(Saknas("Status Förslag till beslut", "Ingen formulering har status "
                              "Förslag till beslut än; beslutsunderlaget använder den senaste."))
    if not namnd.bedomning.strip():
        lacking.append(Saknas("Förvaltningens bedömning", "Fliken Bedömning är tom. "
                              "Förvaltningen skriver sin egen bedömning av förslaget."))
    if not namnd.forvaltningschef.strip():
        lacking.append(Saknas("Förvaltningschef", "Förvaltningschefen som undertecknar saknas "
                              "i fliken Grunduppgifter."))
    if namnd.beslutsdatum is None:
        lacking.append(Saknas("Planerat beslutsdatum", "Nämndens planerade beslutsdatum "
                              "saknas i fliken Grunduppgifter."))
    return lacking


def pass_1_2_context(kommun: m.Kommun, namnd: m.Namnd, bilder: dict | None = None,
                     mote: GemensamtMote | None = None,
                     namnder: tuple[m.Namnd, ...] = ()) -> Arbetsmaterial:
    """Return the names of the material for pass 1 and 2 (not made for a joint meeting:
    `mote` is not used)."""
    return arbetsmaterial_context(kommun, namnd, "1-2", bilder, namnder)


def pass_3_4_context(kommun: m.Kommun, namnd: m.Namnd, bilder: dict | None = None,
                     mote: GemensamtMote | None = None,
                     namnder: tuple[m.Namnd, ...] = ()) -> Arbetsmaterial:
    """Return the names of the material for pass 3 and 4."""
    return arbetsmaterial_context(kommun, namnd, "3-4", bilder, namnder)


def pass_5_context(kommun: m.Kommun, namnd: m.Namnd, bilder: dict | None = None,
                   mote: GemensamtMote | None = None,
                   namnder: tuple[m.Namnd, ...] = ()) -> Arbetsmaterial:
    """Return the names of the material for pass 5."""
    return arbetsmaterial_context(kommun, namnd, "5", bilder, namnder)
