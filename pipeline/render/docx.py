"""The beslutsunderlag: a tjänsteskrivelse rendered with docxtpl in a strict Jinja environment."""

from __future__ import annotations

import io
import re
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate

from .. import model as m
from ..diagnostics import TemplateError
from ..output import deterministic_zip
from .context import Filters, namnd_context
from .environment import environment

TEMPLATE_NAME = "beslutsunderlag.docx"
class _Template(DocxTemplate):
    """docxtpl, with document properties rendered as plain text (python-docx escapes them)."""

    plain_env: jinja2.Environment

    def render_properties(self, context, jinja_env=None):  # noqa: ANN001 - docxtpl's signature
        super().render_properties(context, self.plain_env)


class DocxRenderer:
    """Renders beslutsunderlag documents from one template file."""

    def __init__(self, template: Path, kommun: m.Kommun) -> None:
        self.template = template
        self.blob = template.read_bytes()
        self.kommun = kommun
        filters = Filters(kommun)
        self.env = environment(filters, "xml")
        self.plain_env = environment(filters, "plain")

    def render(self, namnd: m.Namnd) -> bytes:
        """Return the rendered document's bytes for one nämnd."""
        tpl = _Template(io.BytesIO(self.blob))
        tpl.plain_env = self.plain_env
        context = namnd_context(self.kommun, namnd)
        try:
            tpl.render(context, self.env)
        except jinja2.UndefinedError as exc:
            raise TemplateError(
                f"Mallen {self.template.name} använder ett namn som inte finns i underlaget: "
                f"{_undefined_name(exc)}. Rätta stavningen i mallen; namnen listas i README "
                "under Mallar."
            ) from None
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                f"Mallen {self.template.name} har en felaktig tagg: {exc.message}. Kontrollera "
                "att varje {{ … }} och {%p … %} är hel och att varje if och for har sitt slut."
            ) from None
        except Exception as exc:  # noqa: BLE001 - docxtpl fails in many ways on a broken template
            raise TemplateError(
                f"Mallen {self.template.name} kunde inte användas ({type(exc).__name__}: {exc})."
            ) from None
        buf = io.BytesIO()
        tpl.save(buf)
        return deterministic_zip(buf.getvalue())


def _undefined_name(exc: jinja2.UndefinedError) -> str:
    match = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", str(exc))
    if not match:
        return str(exc)
    return f'"{match[2]}"' if match[2] else f'"{match[1]}"'

