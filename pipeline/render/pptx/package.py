"""A check of a finished deck for what makes PowerPoint "repair" a file, and for untitled slides."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections import Counter

from lxml import etree

NS = {
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "p14": "http://schemas.microsoft.com/office/powerpoint/2010/main",
}
R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_SLIDE = re.compile(r"^ppt/slides/slide\d+\.xml$")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def check_deck(data: bytes) -> list[str]:
    """Return every problem found in a .pptx file's package; an empty list means sound."""
    problems: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = set(z.namelist())
        xml = {n: etree.fromstring(z.read(n), _PARSER) for n in names
               if n.endswith((".xml", ".rels"))}
    for name, root in xml.items():
        if name.endswith(".rels"):
            continue
        rels_name = _rels_name(name)
        rels = {}
        if rels_name in xml:
            for rel in xml[rels_name].findall("rel:Relationship", NS):
                rels[rel.get("Id")] = rel
                if rel.get("TargetMode") == "External":
                    continue
                target = posixpath.normpath(posixpath.join(posixpath.dirname(name),
                                                           rel.get("Target")))
                if target.lstrip("/") not in names:
                    problems.append(f"{name}: relationen {rel.get('Id')} pekar på {target}, "
                                    "som saknas")
        for element in root.iter():
            for attr, value in element.attrib.items():
                if attr.startswith(R_NS) and value not in rels:
                    problems.append(f"{name}: {attr[len(R_NS):]}=\"{value}\" har ingen relation")
    slides = sorted((n for n in xml if _SLIDE.match(n)),
                    key=lambda n: int(re.search(r"\d+", n.rsplit("/", 1)[1])[0]))
    creation = Counter()
    for name in slides:
        root = xml[name]
        ids = Counter(e.get("id") for e in root.iterfind(".//p:cSld//p:cNvPr", NS))
        problems += [f"{name}: form-id {i} finns {n} gånger" for i, n in ids.items() if n > 1]
        creation.update(e.get("val") for e in root.iterfind(".//p14:creationId", NS))
        for tbl in root.iterfind(".//a:tbl", NS):
            cols = len(tbl.findall("a:tblGrid/a:gridCol", NS))
            for r, tr in enumerate(tbl.findall("a:tr", NS), start=1):
                if len(tr.findall("a:tc", NS)) != cols:
                    problems.append(f"{name}: tabellrad {r} har fel antal celler")
        text = "".join(root.itertext())
        notes = _notes_text(xml, name)
        if "{{" in text + notes or "{%" in text + notes:
            problems.append(f"{name}: taggar finns kvar i texten")
        if not slide_title(root):
            problems.append(f"{name}: bilden saknar rubrik")
        problems += [f"{name}: {p}" for p in _sequence_problems(root)]
    problems += [f"creationId {v} finns {n} gånger" for v, n in creation.items() if n > 1]
    return problems


# The order in which the schema allows these elements' children, each at most once.
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
_SEQUENCES = {
    f"{{{NS['p']}}}sld": ("cSld", "clrMapOvr", "transition", "timing", "extLst"),
    f"{{{NS['a']}}}bodyPr": ("prstTxWarp", "noAutofit|normAutofit|spAutoFit", "scene3d",
                             "sp3d", "flatTx", "extLst"),
}


def _sequence_problems(root) -> list[str]:
    """Return elements whose children are repeated or out of the schema's order (PowerPoint
    repairs such a file; LibreOffice does not mind)."""
    problems = []
    for parent_tag, order in _SEQUENCES.items():
        rank = {name: i for i, names in enumerate(order) for name in names.split("|")}
        parents = [root] if root.tag == parent_tag else list(root.iter(parent_tag))
        for parent in parents:
            seen, last = set(), -1
            for child in parent:
                if child.tag == _MC or not isinstance(child.tag, str):
                    continue  # a choice between versions of one element (transitions)
                local = etree.QName(child).localname
                position = rank.get(local)
                if position is None:
                    continue
                kind = order[position]
                if kind in seen:
                    problems.append(f"<{local}> finns flera gånger i <{etree.QName(parent).localname}>")
                elif position < last:
                    problems.append(f"<{local}> står i fel ordning i <{etree.QName(parent).localname}>")
                seen.add(kind)
                last = max(last, position)
    return problems


def slide_title(root) -> str:
    """Return the text of a slide's title placeholder (its root element), or ""."""
    for sp in root.iterfind(".//p:sp", NS):
        ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
        if ph is not None and ph.get("type") in ("title", "ctrTitle"):
            return "".join(sp.itertext()).strip()
    return ""


def _notes_text(xml: dict, slide_name: str) -> str:
    rels = xml.get(_rels_name(slide_name))
    if rels is None:
        return ""
    for rel in rels.findall("rel:Relationship", NS):
        if rel.get("Type", "").endswith("/notesSlide"):
            target = posixpath.normpath(posixpath.join("ppt/slides", rel.get("Target")))
            root = xml.get(target)
            return "".join(root.itertext()) if root is not None else ""
    return ""
