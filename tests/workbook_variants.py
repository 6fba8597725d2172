"""Workbook variants as real users make them, made from the examples, each with its outcome.

Every variant is a change to a copy of inputs/SN.xlsx, made as Excel or LibreOffice would
leave the file: a renamed or misspelt header, a column of one's own, merged cells, "13,00" typed
over a time, a date with a digit too many, Strict Open XML, reordered columns, an extra sheet,
an Excel table, a round trip through LibreOffice Calc. Each has the exact messages SN.xlsx must
get from `underlag kontrollera` and whether the nämnd is still built; tests/read/test_read_variants.py
runs them all. The inputs are never changed in place.

Run it to get the files for a look by hand:
    python -m tests.workbook_variants /tmp/varianter
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.table import Table, TableStyleInfo

from pipeline import model as m
from tests.bad_files import strict_ooxml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "inputs" / "SN.xlsx"
FILE = "SN.xlsx"  # the name every variant has in inputs/


@dataclass(frozen=True)
class Variant:
    """One way a user may leave SN.xlsx, and what reading it must give."""

    make: Callable[[Path], None]  # changes the copy of SN.xlsx at this path
    messages: tuple[str, ...] = ()  # every message SN.xlsx gets, in the order shown
    built: bool = True  # whether SN is still built
    content: Callable[[m.Namnd], m.Namnd] | None = None  # the example as it must be read
    needs_libreoffice: bool = False


def _edit(path: Path, change: Callable) -> None:
    wb = load_workbook(path)
    change(wb)
    wb.save(path)


def _cells(changes: dict[str, dict[str, object]], formats: dict[str, dict[str, str]] | None = None
           ) -> Callable[[Path], None]:
    """Return a variant maker setting cells as a user types them (keeping each cell's format)."""
    def change(wb) -> None:
        for sheet, cells in changes.items():
            for ref, value in cells.items():
                wb[sheet][ref] = value
        for sheet, cells in (formats or {}).items():
            for ref, number_format in cells.items():
                wb[sheet][ref].number_format = number_format

    return lambda path: _edit(path, change)


def renamed_header(path: Path) -> None:
    _edit(path, lambda wb: wb["Uppdrag"].cell(1, 2, "Beskrivning av området"))


def misspelt_required_header(path: Path) -> None:
    _edit(path, lambda wb: wb["Kunder"].cell(1, 3, "Behv"))


def own_columns(path: Path) -> None:
    def change(wb) -> None:
        ws = wb["Kunder"]
        ws["E1"], ws["E2"] = "Kommentar", "Fråga BUN om samarbete"
        ws["F1"] = "Ansvarig"

    _edit(path, change)


def reordered_columns(path: Path) -> None:
    """Kunder with its columns in reverse order and a column of one's own first."""
    def change(wb) -> None:
        ws = wb["Kunder"]
        rows = [[c.value for c in row] for row in ws.iter_rows()]
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(reversed(row), start=2):
                ws.cell(r, c, value)
            ws.cell(r, 1, None)
        ws["A1"] = "Nr"
        ws["A2"] = 1

    _edit(path, change)


def extra_sheet(path: Path) -> None:
    def change(wb) -> None:
        ws = wb.create_sheet("Anteckningar", 3)
        ws.append(["Datum", "Anteckning"])
        ws.append([dt.date(2021, 9, 14), "Kunderna ska stämmas av med BUN."])

    _edit(path, change)


def excel_table(path: Path) -> None:
    """Kunder formatted as a table (Infoga › Tabell), as Excel writes a ListObject."""
    def change(wb) -> None:
        ws = wb["Kunder"]
        table = Table(displayName="Kunder", ref=f"A1:D{ws.max_row}")
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        ws.add_table(table)

    _edit(path, change)


def merged_down(path: Path) -> None:
    """The same place on every meeting: Plats merged over the four rows (Excel keeps one value)."""
    _edit(path, lambda wb: wb["Tidplan"].merge_cells("F2:F5"))


def merged_across(path: Path) -> None:
    """Behov and Värde of one kund merged into one wide cell."""
    _edit(path, lambda wb: wb["Kunder"].merge_cells("C3:D3"))


def libreoffice(path: Path) -> None:
    """The workbook opened and saved in LibreOffice Calc, as .xlsx."""
    from tests.office import convert

    with tempfile.TemporaryDirectory(prefix="lo-") as tmp:
        source = Path(tmp) / "SN.xlsx"
        shutil.copyfile(path, source)
        converted = convert(source, "xlsx", Path(tmp) / "ut")
        shutil.copyfile(converted, path)


def strict(path: Path) -> None:
    path.write_bytes(strict_ooxml())


def _with(namnd: m.Namnd, field: str, index: int, **changes) -> m.Namnd:
    rows = list(getattr(namnd, field))
    rows[index] = dataclasses.replace(rows[index], **changes)
    return dataclasses.replace(namnd, **{field: tuple(rows)})


def _no_descriptions(namnd: m.Namnd) -> m.Namnd:
    ansvar = tuple(dataclasses.replace(a, beskrivning="") for a in namnd.ansvar)
    return dataclasses.replace(namnd, ansvar=ansvar)


def _same(namnd: m.Namnd) -> m.Namnd:
    return namnd


def _times(namnd: m.Namnd) -> m.Namnd:
    namnd = _with(namnd, "moten", 0, start=dt.time(13), slut=dt.time(16))
    namnd = _with(namnd, "moten", 1, start=dt.time(9, 15), slut=dt.time(16, 30))
    return _with(namnd, "moten", 2, start=dt.time(13), slut=dt.time(16))


NO_COLUMN_WARNING = ("hör inte till arbetsboken och läses inte; det som står där kommer inte med "
                     "i dokumenten.")

VARIANTS: dict[str, Variant] = {
    "omdopt_rubrik": Variant(
        renamed_header,
        ('Varning: SN.xlsx › Uppdrag!B1: Kolumnen "Beskrivning av området" liknar "Beskrivning", '
         'som saknas. Döp om rubriken till "Beskrivning" så läses kolumnen.',),
        content=_no_descriptions,
    ),
    "felstavad_obligatorisk_rubrik": Variant(
        misspelt_required_header,
        ('Fel: SN.xlsx › Kunder!A1: Rubrikraden saknar kolumnerna "Behov". Skriv rubrikerna exakt så i '
         "en rad överst i fliken.",
         'Varning: SN.xlsx › Kunder!C1: Kolumnen "Behv" liknar "Behov", som saknas. Döp om '
         'rubriken till "Behov" så läses kolumnen.'),
        built=False,
    ),
    "egna_kolumner": Variant(
        own_columns,
        (f'Varning: SN.xlsx › Kunder!E1: Kolumnerna "Kommentar" (E1) och "Ansvarig" (F1) '
         f"{NO_COLUMN_WARNING}",),
        content=_same,
    ),
    "flyttade_kolumner": Variant(
        reordered_columns,
        (f'Varning: SN.xlsx › Kunder!A1: Kolumnen "Nr" (A1) {NO_COLUMN_WARNING}',),
        content=_same,
    ),
    "extra_flik": Variant(extra_sheet, content=_same),
    "excel_tabell": Variant(excel_table, content=_same),
    "sammanfogade_rader": Variant(
        merged_down,
        ("Varning: SN.xlsx › Tidplan!F2: Cellerna F2:F5 är sammanfogade. Värdet lästes in på "
         "varje rad, så som det syns i Excel; dela helst upp cellerna och skriv värdet i varje "
         "rad.",),
        content=_same,
    ),
    "sammanfogade_kolumner": Variant(
        merged_across,
        ("Fel: SN.xlsx › Kunder!C3: Cellerna C3:D3 är sammanfogade; värdet står bara i C3, och de "
         "andra cellerna räknas som tomma. Dela upp cellerna och skriv varje värde i sin cell.",),
        built=False,
    ),
    # "13,00" typed over 13:00, "9,15" over 13:00 in time-formatted cells; 13 in a General cell
    "klockslag_som_tal": Variant(
        _cells({"Tidplan": {"D2": 13.0, "D3": 9.15, "E3": 16.3, "D4": 13}},
               {"Tidplan": {"D4": "General"}}),
        ("Varning: SN.xlsx › Tidplan!D2: Cellen är formaterad som klockslag men innehåller talet "
         "13, som Excel visar som 00:00. Det lästes som kl. 13.00. Skriv klockslaget med kolon, "
         "13:00, så visas det rätt i Excel.",
         "Varning: SN.xlsx › Tidplan!D3: Cellen är formaterad som klockslag men innehåller talet "
         "9,15, som Excel visar som 03:36. Det lästes som kl. 9.15. Skriv klockslaget med kolon, "
         "9:15, så visas det rätt i Excel.",
         "Varning: SN.xlsx › Tidplan!E3: Cellen är formaterad som klockslag men innehåller talet "
         "16,3, som Excel visar som 07:12. Det lästes som kl. 16.30. Skriv klockslaget med kolon, "
         "16:30, så visas det rätt i Excel."),
        content=_times,
    ),
    "klockslag_utan_mening": Variant(
        _cells({"Tidplan": {"E2": 24, "E3": 16.75}}),
        ('Fel: SN.xlsx › Tidplan!E2: Klockslaget "24" kan inte läsas. Skriv det som 13.00 eller '
         "13:00.",
         'Fel: SN.xlsx › Tidplan!E3: Klockslaget "16,75" kan inte läsas. Skriv det som 13.00 eller '
         "13:00."),
        built=False,
    ),
    "datum_med_en_siffra_for_mycket": Variant(
        _cells({"Tidplan": {"C2": "2021-09-141", "C3": "2021-13-10", "C4": "16/11"}}),
        ('Fel: SN.xlsx › Tidplan!C2: Datumet "2021-09-141" kan inte läsas. Skriv det som ÅÅÅÅ-MM-DD, '
         "till exempel 2021-10-07.",
         'Fel: SN.xlsx › Tidplan!C3: Datumet "2021-13-10" finns inte i almanackan. Kontrollera månad '
         "och dag. Skriv det som ÅÅÅÅ-MM-DD, till exempel 2021-10-07.",
         'Fel: SN.xlsx › Tidplan!C4: Datumet "16/11" kan inte läsas. Skriv det som ÅÅÅÅ-MM-DD, till '
         "exempel 2021-10-07."),
        built=False,
    ),
    "datum_som_text_och_tal": Variant(
        _cells({"Tidplan": {"C2": "14 september 2021", "C3": "2021-10-12", "C4": 44516}},
               {"Tidplan": {"C4": "General"}}),
        content=_same,
    ),
    "strict_open_xml": Variant(
        strict,
        ("Fel: SN.xlsx: Arbetsboken är sparad i formatet Strict Open XML, som inte går att läsa. Öppna "
         "den i Excel och välj Spara som › Excel-arbetsbok (.xlsx), inte Strict Open "
         "XML-kalkylblad.",),
        built=False,
    ),
    "sparad_i_libreoffice": Variant(libreoffice, content=_same, needs_libreoffice=True),
}


def make(name: str, folder: Path) -> Path:
    """Write one variant as folder/SN.xlsx (a copy of the example, changed) and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE
    shutil.copyfile(EXAMPLE, path)
    VARIANTS[name].make(path)
    return path


def main(folder: str) -> None:
    target = Path(folder)
    for name in VARIANTS:
        path = make(name, target / name)
        print(f"Skrev {path}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "varianter")
