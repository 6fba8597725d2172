"""The kommunövergripande deck template, templates/kommunovergripande.pptx: the deck on screen
at a joint meeting. Made by scripts/make_pptx_templates.py.

The meeting's own part follows what the meeting is for (the context's `avsnitt`, from the
planning document: the uppstart opens the work, the first avstämning puts the nämnder beside
each other, the last one asks for dialogue and kvittens of the formulations), its text never
under 16 pt; then a closing slide, and Mer underlag with what the processtöd follows and the
shared tables in full (`mer`). Titles that say what a slide shows are counted from the data
(`rubriker`). An audience of politicians reads it: nämnder by name (codes only in a matrix's
narrow columns, beside a legend), external partners beside the nämnder, who proposed what
kept apart, and nothing cut without saying how much.
"""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.util import Inches, Pt
from pptx_agenda import agenda_slide
from pptx_design import (
    ACCENT,
    BODY_PT,
    CONTENT_TOP,
    CONTENT_WIDTH,
    LIGHT,
    MARGIN,
    MUTED,
    TEXT,
    WIDTH,
    new_deck,
    rectangle,
    section_slide,
    slide,
    textbox,
    title_slide,
)
from pptx_kommun_more import mer_underlag
from pptx_parts import (
    BELOW_CAPTION,
    MAIN_PT,
    SMALL,
    caption,
    cell_paragraphs,
    main_slide,
    matrix,
    runs,
    save,
    table,
)

FOOTER = "{{ kommun.namn }} · Kommunövergripande · {{ mote.rubrik }}"
SERIES_COLORS = (ACCENT, RGBColor(0x9D, 0xC3, 0xE6))  # dark, light
HALF = (CONTENT_WIDTH - Inches(0.5)) // 2


# -- the meeting's own part ----------------------------------------------------------------------

def _uppstart(prs) -> None:
    """The uppstart's own slides: the uppdrag and the vision, the styrmodell's intentions,
    what a verksamhetsidé is, the process, and the groups."""
    s = slide(prs, "{{ rubriker.uppdraget }}", main_slide("{%slide if 'uppdraget' in avsnitt %}"))
    textbox(s, "Uppdragstext", [("{%p for stycke in kommun.uppdrag|stycken %}", 18, False),
                                ("{{ stycke }}", 18, False), ("{%p endfor %}", 18, False),
                                ("{%p if kommun.vision %}", 18, False),
                                ("Vision: {{ kommun.vision }}", 20, True),
                                ("{%p endif %}", 18, False)])
    s.shapes[-1].text_frame.paragraphs[4].runs[0].font.color.rgb = ACCENT
    s = slide(prs, "Styrmodellens intentioner", main_slide("{%slide if 'styrmodell' in avsnitt %}"))
    textbox(s, "Styrmodell", [("{%p for stycke in kommun.styrmodell|stycken %}", 18, False),
                              ("{{ stycke }}", 18, False), ("{%p endfor %}", 18, False)])
    s = slide(prs, "Vad är en verksamhetsidé?", main_slide("{%slide if 'begreppet' in avsnitt %}"))
    box = textbox(s, "Vad, för vem och varför", [
        ("{%p for b in begrepp %}", 22, False), ("{{ b.rubrik }}", 24, True),
        ("{{ b.text }}", 20, False), ("{%p endfor %}", 20, False)])
    box.text_frame.paragraphs[1].runs[0].font.color.rgb = ACCENT
    s = slide(prs, "Processen och tidplanen", main_slide(
        "{%slide if 'processen' in avsnitt %}\n{%summary milstolpe/milstolpar %}"))
    caption(s, "Pass 1–2 v. 33–39: vad, för vem och varför. Pass 3–4 v. 41–48: formulering av "
               "verksamhetsidé. Pass 5 v. 50 och framåt: reflektion och underlag för beslut.",
            name="Passen", size=MAIN_PT)
    table(s, "Tabell milstolpar", [("Datum", "{{ ms.datum|datum }}", 2.5),
                                   ("Tid", "{{ ms.start|klockslag(ms.slut) }}", 1.9),
                                   ("Milstolpe", "{{ ms.benamning }}", 2.9),
                                   ("Innehåll", "{{ ms.beskrivning }}", 4.8)], "ms in milstolpar",
          top=BELOW_CAPTION, size=MAIN_PT)
    s = slide(prs, "{{ rubriker.grupperna }}", main_slide(
        "{%slide if 'grupperna' in avsnitt %}\n{%summary nämnd/nämnder %}"))
    table(s, "Tabell grupper", [("Nämnd", "{{ n.namn }}", 4.2),
                                ("Ordförande", "{{ n.ordforande }}", 3.0),
                                ("Processtöd", "{{ n.processtod }}", 3.0),
                                ("Deltagare", "{{ n.grupp }}", 1.9)], "n in namnder", size=18)


def _ideer(prs) -> None:
    """The formulations side by side with the vision."""
    s = slide(prs, "{{ rubriker.ideer }}", main_slide(
        "{%slide if 'ideer' in avsnitt %}\n{%summary nämnd/nämnder %}"))
    box = textbox(s, "Vision", [("{% if kommun.vision %}Vision: {{ kommun.vision }}{% endif %}",
                                20, True)], top=CONTENT_TOP - Inches(0.05), height=Inches(0.55),
                  color=ACCENT)
    box.text_frame.paragraphs[0].space_after = 0
    table(s, "Tabell verksamhetsidéer", [("Nämnd", "{{ n.namn }}", 3.1),
                                         ("Verksamhetsidé", "{{ n.formulering }}", 9.0)],
          "n in namnder", top=CONTENT_TOP + Inches(0.6), size=18)


def _per_namnd(prs) -> None:
    """One slide per nämnd: what its workbook answers to vad, för vem and varför on the left;
    its verksamhetsidé as dated by the meeting (or when it comes) on the right."""
    s = slide(prs, "{{ n.namn }}", main_slide(
        "{%slide for n in (namnder if 'namnderna' in avsnitt else []) %}"))
    wide = Inches(7.0)
    box = textbox(s, "Vad, för vem och varför", [
        ("{%p for b in n.vad_for_vem_varfor %}", MAIN_PT, False), ("{{ b.rubrik }}", 20, True),
        ("{{ b.text }}", 18, False), ("{%p endfor %}", MAIN_PT, False),
        ("{%p if not n.vad_for_vem_varfor %}", MAIN_PT, False),
        ("Underlaget om vad, för vem och varför är inte ifyllt ännu.", 18, False),
        ("{%p endif %}", MAIN_PT, False)], width=wide)
    paragraphs = box.text_frame.paragraphs
    paragraphs[1].runs[0].font.color.rgb = ACCENT
    paragraphs[1].space_after = Pt(2)
    paragraphs[2].space_after = Pt(14)
    paragraphs[5].runs[0].font.color.rgb = MUTED
    rule = MARGIN + wide + Inches(0.3)
    rectangle(s, "Avdelare", rule, CONTENT_TOP + Inches(0.05), Inches(0.05), Inches(5.0), LIGHT)
    left = rule + Inches(0.35)
    idea = textbox(s, "Verksamhetsidé", [("Verksamhetsidé", MAIN_PT, True),
                                         ("{{ n.formulering }}", 20, False),
                                         ("{{ n.ide_datum }}", MAIN_PT, False)],
                   left=left, width=WIDTH - MARGIN - left)
    paragraphs = idea.text_frame.paragraphs
    paragraphs[0].runs[0].font.color.rgb = MUTED
    paragraphs[1].runs[0].font.color.rgb = ACCENT
    paragraphs[1].space_after = Pt(12)
    paragraphs[2].runs[0].font.color.rgb = MUTED


def _samband(prs, main: bool) -> None:
    """The shared kunder, the dependencies and the shared processes: in the meeting's own
    part (`main`: titles counted from the data, one slide each, at 16–18 pt) or in full under
    Mer underlag."""
    size = 18 if main else BODY_PT
    if main:
        notes = main_slide("{%slide if 'kunder' in avsnitt %}\n{%summary kund/kunder %}\n"
                           "{%slides 1 %}")
    else:
        notes = ("{%slide if 'kunder' in mer or 'Tabell gemensamma kunder' in sammanfattade %}\n"
                 "{%summary kund/kunder %}")
    s = slide(prs, "{{ rubriker.kunder }}" if main else "Underlag: gemensamma kunder och "
              "målgrupper", notes)
    table(s, "Tabell gemensamma kunder", [("Kund eller målgrupp", "{{ g.kund }}", 4.4),
                                          ("Nämnder", "{{ g.av }}", 7.7)],
          "g in gemensamma_kunder", size=size)
    _beroenden(prs, main)
    _synergier(prs, main)


def _beroenden(prs, main: bool) -> None:
    """The nämnd × nämnd matrix (codes in its columns, the legend beside it)."""
    size = 18 if main else BODY_PT
    s = slide(prs, "{{ rubriker.beroenden }}" if main else "Underlag: beroenden mellan "
              "nämnderna", main_slide("{%slide if 'beroenden' in avsnitt %}") if main else
              "{%slide if 'beroenden' in mer %}")
    shape = matrix(s, "matris:beroenden", 3.8, size=size)
    shape.width = Inches(8.4)
    shape.table.columns[1].width = Inches(8.4 - 3.8)
    left = MARGIN + Inches(8.8)
    legend = MAIN_PT if main else size
    textbox(s, "Förklaring", [
        ("Så läses tabellen", legend, True),
        ("● i en rad: nämnden i raden är beroende av nämnden i kolumnen, enligt nämndernas "
         "egna underlag.", legend, False),
        ("Kolumnerna", legend, True),
        ("{%p for f in forkortningar %}", legend, False),
        ("{{ f.av }}", legend, True), ("{%p endfor %}", legend, False)],
        top=CONTENT_TOP, height=Inches(5.2), left=left, width=WIDTH - MARGIN - left)
    paragraphs = s.shapes[-1].text_frame.paragraphs
    runs(paragraphs[4], [("{{ f.av }}", legend, True, TEXT),
                          ("  {{ f.namn }}", legend, False, TEXT)])
    paragraphs[4].space_after = Pt(2)


def _synergier(prs, main: bool) -> None:
    """Shared processes: in the meeting's own part each process and who takes part (nämnder
    and external partners, by name); under Mer underlag also who proposed which synergy."""
    if main:
        s = slide(prs, "{{ rubriker.synergier }}", main_slide(
            "{%slide if 'synergier' in avsnitt %}\n{%summary process/processer %}\n"
            "{%slides 1 %}"))
        table(s, "Tabell synergier", [("Process", "{{ y.process }}", 5.6),
                                      ("Parter", "{{ y.parter }}", 6.5)], "y in synergier",
              size=MAIN_PT)
        return
    s = slide(prs, "Underlag: samband och synergier",
              "{%slide if 'synergier' in avsnitt or 'synergier' in mer %}\n"
              "{%summary process/processer %}")
    shape = table(s, "Tabell synergier och förslag", [("Process och parter", "", 3.8),
                                                     ("Synergi – vem föreslog vad", "", 8.3)],
                  "y in synergier", size=SMALL + 1)
    tbl = shape.table
    cell_paragraphs(tbl.cell(1, 0), [
        [("{%tr for y in synergier %}{{ y.process }}", SMALL + 1, True, TEXT)],
        [("Med: ", SMALL, True, MUTED), ("{{ y.parter }}", SMALL, False, MUTED)]])
    cell_paragraphs(tbl.cell(1, 1), [
        [("{%p for b in y.synergier %}", SMALL + 1, False, TEXT)],
        [("{{ b.av }}: ", SMALL + 1, True, TEXT), ("{{ b.text }}", SMALL + 1, False, TEXT)],
        [("{%p endfor %}", SMALL + 1, False, TEXT)]])


def _nasta_steg(prs, main: bool) -> None:
    """Each nämnd's next steps (pass 5's reflections)."""
    size = MAIN_PT if main else BODY_PT
    s = slide(prs, "Nästa steg" if main else "Underlag: nämndernas nästa steg", main_slide(
        "{%slide if 'nasta_steg' in avsnitt %}\n{%summary nämnd/nämnder %}") if main else
        "{%slide if 'nasta_steg' in mer %}\n{%summary nämnd/nämnder %}")
    shape = table(s, "Tabell nästa steg", [("Nämnd", "{{ st.namn }}", 3.2),
                                           ("Nästa steg", "", 8.9)], "st in steg_per_namnd",
                  size=size)
    cell_paragraphs(shape.table.cell(1, 1), [[("{%p for t in st.steg %}", size, False, TEXT)],
                                             [("{{ t }}", size, False, TEXT)],
                                             [("{%p endfor %}", size, False, TEXT)]],
                     bullets=(1,))


def _dialog(prs) -> None:
    """One slide per question of the meeting, once for the whole room: the question as the
    title, large, numbered; the support questions in the speaker notes."""
    s = section_slide(prs, "{{ f.fraga }}", "Dialog – fråga {{ f.nummer }} av {{ f.antal }}",
                      number="{{ f.nummer }}", notes=main_slide(
                          "{%slide for f in (dialogfragor if 'dialog' in avsnitt else []) %}\n"
                          "{{ f.stod }}"))
    s.placeholders[1].text_frame.paragraphs[0].runs[0].font.color.rgb = MUTED


def _kvittens(prs) -> None:
    """Kvittens of each formulation: the nämnd, the version, and room for the meeting's answer."""
    s = slide(prs, "Kvittens", main_slide(
        "{%slide if 'kvittens' in avsnitt %}\n{%summary nämnd/nämnder %}"))
    caption(s, "Dialog och kvittens av nämndernas formulerade verksamhetsidéer.", size=MAIN_PT)
    table(s, "Tabell kvittens", [("Nämnd", "{{ n.namn }}", 4.0),
                                 ("Formulering", "{{ n.ide_datum }}", 3.6),
                                 ("Kvittens och synpunkter", "", 4.5)], "n in med_ide",
          top=BELOW_CAPTION, size=18)


def _avslutning(prs) -> None:
    """The closing slide: what comes next, by date (the joint meetings, the decisions)."""
    s = section_slide(prs, "{{ rubriker.avslutning }}", "{%p for k in kommande %}",
                      notes=main_slide())
    body = s.placeholders[1]
    body.left, body.top, body.width, body.height = Inches(2.9), Inches(3.55), Inches(9.6), Inches(3.2)
    frame = body.text_frame
    line = frame.add_paragraph()
    runs(line, [("{{ k.datum|datum }}", 20, True, ACCENT), ("   {{ k.text }}", 20, False, TEXT)])
    end = frame.add_paragraph()
    runs(end, [("{%p endfor %}", 20, False, TEXT)])
    for p in frame.paragraphs:
        p.space_after = Pt(8)
    frame.paragraphs[0].runs[0].font.size = Pt(20)


def kommunovergripande() -> bytes:
    """Return the kommunövergripande deck template."""
    prs = new_deck(FOOTER)
    title_slide(prs, "Verksamhetsidéer i {{ kommun.namn }}",
                "Gemensamt möte för nämndernas utvecklingsgrupper")
    agenda_slide(prs, title="{{ agenda_rubrik }}", notes=main_slide("{%slide if agenda %}"))
    _uppstart(prs)
    _ideer(prs)
    _per_namnd(prs)
    _samband(prs, main=True)
    _nasta_steg(prs, main=True)
    _dialog(prs)
    _kvittens(prs)
    _avslutning(prs)
    section_slide(prs, "Mer underlag", "{{ avsnitt.mer.fraga }}", notes="{%slide if mer %}")
    mer_underlag(prs, lambda: (_samband(prs, main=False), _nasta_steg(prs, main=False)))
    return save(prs, "Verksamhetsidéer – kommunövergripande")
