"""`underlag bevaka`: a dropped file is built once it is complete; a bad file never stops it."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from pipeline.produce import produce
from pipeline.watch import guarded, wait_until_stable, watch


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
    assert lines[-1] == "Slutar bevaka."


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
