"""The renderer kinds, by name, as the registry's declarations use them (the way Sphinx names
one builder per format): a Word template, a deck template, a calendar, an HTML page. Each is
made once per output and process, from a `Setting` that pickles, and renders one subject at a
time."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import model as m
from .. import resources
from ..diagnostics import Diagnostic
from .outputs import CALENDAR, DECK, HTML, MEETING, NAMNDER, WORD, Output

if TYPE_CHECKING:
    from ..domain.deck_checks import Amount
    from ..render.meeting import GemensamtMote


@dataclass(frozen=True)
class Setting:
    """What every renderer of one build shares: the kommun, the templates folder, the
    meeting the decks are for and every nämnd read (for an output about one nämnd that shows
    what the others wrote about it: `outputs.NAMNDER`)."""

    kommun: m.Kommun
    templates: Path | None
    meeting: GemensamtMote | None = None
    namnder: tuple[m.Namnd, ...] = ()


def _names(setting: Setting, subject: object) -> dict[str, object]:
    """Return what a declaration's title and author may name: the kommun and the nämnd."""
    return {"kommun": setting.kommun, "namnd": subject if isinstance(subject, m.Namnd) else None}


class Word:
    """Documents from one Word template (render/docx.py)."""

    @staticmethod
    def libraries() -> None:
        """Import what rendering Word documents takes (for forked workers to inherit)."""
        from ..render import docx  # noqa: F401

    def __init__(self, output: Output, setting: Setting) -> None:
        from ..render import logo
        from ..render.docx import DocxRenderer

        found, self.logo_problems = logo.load(setting.templates)
        self.renderer = DocxRenderer(resources.template(output.template, setting.templates),
                                     setting.kommun, output.context_function(), found)

    def render(self, subject: object) -> bytes:
        """Return one document's bytes."""
        return self.renderer.render(subject)

    def problems(self) -> list[Diagnostic]:
        """Return the template's warnings (comments, tracked changes taken out) and the logo's."""
        return [*self.renderer.warnings, *self.logo_problems]

    def amounts(self) -> list[Amount]:
        """Return what the last document did with a workbook's rows: a document shows all."""
        return []

    @property
    def origins(self) -> list[int] | None:
        """A document has no template slides."""
        return None


class Deck:
    """Decks from one PowerPoint template (render/decks.py on the pptx engine)."""

    @staticmethod
    def libraries() -> None:
        """Import what rendering decks takes (for forked workers to inherit)."""
        from ..render import decks  # noqa: F401
        from ..render.pptx import engine  # noqa: F401

    def __init__(self, output: Output, setting: Setting) -> None:
        from ..render import decks
        from ..render.meeting import mote

        self.output, self.setting = output, setting
        self.template = decks.deck_template(resources.template(output.template, setting.templates),
                                            setting.kommun, **dict(output.options))
        self.bilder, self.logo_problems = decks.bilder(setting.templates)
        self.mote = setting.meeting or mote(setting.kommun)
        self.context = output.context_function()

    def render(self, subject: object) -> bytes:
        """Return one deck's bytes, of the nämnder as they stood on the meeting's date (a deck
        not made for a meeting, such as a pass's material, is dated by its context)."""
        from ..domain.faser import as_of

        kommun = self.setting.kommun
        datum = self.mote.datum if MEETING in self.output.depends else None
        subject = (as_of(subject, datum, kommun) if isinstance(subject, m.Namnd)
                   else [as_of(n, datum, kommun) for n in subject])
        names = _names(self.setting, subject)
        others = {"namnder": self.setting.namnder} if NAMNDER in self.output.depends else {}
        context = self.context(kommun, subject, self.bilder, self.mote, **others)
        return self.template.render(context, title=self.output.title.format(**names),
                                    author=self.output.author.format(**names))

    def problems(self) -> list[Diagnostic]:
        """Return what fitting had to do to texts in the last deck, as template warnings."""
        from ..render.decks import notices

        return [*notices(self.template, self.output.template), *self.logo_problems]

    def amounts(self) -> list[Amount]:
        """Return what the last deck did with rows too many or too long for its slides."""
        from ..render.decks import amounts

        return amounts(self.template)

    @property
    def origins(self) -> list[int]:
        """Return the template slide of each slide of the last deck."""
        return self.template.origins


class _Whole:
    """A kind whose outputs show everything they are given and whose templates, if any, have
    nothing to warn of that rendering did not raise: no problems, amounts or slides."""

    def problems(self) -> list[Diagnostic]:
        return []

    def amounts(self) -> list[Amount]:
        return []

    @property
    def origins(self) -> None:
        return None


class Calendar(_Whole):
    """Calendar files (.ics) of the joint milestones and the nämnders' meetings."""

    @staticmethod
    def libraries() -> None:
        """Import what writing calendars takes (for forked workers to inherit)."""
        import icalendar  # noqa: F401

    def __init__(self, output: Output, setting: Setting) -> None:
        self.libraries()
        self.output, self.setting = output, setting

    def render(self, subject: object, replaces: Path | None = None) -> bytes:
        """Return one calendar's bytes: a nämnd's, or every nämnd's; its events' revisions go
        on from the file it `replaces` (render/ical.py)."""
        from ..render.ical import calendar_bytes

        namnder = [subject] if isinstance(subject, m.Namnd) else list(subject)
        title = self.output.title.format(**_names(self.setting, subject))
        previous = None
        if replaces is not None:
            with contextlib.suppress(OSError):  # none yet, or unreadable: every event is new
                previous = replaces.read_bytes()
        return calendar_bytes(self.setting.kommun, namnder, title, previous)

class Html(_Whole):
    """Pages from one HTML template, a Jinja one that escapes every value (render/html.py)."""

    @staticmethod
    def libraries() -> None:
        """Import what rendering pages takes (for forked workers to inherit)."""
        from ..render import html  # noqa: F401

    def __init__(self, output: Output, setting: Setting) -> None:
        from ..render.html import HtmlRenderer

        self.renderer = HtmlRenderer(resources.template(output.template, setting.templates),
                                     setting.kommun, output.context_function())

    def render(self, subject: object) -> bytes:
        """Return one page's bytes."""
        return self.renderer.render(subject)

KINDS = {WORD: Word, DECK: Deck, CALENDAR: Calendar, HTML: Html}


def load(output: Output, setting: Setting):
    """Return the renderer of an output (raise TemplateError when its template cannot be
    loaded)."""
    return KINDS[output.kind](output, setting)
