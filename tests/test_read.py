"""Reading workbooks: tolerant of how people fill them in, precise about what is wrong."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from pipeline import model as m
from pipeline import schema
from pipeline.build import load
from pipeline.examples import NAMNDER
from pipeline.read import read_workbook
from pipeline.workbook import write_workbook

from .conftest import edit, find_row, patch_xml

SN = NAMNDER[1]


@pytest.fixture
def sn(tmp_path):
    path = tmp_path / "sn.xlsx"
    write_workbook(schema.NAMND, path, SN)
    return path


def errors(result) -> list[str]:
    return [str(d) for d in result.diagnostics if d.is_error]


def test_columns_are_found_by_header_name_not_position(sn):
    wb = load_workbook(sn)
    ws = wb["Kunder"]
    ws.insert_cols(1)  # an extra column of the user's own, first
    ws["A1"] = "Egna anteckningar"
    # swap Behov and Situation
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
        row[2].value, row[3].value = row[3].value, row[2].value
    ws.insert_rows(1, 2)  # a title above the header row
    ws["A1"] = "Våra kunder"
    wb.save(sn)
    result = read_workbook(sn)
    assert errors(result) == []
    assert result.value.kunder == SN.kunder


def test_blank_rows_whitespace_and_line_breaks_are_tolerated(sn):
    wb = load_workbook(sn)
    ws = wb["Kunder"]
    ws.insert_rows(3, 3)
    ws["A3"] = "   "
    ws["A4"], ws["B4"], ws["C4"], ws["D4"] = "  Besökare \r\n", "x\r\nrad två  ", "y", "z"
    wb.save(sn)
    result = read_workbook(sn)
    assert errors(result) == []
    kund = result.value.kunder[1]
    assert (kund.kund, kund.situation) == ("Besökare", "x\nrad två")
    assert len(result.value.kunder) == len(SN.kunder) + 1


def test_numbers_and_dates_stored_as_text_are_read(sn):
    row = find_row(sn, "Förslag till beslut", 1, 2)
    edit(sn, {
        "Förslag till beslut": {f"A{row}": " 2 "},
        "Verksamhetsidé": {"B2": "2021-10-20", "A2": "1.0"},
        "Tidplan": {"C2": "14 september 2021", "D2": "13.00", "E2": "16:30"},
        "Grunduppgifter": {"B8": 44592},  # an Excel serial number: 2022-01-31
    })
    result = read_workbook(sn)
    assert errors(result) == []
    namnd = result.value
    assert namnd.beslutspunkter[1].nr == 2
    assert namnd.verksamhetsideer[0].datum == dt.date(2021, 10, 20)
    assert namnd.moten[0].datum == dt.date(2021, 9, 14)
    assert (namnd.moten[0].start, namnd.moten[0].slut) == (dt.time(13), dt.time(16, 30))
    assert namnd.datum == dt.date(2022, 1, 31)


def test_formulas_are_read_as_their_cached_values(sn):
    edit(sn, {"Kunder": {"A2": '=UPPER("barn och unga")'}})
    # openpyxl writes no cached value; add one as Excel and LibreOffice do when they save
    patch_xml(sn, rb'(<c r="A2"[^>]*)><f>(UPPER\("barn och unga"\))</f><v></v>',
              rb'\1 t="str"><f>\2</f><v>BARN OCH UNGA</v>')
    result = read_workbook(sn)
    assert result.value.kunder[0].kund == "BARN OCH UNGA"


def test_error_values_and_control_characters_are_reported_with_the_cell(sn):
    edit(sn, {"Kunder": {"B2": "#REF!", "D3": "PLACEHOLDER"}})
    patch_xml(sn, b"PLACEHOLDER", b"v_x0007_rde_x000D_\nmed _x005F_x0007_")
    result = read_workbook(sn)
    assert result.value.kunder[0].varde == "vrde\nmed _x0007_"
    assert errors(result) == [
        "sn.xlsx › Kunder!B2: Cellen innehåller felvärdet #REF!. Rätta formeln eller skriv in "
        "värdet."
    ]
    assert "sn.xlsx › Kunder!D3: Varning: Cellen innehöll osynliga styrtecken som togs bort." in [
        str(d) for d in result.diagnostics
    ]


def test_a_missing_sheet_and_a_missing_column_are_named(sn):
    wb = load_workbook(sn)
    del wb["Synergier" if "Synergier" in wb.sheetnames else "Samband och synergier"]
    wb["Kunder"]["D1"] = "Nytta"
    wb.save(sn)
    result = read_workbook(sn)
    assert errors(result) == [
        'sn.xlsx › Kunder!A1: Rubrikraden saknar kolumnerna "Värde". Skriv rubrikerna exakt så '
        "i en rad överst i fliken.",
        "sn.xlsx › Samband och synergier: Fliken Samband och synergier saknas. Lägg tillbaka "
        "den, eller börja om från en ny arbetsbok (underlag arbetsbok).",
    ]
    assert result.value is None


def test_a_group_unlike_the_planning_document_gives_a_warning(sn):
    row = find_row(sn, "Utvecklingsgrupp", 2, "Opposition")
    edit(sn, {"Utvecklingsgrupp": {f"B{row}": "Övrig"}})
    result = read_workbook(sn)
    from pipeline.checks import check_namnd

    check_namnd(result, None)
    assert result.ok
    assert [str(d) for d in result.diagnostics] == [
        "sn.xlsx › Utvecklingsgrupp: Varning: Gruppen har 1 med rollen Opposition; planeringen "
        "anger två representanter från oppositionen."
    ]


def test_the_latest_proposal_is_the_verksamhetside_used():
    ideer = (
        m.Verksamhetside(1, dt.date(2021, 10, 1), "Utkast", "a"),
        m.Verksamhetside(2, dt.date(2021, 11, 1), "Förslag till beslut", "b"),
        m.Verksamhetside(3, dt.date(2021, 12, 1), "Utkast", "c"),
        m.Verksamhetside(4, dt.date(2021, 11, 20), "Förslag till beslut", "d"),
    )
    namnd = m.Namnd("SN", "Socialnämnden", "Socialförvaltningen", dt.date(2022, 1, 1),
                    verksamhetsideer=ideer)
    assert namnd.verksamhetside.formulering == "d"


def test_identity_comes_from_content_and_two_workbooks_for_one_nämnd_is_an_error(inputs):
    (inputs / "SN.xlsx").rename(inputs / "socialen.xlsx")
    (inputs / "kopia.xlsx").write_bytes((inputs / "socialen.xlsx").read_bytes())
    found = [str(d) for d in load(inputs).diagnostics if d.is_error]
    assert found == [
        "kopia.xlsx › Grunduppgifter!B2: Det finns två arbetsböcker för nämnden SN: kopia.xlsx "
        "och socialen.xlsx. Ta bort den som inte gäller.",
        "socialen.xlsx › Grunduppgifter!B2: Det finns två arbetsböcker för nämnden SN: "
        "kopia.xlsx och socialen.xlsx. Ta bort den som inte gäller.",
    ]


def test_lock_files_and_hidden_files_are_ignored_and_other_files_mentioned(inputs):
    (inputs / "~$SN.xlsx").write_bytes(b"lock")
    (inputs / ".~lock.SN.xlsx#").write_bytes(b"lock")
    (inputs / "anteckningar.txt").write_text("hej")
    result = load(inputs)
    assert [str(d) for d in result.diagnostics] == [
        "anteckningar.txt: Varning: Filen är ingen Excel-arbetsbok (.xlsx) och läses inte. Flytta "
        "den om den inte hör hemma i mappen."
    ]
    assert len(result.namnder) == 5


def test_a_file_that_is_not_a_workbook_is_reported_not_raised(inputs):
    (inputs / "trasig.xlsx").write_text("det här är ingen arbetsbok")
    result = load(inputs)
    assert [str(d) for d in result.diagnostics] == [
        "trasig.xlsx: Filen är en textfil (till exempel CSV) och inte en Excel-arbetsbok, även om "
        "namnet slutar på .xlsx. Öppna den i Excel och välj Spara som › Excel-arbetsbok (.xlsx)."
    ]
    assert len(result.namnder) == 5
