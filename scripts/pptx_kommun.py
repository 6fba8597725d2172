"""The kommunövergripande deck template, templates/kommunovergripande.pptx. Made by
scripts/make_pptx_templates.py.

An audience of politicians reads this deck: nämnder by name (codes only in a matrix's narrow
columns, beside a legend), external partners beside the nämnder, who proposed what kept apart,
and nothing cut without saying how much.
"""

from __future__ import annotations

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt
from pptx_design import (
    ACCENT,
    BODY_PT,
    CONTENT_TOP,
    CONTENT_WIDTH,
    MARGIN,
    MUTED,
    TEXT,
    WIDTH,
    agenda_slide,
    new_deck,
    slide,
    textbox,
    title_slide,
)
from pptx_parts import divider, matrix, save, table

from pipeline.render.context_kommun import SECTIONS

PARTS = {key: (rubrik, fraga) for key, rubrik, fraga in SECTIONS}
FOOTER = "{{ kommun.namn }} · Kommunövergripande · {{ mote.rubrik }}"
SMALL = 12  # the smallest text in the deck
BELOW_CAPTION = CONTENT_TOP + Inches(0.6)  # a table's top when a caption explains it above
SERIES_COLORS = (ACCENT, RGBColor(0x2E, 0x75, 0xB6), RGBColor(0x9D, 0xC3, 0xE6))  # dark to light


def _runs(p, runs: list[tuple[str, int, bool, object]]) -> None:
    """Replace a paragraph's runs with (text, size, bold, colour) runs."""
    for r in list(p.runs):
        p._p.remove(r._r)
    for text, size, bold, color in runs:
        run = p.add_run()
        run.text = text
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = color


def _bullet(p, size: int = BODY_PT) -> None:
    """Make a paragraph a real bullet (PowerPoint's own, not a typed "•")."""
    ppr = p._p.get_or_add_pPr()
    ppr.set("marL", str(int(Pt(size * 1.3))))
    ppr.set("indent", str(-int(Pt(size * 1.3))))
    for old in ppr.findall(qn("a:buNone")):
        ppr.remove(old)
    font = ppr.makeelement(qn("a:buFont"), {"typeface": "Arial"})
    char = ppr.makeelement(qn("a:buChar"), {"char": "•"})
    ppr.append(font)
    ppr.append(char)


def _cell_paragraphs(cell, paragraphs: list[list[tuple[str, int, bool, object]]],
                     bullets: tuple[int, ...] = ()) -> None:
    """Fill a table cell with paragraphs of runs; paragraphs numbered in `bullets` get bullets."""
    frame = cell.text_frame
    first = frame.paragraphs[0]
    for extra in frame.paragraphs[1:]:
        frame._txBody.remove(extra._p)
    for i, runs in enumerate(paragraphs):
        p = first if i == 0 else frame.add_paragraph()
        _runs(p, runs)
        if i in bullets:
            _bullet(p, runs[0][1])


def caption(s, text: str, name: str = "Förklaring") -> None:
    """Add the line that explains a table, between the title and the table."""
    box = textbox(s, name, [(text, SMALL + 1, False)], top=CONTENT_TOP - Inches(0.05),
                  height=BELOW_CAPTION - CONTENT_TOP, color=MUTED)
    box.text_frame.paragraphs[0].space_after = 0


def _status(prs) -> None:
    """Where each nämnd stands: one row per nämnd, by name, readable at 12 pt."""
    s = slide(prs, "Var nämnderna står", "{%slide if namnder %}\n{%summary nämnd/nämnder %}")
    caption(s, "Ifyllt: avsnittet har så många rader som planeringen räknar med. Saknas: det som "
               "skulle vara klart till mötet. Nästa möte: "
               "nämndens första pass eller möte {% if mote.datum %}efter {{ mote.datum_text }}"
               "{% else %}från och med i dag{% endif %}.")
    shape = table(s, "Tabell status", [
        ("Nämnd", "{{ n.namn }}", 2.6), ("Verksamhetsidé", "{{ n.ide }}", 2.3),
        ("Avsnitt i arbetsboken", "", 4.4), ("Nästa möte", "{{ n.nasta_mote }}", 1.55),
        ("Beslut i nämnden", "{{ n.beslut }}", 1.28)], "n in namnder", top=BELOW_CAPTION)
    tbl = shape.table
    _cell_paragraphs(tbl.cell(1, 0), [[("{%tr for n in namnder %}{{ n.namn }}", BODY_PT, True,
                                        TEXT)]])
    _cell_paragraphs(tbl.cell(1, 2), [
        [("Ifyllt: ", SMALL, True, TEXT), ("{{ n.ifyllt }}", SMALL, False, TEXT)],
        [("{%p if n.paborjat %}", SMALL, False, TEXT)],
        [("Påbörjat: ", SMALL, True, TEXT), ("{{ n.paborjat }}", SMALL, False, TEXT)],
        [("{%p endif %}", SMALL, False, TEXT)],
        [("{%p if n.saknas %}", SMALL, False, TEXT)],
        [("Saknas: ", SMALL, True, TEXT), ("{{ n.saknas }}", SMALL, False, TEXT)],
        [("{%p endif %}", SMALL, False, TEXT)],
        [("{%p if n.kommer %}", SMALL, False, TEXT)],
        [("Kommer: ", SMALL, True, TEXT), ("{{ n.kommer }}", SMALL, False, TEXT)],
        [("{%p endif %}", SMALL, False, TEXT)]])
    for col in (1, 3, 4):
        for p in tbl.cell(1, col).text_frame.paragraphs:
            for r in p.runs:
                r.font.size = Pt(SMALL + 1)
    for col in range(5):
        for r in tbl.cell(0, col).text_frame.paragraphs[0].runs:
            r.font.size = Pt(SMALL + 1)


def _omfattning(prs) -> None:
    """How much each nämnd has named: a labelled chart and the same numbers in a table."""
    s = slide(prs, "Kunder, beroenden och synergier per nämnd", "{%slide if namnder %}")
    data = CategoryChartData(number_format="0")
    data.categories = ["Nämnd 1", "Nämnd 2"]
    for name in ("Kunder", "Beroenden", "Synergier"):
        data.add_series(name, (3, 2))
    frame = s.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, MARGIN, CONTENT_TOP, Inches(6.4),
                               Inches(5.3), data)
    frame.name = "diagram:omfattning"
    chart = frame.chart
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.TOP
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(SMALL + 2)
    chart.category_axis.reverse_order = True
    chart.category_axis.tick_labels.font.size = Pt(SMALL + 1)
    chart.value_axis.visible = False
    chart.value_axis.has_major_gridlines = False
    chart.value_axis.minimum_scale = 0
    plot = chart.plots[0]
    for series, color in zip(plot.series, SERIES_COLORS, strict=True):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = color
    plot.gap_width = 60
    plot.overlap = -10
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.font.size = Pt(SMALL)
    labels.number_format = "0"
    labels.number_format_is_linked = False
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    labels.show_value = True
    shape = table(s, "Tabell omfattning", [
        ("Nämnd", "{{ n.namn }}", 2.3), ("Kunder", "{{ n.antal_kunder }}", 1.0),
        ("Beroenden", "{{ n.antal_beroenden }}", 1.2),
        ("Synergier", "{{ n.antal_synergier }}", 1.1)], "n in namnder")
    shape.left = WIDTH - MARGIN - shape.width
    for row in shape.table.rows:
        for cell in row.cells:
            for r in cell.text_frame.paragraphs[0].runs:
                r.font.size = Pt(SMALL + 1)


def _per_namnd(prs) -> None:
    """One slide per nämnd: its verksamhetsidé on the left, its kunder on the right."""
    s = slide(prs, "{{ n.namn }}", "{%slide for n in namnder %}")
    half = (CONTENT_WIDTH - Inches(0.5)) // 2
    textbox(s, "Verksamhetsidé", [("Verksamhetsidé", SMALL + 2, True),
                                  ("{{ n.formulering }}", 24, False), ("{{ n.version }}", BODY_PT, False)],
            top=CONTENT_TOP, height=Inches(5.2), width=half)
    box = s.shapes[-1].text_frame
    box.paragraphs[0].runs[0].font.color.rgb = MUTED
    box.paragraphs[1].runs[0].font.color.rgb = ACCENT
    box.paragraphs[1].space_after = Pt(14)
    box.paragraphs[2].runs[0].font.color.rgb = MUTED
    right = MARGIN + half + Inches(0.5)
    kunder = textbox(s, "Kunder", [
        ("Kunder och målgrupper", SMALL + 2, True),
        ("{%p for k in n.kunder %}", 18, False), ("{{ k }}", 18, False),
        ("{%p endfor %}", 18, False),
        ("{%p if n.fler_kunder %}", 18, False),
        ("… och {{ n.fler_kunder }} till i nämndens underlag", 16, False),
        ("{%p endif %}", 18, False),
        ("{%p if not n.kunder %}", 18, False), ("Inga kunder inskrivna ännu.", 18, False),
        ("{%p endif %}", 18, False)], top=CONTENT_TOP, height=Inches(5.2), left=right,
        width=half)
    paragraphs = kunder.text_frame.paragraphs
    paragraphs[0].runs[0].font.color.rgb = MUTED
    _bullet(paragraphs[2], 18)
    paragraphs[2].space_after = Pt(4)
    paragraphs[5].runs[0].font.color.rgb = MUTED
    paragraphs[8].runs[0].font.color.rgb = MUTED


def _synergier(prs) -> None:
    """Shared processes: who takes part (nämnder and external partners, by name), and who
    proposed which synergy; then who proposed which next step."""
    for title, attr, header, loop in (
            ("Samband och synergier", "synergier", "Synergi – vem föreslog vad", "synergier"),
            ("Nästa steg i de gemensamma processerna", "nasta_steg",
             "Nästa steg – vem föreslog vad", "synergier_med_steg")):
        s = slide(prs, title, f"{{%slide if {loop} %}}\n{{%summary process/processer %}}")
        first, width = ("Process och parter", 3.4) if attr == "synergier" else ("Process", 4.5)
        shape = table(s, f"Tabell {attr.replace('_', ' ')}", [(first, "", width),
                                                              (header, "", 12.1 - width)],
                      f"y in {loop}")
        tbl = shape.table
        process = [(f"{{%tr for y in {loop} %}}{{{{ y.process }}}}", SMALL + 1, True, TEXT)]
        parter = [("Med: ", SMALL, True, MUTED), ("{{ y.parter }}", SMALL, False, MUTED)]
        _cell_paragraphs(tbl.cell(1, 0), [process, parter] if attr == "synergier" else [process])
        _cell_paragraphs(tbl.cell(1, 1), [
            [(f"{{%p for b in y.{attr} %}}", SMALL + 1, False, TEXT)],
            [("{{ b.av }}: ", SMALL + 1, True, TEXT), ("{{ b.text }}", SMALL + 1, False, TEXT)],
            [("{%p endfor %}", SMALL + 1, False, TEXT)]])
        for col in range(2):
            for r in tbl.cell(0, col).text_frame.paragraphs[0].runs:
                r.font.size = Pt(SMALL + 1)


def _beroenden(prs) -> None:
    """The nämnd × nämnd matrix (codes in its columns, the legend beside it) and the external
    partners the nämnder name."""
    s = slide(prs, "Beroenden mellan nämnderna", "{%slide if namnder %}")
    shape = matrix(s, "matris:beroenden", 3.6)
    shape.width = Inches(8.4)
    shape.table.columns[1].width = Inches(8.4 - 3.6)
    left = MARGIN + Inches(8.8)
    textbox(s, "Förklaring", [
        ("Så läses tabellen", SMALL + 2, True),
        ("● i en rad: nämnden i raden är beroende av nämnden i kolumnen, enligt nämndernas "
         "egna flikar Beroenden.", SMALL + 1, False),
        ("Kolumnerna", SMALL + 2, True),
        ("{%p for f in forkortningar %}", SMALL + 1, False),
        ("{{ f.av }}", SMALL + 1, True), ("{%p endfor %}", SMALL + 1, False)],
        top=CONTENT_TOP, height=Inches(5.2), left=left, width=WIDTH - MARGIN - left)
    paragraphs = s.shapes[-1].text_frame.paragraphs
    _runs(paragraphs[4], [("{{ f.av }}", SMALL + 1, True, TEXT),
                          ("  {{ f.namn }}", SMALL + 1, False, TEXT)])
    paragraphs[4].space_after = Pt(2)
    s = slide(prs, "Beroenden och samband med externa parter",
              "{%slide if externa %}\n{%summary part/parter %}")
    table(s, "Tabell externa parter", [("Extern part", "{{ e.namn }}", 4.2),
                                       ("Nämnder som har skrivit in parten", "{{ e.av }}", 7.9)],
          "e in externa")


def kommunovergripande() -> bytes:
    """Return the kommunövergripande deck template."""
    prs = new_deck(FOOTER)
    title_slide(prs, "Verksamhetsidéer i {{ kommun.namn }}", "Kommunövergripande sammanställning",
                byline="{{ namnder|length }} nämnder · "
                       "{{ milstolpar|map(attribute='datum')|map('datum')|join(', ') }}")
    agenda_slide(prs, title="Innehåll", notes="{%slide if agenda %}")
    divider(prs, "uppdraget", *PARTS["uppdraget"])
    s = slide(prs, "Uppdraget")
    textbox(s, "Uppdragstext", [("{%p for stycke in kommun.uppdrag|stycken %}", BODY_PT + 4, False),
                                ("{{ stycke }}", BODY_PT + 4, False), ("{%p endfor %}", 18, False),
                                ("{% if kommun.vision %}Vision: {{ kommun.vision }}{% endif %}",
                                 BODY_PT + 4, True)])
    s = slide(prs, "Processen och de gemensamma milstolparna",
              "{%slide if milstolpar %}\n{%summary milstolpe/milstolpar %}")
    caption(s, "Pass 1–2 v. 33–39: vad, för vem och varför. Pass 3–4 v. 41–48: formulering av "
               "verksamhetsidé. Pass 5 v. 50 och framåt: reflektion och underlag för beslut.",
            name="Passen")
    table(s, "Tabell milstolpar", [("Datum", "{{ ms.datum|datum }}", 2.6),
                                   ("Tid", "{{ ms.start|klockslag(ms.slut) }}", 1.9),
                                   ("Milstolpe", "{{ ms.benamning }}", 3.0),
                                   ("Innehåll", "{{ ms.beskrivning }}", 4.6)], "ms in milstolpar",
          top=BELOW_CAPTION)
    s = slide(prs, "Övergripande tidplan", "{%slide if milstolpar %}")
    caption(s, "{{ veckoschema_forklaring }}")
    matrix(s, "matris:tidplan", 3.1, top=BELOW_CAPTION, size=12)
    divider(prs, "status", *PARTS["status"])
    _status(prs)
    _omfattning(prs)
    divider(prs, "ideer", *PARTS["ideer"])
    _per_namnd(prs)
    divider(prs, "samband", *PARTS["samband"])
    s = slide(prs, "Gemensamma kunder och målgrupper",
              "{%slide if gemensamma_kunder %}\n{%summary kund/kunder %}")
    table(s, "Tabell gemensamma kunder", [("Kund eller målgrupp", "{{ g.kund }}", 4.0),
                                          ("Nämnder", "{{ g.av }}", 8.1)],
          "g in gemensamma_kunder")
    _beroenden(prs)
    _synergier(prs)
    s = slide(prs, "Nästa steg", "{%slide if steg_per_namnd %}\n{%summary nämnd/nämnder %}")
    shape = table(s, "Tabell nästa steg", [("Nämnd", "{{ st.namn }}", 3.2),
                                           ("Nästa steg", "", 8.9)], "st in steg_per_namnd")
    _cell_paragraphs(shape.table.cell(1, 1), [[("{%p for t in st.steg %}", BODY_PT, False, TEXT)],
                                             [("{{ t }}", BODY_PT, False, TEXT)],
                                             [("{%p endfor %}", BODY_PT, False, TEXT)]],
                     bullets=(1,))
    return save(prs, "Verksamhetsidéer – kommunövergripande")
