"""The avstämning deck template, templates/avstamning.pptx: one nämnd's deck for a joint
meeting. Made by scripts/make_pptx_templates.py."""

from __future__ import annotations

from pptx.util import Inches, Pt
from pptx_agenda import MEETING_CARD_BOTTOM, MEETING_CARD_WIDTH, agenda_slide
from pptx_design import (
    ACCENT,
    BODY_PT,
    MARGIN,
    MUTED,
    WIDTH,
    new_deck,
    section_slide,
    slide,
    textbox,
    title_slide,
)
from pptx_parts import (
    MAIN_PT,
    dialog_slide,
    main_slide,
    matrix,
    save,
    sheet_table,
    shown_if,
    table,
    writing_space,
)

from pipeline.read import schema as S

AVSTAMNING_FOOTER = "{{ kommun.namn }} · {{ namnd.namn }} · {{ mote.rubrik }}"


def avstamning() -> bytes:
    """Return the per-nämnd deck template: the meeting's own part, chosen by what the meeting
    is for (the context's `avsnitt`), then Mer underlag with the rest of the workbook (`mer`)."""
    prs = new_deck(AVSTAMNING_FOOTER)
    title_slide(prs, "{{ namnd.namn }}", "Verksamhetsidé – underlag till mötet",
                byline="{{ namnd.forvaltning }}")
    s = agenda_slide(prs, title="Innehåll", notes=main_slide("{%slide if agenda %}"))
    # beneath the meeting card: what the group has still to do, and when (none: an empty box)
    textbox(s, "Senare i arbetet", [("{%p if senare %}", 16, False), ("Senare i arbetet", 16, True),
                                    ("{%p for s in senare %}", 16, False),
                                    ("{{ s.rubrik }} – {{ s.nar }}", 16, False),
                                    ("{%p endfor %}", 16, False), ("{%p endif %}", 16, False)],
            top=MEETING_CARD_BOTTOM + Inches(0.1), height=Inches(6.85) - MEETING_CARD_BOTTOM,
            left=WIDTH - MARGIN - MEETING_CARD_WIDTH, width=MEETING_CARD_WIDTH)
    _uppstart(prs)
    _forslaget(prs)
    _tables(prs, main=True)
    # the group's draft, at an avstämning before the proposal: the formulation itself
    s = section_slide(prs, "Verksamhetsidé", "{{ ide.formulering }}",
                      number="{{ avsnitt.verksamhetside.nummer }}",
                      notes=main_slide("{%slide if ide and 'verksamhetside' in avsnitt %}"))
    proposal = s.placeholders[1].text_frame.paragraphs[0].runs[0].font
    proposal.size, proposal.color.rgb = Pt(26), ACCENT
    _version(s)
    dialog_slide(prs)  # the agenda names it, its slides say "Dialog – fråga 1 av 2"
    s = slide(prs, "Kvittens", main_slide("{%slide if ide and 'kvittens' in avsnitt %}"))
    textbox(s, "Förslaget", [("{{ ide.formulering }}", 20, True)], top=Inches(1.5),
            height=Inches(1.9), color=ACCENT)
    writing_space(s, "Kvittens och synpunkter", top=Inches(3.55), height=Inches(3.25))
    s = slide(prs, "Kommande möten", main_slide(shown_if("'tidplan' in avsnitt and kommande",
                                                         "möte/möten")))
    table(s, "Tabell möten", [("Datum", "{{ r.datum|datum }}", 2.6), ("Tid", "{{ r.tid }}", 1.9),
                              ("Aktivitet", "{{ r.aktivitet }}", 4.6), ("Plats", "{{ r.plats }}", 3.0)],
          "r in kommande", size=MAIN_PT)
    section_slide(prs, "Mer underlag", "Utvecklingsgruppens underlag från arbetspassen, i sin "
                  "helhet.", number="{{ avsnitt.mer.nummer }}",
                  notes="{%slide if 'mer' in avsnitt %}")
    _tables(prs, main=False)
    s = slide(prs, "Tidigare formuleringar", shown_if("'tidigare' in mer", "version/versioner"))
    sheet_table(s, "Tabell versioner", S.VERKSAMHETSIDE, "v",
                {"version": 1.3, "datum": 2.4, "status": 2.4, "formulering": 6.0}, "v in tidigare",
                exprs={"datum": "v.datum|datum"})
    s = slide(prs, "Tidslinje", "{%slide if 'tidslinje' in mer %}")
    matrix(s, "matris:tidslinje", 2.6, size=12)
    textbox(s, "Förklaring", [("{{ veckoschema_forklaring }}", BODY_PT, False)],
            top=Inches(6.2), height=Inches(0.7), color=MUTED)
    return save(prs, "Verksamhetsidé – underlag till mötet")


def _version(s) -> None:
    textbox(s, "Version", [("Version {{ ide.version }}, {{ ide.datum|datum }} – "
                            "{{ ide.status|lower }}", MAIN_PT, False)],
            top=Inches(6.1), height=Inches(0.5), left=Inches(2.5), width=WIDTH - Inches(3.1),
            color=MUTED)


def _uppstart(prs) -> None:
    """The uppstart's own slides: the uppdrag, the process, what a verksamhetsidé is."""
    s = slide(prs, "Uppdraget", main_slide("{%slide if 'uppdraget' in avsnitt %}"))
    textbox(s, "Uppdraget", [("{%p for t in kommun.uppdrag|stycken %}", 20, False),
                             ("{{ t }}", 20, False), ("{%p endfor %}", 20, False)])
    s = slide(prs, "Arbetsprocessen", main_slide(shown_if("'processen' in avsnitt",
                                                          "milstolpe/milstolpar")))
    table(s, "Tabell milstolpar", [("Datum", "{{ ms.datum|datum }}", 2.5),
                                   ("Tid", "{{ ms.start|klockslag(ms.slut) }}", 2.0),
                                   ("Milstolpe", "{{ ms.benamning }}", 3.0),
                                   ("Innehåll", "{{ ms.beskrivning }}", 4.6)], "ms in milstolpar",
          size=MAIN_PT)
    s = slide(prs, "Vad är en verksamhetsidé?", main_slide("{%slide if 'begreppet' in avsnitt %}"))
    box = textbox(s, "Vad, för vem och varför", [
        ("{%p for b in begrepp %}", 22, False), ("{{ b.rubrik }}", 24, True),
        ("{{ b.text }}", 20, False), ("{%p endfor %}", 20, False)])
    box.text_frame.paragraphs[1].runs[0].font.color.rgb = ACCENT


def _forslaget(prs) -> None:
    """The proposal first, at the last avstämning and the decision: itself, read against vad,
    för vem and varför, and the decision points."""
    s = section_slide(prs, "Förslag till verksamhetsidé", "{{ ide.formulering }}",
                      number="{{ avsnitt.forslaget.nummer }}",
                      notes=main_slide("{%slide if ide and 'forslaget' in avsnitt %}"))
    proposal = s.placeholders[1].text_frame.paragraphs[0].runs[0].font
    proposal.size, proposal.color.rgb = Pt(26), ACCENT
    _version(s)
    s = slide(prs, "Förslaget mot vad, för vem och varför",
              main_slide("{%slide if ide and 'forslaget' in avsnitt %}"))
    box = textbox(s, "Vad, för vem och varför", [
        ("{%p for b in vad_for_vem_varfor if b.text %}", 18, False), ("{{ b.rubrik }}", 20, True),
        ("{{ b.text }}", 18, False), ("{%p endfor %}", 18, False)])
    box.text_frame.paragraphs[1].runs[0].font.color.rgb = ACCENT
    s = slide(prs, "Förslag till beslut", main_slide("{%slide if 'beslut' in avsnitt %}"))
    textbox(s, "Beslutspunkter", [("{%p for p in beslutspunkter %}", 20, False),
                                  ("{{ p.nr }}. {{ p.text }}", 20, False),
                                  ("{%p endfor %}", 20, False)])


# The workbook's tables: the key the meeting's own part shows it under (None: only under Mer
# underlag), its key there, its titles in each part, what it shows, and how
TABLES = (
    ("gruppen", "gruppen", "Utvecklingsgruppen", "Underlag: utvecklingsgruppen",
     "namnd.medlemmar", "medlem/medlemmar", S.UTVECKLINGSGRUPP, "Tabell grupp", "m",
     {"namn": 4, "roll": 4, "parti_funktion": 4.1}, {}),
    ("vad", "ansvar", "Vad – uppdrag och ansvar", "Underlag: uppdrag och ansvar",
     "namnd.ansvar", "område/områden", S.UPPDRAG, "Tabell ansvar", "a",
     {"omrade": 3.6, "beskrivning": 8.5}, {}),
    (None, "styrdokument", "", "Underlag: styrande lagar och direktiv",
     "namnd.styrdokument", "styrdokument/styrdokument", S.STYRDOKUMENT, "Tabell styrdokument",
     "d", {"namn": 4.4, "typ": 2.3, "styr": 5.4}, {"headers": {"namn": "Styrdokument"}}),
    ("vad", "intentioner", "Vad – politikens intentioner", "Underlag: politikens intentioner",
     "namnd.intentioner", "intention/intentioner", S.INTENTIONER, "Tabell intentioner", "i",
     {"intention": 8.1, "kalla": 4}, {}),
    ("for_vem", "kunder", "För vem och varför – kunder och målgrupper",
     "Underlag: kunder och målgrupper", "namnd.kunder", "kund/kunder", S.KUNDER,
     "Tabell kunder", "k", {"kund": 2.6, "situation": 3.15, "behov": 3.15, "varde": 3.2}, {}),
    ("utmaningar", "utmaningar", "Utmaningar och möjligheter framåt",
     "Underlag: utmaningar och möjligheter", "namnd.utmaningar",
     "utmaning eller möjlighet/utmaningar och möjligheter", S.UTMANINGAR, "Tabell utmaningar",
     "u", {"typ": 2.2, "beskrivning": 9.9}, {"loop": "u in utmaningar_forst"}),
    ("beroenden", "beroenden", "Beroenden till andra", "Underlag: beroenden till andra",
     "namnd.beroenden", "beroende/beroenden", S.BEROENDEN, "Tabell beroenden", "b",
     {"part": 3.0, "typ": 1.2, "riktning": 2.3, "beskrivning": 5.6},
     {"headers": {"part": "Beroende till"}, "exprs": {"part": "b|part"}}),
    ("synergier", "synergier", "Synergier med andra nämnder och parter",
     "Underlag: samband och synergier", "namnd.synergier", "synergi/synergier", S.SYNERGIER,
     "Tabell synergier", "y", {"med": 2.8, "process": 3.2, "synergi": 3.2, "nasta_steg": 2.9},
     {"headers": {"med": "Med"}, "exprs": {"med": "y.med|namnder"}}),
)


def _tables(prs, main: bool) -> None:
    """The workbook's tables: in the meeting's own part (`main`: one slide each, the rest
    under Mer underlag, which then shows the whole table), or under Mer underlag."""
    for section, key, title, appendix, data, noun, sheet, name, var, widths, how in TABLES:
        if main and section is None:
            continue
        if main:
            notes = main_slide(shown_if(f"'{section}' in avsnitt and {data}", noun)
                               + "\n{%slides 1 %}")
        else:
            notes = shown_if(f"('{key}' in mer or '{name}' in sammanfattade) and {data}", noun)
        s = slide(prs, title if main else appendix, notes)
        sheet_table(s, name, sheet, var, widths, how.get("loop", ""),
                    size=MAIN_PT if main else BODY_PT, headers=how.get("headers"),
                    exprs=how.get("exprs"))
