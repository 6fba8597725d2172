"""Any amount of rows on a deck template's table: measured to the shape below the table, a row
taller than a slide split at a line boundary, rows beyond a number of slides summarised in one
row, and every text with a size of its own (no office suite shrinks it on its own)."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from pipeline.render.pptx import SPLIT, SUMMARISED, Options, PptxTemplate
from pipeline.render.pptx.package import check_deck
from pipeline.render.pptx.room import available_height, obstacles
from pipeline.render.pptx.rows import plain_text, split_output
from pipeline.render.pptx.text import P_CLOSE, P_MID, P_OPEN, R_CLOSE, R_OPEN
from tests.office import audit_errors
from tests.render.test_pptx_engine import ENV, add_slide, deck, table_slide

LONG = ("Socialnämnden ger invånare i alla åldrar som behöver stöd, omsorg och skydd möjlighet "
        "att leva ett självständigt och tryggt liv, i samverkan med anhöriga och region, ") * 14


def kunder(n: int, behov: str = "Ett behov som tar en rad.") -> list[dict]:
    return [{"kund": f"Kund {i}", "behov": behov} for i in range(n)]


def rows_of(slide) -> list[list[str]]:
    table = next(sh for sh in slide.shapes if sh.has_table).table
    return [[c.text for c in r.cells] for r in list(table.rows)[1:]]


def rendered(tmp_path, prs, context, options: Options):
    """Render with options; return the engine (its notices) and the deck, checked as
    test_pptx_engine's `render` checks it."""
    path = tmp_path / "mall.pptx"
    prs.save(path)
    engine = PptxTemplate(path, ENV, options)
    data = engine.render(context)
    assert audit_errors(data, ".pptx") == []
    assert check_deck(data) == []
    return engine, Presentation(io.BytesIO(data))


def test_split_output_cuts_a_rendered_frame_at_a_visible_offset():
    output = (f"{P_OPEN}0{P_MID}{R_OPEN}0{R_CLOSE}Första stycket här {R_OPEN}1{R_CLOSE}fet"
              f"{P_CLOSE}{P_OPEN}0{P_MID}{R_OPEN}0{R_CLOSE}Andra stycket{P_CLOSE}")
    text = plain_text(output)
    for offset in (7, text.index("fet"), text.index("Andra"), text.index("stycket", 25)):
        head, tail = split_output(output, offset)
        assert plain_text(head) == text[:offset].rstrip()
        assert plain_text(tail) == text[offset:]
        assert head.count(P_OPEN) == head.count(P_CLOSE)  # each half whole
        assert tail.count(P_OPEN) == tail.count(P_CLOSE)
    assert split_output(output, text.index("Andra"))[1].startswith(P_OPEN)  # no empty paragraph


def test_rows_beyond_the_limit_are_summarised_in_one_row_naming_what_it_counts(tmp_path):
    prs = deck()
    table_slide(prs)
    prs.slides[0].notes_slide.notes_text_frame.text = "{%summary kund/kunder %}"
    options = Options(max_table_slides=2, summary="… och {count} {noun} till")
    engine, out = rendered(tmp_path, prs, {"kunder": kunder(60)}, options)
    slides = list(out.slides)
    assert len(slides) == 2
    last = rows_of(slides[1])
    shown = len(rows_of(slides[0])) + len(last) - 1
    assert last[-1][0] == f"… och {60 - shown} kunder till"
    tr = slides[1].shapes[1].table._tbl.findall(qn("a:tr"))[-1]
    assert tr.findall(qn("a:tc"))[0].get("gridSpan") == "2"  # one cell across the table
    assert [r[0] for s in slides for r in rows_of(s)][:-1] == [f"Kund {i}" for i in range(shown)]
    notice = next(n for n in engine.notices if n.kind == SUMMARISED)
    assert (notice.shown, notice.total, notice.item["kund"]) == (shown, 60, f"Kund {shown}")
    assert not slides[1].has_notes_slide or "summary" not in (
        slides[1].notes_slide.notes_text_frame.text)
    for s in slides:
        frame = s.shapes[1]
        assert frame.top + frame.height <= available_height(
            frame._element, out.slide_height, obstacles(s, frame._element)) + frame.top


def test_one_left_out_is_counted_in_the_singular_and_no_limit_shows_every_row(tmp_path):
    prs = deck()
    table_slide(prs)
    prs.slides[0].notes_slide.notes_text_frame.text = "{%summary kund/kunder %}"
    _, out = rendered(tmp_path, prs, {"kunder": kunder(40)}, Options())
    assert sum(len(rows_of(s)) for s in out.slides) == 40  # no limit by default
    # at the template's size (a table one row too long would otherwise shrink to fit)
    fixed = Options(max_table_slides=1, summary="+ {count} {noun}", table_shrink_pt=0)
    _, out = rendered(tmp_path, prs, {"kunder": kunder(40)}, Options(table_shrink_pt=0))
    one_slide = len(rows_of(out.slides[0]))
    _, out = rendered(tmp_path, prs, {"kunder": kunder(one_slide + 1)}, fixed)
    assert len(out.slides) == 1
    assert rows_of(out.slides[0])[-1][0] == "+ 2 kunder"  # the summary row takes a row's place
    _, out = rendered(tmp_path, prs, {"kunder": kunder(one_slide)}, fixed)
    assert rows_of(out.slides[0])[-1][0] == f"Kund {one_slide - 1}"  # all fit: no summary


def test_a_row_taller_than_a_slide_goes_on_at_a_line_boundary(tmp_path):
    prs = deck()
    table_slide(prs)
    data = [{"kund": "Kort", "behov": "Ett behov."}, {"kund": "Lång", "behov": LONG},
            {"kund": "Sist", "behov": "Ett behov till."}]
    engine, out = rendered(tmp_path, prs, {"kunder": data}, Options())
    slides = list(out.slides)
    assert len(slides) >= 2
    parts = [r[1] for s in slides for r in rows_of(s) if r[1] not in ("Ett behov.",
                                                                      "Ett behov till.")]
    assert len(parts) >= 2
    assert " ".join(p.strip() for p in parts) == LONG.strip()  # nothing lost, nothing repeated
    assert rows_of(slides[0])[0] == ["Kort", "Ett behov."]  # the long row starts beside it
    for s in slides:
        frame = s.shapes[1]
        assert frame.top + frame.height <= out.slide_height - Inches(0.5)
    split = [n for n in engine.notices if n.kind == SPLIT]
    assert [n.item["kund"] for n in split] == ["Lång"]
    assert split[0].source == "{{ k.behov }}"


def test_a_table_stops_above_a_footer_on_the_layout(tmp_path):
    prs = deck()
    s = table_slide(prs)
    rule = s.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(0.6), Inches(5.5), Inches(12),
                              Inches(0.05))  # a rule two inches above the slide's edge
    rule.name = "Sidfotslinje"
    rule._element.find(qn("p:nvSpPr")).find(qn("p:cNvPr")).set("id", "999")
    s.slide_layout.shapes._spTree.append(rule._element)  # moved to the layout
    _, out = rendered(tmp_path, prs, {"kunder": kunder(40)}, Options())
    assert len(out.slides) > 1
    for s in out.slides:
        frame = s.shapes[1]
        assert frame.top + frame.height <= Inches(5.5)


def test_every_run_has_a_size_of_its_own_and_nothing_shrinks_by_itself(tmp_path):
    prs = deck()
    s = add_slide(prs, "{{ rubrik }}")
    box = s.shapes.add_textbox(Inches(1), Inches(2), Inches(8), Inches(1))
    box.text_frame.text = "Fast text utan storlek"
    table_slide(prs)
    title = "En mycket lång rubrik som inte får plats på en rad i rubrikrutan " * 2
    _, out = rendered(tmp_path, prs, {"rubrik": title, "kunder": kunder(3)},
                      Options(min_font_pt=12))
    for slide in out.slides:
        root = slide._element
        runs = list(root.iter(qn("a:r")))
        assert runs
        for run in runs:
            rpr = run.find(qn("a:rPr"))
            assert rpr is not None and int(rpr.get("sz")) >= 1200, run.findtext(qn("a:t"))
        assert not list(root.iter(qn("a:normAutofit")))
    title_sizes = {int(r.get("sz")) for r in out.slides[0].shapes.title._element.iter(qn("a:rPr"))}
    assert max(title_sizes) < 4400  # shrunk to fit its box, from the master's 44 pt


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_a_table_never_takes_more_slides_than_its_limit(tmp_path, limit):
    prs = deck()
    table_slide(prs)
    data = kunder(30, "Ett behov som tar flera rader i sin cell. " * 3) + [
        {"kund": "Lång", "behov": LONG}]
    _, out = rendered(tmp_path, prs, {"kunder": data}, Options(max_table_slides=limit))
    assert len(out.slides) == limit
    for s in out.slides:
        frame = s.shapes[1]
        assert frame.top + frame.height <= out.slide_height - Inches(0.5)
        for run in s._element.iter(qn("a:rPr")):
            assert int(run.get("sz")) >= 1200


def test_a_single_enormous_row_alone_is_cut_with_the_note(tmp_path):
    prs = deck()
    table_slide(prs)
    options = Options(max_table_slides=1, cut_note="[…] förkortad")
    engine, out = rendered(tmp_path, prs, {"kunder": [{"kund": "Lång", "behov": LONG * 2}]},
                           options)
    assert len(out.slides) == 1
    rows = rows_of(out.slides[0])
    assert rows[-1][0] == "[…] förkortad"
    frame = out.slides[0].shapes[1]
    assert frame.top + frame.height <= out.slide_height - Inches(0.5)
    notice = next(n for n in engine.notices if n.kind == SUMMARISED)
    assert (notice.shown, notice.total, notice.item["kund"]) == (1, 1, "Lång")


def test_text_sizes_are_set_in_points_not_left_to_the_template(tmp_path):
    prs = deck()
    s = add_slide(prs, "Rubrik")
    box = s.shapes.add_textbox(Inches(1), Inches(2), Inches(8), Inches(4))
    box.text_frame.word_wrap = True
    run = box.text_frame.paragraphs[0].add_run()
    run.text = "{{ text }}"
    run.font.size = Pt(10)  # below the minimum: raised to it
    _, out = rendered(tmp_path, prs, {"text": "Kort."}, Options(min_font_pt=12))
    assert {r.get("sz") for r in out.slides[0].shapes[1]._element.iter(qn("a:rPr"))} == {"1200"}


def test_a_slides_own_limit_summarises_its_table_and_later_slides_can_ask(tmp_path):
    prs = deck()
    table_slide(prs)
    prs.slides[0].notes_slide.notes_text_frame.text = "{%summary kund/kunder %}\n{%slides 1 %}"
    later = add_slide(prs, "Mer")
    box = later.shapes.add_textbox(Inches(1), Inches(2), Inches(8), Inches(1))
    box.text_frame.text = "{{ 'Tabell kunder' in summarised }}"
    options = Options(max_table_slides=3, limited_summary="… och {count} {noun} längre fram")
    engine, out = rendered(tmp_path, prs, {"kunder": kunder(60)}, options)
    first, *rest = list(out.slides)
    assert [s.shapes.title.text for s in rest] == ["Mer"]  # one slide, not the deck's three
    last = rows_of(first)[-1][0]
    assert last == f"… och {60 - len(rows_of(first)) + 1} kunder längre fram"
    assert rest[0].shapes[1].text_frame.text == "True"
    # without the limit, the deck's own applies, with its own summary
    prs.slides[0].notes_slide.notes_text_frame.text = "{%summary kund/kunder %}"
    _, out = rendered(tmp_path, prs, {"kunder": kunder(60)}, options)
    assert [s.shapes.title.text for s in out.slides][-1] == "Mer"
    assert len(out.slides) == 4 and out.slides[-1].shapes[1].text_frame.text == "True"
    assert "längre fram" not in rows_of(out.slides[2])[-1][0]
