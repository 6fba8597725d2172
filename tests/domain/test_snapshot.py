"""Snapshots in arkiv/ and what changed since one: the API, and `underlag arkivera`/`andringar`."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline.cli import main
from pipeline.diagnostics import UnderlagError
from pipeline.domain.changes import changes, describe
from pipeline.domain.inputs import load
from pipeline.domain.snapshot import (
    archive,
    arkiv_folder,
    auto_archive,
    snapshot_names,
    snapshot_text,
)
from tests.conftest import edit, find_row

LVM = "Lag (1988:870) om vård av missbrukare i vissa fall (LVM)"
OLD_IDEA = ("Socialnämnden ger stöd, skydd, vård och omsorg till barn, vuxna och äldre i en utsatt "
            "situation, så att de kan leva ett tryggt, värdigt och så självständigt liv som möjligt.")
NEW_IDEA = OLD_IDEA.replace("i en utsatt situation", "som behöver samhällets hjälp")
EXPECTED = [
    f'Styrdokument: "{LVM}" borttagen',
    'Kunder: "Brottsutsatta" tillagd',
    "Verksamhetsidén: … barn, vuxna och äldre [-i en utsatt situation,-] "
    "{+som behöver samhällets hjälp,+} så att de kan …",
]


def _namnder(inputs: Path):
    loaded = load(inputs)
    assert not loaded.has_errors, [str(d) for d in loaded.diagnostics]
    return loaded.namnder


def _change_sn(inputs: Path) -> None:
    """Add a kund, remove a law and reword the verksamhetsidé, as a secretary would in Excel."""
    book = inputs / "SN.xlsx"
    kunder = load_workbook(book, read_only=True)["Kunder"].max_row + 1
    lag = find_row(book, "Styrdokument", 1, LVM)
    idea = find_row(book, "Verksamhetsidé", 4, OLD_IDEA)
    edit(book, {
        "Kunder": {f"A{kunder}": "Brottsutsatta", f"B{kunder}": "Utsatta för brott.",
                   f"C{kunder}": "Stöd och skydd.", f"D{kunder}": "Personen känner sig trygg."},
        "Styrdokument": {f"{col}{lag}": None for col in "ABC"},
        "Verksamhetsidé": {f"D{idea}": NEW_IDEA},
    })


def test_added_removed_and_reworded_are_exactly_the_changes(inputs):
    archive(inputs, _namnder(inputs), "2021-10-07 Gemensam avstämning")
    _change_sn(inputs)
    found = changes(inputs, _namnder(inputs))
    assert describe(found["SN"]) == EXPECTED
    assert [(r.sheet, r.kind) for r in found["SN"].rows] == [("Styrdokument", "borttagen"),
                                                             ("Kunder", "tillagd")]
    assert ("-", "i en utsatt situation,") in found["SN"].idea
    assert ("+", "som behöver samhällets hjälp,") in found["SN"].idea
    assert all(c.nothing for kod, c in found.items() if kod != "SN")


def test_a_changed_row_names_its_columns(inputs):
    archive(inputs, _namnder(inputs), "a")
    book = inputs / "SN.xlsx"
    edit(book, {"Kunder": {f"C{find_row(book, 'Kunder', 1, 'Äldre')}": "Trygg omsorg."}})
    [line] = describe(changes(inputs, _namnder(inputs))["SN"])
    assert line.startswith('Kunder: "Äldre" ändrad: Behov "Trygg omsorg av personal de känner')
    assert line.endswith('blev "Trygg omsorg."')


def test_nothing_changed_says_so(inputs):
    namnder = _namnder(inputs)
    archive(inputs, namnder, "2021-12-09 Slutlig avstämning")
    found = changes(inputs, namnder)
    assert set(found) == {n.kod for n in namnder}
    assert describe(found["SN"]) == ["Inget har ändrats sedan 2021-12-09 Slutlig avstämning."]


def test_a_snapshot_is_never_overwritten(inputs):
    namnder = _namnder(inputs)
    folder = archive(inputs, namnder, "2021-10-07 före")
    before = (folder / "SN.json").read_bytes()
    with pytest.raises(UnderlagError) as raised:
        archive(inputs, namnder[:1], "2021-10-07 före")
    assert raised.value.message == (
        f"Ögonblicksbilden {folder} finns redan och skrivs aldrig över. "
        "Ange ett annat namn med --namn.")
    assert (folder / "SN.json").read_bytes() == before
    assert snapshot_names(inputs) == ["2021-10-07 före"]


def test_identical_snapshots_are_byte_identical_and_readable(inputs):
    namnder = _namnder(inputs)
    one, two = archive(inputs, namnder, "1"), archive(inputs, _namnder(inputs), "2")
    assert sorted(p.name for p in one.iterdir()) == sorted(f"{n.kod}.json" for n in namnder)
    for path in one.iterdir():
        assert path.read_bytes() == (two / path.name).read_bytes()
    text = (one / "SN.json").read_text(encoding="utf-8")
    assert text == snapshot_text(namnder[[n.kod for n in namnder].index("SN")])
    assert '"datum": "2021-12-14"' in text and "Socialnämnden" in text and text.endswith("}\n")


def test_auto_archive_writes_one_per_passed_milestone_once(inputs):
    loaded = load(inputs)
    kommun, namnder = loaded.kommun, loaded.namnder
    passed = [s for s in kommun.milstolpar if s.datum < dt.date(2021, 11, 1)]
    assert len(passed) == 2
    written = auto_archive(inputs, kommun, namnder, dt.date(2021, 11, 1))
    assert [p.name for p in written] == [f"{s.datum.isoformat()} {s.benamning}" for s in passed]
    assert auto_archive(inputs, kommun, namnder, dt.date(2021, 11, 1)) == []
    later = auto_archive(inputs, kommun, namnder, dt.date(2022, 1, 1))
    assert len(later) == len(kommun.milstolpar) - 2
    assert snapshot_names(inputs) == [p.name for p in written + later]


def test_snapshots_live_beside_inputs_and_survive_deleting_build(workdir, runner):
    assert runner.invoke(main, ["bygg"]).exit_code == 0
    assert runner.invoke(main, ["arkivera", "--namn", "före"]).exit_code == 0
    names = snapshot_names(Path("inputs"))  # with those a build archives at passed milestones
    assert f"{dt.date.today().isoformat()} före" in names
    shutil.rmtree(workdir / "build")
    assert arkiv_folder(Path("inputs")) == Path("arkiv") and (workdir / "arkiv").is_dir()
    assert snapshot_names(Path("inputs")) == names
    result = runner.invoke(main, ["andringar", "SN"])
    assert result.exit_code == 0
    assert "Inget har ändrats sedan" in result.output


def test_the_commands(workdir, runner):
    result = runner.invoke(main, ["andringar"])
    assert (result.exit_code, result.output) == (
        0, "Inga ögonblicksbilder finns ännu. Skapa en med underlag arkivera.\n")
    result = runner.invoke(main, ["arkivera", "--namn", "före pass 3"])
    name = f"{dt.date.today().isoformat()} före pass 3"
    assert result.exit_code == 0, result.output
    assert f"Skrev {Path('arkiv', name, 'SN.json')}\n" in result.output
    again = runner.invoke(main, ["arkivera", "--namn", "före pass 3"])
    assert again.exit_code == 1
    assert "finns redan och skrivs aldrig över" in again.output
    _change_sn(workdir / "inputs")
    result = runner.invoke(main, ["andringar", "SN", "--sedan", dt.date.today().isoformat()])
    assert result.exit_code == 0, result.output
    assert result.output == "".join(
        [f"SN Socialnämnden, sedan {name}:\n", *(f"  {line}\n" for line in EXPECTED)])
    missing = runner.invoke(main, ["andringar", "--sedan", "1999"])
    assert missing.exit_code == 1
    assert f'Ögonblicksbilden "1999" finns inte i arkiv. De som finns: {name}.' in missing.output
