"""The build's overview page, build/index.html: every nämnd's state, documents and problems on
one self-contained, accessible page, rendered from templates/oversikt.html.

The page template is Jinja2 in a strict environment (`StrictUndefined`) that escapes every value
for HTML: cell text is data, so `<script>` or `{{ x }}` in a workbook comes out literally.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import jinja2

from .. import model as m
from .. import resources, svenska
from ..diagnostics import Diagnostic, Severity, sort_key
from ..domain import analyse
from .contracts import Oversikt

if TYPE_CHECKING:
    from ..domain.inputs import Inputs

TEMPLATE = "oversikt.html"
NAME = "index.html"


@dataclass(frozen=True, slots=True)
class Lank:
    """A link to one document of the build, relative to the page."""

    text: str
    href: str
    fil: str  # the file's path inside the build folder, as shown
    kvar: bool = False  # held open elsewhere: this build could not replace the previous one


@dataclass(frozen=True, slots=True)
class MilstolpeRad:
    """One milestone with where it lies relative to the build's date."""

    datum: dt.date
    tid: str
    benamning: str
    plats: str
    lage: str  # "Passerad", "Nästa" or "Kommande"

    @property
    def nasta(self) -> bool:
        """Return True for the next milestone."""
        return self.lage == "Nästa"


@dataclass(frozen=True, slots=True)
class AvsnittRad:
    """One section of a nämnd's workbook and how complete it is."""

    namn: str
    procent: int

    @property
    def lage(self) -> str:
        """Return the section's state in words (the percentage is shown as well)."""
        return "Ifyllt" if self.procent >= 100 else "Påbörjat" if self.procent else "Saknas"


@dataclass
class Arbetsbok:
    """One workbook (or one registered nämnd without one) as the page shows it."""

    id: str  # the page anchor
    rubrik: str
    fil: str = ""
    kod: str = ""
    namnd: m.Namnd | None = None
    byggd: bool = False
    fel: list[str] = field(default_factory=list)
    varningar: list[str] = field(default_factory=list)
    avsnitt: list[AvsnittRad] = field(default_factory=list)
    nasta_mote: m.Mote | None = None
    dokument: list[Lank] = field(default_factory=list)
    andringar: list[str] | None = None  # None: no snapshot to compare with

    @property
    def fil_id(self) -> str:
        """Return the anchor of the workbook's own entry among the files not read."""
        return _anchor(self.fil)

    @property
    def ide(self) -> m.Verksamhetside | None:
        """Return the verksamhetsidé to show: the latest formulation."""
        return self.namnd.verksamhetside if self.namnd else None

    @property
    def ifyllda(self) -> list[str]:
        """Return the sections filled in completely."""
        return [a.namn for a in self.avsnitt if a.procent >= 100]

    @property
    def paborjade(self) -> list[str]:
        """Return the sections begun but not complete, with how far they have come."""
        return [f"{a.namn} ({a.procent} %)" for a in self.avsnitt if 0 < a.procent < 100]

    @property
    def saknade(self) -> list[str]:
        """Return the sections with nothing in them."""
        return [a.namn for a in self.avsnitt if not a.procent]


@dataclass(frozen=True, slots=True)
class Andringar:
    """What changed since the latest snapshot: lines per nämnd code, and since when."""

    sedan: str  # the snapshot's name or date, as shown
    rader: dict[str, list[str]]


def texts(diagnostics: list[Diagnostic], *, labelled: bool = True) -> tuple[list[str], list[str]]:
    """Return problems as `kontrollera` prints them: the errors, then the warnings; without
    their labels ("Fel: ", "Varning: ") for a list under a heading that says which they are."""
    ordered = sorted(diagnostics, key=sort_key)
    shown = str if labelled else (lambda d: d.text)
    return ([shown(d) for d in ordered if d.is_error],
            [shown(d) for d in ordered if not d.is_error])


def link(out: Path, path: Path, text: str, held: Set[Path] = frozenset()) -> Lank | None:
    """Return a link from the page to a file of the build, or None when the file is missing;
    a file in `held` could not be replaced, and its link says so."""
    if not path.is_file():
        return None
    relative = path.relative_to(out).as_posix()
    return Lank(text, quote(relative), relative, path in held)


def links(out: Path, candidates: list[tuple[str, Path]],
          held: Set[Path] = frozenset()) -> list[Lank]:
    """Return links to those of the candidate files that exist."""
    found = (link(out, path, text, held) for text, path in candidates)
    return [lank for lank in found if lank is not None]


def milestones(kommun: m.Kommun | None, today: dt.date) -> list[MilstolpeRad]:
    """Return the kommun's milestones in date order, the first on or after today the next."""
    if kommun is None:
        return []
    rows, next_found = [], False
    for ms in sorted(kommun.milstolpar, key=lambda s: (s.datum, s.start or dt.time())):
        if ms.datum < today:
            lage = "Passerad"
        elif not next_found:
            lage, next_found = "Nästa", True
        else:
            lage = "Kommande"
        rows.append(MilstolpeRad(ms.datum, svenska.klockslag(ms.start, ms.slut), ms.benamning,
                                 ms.plats, lage))
    return rows


def next_meeting(namnd: m.Namnd, today: dt.date) -> m.Mote | None:
    """Return the nämnd's first meeting on or after today."""
    coming = [mote for mote in namnd.moten if mote.datum >= today]
    return min(coming, key=lambda mote: (mote.datum, mote.start or dt.time()), default=None)


def _anchor(text: str) -> str:
    """Return a page anchor for a code or file name: letters and digits only."""
    return "nd-" + "".join(ch if ch.isascii() and ch.isalnum() else "-" for ch in text)


def overview_context(inputs: Inputs, *, documents: dict[str, list[tuple[str, Path]]],
                     combined: list[tuple[str, Path]], out: Path, now: dt.datetime,
                     today: dt.date, built: set[str], rendering: list[Diagnostic],
                     andringar: Andringar | None, held: Set[Path] = frozenset(),
                     writing: Sequence[Diagnostic] = (), bevakas: bool = False) -> Oversikt:
    """Return what the page template sees.

    `documents` are each nämnd code's candidate files, `combined` the kommun-wide ones (only
    those that exist are linked); `built` holds the codes built without errors. `held` are the
    files another program held, so that the previous ones are still there, and `writing` says
    which and what to do. `bevakas`: `underlag bevaka` writes the page, which may then reload
    itself.
    """
    kommun_results = [r for r in inputs.results if r.kind == "kommun"]
    kommun = inputs.kommun
    register = next((r.value for r in kommun_results if isinstance(r.value, m.Kommun)), None)
    namnd_results = [r for r in inputs.results if r.kind == "namnd" and r.value is not None]
    if register is not None:
        namnd_results = register.ordered(namnd_results, key=lambda r: r.value.kod)
    other = [r for r in inputs.results if r.kind != "kommun" and r not in namnd_results]

    books: list[Arbetsbok] = []
    seen: set[str] = set()
    for r in namnd_results:
        namnd = r.value
        book = Arbetsbok(_anchor(namnd.kod if namnd.kod not in seen else r.name),
                         f"{namnd.namn} ({namnd.kod})" if namnd.namn else namnd.kod,
                         r.name, namnd.kod, namnd, byggd=namnd.kod in built and r.ok)
        seen.add(namnd.kod)
        book.fel, book.varningar = texts(r.diagnostics, labelled=False)  # under Fel, Varningar
        book.avsnitt = [AvsnittRad(n, p) for n, p in analyse.status(namnd).avsnitt]
        book.nasta_mote = next_meeting(namnd, today)
        book.dokument = links(out, documents.get(namnd.kod, []), held)
        if andringar is not None and book.byggd:
            book.andringar = andringar.rader.get(namnd.kod)
        books.append(book)
    missing = [ref for ref in (register.namnder if register else ()) if ref.kod not in seen]
    from ..domain.inputs import with_errors

    broken = dict(with_errors(inputs))  # a registered nämnd whose workbook could not be read
    for ref in sorted(missing, key=lambda ref: register.koder.index(ref.kod)):
        seen.add(ref.kod)
        books.append(Arbetsbok(_anchor(ref.kod), f"{ref.namn} ({ref.kod})",
                               broken.get(ref.kod, ""), kod=ref.kod,
                               dokument=links(out, documents.get(ref.kod, []), held)))

    unreadable = []
    for r in other:
        fel, varningar = texts(r.diagnostics)
        unreadable.append(Arbetsbok(_anchor(r.name), r.name, r.name, fel=fel,
                                    varningar=varningar))
    kommun_books = []
    for r in kommun_results:
        fel, varningar = texts(r.diagnostics)
        kommun_books.append(Arbetsbok(_anchor(r.name), r.name, r.name, fel=fel,
                                      varningar=varningar))
    general_fel, general_varningar = texts(inputs.general + inputs.next_steps)
    mall_fel, mall_varningar = texts(rendering)
    all_problems = inputs.diagnostics + rendering + list(writing)
    errors = sum(d.is_error for d in all_problems)
    return Oversikt.of({
        "kommun": kommun,
        "rubrik": f"Verksamhetsidé – {kommun.namn}" if kommun else "Verksamhetsidé – översikt",
        "byggd": f"{svenska.datum(now.date())} kl. {svenska.tid(now.time())}",
        "byggd_iso": now.strftime("%Y-%m-%dT%H:%M"),
        "idag": today,
        "milstolpar": milestones(kommun, today),
        "namnder": books,
        "olasbara": unreadable,
        "kommunbocker": kommun_books,
        "allmanna": general_fel + general_varningar,
        "mallproblem": mall_fel + mall_varningar,
        "ej_ersatta": texts(list(writing))[0],
        "antal_fel": errors,
        "antal_varningar": len(all_problems) - errors,
        "gemensamt": links(out, combined, held),
        "andringar": andringar,
        "bevakas": bevakas,
    })


def _filters() -> dict:
    return {
        "datum": svenska.datum,
        "kort_datum": svenska.kort_datum,
        "klockslag": svenska.klockslag,
        "lista": svenska.lista,
        "antal": antal,
    }


def antal(n: int, en: str, flera: str) -> str:
    """Return a count with its noun: "1 fel", "3 varningar", "inga varningar"."""
    return f"inga {flera}" if n == 0 else f"{n} {en if n == 1 else flera}"


def environment() -> jinja2.Environment:
    """Return the page's strict, HTML-escaping environment."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(_filters())
    env.globals.update(antal=antal, klockslag=svenska.klockslag)
    return env


def render(context: dict, templates: Path | None) -> tuple[bytes, list[Diagnostic]]:
    """Return the page as UTF-8 bytes, and a problem when the working folder's own page template
    could not be used (the shipped one is used instead, so the page is always written)."""
    env = environment()
    path = resources.template(TEMPLATE, templates)
    try:
        html = env.from_string(path.read_text(encoding="utf-8")).render(context)
        return html.encode(), []
    except (OSError, UnicodeDecodeError, jinja2.TemplateError) as exc:
        default = resources.default_templates() / TEMPLATE
        if path == default:
            raise
        problem = Diagnostic(TEMPLATE, f"Mallen för översiktssidan kunde inte användas ({_why(exc)}); "
                             "sidan skrevs med standardmallen.", severity=Severity.VARNING)
        html = env.from_string(default.read_text(encoding="utf-8")).render(context)
        return html.encode(), [problem]


def _why(exc: Exception) -> str:
    """Return a short Swedish reason for a template that failed."""
    if isinstance(exc, jinja2.UndefinedError):
        from .environment import undefined_name

        return f"namnet {undefined_name(exc)} finns inte"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"fel i mallens syntax på rad {exc.lineno}: {exc.message}"
    if isinstance(exc, UnicodeDecodeError):
        return "filen är inte sparad som UTF-8"
    return str(exc)
