"""A build: discover the inputs, read and check them, render each nämnd, write the outputs."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import manifest, resources
from . import model as m
from .checks import check_duplicates, check_kommun, check_namnd
from .diagnostics import Diagnostic, Severity, TemplateError, UnderlagError, sort_key
from .lock import build_lock
from .output import TEMP_PREFIX, atomic_write
from .read import ReadResult, read_workbook

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
# Read too, so that each gets its own message on what to do (save as .xlsx).
SPREADSHEET_SUFFIXES = (*WORKBOOK_SUFFIXES, ".xls", ".xlsb", ".ods", ".csv", ".numbers")


@dataclass
class Inputs:
    """Everything read from an inputs folder, with every problem found."""

    folder: Path
    results: list[ReadResult] = field(default_factory=list)
    general: list[Diagnostic] = field(default_factory=list)  # not tied to one workbook

    @property
    def kommun(self) -> m.Kommun | None:
        """Return the kommun workbook's content, if it was read without errors."""
        return next((r.value for r in self.results if r.kind == "kommun" and r.ok), None)

    @property
    def namnder(self) -> list[m.Namnd]:
        """Return the nämnder that can be built, in the register's order."""
        kommun = self.kommun
        if kommun is None:
            return []
        order = {n.kod: (n.ordning, i) for i, n in enumerate(kommun.namnder)}
        ok = [r.value for r in self.results if r.kind == "namnd" and r.ok]
        return sorted(ok, key=lambda n: order.get(n.kod, (999, 0)))

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Return every problem: general ones first, then by file, sheet and cell."""
        found = [d for r in self.results for d in r.diagnostics]
        return self.general + sorted(found, key=sort_key)

    @property
    def has_errors(self) -> bool:
        """Return True when some input has an error."""
        return any(d.is_error for d in self.diagnostics)


def discover(folder: Path) -> tuple[list[Path], list[Diagnostic]]:
    """Return the workbooks in a folder, and notes about files that are not read."""
    if not folder.is_dir():
        raise UnderlagError(
            f"Mappen {folder} finns inte. Ange mappen med arbetsböckerna med --inputs, eller "
            "skapa en arbetsmapp med underlag ny."
        )
    workbooks, notes = [], []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.startswith(("~$", ".")) or not path.is_file():
            continue  # Excel's lock files, hidden files, folders
        if path.suffix.lower() in SPREADSHEET_SUFFIXES:
            workbooks.append(path)
        else:
            notes.append(Diagnostic(
                path.name, "Filen är ingen Excel-arbetsbok (.xlsx) och läses inte. Flytta den "
                "om den inte hör hemma i mappen.",
                severity=Severity.VARNING))
    return workbooks, notes


def load(folder: Path) -> Inputs:
    """Read and check every workbook in a folder; never stops at the first problem."""
    paths, notes = discover(folder)
    inputs = Inputs(folder, [read_workbook(p) for p in paths], notes)
    kommuner = [r for r in inputs.results if r.kind == "kommun"]
    check_duplicates(inputs.results)
    for r in kommuner:
        check_kommun(r)
    if not kommuner:
        inputs.general.append(Diagnostic(
            folder.name or str(folder),
            "Kommunarbetsboken saknas (den med flikarna Kommun, Milstolpar och Nämnder). "
            "Lägg den i mappen; en ny skapas med underlag ny."))
    kommun = inputs.kommun
    for r in inputs.results:
        if r.kind == "namnd":
            check_namnd(r, kommun)
    return inputs


@dataclass
class BuildReport:
    """What a build wrote and what it found."""

    inputs: Inputs
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)  # up to date: not rendered again
    skipped: list[str] = field(default_factory=list)  # files whose nämnd was not built
    rendering: list[Diagnostic] = field(default_factory=list)  # template problems, once each

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Return every problem: the inputs', then the templates' found while rendering."""
        return self.inputs.diagnostics + self.rendering

    @property
    def exit_code(self) -> int:
        """Return 0 when everything was built, 1 when some input or template has problems."""
        return 1 if any(d.is_error for d in self.diagnostics) else 0


def output_path(out: Path, namnd: m.Namnd, kind: str = "beslutsunderlag") -> Path:
    """Return where a nämnd's document is written: its beslutsunderlag or its avstämning deck."""
    suffix = {"beslutsunderlag": ".docx", "avstamning": ".pptx", "tidplan": ".ics"}[kind]
    return out / namnd.kod / f"{kind}-{namnd.kod}{suffix}"


KOMMUN_DECK = "kommunovergripande.pptx"
KOMMUN_CALENDAR = "tidplan.ics"


def build(inputs_dir: Path, out: Path, templates: Path | None, *, pdf: bool = False,
          force: bool = False, progress=None, fingerprint: dict | None = None) -> BuildReport:
    """Build every nämnd that has no errors, and the combined documents; report the others.

    Only outputs whose inputs, templates or tool version changed are rendered, unless `force`.
    """
    if pdf:
        from .pdf import INSTALL, soffice

        if soffice() is None:
            raise UnderlagError(INSTALL)
    fingerprint = fingerprint or manifest.fingerprint(inputs_dir, templates, pdf)
    inputs = load(inputs_dir)
    report = BuildReport(inputs)
    report.skipped = [r.name for r in inputs.results if r.kind == "namnd" and not r.ok]
    kommun = inputs.kommun
    if kommun is None or not inputs.namnder:
        return report
    with build_lock(out):
        _remove_stale_temporaries(out)
        previous = manifest.Manifest(out) if force else manifest.Manifest.load(out)
        record = manifest.Manifest(out, fingerprint)
        jobs = _jobs(inputs, kommun, out, templates, fingerprint)
        pending = [j for j in jobs if not previous.current(j.relative(out), j.key)]
        report.unchanged = [j.target for j in jobs if j not in pending]
        failed = set()
        for job, problems in _run(pending, progress):
            if not any(p.is_error for p in problems):
                report.written.append(job.target)
            else:
                failed.add(job.target)
            report.rendering += [p for p in problems if p not in report.rendering]
        if pdf:
            from .pdf import convert_all

            documents = [j.target for j in jobs if j.target.suffix in (".docx", ".pptx") and (
                j in pending or not j.target.with_suffix(".pdf").is_file())
                and j.target not in failed]
            report.written += convert_all(documents)
        record.outputs = {j.relative(out): j.key for j in jobs if j.target not in failed}
        record.lines = [(str(d), d.is_error) for d in report.diagnostics]
        record.lines += [(f"{name}: Byggdes inte på grund av felen ovan.", True)
                         for name in report.skipped]
        record.exit_code = report.exit_code
        record.save()
    return report


PARALLEL_FROM = 6  # jobs; below this a second process costs more than it saves
_PENDING: list = []  # the jobs a forked worker renders (inherited, never pickled)


def _render_job(index: int) -> tuple[int, list[Diagnostic]]:
    return index, _make(_PENDING[index])


def _make(job: Job) -> list[Diagnostic]:
    """Render and write one output; return the problems its template caused (errors: not
    written, the previous file is left as it was)."""
    try:
        data = job.make()
    except TemplateError as exc:
        return [Diagnostic(job.template, exc.message)]
    atomic_write(job.target, data)
    return job.problems() if job.problems else []


def _run(pending: list, progress=None):
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
            yield job, _make(job)
        return
    import multiprocessing

    # the longest first (decks, then documents, then calendars), so no core waits at the end
    _PENDING = sorted(pending, key=lambda j: {".pptx": 0, ".docx": 1}.get(j.target.suffix, 2))
    try:
        with multiprocessing.get_context("fork").Pool(min(cores, len(pending))) as pool:
            done = _Counted(pool.imap(_render_job, range(len(_PENDING))), len(_PENDING))
            results = {_PENDING[i].target: problems
                       for i, problems in (progress(done) if progress else done)}
        yield from ((job, results[job.target]) for job in pending)  # in the usual order
    finally:
        _PENDING = []


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


def _remove_stale_temporaries(out: Path) -> None:
    """Remove half-written files that a build killed mid-write left behind."""
    for pattern in (f"{TEMP_PREFIX}*.tmp", f"*/{TEMP_PREFIX}*.tmp"):
        for tmp in out.glob(pattern):
            tmp.unlink(missing_ok=True)


@dataclass(eq=False)
class Job:
    """One output: where it goes, the key of what it is made from, how to make it, and the
    template it comes from (named in its problems)."""

    target: Path
    key: str
    make: Callable[[], bytes]
    template: str = ""
    problems: Callable[[], list[Diagnostic]] | None = None  # warnings of the last make()

    def relative(self, out: Path) -> str:
        """Return the target's path inside the build folder, with forward slashes."""
        return self.target.relative_to(out).as_posix()


def _jobs(inputs: Inputs, kommun: m.Kommun, out: Path, templates: Path | None,
          fingerprint: dict[str, str]) -> list[Job]:
    """Return every output of a build with its key; renderers are made only when needed."""
    from .manifest import key

    # the fingerprint already holds the hash of every input file and template
    hashes = {r.value.kod: fingerprint[f"inputs/{r.name}"] for r in inputs.results
              if r.kind == "namnd" and r.ok}
    kommun_hash = next(fingerprint[f"inputs/{r.name}"] for r in inputs.results
                       if r.value is kommun)
    template = {name: fingerprint.get(f"mall/{name}", "")
                for name in (*resources.TEMPLATE_NAMES, resources.LOGO)}
    made: dict[str, object] = {}

    def renderer(kind: str):
        """Return the Word or the deck renderer, made once, when first needed."""
        if kind not in made:
            made[kind] = _renderer(kind, kommun, templates)
        return made[kind]

    def calendar(namnder: list[m.Namnd], title: str) -> bytes:
        from .ical import calendar_bytes

        return calendar_bytes(kommun, namnder, title)

    def docx_warnings() -> list[Diagnostic]:
        return list(renderer("docx").warnings)

    def notices(deck: str) -> Callable[[], list[Diagnostic]]:
        return lambda: renderer("decks").notices(deck)

    jobs = []
    for namnd in inputs.namnder:
        own = (kommun_hash, hashes[namnd.kod])
        jobs += [
            Job(output_path(out, namnd), key("docx", *own, template["beslutsunderlag.docx"]),
                lambda n=namnd: renderer("docx").render(n), "beslutsunderlag.docx",
                docx_warnings),
            Job(output_path(out, namnd, "avstamning"),
                key("pptx", *own, template["avstamning.pptx"], template[resources.LOGO]),
                lambda n=namnd: renderer("decks").namnd_deck(n), "avstamning.pptx",
                notices("avstamning.pptx")),
            Job(output_path(out, namnd, "tidplan"), key("ics", *own),
                lambda n=namnd: calendar([n], f"Verksamhetsidé – {n.namn}")),
        ]
    everyone = (kommun_hash, *(hashes[n.kod] for n in inputs.namnder))
    jobs += [
        Job(out / KOMMUN_DECK, key("pptx", *everyone, template["kommunovergripande.pptx"],
                                   template[resources.LOGO]),
            lambda: renderer("decks").kommun_deck(inputs.namnder), KOMMUN_DECK,
            notices(KOMMUN_DECK)),
        Job(out / KOMMUN_CALENDAR, key("ics", *everyone),
            lambda: calendar(inputs.namnder, f"Verksamhetsidé – {kommun.namn}")),
    ]
    return jobs


def _renderer(kind: str, kommun: m.Kommun, templates: Path | None):
    """Return the document or the deck renderer, each template loaded once."""
    if kind == "docx":
        from .render.docx import DocxRenderer  # heavy imports only when something is rendered

        return DocxRenderer(resources.template("beslutsunderlag.docx", templates), kommun)
    from .render.decks import DeckRenderer

    return DeckRenderer(templates, kommun)


def check_templates(inputs: Inputs, templates: Path | None) -> list[Diagnostic]:
    """Render every template in memory with the inputs (or the examples); return its problems.

    A rendered document is also checked for accessibility, so staff who restyle a template
    learn what they broke before anyone builds with it. A broken template is reported and
    the others are still checked.
    """
    from .a11y import check_document

    kommun, namnder = inputs.kommun, inputs.namnder
    if kommun is None or not namnder:
        from .examples import KOMMUN, NAMNDER

        kommun, namnder = KOMMUN, list(NAMNDER)
    problems: list[Diagnostic] = []
    made = {}
    for kind in ("docx", "decks"):
        try:
            made[kind] = _renderer(kind, kommun, templates)
        except TemplateError as exc:
            problems.append(Diagnostic(_template_names(kind)[0], exc.message))
    jobs = []
    if "docx" in made:
        jobs += [("beslutsunderlag.docx", namnd, made["docx"].render) for namnd in namnder]
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
        warnings = made["decks"].notices(name) if deck else made["docx"].warnings
        problems += [w for w in warnings if w not in problems]
        if namnd is None or namnd is namnder[0]:  # one rendering per template shows its look
            suffix = Path(name).suffix
            label = f"{Path(name).stem}-{namnd.kod}{suffix}" if namnd else name
            problems += [_from_template(d, name, deck.origins if deck else None)
                         for d in check_document(Path(label), data)]
    return problems


def _template_names(kind: str) -> tuple[str, ...]:
    return ("beslutsunderlag.docx",) if kind == "docx" else ("avstamning.pptx",
                                                              "kommunovergripande.pptx")


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
    from .a11y import check_document

    if not build_dir.is_dir():
        raise UnderlagError(f"Mappen {build_dir} finns inte. Kör underlag bygg först.")
    return [d for path in documents_in(build_dir) for d in check_document(path)]


def documents_in(build_dir: Path) -> list[Path]:
    """Return the Word and PowerPoint documents in a build folder."""
    return sorted(p for p in build_dir.rglob("*") if p.suffix in (".docx", ".pptx")
                  and not p.name.startswith("."))
