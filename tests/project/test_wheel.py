"""The install a kommun's IT hands out: the wheel the project builds, installed into a clean
virtual environment with no checkout on the path, runs the whole Arbetsgång from its own
packaged templates (README: "Installera på Windows")."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list, cwd: Path, env: dict, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict]:
    """Return the `underlag` command of a fresh environment holding only the built wheel and
    its dependencies, and the environment to run it in."""
    root = tmp_path_factory.mktemp("hjul")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w",
                  root / "dist", ROOT], root, env)
    assert built.returncode == 0, built.stderr
    (wheel,) = (root / "dist").glob("underlag-*.whl")
    with zipfile.ZipFile(wheel) as z:  # the templates travel inside the package
        names = set(z.namelist())
    assert {"pipeline/templates/beslutsunderlag.docx", "pipeline/templates/avstamning.pptx",
            "pipeline/templates/oversikt.html"} <= names
    venv.create(root / "env", with_pip=True)
    scripts = root / "env" / ("Scripts" if os.name == "nt" else "bin")
    python = scripts / ("python.exe" if os.name == "nt" else "python")
    install = _run([python, "-m", "pip", "install", "--quiet", wheel], root, env, timeout=900)
    assert install.returncode == 0, install.stderr
    return scripts / ("underlag.exe" if os.name == "nt" else "underlag"), env


@pytest.mark.slow
def test_the_wheel_runs_the_whole_arbetsgang_from_a_clean_environment(installed, tmp_path):
    underlag, env = installed
    python = underlag.with_name(underlag.name.replace("underlag", "python"))
    where = _run([python, "-c", "import pipeline; print(pipeline.__file__)"], tmp_path, env)
    assert ROOT not in Path(where.stdout.strip()).parents  # not the checkout

    # a new kommun: a blank folder, a nämnd's workbook, a check that says what to fill in
    assert _run([underlag, "ny", "arbete"], tmp_path, env).returncode == 0
    work = tmp_path / "arbete"
    made = _run([underlag, "arbetsbok", "SN", "-o", "inputs/SN.xlsx"], work, env)
    assert made.returncode == 0, made.stdout + made.stderr
    checked = _run([underlag, "kontrollera"], work, env)
    assert checked.returncode == 1  # the kommun's name and uppdrag are still to be written
    assert "Skriv kommunens namn." in checked.stdout + checked.stderr
    assert "Traceback" not in checked.stdout + checked.stderr

    # the example: checked and built from the wheel's own templates
    assert _run([underlag, "ny", "prov", "--exempel"], tmp_path, env).returncode == 0
    prov = tmp_path / "prov"
    checked = _run([underlag, "kontrollera"], prov, env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = _run([underlag, "bygg"], prov, env)
    assert built.returncode == 0, built.stdout + built.stderr
    for name in ("SN/beslutsunderlag-SN.docx", "SN/avstamning-SN.pptx", "avrapportering.docx",
                 "kommunovergripande.pptx", "tidplan.ics", "index.html"):
        assert (prov / "build" / name).is_file(), name
    assert _run([underlag, "--version"], tmp_path, env).stdout.startswith("underlag ")
