"""`underlag bevaka`: a dropped file is built once it is complete; a bad file never stops it;
Office's lock and temporary files are not changes; it ends quietly and in Swedish, and logs."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.diagnostics import UnderlagError
from pipeline.produce import produce
from pipeline.watch import ENDED, guarded, ignored, logged, open_files, tell_open, wait_until_stable, watch
from tests.conftest import ROOT


def wait_for(condition, seconds: float = 60.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_a_file_dropped_in_is_built_once_complete_and_a_bad_file_does_not_stop_the_watch(inputs):
    out = inputs.parent / "build"
    sn = (inputs / "SN.xlsx").read_bytes()
    (inputs / "SN.xlsx").unlink()
    lines: list[str] = []
    stop = threading.Event()

    def once(reason: str) -> None:
        report = produce(inputs, out, None)
        problems = [str(d) for d in report.inputs.diagnostics]
        lines.append(f"{reason}: {len(report.written)} skrivna; " + " | ".join(problems))

    thread = threading.Thread(target=watch, args=(guarded(once, lines.append), [inputs]),
                              kwargs={"stop": stop, "stable_seconds": 1.0, "echo": lines.append})
    thread.start()
    try:
        assert wait_for(lambda: any(line.startswith("Bevakar") for line in lines))
        with (inputs / "SN.xlsx").open("wb") as f:  # copied slowly: half now, the rest later
            f.write(sn[: len(sn) // 2])
            f.flush()
            time.sleep(0.5)
            f.write(sn[len(sn) // 2:])
        assert wait_for(lambda: (out / "SN/beslutsunderlag-SN.docx").exists())
        assert wait_for(lambda: any(line.startswith("SN.xlsx ändrades") for line in lines))
        assert not any("ofullständig" in line for line in lines), lines

        (inputs / "trasig.xlsx").write_text("inte en arbetsbok")
        assert wait_for(lambda: any("trasig.xlsx ändrades" in line for line in lines)), lines
        assert "trasig.xlsx: Filen är en textfil" in lines[-1]

        (inputs / "trasig.xlsx").unlink()  # the watch is still alive and builds again
        assert wait_for(lambda: sum("ändrades" in line for line in lines) >= 3)
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not thread.is_alive()
    assert lines[-1] == ENDED


def test_waiting_for_a_stable_file_waits_while_it_grows(tmp_path):
    path = tmp_path / "växer.xlsx"
    path.write_bytes(b"x")

    def grow() -> None:
        for _ in range(5):
            time.sleep(0.15)
            with path.open("ab") as f:
                f.write(b"x")

    writer = threading.Thread(target=grow)
    writer.start()
    start = time.monotonic()
    wait_until_stable({Path(path)}, seconds=0.4)
    writer.join()
    assert path.stat().st_size == 6  # it returned only after the last write
    assert time.monotonic() - start >= 0.75


@pytest.mark.parametrize("name", [
    "~$SN.xlsx", "~$slutsunderlag.docx",  # Excel's and Word's owner files
    ".~lock.SN.xlsx#",  # LibreOffice's
    "~WRL0001.tmp", "ppt5F2A.tmp", "SN.TMP",  # Word's, PowerPoint's, anyone's
    "8A2B3C00", "cedd4100",  # Excel saves through such a file, then renames it
    ".underlag-index.html.k2j3.tmp",  # a build's half-written file
    ".DS_Store", "SN.xlsx~", "#SN.xlsx#",
])
def test_office_lock_and_temporary_files_are_ignored(name):
    assert ignored(Path("inputs") / name)


@pytest.mark.parametrize("name", [
    "SN.xlsx", "kommun.xlsx", "BUN.xlsm", "anteckningar.txt", "beslutsunderlag.docx",
    "logotyp.png", "oversikt.html", "SN", "12345678.xlsx", "8A2B3C0",
])
def test_files_a_build_reads_are_not_ignored(name):
    assert not ignored(Path("templates") / name)


def test_a_lock_file_beside_a_file_says_it_is_open_and_in_which_program(tmp_path):
    for name in ("SN.xlsx", "~$SN.xlsx", "BUN.xlsx", ".~lock.BUN.xlsx#", "beslutsunderlag.docx",
                 "~$slutsunderlag.docx", "~$borta.xlsx", ".~lock.borta.xlsx#", "KS.xlsx"):
        (tmp_path / name).write_bytes(b"x")
    assert open_files(tmp_path) == {"SN.xlsx": "Excel", "BUN.xlsx": "LibreOffice",
                                    "beslutsunderlag.docx": "Word"}


def test_an_open_workbook_is_said_once_and_again_after_it_was_closed(tmp_path):
    (tmp_path / "SN.xlsx").write_bytes(b"x")
    lock = tmp_path / "~$SN.xlsx"
    lock.write_bytes(b"x")
    said: list[str] = []
    told = tell_open([tmp_path], set(), said.append)
    told = tell_open([tmp_path], told, said.append)  # still open: not said again
    assert [line.split(" ", 1)[1] for line in said] == [
        "SN.xlsx är öppen i Excel; underlag läser den som den senast sparades."]
    lock.unlink()
    told = tell_open([tmp_path], told, said.append)
    lock.write_bytes(b"x")
    tell_open([tmp_path], told, said.append)
    assert len(said) == 2


class Watched:
    """A watch on folders in a thread, with a build that records why it ran and what it saw."""

    def __init__(self, folders: list[Path], seen: Path | None = None) -> None:
        self.lines: list[str] = []
        self.builds: list[tuple[str, int | None]] = []
        self.seen = seen
        self.stop = threading.Event()
        self.thread = threading.Thread(target=watch, args=(self.build, folders), kwargs={
            "stop": self.stop, "stable_seconds": 0.5, "echo": self.lines.append})

    def build(self, reason: str) -> None:
        size = self.seen.stat().st_size if self.seen and self.seen.exists() else None
        self.builds.append((reason, size))

    def __enter__(self) -> Watched:
        self.thread.start()
        assert wait_for(lambda: any(line.startswith("Bevakar") for line in self.lines))
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join(timeout=30)
        assert not self.thread.is_alive()


@pytest.mark.slow
def test_office_temporaries_and_lock_files_start_no_build_and_an_excel_save_starts_one(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "SN.xlsx").write_bytes(b"first")
    with Watched([inputs]) as watched:
        (inputs / "~$SN.xlsx").write_bytes(b"owner")  # Excel opens the workbook
        assert wait_for(lambda: any("öppen i Excel" in line for line in watched.lines))
        for name in ("~WRL0001.tmp", ".~lock.SN.xlsx#", ".underlag-x.tmp"):
            (inputs / name).write_bytes(b"x")
            (inputs / name).unlink()
        # Excel saves: a new file under a random name, the old one moved away, the new renamed
        (inputs / "8A2B3C00").write_bytes(b"saved by Excel")
        (inputs / "SN.xlsx").rename(inputs / "1F2E3D4C")
        (inputs / "8A2B3C00").rename(inputs / "SN.xlsx")
        (inputs / "1F2E3D4C").unlink()
        assert wait_for(lambda: len(watched.builds) == 2)
        time.sleep(1.5)
        (inputs / "~$SN.xlsx").unlink()  # Excel closes it
        time.sleep(1.5)
    assert [reason for reason, _ in watched.builds] == ["första bygget", "SN.xlsx ändrades"]
    assert sum("öppen i Excel" in line for line in watched.lines) == 1
    assert watched.lines[-1] == ENDED


@pytest.mark.slow
def test_a_file_copied_in_steps_is_built_once_after_the_last_step(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    copied = inputs / "SN.xlsx"
    with Watched([inputs], seen=copied) as watched:
        with copied.open("wb") as f:  # a slow copy: each pause shorter than the 0.5 s asked for
            for _ in range(6):
                f.write(b"x" * 1000)
                f.flush()
                time.sleep(0.3)
        assert wait_for(lambda: len(watched.builds) == 2)
        time.sleep(1.5)
    assert watched.builds == [("första bygget", None), ("SN.xlsx ändrades", 6000)]


def test_the_log_file_gets_every_line_with_date_and_time(tmp_path, capsys):
    log = tmp_path / "logg" / "bevaka.log"
    with logged(log):
        print("14.03.27 SN.xlsx ändrades: 1 beslutsunderlag byggda, inga problem.")
        print("Fel: SN.xlsx › Kunder!C7: Ange kundens namn.", file=sys.stderr)
        print("Bevakningen avslutad.", end="")
    with logged(log):
        print("igen")
    captured = capsys.readouterr()
    assert captured.out.startswith("14.03.27 SN.xlsx ändrades")  # the console as always
    assert "Fel: SN.xlsx › Kunder!C7" in captured.err
    lines = log.read_text(encoding="utf-8").splitlines()
    stamp = r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} "
    assert all(re.match(stamp, line) for line in lines), lines
    assert [re.sub(stamp, "", line) for line in lines] == [
        "SN.xlsx ändrades: 1 beslutsunderlag byggda, inga problem.",
        "Fel: SN.xlsx › Kunder!C7: Ange kundens namn.", "Bevakningen avslutad.", "igen"]


def test_a_log_file_that_cannot_be_written_is_said_before_anything_is_watched(tmp_path):
    with pytest.raises(UnderlagError, match="Loggfilen .* kan inte skrivas"), logged(tmp_path):
        pass  # a folder: no file can be opened there


def _bevaka(tmp_path: Path) -> tuple[subprocess.Popen, Path]:
    (tmp_path / "inputs").mkdir()
    log = tmp_path / "bevaka.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "bevaka", "--inputs", "inputs", "--build", "build",
         "--templates", "templates", "--logg", str(log)],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # as in a terminal
    assert wait_for(lambda: log.is_file() and "Bevakar" in log.read_text(encoding="utf-8")), (
        process.poll(), log.read_text(encoding="utf-8") if log.is_file() else "")
    return process, log


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="a signal to a process: POSIX")
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "systemctl-stop"])
def test_ctrl_c_or_a_stopped_service_ends_the_watch_quietly_in_swedish(tmp_path, stop):
    process, log = _bevaka(tmp_path)
    process.send_signal(stop)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, (out, err)
    assert out.splitlines()[-1] == "Bevakningen avslutad."
    assert err == ""  # no "KeyboardInterrupt caught, stopping watch", no traceback
    logged_lines = log.read_text(encoding="utf-8").splitlines()
    assert logged_lines[-1].endswith(" Bevakningen avslutad.")
    assert any(line.endswith("Kommunarbetsboken saknas (den med flikarna Kommun, Milstolpar "
                             "och Nämnder). Lägg den i mappen; en ny skapas med underlag ny.")
               for line in logged_lines), logged_lines


def _page(out: Path) -> str:
    return (out / "index.html").read_text(encoding="utf-8")


def test_the_page_bevaka_writes_offers_to_reload_itself_and_bygg_pages_do_not(tmp_path):
    (tmp_path / "inputs").mkdir()
    produce(tmp_path / "inputs", tmp_path / "bygg", None)
    produce(tmp_path / "inputs", tmp_path / "bevaka", None, watching=True)
    plain, watched = _page(tmp_path / "bygg"), _page(tmp_path / "bevaka")
    assert "<script" not in plain
    assert "?auto" not in plain
    assert "underlag bevaka" not in plain
    assert '<a href="?auto" id="uppdatera">Uppdatera sidan automatiskt</a>' in watched
    assert "Sluta uppdatera automatiskt" in watched and watched.count("<script>") == 1
    assert "http-equiv" not in watched  # never a reload the reader did not ask for


@pytest.mark.slow
def test_switching_between_bygg_and_bevaka_rewrites_only_the_page(inputs):
    out = inputs.parent / "build"
    produce(inputs, out, None)
    assert "<script" not in _page(out)
    watched = produce(inputs, out, None, watching=True)
    assert watched.written == [] and not watched.nothing_changed  # the page, not the documents
    assert "Uppdatera sidan automatiskt" in _page(out)
    assert produce(inputs, out, None, watching=True).nothing_changed
    assert produce(inputs, out, None).written == []
    assert "<script" not in _page(out)


def test_bevaka_without_the_workbooks_folder_says_so_and_exits_1(runner, tmp_path):
    result = runner.invoke(main, ["bevaka", "--inputs", str(tmp_path / "saknas")])
    assert (result.exit_code, result.output) == (
        1, f"Fel: Mappen {tmp_path / 'saknas'} finns inte, så det finns inget att bevaka. Ange "
           "mappen med arbetsböckerna med --inputs.\n")
