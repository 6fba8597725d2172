"""A blank workbook, filled in and saved by LibreOffice Calc, builds."""

from __future__ import annotations

import docx
from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.cli import main
from pipeline.produce import produce
from tests.conftest import EXAMPLES
from tests.office import convert, needs_libreoffice


@needs_libreoffice
def test_a_blank_workbook_filled_and_saved_by_libreoffice_builds(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs/kommun.xlsx").write_bytes((EXAMPLES / "kommun.xlsx").read_bytes())
    result = CliRunner().invoke(main, ["arbetsbok", "SN", "-o", "x.xlsx"], catch_exceptions=False)
    assert result.exit_code == 0
    # fill the blank in, cell by cell, with what the example group wrote
    blank, example = load_workbook(tmp_path / "x.xlsx"), load_workbook(EXAMPLES / "SN.xlsx")
    for ws in example.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    blank[ws.title][cell.coordinate] = cell.value
    blank.save(tmp_path / "ifylld.xlsx")
    saved_dir = tmp_path / "sparad"
    saved_dir.mkdir()
    saved = convert(tmp_path / "ifylld.xlsx", "xlsx:Calc MS Excel 2007 XML", saved_dir)
    (tmp_path / "inputs/SN.xlsx").write_bytes(saved.read_bytes())

    report = produce(tmp_path / "inputs", tmp_path / "build", None)
    assert [str(d) for d in report.inputs.diagnostics] == []
    text = "\n".join(p.text for p in docx.Document(report.written[0]).paragraphs)
    assert "Socialnämnden ger stöd, skydd, vård och omsorg" in text
