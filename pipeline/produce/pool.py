"""Rendering and writing jobs, on every core: forked workers on Linux, spawned ones elsewhere."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from ..diagnostics import Diagnostic, TemplateError
from ..output import atomic_write
from .jobs import Job, Renderers

PARALLEL_FROM = 6  # jobs; below this a second process costs more than it saves
SPAWN_FROM = 40  # jobs; a spawned worker loads everything again before its first job
_RENDERERS: Renderers | None = None  # a worker's renderers (inherited when forked)


def make(job: Job, renderers: Renderers) -> list[Diagnostic]:
    """Render and write one output; return the problems its template caused (errors: not
    written, the previous file is left as it was)."""
    try:
        data = renderers.render(job)
    except TemplateError as exc:
        return [Diagnostic(job.template, exc.message)]
    atomic_write(job.target, data)
    return renderers.problems(job)


def _make_in_worker(job: Job) -> tuple[Path, list[Diagnostic]]:
    return job.target, make(job, _RENDERERS)


def start_method() -> str:
    """Return how this platform starts worker processes: fork on Linux, spawn elsewhere."""
    import multiprocessing

    return multiprocessing.get_start_method()


def run(pending: list[Job], renderers: Renderers, progress=None, method: str | None = None):
    """Render and write the jobs, on every core; yield each job with its problems, in the usual
    order.

    Forked workers (Linux) inherit the loaded modules and renderers and start at once; they are
    used only when this process runs no other threads, and forked once this process has made
    the first job of each output, so that what a first render compiles and measures is done
    once, not once per worker. Spawned workers (Windows, macOS, or
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

    warm: list[Job] = []
    if method == "fork":  # the first job of each output here: the workers inherit it warm
        renderers.prepare(pending)
        warm = list({job.output: job for job in reversed(pending)}.values())[::-1]
        _RENDERERS = renderers
    # the longest first (decks, then documents, then calendars), so no core waits at the end
    rest = sorted((j for j in pending if j not in warm),
                  key=lambda j: {".pptx": 0, ".docx": 1}.get(j.target.suffix, 2))

    def made():
        for job in warm:  # templates compiled, measures and packages cached, before the fork
            yield job.target, make(job, renderers)
        if rest:
            with multiprocessing.get_context(method).Pool(
                    min(cores, len(rest)), initializer=_start_worker,
                    initargs=(os.getpid(), None if method == "fork" else renderers.work)) as pool:
                yield from pool.imap(_make_in_worker, rest)

    try:
        done = _Counted(made(), len(pending))
        results = dict(progress(done) if progress else done)
        yield from ((job, results[job.target]) for job in pending)  # in the usual order
    finally:
        _RENDERERS = None


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
