"""The jobs of a build, made from the output registry: plain data that pickles, so that a worker
started by any method (fork, or spawn on Windows and macOS) can render them.

A `Job` names its output, its nämnd and its target; a `Work` holds what the renderers need
(the kommun, the nämnder, the templates folder, the meeting); `Renderers` is one process's
cache of loaded templates for one `Work`.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import model as m
from ..diagnostics import Diagnostic, TemplateError
from . import outputs as o
from .kinds import KINDS, Setting, load

if TYPE_CHECKING:
    from ..domain.inputs import Inputs


class Namnder(list):
    """The nämnder a kommun-wide output is made from, and the nämnd workbooks with errors
    (`fel`: code and file name), which the avrapportering names rather than leaving out."""

    def __init__(self, items=(), fel: tuple[tuple[str, str], ...] = ()) -> None:
        super().__init__(items)
        self.fel = fel


@dataclass(frozen=True)
class Work:
    """What a build renders from: the setting and the nämnder of each scope."""

    setting: Setting
    namnder: tuple[m.Namnd, ...]  # built without errors, in the register's order
    i_arbete: tuple[m.Namnd, ...]  # every nämnd read, errors or not
    fel: tuple[tuple[str, str], ...] = ()  # (code, file) of each nämnd workbook with errors

    def subject(self, scope: o.Scope, kod: str = "") -> object:
        """Return what an output of a scope is made from: a nämnd, or a list of nämnder."""
        if scope is o.Scope.NAMND:
            return next(n for n in self.namnder if n.kod == kod)
        return Namnder(self.i_arbete if scope is o.Scope.I_ARBETE else self.namnder, self.fel)

    def instances(self, scope: o.Scope) -> list[str]:
        """Return the nämnd code of each output of a scope ("" for the one kommun-wide)."""
        return [n.kod for n in self.namnder] if scope.per_namnd else [""]


@dataclass(frozen=True)
class Job:
    """One output to make: which, for which nämnd, where, and the key of what it is made from."""

    output: str  # its name in the registry
    kod: str  # the nämnd's code; "" for a kommun-wide output
    target: Path
    key: str

    @property
    def declared(self) -> o.Output:
        """Return the job's declaration in the registry."""
        return o.by_name(self.output)

    @property
    def template(self) -> str:
        """Return the template the job is rendered from (named in its problems)."""
        return self.declared.template

    def relative(self, out: Path) -> str:
        """Return the target's path inside the build folder, with forward slashes."""
        return self.target.relative_to(out).as_posix()


class Renderers:
    """One process's renderers for one build, each output's loaded once, when first needed."""

    def __init__(self, work: Work) -> None:
        self.work = work
        self.loaded: dict[str, object] = {}

    def get(self, name: str):
        """Return an output's renderer (raise TemplateError when its template is broken)."""
        if name not in self.loaded:
            self.loaded[name] = load(o.by_name(name), self.work.setting)
        return self.loaded[name]

    def prepare(self, jobs: list[Job]) -> None:
        """Load every renderer the jobs need, here; a template that cannot be loaded is left
        to its jobs, which report it."""
        for name in dict.fromkeys(job.output for job in jobs):
            with contextlib.suppress(TemplateError):
                self.get(name)

    @staticmethod
    def libraries(jobs: list[Job]) -> None:
        """Import the libraries the jobs' renderer kinds need, here, so that forked workers
        inherit them (each worker loads the templates of its own shares)."""
        for kind in dict.fromkeys(o.by_name(job.output).kind for job in jobs):
            KINDS[kind].libraries()

    def render(self, job: Job) -> bytes:
        """Return a job's bytes; a calendar's go on from the file at its target."""
        renderer = self.get(job.output)
        subject = self.work.subject(job.declared.scope, job.kod)
        if job.declared.kind == o.CALENDAR:  # its events' revisions: render/ical.py
            return renderer.render(subject, job.target)
        return renderer.render(subject)

    def problems(self, job: Job) -> list[Diagnostic]:
        """Return the warnings of the job's last rendering."""
        return self.get(job.output).problems()


def work_of(inputs: Inputs, templates: Path | None, meeting=None) -> Work:
    """Return what a build of these inputs renders from."""
    from ..domain.inputs import with_errors

    return Work(Setting(inputs.kommun, templates, meeting, tuple(inputs.i_arbete)),
                tuple(inputs.namnder), tuple(inputs.i_arbete), with_errors(inputs))


def make_jobs(inputs: Inputs, work: Work, out: Path, fingerprint: dict[str, str]) -> list[Job]:
    """Return every output of a build with its key, per nämnd first (in the register's order,
    each nämnd's outputs in the registry's), then the kommun-wide ones."""
    from .manifest import key

    # the fingerprint already holds the hash of every input file and template
    read = {id(r.value): fingerprint[f"inputs/{r.name}"] for r in inputs.results
            if r.kind == "namnd" and r.value is not None}
    ok = {r.value.kod: fingerprint[f"inputs/{r.name}"] for r in inputs.results
          if r.kind == "namnd" and r.ok}
    kommun_hash = next(fingerprint[f"inputs/{r.name}"] for r in inputs.results
                       if r.value is inputs.kommun)
    sources = {o.Scope.KOMMUN: [*(ok[n.kod] for n in work.namnder), *map(repr, work.fel)],
               o.Scope.I_ARBETE: [read[id(n)] for n in work.i_arbete]}
    mote = repr(work.setting.meeting)  # the decks are remade when their meeting changes

    def job(output: o.Output, kod: str = "") -> Job:
        parts = [output.kind, kommun_hash, *([ok[kod]] if kod else sources[output.scope])]
        if output.template:
            parts.append(fingerprint.get(f"mall/{output.template}", ""))
        if o.LOGO in output.depends:
            parts += [fingerprint.get(f"mall/{name}", "") for name in o.resources.LOGOS]
        if o.MEETING in output.depends:
            parts.append(mote)
        if o.NAMNDER in output.depends:  # what the others wrote about the nämnd
            parts += sources[o.Scope.I_ARBETE]
        return Job(output.name, kod, out / output.target(kod), key(*parts))

    per_namnd = [d for d in o.OUTPUTS if d.scope.per_namnd]
    jobs = [job(d, kod) for kod in work.instances(o.Scope.NAMND) for d in per_namnd
            if not lacking(d, work.subject(d.scope, kod))]
    return jobs + [job(d) for d in o.OUTPUTS if not d.scope.per_namnd]


def lacking(output: o.Output, subject: object) -> list[str]:
    """Return the sheets (attributes) a nämnd lacks that an output is not made without."""
    if not isinstance(subject, m.Namnd):
        return []
    return [attr for attr in output.requires if not getattr(subject, attr)]


def note_waiting(inputs: Inputs, work: Work, moment) -> None:
    """Say, at a nämnd's workbook, which of its documents wait for a sheet that is due by the
    moment (a date) and still empty, and when its content comes in the work: "Beslutsunderlaget
    och bilaga 1 byggs när fliken Verksamhetsidé har en rad; den formuleras under pass 3–4."
    A document waiting for a sheet not yet due is the work's normal course: nothing is said."""
    from .. import svenska
    from ..domain import faser
    from ..read import schema

    results = {r.value.kod: r for r in inputs.results if r.kind == "namnd" and r.ok}
    sheets = {sheet.attr: sheet for sheet in schema.NAMND.sheets if sheet.attr}
    for kod in work.instances(o.Scope.NAMND):
        namnd = work.subject(o.Scope.NAMND, kod)
        waiting: dict[str, list[o.Output]] = {}
        for output in o.OUTPUTS:
            for attr in lacking(output, namnd) if output.scope.per_namnd else ():
                waiting.setdefault(attr, []).append(output)
        due = faser.due(work.setting.kommun, namnd, moment)
        for attr, outputs in waiting.items():
            sheet = sheets[attr]
            if sheet not in due:
                continue
            what = svenska.lista([d.in_text for d in outputs])
            results[kod].add(f"{what[:1].upper()}{what[1:]} byggs när fliken {sheet.name} har "
                             f"en rad; den {faser.kommer(sheet, work.setting.kommun)}.",
                             sheet.name, warning=True)
