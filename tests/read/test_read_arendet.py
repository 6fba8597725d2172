"""The fields a filed tjänsteskrivelse and the avrapportering need: written, read back and
checked (sheets Bedömning, Dialogfrågor, Avrapportering and Avrapportering beslut; the fields
Förvaltningschef and Övriga bilagor), and workbooks made before those fields existed."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from pipeline import model as m
from pipeline.cli import main
from pipeline.domain.checks import bilaga_refs, check_namnd
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.read import schema
from pipeline.read.blank_workbook import write_workbook
from pipeline.read.result import ReadResult
from pipeline.read.workbook import read_workbook
from tests.conftest import edit, find_row

SN = NAMNDER[1]
NAMND_FIELDS = ("forvaltningschef", "bilagor", "bedomning", "ekonomi", "barnkonsekvenser")
AVRAPPORTERING_FIELDS = ("diarienummer", "datum", "handlaggare", "forvaltningschef",
                         "sammanfattning", "bedomning", "expedieras", "beslutspunkter")
BILAGOR = "Protokoll från utvecklingsgruppens pass 5, 14 december 2021\nRemissvar från KPR"


def lines(result) -> list[str]:
    return result.output.splitlines()


# Reading every new field


@pytest.mark.parametrize("namnd", NAMNDER, ids=lambda n: n.kod)
def test_every_example_nämnd_has_its_förvaltnings_own_text_and_it_reads_back(tmp_path, namnd):
    assert namnd.forvaltningschef.count(",") == 1  # "Namn, titel"
    assert namnd.bedomning.count("\n\n") >= 1 and namnd.ekonomi
    if namnd.kod in ("SN", "BUN"):
        assert len(namnd.barnkonsekvenser) > 200
    filled = dataclasses.replace(namnd, bilagor=BILAGOR)
    path = tmp_path / f"{namnd.kod}.xlsx"
    write_workbook(schema.NAMND, path, filled)
    result = read_workbook(path)
    assert [str(d) for d in result.diagnostics] == []
    for key in NAMND_FIELDS:
        assert getattr(result.value, key) == getattr(filled, key), key
    assert result.value.ovriga_bilagor == tuple(BILAGOR.splitlines())


def test_the_example_kommun_has_its_styrmodell_questions_and_avrapportering_and_reads_back(
        tmp_path):
    assert KOMMUN.styrmodell and all(getattr(KOMMUN, k) for k in AVRAPPORTERING_FIELDS)
    assert KOMMUN.datum > max(n.beslutsdatum for n in NAMNDER)  # after every nämnd's decision
    assert {f.datum for f in KOMMUN.dialogfragor} == {dt.date(2021, 6, 17), dt.date(2021, 10, 7),
                                                     dt.date(2021, 12, 9)}
    assert all(f.fraga and f.stod for f in KOMMUN.dialogfragor)
    kommun = dataclasses.replace(KOMMUN, max_bilder=4)
    path = tmp_path / "kommun.xlsx"
    write_workbook(schema.KOMMUN, path, kommun)
    result = read_workbook(path)
    assert [str(d) for d in result.diagnostics] == []
    for key in ("styrmodell", "max_bilder", "dialogfragor", *AVRAPPORTERING_FIELDS):
        assert getattr(result.value, key) == getattr(kommun, key), key
    assert result.value.mottagare == ("Kommunfullmäktige", "Samtliga nämnder",
                                      "Kommunledningsgruppen")


def test_a_blank_bilder_per_avsnitt_reads_as_two(tmp_path):
    path = tmp_path / "kommun.xlsx"
    write_workbook(schema.KOMMUN, path, KOMMUN)
    edit(path, {"Kommun": {f"B{find_row(path, 'Kommun', 1, 'Bilder per avsnitt')}": None}})
    result = read_workbook(path)
    assert result.ok and result.value.max_bilder == 2


# The blank workbooks


def form_rows(ws) -> dict[str, tuple[object, object]]:
    return {row[0]: (row[1], row[2]) for row in ws.iter_rows(min_row=2, values_only=True)}


def test_the_blank_nämnd_workbook_has_the_bedömning_sheet_and_new_fields_with_help(tmp_path):
    path = tmp_path / "SN.xlsx"
    write_workbook(schema.NAMND, path, prefill={"kod": "SN"})
    wb = load_workbook(path)
    bedomning = form_rows(wb["Bedömning"])
    assert list(bedomning) == ["Förvaltningens bedömning", "Ekonomiska konsekvenser",
                               "Barnkonsekvensanalys"]
    assert bedomning["Förvaltningens bedömning"] == (
        None, "Förvaltningens egen, motiverade bedömning av förslaget. En tom rad ger ett nytt "
              "stycke.")
    grund = form_rows(wb["Grunduppgifter"])
    assert grund["Förvaltningschef"][1].startswith("Namn och titel på förvaltningschefen")
    assert "De blir bilaga 2, 3" in grund["Övriga bilagor"][1]
    guide = [row for row in wb["Instruktioner"].iter_rows(values_only=True) if row[0] == "Bedömning"]
    assert guide == [("Bedömning", schema.BEDOMNING.description, "Pass 5", None)]


def test_the_blank_kommun_workbook_has_the_dialogue_and_avrapportering_sheets_with_help(tmp_path):
    path = tmp_path / "kommun.xlsx"
    write_workbook(schema.KOMMUN, path)
    wb = load_workbook(path)
    assert wb.sheetnames[-6:] == ["Dialogfrågor", "Program", "Faser", "Intranät",
                                  "Avrapportering", "Avrapportering beslut"]
    program = wb["Program"]
    assert [c.value for c in program[1]] == ["Möte", "Punkt", "Ansvarig", "Start", "Slut"]
    questions = wb["Dialogfrågor"]
    assert [c.value for c in questions[1]] == ["Avstämning", "Fråga", "Stödfrågor"]
    prompts = {str(dv.sqref).split(":")[0]: dv.prompt
               for dv in questions.data_validations.dataValidation}
    assert prompts["A2"] == "Avstämningens datum, som i fliken Milstolpar. Obligatorisk."
    assert [c.value for c in wb["Avrapportering beslut"][1]] == ["Nr", "Beslutspunkt"]
    avrapportering = form_rows(wb["Avrapportering"])
    assert list(avrapportering) == [
        "Diarienummer", "Datum för tjänsteskrivelsen", "Handläggare", "Förvaltningschef",
        "Sammanfattning", "Förvaltningens bedömning", "Expedieras till"]
    assert all(value is None and help_text for value, help_text in avrapportering.values())
    kommun = form_rows(wb["Kommun"])
    assert kommun["Bilder per avsnitt"] == (
        None, "Hur många bilder ett avsnitt får ta i presentationerna innan resten sammanfattas, "
              "1–10. Lämnas tom blir det 2.")
    assert kommun["Verksamhetsidé och styrmodell"][0] is None
    guide = " ".join(str(c) for row in wb["Instruktioner"].iter_rows(values_only=True)
                     for c in row if c)
    assert "Avrapportering beslut" in guide and "dialoger" in guide


# A workbook made before the new sheets


def drop(path, sheets: tuple[str, ...], form: str, labels: tuple[str, ...]) -> None:
    """Make a workbook as the first format wrote it: without these sheets and form rows."""
    wb = load_workbook(path)
    for name in sheets:
        del wb[name]
    for label in labels:
        ws = wb[form]
        ws.delete_rows(next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label))
    wb.save(path)


def test_workbooks_made_before_the_new_sheets_still_build_with_warnings_naming_them(
        runner, workdir):
    inputs = workdir / "inputs"
    drop(inputs / "SN.xlsx", ("Bedömning",), "Grunduppgifter", ("Förvaltningschef", "Övriga bilagor"))
    drop(inputs / "kommun.xlsx", ("Dialogfrågor", "Avrapportering", "Avrapportering beslut"),
         "Kommun", ("Verksamhetsidé och styrmodell", "Bilder per avsnitt"))
    result = runner.invoke(main, ["bygg"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    missing = ("Fliken {0} saknas; arbetsboken är gjord före den fliken fanns. Kopiera "
               "fliken från {1} för att fylla i den.")
    output = lines(result)
    assert (f"Varning: SN.xlsx › Bedömning: "
            f"{missing.format('Bedömning', 'en ny arbetsbok (underlag arbetsbok)')}") in output
    for sheet in ("Dialogfrågor", "Avrapportering", "Avrapportering beslut"):
        new = "en ny kommunarbetsbok (underlag ny MAPP skapar en)"
        assert f"Varning: kommun.xlsx › {sheet}: {missing.format(sheet, new)}" in output
    assert any(line.startswith("Varning: SN.xlsx › Bedömning: Förvaltningens bedömning är tom.")
               for line in output)
    assert not any(line.startswith(f"{label}: {kod}.xlsx") for label in ("Fel", "Varning")
                   for kod in ("KS", "BUN", "KTN", "MBN") for line in output)
    memo = docx.Document(workdir / "build/SN/beslutsunderlag-SN.docx")
    text = [p.text for p in memo.paragraphs]
    assert "Förvaltningens bedömning" in text
    assert SN.bedomning.split("\n")[0] not in text  # nothing stands in for it unmarked
    assert any("saknas" in t for t in text[text.index("Förvaltningens bedömning") + 1:][:2])
    assert (workdir / "build/avrapportering.docx").exists()


# The checks


def test_an_empty_bedömning_is_a_warning_at_its_cell(runner, workdir):
    path = workdir / "inputs/SN.xlsx"
    row = find_row(path, "Bedömning", 1, "Förvaltningens bedömning")
    edit(path, {"Bedömning": {f"B{row}": None}})
    result = runner.invoke(main, ["kontrollera"], catch_exceptions=False)
    assert (result.exit_code, lines(result)) == (0, [
        f"Varning: SN.xlsx › Bedömning!B{row}: Förvaltningens bedömning är tom. "
        "Tjänsteskrivelsen visar då bara att bedömningen saknas; underlag skriver den aldrig "
        "själv. Skriv förvaltningens egen, motiverade bedömning innan ärendet går till nämnden.",
        "Kontrollerade 6 arbetsböcker: 1 varning."])


def checked(namnd: m.Namnd) -> list[str]:
    result = ReadResult(Path("SN.xlsx"), "namnd", namnd)
    check_namnd(result, None)
    return [d.message for d in result.diagnostics]


def test_an_empty_bedömning_early_in_the_work_is_no_warning():
    early = dataclasses.replace(SN, bedomning="", beslutspunkter=(), verksamhetsideer=tuple(
        dataclasses.replace(v, status="Utkast") for v in SN.verksamhetsideer))
    assert not any("bedömning" in message for message in checked(early))
    assert any("bedömning är tom" in message for message in checked(
        dataclasses.replace(early, verksamhetsideer=SN.verksamhetsideer)))


def test_bilaga_references_are_read_in_any_case_each_once():
    assert bilaga_refs("enligt Bilaga 2 och bilaga\N{NO-BREAK SPACE}3, se även BILAGA 2") == [2, 3]
    assert bilaga_refs("bilagan, bilagor 2, bilaga") == []


def test_a_bilaga_that_the_ärende_lacks_is_a_warning_at_its_cell(runner, workdir):
    path = workdir / "inputs/SN.xlsx"
    point = find_row(path, "Förslag till beslut", 1, 1)
    summary = find_row(path, "Grunduppgifter", 1, "Sammanfattning")
    edit(path, {"Förslag till beslut": {f"B{point}": "Socialnämnden antar verksamhetsidé "
                                                     "enligt bilaga 1 och bilaga 2."},
                "Grunduppgifter": {f"B{summary}": "Se Bilaga 1."}})
    result = runner.invoke(main, ["kontrollera"], catch_exceptions=False)
    assert lines(result) == [
        f"Varning: SN.xlsx › Förslag till beslut!B{point}: Beslutspunkt 1 hänvisar till bilaga 2, "
        "som inte finns. Ärendet har bara bilaga 1 (utvecklingsgruppens underlag, som underlag "
        'gör). Skriv handlingen under "Övriga bilagor" i fliken Grunduppgifter, en per rad, eller '
        "rätta hänvisningen.",
        "Kontrollerade 6 arbetsböcker: 1 varning."]


def test_the_övriga_bilagor_are_bilaga_2_and_on_and_a_number_beyond_them_is_named(runner, workdir):
    path = workdir / "inputs/SN.xlsx"
    point = find_row(path, "Förslag till beslut", 1, 1)
    bilagor = find_row(path, "Grunduppgifter", 1, "Övriga bilagor")
    row = find_row(path, "Bedömning", 1, "Förvaltningens bedömning")
    edit(path, {"Förslag till beslut": {f"B{point}": "Socialnämnden antar verksamhetsidé "
                                                     "enligt bilaga 1 och yttrande enligt bilaga 3."},
                "Grunduppgifter": {f"B{bilagor}": BILAGOR},
                "Bedömning": {f"B{row}": SN.bedomning + "\n\nSe bilaga 4."}})
    result = runner.invoke(main, ["kontrollera"], catch_exceptions=False)
    assert lines(result) == [
        f'Varning: SN.xlsx › Bedömning!B{row}: "Förvaltningens bedömning" hänvisar till bilaga 4, '
        "som inte finns. Ärendet har bilaga 1 (utvecklingsgruppens underlag, som underlag gör), "
        "bilaga 2 (Protokoll från utvecklingsgruppens pass 5, 14 december 2021) och bilaga 3 "
        '(Remissvar från KPR). Skriv handlingen under "Övriga bilagor" i fliken Grunduppgifter, '
        "en per rad, eller rätta hänvisningen.",
        "Kontrollerade 6 arbetsböcker: 1 varning."]


def test_a_bilaga_in_the_avrapportering_other_than_its_own_is_a_warning_at_its_cell(
        runner, workdir):
    path = workdir / "inputs/kommun.xlsx"
    point = find_row(path, "Avrapportering beslut", 1, 2)
    edit(path, {"Avrapportering beslut": {f"B{point}": "Kommunstyrelsen antar plan enligt "
                                                       "bilaga 1 och bilaga 2."}})
    result = runner.invoke(main, ["kontrollera"], catch_exceptions=False)
    assert lines(result) == [
        f"Varning: kommun.xlsx › Avrapportering beslut!B{point}: Beslutspunkt 2 hänvisar till "
        "bilaga 2, som inte finns. Avrapporteringen har bara bilaga 1 (nämndernas "
        "verksamhetsidéer och det de har gemensamt, som underlag gör); nämndernas "
        "tjänsteskrivelser står under Beslutsunderlag. Ta bort hänvisningen eller skriv vilken "
        "handling som avses.",
        "Kontrollerade 6 arbetsböcker: 1 varning."]


def test_an_avrapportering_without_decision_points_or_bedömning_is_warned_at_its_cells(
        runner, workdir):
    path = workdir / "inputs/kommun.xlsx"
    row = find_row(path, "Avrapportering", 1, "Förvaltningens bedömning")
    points = [find_row(path, "Avrapportering beslut", 1, nr) for nr in (1, 2, 3)]
    edit(path, {"Avrapportering": {f"B{row}": None},
                "Avrapportering beslut": {f"{c}{r}": None for r in points for c in "AB"}})
    result = runner.invoke(main, ["kontrollera"], catch_exceptions=False)
    assert lines(result) == [
        f"Varning: kommun.xlsx › Avrapportering!B{row}: Förvaltningens bedömning saknas i "
        "avrapporteringen. Skriv den här; verktyget skriver den aldrig, och avrapporteringen "
        "lämnar avsnittet utan den.",
        "Varning: kommun.xlsx › Avrapportering beslut: Fliken har inga ifyllda rader. Skriv "
        "avrapporteringens beslutspunkter; utan dem står i avrapporteringen att förslag till "
        "beslut saknas.",
        "Kontrollerade 6 arbetsböcker: 2 varningar."]


def test_a_question_for_a_date_that_is_no_milestone_is_a_warning_at_its_cell(runner, workdir):
    edit(workdir / "inputs/kommun.xlsx", {"Dialogfrågor": {"A3": dt.date(2021, 10, 8)}})
    result = runner.invoke(main, ["kontrollera"], catch_exceptions=False)
    assert lines(result) == [
        "Varning: kommun.xlsx › Dialogfrågor!A3: Frågan gäller 8 oktober 2021, som inte är "
        "datumet för en gemensam milstolpe i fliken Milstolpar (17 juni 2021, 7 oktober 2021 och "
        "9 december 2021). Frågan visas bara vid mötet med samma datum. Rätta datumet.",
        "Kontrollerade 6 arbetsböcker: 1 varning."]


def test_a_question_for_the_uppstart_is_one_of_its_meeting(runner, workdir):
    """The uppstart has its dialogue too ("Var står vi idag?"): its questions are no mistake."""
    edit(workdir / "inputs/kommun.xlsx", {"Dialogfrågor": {"A3": dt.date(2021, 6, 17)}})
    result = runner.invoke(main, ["kontrollera"], catch_exceptions=False)
    assert lines(result) == ["Kontrollerade 6 arbetsböcker: inga problem."]


def test_without_milestones_a_question_says_there_are_none(tmp_path):
    from pipeline.domain.checks import check_kommun

    kommun = dataclasses.replace(KOMMUN, milstolpar=(), dialogfragor=KOMMUN.dialogfragor[1:2],
                                 program=KOMMUN.program[:1])
    result = ReadResult(tmp_path / "kommun.xlsx", "kommun", kommun)
    check_kommun(result)
    assert [d.message for d in result.diagnostics] == [
        "Frågan gäller 7 oktober 2021, som inte är datumet för en gemensam milstolpe: fliken "
        "Milstolpar har inga milstolpar. Frågan visas bara vid mötet med samma datum. "
        "Rätta datumet.",
        "Punkten gäller 17 juni 2021, som inte är datumet för en gemensam milstolpe: fliken "
        "Milstolpar har inga milstolpar. Punkten visas bara vid mötet med samma datum. "
        "Rätta datumet."]
