"""A Word template as Word or LibreOffice left it, cleaned of what no document should inherit:
Word 2010's stylesWithEffects, comments and tracked changes (accepted), and on/off switches
written as "true"."""

from __future__ import annotations

import html
import posixpath
import re

from .. import svenska

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Parts left out of every document, by the last segment of their relationship type: Word 2010's
# copy of the styles (Word rewrites it from styles.xml; a restyled template leaves it out of
# step), and the comments with their extensions and authors.
_DROPPED = {"stylesWithEffects", "comments", "commentsExtended", "commentsIds",
            "commentsExtensible", "people"}
_COMMENT_PARTS = {"comments"}
_MARKUP = re.compile(
    rb"<w:(?:ins|del|moveFrom|moveTo|(?:moveFrom|moveTo|customXml\w*)Range(?:Start|End)"
    rb"|\w+Change|cellIns|cellDel|cellMerge|commentRange(?:Start|End)|commentReference)[ />]")
# Switches the schema allows only "on" or "off" for, which LibreOffice writes as "true"/"false"
_ON_OFF_ONLY = re.compile(
    rb'(<w:(?:autoRedefine|bidiVisual|cantSplit|flatBorders|hidden|hideMark|linkedToFile|locked'
    rb'|noBorder|noResizeAllowed|noWrap|personal|personalCompose|personalReply|qFormat'
    rb'|semiHidden|tblHeader|tcFitText|unhideWhenUsed)\s+w:val=")(true|false|1|0)(?=")')
_RELATIONSHIP = re.compile(rb"<Relationship\b[^>]*?(?:/>|>\s*</Relationship>)")
_OVERRIDE = re.compile(rb"<Override\b[^>]*?(?:/>|>\s*</Override>)")
# tracked changes whose content stays (accepted insertions) and whose content goes (deletions)
_KEEP = {"ins", "moveTo"}
_GONE = {"del", "moveFrom"}
_MARKERS = {"moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
            "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart",
            "customXmlDelRangeEnd", "customXmlMoveFromRangeStart", "customXmlMoveFromRangeEnd",
            "customXmlMoveToRangeStart", "customXmlMoveToRangeEnd", "cellIns", "cellMerge",
            "numberingChange", "commentRangeStart", "commentRangeEnd"}
_PROPERTY_CHANGES = {"rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblPrExChange",
                     "trPrChange", "tcPrChange", "tblGridChange"}
_PROPERTY_PARENTS = {"rPr", "trPr", "numPr"}  # where ins/del are bare marks, not containers


class Found:
    """What a template carried that its documents leave out: comments and tracked changes."""

    def __init__(self) -> None:
        self.comments = 0
        self.comment_authors: set[str] = set()
        self.changes = 0
        self.change_authors: set[str] = set()

    def message(self) -> str:
        """Return the Swedish warning for the template, or "" when there is nothing to say."""
        if not self.comments and not self.changes:
            return ""
        the = "kommentaren" if self.comments == 1 else "kommentarerna"
        what, done, todo = [], [], []
        if self.comments:
            count = "en kommentar" if self.comments == 1 else f"{self.comments} kommentarer"
            what.append(count + _from(self.comment_authors))
            done.append(f"{the} tas inte med")
            todo.append(f"ta bort {the}")
        if self.changes:
            what.append("spårade ändringar" + _from(self.change_authors))
            done.append("ändringarna godkänns")
            todo.append("godkänn eller avvisa ändringarna")
        done_text, todo_text = svenska.lista(done), svenska.lista(todo)
        how = ": infogad text tas med och borttagen text utelämnas" if self.changes else ""
        return (f"Mallen har {svenska.lista(what)}. {done_text[0].upper()}{done_text[1:]} i "
                f"dokumenten{how}. {todo_text[0].upper()}{todo_text[1:]} i Word så försvinner "
                "varningen.")


def _from(authors: set[str]) -> str:
    names = sorted(a for a in authors if a.strip())
    return f" från {svenska.lista(names)}" if names else ""


def clean_package(members: list[tuple[str, bytes]]) -> tuple[list[tuple[str, bytes]], Found]:
    """Return a template's parts without what no document should inherit, and what was found.

    Drops stylesWithEffects and the comment parts (with their relationships and content
    types), removes comment marks, accepts tracked changes in every Word part, and writes the
    on/off-only switches LibreOffice saves as "true" the way the schema allows.
    """
    found = Found()
    blobs = dict(members)
    dropped = _targets(blobs, _DROPPED)
    for name in _targets(blobs, _COMMENT_PARTS):
        found.comments += len(re.findall(rb"<w:comment[ >]", blobs.get(name, b"")))
        found.comment_authors |= {html.unescape(a.decode("utf-8")) for a in re.findall(
            rb'<w:comment\b[^>]*?\sw:author="([^"]*)"', blobs.get(name, b""))}
    cleaned = []
    for name, blob in members:
        if name in dropped or _rels_source(name) in dropped:
            continue
        if name.endswith(".rels"):
            blob = _without_relationships(name, blob, dropped)
        elif name == "[Content_Types].xml":
            blob = _OVERRIDE.sub(lambda mt: b"" if _part_name(mt[0]) in dropped else mt[0], blob)
        elif name.startswith("word/") and name.endswith(".xml"):
            if _MARKUP.search(blob):
                blob = _accept_changes(blob, found)
            blob = _ON_OFF_ONLY.sub(lambda mt: mt[1] + (b"on" if mt[2] in (b"true", b"1")
                                                         else b"off"), blob)
        cleaned.append((name, blob))
    return cleaned, found


def _rels_source(name: str) -> str:
    """Return the part a relationships part belongs to: word/document.xml for
    word/_rels/document.xml.rels ("" for the package's own)."""
    folder, _, file = name.rpartition("_rels/")
    return folder + file[:-len(".rels")] if name.endswith(".rels") and "_rels/" in name else ""


def _attribute(element: bytes, attribute: bytes) -> str:
    match = re.search(rb"\s" + attribute + rb'="([^"]*)"', element)
    return html.unescape(match[1].decode("utf-8")) if match else ""


def _target(rels_name: str, relationship: bytes) -> str:
    """Return the part a relationship points to, as a zip member name ("" when external)."""
    if _attribute(relationship, b"TargetMode") == "External":
        return ""
    target = _attribute(relationship, b"Target")
    if target.startswith("/"):
        return target.lstrip("/")
    base = posixpath.dirname(_rels_source(rels_name))
    return posixpath.normpath(posixpath.join(base, target))


def _targets(blobs: dict[str, bytes], kinds: set[str]) -> set[str]:
    """Return the parts that relationships of some kinds point to, anywhere in the package."""
    return {_target(name, rel) for name, blob in blobs.items() if name.endswith(".rels")
            for rel in _RELATIONSHIP.findall(blob)
            if _attribute(rel, b"Type").rsplit("/", 1)[-1] in kinds} - {""}


def _without_relationships(name: str, blob: bytes, dropped: set[str]) -> bytes:
    return _RELATIONSHIP.sub(lambda mt: b"" if _target(name, mt[0]) in dropped else mt[0], blob)


def _part_name(override: bytes) -> str:
    return _attribute(override, b"PartName").lstrip("/")


def _accept_changes(blob: bytes, found: Found) -> bytes:
    """Return a Word part with its tracked changes accepted and its comment marks removed."""
    from lxml import etree

    root = etree.fromstring(blob, etree.XMLParser(resolve_entities=False, huge_tree=True))

    def local(el) -> str:
        return etree.QName(el).localname if isinstance(el.tag, str) and el.tag.startswith(
            "{" + W + "}") else ""

    def remove(el) -> None:
        parent = el.getparent()
        if parent is not None:
            _keep_tail(el)
            parent.remove(el)

    def unwrap(el) -> None:
        parent = el.getparent()
        index = parent.index(el)
        for child in reversed(list(el)):
            parent.insert(index, child)
        _keep_tail(el)
        parent.remove(el)

    merge = []  # paragraphs whose mark was deleted: they join the next paragraph
    for el in list(root.iter()):
        name = local(el)
        if not name or el is root or not _attached(el, root):
            continue  # the root, or inside something already removed
        author = el.get(f"{{{W}}}author")
        if name in _KEEP | _GONE | _PROPERTY_CHANGES | {"cellIns", "cellDel", "cellMerge",
                                                        "numberingChange"}:
            found.changes += 1
            if author:
                found.change_authors.add(author)
        parent = local(el.getparent())
        if name in _GONE and parent == "rPr" and local(el.getparent().getparent()) == "pPr":
            merge.append(el.getparent().getparent().getparent())
            remove(el)
        elif name in _GONE and parent == "trPr":
            row = el.getparent().getparent()
            remove(row)
        elif name in _GONE or (name in _KEEP and parent in _PROPERTY_PARENTS):
            remove(el)
        elif name in _KEEP:
            unwrap(el)
        elif name == "cellDel":
            remove(el.getparent().getparent())
        elif name in _MARKERS or name in _PROPERTY_CHANGES:
            remove(el)
        elif name == "commentReference":
            run = el.getparent()
            if local(run) == "r" and all(local(c) in ("rPr", "commentReference") for c in run):
                remove(run)
            else:
                remove(el)
    for paragraph in merge:
        _join_next(paragraph, local)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _attached(el, root) -> bool:
    while el is not None and el is not root:
        el = el.getparent()
    return el is root and el is not None


def _keep_tail(el) -> None:
    """Keep the text after an element when it goes (none in Word's XML, but be safe)."""
    if el.tail and el.tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent = el.getparent()
            parent.text = (parent.text or "") + el.tail


def _join_next(paragraph, local) -> None:
    """Accept a deleted paragraph mark: the paragraph's content joins the next paragraph."""
    parent = paragraph.getparent()
    following = paragraph.getnext()
    if parent is None or following is None or local(following) != "p" or local(paragraph) != "p":
        return
    if any(local(c) == "sectPr" for p_pr in paragraph if local(p_pr) == "pPr" for c in p_pr):
        return  # a section break stays
    content = [c for c in paragraph if local(c) != "pPr"]
    at = 1 if len(following) and local(following[0]) == "pPr" else 0
    for offset, child in enumerate(content):
        following.insert(at + offset, child)
    parent.remove(paragraph)
