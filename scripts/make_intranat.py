"""Produce templates/intranat.docx, the intranet text at the avstämning in October for the
kommun's communicator: a docxtpl template rendered once per build from every nämnd, as they
stood on the avstämning's date. templates/intranat.html is the same text as a web page, a Jinja
template written by hand.

Run `python scripts/make_intranat.py` (or `make templates`). The committed template is this
script's output; staff may restyle it in Word as long as the tags stay. The names the template
uses are those of pipeline/render/context_intranat.py (README, "Mallar").
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from word_common import (  # noqa: E402 - the styles and helpers of every Word template
    _AFTER_PBDR,
    ACCENT,
    Builder,
    _drop_styles_with_effects,
    _footer,
    _header_lines,
    _preserve_spaces,
    _styles,
)

from pipeline.output import atomic_write, deterministic_zip, template_properties  # noqa: E402

NAME = "intranat.docx"
HEADER = (("{{ kommun.namn }}", "Text till intranätet", False),)


def _own_styles(doc) -> None:
    """The text's own paragraph styles: the note to the communicator, the ingress, the quote."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = doc.styles
    note = styles.add_style("Anvisning", WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = styles["Normal"]
    note.font.size = Pt(10)
    note.font.italic = True
    note.font.color.rgb = RGBColor(0x59, 0x59, 0x59)  # 7:1 against white
    note.paragraph_format.space_after = Pt(12)
    ingress = styles.add_style("Ingress", WD_STYLE_TYPE.PARAGRAPH)
    ingress.base_style = styles["Normal"]
    ingress.font.size = Pt(13)
    ingress.font.bold = True
    ingress.paragraph_format.space_after = Pt(12)
    quote = styles.add_style("Citat", WD_STYLE_TYPE.PARAGRAPH)
    quote.base_style = styles["Normal"]
    quote.font.size = Pt(13)
    quote.font.color.rgb = ACCENT
    quote.paragraph_format.left_indent = Cm(0.8)
    quote.paragraph_format.space_before = Pt(12)
    quote.paragraph_format.keep_with_next = True
    border = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for key, value in (("val", "single"), ("sz", "24"), ("space", "12"), ("color", "1F4E79")):
        left.set(qn(f"w:{key}"), value)
    border.append(left)
    quote.element.get_or_add_pPr().insert_element_before(border, *_AFTER_PBDR)
    speaker = styles.add_style("Citatet av", WD_STYLE_TYPE.PARAGRAPH)
    speaker.base_style = styles["Normal"]
    speaker.paragraph_format.left_indent = Cm(0.8)
    speaker.paragraph_format.space_after = Pt(12)


def _page(doc) -> None:
    """A4 with the kommun's name in the header and the title and page number in the footer."""
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2)
    section.header_distance = Cm(1.2)
    for name, size in (("Header", 10), ("Footer", 9)):
        doc.styles[name].paragraph_format.tab_stops.clear_all()
        doc.styles[name].font.size = Pt(size)
    _header_lines(doc, section.header, HEADER)
    _footer(doc, section.footer, "{{ titel }}")


def _list(b: Builder, items: str, lead: str) -> None:
    """A lead sentence and a bulleted list of lines, both left out when there are none."""
    b.tag(f"if {items}")
    b.p(lead, keep=True)
    b.bullets(f"rad in {items}", "{{ rad }}")
    b.tag("endif")


def body(b: Builder) -> None:
    """Write the text: title, ingress, the uppdrag, the quote, the avstämning, each nämnd, what
    they share and what comes next; what the kommun workbook leaves empty is left out."""
    b.p("{{ om_texten }}", "Anvisning")
    b.h("{{ titel }}", 1)
    b.tag("if ingress")
    b.p("{{ ingress }}", "Ingress")
    b.tag("endif")

    b.h("Uppdraget", 2)
    b.bullets("stycke in uppdrag", "{{ stycke }}", "Normal")
    b.tag("if vision")
    b.p("Kommunens vision är ”{{ vision }}”.")
    b.tag("endif")
    b.tag("if samordning")
    b.p("{{ samordning }}")
    b.tag("endif")

    b.tag("if citat")
    b.p("”{{ citat }}”", "Citat")
    b.tag("if citat_av")
    b.p("– {{ citat_av }}", "Citatet av")
    b.tag("endif")
    b.tag("endif")

    b.tag("if avstamning")
    b.h("{{ avstamning.rubrik }}", 2)
    b.p("{{ avstamning.nar }}")
    b.tag("if avstamning.beskrivning")
    b.p("{{ avstamning.beskrivning }}")
    b.tag("endif")
    b.tag("endif")

    b.h("Läget i nämnderna", 2)
    b.p("{{ lage_inledning }}")
    b.tag("for n in namnder")
    b.h("{{ n.namn }}", 3)
    b.p("{{ n.text }}")
    b.tag("endfor")

    b.tag("if kunder or beroenden or processer")
    b.h("Det nämnderna har gemensamt", 2)
    b.tag("if kunder")
    b.h("Samma kunder", 3)
    b.tag("endif")
    _list(b, "kunder", "Flera nämnder har samma kunder, alltså grupper som verksamheterna "
                       "finns till för:")
    b.tag("if beroenden")
    b.h("Beroenden mellan nämnderna", 3)
    b.tag("endif")
    _list(b, "beroenden", "Nämnderna har beskrivit vilka andra nämnder de är beroende av i "
                          "sitt arbete:")
    b.tag("if processer")
    b.h("Arbete som går över gränserna", 3)
    b.tag("endif")
    _list(b, "processer", "Nämnderna har beskrivit processer som går över gränserna mellan "
                          "nämnderna, och vilka som deltar i dem:")
    b.tag("endif")

    b.tag("if nasta_steg or kommande")
    b.h("Det här händer härnäst", 2)
    b.tag("if nasta_steg")
    b.p("{{ nasta_steg }}")
    b.tag("endif")
    b.bullets("k in kommande", "{{ k.nar }}: {{ k.vad }}")
    b.tag("endif")


def build() -> bytes:
    """Return the bytes of the intranet text's template."""
    doc = Document()
    _styles(doc)
    _own_styles(doc)
    doc.styles["List Bullet"].paragraph_format.line_spacing = 1.0
    _page(doc)
    if doc.paragraphs:
        doc._body._body.remove(doc.paragraphs[0]._p)
    body(Builder(doc))
    props = doc.core_properties
    template_properties(props, "{{ titel }}", "{{ kommun.namn }}")
    props.subject = "Verksamhetsidé"
    props.keywords = "verksamhetsidé, intranät, avstämning"
    props.comments = ""
    _preserve_spaces(doc)
    _drop_styles_with_effects(doc)
    buf = io.BytesIO()
    doc.save(buf)
    return deterministic_zip(buf.getvalue())


def main() -> None:
    target = ROOT / "templates" / NAME
    atomic_write(target, build())
    print(f"Skrev {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
