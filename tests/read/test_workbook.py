"""The blank workbook is made from the schema, and what it holds reads back unchanged."""

from __future__ import annotations

import dataclasses

import pytest
from openpyxl import load_workbook

from pipeline.examples import KOMMUN, NAMNDER
from pipeline.read import schema
from pipeline.read.blank_workbook import workbook_bytes, write_workbook
from pipeline.read.workbook import read_workbook


@pytest.fixture
def blank(tmp_path):
    path = tmp_path / "SN.xlsx"
    write_workbook(schema.NAMND, path, prefill={"kod": "SN"}, codes=("KS", "SN", "BUN"))
    return path


def test_blank_has_every_sheet_and_header_of_the_schema(blank):
    wb = load_workbook(blank)
    assert wb.sheetnames == ["Instruktioner", *(s.name for s in schema.NAMND.sheets)]
    for sheet in schema.NAMND.sheets:
        ws = wb[sheet.name]
        assert ws.freeze_panes == "A2"
        if sheet.is_form:
            labels = [ws.cell(r, 1).value for r in range(2, len(sheet.columns) + 2)]
            assert labels == [c.header for c in sheet.columns]
        else:
            assert [c.value for c in ws[1]] == [c.header for c in sheet.columns]
            assert ws.cell(1, 1).font.bold


def test_blank_offers_drop_down_lists_and_input_help(blank):
    wb = load_workbook(blank)
    ws = wb["Utvecklingsgrupp"]
    validations = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    roll = validations["B2:B500"]
    assert roll.type == "list"
    assert roll.formula1 == '"' + ",".join(schema.UTVECKLINGSGRUPP.column("roll").choices) + '"'
    assert validations["A2:A500"].prompt.startswith("Förnamn och efternamn.")
    namnd = {str(dv.sqref): dv for dv in wb["Beroenden"].data_validations.dataValidation}["B2:B500"]
    assert namnd.formula1 == '"KS,SN,BUN"'


def test_blank_carries_the_code_and_format_version(blank):
    ws = load_workbook(blank)["Grunduppgifter"]
    values = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(2, ws.max_row + 1)}
    assert values["Nämndkod"] == "SN"
    assert values["Formatversion"] == schema.FORMAT_VERSION


def test_reading_a_blank_workbook_says_what_is_missing(blank):
    result = read_workbook(blank)
    messages = {str(d) for d in result.diagnostics if d.is_error}
    assert "Fel: SN.xlsx › Grunduppgifter!B3: Kolumnen \"Nämnd\" är tom. Skriv nämndens namn, till " \
        "exempel Socialnämnden." in messages
    # an empty sheet of a stage is the phase model's to ask for when it is due (domain/faser.py)
    assert not any("Verksamhetsidé" in m for m in messages)
    assert not result.ok


@pytest.mark.parametrize("namnd", NAMNDER, ids=lambda n: n.kod)
def test_a_filled_workbook_reads_back_as_the_same_nämnd(tmp_path, namnd):
    path = tmp_path / f"{namnd.kod}.xlsx"
    write_workbook(schema.NAMND, path, namnd)
    result = read_workbook(path)
    assert [str(d) for d in result.diagnostics] == []
    assert result.value == dataclasses.replace(namnd, kalla=path.name)


def test_the_kommun_workbook_reads_back_unchanged(tmp_path):
    path = tmp_path / "kommun.xlsx"
    write_workbook(schema.KOMMUN, path, KOMMUN)
    result = read_workbook(path)
    assert result.diagnostics == []
    assert result.value == KOMMUN


def test_writing_twice_gives_the_same_bytes():
    assert workbook_bytes(schema.NAMND, NAMNDER[1]) == workbook_bytes(schema.NAMND, NAMNDER[1])


def test_every_sheet_name_fits_excel():
    for wb_schema in schema.SCHEMAS:
        for sheet in wb_schema.sheets:
            assert len(sheet.name) <= 31
            assert not set(sheet.name) & set("[]:*?/\\")
            assert all(c.required <= bool(c.ask) for c in sheet.columns), sheet.name
