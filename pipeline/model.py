"""Plain, immutable data for one kommun and its nämnder.

Domain names are Swedish (without å/ä/ö) because staff see them in the templates
(`{{ namnd.namn }}`); they mirror the column keys in `schema.py`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TypeVar

T = TypeVar("T")

# Fixed values offered as drop-down lists in the workbook and checked when reading.
ROLLER = (
    "Ordförande",
    "Vice ordförande",
    "Opposition",
    "Förvaltningens ledningsgrupp",
    "Processtöd",
    "Övrig",
)
STYRDOKUMENT_TYPER = (
    "Lag",
    "Förordning",
    "Föreskrift",
    "Nationell styrning",
    "Kommunalt styrdokument",
    "Politiskt beslut",
    "Övrigt",
)
UTMANING_TYPER = ("Utmaning", "Möjlighet")
BEROENDE_TYPER = ("Intern", "Extern")
RIKTNINGAR = ("Vi är beroende av dem", "De är beroende av oss", "Ömsesidigt")
IDE_STATUS = ("Utkast", "Avstämd", "Förslag till beslut")
REFLEKTION_TYPER = ("Reflektion", "Nästa steg")
MOTE_TYPER = ("Uppstart", "Pass", "Avstämning", "Nämndsmöte", "Beslut", "Övrigt")

FORSLAG_TILL_BESLUT = IDE_STATUS[-1]
# what a nämnd's beslutsunderlag is not made without (its `requires` in produce/outputs.py):
# a formulation and decision points; what render/ says of it reads the same
BESLUTSUNDERLAG_KRAVER = ("verksamhetsideer", "beslutspunkter")
PASS = "Pass"  # the MOTE_TYPER entry of a numbered working session


def pass_namn(*nr: int, period: bool = False) -> str:
    """Return passes as the planning document names them: "Pass 3", "Pass 1 och 2", and with
    `period` the span of a pass period, "Pass 1–2"."""
    from .svenska import lista

    if period and len(nr) > 1:
        return f"{PASS} {nr[0]}–{nr[-1]}"
    return f"{PASS} {lista([str(n) for n in nr])}"


@dataclass(frozen=True, slots=True)
class Medlem:
    """A member of the utvecklingsgrupp."""

    namn: str
    roll: str
    parti_funktion: str = ""


@dataclass(frozen=True, slots=True)
class Ansvar:
    """One area of the nämnd's scope and responsibilities (vad)."""

    omrade: str
    beskrivning: str = ""


@dataclass(frozen=True, slots=True)
class Styrdokument:
    """A law, ordinance or directive that governs the nämnd."""

    namn: str
    typ: str
    styr: str = ""


@dataclass(frozen=True, slots=True)
class Intention:
    """A political intention the nämnd works towards."""

    intention: str
    kalla: str = ""


@dataclass(frozen=True, slots=True)
class Kund:
    """A kund or målgrupp: whom the verksamhet exists to create value for."""

    kund: str
    situation: str
    behov: str
    varde: str


@dataclass(frozen=True, slots=True)
class Utmaning:
    """A challenge or an opportunity in living the purpose."""

    typ: str
    beskrivning: str


@dataclass(frozen=True, slots=True)
class Beroende:
    """A dependency on an internal (another nämnd) or external stakeholder."""

    typ: str
    riktning: str
    beskrivning: str
    namnd: str = ""  # code of the other nämnd when typ is "Intern"
    intressent: str = ""  # name of the stakeholder when typ is "Extern"

    @property
    def part(self) -> str:
        """Return who the dependency is with, as written in a document."""
        return self.namnd or self.intressent


@dataclass(frozen=True, slots=True)
class Synergi:
    """A connection or synergy found at the October avstämning."""

    med: str
    process: str
    synergi: str
    nasta_steg: str = ""


@dataclass(frozen=True, slots=True)
class Verksamhetside:
    """One version of the verksamhetsidé's formulation."""

    version: int
    datum: dt.date
    status: str
    formulering: str


@dataclass(frozen=True, slots=True)
class Reflektion:
    """A reflection or next step from Pass 5 (dated when the group says when it was written)."""

    typ: str
    text: str
    datum: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Beslutspunkt:
    """One numbered point of Förslag till beslut."""

    nr: int
    text: str


@dataclass(frozen=True, slots=True)
class Mote:
    """A meeting in a nämnd's own timetable."""

    typ: str
    datum: dt.date
    pass_nr: int | None = None
    start: dt.time | None = None
    slut: dt.time | None = None
    plats: str = ""
    beskrivning: str = ""

    @property
    def namn(self) -> str:
        """Return what the meeting is called: "Pass 3" for a numbered pass, else its type."""
        return pass_namn(self.pass_nr) if self.typ == PASS and self.pass_nr else self.typ


@dataclass(frozen=True, slots=True)
class Milstolpe:
    """A milestone shared by all nämnder (uppstart, avstämningar, beslut)."""

    benamning: str
    datum: dt.date
    typ: str = "Övrigt"
    start: dt.time | None = None
    slut: dt.time | None = None
    plats: str = ""
    beskrivning: str = ""


@dataclass(frozen=True, slots=True)
class Fas:
    """When a stage of the work is due: a stage of the planning document ("Pass 1–2") and the
    date by which its sheets should be filled in (the kommun workbook's sheet Faser)."""

    fas: str
    datum: dt.date


@dataclass(frozen=True, slots=True)
class Dialogfraga:
    """A discussion question for one joint avstämning, shown in its decks."""

    datum: dt.date  # the avstämning's date, as in the sheet Milstolpar
    fraga: str
    stod: str = ""  # supporting questions or what to bring


@dataclass(frozen=True, slots=True)
class Programpunkt:
    """An item of a joint meeting's programme: what, who leads it and, when the kommun gives
    them, the times. The combined deck's agenda shows the programme of its meeting."""

    datum: dt.date  # the meeting's date, as in the sheet Milstolpar
    punkt: str
    ansvarig: str = ""  # who leads the item or speaks: "Lennart Wittberg"
    start: dt.time | None = None
    slut: dt.time | None = None


@dataclass(frozen=True, slots=True)
class NamndRef:
    """A nämnd in the kommun's register."""

    kod: str
    namn: str
    forvaltning: str = ""
    ordning: int = 0


@dataclass(frozen=True, slots=True)
class Kommun:
    """What all nämnder share: the kommun, the assignment and the register."""

    namn: str
    uppdrag: str
    vision: str = ""
    samordning: str = ""
    styrmodell: str = ""  # the verksamhetsidéer in relation to the vision and the styrmodell
    max_bilder: int = 2  # slides a deck section may take before the rest is summarised
    formatversion: int = 1
    # the KS avrapportering after the nämnders' decisions (a tjänsteskrivelse of its own)
    diarienummer: str = ""
    datum: dt.date | None = None
    handlaggare: str = ""
    forvaltningschef: str = ""
    sammanfattning: str = ""
    bedomning: str = ""
    expedieras: str = ""
    beslutspunkter: tuple[Beslutspunkt, ...] = ()
    milstolpar: tuple[Milstolpe, ...] = ()
    namnder: tuple[NamndRef, ...] = ()
    dialogfragor: tuple[Dialogfraga, ...] = ()
    program: tuple[Programpunkt, ...] = ()  # the joint meetings' programmes, by date
    faser: tuple[Fas, ...] = ()  # the kommun's own dates for the stages (else the defaults)
    # the intranet text at the October avstämning (sheet Intranät): written by people, never
    # by the tool, and left out of the text when empty
    intranat_rubrik: str = ""
    intranat_ingress: str = ""
    intranat_citat: str = ""
    intranat_citat_av: str = ""  # who said it, name and title: "Maria Lindfors, kommunchef"

    @property
    def mottagare(self) -> tuple[str, ...]:
        """Return the recipients of the avrapportering's decision, one per line."""
        return tuple(line.strip() for line in self.expedieras.splitlines() if line.strip())

    def namnd(self, kod: str) -> NamndRef | None:
        """Return the registered nämnd with this code, if any."""
        return next((n for n in self.namnder if n.kod == kod), None)

    @property
    def koder(self) -> tuple[str, ...]:
        """Return the registered codes in the register's order: by Ordning, then by row."""
        ranked = sorted(enumerate(self.namnder), key=lambda pair: (pair[1].ordning, pair[0]))
        return tuple(dict.fromkeys(ref.kod for _, ref in ranked))

    def ordered(self, items: Iterable[T], key: Callable[[T], str] = attrgetter("kod")) -> list[T]:
        """Return items (nämnder, or codes with key=str) in the register's order; codes the
        register lacks come last, in the order given."""
        place = {kod: i for i, kod in enumerate(self.koder)}
        return sorted(items, key=lambda item: place.get(key(item), len(place)))


@dataclass(frozen=True, slots=True)
class Namnd:
    """Everything one nämnd's utvecklingsgrupp has written in its workbook."""

    kod: str
    namn: str
    forvaltning: str
    datum: dt.date
    diarienummer: str = ""
    handlaggare: str = ""
    forvaltningschef: str = ""
    processtod: str = ""
    beslutsdatum: dt.date | None = None
    arende: str = ""
    sammanfattning: str = ""
    expedieras: str = ""
    bilagor: str = ""  # documents of the ärende besides the tool's bilaga 1, one per line
    bedomning: str = ""  # Förvaltningens bedömning: written by people, never generated
    ekonomi: str = ""  # ekonomiska konsekvenser (optional)
    barnkonsekvenser: str = ""  # barnkonsekvensanalys (optional)
    # the nämnd's decision as the minutes record it (sheet Nämndens beslut), after the meeting
    beslutad: dt.date | None = None
    paragraf: str = ""
    antagen: str = ""  # the adopted wording, when the nämnd changed the proposal
    protokoll: str = ""  # the protokollsutdrag's title among the avrapportering's underlag
    formatversion: int = 1
    medlemmar: tuple[Medlem, ...] = ()
    ansvar: tuple[Ansvar, ...] = ()
    styrdokument: tuple[Styrdokument, ...] = ()
    intentioner: tuple[Intention, ...] = ()
    kunder: tuple[Kund, ...] = ()
    utmaningar: tuple[Utmaning, ...] = ()
    beroenden: tuple[Beroende, ...] = ()
    synergier: tuple[Synergi, ...] = ()
    verksamhetsideer: tuple[Verksamhetside, ...] = ()
    reflektioner: tuple[Reflektion, ...] = ()
    beslutspunkter: tuple[Beslutspunkt, ...] = ()
    moten: tuple[Mote, ...] = ()
    kalla: str = field(default="", compare=False)  # file the nämnd was read from

    @property
    def verksamhetside(self) -> Verksamhetside | None:
        """Return the formulation to use: the latest proposal, else the latest version."""
        if not self.verksamhetsideer:
            return None
        forslag = [v for v in self.verksamhetsideer if v.status == FORSLAG_TILL_BESLUT]
        return max(forslag or self.verksamhetsideer, key=lambda v: (v.datum, v.version))

    @property
    def antagen_formulering(self) -> str:
        """Return the verksamhetsidé the nämnd adopted: the recorded wording when it changed
        the proposal, else the proposal's; "" when no decision is recorded."""
        if self.beslutad is None:
            return ""
        ide = self.verksamhetside
        return self.antagen.strip() or (ide.formulering if ide else "")

    @property
    def mojligheter(self) -> tuple[Utmaning, ...]:
        """Return the opportunities."""
        return tuple(u for u in self.utmaningar if u.typ == "Möjlighet")

    @property
    def endast_utmaningar(self) -> tuple[Utmaning, ...]:
        """Return the challenges (not the opportunities)."""
        return tuple(u for u in self.utmaningar if u.typ == "Utmaning")

    @property
    def mottagare(self) -> tuple[str, ...]:
        """Return the recipients of the decision, one per line of "Expedieras till"."""
        return tuple(line.strip() for line in self.expedieras.splitlines() if line.strip())

    @property
    def ovriga_bilagor(self) -> tuple[str, ...]:
        """Return the titles of the documents the workbook adds as bilaga 2, 3 …"""
        return tuple(line.strip() for line in self.bilagor.splitlines() if line.strip())
