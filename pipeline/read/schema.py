"""The workbook format: the single source of truth for sheets, columns and help texts.

The blank and example workbooks (`write.py`), the reader (`workbook.py`), the format
documentation (`formatdoc.py`: `underlag format`, README) and the template scripts' tables
(`Sheet.template_columns`) are all derived from the definitions here.
"""

from __future__ import annotations

from .. import model as m
from .columns import MOTE_HELP, VERSION, Column, Sheet, WorkbookSchema, choice, date, text, time
from .schema_kommun import (  # noqa: F401 - the stages, part of this module's format
    FASER,
    FORE_PASS_1,
    KOMMUN,
    PASS_1_2,
    PASS_3_4,
    PASS_5,
    VID_AVSTAMNINGEN,
)

FORMAT_VERSION = 1
# the stages of the work and their pass periods are the kommun workbook's (schema_kommun.py)


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
        text("namn", "Nämnd", "Nämndens fullständiga namn.", required=True,
              ask="Skriv nämndens namn, till exempel Socialnämnden."),
        text("forvaltning", "Förvaltning", "Förvaltningen som bereder ärendet.",
              required=True, ask="Skriv förvaltningens namn."),
        text("diarienummer", "Diarienummer", "Ärendets diarienummer, till exempel SN 2021/123."),
        text("handlaggare", "Handläggare", "Namn och titel på den som skriver tjänsteskrivelsen, "
              "till exempel Kim Berg, kvalitetsutvecklare."),
        text("forvaltningschef", "Förvaltningschef", "Namn och titel på förvaltningschefen som "
              "undertecknar tjänsteskrivelsen, till exempel Eva Lind, socialchef."),
        text("processtod", "Processtöd", "Utvecklingsgruppens processtöd."),
        date("datum", "Datum för tjänsteskrivelsen", "Datum som står i tjänsteskrivelsens huvud.",
              required=True, ask="Skriv tjänsteskrivelsens datum som ÅÅÅÅ-MM-DD."),
        date("beslutsdatum", "Planerat beslutsdatum", "Nämndsmötet där beslutet planeras."),
        text("arende", "Ärendemening",
              "Ärendets rubrik. Lämnas tom blir den \"Verksamhetsidé för <nämnd>\"."),
        text("sammanfattning", "Sammanfattning",
              "En kort, saklig sammanfattning av ärendet. En tom rad ger ett nytt stycke."),
        text("expedieras", "Expedieras till", "Mottagare av beslutet, en per rad."),
        text("bilagor", "Övriga bilagor", "Handlingar som hör till ärendet utöver bilaga 1 "
              "(utvecklingsgruppens underlag, som underlag gör), en per rad. De blir bilaga 2, 3 …"),
        VERSION,
    ),
    stage=FORE_PASS_1,
)

BEDOMNING = Sheet(
    "Bedömning",
    "",
    "Förvaltningens bedömning och konsekvenserna av förslaget, skrivna av förvaltningen. "
    "De står i tjänsteskrivelsen som de skrivs här.",
    (
        text("bedomning", "Förvaltningens bedömning",
              "Förvaltningens egen, motiverade bedömning av förslaget. En tom rad ger ett nytt "
              "stycke.", width=90),
        text("ekonomi", "Ekonomiska konsekvenser",
              "Förslagets ekonomiska konsekvenser, om några. Lämnas tom när det inte är aktuellt.",
              width=90),
        text("barnkonsekvenser", "Barnkonsekvensanalys",
              "Hur förslaget påverkar barn, om det gör det. Lämnas tom när det inte är aktuellt.",
              width=90),
    ),
    stage=PASS_5,
    optional=True,
)

UTVECKLINGSGRUPP = Sheet(
    "Utvecklingsgrupp",
    "medlemmar",
    "Utvecklingsgruppens medlemmar: ordförande, vice ordförande, två från oppositionen, "
    "förvaltningens ledningsgrupp och processtöd.",
    (
        text("namn", "Namn", "Förnamn och efternamn.", required=True, ask="Skriv medlemmens namn."),
        choice("roll", "Roll", m.ROLLER, "Välj roll i listan.", ask="Välj en roll i listan."),
        text("parti_funktion", "Parti eller funktion",
              "Parti för förtroendevalda, befattning för tjänstepersoner."),
    ),
    m.Medlem,
    FORE_PASS_1,
    empty_hint="Skriv in utvecklingsgruppens medlemmar.",
    target_rows=6,
)

UPPDRAG = Sheet(
    "Uppdrag",
    "ansvar",
    "Vad: nämndens omfång och ansvarsområden.",
    (
        text("omrade", "Ansvarsområde", "Ett ansvarsområde eller en verksamhet.",
              required=True, ask="Skriv ansvarsområdets namn."),
        text("beskrivning", "Beskrivning", "Vad området omfattar.", width=60),
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
        text("namn", "Namn", "Lagens eller dokumentets namn, till exempel Socialtjänstlagen (2001:453).",
              required=True, ask="Skriv styrdokumentets namn."),
        choice("typ", "Typ", m.STYRDOKUMENT_TYPER, "Välj typ i listan.",
                ask="Välj vilken typ av styrdokument det är."),
        text("styr", "Vad det styr", "Vad dokumentet styr i verksamheten.", width=60),
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
        text("intention", "Intention", "Vad politiken vill uppnå.", required=True,
              ask="Beskriv intentionen.", width=60),
        text("kalla", "Källa", "Var intentionen är uttryckt, till exempel Mål och budget 2021."),
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
        text("kund", "Kund eller målgrupp", "Vem verksamheten finns till för. Använd samma "
              "namn som andra nämnder när det är samma grupp.", required=True,
              ask="Skriv vilken kund eller målgrupp det gäller.", width=26),
        text("situation", "Situation", "Kundens situation.", required=True,
              ask="Beskriv kundens situation.", width=40),
        text("behov", "Behov", "Kundens behov.", required=True,
              ask="Beskriv vilket behov kunden har.", width=40),
        text("varde", "Värde", "Värdet som ska levereras mot behovet.", required=True,
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
        choice("typ", "Typ", m.UTMANING_TYPER, "Utmaning eller möjlighet.",
                ask="Välj Utmaning eller Möjlighet."),
        text("beskrivning", "Beskrivning", "Beskriv utmaningen eller möjligheten.",
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
        choice("typ", "Typ", m.BEROENDE_TYPER, "Intern (en annan nämnd) eller Extern.",
                ask="Välj Intern eller Extern."),
        Column("namnd", "Nämnd", "Den andra nämndens kod, för interna beroenden.", "kod",
               width=10),
        text("intressent", "Intressent", "Den externa intressentens namn."),
        choice("riktning", "Riktning", m.RIKTNINGAR, "Vem som är beroende av vem.",
                ask="Välj riktning i listan.", width=24),
        text("beskrivning", "Beskrivning", "Vad beroendet består i.", required=True,
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
        text("med", "Med vem", "Andra nämnder (koder, med komma emellan) eller externa parter.",
              required=True, ask="Skriv vem sambandet gäller.", width=18),
        text("process", "Gränsöverskridande process", "Processen som går över gränserna.",
              required=True, ask="Beskriv den gränsöverskridande processen.", width=40),
        text("synergi", "Synergi", "Vad samarbetet kan ge.", required=True,
              ask="Beskriv vilken synergi ni ser.", width=40),
        text("nasta_steg", "Nästa steg", "Vad som ska göras härnäst.", width=36),
    ),
    m.Synergi,
    VID_AVSTAMNINGEN,
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
        date("datum", "Datum", "Datum för formuleringen.", required=True,
              ask="Skriv datum som ÅÅÅÅ-MM-DD."),
        choice("status", "Status", m.IDE_STATUS, "Utkast, Avstämd eller Förslag till beslut.",
                ask="Välj status i listan.", width=20),
        text("formulering", "Formulering", "Verksamhetsidén: vad, för vem och varför, i en mening.",
              required=True, ask="Skriv verksamhetsidéns formulering.", width=90),
    ),
    m.Verksamhetside,
    PASS_3_4,
    empty_hint="Skriv in minst en formulering av verksamhetsidén.",
)

REFLEKTIONER = Sheet(
    "Reflektioner och nästa steg",
    "reflektioner",
    "Pass 5: reflektioner, summering och idéer om nästa steg.",
    (
        choice("typ", "Typ", m.REFLEKTION_TYPER, "Reflektion eller Nästa steg.",
                ask="Välj Reflektion eller Nästa steg."),
        text("text", "Text", "Reflektionen eller nästa steg.", required=True,
              ask="Skriv reflektionen eller nästa steg.", width=90),
        date("datum", "Datum", "När reflektionen eller steget skrevs, ÅÅÅÅ-MM-DD. Utan datum "
             "räknas den till pass 5."),
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
        text("text", "Beslutspunkt", "Till exempel: Socialnämnden antar verksamhetsidé enligt "
              "bilaga 1.", required=True, ask="Skriv beslutspunktens text.", width=90),
    ),
    m.Beslutspunkt,
    PASS_5,
    empty_hint="Skriv in minst en beslutspunkt.",
)


TIDPLAN = Sheet(
    "Tidplan",
    "moten",
    "Utvecklingsgruppens egna möten: pass, avstämningar och nämndsmöten.",
    (
        choice("typ", "Typ", m.MOTE_TYPER, "Vilken sorts möte.", ask="Välj mötestyp i listan.",
                width=14),
        Column("pass_nr", "Pass", "Passets nummer, 1–5, för arbetspass.", "int",
               minimum=1, maximum=5, width=7),
        date("datum", "Datum", "Mötets datum.", required=True, ask="Skriv datum som ÅÅÅÅ-MM-DD."),
        time("start", "Start", MOTE_HELP),
        time("slut", "Slut", MOTE_HELP),
        text("plats", "Plats", "Var mötet hålls."),
        text("beskrivning", "Beskrivning", "Mötets innehåll.", width=50),
    ),
    m.Mote,
    FORE_PASS_1,
    empty_hint="Skriv in utvecklingsgruppens möten.",
    target_rows=3,
)

# After the nämnd's decision: the secretary records it as the minutes have it. Not a stage of
# the work (the phase model never asks for it); the avrapportering states a decision only
# from here, never from the planned date.
EFTER_BESLUTET = "Efter nämndens beslut"

NAMNDENS_BESLUT = Sheet(
    "Nämndens beslut",
    "",
    "Nämndens beslut om verksamhetsidén, som det står i protokollet. Nämndsekreteraren fyller "
    "i fliken efter sammanträdet. Avrapporteringen till kommunstyrelsen anger ett beslut bara "
    "härifrån; så länge fliken är tom står beslutet som planerat.",
    (
        date("beslutad", "Beslutsdatum", "Dagen då nämnden fattade beslutet, ÅÅÅÅ-MM-DD."),
        text("paragraf", "Paragraf", "Beslutets paragraf i protokollet, till exempel § 14."),
        text("antagen", "Antagen formulering", "Verksamhetsidén som nämnden antog, när nämnden "
             "ändrade förslaget. Lämnas tom när nämnden antog förslaget som det står.", width=90),
        text("protokoll", "Protokollsutdrag", "Protokollsutdragets rubrik som det ska stå bland "
             "avrapporteringens beslutsunderlag. Lämnas tom blir det \"Protokollsutdrag "
             "<nämnd> <datum>, <paragraf>\"."),
    ),
    stage=EFTER_BESLUTET,
    optional=True,
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
        BEDOMNING,
        TIDPLAN,
        NAMNDENS_BESLUT,
    ),
)

SCHEMAS = (NAMND, KOMMUN)
