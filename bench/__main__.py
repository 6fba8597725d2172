"""Benchmark: per-document render time against floors measured in the same run, builds of the
examples, and kommuner of growing size (5, 50, 500 nämnd workbooks).

Run from the repository root: `python -m bench` (or `make bench`); `--snabb` for a short run.
Figures are wall times on this machine; compare the ratios, not the milliseconds.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "inputs"
TEMPLATES = ROOT / "templates"


def timed(fn, repeat: int) -> float:
    """Return the median time of fn in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


# The commands run as on a user's machine: Python caches bytecode (this machine image turns that
# off with PYTHONDONTWRITEBYTECODE, which would compile every module in every run)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(*args: str, env: dict | None = None) -> tuple[float, float]:
    """Return the wall time of a fresh interpreter running a command, and the CPU time of it
    and every process it started, in milliseconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *args], cwd=ROOT, check=False, capture_output=True,
                          text=True, env=env or ENV)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:  # a failing command is fast: never report its time
        sys.exit(f"bench: `python {' '.join(args)}` failed ({done.returncode}):\n{done.stderr}")
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000
    return wall, cpu


def zip_floor(path: Path) -> None:
    """Read a template's zip and write every member back deflated: the least any render does."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))


def per_document(repeat: int) -> dict[str, float]:
    from pptx import Presentation

    from pipeline.examples import KOMMUN, NAMNDER
    from pipeline.render.decks import DeckRenderer
    from pipeline.render.docx import DocxRenderer

    docx = DocxRenderer(TEMPLATES / "beslutsunderlag.docx", KOMMUN)
    decks = DeckRenderer(TEMPLATES, KOMMUN)
    sn = NAMNDER[1]
    docx.render(sn), decks.namnd_deck(sn)  # warm: templates compiled once per build
    deck_blob = (TEMPLATES / "avstamning.pptx").read_bytes()
    return {
        "docx floor (zip read + rewrite)": timed(
            lambda: zip_floor(TEMPLATES / "beslutsunderlag.docx"), repeat),
        "docx render": timed(lambda: docx.render(sn), repeat),
        "pptx floor (python-pptx open + save)": timed(
            lambda: Presentation(io.BytesIO(deck_blob)).save(io.BytesIO()), repeat),
        "pptx avstämning render": timed(lambda: decks.namnd_deck(sn), repeat),
        "pptx kommunövergripande render": timed(lambda: decks.kommun_deck(list(NAMNDER)),
                                                max(3, repeat // 4)),
    }


def alone(make):
    """Run `make` as the first document of a fresh process would: nothing kept from earlier
    renders in this process (prepared templates, compiled code) and no code cache on disk."""
    from pipeline.render import docx, environment

    docx._PREPARED.clear()
    environment._CODE.clear()
    saved = os.environ.get("UNDERLAG_CACHE")
    os.environ["UNDERLAG_CACHE"] = ""
    try:
        return make()
    finally:
        if saved is None:
            del os.environ["UNDERLAG_CACHE"]
        else:
            os.environ["UNDERLAG_CACHE"] = saved


def word_peers(repeat: int) -> None:
    """Print our Word render beside docxtemplater's on the equivalent template, same data, with
    each one's ratio to the fastest."""
    from bench import peers
    from pipeline.examples import KOMMUN, NAMNDER
    from pipeline.render.docx import DocxRenderer

    sn = NAMNDER[1]
    docx = DocxRenderer(TEMPLATES / "beslutsunderlag.docx", KOMMUN)
    ours = docx.render(sn)
    rows = {"underlag, per document of a build": timed(lambda: docx.render(sn), repeat),
            "underlag, a document alone (+ open, compile)": timed(
                lambda: alone(lambda: DocxRenderer(TEMPLATES / "beslutsunderlag.docx",
                                                   KOMMUN).render(sn)), max(3, repeat // 4))}
    same = ""
    if peers.installed():
        with tempfile.TemporaryDirectory(prefix="bench-peer-") as work:
            out = Path(work) / "peer.docx"
            data = peers.context(KOMMUN, sn, docx._style_id("Tabelltext"))
            result = peers.docxtemplater(data, repeat, out)
            theirs = peers.visible_text(out.read_bytes())
        rows[f"docxtemplater {result['version']} (Node {result['node']})"] = result["ms"]
        mine = peers.visible_text(ours)
        same = (f"same text in both: {'yes' if mine == theirs else 'NO'} "
                f"({len(mine)} paragraphs)")
    fastest = min(rows.values())
    print("  Word, the beslutsunderlag from equivalent templates and the same data:")
    for name, ms in rows.items():
        print(f"    {name:44} {ms:8.1f} ms {ms / fastest:6.2f}× the fastest")
    if same:
        print(f"    {same}; docxtemplater per document: unzip, compile, render, zip")
    print("  Decks: no peer (docxtemplater's slide loops are a paid module; python-pptx has no "
          "templates)\n")


def commands(repeat: int) -> dict[str, tuple[float, float]]:
    """Time the commands in turn, `repeat` rounds, so a change in the machine's load between
    them weighs on all alike; return the medians of wall and CPU time. A first, untimed round
    writes the bytecode and the compiled templates a user's second build finds; the cold build
    is also timed with an empty template cache (a first build on a machine)."""
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    build = str(work / "build")
    bygg = ("-m", "pipeline", "bygg", "--alla", "--build", build)
    run(*bygg)
    bare, cold, empty, nothing = [], [], [], []
    for i in range(repeat):
        bare.append(run("-c", "import docx, pptx, openpyxl, docxtpl"))
        cold.append(run(*bygg))
        empty.append(run(*bygg, env={**ENV, "UNDERLAG_CACHE": str(work / f"cache{i}")}))
        nothing.append(run("-m", "pipeline", "bygg", "--build", build))
    shutil.rmtree(work)

    def medians(samples: list[tuple[float, float]]) -> tuple[float, float]:
        return tuple(statistics.median(column) for column in zip(*samples, strict=True))

    return {"bare import docx, pptx, openpyxl, docxtpl": medians(bare),
            "cold `underlag bygg` of the examples": medians(cold),
            "  the same with an empty template cache": medians(empty),
            "rebuild with nothing changed": medians(nothing)}


def _build_kommun(folder: str) -> tuple[float, int]:
    import pipeline.produce.pool
    from pipeline.produce import produce

    pipeline.produce.pool.PARALLEL_FROM = 10**9  # the cores are used across kommuner here

    start = time.perf_counter()
    report = produce(Path(folder) / "inputs", Path(folder) / "build", None, force=True)
    assert report.exit_code == 0
    return time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def kommuner(count: int, workers: int) -> dict[str, float]:
    """Build `count` kommuner of 5 nämnder each, `workers` at a time."""
    work = Path(tempfile.mkdtemp(prefix="bench-region-"))
    folders = []
    for i in range(count):
        folder = work / f"kommun{i:03d}"
        shutil.copytree(EXAMPLES, folder / "inputs")
        folders.append(str(folder))
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(_build_kommun, folders))
    wall = time.perf_counter() - start
    shutil.rmtree(work)
    workbooks = count * 5
    return {"workbooks": workbooks, "wall s": wall, "ms per workbook": wall * 1000 / workbooks,
            "peak MB per worker": max(r[1] for r in results) / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snabb", action="store_true", help="short run: fewer repeats, no 500")
    args = parser.parse_args()
    repeat = 5 if args.snabb else 20
    print(f"underlag benchmark on {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    load = os.getloadavg()[0]
    busy = (" — other work is running: the ratios are rough, run again later"
            if load > 0.5 * (os.cpu_count() or 1) else "")
    print(f"  load average {load:.1f}{busy}\n")
    doc = per_document(repeat)
    for name, ms in doc.items():
        print(f"  {name:42} {ms:8.1f} ms")
    print(f"\n  docx render / floor {doc['docx render'] / doc['docx floor (zip read + rewrite)']:.1f}×"
          f"   pptx render / floor "
          f"{doc['pptx avstämning render'] / doc['pptx floor (python-pptx open + save)']:.1f}×\n")
    word_peers(repeat)
    cmd = commands(3 if args.snabb else 5)
    for name, (ms, cpu) in cmd.items():
        print(f"  {name:42} {ms:8.0f} ms   CPU {cpu:6.0f} ms")
    bare, bare_cpu = cmd["bare import docx, pptx, openpyxl, docxtpl"]
    cold, cold_cpu = cmd["cold `underlag bygg` of the examples"]
    empty, _ = cmd["  the same with an empty template cache"]
    nothing, _ = cmd["rebuild with nothing changed"]
    print(f"\n  cold build / bare import {cold / bare:.2f}× (CPU, all processes: "
          f"{cold_cpu / bare_cpu:.2f}×; empty template cache {empty / bare:.2f}×)   "
          f"nothing changed / bare import {nothing / bare:.2f}×\n")
    sizes = (1, 10) if args.snabb else (1, 10, 100)
    rows = [kommuner(n, os.cpu_count() or 1) for n in sizes]
    base = rows[0]["ms per workbook"]
    for row in rows:
        print(f"  {row['workbooks']:4d} workbooks: {row['wall s']:6.1f} s wall, "
              f"{row['ms per workbook']:6.0f} ms per workbook ({row['ms per workbook'] / base:.2f}× "
              f"the cost at 5), peak {row['peak MB per worker']:.0f} MB per worker")


if __name__ == "__main__":
    main()
