"""A finished presentation as bytes: python-pptx's own zip, or the package's members handed to
an application's writer (for its own zip policy, written once)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator

from pptx.opc.oxml import serialize_part_xml
from pptx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from pptx.opc.serialized import _ContentTypesItem

Members = Iterable[tuple[str, bytes]]
Writer = Callable[[Members], bytes]


def members(prs) -> Iterator[tuple[str, bytes]]:
    """Yield (member name, bytes) of a presentation's package, in python-pptx's order."""
    package = prs.part.package
    parts = tuple(package.iter_parts())
    yield CONTENT_TYPES_URI.membername, serialize_part_xml(_ContentTypesItem.xml_for(parts))
    yield PACKAGE_URI.rels_uri.membername, package._rels.xml
    for part in parts:
        yield part.partname.membername, part.blob
        if part._rels:
            yield part.partname.rels_uri.membername, part.rels.xml


def save(prs, write: Writer | None = None) -> bytes:
    """Return a presentation's bytes: as python-pptx saves it, or as `write` zips its members."""
    if write is not None:
        return write(members(prs))
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()

