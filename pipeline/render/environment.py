"""Strict Jinja environments: unknown names fail, and cell text is always data."""

from __future__ import annotations

import re
import types
from typing import Literal

import jinja2
from markupsafe import Markup, escape

from . import code_cache
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


_CODE: dict[tuple, object] = {}  # compiled sources, by what the code depends on, per process
_CODE_LIMIT = 20_000  # sources remembered: far more than a build's templates hold


class _Environment(jinja2.Environment):
    """Compiles each distinct template source once: docxtpl calls from_string per document, and
    a process that builds many times (`underlag bevaka`, the tests) compiles a source once for
    every environment that would compile it alike."""

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self._compiled: dict[str, jinja2.Template] = {}

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
        if not isinstance(source, str) or raw or defer_init or name or filename:
            return super().compile(source, name, filename, raw, defer_init)
        key = (self._code_signature(), source)
        code = _CODE.get(key)
        if code is None:
            disk = self._disk_key("template", source)
            code = code_cache.load(disk) if disk else None
            if code is None:
                code = super().compile(source)
                if disk:
                    code_cache.store(disk, code)
            if len(_CODE) >= _CODE_LIMIT:
                _CODE.clear()
            _CODE[key] = code
        return code

    def compile_expression(self, source: str, undefined_to_none: bool = True):
        """Compile an expression as Jinja does, its code once per source and environment alike."""
        from jinja2 import nodes
        from jinja2.environment import TemplateExpression
        from jinja2.parser import Parser

        key = (self._code_signature(), "expression", source)
        code = _CODE.get(key)
        disk = self._disk_key("expression", source) if code is None else None
        if code is None and disk:
            code = code_cache.load(disk)
        if code is None:
            parser = Parser(self, source, state="variable")
            try:
                expr = parser.parse_expression()
                if not parser.stream.eos:
                    raise jinja2.TemplateSyntaxError("chunk after expression",
                                                     parser.stream.current.lineno, None, None)
                expr.set_environment(self)
            except jinja2.TemplateSyntaxError:
                self.handle_exception(source=source)
            body = [nodes.Assign(nodes.Name("result", "store"), expr, lineno=1)]
            code = super().compile(nodes.Template(body, lineno=1))
            if disk:
                code_cache.store(disk, code)
        if key not in _CODE:
            if len(_CODE) >= _CODE_LIMIT:
                _CODE.clear()
            _CODE[key] = code
        template = self.template_class.from_code(self, code, self.make_globals(None), None)
        return TemplateExpression(template, undefined_to_none)

    def _code_signature(self) -> tuple:
        """Return what Jinja's generated code depends on beyond the source: the syntax, the
        output settings, and the finalize function, filters and tests themselves (Jinja calls
        them at compile time on constant arguments, so a filter bound to other data is another
        filter: `Filters.cache_key`). Worked out again only when one of them is replaced."""
        token = (id(self.finalize), id(self.filters), len(self.filters), id(self.tests),
                 len(self.tests), self.autoescape)
        known = self.__dict__.get("_signature")
        if known is not None and known[0] == token:
            return known[1]
        signature = self._work_out_signature()
        self.__dict__["_signature"] = (token, signature, _stable_text(signature))
        return signature

    def _disk_key(self, kind: str, source: str) -> str:
        """Return a source's key as text for the disk cache, or "" when the cache is off or
        part of the signature is known only by an object's identity in this process."""
        self._code_signature()
        text = self.__dict__["_signature"][2]
        if not text or code_cache.folder() is None:
            return ""
        return f"{text}\0{kind}\0{source}"

    def _work_out_signature(self) -> tuple:
        return (type(self), self.block_start_string, self.block_end_string,
                self.variable_start_string, self.variable_end_string,
                self.comment_start_string, self.comment_end_string,
                self.line_statement_prefix, self.line_comment_prefix, self.trim_blocks,
                self.lstrip_blocks, self.newline_sequence, self.keep_trailing_newline,
                _identity(self.autoescape), _identity(self.finalize),
                tuple(sorted(self.extensions)), self.optimized, self.is_async,
                tuple(sorted((n, _identity(f)) for n, f in self.filters.items())),
                tuple(sorted((n, _identity(f)) for n, f in self.tests.items())))

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 - Jinja's
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        template = self._compiled.get(source)
        if template is None:
            template = self._compiled[source] = super().from_string(source)
        return template


def _stable_text(signature: tuple) -> str:
    """Return a signature as text that is the same in every process, or "" when part of it is
    known only by an object's identity (then its sources are compiled in each process)."""
    def stable(part) -> bool:
        if isinstance(part, tuple):
            return not (len(part) == 2 and part[0] == "id") and all(stable(p) for p in part)
        return True

    return repr(signature) if stable(signature) else ""


def _identity(value) -> object:
    """Return what makes a function the function it is, the same in every environment of a
    process: a module function by its name, a method also by its instance's `cache_key`, a
    wrapper (`__wrapped__`) with what it wraps; anything else by its own identity."""
    if value is None or isinstance(value, bool):
        return value
    wrapped = getattr(value, "__wrapped__", None)
    owner = getattr(value, "__self__", None)
    if isinstance(owner, types.ModuleType):  # a built-in function: its module says it
        owner = None
    name = (getattr(value, "__module__", None), getattr(value, "__qualname__", None),
            getattr(value, "jinja_pass_arg", None))
    if name[1] is None or "<locals>" in name[1] and wrapped is None:
        return ("id", id(value))
    if owner is not None:
        key = getattr(owner, "cache_key", None)
        return (*name, key if key is not None else ("id", id(owner)))
    return (*name, _identity(wrapped)) if wrapped is not None else name


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


# -- Jinja's errors in Swedish, for people who write templates in Word and PowerPoint --

_BLOCKS = ("if", "for", "with", "filter", "macro", "call", "block", "autoescape", "trans", "raw")
_TAGS = ("if", "elif", "else", "endif", "for", "endfor", "set", "endset", "with", "endwith",
         "filter", "endfilter", "macro", "endmacro", "call", "endcall", "raw", "endraw")
_CURLY = "“”„‟‘’‚‛«»‹›″′"
# Jinja's names for tokens (jinja2.lexer.describe_token), as a template writer sees them
_TOKENS = {
    "end of print statement": '"}}"',
    "end of statement block": '"%}"',
    "begin of print statement": '"{{"',
    "begin of statement block": '"{%"',
    "end of template": "mallens slut",
    "name": "ett namn",
    "string": "en text inom citattecken",
    "integer": "ett tal",
    "float": "ett tal",
}


def _token(description: str) -> str:
    return _TOKENS.get(description, f'"{description}"')


def _closest(name: str, names) -> str:
    import difflib

    names = sorted(set(names))
    swapped = [n for n in names if sorted(n) == sorted(name) and n != name]  # "fi" for "if"
    close = swapped or difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    return f' (menar du "{close[0]}"?)' if close else ""


def _filter_names(env: jinja2.Environment | None) -> list[str]:
    if env is not None:
        return list(env.filters)
    from jinja2.defaults import DEFAULT_FILTERS

    return [*DEFAULT_FILTERS, *Filters.__new__(Filters).as_dict()]


def _test_names(env: jinja2.Environment | None) -> list[str]:
    if env is not None:
        return list(env.tests)
    from jinja2.defaults import DEFAULT_TESTS

    return list(DEFAULT_TESTS)


def jinja_message_sv(exc: jinja2.TemplateError, env: jinja2.Environment | None = None) -> str:
    """Return what went wrong in a tag as a Swedish clause, without Jinja's English.

    The clause starts in lower case and has no full stop, so callers can put it after where
    the tag is: 'Mallen x.pptx, bild 2: "if" avslutas aldrig med "endif"'. Pass the template's
    environment to have misspelt filter and test names matched against the ones it has.
    """
    message = " ".join((exc.message or "").split())
    if isinstance(exc, jinja2.UndefinedError):
        match = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", message)
        name = (match[2] or match[1]) if match else ""
        return (f'namnet "{name}" finns inte i underlaget' if name
                else "ett namn i taggen finns inte i underlaget")
    if match := re.match(r"No filter named '([^']+)'", message):
        return f'filtret "{match[1]}" finns inte{_closest(match[1], _filter_names(env))}'
    if match := re.match(r"No test named '([^']+)'", message):
        return f'testet "{match[1]}" finns inte{_closest(match[1], _test_names(env))}'
    if not isinstance(exc, jinja2.TemplateSyntaxError):
        return "en tagg kunde inte användas"
    if match := re.match(r"Unexpected end of template\. .*The innermost block that needs to be "
                         r"closed is '(\w+)'", message):
        return f'"{match[1]}" avslutas aldrig med "end{match[1]}"'
    match = re.match(r"Encountered unknown tag '(\w+)'\. .*The innermost block that needs "
                     r"to be closed is '(\w+)'", message)
    if match and match[1] in _TAGS:
        tag, block = match[1], match[2]
        if tag in ("else", "elif") and block == "if":
            return f'"{tag}" står efter "else" i samma "if"; ett "if" har högst ett "else", sist'
        return f'"{tag}" kommer innan "{block}" har avslutats med "end{block}"'
    if match := re.match(r"Encountered unknown tag '(\w+)'", message):
        tag = match[1]
        if tag.startswith("end") and tag[3:] in _BLOCKS:
            return f'"{tag}" har inget "{tag[3:]}" före sig'
        if tag in ("else", "elif"):
            return f'"{tag}" står utanför ett "if"'
        return f'taggen "{tag}" finns inte{_closest(tag, _TAGS)}'
    if match := re.match(r"unexpected char (['\"])(.+)\1 at \d+$", message):
        char = match[2]
        if char in _CURLY:
            return (f'tecknet {char} kan inte stå i en tagg; skriv raka citattecken '
                    "(\" eller ') inom {{ … }} och {% … %}")
        if char in "\"'":
            return f"en text inom citattecken saknar sitt avslutande {char}"
        if re.fullmatch(r"\\x[01][0-9a-f]", char):  # a paragraph or run boundary (or a control
            # character): the tag was not closed in the paragraph where it starts
            return ("en tagg slutar inte i samma stycke som den börjar; skriv }} eller %} i "
                    "samma stycke som {{ eller {%")
        return f'tecknet "{char}" kan inte stå i en tagg'
    if match := re.match(r"expected token '(.+?)', got '(.+)'$", message):
        if match[1].startswith("end of "):
            return f"taggen borde sluta med {_token(match[1])} där det står {_token(match[2])}"
        return f"{_token(match[1])} väntades men där står {_token(match[2])}"
    if match := re.match(r"Expected an expression, got '(.+)'$", message):
        return f"ett namn eller värde saknas före {_token(match[1])}"
    if match := re.match(r"unexpected end of template, expected '(.+)'\.?$", message):
        return f"mallen tar slut där {_token(match[1])} väntades"
    if match := re.match(r"unexpected '(.+)', expected '(.+)'$", message):
        return f'"{match[1]}" står där {_token(match[2])} väntades'
    if match := re.match(r"unexpected '(.+)'$", message):
        if match[1].startswith("end of "):  # "{{ x + }}": the tag ends where a value should be
            return f"ett namn eller värde saknas före {_token(match[1])}"
        if match[1] in ("}", "%"):
            return ('taggen slutar inte som den börjar: {{ slutar med }} och {% slutar med %}')
        return f'"{match[1]}" står på fel plats'
    if message == "expected name or number":
        return "efter en punkt ska ett namn stå"
    if message == "tag name expected":
        return "en {% … %} är tom"
    if message == "Missing end of comment tag":
        return "en kommentar {# … saknar sitt #}"
    if message.startswith("Missing end of raw directive"):
        return '"raw" avslutas aldrig med "endraw"'
    return "en tagg kunde inte tolkas"


def error_line(exc: Exception, source: str, env: jinja2.Environment) -> int | None:
    """Return the line of a template source that an error from compiling or rendering it is
    about: for a block that never ends, the line where it begins."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        match = re.match(r"Unexpected end of template\. .*The innermost block that needs to be "
                         r"closed is '(\w+)'", " ".join((exc.message or "").split()))
        if match and (line := _open_block_line(env, source, match[1])):
            return line
        return exc.lineno
    lines = []
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            lines.append(tb.tb_lineno)
        tb = tb.tb_next
    return lines[-1] if lines else None


def _open_block_line(env: jinja2.Environment, source: str, block: str) -> int | None:
    """Return the line where the innermost unclosed block of a kind begins."""
    stack: list[tuple[str, int]] = []
    tag_start = False
    try:
        for lineno, kind, value in env.lex(source):
            if kind == "whitespace":
                continue
            if tag_start and kind == "name":
                if value in _BLOCKS or (value == "set" and block == "set"):
                    stack.append((value, lineno))
                elif value.startswith("end") and stack and stack[-1][0] == value[3:]:
                    stack.pop()
            tag_start = kind == "block_begin"
    except jinja2.TemplateSyntaxError:
        return None
    return next((line for name, line in reversed(stack) if name == block), None)
