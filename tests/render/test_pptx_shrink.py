"""A table that would go on over another slide first tries its text a little smaller: the
largest size, at most `Options.table_shrink_pt` smaller and never under `min_font_pt`, that
saves it a slide, on every cell of the table (issue 13: no continuation slide with a single
row that a point less would have kept on the slide before)."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Pt

from pipeline.render.pptx import SUMMARISED, Options
from pipeline.render.pptx.room import available_height, obstacles
from tests.office import convert, needs_libreoffice
from tests.render.test_deck_amount import assert_drawn_within_room
from tests.render.test_pptx_amount import kunder, rendered, rows_of
from tests.render.test_pptx_engine import deck, table_slide

BEHOV = "Ett behov som tar mer än en rad i sin cell när tabellens text har mallens storlek."
AT_TEMPLATE_SIZE = Options(table_shrink_pt=0)


def sizes(slide) -> set[float]:
    """Return the sizes (points) of every run, break and paragraph end in a slide's table."""
    frame = next(sh for sh in slide.shapes if sh.has_table)
    return {int(r.get("sz")) / 100 for r in frame._element.iter(qn("a:rPr"), qn("a:endParaRPr"))}


def within_room(out) -> bool:
    """Return True when every slide's table ends above what is below it."""
    for s in out.slides:
        frame = next(sh for sh in s.shapes if sh.has_table)
        room = available_height(frame._element, out.slide_height, obstacles(s, frame._element))
        if frame.height > room:
            return False
    return True


def per_slide(tmp_path, prs, behov: str = BEHOV) -> int:
    """Return how many rows fit on the first slide at the template's size."""
    _, out = rendered(tmp_path, prs, {"kunder": kunder(40, behov)}, AT_TEMPLATE_SIZE)
    assert len(out.slides) > 1
    return len(rows_of(out.slides[0]))


def test_a_table_one_row_too_long_shrinks_a_point_or_two_and_stays_on_its_slide(tmp_path):
    prs = deck()
    table_slide(prs)
    n = per_slide(tmp_path, prs) + 1
    _, before = rendered(tmp_path, prs, {"kunder": kunder(n, BEHOV)}, AT_TEMPLATE_SIZE)
    assert len(before.slides) == 2 and len(rows_of(before.slides[1])) == 1
    engine, out = rendered(tmp_path, prs, {"kunder": kunder(n, BEHOV)}, Options())
    assert len(out.slides) == 1
    assert [r[0] for r in rows_of(out.slides[0])] == [f"Kund {i}" for i in range(n)]
    shrunk = sizes(out.slides[0])
    assert len(shrunk) == 1 and 12 <= min(shrunk) < 14  # one size, header row included
    assert within_room(out)
    assert not engine.notices
    header = next(sh for sh in out.slides[0].shapes if sh.has_table).table.rows[0]
    assert header.height < next(sh for sh in before.slides[0].shapes
                                if sh.has_table).table.rows[0].height  # the header follows


def test_the_largest_size_that_saves_the_slide_is_chosen_and_none_that_saves_nothing(tmp_path):
    prs = deck()
    table_slide(prs)
    short = "Ett behov."  # one line: each row as high as the template's row, scaled
    n = per_slide(tmp_path, prs, short)
    shown = []
    for extra in (1, 2, 3):
        _, out = rendered(tmp_path, prs, {"kunder": kunder(n + extra, short)}, Options())
        shown.append((len(out.slides), sizes(out.slides[0])))
        assert within_room(out)
    # a point less keeps one more row, two points two more; three more rows would still need
    # a second slide at 12 pt, so the table keeps its size and continues
    assert shown == [(1, {13.0}), (1, {12.0}), (2, {14.0})]


def test_a_table_that_fits_is_never_shrunk(tmp_path):
    prs = deck()
    table_slide(prs)
    n = per_slide(tmp_path, prs)
    _, fixed = rendered(tmp_path, prs, {"kunder": kunder(n, BEHOV)}, AT_TEMPLATE_SIZE)
    _, out = rendered(tmp_path, prs, {"kunder": kunder(n, BEHOV)}, Options(table_shrink_pt=4))
    assert len(out.slides) == 1 and sizes(out.slides[0]) == {14.0}
    table = next(sh for sh in out.slides[0].shapes if sh.has_table)._element
    same = next(sh for sh in fixed.slides[0].shapes if sh.has_table)._element
    assert [tr.get("h") for tr in table.iter(qn("a:tr"))] == [
        tr.get("h") for tr in same.iter(qn("a:tr"))]


@pytest.mark.parametrize("allowed", [2, 6])
def test_a_long_table_continues_and_never_shrinks_under_the_minimum(tmp_path, allowed):
    prs = deck()
    table_slide(prs)
    _, out = rendered(tmp_path, prs, {"kunder": kunder(80, BEHOV)},
                      Options(table_shrink_pt=allowed))
    assert len(out.slides) > 2  # it still goes on
    rows = [r[0] for s in out.slides for r in rows_of(s)]
    assert rows == [f"Kund {i}" for i in range(80)]
    for s in out.slides:
        assert min(sizes(s)) >= 12
        assert len(sizes(s)) == 1  # the same size on every slide of the table
    assert len({frozenset(sizes(s)) for s in out.slides}) == 1
    assert within_room(out)


def test_the_minimum_is_the_application_s_own(tmp_path):
    prs = deck()
    table_slide(prs)
    n = per_slide(tmp_path, prs) + 1
    _, out = rendered(tmp_path, prs, {"kunder": kunder(n, BEHOV)},
                      Options(min_font_pt=14, table_shrink_pt=2))
    assert len(out.slides) == 2  # a template already at the minimum cannot shrink
    assert all(sizes(s) == {14.0} for s in out.slides)


def test_runs_of_several_sizes_each_shrink_by_the_same_points(tmp_path):
    prs = deck()
    s = table_slide(prs)
    table = next(sh for sh in s.shapes if sh.has_table).table
    for c in range(2):
        table.cell(0, c).text_frame.paragraphs[0].runs[0].font.size = Pt(18)  # a larger header
    n = per_slide(tmp_path, prs) + 1
    _, out = rendered(tmp_path, prs, {"kunder": kunder(n, BEHOV)}, Options())
    assert len(out.slides) == 1
    header = next(sh for sh in out.slides[0].shapes if sh.has_table).table.rows[0]
    body = next(sh for sh in out.slides[0].shapes if sh.has_table).table.rows[1]
    head_size = header.cells[0].text_frame.paragraphs[0].runs[0].font.size.pt
    body_size = body.cells[0].text_frame.paragraphs[0].runs[0].font.size.pt
    assert head_size - body_size == 4 and body_size < 14


def test_a_table_just_over_its_slide_limit_shrinks_instead_of_being_summarised(tmp_path):
    prs = deck()
    table_slide(prs)
    prs.slides[0].notes_slide.notes_text_frame.text = "{%summary kund/kunder %}"
    n = per_slide(tmp_path, prs) + 1
    limit = Options(max_table_slides=1, summary="… och {count} {noun} till")
    engine, out = rendered(tmp_path, prs, {"kunder": kunder(n, BEHOV)}, limit)
    assert len(out.slides) == 1
    assert rows_of(out.slides[0])[-1][0] == f"Kund {n - 1}"  # every row, no summary
    assert not [x for x in engine.notices if x.kind == SUMMARISED]
    # far beyond the limit: summarised at the template's size, as before
    engine, out = rendered(tmp_path, prs, {"kunder": kunder(3 * n, BEHOV)}, limit)
    assert len(out.slides) == 1 and sizes(out.slides[0]) == {14.0}
    assert rows_of(out.slides[0])[-1][0].startswith("… och ")
    assert [x.kind for x in engine.notices] == [SUMMARISED]
    assert within_room(out)


# the example build


def _continuations(path) -> list[tuple[str, int]]:
    """Return per continuation slide of a deck with a table its title and number of rows."""
    prs = Presentation(path)
    out = []
    for s in prs.slides:
        frame = next((sh for sh in s.shapes if sh.has_table), None)
        if frame is not None and "(forts." in s.shapes.title.text:
            out.append((s.shapes.title.text, len(frame.table.rows) - 1))  # without the header
    return out


def test_no_example_deck_continues_a_table_with_a_single_row(example_build):
    decks = [p for p in example_build if p.suffix == ".pptx"]
    assert len(decks) == 6 + 15  # the meetings' and the passes' (three per nämnd)
    single = [(p.name, title) for p in decks for title, rows in _continuations(p) if rows <= 1]
    assert not single
    for path in decks:  # and nothing under the minimum
        for s in Presentation(path).slides:
            for r in s._element.iter(qn("a:rPr")):
                assert r.get("sz") is None or int(r.get("sz")) >= 1200, path.name


@needs_libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("name", ["avstamning-KS.pptx", "avstamning-BUN.pptx",
                                  "avstamning-MBN.pptx", "avstamning-SN.pptx",
                                  "kommunovergripande.pptx", "arbetsmaterial-pass-1-2-SN.pptx",
                                  "arbetsmaterial-pass-3-4-BUN.pptx"])
def test_libreoffice_draws_the_example_tables_within_their_room(example_build, tmp_path, name):
    path = next(p for p in example_build if p.name == name)
    prs = Presentation(io.BytesIO(path.read_bytes()))
    assert_drawn_within_room(convert(path, "pdf", tmp_path), prs)


def test_a_slide_can_set_its_own_minimum_above_the_decks(tmp_path):
    prs = deck()
    table_slide(prs)
    n = per_slide(tmp_path, prs) + 1  # one row too many: the deck's minimum would shrink it
    _, out = rendered(tmp_path, prs, {"kunder": kunder(n, BEHOV)}, Options(table_shrink_pt=2))
    assert len(out.slides) == 1 and min(sizes(out.slides[0])) < 14
    prs.slides[0].notes_slide.notes_text_frame.text = "{%minsize 14 %}"
    _, out = rendered(tmp_path, prs, {"kunder": kunder(n, BEHOV)}, Options(table_shrink_pt=2))
    assert len(out.slides) == 2  # read from the back of the room: it goes on instead
    assert all(sizes(s) == {14.0} for s in out.slides)
    assert not out.slides[0].has_notes_slide or "minsize" not in (
        out.slides[0].notes_slide.notes_text_frame.text)
