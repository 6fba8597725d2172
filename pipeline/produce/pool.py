"""Rendering and writing jobs, on every core where the operating system lets us fork."""

from __future__ import annotations

import contextlib
import os
import sys
import threading

from ..diagnostics import Diagnostic, TemplateError
from ..output import atomic_write
from .jobs import Job

PARALLEL_FROM = 6  # jobs; below this a second process costs more than it saves
_PENDING: list = []  # the jobs a forked worker renders (inherited, never pickled)


def _render_job(index: int) -> tuple[int, list[Diagnostic]]:
    return index, make(_PENDING[index])


def make(job: Job) -> list[Diagnostic]:
    """Render and write one output; return the problems its template caused (errors: not
    written, the previous file is left as it was)."""
    try:
        data = job.make()
    except TemplateError as exc:
        return [Diagnostic(job.template, exc.message)]
    atomic_write(job.target, data)
    return job.problems() if job.problems else []


def run(pending: list, progress=None):
    """Render and write the jobs, on every core where the operating system can fork us;
    yield each job with its problems, in the usual order.

    Forked workers inherit the loaded modules, inputs and renderers, so they start at once.
    Forking is used only on Linux and only when this process runs no other threads.
    """
    global _PENDING
    cores = os.cpu_count() or 1
    parallel = (len(pending) >= PARALLEL_FROM and cores > 1 and sys.platform.startswith("linux")
                and threading.active_count() == 1 and not _in_worker())
    if not parallel:
        for job in (progress(pending) if progress else pending):
            yield job, make(job)
        return
    import multiprocessing

    prepare(pending)
    # the longest first (decks, then documents, then calendars), so no core waits at the end
    _PENDING = sorted(pending, key=lambda j: {".pptx": 0, ".docx": 1}.get(j.target.suffix, 2))
    try:
        with multiprocessing.get_context("fork").Pool(min(cores, len(pending)),
                                                       initializer=_die_with_parent,
                                                       initargs=(os.getpid(),)) as pool:
            done = _Counted(pool.imap(_render_job, range(len(_PENDING))), len(_PENDING))
            results = {_PENDING[i].target: problems
                       for i, problems in (progress(done) if progress else done)}
        yield from ((job, results[job.target]) for job in pending)  # in the usual order
    finally:
        _PENDING = []


def prepare(pending: list) -> None:
    """Load the libraries and templates the jobs need once, here, so that every forked worker
    inherits them instead of loading them again. A template that cannot be loaded is left to
    its jobs, which report it."""
    for job in pending:
        if job.prepare:
            with contextlib.suppress(TemplateError):
                job.prepare()


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
