"""A build for a moment of the process: a kommun as it stands days before 7 oktober builds
every deck, with what is there and what comes next, and decks for a meeting show nothing dated
after it."""

from __future__ import annotations

import datetime as dt

import pytest
from pptx import Presentation

from pipeline.domain.faser import as_of
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.produce import produce
from tests.kommun_oktober import AHEAD, BEGUN, MOTE, write_oktober_inputs

CODES = [n.kod for n in NAMNDER]


def _text(path) -> str:
    prs = Presentation(path)
    return "\n".join(sh.text_frame.text for s in prs.slides for sh in s.shapes if sh.has_text_frame) \
        + "\n".join(c.text for s in prs.slides for sh in s.shapes if sh.has_table
                    for r in sh.table.rows for c in r.cells)


@pytest.fixture(scope="module")
def oktober(tmp_path_factory):
    root = tmp_path_factory.mktemp("oktober")
    inputs = write_oktober_inputs(root / "inputs")
    report = produce(inputs, root / "build", None, mote=MOTE, today=dt.date(2021, 9, 30))
    return root / "build", report


def test_a_kommun_days_before_7_oktober_builds_every_deck(oktober):
    build, report = oktober
    assert report.exit_code == 0, [str(d) for d in report.diagnostics if d.is_error]
    written = {p.relative_to(build).as_posix() for p in report.written}
    assert {f"{k}/avstamning-{k}.pptx" for k in CODES} | {"kommunovergripande.pptx"} <= written
    assert not any(p.startswith(f"{k}/beslutsunderlag") for k in CODES for p in written)
    assert f"{AHEAD}/bilaga-1-{AHEAD}.docx" in written  # the one nämnd with a first draft
    lines = [str(d) for d in report.diagnostics]
    assert not any("Beslutsunderlaget" in line for line in lines)  # not due: nothing to say
    assert any(line.startswith(f"Varning: {BEGUN}.xlsx › Kunder: Fliken har inga ifyllda rader")
               for line in lines)  # pass 1–2 was due by 7 oktober


def test_each_deck_shows_what_is_there_and_what_comes_next(oktober):
    build, _ = oktober
    begun = _text(build / BEGUN / f"avstamning-{BEGUN}.pptx")
    assert "Senare i arbetet" in begun and "Verksamhetsidé – formuleras under pass 3–4" in begun
    # what comes at the same time, on one line
    assert "Reflektioner och nästa steg, Förslag till beslut – skrivs in under pass 5" in begun
    ahead = _text(build / AHEAD / f"avstamning-{AHEAD}.pptx")
    assert "Verksamhetsidé – formuleras" not in ahead  # it has a draft, shown
    combined = _text(build / "kommunovergripande.pptx")
    assert "Formuleras under pass 3–4" in combined and "Saknas: Verksamhetsidé" not in combined


@pytest.mark.parametrize("day", [dt.date(2021, 10, 7), dt.date(2021, 12, 9)])
def test_the_finished_examples_for_a_meeting_show_nothing_dated_after_it(tmp_path, inputs, day):
    report = produce(inputs, tmp_path / "build", None, mote=day)
    assert report.exit_code == 0
    for namnd in NAMNDER:
        text = _text(tmp_path / "build" / namnd.kod / f"avstamning-{namnd.kod}.pptx")
        later = [v for v in namnd.verksamhetsideer if v.datum > day]
        assert not any(v.formulering in text for v in later), namnd.kod
        shown = as_of(namnd, day, KOMMUN).verksamhetside
        assert shown is None or shown.formulering in text, namnd.kod
        assert not any(r.text in text for r in namnd.reflektioner), namnd.kod  # pass 5's


def test_kontrollera_for_a_meeting_says_what_is_due_by_it_and_nothing_of_what_comes_later(
        tmp_path, runner, monkeypatch):
    from pipeline.cli import main

    write_oktober_inputs(tmp_path / "inputs")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["kontrollera", "--mote", "2021-10-07"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert f"Varning: {BEGUN}.xlsx › Kunder: Fliken har inga ifyllda rader. Skriv in " \
           "verksamheternas kunder och målgrupper." in lines  # due by 7 oktober
    assert not [line for line in lines if "› Verksamhetsidé: " in line]  # pass 3–4: later
    assert "Varning: KS.xlsx: Till slutlig avstämning 9 december 2021 ska flikarna Samband och " \
           "synergier och Verksamhetsidé vara ifyllda; de är ännu tomma." in lines
    # the meeting's own part summarises a table, Mer underlag shows it whole: no warning
    assert not [line for line in lines if "sammanfattar resten" in line]
    wrong = runner.invoke(main, ["kontrollera", "--mote", "2021-10-08"])
    assert wrong.exit_code == 2
    assert "2021-10-08 (8 oktober 2021) är inget gemensamt möte" in wrong.output
