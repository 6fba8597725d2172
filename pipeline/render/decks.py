"""The decks: each nämnd's avstämning deck and the kommunövergripande presentation.

The PowerPoint engine (`pptx/`) is generic; this module is where the app meets it: the Swedish
words staff write in shape names, the Swedish wording of every engine error and notice, and
the build's reproducibility policy (fixed zip timestamps and dates).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import jinja2

from .. import model as m
from .. import resources
from ..diagnostics import Diagnostic, Severity, TemplateError
from ..domain import deck_checks
from ..domain.deck_checks import Amount
from ..domain.faser import as_of
from ..output import FIXED_CREATED, FixedZip, fixed_core_dates
from . import logo
from .context import Filters
from .context_avstamning import avstamning_context
from .context_kommun import kommun_context
from .environment import environment, jinja_message_sv
from .meeting import GemensamtMote
from .meeting import mote as next_meeting
from .pptx import (
    CUT,
    SPLIT,
    SUMMARISED,
    Binding,
    EngineError,
    Kind,
    Location,
    Options,
    PptxTemplate,
)

AVSTAMNING = "avstamning.pptx"
KOMMUNOVERGRIPANDE = "kommunovergripande.pptx"
CUT_NOTE = "[…] Texten är förkortad här; hela texten finns i beslutsunderlaget."
OPTIONS = Options(
    chart=Binding("diagram", "diagram"), matrix=Binding("matris", "matriser"),
    picture=Binding("bild", "bilder"), continued=" (forts.)", continued_again=" (forts. {n})",
    min_font_pt=12, table_shrink_pt=2, max_text_slides=4, max_slides=60, cut_note=CUT_NOTE,
    summary="… och {count} {noun} till – se bilaga 1", summary_noun=("rad", "rader"),
    limited_summary="… och {count} {noun} till under Mer underlag",
    summarised_name="sammanfattade")
KOMMUN_SUMMARY = "… och {count} {noun} till – se nämndernas avstämningsunderlag"  # no bilaga 1


def deck_options(kommun: m.Kommun) -> Options:
    """Return the engine's options for a kommun: a section (a text, or a table's rows) takes
    at most the kommun's bilder per avsnitt before the rest is summarised."""
    most = max(kommun.max_bilder, 1)
    return replace(OPTIONS, max_text_slides=most, max_table_slides=most)
EMBEDDED_CORE = {"docProps/core.xml": fixed_core_dates(FIXED_CREATED)}  # in chart workbooks
# the parts every deck of a template shares: compressed once
TEMPLATE_PARTS = ("ppt/slideMasters/", "ppt/slideLayouts/", "ppt/theme/", "ppt/notesMasters/",
                  "ppt/handoutMasters/", "ppt/media/", "ppt/fonts/")


class DeckTemplate:
    """A deck template as the app renders it: Swedish errors, reproducible bytes."""

    def __init__(self, path: Path, env: jinja2.Environment, options: Options = OPTIONS) -> None:
        self.env = env
        self.engine = PptxTemplate(path, env, options)
        self.zip = FixedZip(shared=TEMPLATE_PARTS, embedded=EMBEDDED_CORE)

    @property
    def origins(self) -> list[int]:
        """The template slide of each slide of the last deck rendered."""
        return self.engine.origins

    @property
    def notices(self) -> list:
        """What fitting had to do to texts in the last deck rendered (engine notices)."""
        return self.engine.notices

    def render(self, context: dict, *, title: str = "", author: str = "") -> bytes:
        """Return a deck's bytes, or raise TemplateError in Swedish."""
        try:
            return self.engine.render(dict(context), title=title, author=author, write=self.zip)
        except EngineError as exc:
            raise TemplateError(message_sv(exc, self.env)) from None


def where_sv(where: Location) -> str:
    """Return where in a template, as the app's messages say it."""
    text = f"Mallen {where.template}"
    if where.slide:
        text += f", bild {where.slide}"
    shape = "anteckningar" if where.notes else where.shape
    if where.layout:
        shape = f'layouten "{where.layout}", {shape}'
    elif where.master:
        shape = f"bildbakgrund {where.master}, {shape}"
    if shape:
        text += f', formen "{shape}"'
    return text


_WHAT = {"diagram": "diagrammet", "matris": "tabellen", "bild": "bilden"}
_KIND_NAME = {Kind.NOT_A_CHART: "ett diagram", Kind.NOT_A_TABLE: "en tabell"}


def message_sv(exc: EngineError, env: jinja2.Environment | None = None) -> str:
    """Return an engine error as the Swedish message the user sees."""
    where = where_sv(exc.where)
    kind = exc.kind
    if kind is Kind.UNREADABLE_TEMPLATE:
        return (f"{where} kan inte öppnas som en PowerPoint-presentation. Spara den som "
                "PowerPoint-presentation (.pptx) i PowerPoint.")
    if kind is Kind.SYNTAX:
        return (f"{where}: felaktig tagg: {jinja_message_sv(exc.cause, env)}. Kontrollera att "
                "varje {{ … }} och {% … %} är hel och att varje if och for har sitt slut.")
    if kind is Kind.BAD_EXPRESSION:
        return f"{where}: felaktigt uttryck: {jinja_message_sv(exc.cause, env)}."
    if kind is Kind.UNDEFINED_NAME:
        name = f'"{exc.name}"' if exc.name else exc.detail
        return (f"{where}: namnet {name} finns inte i underlaget. Rätta stavningen i mallen; "
                "namnen listas i README under Mallar.")
    if kind is Kind.RUNTIME:
        return f"{where}: {jinja_message_sv(exc.cause, env)}."
    if kind is Kind.DATA_ERROR:
        return (f"{where}: en tagg kunde inte användas med underlagets data. Kontrollera "
                "taggen; namnen och filtren listas i README under Mallar.")
    if kind in (Kind.UNBOUND_CHART, Kind.UNBOUND_TABLE):
        what = ("diagrammet är inte kopplat" if kind is Kind.UNBOUND_CHART
                else "tabellen är inte kopplad")
        names = [f'"{exc.binding}:{n}"' for n in exc.choices]
        return (f"{where}: {what} till några data och skulle visa mallens exempeldata. Ge "
                f"formen namnet {names[0]} i markeringsfönstret (Start › Ordna › "
                f"Markeringsfönster). Namn som väntar på en form: {', '.join(names)}.")
    if kind in (Kind.NO_DATA_FOR_BINDING, Kind.NOT_A_CHART, Kind.NOT_A_TABLE):
        what = _WHAT.get(exc.binding, "formen")
        valid = ", ".join(f'"{exc.binding}:{n}"' for n in exc.choices) or "inga"
        reason = (f"det finns inga data för {what} {exc.name}" if kind is Kind.NO_DATA_FOR_BINDING
                  else f"formen är inte {_KIND_NAME[kind]}")
        return f"{where}: {reason}. Giltiga namn för {what}: {valid}."
    if kind is Kind.TOO_MANY_SLIDES:
        return (f"{where}: bilden skulle bli fler än {exc.limit} bilder i presentationen. Korta "
                "texterna eller tabellerna i arbetsboken, eller dela upp bilden i mallen.")
    return f"{where}: mallen kunde inte användas. Kontrollera taggarna i formen."  # no new kind


def notice_sv(template: str, notice, options: Options = OPTIONS) -> Diagnostic:
    """Return what fitting did to a text as a warning on the template."""
    where = f'Mallens bild {notice.slide}, formen "{notice.shape}"'
    size = f"{notice.size or options.min_font_pt:g}"
    if notice.kind == CUT:
        slides = (f"{options.max_text_slides} bilder" if options.max_text_slides > 1
                  else "en bild")
        message = (f"{where}: texten får inte plats på {slides} ens med "
                   f"{size} punkter och förkortas i presentationen. Korta texten "
                   "i arbetsboken, eller gör formen större i mallen.")
    else:
        message = (f"{where}: formen är lägre än en textrad med {size} punkter, "
                   "så texten syns inte hel. Gör formen större i mallen.")
    return Diagnostic(template, message, severity=Severity.VARNING)


def deck_template(path: Path, kommun: m.Kommun, **options) -> DeckTemplate:
    """Return a deck template loaded for a kommun (its bilder per avsnitt), with any of the
    engine's options given ("summary": the note of a summarised table)."""
    return DeckTemplate(path, environment(Filters(kommun), "text"),
                        replace(deck_options(kommun), **options))


def bilder(templates: Path | None) -> tuple[dict[str, bytes], list[Diagnostic]]:
    """Return the pictures the decks place by shape name – the logo, when the templates folder
    (or the tool) has one that can be read – and what is wrong with the logo's file."""
    found, problems = logo.load(templates)
    return ({"logotyp": found.png} if found else {}), problems


def notices(template: DeckTemplate, name: str) -> list[Diagnostic]:
    """Return, as warnings on the template, what fitting had to do to texts in the last deck
    rendered from it (rows split or summarised are the workbook's: `amounts`)."""
    return [notice_sv(name, n, template.engine.options) for n in template.notices
            if n.kind not in (SPLIT, SUMMARISED)]


def amounts(template: DeckTemplate) -> list[Amount]:
    """Return what the last deck rendered from a template did with rows too many or too long
    for its slides, for `deck_checks.place` to say at the workbook's cells: not a table the
    meeting's own part summarises, since Mer underlag shows it whole."""
    kinds = {SPLIT: deck_checks.SPLIT, SUMMARISED: deck_checks.SUMMARISED}
    return [Amount(kinds[n.kind], n.item, n.shown, n.total, n.source, n.shape)
            for n in template.notices if n.kind in kinds
            and not n.limited]  # the meeting's own part: the whole table follows it


class DeckRenderer:
    """Both deck templates for one kommun, each loaded and compiled once: a shortcut for tests
    and the bench (a build renders each declared deck through produce/kinds.py)."""

    def __init__(self, templates: Path | None, kommun: m.Kommun, mote: GemensamtMote | None = None) -> None:
        self.kommun = kommun
        self.mote = mote or next_meeting(kommun)  # the meeting the decks are for
        self.options = deck_options(kommun)
        self.avstamning = deck_template(resources.template(AVSTAMNING, templates), kommun)
        self.kommunovergripande = deck_template(
            resources.template(KOMMUNOVERGRIPANDE, templates), kommun, summary=KOMMUN_SUMMARY)
        self.bilder, _ = bilder(templates)

    def template(self, name: str) -> DeckTemplate:
        """Return the deck template by its file name."""
        return self.avstamning if name == AVSTAMNING else self.kommunovergripande

    def notices(self, name: str) -> list[Diagnostic]:
        """Return what fitting had to do to texts in the last deck of a template (`notices`)."""
        return notices(self.template(name), name)

    def amounts(self, name: str) -> list[Amount]:
        """Return what the last deck of a template did with its rows (`amounts`)."""
        return amounts(self.template(name))

    def namnd_deck(self, namnd: m.Namnd) -> bytes:
        """Return one nämnd's avstämning deck, of the nämnd as it stood on the meeting's date."""
        namnd = as_of(namnd, self.mote.datum, self.kommun)
        context = avstamning_context(self.kommun, namnd, self.bilder, self.mote)
        return self.avstamning.render(context, title=f"Verksamhetsidé – {namnd.namn}",
                                      author=f"{self.kommun.namn}, {namnd.forvaltning}")

    def kommun_deck(self, namnder: list[m.Namnd]) -> bytes:
        """Return the presentation that combines all nämnder, as they stood on the meeting's
        date."""
        namnder = [as_of(n, self.mote.datum, self.kommun) for n in namnder]
        context = kommun_context(self.kommun, namnder, self.bilder, self.mote)
        return self.kommunovergripande.render(
            context, title=f"Verksamhetsidéer i {self.kommun.namn} – kommunövergripande",
            author=self.kommun.namn)
