"""What the KS avrapportering's templates see: the tjänsteskrivelse (avrapportering.docx), at most
four pages for any number of nämnder, and its bilaga 1 (bilaga-avrapportering.docx) with the long
material: every nämnd's verksamhetsidé and status, what the nämnder share, their next steps and
the joint timetable with the kommun-wide week grid. Nämnder are named, never coded.

The decision rule: a nämnd's verksamhetsidé is reported "Antagen <date>, § <n>" only from the
decision its secretary recorded in the workbook's sheet Nämndens beslut, on or before the
avrapportering's own date (Kommun.datum); never from the planned date. Otherwise the planned
date is reported as planned. A registered nämnd whose workbook has errors is reported as such,
one without a workbook as lacking its underlag, so that no nämnd silently drops out.

The tjänsteskrivelse holds what is bounded whatever the number of nämnder or the length of their
texts: one table row per nämnd (status and decision, no formulation) and a few sentences of
counts with the most shared items (`i_korthet`); everything in full is in bilaga 1, whose week
grid of every nämnd (`veckoschema`, rows named by the nämnder) stands on a landscape page when it
needs more than a portrait page's width (`liggande`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .. import model as m
from .. import svenska
from ..domain import analyse, tidplan
from ..domain.tidplan import COORDINATOR
from . import avrapportering_kort as kort
from . import timetable
from .context import Names, Person
from .contracts import Avrapportering, BilagaAvrapportering
from .docx_grid import PORTRAIT_CM, min_width_cm
from .timetable import JOINT_ROW, forklaring  # noqa: F401 - JOINT_ROW: its tests' word

TITEL = "Avrapportering av uppdrag verksamhetsidé"
BILAGA_TITEL = "Nämndernas verksamhetsidéer och det de har gemensamt"
MEST = 3  # the most shared items the tjänsteskrivelse names of each kind
_DATUM = re.compile(r"\d{1,2} \w+ \d{4}")  # "22 februari 2022": kept on one line in the table
NBSP = "\u00a0"


@dataclass(frozen=True, slots=True)
class NamndStatus:
    """One nämnd's verksamhetsidé as the avrapportering reports it."""

    namn: str
    formulering: str  # the adopted one, else the proposal; empty without one (or a workbook)
    beslut: str  # "Antagen 22 februari 2022, § 14", "Beslut planerat 2 mars 2022" …
    antagen: bool = False  # a decision is recorded (and taken by the document's date)
    protokoll: str = ""  # the protokollsutdrag among the underlag, when antagen

    @property
    def beslut_text(self) -> str:
        """Return the decision with its date unbroken: "Antagen 22 februari 2022, § 14"."""
        return _DATUM.sub(lambda d: d[0].replace(" ", NBSP), self.beslut)

    @property
    def beslutad(self) -> bool:
        return self.antagen


@dataclass(frozen=True, slots=True)
class Gemensamt:
    """Something several parties share: a kund, a process, an external partner."""

    vad: str
    parter: str  # names as prose: "Socialnämnden, Barn- och utbildningsnämnden och Polisen"


@dataclass(frozen=True, slots=True)
class NastaSteg:
    """The next steps one nämnd named: each on its own, and as one text."""

    namnd: str
    text: str
    punkter: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Milstolpsrad:
    """One row of the joint milestones."""

    datum: dt.date
    tid: str
    benamning: str
    plats: str


def person(text: str) -> Person | None:
    """Return "Eva Lind, socialchef" as a name and a title as it stands under a signature
    ("Socialchef", "HR-chef"); None for no one."""
    name, _, title = (part.strip() for part in " ".join(text.split()).partition(","))
    if not name:
        return None
    return Person(name, svenska.versal(title))


def taken(kommun: m.Kommun, namnd: m.Namnd) -> bool:
    """Return True when the nämnd's decision is recorded and taken by the avrapportering's
    date (see the module's rule)."""
    return namnd.beslutad is not None and (kommun.datum is None
                                           or namnd.beslutad <= kommun.datum)


def beslut(kommun: m.Kommun, namnd: m.Namnd) -> str:
    """Return the nämnd's decision as recorded, or when it is planned (the module's rule)."""
    if taken(kommun, namnd):
        paragraf = svenska.paragraf(namnd.paragraf)
        return f"Antagen {svenska.datum(namnd.beslutad)}" + (f", {paragraf}" if paragraf else "")
    when = namnd.beslutsdatum
    if when is None:
        return "Inget beslut planerat"
    passed = kommun.datum is not None and when < kommun.datum
    return f"Beslut planerat {svenska.datum(when)}" + (", ännu inte redovisat" if passed else "")


def protokoll(namnd: m.Namnd) -> str:
    """Return the protokollsutdrag as the underlag lists it: the workbook's own title, else
    "Protokollsutdrag socialnämnden 22 februari 2022, § 14"."""
    own = " ".join(namnd.protokoll.split())
    if own:
        return own
    paragraf = svenska.paragraf(namnd.paragraf)
    return (f"Protokollsutdrag {svenska.gemen(namnd.namn)} {svenska.datum(namnd.beslutad)}"
            + (f", {paragraf}" if paragraf else ""))


def namnd_status(kommun: m.Kommun, namnd: m.Namnd) -> NamndStatus:
    """Return one nämnd's line of the report."""
    ide = namnd.verksamhetside
    if taken(kommun, namnd):
        return NamndStatus(namnd.namn, " ".join(namnd.antagen_formulering.split()),
                           beslut(kommun, namnd), True, protokoll(namnd))
    return NamndStatus(namnd.namn, " ".join(ide.formulering.split()) if ide else "",
                       beslut(kommun, namnd))


def inledning(rows: list[NamndStatus]) -> str:
    """Return the line before bilaga 1's table of verksamhetsidéer, as the decisions stand."""
    if rows and all(r.antagen for r in rows):
        return "Verksamhetsidéerna som nämnderna har antagit dem:"
    if any(r.antagen for r in rows):
        return ("Verksamhetsidéerna som nämnderna har antagit dem och, där inget beslut är "
                "redovisat, nämndernas förslag:")
    return "Nämndernas förslag till verksamhetsidé:"


@dataclass(frozen=True, slots=True)
class Process:
    """A cross-boundary process: its parties, and the synergies and next steps written for it
    (each "Synergi: …" or "Nästa steg: …", "Synergi (Socialnämnden): …" when several nämnder
    wrote them)."""

    vad: str
    parter: str
    texter: tuple[str, ...]


def synergier(names: Names, namnder: list[m.Namnd]) -> list[Process]:
    """Return each cross-boundary process with every nämnd and external partner in it."""
    def lines(lead: str, bidrag, several: bool) -> list[str]:
        return [f"{lead}{f' ({names.prose(b.namnder)})' if several else ''}: "
                f"{' '.join(b.text.split())}" for b in bidrag]

    out = []
    for g in analyse.gemensamma_synergier(names.kommun, namnder):
        writers = {k for b in (*g.synergier, *g.nasta_steg) for k in b.namnder}
        several = len(writers) > 1
        out.append(Process(g.process, svenska.versal(names.prose(g.namnder, g.externa)), tuple(
            lines("Synergi", g.synergier, several) + lines("Nästa steg", g.nasta_steg, several))))
    return out


def externa(names: Names, namnder: list[m.Namnd]) -> list[Gemensamt]:
    """Return each external partner the nämnder name, with the nämnder that name it."""
    return [Gemensamt(e.namn, svenska.versal(names.prose(e.namnder)))
            for e in analyse.externa_parter(names.kommun, namnder)]


def beroenden(names: Names, namnder: list[m.Namnd]) -> list[Gemensamt]:
    """Return, per nämnd in register order, the nämnder it depends on (from every workbook)."""
    pairs = set().union(*(analyse.beroenden(n) for n in namnder)) if namnder else set()
    depends: dict[str, set[str]] = {}
    for a, b in pairs:
        depends.setdefault(a, set()).add(b)
    return [Gemensamt(names(a), svenska.versal(names.prose(depends[a])))
            for a in names.kommun.ordered(depends, key=str)]


def nasta_steg(namnder: list[m.Namnd]) -> list[NastaSteg]:
    """Return the nämnders' next steps (Pass 5's "Nästa steg"), per nämnd with its name, each
    step a sentence of its own."""
    steps = []
    for namnd in namnder:
        texts = [" ".join(r.text.split()) for r in namnd.reflektioner
                 if r.typ == "Nästa steg" and r.text.strip()]
        if texts:
            texts = [t if t[-1] in ".!?" else f"{t}." for t in texts]  # each a sentence
            steps.append(NastaSteg(namnd.namn, " ".join(texts), tuple(texts)))
    return steps


def beslutsunderlag(kommun: m.Kommun, namnder: list[m.Namnd]) -> list[str]:
    """Return the documents of the ärende: this tjänsteskrivelse, its bilaga 1
    (build/bilaga-avrapportering.docx), then per nämnd its decision's protokollsutdrag when
    one is recorded, else its tjänsteskrivelse (build/<KOD>/beslutsunderlag-<KOD>.docx) when
    the build writes one: only documents that exist."""
    when = f", {svenska.datum(kommun.datum)}" if kommun.datum else ""
    written = [n for n in namnder if all(getattr(n, a) for a in m.BESLUTSUNDERLAG_KRAVER)]
    return [f"Tjänsteskrivelse{when}", f"Bilaga 1 {BILAGA_TITEL}{when}",
            *(protokoll(n) if taken(kommun, n) else
              f"Tjänsteskrivelse till {svenska.gemen(n.namn)}, {svenska.datum(n.datum)}"
              for n in namnder if taken(kommun, n) or n in written)]


def veckoschema(names: Names, namnder: list[m.Namnd]) -> tidplan.Veckoschema:
    """Return the week grid of every nämnd, its rows labelled by the nämnders' names."""
    return timetable.named(tidplan.week_grid(names.kommun, namnder), names)


def avrapportering_context(kommun: m.Kommun, namnder: list[m.Namnd]) -> Avrapportering:
    """Return the names the avrapportering's templates can use (the tjänsteskrivelse's and
    its bilaga's: the week grid only in bilaga_avrapportering_context)."""
    namnder_in, namnder = namnder, kommun.ordered(namnder)
    names = Names(kommun, namnder)
    ks = kommun.namnd(COORDINATOR)
    status = {n.kod: namnd_status(kommun, n) for n in namnder}
    fel = dict(getattr(namnder_in, "fel", ()))  # the workbooks with errors, by code
    for ref in kommun.namnder:  # a registered nämnd without a readable workbook
        status.setdefault(ref.kod, NamndStatus(
            ref.namn, "", f"Arbetsboken {fel[ref.kod]} har fel" if ref.kod in fel
            else "Underlag saknas"))
    rows = [status[k] for k in kommun.ordered(status, key=str)]
    return Avrapportering.of({
        "kommun": kommun,
        "titel": TITEL,
        "bilaga_titel": BILAGA_TITEL,
        # the vision stated on its own unless the styrmodell's text already names it
        "vision": "" if svenska.folded(kommun.vision) in svenska.folded(kommun.styrmodell)
                  else kommun.vision,
        "namnd": ks.namn if ks else "Kommunstyrelsen",
        "forvaltning": (ks.forvaltning or ks.namn) if ks else "",
        "beslutspunkter": sorted(kommun.beslutspunkter, key=lambda p: p.nr),
        "namnder": rows,
        # the tjänsteskrivelse's short account; bilaga 1 has everything in full
        "ideer_inledning": inledning(rows),
        "kort": {"beslut": kort.beslut(sum(r.antagen for r in rows), len(rows)),
                 "gemensamt": kort.gemensamt(kommun, namnder, names),
                 "nasta_steg": kort.nasta_steg(namnder, len(rows))},
        "gemensamma_kunder": [Gemensamt(g.kund, svenska.versal(names.prose(g.namnder)))
                              for g in analyse.gemensamma_kunder(kommun, namnder)],
        "beroenden": beroenden(names, namnder),
        "synergier": synergier(names, namnder),
        "externa": externa(names, namnder),
        "nasta_steg": nasta_steg(namnder),
        "milstolpar": [Milstolpsrad(s.datum, svenska.klockslag(s.start, s.slut), s.benamning,
                                    s.plats)
                       for s in sorted(kommun.milstolpar,
                                       key=lambda s: (s.datum, s.start or dt.time()))],
        "beslutsunderlag": beslutsunderlag(kommun, namnder),
        "underskrifter": [p for p in (person(kommun.forvaltningschef),
                                      person(kommun.handlaggare)) if p],
    })


def bilaga_avrapportering_context(kommun: m.Kommun,
                                  namnder: list[m.Namnd]) -> BilagaAvrapportering:
    """Return the names bilaga 1 of the avrapportering can use: those of the tjänsteskrivelse
    and the week grid of every nämnd with its caption, on a landscape page (`liggande`) when
    it needs more than a portrait page's width."""
    grid = veckoschema(Names(kommun, kommun.ordered(namnder)), kommun.ordered(namnder))
    return BilagaAvrapportering.of({**avrapportering_context(kommun, namnder),
                                    "veckoschema": grid,
                                    "veckoschema_forklaring": forklaring(grid),
                                    "liggande": min_width_cm(grid) > PORTRAIT_CM})
