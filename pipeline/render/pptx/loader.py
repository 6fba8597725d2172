"""A deck template's package read once, and opened again for every render from copies.

python-pptx opens a package by unzipping it, parsing every part's XML and every relationship
file, and resolving each relationship's target from its relative reference: most of the time a
render of one deck takes. A template is the same for every render, so `Pristine` reads it once
(through python-pptx, which also checks that it is a presentation) and `open()` builds the same
object graph from what it kept: a copy of each part's XML tree, the same bytes of each binary
part, the same relationships in the same order, with python-pptx's own part classes.
"""

from __future__ import annotations

import copy
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass, field

from pptx import Presentation
from pptx.opc.package import PartFactory, XmlPart, _Relationship
from pptx.package import Package

from .boxes import Layouts


@dataclass(frozen=True)
class _Rel:
    """One relationship: its id, type, mode and target (a part's index, or an external ref)."""

    rid: str
    reltype: str
    mode: str
    target: int | str


@dataclass(frozen=True)
class _Part:
    """One part as read: its class, name, content type, XML tree or bytes, relationships."""

    cls: type
    partname: object
    content_type: str
    element: object  # the parsed XML of an XML part, never rendered into; None for a binary part
    blob: bytes | None
    rels: tuple[_Rel, ...]


def _rels(rels, index: dict[int, int]) -> tuple[_Rel, ...]:
    return tuple(_Rel(rid, rel.reltype, rel._target_mode,
                      rel.target_ref if rel.is_external else index[id(rel.target_part)])
                 for rid, rel in rels.items())


class Pristine:
    """A template's package as python-pptx read it, to open again without reading it again."""

    def __init__(self, blob: bytes) -> None:
        prs = Presentation(io.BytesIO(blob))  # raises on anything that is no presentation
        package = prs.part.package
        parts = list(package.iter_parts())
        index = {id(part): i for i, part in enumerate(parts)}
        self.parts = tuple(
            _Part(type(part), part.partname, part.content_type,
                  copy.deepcopy(part._element) if _is_xml(part) else None,
                  None if _is_xml(part) else part.blob, _rels(part.rels, index))
            for part in parts)
        self.package_rels = _rels(package._rels, index)

    def open(self):
        """Return a new python-pptx Presentation of the template, its XML trees fresh copies."""
        package = Package(None)
        parts = []
        for kept in self.parts:
            if kept.element is not None:
                parts.append(kept.cls(kept.partname, kept.content_type, package,
                                      copy.deepcopy(kept.element)))
            else:
                parts.append(PartFactory(kept.partname, kept.content_type, package, kept.blob))
        for part, kept in zip(parts, self.parts, strict=True):
            _connect(part._rels, part.partname.baseURI, kept.rels, parts)
        _connect(package._rels, "/", self.package_rels, parts)
        return package.main_document_part.presentation


def _is_xml(part) -> bool:
    """Return True for a part python-pptx keeps as an XML tree (made by XmlPart.load)."""
    return isinstance(part, XmlPart) and type(part).load.__func__ is XmlPart.load.__func__


def _connect(rels, base_uri: str, kept: tuple[_Rel, ...], parts: list) -> None:
    """Give a part (or the package) its relationships, as python-pptx loads them."""
    found = rels._rels
    for rel in kept:
        target = rel.target if isinstance(rel.target, str) else parts[rel.target]
        found[rel.rid] = _Relationship(base_uri, rel.rid, rel.reltype, rel.mode, target)


@dataclass
class Known:
    """What is known of one template (by name and content) in this process, whichever engine
    renders it: its package read once (on first use, so that an unreadable template fails at
    its render), what its layouts' placeholders pass on, its theme's fonts, whether its masters
    hold tags, and per template slide its plan, its text bodies' sources and its XML before
    anything was rendered into it."""

    pristine: Callable[[], Pristine]
    layouts: Layouts = field(default_factory=Layouts)
    fonts: object = None
    masters_have_tags: bool | None = None
    plans: dict = field(default_factory=dict)
    sources: dict = field(default_factory=dict)
    snapshots: dict = field(default_factory=dict)


_KNOWN: dict[tuple[str, bytes], Known] = {}  # templates in this process, by name and content
_KNOWN_LIMIT = 16


def known(name: str, blob: bytes) -> Known:
    """Return what is known of a template in this process (nothing yet, the first time)."""
    key = (name, hashlib.sha256(blob).digest())
    if key not in _KNOWN:
        if len(_KNOWN) >= _KNOWN_LIMIT:
            _KNOWN.clear()
        read: list[Pristine] = []

        def pristine() -> Pristine:
            if not read:
                read.append(Pristine(blob))
            return read[0]

        _KNOWN[key] = Known(pristine)
    return _KNOWN[key]
