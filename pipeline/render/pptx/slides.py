"""Slide operations python-pptx lacks: clone, delete, reorder, and part naming in one pass."""

from __future__ import annotations

import copy
import hashlib
import itertools
import uuid
from dataclasses import dataclass

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TARGET_MODE as RTM
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part, _Relationship
from pptx.opc.packuri import PackURI
from pptx.parts.chart import ChartPart
from pptx.parts.embeddedpackage import EmbeddedXlsxPart
from pptx.parts.slide import SlidePart
from pptx.presentation import Presentation
from pptx.slide import Slide

P14_CREATION = "{http://schemas.microsoft.com/office/powerpoint/2010/main}creationId"
A16_CREATION = "{http://schemas.microsoft.com/office/drawing/2014/main}creationId"


@dataclass(frozen=True)
class SlideSource:
    """A template slide as it was before the engine rendered into it: its XML and its
    relationships, for copies made after the slide itself became an output slide."""

    element: object
    rels: tuple
    part: SlidePart


class SlideFactory:
    """Makes a presentation's output slides from its template slides: the first output of a
    template slide is the slide itself, later ones are copies; new parts are named without
    walking the package, and slide and relationship ids are counted, not searched for."""

    def __init__(self, prs: Presentation) -> None:
        self.prs = prs
        self._counter = itertools.count(1)
        self._sld_ids = prs.slides._sldIdLst
        self._next_id = max([int(e.get("id")) for e in self._sld_ids] + [255]) + 1
        taken = [int(r[3:]) for r in prs.part.rels._rels if r[3:].isdigit()]
        self._next_rid = max(taken + [0]) + 1

    def _partname(self, template: str) -> PackURI:
        # temporary unique names; `renumber_parts` gives the final ones before saving
        return PackURI(template % (100000 + next(self._counter)))

    def snapshot(self, slide: Slide) -> SlideSource:
        """Return what copies of a slide are made from, before anything is rendered into it."""
        return SlideSource(copy.deepcopy(slide._element), tuple(slide.part.rels.values()),
                           slide.part)

    def source(self, slide: Slide, element) -> SlideSource:
        """Return what copies of a slide are made from: a snapshot of its XML taken before
        anything was rendered into it (in this render or an earlier one), and its parts."""
        return SlideSource(element, tuple(slide.part.rels.values()), slide.part)

    def in_place(self, slide: Slide) -> Slide:
        """Return a template slide to render into as an output slide, without its notes
        (the engine writes an output slide's notes when there is something to say)."""
        rels = slide.part.rels._rels
        for rid in [r for r, rel in rels.items() if rel.reltype == RT.NOTES_SLIDE]:
            del rels[rid]
        slide.part.__dict__.pop("notes_slide", None)  # python-pptx's cached notes slide
        return slide

    def clone(self, source: SlideSource) -> Slide:
        """Return a copy of a slide, appended at the end, with its own chart parts.

        The copy is the source's XML as it stands (attributes such as `show`, transitions,
        timing and unknown extensions included) with the same relationship ids. Notes are not
        copied.
        """
        prs_part = self.prs.part
        part = SlidePart(self._partname("/ppt/slides/slide%d.xml"), CT.PML_SLIDE,
                         prs_part.package, copy.deepcopy(source.element))
        for rel in source.rels:
            if rel.reltype == RT.NOTES_SLIDE:
                continue
            if rel.is_external:
                part.rels._rels[rel.rId] = copy.copy(rel)
                continue
            target = rel.target_part
            if isinstance(target, ChartPart):
                target = self._copy_chart(target)
            part.rels._rels[rel.rId] = type(rel)(part.partname.baseURI, rel.rId, rel.reltype,
                                                 rel._target_mode, target)
        rid = f"rId{self._next_rid}"
        self._next_rid += 1
        prs_part.rels._rels[rid] = _Relationship(prs_part.partname.baseURI, rid, RT.SLIDE,
                                                 RTM.INTERNAL, part)
        self._sld_ids._add_sldId(id=self._next_id, rId=rid)
        self._next_id += 1
        return part.slide

    def _copy_chart(self, chart: ChartPart) -> ChartPart:
        package = self.prs.part.package
        new = ChartPart.load(self._partname("/ppt/charts/chart%d.xml"), chart.content_type,
                             package, chart.blob)
        for rel in chart.rels.values():
            target = rel.target_part
            if _is_workbook(target):
                target = EmbeddedXlsxPart(
                    self._partname("/ppt/embeddings/Microsoft_Excel_Sheet%d.xlsx"),
                    target.content_type, package, target.blob)
            new.rels._rels[rel.rId] = type(rel)(new.partname.baseURI, rel.rId, rel.reltype,
                                                rel._target_mode, target)
        return new

    def arrange(self, slides: list[Slide]) -> None:
        """Keep exactly these slides, in this order; the others and their relationships go."""
        rels = self.prs.part.rels._rels
        by_part = {id(rels[e.rId].target_part): e for e in self._sld_ids}
        keep = [by_part[id(slide.part)] for slide in slides]
        kept = {id(e) for e in keep}
        for element in list(self._sld_ids):
            if id(element) not in kept:
                del rels[element.rId]
            self._sld_ids.remove(element)
        for element in keep:
            self._sld_ids.append(element)


def _is_workbook(part) -> bool:
    """Return True for a chart's embedded workbook, however python-pptx loaded it."""
    return isinstance(part, EmbeddedXlsxPart) or part.content_type == CT.SML_SHEET


def renumber_parts(prs: Presentation) -> None:
    """Give slides, notes, charts and embedded workbooks sequential names in slide order."""
    counters = {"slide": 0, "notes": 0, "chart": 0, "embedding": 0}

    def name(kind: str, template: str) -> PackURI:
        counters[kind] += 1
        return PackURI(template % counters[kind])

    for slide in prs.slides:
        slide.part.partname = name("slide", "/ppt/slides/slide%d.xml")
        if slide.has_notes_slide:
            slide.notes_slide.part.partname = name("notes", "/ppt/notesSlides/notesSlide%d.xml")
        for rel in slide.part.rels.values():
            if not rel.is_external and isinstance(rel.target_part, ChartPart):
                chart = rel.target_part
                chart.partname = name("chart", "/ppt/charts/chart%d.xml")
                positive_axis_ids(chart._element)
                for chart_rel in chart.rels.values():
                    if _is_workbook(chart_rel.target_part):
                        chart_rel.target_part.partname = name(
                            "embedding", "/ppt/embeddings/Microsoft_Excel_Sheet%d.xlsx")


_AXIS_IDS = tuple(f"{{http://schemas.openxmlformats.org/drawingml/2006/chart}}{tag}"
                  for tag in ("axId", "crossAx"))


def positive_axis_ids(chart_space) -> None:
    """Make a chart's axis ids unsigned, as the schema requires (python-pptx writes negatives)."""
    for element in chart_space.iter(*_AXIS_IDS):
        value = element.get("val")
        if value and value.lstrip("-").isdigit() and int(value) < 0:
            element.set("val", str(int(value) % 2**31))


_VIEW_PROPS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               b'<p:viewPr xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
               b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
               b'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
               b'<p:gridSpacing cx="76200" cy="76200"/></p:viewPr>')


def ensure_view_props(prs: Presentation) -> None:
    """Give a deck the view properties part PowerPoint insists on (LibreOffice leaves it out)."""
    part = prs.part
    if any(rel.reltype == RT.VIEW_PROPS for rel in part.rels.values()):
        return
    part.relate_to(Part(PackURI("/ppt/viewProps.xml"), CT.PML_VIEW_PROPS, part.package,
                        _VIEW_PROPS), RT.VIEW_PROPS)


def fresh_creation_ids(slide: Slide, salt: str) -> None:
    """Give a cloned slide and its shapes creation ids of their own (deterministic per salt)."""
    for n, element in enumerate(slide._element.iter(P14_CREATION, A16_CREATION)):
        digest = hashlib.sha256(f"{salt}/{n}".encode()).hexdigest()
        if element.tag == P14_CREATION:
            element.set("val", str(int(digest[:8], 16) % 2147483647 + 1))
        else:
            element.set("id", "{" + str(uuid.UUID(hex=digest[:32])).upper() + "}")
