"""Produce templates/avrapportering.docx: kommunstyrelsen's tjänsteskrivelse "Avrapportering av
uppdrag verksamhetsidé", a docxtpl template rendered once per build from all nämnder.

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
from docx.shared import Pt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from word_common import (  # noqa: E402 - the styles and helpers of every Word template
    Builder,
    _drop_styles_with_effects,
    _page,
    _preserve_spaces,
    _styles,
)

from pipeline.output import atomic_write, deterministic_zip, template_properties  # noqa: E402

NAME = "avrapportering.docx"
DNR = "{% if kommun.diarienummer %}Dnr {{ kommun.diarienummer }}{% endif %}"
# A tjänsteskrivelse's header, from kommunstyrelsen's förvaltning
HEADER = (("{{ kommun.namn }}", "Tjänsteskrivelse", True),
          ("{{ forvaltning }}", "{% if kommun.datum %}{{ kommun.datum|datum }}{% endif %}", False),
          ("", DNR, False))
LATER = (("{{ kommun.namn }}", DNR, False),)


def _lead_bullets(b: Builder, loop: str, lead: str, text: str, style: str = "List Bullet") -> None:
    """Add a list item per item of a loop: a bold lead-in (a nämnd's name) and its text."""
    b.tag(f"for {loop}")
    p = b.doc.add_paragraph(style=style)
    p.add_run(lead).bold = True
    p.add_run(text)
    b.tag("endfor")


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


def _kept_together(table) -> None:
    """Keep a short table on one page: every row's paragraphs kept with the next."""
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True


def _rows_never_split(doc) -> None:
    """Mark every table row cantSplit, so that no row breaks across a page."""
    for tr in doc.element.body.iter(qn("w:tr")):
        trpr = tr.get_or_add_trPr()
        if trpr.find(qn("w:cantSplit")) is None:
            trpr.append(OxmlElement("w:cantSplit"))


def body(b: Builder) -> None:
    """Write the tjänsteskrivelse's sections."""
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
    b.p("Verksamhetsidéerna som de står i nämndernas arbetsböcker, med status och beslut:")
    b.table("n in namnder", [("Nämnd", "n.namn", 3.7),
                             ("Verksamhetsidé", "n.formulering or '–'", 8.3),
                             ("Status", "n.rader|join('\\n')", 4.0)])

    b.tag("if kommun.vision or kommun.styrmodell")
    b.h("Verksamhetsidéerna, visionen och styrmodellen", 3)
    b.tag("if vision")
    b.p("Kommunens vision är ”{{ vision }}”.")
    b.tag("endif")
    b.paragraphs("kommun.styrmodell")
    b.tag("endif")

    b.tag("if gemensamma_kunder or beroenden or synergier or externa")
    b.h("Det nämnderna har gemensamt", 3)
    b.tag("if gemensamma_kunder")
    b.h("Gemensamma kunder", 4)
    b.bullets("g in gemensamma_kunder", "{{ g.vad }} ({{ g.parter }})")
    b.tag("endif")
    b.tag("if beroenden")
    b.h("Beroenden mellan nämnderna", 4)
    b.bullets("d in beroenden", "{{ d.vad }} är beroende av {{ d.parter }}.")
    b.tag("endif")
    b.tag("if synergier")
    b.h("Synergier och gränsöverskridande processer", 4)
    b.bullets("s in synergier", "{{ s.vad }} ({{ s.parter }})")
    b.tag("endif")
    b.tag("if externa")
    b.h("Externa parter", 4)
    b.p("Nämnderna samverkar med eller är beroende av följande externa parter: {% for e in "
        "externa %}{{ e.vad }} ({{ e.parter }}){% if not loop.last %}; {% endif %}{% endfor %}.")
    b.tag("endif")
    b.tag("endif")

    b.tag("if nasta_steg")
    b.h("Idé om nästa steg", 3)
    b.p("Nämndernas idéer om nästa steg, som underlag för kommande uppdrag:")
    _lead_bullets(b, "s in nasta_steg", "{{ s.namnd }}: ", "{{ s.text }}")  # one per nämnd
    b.tag("endif")

    b.tag("if milstolpar")
    b.h("Tidplan", 3)
    b.table("m in milstolpar", [("Datum", "m.datum|datum", 3.4), ("Tid", "m.tid", 3.0),
                                ("Milstolpe", "m.benamning", 5.0), ("Plats", "m.plats", 4.6)])
    _kept_together(b.doc.tables[-1])
    b.p("Nämndernas egna möten står i deras tjänsteskrivelser.")
    b.tag("endif")

    b.tag("if kommun.bedomning|trim")
    b.h("Förvaltningens bedömning", 2)
    b.paragraphs("kommun.bedomning")
    b.tag("endif")

    b.h("Beslutsunderlag", 2)
    b.bullets("u in beslutsunderlag", "{{ u }}")

    b.tag("if kommun.mottagare")
    b.h("Expedieras till", 2)
    b.tag("for mottagare in kommun.mottagare")
    b.p("{{ mottagare }}", "List").paragraph_format.keep_with_next = True
    b.tag("endfor")
    b.tag("endif")
    _signature(b)


def build() -> bytes:
    """Return the bytes of the avrapportering template."""
    doc = Document()
    _styles(doc)
    for name in ("List Bullet", "List Number", "List"):  # many short items: single spaced
        doc.styles[name].paragraph_format.line_spacing = 1.0
    _page(doc, HEADER, LATER)
    if doc.paragraphs:
        doc._body._body.remove(doc.paragraphs[0]._p)
    body(Builder(doc))
    _rows_never_split(doc)
    props = doc.core_properties
    template_properties(props, "{{ titel }}", "{{ kommun.namn }}, {{ forvaltning }}")
    props.subject = "Verksamhetsidé"
    props.keywords = "verksamhetsidé, tjänsteskrivelse, avrapportering"
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
