"""Bad inputs, crashes mid-write and concurrent builds: calm, precise, and nothing lost."""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from pipeline.build.lock import build_lock
from pipeline.cli import main

from .bad_files import CORPUS, READABLE
from .conftest import ROOT

SN_BASED = {"ny_version.xlsx", "formel.xlsx", *READABLE}  # copies of SN.xlsx: replace it


def run_build(inputs: Path):
    return CliRunner().invoke(main, ["bygg", "--inputs", str(inputs), "--build",
                                     str(inputs.parent / "build")])


def built_docs(inputs: Path) -> list[str]:
    return sorted(p.parent.name for p in (inputs.parent / "build").glob("*/beslutsunderlag-*.docx"))


@pytest.mark.parametrize("name", CORPUS)
def test_each_bad_file_gets_one_clear_message_and_the_rest_is_built(inputs, name):
    make, expected = CORPUS[name]
    if name in SN_BASED:
        (inputs / "SN.xlsx").unlink()
    (inputs / name).write_bytes(make())
    result = run_build(inputs)
    assert result.exit_code == 1
    about = [line for line in result.output.splitlines()
             if line.startswith(name) and not line.endswith("Byggdes inte på grund av felen ovan.")]
    assert len(about) == 1, result.output
    assert expected in about[0]
    assert "Traceback" not in result.output
    others = ["BUN", "KS", "KTN", "MBN"] if name in SN_BASED else ["BUN", "KS", "KTN", "MBN", "SN"]
    assert built_docs(inputs) == others


@pytest.mark.parametrize("name", READABLE)
def test_readable_oddities_are_built_with_a_note(inputs, name):
    make, expected = READABLE[name]
    (inputs / "SN.xlsx").unlink()
    (inputs / name).write_bytes(make())
    result = run_build(inputs)
    assert result.exit_code == 0, result.output
    assert built_docs(inputs) == ["BUN", "KS", "KTN", "MBN", "SN"]
    if expected:
        assert expected in result.output


def test_files_of_other_kinds_are_mentioned_not_skipped_silently(inputs):
    (inputs / "protokoll.pdf").write_bytes(b"%PDF-1.4")
    (inputs / "~$SN.xlsx").write_bytes(b"lock")
    result = run_build(inputs)
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == (
        "protokoll.pdf: Varning: Filen är ingen Excel-arbetsbok (.xlsx) och läses inte. Flytta "
        "den om den inte hör hemma i mappen.")


def test_a_build_with_a_bomb_stays_small(tmp_path, inputs):
    (inputs / "zipbomb.xlsx").write_bytes(CORPUS["zipbomb.xlsx"][0]())
    (inputs / "entiteter.xlsx").write_bytes(CORPUS["entiteter.xlsx"][0]())
    done = subprocess.run([sys.executable, "-m", "pipeline", "bygg", "--inputs", str(inputs),
                           "--build", str(tmp_path / "build")], capture_output=True, text=True,
                          cwd=ROOT)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert done.returncode == 1
    assert peak_kb < 1024 * 1024  # under 1 GB (kB on Linux)
    assert len(list((tmp_path / "build").glob("*/beslutsunderlag-*.docx"))) == 5


def test_codes_cannot_escape_the_build_folder(inputs):
    from openpyxl import load_workbook

    for code, file in (("../x", "SN.xlsx"), ("CON", "BUN.xlsx"), ("A" * 40, "KTN.xlsx")):
        wb = load_workbook(inputs / file)
        wb["Grunduppgifter"]["B2"] = code
        wb.save(inputs / file)
    result = run_build(inputs)
    assert result.exit_code == 1
    for file, code in (("SN.xlsx", "../x"), ("BUN.xlsx", "CON"), ("KTN.xlsx", "A" * 40)):
        assert (f'{file} › Grunduppgifter!B2: Nämndkoden "{code}" är ogiltig. Använd 1–10 '
                "bokstäver och siffror, till exempel SN.") in result.output
    build = inputs.parent / "build"
    assert sorted(p.name for p in build.iterdir() if not p.name.startswith(".")) == [
        "KS", "MBN", "kommunovergripande.pptx", "manifest.json", "tidplan.ics"]
    assert not (inputs.parent / "x").exists()


def test_codes_that_differ_only_in_case_are_one_nämnd(inputs):
    from openpyxl import load_workbook

    (inputs / "kopia.xlsx").write_bytes((inputs / "SN.xlsx").read_bytes())
    wb = load_workbook(inputs / "kopia.xlsx")
    wb["Grunduppgifter"]["B2"] = "sn"
    wb.save(inputs / "kopia.xlsx")
    result = run_build(inputs)
    assert "Det finns två arbetsböcker för nämnden SN: SN.xlsx och kopia.xlsx" in result.output


def test_a_second_build_at_the_same_time_gets_a_clear_message(inputs):
    build = inputs.parent / "build"
    with build_lock(build):
        result = run_build(inputs)
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        1, f"Fel: En annan körning av underlag bygger redan till {build}. Vänta tills den är "
           "klar och försök sedan igen.")
    assert run_build(inputs).exit_code == 0  # the lock is released


_FORKED_WORKER = """
import os, sys, time
from pathlib import Path
from pipeline.build.lock import build_lock
with build_lock(Path(sys.argv[1])):
    if os.fork() == 0:  # a rendering worker, as the pool forks them
        time.sleep(30)
        os._exit(0)
    print("locked", flush=True)
    time.sleep(30)
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forked workers only where the OS forks")
def test_a_worker_that_outlives_a_killed_build_does_not_keep_the_lock(tmp_path):
    build = tmp_path / "build"
    proc = subprocess.Popen([sys.executable, "-c", _FORKED_WORKER, str(build)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert proc.stdout.readline() == "locked\n"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        with build_lock(build):  # the orphaned worker is still running, without the lock
            pass
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # the orphaned worker too
        proc.stdout.close()
    assert (build / ".underlag.lock").exists()  # the file stays; only the lock is gone


def whole(path: Path) -> bool:
    if path.suffix == ".ics":
        return bool(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
    with zipfile.ZipFile(path) as z:
        return z.testzip() is None


def test_killing_a_build_at_any_moment_leaves_every_previous_output_whole(inputs):
    build = inputs.parent / "build"
    assert run_build(inputs).exit_code == 0
    outputs = sorted(p for p in build.rglob("*") if p.suffix in (".docx", ".pptx", ".ics"))
    assert len(outputs) == 17
    snapshot = {p.name: p.read_bytes() for p in inputs.iterdir()}
    for delay in (0.3, 0.6, 0.9, 1.2, 1.5, 1.8):
        proc = subprocess.Popen([sys.executable, "-m", "pipeline", "bygg", "--alla", "--inputs",
                                 str(inputs), "--build", str(build)], cwd=ROOT,
                                stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONHASHSEED": "0"})
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert all(whole(p) for p in outputs), delay
    assert {p.name: p.read_bytes() for p in inputs.iterdir()} == snapshot
    assert run_build(inputs).exit_code == 0
    assert not [p for p in build.rglob(".underlag-*.tmp")]  # left-overs are cleaned up
