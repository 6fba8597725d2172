"""What is due by when: the phase model's dates, what a nämnd lacks of what is due, and a nämnd
as it stood on a date."""

from __future__ import annotations

import dataclasses
import datetime as dt

from pipeline import model as m
from pipeline.domain import faser
from pipeline.domain.checks import check_due
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.read import schema as S
from pipeline.read.result import ReadResult

SN = NAMNDER[1]
UPPSTART, OKTOBER, DECEMBER = dt.date(2021, 6, 17), dt.date(2021, 10, 7), dt.date(2021, 12, 9)


def test_the_planning_documents_dates_come_from_the_milestones_and_the_decision():
    dates = faser.plan(KOMMUN, SN)
    assert dates == {S.FORE_PASS_1: UPPSTART, S.PASS_1_2: OKTOBER, S.VID_AVSTAMNINGEN: DECEMBER,
                     S.PASS_3_4: DECEMBER, S.PASS_5: SN.beslutsdatum}
    undecided = dataclasses.replace(SN, beslutsdatum=None)
    assert faser.plan(KOMMUN, undecided)[S.PASS_5] is None  # no decision milestone either
    with_decision = dataclasses.replace(KOMMUN, milstolpar=(
        *KOMMUN.milstolpar, m.Milstolpe("Beslut", dt.date(2022, 3, 1), "Beslut")))
    assert faser.plan(with_decision, undecided)[S.PASS_5] == dt.date(2022, 3, 1)


def test_the_kommun_workbook_can_set_its_own_dates():
    own = dataclasses.replace(KOMMUN, faser=(m.Fas(S.PASS_3_4, dt.date(2021, 11, 30)),))
    assert faser.plan(own, SN)[S.PASS_3_4] == dt.date(2021, 11, 30)
    assert faser.plan(own, SN)[S.PASS_1_2] == OKTOBER  # the others as planned


def test_what_is_due_grows_with_the_date():
    def names(day):
        return {s.name for s in faser.due(KOMMUN, SN, day)}

    assert names(dt.date(2021, 6, 1)) == set()
    assert names(UPPSTART) == {"Grunduppgifter", "Utvecklingsgrupp", "Tidplan"}
    assert "Kunder" in names(OKTOBER) and "Verksamhetsidé" not in names(OKTOBER)
    assert {"Verksamhetsidé", "Samband och synergier"} <= names(DECEMBER)
    assert "Förslag till beslut" not in names(DECEMBER)
    assert "Förslag till beslut" in names(SN.beslutsdatum)


def test_when_a_sheet_comes_is_said_in_the_planning_documents_words():
    sheets = {s.attr: s for s in faser.staged() if s.attr}
    assert faser.kommer(sheets["verksamhetsideer"]) == "formuleras under pass 3–4"
    assert faser.kommer(sheets["beslutspunkter"]) == "skrivs in under pass 5"
    assert faser.kommer(sheets["synergier"], KOMMUN) == (
        "skrivs in vid avstämningen 7 oktober och efter den")
    assert faser.kommer(sheets["medlemmar"]) == "skrivs in före uppstarten"


def test_a_nämnd_as_of_a_meeting_has_only_what_was_dated_by_then():
    assert all(v.datum > OKTOBER for v in SN.verksamhetsideer)
    october = faser.as_of(SN, OKTOBER, KOMMUN)
    assert october.verksamhetsideer == () and october.verksamhetside is None
    assert october.reflektioner == ()  # undated: pass 5, after the last avstämning
    december = faser.as_of(SN, DECEMBER, KOMMUN)
    assert all(v.datum <= DECEMBER for v in december.verksamhetsideer)
    assert december.verksamhetside.version == 2
    later = faser.as_of(SN, dt.date(2022, 1, 1), KOMMUN)
    assert later.reflektioner == SN.reflektioner
    dated = dataclasses.replace(SN, reflektioner=(
        m.Reflektion("Reflektion", "Tidigt", dt.date(2021, 10, 1)),
        m.Reflektion("Reflektion", "Sent", dt.date(2021, 12, 20))))
    assert [r.text for r in faser.as_of(dated, OKTOBER, KOMMUN).reflektioner] == ["Tidigt"]
    assert faser.as_of(SN, None) is SN


def _due_messages(namnd: m.Namnd, day: dt.date) -> list[str]:
    result = ReadResult(__import__("pathlib").Path(f"{namnd.kod}.xlsx"), "namnd", namnd)
    check_due(result, KOMMUN, day)
    return [str(d) for d in result.diagnostics]


def test_an_empty_sheet_is_said_only_when_its_stage_is_due():
    october = dataclasses.replace(SN, synergier=(), verksamhetsideer=(), reflektioner=(),
                                  beslutspunkter=(), kunder=())
    messages = _due_messages(october, dt.date(2021, 9, 30))
    assert messages == [
        "Varning: SN.xlsx: Till gemensam avstämning 7 oktober 2021 ska fliken Kunder vara "
        "ifylld; den är ännu tom."]
    after = _due_messages(october, OKTOBER)  # the October meeting: Kunder is now overdue
    assert after[0] == ("Varning: SN.xlsx › Kunder: Fliken har inga ifyllda rader. Skriv in "
                        "verksamheternas kunder och målgrupper.")
    assert after[1] == ("Varning: SN.xlsx: Till slutlig avstämning 9 december 2021 ska flikarna "
                        "Samband och synergier och Verksamhetsidé vara ifyllda; de är ännu tomma.")
    assert len(after) == 2  # nothing of pass 5, which is not due
    assert _due_messages(SN, dt.date(2026, 1, 1)) == []  # the finished example
