"""The console: what the commands print, in one stream that no character can stop.

Problem lines ("Fel: …", "Varning: …"), what was written and the summary go to standard output,
so that `underlag kontrollera > fel.txt` keeps every line. Standard error has what is not the
result: progress of long work, and the one-line "Fel: …" of a command that could not run.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from .diagnostics import Diagnostic

BAR_FROM = 8  # builds with at least this many jobs get a progress bar on a terminal


def never_fail() -> None:
    """Make standard output and error replace a character their encoding lacks ("★" is "?" on
    a Windows code page) instead of failing; their encoding stays as it is."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # a text stream, not a test's capture
        if reconfigure is not None:
            reconfigure(errors="replace")


def show(lines: list[tuple[str, bool]]) -> None:
    """Print problem lines, each given with whether it is an error, on standard output."""
    for text, _ in lines:
        click.echo(text)


def show_problems(problems: list[Diagnostic]) -> None:
    """Print problems as users see them: "Fel: SN.xlsx › Kunder!C7: …"."""
    show([(str(p), p.is_error) for p in problems])


def show_overview(build_dir: Path) -> None:
    """End a build with where its overview page is: "Översikt: build/index.html"."""
    from .produce.runner import OVERVIEW

    if (build_dir / OVERVIEW).is_file():
        click.echo(f"Översikt: {build_dir / OVERVIEW}")


def summary(errors: int, warnings: int) -> str:
    """Return the count of problems for a summary line: "1 fel och 2 varningar"."""
    parts = []
    if errors:
        parts.append(f"{errors} fel")
    if warnings:
        parts.append(f"{warnings} {'varning' if warnings == 1 else 'varningar'}")
    return " och ".join(parts) if parts else "inga problem"


def counts(problems: list[Diagnostic]) -> tuple[int, int]:
    """Return how many of the problems are errors and how many warnings."""
    errors = sum(p.is_error for p in problems)
    return errors, len(problems) - errors


def bar(jobs: list):
    """Return the jobs of a build, behind a progress bar on standard error for a longer build
    on a terminal."""
    if len(jobs) < BAR_FROM or not sys.stderr.isatty():
        return jobs
    return _bar(jobs)


def _bar(jobs: list):
    with click.progressbar(jobs, label="Bygger", show_pos=True, file=sys.stderr) as shown:
        yield from shown


class Progress:
    """Progress of long work on standard error, one step at a time: on a terminal one line
    drawn over itself, otherwise a line per step ("PDF 3 av 18: SN/beslutsunderlag-SN.pdf").

    Use it as a context manager and pass it on as the callback; it ends its line on leaving.
    """

    def __init__(self, label: str, base: Path) -> None:
        self.label = label
        self.base = base  # paths are shown relative to this folder
        self.drawn = 0  # the width of the line drawn on the terminal, 0 when none is open

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self._end()

    def __call__(self, done: int, total: int, path: Path) -> None:
        try:
            shown = path.relative_to(self.base)
        except ValueError:
            shown = path
        text = f"{self.label} {done} av {total}: {shown}"
        if not sys.stderr.isatty():
            click.echo(text, err=True)
            return
        text = text[:shutil.get_terminal_size().columns - 1]  # a wrapped line cannot be redrawn
        click.echo("\r" + text.ljust(self.drawn), err=True, nl=False)
        self.drawn = len(text)
        if done == total:
            self._end()

    def _end(self) -> None:
        if self.drawn:
            click.echo(err=True)
            self.drawn = 0
