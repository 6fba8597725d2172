"""A long, messy nämnd workbook (40 kunder, 30 styrdokument, a 1 500-character verksamhetsidé)
gives an avstämning deck that stays presentable: at most 25 slides, each section on at most the
kommun's bilder per avsnitt and the rest summarised, no row continued that would have fitted,
nothing off a slide (checked on LibreOffice's PDF too), no text under 12 pt, and kontrollera
saying at which cells the deck summarises or splits (issue 13)."""

from __future__ import annotations

import dataclasses
import html
import io
import re
import subprocess
import zipfile

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from pipeline.domain.inputs import load
from pipeline.produce.template_check import check
from pipeline.render.decks import AVSTAMNING, DeckRenderer
from pipeline.render.pptx import measure
from pipeline.render.pptx.package import check_deck
from pipeline.render.pptx.room import available_height, bottom, obstacles
from tests.long_workbook import write_long_inputs
from tests.office import audit_errors, convert, needs_libreoffice

MAX_SLIDES = 25
EMU_PER_PT = 12700


def _render(folder, most: int | None = None):
    inputs = load(folder)
    kommun = inputs.kommun if most is None else dataclasses.replace(inputs.kommun, max_bilder=most)
    renderer = DeckRenderer(None, kommun)
    data = renderer.namnd_deck(inputs.namnder[0])
    return data, list(renderer.template(AVSTAMNING).origins)


@pytest.fixture(scope="module")
def long_deck(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lang")
    write_long_inputs(folder, ide_chars=1500)
    data, origins = _render(folder)
    path = folder / "avstamning-SN.pptx"
    path.write_bytes(data)
    return folder, path, Presentation(io.BytesIO(data)), origins


def _table(slide):
    return next((sh for sh in slide.shapes if sh.has_table), None)


def test_the_long_deck_keeps_to_its_budget_and_summarises_the_rest(long_deck):
    folder, path, prs, origins = long_deck
    data = path.read_bytes()
    assert audit_errors(data, ".pptx") == []
    assert check_deck(data) == []
    rows = [r.cells[0].text for s in prs.slides if _table(s) for r in _table(s).table.rows]
    assert any(re.fullmatch(r"… och \d+ kunder till – se bilaga 1", t) for t in rows)
    assert any(re.fullmatch(r"… och \d+ styrdokument till – se bilaga 1", t) for t in rows)
    dialogue = {o for o, s in zip(origins, prs.slides, strict=True)  # one per question
                if s.shapes.title.text.startswith("Dialog")}
    # each template slide gives at most the kommun's bilder per avsnitt (2)
    assert max(origins.count(o) for o in set(origins) - dialogue) <= 2
    # the budget: one slide per template slide, and a second for a long section
    fixed = len(set(origins)) + sum(origins.count(o) - 1 for o in dialogue)
    long_sections = sum(origins.count(o) > 1 for o in set(origins) - dialogue)
    assert len(prs.slides) == fixed + long_sections
    assert len(prs.slides) <= MAX_SLIDES  # with the kommun's default of 2 bilder per avsnitt
    few, _ = _render(folder, most=1)  # one slide per avsnitt: fewer still
    assert len(Presentation(io.BytesIO(few)).slides) < len(prs.slides)


def test_the_long_verksamhetside_is_shown_whole_on_its_section_slide(long_deck):
    folder, _, prs, _ = long_deck
    idea = load(folder).namnder[0].verksamhetsideer[-1].formulering
    shown = [sh.text_frame.text for s in prs.slides
             if s.shapes.title.text.startswith("Förslag till verksamhetsidé")
             for sh in s.shapes if sh.name == "Fråga"]
    assert " ".join(t.strip() for t in shown).replace("\n", " ").startswith(idea[:200])
    assert idea.split()[-1] in shown[-1]


def test_an_earlier_formulation_taller_than_a_slide_goes_on_at_a_line_boundary_without_loss(
        long_deck):
    folder, _, _, _ = long_deck
    inputs = load(folder)
    namnd = inputs.namnder[0]
    long, current = namnd.verksamhetsideer[-1], namnd.verksamhetsideer[0]
    # a third longer than the long workbook's: taller than a slide even at the table's
    # smallest size (1 500 characters fit on one slide once the table shrinks)
    long = dataclasses.replace(long, formulering=long.formulering + " " + long.formulering[:500])
    earlier = dataclasses.replace(long, version=1, status="Utkast", datum=current.datum)
    proposal = dataclasses.replace(current, version=2, status="Förslag till beslut",
                                   datum=long.datum)
    data = DeckRenderer(None, inputs.kommun).namnd_deck(
        dataclasses.replace(namnd, verksamhetsideer=(earlier, proposal)))
    prs = Presentation(io.BytesIO(data))
    parts = [r.cells[3].text for s in prs.slides if s.shapes.title.text.startswith(
        "Tidigare formuleringar") for r in list(_table(s).table.rows)[1:]]
    assert len(parts) >= 2  # the row went on over a slide boundary
    assert " ".join(p.strip() for p in parts if p.strip()) == long.formulering


def test_every_run_has_its_own_size_of_at_least_12_pt_and_nothing_shrinks(long_deck):
    _, path, _, _ = long_deck
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not re.match(r"ppt/(slides|slideLayouts|slideMasters)/[^/]+\.xml$|ppt/"
                            r"presentation\.xml$", name):
                continue
            root = __import__("lxml.etree").etree.fromstring(z.read(name))
            sizes = [int(e.get("sz")) for e in root.iter(qn("a:rPr"), qn("a:defRPr"),
                                                          qn("a:endParaRPr")) if e.get("sz")]
            assert min(sizes, default=1200) >= 1200, name
            assert not [e for e in root.iter(qn("a:normAutofit")) if e.get("fontScale")], name
            if name.startswith("ppt/slides/"):
                assert not list(root.iter(qn("a:normAutofit"))), name
                for run in root.iter(qn("a:r"), qn("a:fld")):
                    rpr = run.find(qn("a:rPr"))
                    assert rpr is not None and rpr.get("sz"), (name, run.findtext(qn("a:t")))


def test_no_continuation_slide_holds_a_row_that_would_have_fitted_on_the_slide_before(long_deck):
    """The first row of every continuation slide (a single row's slide included) did not fit
    under the rows of the slide before it."""
    _, _, prs, origins = long_deck
    slides = list(prs.slides)
    checked = 0
    for k in range(1, len(slides)):
        table = _table(slides[k])
        if table is None or origins[k] != origins[k - 1]:
            continue
        previous = _table(slides[k - 1])
        room = available_height(previous._element, prs.slide_height,
                                obstacles(slides[k - 1], previous._element))
        used = sum(int(tr.get("h")) for tr in previous._element.iter(qn("a:tr")))
        row = int(list(table._element.iter(qn("a:tr")))[1].get("h"))
        assert used + row > room, slides[k].shapes.title.text
        checked += 1
    assert checked >= 3  # kunder, styrdokument and utmaningar go on over two slides


def test_kontrollera_names_the_cells_the_deck_summarises_and_warns_once_per_cell(long_deck):
    folder, _, _, _ = long_deck
    _, problems = check(folder, None)
    warnings = [p for p in problems if p.file == "SN.xlsx" and not p.is_error]
    kunder = [w for w in warnings if w.sheet == "Kunder"]
    assert len(kunder) == 1 and re.fullmatch(r"A\d+", kunder[0].cell)
    assert "40 rader" in kunder[0].message and "sammanfattar" in kunder[0].message
    shown = int(re.search(r"de första (\d+)", kunder[0].message)[1])
    assert kunder[0].cell == f"A{shown + 2}"  # the first row left out (header in row 1)
    laws = [w for w in warnings if w.sheet == "Styrdokument"]
    assert len(laws) == 1 and "30 rader" in laws[0].message and laws[0].cell
    idea = [w for w in warnings if w.sheet == "Verksamhetsidé" and w.cell]
    assert len(idea) == 1 and "1\N{NO-BREAK SPACE}501 tecken" in idea[0].message  # one, not two
    assert len({(w.sheet, w.cell) for w in warnings if w.cell}) == len(
        [w for w in warnings if w.cell])


def _words(pdf) -> list[tuple[float, float, list[tuple[float, float, float, float, str]]]]:
    """Return per page its width, height and words (xMin, yMin, xMax, yMax, text)."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    pages = []
    for page in re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        words = [(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in
                 re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                            r"([^<]*)<", page[2])]
        pages.append((float(page[0]), float(page[1]), words))
    return pages


@needs_libreoffice
@pytest.mark.slow
def test_libreoffice_draws_every_table_on_its_slide_and_no_text_under_12_pt(long_deck, tmp_path):
    _, path, prs, _ = long_deck
    assert_drawn_within_room(convert(path, "pdf", tmp_path), prs)


def assert_drawn_within_room(pdf, prs) -> None:
    """Check LibreOffice's PDF of a deck: a page per slide, every word on its page and no
    text under 12 pt, every table's words above the shape below it (its room) and each
    table's last row drawn whole."""
    pages = _words(pdf)
    assert len(pages) == len(prs.slides)
    carlito = "carlito" in (measure.font_file("Calibri") or "").lower()
    scale = 72 / 914400
    for number, ((width, height, words), slide) in enumerate(zip(pages, prs.slides,
                                                                  strict=True), 1):
        for x0, y0, x1, y1, text in words:
            assert x0 >= 0 and x1 <= width + 0.5 and y0 >= 0 and y1 <= height + 0.5, (number, text)
            if carlito:  # Carlito's line box is 1.3 × its size: nothing under 12 pt
                assert y1 - y0 >= 12 * 1.29, (number, text, y1 - y0)
        frame = _table(slide)
        if frame is None:
            continue
        left, top = frame.left * scale, frame.top * scale
        right = (frame.left + frame.width) * scale
        limit = bottom(frame._element, prs.slide_height, obstacles(slide, frame._element)) * scale
        inside = [w for w in words if w[0] >= left - 1 and w[2] <= right + 1 and w[1] >= top]
        others = {word for shape in [*slide.slide_layout.shapes, *slide.shapes]
                  if shape.has_text_frame for word in shape.text_frame.text.split()}
        own = {word for row in frame.table.rows for cell in row.cells
               for word in cell.text.split() if not word.isdigit()} - others  # not the number
        below = [w[4] for w in inside if w[3] > limit + 1 and w[4] in own]
        assert not below, (number, slide.shapes.title.text, below[:5])
        last = list(frame.table.rows)[-1]
        shown = {w[4] for w in inside}
        for cell in last.cells:  # the last row is drawn whole: its last word is on the page
            tail = cell.text.split()
            if tail:
                assert tail[-1] in shown or any(tail[-1].endswith(s) for s in shown), (
                    number, tail[-1])
