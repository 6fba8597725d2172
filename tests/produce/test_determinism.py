"""Same inputs, same bytes: across two fresh interpreters, not only within one process."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # two cold builds in fresh interpreters per test


def bygg(inputs: Path, build: Path, seed: str) -> None:
    """Build in a fresh interpreter with its own hash seed (set and dict order of str differ)."""
    result = subprocess.run([sys.executable, "-m", "pipeline", "bygg", "--inputs", str(inputs),
                             "--build", str(build)], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "PYTHONHASHSEED": seed})
    assert result.returncode == 0, result.stdout + result.stderr


def files(folder: Path) -> list[Path]:
    return sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())


# the overview page says when it was built, to the minute: two builds may straddle one
_BUILT = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d|kl\. \d{1,2}\.\d\d")


def _content(path: Path) -> bytes:
    data = path.read_bytes()
    return _BUILT.sub(b"", data) if path.name == "index.html" else data


def differing(a: Path, b: Path, names: list[Path]) -> list[str]:
    return [str(f) for f in names if _content(a / f) != _content(b / f)]


def test_two_processes_with_different_hash_seeds_write_the_same_bytes(inputs, tmp_path):
    bygg(inputs, tmp_path / "a", "1")
    bygg(inputs, tmp_path / "b", "4242")
    made = files(tmp_path / "a")
    assert made == files(tmp_path / "b")
    documents = [f for f in made if f.suffix in (".docx", ".pptx", ".ics")]
    assert len(documents) == 40  # 5 × (memo, bilaga 1, deck, 3 arbetsmaterial, calendar), 5 shared
    assert Path("manifest.json") in made  # the manifest too: it names no folder and no time
    assert differing(tmp_path / "a", tmp_path / "b", made) == []


def test_where_the_inputs_and_the_build_folder_are_changes_no_byte(inputs, tmp_path):
    """Folder names are in no document and not in the manifest."""
    elsewhere = tmp_path / "annan plats" / "indata"
    shutil.copytree(inputs, elsewhere)
    bygg(inputs, tmp_path / "a", "0")
    bygg(elsewhere, tmp_path / "annan plats" / "utdata", "0")
    made = files(tmp_path / "a")
    assert made == files(tmp_path / "annan plats" / "utdata")
    assert differing(tmp_path / "a", tmp_path / "annan plats" / "utdata", made) == []
