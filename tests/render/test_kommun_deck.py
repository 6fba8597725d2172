"""The kommunövergripande deck tells the truth: where each nämnd stands, by name; who proposed
what; external partners named; nothing cut without saying so. Built from the examples and from a
kommun whose nämnder are at different stages (incomplete workbooks read from disk)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re

import pytest
from pptx import Presentation

from pipeline import model as m
from pipeline.domain.faser import as_of
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.read import schema
from pipeline.read.blank_workbook import write_workbook
from pipeline.render.context_kommun import MAIN_KUNDER
from pipeline.render.decks import DeckRenderer
from pipeline.render.meeting import mote

EXAMPLE = {n.kod: n for n in NAMNDER}
DECK_DAY = dt.date(2021, 12, 9)  # the examples' decks are for the last milestone
OKTOBER = dt.date(2021, 10, 7)
SEEN = {n.kod: as_of(n, DECK_DAY, KOMMUN) for n in NAMNDER}  # the nämnder as they stood then
# a kommun with the nämnders' decisions as a milestone: a deck for it shows pass 5's next steps
BESLUT = dt.date(2022, 3, 1)
WITH_DECISIONS = dataclasses.replace(KOMMUN, milstolpar=(
    *KOMMUN.milstolpar, m.Milstolpe("Beslut i nämnderna", BESLUT, "Beslut")))
NAMES = {r.kod: r.namn for r in KOMMUN.namnder}
SECTIONS = [s.name for s in schema.NAMND.sheets if not s.is_form]


@pytest.fixture(scope="module")
def deck(example_build):
    return Presentation(next(p for p in example_build if p.name == "kommunovergripande.pptx"))


def _slide(prs, title: str):
    return next(s for s in prs.slides if s.shapes.title.text == title)


def _slides(prs, title: str) -> list:
    return [s for s in prs.slides if s.shapes.title.text.startswith(title)]


def _rows(slide) -> list[list[str]]:
    table = next(sh for sh in slide.shapes if sh.has_table).table
    return [[c.text for c in r.cells] for r in table.rows]


def _holding(prs, shape: str) -> list:
    """Return the slides with a shape of this name (a table's, a chart's)."""
    return [s for s in prs.slides if any(sh.name == shape for sh in s.shapes)]


def _text(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts += [c.text for r in shape.table.rows for c in r.cells]
    return "\n".join(parts)


def _status_rows(prs) -> dict[str, list[str]]:
    [slide] = _holding(prs, "Tabell status")
    rows = _rows(slide)
    assert rows[0] == ["Nämnd", "Verksamhetsidé", "Underlaget", "Nästa", "Beslut i nämnden"]
    return {r[0]: r[1:] for r in rows[1:]}


# the examples ---------------------------------------------------------------------------------


def test_the_status_view_names_each_nämnd_and_where_it_stands(deck):
    rows = _status_rows(deck)
    assert list(rows) == [NAMES[k] for k in KOMMUN.koder]
    sn = rows["Socialnämnden"]
    idea = SEEN["SN"].verksamhetside  # the version dated by 9 december, not the later proposal
    assert sn[0] == f"Version {idea.version} · {idea.status}" != "Version 3 · Förslag till beslut"
    assert sn[1].startswith("Ifyllt: ") and "Saknas" not in sn[1]
    assert sn[1].endswith("Kommer: Reflektioner och nästa steg (under pass 5)")
    assert sn[2] == "Pass 5, 14 december 2021"  # the first after the deck's meeting, 9 december
    assert sn[3] == "22 februari 2022 (planerat)"
    # Kommunstyrelsen has no pass after 9 december: its decision is what comes next
    assert rows["Kommunstyrelsen"][2] == "Beslut i nämnden, 8 februari 2022 (planerat)"
    assert all("%" not in " ".join(r) and "Inget planerat" not in " ".join(r)
               for r in rows.values())


def test_the_chart_shows_per_nämnd_what_is_due_by_the_meeting_and_its_title_says_it(deck):
    [slide] = _holding(deck, "diagram:lage")
    chart = next(sh for sh in slide.shapes if sh.has_chart).chart
    assert list(chart.plots[0].categories) == [NAMES[k] for k in KOMMUN.koder]
    assert [s.name for s in chart.series] == ["Klart till mötet", "Kvar till mötet"]
    assert chart.plots[0].has_data_labels
    due = [name for name, _ in _status_rows(deck).items()]
    assert len(due) == 5 and list(chart.series[1].values) == [0] * 5  # all done by 9 december
    assert slide.shapes.title.text == "Ingen nämnd har avsnitt kvar till mötet"
    descr = next(sh for sh in slide.shapes if sh.has_chart)._element.xpath(".//p:cNvPr/@descr")[0]
    klart = {r[0]: r[1:] for r in _rows(slide)[1:]}  # the same numbers in a table beside it
    assert klart["Socialnämnden"] == [str(int(list(chart.series[0].values)[1])), "0"]
    assert f"Socialnämnden: {klart['Socialnämnden'][0]} klara och 0 kvar" in descr


def test_each_nämnd_slide_reads_its_idea_against_vad_för_vem_och_varför(deck):
    for namnd in NAMNDER:
        slide = _slide(deck, namnd.namn)
        idea = next(sh for sh in slide.shapes if sh.name == "Verksamhetsidé")
        answers = next(sh for sh in slide.shapes if sh.name == "Vad, för vem och varför")
        shown = SEEN[namnd.kod].verksamhetside
        assert shown.formulering in idea.text_frame.text
        assert f"Version {shown.version}, " in idea.text_frame.text
        assert idea.left >= answers.left + answers.width  # beside it, on the right
        lines = answers.text_frame.text.split("\n")
        assert lines[0::2] == ["Vad", "För vem", "Varför"]
        kunder = [k.kund for k in namnd.kunder]
        expected = (", ".join(kunder[:MAIN_KUNDER]) + f" och {len(kunder) - MAIN_KUNDER} till"
                    if len(kunder) > MAIN_KUNDER else kunder)
        if isinstance(expected, str):
            assert lines[3] == expected
        else:
            assert all(k in lines[3] for k in expected)


def test_a_synergy_with_an_external_partner_names_it_and_merged_ones_keep_who_proposed_what(deck):
    rows = [r for s in _holding(deck, "Tabell synergier och förslag") for r in _rows(s)[1:]]
    by_process = {r[0].split("\n")[0]: r for r in rows}
    assert len(by_process) == 10  # every process shown, none summarised
    aldre = by_process["Sammanhållen vård och omsorg för äldre"]
    assert aldre[0].endswith("Med: Socialnämnden och Region Västernorrland")
    tidiga = by_process["Tidiga samordnade insatser för barn och unga"]
    assert [line.split(": ")[0] for line in tidiga[1].split("\n")] == [
        "Socialnämnden", "Barn- och utbildningsnämnden", "Kultur- och tekniknämnden"]
    assert by_process["Gemensam uppföljning utifrån verksamhetsidéerna"][0].endswith(
        "Med: Alla nämnder")
    steps = {r[0]: r[1] for s in _slides(deck, "Nästa steg i de gemensamma processerna")
             for r in _rows(s)[1:]}
    assert len(steps) == 10
    assert steps["Tidiga samordnade insatser för barn och unga"].split("\n") == [
        "Socialnämnden och Barn- och utbildningsnämnden: Ta fram en gemensam modell för tidig "
        "samverkan under 2022.",
        "Kultur- och tekniknämnden: Delta i arbetet med en gemensam modell för tidig samverkan."]


def test_at_the_first_avstämning_one_slide_names_the_processes_and_mer_underlag_has_them_all():
    many = [dataclasses.replace(n, synergier=tuple(
        m.Synergi("KS", f"Process {n.kod} {i}", "Synergi " * 30, "Steg " * 20) for i in range(8)))
        for n in NAMNDER]
    kommun = dataclasses.replace(KOMMUN, max_bilder=1)
    prs = Presentation(io.BytesIO(DeckRenderer(None, kommun, mote(kommun, OKTOBER)).kommun_deck(
        many)))
    [slide] = _holding(prs, "Tabell synergier")
    assert slide.shapes.title.text == "Nämnderna ser samband i 40 processer"
    last = _rows(slide)[-1][0]
    assert last == f"… och {40 - (len(_rows(slide)) - 2)} processer till under Mer underlag"
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles.index("Underlag: samband och synergier") > titles.index("Mer underlag")
    # under Mer underlag the kommun's bilder per avsnitt hold, and the rest is counted
    [full] = _holding(prs, "Tabell synergier och förslag")
    assert _rows(full)[-1][0].endswith(" processer till – se nämndernas avstämningsunderlag")


def test_external_partners_and_the_dependency_matrix_legend(deck):
    externa = {r[0]: r[1] for r in _rows(_slide(deck, "Beroenden och samband med externa parter"))[1:]}
    assert externa["Region Västernorrland"] == (
        "Kommunstyrelsen, Socialnämnden och Barn- och utbildningsnämnden")
    assert externa["Trafikverket"] == "Kultur- och tekniknämnden"
    [slide] = _holding(deck, "matris:beroenden")  # under Mer underlag on 9 december
    assert slide.shapes.title.text == "Underlag: beroenden mellan nämnderna"
    rows = _rows(slide)
    assert rows[0][1:] == list(KOMMUN.koder)  # codes where space demands …
    assert [r[0] for r in rows[1:]] == [f"{NAMES[k]} ({k})" for k in KOMMUN.koder]
    legend = next(sh for sh in slide.shapes if sh.name == "Förklaring")
    table = next(sh for sh in slide.shapes if sh.has_table)
    assert legend.left >= table.left + table.width and legend.top == table.top  # … beside it
    assert "BUN  Barn- och utbildningsnämnden" in legend.text_frame.text


@pytest.fixture(scope="module")
def decision_deck():
    """The combined deck for a decision milestone after pass 5: the next steps are shown."""
    renderer = DeckRenderer(None, WITH_DECISIONS, mote(WITH_DECISIONS, BESLUT))
    return Presentation(io.BytesIO(renderer.kommun_deck(list(NAMNDER))))


def test_names_not_codes_where_the_audience_reads(deck, decision_deck):
    shared = {r[0]: r[1] for r in _rows(_holding(deck, "Tabell gemensamma kunder")[0])[1:]}
    assert shared["Barn och unga"] == ("Socialnämnden, Barn- och utbildningsnämnden och "
                                       "Kultur- och tekniknämnden")
    steps = {r[0]: r[1] for r in _rows(_slide(decision_deck, "Nästa steg"))[1:]}
    assert list(steps) == [NAMES[k] for k in KOMMUN.koder]
    grid = [r[0] for r in _rows(_slide(deck, "Övergripande tidplan"))]
    assert grid[2:] == ["Gemensamma milstolpar", *(NAMES[k] for k in KOMMUN.koder)]


def test_the_agenda_follows_the_meeting(deck, decision_deck):
    titles = [s.shapes.title.text for s in deck.slides]
    agenda = re.findall(r"^(\d+)\s+(.+)$", _text(_slide(deck, "Innehåll")), re.M)
    # 9 december: dialog och kvittens of the formulations; the rest under Mer underlag
    assert [r for _, r in agenda] == ["Verksamhetsidéerna och visionen", "Nämnderna", "Dialog",
                                      "Kvittens", "Mer underlag"]
    assert "Nästa steg" in _text(_slide(decision_deck, "Innehåll"))  # pass 5's, after it
    assert "Kvittens" not in _text(_slide(decision_deck, "Innehåll"))
    assert len(set(titles)) == len(titles)


# a kommun whose nämnder are at different stages -------------------------------------------------


def _stages() -> list[m.Namnd]:
    """KS has only Grunduppgifter and Uppdrag; SN is at its first draft; BUN is complete."""
    ks = EXAMPLE["KS"]
    only_uppdrag = m.Namnd(ks.kod, ks.namn, ks.forvaltning, ks.datum, ansvar=ks.ansvar)
    sn = EXAMPLE["SN"]
    first = dataclasses.replace(sn.verksamhetsideer[0], datum=dt.date(2021, 10, 1))  # ahead
    draft = dataclasses.replace(sn, verksamhetsideer=(first,), synergier=(),
                                reflektioner=(), beslutspunkter=(), beslutsdatum=None,
                                kunder=sn.kunder[:1])
    return [only_uppdrag, draft, EXAMPLE["BUN"]]


@pytest.fixture(scope="module")
def stages(tmp_path_factory) -> Presentation:
    """Build the combined deck from workbooks on disk, as `underlag bygg` reads them."""
    from pipeline.produce import produce

    root = tmp_path_factory.mktemp("skeden")
    write_workbook(schema.KOMMUN, root / "inputs" / "kommun.xlsx", KOMMUN)
    for namnd in _stages():
        write_workbook(schema.NAMND, root / "inputs" / f"{namnd.kod}.xlsx", namnd)
    report = produce(root / "inputs", root / "build", None, mote=dt.date(2021, 10, 7))
    assert {p.name for p in report.written} >= {"kommunovergripande.pptx"}
    return Presentation(root / "build" / "kommunovergripande.pptx")


def test_the_status_view_differs_between_nämnder_at_different_stages(stages):
    rows = _status_rows(stages)
    assert list(rows) == ["Kommunstyrelsen", "Socialnämnden", "Barn- och utbildningsnämnden"]
    ks, sn, bun = rows["Kommunstyrelsen"], rows["Socialnämnden"], rows["Barn- och utbildningsnämnden"]
    # the deck is for 7 oktober: the verksamhetsidé is formulated later, in pass 3–4
    assert ks[0] == "Formuleras under pass 3–4"
    assert sn[0] == "Version 1 · Utkast"  # a draft dated before the meeting
    assert bun[0] == "Formuleras under pass 3–4"  # its versions are all dated after 7 oktober
    assert ks[1].startswith("Ifyllt: Uppdrag (1 av 12)\nSaknas: Utvecklingsgrupp, Styrdokument")
    assert "Verksamhetsidé" not in ks[1].split("Kommer: ")[0]  # not due: not missing
    assert "Samband och synergier (vid avstämningen 7 oktober och efter den)" in sn[1].split(
        "Kommer: ")[1]
    assert "Påbörjat: Kunder" in sn[1]
    assert bun[1].startswith("Ifyllt: ") and "Saknas" not in bun[1]
    assert ks[2] == "Inget planerat ännu" and sn[2] == "Pass 3, 12 oktober 2021"
    assert ks[3] == sn[3] == "Inte bestämt" and bun[3] == "23 februari 2022 (planerat)"
    assert len({tuple(r) for r in rows.values()}) == 3


def test_an_early_nämnd_gets_no_idea_slide_text_it_never_wrote(stages):
    slide = _slide(stages, "Kommunstyrelsen")
    idea = next(sh for sh in slide.shapes if sh.name == "Verksamhetsidé").text_frame.text
    assert idea.split("\n") == ["Verksamhetsidé", "Formuleras under pass 3–4.", ""]
    answers = next(sh for sh in slide.shapes if sh.name == "Vad, för vem och varför")
    assert answers.text_frame.text.split("\n")[0] == "Vad"  # its Uppdrag only
    assert "För vem" not in answers.text_frame.text
    sn = next(sh for sh in _slide(stages, "Socialnämnden").shapes if sh.name == "Verksamhetsidé")
    assert sn.text_frame.text.split("\n")[-1] == "Version 1, 1 oktober 2021"


def test_more_kunder_than_a_slide_lists_are_counted_not_cut():
    many = dataclasses.replace(EXAMPLE["SN"], kunder=tuple(
        m.Kund(f"Målgrupp {i}", "s", "b", "v") for i in range(1, MAIN_KUNDER + 4)))
    prs = Presentation(io.BytesIO(DeckRenderer(None, KOMMUN, mote(KOMMUN)).kommun_deck([many])))
    text = next(sh for sh in _slide(prs, "Socialnämnden").shapes
                if sh.name == "Vad, för vem och varför").text_frame.text
    assert f"Målgrupp {MAIN_KUNDER} och 3 till" in text and f"Målgrupp {MAIN_KUNDER + 1}" not in text


def test_the_combined_deck_passes_the_checks(tmp_path, stages, deck):
    from pipeline.render.a11y import check_document
    from tests.office import audit_errors

    for name, prs in (("exempel", deck), ("skeden", stages)):
        path = tmp_path / f"{name}.pptx"
        prs.save(path)
        assert audit_errors(path) == [], name
        assert [str(d) for d in check_document(path)] == [], name


EXPECTED_DEPENDENCIES = {
    ("KS", "BUN"), ("KS", "KTN"), ("KS", "MBN"),
    ("SN", "KS"), ("SN", "BUN"), ("SN", "KTN"),
    ("BUN", "KS"), ("BUN", "SN"), ("BUN", "KTN"),
    ("KTN", "KS"), ("KTN", "MBN"),
    ("MBN", "KS"), ("MBN", "SN"),
}


def test_the_dependency_matrix_matches_the_beroenden_sheets(deck):
    rows = _rows(_holding(deck, "matris:beroenden")[0])
    header = rows[0][1:]
    found = {(row[0].split("(")[1].rstrip(")"), header[c - 1]) for row in rows[1:]
             for c in range(1, len(header) + 1) if row[c] == "●"}
    assert found == EXPECTED_DEPENDENCIES


def test_the_combined_deck_shows_the_week_grid_with_months_over_weeks(deck):
    table = next(sh for sh in _slide(deck, "Övergripande tidplan").shapes if sh.has_table).table
    months = [c.text for c in table.rows[0].cells if c.text]
    assert months == ["Juni", "Augusti", "September", "Oktober", "November", "December"]
    weeks = [c.text for c in table.rows[1].cells]
    sn = next([c.text for c in r.cells] for r in table.rows if r.cells[0].text == "Socialnämnden")
    assert {w: d for w, d in zip(weeks, sn, strict=True) if d and w != "Vecka"} == {
        "37": "14", "41": "12", "46": "16", "50": "14"}


def test_every_nämnd_and_the_milestones_are_in_the_deck(deck):
    titles = [s.shapes.title.text for s in deck.slides]
    assert all(n.namn in titles for n in NAMNDER)
    text = "\n".join(_text(s) for s in deck.slides)
    assert all(SEEN[n.kod].verksamhetside.formulering in text for n in NAMNDER)
    assert "17 juni 2021" in text and "9 december 2021" in text


@pytest.mark.parametrize(("table", "name"), [
    ("Tabell milstolpar", "Passen"), ("matris:tidplan", "Förklaring"),
    ("Tabell status", "Förklaring"), ("Tabell kvittens", "Förklaring")])
def test_the_line_that_explains_a_table_stands_right_above_it(deck, table, name):
    [slide] = _holding(deck, table)
    caption = next(sh for sh in slide.shapes if sh.name == name)
    table = next(sh for sh in slide.shapes if sh.has_table)
    assert caption.text_frame.text.strip()
    assert 0 <= table.top - (caption.top + caption.height) < 914400 // 4  # within a quarter inch
