"""Each joint meeting gets the decks of its purpose (issue 19): the uppstart opens the work, the
first avstämning puts the nämnder beside each other, the last one asks for dialogue and
kvittens of the formulations. Within a budget per meeting (12 slides per nämnd deck, 15 for
the combined deck, the rest under "Mer underlag"), every text of the meeting's own part at
16 pt or more and nothing under 12 pt; the dialogue questions once, in the combined deck, with
their support questions in the speaker notes; titles counted from the data."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from pipeline import model as m
from pipeline import svenska
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.render.context_kommun import kommun_context
from pipeline.render.decks import DeckRenderer
from pipeline.render.meeting import mote
from tests.long_workbook import long_namnd

UPPSTART, OKTOBER, DECEMBER = dt.date(2021, 6, 17), dt.date(2021, 10, 7), dt.date(2021, 12, 9)
MEETINGS = {"uppstart": UPPSTART, "oktober": OKTOBER, "december": DECEMBER}
NAMND_BUDGET, KOMMUN_BUDGET = 12, 15
MORE = "Mer underlag"


def _decks(kommun: m.Kommun, day: dt.date, namnder=NAMNDER):
    renderer = DeckRenderer(None, kommun, mote(kommun, day))
    own = {n.kod: Presentation(io.BytesIO(renderer.namnd_deck(n))) for n in namnder}
    return own, Presentation(io.BytesIO(renderer.kommun_deck(list(namnder))))


@pytest.fixture(scope="module", params=list(MEETINGS))
def meeting(request):
    return request.param, *_decks(KOMMUN, MEETINGS[request.param])


def titles(prs) -> list[str]:
    return [s.shapes.title.text for s in prs.slides]


def main_part(prs) -> list:
    """Return the slides of the meeting itself: those before Mer underlag."""
    slides = list(prs.slides)
    names = titles(prs)
    return slides[:names.index(MORE)] if MORE in names else slides


def sizes(slide) -> list[float]:
    return [int(e.get("sz")) / 100 for e in slide._element.iter(qn("a:rPr"), qn("a:endParaRPr"))
            if e.get("sz")]


def test_each_deck_keeps_to_its_meetings_budget_and_the_rest_is_under_mer_underlag(meeting):
    name, own, combined = meeting
    for kod, prs in own.items():
        assert len(main_part(prs)) <= NAMND_BUDGET, (name, kod, titles(prs))
    assert len(main_part(combined)) <= KOMMUN_BUDGET, (name, titles(combined))
    assert MORE in titles(combined)  # where the status and the tables in full are


def test_the_meetings_own_part_is_read_from_the_back_of_the_room(meeting):
    name, own, combined = meeting
    for prs in (*own.values(), combined):
        for number, slide in enumerate(prs.slides, start=1):
            found = sizes(slide)
            assert min(found, default=12) >= 12, (name, number)
        for number, slide in enumerate(main_part(prs), start=1):
            assert min(sizes(slide), default=16) >= 16, (name, number, slide.shapes.title.text)


def test_three_meetings_give_three_different_decks():
    seen = {day: _decks(KOMMUN, day) for day in MEETINGS.values()}
    for deck in (lambda own, _: own["SN"], lambda _, combined: combined):
        shapes = {day: tuple(titles(deck(*decks))[1:]) for day, decks in seen.items()}
        assert len(set(shapes.values())) == 3
    sn = {day: titles(own["SN"]) for day, (own, _) in seen.items()}
    assert "Vad är en verksamhetsidé?" in sn[UPPSTART] and "Kvittens" not in sn[UPPSTART]
    assert "Vad – uppdrag och ansvar" in sn[OKTOBER]
    assert sn[DECEMBER][2] == "Förslag till verksamhetsidé"  # the proposal first
    combined = {day: titles(c) for day, (_, c) in seen.items()}
    assert "Styrmodellens intentioner" in combined[UPPSTART]
    assert "Sex kunder och målgrupper delas av flera nämnder" in combined[OKTOBER]
    assert combined[DECEMBER][2] == "Visionen och fem nämnders verksamhetsidéer"
    assert "Kvittens" in combined[DECEMBER] and "Kvittens" not in combined[OKTOBER]


def test_the_combined_deck_asks_each_question_once_with_its_support_in_the_notes(meeting):
    name, own, combined = meeting
    asked = [f for f in KOMMUN.dialogfragor if f.datum == MEETINGS[name]]
    slides = {s.shapes.title.text: s for s in combined.slides}
    for question in asked:
        slide = slides[question.fraga]  # the question is the slide's title
        assert question.stod in slide.notes_slide.notes_text_frame.text
        assert "{%" not in slide.notes_slide.notes_text_frame.text
    texts = "\n".join(sh.text_frame.text for s in combined.slides for sh in s.shapes
                      if sh.has_text_frame and sh.name != "Punkter")  # the agenda may name it
    assert all(texts.count(q.fraga) == 1 for q in asked)


def test_the_combined_deck_closes_with_what_comes_next(meeting):
    name, _, combined = meeting
    main = main_part(combined)
    closing = main[-1]
    expected = {"uppstart": "Nästa gemensamma möte: Gemensam avstämning 7 oktober 2021",
                "oktober": "Nästa gemensamma möte: Slutlig avstämning 9 december 2021",
                "december": "Nästa steg: beslut i nämnderna"}[name]
    assert closing.shapes.title.text == expected
    text = "\n".join(sh.text_frame.text for sh in closing.shapes if sh.has_text_frame)
    assert "22 februari 2022   Beslut i Socialnämnden (planerat)" in text
    assert svenska.datum(MEETINGS[name]) not in text  # not the meeting in progress


def test_the_kommuns_programme_is_the_agenda_and_its_times_make_it_a_dagordning():
    _, combined = _decks(KOMMUN, UPPSTART, NAMNDER[:1])
    agenda = combined.slides[1]
    assert agenda.shapes.title.text == "Innehåll"  # the programme gives no times
    text = next(sh for sh in agenda.shapes if sh.name == "Punkter").text_frame.text
    assert "Föreläsning: Systemsyn och vikten av ett känt syfte" in text
    assert "syfte – Lennart Wittberg" in text  # who leads it, from the workbook
    timed = dataclasses.replace(KOMMUN, program=(
        m.Programpunkt(UPPSTART, "Välkommen", start=dt.time(8, 30), slut=dt.time(8, 45)),
        m.Programpunkt(UPPSTART, "Föreläsning", "Lennart Wittberg", dt.time(8, 45),
                       dt.time(10, 0))))
    _, combined = _decks(timed, UPPSTART, NAMNDER[:1])
    agenda = combined.slides[1]
    assert agenda.shapes.title.text == "Dagordning"
    text = next(sh for sh in agenda.shapes if sh.name == "Punkter").text_frame.text
    assert text.split("\n")[0].startswith("kl. 8.30–8.45")
    # without a programme for the meeting: the deck's own parts
    _, combined = _decks(dataclasses.replace(KOMMUN, program=()), UPPSTART, NAMNDER[:1])
    text = next(sh for sh in combined.slides[1].shapes if sh.name == "Punkter").text_frame.text
    assert "Vad är en verksamhetsidé?" in text


def test_titles_are_counted_from_the_data():
    a, b, c = NAMNDER[:3]
    kund = m.Kund("Barn och unga", "s", "b", "v")
    shared = [dataclasses.replace(n, kunder=(kund,)) for n in (a, b, c)]
    rubriker = kommun_context(KOMMUN, shared, mote=mote(KOMMUN, OKTOBER))["rubriker"]
    assert rubriker["kunder"] == "Barn och unga är kund till tre nämnder"
    every = [dataclasses.replace(n, kunder=(kund,)) for n in NAMNDER]
    rubriker = kommun_context(KOMMUN, every, mote=mote(KOMMUN, OKTOBER))["rubriker"]
    assert rubriker["kunder"] == "Barn och unga är kund till alla nämnder"
    assert rubriker["synergier"].startswith("Nämnderna ser samband i ")
    undone = dataclasses.replace(NAMNDER[1], verksamhetsideer=())
    rubriker = kommun_context(KOMMUN, [NAMNDER[0], undone], mote=mote(KOMMUN, DECEMBER))["rubriker"]
    assert rubriker["ideer"] == "Visionen och en av två nämnders verksamhetsidéer"


@pytest.mark.parametrize("day", list(MEETINGS.values()), ids=list(MEETINGS))
def test_a_long_workbook_keeps_to_the_budgets_too(day):
    long = long_namnd(ide_chars=1500)
    namnder = [long if n.kod == long.kod else n for n in NAMNDER]
    own, combined = _decks(KOMMUN, day, namnder)
    assert len(main_part(own[long.kod])) <= NAMND_BUDGET, titles(own[long.kod])
    assert len(main_part(combined)) <= KOMMUN_BUDGET, titles(combined)
    for prs in (own[long.kod], combined):
        for slide in main_part(prs):
            assert min(sizes(slide), default=16) >= 16, slide.shapes.title.text


def test_a_kommun_weeks_before_7_oktober_gets_decks_within_budget_and_nothing_continued(
        tmp_path):
    from pipeline.produce import produce
    from tests.kommun_oktober import write_oktober_inputs

    inputs = write_oktober_inputs(tmp_path / "inputs")
    report = produce(inputs, tmp_path / "build", None, mote=OKTOBER)
    decks = sorted(p for p in report.written if p.suffix == ".pptx"
                   and not p.name.startswith("arbetsmaterial-"))  # not for a meeting
    assert len(decks) == 6
    for path in decks:
        prs = Presentation(path)
        budget = KOMMUN_BUDGET if path.name == "kommunovergripande.pptx" else NAMND_BUDGET
        main = main_part(prs)
        assert len(main) <= budget, path.name
        assert not [s for s in main if "(forts." in s.shapes.title.text], path.name
        assert all(min(sizes(s), default=16) >= 16 for s in main), path.name


def test_a_decision_meeting_gets_the_proposal_and_the_decision_points():
    beslut = dt.date(2022, 3, 1)
    kommun = dataclasses.replace(KOMMUN, milstolpar=(
        *KOMMUN.milstolpar, m.Milstolpe("Beslut i nämnderna", beslut, "Beslut")))
    own, combined = _decks(kommun, beslut, NAMNDER[1:2])
    names = titles(own["SN"])
    assert names[2] == "Förslag till verksamhetsidé"
    assert "Förslag till beslut" in names and "Kvittens" not in names
    assert "Nästa steg" in titles(combined)
