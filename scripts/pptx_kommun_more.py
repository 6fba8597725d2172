"""Mer underlag of the kommunövergripande deck template: what the processtöd follows (where
each nämnd stands, as a table and a chart), the milestones and the week grid, and the shared
tables in full. Part of scripts/pptx_kommun.py."""

from __future__ import annotations

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.util import Inches, Pt
from pptx_design import ACCENT, BODY_PT, CONTENT_TOP, MARGIN, TEXT, WIDTH, slide
from pptx_parts import BELOW_CAPTION, SMALL, caption, cell_paragraphs, matrix, table

SERIES_COLORS = (ACCENT, RGBColor(0x9D, 0xC3, 0xE6))  # dark, light


def _status(prs) -> None:
    """Where each nämnd stands: one row per nämnd, by name; what is due by the meeting, what
    comes later, what it has next."""
    s = slide(prs, "{{ rubriker.status }}", "{%slide if 'status' in mer %}\n"
                                             "{%summary nämnd/nämnder %}")
    caption(s, "Ifyllt: avsnittet har så många rader som planeringen räknar med. Saknas: det som "
               "skulle vara klart till mötet. Nästa: nämndens första pass eller möte "
               "{% if mote.datum %}efter {{ mote.datum_text }}{% else %}från och med i dag"
               "{% endif %}, eller beslutet om det kommer först.")
    shape = table(s, "Tabell status", [
        ("Nämnd", "{{ n.namn }}", 2.5), ("Verksamhetsidé", "{{ n.ide }}", 2.3),
        ("Underlaget", "", 4.3), ("Nästa", "{{ n.nasta_mote }}", 1.7),
        ("Beslut i nämnden", "{{ n.beslut }}", 1.3)], "n in namnder", top=BELOW_CAPTION)
    tbl = shape.table
    cell_paragraphs(tbl.cell(1, 0), [[("{%tr for n in namnder %}{{ n.namn }}", BODY_PT, True,
                                        TEXT)]])
    cell_paragraphs(tbl.cell(1, 2), [
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


def _lage(prs) -> None:
    """The same as a chart: per nämnd, the sections due by the meeting, filled and left."""
    s = slide(prs, "{{ rubriker.lage }}", "{%slide if 'status' in mer %}")
    data = CategoryChartData(number_format="0")
    data.categories = ["Nämnd 1", "Nämnd 2"]
    for name in ("Klart till mötet", "Kvar till mötet"):
        data.add_series(name, (3, 2))
    frame = s.shapes.add_chart(XL_CHART_TYPE.BAR_STACKED, MARGIN, CONTENT_TOP, Inches(7.2),
                               Inches(5.3), data)
    frame.name = "diagram:lage"
    chart = frame.chart
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.TOP
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(BODY_PT)
    chart.category_axis.reverse_order = True
    chart.category_axis.tick_labels.font.size = Pt(BODY_PT)
    chart.value_axis.visible = False
    chart.value_axis.has_major_gridlines = False
    chart.value_axis.minimum_scale = 0
    plot = chart.plots[0]
    for series, color in zip(plot.series, SERIES_COLORS, strict=True):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = color
    plot.gap_width = 60
    plot.overlap = 100
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.font.size = Pt(BODY_PT)
    labels.number_format = '0;;;'  # a zero is no label
    labels.number_format_is_linked = False
    labels.position = XL_LABEL_POSITION.CENTER
    labels.show_value = True
    for series, color in zip(plot.series, (RGBColor(0xFF, 0xFF, 0xFF), TEXT), strict=True):
        series.data_labels.font.size = Pt(BODY_PT)
        series.data_labels.font.bold = True
        series.data_labels.font.color.rgb = color
        series.data_labels.number_format = '0;;;'
        series.data_labels.number_format_is_linked = False
        series.data_labels.position = XL_LABEL_POSITION.CENTER
        series.data_labels.show_value = True
    shape = table(s, "Tabell läge", [("Nämnd", "{{ n.namn }}", 2.6),
                                     ("Klart", "{{ n.klart }}", 1.0),
                                     ("Kvar", "{{ n.aterstar }}", 1.0)], "n in namnder")
    shape.left = WIDTH - MARGIN - shape.width


def _tidplan(prs) -> None:
    """The milestones and the week grid of every nämnd."""
    s = slide(prs, "Processen och de gemensamma milstolparna",
              "{%slide if 'milstolpar' in mer %}\n{%summary milstolpe/milstolpar %}")
    caption(s, "Pass 1–2 v. 33–39: vad, för vem och varför. Pass 3–4 v. 41–48: formulering av "
               "verksamhetsidé. Pass 5 v. 50 och framåt: reflektion och underlag för beslut.",
            name="Passen")
    table(s, "Tabell milstolpar", [("Datum", "{{ ms.datum|datum }}", 2.6),
                                   ("Tid", "{{ ms.start|klockslag(ms.slut) }}", 1.9),
                                   ("Milstolpe", "{{ ms.benamning }}", 3.0),
                                   ("Innehåll", "{{ ms.beskrivning }}", 4.6)], "ms in milstolpar",
          top=BELOW_CAPTION)
    s = slide(prs, "Övergripande tidplan", "{%slide if 'tidplan' in mer %}")
    caption(s, "{{ veckoschema_forklaring }}")
    matrix(s, "matris:tidplan", 3.1, top=BELOW_CAPTION, size=12)


def _externa(prs) -> None:
    s = slide(prs, "Beroenden och samband med externa parter",
              "{%slide if 'externa' in mer %}\n{%summary part/parter %}")
    table(s, "Tabell externa parter", [("Extern part", "{{ e.namn }}", 4.2),
                                       ("Nämnder som har skrivit in parten", "{{ e.av }}", 7.9)],
          "e in externa")


def _processteg(prs) -> None:
    """Who proposed which next step in each shared process."""
    s = slide(prs, "Nästa steg i de gemensamma processerna",
              "{%slide if 'processteg' in mer %}\n{%summary process/processer %}")
    shape = table(s, "Tabell nästa steg i processerna", [("Process", "", 4.5),
                                                        ("Nästa steg – vem föreslog vad", "", 7.6)],
                  "y in synergier_med_steg")
    tbl = shape.table
    cell_paragraphs(tbl.cell(1, 0), [[("{%tr for y in synergier_med_steg %}{{ y.process }}",
                                        SMALL + 1, True, TEXT)]])
    cell_paragraphs(tbl.cell(1, 1), [
        [("{%p for b in y.nasta_steg %}", SMALL + 1, False, TEXT)],
        [("{{ b.av }}: ", SMALL + 1, True, TEXT), ("{{ b.text }}", SMALL + 1, False, TEXT)],
        [("{%p endfor %}", SMALL + 1, False, TEXT)]])
    _sized_header(shape)


def _sized_header(shape) -> None:
    for cell in shape.table.rows[0].cells:
        for r in cell.text_frame.paragraphs[0].runs:
            r.font.size = Pt(SMALL + 1)


def mer_underlag(prs, shared) -> None:
    """Add Mer underlag's slides after its divider: the status, the chart, the timetable, then
    `shared()` (the meeting's tables in full, made by the deck's own module), the external
    partners and the next steps of the shared processes."""
    _status(prs)
    _lage(prs)
    _tidplan(prs)
    shared()
    _externa(prs)
    _processteg(prs)
