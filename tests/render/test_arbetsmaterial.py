"""The processtöd's working material for each period of passes (issue 21): three decks per
nämnd, built with the examples; each carries its period's exercises with the planning
document's questions and the group's answers so far, or an empty canvas where nothing is
written yet; each shows the workbook as of the period's last pass in the nämnd's Tidplan; pass
3–4 opens with what the others wrote about the nämnd at the avstämning; pass 5 says what the
beslutsunderlag still lacks. Within the decks' budgets: no text under 12 pt, the main text at
16 pt (tables of answers 2 pt smaller only where that saves a slide), a unique title on every
slide, schema-valid, the same bytes every time."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from pipeline import model as m
from pipeline.domain import analyse, faser
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.produce import outputs, produce
from pipeline.produce.jobs import Renderers, Work
from pipeline.produce.kinds import Setting
from pipeline.produce.summary import documents
from pipeline.render.a11y import check_document
from pipeline.render.context_arbetsmaterial import BESLUTSUNDERLAG_KRAVER, arbetsmaterial_context
from pipeline.render.pptx import CUT
from pipeline.render.pptx.package import check_deck
from tests.kommun_oktober import BEGUN, oktober, write_oktober_inputs
from tests.long_workbook import long_namnd
from tests.office import audit_errors

PERIODS = ("1-2", "3-4", "5")
EXERCISES = {"1-2": ("Vad", "För vem och varför", "Utmaningar och möjligheter",
                     "Beroenden till andra"),
             "3-4": ("Insikter från avstämningen", "Formulering av verksamhetsidé",
                     "Formulera verksamhetsidén"),
             "5": ("Reflektioner och summering", "Underlag för beslut")}
QUESTIONS = {"1-2": "Vilket värde ska vi leverera mot behoven?",
             "3-4": "Hur säger vi det i en mening?",
             "5": "Vad saknas innan beslutsunderlaget kan gå till nämnden?"}
BLANK = "Tom tabell"  # an empty canvas of the sheet's headers over blank rows


@pytest.fixture(scope="module")
def decks(example_build) -> dict[tuple[str, str], Path]:
    """Return the example build's arbetsmaterial decks by (nämnd code, period)."""
    found = {}
    for path in example_build:
        if path.name.startswith("arbetsmaterial-pass-"):
            key = path.stem.removeprefix("arbetsmaterial-pass-").rsplit("-", 1)[0]
            found[path.parent.name, key] = path
    return found


def renderers(namnder) -> Renderers:
    namnder = tuple(namnder)
    return Renderers(Work(Setting(KOMMUN, None, namnder=namnder), namnder, namnder))


def render(namnd: m.Namnd, period: str, namnder=NAMNDER) -> Presentation:
    data = renderers(namnder).get(f"arbetsmaterial-{period}").render(namnd)
    return Presentation(io.BytesIO(data))


def titles(prs) -> list[str]:
    return [s.shapes.title.text for s in prs.slides]


def texts(prs) -> str:
    parts = []
    for s in prs.slides:
        for shape in s.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [c.text for row in shape.table.rows for c in row.cells]
    return "\n".join(parts)


def last_pass(namnd: m.Namnd, numbers: tuple[int, ...]) -> dt.date | None:
    return max((mo.datum for mo in namnd.moten if mo.typ == m.PASS and mo.pass_nr in numbers),
               default=None)


def test_the_examples_build_three_decks_for_each_namnd_registered_once(decks):
    assert set(decks) == {(n.kod, p) for n in NAMNDER for p in PERIODS}
    declared = [o for o in outputs.OUTPUTS if o.template == "arbetsmaterial.pptx"]
    assert [(o.scope, o.kind, o.requires) for o in declared] == [
        (outputs.Scope.NAMND, outputs.DECK, ())] * 3  # made from the first day, never waiting
    assert {o.noun for o in declared} == {("arbetsmaterial", "arbetsmaterial")}
    for path in decks.values():
        assert check_deck(path.read_bytes()) == [], path.name
        assert check_document(path) == [], path.name  # `underlag tillganglighet`


def test_every_arbetsmaterial_deck_passes_openxml_audit(decks):
    for path in decks.values():
        assert audit_errors(path) == [], path.name


@pytest.mark.parametrize("namnd", NAMNDER, ids=lambda n: n.kod)
def test_pass_1_2_carries_its_exercises_and_the_groups_answers(decks, namnd):
    prs = Presentation(decks[namnd.kod, "1-2"])
    text, names = texts(prs), titles(prs)
    assert names[0] == namnd.namn and "Pass 1 och 2" in text
    assert all(e in names for e in EXERCISES["1-2"]) and QUESTIONS["1-2"] in text
    assert "Skapa en bottnad förståelse för nämndens omfång och uppdrag" in text  # the syfte
    for kund in namnd.kunder:  # the group goes on where it left off
        assert kund.kund in text and kund.behov in text and kund.varde in text
    assert all(a.omrade in text for a in namnd.ansvar)
    assert all(d.namn in text for d in namnd.styrdokument)
    assert not any(s.name == BLANK for slide in prs.slides for s in slide.shapes)
    assert "(MBN)" not in text and "(KS)" not in text  # dependencies with names, not codes


@pytest.mark.parametrize("namnd", NAMNDER, ids=lambda n: n.kod)
def test_pass_3_4_opens_with_the_avstamning_and_shows_the_formulations_with_dates(decks, namnd):
    prs = Presentation(decks[namnd.kod, "3-4"])
    text, names = texts(prs), titles(prs)
    assert all(e in names for e in EXERCISES["3-4"]) and QUESTIONS["3-4"] in text
    assert names.index("Avstämningens frågor") < names.index("Formulering av verksamhetsidé")
    october = [f.fraga for f in KOMMUN.dialogfragor if f.datum == dt.date(2021, 10, 7)]
    assert october and all(q in text for q in october)
    for kod, synergi in analyse.synergier_med(KOMMUN, list(NAMNDER), namnd.kod):
        assert synergi.synergi in text and KOMMUN.namnd(kod).namn in text
    for _, beroende in analyse.beroenden_pa(KOMMUN, list(NAMNDER), namnd.kod):
        assert beroende.beskrivning in text
    shown = faser.as_of(namnd, last_pass(namnd, (3, 4)), KOMMUN)
    assert shown.verksamhetsideer  # every example has a first draft by its last pass 3–4
    for version in shown.verksamhetsideer:
        assert version.formulering in text
    later = set(namnd.verksamhetsideer) - set(shown.verksamhetsideer)
    assert later and not any(v.formulering in text for v in later)


@pytest.mark.parametrize("namnd", NAMNDER, ids=lambda n: n.kod)
def test_pass_5_shows_the_formulation_reflections_and_decision_points(decks, namnd):
    prs = Presentation(decks[namnd.kod, "5"])
    text, names = texts(prs), titles(prs)
    assert all(e in names for e in EXERCISES["5"]) and QUESTIONS["5"] in text
    shown = faser.as_of(namnd, last_pass(namnd, (5,)), KOMMUN)  # no pass 5: the workbook as is
    assert shown.verksamhetside.formulering in text
    assert all(p.text in text for p in namnd.beslutspunkter)
    assert all(r.text in text for r in shown.reflektioner)
    complete = namnd.bedomning and namnd.forvaltningschef and namnd.beslutsdatum
    assert ("Beslutsunderlaget har det som behövs" in names) == bool(complete)


def test_a_namnd_that_has_just_begun_gets_pass_1_2_with_empty_canvases():
    cut = [oktober(n) for n in NAMNDER]
    begun = next(n for n in cut if n.kod == BEGUN)
    prs = render(begun, "1-2", cut)
    blanks = [s.shapes.title.text for s in prs.slides if any(sh.name == BLANK for sh in s.shapes)]
    assert blanks == ["Vad – styrande lagar och direktiv", "Vad – politikens intentioner",
                      "För vem och varför – kunder och målgrupper",
                      "Beroenden till andra nämnder och intressenter"]
    kunder = next(s for s in prs.slides if s.shapes.title.text.startswith("För vem och varför –"))
    table = next(sh for sh in kunder.shapes if sh.has_table).table
    assert [c.text for c in table.rows[0].cells] == ["Kund eller målgrupp", "Situation", "Behov",
                                                     "Värde"]
    assert len(table.rows) > 2 and not any(c.text for r in list(table.rows)[1:] for c in r.cells)
    framed = next(s for s in prs.slides if s.shapes.title.text == "Utmaningar och möjligheter framåt")
    assert {sh.text_frame.text for sh in framed.shapes if sh.name.startswith("Yta")} == {
        "Utmaningar", "Möjligheter"}
    assert all(a.omrade in texts(prs) for a in begun.ansvar)  # what it has written is shown
    for period in ("3-4", "5"):  # and the later periods are made too, with their canvases
        later = titles(render(begun, period, cut))
        assert "Formulera verksamhetsidén" in later or "Reflektioner och nästa steg" in later


def test_a_namnd_that_has_just_begun_is_built_and_counted(tmp_path):
    report = produce(write_oktober_inputs(tmp_path / "inputs"), tmp_path / "build", None)
    made = {p.name for p in report.written}
    assert {f"arbetsmaterial-pass-{p}-{BEGUN}.pptx" for p in PERIODS} <= made
    targets = {p: next(o.name for o in outputs.OUTPUTS if o.target(p.parent.name) ==
                       p.relative_to(tmp_path / "build").as_posix())
               for p in report.written if p.name.startswith("arbetsmaterial-")}
    assert "15 arbetsmaterial" in documents(list(targets), targets)


def test_each_deck_is_as_of_the_last_pass_of_its_period():
    sn = next(n for n in NAMNDER if n.kod == "SN")  # pass 3 on 12 oktober, pass 4 on 16 november
    between = m.Verksamhetside(2, dt.date(2021, 10, 30), "Utkast", "Formuleringen efter pass 3.")
    after = m.Verksamhetside(3, dt.date(2021, 11, 20), "Utkast", "Formuleringen efter pass 4.")
    namnd = dataclasses.replace(sn, verksamhetsideer=(sn.verksamhetsideer[0], between, after))
    text = texts(render(namnd, "3-4"))
    assert "Formuleringen efter pass 3." in text and "30 oktober 2021" in text
    assert "Formuleringen efter pass 4." not in text
    context = arbetsmaterial_context(KOMMUN, namnd, "3-4")
    assert context.arbetspass.datum == dt.date(2021, 11, 16)
    undated = dataclasses.replace(namnd, moten=())  # no pass in the Tidplan: the workbook as is
    assert "Formuleringen efter pass 4." in texts(render(undated, "3-4"))
    assert "v. 41–48 enligt planeringen" in texts(render(undated, "3-4"))


def test_pass_5_says_what_the_beslutsunderlag_lacks():
    sn = next(n for n in NAMNDER if n.kod == "SN")
    bare = dataclasses.replace(sn, beslutspunkter=(), bedomning="", forvaltningschef="")
    prs = render(bare, "5")
    assert "Det som återstår i beslutsunderlaget" in titles(prs)
    text = texts(prs)
    assert "Fliken Förslag till beslut är tom." in text and "Fliken Bedömning är tom." in text
    assert "Förvaltningschefen som undertecknar saknas" in text
    assert "Förslag till beslut – utkast" in titles(prs)  # its canvas
    beslutsunderlaget = outputs.by_name("beslutsunderlag")
    assert set(BESLUTSUNDERLAG_KRAVER) == set(beslutsunderlaget.requires)


def test_no_text_under_12_pt_main_text_16_and_every_title_unique(decks):
    for path in decks.values():
        prs = Presentation(path)
        names = titles(prs)
        assert len(names) == len(set(names)) and all(names), path.name
        for number, s in enumerate(prs.slides, start=1):
            for shape in s.shapes:
                runs = shape._element.iter(qn("a:rPr"), qn("a:endParaRPr"))
                sizes = [int(r.get("sz")) / 100 for r in runs if r.get("sz")]
                least = 14 if shape.has_table else 16  # a table of answers saves a slide at 14
                assert min(sizes, default=least) >= least, (path.name, number, shape.name)
            if "(forts." in s.shapes.title.text:  # a continued table carries more than a row
                table = next(sh for sh in s.shapes if sh.has_table).table
                assert len(table.rows) > 2, (path.name, number)


def test_a_long_workbook_keeps_each_deck_within_its_budget():
    """40 kunder, 30 styrdokument and a verksamhetsidé of 1 500 characters: each template slide
    gives at most the kommun's bilder per avsnitt, the rest summarised, and the deck at most
    as many slides as the avstämning deck's (25)."""
    namnd = long_namnd(ide_chars=1500)
    group = [namnd, *(n for n in NAMNDER if n.kod != namnd.kod)]
    made = renderers(group)
    for period in PERIODS:
        template = made.get(f"arbetsmaterial-{period}")
        prs = Presentation(io.BytesIO(template.render(namnd)))
        origins = template.origins
        assert len(prs.slides) <= 25 and max(map(origins.count, origins)) <= KOMMUN.max_bilder
        assert not [n for n in template.template.notices if n.kind == CUT], period
    rows = [r.cells[0].text for s in render(namnd, "1-2", group).slides for sh in s.shapes
            if sh.has_table for r in sh.table.rows]
    assert any(re.fullmatch(r"… och \d+ kunder till – se arbetsboken", t) for t in rows)


def test_the_processtods_guidance_is_in_the_speaker_notes(decks):
    prs = Presentation(decks["SN", "1-2"])
    notes = {s.shapes.title.text: s.notes_slide.notes_text_frame.text for s in prs.slides
             if s.has_notes_slide}
    assert "Använd samma namn på en kund som andra nämnder" in notes["För vem och varför"]
    assert "14 september 2021" in notes["Socialnämnden"]  # the day it shows the workbook as of
    assert not any("{%" in text or "{{" in text for text in notes.values())


def test_the_decks_are_the_same_bytes_every_time():
    sn = next(n for n in NAMNDER if n.kod == "SN")
    for period in PERIODS:
        first = renderers(NAMNDER).get(f"arbetsmaterial-{period}").render(sn)
        again = renderers(NAMNDER).get(f"arbetsmaterial-{period}")
        assert again.render(sn) == first and again.render(sn) == first
