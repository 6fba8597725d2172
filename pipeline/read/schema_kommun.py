"""The kommun workbook's format: what all nämnder share (part of the schema, see schema.py)."""

from __future__ import annotations

from .. import model as m
from .columns import MOTE_HELP, VERSION, Column, Sheet, WorkbookSchema, choice, date, text, time

# When a sheet is worked on: the planning document's pass periods, and the stages of a
# nämnd's work in order. Each sheet's `stage` is one of them, and when each is due is the phase
# model's (domain/faser.py, and the sheet Faser below). A sheet is not "missing" before its
# stage is due, so the reader leaves an empty one unsaid.
PASS_1_2, PASS_3_4, PASS_5 = (m.pass_namn(*p, period=True) for p in ((1, 2), (3, 4), (5,)))
FORE_PASS_1 = "Före pass 1"
VID_AVSTAMNINGEN = "Avstämning 7 oktober"  # samband och synergier, from the October avstämning
FASER = (FORE_PASS_1, PASS_1_2, VID_AVSTAMNINGEN, PASS_3_4, PASS_5)

KOMMUN = WorkbookSchema(
    "kommun",
    "Kommungemensamma uppgifter",
    (
        Sheet(
            "Kommun",
            "",
            "Det som är gemensamt för alla nämnder: kommunen, visionen och uppdraget.",
            (
                text("namn", "Kommun", "Kommunens namn.", required=True,
                      ask="Skriv kommunens namn."),
                text("vision", "Vision", "Kommunens vision."),
                text("uppdrag", "Uppdraget", "Fullmäktiges uppdrag till nämnderna.",
                      required=True, ask="Skriv uppdragets text."),
                text("samordning", "Samordning", "Hur uppdraget samordnas."),
                text("styrmodell", "Verksamhetsidé och styrmodell",
                      "Hur nämndernas verksamhetsidéer hänger ihop med kommunens vision och "
                      "styrmodell. Står i avrapporteringen till kommunstyrelsen.", width=90),
                Column("max_bilder", "Bilder per avsnitt",
                       "Hur många bilder ett avsnitt får ta i presentationerna innan resten "
                       "sammanfattas, 1–10. Lämnas tom blir det 2.", "int", minimum=1,
                       maximum=10),
                VERSION,
            ),
        ),
        Sheet(
            "Milstolpar",
            "milstolpar",
            "Gemensamma milstolpar: uppstart, avstämningar och beslut.",
            (
                text("benamning", "Benämning", "Till exempel Gemensam avstämning.",
                      required=True, ask="Skriv milstolpens benämning."),
                date("datum", "Datum", "Milstolpens datum.", required=True,
                      ask="Skriv datum som ÅÅÅÅ-MM-DD."),
                choice("typ", "Typ", m.MOTE_TYPER, "Vilken sorts milstolpe.",
                        ask="Välj typ i listan.", width=14),
                time("start", "Start", MOTE_HELP),
                time("slut", "Slut", MOTE_HELP),
                text("plats", "Plats", "Var mötet hålls."),
                text("beskrivning", "Beskrivning", "Syfte och innehåll.", width=50),
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
                text("namn", "Namn", "Nämndens namn.", required=True, ask="Skriv nämndens namn."),
                text("forvaltning", "Förvaltning", "Förvaltningen som stödjer nämnden."),
                Column("ordning", "Ordning", "Ordningsnummer: 1, 2, 3 …", "int", minimum=0,
                       width=10),
            ),
            m.NamndRef,
            min_rows=1,
            empty_hint="Skriv in kommunens nämnder.",
        ),
        Sheet(
            "Dialogfrågor",
            "dialogfragor",
            "Frågorna som nämnderna samtalar om vid de gemensamma avstämningarna. De visas i "
            "avstämningens presentationer.",
            (
                date("datum", "Avstämning", "Avstämningens datum, som i fliken Milstolpar.",
                      required=True, ask="Skriv avstämningens datum som ÅÅÅÅ-MM-DD."),
                text("fraga", "Fråga", "Frågan som samtalet utgår från.", required=True,
                      ask="Skriv frågan.", width=60),
                text("stod", "Stödfrågor", "Frågor eller underlag som hjälper samtalet vidare.",
                      width=60),
            ),
            m.Dialogfraga,
            empty_hint="Skriv in frågorna till avstämningarnas dialoger.",
            optional=True,
        ),
        Sheet(
            "Program",
            "program",
            "Programmet för de gemensamma mötena: punkterna i ordning, vem som leder dem och, "
            "om de är bestämda, tiderna. Programmet blir dagordningen i den "
            "kommunövergripande presentationen; utan tider heter den Innehåll.",
            (
                date("datum", "Möte", "Mötets datum, som i fliken Milstolpar.", required=True,
                     ask="Skriv mötets datum som ÅÅÅÅ-MM-DD."),
                text("punkt", "Punkt", "Programpunkten, till exempel Föreläsning: Systemsyn "
                     "och vikten av ett känt syfte.", required=True, ask="Skriv punkten.",
                     width=60),
                text("ansvarig", "Ansvarig", "Vem som leder punkten eller talar."),
                time("start", "Start", "Punktens starttid, TT:MM. Lämnas tom om tiden inte är "
                     "bestämd."),
                time("slut", "Slut", "Punktens sluttid, TT:MM."),
            ),
            m.Programpunkt,
            empty_hint="Skriv in programmet för de gemensamma mötena.",
            optional=True,
        ),
        Sheet(
            "Faser",
            "faser",
            "När varje del av arbetet ska vara klar, om kommunen vill ha andra datum än "
            "planeringens: före pass 1 till uppstarten, pass 1–2 till den första avstämningen, "
            "samband och synergier och pass 3–4 till den sista avstämningen, pass 5 till "
            "nämndens beslut. Lämnas fliken tom gäller planeringen.",
            (
                choice("fas", "Fas", FASER, "Vilken del av arbetet.", ask="Välj fas i listan.",
                       width=22),
                date("datum", "Klar till", "Datum då delen ska vara ifylld, ÅÅÅÅ-MM-DD.",
                     required=True, ask="Skriv datum som ÅÅÅÅ-MM-DD."),
            ),
            m.Fas,
            optional=True,
        ),
        Sheet(
            "Intranät",
            "",
            "Texten till intranätet vid avstämningen i oktober: rubriken, ingressen och ett "
            "citat skrivs här av den som ansvarar för kommunikationen. Det som lämnas tomt "
            "står inte med i texten.",
            (
                text("intranat_rubrik", "Rubrik", "Textens rubrik. Lämnas tom blir den "
                     "\"Arbetet med nämndernas verksamhetsidéer – läget inför avstämningen\" "
                     "med avstämningens datum.", width=60),
                text("intranat_ingress", "Ingress", "En eller två meningar som inleder texten.",
                     width=90),
                text("intranat_citat", "Citat", "Ett citat om arbetet, utan citattecken.",
                     width=90),
                text("intranat_citat_av", "Citatet av", "Namn och titel på den som citeras, "
                     "till exempel Anna Berg, kommunchef."),
            ),
            stage="Avstämning i oktober",
            optional=True,
        ),
        Sheet(
            "Avrapportering",
            "",
            "Kommunstyrelsens tjänsteskrivelse \"Avrapportering av uppdrag verksamhetsidé\" "
            "efter nämndernas beslut.",
            (
                text("diarienummer", "Diarienummer", "Ärendets diarienummer, till exempel "
                      "KS 2022/45."),
                date("datum", "Datum för tjänsteskrivelsen",
                      "Datum som står i avrapporteringens huvud."),
                text("handlaggare", "Handläggare", "Namn och titel på den som skriver "
                      "avrapporteringen."),
                text("forvaltningschef", "Förvaltningschef", "Namn och titel på den som "
                      "undertecknar, till exempel kommunchefen."),
                text("sammanfattning", "Sammanfattning", "En kort, saklig sammanfattning av "
                      "avrapporteringen. En tom rad ger ett nytt stycke.", width=90),
                text("bedomning", "Förvaltningens bedömning",
                      "Kommunledningsförvaltningens egen bedömning. En tom rad ger ett nytt "
                      "stycke.", width=90),
                text("expedieras", "Expedieras till", "Mottagare av beslutet, en per rad."),
            ),
            stage="Efter beslut",
            optional=True,
        ),
        Sheet(
            "Avrapportering beslut",
            "beslutspunkter",
            "Förslag till beslut i avrapporteringen: numrerade beslutspunkter, en åtgärd per "
            "punkt.",
            (
                Column("nr", "Nr", "Punktens nummer: 1, 2, 3 …", "int", True,
                       "Skriv punktens nummer.", minimum=1, width=6),
                text("text", "Beslutspunkt", "Till exempel: Kommunstyrelsen tar emot "
                      "avrapporteringen och lägger den till handlingarna.", required=True,
                      ask="Skriv beslutspunktens text.", width=90),
            ),
            m.Beslutspunkt,
            stage="Efter beslut",
            empty_hint="Skriv avrapporteringens beslutspunkter; utan dem står i avrapporteringen "
                       "att förslag till beslut saknas.",
            optional=True,
        ),
    ),
)
