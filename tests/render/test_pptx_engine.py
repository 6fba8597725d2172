"""The PowerPoint template engine, on small templates made here, reopened with python-pptx.

The engine is tested on its own: a plain strict Jinja environment, plain data, its neutral
default options; the app's wording of its errors is tested in test_pptx_wording.py."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import jinja2
import pytest
from PIL import Image
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE, MSO_SHAPE_TYPE
from pptx.util import Inches, Pt

from pipeline.render.pptx import (
    Binding,
    ChartSpec,
    EngineError,
    Kind,
    Matrix,
    Options,
    PptxTemplate,
)
from pipeline.render.pptx.package import check_deck
from tests.office import audit_errors

ENV = jinja2.Environment(undefined=jinja2.StrictUndefined)


def deck() -> Presentation:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    return prs


def add_slide(prs, title: str, notes: str = ""):
    s = prs.slides.add_slide(prs.slide_layouts[5])
    s.shapes.title.text = title
    if notes:
        s.notes_slide.notes_text_frame.text = notes
    return s


def chart_slide(prs, name: str, title: str = "Status", categories=("x",)):
    """Add a slide with a bar chart of example data, named as in PowerPoint's selection pane."""
    s = add_slide(prs, title)
    data = CategoryChartData()
    data.categories = list(categories)
    data.add_series("Serie", (1,) * len(categories))
    frame = s.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, Inches(1), Inches(1.5), Inches(8),
                               Inches(5), data)
    frame.name = name
    return frame


def textbox(s, runs: list[tuple[str, bool]], name: str = "Text"):
    box = s.shapes.add_textbox(Inches(1), Inches(2), Inches(8), Inches(3))
    box.name = name
    p = box.text_frame.paragraphs[0]
    for text, bold in runs:
        r = p.add_run()
        r.text = text
        r.font.bold = bold
        r.font.size = Pt(18)
    return box


def render(tmp_path: Path, prs, context: dict, *, data_has_tags: bool = False) -> Presentation:
    path = tmp_path / "mall.pptx"
    prs.save(path)
    data = PptxTemplate(path, ENV).render(context)
    assert audit_errors(data, ".pptx") == []  # schema-valid: PowerPoint offers no repair
    problems = check_deck(data)
    if data_has_tags:  # text from data that looks like a tag is literal, and allowed
        problems = [p for p in problems if not p.endswith("taggar finns kvar i texten")]
    assert problems == []
    return Presentation(io.BytesIO(data))


def texts(prs) -> list[list[str]]:
    return [[sh.text_frame.text for sh in s.shapes if sh.has_text_frame] for s in prs.slides]


def test_a_tag_split_over_runs_is_rendered_with_its_first_runs_formatting(tmp_path):
    prs = deck()
    s = add_slide(prs, "Rubrik")
    textbox(s, [("Nämnd: ", False), ("{{ nam", True), ("n }}", False), ("!", False)])
    out = render(tmp_path, prs, {"namn": "Socialnämnden"})
    box = out.slides[0].shapes[1]
    runs = box.text_frame.paragraphs[0].runs
    assert box.text_frame.text == "Nämnd: Socialnämnden!"
    assert [(r.text, r.font.bold) for r in runs if r.text] == [
        ("Nämnd: ", False), ("Socialnämnden", True), ("!", False)]


def test_tags_in_groups_table_cells_and_notes(tmp_path):
    prs = deck()
    s = add_slide(prs, "{{ rubrik }}", notes="Anteckning om {{ namn }}")
    group = s.shapes.add_group_shape()
    inner = group.shapes.add_textbox(Inches(1), Inches(1), Inches(3), Inches(1))
    inner.text_frame.text = "I gruppen: {{ namn }}"
    table = s.shapes.add_table(1, 1, Inches(1), Inches(3), Inches(4), Inches(1)).table
    table.cell(0, 0).text = "Cell: {{ namn }}"
    out = render(tmp_path, prs, {"rubrik": "R", "namn": "BUN"})
    slide = out.slides[0]
    assert slide.shapes.title.text == "R"
    assert slide.shapes[1].shapes[0].text_frame.text == "I gruppen: BUN"
    assert slide.shapes[2].table.cell(0, 0).text == "Cell: BUN"
    assert slide.notes_slide.notes_text_frame.text == "Anteckning om BUN"


def test_slide_loops_and_conditions(tmp_path):
    prs = deck()
    add_slide(prs, "Först")
    add_slide(prs, "{{ n }}", notes="{%slide for n in namn %}")
    add_slide(prs, "Visas inte", notes="{%slide if saknas %}")
    add_slide(prs, "Visas", notes="{%slide if namn %}")
    out = render(tmp_path, prs, {"namn": ["KS", "SN", "BUN"], "saknas": []})
    assert [s.shapes.title.text for s in out.slides] == ["Först", "KS", "SN", "BUN", "Visas"]
    assert not any(s.has_notes_slide for s in out.slides)  # the directives do not leak


def test_paragraph_loops_repeat_paragraphs(tmp_path):
    prs = deck()
    s = add_slide(prs, "Lista")
    box = textbox(s, [("{%p for k in kunder %}", False)])
    for text in ("• {{ k }}", "{%p endfor %}", "Slut"):
        p = box.text_frame.add_paragraph()
        p.add_run().text = text
    out = render(tmp_path, prs, {"kunder": ["Barn och unga", "Äldre"]})
    assert [p.text for p in out.slides[0].shapes[1].text_frame.paragraphs] == [
        "• Barn och unga", "• Äldre", "Slut"]


def table_slide(prs, rows_expr: str = "k in kunder"):
    s = add_slide(prs, "Kunder")
    shape = s.shapes.add_table(2, 2, Inches(0.6), Inches(1.5), Inches(12), Inches(0.8))
    shape.name = "Tabell kunder"
    t = shape.table
    for c, (head, cell) in enumerate((("Kund", "{%tr for " + rows_expr + " %}{{ k.kund }}"),
                                      ("Behov", "{{ k.behov }}"))):
        t.cell(0, c).text = head
        t.cell(1, c).text = cell
        for r in range(2):
            t.cell(r, c).text_frame.paragraphs[0].runs[0].font.size = Pt(14)
    return s


def test_table_rows_repeat_and_continue_on_copies_of_the_slide(tmp_path):
    prs = deck()
    table_slide(prs)
    kunder = [{"kund": f"Kund {i}", "behov": "Ett behov som tar en rad. " * (1 + i % 3)}
              for i in range(40)]
    out = render(tmp_path, prs, {"kunder": kunder})
    slides = list(out.slides)
    assert len(slides) > 2
    assert slides[0].shapes.title.text == "Kunder"
    assert [s.shapes.title.text for s in slides[1:]] == [
        "Kunder (cont.)", *(f"Kunder (cont. {n})" for n in range(2, len(slides)))]
    rows = []
    for s in slides:
        table = s.shapes[1].table
        assert table.cell(0, 0).text == "Kund"  # the header row on every slide
        rows += [table.cell(r, 0).text for r in range(1, len(table.rows))]
        frame = s.shapes[1]
        assert frame.top + frame.height <= out.slide_height  # estimated: fits on the slide
    assert rows == [f"Kund {i}" for i in range(40)]


def test_a_short_table_stays_on_one_slide(tmp_path):
    prs = deck()
    table_slide(prs)
    out = render(tmp_path, prs, {"kunder": [{"kund": "A", "behov": "b"}, {"kund": "B", "behov": "c"}]})
    assert len(out.slides) == 1
    assert len(out.slides[0].shapes[1].table.rows) == 3


def test_long_text_shrinks_and_then_continues_on_a_copy_of_the_slide(tmp_path):
    prs = deck()
    box = textbox(add_slide(prs, "Uppdraget"), [("{%p for s in stycken %}", False)])
    for text in ("{{ s }}", "{%p endfor %}"):
        run = box.text_frame.add_paragraph().add_run()
        run.text = text
        run.font.size = Pt(18)
    short = render(tmp_path, prs, {"stycken": ["Ett kort stycke."]})
    assert len(short.slides) == 1
    stycken = [f"Stycke {i}: " + "en mening som tar plats på bilden. " * 6 for i in range(30)]
    out = render(tmp_path, prs, {"stycken": stycken})
    assert len(out.slides) > 1
    assert [s.shapes.title.text for s in out.slides][1:] == [
        "Uppdraget (cont.)", *(f"Uppdraget (cont. {n})" for n in range(2, len(out.slides)))]
    shown = [p.text for s in out.slides for p in s.shapes[1].text_frame.paragraphs]
    assert shown == stycken
    for s in out.slides:  # shrunk at most to 12 pt from 18 pt, by sizes every office suite shows
        assert not s.shapes[1]._element.xpath(".//a:normAutofit")
        sizes = [int(sz) for sz in s.shapes[1]._element.xpath(".//a:rPr/@sz")]
        assert sizes and min(sizes) >= 1200


def test_charts_are_filled_natively_from_data(tmp_path):
    prs = deck()
    chart_slide(prs, "chart:status")
    spec = ChartSpec(["Kunder", "Beroenden", "Tidplan"], [("SN", [100, 50, 0]), ("BUN", [20, 40, 60])],
                     '0" %"', "Stapeldiagram över status.")
    out = render(tmp_path, prs, {"charts": {"status": spec}})
    chart = out.slides[0].shapes[1].chart
    assert list(chart.plots[0].categories) == ["Kunder", "Beroenden", "Tidplan"]
    assert [(s.name, list(s.values)) for s in chart.series] == [
        ("SN", [100, 50, 0]), ("BUN", [20, 40, 60])]
    assert out.slides[0].shapes[1]._element.xpath(".//p:cNvPr/@descr") == [
        "Stapeldiagram över status."]


def test_a_chart_on_a_repeated_slide_gets_a_part_of_its_own(tmp_path):
    prs = deck()
    s = add_slide(prs, "{{ n }}", notes="{%slide for n in namn %}")
    data = CategoryChartData()
    data.categories = ["x"]
    data.add_series("y", (1,))
    s.shapes.add_chart(XL_CHART_TYPE.PIE, Inches(1), Inches(1.5), Inches(5), Inches(4), data)
    path = tmp_path / "mall.pptx"
    prs.save(path)
    blob = PptxTemplate(path, ENV).render({"namn": ["A", "B", "C"]})
    assert check_deck(blob) == []
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        charts = [n for n in z.namelist() if n.startswith("ppt/charts/chart")]
        embeddings = [n for n in z.namelist() if n.startswith("ppt/embeddings/")]
    assert len(charts) == 3 and len(embeddings) == 3


def test_a_matrix_table_grows_to_the_data(tmp_path):
    prs = deck()
    s = add_slide(prs, "Matris")
    shape = s.shapes.add_table(2, 2, Inches(1), Inches(1.5), Inches(8), Inches(1))
    shape.name = "matrix:beroenden"
    for r in range(2):
        for c in range(2):
            shape.table.cell(r, c).text = "x"
    matrix = Matrix(["", "KS", "SN", "BUN"], [["KS", "", "●", ""], ["SN", "●", "", "●"]])
    out = render(tmp_path, prs, {"matrices": {"beroenden": matrix}})
    table = out.slides[0].shapes[1].table
    cells = [[table.cell(r, c).text for c in range(len(table.columns))] for r in range(len(table.rows))]
    assert cells == [matrix.header, *matrix.rows]


def test_pictures_are_placed_by_shape_name_or_the_shape_removed(tmp_path):
    picture = io.BytesIO()
    Image.new("RGB", (200, 100), "navy").save(picture, "PNG")
    prs = deck()
    s = add_slide(prs, "Bild")
    holder = s.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(1), Inches(2), Inches(4), Inches(4))
    holder.name = "picture:logotyp"
    out = render(tmp_path, prs, {"pictures": {"logotyp": picture.getvalue()}})
    pic = out.slides[0].shapes[1]
    assert pic.shape_type == MSO_SHAPE_TYPE.PICTURE
    assert (pic.width, pic.height) == (Inches(4), Inches(2))  # fitted, aspect ratio kept
    assert pic._element.xpath(".//p:cNvPr/@descr") == ["logotyp"]
    without = render(tmp_path, prs, {"pictures": {}})
    assert [sh.name for sh in without.slides[0].shapes] == ["Title 1"]


def test_data_is_never_template_code(tmp_path):
    prs = deck()
    textbox(add_slide(prs, "Rubrik"), [("{{ text }}", False)])
    hostile = "{{ 7*7 }} {% if x %} <a:t> & ]]> \x07 rad ett\nrad två"
    out = render(tmp_path, prs, {"text": hostile}, data_has_tags=True)
    assert out.slides[0].shapes[1].text_frame.text == (
        "{{ 7*7 }} {% if x %} <a:t> & ]]>  rad ett\vrad två")


def test_data_cannot_forge_the_engines_paragraph_markers(tmp_path):
    prs = deck()
    textbox(add_slide(prs, "Rubrik"), [("{{ text }}", False)])
    forged = "före \x04\x020\x03\x050\x06mitt\x04 efter"  # close, open a paragraph and a run
    out = render(tmp_path, prs, {"text": forged})
    assert out.slides[0].shapes[1].text_frame.text == "före 00mitt efter"


@pytest.mark.parametrize("finalize", [
    None, lambda value: value, jinja2.pass_context(lambda context, value: value)])
def test_the_markers_are_safe_whatever_the_environments_finalize(tmp_path, finalize):
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, finalize=finalize)
    prs = deck()
    textbox(add_slide(prs, "Rubrik"), [("{{ text }} och {{ 7 }}", False)])
    path = tmp_path / "mall.pptx"
    prs.save(path)
    data = PptxTemplate(path, env).render({"text": "a\x02b\x05c\x06d"})
    assert Presentation(io.BytesIO(data)).slides[0].shapes[1].text_frame.text == "abcd och 7"
    assert env.finalize is finalize  # the given environment is left as it was


def test_a_misspelled_name_names_the_slide_and_the_shape(tmp_path):
    prs = deck()
    add_slide(prs, "Ok")
    textbox(add_slide(prs, "Ok"), [("{{ namnd.namm }}", False)], name="Textruta 7")
    path = tmp_path / "mall.pptx"
    prs.save(path)
    with pytest.raises(EngineError) as caught:
        PptxTemplate(path, ENV).render({"namnd": {"namn": "Socialnämnden"}})
    error = caught.value
    assert (error.kind, error.template, error.slide, error.shape, error.name) == (
        Kind.UNDEFINED_NAME, "mall.pptx", 2, "Textruta 7", "namm")
    assert isinstance(error.cause, jinja2.UndefinedError)


def test_a_malformed_tag_names_the_slide_and_the_shape(tmp_path):
    prs = deck()
    textbox(add_slide(prs, "Ok"), [("{% if x %} aldrig slut", False)], name="Text")
    path = tmp_path / "mall.pptx"
    prs.save(path)
    with pytest.raises(EngineError) as caught:
        PptxTemplate(path, ENV).render({"x": 1})
    error = caught.value
    assert (error.kind, error.slide, error.shape) == (Kind.SYNTAX, 1, "Text")
    assert isinstance(error.cause, jinja2.TemplateSyntaxError)


def test_an_error_in_a_slide_directive_is_located_in_the_notes(tmp_path):
    prs = deck()
    add_slide(prs, "{{ n }}", notes="{%slide for n in namnn %}")
    path = tmp_path / "mall.pptx"
    prs.save(path)
    with pytest.raises(EngineError) as caught:
        PptxTemplate(path, ENV).render({"namn": ["A"]})
    error = caught.value
    assert (error.kind, error.slide, error.where.notes, error.name) == (
        Kind.UNDEFINED_NAME, 1, True, "namnn")


def test_the_application_chooses_the_binding_prefixes_and_the_continuation_title(tmp_path):
    prs = deck()
    table_slide(prs)
    s = add_slide(prs, "Matris")
    shape = s.shapes.add_table(2, 2, Inches(1), Inches(1.5), Inches(8), Inches(1))
    shape.name = "tabell:beroenden"
    path = tmp_path / "mall.pptx"
    prs.save(path)
    options = Options(matrix=Binding("tabell", "tabeller"),
                      continued=" (fortsättning)", continued_again=" (fortsättning {n})")
    kunder = [{"kund": f"Kund {i}", "behov": "Ett behov som tar en rad. " * 3} for i in range(40)]
    data = PptxTemplate(path, ENV, options).render(
        {"kunder": kunder, "tabeller": {"beroenden": Matrix(["", "A"], [["B", "●"]])}})
    titles = [s.shapes.title.text for s in Presentation(io.BytesIO(data)).slides]
    assert titles[:3] == ["Kunder", "Kunder (fortsättning)", "Kunder (fortsättning 2)"]
    assert titles[-1] == "Matris"


def fixed_zip(members) -> bytes:
    """A writer as an application passes one: fixed timestamps."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, blob in members:
            z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), blob,
                       compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_rendering_is_deterministic(tmp_path):
    prs = deck()
    table_slide(prs)
    path = tmp_path / "mall.pptx"
    prs.save(path)
    template = PptxTemplate(path, ENV)
    context = {"kunder": [{"kund": "A", "behov": "b"}]}
    assert template.render(context, write=fixed_zip) == template.render(context, write=fixed_zip)


def test_a_writer_gets_the_members_python_pptx_would_save(tmp_path):
    prs = deck()
    table_slide(prs)
    path = tmp_path / "mall.pptx"
    prs.save(path)
    template = PptxTemplate(path, ENV)
    context = {"kunder": [{"kund": "A", "behov": "b"}]}
    with zipfile.ZipFile(io.BytesIO(template.render(context))) as plain, \
            zipfile.ZipFile(io.BytesIO(template.render(context, write=fixed_zip))) as written:
        assert plain.namelist() == written.namelist()
        assert all(plain.read(n) == written.read(n) for n in plain.namelist())


def test_a_template_rendered_again_with_other_data_shows_only_that_data(tmp_path):
    """What the engine reads once per template (sources, row loops, notes) holds for any data,
    also where PowerPoint split a tag over runs."""
    prs = deck()
    s = table_slide(prs, "k in kunder")
    first = s.shapes[1].table.cell(1, 0).text_frame.paragraphs[0]
    first.runs[0].text = "{%tr for k in kun"
    first.add_run().text = "der %}{{ k.ku"
    first.add_run().text = "nd }}"
    textbox(add_slide(prs, "{{ rubrik }}", notes="Om {{ rubrik }}"),
            [("Nämnd: {{ na", False), ("mn }}", True)])
    path = tmp_path / "mall.pptx"
    prs.save(path)
    template = PptxTemplate(path, ENV)
    for n in (3, 1, 30):
        kunder = [{"kund": f"Kund {n}.{i}", "behov": "b"} for i in range(n)]
        out = Presentation(io.BytesIO(template.render(
            {"kunder": kunder, "rubrik": f"R{n}", "namn": f"N{n}"}, write=fixed_zip)))
        rows = [r.cells[0].text for sl in list(out.slides)[:-1]
                for r in list(sl.shapes[1].table.rows)[1:]]
        assert rows == [k["kund"] for k in kunder]
        last = out.slides[-1]
        assert (last.shapes.title.text, last.shapes[1].text_frame.text) == (f"R{n}", f"Nämnd: N{n}")
        assert last.notes_slide.notes_text_frame.text == f"Om R{n}"
