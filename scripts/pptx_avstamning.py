"""The avstämning deck template, templates/avstamning.pptx: one nämnd's deck for a joint
meeting. Made by scripts/make_pptx_templates.py."""

from __future__ import annotations

from pptx.util import Inches, Pt
from pptx_design import (
    ACCENT,
    BODY_PT,
    MARGIN,
    MUTED,
    WIDTH,
    agenda_slide,
    new_deck,
    section_slide,
    slide,
    textbox,
    title_slide,
)
from pptx_parts import dialog_slide, divider, matrix, save, sheet_table, shown_if, table

from pipeline.read import schema as S

AVSTAMNING_FOOTER = "{{ kommun.namn }} · {{ namnd.namn }} · {{ mote.rubrik }}"


def avstamning() -> bytes:
    """Return the per-nämnd avstämning deck template."""
    from pipeline.render.context_avstamning import SECTIONS

    questions = {key: (rubrik, fraga) for key, rubrik, fraga in SECTIONS}
    prs = new_deck(AVSTAMNING_FOOTER)
    title_slide(prs, "{{ namnd.namn }}", "Verksamhetsidé – underlag till avstämning",
                byline="{{ namnd.forvaltning }}")
    s = agenda_slide(prs, notes="{%slide if agenda %}")
    # beneath the meeting card: what the group has still to do, and when (none: an empty box)
    textbox(s, "Senare i arbetet", [("{%p if senare %}", 14, False), ("Senare i arbetet", 14, True),
                                    ("{%p for s in senare %}", 14, False),
                                    ("{{ s.rubrik }} – {{ s.nar }}", 14, False),
                                    ("{%p endfor %}", 14, False), ("{%p endif %}", 14, False)],
            top=Inches(3.9), height=Inches(2.6), left=WIDTH - MARGIN - Inches(2.9),
            width=Inches(2.9))
    s = slide(prs, "Utvecklingsgruppen", shown_if("namnd.medlemmar", "medlem/medlemmar"))
    sheet_table(s, "Tabell grupp", S.UTVECKLINGSGRUPP, "m",
                {"namn": 4, "roll": 4, "parti_funktion": 4.1})
    divider(prs, "vad", *questions["vad"])
    s = slide(prs, "Vad – uppdrag och ansvar", shown_if("namnd.ansvar", "område/områden"))
    sheet_table(s, "Tabell ansvar", S.UPPDRAG, "a", {"omrade": 3.6, "beskrivning": 8.5})
    s = slide(prs, "Vad – styrande lagar och direktiv",
              shown_if("namnd.styrdokument", "styrdokument/styrdokument"))
    sheet_table(s, "Tabell styrdokument", S.STYRDOKUMENT, "d", {"namn": 4.4, "typ": 2.3, "styr": 5.4},
                headers={"namn": "Styrdokument"})
    s = slide(prs, "Vad – politikens intentioner", shown_if("namnd.intentioner", "intention/intentioner"))
    sheet_table(s, "Tabell intentioner", S.INTENTIONER, "i", {"intention": 8.1, "kalla": 4})
    divider(prs, "for_vem", *questions["for_vem"])
    s = slide(prs, "För vem och varför – kunder och målgrupper", shown_if("namnd.kunder", "kund/kunder"))
    sheet_table(s, "Tabell kunder", S.KUNDER, "k",
                {"kund": 2.6, "situation": 3.15, "behov": 3.15, "varde": 3.2})
    divider(prs, "utmaningar", *questions["utmaningar"])
    s = slide(prs, "Utmaningar och möjligheter framåt",
              shown_if("namnd.utmaningar", "utmaning eller möjlighet/utmaningar och möjligheter"))
    sheet_table(s, "Tabell utmaningar", S.UTMANINGAR, "u", {"typ": 2.2, "beskrivning": 9.9},
                "u in utmaningar_forst")
    divider(prs, "beroenden", *questions["beroenden"])
    s = slide(prs, "Beroenden till andra", shown_if("namnd.beroenden", "beroende/beroenden"))
    sheet_table(s, "Tabell beroenden", S.BEROENDEN, "b",
                {"part": 3.0, "typ": 1.2, "riktning": 2.3, "beskrivning": 5.6},
                headers={"part": "Beroende till"}, exprs={"part": "b|part"})
    divider(prs, "synergier", *questions["synergier"])
    s = slide(prs, "Synergier med andra nämnder och parter", shown_if("namnd.synergier", "synergi/synergier"))
    sheet_table(s, "Tabell synergier", S.SYNERGIER, "y",
                {"med": 2.8, "process": 3.2, "synergi": 3.2, "nasta_steg": 2.9},
                headers={"med": "Med"}, exprs={"med": "y.med|namnder"})
    # the section opens with the proposal itself: at an avstämning it is what the room discusses
    s = section_slide(prs, "Verksamhetsidé", "{{ ide.formulering }}",
                      number="{{ avsnitt.verksamhetside.nummer }}",
                      notes="{%slide if ide and 'verksamhetside' in avsnitt %}")
    proposal = s.placeholders[1].text_frame.paragraphs[0].runs[0].font
    proposal.size, proposal.color.rgb = Pt(26), ACCENT
    textbox(s, "Version", [("Version {{ ide.version }}, {{ ide.datum|datum }} – "
                            "{{ ide.status|lower }}", BODY_PT, False)],
            top=Inches(6.1), height=Inches(0.5), left=Inches(2.5), width=WIDTH - Inches(3.1),
            color=MUTED)
    s = slide(prs, "Tidigare formuleringar", shown_if("tidigare", "version/versioner"))
    sheet_table(s, "Tabell versioner", S.VERKSAMHETSIDE, "v",
                {"version": 1.3, "datum": 2.4, "status": 2.4, "formulering": 6.0}, "v in tidigare",
                exprs={"datum": "v.datum|datum"})
    dialog_slide(prs)  # no divider: the agenda names it, its slides say "Dialog – fråga 1 av 2"
    s = slide(prs, "Tidslinje", "{%slide if namnd.moten %}")
    matrix(s, "matris:tidslinje", 2.6, size=12)
    textbox(s, "Förklaring", [("{{ veckoschema_forklaring }}", BODY_PT, False)],
            top=Inches(6.2), height=Inches(0.7), color=MUTED)
    s = slide(prs, "Kommande möten", shown_if("kommande", "möte/möten"))
    table(s, "Tabell möten", [("Datum", "{{ r.datum|datum }}", 2.6), ("Tid", "{{ r.tid }}", 1.9),
                              ("Aktivitet", "{{ r.aktivitet }}", 4.6), ("Plats", "{{ r.plats }}", 3.0)],
          "r in kommande")
    return save(prs, "Avstämning – verksamhetsidé")
