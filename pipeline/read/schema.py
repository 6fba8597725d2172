"""The workbook format: the single source of truth for sheets, columns and help texts.

The blank workbook (`workbook.py`), the reader (`read.py`) and the format documentation
(`underlag format`, README) are all derived from the definitions here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .. import model as m

FORMAT_VERSION = 1
# When a sheet is worked on: the planning document's pass periods.
PASS_1_2, PASS_3_4, PASS_5 = (m.pass_namn(*p, period=True) for p in ((1, 2), (3, 4), (5,)))

Kind = Literal["text", "int", "date", "time", "choice", "kod"]


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table sheet, or one field of a form sheet."""

    key: str  # attribute of the model class
    header: str  # the Swedish header users see
    help: str  # input help shown when the cell is selected
    kind: Kind = "text"
    required: bool = False
    ask: str = ""  # what to do when a required cell is empty
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    width: int = 30


@dataclass(frozen=True, slots=True)
class Sheet:
    """One sheet: a form (label in A, value in B) or a table (header row, then rows)."""

    name: str
    attr: str  # attribute of the parent model; "" for a form sheet
    description: str  # what the sheet is for, in plain Swedish
    columns: tuple[Column, ...]
    row_model: type | None = None  # model class of one row (tables only)
    stage: str = ""  # when in the process the sheet is worked on
    min_rows: int = 0  # rows needed before the workbook can be built
    empty_hint: str = ""  # what to do when a table has no rows (a warning)
    target_rows: int = 1  # rows a complete section usually has (status in the combined deck)

    @property
    def is_form(self) -> bool:
        """Return True for a form sheet (one value per label)."""
        return self.row_model is None

    def column(self, key: str) -> Column:
        """Return the column with this key."""
        return next(c for c in self.columns if c.key == key)


@dataclass(frozen=True, slots=True)
class WorkbookSchema:
    """The sheets of one kind of workbook and how its identity is recognised."""

    kind: Literal["namnd", "kommun"]
    title: str
    sheets: tuple[Sheet, ...]

    def sheet(self, name: str) -> Sheet:
        """Return the sheet with this name."""
        return next(s for s in self.sheets if s.name == name)


def _text(key, header, help, *, required=False, ask="", width=30):
    return Column(key, header, help, "text", required, ask, width=width)


def _choice(key, header, choices, help, *, required=True, ask="", width=24):
    return Column(key, header, help, "choice", required, ask, choices, width=width)


def _date(key, header, help, *, required=False, ask=""):
    return Column(key, header, help, "date", required, ask, width=14)


def _time(key, header, help):
    return Column(key, header, help, "time", width=9)


VERSION = Column(
    "formatversion",
    "Formatversion",
    "Arbetsbokens formatversion. Ändra inte.",
    "int",
    minimum=1,
)

GRUNDUPPGIFTER = Sheet(
    "Grunduppgifter",
    "",
    "Uppgifter om nämnden och ärendet. De hamnar i tjänsteskrivelsens huvud.",
    (
        Column(
            "kod",
            "Nämndkod",
            "Nämndens kod i kommunens register, till exempel SN.",
            "kod",
            True,
            "Skriv nämndens kod, till exempel SN.",
            width=40,
        ),
        _text("namn", "Nämnd", "Nämndens fullständiga namn.", required=True,
              ask="Skriv nämndens namn, till exempel Socialnämnden."),
        _text("forvaltning", "Förvaltning", "Förvaltningen som bereder ärendet.",
              required=True, ask="Skriv förvaltningens namn."),
        _text("diarienummer", "Diarienummer", "Ärendets diarienummer, till exempel SN 2021/123."),
        _text("handlaggare", "Handläggare", "Namn och titel på den som skriver tjänsteskrivelsen."),
        _text("processtod", "Processtöd", "Utvecklingsgruppens processtöd."),
        _date("datum", "Datum för tjänsteskrivelsen", "Datum som står i tjänsteskrivelsens huvud.",
              required=True, ask="Skriv tjänsteskrivelsens datum som ÅÅÅÅ-MM-DD."),
        _date("beslutsdatum", "Planerat beslutsdatum", "Nämndsmötet där beslutet planeras."),
        _text("arende", "Ärendemening",
              "Ärendets rubrik. Lämnas tom blir den \"Verksamhetsidé för <nämnd>\"."),
        _text("sammanfattning", "Sammanfattning",
              "En kort, saklig sammanfattning av ärendet. En tom rad ger ett nytt stycke."),
        _text("expedieras", "Expedieras till", "Mottagare av beslutet, en per rad."),
        VERSION,
    ),
    stage="Före pass 1",
)

UTVECKLINGSGRUPP = Sheet(
    "Utvecklingsgrupp",
    "medlemmar",
    "Utvecklingsgruppens medlemmar: ordförande, vice ordförande, två från oppositionen, "
    "förvaltningens ledningsgrupp och processtöd.",
    (
        _text("namn", "Namn", "Förnamn och efternamn.", required=True, ask="Skriv medlemmens namn."),
        _choice("roll", "Roll", m.ROLLER, "Välj roll i listan.", ask="Välj en roll i listan."),
        _text("parti_funktion", "Parti eller funktion",
              "Parti för förtroendevalda, befattning för tjänstepersoner."),
    ),
    m.Medlem,
    "Före pass 1",
    empty_hint="Skriv in utvecklingsgruppens medlemmar.",
    target_rows=6,
)

UPPDRAG = Sheet(
    "Uppdrag",
    "ansvar",
    "Vad: nämndens omfång och ansvarsområden.",
    (
        _text("omrade", "Ansvarsområde", "Ett ansvarsområde eller en verksamhet.",
              required=True, ask="Skriv ansvarsområdets namn."),
        _text("beskrivning", "Beskrivning", "Vad området omfattar.", width=60),
    ),
    m.Ansvar,
    PASS_1_2,
    empty_hint="Beskriv nämndens ansvarsområden.",
    target_rows=3,
)

STYRDOKUMENT = Sheet(
    "Styrdokument",
    "styrdokument",
    "Vad: lagar och andra direktiv som styr nämndens verksamhet.",
    (
        _text("namn", "Namn", "Lagens eller dokumentets namn, till exempel Socialtjänstlagen (2001:453).",
              required=True, ask="Skriv styrdokumentets namn."),
        _choice("typ", "Typ", m.STYRDOKUMENT_TYPER, "Välj typ i listan.",
                ask="Välj vilken typ av styrdokument det är."),
        _text("styr", "Vad det styr", "Vad dokumentet styr i verksamheten.", width=60),
    ),
    m.Styrdokument,
    PASS_1_2,
    empty_hint="Skriv in de lagar och direktiv som styr nämnden.",
    target_rows=3,
)

INTENTIONER = Sheet(
    "Politiska intentioner",
    "intentioner",
    "Vad: politikens intentioner för nämndens verksamheter.",
    (
        _text("intention", "Intention", "Vad politiken vill uppnå.", required=True,
              ask="Beskriv intentionen.", width=60),
        _text("kalla", "Källa", "Var intentionen är uttryckt, till exempel Mål och budget 2021."),
    ),
    m.Intention,
    PASS_1_2,
    empty_hint="Beskriv politikens intentioner.",
    target_rows=2,
)

KUNDER = Sheet(
    "Kunder",
    "kunder",
    "För vem och varför: verksamheternas kunder och målgrupper, deras situation och behov, "
    "och vilket värde som ska levereras.",
    (
        _text("kund", "Kund eller målgrupp", "Vem verksamheten finns till för. Använd samma "
              "namn som andra nämnder när det är samma grupp.", required=True,
              ask="Skriv vilken kund eller målgrupp det gäller.", width=26),
        _text("situation", "Situation", "Kundens situation.", required=True,
              ask="Beskriv kundens situation.", width=40),
        _text("behov", "Behov", "Kundens behov.", required=True,
              ask="Beskriv vilket behov kunden har.", width=40),
        _text("varde", "Värde", "Värdet som ska levereras mot behovet.", required=True,
              ask="Beskriv vilket värde som ska levereras.", width=40),
    ),
    m.Kund,
    PASS_1_2,
    empty_hint="Skriv in verksamheternas kunder och målgrupper.",
    target_rows=3,
)

UTMANINGAR = Sheet(
    "Utmaningar och möjligheter",
    "utmaningar",
    "Förmågan att leva syftet: utmaningar och möjligheter.",
    (
        _choice("typ", "Typ", m.UTMANING_TYPER, "Utmaning eller möjlighet.",
                ask="Välj Utmaning eller Möjlighet."),
        _text("beskrivning", "Beskrivning", "Beskriv utmaningen eller möjligheten.",
              required=True, ask="Beskriv utmaningen eller möjligheten.", width=70),
    ),
    m.Utmaning,
    PASS_1_2,
    empty_hint="Beskriv utmaningar och möjligheter.",
    target_rows=4,
)

BEROENDEN = Sheet(
    "Beroenden",
    "beroenden",
    "Beroenden till andra: interna (andra nämnder, med kod) och externa intressenter.",
    (
        _choice("typ", "Typ", m.BEROENDE_TYPER, "Intern (en annan nämnd) eller Extern.",
                ask="Välj Intern eller Extern."),
        Column("namnd", "Nämnd", "Den andra nämndens kod, för interna beroenden.", "kod",
               width=10),
        _text("intressent", "Intressent", "Den externa intressentens namn."),
        _choice("riktning", "Riktning", m.RIKTNINGAR, "Vem som är beroende av vem.",
                ask="Välj riktning i listan.", width=24),
        _text("beskrivning", "Beskrivning", "Vad beroendet består i.", required=True,
              ask="Beskriv vad beroendet består i.", width=60),
    ),
    m.Beroende,
    PASS_1_2,
    empty_hint="Beskriv beroenden till andra nämnder och externa intressenter.",
    target_rows=3,
)

SYNERGIER = Sheet(
    "Samband och synergier",
    "synergier",
    "Samband och synergier från avstämningen 7 oktober: med vem, vilken gränsöverskridande "
    "process och nästa steg.",
    (
        _text("med", "Med vem", "Andra nämnder (koder, med komma emellan) eller externa parter.",
              required=True, ask="Skriv vem sambandet gäller.", width=18),
        _text("process", "Gränsöverskridande process", "Processen som går över gränserna.",
              required=True, ask="Beskriv den gränsöverskridande processen.", width=40),
        _text("synergi", "Synergi", "Vad samarbetet kan ge.", required=True,
              ask="Beskriv vilken synergi ni ser.", width=40),
        _text("nasta_steg", "Nästa steg", "Vad som ska göras härnäst.", width=36),
    ),
    m.Synergi,
    "Avstämning 7 oktober",
    empty_hint="Skriv in samband och synergier från avstämningen 7 oktober.",
    target_rows=2,
)

VERKSAMHETSIDE = Sheet(
    "Verksamhetsidé",
    "verksamhetsideer",
    "Verksamhetsidéns formuleringar, en rad per version. Den senaste med status "
    "\"Förslag till beslut\" används i beslutsunderlaget.",
    (
        Column("version", "Version", "Versionsnummer: 1, 2, 3 …", "int", True,
               "Skriv versionens nummer.", minimum=1, width=9),
        _date("datum", "Datum", "Datum för formuleringen.", required=True,
              ask="Skriv datum som ÅÅÅÅ-MM-DD."),
        _choice("status", "Status", m.IDE_STATUS, "Utkast, Avstämd eller Förslag till beslut.",
                ask="Välj status i listan.", width=20),
        _text("formulering", "Formulering", "Verksamhetsidén: vad, för vem och varför, i en mening.",
              required=True, ask="Skriv verksamhetsidéns formulering.", width=90),
    ),
    m.Verksamhetside,
    PASS_3_4,
    min_rows=1,
    empty_hint="Skriv in minst en formulering av verksamhetsidén.",
)

REFLEKTIONER = Sheet(
    "Reflektioner och nästa steg",
    "reflektioner",
    "Pass 5: reflektioner, summering och idéer om nästa steg.",
    (
        _choice("typ", "Typ", m.REFLEKTION_TYPER, "Reflektion eller Nästa steg.",
                ask="Välj Reflektion eller Nästa steg."),
        _text("text", "Text", "Reflektionen eller nästa steg.", required=True,
              ask="Skriv reflektionen eller nästa steg.", width=90),
    ),
    m.Reflektion,
    PASS_5,
    empty_hint="Skriv in reflektioner och nästa steg från pass 5.",
    target_rows=2,
)

BESLUT = Sheet(
    "Förslag till beslut",
    "beslutspunkter",
    "Förslag till beslut: numrerade beslutspunkter, formulerade som om beslutet redan är "
    "fattat, en åtgärd per punkt.",
    (
        Column("nr", "Nr", "Punktens nummer: 1, 2, 3 …", "int", True, "Skriv punktens nummer.",
               minimum=1, width=6),
        _text("text", "Beslutspunkt", "Till exempel: Socialnämnden antar verksamhetsidé enligt "
              "bilaga 1.", required=True, ask="Skriv beslutspunktens text.", width=90),
    ),
    m.Beslutspunkt,
    PASS_5,
    min_rows=1,
    empty_hint="Skriv in minst en beslutspunkt.",
)

MOTE_HELP = "Klockslag, till exempel 13.00."

TIDPLAN = Sheet(
    "Tidplan",
    "moten",
    "Utvecklingsgruppens egna möten: pass, avstämningar och nämndsmöten.",
    (
        _choice("typ", "Typ", m.MOTE_TYPER, "Vilken sorts möte.", ask="Välj mötestyp i listan.",
                width=14),
        Column("pass_nr", "Pass", "Passets nummer, 1–5, för arbetspass.", "int",
               minimum=1, maximum=5, width=7),
        _date("datum", "Datum", "Mötets datum.", required=True, ask="Skriv datum som ÅÅÅÅ-MM-DD."),
        _time("start", "Start", MOTE_HELP),
        _time("slut", "Slut", MOTE_HELP),
        _text("plats", "Plats", "Var mötet hålls."),
        _text("beskrivning", "Beskrivning", "Mötets innehåll.", width=50),
    ),
    m.Mote,
    "Före pass 1",
    empty_hint="Skriv in utvecklingsgruppens möten.",
    target_rows=3,
)

NAMND = WorkbookSchema(
    "namnd",
    "Arbetsbok för utvecklingsgruppen",
    (
        GRUNDUPPGIFTER,
        UTVECKLINGSGRUPP,
        UPPDRAG,
        STYRDOKUMENT,
        INTENTIONER,
        KUNDER,
        UTMANINGAR,
        BEROENDEN,
        SYNERGIER,
        VERKSAMHETSIDE,
        REFLEKTIONER,
        BESLUT,
        TIDPLAN,
    ),
)

KOMMUN = WorkbookSchema(
    "kommun",
    "Kommungemensamma uppgifter",
    (
        Sheet(
            "Kommun",
            "",
            "Det som är gemensamt för alla nämnder: kommunen, visionen och uppdraget.",
            (
                _text("namn", "Kommun", "Kommunens namn.", required=True,
                      ask="Skriv kommunens namn."),
                _text("vision", "Vision", "Kommunens vision."),
                _text("uppdrag", "Uppdraget", "Fullmäktiges uppdrag till nämnderna.",
                      required=True, ask="Skriv uppdragets text."),
                _text("samordning", "Samordning", "Hur uppdraget samordnas."),
                VERSION,
            ),
        ),
        Sheet(
            "Milstolpar",
            "milstolpar",
            "Gemensamma milstolpar: uppstart, avstämningar och beslut.",
            (
                _text("benamning", "Benämning", "Till exempel Gemensam avstämning.",
                      required=True, ask="Skriv milstolpens benämning."),
                _date("datum", "Datum", "Milstolpens datum.", required=True,
                      ask="Skriv datum som ÅÅÅÅ-MM-DD."),
                _choice("typ", "Typ", m.MOTE_TYPER, "Vilken sorts milstolpe.",
                        ask="Välj typ i listan.", width=14),
                _time("start", "Start", MOTE_HELP),
                _time("slut", "Slut", MOTE_HELP),
                _text("plats", "Plats", "Var mötet hålls."),
                _text("beskrivning", "Beskrivning", "Syfte och innehåll.", width=50),
            ),
            m.Milstolpe,
            empty_hint="Skriv in de gemensamma milstolparna.",
        ),
        Sheet(
            "Nämnder",
            "namnder",
            "Kommunens register över nämnder. Ordningen styr i vilken ordning de visas.",
            (
                Column("kod", "Kod", "Nämndens kod, till exempel SN.", "kod", True,
                       "Skriv nämndens kod.", width=10),
                _text("namn", "Namn", "Nämndens namn.", required=True, ask="Skriv nämndens namn."),
                _text("forvaltning", "Förvaltning", "Förvaltningen som stödjer nämnden."),
                Column("ordning", "Ordning", "Ordningsnummer: 1, 2, 3 …", "int", minimum=0,
                       width=10),
            ),
            m.NamndRef,
            min_rows=1,
            empty_hint="Skriv in kommunens nämnder.",
        ),
    ),
)

SCHEMAS = (NAMND, KOMMUN)
