"""The intranet text at the October avstämning: build/intranat.docx for the communicator and
build/intranat.html to paste into the intranet. Plain Swedish for all staff: every nämnd by
name as it stood on the meeting's date, what they share, what comes next as planned; the
headline, ingress and quote from the kommun workbook and left out when empty; nothing loaded
from the network, no codes, valid and accessible."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import io
import re
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from pipeline import model as m
from pipeline import resources
from pipeline.diagnostics import TemplateError
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.produce import outputs as o
from pipeline.produce import produce
from pipeline.produce.jobs import Namnder
from pipeline.produce.kinds import Setting, load
from pipeline.read.workbook import read_workbook
from pipeline.render.a11y import check_document
from pipeline.render.context_intranat import TITEL, intranat_context
from tests.kommun_oktober import BEGUN, oktober
from tests.office import audit_errors

MOTE = dt.date(2021, 10, 7)
CODES = re.compile(r"\b(?:KS|SN|BUN|KTN|MBN)\b")
NO_TEXTS = dict(intranat_rubrik="", intranat_ingress="", intranat_citat="", intranat_citat_av="")


def render(name: str, kommun: m.Kommun = KOMMUN, namnder=NAMNDER, templates: Path | None = None,
           fel: tuple = ()) -> bytes:
    """Return one of the two outputs, rendered as a build renders it."""
    return load(o.by_name(name), Setting(kommun, templates)).render(Namnder(namnder, fel))


def page(kommun: m.Kommun = KOMMUN, namnder=NAMNDER) -> str:
    return render("intranat-sida", kommun, namnder).decode("utf-8")


def text(source: str) -> str:
    """Return what a reader of the page sees: its text, without tags, comments or styles."""
    body = re.sub(r"<style>.*?</style>|<!--.*?-->|</?(?:time|strong|em|span|a)\b[^>]*>", "",
                  source, flags=re.S)  # inline elements: no space of their own
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def section(source: str, heading: str) -> str:
    """Return the text under a heading of the page, up to the next heading of its level."""
    level = re.search(rf"<h([1-6])>{re.escape(heading)}</h\1>", source)
    assert level, f"no heading {heading!r}"
    rest = source[level.end():]
    end = re.search(rf"<h[1-{level[1]}]>", rest)
    return text(rest[:end.start()] if end else rest)


def paragraphs(data: bytes) -> list[tuple[str, str]]:
    """Return the docx's paragraphs as (style, text)."""
    return [(p.style.name, p.text) for p in docx.Document(io.BytesIO(data)).paragraphs]


def test_the_examples_build_both_files_linked_from_the_overview_and_the_same_bytes_twice(
        inputs, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    produce(inputs, first, None, today=dt.date(2021, 10, 1))
    produce(inputs, second, None, today=dt.date(2021, 10, 5))
    for name in ("intranat.docx", "intranat.html"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    overview = (first / "index.html").read_text(encoding="utf-8")
    assert '<a href="intranat.docx">Intranätstext (Word)</a>' in overview
    assert '<a href="intranat.html">Intranätstext (webbsida)</a>' in overview
    assert audit_errors(first / "intranat.docx") == []
    assert check_document(first / "intranat.docx") == []
    assert check_document(first / "intranat.html") == []


def test_the_page_names_every_nämnd_and_the_avstämning_with_its_date():
    source = page()
    assert source.startswith("<!DOCTYPE html>") and '<html lang="sv">' in source
    headings = re.findall(r"<h([1-6])>(.*?)</h\1>", source)
    assert [int(level) for level, _ in headings][0] == 1
    assert all(int(b) <= int(a) + 1 for (a, _), (b, _) in zip(headings, headings[1:], strict=False))
    names = [html.unescape(t) for level, t in headings if level == "3"]
    assert [ref.namn for ref in KOMMUN.namnder] == names[:len(KOMMUN.namnder)]
    assert ("2", "Avstämningen 7 oktober") in headings
    assert "7 oktober 2021, kl. 9.00–12.00, Kommunhuset, sessionssalen" in text(source)
    assert ("Så här långt har nämnderna kommit inför avstämningen 7 oktober 2021."
            in text(source))


def test_the_page_loads_nothing_and_needs_no_script():
    source = page()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", source, re.I)
    assert "<script" not in source and "<link" not in source and "<img" not in source
    assert "<style>" in source  # its look is in the page itself


def test_no_nämnd_is_written_by_its_code():
    for source in (page(), page(namnder=[oktober(n) for n in NAMNDER])):
        assert not CODES.search(text(source)), CODES.findall(text(source))
    document = " ".join(t for _, t in paragraphs(render("intranat")))
    assert not CODES.search(document)


def test_the_uppdrag_its_vision_and_the_shared_findings_are_the_workbooks_by_name():
    source = page()
    uppdrag = section(source, "Uppdraget")
    assert KOMMUN.uppdrag.split("\n\n")[0] in uppdrag
    assert f"Kommunens vision är ”{KOMMUN.vision}”." in uppdrag
    shared = section(source, "Det nämnderna har gemensamt")
    assert ("Barn och unga: socialnämnden, barn- och utbildningsnämnden och kultur- och "
            "tekniknämnden") in shared
    assert ("Socialnämnden är beroende av kommunstyrelsen, barn- och utbildningsnämnden och "
            "kultur- och tekniknämnden.") in shared
    assert "Sammanhållen vård och omsorg för äldre: socialnämnden och Region Västernorrland" in shared
    assert "Gemensam uppföljning utifrån verksamhetsidéerna: alla nämnder" in shared
    assert not re.search(r"\b\d+ (?:kunder|beroenden|processer)\b", shared)  # names, no counts


def test_what_comes_next_is_dated_and_the_decisions_planned_never_taken():
    source = page()
    coming = section(source, "Det här händer härnäst")
    assert ("Nästa steg är att varje utvecklingsgrupp formulerar ett förslag till verksamhetsidé "
            "för sin nämnd. Förslagen ska vara klara senast 9 december 2021.") in coming
    assert "9 december 2021, kl. 9.00–12.00: slutlig avstämning" in coming
    assert "22 februari 2022: socialnämnden planerar att besluta om sin verksamhetsidé" in coming
    for n in NAMNDER:  # each has its decision recorded in February or March 2022
        assert n.beslutad is not None and n.beslutad > MOTE
    assert "antog" not in text(source) and "Antagen" not in text(source)


def test_nothing_dated_after_the_avstämning_shows():
    """The examples' formulations are all dated after 7 oktober: none is named or quoted."""
    source = text(page())
    assert all(v.datum > MOTE for n in NAMNDER for v in n.verksamhetsideer)
    for n in NAMNDER:
        for v in n.verksamhetsideer:
            assert " ".join(v.formulering.split())[:60] not in source
    assert "utkast" not in source and "förslag till verksamhetsidé." not in source


def test_a_formulation_dated_on_the_meeting_day_shows_and_one_dated_the_day_after_does_not():
    sn = next(n for n in NAMNDER if n.kod == "SN")

    def with_draft(datum: dt.date) -> str:
        draft = m.Verksamhetside(1, datum, "Utkast", "Vi finns för invånare som behöver stöd.")
        changed = [dataclasses.replace(n, verksamhetsideer=(draft,)) if n is sn else n
                   for n in NAMNDER]
        return section(page(namnder=changed), "Socialnämnden")

    assert "Utvecklingsgruppen har skrivit ett utkast till verksamhetsidé." in with_draft(MOTE)
    assert "utkast" not in with_draft(MOTE + dt.timedelta(days=1))


def test_a_nämnd_just_begun_is_said_to_have_begun_and_one_without_a_workbook_is_named():
    namnder = [oktober(n) for n in NAMNDER]
    source = page(namnder=namnder)
    begun = next(ref.namn for ref in KOMMUN.namnder if ref.kod == BEGUN)
    said = section(source, begun)
    assert said.startswith(f"{begun} har börjat arbetet och har hittills beskrivit vad nämnden "
                           "gör.")
    assert not re.search(r"\b(?:fel|saknas|saknar|tom|tomma)\b", said, re.I)
    assert ("Utvecklingsgruppen har skrivit ett utkast till verksamhetsidé."
            in section(source, "Socialnämnden"))
    nothing = [dataclasses.replace(n, ansvar=()) if n.kod == BEGUN else n for n in namnder]
    assert section(page(namnder=nothing), begun).startswith(
        f"{begun} har börjat arbetet med sin verksamhetsidé. Nämndens utvecklingsgrupp är "
        "tillsatt.")
    without = page(namnder=[n for n in namnder if n.kod != BEGUN])
    assert section(without, begun) == ("Underlaget från miljö- och byggnadsnämnden finns inte "
                                       "med ännu.")


def test_headline_ingress_and_quote_come_from_the_kommun_workbook():
    source = page()
    assert f"<title>{KOMMUN.intranat_rubrik}</title>" in source
    assert f"<h1>{KOMMUN.intranat_rubrik}</h1>" in source
    assert f'<p class="ingress">{KOMMUN.intranat_ingress}</p>' in source
    assert f"<p>”{KOMMUN.intranat_citat}”</p>" in source
    assert "<footer>– Maria Lindfors, kommunchef</footer>" in source
    document = paragraphs(render("intranat"))
    assert ("Heading 1", KOMMUN.intranat_rubrik) in document
    assert ("Ingress", KOMMUN.intranat_ingress) in document
    assert ("Citat", f"”{KOMMUN.intranat_citat}”") in document
    assert ("Citatet av", "– Maria Lindfors, kommunchef") in document


def test_without_them_the_title_is_a_neutral_label_and_the_rest_is_left_out():
    kommun = dataclasses.replace(KOMMUN, **NO_TEXTS)
    title = f"{TITEL} inför avstämningen 7 oktober"
    assert title == ("Arbetet med nämndernas verksamhetsidéer – läget inför avstämningen "
                     "7 oktober")
    source = page(kommun)
    assert f"<title>{title}</title>" in source and f"<h1>{title}</h1>" in source
    assert "ingress" not in source.split("</style>")[1]
    assert "<blockquote" not in source and KOMMUN.intranat_citat[:30] not in source
    data = render("intranat", kommun)
    styles = {style for style, _ in paragraphs(data)}
    assert "Ingress" not in styles and "Citat" not in styles and "Citatet av" not in styles
    assert docx.Document(io.BytesIO(data)).core_properties.title == title
    note = paragraphs(data)[0]
    assert note == ("Anvisning", "Texten bygger på kommunens och nämndernas arbetsböcker och "
                    "visar läget 7 oktober 2021: inget som är daterat senare är med. Fliken "
                    "Intranät i kommunarbetsboken saknar rubrik, ingress och citat. Rubriken "
                    "är därför en neutral rubrik med avstämningens datum. Ingress och citat "
                    "står inte med i texten.")
    assert audit_errors(data) == [] and check_document(Path("intranat.docx"), data) == []


def test_a_kommun_without_an_avstämning_gets_the_text_as_it_is_now():
    kommun = dataclasses.replace(KOMMUN, **NO_TEXTS, milstolpar=tuple(
        ms for ms in KOMMUN.milstolpar if ms.typ != "Avstämning"))
    context = intranat_context(kommun, list(NAMNDER))
    assert context["titel"] == TITEL and context["avstamning"] is None
    assert context["lage_inledning"] == "Så här långt har nämnderna kommit."
    assert check_document(Path("intranat.html"), render("intranat-sida", kommun)) == []


def test_cell_text_is_data_in_both_files():
    kommun = dataclasses.replace(KOMMUN, intranat_ingress='<script>alert("x")</script> {{ titel }}')
    source = page(kommun)
    assert "<script>" not in source
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; {{ titel }}" in source
    assert ("Ingress", '<script>alert("x")</script> {{ titel }}') in paragraphs(
        render("intranat", kommun))


def test_a_misspelt_name_in_a_restyled_page_template_names_the_template_and_line(tmp_path):
    shipped = (resources.default_templates() / "intranat.html").read_text(encoding="utf-8")
    lines = shipped.splitlines()
    at = next(i for i, line in enumerate(lines) if "<h1>{{ titel }}</h1>" in line)
    lines[at] = "<h1>{{ titl }}</h1>"
    (tmp_path / "intranat.html").write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(TemplateError) as raised:
        render("intranat-sida", templates=tmp_path)
    assert raised.value.message == (f'Mallen intranat.html, rad {at + 1}: namnet "titl" finns '
                                    "inte i underlaget. Rätta stavningen i mallen; namnen listas "
                                    "i README under Mallar.")
    (tmp_path / "intranat.html").write_text("{% if titel %}", encoding="utf-8")
    with pytest.raises(TemplateError, match='"if" avslutas aldrig med "endif"'):
        load(o.by_name("intranat-sida"), Setting(KOMMUN, tmp_path))


def test_the_page_check_finds_what_a_restyled_template_breaks():
    broken = (b'<html><head><link rel="stylesheet" href="https://cdn.example/x.css"></head>'
              b"<body><h2>Rubrik</h2><h4>Under</h4><img src=a.png></body></html>")
    found = [d.message for d in check_document(Path("intranat.html"), broken)]
    assert found == [
        'Sidans språk är inte svenska. Skriv <html lang="sv">.',
        "Sidan saknar titel. Skriv en <title> i sidans <head>.",
        'Sidans första rubrik "Rubrik" är på nivå 2; börja med en huvudrubrik (h1).',
        'Rubriken "Under" är på nivå 4 efter nivå 2; hoppa inte över en rubriknivå.',
        "Sidan saknar en huvudrubrik (h1).",
        "Sidan hämtar https://cdn.example/x.css från nätet. Håll sidan fristående: skriv CSS i "
        "sidan och ta bort skript, typsnitt och bilder från nätet.",
        'En bild saknar alt-text. Skriv alt="…" med vad bilden visar, eller alt="" för en ren '
        "utsmyckning.",
    ]


def test_a_kommun_workbook_from_before_the_sheet_still_builds(inputs, tmp_path):
    wb = load_workbook(inputs / "kommun.xlsx")
    del wb["Intranät"]
    wb.save(inputs / "kommun.xlsx")
    result = read_workbook(inputs / "kommun.xlsx")
    assert result.value is not None and not any(d.is_error for d in result.diagnostics)
    assert [d.sheet for d in result.diagnostics] == ["Intranät"]  # said, as a warning
    assert result.value.intranat_rubrik == "" and result.value.intranat_citat == ""
    out = tmp_path / "build"
    produce(inputs, out, None, today=dt.date(2021, 10, 1))
    assert "<h1>Arbetet med nämndernas verksamhetsidéer – läget inför avstämningen 7 oktober</h1>" \
        in (out / "intranat.html").read_text(encoding="utf-8")
