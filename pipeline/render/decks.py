"""The decks: each nämnd's avstämning deck and the kommunövergripande presentation."""

from __future__ import annotations

from pathlib import Path

from .. import model as m
from .. import resources
from .context import Filters, avstamning_context, kommun_context
from .environment import environment
from .pptx import PptxTemplate

AVSTAMNING = "avstamning.pptx"
KOMMUNOVERGRIPANDE = "kommunovergripande.pptx"


class DeckRenderer:
    """Renders both deck templates, each loaded and compiled once per build."""

    def __init__(self, templates: Path | None, kommun: m.Kommun) -> None:
        self.kommun = kommun
        env = environment(Filters(kommun), "text")
        self.avstamning = PptxTemplate(resources.template(AVSTAMNING, templates), env)
        self.kommunovergripande = PptxTemplate(resources.template(KOMMUNOVERGRIPANDE, templates),
                                               env)
        logo = resources.template(resources.LOGO, templates)
        self.bilder = {"logotyp": logo} if logo.is_file() else {}

    def namnd_deck(self, namnd: m.Namnd) -> bytes:
        """Return one nämnd's avstämning deck."""
        context = avstamning_context(self.kommun, namnd, self.bilder)
        return self.avstamning.render(context, title=f"Verksamhetsidé – {namnd.namn}",
                                      author=f"{self.kommun.namn}, {namnd.forvaltning}")

    def kommun_deck(self, namnder: list[m.Namnd]) -> bytes:
        """Return the presentation that combines all nämnder."""
        context = kommun_context(self.kommun, namnder, self.bilder)
        return self.kommunovergripande.render(
            context, title=f"Verksamhetsidéer i {self.kommun.namn} – kommunövergripande",
            author=self.kommun.namn)
