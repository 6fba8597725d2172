"""Rendering and writing jobs, on every core: forked workers on Linux, spawned ones elsewhere."""

from __future__ import annotations

import math
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic, TemplateError
from ..output import NotReplaced, atomic_write
from .jobs import Job, Renderers

PARALLEL_FROM = 6  # jobs; below this a second process costs more than it saves
SPAWN_FROM = 40  # jobs; a spawned worker loads everything again before its first job
_RENDERERS: Renderers | None = None  # a worker's renderers (inherited when forked)


@dataclass(frozen=True, slots=True)
class Held(Diagnostic):
    """The problem of an output that could not be replaced: open in another program, or
    read-only; the previous file is left as it was."""

    @classmethod
    def of(cls, exc: NotReplaced) -> Held:
        """Return the problem of a file that could not be replaced, located at the file."""
        return cls(str(exc.path), f"Filen {exc.what()}")


def make(job: Job, renderers: Renderers) -> list[Diagnostic]:
    """Render and write one output; return the problems its template caused, or that it was
    held (errors: not written, the previous file is left as it was)."""
    try:
        data = renderers.render(job)
    except TemplateError as exc:
        return [Diagnostic(job.template, exc.message)]
    try:
        atomic_write(job.target, data)
    except NotReplaced as exc:
        return [Held.of(exc)]
    return renderers.problems(job)


READ_IN_PARALLEL_FROM = 3  # workbooks; forking costs about as much as reading one


def each(fn, items: list) -> list:
    """Return fn of each item, in order: on every core where this process can fork (reading
    workbooks: a pure function of a file), else one at a time here."""
    cores = os.cpu_count() or 1
    if (len(items) < READ_IN_PARALLEL_FROM or cores < 2 or start_method() != "fork"
            or threading.active_count() != 1 or _in_worker()):
        return list(map(fn, items))
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(
            min(cores, len(items)), initializer=_die_with_parent, initargs=(os.getpid(),)) as pool:
        return pool.map(fn, items)


def start_method() -> str:
    """Return how this platform starts worker processes: fork on Linux, spawn elsewhere."""
    import multiprocessing

    return multiprocessing.get_start_method()


def run(pending: list[Job], renderers: Renderers, progress=None, method: str | None = None):
    """Render and write the jobs, on every core; yield each job with its problems, in the usual
    order.

    Forked workers (Linux) inherit the loaded modules and renderers and start at once; they are
    used only when this process runs no other threads. The jobs of one output go to one worker
    (`shares`), so what a first render compiles and measures is done once, not once per worker.
    Spawned workers (Windows, macOS, or
    `method="spawn"`) get the build's `Work` and load what they need themselves, so they pay
    off only for larger builds.
    """
    global _RENDERERS
    cores = os.cpu_count() or 1
    method = method or start_method()
    least = PARALLEL_FROM if method == "fork" else SPAWN_FROM
    parallel = (len(pending) >= least and cores > 1 and not _in_worker()
                and (method != "fork" or threading.active_count() == 1))
    if not parallel:
        for job in (progress(pending) if progress else pending):
            yield job, make(job, renderers)
        return
    import multiprocessing

    if method == "fork":
        renderers.libraries(pending)  # the workers inherit them; each loads its own templates
        _RENDERERS = renderers
    ordered = shares(pending, cores)

    def made():
        with multiprocessing.get_context(method).Pool(
                min(cores, len(ordered)), initializer=_start_worker,
                initargs=(os.getpid(), None if method == "fork" else renderers.work)) as pool:
            for results in pool.imap_unordered(_make_share_in_worker, ordered):
                yield from results

    try:
        done = _Counted(made(), len(pending))
        results = dict(progress(done) if progress else done)
        yield from ((job, results[job.target]) for job in pending)  # in the usual order
    finally:
        _RENDERERS = None


# What a job costs, roughly: the first of an output (its template compiled, its text measured)
# and each one after it, by kind of document
_FIRST = {".pptx": 4.0, ".docx": 2.0, ".ics": 0.5}
_NEXT = {".pptx": 1.0, ".docx": 0.25, ".ics": 0.1}


def _cost(jobs: list[Job]) -> float:
    suffix = jobs[0].target.suffix
    return _FIRST.get(suffix, 1.0) + _NEXT.get(suffix, 0.25) * (len(jobs) - 1)


def shares(pending: list[Job], cores: int) -> list[list[Job]]:
    """Return the jobs in shares for the workers, the costliest first: the jobs of one output
    together, so that its template is compiled and its texts measured in one worker only, but
    an output worth more than a core's part of the build split into as many shares as it is
    worth (a kommun of many nämnder has as many decks)."""
    groups: dict[str, list[Job]] = {}
    for job in pending:
        groups.setdefault(job.output, []).append(job)
    part = sum(_cost(g) for g in groups.values()) / max(cores, 1)
    found = []
    for group in groups.values():
        pieces = min(cores, len(group), max(1, math.ceil(_cost(group) / part)))
        size = math.ceil(len(group) / pieces)
        found += [group[i:i + size] for i in range(0, len(group), size)]
    return sorted(found, key=_cost, reverse=True)


def _make_share_in_worker(jobs: list[Job]) -> list[tuple[Path, list[Diagnostic]]]:
    return [(job.target, make(job, _RENDERERS)) for job in jobs]


def _start_worker(parent: int, work) -> None:
    """Set up a worker: it dies with its build, and a spawned one makes its own renderers."""
    global _RENDERERS
    _die_with_parent(parent)
    if work is not None:
        _RENDERERS = Renderers(work)


def _die_with_parent(parent: int) -> None:
    """End this worker when the build that forked it dies, even by SIGKILL: a worker must not
    write outputs after its build has gone (Linux's parent-death signal)."""
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux's C library: the pipe's end stops us later
        return
    if os.getppid() != parent:  # the build died before the signal was set
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _in_worker() -> bool:
    """Return True inside a worker process (daemonic workers may not start their own)."""
    import multiprocessing

    return multiprocessing.current_process().daemon


class _Counted:
    """An iterator that knows its length, for a progress bar over results as they arrive."""

    def __init__(self, items, length: int) -> None:
        self.items, self.length = items, length

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return self.length
