"""Deck templates as PowerPoint and LibreOffice leave them: text that does not fit, renamed
shapes, masters, hidden slides, transitions, curly quotes — each in bounded time."""

from __future__ import annotations

import copy
import io
import time

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from pipeline.render.pptx import CUT, TOO_SMALL, ChartSpec, EngineError, Kind, Options, PptxTemplate
from pipeline.render.pptx.package import check_deck
from tests.office import audit_errors
from tests.render.test_pptx_engine import ENV, add_slide, chart_slide, deck, render, textbox

CUT_NOTE, MAX_TEXT_SLIDES = Options().cut_note, Options().max_text_slides
SENTENCE = "Socialnämnden ger stöd, skydd, vård och omsorg till barn, vuxna och äldre. "


def one_line_box(slide, size: int = 14, text: str = "{{ text }}", *, wrap: bool = True):
    """A text box as PowerPoint inserts one: one line high, growing with its text."""
    box = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(6), Emu(int(Pt(size) * 1.2 + 91440)))
    box.name = "Textruta 3"
    run = box.text_frame.paragraphs[0].add_run()
    run.text = text
    run.font.size = Pt(size)
    body_pr = box.text_frame._txBody.find(qn("a:bodyPr"))
    body_pr.set("wrap", "square" if wrap else "none")
    assert body_pr.find(qn("a:spAutoFit")) is not None  # python-pptx's box, as PowerPoint's
    return box


def fixed_box(slide, height_in: float, size: int = 18):
    """A text box that does not grow: its text must fit or move on."""
    box = slide.shapes.add_textbox(Inches(1), Inches(1.5), Inches(8), Inches(height_in))
    box.name = "Fast ruta"
    box.text_frame.word_wrap = True
    box.text_frame.auto_size = MSO_AUTO_SIZE.NONE
    run = box.text_frame.paragraphs[0].add_run()
    run.text = "{{ text }}"
    run.font.size = Pt(size)
    return box


def sizes(shape) -> list[int]:
    return [int(sz) for sz in shape._element.xpath(".//a:rPr/@sz")]


@pytest.mark.parametrize("size", [14, 18])  # 18 pt: PowerPoint's default for a new box
def test_a_one_line_box_holds_a_short_text_at_its_own_size(tmp_path, size):
    prs = deck()
    one_line_box(add_slide(prs, "Rubrik"), size, wrap=False)
    out = render(tmp_path, prs, {"text": "Version 3, 14 december 2021"})
    assert len(out.slides) == 1
    box = out.slides[0].shapes[1]
    assert box.text_frame.text == "Version 3, 14 december 2021"
    assert sizes(box) == [size * 100]  # it fits: not shrunk
    assert not box._element.xpath(".//a:normAutofit")


@pytest.mark.parametrize("wrap", [True, False])
def test_a_one_line_box_with_a_long_text_grows_and_ends_in_bounded_time(tmp_path, wrap):
    prs = deck()
    one_line_box(add_slide(prs, "Rubrik"), wrap=wrap)
    text = SENTENCE * 10
    started = time.monotonic()
    out = render(tmp_path, prs, {"text": text})
    assert time.monotonic() - started < 30
    assert len(out.slides) <= MAX_TEXT_SLIDES
    box = out.slides[0].shapes[1]
    assert box.top + box.height <= out.slide_height
    assert box.left + box.width <= out.slide_width
    assert min(sizes(box)) >= 1200
    shown = " ".join(s.shapes[1].text_frame.text for s in out.slides)
    assert shown.split() == text.split()  # nothing lost, nothing repeated


def test_a_single_paragraph_too_long_for_its_box_continues_at_line_boundaries(tmp_path):
    prs = deck()
    fixed_box(add_slide(prs, "Verksamhetsidé"), 1.5)
    text = " ".join(f"ord{i}" for i in range(160))
    out = render(tmp_path, prs, {"text": text})
    assert 1 < len(out.slides) <= MAX_TEXT_SLIDES
    parts = [s.shapes[1].text_frame.text for s in out.slides]
    assert " ".join(parts).split() == text.split()  # split between words, in order
    for s in out.slides:
        assert min(sizes(s.shapes[1])) >= 1200


def test_a_ten_thousand_character_text_is_cut_with_a_note_after_four_slides(tmp_path):
    prs = deck()
    fixed_box(add_slide(prs, "Verksamhetsidé"), 3)
    text = (SENTENCE * 140)[:10_000]
    template_path = tmp_path / "mall.pptx"
    prs.save(template_path)
    template = PptxTemplate(template_path, ENV)
    started = time.monotonic()
    data = template.render({"text": text})
    assert time.monotonic() - started < 30
    assert check_deck(data) == [] and audit_errors(data, ".pptx") == []
    out = Presentation(io.BytesIO(data))
    assert len(out.slides) == MAX_TEXT_SLIDES
    last = out.slides[-1].shapes[1].text_frame
    assert last.paragraphs[-1].text == CUT_NOTE
    shown = " ".join(s.shapes[1].text_frame.text for s in out.slides).replace(CUT_NOTE, "")
    assert text.startswith(" ".join(shown.split()))  # a true beginning of the text
    assert [(n.slide, n.shape, n.kind) for n in template.notices] == [
        (1, "Fast ruta", CUT)]


def test_a_box_smaller_than_one_line_keeps_its_text_and_says_so(tmp_path):
    prs = deck()
    fixed_box(add_slide(prs, "Liten"), 0.1)
    template_path = tmp_path / "mall.pptx"
    prs.save(template_path)
    template = PptxTemplate(template_path, ENV)
    out = Presentation(io.BytesIO(template.render({"text": SENTENCE * 3})))
    assert len(out.slides) == 1
    assert " ".join(out.slides[0].shapes[1].text_frame.text.split()) == " ".join(
        (SENTENCE * 3).split())
    assert [(n.slide, n.kind) for n in template.notices] == [(1, TOO_SMALL)]


def test_a_wider_theme_font_needs_more_room_than_calibri(tmp_path):
    from pipeline.render.pptx import measure

    text = "Kartläggning av tidigare kunskaper och studiehandledning på modersmålet " * 3
    calibri = measure.lines_needed(text, 300, 14, "Calibri")
    verdana = measure.lines_needed(text, 300, 14, "Verdana")  # no file here: the wide estimate
    assert verdana > calibri


def test_a_table_in_a_verdana_theme_stays_on_the_slide(tmp_path):
    from tests.render.test_pptx_engine import table_slide

    prs = deck()
    table_slide(prs)
    theme = prs.slide_masters[0].part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme")
    root = etree.fromstring(theme.blob)
    for latin in root.iter(qn("a:latin")):
        if latin.getparent().tag in (qn("a:majorFont"), qn("a:minorFont")):
            latin.set("typeface", "Verdana")
    theme._blob = etree.tostring(root)
    kunder = [{"kund": f"Kund {i}", "behov": "Ett behov som tar en rad eller två. " * 2}
              for i in range(30)]
    out = render(tmp_path, prs, {"kunder": kunder})
    assert len(out.slides) > 2
    for s in out.slides:
        frame = s.shapes[1]
        assert frame.top + frame.height <= out.slide_height


def test_a_chart_renamed_by_powerpoint_is_refused_with_the_names_it_can_have(tmp_path):
    prs = deck()
    chart_slide(prs, "Diagram 3", categories=["Avsnitt 1"])
    path = tmp_path / "mall.pptx"
    prs.save(path)
    spec = ChartSpec(["Kunder"], [("SN", [1])])
    with pytest.raises(EngineError) as caught:
        PptxTemplate(path, ENV).render({"charts": {"status": spec}})
    error = caught.value
    assert (error.kind, error.slide, error.shape, error.binding, error.choices) == (
        Kind.UNBOUND_CHART, 1, "Diagram 3", "chart", ("status",))


def test_a_binding_to_a_name_without_data_lists_the_valid_names(tmp_path):
    prs = deck()
    s = add_slide(prs, "Matris")
    shape = s.shapes.add_table(2, 2, Inches(1), Inches(1.5), Inches(8), Inches(1))
    shape.name = "matrix:beroenden2"
    path = tmp_path / "mall.pptx"
    prs.save(path)
    with pytest.raises(EngineError) as caught:
        PptxTemplate(path, ENV).render({"matrices": {"beroenden": None, "tidplan": None}})
    error = caught.value
    assert (error.kind, error.slide, error.shape, error.name, error.binding, error.choices) == (
        Kind.NO_DATA_FOR_BINDING, 1, "matrix:beroenden2", "beroenden2", "matrix",
        ("beroenden", "tidplan"))


def test_a_shape_named_for_a_chart_that_is_no_chart_is_refused(tmp_path):
    prs = deck()
    textbox(add_slide(prs, "Status"), [("text", False)], name="chart:status")
    path = tmp_path / "mall.pptx"
    prs.save(path)
    with pytest.raises(EngineError) as caught:
        PptxTemplate(path, ENV).render({"charts": {"status": ChartSpec(["a"], [("b", [1])])}})
    assert (caught.value.kind, caught.value.shape) == (Kind.NOT_A_CHART, "chart:status")


def test_tags_on_the_master_and_layouts_are_rendered(tmp_path):
    prs = deck()
    slide = add_slide(prs, "Rubrik")
    for target, text in ((prs.slide_masters[0], "{{ kommun }} · sida"),
                         (prs.slide_layouts[5], "Nämnd: {{ kommun }}")):
        box = slide.shapes.add_textbox(Inches(0.5), Inches(7), Inches(6), Inches(0.4))
        box.text_frame.text = text
        target.shapes._spTree.append(box._element)  # as PowerPoint's slide master view does
    out = render(tmp_path, prs, {"kommun": "Timrå kommun"})
    texts = [sh.text_frame.text for sh in out.slide_masters[0].shapes if sh.has_text_frame]
    assert "Timrå kommun · sida" in texts
    layout_texts = [sh.text_frame.text for sh in out.slide_layouts[5].shapes if sh.has_text_frame]
    assert "Nämnd: Timrå kommun" in layout_texts


def test_hidden_slides_stay_hidden_and_transitions_are_kept(tmp_path):
    prs = deck()
    add_slide(prs, "Synlig")
    hidden = add_slide(prs, "Dold {{ n }}")
    hidden._element.set("show", "0")
    transition = etree.fromstring(
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:p14="http://schemas.microsoft.com/office/powerpoint/2010/main"'
        ' xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
        '<mc:Choice Requires="p14"><p:transition spd="slow" p14:dur="1250">'
        '<p14:vortex dir="r"/></p:transition></mc:Choice>'
        '<mc:Fallback><p:transition spd="slow"><p:fade/></p:transition></mc:Fallback>'
        "</mc:AlternateContent>")
    hidden._element.find(qn("p:clrMapOvr")).addnext(transition)
    out = render(tmp_path, prs, {"n": 2})
    first, second = out.slides
    assert first._element.get("show") is None
    assert second._element.get("show") == "0"
    assert second.shapes.title.text == "Dold 2"
    assert list(second._element.iter(
        "{http://schemas.microsoft.com/office/powerpoint/2010/main}vortex"))
    assert len(second._element.findall(qn("p:clrMapOvr"))) == 1


def test_curly_quotes_from_autocorrect_are_accepted_in_tags_and_directives(tmp_path):
    prs = deck()
    add_slide(prs, "{{ n }}", notes="{%slide for n in [“KS”, ‘SN’] %}")
    textbox(add_slide(prs, "Datum"), [("{{ ”x” ~ namn|default(“inget”) }}", False)])
    out = render(tmp_path, prs, {"namn": "!"})
    assert [s.shapes.title.text for s in out.slides] == ["KS", "SN", "Datum"]
    assert out.slides[2].shapes[1].text_frame.text == "x!"


def test_literal_curly_quotes_outside_tags_are_kept(tmp_path):
    prs = deck()
    textbox(add_slide(prs, "Citat"), [("”Vi ska” {{ namn }}", False)])
    out = render(tmp_path, prs, {"namn": "stödja"})
    assert out.slides[0].shapes[1].text_frame.text == "”Vi ska” stödja"


def test_slides_from_one_template_slide_are_capped(tmp_path):
    prs = deck()
    add_slide(prs, "{{ n }}", notes="{%slide for n in namn %}")
    path = tmp_path / "mall.pptx"
    prs.save(path)
    with pytest.raises(EngineError) as caught:
        PptxTemplate(path, ENV).render({"namn": [str(i) for i in range(500)]})
    error = caught.value
    assert (error.kind, error.slide, error.shape, error.limit) == (Kind.TOO_MANY_SLIDES, 1, "", 60)


def test_output_slides_remember_their_template_slide(tmp_path):
    prs = deck()
    add_slide(prs, "Först")
    add_slide(prs, "{{ n }}", notes="{%slide for n in namn %}")
    add_slide(prs, "Sist")
    path = tmp_path / "mall.pptx"
    prs.save(path)
    template = PptxTemplate(path, ENV)
    template.render({"namn": ["A", "B"]})
    assert template.origins == [1, 2, 2, 3]


def test_a_paragraph_with_breaks_splits_between_lines(tmp_path):
    from pipeline.render.pptx.text import split_paragraph, visible_text

    prs = deck()
    box = textbox(add_slide(prs, "R"), [("första raden", False)])
    p = box.text_frame.paragraphs[0]
    p.add_line_break()
    p.add_run().text = "andra raden"
    element = copy.deepcopy(p._p)
    head, tail = split_paragraph(element, len("första raden\n"))
    assert visible_text(head) == "första raden"
    assert visible_text(tail) == "andra raden"


@pytest.mark.parametrize(("tag", "kind"), [
    ("{{ datum|datm }}", Kind.SYNTAX),  # an unknown filter: when the tag is compiled
    ("{% if x %} aldrig slut", Kind.SYNTAX),
    ("{{ x + }}", Kind.SYNTAX),
    ("{{ x / 0 }}", Kind.DATA_ERROR),
    ("{{ x.y.z }}", Kind.UNDEFINED_NAME),
])
def test_deck_template_errors_have_a_kind_a_slide_and_a_shape(tmp_path, tag, kind):
    prs = deck()
    textbox(add_slide(prs, "Ok"), [(tag, False)], name="Text")
    path = tmp_path / "mall.pptx"
    prs.save(path)
    with pytest.raises(EngineError) as caught:
        PptxTemplate(path, ENV).render({"x": 1, "datum": None})
    error = caught.value
    assert (error.kind, error.template, error.slide, error.shape) == (kind, "mall.pptx", 1, "Text")
    assert error.cause is not None


def test_a_file_that_is_no_deck_is_refused(tmp_path):
    path = tmp_path / "mall.pptx"
    path.write_bytes(b"inte en presentation")
    with pytest.raises(EngineError) as caught:
        PptxTemplate(path, ENV).render({})
    assert (caught.value.kind, caught.value.template, caught.value.slide) == (
        Kind.UNREADABLE_TEMPLATE, "mall.pptx", 0)


def test_a_slides_own_minimum_keeps_its_text_large_and_continues_it(tmp_path):
    text = " ".join(f"ord{i}" for i in range(90))
    prs = deck()
    fixed_box(add_slide(prs, "Verksamhetsidé"), 1.5)
    out = render(tmp_path, prs, {"text": text})
    assert min(sizes(out.slides[0].shapes[1])) < 1600  # the deck's 12 pt minimum lets it shrink
    prs = deck()
    fixed_box(add_slide(prs, "Verksamhetsidé", "{%minsize 16 %}"), 1.5)
    out = render(tmp_path, prs, {"text": text})
    assert len(out.slides) > 1
    assert all(min(sizes(s.shapes[1])) >= 1600 for s in out.slides)
    assert " ".join(s.shapes[1].text_frame.text for s in out.slides).split() == text.split()
