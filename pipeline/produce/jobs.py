"""The outputs of a build: where each goes, the key of what it is made from, how to make it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import model as m
from .. import resources
from ..diagnostics import Diagnostic

if TYPE_CHECKING:
    from ..domain.inputs import Inputs

def output_path(out: Path, kod: str, kind: str = "beslutsunderlag") -> Path:
    """Return where a nämnd's document is written: beslutsunderlag, bilaga 1, avstämning deck
    or calendar."""
    if kind == "bilaga":
        return out / kod / f"bilaga-1-{kod}.docx"
    suffix = {"beslutsunderlag": ".docx", "avstamning": ".pptx", "tidplan": ".ics"}[kind]
    return out / kod / f"{kind}-{kod}{suffix}"


# The Word documents of each nämnd: (output kind, template); one renderer per template
NAMND_DOCUMENTS = (("beslutsunderlag", "beslutsunderlag.docx"), ("bilaga", "bilaga.docx"))


KOMMUN_DECK = "kommunovergripande.pptx"
KOMMUN_CALENDAR = "tidplan.ics"
AVRAPPORTERING = "avrapportering.docx"  # kommunstyrelsen's avrapportering of every nämnd
BILAGA_AVRAPPORTERING = "bilaga-avrapportering.docx"  # its bilaga 1 (output and template name)
# The avrapportering's Word documents: each template's name is its output's name in build/
KOMMUN_DOCUMENTS = (AVRAPPORTERING, BILAGA_AVRAPPORTERING)


@dataclass(eq=False)
class Job:
    """One output: where it goes, the key of what it is made from, how to make it, and the
    template it comes from (named in its problems)."""

    target: Path
    key: str
    make: Callable[[], bytes]
    template: str = ""
    problems: Callable[[], list[Diagnostic]] | None = None  # warnings of the last make()
    prepare: Callable[[], object] | None = None  # loads what make() needs, for forked workers

    def relative(self, out: Path) -> str:
        """Return the target's path inside the build folder, with forward slashes."""
        return self.target.relative_to(out).as_posix()


def make_jobs(inputs: Inputs, kommun: m.Kommun, out: Path, templates: Path | None,
          fingerprint: dict[str, str], meeting=None) -> list[Job]:
    """Return every output of a build with its key; renderers are made only when needed.
    `meeting` (render.meeting.Mote) is what the decks are for, part of their keys."""
    from .manifest import key

    # the fingerprint already holds the hash of every input file and template
    hashes = {r.value.kod: fingerprint[f"inputs/{r.name}"] for r in inputs.results
              if r.kind == "namnd" and r.ok}
    kommun_hash = next(fingerprint[f"inputs/{r.name}"] for r in inputs.results
                       if r.value is kommun)
    template = {name: fingerprint.get(f"mall/{name}", "")
                for name in (*resources.TEMPLATE_NAMES, resources.LOGO)}
    made: dict[str, object] = {}
    mote = repr(meeting)  # the decks are remade when the meeting they are for changes

    def lazy(kind: str):
        """Return a Word template's or the deck renderer, made once, when first needed."""
        if kind not in made:
            made[kind] = renderer(kind, kommun, templates, meeting)
        return made[kind]

    def calendar_library() -> None:
        import icalendar  # noqa: F401 - the calendar jobs' library, loaded once

    def calendar(namnder: list[m.Namnd], title: str) -> bytes:
        from ..render.ical import calendar_bytes

        return calendar_bytes(kommun, namnder, title)

    def docx_warnings(name: str) -> Callable[[], list[Diagnostic]]:
        return lambda: list(lazy(name).warnings)

    def notices(deck: str) -> Callable[[], list[Diagnostic]]:
        return lambda: lazy("decks").notices(deck)

    jobs = []
    for namnd in inputs.namnder:
        own = (kommun_hash, hashes[namnd.kod])
        jobs += [
            Job(output_path(out, namnd.kod, kind), key("docx", *own, template[name]),
                lambda n=namnd, t=name: lazy(t).render(n), name,
                docx_warnings(name), lambda t=name: lazy(t))
            for kind, name in NAMND_DOCUMENTS]
        jobs += [
            Job(output_path(out, namnd.kod, "avstamning"),
                key("pptx", *own, template["avstamning.pptx"], template[resources.LOGO], mote),
                lambda n=namnd: lazy("decks").namnd_deck(n), "avstamning.pptx",
                notices("avstamning.pptx"), lambda: lazy("decks")),
            Job(output_path(out, namnd.kod, "tidplan"), key("ics", *own),
                lambda n=namnd: calendar([n], f"Verksamhetsidé – {n.namn}"),
                prepare=calendar_library),
        ]
    everyone = (kommun_hash, *(hashes[n.kod] for n in inputs.namnder))
    read = {id(r.value): fingerprint[f"inputs/{r.name}"] for r in inputs.results
            if r.kind == "namnd" and r.value is not None}
    in_progress = inputs.i_arbete  # the combined deck shows nämnder with errors too
    jobs += [
        Job(out / KOMMUN_DECK, key("pptx", kommun_hash, *(read[id(n)] for n in in_progress),
                                   template["kommunovergripande.pptx"], template[resources.LOGO],
                                   mote),
            lambda: lazy("decks").kommun_deck(in_progress), KOMMUN_DECK,
            notices(KOMMUN_DECK), lambda: lazy("decks")),
        Job(out / KOMMUN_CALENDAR, key("ics", *everyone),
            lambda: calendar(inputs.namnder, f"Verksamhetsidé – {kommun.namn}"),
            prepare=calendar_library),
        Job(out / AVRAPPORTERING, key("docx", *everyone, template[AVRAPPORTERING]),
            lambda: lazy(AVRAPPORTERING).render(inputs.namnder), AVRAPPORTERING,
            docx_warnings(AVRAPPORTERING),
            lambda: lazy(AVRAPPORTERING)),
        Job(out / BILAGA_AVRAPPORTERING, key("docx", *everyone, template[BILAGA_AVRAPPORTERING]),
            lambda: lazy(BILAGA_AVRAPPORTERING).render(inputs.namnder), BILAGA_AVRAPPORTERING,
            docx_warnings(BILAGA_AVRAPPORTERING), lambda: lazy(BILAGA_AVRAPPORTERING)),
    ]
    return jobs


def renderer(kind: str, kommun: m.Kommun, templates: Path | None, meeting=None):
    """Return a Word template's renderer (kind: the template's name, "bilaga.docx"), or the
    deck renderer (kind "decks"), each template loaded once."""
    if kind in KOMMUN_DOCUMENTS:
        from ..render import context_avrapportering as c
        from ..render.docx import DocxRenderer

        context = (c.avrapportering_context if kind == AVRAPPORTERING
                   else c.bilaga_avrapportering_context)
        return DocxRenderer(resources.template(kind, templates), kommun, context)
    if kind.endswith(".docx"):
        from ..render.docx import CONTEXTS, DocxRenderer

        return DocxRenderer(resources.template(kind, templates), kommun, CONTEXTS[kind])
    from ..render.decks import DeckRenderer

    return DeckRenderer(templates, kommun, meeting)
