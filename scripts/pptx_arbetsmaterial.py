"""The arbetsmaterial deck template, templates/arbetsmaterial.pptx: the processtöd's material
for a period of a nämnd's passes (pass 1–2, 3–4 or 5; the context's `arbetspass.nyckel` says
which). Made by scripts/make_pptx_templates.py.

Each exercise is a divider with its questions, then the group's answers so far or, where
nothing is written yet, an empty canvas. The purposes, the exercises and their questions are
the planning document's, as literal text of this template: the kommun changes them in
PowerPoint. The speaker notes carry the processtöd's guidance beneath the slide's directive.
"""

from __future__ import annotations

from pptx_arbetsmaterial_senare import pass_3_4, pass_5
from pptx_canvas import (
    AFTER,
    EMPTY,
    P12,
    SO_FAR,
    answers,
    blank_table,
    canvas,
    coming,
    exercise,
    purpose,
)
from pptx_design import new_deck, title_slide
from pptx_parts import save

from pipeline.read import schema as S

FOOTER = "{{ kommun.namn }} · {{ namnd.namn }} · {{ arbetspass.rubrik }}"


def arbetsmaterial() -> bytes:
    """Return the template of the material for each period of passes."""
    prs = new_deck(FOOTER)
    s = title_slide(prs, "{{ namnd.namn }}", "Arbetsmaterial – verksamhetsidé",
                     meeting="{{ arbetspass.rubrik }}", detail="{{ arbetspass.detaljer }}",
                     byline="Utvecklingsgruppen · {{ namnd.forvaltning }}")
    s.notes_slide.notes_text_frame.text = (
        "Materialet visar arbetsboken{% if arbetspass.datum %} som den stod "
        "{{ arbetspass.datum|datum }}, dagen för periodens sista pass{% endif %}. Övningarnas "
        "texter och frågor kommer från planeringsunderlaget och står i mallen "
        "arbetsmaterial.pptx, där kommunen kan ändra dem.")
    _pass_1_2(prs)
    pass_3_4(prs)
    pass_5(prs)
    coming(prs, AFTER)
    return save(prs, "Arbetsmaterial – verksamhetsidé")


def _pass_1_2(prs) -> None:
    """Pass 1 and 2: vad, för vem och varför, utmaningar och möjligheter, beroenden."""
    purpose(prs, P12, "Skapa en bottnad förståelse för nämndens omfång och uppdrag (vad, för "
            "vem och varför) samt de möjligheter och utmaningar som finns när det gäller "
            "nämndens verksamheters förmåga att skapa värde för kommunens medborgare.",
            [("1", "Vad – omfång, ansvarsområde, styrande lagar och andra direktiv, "
                   "politikens intentioner"),
             ("2", "För vem och varför – verksamheternas kunder, deras situation och behov, "
                   "och värdet som ska levereras"),
             ("3", "Utmaningar och möjligheter – förmågan att leva syftet"),
             ("4", "Beroenden till andra – interna och externa intressenter")],
            "Passen ger underlaget till avstämningen i oktober, där nämnderna ser varandras "
            "vad, för vem och varför. Gruppen avgör själv hur långa passen är.")
    exercise(prs, "1", "Vad", [
        "Vad omfattar nämndens uppdrag, och vilka ansvarsområden har verksamheterna?",
        "Vilka lagar och andra direktiv styr verksamheterna?",
        "Vilka är politikens intentioner med verksamheterna?"], f"{{%slide if {P12} %}}",
        "Börja med ansvarsområdena, sedan lagarna och direktiven, sist politikens "
        "intentioner. Bilderna som följer visar det gruppen redan har skrivit, eller en tom "
        f"yta. Svaren hör till flikarna {S.UPPDRAG.name}, {S.STYRDOKUMENT.name} och "
        f"{S.INTENTIONER.name}.")
    _sheet(prs, S.UPPDRAG, "Vad – uppdrag och ansvar", "a", {"omrade": 3.8, "beskrivning": 8.3},
           "område/områden", [("Ansvarsområde", 3.8), ("Beskrivning", 8.3)])
    _sheet(prs, S.STYRDOKUMENT, "Vad – styrande lagar och direktiv", "d",
           {"namn": 4.4, "typ": 2.3, "styr": 5.4}, "styrdokument/styrdokument",
           [("Styrdokument", 4.4), ("Typ", 2.3), ("Vad det styr", 5.4)],
           headers={"namn": "Styrdokument"})
    _sheet(prs, S.INTENTIONER, "Vad – politikens intentioner", "i", {"intention": 8.1, "kalla": 4.0},
           "intention/intentioner", [("Intention", 8.1), ("Källa", 4.0)])
    exercise(prs, "2", "För vem och varför", [
        "Vilka är verksamheternas kunder – de som verksamheten finns till för?",
        "Vilken situation är de i, och vilka behov har de?",
        "Vilket värde ska vi leverera mot behoven?"], f"{{%slide if {P12} %}}",
        "Ta en kund eller målgrupp i taget: situation, behov, värde. Använd samma namn på "
        "en kund som andra nämnder använder när det är samma grupp, så att avstämningen "
        f"kan visa de kunder nämnderna delar. Svaren hör till fliken {S.KUNDER.name}.")
    _sheet(prs, S.KUNDER, "För vem och varför – kunder och målgrupper", "k",
           {"kund": 2.6, "situation": 3.15, "behov": 3.15, "varde": 3.2}, "kund/kunder",
           [("Kund eller målgrupp", 2.6), ("Situation", 3.15), ("Behov", 3.15), ("Värde", 3.2)])
    exercise(prs, "3", "Utmaningar och möjligheter", [
        "Vad står i vägen för verksamheternas förmåga att skapa värde för kommunens "
        "medborgare?",
        "Vilka möjligheter finns – förmågan att leva syftet?"], f"{{%slide if {P12} %}}",
        f"Skriv utmaningar och möjligheter var för sig. Svaren hör till fliken "
        f"{S.UTMANINGAR.name}, med typen Utmaning eller Möjlighet.")
    answers(prs, "Utmaningar och möjligheter framåt", f"{P12} and namnd.utmaningar",
            "utmaning eller möjlighet/utmaningar och möjligheter", AFTER, S.UTMANINGAR, "u",
            {"typ": 2.2, "beskrivning": 9.9}, SO_FAR)
    canvas(prs, "Utmaningar och möjligheter framåt", f"{P12} and not namnd.utmaningar", AFTER,
           ["Utmaningar", "Möjligheter"], EMPTY)
    exercise(prs, "4", "Beroenden till andra", [
        "Vilka andra nämnder och externa intressenter är vi beroende av?",
        "Vilka är beroende av oss, och vad består beroendet i?"], f"{{%slide if {P12} %}}",
        "Skilj på interna beroenden (andra nämnder) och externa intressenter. De interna "
        f"blir avstämningens bild av vem som är beroende av vem. Svaren hör till fliken "
        f"{S.BEROENDEN.name}.")
    _sheet(prs, S.BEROENDEN, "Beroenden till andra nämnder och intressenter", "b",
           {"part": 3.0, "typ": 1.2, "riktning": 2.3, "beskrivning": 5.6}, "beroende/beroenden",
           [("Beroende till", 3.4), ("Riktning", 3.0), ("Beskrivning", 5.7)],
           headers={"part": "Beroende till"},
           exprs={"part": "(b.namnd|namnder) if b.namnd else b.intressent"})  # names, no codes


def _sheet(prs, sheet: S.Sheet, title: str, var: str, widths: dict[str, float], noun: str,
           blank: list[tuple[str, float]], **own) -> None:
    """Add a sheet's answers so far, or its empty canvas when it has no rows (pass 1–2)."""
    answers(prs, title, f"{P12} and namnd.{sheet.attr}", noun, AFTER, sheet, var, widths,
            SO_FAR, **own)
    blank_table(prs, title, f"{P12} and not namnd.{sheet.attr}", AFTER, blank, EMPTY)
