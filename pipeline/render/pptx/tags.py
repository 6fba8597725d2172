"""Tags compiled and run with Jinja, each error raised as an `EngineError` at its location.

The engine marks paragraphs and runs in the sources it renders with control characters
(`text.P_OPEN` …); values printed from data never carry them, whatever environment the engine
is given: its `finalize` is wrapped so that every printed value loses the characters XML
cannot hold, markers included.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import jinja2
from markupsafe import Markup

from .errors import EngineError, Kind, Location, undefined_name

# Characters XML 1.0 cannot hold, the engine's markers among them (tab and line feed stay).
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_DATA_ERRORS = (TypeError, ValueError, AttributeError, KeyError, IndexError, ZeroDivisionError,
                OverflowError)


def _clean(value: Any) -> Any:
    """Return a printed value as text without the characters XML cannot hold."""
    if isinstance(value, Markup) or (not isinstance(value, str) and hasattr(value, "__html__")):
        return Markup(UNSAFE.sub("", str(value.__html__())))
    return UNSAFE.sub("", value if isinstance(value, str) else str(value))


def protected(env: jinja2.Environment) -> jinja2.Environment:
    """Return an overlay of an environment whose printed values cannot hold the markers."""
    inner = env.finalize
    if inner is None:
        def finalize(value):
            return _clean(value)
    elif getattr(inner, "jinja_pass_arg", None) is None:
        def finalize(value):
            return _clean(inner(value))
    else:  # a finalize that takes the context or the environment first
        def finalize(first, value):
            return _clean(inner(first, value))
        finalize.jinja_pass_arg = inner.jinja_pass_arg  # type: ignore[attr-defined]
    finalize.__wrapped__ = inner  # type: ignore[attr-defined] - what it cleans the output of
    return env.overlay(finalize=finalize)


class Tags:
    """Compiles each distinct source and expression of a template once, and runs them."""

    def __init__(self, env: jinja2.Environment) -> None:
        self.env = protected(env)
        self._templates: dict[str, jinja2.Template] = {}
        self._expressions: dict[str, Callable] = {}

    def compile(self, source: str, where: Location) -> jinja2.Template:
        """Return a source compiled, or raise a SYNTAX error at its location."""
        template = self._templates.get(source)
        if template is None:
            env = self.env
            try:
                code = env.compile(source)
            except jinja2.TemplateSyntaxError as exc:
                raise EngineError(Kind.SYNTAX, where, detail=exc.message or "",
                                  cause=exc) from None
            # globals as a plain dict: Jinja's ChainMap is merged into every render's context,
            # slowly, and a deck renders hundreds of small sources
            template = self._templates[source] = env.template_class.from_code(
                env, code, dict(env.make_globals(None)), None)
        return template

    def render(self, source: str, scope: dict, where: Location) -> str:
        """Return a source rendered with a scope."""
        template = self.compile(source, where)
        return self.run(lambda: template.render(scope), where)

    def evaluate(self, expr: str, scope: dict, where: Location) -> Any:
        """Return the value of an expression (a slide directive's or a row loop's)."""
        fn = self._expressions.get(expr)
        if fn is None:
            self.compile("{{ (" + expr + ") is none }}", where)  # the same syntax errors as tags
            try:
                fn = self._expressions[expr] = self.env.compile_expression(
                    expr, undefined_to_none=False)
            except jinja2.TemplateSyntaxError as exc:
                raise EngineError(Kind.BAD_EXPRESSION, where, detail=exc.message or "",
                                  cause=exc) from None
        return self.run(lambda: _materialise(fn(**scope)), where)

    @staticmethod
    def run(fn: Callable[[], Any], where: Location) -> Any:
        """Return fn(), its errors raised as engine errors at a location."""
        try:
            return fn()
        except jinja2.UndefinedError as exc:
            raise EngineError(Kind.UNDEFINED_NAME, where, name=undefined_name(str(exc)),
                              detail=str(exc), cause=exc) from None
        except EngineError:
            raise
        except jinja2.TemplateError as exc:
            raise EngineError(Kind.RUNTIME, where, detail=str(exc), cause=exc) from None
        except _DATA_ERRORS as exc:  # a tag that does something the data does not allow
            raise EngineError(Kind.DATA_ERROR, where, detail=str(exc), cause=exc) from None


def _materialise(value: Any) -> Any:
    if isinstance(value, jinja2.Undefined):
        str(value)  # raises UndefinedError with the missing name
    return value
