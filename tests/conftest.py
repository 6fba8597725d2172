"""Shared fixtures: example workbooks copied to a temporary folder, and ways to break them."""

from __future__ import annotations

import io
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from openpyxl import load_workbook

settings.register_profile("ci", max_examples=30, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow,
                                                 HealthCheck.function_scoped_fixture])
settings.register_profile("lang", parent=settings.get_profile("ci"), max_examples=3000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "inputs"
# the tool's compiled-template cache: the checkout's own (gitignored), never the user's, shared
# by the test processes and by the builds the tests start
os.environ.setdefault("UNDERLAG_CACHE", str(ROOT / ".test-cache" / "underlag"))


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """Return a temporary copy of the example inputs."""
    target = tmp_path / "inputs"
    shutil.copytree(EXAMPLES, target)
    return target


@pytest.fixture
def runner():
    """Return a click test runner for the `underlag` command."""
    from click.testing import CliRunner

    return CliRunner()


@pytest.fixture
def workdir(tmp_path, inputs, monkeypatch):
    """Return a working folder holding inputs/ (the examples), as the current directory."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def edit(path: Path, changes: dict[str, dict[str, object]]) -> None:
    """Set cells in a workbook: {"Kunder": {"C7": None}}, as a secretary would in Excel."""
    wb = load_workbook(path)
    for sheet, cells in changes.items():
        for ref, value in cells.items():
            wb[sheet][ref] = value
    wb.save(path)


def find_row(path: Path, sheet: str, column: int, text: str) -> int:
    """Return the number of the first row whose cell in a column holds the text."""
    wb = load_workbook(path, read_only=True)
    try:
        for nr, row in enumerate(wb[sheet].iter_rows(values_only=True), start=1):
            if len(row) >= column and row[column - 1] == text:
                return nr
    finally:
        wb.close()
    raise AssertionError(f"{text!r} not found in {sheet}")


def patch_xml(path: Path, pattern: bytes, new: bytes) -> None:
    """Replace a regex in a workbook's sheet XML: for what openpyxl cannot write but Excel does."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename.startswith("xl/worksheets/"):
                blob = re.sub(pattern, new, blob)
            dst.writestr(info, blob)
    path.write_bytes(out.getvalue())


@pytest.fixture(scope="session")
def example_build(tmp_path_factory) -> list[Path]:
    """Build the examples once per test run (workbooks made from pipeline/examples)."""
    from pipeline.blank import write_examples
    from pipeline.examples import KOMMUN, NAMNDER
    from pipeline.produce import produce
    from pipeline.read import schema
    from pipeline.read.blank_workbook import write_workbook

    root = tmp_path_factory.mktemp("exempel")
    write_workbook(schema.KOMMUN, root / "inputs" / "kommun.xlsx", KOMMUN)
    write_examples(root / "inputs", NAMNDER, KOMMUN)
    report = produce(root / "inputs", root / "build", None)
    assert report.exit_code == 0, [str(d) for d in report.inputs.diagnostics]
    return report.written

