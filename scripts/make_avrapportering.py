"""Produce templates/avrapportering.docx, kommunstyrelsen's tjänsteskrivelse "Avrapportering av
uppdrag verksamhetsidé" (at most four pages for any number of nämnder), and
templates/bilaga-avrapportering.docx, its bilaga 1 with the long material: docxtpl templates
rendered once per build from all nämnder.

Run `python scripts/make_avrapportering.py` (or `make templates`). The committed template is this
script's output; staff may restyle it in Word as long as the tags stay. The names the template
uses are those of pipeline/render/context_avrapportering.py (README, "Mallar").
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from word_common import (  # noqa: E402 - the styles and helpers of every Word template
    Builder,
    _drop_styles_with_effects,
    _footer,
    _header_lines,
    _logo_picture,
    _page,
    _preserve_spaces,
    _styles,
    landscape_section,
)

from pipeline.output import atomic_write, deterministic_zip, template_properties  # noqa: E402

NAME = "avrapportering.docx"
BILAGA_NAME = "bilaga-avrapportering.docx"
DNR = "{% if kommun.diarienummer %}Dnr {{ kommun.diarienummer }}{% endif %}"
# A tjänsteskrivelse's header, from kommunstyrelsen's förvaltning
HEADER = (("{{ kommun.namn }}", "Tjänsteskrivelse", True),
          ("{{ forvaltning }}", "{% if kommun.datum %}{{ kommun.datum|datum }}{% endif %}", False),
          ("", DNR, False))
LATER = (("{{ kommun.namn }}", DNR, False),)
BILAGA_HEADER = (("{{ kommun.namn }}", "Bilaga 1 till tjänsteskrivelse", True),
                 ("{{ namnd }}", "{% if kommun.datum %}{{ kommun.datum|datum }}{% endif %}", False),
                 ("", DNR, False))
BILAGA_LATER = (("{{ kommun.namn }}", "Bilaga 1{% if kommun.diarienummer %}, Dnr "
                 "{{ kommun.diarienummer }}{% endif %}", False),)


def _signature(b: Builder) -> None:
    """Förvaltningschef and handläggare side by side, name above title, in the memo's style
    Underskrift: kept together and with what precedes them."""
    b.tag("if underskrifter")
    for field, space in (("namn", Pt(30)), ("titel", None)):
        p = b.p("{% for u in underskrifter %}{{ u." + field + " }}{% if not loop.last %}\t"
                "{% endif %}{% endfor %}", "Underskrift")
        if space:
            p.paragraph_format.space_before = space
    p.paragraph_format.keep_with_next = False  # the style keeps each line with the next
    b.tag("endif")


def _rows_never_split(doc) -> None:
    """Mark every table row cantSplit, so that no row breaks across a page."""
    for tr in doc.element.body.iter(qn("w:tr")):
        trpr = tr.get_or_add_trPr()
        if trpr.find(qn("w:cantSplit")) is None:
            trpr.append(OxmlElement("w:cantSplit"))


def body(b: Builder) -> None:
    """Write the tjänsteskrivelse's sections: bounded whatever the number of nämnder (one
    table row each, counts instead of lists), the long material in bilaga 1."""
    b.p("{{ namnd }}", "Ärendeuppgift")
    b.p("{% if kommun.handlaggare %}Handläggare: {{ kommun.handlaggare }}{% endif %}",
        "Ärendeuppgift")
    b.h("{{ titel }}", 1)

    b.h("Förslag till beslut", 2)
    b.bullets("punkt in beslutspunkter", "{{ punkt.text }}", "List Number")
    b.tag("if not beslutspunkter")
    b.p("Förslag till beslut saknas: skriv beslutspunkterna i kommunens arbetsbok, fliken "
        "Avrapportering beslut.", "Saknas")
    b.tag("endif")

    b.tag("if kommun.sammanfattning|trim")
    b.h("Sammanfattning", 2)
    b.paragraphs("kommun.sammanfattning")
    b.tag("endif")

    b.h("Ärendet", 2)
    b.h("Uppdraget", 3)
    b.paragraphs("kommun.uppdrag")

    b.h("Nämndernas verksamhetsidéer", 3)
    b.p("{% if kort.beslut %}{{ kort.beslut }} {% endif %}Verksamhetsidéerna i sin helhet"
        "{% if milstolpar %} och tidplanen för uppdraget{% endif %} finns i bilaga 1.", keep=True)
    b.table("n in namnder", [("Nämnd", "n.namn", 7.0), ("Beslut om verksamhetsidén",
                                                      "n.beslut_text", 9.0)], together=True)

    b.tag("if kommun.vision or kommun.styrmodell")
    b.h("Verksamhetsidéerna, visionen och styrmodellen", 3)
    b.tag("if vision")
    b.p("Kommunens vision är ”{{ vision }}”.")
    b.tag("endif")
    b.paragraphs("kommun.styrmodell")
    b.tag("endif")

    b.tag("if kort.gemensamt")
    b.h("Det nämnderna har gemensamt", 3)
    b.bullets("mening in kort.gemensamt", "{{ mening }}", "Normal")
    b.p("Kunderna, beroendena, processerna och parterna redovisas i sin helhet i bilaga 1.")
    b.tag("endif")

    b.tag("if kort.nasta_steg")
    b.h("Idé om nästa steg", 3)
    b.p("{{ kort.nasta_steg }} Nämndernas idéer om nästa steg, som underlag för kommande "
        "uppdrag, finns per nämnd i bilaga 1.")
    b.tag("endif")

    b.tag("if kommun.bedomning|trim")
    b.h("Förvaltningens bedömning", 2)
    b.paragraphs("kommun.bedomning")
    b.tag("endif")

    b.h("Beslutsunderlag", 2)
    b.bullets("u in beslutsunderlag", "{{ u }}", "List")

    b.tag("if kommun.mottagare")
    b.h("Expedieras till", 2)
    b.tag("for mottagare in kommun.mottagare")
    b.p("{{ mottagare }}", "List").paragraph_format.keep_with_next = True
    b.tag("endfor")
    b.tag("endif")
    _signature(b)


def _portrait_section(doc, first_page, later_pages, footer: str) -> None:
    """End the (landscape) section so far and begin an A4 portrait one like the first: its
    own first-page and later headers, and its footer."""
    from docx.enum.section import WD_ORIENT, WD_SECTION

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3), Cm(2)
    section.left_margin = section.right_margin = Cm(2.5)
    section.different_first_page_header_footer = True
    for part in (section.header, section.first_page_header, section.footer,
                 section.first_page_footer):
        part.is_linked_to_previous = False
    # the section's first page is the document's first without a landscape page, else the
    # page after it: the later pages' header there
    _header_lines(doc, section.first_page_header, (
        ("{%p if liggande %}", "", False), *later_pages, ("{%p else %}", "", False),
        *first_page, ("{%p endif %}", "", False)))
    paragraphs = section.first_page_header.paragraphs
    for at in (len(later_pages), len(paragraphs) - 2):  # the last line of each alternative
        paragraphs[at].paragraph_format.space_after = Pt(12)
    # the document's first page: the logo first, as in the first section's header
    logo = section.first_page_header.add_paragraph()
    _logo_picture(logo)
    paragraphs[len(later_pages) + 1]._p.addnext(logo._p)
    _header_lines(doc, section.header, later_pages)
    for part in (section.first_page_footer, section.footer):
        _footer(doc, part, footer)


def bilaga_body(b: Builder) -> None:
    """Write bilaga 1: the verksamhetsidéer in full, the tidplan with the week grid (on a
    landscape page of its own when `liggande`), what the nämnder share and their next steps."""
    doc = b.doc
    b.p("{{ titel }}", "Ärendeuppgift")
    b.h("{{ bilaga_titel }}", 1)
    b.p("Bilagan hör till {{ namnd[:1]|lower }}{{ namnd[1:] }}s avrapportering av uppdraget "
        "verksamhetsidé. Den redovisar nämndernas verksamhetsidéer och beslut, "
        "tidplanen för uppdraget, det nämnderna har gemensamt och nämndernas idéer om nästa "
        "steg.")

    b.h("Nämndernas verksamhetsidéer", 2)
    b.p("{{ ideer_inledning }}", keep=True)
    b.table("n in namnder", [("Nämnd", "n.namn", 3.7),
                             ("Verksamhetsidé", "n.formulering or '–'", 7.7),
                             ("Beslut", "n.beslut_text", 4.6)])

    b.tag("if milstolpar or veckoschema_forklaring")
    b.h("Tidplan", 2)
    b.tag("if milstolpar")
    b.p("De gemensamma milstolparna för alla nämnder:", keep=True)
    b.table("m in milstolpar", [("Datum", "m.datum|datum", 3.4), ("Tid", "m.tid", 3.0),
                                ("Milstolpe", "m.benamning", 5.0), ("Plats", "m.plats", 4.6)],
            together=True)
    b.tag("endif")
    b.tag("if veckoschema_forklaring")
    b.tag("if liggande")  # the grid on a landscape page of its own: 9 pt across the autumn
    landscape_section(doc, BILAGA_LATER, "{{ bilaga_titel }}")
    b.tag("endif")
    b.h("Veckoöversikt", 3)
    b.p("Alla nämnders möten och de gemensamma milstolparna vecka för vecka. "
        "{{ veckoschema_forklaring }}", keep=True)
    b.p("{{ veckoschema }}")
    b.tag("if liggande")
    _portrait_section(doc, BILAGA_HEADER, BILAGA_LATER, "{{ bilaga_titel }}")
    b.tag("endif")
    b.tag("endif")
    b.tag("endif")

    b.tag("if gemensamma_kunder or beroenden or synergier or externa")
    b.h("Det nämnderna har gemensamt", 2)
    b.tag("if gemensamma_kunder")
    b.h("Gemensamma kunder", 3)
    b.p("Kunder och målgrupper som flera nämnder har:", keep=True)
    b.table("g in gemensamma_kunder", [("Kund", "g.vad", 6.0), ("Nämnder", "g.parter", 10.0)])
    b.tag("endif")
    b.tag("if beroenden")
    b.h("Beroenden mellan nämnderna", 3)
    b.p("Nämndernas beroenden av varandra, som nämnderna har beskrivit dem:", keep=True)
    b.table("d in beroenden", [("Nämnd", "d.vad", 6.0), ("Är beroende av", "d.parter", 10.0)])
    b.tag("endif")
    b.tag("if synergier")
    b.h("Synergier och gränsöverskridande processer", 3)
    b.p("Processer som går över nämndgränserna, med de synergier och nästa steg nämnderna ser:",
        keep=True)
    b.table("s in synergier", [("Process", "s.vad", 4.0), ("Nämnder och parter", "s.parter", 4.2),
                               ("Synergier och nästa steg", "s.texter|join('\\n')", 7.8)])
    b.tag("endif")
    b.tag("if externa")
    b.h("Externa parter", 3)
    b.p("Parter utanför kommunen som nämnderna samverkar med eller är beroende av:", keep=True)
    b.table("e in externa", [("Part", "e.vad", 6.0), ("Nämnder", "e.parter", 10.0)])
    b.tag("endif")
    b.tag("endif")

    b.tag("if nasta_steg")
    b.h("Idé om nästa steg", 2)
    b.p("Nämndernas idéer om nästa steg, som underlag för kommande uppdrag.")
    b.tag("for s in nasta_steg")
    b.h("{{ s.namnd }}", 3)
    b.bullets("punkt in s.punkter", "{{ punkt }}")
    b.tag("endfor")
    b.tag("endif")


def build(bilaga: bool = False) -> bytes:
    """Return the bytes of the avrapportering template, or with `bilaga` of its bilaga 1."""
    doc = Document()
    _styles(doc)
    for name in ("List Bullet", "List Number", "List"):  # many short items: single spaced
        doc.styles[name].paragraph_format.line_spacing = 1.0
    if bilaga:
        _page(doc, BILAGA_HEADER, BILAGA_LATER, "{{ bilaga_titel }}")
    else:
        _page(doc, HEADER, LATER)
    if doc.paragraphs:
        doc._body._body.remove(doc.paragraphs[0]._p)
    (bilaga_body if bilaga else body)(Builder(doc))
    _rows_never_split(doc)
    props = doc.core_properties
    template_properties(props, "{{ bilaga_titel }}" if bilaga else "{{ titel }}",
                        "{{ kommun.namn }}, {{ forvaltning }}")
    props.subject = "Verksamhetsidé"
    props.keywords = ("verksamhetsidé, bilaga, avrapportering" if bilaga else
                      "verksamhetsidé, tjänsteskrivelse, avrapportering")
    props.comments = ""
    _preserve_spaces(doc)
    _drop_styles_with_effects(doc)
    buf = io.BytesIO()
    doc.save(buf)
    return deterministic_zip(buf.getvalue())


def main() -> None:
    for name, bilaga in ((NAME, False), (BILAGA_NAME, True)):
        target = ROOT / "templates" / name
        atomic_write(target, build(bilaga))
        print(f"Skrev {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
