"""Incremental builds: the manifest decides what is rendered again, and outputs stay the same."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.cli import main
from tests.conftest import ROOT


def bygg(inputs: Path, *args: str):
    return CliRunner().invoke(main, ["bygg", "--inputs", str(inputs), "--build",
                                     str(inputs.parent / "build"), *args],
                              catch_exceptions=False)


def written(result) -> set[str]:
    return {Path(line.removeprefix("Skrev ")).name for line in result.output.splitlines()
            if line.startswith("Skrev ")}


def test_a_rebuild_with_nothing_changed_renders_nothing(inputs):
    first = bygg(inputs)
    assert len(written(first)) == 41
    again = bygg(inputs)
    assert (again.exit_code, again.output) == (
        0, "Inget har ändrats sedan förra bygget; 41 dokument i "
           f"{inputs.parent / 'build'} är aktuella.\n"
           f"Översikt: {inputs.parent / 'build' / 'index.html'}\n")


def test_changing_one_workbook_rebuilds_that_nämnd_and_the_combined_documents(inputs):
    bygg(inputs)
    before = {p: p.read_bytes() for p in (inputs.parent / "build").rglob("*.*")}
    wb = load_workbook(inputs / "SN.xlsx")
    wb["Kunder"]["B2"] = "En ny beskrivning av situationen."
    wb.save(inputs / "SN.xlsx")
    result = bygg(inputs)
    assert written(result) == {"beslutsunderlag-SN.docx", "bilaga-1-SN.docx", "avstamning-SN.pptx",
                               "tidplan-SN.ics", "kommunovergripande.pptx", "tidplan.ics",
                               "avrapportering.docx", "bilaga-avrapportering.docx",
                               "intranat.docx", "intranat.html",
                               *(f"arbetsmaterial-pass-{p}-SN.pptx" for p in ("1-2", "3-4", "5")),
                               # pass 3–4's material shows what SN wrote about the others
                               *(f"arbetsmaterial-pass-3-4-{k}.pptx" for k in ("KS", "BUN", "KTN",
                                                                              "MBN"))}
    assert result.output.splitlines()[-2:] == [
        "Klart: 1 beslutsunderlag, 1 bilaga, 1 avrapportering med bilaga, 1 intranätstext med "
        "webbsida, 2 presentationer, 7 arbetsmaterial och 2 kalenderfiler, 24 oförändrade, "
        "inga problem.",
        f"Översikt: {inputs.parent / 'build' / 'index.html'}"]
    after = {p: p.read_bytes() for p in (inputs.parent / "build").rglob("*.*")}
    changed = {p.name for p in before if before[p] != after[p]}
    assert changed <= written(result) | {"manifest.json", "index.html"}


def test_changing_a_template_rebuilds_what_uses_it(inputs, tmp_path):
    templates = tmp_path / "mallar"
    templates.mkdir()
    bygg(inputs, "--templates", str(templates))
    (templates / "beslutsunderlag.docx").write_bytes(
        (ROOT / "templates/beslutsunderlag.docx").read_bytes())  # same content: nothing to do
    assert written(bygg(inputs, "--templates", str(templates))) == set()
    from docx import Document

    document = Document(templates / "beslutsunderlag.docx")
    document.add_paragraph("Ny rad i mallen.")
    document.save(templates / "beslutsunderlag.docx")
    assert written(bygg(inputs, "--templates", str(templates))) == {
        f"beslutsunderlag-{k}.docx" for k in ("KS", "SN", "BUN", "KTN", "MBN")}


def test_a_deleted_output_is_made_again_and_alla_forces_everything(inputs):
    bygg(inputs)
    (inputs.parent / "build/KTN/avstamning-KTN.pptx").unlink()
    assert written(bygg(inputs)) == {"avstamning-KTN.pptx"}
    assert len(written(bygg(inputs, "--alla"))) == 41


def test_problems_are_shown_again_when_nothing_changed(inputs):
    (inputs / "anteckningar.txt").write_text("x")
    bygg(inputs)
    again = bygg(inputs)
    assert again.output.splitlines()[0] == (
        "Varning: anteckningar.txt: Filen är ingen Excel-arbetsbok (.xlsx) och läses inte. "
        "Flytta den om den inte hör hemma i mappen.")


def test_the_manifest_records_inputs_templates_and_the_tool_version(inputs):
    bygg(inputs)
    data = json.loads((inputs.parent / "build/manifest.json").read_text(encoding="utf-8"))
    assert data["fingerprint"]["verktyg"]
    assert {"inputs/SN.xlsx", "mall/beslutsunderlag.docx", "mall/avstamning.pptx"} <= set(
        data["fingerprint"])
    assert "SN/beslutsunderlag-SN.docx" in data["outputs"]


def test_two_builds_of_the_same_inputs_give_the_same_bytes(inputs, tmp_path):
    for name in ("a", "b"):
        CliRunner().invoke(main, ["bygg", "--inputs", str(inputs), "--build",
                                  str(tmp_path / name)], catch_exceptions=False)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*")
                   if p.is_file() and not p.name.startswith("."))
    assert len(files) == 43  # 41 documents, the overview page and the manifest
    for f in files:
        a, b = ((tmp_path / name / f).read_bytes() for name in ("a", "b"))
        if f.name == "index.html":  # the same apart from the build's time stamp
            a, b = (re.sub(rb"<time [^<]*</time>", b"", page) for page in (a, b))
        assert a == b, f


def _plant_stale_temporaries(build: Path) -> list[Path]:
    """Leave what a build killed mid-write leaves: half-written files, one per folder level."""
    from pipeline.output import TEMP_PREFIX

    stale = [build / f"{TEMP_PREFIX}xyz.tmp", build / "SN" / f"{TEMP_PREFIX}abc.tmp"]
    for path in stale:
        path.write_bytes(b"PK\x03\x04 half a file")
    return stale


def test_a_rebuild_with_nothing_changed_removes_a_killed_builds_temporaries(inputs):
    build = inputs.parent / "build"
    bygg(inputs)
    stale = _plant_stale_temporaries(build)
    kept = [build / "anteckning.tmp", build / "SN" / ".underlag.tmp"]  # not ours: left alone
    for path in kept:
        path.write_text("x")
    again = bygg(inputs)
    assert again.output.startswith("Inget har ändrats sedan förra bygget")
    assert [p for p in stale if p.exists()] == []
    assert all(p.exists() for p in kept)


def test_the_library_build_removes_stale_temporaries_when_nothing_changed(inputs):
    from pipeline.produce import produce as run_build

    out = inputs.parent / "build"
    assert run_build(inputs, out, None).exit_code == 0
    stale = _plant_stale_temporaries(out)
    report = run_build(inputs, out, None)
    assert report.nothing_changed
    assert (report.exit_code, report.written, len(report.unchanged)) == (0, [], 41)
    assert [p for p in stale if p.exists()] == []
