"""The arbetsmaterial template's slides for pass 3–4 (insights from the avstämning, the
formulation) and pass 5 (reflection, summary, underlag för beslut). Part of
scripts/make_pptx_templates.py; the deck is scripts/pptx_arbetsmaterial.py."""

from __future__ import annotations

from pptx.util import Inches, Pt
from pptx_canvas import (
    AFTER,
    BELOW,
    BOTTOM,
    EMPTY,
    GAP,
    P5,
    P34,
    SO_FAR,
    answers,
    blank_table,
    canvas,
    caption,
    exercise,
    frame,
    notes,
    purpose,
)
from pptx_design import ACCENT, CONTENT_TOP, CONTENT_WIDTH, MARGIN, MUTED, slide, textbox
from pptx_parts import MAIN_PT, sheet_table, table

from pipeline.read import schema as S


def pass_3_4(prs) -> None:
    """Pass 3 and 4: what the avstämning gave the nämnd, then the formulation."""
    purpose(prs, P34, "Ett förslag på en formulerad verksamhetsidé för nämnden som skapar värde "
            "för nämndens verksamheter och för kommunen i sin helhet.",
            [("1", "Insikter från avstämningen"),
             ("2", "Dialogövningar – formulering av verksamhetsidé")],
            "Pass 3 och 4 leder fram till den slutliga avstämningen i december, där "
            "nämndernas formulerade verksamhetsidéer får dialog och kvittens.")
    exercise(prs, "1", "Insikter från avstämningen", [
        "Vad såg de andra nämnderna i vårt underlag, och vad såg vi i deras?",
        "Vilka samband och synergier tar vi med oss in i formuleringen?",
        "Vilken form ska verksamhetsidén ha, enligt det nämnderna kom överens om?"],
        f"{{%slide if {P34} %}}",
        "Bilderna som följer visar vad avstämningen gav nämnden: frågorna som nämnderna "
        "samtalade om, det andra nämnder har skrivit om samband, synergier och beroenden "
        "med oss, och de kunder vi delar med andra. Den form för verksamhetsidéerna som "
        "nämnderna kom överens om skriver gruppen in på frågornas bild.")
    s = slide(prs, "Avstämningens frågor", notes(
        f"{{%slide if {P34} and dialogfragor %}}\n{{%summary fråga/frågor %}}",
        "Stödfrågorna från avstämningen:{% for f in dialogfragor %}\n{{ f.fraga }} "
        "{{ f.stod }}{% endfor %}"))
    caption(s, "Frågorna vid avstämningen {{ avstamning.datum_text }}: skriv i högra kolumnen vad "
               "gruppen tar med sig.")
    shape = table(s, "Tabell frågor", [("Fråga", "{{ f.fraga }}", 5.0),
                                       ("Det vi tar med oss", "", 7.1)],
                  "f in dialogfragor", top=BELOW, size=MAIN_PT)
    shape.table.horz_banding = False  # the right column is a space to write in
    shape.table.rows[1].height = Inches(1.35)  # room to write beside each question
    shape.height = shape.table.rows[0].height + shape.table.rows[1].height
    answers(prs, "Synergier andra nämnder ser med oss", f"{P34} and andras_synergier",
            "synergi/synergier", "Fråga gruppen vad den känner igen och vad den tar med sig "
            "in i formuleringen.", S.SYNERGIER, "y",
            {"med": 2.9, "process": 3.1, "synergi": 3.3, "nasta_steg": 2.8},
            f"Det andra nämnder har skrivit i sina flikar {S.SYNERGIER.name} där de nämner "
            "oss.",
            loop="y in andras_synergier", name="Tabell andras synergier",
            headers={"med": "Från"}, exprs={"med": "y.namnd"})
    s = slide(prs, "Beroenden andra nämnder ser till oss", notes(
        f"{{%slide if {P34} and andras_beroenden %}}\n{{%summary beroende/beroenden %}}",
        f"Det andra nämnder har skrivit i sina flikar {S.BEROENDEN.name} om beroenden till "
        "oss, sett från oss."))
    caption(s, "Det andra nämnder har skrivit om beroenden till oss.")
    table(s, "Tabell andras beroenden", [("Vem är beroende av vem", "{{ b.riktning }}", 4.4),
                                         ("Beskrivning", "{{ b.beskrivning }}", 7.7)],
          "b in andras_beroenden", top=BELOW, size=MAIN_PT)
    s = slide(prs, "Kunder vi delar med andra nämnder", notes(
        f"{{%slide if {P34} and gemensamma_kunder %}}\n{{%summary kund/kunder %}}",
        "Kunder med samma namn i flera nämnders arbetsböcker."))
    caption(s, "Kunder och målgrupper som också andra nämnder har skrivit in.")
    table(s, "Tabell delade kunder", [("Kund eller målgrupp", "{{ g.kund }}", 5.0),
                                      ("Också hos", "{{ g.av }}", 7.1)],
          "g in gemensamma_kunder", top=BELOW, size=MAIN_PT)
    answers(prs, "Våra samband och synergier", f"{P34} and namnd.synergier", "synergi/synergier",
            AFTER, S.SYNERGIER, "y", {"med": 2.8, "process": 3.2, "synergi": 3.2,
                                      "nasta_steg": 2.9}, SO_FAR,
            headers={"med": "Med"}, exprs={"med": "y.med|namnder"})
    blank_table(prs, "Våra samband och synergier", f"{P34} and not namnd.synergier", AFTER,
                [("Med vem", 2.8), ("Gränsöverskridande process", 3.2), ("Synergi", 3.2),
                 ("Nästa steg", 2.9)], EMPTY)
    answers(prs, "Våra reflektioner hittills", f"{P34} and insikter", "reflektion/reflektioner",
            AFTER, S.REFLEKTIONER, "r", {"typ": 2.2, "text": 7.5, "datum": 2.4},
            "Det gruppen har skrivit i fliken Reflektioner och nästa steg, med datum.",
            loop="r in insikter", exprs={"datum": "r.datum|datum"})
    _formulering(prs)


def _formulering(prs) -> None:
    """The formulation: the group's material read as vad, för vem and varför, the
    formulations so far with their dates, and a canvas to formulate on."""
    exercise(prs, "2", "Formulering av verksamhetsidé", [
        "Vad gör vi? Omfång och ansvar, styrande lagar och politikens intentioner.",
        "För vem? Verksamheternas kunder, deras situation och behov.",
        "Varför? Vilket värde ska levereras, för verksamheterna och för kommunen?",
        "Hur säger vi det i en mening?"], f"{{%slide if {P34} %}}",
        "En verksamhetsidé svarar på vad, för vem och varför, i ungefär en mening. Den är "
        "ingen vision: den utgår från syftet och från dem verksamheten finns till för.")
    s = slide(prs, "Vårt underlag: vad, för vem och varför",
              notes(f"{{%slide if {P34} and vad_for_vem_varfor %}}",
                    "Gruppens egna svar från pass 1 och 2, som byggstenar till formuleringen."))
    box = textbox(s, "Vad, för vem och varför", [
        ("{%p for b in vad_for_vem_varfor %}", 18, False), ("{{ b.rubrik }}", 20, True),
        ("{{ b.text }}", 18, False), ("{%p endfor %}", 18, False)])
    box.text_frame.paragraphs[1].runs[0].font.color.rgb = ACCENT
    s = slide(prs, "Formuleringar hittills", notes(
        f"{{%slide if {P34} and versioner %}}\n{{%summary version/versioner %}}",
        f"Formuleringarna i fliken {S.VERKSAMHETSIDE.name}, med datum och status. En ny "
        "formulering blir en ny rad med nästa versionsnummer."))
    caption(s, "Verksamhetsidéns formuleringar i arbetsboken, med sina datum.")
    sheet_table(s, "Tabell versioner", S.VERKSAMHETSIDE, "v",
                {"version": 1.3, "datum": 2.4, "status": 2.4, "formulering": 6.0},
                "v in versioner", size=MAIN_PT, exprs={"datum": "v.datum|datum"})
    s.shapes[-1].top = BELOW
    s = slide(prs, "Formulera verksamhetsidén", notes(
        f"{{%slide if {P34} %}}", "Skriv stödord under vad, för vem och varför, och "
        "formulera sedan en mening i den nedre rutan."))
    caption(s, "Skriv stödord om vad, för vem och varför i rutorna, och sedan en mening.")
    width = (CONTENT_WIDTH - 2 * GAP) // 3
    middle = BELOW + Inches(2.6)
    for i, label in enumerate(("Vad", "För vem", "Varför")):
        frame(s, label, MARGIN + i * (width + GAP), BELOW, width, middle - BELOW)
    frame(s, "Verksamhetsidén i en mening", MARGIN, middle + Inches(0.2), CONTENT_WIDTH,
          BOTTOM - middle - Inches(0.2))


def pass_5(prs) -> None:
    """Pass 5: the formulation, reflection and summary, and the underlag för beslut with what
    it still lacks."""
    purpose(prs, P5, "Utrymme för reflektioner och summering. Möjlighet att skapa underlag för "
            "beslut.", [("1", "Reflektioner och summering"), ("2", "Underlag för beslut")],
            "Pass 5 följer på den slutliga avstämningen. Det leder fram till nämndens beslut "
            "om verksamhetsidén.")
    s = slide(prs, "Verksamhetsidén", notes(
        f"{{%slide if {P5} and ide %}}", "Formuleringen som beslutsunderlaget använder: den "
        "senaste med status Förslag till beslut, annars den senaste."))
    textbox(s, "Formulering", [("{{ ide.formulering }}", 26, True)], top=CONTENT_TOP,
            height=Inches(4.4), color=ACCENT)
    textbox(s, "Version", [("Version {{ ide.version }}, {{ ide.datum|datum }} – "
                            "{{ ide.status|lower }}", MAIN_PT, False)], top=Inches(6.1),
            height=Inches(0.5), color=MUTED)
    canvas(prs, "Verksamhetsidén", f"{P5} and not ide", AFTER, ["Verksamhetsidén i en mening"],
           f"Fliken {S.VERKSAMHETSIDE.name} har ingen formulering ännu.")
    exercise(prs, "1", "Reflektioner och summering", [
        "Vad har vi lärt oss om nämndens verksamheter under arbetet?",
        "Svarar verksamhetsidén på vad, för vem och varför?",
        "Vad tar vi med oss, och vilka är nästa steg?"], f"{{%slide if {P5} %}}",
        f"Reflektioner och idéer om nästa steg hör till fliken {S.REFLEKTIONER.name}, med "
        "datum. Nästa steg blir en del av kommunstyrelsens avrapportering av uppdraget.")
    answers(prs, "Reflektioner och nästa steg", f"{P5} and insikter", "rad/rader", AFTER,
            S.REFLEKTIONER, "r", {"typ": 2.2, "text": 7.5, "datum": 2.4}, SO_FAR,
            loop="r in insikter", exprs={"datum": "r.datum|datum"})
    canvas(prs, "Reflektioner och nästa steg", f"{P5} and not insikter", AFTER,
           ["Reflektioner", "Nästa steg"], EMPTY)
    exercise(prs, "2", "Underlag för beslut", [
        "Vilka beslut ska nämnden fatta? En åtgärd per punkt, skriven som om beslutet redan "
        "är fattat.",
        "Vad behöver förvaltningen ta ställning till i sin bedömning?",
        "Vad saknas innan beslutsunderlaget kan gå till nämnden?"], f"{{%slide if {P5} %}}",
        f"Förslaget till beslut hör till fliken {S.BESLUT.name}. Förvaltningens bedömning "
        "skriver förvaltningen själv, i fliken Bedömning.")
    s = slide(prs, "Förslag till beslut – utkast", notes(f"{{%slide if {P5} and beslutspunkter %}}",
                                                       AFTER))
    caption(s, SO_FAR)
    textbox(s, "Beslutspunkter", [("{%p for p in beslutspunkter %}", 20, False),
                                  ("{{ p.nr }}. {{ p.text }}", 20, False),
                                  ("{%p endfor %}", 20, False)], top=BELOW, height=BOTTOM - BELOW)
    canvas(prs, "Förslag till beslut – utkast", f"{P5} and not beslutspunkter", AFTER,
           ["Förslag till beslut"], "Numrerade punkter, skrivna som om beslutet redan är "
           "fattat, en åtgärd per punkt.")
    s = slide(prs, "Det som återstår i beslutsunderlaget", notes(
        f"{{%slide if {P5} and saknas %}}\n{{%summary sak/saker %}}",
        "Det som arbetsboken ännu saknar för att beslutsunderlaget ska bli helt."))
    caption(s, "Det arbetsboken ännu saknar för tjänsteskrivelsen till nämnden.")
    table(s, "Tabell saknas", [("Det som saknas", "{{ x.rubrik }}", 3.8),
                               ("Vad som behövs", "{{ x.text }}", 8.3)], "x in saknas",
          top=BELOW, size=MAIN_PT)
    s = slide(prs, "Beslutsunderlaget har det som behövs",
              notes(f"{{%slide if {P5} and not saknas %}}"))
    textbox(s, "Klart", [("Arbetsboken har allt som beslutsunderlaget behöver: en formulering "
                          "med status Förslag till beslut, förslag till beslut, förvaltningens "
                          "bedömning, förvaltningschefen och det planerade beslutsdatumet.",
                          20, False),
                         ("Läs igenom tjänsteskrivelsen och bilaga 1 tillsammans innan de går "
                          "till nämnden.", 20, False)])
    for p in s.shapes[-1].text_frame.paragraphs:
        p.space_after = Pt(12)
