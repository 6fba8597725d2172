"""The nämnd's decision as its secretary records it (sheet Nämndens beslut): read back, checked
where a document would be filed incomplete, and named in the avrapportering only from there."""

from __future__ import annotations

import dataclasses
import datetime as dt

import docx

from pipeline.blank import write_examples
from pipeline.cli import main
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.read import schema
from pipeline.read.blank_workbook import write_workbook
from pipeline.read.workbook import read_workbook
from tests.conftest import edit

SN = NAMNDER[1]


def write(folder, namnder):
    folder.mkdir(parents=True, exist_ok=True)
    write_workbook(schema.KOMMUN, folder / "kommun.xlsx", KOMMUN)
    write_examples(folder, namnder, KOMMUN)


def test_the_decision_reads_back_from_its_sheet(tmp_path):
    namnd = dataclasses.replace(SN, antagen="Socialnämnden ger stöd.", protokoll="Utdrag § 14")
    write_workbook(schema.NAMND, tmp_path / "SN.xlsx", namnd, codes=KOMMUN.koder)
    read = read_workbook(tmp_path / "SN.xlsx").value
    assert (read.beslutad, read.paragraf, read.antagen, read.protokoll) == (
        dt.date(2022, 2, 22), "§ 14", "Socialnämnden ger stöd.", "Utdrag § 14")


def test_a_decision_filed_incomplete_is_said_at_its_cell(tmp_path, runner, monkeypatch):
    namnder = [dataclasses.replace(SN, paragraf="", forvaltningschef=""),
               dataclasses.replace(NAMNDER[2], beslutad=None, paragraf=""),
               dataclasses.replace(NAMNDER[3], beslutad=dt.date(2031, 3, 2))]
    write(tmp_path / "inputs", namnder)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["kontrollera"])
    lines = result.output.splitlines()
    assert any(line.startswith("Varning: SN.xlsx › Nämndens beslut!B3: Beslutet saknar paragraf.")
               for line in lines), result.output
    assert any(line.startswith("Varning: SN.xlsx › Grunduppgifter!B7: Förvaltningschefen som "
                               "undertecknar tjänsteskrivelsen saknas.") for line in lines)
    assert any(line.startswith("Varning: BUN.xlsx › Grunduppgifter!B10: Beslutet var planerat "
                               "till 23 februari 2022. När nämnden har beslutat: skriv in "
                               "beslutet i fliken Nämndens beslut") for line in lines), result.output
    assert any(line.startswith("Varning: KTN.xlsx › Nämndens beslut!B2: Beslutsdatumet 2 mars "
                               "2031 har inte kommit ännu.") for line in lines), result.output


def test_a_workbook_with_errors_is_named_in_the_avrapportering(workdir, runner):
    edit(workdir / "inputs" / "SN.xlsx", {"Verksamhetsidé": {"A2": "tre"}})
    result = runner.invoke(main, ["bygg"])
    assert result.exit_code == 1, result.output
    table = docx.Document(workdir / "build" / "avrapportering.docx").tables[0]
    rows = {row.cells[0].text: row.cells[1].text for row in table.rows}
    assert rows["Socialnämnden"] == "Arbetsboken SN.xlsx har fel"
    assert rows["Barn- och utbildningsnämnden"].startswith("Antagen 23\u00a0februari")
