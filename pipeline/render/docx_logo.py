"""The logo slot of a Word template: a picture in a header whose name (Word's selection pane, or
Alternativ text › Namn) is `bild:logotyp`. The build's logo takes its place, fitted inside the
slot's box; without a logo the picture is taken out (and its paragraph, when that held only
the picture, and the picture's part when nothing else shows it), so the header's text stands
alone. Done once per template and logo, on the
template's package, before it is prepared for rendering."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from lxml import etree

from .logo import Logo

SLOT = "bild:logotyp"
ALT_TEXT = "Kommunens logotyp"
_NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
_HEADER = re.compile(r"^word/(header|footer)\d*\.xml$")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
MEDIA = "word/media/logotyp.png"


def _q(prefix: str, name: str) -> str:
    return f"{{{_NS[prefix]}}}{name}"


def apply(blob: bytes, logo: Logo | None) -> bytes:
    """Return a Word template's package with its logo slots filled with `logo`, or taken out
    without one; the package as it is when it has no slot (or is no zip)."""
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as z:
            members = {info.filename: z.read(info) for info in z.infolist()}
    except (zipfile.BadZipFile, OSError, ValueError):
        return blob
    parts = [n for n in members if _HEADER.match(n) and SLOT.encode() in members[n]]
    if not parts:
        return blob
    for name in parts:
        try:
            _fill(members, name, logo)
        except etree.XMLSyntaxError:
            continue  # a broken part is the template check's to report
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for member, data in members.items():
            z.writestr(member, data)
    return out.getvalue()


def _fill(members: dict[str, bytes], name: str, logo: Logo | None) -> None:
    root = etree.fromstring(members[name], _PARSER)
    rels_name = posixpath.join(posixpath.dirname(name), "_rels",
                               posixpath.basename(name) + ".rels")
    rels = etree.fromstring(members[rels_name], _PARSER) if rels_name in members else None
    taken: set[str] = set()  # the relationships of pictures taken out
    for doc_pr in list(root.iter(_q("wp", "docPr"))):
        if doc_pr.get("name") != SLOT:
            continue
        drawing = next(doc_pr.iterancestors(_q("w", "drawing")), None)
        if drawing is None:
            continue
        if logo is None:
            taken.update(b.get(_q("r", "embed")) or "" for b in drawing.iterfind(".//a:blip", _NS))
            _take_out(drawing)
        elif rels is not None:
            _place(members, drawing, doc_pr, rels, logo)
    members[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if rels is not None and taken:
        _drop_unused(members, root, rels, rels_name, taken)
    if rels is not None:
        members[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8",
                                            standalone=True)


def _drop_unused(members: dict[str, bytes], root, rels, rels_name: str, taken: set[str]) -> None:
    """Remove the relationships of pictures taken out that the part no longer uses, and each
    picture no other relationship points to: a document without a logo keeps nothing of the
    template's picture."""
    used = {value for el in root.iter() for attr, value in el.attrib.items()
            if attr.startswith(f"{{{_NS['r']}}}")}
    for rel in list(rels.iter(_q("rel", "Relationship"))):
        if rel.get("Id") not in taken or rel.get("Id") in used:
            continue
        rels.remove(rel)
        if rel.get("TargetMode") == "External":
            continue
        target = posixpath.normpath(posixpath.join("word", rel.get("Target", "")))
        if target in members and target not in _targets(members, skip=rels_name):
            del members[target]


def _targets(members: dict[str, bytes], skip: str) -> set[str]:
    """Return the parts the package's other relationships point to."""
    found = set()
    for name, data in members.items():
        if not name.endswith(".rels") or name == skip:
            continue
        base = posixpath.dirname(posixpath.dirname(name))  # word/_rels/x.rels: word
        try:
            tree = etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError:
            continue
        for rel in tree.iter(_q("rel", "Relationship")):
            if rel.get("TargetMode") != "External":
                target = rel.get("Target", "")
                found.add(posixpath.normpath(target.lstrip("/") if target.startswith("/")
                                             else posixpath.join(base, target)))
    return found


def _take_out(drawing) -> None:
    """Remove the picture's run; its paragraph too when nothing else is in it (a header keeps
    at least one paragraph)."""
    run = drawing.getparent()
    paragraph = run.getparent()
    paragraph.remove(run)
    if paragraph.tag != _q("w", "p"):
        return
    empty = not "".join(t.text or "" for t in paragraph.iter(_q("w", "t"))).strip() and (
        next(paragraph.iter(_q("w", "drawing")), None) is None)
    body = paragraph.getparent()
    if empty and len(body.findall(_q("w", "p"))) > 1:
        body.remove(paragraph)


def _place(members: dict[str, bytes], drawing, doc_pr, rels, logo: Logo) -> None:
    """Put the logo in the picture's place, fitted inside its box, with its alt text."""
    blip = drawing.find(".//a:blip", _NS)
    rid = blip.get(_q("r", "embed")) if blip is not None else None
    rel = next((r for r in rels.iter(_q("rel", "Relationship")) if r.get("Id") == rid), None)
    if rel is None:
        return
    target = posixpath.normpath(posixpath.join("word", rel.get("Target", "")))
    if target.lower().endswith(".png") and target in members:
        members[target] = logo.png
    else:  # a JPEG or a picture elsewhere: the logo as a part of its own
        members[MEDIA] = logo.png
        rel.set("Target", "media/logotyp.png")
        _png_type(members)
    extent = drawing.find(".//wp:extent", _NS)
    width, height = int(extent.get("cx")), int(extent.get("cy"))
    if width / height > logo.ratio:
        width = int(height * logo.ratio)
    else:
        height = int(width / logo.ratio)
    extent.set("cx", str(width))
    extent.set("cy", str(height))
    for ext in drawing.iterfind(".//a:xfrm/a:ext", _NS):
        ext.set("cx", str(width))
        ext.set("cy", str(height))
    if not (doc_pr.get("descr") or "").strip():
        doc_pr.set("descr", ALT_TEXT)


def _png_type(members: dict[str, bytes]) -> None:
    """Make sure the package declares PNG parts."""
    name = "[Content_Types].xml"
    types = etree.fromstring(members[name], _PARSER)
    if not any((d.get("Extension") or "").lower() == "png"
               for d in types.iter(_q("ct", "Default"))):
        default = etree.SubElement(types, _q("ct", "Default"))
        default.set("Extension", "png")
        default.set("ContentType", "image/png")
        types.insert(0, default)
        members[name] = etree.tostring(types, xml_declaration=True, encoding="UTF-8",
                                       standalone=True)
