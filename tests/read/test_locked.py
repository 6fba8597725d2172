"""Workbooks another program holds: a workbook locked by Excel on another computer, one still
being copied in, and Excel's own lock file beside an open workbook. What can be read is built;
what cannot gets one Swedish line naming the file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.domain.inputs import discover, load
from pipeline.produce import pool

LOCKED = ("Fel: SN.xlsx: Filen kunde inte läsas: den är låst, kanske öppen i Excel på en annan "
          "dator. Stäng den och bygg igen.")


def lock(monkeypatch, name: str) -> None:
    """Refuse every opening of one file, as Windows does while another program locks it (the
    readers open files by io.open: pathlib, zipfile and so openpyxl)."""
    real = io.open

    def opening(file, *args, **kwargs):
        if isinstance(file, (str, Path)) and Path(file).name == name:
            raise PermissionError(13, "Åtkomst nekad", str(file))
        return real(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", opening)
    monkeypatch.setattr(pool, "READ_IN_PARALLEL_FROM", 10**6)  # read here, where it is patched


def build(inputs: Path):
    return CliRunner().invoke(main, ["bygg", "--inputs", str(inputs), "--build",
                                     str(inputs.parent / "build")])


def built(inputs: Path) -> list[str]:
    return sorted(p.parent.name for p in (inputs.parent / "build").glob("*/beslutsunderlag-*.docx"))


def test_a_locked_workbook_is_named_and_the_others_are_built(inputs, monkeypatch):
    with monkeypatch.context() as patch:
        lock(patch, "SN.xlsx")
        result = build(inputs)
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output
    assert LOCKED in result.output.splitlines()
    assert built(inputs) == ["BUN", "KS", "KTN", "MBN"]

    again = build(inputs)  # closed in Excel: read and built, though its bytes did not change
    assert again.exit_code == 0, again.output
    assert built(inputs) == ["BUN", "KS", "KTN", "MBN", "SN"]


def test_a_workbook_locked_after_a_first_look_is_said_the_same(inputs, monkeypatch):
    """Locked between the look at its first bytes and openpyxl's opening of it."""
    from pipeline.read import workbook

    def locked(path):
        raise PermissionError(13, "Åtkomst nekad", str(path))

    monkeypatch.setattr(workbook, "_open", locked)
    result = workbook.read_fresh(inputs / "SN.xlsx")
    assert [str(d) for d in result.diagnostics] == [LOCKED]


def test_kontrollera_names_a_locked_workbook_too(inputs, monkeypatch):
    lock(monkeypatch, "SN.xlsx")
    result = CliRunner().invoke(main, ["kontrollera", "--inputs", str(inputs)])
    assert result.exit_code == 1
    assert LOCKED in result.output.splitlines()


def test_a_half_copied_workbook_is_named_and_the_others_are_built(inputs):
    whole = (inputs / "SN.xlsx").read_bytes()
    (inputs / "SN.xlsx").write_bytes(whole[: len(whole) // 3])  # the copy broke off
    result = build(inputs)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert ("Fel: SN.xlsx: Filen är ofullständig eller skadad, kanske avbröts kopieringen. "
            "Kopiera den igen från originalet, eller öppna den i Excel och spara den på nytt."
            ) in result.output.splitlines()
    assert built(inputs) == ["BUN", "KS", "KTN", "MBN"]


@pytest.mark.parametrize("content", ["lock", "workbook"])
def test_excels_lock_file_is_never_read_as_a_workbook(inputs, content):
    """Excel writes ~$SN.xlsx beside SN.xlsx while it is open: skipped by its name, whatever
    it holds (a copy of the workbook included)."""
    lock_file = inputs / "~$SN.xlsx"
    lock_file.write_bytes(b"\x0bSara Holmqvist" if content == "lock"
                          else (inputs / "SN.xlsx").read_bytes())
    workbooks, notes = discover(inputs)
    assert lock_file not in workbooks and not notes
    loaded = load(inputs)
    assert not [d for d in loaded.diagnostics if "~$" in d.file]
    assert len(loaded.namnder) == 5
