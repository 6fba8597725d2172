"""Strict Jinja environments: unknown names fail, and cell text is always data."""

from __future__ import annotations

import re
from typing import Literal

import jinja2
from markupsafe import Markup, escape

from .context import Filters

# Characters XML 1.0 cannot hold; tab and line feed stay (they become <w:tab/>, <a:br/> …).
INVALID_XML = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
# docxtpl turns these back into {{ }} / {% %} after rendering; keep them literal instead.
_DOCXTPL_MARKERS = re.compile(r"\{_(?=[{%])|(?<=[}%])_\}")


def _text(value: object) -> str:
    """Return a value as text XML can hold (the PowerPoint engine sets it through lxml)."""
    return INVALID_XML.sub("", "" if value is None else str(value))


def _xml(value: object) -> Markup:
    """Return a value as escaped XML text for docxtpl, which renders the XML itself."""
    if isinstance(value, Markup):
        return value
    escaped = str(escape(_text(value)))
    return Markup(_DOCXTPL_MARKERS.sub(lambda mt: mt[0].replace("_", "&#95;"), escaped))


def _plain(value: object) -> str:
    """Return a value as one line of plain text, for document properties."""
    return " ".join(_text(value).split())


def _xml_line(value: object) -> Markup:
    """Return a value as one line of escaped XML text, for document properties."""
    return Markup(escape(_plain(value)))


FINALIZE = {"xml": _xml, "xml-line": _xml_line, "text": _text, "plain": _plain}


class _Environment(jinja2.Environment):
    """Compiles each distinct template source once: docxtpl calls from_string per document."""

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self._compiled: dict[str, jinja2.Template] = {}

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 - Jinja's
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        template = self._compiled.get(source)
        if template is None:
            template = self._compiled[source] = super().from_string(source)
        return template


def environment(filters: Filters,
                mode: Literal["xml", "xml-line", "text", "plain"]) -> jinja2.Environment:
    """Return a strict environment: "xml" for Word parts, "xml-line" for their properties,
    "text" for PowerPoint (python-pptx escapes), "plain" for one-line text."""
    env = _Environment(
        undefined=jinja2.StrictUndefined,
        autoescape=mode in ("xml", "xml-line"),
        finalize=FINALIZE[mode],
        keep_trailing_newline=True,
    )
    env.filters.update(filters.as_dict())
    return env


def undefined_name(exc: jinja2.UndefinedError) -> str:
    """Return the name a template used that the data does not have, quoted: "namm"."""
    match = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", str(exc))
    if not match:
        return str(exc)
    return f'"{match[2]}"' if match[2] else f'"{match[1]}"'
