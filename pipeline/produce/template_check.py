"""The back-ends of `kontrollera`'s template check and of `tillganglighet`: templates rendered
in memory, and the documents of a build, checked."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic, Severity, TemplateError, UnderlagError
from .jobs import KOMMUN_DECK, KOMMUN_DOCUMENTS, NAMND_DOCUMENTS, renderer

if TYPE_CHECKING:
    from ..domain.inputs import Inputs

def check(inputs_dir: Path, templates: Path | None) -> tuple[int, list[Diagnostic]]:
    """Read and check every workbook and try every template with them; return how many
    workbooks were read and every problem, for `underlag kontrollera`."""
    from ..domain.inputs import load

    inputs = load(inputs_dir)
    problems = check_templates(inputs, templates)  # adds what the decks do to the workbooks
    return len(inputs.results), inputs.diagnostics + problems


def check_templates(inputs: Inputs, templates: Path | None) -> list[Diagnostic]:
    """Render every template in memory with the inputs (or the examples); return its problems.

    A rendered document is also checked for accessibility, so staff who restyle a template
    learn what they broke before anyone builds with it. A broken template is reported and
    the others are still checked.
    """
    from ..domain import deck_checks
    from ..render.a11y import check_document

    kommun, namnder = inputs.kommun, inputs.namnder
    if kommun is None or not namnder:
        from ..examples import KOMMUN, NAMNDER

        kommun, namnder = KOMMUN, list(NAMNDER)
    problems: list[Diagnostic] = []
    read = {id(r.value): r for r in inputs.results if r.kind == "namnd" and r.ok}
    made = {}
    words = [name for _, name in NAMND_DOCUMENTS]
    for kind in (*words, *KOMMUN_DOCUMENTS, "decks"):
        try:
            made[kind] = renderer(kind, kommun, templates)
        except TemplateError as exc:
            problems.append(Diagnostic(_template_names(kind)[0], exc.message))
    jobs = []
    for name in words:
        if name in made:
            jobs += [(name, namnd, made[name].render) for namnd in namnder]
    for name in KOMMUN_DOCUMENTS:  # one document of every nämnd
        if name in made:
            jobs.append((name, None, lambda _, r=made[name]: r.render(namnder)))
    if "decks" in made:
        decks = made["decks"]
        jobs += [("avstamning.pptx", namnd, decks.namnd_deck) for namnd in namnder]
        jobs.append((KOMMUN_DECK, None, lambda _: decks.kommun_deck(namnder)))
    failed: set[str] = set()
    for name, namnd, render in jobs:
        if name in failed:
            continue
        try:
            data = render(namnd)
        except TemplateError as exc:
            problems.append(Diagnostic(name, exc.message))
            failed.add(name)
            continue
        deck = made["decks"].template(name) if name.endswith(".pptx") else None
        if namnd is not None and name == "avstamning.pptx" and id(namnd) in read:
            deck_checks.place(read[id(namnd)], made["decks"].amounts(name), kommun)
        warnings = made["decks"].notices(name) if deck else made[name].warnings
        problems += [w for w in warnings if w not in problems]
        if namnd is None or namnd is namnder[0]:  # one rendering per template shows its look
            suffix = Path(name).suffix
            label = f"{Path(name).stem}-{namnd.kod}{suffix}" if namnd else name
            problems += [_from_template(d, name, deck.origins if deck else None)
                         for d in check_document(Path(label), data)]
    return problems


def _template_names(kind: str) -> tuple[str, ...]:
    return (kind,) if kind.endswith(".docx") else ("avstamning.pptx", "kommunovergripande.pptx")


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
    """Return the accessibility violations of every document in a build folder."""
    from ..render.a11y import check_document

    if not build_dir.is_dir():
        raise UnderlagError(f"Mappen {build_dir} finns inte. Kör underlag bygg först.")
    return [d for path in documents_in(build_dir) for d in check_document(path)]


def documents_in(build_dir: Path) -> list[Path]:
    """Return the Word and PowerPoint documents in a build folder."""
    return sorted(p for p in build_dir.rglob("*") if p.suffix in (".docx", ".pptx")
                  and not p.name.startswith("."))
