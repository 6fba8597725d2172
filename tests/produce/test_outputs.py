"""The output registry: one declaration, one context function and one template make an output
that is built, linked, counted and checked, with no edit to the build machinery; and the key of
every output covers the tool's own code."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.produce import manifest
from pipeline.produce import outputs as o
from tests.conftest import ROOT

TOY = o.Output("leksak", o.Scope.NAMND, o.WORD, "{kod}/leksak-{kod}.docx", "Leksaksblad",
               ("leksaksblad", "leksaksblad"), template="leksak.docx",
               context="tests.produce.test_outputs:toy_context", pdf=True)


def toy_context(kommun, namnd) -> dict:
    """What the toy template sees."""
    return {"namnd": namnd, "kommun": kommun}


def _toy_template(folder: Path, text: str) -> None:
    document = docx.Document()
    document.core_properties.title = "Leksaksblad"
    document.add_paragraph(text)
    folder.mkdir(exist_ok=True)
    document.save(folder / "leksak.docx")


@pytest.fixture
def toy(monkeypatch):
    monkeypatch.setattr(o, "OUTPUTS", [*o.OUTPUTS, TOY])
    return TOY


def test_a_declared_output_is_built_linked_counted_and_checked(toy, inputs, tmp_path):
    templates, out = tmp_path / "mallar", tmp_path / "build"
    _toy_template(templates, "Leksaksblad för {{ namnd.namn }} i {{ kommun.namn }}")
    args = ["--inputs", str(inputs), "--templates", str(templates)]
    result = CliRunner().invoke(main, ["bygg", *args, "--build", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    text = [p.text for p in docx.Document(out / "SN/leksak-SN.docx").paragraphs]
    assert text == ["Leksaksblad för Socialnämnden i Timrå kommun"]
    assert result.output.splitlines()[-2:] == [
        "Klart: 5 beslutsunderlag, 5 bilagor, 1 avrapportering med bilaga, 1 intranätstext med "
        "webbsida, 5 leksaksblad, "
        "6 presentationer, 15 arbetsmaterial och 6 kalenderfiler, inga problem.",
        f"Översikt: {out / 'index.html'}"]
    page = (out / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="SN/leksak-SN.docx"[^>]*>Leksaksblad \(Word\)</a>', page)

    _toy_template(templates, "Leksaksblad för {{ namnd.namm }}")  # a restyled, misspelt template
    checked = CliRunner().invoke(main, ["kontrollera", *args])
    assert checked.exit_code == 1
    assert ('Fel: leksak.docx: Mallen leksak.docx, brödtext, vid texten "Leksaksblad för '
            '{{ namnd.namm }}": namnet "namm" finns inte i underlaget.') in checked.output
    rebuilt = CliRunner().invoke(main, ["bygg", *args, "--build", str(out)])
    assert rebuilt.exit_code == 1
    assert "0 leksaksblad" in rebuilt.output.splitlines()[-2]  # the old ones stay as they were
    assert (out / "SN/leksak-SN.docx").is_file()


def test_the_registry_declares_each_output_once_with_what_it_needs():
    names = [d.name for d in o.OUTPUTS]
    assert len(names) == len(set(names))
    assert len({d.target("X") for d in o.OUTPUTS}) == len(names)
    for d in o.OUTPUTS:
        assert d.kind in (o.WORD, o.DECK, o.CALENDAR, o.HTML), d.name
        assert ("{kod}" in d.path) == d.scope.per_namnd, d.name
        assert bool(d.template) == (d.kind != o.CALENDAR), d.name
        if d.context:
            assert callable(d.context_function()), d.name
        assert not d.part_of or o.by_name(d.part_of), d.name
        assert (ROOT / "templates" / d.template).is_file() or not d.template, d.name
    assert set(o.template_names()) | {"logotyp.png"} == {
        p.name for p in (ROOT / "templates").iterdir()}  # and the examples' logo
    assert "logotyp.png" in o.template_files() and "logotyp.svg" in o.template_files()


def test_the_tools_code_hash_sees_a_change_in_any_module(tmp_path):
    package = tmp_path / "pipeline"
    shutil.copytree(manifest.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = manifest.code_hash(package)
    assert before == manifest.code_hash(manifest.PACKAGE)
    context = package / "render" / "context.py"
    context.write_text(context.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    assert manifest.code_hash(package) != before


@pytest.mark.slow
def test_a_changed_render_module_rebuilds_what_it_made(tmp_path):
    """A copy of the tool builds the examples; a sentence changed in its render code makes
    the next `underlag bygg` render the documents again, with the new sentence."""
    root = tmp_path / "kopia"
    shutil.copytree(ROOT / "pipeline", root / "pipeline",
                    ignore=shutil.ignore_patterns("__pycache__", "templates"))
    shutil.copytree(ROOT / "templates", root / "templates")
    shutil.copytree(ROOT / "inputs", root / "inputs")

    def bygg() -> str:
        done = subprocess.run([sys.executable, "-m", "pipeline", "bygg"], cwd=root,
                              capture_output=True, text=True, encoding="utf-8", check=False)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "Klart: 5 beslutsunderlag" in bygg()
    assert bygg().startswith("Inget har ändrats")
    context = root / "pipeline" / "render" / "context.py"
    old = "Utvecklingsgruppens underlag och förslag till verksamhetsidé"
    source = context.read_text(encoding="utf-8")
    assert old in source
    context.write_text(source.replace(old, "Utvecklingsgruppens material"), encoding="utf-8")
    again = bygg()
    assert "Klart: 5 beslutsunderlag, 5 bilagor" in again
    memo = docx.Document(root / "build/SN/bilaga-1-SN.docx")
    assert any("Utvecklingsgruppens material" in p.text for p in memo.paragraphs)
