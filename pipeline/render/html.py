"""HTML pages rendered from a Jinja template (the registry's kind "html"): strict
(`StrictUndefined`), and escaping every value for HTML, so that cell text is data: `<script>`
or `{{ x }}` in a workbook comes out literally. One HtmlRenderer per template file, compiled
once, with the function that builds what its template sees.

A page is written as UTF-8 bytes and depends on nothing but its template and its context: no
build time, no absolute path, so the same inputs give the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from .. import model as m
from .. import svenska
from ..diagnostics import TemplateError
from .context import stycken
from .environment import error_line, jinja_message_sv

Context = Callable[[m.Kommun, Any], Any]


def environment() -> jinja2.Environment:
    """Return a strict environment that escapes every value for HTML, with the filters of
    Swedish text."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update({"datum": svenska.datum, "kort_datum": svenska.kort_datum,
                        "klockslag": svenska.klockslag, "lista": svenska.lista,
                        "gemen": svenska.gemen, "versal": svenska.versal, "stycken": stycken})
    return env


class HtmlRenderer:
    """Renders pages from one HTML template file; `context` returns what the template sees for
    one subject (a nämnd, or every nämnd for a kommun-wide page)."""

    def __init__(self, template: Path, kommun: m.Kommun, context: Context) -> None:
        self.name, self.kommun, self.context = template.name, kommun, context
        self.env = environment()
        try:
            self.source = template.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise TemplateError(f"Mallen {self.name} kan inte läsas. Spara den som text i "
                                "UTF-8 (till exempel i Anteckningar: Spara som, kodning "
                                "UTF-8).") from None
        try:
            self.template = self.env.from_string(self.source)
        except jinja2.TemplateSyntaxError as exc:
            raise self._error(exc) from None

    def render(self, subject: Any) -> bytes:
        """Return the page's bytes for one subject."""
        context = dict(self.context(self.kommun, subject))
        try:
            page = self.template.render(context)
        except jinja2.TemplateError as exc:
            raise self._error(exc) from None
        except Exception:  # noqa: BLE001 - a restyled template fails in many ways
            raise TemplateError(f"Mallen {self.name}: en tagg kunde inte användas med "
                                "underlagets värden. Kontrollera filtren i taggen och vad de "
                                "får för värden.") from None
        return page.encode("utf-8")

    def _error(self, exc: jinja2.TemplateError) -> TemplateError:
        """Return a template error in Swedish naming the template and the line."""
        line = error_line(exc, self.source, self.env)
        where = f"Mallen {self.name}" + (f", rad {line}" if line else "")
        what = jinja_message_sv(exc, self.env)
        if isinstance(exc, jinja2.UndefinedError):
            return TemplateError(f"{where}: {what}. Rätta stavningen i mallen; namnen listas i "
                                 "README under Mallar.")
        if isinstance(exc, jinja2.TemplateSyntaxError):
            return TemplateError(f"{where}: {what}. Kontrollera att varje {{{{ … }}}} och "
                                 "{% … %} är hel och att varje if och for har sitt slut.")
        return TemplateError(f"{where}: {what}.")
