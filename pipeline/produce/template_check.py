"""The back-ends of `kontrollera`'s template check and of `tillganglighet`: templates rendered
in memory, and the documents of a build, checked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic, Severity, TemplateError, UnderlagError
from . import outputs as o

if TYPE_CHECKING:
    from ..domain.inputs import Inputs


def check(inputs_dir: Path, templates: Path | None,
          mote: dt.date | None = None) -> tuple[int, list[Diagnostic]]:
    """Read and check every workbook and try every template with them; return how many
    workbooks were read and every problem, for `underlag kontrollera`. With `mote` (a joint
    milestone's date) the check is as of that meeting: what is due by then, and its decks;
    UnknownMeeting when the date is no milestone."""
    from ..domain.inputs import load

    inputs = load(inputs_dir, today=mote)
    problems = check_templates(inputs, templates, mote)  # adds what the decks do to workbooks
    return len(inputs.results), inputs.diagnostics + problems


def check_templates(inputs: Inputs, templates: Path | None,
                    mote: dt.date | None = None) -> list[Diagnostic]:
    """Render every declared output that has a template, in memory, with the inputs (or the
    examples); return the problems.

    These are the build's own jobs, rendered without writing. A rendered document is also
    checked for accessibility, so staff who restyle a template learn what they broke before
    anyone builds with it; what a nämnd's deck does with its rows is said at the workbook's
    cells. A broken template is reported and the others are still checked.
    """
    from ..domain import deck_checks
    from ..render.a11y import check_document
    from .jobs import Renderers, Work, lacking, note_waiting, work_of
    from .kinds import Setting

    if inputs.kommun is None or not inputs.namnder:
        from ..examples import KOMMUN, NAMNDER

        work = Work(Setting(KOMMUN, templates, namnder=tuple(NAMNDER)), tuple(NAMNDER),
                    tuple(NAMNDER))
    else:
        meeting = None
        if mote is not None:
            from ..render.meeting import mote as choose_meeting

            meeting = choose_meeting(inputs.kommun, dt.date.today(), mote)
        work = work_of(inputs, templates, meeting)
        note_waiting(inputs, work, mote or dt.date.today())
    renderers = Renderers(work)
    read = {id(r.value): r for r in inputs.results if r.kind == "namnd" and r.ok}
    problems: list[Diagnostic] = []
    for output in (d for d in o.OUTPUTS if d.template):
        try:
            renderer = renderers.get(output.name)
        except TemplateError as exc:
            problems.append(Diagnostic(output.template, exc.message))
            continue
        shown = False  # one rendering per template shows its look
        for kod in work.instances(output.scope):
            subject = work.subject(output.scope, kod)
            if lacking(output, subject):
                continue  # not made for this nämnd yet (note_waiting says so)
            try:
                data = renderer.render(subject)
            except TemplateError as exc:
                problems.append(Diagnostic(output.template, exc.message))
                break
            if id(subject) in read:
                deck_checks.place(read[id(subject)], renderer.amounts(), work.setting.kommun)
            problems += [w for w in renderer.problems() if w not in problems]
            if not shown:
                shown = True
                problems += [_from_template(d, output.template, renderer.origins)
                             for d in check_document(Path(Path(output.target(kod)).name), data)]
    return problems


def _from_template(d: Diagnostic, template: str, origins: list[int] | None) -> Diagnostic:
    """Return an accessibility problem as a problem of the template that caused it, on the
    template's own slide (a rendered deck has more slides than its template)."""
    sheet = d.sheet
    number = sheet.removeprefix("bild ")
    if origins and number.isdigit() and 0 < int(number) <= len(origins):
        sheet = f"mallens bild {origins[int(number) - 1]}"
    where = f"{sheet}, {d.cell}" if d.cell else sheet
    return Diagnostic(template, f"Tillgänglighet ({where}): {d.message}",
                      severity=Severity.VARNING)


def check_accessibility(build_dir: Path) -> list[Diagnostic]:
    """Return the accessibility violations of every document in a build folder, and what keeps
    each PDF in it from being a tagged PDF/A-2 file in Swedish with a title."""
    from ..render.a11y import check_document
    from ..render.pdf_check import check_pdf

    if not build_dir.is_dir():
        raise UnderlagError(f"Mappen {build_dir} finns inte. Kör underlag bygg först.")
    return [d for path in documents_in(build_dir, (".docx", ".pptx", ".pdf"))
            for d in (check_pdf(path) if path.suffix == ".pdf" else check_document(path))]


def documents_in(build_dir: Path, suffixes: tuple[str, ...] = (".docx", ".pptx")) -> list[Path]:
    """Return the Word and PowerPoint documents (or the files with other suffixes) in a build
    folder."""
    return sorted(p for p in build_dir.rglob("*") if p.suffix in suffixes
                  and not p.name.startswith("."))
