"""Reading workbooks: tolerant of how people fill them in, precise about what is wrong."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from openpyxl.utils.datetime import from_excel

from pipeline import model as m
from pipeline.domain.inputs import load
from pipeline.examples import NAMNDER
from pipeline.read import schema
from pipeline.read.blank_workbook import write_workbook
from pipeline.read.workbook import read_workbook
from tests.conftest import edit, find_row, patch_xml

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
    datum = find_row(sn, "Grunduppgifter", 1, "Datum för tjänsteskrivelsen")
    edit(sn, {
        "Förslag till beslut": {f"A{row}": " 2 "},
        "Verksamhetsidé": {"B2": "2021-10-20", "A2": "1.0"},
        "Tidplan": {"C2": "14 september 2021", "D2": "13.00", "E2": "16:30"},
        "Grunduppgifter": {f"B{datum}": 44592},  # an Excel serial number: 2022-01-31
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
        "Fel: sn.xlsx › Kunder!B2: Cellen innehåller felvärdet #REF!. Rätta formeln eller skriv in "
        "värdet."
    ]
    assert "Varning: sn.xlsx › Kunder!D3: Cellen innehöll osynliga styrtecken som togs bort." in [
        str(d) for d in result.diagnostics
    ]


def test_a_missing_sheet_and_a_missing_column_are_named(sn):
    wb = load_workbook(sn)
    del wb["Synergier" if "Synergier" in wb.sheetnames else "Samband och synergier"]
    wb["Kunder"]["D1"] = "Nytta"
    wb.save(sn)
    result = read_workbook(sn)
    assert errors(result) == [
        'Fel: sn.xlsx › Kunder!A1: Rubrikraden saknar kolumnerna "Värde". Skriv rubrikerna exakt så '
        "i en rad överst i fliken.",
        "Fel: sn.xlsx › Samband och synergier: Fliken Samband och synergier saknas. Lägg tillbaka "
        "den, eller börja om från en ny arbetsbok (underlag arbetsbok).",
    ]
    assert result.value is None


def test_a_group_unlike_the_planning_document_gives_a_warning(sn):
    row = find_row(sn, "Utvecklingsgrupp", 2, "Opposition")
    edit(sn, {"Utvecklingsgrupp": {f"B{row}": "Övrig"}})
    result = read_workbook(sn)
    from pipeline.domain.checks import check_namnd

    check_namnd(result, None)
    assert result.ok
    assert [str(d) for d in result.diagnostics] == [
        "Varning: sn.xlsx › Utvecklingsgrupp: Gruppen har 1 med rollen Opposition; planeringen "
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
        "Fel: kopia.xlsx › Grunduppgifter!B2: Det finns två arbetsböcker för nämnden SN: kopia.xlsx "
        "och socialen.xlsx. Ta bort den som inte gäller.",
        "Fel: socialen.xlsx › Grunduppgifter!B2: Det finns två arbetsböcker för nämnden SN: "
        "kopia.xlsx och socialen.xlsx. Ta bort den som inte gäller.",
    ]


def test_lock_files_and_hidden_files_are_ignored_and_other_files_mentioned(inputs):
    (inputs / "~$SN.xlsx").write_bytes(b"lock")
    (inputs / ".~lock.SN.xlsx#").write_bytes(b"lock")
    (inputs / "anteckningar.txt").write_text("hej")
    result = load(inputs)
    assert [str(d) for d in result.diagnostics] == [
        "Varning: anteckningar.txt: Filen är ingen Excel-arbetsbok (.xlsx) och läses inte. Flytta "
        "den om den inte hör hemma i mappen."
    ]
    assert len(result.namnder) == 5


def test_a_file_that_is_not_a_workbook_is_reported_not_raised(inputs):
    (inputs / "trasig.xlsx").write_text("det här är ingen arbetsbok")
    result = load(inputs)
    assert [str(d) for d in result.diagnostics] == [
        "Fel: trasig.xlsx: Filen är en textfil (till exempel CSV) och inte en Excel-arbetsbok, även om "
        "namnet slutar på .xlsx. Öppna den i Excel och välj Spara som › Excel-arbetsbok (.xlsx)."
    ]
    assert len(result.namnder) == 5


# Headers as users change them: a renamed or misspelt header is named, not dropped in silence.

def test_a_renamed_optional_header_is_a_warning_naming_both_headers(sn):
    edit(sn, {"Uppdrag": {"B1": "Beskrivning av  området"}})
    result = read_workbook(sn)
    assert [str(d) for d in result.diagnostics] == [
        'Varning: sn.xlsx › Uppdrag!B1: Kolumnen "Beskrivning av området" liknar "Beskrivning", '
        'som saknas. Döp om rubriken till "Beskrivning" så läses kolumnen.'
    ]
    assert result.ok  # the rest is read; the column is empty until it is renamed


def test_a_misspelt_required_header_is_named_with_the_missing_column(sn):
    edit(sn, {"Utmaningar och möjligheter": {"B1": "Beskrivnig"}})
    assert [str(d) for d in read_workbook(sn).diagnostics] == [
        'Varning: sn.xlsx › Utmaningar och möjligheter!B1: Kolumnen "Beskrivnig" liknar '
        '"Beskrivning", som saknas. Döp om rubriken till "Beskrivning" så läses kolumnen.',
        'Fel: sn.xlsx › Utmaningar och möjligheter!A1: Rubrikraden saknar kolumnerna "Beskrivning". '
        "Skriv rubrikerna exakt så i en rad överst i fliken.",
    ]


def test_columns_that_resemble_nothing_are_listed_once_per_sheet_as_ignored(sn):
    edit(sn, {"Kunder": {"E1": "Kommentar", "E2": "ring tillbaka", "G1": "Ansvarig"},
              "Tidplan": {"H1": "Anteckningar"}})
    result = read_workbook(sn)
    assert [str(d) for d in result.diagnostics] == [
        'Varning: sn.xlsx › Kunder!E1: Kolumnerna "Kommentar" (E1) och "Ansvarig" (G1) hör inte '
        "till arbetsboken och läses inte; det som står där kommer inte med i dokumenten.",
        'Varning: sn.xlsx › Tidplan!H1: Kolumnen "Anteckningar" (H1) hör inte till arbetsboken och '
        "läses inte; det som står där kommer inte med i dokumenten.",
    ]
    assert result.value.kunder == SN.kunder


@pytest.mark.parametrize(("found", "wanted", "similar"), [
    ("Beskrivning av området", "Beskrivning", True),  # one contains the other's words
    ("Kund", "Kund eller målgrupp", True),
    ("beskrivning:", "Beskrivning", True),  # punctuation and case do not count
    ("Beskrivnig", "Beskrivning", True),  # a typo: difflib ratio 0.95
    ("Nämnder", "Nämnd", True),  # ratio 0.83
    ("Källor", "Källa", False),  # ratio 0.73: too far to guess
    ("Kommentar", "Beskrivning", False),
    ("Nämndens kommentar", "Nämnd", False),  # a word that only starts the same is another word
    ("Vad", "Vad det styr", True),
])
def test_which_headers_resemble_a_schema_header(found, wanted, similar):
    from pipeline.read.headers import similar as _similar

    assert bool(_similar(found, wanted)) is similar


def test_a_form_label_that_resembles_a_missing_field_is_named(sn):
    row = find_row(sn, "Grunduppgifter", 1, "Diarienummer")
    edit(sn, {"Grunduppgifter": {f"A{row}": "Diarienr"}})
    result = read_workbook(sn)
    assert [str(d) for d in result.diagnostics] == [
        f'Varning: sn.xlsx › Grunduppgifter!A{row}: Raden "Diarienr" liknar "Diarienummer", som '
        f'saknas. Skriv "Diarienummer" i A{row} så läses värdet.'
    ]


# Merged cells: read as the user sees them, or named as merged.

def _merge(path, sheet: str, ref: str) -> None:
    wb = load_workbook(path)
    wb[sheet].merge_cells(ref)  # keeps the top-left value only, as Excel does
    wb.save(path)


def test_cells_merged_down_a_column_are_read_on_each_row_with_a_warning(sn):
    edit(sn, {"Styrdokument": {"B3": None, "B4": None}})
    _merge(sn, "Styrdokument", "B2:B4")
    result = read_workbook(sn)
    assert [str(d) for d in result.diagnostics] == [
        "Varning: sn.xlsx › Styrdokument!B2: Cellerna B2:B4 är sammanfogade. Värdet lästes in på "
        "varje rad, så som det syns i Excel; dela helst upp cellerna och skriv värdet i varje rad."
    ]
    assert [s.typ for s in result.value.styrdokument] == [s.typ for s in SN.styrdokument]


def test_a_merged_cell_that_only_makes_a_row_taller_is_read_once(sn):
    wb = load_workbook(sn)
    ws = wb["Kunder"]
    ws.insert_rows(3)
    ws.merge_cells("D2:D3")
    wb.save(sn)
    result = read_workbook(sn)
    assert result.diagnostics == []
    assert result.value.kunder == SN.kunder


def test_cells_merged_across_columns_are_named_instead_of_an_empty_column(sn):
    _merge(sn, "Styrdokument", "B2:C2")  # "Vad det styr" is optional: a warning
    _merge(sn, "Kunder", "B3:C3")  # "Behov" is required: an error, not 'Kolumnen "Behov" är tom'
    result = read_workbook(sn)
    assert [str(d) for d in result.diagnostics] == [
        "Varning: sn.xlsx › Styrdokument!B2: Cellerna B2:C2 är sammanfogade; värdet står bara i "
        "B2, och de andra cellerna räknas som tomma. Dela upp cellerna och skriv varje värde i "
        "sin cell.",
        "Fel: sn.xlsx › Kunder!B3: Cellerna B3:C3 är sammanfogade; värdet står bara i B3, och de andra "
        "cellerna räknas som tomma. Dela upp cellerna och skriv varje värde i sin cell.",
    ]


def test_a_merge_over_a_form_value_names_the_field(sn):
    row = find_row(sn, "Grunduppgifter", 1, "Handläggare")
    _merge(sn, "Grunduppgifter", f"B{row}:B{row + 1}")
    result = read_workbook(sn)
    assert [str(d) for d in result.diagnostics] == [
        f"Varning: sn.xlsx › Grunduppgifter!B{row + 1}: Cellerna B{row}:B{row + 1} är "
        f'sammanfogade, så värdet för "Förvaltningschef" i B{row + 1} är tomt. Dela upp cellerna och '
        "skriv värdet i varje rad."
    ]


# Times as a Swedish Excel user types them, and dates read strictly.

def test_numbers_typed_over_a_time_are_read_as_the_user_meant(sn):
    # Excel stores "13,00" typed in a time-formatted cell as the number 13 (13 days), shown 00:00
    edit(sn, {"Tidplan": {"D2": 13.0, "E2": 16.5, "D3": 9.15, "E3": 0.6875}})
    wb = load_workbook(sn)
    assert wb["Tidplan"]["D2"].number_format == "hh:mm"
    wb.close()
    result = read_workbook(sn)
    assert [str(d) for d in result.diagnostics] == [
        "Varning: sn.xlsx › Tidplan!D2: Cellen är formaterad som klockslag men innehåller talet "
        "13, som Excel visar som 00:00. Det lästes som kl. 13.00. Skriv klockslaget med kolon, "
        "13:00, så visas det rätt i Excel.",
        "Varning: sn.xlsx › Tidplan!E2: Cellen är formaterad som klockslag men innehåller talet "
        "16,5, som Excel visar som 12:00. Det lästes som kl. 16.50. Skriv klockslaget med kolon, "
        "16:50, så visas det rätt i Excel.",
        "Varning: sn.xlsx › Tidplan!D3: Cellen är formaterad som klockslag men innehåller talet "
        "9,15, som Excel visar som 03:36. Det lästes som kl. 9.15. Skriv klockslaget med kolon, "
        "9:15, så visas det rätt i Excel.",
    ]
    moten = result.value.moten
    assert (moten[0].start, moten[0].slut) == (dt.time(13), dt.time(16, 50))
    assert (moten[1].start, moten[1].slut) == (dt.time(9, 15), dt.time(16, 30))  # 0.6875 of a day


def test_numbers_that_are_no_time_of_day_are_refused_with_the_cell(sn):
    edit(sn, {"Tidplan": {"D2": 25, "E2": 9.75, "D3": -1, "E3": 13.155}})
    assert errors(read_workbook(sn)) == [
        'Fel: sn.xlsx › Tidplan!D2: Klockslaget "25" kan inte läsas. Skriv det som 13.00 eller 13:00.',
        'Fel: sn.xlsx › Tidplan!E2: Klockslaget "9,75" kan inte läsas. Skriv det som 13.00 eller 13:00.',
        'Fel: sn.xlsx › Tidplan!D3: Klockslaget "-1" kan inte läsas. Skriv det som 13.00 eller 13:00.',
        'Fel: sn.xlsx › Tidplan!E3: Klockslaget "13,155" kan inte läsas. Skriv det som 13.00 eller '
        "13:00.",
    ]


@pytest.mark.parametrize(("value", "expected"), [
    (13.0, dt.time(13)),  # a cell in the General format: the number as typed
    (13, dt.time(13)),
    (9.15, dt.time(9, 15)),
    (8.3, dt.time(8, 30)),  # "8,3" is 8.30: the decimals are minutes
    (0.5, dt.time(12)),  # below 1: a fraction of a day, as Excel stores times
    (0, dt.time(0)),
    ("13,00", dt.time(13)),
    ("kl. 9.15", dt.time(9, 15)),
    (dt.time(13, 0, 59), dt.time(13)),
    (dt.datetime(2021, 9, 14, 13), dt.time(13)),  # a date and time in a time cell
    # what openpyxl gives for a time-formatted cell holding 13 and 9,15 (1900 and 1904 dates)
    (from_excel(13), dt.time(13)),
    (from_excel(9.15), dt.time(9, 15)),
    (dt.timedelta(days=13), dt.time(13)),  # a duration format, [t]:mm
    (dt.timedelta(hours=13), dt.time(13)),
])
def test_times_in_every_form_excel_gives(value, expected):
    from pipeline.read.cells import to_time

    assert to_time(value, schema.TIDPLAN.column("start"))[0] == expected


def test_a_time_cell_of_a_1904_workbook_is_read_with_its_own_dates():
    from openpyxl.utils.datetime import MAC_EPOCH

    from pipeline.read.cells import to_time

    assert to_time(from_excel(9.15, MAC_EPOCH), schema.TIDPLAN.column("start"),
                   MAC_EPOCH)[0] == dt.time(9, 15)


@pytest.mark.parametrize(("text", "message"), [
    ("2021-10-071", 'Datumet "2021-10-071" kan inte läsas. Skriv det som ÅÅÅÅ-MM-DD, till exempel '
                    "2021-10-07."),
    ("2021-10-07x", 'Datumet "2021-10-07x" kan inte läsas. Skriv det som ÅÅÅÅ-MM-DD, till exempel '
                    "2021-10-07."),
    ("2021-10-07 kl 13", 'Datumet "2021-10-07 kl 13" kan inte läsas. Skriv det som ÅÅÅÅ-MM-DD, '
                         "till exempel 2021-10-07."),
    ("31/2", 'Datumet "31/2" kan inte läsas. Skriv det som ÅÅÅÅ-MM-DD, till exempel 2021-10-07.'),
    ("2021-13-01", 'Datumet "2021-13-01" finns inte i almanackan. Kontrollera månad och dag. '
                   "Skriv det som ÅÅÅÅ-MM-DD, till exempel 2021-10-07."),
    ("31 februari 2022", 'Datumet "31 februari 2022" finns inte i almanackan. Kontrollera månad '
                         "och dag. Skriv det som ÅÅÅÅ-MM-DD, till exempel 2021-10-07."),
    ("7 oktobr 2021", 'Datumet "7 oktobr 2021" kan inte läsas. Skriv det som ÅÅÅÅ-MM-DD, till '
                      "exempel 2021-10-07."),
])
def test_dates_are_read_strictly(sn, text, message):
    edit(sn, {"Tidplan": {"C2": text}})
    assert errors(read_workbook(sn)) == [f"Fel: sn.xlsx › Tidplan!C2: {message}"]


@pytest.mark.parametrize("value", [
    "2021-10-07", " 2021-10-07 ", "2021-10-7", "2021-10-07 00:00:00", "2021-10-07T00:00",
    "7 oktober 2021", "7 Oktober  2021", 44476, 44476.0, dt.datetime(2021, 10, 7),
    dt.date(2021, 10, 7),
])
def test_valid_dates_keep_working(value):
    from pipeline.read.cells import to_date

    assert to_date(value, schema.TIDPLAN.column("datum")) == dt.date(2021, 10, 7)


@pytest.mark.parametrize(("value", "message"), [
    (2021, "Talet 2021 är inget datum. Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2021-10-07."),
    (0.5, "Talet 0,5 är inget datum. Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2021-10-07."),
    # 2021 typed in a date-formatted cell: openpyxl gives the date Excel shows
    (from_excel(2021), "Datumet 1905-07-13 (talet 2021 i Excel) kan inte stämma. Skriv datumet "
                       "som ÅÅÅÅ-MM-DD, till exempel 2021-10-07."),
])
def test_numbers_that_are_no_date_are_refused(value, message):
    from pipeline.read.cells import CellError, to_date

    with pytest.raises(CellError) as raised:
        to_date(value, schema.TIDPLAN.column("datum"))
    assert str(raised.value) == message


def test_a_long_list_of_ignored_columns_is_cut(sn):
    edit(sn, {"Kunder": {f"{chr(ord('E') + i)}1": f"Egen {i + 1}" for i in range(12)}})
    assert [str(d) for d in read_workbook(sn).diagnostics] == [
        'Varning: sn.xlsx › Kunder!E1: Kolumnerna "Egen 1" (E1), "Egen 2" (F1), "Egen 3" (G1), '
        '"Egen 4" (H1), "Egen 5" (I1), "Egen 6" (J1), "Egen 7" (K1), "Egen 8" (L1), "Egen 9" (M1), '
        '"Egen 10" (N1) och 2 till hör inte till arbetsboken och läses inte; det som står där '
        "kommer inte med i dokumenten."
    ]
