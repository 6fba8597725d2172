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


_RELS_OPEN = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"')
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;",
                          "\r": "&#13;", "\t": "&#9;"})


def rels_xml(rels) -> bytes:
    """Return a part's relationships as python-pptx writes them (`_Relationships.xml`), byte
    for byte, without building an XML tree for them on every save."""
    ordered = sorted((int(r[3:]) if r.startswith("rId") and r[3:].isdigit() else 0, r)
                     for r in rels)
    if not ordered:
        return (_RELS_OPEN + "/>").encode()
    out = [_RELS_OPEN, ">"]
    for _, rid in ordered:
        rel = rels[rid]
        out.append(f'<Relationship Id="{rid.translate(_ESCAPES)}" '
                   f'Type="{rel.reltype.translate(_ESCAPES)}" '
                   f'Target="{rel.target_ref.translate(_ESCAPES)}"'
                   + (' TargetMode="External"/>' if rel.is_external else "/>"))
    out.append("</Relationships>")
    return "".join(out).encode()


def members(prs) -> Iterator[tuple[str, bytes]]:
    """Yield (member name, bytes) of a presentation's package, in python-pptx's order."""
    package = prs.part.package
    parts = tuple(package.iter_parts())
    yield CONTENT_TYPES_URI.membername, serialize_part_xml(_ContentTypesItem.xml_for(parts))
    yield PACKAGE_URI.rels_uri.membername, rels_xml(package._rels)
    for part in parts:
        yield part.partname.membername, part.blob
        if part._rels:
            yield part.partname.rels_uri.membername, rels_xml(part.rels)


def save(prs, write: Writer | None = None) -> bytes:
    """Return a presentation's bytes: as python-pptx saves it, or as `write` zips its members."""
    if write is not None:
        return write(members(prs))
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()

