"""Produce the Word templates for docxtpl: templates/beslutsunderlag.docx, the nämnd's
tjänsteskrivelse, and templates/bilaga.docx, its bilaga 1 with the utvecklingsgrupp's material.

Run `python scripts/make_templates.py`. The committed templates are this script's output; staff
may restyle the result in Word (styles, fonts, colours, header) as long as the {{ … }} and
{%p … %} tags stay in place. See README, "Mallar".
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document
from docx.shared import Pt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from word_common import (  # noqa: E402 - the styles and helpers of every Word template
    DNR,
    Builder,
    _drop_styles_with_effects,
    _page,
    _preserve_spaces,
    _styles,
    landscape_section,
)

from pipeline.output import atomic_write, deterministic_zip, template_properties  # noqa: E402
from pipeline.read import schema as S  # noqa: E402

BILAGA_HEADER = (("{{ kommun.namn }}", "Bilaga 1 till tjänsteskrivelse", True),
                 ("{{ namnd.namn }}", "{{ namnd.datum|datum }}", False),
                 ("", DNR, False))
BILAGA_LATER = (("{{ kommun.namn }}", "Bilaga 1{% if namnd.diarienummer %}, Dnr "
                 "{{ namnd.diarienummer }}{% endif %}", False),)


def _document(first_page=None, later_pages=None, footer: str = "{{ titel }}"):
    doc = Document()
    _styles(doc)
    if first_page:
        _page(doc, first_page, later_pages, footer)
    else:
        _page(doc)
    doc._body._body.remove(doc.paragraphs[0]._p) if doc.paragraphs else None
    return doc


def _save(doc, title: str, subject: str, keywords: str) -> bytes:
    props = doc.core_properties
    template_properties(props, title, "{{ kommun.namn }}, {{ namnd.forvaltning }}")
    props.subject = subject
    props.keywords = keywords
    props.comments = ""
    _preserve_spaces(doc)
    _drop_styles_with_effects(doc)
    buf = io.BytesIO()
    doc.save(buf)
    return deterministic_zip(buf.getvalue())


def build() -> bytes:
    """Return the bytes of the beslutsunderlag template: a tjänsteskrivelse of a few pages,
    the group's material in bilaga 1."""
    doc = _document()
    b = Builder(doc)
    b.p("{{ namnd.namn }}", "Ärendeuppgift")
    b.p("{% if namnd.handlaggare %}Handläggare: {{ namnd.handlaggare }}{% endif %}", "Ärendeuppgift")
    b.h("{{ titel }}", 1)

    b.h("Förslag till beslut", 2)
    b.bullets("punkt in beslutspunkter", "{{ punkt.text }}", "List Number")

    b.tag("if namnd.sammanfattning")
    b.h("Sammanfattning", 2)
    b.paragraphs("namnd.sammanfattning")
    b.tag("endif")

    b.h("Ärendet", 2)
    b.h("Uppdraget", 3)
    b.paragraphs("kommun.uppdrag")
    b.tag("if kommun.vision")
    b.p("Verksamhetsidén ska ses i relation till kommunens vision: {{ kommun.vision }}.")
    b.tag("endif")
    b.tag("if kommun.samordning")
    b.p("{{ kommun.samordning }}")
    b.tag("endif")
    b.h("Arbetsprocessen", 3)
    b.p("{{ namnd.namn }}s utvecklingsgrupp har arbetat fram förslaget i arbetspass och "
        "gemensamma avstämningar med kommunens övriga nämnder. Arbetet har följt "
        "frågorna vad nämnden gör, för vem och varför.")
    b.tag("if gruppen")
    b.p("Utvecklingsgruppen har bestått av {{ gruppen }}."
        "{% if processtod %} Processtöd har varit {{ processtod }}.{% endif %}")
    b.tag("endif")
    # the meetings as the memo's date knows them: held by then, or still planned
    columns = [("Datum", "rad.datum|datum", 3.4), ("Tid", "rad.tid", 3.0),
               ("Aktivitet", "rad.aktivitet", 9.6)]
    b.tag("if genomforda")
    b.p("Gruppen har träffats och stämt av arbetet vid följande tillfällen. Hela tidplanen "
        "finns i bilaga 1.", keep=True)
    b.table("rad in genomforda", columns, together=True)
    b.tag("endif")
    b.tag("if planerade")
    b.p("Fram till beslutet planerar gruppen att träffas vid följande tillfällen.", keep=True)
    b.table("rad in planerade", columns, together=True)
    b.tag("endif")
    b.tag("if sammandrag")
    b.p("Utvecklingsgruppens underlag finns i bilaga 1. Det beskriver {{ sammandrag }}.")
    b.tag("endif")
    b.tag("if planerat_beslut")
    b.p("Ärendet planeras till {{ namnd.namn|gemen }}s sammanträde den "
        "{{ planerat_beslut|datum }}.")
    b.tag("endif")

    b.h("Förslag till verksamhetsidé", 2)
    b.p("{{ ide.formulering }}", "Verksamhetsidé", keep=True)
    b.tag("if tidigare_versioner")
    b.p("Utvecklingsgruppens tidigare formuleringar finns i bilaga 1.")
    b.tag("endif")

    b.h("Förvaltningens bedömning", 2)
    b.paragraphs("namnd.bedomning")
    b.tag("if bedomning_saknas")
    b.p("Förvaltningens bedömning saknas.", "Saknas")
    b.tag("endif")

    b.tag("if namnd.ekonomi or namnd.barnkonsekvenser")
    b.h("Konsekvenser", 2)
    b.tag("if namnd.ekonomi")
    b.h("Ekonomiska konsekvenser", 3)
    b.paragraphs("namnd.ekonomi")
    b.tag("endif")
    b.tag("if namnd.barnkonsekvenser")
    b.h("Barnkonsekvensanalys", 3)
    b.paragraphs("namnd.barnkonsekvenser")
    b.tag("endif")
    b.tag("endif")

    # from here to the signature one block: the signature never stands alone on a page
    b.h("Beslutsunderlag", 2)
    b.bullets("u in beslutsunderlag", "{{ u }}", "List", keep=True)

    b.tag("if namnd.mottagare")
    b.h("Expedieras till", 2)
    b.bullets("mottagare in namnd.mottagare", "{{ mottagare }}", "List", keep=True)
    b.tag("endif")

    b.tag("if namnd.forvaltningschef or namnd.handlaggare")
    b.p("{{ forvaltningschef.namn }}\t{{ handlaggare.namn }}",
        "Underskrift").paragraph_format.space_before = Pt(30)
    b.p("{{ forvaltningschef.titel }}\t{{ handlaggare.titel }}",
        "Underskrift").paragraph_format.keep_with_next = False
    b.tag("endif")
    return _save(doc, "{{ titel }}", "Verksamhetsidé", "verksamhetsidé, tjänsteskrivelse")


def build_bilaga() -> bytes:
    """Return the bytes of the bilaga 1 template: the utvecklingsgrupp's material, a document
    in its own right filed with the tjänsteskrivelse."""
    doc = _document(BILAGA_HEADER, BILAGA_LATER, "{{ bilaga_titel }}")
    b = Builder(doc)
    b.p("{{ titel }}", "Ärendeuppgift")
    b.h("{{ bilaga_titel }}", 1)
    b.p("Här finns det underlag som {{ namnd.namn[:1]|lower }}{{ namnd.namn[1:] }}s "
        "utvecklingsgrupp har tagit fram: vad nämnden gör, för vem och varför, gruppens "
        "förslag till verksamhetsidé och tidplanen för arbetet.")

    b.h("Förslag till verksamhetsidé", 2)
    b.p("{{ ide.formulering }}", "Verksamhetsidé")
    b.tag("if tidigare_versioner")
    b.h("Tidigare formuleringar", 3)
    b.p("Formuleringarna som utvecklingsgruppen har arbetat med på vägen till förslaget:",
        keep=True)
    b.table("v in tidigare_versioner", [("Datum", "v.datum|datum", 3.4),
                                        ("Formulering", "v.formulering", 12.6)])
    b.tag("endif")

    b.tag("if namnd.ansvar or namnd.styrdokument or namnd.intentioner")
    b.h("Vad – uppdrag och ansvar", 2)
    b.tag("if namnd.ansvar")
    b.h("Ansvarsområden", 3)
    b.bullets("a in namnd.ansvar",
              "{{ a.omrade }}{% if a.beskrivning %}: {{ a.beskrivning }}{% endif %}")
    b.tag("endif")
    b.tag("if namnd.styrdokument")
    b.h("Styrande lagar och direktiv", 3)
    b.sheet_table(S.STYRDOKUMENT, "s", {"namn": 5.8, "typ": 3.0, "styr": 7.2},
                  headers={"namn": "Styrdokument"})
    b.tag("endif")
    b.tag("if namnd.intentioner")
    b.h("Politikens intentioner", 3)
    b.bullets("i in namnd.intentioner",
              "{{ i.intention }}{% if i.kalla %} ({{ i.kalla }}){% endif %}")
    b.tag("endif")
    b.tag("endif")

    b.tag("if namnd.kunder")
    b.h("För vem och varför", 2)
    b.p("Verksamheterna finns till för att skapa värde för följande kunder och målgrupper.",
        keep=True)
    b.sheet_table(S.KUNDER, "k", {"kund": 3.7, "situation": 4.1, "behov": 4.1, "varde": 4.1})
    b.tag("endif")

    b.tag("if namnd.utmaningar")
    b.h("Utmaningar och möjligheter", 2)
    b.tag("if namnd.endast_utmaningar")
    b.h("Utmaningar", 3)
    b.bullets("u in namnd.endast_utmaningar", "{{ u.beskrivning }}")
    b.tag("endif")
    b.tag("if namnd.mojligheter")
    b.h("Möjligheter", 3)
    b.bullets("u in namnd.mojligheter", "{{ u.beskrivning }}")
    b.tag("endif")
    b.tag("endif")

    b.tag("if namnd.beroenden")
    b.h("Beroenden", 2)
    b.sheet_table(S.BEROENDEN, "d", {"part": 4.2, "typ": 1.8, "riktning": 3.6, "beskrivning": 6.4},
                  headers={"part": "Beroende till"}, exprs={"part": "d|part"})
    b.tag("endif")

    b.tag("if namnd.synergier")
    b.h("Samband och synergier", 2)
    b.sheet_table(S.SYNERGIER, "s", {"med": 3.6, "process": 4.4, "synergi": 4.4, "nasta_steg": 3.6},
                  headers={"med": "Med"}, exprs={"med": "s.med|namnder"})
    b.tag("endif")

    b.tag("if namnd.medlemmar")
    b.h("Utvecklingsgruppen", 2)
    b.sheet_table(S.UTVECKLINGSGRUPP, "m", {"namn": 5, "roll": 5, "parti_funktion": 6})
    b.tag("if processtod")
    b.p("Processtöd: {{ processtod }}.")
    b.tag("endif")
    b.tag("endif")

    b.tag("if namnd.reflektioner")
    b.h("Reflektioner och nästa steg", 2)
    b.tag("if reflektioner")
    b.h("Reflektioner", 3)
    b.bullets("r in reflektioner", "{{ r.text }}")
    b.tag("endif")
    b.tag("if nasta_steg")
    b.h("Nästa steg", 3)
    b.bullets("r in nasta_steg", "{{ r.text }}")
    b.tag("endif")
    b.tag("endif")

    b.tag("if tidplan")
    b.h("Tidplan", 2)
    b.table("rad in tidplan", [("Datum", "rad.datum|datum", 3.4), ("Tid", "rad.tid", 3.0),
                               ("Aktivitet", "rad.aktivitet", 5.6), ("Plats", "rad.plats", 4.0)],
            together=True)
    b.tag("endif")
    # the week grid on a landscape page of its own: 9 pt across the year, never split
    landscape_section(doc, BILAGA_LATER, "{{ bilaga_titel }}")
    b.tag("if veckoschema_forklaring")
    b.h("Veckoöversikt", 3)
    b.p("{{ veckoschema_forklaring }}", keep=True)
    b.p("{{ veckoschema }}")
    b.tag("endif")
    return _save(doc, "{{ bilaga_titel }}", "Verksamhetsidé",
                 "verksamhetsidé, bilaga, utvecklingsgrupp")


def main() -> None:
    for name, make in (("beslutsunderlag.docx", build), ("bilaga.docx", build_bilaga)):
        target = ROOT / "templates" / name
        atomic_write(target, make())
        print(f"Skrev {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
