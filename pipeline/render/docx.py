"""Word documents rendered from docxtpl templates, strictly: one DocxRenderer per template file
(the beslutsunderlag, its bilaga 1, the kommun's avrapportering), each with the function that
builds what its template sees.

The template's language is docxtpl's ({{ }}, {%p %}, {%tr %}), and its own preprocessing turns
the Word XML into Jinja source. That source is compiled once per build; each document is then
one Jinja render per XML part written straight into the zip, without python-docx parsing and
re-serialising the whole document for every nämnd.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import DocxTemplate

from .. import model as m
from ..diagnostics import Diagnostic, Severity, TemplateError
from ..domain import tidplan
from ..output import FixedZip
from . import docx_logo
from .context import Filters, bilaga_context, memo_context
from .docx_clean import clean_package
from .docx_grid import GRID_MARKER, insert_grid
from .docx_tables import hold_tables, text_style, text_width_cm
from .environment import environment, error_line, jinja_message_sv
from .logo import Logo

TEMPLATE_NAME = "beslutsunderlag.docx"
Context = Callable[[m.Kommun, Any], dict]
# Each Word template and what its documents are made from; a context may hold "veckoschema", a
# tidplan.Veckoschema that becomes a Word table where {{ veckoschema }} stands.
CONTEXTS: dict[str, Context] = {
    "beslutsunderlag.docx": memo_context,
    "bilaga.docx": bilaga_context,
}
# The parts docxtpl renders: the body, headers, footers, foot- and endnotes (and the properties).
_TEMPLATED = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_CORE = "docProps/core.xml"
# What a user calls each part, for error messages
_PART_NAMES = (("word/document", "brödtext"), ("word/header", "sidhuvud"),
               ("word/footer", "sidfot"), ("word/footnotes", "fotnot"),
               ("word/endnotes", "slutnot"), (_CORE, "dokumentegenskaper"))
# a text whose tabs, line breaks, "\a" and "\f" docxtpl's resolve_listing turns into Word's own
_LISTING = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\x07\n\x0c]|<w:t [^>]*[\t\x07\n\x0c]")
NEAR_CHARS = 60  # how much of the text around a broken tag an error message quotes
# what a Word user sees of a line of a part's template source
_SEEN = re.compile(r"<w:t(?:\s[^>]*)?>(?P<text>.*?)</w:t>|</w:(?P<end>p|tr|tc|tblGrid|tbl)>"
                   r"|<w:(?:tab|br|cr)/>(?P<space>)|\{%-?(?P<body>.*?)%\}", re.S)


KEEP = object()  # DocxRenderer's logo: the template's own picture stays in its slot

class DocxRenderer:
    """Renders documents from one Word template file, compiled once; `context` returns what
    the template sees for one subject (a nämnd, or every nämnd for a kommun-wide document)."""

    def __init__(self, template: Path, kommun: m.Kommun, context: Context | None = None,
                 logo: Logo | None | object = KEEP) -> None:
        """`logo`: the build's logo for the template's slot (`bild:logotyp` in a header), None
        for none (the slot is taken out); by default the template's own picture stays."""
        self.template = template
        self.kommun = kommun
        self.context = context or CONTEXTS.get(template.name, memo_context)
        filters = Filters(kommun)
        self.env = environment(filters, "xml")
        self.core_env = environment(filters, "xml-line")
        try:
            blob = template.read_bytes()
        except OSError:
            blob = b""
        if logo is not KEEP and blob:
            blob = docx_logo.apply(blob, logo)
        prepared = _prepared(blob)
        if prepared is None:
            raise TemplateError(f"Mallen {template.name} kan inte öppnas som ett Word-dokument. "
                                "Spara den som Word-dokument (.docx) i Word.")
        self.members, message, self.sources, self.table_text, self.zip = prepared
        self.helper = DocxTemplate(template)  # docxtpl's own listing pass (resolve_listing)
        self.warnings: list[Diagnostic] = []
        if message:
            self.warnings.append(Diagnostic(template.name, message, severity=Severity.VARNING))

    def render(self, subject: Any) -> bytes:
        """Return the rendered document's bytes for one subject (a nämnd, or the nämnder)."""
        context = dict(self.context(self.kommun, subject))
        grid = context.get("veckoschema")
        if isinstance(grid, tidplan.Veckoschema):
            context["veckoschema"] = GRID_MARKER
        else:
            grid = None
        rendered = {}
        for name, source in self.sources.items():
            xml = self._render(name, source, context)
            if name == "word/document.xml":
                xml = hold_tables(xml, *self.table_text)
                if grid is not None and GRID_MARKER in xml:
                    width = text_width_cm(xml, xml.index(GRID_MARKER))
                    xml = insert_grid(xml, grid, self._style_id("Tabelltext"),
                                      *([width] if width else []))
            rendered[name] = xml.encode("utf-8")
        return self.zip((name, rendered.get(name, blob)) for name, blob in self.members)

    def _render(self, name: str, source: str, context: dict) -> str:
        """Render one part as docxtpl does, with errors that name the template."""
        env = self.core_env if name == _CORE else self.env
        try:
            xml = env.from_string(source).render(context)
        except Exception as exc:  # noqa: BLE001 - a broken template fails in many ways
            raise self._error(name, source, env, exc) from None
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        if name == _CORE or not _LISTING.search(xml):  # no tab, break or new paragraph to make
            return xml
        return self.helper.resolve_listing(xml)

    def _error(self, name: str, source: str, env: jinja2.Environment,
               exc: Exception) -> TemplateError:
        """Return a template error in Swedish naming the part and the text around the tag."""
        where = f"Mallen {self.template.name}, {part_name(name)}"
        line = error_line(exc, source, env)
        lines = re.split(r"\r\n|\r|\n", source)
        if line and 0 < line <= len(lines):
            near = nearby_text(lines[line - 1], _focus(exc), xml_text=name != _CORE)
            if near:
                where += f', vid texten "{near}"'
        if isinstance(exc, jinja2.UndefinedError):
            return TemplateError(f"{where}: {jinja_message_sv(exc)}. Rätta stavningen i mallen; "
                                 "namnen listas i README under Mallar.")
        if re.match(r"No (filter|test) named", getattr(exc, "message", None) or ""):
            return TemplateError(f"{where}: {jinja_message_sv(exc, env)}. Filtren listas i README "
                                 "under Mallar.")
        if isinstance(exc, jinja2.TemplateSyntaxError):
            return TemplateError(
                f"{where}: {jinja_message_sv(exc, env)}. Kontrollera att varje {{{{ … }}}} och "
                "{%p … %} är hel och att varje if och for har sitt slut.")
        if isinstance(exc, jinja2.TemplateError):
            return TemplateError(f"{where}: {jinja_message_sv(exc, env)}.")
        return TemplateError(f"{where}: en tagg kunde inte användas med underlagets värden. "
                             "Kontrollera filtren i taggen och vad de får för värden.")

    def _style_id(self, name: str) -> str | None:
        styles = dict(self.members).get("word/styles.xml", b"")
        match = re.search(rb'w:styleId="([^"]+)"[^>]*>\s*<w:name w:val="' + re.escape(name.encode())
                          + rb'"', styles)
        return match[1].decode() if match else None


_PREPARED: dict[bytes, tuple | None] = {}  # Word templates prepared in this process, by hash
_PREPARED_LIMIT = 32


def _prepared(blob: bytes) -> tuple | None:
    """Return a Word template made ready to render, once per content in a process: its parts
    (comments and tracked changes taken out), what was taken out, the Jinja source of each
    templated part, the table text's size and font, and its zip writer. None: no Word file."""
    key = hashlib.sha256(blob).digest()
    if key not in _PREPARED:
        if len(_PREPARED) >= _PREPARED_LIMIT:
            _PREPARED.clear()
        _PREPARED[key] = _prepare(blob)
    return _PREPARED[key]


def _prepare(blob: bytes) -> tuple | None:
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as z:
            members = [(info.filename, z.read(info)) for info in z.infolist()]
        members, found = clean_package(members)
        helper = DocxTemplate(io.BytesIO(blob))  # docxtpl's own preprocessing of its tags
        # one line per paragraph, so an error's line number finds its paragraph (as docxtpl)
        sources = {name: re.sub(r"<w:p([ >])", r"\n<w:p\1",
                                tag_entities(helper.patch_xml(
                                    section_breaks_apart(part.decode("utf-8")))))
                   for name, part in members
                   if (_TEMPLATED.match(name) or name == _CORE) and b"{" in part}
    except Exception:  # noqa: BLE001 - a broken file is the user's template
        return None
    table_text = text_style(dict(members).get("word/styles.xml", b""))
    # the parts no document changes are compressed once, for every document
    zip_writer = FixedZip(shared=tuple(name for name, _ in members if name not in sources))
    return members, found.message(), sources, table_text, zip_writer


# Character references that programs write for quotes and ampersands (LibreOffice writes
# &apos; for '), which docxtpl's own cleaning leaves in a tag, where Jinja cannot read them
_ENTITY = re.compile(r"&(?:apos|quot|amp|#39|#34|#x27|#x22|#38|#x26);")
_IN_TAG = re.compile(r"(?<=\{[\{%])(.*?)(?=[\}%]\})", re.S)


_TAG_PARAGRAPH = re.compile(r"<w:p[ >](?:(?!<w:p[ >]).)*?</w:p>", re.S)
_SECTION = re.compile(r"<w:sectPr\b(?:(?!</w:sectPr>).)*</w:sectPr>|<w:sectPr\b[^>]*/>", re.S)
_CLOSING = re.compile(r"\{%-?p\s+end")


def section_breaks_apart(xml: str) -> str:
    """Return document XML where no {%p … %} paragraph carries a section break.

    docxtpl drops a {%p … %} paragraph whole, so a section break saved in one (LibreOffice
    moves an empty paragraph's break into the tag paragraph before it) would vanish with it.
    The break moves to an empty paragraph of its own inside the block: after an opening tag,
    before a closing one."""
    def apart(match: re.Match) -> str:
        paragraph = match[0]
        section = _SECTION.search(paragraph)
        if section is None or "{%p" not in re.sub(r"<[^>]+>", "", paragraph):
            return paragraph
        own = f"<w:p><w:pPr>{section[0]}</w:pPr></w:p>"
        rest = paragraph[:section.start()] + paragraph[section.end():]
        text = re.sub(r"<[^>]+>", "", rest)
        return own + rest if _CLOSING.search(text) else rest + own

    return _TAG_PARAGRAPH.sub(apart, xml) if "<w:sectPr" in xml else xml


def tag_entities(source: str) -> str:
    """Return template source whose tags hold their quotes and ampersands as characters."""
    return _IN_TAG.sub(lambda m: _ENTITY.sub(lambda e: html.unescape(e[0]), m[0]), source)


def part_name(name: str) -> str:
    """Return what a Word user calls a part of the package: "sidhuvud" for word/header2.xml."""
    return next((label for prefix, label in _PART_NAMES if name.startswith(prefix)), name)


def _focus(exc: Exception) -> tuple[str, bool]:
    """Return a pattern for the tag an error is about, and whether to take its last occurrence
    on the line (a block that never ends: the innermost is the last one opened)."""
    message = " ".join((getattr(exc, "message", "") or "").split())
    match = re.search(r"innermost block that needs to be closed is '(\w+)'", message)
    if match and message.startswith("Unexpected end of template"):
        return r"\{%\w*\s+" + match[1] + r"\b", True
    match = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'|named '([^']+)'|"
                      r"unexpected char '(.)'|unknown tag '(\w+)'", message)
    name = next((g for g in match.groups() if g), "") if match else ""
    return (re.escape(name) if name else r"\{"), False


def nearby_text(line: str, focus: tuple[str, bool] = (r"\{", False), *, xml_text: bool = True,
                width: int = NEAR_CHARS) -> str:
    """Return the text a Word user sees on one line of a part's template source, shortened
    around the tag an error is about. Paragraphs, tabs and breaks become spaces; docxtpl's
    {%p … %} and {%tr … %} tags, which stand outside the text, are shown as written.
    """
    if xml_text:
        parts, kind = [], "p"
        for mt in _SEEN.finditer(line):
            if mt["text"] is not None:
                parts.append(mt["text"])
            elif mt["end"]:
                kind = {"tr": "tr", "tblGrid": "tr", "tc": "tc"}.get(mt["end"], "p")
                parts.append(" " if mt["end"] == "p" else "")
            elif mt["space"] is not None:
                parts.append(" ")
            else:  # a tag docxtpl took out of its paragraph, row or cell
                parts.append(f" {{%{kind} {mt['body'].strip()} %}} ")
        text = "".join(parts)
    else:  # document properties: one element each
        text = re.sub(r"<[^<>]*>", "", re.sub(r"</[^>]+>", " ", line))
    text = " ".join(html.unescape(text).split())
    if len(text) <= width:
        return text
    hits = [mt.start() for mt in re.finditer(focus[0], text)] or [max(text.find("{"), 0)]
    at = hits[-1] if focus[1] else hits[0]
    opening = text.rfind("{", 0, at + 1)
    if opening >= 0 and "}" not in text[opening:at]:  # from the start of the tag
        at = opening - 1 if text[opening - 1:opening] == "{" else opening
    close = text.find("}", at)  # the whole tag stays in, and no word is cut
    tag_end = close + (2 if text[close + 1:close + 2] == "}" else 1) if close >= 0 else at + 1
    start = max(0, min(at - width // 3, len(text) - width))
    end = max(start + width, tag_end)
    if start and text[start - 1] != " " and " " in text[start:at]:
        start = text.index(" ", start) + 1
    if end < len(text) and " " in text[tag_end:end]:
        end = text.rindex(" ", tag_end, end)
    cut = text[start:end].strip()
    return ("…" if start else "") + cut + ("…" if end < len(text) else "")
