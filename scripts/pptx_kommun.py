"""The kommunövergripande deck template: part of scripts/make_pptx_templates.py."""

from __future__ import annotations

from make_pptx_templates import (
    ACCENT,
    BODY_PT,
    CONTENT_TOP,
    MARGIN,
    _save,
    matrix,
    new_deck,
    slide,
    table,
    textbox,
    title_slide,
)
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.util import Inches, Pt


def kommunovergripande() -> bytes:
    """Return the kommunövergripande deck template."""
    prs = new_deck()
    title_slide(prs, "Verksamhetsidéer i {{ kommun.namn }}",
                "Kommunövergripande sammanställning\n{{ namnder|length }} nämnder · "
                "{{ milstolpar|map(attribute='datum')|map('datum')|join(', ') }}")
    s = slide(prs, "Uppdraget")
    textbox(s, "Uppdragstext", [("{%p for stycke in kommun.uppdrag|stycken %}", BODY_PT + 4, False),
                                ("{{ stycke }}", BODY_PT + 4, False), ("{%p endfor %}", 18, False),
                                ("{% if kommun.vision %}Vision: {{ kommun.vision }}{% endif %}",
                                 BODY_PT + 4, True)])
    s = slide(prs, "Processen och de gemensamma milstolparna", "{%slide if milstolpar %}")
    table(s, "Tabell milstolpar", [("Datum", "{{ ms.datum|datum }}", 2.6),
                                   ("Tid", "{{ ms.start|klockslag(ms.slut) }}", 1.9),
                                   ("Milstolpe", "{{ ms.benamning }}", 3.0),
                                   ("Innehåll", "{{ ms.beskrivning }}", 4.6)], "ms in milstolpar")
    textbox(s, "Passen", [("Pass 1–2 v. 33–39: vad, för vem och varför. Pass 3–4 v. 41–48: "
                           "formulering av verksamhetsidé. Pass 5 v. 50 och framåt: reflektion "
                           "och underlag för beslut.", BODY_PT, False)],
            top=Inches(5.9), height=Inches(0.9))
    s = slide(prs, "Övergripande tidplan", "{%slide if milstolpar %}")
    matrix(s, "matris:tidplan", 2.2, size=12)
    textbox(s, "Förklaring", [("Siffrorna är dagarna i veckan då mötena hålls. Veckorna räknas "
                               "enligt ISO 8601 och hör till den månad där veckans torsdag "
                               "ligger; … står för veckor utan möten.", BODY_PT, False)],
            top=Inches(6.0), height=Inches(0.8))
    s = slide(prs, "Status per nämnd", "{%slide if namnder %}")
    data = CategoryChartData(number_format='0" %"')
    data.categories = ["Avsnitt 1", "Avsnitt 2"]
    data.add_series("Nämnd", (100, 50))
    frame = s.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, MARGIN, CONTENT_TOP, Inches(8.4),
                               Inches(5.6), data)
    frame.name = "diagram:status"
    chart = frame.chart
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(14)
    chart.category_axis.reverse_order = True
    chart.plots[0].gap_width = 40
    chart.category_axis.tick_labels.font.size = Pt(11)
    chart.value_axis.maximum_scale = 100
    chart.value_axis.minimum_scale = 0
    chart.value_axis.tick_labels.font.size = Pt(11)
    chart.value_axis.has_major_gridlines = True
    table(s, "Tabell status", [("Nämnd", "{{ n.kod }}", 1.5), ("Ifyllt", "{{ n.status.totalt }} %", 1.7)],
          "n in namnder", top=CONTENT_TOP)
    s.shapes[-1].left = MARGIN + Inches(8.8)
    s = slide(prs, "{{ n.namn }} ({{ n.kod }})", "{%slide for n in namnder %}")
    textbox(s, "Verksamhetsidé", [("{{ n.formulering }}", 24, False)], top=Inches(1.5),
            height=Inches(2.6), color=ACCENT)
    textbox(s, "Kunder", [("Huvudsakliga kunder och målgrupper", BODY_PT + 2, True),
                          ("{%p for k in n.kunder %}", BODY_PT + 2, False),
                          ("• {{ k }}", BODY_PT + 2, False), ("{%p endfor %}", BODY_PT, False)],
            top=Inches(4.3), height=Inches(2.6))
    s = slide(prs, "Gemensamma kunder och målgrupper", "{%slide if gemensamma_kunder %}")
    table(s, "Tabell gemensamma kunder", [("Kund eller målgrupp", "{{ g.kund }}", 4.5),
                                          ("Nämnder", "{{ g.namnder|join(', ') }}", 7.6)],
          "g in gemensamma_kunder")
    s = slide(prs, "Beroenden mellan nämnderna", "{%slide if namnder %}")
    matrix(s, "matris:beroenden", 2.6)
    textbox(s, "Förklaring", [("● betyder att nämnden i raden är beroende av nämnden i "
                               "kolumnen, enligt nämndernas egna flikar Beroenden.", BODY_PT, False)],
            top=Inches(6.1), height=Inches(0.7))
    s = slide(prs, "Samband och synergier", "{%slide if synergier %}")
    table(s, "Tabell synergier", [("Gränsöverskridande process", "{{ y.process }}", 3.4),
                                  ("Nämnder", "{{ y.namnder|join(', ') }}", 2.1),
                                  ("Synergi", "{{ y.synergier|rader }}", 3.6),
                                  ("Nästa steg", "{{ y.nasta_steg|rader }}", 3.0)],
          "y in synergier")
    s = slide(prs, "Nästa steg", "{%slide if nasta_steg %}")
    table(s, "Tabell nästa steg", [("Nämnd", "{{ st.kod }}", 1.6), ("Nästa steg", "{{ st.text }}", 10.5)],
          "st in nasta_steg")
    return _save(prs, "Verksamhetsidéer – kommunövergripande")
