"""The engine's errors: what went wrong (a kind) and where (template, slide, shape).

The engine words nothing for people: an application catches `EngineError` and says it in its
own language, from the fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum


class Kind(StrEnum):
    """What went wrong."""

    UNREADABLE_TEMPLATE = "unreadable_template"  # the file is no deck python-pptx can open
    SYNTAX = "syntax"  # a tag that Jinja cannot compile (unknown filters and tests too)
    BAD_EXPRESSION = "bad_expression"  # a slide directive's or row loop's expression
    UNDEFINED_NAME = "undefined_name"  # a name the data does not have (`name`)
    RUNTIME = "runtime"  # any other error Jinja raises while rendering (`cause`)
    DATA_ERROR = "data_error"  # a tag that does something the data does not allow
    UNBOUND_CHART = "unbound_chart"  # a chart not named for data (`choices`: names waiting)
    UNBOUND_TABLE = "unbound_table"  # a table without tags not named for data (likewise)
    NO_DATA_FOR_BINDING = "no_data_for_binding"  # `name` has no data (`choices`: valid names)
    NOT_A_CHART = "not_a_chart"  # a shape named for a chart is no chart
    NOT_A_TABLE = "not_a_table"  # a shape named for a matrix is no table
    TOO_MANY_SLIDES = "too_many_slides"  # one template slide would give more than `limit`


@dataclass(frozen=True)
class Location:
    """Where in a template: the file, the template slide (1-based; 0 when not on a slide) and
    the shape by its name in PowerPoint's selection pane. Tags in a slide's notes have
    `notes`; tags on a slide master have `master` (1-based) and, on one of its layouts,
    the layout's name."""

    template: str
    slide: int = 0
    shape: str = ""
    notes: bool = False
    master: int = 0
    layout: str = ""

    def at(self, shape: str) -> Location:
        """Return this location on a shape."""
        return replace(self, shape=shape)


class EngineError(Exception):
    """A template the engine cannot render with the data, located and classified.

    `binding` is the shape-name prefix of a binding error ("chart" in "chart:status"),
    `choices` the names it offers, `limit` the limit a template went past, and `cause` the
    Jinja exception behind a tag error (for an application that words Jinja's messages).
    """

    def __init__(self, kind: Kind, where: Location, *, name: str = "", detail: str = "",
                 binding: str = "", choices: tuple[str, ...] = (), limit: int = 0,
                 cause: BaseException | None = None) -> None:
        self.kind = kind
        self.where = where
        self.name = name
        self.detail = detail
        self.binding = binding
        self.choices = choices
        self.limit = limit
        self.cause = cause
        super().__init__(f"{kind.value} at {where}" + (f": {detail or name}" if detail or name
                                                        else ""))

    @property
    def template(self) -> str:
        return self.where.template

    @property
    def slide(self) -> int:
        return self.where.slide

    @property
    def shape(self) -> str:
        return self.where.shape


_UNDEFINED = re.compile(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')")


def undefined_name(message: str) -> str:
    """Return the name in Jinja's message about an undefined name or attribute."""
    match = _UNDEFINED.search(message)
    if not match:
        return ""
    return match[2] or match[1]
