"""Kommunstyrelsen's avrapportering (build/avrapportering.docx) and its bilaga 1
(build/bilaga-avrapportering.docx): decisions only as recorded, what the nämnder share with names instead of
codes, next steps attributed, the documents reopened section by section, escaping of workbook
text, accessibility, schema validity, and the tjänsteskrivelse's four pages for the examples, a
long workbook and a kommun of ten nämnder with long texts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from pipeline import model as m
from pipeline import resources, svenska
from pipeline.cli import main
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.render.a11y import check_document
from pipeline.render.context_avrapportering import (
    BILAGA_TITEL,
    JOINT_ROW,
    Person,
    avrapportering_context,
    beslut,
    bilaga_avrapportering_context,
    person,
)
from pipeline.render.docx import DocxRenderer
from tests.office import audit_errors, convert, needs_libreoffice

TEMPLATE = resources.default_templates() / "avrapportering.docx"
BILAGA = resources.default_templates() / "bilaga-avrapportering.docx"
CODES = re.compile(r"\b(?:KS|SN|BUN|KTN|MBN)\b")
BILAGA_1 = f"Bilaga 1 {BILAGA_TITEL}, 1 mars 2022"  # its Beslutsunderlag line
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


def render_bilaga(kommun: m.Kommun, namnder=NAMNDER) -> bytes:
    return DocxRenderer(BILAGA, kommun, bilaga_avrapportering_context).render(list(namnder))


# Copies of the example nämnder under new codes and names: with the examples, ten nämnder
COPIES = (("VON", "Vård- och omsorgsnämnden", "SN"),
          ("GVN", "Gymnasie- och vuxenutbildningsnämnden", "BUN"),
          ("FTN", "Fritids- och turismnämnden", "KTN"),
          ("BRN", "Bygg- och räddningstjänstnämnden", "MBN"),
          ("ARN", "Arbetsmarknads- och integrationsnämnden", "KS"))
LONG_STEP = ("Förvaltningen tar under 2022 fram en plan för hur verksamhetsidén ska användas i "
             "verksamhetsplaner, medarbetarsamtal, uppföljning och dialog med brukare, elever "
             "och invånare, i samverkan med de andra förvaltningarna och med fackliga "
             "företrädare")


def ten_namnder(kommun: m.Kommun = KOMMUN) -> tuple[m.Kommun, list[m.Namnd]]:
    """Return a kommun of ten registered nämnder, every workbook long: 40 kunder, 30
    styrdokument, a 600-character verksamhetsidé, four long next steps and a long process."""
    from tests.long_workbook import long_namnd

    refs = list(kommun.namnder)
    namnder = []
    for kod, namn, base in (*((n.kod, n.namn, n.kod) for n in NAMNDER), *COPIES):
        namnd = dataclasses.replace(
            long_namnd(base_kod=base), kod=kod, namn=namn, reflektioner=tuple(
                m.Reflektion("Nästa steg", f"{LONG_STEP} (steg {i + 1}).") for i in range(4)),
            synergier=(*long_namnd(base_kod=base).synergier, m.Synergi(
                "KS", f"Samordnad planering, uppföljning och kompetensförsörjning inom {namn[:-2]} "
                "och kommunstyrelsens verksamheter", "Gemensamma arbetssätt sparar tid.",
                "Ta fram en gemensam plan.")))
        namnder.append(namnd)
        if kommun.namnd(kod) is None:
            base_ref = kommun.namnd(base)
            refs.append(m.NamndRef(kod, namn, base_ref.forvaltning, len(refs) + 1))
    return dataclasses.replace(kommun, namnder=tuple(refs)), namnder


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

NB = "\u00a0"


@pytest.mark.parametrize(("recorded", "paragraf", "planned", "on", "expected"), [
    (dt.date(2022, 2, 22), "14", dt.date(2022, 2, 22), dt.date(2022, 3, 1),
     f"Antagen 22 februari 2022, §{NB}14"),
    (dt.date(2022, 2, 22), "", dt.date(2022, 2, 22), None, "Antagen 22 februari 2022"),
    # recorded after the avrapportering's own date: not in it
    (dt.date(2022, 3, 2), "§ 9", dt.date(2022, 3, 2), dt.date(2022, 3, 1),
     "Beslut planerat 2 mars 2022"),
    # never a decision from a plan, however long ago
    (None, "", dt.date(2022, 2, 22), dt.date(2022, 3, 1),
     "Beslut planerat 22 februari 2022, ännu inte redovisat"),
    (None, "", dt.date(2022, 2, 22), None, "Beslut planerat 22 februari 2022"),
    (None, "", None, dt.date(2022, 3, 1), "Inget beslut planerat"),
])
def test_a_decision_is_stated_only_as_recorded_and_by_the_reports_date(recorded, paragraf,
                                                                        planned, on, expected):
    namnd = dataclasses.replace(NAMNDER[1], beslutsdatum=planned, beslutad=recorded,
                                paragraf=paragraf)
    assert beslut(dataclasses.replace(KOMMUN, datum=on), namnd) == expected


def test_each_nämnd_has_its_idea_and_decision_and_a_registered_one_without_workbook_is_listed():
    from pipeline.produce.jobs import Namnder

    context = avrapportering_context(full_kommun(), list(NAMNDER[:4]))
    rows = {row.namn: row for row in context["namnder"]}
    assert list(rows) == [ref.namn for ref in KOMMUN.namnder]
    sn = rows["Socialnämnden"]
    assert sn.formulering == " ".join(NAMNDER[1].verksamhetside.formulering.split())
    assert sn.beslut_text == f"Antagen 22{NB}februari{NB}2022, §{NB}14"
    assert sn.protokoll == f"Protokollsutdrag socialnämnden 22 februari 2022, §{NB}14"
    assert rows["Kultur- och tekniknämnden"].beslut_text == f"Beslut planerat 2{NB}mars{NB}2022"
    assert rows["Miljö- och byggnadsnämnden"].beslut_text == "Underlag saknas"
    with_errors = Namnder(NAMNDER[:4], fel=(("MBN", "MBN.xlsx"),))
    rows = {row.namn: row for row in avrapportering_context(full_kommun(), with_errors)["namnder"]}
    assert rows["Miljö- och byggnadsnämnden"].beslut_text == "Arbetsboken MBN.xlsx har fel"


def test_an_adopted_wording_the_nämnd_changed_is_the_one_reported():
    sn = dataclasses.replace(NAMNDER[1], antagen="Socialnämnden ger stöd  och skydd.",
                             protokoll="Protokoll SN 2022-02-22 § 14")
    (row,) = [r for r in avrapportering_context(full_kommun(), [sn])["namnder"] if r.antagen]
    assert (row.formulering, row.protokoll) == ("Socialnämnden ger stöd och skydd.",
                                                "Protokoll SN 2022-02-22 § 14")


def test_before_any_decision_the_report_states_none():
    undecided = [dataclasses.replace(n, beslutad=None, paragraf="") for n in NAMNDER]
    data = render(full_kommun(), undecided)
    paras = paragraphs(data)
    text = " ".join(t for _, t in paras) + str(tables(data))
    assert "Antagen" not in text and "antagit" not in text and "beslutat" not in text
    assert section(paras, "Nämndernas verksamhetsidéer")[0].startswith(
        "Nämndernas beslut om verksamhetsidéerna är ännu inte redovisade; när besluten är "
        "planerade framgår av tabellen.")
    assert "Protokollsutdrag" not in text
    bilaga = render_bilaga(full_kommun(), undecided)
    assert "Nämndernas förslag till verksamhetsidé:" in [t for _, t in paragraphs(bilaga)]


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
    assert synergier["Gemensam uppföljning utifrån verksamhetsidéerna"] == "Alla nämnder"
    externa = {e.vad: e.parter for e in context["externa"]}
    assert externa["Region Västernorrland"] == (  # names in lower case after a cell's first
        "Kommunstyrelsen, socialnämnden och barn- och utbildningsnämnden")
    assert "Trafikverket" in externa and "MittSverige Vatten & Avfall" in externa
    beroenden = {d.vad: d.parter for d in context["beroenden"]}
    assert beroenden["Socialnämnden"].startswith("Kommunstyrelsen, barn- och")
    processer = {s.vad: s.texter for s in context["synergier"]}
    assert processer["Från ekonomiskt bistånd till arbete"][-1] == (
        "Nästa steg (kommunstyrelsen och socialnämnden): Inrätta ett gemensamt team för personer "
        "med långvarigt ekonomiskt bistånd.")
    grid = bilaga_avrapportering_context(full_kommun(), list(NAMNDER))
    assert [r.namn for r in grid["veckoschema"].rader][:2] == [JOINT_ROW, "Kommunstyrelsen"]
    assert grid["liggande"]  # 17 cm: wider than a portrait page's 16 cm of text
    assert "veckoschema" not in context  # the tjänsteskrivelse has no grid


def test_next_steps_are_every_nämnds_own_and_attributed():
    steps = avrapportering_context(full_kommun(), list(NAMNDER))["nasta_steg"]
    expected = [(n.namn, " ".join(r.text for r in n.reflektioner if r.typ == "Nästa steg"))
                for n in NAMNDER]
    assert [(s.namnd, s.text) for s in steps] == expected
    ks = dataclasses.replace(NAMNDER[0], reflektioner=(m.Reflektion("Nästa steg", "Följa upp"),
                                                        m.Reflektion("Reflektion", "Lärorikt")))
    (only,) = avrapportering_context(full_kommun(), [ks])["nasta_steg"]
    assert (only.namnd, only.text) == ("Kommunstyrelsen", "Följa upp.")


def test_missing_decision_points_and_bedömning_are_never_made_up():
    """(kontrollera warns about both at their sheet and cell: tests/read/test_read_arendet.py)"""
    kommun = full_kommun(beslutspunkter=(), bedomning=" ")
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
                "Idé om nästa steg", "Förvaltningens bedömning", "Beslutsunderlag",
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
    assert section(paras, "Beslutsunderlag") == [  # a decision's protokollsutdrag, once taken
        "Tjänsteskrivelse, 1 mars 2022", BILAGA_1,
        f"Protokollsutdrag kommunstyrelsen 8 februari 2022, §{NB}23",
        f"Protokollsutdrag socialnämnden 22 februari 2022, §{NB}14",
        f"Protokollsutdrag barn- och utbildningsnämnden 23 februari 2022, §{NB}9",
        f"Tjänsteskrivelse till kultur- och tekniknämnden, {svenska.datum(NAMNDER[3].datum)}",
        f"Protokollsutdrag miljö- och byggnadsnämnden 21 februari 2022, §{NB}11"]


def test_the_decisions_are_one_row_per_nämnd_without_formulations(made):
    paras = paragraphs(made)
    lead = section(paras, "Nämndernas verksamhetsidéer")[0]
    assert lead.startswith("Fyra av fem nämnder har antagit sin verksamhetsidé; för de övriga "
                           "framgår av tabellen när beslutet är planerat. ")  # KTN: 2 March
    assert lead.endswith(" Verksamhetsidéerna i sin helhet och tidplanen för uppdraget finns i "
                         "bilaga 1.")
    (table,) = [t for t in tables(made) if t[0] == ["Nämnd", "Beslut om verksamhetsidén"]]
    assert [row[0] for row in table[1:]] == [n.namn for n in NAMNDER]
    for row in table[1:]:
        assert re.fullmatch(r"Antagen \d+\xa0\w+\xa02022, §\xa0\d+|"
                            r"Beslut planerat \d+\xa0\w+\xa02022", row[1]), row
    assert "version" not in str(tables(made)).lower()
    texts = " ".join(text for _, text in paras) + str(tables(made))
    for namnd in NAMNDER:
        assert " ".join(namnd.verksamhetside.formulering.split()) not in texts


def test_what_they_share_and_the_next_steps_are_prose_and_point_at_bilaga_1(made):
    paras = paragraphs(made)
    shared = section(paras, "Det nämnderna har gemensamt")
    assert shared == [  # prose, no inventory of counts; names in lower case mid-sentence
        "Flera nämnder har samma kunder och målgrupper, till exempel barn och unga, invånare och "
        "kommunens verksamheter.",
        "Nämnderna är beroende av varandra; flest är beroende av kommunstyrelsen.",
        "Nämnderna har pekat ut processer som går över nämndgränserna, till exempel gemensam "
        "uppföljning utifrån verksamhetsidéerna, från ekonomiskt bistånd till arbete och "
        "samordnad lokalförsörjning.",
        "Nämnderna samverkar med externa parter, främst Region Västernorrland, "
        "Arbetsförmedlingen och Länsstyrelsen Västernorrland.",
        "Kunderna, beroendena, processerna och parterna redovisas i sin helhet i bilaga 1."]
    (steps,) = section(paras, "Idé om nästa steg")
    assert steps == (  # equal words said as that, never as a shared proposal
        "Alla nämnder har formulerat idéer om nästa steg. Socialnämnden och kultur- och "
        "tekniknämnden har skrivit samma ord om nästa steg: ”Varje verksamhetsområde beskriver "
        "under 2022 hur det bidrar till verksamhetsidén”. Nämndernas idéer om nästa steg, som "
        "underlag för kommande uppdrag, finns per nämnd i bilaga 1.")
    assert paras[-2:] == [("Underskrift", "Anders Nordin\tLena Brandt"),
                          ("Underskrift", "Kommundirektör\tUtvecklingsstrateg")]


def test_names_not_codes_and_no_bilaga_but_the_one_produced(made):
    texts = [text for _, text in paragraphs(made)]
    texts += [cell for t in tables(made) for row in t for cell in row]
    for text in texts:
        assert not CODES.search(text), text
        assert set(re.findall(r"bilaga \d+", text.lower())) <= {"bilaga 1"}, text
    assert BILAGA_1 in texts


def test_header_footer_and_properties(made):
    document = docx.Document(io.BytesIO(made))
    first = document.sections[0].first_page_header
    assert [p.text for p in first.paragraphs] == [
        "", "Timrå kommun\tTjänsteskrivelse", "Kommunledningsförvaltningen\t1 mars 2022",
        "\tDnr KS 2022/45"]  # the first holds the logo
    assert first.paragraphs[0]._p.xpath(".//wp:docPr/@name") == ["bild:logotyp"]
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
    at = next(i for i, p in enumerate(document.paragraphs) if p.text == "Expedieras till")
    expedieras = [p for p in document.paragraphs[at + 1:] if p.style.name == "List"]
    assert len(expedieras) == len(full_kommun().mottagare)
    assert all(p.paragraph_format.keep_with_next for p in expedieras)


def test_workbook_text_is_data_not_template_code(tmp_path):
    odd = "{{ kommun.namn }} {% if x %} <w:t>tagg</w:t> & ”citat” {%p endif %}"
    kommun = full_kommun(sammanfattning=odd, bedomning=odd, styrmodell=odd, expedieras=odd,
                         beslutspunkter=(m.Beslutspunkt(1, odd),))
    sn = dataclasses.replace(NAMNDER[1], namn=f"Socialnämnden {odd}", reflektioner=(
        m.Reflektion("Nästa steg", odd),))
    data = render(kommun, [NAMNDER[0], sn, *NAMNDER[2:]])
    texts = [text for _, text in paragraphs(data)]
    assert texts.count(odd) == 5  # beslutspunkt, sammanfattning, styrmodell, bedömning, mottagare
    assert [row[0] for row in tables(data)[0]][2] == f"Socialnämnden {odd}"
    assert audit_errors(data) == []
    data = render_bilaga(kommun, [NAMNDER[0], sn, *NAMNDER[2:]])
    paras = paragraphs(data)
    assert section(paras, f"Socialnämnden {odd}") == [f"{odd}."]  # a step is a sentence
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


def test_underlag_bygg_writes_it_and_its_bilaga_and_both_pass_tillganglighet(workdir, runner):
    result = runner.invoke(main, ["bygg"], catch_exceptions=False)
    for name, title in (("avrapportering.docx", "Avrapportering av uppdrag verksamhetsidé"),
                        ("bilaga-avrapportering.docx", BILAGA_TITEL)):
        target = workdir / "build" / name
        assert f"Skrev {Path('build') / name}" in result.output, result.output
        names = [text for style, text in paragraphs(target.read_bytes())
                 if style.startswith("Heading")]
        assert names[0] == title
    index = (workdir / "build" / "index.html").read_text(encoding="utf-8")
    assert "bilaga-avrapportering.docx" in index
    result = runner.invoke(main, ["tillganglighet"], catch_exceptions=False)
    assert "avrapportering" not in result.output, result.output


# -- bilaga 1 --

@pytest.fixture(scope="module")
def bilaga() -> bytes:
    return render_bilaga(full_kommun())


def test_the_bilaga_is_a_document_of_its_own_with_real_headings(bilaga):
    paras = paragraphs(bilaga)
    headings = [(style, text) for style, text in paras if style.startswith("Heading")]
    assert headings[:5] == [("Heading 1", BILAGA_TITEL), ("Heading 2", "Nämndernas verksamhetsidéer"),
                            ("Heading 2", "Tidplan"), ("Heading 3", "Veckoöversikt"),
                            ("Heading 2", "Det nämnderna har gemensamt")]
    assert [text for _, text in headings[5:]] == [
        "Gemensamma kunder", "Beroenden mellan nämnderna",
        "Synergier och gränsöverskridande processer", "Externa parter", "Idé om nästa steg",
        *(n.namn for n in NAMNDER)]
    assert paras[0] == ("Ärendeuppgift", "Avrapportering av uppdrag verksamhetsidé")
    for namnd in NAMNDER:  # each nämnd's next steps, one item each
        steps = [" ".join(r.text.split()) for r in namnd.reflektioner if r.typ == "Nästa steg"]
        assert section(paras, namnd.namn) == steps
    document = docx.Document(io.BytesIO(bilaga))
    first = document.sections[0].first_page_header
    assert [p.text for p in first.paragraphs] == [
        "", "Timrå kommun\tBilaga 1 till tjänsteskrivelse", "Kommunstyrelsen\t1 mars 2022",
        "\tDnr KS 2022/45"]  # the first holds the logo
    assert [p.text for p in document.sections[0].header.paragraphs] == [
        "Timrå kommun\tBilaga 1, Dnr KS 2022/45"]
    assert document.core_properties.title == BILAGA_TITEL


def test_the_bilaga_holds_every_formulation_decision_and_what_is_shared_in_full(bilaga):
    found = tables(bilaga)
    ideas = next(t for t in found if t[0] == ["Nämnd", "Verksamhetsidé", "Beslut"])
    for row, namnd in zip(ideas[1:], NAMNDER, strict=True):
        assert row[:2] == [namnd.namn, " ".join(namnd.verksamhetside.formulering.split())]
        assert row[2].startswith(("Antagen ", "Beslut planerat ")), row
    lead = ("Verksamhetsidéerna som nämnderna har antagit dem och, där inget beslut är "
            "redovisat, nämndernas förslag:")  # KTN decides after the report's date
    assert lead in [text for _, text in paragraphs(bilaga)]
    context = avrapportering_context(full_kommun(), list(NAMNDER))
    kunder = next(t for t in found if t[0] == ["Kund", "Nämnder"])
    assert kunder[1:] == [[g.vad, g.parter] for g in context["gemensamma_kunder"]]
    processer = next(t for t in found if t[0][0] == "Process")
    assert [r[0] for r in processer[1:]] == [s.vad for s in context["synergier"]]
    externa = next(t for t in found if t[0] == ["Part", "Nämnder"])
    assert "Polisen" in [r[0] for r in externa[1:]]
    milstolpar = next(t for t in found if t[0][0] == "Datum")
    assert [r[0] for r in milstolpar[1:]] == ["17 juni 2021", "7 oktober 2021", "9 december 2021"]
    texts = [text for _, text in paragraphs(bilaga)] + [c for t in found for r in t for c in r]
    for text in texts:
        assert not CODES.search(text), text
        assert "bilaga 2" not in text.lower(), text


def test_the_week_grid_stands_on_a_landscape_page_only_when_it_needs_one(bilaga):
    from docx.enum.section import WD_ORIENT

    document = docx.Document(io.BytesIO(bilaga))
    assert [s.orientation for s in document.sections] == [
        WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    grid = document.tables[2]  # after the verksamhetsidéer and the milestones
    assert [c.text for c in grid.rows[2].cells][:2] == [JOINT_ROW, "17"]
    # one nämnd's grid fits a portrait page: one section, the first page's header on it
    alone = dataclasses.replace(full_kommun(), namnder=KOMMUN.namnder[:1])
    document = docx.Document(io.BytesIO(render_bilaga(alone, NAMNDER[:1])))
    assert [s.orientation for s in document.sections] == [WD_ORIENT.PORTRAIT]
    assert document.sections[0].first_page_header.paragraphs[1].text == (
        "Timrå kommun\tBilaga 1 till tjänsteskrivelse")
    assert any(t.rows[1].cells[0].text == "Vecka" for t in document.tables)


def test_the_bilaga_paginates_and_is_accessible_and_valid(bilaga, tmp_path):
    document = docx.Document(io.BytesIO(bilaga))
    for table in document.tables:
        for row in table.rows:
            assert row._tr.find(f"{W}trPr/{W}cantSplit") is not None
    for level in (1, 2, 3):
        assert document.styles[f"Heading {level}"].paragraph_format.keep_with_next
    path = tmp_path / "bilaga-avrapportering.docx"
    path.write_bytes(bilaga)
    assert check_document(path) == []
    assert audit_errors(bilaga) == []


def test_ten_nämnder_with_long_texts_keep_the_tjänsteskrivelse_bounded():
    kommun, namnder = ten_namnder(full_kommun())
    data = render(kommun, namnder)
    paras = paragraphs(data)
    (table,) = [t for t in tables(data) if t[0] == ["Nämnd", "Beslut om verksamhetsidén"]]
    assert len(table) == 11
    (steps,) = section(paras, "Idé om nästa steg")
    assert steps.startswith("Alla nämnder har formulerat idéer om nästa steg. Nämndernas "
                            "idéer")  # the steps written alike are too long to quote
    assert all(len(text) < 400 for _, text in paras if not text.startswith(
        tuple(p[:40] for p in (kommun.sammanfattning, kommun.bedomning, kommun.uppdrag,
                               kommun.styrmodell))))
    assert audit_errors(data) == []
    assert audit_errors(render_bilaga(kommun, namnder)) == []


@pytest.mark.slow
@needs_libreoffice
@pytest.mark.parametrize("case", ["exemplen", "lång-arbetsbok", "tio-nämnder"])
def test_at_most_four_pages_in_libreoffice_and_the_bilaga_converts(tmp_path, case):
    """The examples with their own avrapportering text; with Socialnämnden's workbook replaced
    by a long, messy one (40 kunder, 30 styrdokument, a 600-character verksamhetsidé); and a
    kommun of ten nämnder, every workbook long, with four long next steps each."""
    from tests.long_workbook import long_namnd
    from tests.produce.test_office import pdf_pages

    assert KOMMUN.bedomning and KOMMUN.sammanfattning and KOMMUN.beslutspunkter
    kommun, namnder = KOMMUN, list(NAMNDER)
    if case == "lång-arbetsbok":
        namnder = [long_namnd() if n.kod == "SN" else n for n in NAMNDER]
    elif case == "tio-nämnder":
        kommun, namnder = ten_namnder()
    memo, appendix = tmp_path / "avrapportering.docx", tmp_path / "bilaga-avrapportering.docx"
    memo.write_bytes(render(kommun, namnder))
    appendix.write_bytes(render_bilaga(kommun, namnder))
    assert pdf_pages(convert(memo, "pdf", tmp_path)) <= 4
    pdf = convert(appendix, "pdf", tmp_path)
    assert pdf_pages(pdf) >= 3
    if shutil.which("pdfinfo"):  # the week grid's page is landscape
        info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True,
                              text=True, check=True).stdout
        sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
        assert sum(float(w) > float(h) for w, h in sizes) == 1, sizes


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


def test_kontrollera_names_a_misspelled_name_in_the_bilaga_template(workdir, runner):
    import zipfile

    (workdir / "templates").mkdir()
    with zipfile.ZipFile(BILAGA) as src, zipfile.ZipFile(
            workdir / "templates" / BILAGA.name, "w") as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == "word/document.xml":
                blob = blob.replace(b"{{ bilaga_titel }}", b"{{ bilage_titel }}", 1)
            dst.writestr(info, blob)
    result = runner.invoke(main, ["kontrollera"], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    assert 'namnet "bilage_titel" finns inte i underlaget.' in result.output, result.output
    assert "bilaga-avrapportering.docx" in result.output
