"""The one build function: fingerprint, manifest, stale temporaries, jobs, and the answer that
nothing changed — everything an incremental build is, behind one call."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic, Severity, UnderlagError
from ..output import TEMP_PREFIX, NotReplaced, atomic_write
from . import manifest, outputs

if TYPE_CHECKING:
    from ..domain.inputs import Inputs
    from ..render.overview import Andringar

NOT_BUILT = "Fel: {name}: Byggdes inte på grund av felen ovan."
_NOT_BUILT = NOT_BUILT.partition("{name}")[2]
OVERVIEW = "index.html"  # the build's overview page, from templates/oversikt.html


@dataclass
class BuildReport:
    """What a build wrote and what it found; when nothing changed, the last build's problems."""

    inputs: Inputs | None = None
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)  # up to date: not rendered again
    skipped: list[str] = field(default_factory=list)  # files whose nämnd was not built
    rendering: list[Diagnostic] = field(default_factory=list)  # template problems, once each
    replayed: list[tuple[str, bool]] | None = None  # nothing changed: the last build's lines
    replayed_exit_code: int = 0
    overview: Path | None = None  # build/index.html, written by every build that reads inputs
    outputs: dict[Path, str] = field(default_factory=dict)  # each job's target: its output
    failed: list[Path] = field(default_factory=list)  # targets not written: kept back by a
    #                                                    template error, or held
    held: list[Path] = field(default_factory=list)  # files open elsewhere: the old ones kept
    writing: list[Diagnostic] = field(default_factory=list)  # which were held, what to do

    @property
    def nothing_changed(self) -> bool:
        """Return True when the build rendered nothing because nothing had changed."""
        return self.replayed is not None

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Return every problem: the inputs', the templates' found while rendering, then the
        files that could not be replaced."""
        return (self.inputs.diagnostics if self.inputs else []) + self.rendering + self.writing

    def lines(self) -> list[tuple[str, bool]]:
        """Return what to tell the user, each line with whether it is an error: the problems,
        the files not built for them, then the files that could not be replaced."""
        if self.replayed is not None:
            return list(self.replayed)
        found = (self.inputs.diagnostics if self.inputs else []) + self.rendering
        return ([(str(d), d.is_error) for d in found]
                + [(NOT_BUILT.format(name=name), True) for name in self.skipped]
                + [(str(d), d.is_error) for d in self.writing])

    def counts(self) -> tuple[int, int]:
        """Return how many errors and warnings were found (not counting unbuilt files)."""
        lines = [(text, error) for text, error in self.lines() if not text.endswith(_NOT_BUILT)]
        errors = sum(error for _, error in lines)
        return errors, len(lines) - errors

    @property
    def exit_code(self) -> int:
        """Return 0 when everything was built, 1 when some input or template has problems."""
        if self.replayed is not None:
            return self.replayed_exit_code
        return 1 if any(d.is_error for d in self.diagnostics) else 0


def produce(inputs_dir: Path, out: Path, templates: Path | None, *, pdf: bool = False,
          force: bool = False, progress=None, pdf_progress=None, today: dt.date | None = None,
          mote: dt.date | None = None, watching: bool = False) -> BuildReport:
    """Build every nämnd that has no errors, and the combined documents; report the others.

    Only outputs whose inputs, templates or tool version changed are rendered, unless `force`.
    When nothing changed, the answer comes from the manifest, before any workbook is opened
    or any Office library imported; half-written files of a killed build are removed either way.
    Every build that reads the inputs writes the overview page, build/index.html, even when
    nothing else can be built. The build's date (`today`) is part of the fingerprint: the page
    shows the next milestone, and a passed milestone is archived, once a day at least.
    The decks are made for the meeting `mote` (a joint milestone's date), by default the next
    joint milestone from `today` (render/meeting.py); a date that is no milestone is refused.
    `progress` wraps the rendering jobs (a progress bar); `pdf_progress` is told of each PDF made.
    `watching`: `underlag bevaka` builds, and the page offers to reload itself while it runs.
    """
    if pdf:
        from .pdf import INSTALL, soffice

        if soffice() is None:
            raise UnderlagError(INSTALL)
    today = today or dt.date.today()
    fingerprint = {**manifest.fingerprint(inputs_dir, templates, pdf), "datum": today.isoformat()}
    if mote is not None:
        fingerprint["mote"] = mote.isoformat()
    if watching:  # the page differs: switching between bygg and bevaka writes it again
        fingerprint["sida"] = "bevaka"
    previous = manifest.Manifest.load(out)
    if not force and previous.unchanged(fingerprint) and (out / OVERVIEW).is_file():
        if stale_temporaries(out):  # a killed build's: removed under the lock
            from .lock import build_lock

            with build_lock(out):
                remove_stale_temporaries(out)
        return BuildReport(unchanged=[out / name for name in previous.outputs],
                           replayed=previous.lines, replayed_exit_code=previous.exit_code)
    from ..domain.inputs import load  # reads workbooks: openpyxl from here on
    from .pool import each

    # the workbooks read on every core, and checked as of the chosen meeting, else today
    inputs = load(inputs_dir, each, mote or today)
    meeting = None
    if inputs.kommun is not None:
        from ..render.meeting import mote as choose_meeting

        meeting = choose_meeting(inputs.kommun, today, mote)  # before anything is written
    report = BuildReport(inputs)
    report.skipped = [r.name for r in inputs.results if r.kind == "namnd" and not r.ok]
    from .lock import build_lock

    with build_lock(out):
        remove_stale_temporaries(out)
        record = None
        if inputs.kommun is not None and inputs.namnder:
            record = _render(report, out, templates, fingerprint, pdf=pdf, force=force,
                             progress=progress, pdf_progress=pdf_progress, meeting=meeting,
                             moment=mote or today)
        write_overview(report, inputs_dir, out, templates, today, watching=watching)
        if record is not None:
            if report.held:  # tried again by the next build, even when nothing else changed
                record.fingerprint = {}
            record.lines = report.lines()
            record.exit_code = report.exit_code
            try:
                record.save()
            except NotReplaced as exc:
                _held(report, exc)
    return report


def _held(report: BuildReport, exc: NotReplaced) -> None:
    """Add a file that could not be replaced to the report, with what to do."""
    from .pool import Held

    report.held.append(exc.path)
    report.writing.append(Held.of(exc))


def _render(report: BuildReport, out: Path, templates: Path | None, fingerprint: dict, *,
            pdf: bool, force: bool, progress, pdf_progress=None, meeting=None,
            moment: dt.date | None = None) -> manifest.Manifest:
    """Render what changed, add what happened to the report, and return the manifest to save."""
    from .jobs import Renderers, make_jobs, note_waiting, work_of
    from .pool import Held, run

    inputs = report.inputs
    previous = manifest.Manifest(out) if force else manifest.Manifest.load(out)
    work = work_of(inputs, templates, meeting)
    note_waiting(inputs, work, moment)
    jobs = make_jobs(inputs, work, out, fingerprint)
    report.outputs = {j.target: j.output for j in jobs}
    pending = [j for j in jobs if not previous.current(j.relative(out), j.key)]
    report.unchanged = [j.target for j in jobs if j not in pending]
    for job, problems in run(pending, Renderers(work), progress):
        if any(p.is_error for p in problems):
            report.failed.append(job.target)
        else:
            report.written.append(job.target)
        held = [p for p in problems if isinstance(p, Held)]
        if held:
            report.held.append(job.target)
            report.writing += held
        report.rendering += [p for p in problems if p not in report.rendering and p not in held]
    if pdf:
        from .pdf import convert_all

        documents = [j.target for j in jobs if j.declared.pdf and (
            j in pending or not j.target.with_suffix(".pdf").is_file())
            and j.target not in report.failed]
        held_pdfs: list[NotReplaced] = []
        report.written += convert_all(documents, progress=pdf_progress, held=held_pdfs)
        for exc in held_pdfs:
            _held(report, exc)
    record = manifest.Manifest(out, fingerprint)
    # what was not written, or whose PDF was held, is not up to date: the next build makes it
    record.outputs = {j.relative(out): j.key for j in jobs if j.target not in report.failed
                      and j.target.with_suffix(".pdf") not in report.held}
    return record


def write_overview(report: BuildReport, inputs_dir: Path, out: Path, templates: Path | None,
                   today: dt.date, *, watching: bool = False) -> None:
    """Write build/index.html atomically: every nämnd's state, documents and problems."""
    from ..render.overview import overview_context, render

    inputs = report.inputs
    codes = [r.value.kod for r in inputs.results if r.kind == "namnd" and r.value is not None]
    register = next((r.value for r in inputs.results if r.kind == "kommun" and r.value), None)
    codes += [ref.kod for ref in register.namnder] if register is not None else []
    documents = {kod: candidates(out, kod) for kod in dict.fromkeys(codes)}
    now = dt.datetime.now().replace(second=0, microsecond=0)
    if now.date() != today:
        now = dt.datetime.combine(today, now.time())
    context = overview_context(
        inputs, documents=documents, combined=candidates(out), out=out, now=now, today=today,
        built={n.kod for n in inputs.namnder}, rendering=report.rendering,
        andringar=_changes(report, inputs_dir, today), held=set(report.held),
        writing=report.writing, bevakas=watching)
    page, problems = render(context, templates)
    report.rendering += [p for p in problems if p not in report.rendering]
    try:
        atomic_write(out / OVERVIEW, page)
    except NotReplaced as exc:  # open in a program that locks it: said, and the build goes on
        _held(report, exc)
        return
    report.overview = out / OVERVIEW


def candidates(out: Path, kod: str = "") -> list[tuple[str, Path]]:
    """Return the files a nämnd's outputs (or, without a code, the kommun-wide ones) may have
    written, with their link texts; the page links those that exist."""
    found = []
    for output in outputs.OUTPUTS:
        if output.scope.per_namnd != bool(kod):
            continue
        path = out / output.target(kod)
        found.append((outputs.link_text(output, path.suffix), path))
        if output.pdf:
            found.append((outputs.link_text(output, ".pdf"), path.with_suffix(".pdf")))
    return found


def _changes(report: BuildReport, inputs_dir: Path, today: dt.date) -> Andringar | None:
    """Archive a snapshot when a milestone has passed; return what changed since the latest
    snapshot, or None when there is none yet."""
    kommun, namnder = report.inputs.kommun, report.inputs.namnder
    if kommun is None or not namnder:
        return None
    from ..domain.changes import changes, describe
    from ..domain.snapshot import ARKIV, auto_archive, resolve
    from ..render.overview import Andringar

    try:
        auto_archive(inputs_dir, kommun, namnder, today)
    except (OSError, UnderlagError) as exc:
        report.rendering.append(Diagnostic(
            ARKIV, f"Kunde inte spara en ögonblicksbild av arbetsböckerna ({exc}).",
            severity=Severity.VARNING))
    since = resolve(inputs_dir)
    if since is None:
        return None
    found = changes(inputs_dir, namnder, since)
    return Andringar(since, {kod: [] if c.nothing else describe(c) for kod, c in found.items()})


def stale_temporaries(out: Path) -> list[Path]:
    """Return the half-written files that a build killed mid-write left behind."""
    return [tmp for pattern in (f"{TEMP_PREFIX}*.tmp", f"*/{TEMP_PREFIX}*.tmp")
            for tmp in out.glob(pattern)]


def remove_stale_temporaries(out: Path) -> None:
    """Remove half-written files that a build killed mid-write left behind."""
    for tmp in stale_temporaries(out):
        with contextlib.suppress(OSError):  # held a moment (Windows): the next build's
            tmp.unlink(missing_ok=True)
