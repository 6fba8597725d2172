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

from pipeline.cli import main
from pipeline.produce.lock import build_lock
from tests.bad_files import CORPUS, READABLE
from tests.conftest import ROOT

SN_BASED = {"ny_version.xlsx", "formel.xlsx", *READABLE}  # copies of SN.xlsx: replace it


def run_build(inputs: Path):
    return CliRunner().invoke(main, ["bygg", "--inputs", str(inputs), "--build",
                                     str(inputs.parent / "build")])


def built_docs(inputs: Path) -> list[str]:
    return sorted(p.parent.name for p in (inputs.parent / "build").glob("*/beslutsunderlag-*.docx"))


@pytest.mark.slow  # the corpus: one build per file
@pytest.mark.parametrize("name", CORPUS)
def test_each_bad_file_gets_one_clear_message_and_the_rest_is_built(inputs, name):
    make, expected = CORPUS[name]
    if name in SN_BASED:
        (inputs / "SN.xlsx").unlink()
    (inputs / name).write_bytes(make())
    result = run_build(inputs)
    assert result.exit_code == 1
    about = [line for line in result.output.splitlines()
             if line.startswith((f"Fel: {name}", f"Varning: {name}"))
             and not line.endswith("Byggdes inte på grund av felen ovan.")]
    assert len(about) == 1, result.output
    assert expected in about[0]
    assert "Traceback" not in result.output
    others = ["BUN", "KS", "KTN", "MBN"] if name in SN_BASED else ["BUN", "KS", "KTN", "MBN", "SN"]
    assert built_docs(inputs) == others


@pytest.mark.slow  # the corpus: one build per file
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
        "Varning: protokoll.pdf: Filen är ingen Excel-arbetsbok (.xlsx) och läses inte. Flytta "
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
        "KS", "MBN", "avrapportering.docx", "bilaga-avrapportering.docx", "index.html",
        "intranat.docx", "intranat.html", "kommunovergripande.pptx", "manifest.json",
        "tidplan.ics"]
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
from pipeline.produce.lock import build_lock
with build_lock(Path(sys.argv[1])):
    if os.fork() == 0:  # a rendering worker, as the pool forks them
        os.write(1, b"worker\\n")  # its at-fork handlers, filelock's among them, have run
        time.sleep(30)
        os._exit(0)
    os.write(1, b"locked\\n")  # one write each: the two lines cannot interleave
    time.sleep(30)
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forked workers only where the OS forks")
def test_a_worker_that_outlives_a_killed_build_does_not_keep_the_lock(tmp_path):
    build = tmp_path / "build"
    proc = subprocess.Popen([sys.executable, "-c", _FORKED_WORKER, str(build)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        # both lines: killed before the worker ran at all, the build would leave it the lock
        assert {proc.stdout.readline(), proc.stdout.readline()} == {"locked\n", "worker\n"}
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


def living(session: int) -> list[int]:
    """Return the processes of a session that have not ended (zombies have closed their files).

    By session, not by command line: a process on its way out has no command line left but
    may still hold its files open.
    """
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            state, _ppid, _pgrp, sid = (entry / "stat").read_text().rsplit(")", 1)[1].split()[:4]
        except (OSError, ValueError):
            continue  # ended while we looked
        if int(sid) == session and state not in ("Z", "X"):
            pids.append(int(entry.name))
    return pids


def wait_until_gone(session: int, timeout: float = 10.0) -> list[int]:
    """Wait for every process of a session to end; return those left after the timeout."""
    end = time.monotonic() + timeout
    while (left := living(session)) and time.monotonic() < end:
        time.sleep(0.01)
    return left


def start_build(inputs: Path, build: Path) -> subprocess.Popen:
    """Start `underlag bygg --alla` in a process group of its own (it and its workers)."""
    return subprocess.Popen([sys.executable, "-m", "pipeline", "bygg", "--alla", "--inputs",
                             str(inputs), "--build", str(build)], cwd=ROOT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "PYTHONHASHSEED": "0"})


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="looks for the build's processes in /proc")
def test_killing_a_build_at_any_moment_leaves_every_previous_output_whole(inputs):
    """Kill the build and the workers it forked at once, as closing its terminal does.

    Kills at fixed delays (from start-up to the last jobs), then once the moment a first
    half-written file appears, so at least one kill lands mid-write on any machine.
    """
    build = inputs.parent / "build"
    assert run_build(inputs).exit_code == 0
    outputs = sorted(p for p in build.rglob("*") if p.suffix in (".docx", ".pptx", ".ics"))
    assert len(outputs) == 40  # per nämnd 7 (memo, bilaga 1, deck, 3 arbetsmaterial, calendar), 5 shared
    snapshot = {p.name: p.read_bytes() for p in inputs.iterdir()}
    for delay in (0.3, 0.6, 0.9, 1.2, 1.5, 1.8, "mid-write"):
        proc = start_build(inputs, build)
        if delay == "mid-write":
            end = time.monotonic() + 30
            while not any(build.rglob(".underlag-*.tmp")) and proc.poll() is None \
                    and time.monotonic() < end:
                time.sleep(0.001)
        else:
            time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        assert wait_until_gone(proc.pid) == [], delay
        assert all(whole(p) for p in outputs), delay
    assert {p.name: p.read_bytes() for p in inputs.iterdir()} == snapshot
    result = run_build(inputs)
    assert result.exit_code == 0, result.output
    assert not [p for p in build.rglob(".underlag-*.tmp")]  # left-overs are cleaned up


FORKING = pytest.mark.skipif(not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2,
                             reason="workers are forked only on Linux with more than one core")


def kill_mid_render(inputs: Path, build: Path) -> subprocess.Popen:
    """Start `bygg --alla` and kill only its own process (as `kill -9 PID` does) once its
    workers are rendering: a first output has been rewritten."""
    outputs = [p for p in build.rglob("*") if p.suffix in (".docx", ".pptx", ".ics")]
    started = time.time()
    proc = start_build(inputs, build)
    end = time.monotonic() + 30
    while not any(p.stat().st_mtime > started for p in outputs) and time.monotonic() < end:
        time.sleep(0.002)
    proc.kill()
    proc.wait()
    return proc


@pytest.mark.slow
@FORKING
def test_a_rebuild_right_after_a_killed_build_is_not_refused(inputs):
    """Workers that outlive a killed build do not hold the folder's lock."""
    build = inputs.parent / "build"
    assert run_build(inputs).exit_code == 0
    proc = kill_mid_render(inputs, build)
    try:
        result = run_build(inputs)
        assert result.exit_code == 0, result.output
    finally:
        for pid in wait_until_gone(proc.pid):  # workers this test orphaned
            os.kill(pid, signal.SIGKILL)


@pytest.mark.slow
@FORKING
def test_the_workers_of_a_killed_build_die_with_it(inputs):
    build = inputs.parent / "build"
    assert run_build(inputs).exit_code == 0
    outputs = [p for p in build.rglob("*") if p.suffix in (".docx", ".pptx", ".ics")]
    proc = kill_mid_render(inputs, build)
    killed = time.time()
    try:
        assert wait_until_gone(proc.pid, timeout=0.2) == []
        time.sleep(1)
        assert [p.name for p in outputs if p.stat().st_mtime > killed] == []
    finally:
        for pid in wait_until_gone(proc.pid):  # workers this test orphaned
            os.kill(pid, signal.SIGKILL)


def test_written_files_get_the_mode_of_any_new_file(tmp_path):
    """Not mkstemp's owner-only mode: colleagues on a shared folder must be able to read."""
    import stat

    from pipeline.output import atomic_write

    umask = os.umask(0o022)
    try:
        import pipeline.output as output

        output._FILE_MODE = output._file_mode()
        atomic_write(tmp_path / "a.docx", b"x")
    finally:
        os.umask(umask)
        output._FILE_MODE = output._file_mode()
    assert stat.S_IMODE((tmp_path / "a.docx").stat().st_mode) == 0o644
