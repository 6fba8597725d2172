"""Kommunstyrelsen's avrapportering (build/avrapportering.docx): the status rule, what the
nämnder share with names instead of codes, next steps attributed, the document reopened section
by section, escaping of workbook text, accessibility, schema validity and its page count."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from pathlib import Path

import docx
import pytest

from pipeline import model as m
from pipeline import resources
from pipeline.cli import main
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.render.a11y import check_document
from pipeline.render.context_avrapportering import (
    JOINT_ROW,
    Person,
    avrapportering_context,
    beslut,
    person,
    warnings,
)
from pipeline.render.docx import DocxRenderer

from .office import audit_errors, convert, needs_libreoffice

TEMPLATE = resources.default_templates() / "avrapportering.docx"
CODES = re.compile(r"\b(?:KS|SN|BUN|KTN|MBN)\b")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# What the kommun workbook's sheets Avrapportering and Avrapportering beslut may hold: the tests
# of content use these; the page count uses the examples' own text.
AVRAPPORTERING = {
    "diarienummer": "KS 2022/45",
    "datum": dt.date(2022, 3, 1),
    "handlaggare": "Lena Brandt, utvecklingsstrateg",
    "forvaltningschef": "Anders Nordin, kommundirektör",
    "sammanfattning": (
        "Kommunfullmäktige gav 2021 samtliga nämnder i uppdrag att formulera en verksamhetsidé i "
        "linje med kommunens styrmodell. Nämnderna har arbetat fram sina förslag i "
        "utvecklingsgrupper och stämt av dem med varandra vid två gemensamma avstämningar."
        "\n\n"
        "Avrapporteringen redovisar nämndernas verksamhetsidéer och var besluten står, hur "
        "verksamhetsidéerna förhåller sig till visionen och styrmodellen, vad nämnderna har "
        "gemensamt och nämndernas idéer om nästa steg."),
    "bedomning": (
        "Kommunledningsförvaltningen bedömer att uppdraget är genomfört. Verksamhetsidéerna "
        "utgår från dem som verksamheterna finns till för och ger tillsammans en samlad bild av "
        "vad kommunen gör, för vem och varför."
        "\n\n"
        "Förvaltningen föreslår att det fortsatta arbetet inriktas på att använda "
        "verksamhetsidéerna i planering och uppföljning och på de gränsöverskridande processer "
        "som nämnderna har pekat ut."),
    "expedieras": "Samtliga nämnder\nKommunledningsgruppen",
    "beslutspunkter": (
        m.Beslutspunkt(1, "Kommunstyrelsen tar emot avrapporteringen av uppdraget om "
                          "verksamhetsidéer och lägger den till handlingarna."),
        m.Beslutspunkt(2, "Kommunstyrelsen ger kommundirektören i uppdrag att ta fram förslag "
                          "på hur verksamhetsidéerna används i styrmodellens planering och "
                          "uppföljning.")),
}
STYRMODELL = (
    "Verksamhetsidéerna beskriver nämndernas grunduppdrag: vad verksamheterna gör, för vem och "
    "varför. I styrmodellen är de utgångspunkten för nämndernas mål och för uppföljningen av "
    "vilket värde verksamheterna skapar för invånarna.")


def full_kommun(**changes) -> m.Kommun:
    """Return the example kommun with the avrapportering fields above."""
    return dataclasses.replace(KOMMUN, **{**AVRAPPORTERING, "styrmodell": STYRMODELL, **changes})


def render(kommun: m.Kommun, namnder=NAMNDER) -> bytes:
    return DocxRenderer(TEMPLATE, kommun, avrapportering_context).render(list(namnder))


def paragraphs(data: bytes) -> list[tuple[str, str]]:
    """Return the body's paragraphs outside tables, as (style name, text)."""
    document = docx.Document(io.BytesIO(data))
    return [(p.style.name, p.text) for p in document.paragraphs]


def tables(data: bytes) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows]
            for t in docx.Document(io.BytesIO(data)).tables]


def section(paras: list[tuple[str, str]], heading: str) -> list[str]:
    """Return the texts under a heading up to the next heading of the same or a higher level."""
    at = next(i for i, (style, text) in enumerate(paras)
              if style.startswith("Heading") and text == heading)
    level = paras[at][0]
    out = []
    for style, text in paras[at + 1:]:
        if style.startswith("Heading") and style <= level:
            break
        out.append(text)
    return out


# -- the context --

@pytest.mark.parametrize(("decided", "status", "on", "expected"), [
    (dt.date(2022, 2, 22), m.FORSLAG_TILL_BESLUT, dt.date(2022, 3, 1), "beslutad 22 februari 2022"),
    (dt.date(2022, 3, 2), m.FORSLAG_TILL_BESLUT, dt.date(2022, 3, 1), "planerat beslut 2 mars 2022"),
    (dt.date(2022, 3, 1), m.FORSLAG_TILL_BESLUT, dt.date(2022, 3, 1), "planerat beslut 1 mars 2022"),
    (dt.date(2022, 2, 22), "Avstämd", dt.date(2022, 3, 1), "planerat beslut 22 februari 2022"),
    (dt.date(2022, 2, 22), m.FORSLAG_TILL_BESLUT, None, "planerat beslut 22 februari 2022"),
    (None, m.FORSLAG_TILL_BESLUT, dt.date(2022, 3, 1), "beslutsdatum saknas"),
])
def test_decided_only_before_the_report_and_as_a_proposal(decided, status, on, expected):
    sn = NAMNDER[1]
    ideer = tuple(dataclasses.replace(v, status=status) for v in sn.verksamhetsideer)
    namnd = dataclasses.replace(sn, beslutsdatum=decided, verksamhetsideer=ideer)
    assert beslut(dataclasses.replace(KOMMUN, datum=on), namnd) == expected


def test_each_nämnd_has_its_idea_and_status_and_a_registered_one_without_workbook_is_listed():
    context = avrapportering_context(full_kommun(), list(NAMNDER[:4]))
    rows = {row.namn: row for row in context["namnder"]}
    assert list(rows) == [ref.namn for ref in KOMMUN.namnder]
    sn = rows["Socialnämnden"]
    assert sn.formulering == " ".join(NAMNDER[1].verksamhetside.formulering.split())
    assert sn.rader == ("Version 3", "Förslag till beslut", "Beslutad 22\u00a0februari\u00a02022")
    assert rows["Kultur- och tekniknämnden"].rader[-1] == "Planerat beslut 2\u00a0mars\u00a02022"
    assert rows["Miljö- och byggnadsnämnden"].rader == ("Ingen arbetsbok",)


def test_the_vision_is_stated_once():
    vision = "Timrå – en stark kommun i en växande region"
    assert avrapportering_context(full_kommun(styrmodell="Om styrning."), [])["vision"] == vision
    named = full_kommun(styrmodell=f"Styrmodellen utgår från visionen {vision.upper()}.")
    assert avrapportering_context(named, [])["vision"] == ""


def test_signatories_are_a_name_and_a_title():
    assert person("Eva  Lind, socialchef") == Person("Eva Lind", "Socialchef")
    assert person("Eva Lind") == Person("Eva Lind", "")
    assert person(" ") is None


def strings(value) -> list[str]:
    """Return every text a context value holds."""
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [s for f in dataclasses.fields(value) for s in strings(getattr(value, f.name))]
    if isinstance(value, list | tuple):
        return [s for item in value for s in strings(item)]
    return []


def test_what_the_nämnder_share_names_nämnder_and_external_partners():
    context = avrapportering_context(full_kommun(), list(NAMNDER))
    for key in ("gemensamma_kunder", "beroenden", "synergier", "externa", "nasta_steg"):
        assert context[key], key
        for text in strings(context[key]):
            assert not CODES.search(text), (key, text)
    synergier = {s.vad: s.parter for s in context["synergier"]}
    assert synergier["Sammanhållen vård och omsorg för äldre"] == (
        "Socialnämnden och Region Västernorrland")
    assert synergier["Gemensam uppföljning utifrån verksamhetsidéerna"] == "alla nämnder"
    externa = {e.vad: e.parter for e in context["externa"]}
    assert externa["Region Västernorrland"] == (
        "Kommunstyrelsen, Socialnämnden och Barn- och utbildningsnämnden")
    assert "Trafikverket" in externa and "MittSverige Vatten & Avfall" in externa
    beroenden = {d.vad: d.parter for d in context["beroenden"]}
    assert "Kommunstyrelsen" in beroenden["Socialnämnden"]
    assert [r.namn for r in context["veckoschema"].rader][:2] == [JOINT_ROW, "Kommunstyrelsen"]


def test_next_steps_are_every_nämnds_own_and_attributed():
    steps = avrapportering_context(full_kommun(), list(NAMNDER))["nasta_steg"]
    expected = [(n.namn, " ".join(r.text for r in n.reflektioner if r.typ == "Nästa steg"))
                for n in NAMNDER]
    assert [(s.namnd, s.text) for s in steps] == expected
    ks = dataclasses.replace(NAMNDER[0], reflektioner=(m.Reflektion("Nästa steg", "Följa upp"),
                                                        m.Reflektion("Reflektion", "Lärorikt")))
    (only,) = avrapportering_context(full_kommun(), [ks])["nasta_steg"]
    assert (only.namnd, only.text) == ("Kommunstyrelsen", "Följa upp.")


def test_a_decision_point_pointing_at_a_missing_bilaga_is_a_warning():
    kommun = full_kommun(beslutspunkter=(
        m.Beslutspunkt(1, "Kommunstyrelsen godkänner avrapporteringen enligt bilaga 1."),))
    (warning,) = warnings(kommun, "kommun.xlsx")
    assert not warning.is_error
    assert str(warning) == (
        "kommun.xlsx › Avrapportering beslut: Varning: Beslutspunkt 1 hänvisar till bilaga 1, "
        "men avrapporteringen har ingen bilaga. Ta bort hänvisningen eller skriv vilken handling "
        "som avses.")
    assert warnings(full_kommun(), "kommun.xlsx") == []


def test_missing_decision_points_and_bedömning_are_warnings_and_never_made_up():
    kommun = full_kommun(beslutspunkter=(), bedomning=" ")
    assert [(w.sheet, w.is_error) for w in warnings(kommun, "kommun.xlsx")] == [
        ("Avrapportering beslut", False), ("Avrapportering", False)]
    paras = paragraphs(render(kommun))
    assert section(paras, "Förslag till beslut") == [
        "Förslag till beslut saknas: skriv beslutspunkterna i kommunens arbetsbok, fliken "
        "Avrapportering beslut."]
    assert "Förvaltningens bedömning" not in [text for _, text in paras]


# -- the document --

@pytest.fixture(scope="module")
def made() -> bytes:
    return render(full_kommun())


def test_the_document_holds_every_section_in_order(made):
    paras = paragraphs(made)
    headings = [text for style, text in paras if style.startswith("Heading")]
    expected = ["Avrapportering av uppdrag verksamhetsidé", "Förslag till beslut",
                "Sammanfattning", "Ärendet", "Uppdraget", "Nämndernas verksamhetsidéer",
                "Verksamhetsidéerna, visionen och styrmodellen", "Det nämnderna har gemensamt",
                "Gemensamma kunder", "Beroenden mellan nämnderna",
                "Synergier och gränsöverskridande processer", "Externa parter",
                "Idé om nästa steg", "Tidplan", "Förvaltningens bedömning", "Beslutsunderlag",
                "Expedieras till"]
    assert headings == expected
    kommun = full_kommun()
    assert section(paras, "Förslag till beslut") == [
        p.text for p in sorted(kommun.beslutspunkter, key=lambda p: p.nr)]
    assert section(paras, "Förvaltningens bedömning") == [
        " ".join(part.split()) for part in kommun.bedomning.split("\n\n")]
    vision = section(paras, "Verksamhetsidéerna, visionen och styrmodellen")
    assert vision[0] == f"Kommunens vision är ”{KOMMUN.vision}”."
    assert section(paras, "Expedieras till")[:len(kommun.mottagare)] == list(kommun.mottagare)


def test_each_nämnds_idea_and_status_stands_in_the_table(made):
    table = next(t for t in tables(made) if t[0] == ["Nämnd", "Verksamhetsidé", "Status"])
    assert [row[0] for row in table[1:]] == [n.namn for n in NAMNDER]
    for row, namnd in zip(table[1:], NAMNDER, strict=True):
        assert row[1] == " ".join(namnd.verksamhetside.formulering.split())
        assert row[2].split("\n")[:2] == ["Version 3", "Förslag till beslut"]
        assert re.fullmatch(r"(Beslutad|Planerat beslut) \d+\xa0\w+\xa02022", row[2].split("\n")[2])


def test_partners_next_steps_and_signature_are_named(made):
    paras = paragraphs(made)
    shared = " ".join(section(paras, "Det nämnderna har gemensamt"))
    for partner in ("Region Västernorrland", "Polisen", "Försäkringskassan", "Trafikverket"):
        assert partner in shared
    steps = section(paras, "Idé om nästa steg")[1:]
    assert [s.split(":")[0] for s in steps] == [n.namn for n in NAMNDER]
    assert steps[1].startswith("Socialnämnden: Varje verksamhetsområde")
    assert paras[-2:] == [("Underskrift", "Anders Nordin\tLena Brandt"),
                          ("Underskrift", "Kommundirektör\tUtvecklingsstrateg")]


def test_names_not_codes_and_no_bilaga_that_is_not_produced(made):
    texts = [text for _, text in paragraphs(made)]
    texts += [cell for t in tables(made) for row in t for cell in row]
    for text in texts:
        assert not CODES.search(text), text
        assert "bilaga" not in text.lower(), text


def test_header_footer_and_properties(made):
    document = docx.Document(io.BytesIO(made))
    first = document.sections[0].first_page_header
    assert [p.text for p in first.paragraphs] == [
        "Timrå kommun\tTjänsteskrivelse", "Kommunledningsförvaltningen\t1 mars 2022",
        "\tDnr KS 2022/45"]
    props = document.core_properties
    assert (props.title, props.language) == ("Avrapportering av uppdrag verksamhetsidé", "sv-SE")
    assert props.author == "Timrå kommun, Kommunledningsförvaltningen"


def test_pagination_marks_rows_and_keeps_the_signature_together(made):
    document = docx.Document(io.BytesIO(made))
    for table in document.tables:
        for row in table.rows:
            assert row._tr.find(f"{W}trPr/{W}cantSplit") is not None
        assert table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
    names, titles = document.paragraphs[-2:]
    assert names.style.paragraph_format.keep_with_next and names.paragraph_format.keep_with_next \
        is not False
    expedieras = [p for p in document.paragraphs if p.style.name == "List"]
    assert expedieras and all(p.paragraph_format.keep_with_next for p in expedieras)


def test_workbook_text_is_data_not_template_code(tmp_path):
    odd = "{{ kommun.namn }} {% if x %} <w:t>tagg</w:t> & ”citat” {%p endif %}"
    kommun = full_kommun(sammanfattning=odd, bedomning=odd, styrmodell=odd, expedieras=odd,
                         beslutspunkter=(m.Beslutspunkt(1, odd),))
    sn = dataclasses.replace(NAMNDER[1], namn=f"Socialnämnden {odd}", reflektioner=(
        m.Reflektion("Nästa steg", odd),))
    data = render(kommun, [NAMNDER[0], sn, *NAMNDER[2:]])
    texts = [text for _, text in paragraphs(data)]
    assert texts.count(odd) == 5  # beslutspunkt, sammanfattning, styrmodell, bedömning, mottagare
    assert f"Socialnämnden {odd}: {odd}." in texts  # a step is a sentence
    assert audit_errors(data) == []


def test_accessible_and_schema_valid(made, tmp_path):
    path = tmp_path / "avrapportering.docx"
    path.write_bytes(made)
    assert check_document(path) == []
    assert audit_errors(made) == []


def test_a_kommun_without_the_avrapportering_sheets_still_gets_a_document():
    data = render(dataclasses.replace(KOMMUN, datum=None, diarienummer="", handlaggare="",
                                      forvaltningschef="", sammanfattning="", bedomning="",
                                      expedieras="", beslutspunkter=()))
    headings = [text for style, text in paragraphs(data) if style.startswith("Heading")]
    assert "Förvaltningens bedömning" not in headings  # never generated
    assert "Sammanfattning" not in headings and "Expedieras till" not in headings
    assert audit_errors(data) == []


def test_underlag_bygg_writes_it_and_it_passes_tillganglighet(workdir, runner):
    result = runner.invoke(main, ["bygg"], catch_exceptions=False)
    target = workdir / "build" / "avrapportering.docx"
    assert f"Skrev {Path('build') / 'avrapportering.docx'}" in result.output, result.output
    names = [text for style, text in paragraphs(target.read_bytes())
             if style.startswith("Heading")]
    assert names[0] == "Avrapportering av uppdrag verksamhetsidé"
    result = runner.invoke(main, ["tillganglighet"], catch_exceptions=False)
    assert "avrapportering" not in result.output, result.output


@pytest.mark.slow
@needs_libreoffice
@pytest.mark.parametrize("long", [False, True], ids=["exemplen", "lång-arbetsbok"])
def test_at_most_four_pages_in_libreoffice(tmp_path, long):
    """The examples with their own avrapportering text, and with Socialnämnden's workbook
    replaced by a long, messy one (40 kunder, 30 styrdokument, a 600-character verksamhetsidé)."""
    from .long_workbook import long_namnd
    from .test_office import pdf_pages

    assert KOMMUN.bedomning and KOMMUN.sammanfattning and KOMMUN.beslutspunkter
    path = tmp_path / "avrapportering.docx"
    path.write_bytes(render(KOMMUN, [long_namnd() if long and n.kod == "SN" else n
                                     for n in NAMNDER]))
    assert pdf_pages(convert(path, "pdf", tmp_path)) <= 4


def test_kontrollera_names_a_misspelled_name_in_the_avrapportering_template(workdir, runner):
    import zipfile

    (workdir / "templates").mkdir()
    with zipfile.ZipFile(TEMPLATE) as src, zipfile.ZipFile(
            workdir / "templates" / "avrapportering.docx", "w") as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == "word/document.xml":
                blob = blob.replace(b"{{ namnd }}", b"{{ namd }}", 1)
            dst.writestr(info, blob)
    result = runner.invoke(main, ["kontrollera"], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    assert ('avrapportering.docx: Mallen avrapportering.docx, brödtext, vid texten "{{ namd }}": '
            'namnet "namd" finns inte i underlaget.') in result.output, result.output
