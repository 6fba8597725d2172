"""The one build function: fingerprint, manifest, stale temporaries, jobs, and the answer that
nothing changed — everything an incremental build is, behind one call."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic, UnderlagError
from ..output import TEMP_PREFIX
from . import manifest
from .lock import build_lock

if TYPE_CHECKING:
    from ..domain.inputs import Inputs

NOT_BUILT = "{name}: Byggdes inte på grund av felen ovan."
_NOT_BUILT = NOT_BUILT.removeprefix("{name}")


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

    @property
    def nothing_changed(self) -> bool:
        """Return True when the build rendered nothing because nothing had changed."""
        return self.replayed is not None

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Return every problem: the inputs', then the templates' found while rendering."""
        return (self.inputs.diagnostics if self.inputs else []) + self.rendering

    def lines(self) -> list[tuple[str, bool]]:
        """Return what to tell the user, each line with whether it is an error."""
        if self.replayed is not None:
            return list(self.replayed)
        lines = [(str(d), d.is_error) for d in self.diagnostics]
        return lines + [(NOT_BUILT.format(name=name), True) for name in self.skipped]

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


def build(inputs_dir: Path, out: Path, templates: Path | None, *, pdf: bool = False,
          force: bool = False, progress=None) -> BuildReport:
    """Build every nämnd that has no errors, and the combined documents; report the others.

    Only outputs whose inputs, templates or tool version changed are rendered, unless `force`.
    When nothing changed, the answer comes from the manifest, before any workbook is opened
    or any Office library imported; half-written files of a killed build are removed either way.
    """
    if pdf:
        from .pdf import INSTALL, soffice

        if soffice() is None:
            raise UnderlagError(INSTALL)
    fingerprint = manifest.fingerprint(inputs_dir, templates, pdf)
    previous = manifest.Manifest.load(out)
    if not force and previous.unchanged(fingerprint):
        with build_lock(out):
            remove_stale_temporaries(out)
        return BuildReport(unchanged=[out / name for name in previous.outputs],
                           replayed=previous.lines, replayed_exit_code=previous.exit_code)
    from ..domain.inputs import load  # reads workbooks: openpyxl from here on

    inputs = load(inputs_dir)
    report = BuildReport(inputs)
    report.skipped = [r.name for r in inputs.results if r.kind == "namnd" and not r.ok]
    kommun = inputs.kommun
    if kommun is None or not inputs.namnder:
        return report
    with build_lock(out):
        remove_stale_temporaries(out)
        _render(report, out, templates, fingerprint, pdf=pdf, force=force, progress=progress)
    return report


def _render(report: BuildReport, out: Path, templates: Path | None, fingerprint: dict, *,
            pdf: bool, force: bool, progress) -> None:
    """Render what changed, record it in the manifest, and add what happened to the report."""
    from .jobs import make_jobs
    from .pool import run

    inputs = report.inputs
    previous = manifest.Manifest(out) if force else manifest.Manifest.load(out)
    jobs = make_jobs(inputs, inputs.kommun, out, templates, fingerprint)
    pending = [j for j in jobs if not previous.current(j.relative(out), j.key)]
    report.unchanged = [j.target for j in jobs if j not in pending]
    failed = set()
    for job, problems in run(pending, progress):
        if any(p.is_error for p in problems):
            failed.add(job.target)
        else:
            report.written.append(job.target)
        report.rendering += [p for p in problems if p not in report.rendering]
    if pdf:
        from .pdf import convert_all

        documents = [j.target for j in jobs if j.target.suffix in (".docx", ".pptx") and (
            j in pending or not j.target.with_suffix(".pdf").is_file())
            and j.target not in failed]
        report.written += convert_all(documents)
    record = manifest.Manifest(out, fingerprint)
    record.outputs = {j.relative(out): j.key for j in jobs if j.target not in failed}
    record.lines = report.lines()
    record.exit_code = report.exit_code
    record.save()


def remove_stale_temporaries(out: Path) -> None:
    """Remove half-written files that a build killed mid-write left behind."""
    for pattern in (f"{TEMP_PREFIX}*.tmp", f"*/{TEMP_PREFIX}*.tmp"):
        for tmp in out.glob(pattern):
            tmp.unlink(missing_ok=True)
