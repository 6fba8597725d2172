"""The week grid in Word: 9 pt, one line a cell, the width it is given, no merged cell, header
rows repeated and no row split, valid and accessible."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm
from lxml import etree

from pipeline import model as m
from pipeline.domain import tidplan
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.render import docx_grid
from pipeline.render.a11y import check_document
from tests.office import audit_errors, convert, needs_libreoffice

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
COMBINED = tidplan.week_grid(KOMMUN, list(NAMNDER))
SN = tidplan.week_grid(KOMMUN, [NAMNDER[1]])


def long_grid() -> tidplan.Veckoschema:
    """Every nämnd meeting every other week for a year and a half: too wide for any page."""
    start = dt.date(2021, 6, 7)
    namnder = [dataclasses.replace(n, moten=tuple(
        m.Mote("Övrigt", start + dt.timedelta(weeks=2 * k, days=i)) for k in range(40)))
        for i, n in enumerate(NAMNDER)]
    return tidplan.week_grid(KOMMUN, namnder)


def grid_docx(grid: tidplan.Veckoschema, width_cm: float) -> bytes:
    """Return a Word document holding only the grid, on a page whose text is width_cm wide."""
    doc = Document()
    doc.core_properties.title, doc.core_properties.author = "Tidplan", "Timrå kommun"
    doc.core_properties.language = "sv-SE"
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    if width_cm > 17:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21)
    section.left_margin = section.right_margin = int((section.page_width - Cm(width_cm)) / 2)
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang").set(f"{W}val",
                                                                                 "sv-SE")
    doc.add_paragraph(docx_grid.GRID_MARKER)
    out = io.BytesIO()
    doc.save(out)
    source, target = zipfile.ZipFile(io.BytesIO(out.getvalue())), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = docx_grid.insert_grid(data.decode(), grid, None, width_cm).encode()
            z.writestr(info, data)
    return target.getvalue()


def tables(grid: tidplan.Veckoschema, width_cm: float) -> list:
    xml = f'<w:body xmlns:w="{NS["w"]}">{docx_grid.grid_table_xml(grid, None, width_cm)}</w:body>'
    return etree.fromstring(xml).findall("w:tbl", NS)


def cell_texts(tbl) -> list[list[str]]:
    return [["".join(tc.itertext()) for tc in tr.findall("w:tc", NS)]
            for tr in tbl.findall("w:tr", NS)]


@pytest.mark.parametrize(("grid", "width_cm", "count"), [
    (SN, docx_grid.PORTRAIT_CM, 1), (COMBINED, docx_grid.PORTRAIT_CM, 1),
    (COMBINED, docx_grid.LANDSCAPE_CM, 1), (COMBINED, 9.0, 3), (long_grid(), 16.0, 6),
    (long_grid(), 24.7, 3),
])
def test_the_grid_fits_its_width_with_every_cell_on_one_line_in_9_pt(grid, width_cm, count):
    found = tables(grid, width_cm)
    assert len(found) == count
    limit = int(Cm(width_cm).twips)
    pad = docx_grid.PAD_CM * 2
    for tbl in found:
        widths = [int(c.get(f"{W}w")) for c in tbl.findall("w:tblGrid/w:gridCol", NS)]
        assert limit - 30 <= sum(widths) <= limit  # fills the width, never more
        for tr in tbl.findall("w:tr", NS):
            for tc, width in zip(tr.findall("w:tc", NS), widths, strict=True):
                text = "".join(tc.itertext())
                bold = tc.find(".//w:b", NS) is not None
                assert Cm(docx_grid.text_cm(text, bold=bold) + pad).twips <= width + 1, text
        sizes = {int(s.get(f"{W}val")) for s in tbl.iter(f"{W}sz")}
        assert sizes == {2 * docx_grid.GRID_PT} and docx_grid.GRID_PT >= 9
    columns = [cell_texts(t)[1][1:] for t in found]  # the week row, each table
    assert sum(columns, []) == [v.rubrik for v in grid.veckor]  # every column, once, in order


def test_no_cell_is_merged_header_rows_repeat_and_rows_never_split():
    for tbl in tables(COMBINED, 16.0) + tables(long_grid(), 16.0):
        assert not tbl.xpath(".//w:gridSpan|.//w:vMerge|.//w:hMerge", namespaces=NS)
        rows = tbl.findall("w:tr", NS)
        assert [r.find("w:trPr/w:tblHeader", NS) is not None for r in rows[:3]] == [
            True, True, False]
        assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in rows)


def test_months_stand_in_the_first_column_of_their_weeks():
    portrait = cell_texts(tables(COMBINED, 16.0)[0])
    assert portrait[0][:6] == ["Månad", "Juni", "", "Aug.", "", ""]
    assert [t for t in portrait[0] if t] == ["Månad", "Juni", "Aug.", "Sep.", "Okt.", "Nov.",
                                             "Dec."]  # one form in a table: short in portrait
    assert portrait[1][:4] == ["Vecka", "24", "v. 25–32", "33"]
    assert portrait[3][:6] == ["KS – egen", "", "", "", "", "31"]  # 31 August, under August
    landscape = cell_texts(tables(COMBINED, 24.7)[0])  # full names would make weeks uneven
    assert [t for t in landscape[0] if t][1:3] == ["Juni", "Aug."]
    few = dataclasses.replace(KOMMUN, milstolpar=KOMMUN.milstolpar[1:])  # October–December
    short = cell_texts(tables(tidplan.week_grid(few, []), 16.0)[0])
    assert [t for t in short[0] if t] == ["Månad", "Oktober", "December"]
    assert short[1][1:] == ["40", "v. 41–48", "49"]
    later = cell_texts(tables(long_grid(), 16.0)[-1])  # a table after a cut names its month
    assert later[0][1] and later[0][1] != "", later[0]
    assert any("2022" in t for tbl in tables(long_grid(), 16.0) for t in cell_texts(tbl)[0])


def test_the_month_row_draws_no_line_inside_a_month():
    tbl = tables(COMBINED, 16.0)[0]
    month_row = tbl.findall("w:tr", NS)[0].findall("w:tc", NS)
    august = month_row[3:6]  # v. 33–35
    assert [c.find("w:tcPr/w:tcBorders/w:right", NS) is not None for c in august] == [
        True, True, False]
    assert [c.find("w:tcPr/w:tcBorders/w:left", NS) is not None for c in august] == [
        False, True, True]


def test_the_caller_learns_the_width_a_grid_needs():
    assert docx_grid.min_width_cm(SN) < docx_grid.PORTRAIT_CM
    assert docx_grid.min_width_cm(long_grid()) > docx_grid.LANDSCAPE_CM
    assert docx_grid.min_width_cm(tidplan.Veckoschema((), (), ())) == 0.0
    assert docx_grid.insert_grid(f"<w:p><w:r><w:t>{docx_grid.GRID_MARKER}</w:t></w:r></w:p>",
                                 tidplan.Veckoschema((), (), ()), None) == ""


@pytest.mark.parametrize("width_cm", [16.0, 24.7])
def test_the_document_is_valid_and_accessible(width_cm):
    for grid in (COMBINED, long_grid()):
        data = grid_docx(grid, width_cm)
        # python-docx's own blank document has a stylesWithEffects part out of step
        assert [e for e in audit_errors(data) if "stylesWithEffects" not in e] == []
        assert [str(d) for d in check_document(Path("tidplan.docx"), data)] == []


@pytest.mark.slow
@needs_libreoffice
@pytest.mark.parametrize("width_cm", [16.0, 24.7])
def test_libreoffice_draws_every_row_of_the_grid_on_one_line(tmp_path, width_cm):
    for name, grid in (("kombinerad", COMBINED), ("lang", long_grid())):
        source = tmp_path / f"{name}.docx"
        source.write_bytes(grid_docx(grid, width_cm))
        pdf = convert(source, "pdf", tmp_path)
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        lines = [line for line in text.splitlines() if line.strip()]
        labels = ["Månad", "Vecka", *(r.namn for r in grid.rader)]
        rows = [line for line in lines if re.match(r"\s*(" + "|".join(labels) + r")\b", line)]
        assert len(lines) == len(rows), "\n".join(lines)  # no cell wrapped onto a line of its own
        assert len(rows) == len(labels) * len(tables(grid, width_cm))
