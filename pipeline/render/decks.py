"""The decks: each nämnd's avstämning deck and the kommunövergripande presentation."""

from __future__ import annotations

from pathlib import Path

from .. import model as m
from .. import resources
from ..diagnostics import Diagnostic, Severity
from .context import Filters, avstamning_context, kommun_context
from .environment import environment
from .pptx import PptxTemplate
from .pptx.engine import MAX_TEXT_SLIDES, MIN_FONT_PT

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

    def template(self, name: str) -> PptxTemplate:
        """Return the deck template by its file name."""
        return self.avstamning if name == AVSTAMNING else self.kommunovergripande

    def notices(self, name: str) -> list[Diagnostic]:
        """Return, as warnings on the template, what fitting had to do to texts in the last
        deck rendered from it."""
        out = []
        for n in self.template(name).notices:
            where = f'Mallens bild {n.slide}, formen "{n.shape}"'
            if n.kind == "förkortad":
                message = (f"{where}: texten får inte plats på {MAX_TEXT_SLIDES} bilder ens med "
                           f"{MIN_FONT_PT} punkter och förkortas i presentationen. Korta texten "
                           "i arbetsboken, eller gör formen större i mallen.")
            else:
                message = (f"{where}: formen är lägre än en textrad med {MIN_FONT_PT} punkter, "
                           "så texten syns inte hel. Gör formen större i mallen.")
            out.append(Diagnostic(name, message, severity=Severity.VARNING))
        return out

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
