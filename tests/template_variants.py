"""A corpus of deck templates as staff leave them after restyling in PowerPoint, each with the
outcome a build must give. Made from the shipped templates.

Used by the tests; run it to get the templates for a look by hand:
    python -m tests.template_variants /tmp/mallar
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"


@dataclass(frozen=True)
class Variant:
    """A changed template and what a build with it gives: the same content as the original
    (`same`), a deck with this text on some slide (`shows`), or this error (`error`)."""

    template: str
    change: Callable[[Presentation], None]
    same: bool = False
    shows: str = ""
    error: str = ""

    def make(self) -> bytes:
        prs = Presentation(TEMPLATES / self.template)
        self.change(prs)
        out = io.BytesIO()
        prs.save(out)
        return out.getvalue()


def _shape(prs, slide: int, name: str):
    return next(s for s in prs.slides[slide - 1].shapes if s.name == name)


def _named(prs, name: str):
    return next(s for slide in prs.slides for s in slide.shapes if s.name == name)


def _idea_slide(prs):
    """Return the slide that shows the proposed verksamhetsidé."""
    return next(slide for slide in prs.slides for s in slide.shapes
                if s.has_text_frame and s.text_frame.text == "{{ ide.formulering }}")


def renamed_chart(prs) -> None:
    """PowerPoint names a replaced chart "Diagram 3"."""
    _named(prs, "diagram:lage").name = "Diagram 3"


def renamed_matrix(prs) -> None:
    """Both copies of the dependency matrix (the meeting's and Mer underlag's) renamed."""
    for shape in [s for slide in prs.slides for s in slide.shapes if s.name == "matris:beroenden"]:
        shape.name = "Tabell 2"


def one_line_version_box(prs) -> None:
    """PowerPoint refits the Version box to one line of its 14 pt text."""
    box = next(s for s in _idea_slide(prs).shapes if s.name == "Version")
    box.height = Emu(int(Pt(14) * 1.2) + 91440)


def shrunk_idea_box(prs) -> None:
    """LibreOffice's "resize shape to fit text" shrinks the box to its tag's one line."""
    box = next(s for s in _idea_slide(prs).shapes if s.has_text_frame
               and s.text_frame.text == "{{ ide.formulering }}")
    box.height = Emu(int(Pt(26) * 1.2) + 91440)


def new_tagged_text_box(prs) -> None:
    """A new 14 pt text box with a tag, as PowerPoint inserts one (one line, no wrapping)."""
    box = _idea_slide(prs).shapes.add_textbox(Inches(0.6), Inches(6.2), Inches(3), Inches(0.4))
    box.name = "Textruta 9"
    run = box.text_frame.paragraphs[0].add_run()
    run.text = "Status: {{ ide.status }} – {{ ide.formulering }}"
    run.font.size = Pt(14)


def verdana_theme(prs) -> None:
    """A kommun's theme with a font wider than Calibri."""
    theme = prs.slide_masters[0].part.part_related_by(THEME)
    root = etree.fromstring(theme.blob)
    for latin in root.iter(qn("a:latin")):
        if latin.getparent().tag in (qn("a:majorFont"), qn("a:minorFont")):
            latin.set("typeface", "Verdana")
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def master_footer(prs) -> None:
    """A footer on the slide master naming the kommun with a tag."""
    slide = prs.slides[1]
    box = slide.shapes.add_textbox(Inches(0.6), Inches(7.05), Inches(6), Inches(0.35))
    box.text_frame.text = "{{ kommun.namn }} – verksamhetsidé"
    prs.slide_masters[0].shapes._spTree.append(box._element)


def hidden_slide(prs) -> None:
    prs.slides[1]._element.set("show", "0")


def curly_quotes(prs) -> None:
    """AutoCorrect turns straight quotes into curly ones as staff type a tag."""
    box = next(s for s in _idea_slide(prs).shapes if s.name == "Version")
    run = box.text_frame.paragraphs[0].runs[0]
    run.text = "Version {{ ide.version }} {{ ”(utkast)” if ide.status == ”Utkast” else ”” }}"


VARIANTS: dict[str, Variant] = {
    "diagram-omdopt.pptx": Variant(
        "kommunovergripande.pptx", renamed_chart,
        error='formen "Diagram 3": diagrammet är inte kopplat till några data'),
    "matris-omdopt.pptx": Variant(
        "kommunovergripande.pptx", renamed_matrix,
        error='formen "Tabell 2": tabellen är inte kopplad till några data'),
    "versionsruta-en-rad.pptx": Variant("avstamning.pptx", one_line_version_box, same=True),
    "ideruta-krympt.pptx": Variant("avstamning.pptx", shrunk_idea_box, same=True),
    "ny-textruta.pptx": Variant("avstamning.pptx", new_tagged_text_box, shows="Status: "),
    "verdana.pptx": Variant("avstamning.pptx", verdana_theme, same=True),
    "sidfot-pa-bakgrund.pptx": Variant("avstamning.pptx", master_footer,
                                       shows="Timrå kommun – verksamhetsidé"),
    "dold-bild.pptx": Variant("avstamning.pptx", hidden_slide, same=True),
    # the examples as of 9 december, their last milestone: version 2 everywhere
    "krokiga-citattecken.pptx": Variant("avstamning.pptx", curly_quotes, shows="Version 2"),
}


def main(folder: str) -> None:
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    for name, variant in VARIANTS.items():
        (target / name).write_bytes(variant.make())
        print(f"Skrev {target / name}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "mallvarianter")
