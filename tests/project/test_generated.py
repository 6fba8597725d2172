"""Committed generated files are their generators' current output, byte for byte.

Each script in scripts/ is run as `make templates`, `make examples` and `make readme` run it, in
a fresh interpreter, but with its ROOT pointed at a temporary folder; what it writes there is
compared with the committed file. The Office files are deterministic by design (fixed dates, fixed zip
timestamps), so equal bytes is the test; a difference names the member of the zip that moved.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.conftest import ROOT

SCRIPTS = ROOT / "scripts"


DRIVER = """
import importlib.util, sys
from pathlib import Path
spec = importlib.util.spec_from_file_location("script", sys.argv[1])
module = importlib.util.module_from_spec(spec)
for name in sys.argv[3:]:
    importlib.import_module(name)
spec.loader.exec_module(module)
module.ROOT = Path(sys.argv[2])
module.main()
"""


def run_script(name: str, root: Path, *, seed: str = "0", imported: tuple[str, ...] = ()) -> None:
    """Run scripts/<name>.py's main() in a fresh interpreter, as `make` does, with its ROOT
    set to another folder (after importing `imported`, to show what earlier imports change)."""
    subprocess.run([sys.executable, "-c", DRIVER, str(SCRIPTS / f"{name}.py"), str(root), *imported],
                   cwd=ROOT, check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed})


def zip_difference(made: bytes, committed: bytes) -> str:
    """Return which members of two Office files differ, for the failure message."""
    with zipfile.ZipFile(io.BytesIO(made)) as a, zipfile.ZipFile(io.BytesIO(committed)) as b:
        names_a, names_b = a.namelist(), b.namelist()
        if names_a != names_b:
            return f"members differ: only made {set(names_a) - set(names_b)}, " \
                   f"only committed {set(names_b) - set(names_a)}, or another order"
        changed = [n for n in names_a if a.read(n) != b.read(n)]
        stamps = [n for n in names_a if a.getinfo(n).date_time != b.getinfo(n).date_time]
        return f"changed members: {changed}; members with other timestamps: {stamps}"


def assert_same_files(made: Path, committed: Path, names: list[str], remake: str) -> None:
    for name in names:
        new, old = (made / name).read_bytes(), (committed / name).read_bytes()
        assert new == old, (f"{committed.name}/{name} is not its generator's output "
                            f"({zip_difference(new, old)}); run `{remake}` and commit the result")


TEMPLATES = ["beslutsunderlag.docx", "bilaga.docx", "avrapportering.docx",
             "bilaga-avrapportering.docx", "intranat.docx", "avstamning.pptx",
             "kommunovergripande.pptx", "arbetsmaterial.pptx", "logotyp.png"]


def test_the_committed_templates_are_the_scripts_output(tmp_path):
    run_script("make_logo", tmp_path)
    run_script("make_templates", tmp_path)
    run_script("make_avrapportering", tmp_path)
    run_script("make_intranat", tmp_path)
    run_script("make_pptx_templates", tmp_path)
    assert sorted(p.name for p in (tmp_path / "templates").iterdir()) == sorted(TEMPLATES)
    assert_same_files(tmp_path / "templates", ROOT / "templates", TEMPLATES, "make templates")


def test_the_committed_example_workbooks_are_the_scripts_output(tmp_path):
    (tmp_path / "inputs").mkdir()
    run_script("make_examples", tmp_path)
    made = sorted(p.name for p in (tmp_path / "inputs").iterdir())
    assert made == sorted(p.name for p in (ROOT / "inputs").glob("*.xlsx"))
    assert_same_files(tmp_path / "inputs", ROOT / "inputs", made, "make examples")


@pytest.mark.slow  # six generator runs in fresh interpreters
def test_the_generators_give_the_same_bytes_in_two_processes(tmp_path):
    """Generators are deterministic (hash seed aside), so the tests above compare content."""
    for name, seed in (("a", "1"), ("b", "2")):
        (tmp_path / name / "inputs").mkdir(parents=True)
        for script in ("make_logo", "make_templates", "make_avrapportering", "make_intranat",
                       "make_pptx_templates", "make_examples"):
            run_script(script, tmp_path / name, seed=seed)
    made = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.*"))
    assert len(made) == 9 + 6
    for path in made:
        assert (tmp_path / "a" / path).read_bytes() == (tmp_path / "b" / path).read_bytes(), path


@pytest.mark.slow
def test_the_deck_templates_do_not_depend_on_what_was_imported_before(tmp_path):
    run_script("make_pptx_templates", tmp_path / "a")
    run_script("make_pptx_templates", tmp_path / "b", imported=("openpyxl",))
    for name in ("avstamning.pptx", "kommunovergripande.pptx", "arbetsmaterial.pptx"):
        a, b = (tmp_path / d / "templates" / name for d in ("a", "b"))
        assert a.read_bytes() == b.read_bytes(), zip_difference(a.read_bytes(), b.read_bytes())


def test_the_readme_format_section_is_current(tmp_path):
    shutil.copy(ROOT / "README.md", tmp_path / "README.md")
    run_script("update_readme", tmp_path)
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == (
        ROOT / "README.md").read_text(encoding="utf-8"), "README's format section is stale: run `make readme`"


def test_the_readme_format_section_is_what_underlag_format_prints():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = "<!-- format:start -->\n", "<!-- format:end -->"
    assert text.count(start) == text.count(end) == 1
    section = text[text.index(start) + len(start):text.index(end)]
    result = CliRunner().invoke(main, ["format"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.output == section
