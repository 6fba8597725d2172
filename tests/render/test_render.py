"""The beslutsunderlag and its bilaga 1: reopened, each holds its own nämnd's content and
nothing of another's; the memo is a tjänsteskrivelse, the group's material is in the bilaga."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from pipeline import model as m
from pipeline import resources
from pipeline.diagnostics import TemplateError
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.render.docx import DocxRenderer

TEMPLATE = resources.default_templates() / "beslutsunderlag.docx"
BILAGA = resources.default_templates() / "bilaga.docx"


def text_of(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.first_page_header.paragraphs]
        parts += [p.text for p in section.header.paragraphs]
    return "\n".join(parts)


@pytest.fixture(scope="module")
def built(example_build) -> dict[str, Path]:
    return {p.parent.name: p for p in example_build if p.name.startswith("beslutsunderlag-")}


@pytest.fixture(scope="module")
def bilagor(example_build) -> dict[str, Path]:
    return {p.parent.name: p for p in example_build if p.name.startswith("bilaga-1-")}


def test_one_beslutsunderlag_and_one_bilaga_per_nämnd(built, bilagor):
    assert sorted(built) == sorted(bilagor) == sorted(n.kod for n in NAMNDER)
    assert built["SN"].name == "beslutsunderlag-SN.docx"
    assert bilagor["SN"].name == "bilaga-1-SN.docx"


@pytest.mark.parametrize("namnd", NAMNDER, ids=lambda n: n.kod)
def test_each_holds_its_own_content_and_nothing_of_another(built, bilagor, namnd):
    memo = text_of(docx.Document(built[namnd.kod]))
    bilaga = text_of(docx.Document(bilagor[namnd.kod]))
    for kund in namnd.kunder:  # the group's tables are in the bilaga, not in the memo
        assert kund.situation not in memo
    text = memo + "\n" + bilaga
    assert namnd.verksamhetside.formulering in text
    for punkt in namnd.beslutspunkter:
        assert punkt.text.rstrip(".") in text.replace(" (utvecklingsgruppens underlag och förslag "
                                                      "till verksamhetsidé)", "")
    for kund in namnd.kunder:
        assert kund.kund in text and kund.behov in text
    for lag in namnd.styrdokument:
        assert lag.namn in text
    assert namnd.diarienummer in text
    shared = {p.text for p in namnd.beslutspunkter}  # e.g. "Beslutet delges kommunstyrelsen."
    for other in NAMNDER:
        if other is not namnd:
            assert other.verksamhetside.formulering not in text
            assert other.diarienummer not in text
            own_words = [p.text for p in other.beslutspunkter if p.text not in shared]
            assert own_words and all(t not in text for t in own_words)


def test_the_document_is_a_tjänsteskrivelse_with_real_structure(built):
    document = docx.Document(built["SN"])
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style.name.startswith("Heading")]
    names = [t for _, t in headings]
    assert names.index("Förslag till beslut") < names.index("Sammanfattning") < names.index(
        "Ärendet") < names.index("Förslag till verksamhetsidé") < names.index(
        "Förvaltningens bedömning") < names.index("Beslutsunderlag") < names.index(
        "Expedieras till")
    assert "Utvecklingsgruppen" not in names and "För vem och varför" not in names
    assert headings[0] == ("Heading 1", "Verksamhetsidé för socialnämnden")
    levels = [int(style.split()[-1]) for style, _ in headings]
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), "skipped level"
    numbered = [p.text for p in document.paragraphs if p.style.name == "List Number"]
    assert numbered[0] == ("Socialnämnden antar verksamhetsidé enligt bilaga 1 (utvecklingsgruppens "
                           "underlag och förslag till verksamhetsidé).")
    assert numbered[1:] == [p.text for p in sorted(NAMNDER[1].beslutspunkter,
                                                   key=lambda p: p.nr)][1:]
    ide = [p.text for p in document.paragraphs if p.style.name == "Verksamhetsidé"]
    assert ide == [NAMNDER[1].verksamhetside.formulering]
    header_text = "\n".join(p.text for p in document.sections[0].first_page_header.paragraphs)
    assert "Tjänsteskrivelse" in header_text and "Socialförvaltningen" in header_text
    assert f"Dnr {NAMNDER[1].diarienummer}" in header_text
    assert document.core_properties.title == "Verksamhetsidé för socialnämnden"
    assert document.core_properties.language == "sv-SE"


def test_tables_have_marked_header_rows_and_rows_that_never_split(built, bilagor):
    for path in (built["SN"], bilagor["SN"]):
        for table in docx.Document(path).tables:
            assert all(row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit"))
                       is not None for row in table.rows)
    document = docx.Document(bilagor["SN"])
    assert len(document.tables) >= 5
    for table in document.tables:
        first = table.rows[0]._tr
        assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
    kunder = next(t for t in document.tables if t.rows[0].cells[0].text == "Kund eller målgrupp")
    assert len(kunder.rows) == len(NAMNDER[1].kunder) + 1
    lagar = next(t for t in document.tables if t.rows[0].cells[0].text == "Styrdokument")
    assert [r.cells[0].text for r in lagar.rows[1:]] == [s.namn for s in NAMNDER[1].styrdokument]


def test_dates_are_written_the_swedish_way(built):
    text = text_of(docx.Document(built["SN"]))
    assert "Ärendet planeras till socialnämndens sammanträde den 22 februari 2022." in text
    assert "7 oktober 2021" in text
    assert "kl. 9.00–12.00" in text  # times in tables, as everywhere
    assert "kl. 8.30–12.00" in text


HOSTILE = "{{ 7*7 }} {% for x in y %} <w:p> & ]]> {_{ x }_} \U0001F600 שלום"


def test_cell_text_is_data_never_template_code_or_xml():
    namnd = dataclasses.replace(
        NAMNDER[1],
        sammanfattning=f"Första raden {HOSTILE}\nandra raden",
        kunder=(m.Kund(HOSTILE, "s", "b", "v"),),
    )
    document = docx.Document(io.BytesIO(DocxRenderer(TEMPLATE, KOMMUN).render(namnd)))
    bilaga = docx.Document(io.BytesIO(DocxRenderer(BILAGA, KOMMUN).render(namnd)))
    text = text_of(document)
    assert text.count(HOSTILE) == 1
    assert text_of(bilaga).count(HOSTILE) == 1
    summary = next(p for p in document.paragraphs if p.text.startswith("Första raden"))
    assert summary._p.xpath(".//w:br"), "a line break in a cell becomes a line break"


def test_an_unknown_name_in_the_template_is_an_error_naming_the_template(tmp_path):
    broken = tmp_path / "beslutsunderlag.docx"
    document = docx.Document(TEMPLATE)
    document.add_paragraph("{{ namnd.namm }}")
    document.save(broken)
    with pytest.raises(TemplateError) as caught:
        DocxRenderer(broken, KOMMUN).render(NAMNDER[0])
    assert caught.value.message == (
        'Mallen beslutsunderlag.docx, brödtext, vid texten "{{ namnd.namm }}": namnet "namm" '
        "finns inte i underlaget. Rätta stavningen i mallen; namnen listas i README under Mallar."
    )


def test_builds_are_deterministic(tmp_path):
    renderer = DocxRenderer(TEMPLATE, KOMMUN)
    first, second = renderer.render(NAMNDER[2]), renderer.render(NAMNDER[2])
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_optional_sections_are_left_out_when_empty():
    bare = m.Namnd(
        "SN", "Socialnämnden", "Socialförvaltningen", dt.date(2022, 1, 10),
        verksamhetsideer=(m.Verksamhetside(1, dt.date(2022, 1, 5), "Förslag till beslut", "Idé."),),
        beslutspunkter=(m.Beslutspunkt(1, "Socialnämnden antar verksamhetsidé."),),
    )
    document = docx.Document(io.BytesIO(DocxRenderer(TEMPLATE, KOMMUN).render(bare)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for absent in ("Sammanfattning", "Expedieras till", "Konsekvenser"):
        assert absent not in headings
    assert "Förslag till beslut" in headings
    assert "Förvaltningens bedömning" in headings  # a filed memo always has one
    missing = [p.text for p in document.paragraphs if p.style.name == "Saknas"]
    assert missing == ["Förvaltningens bedömning saknas."]
    bilaga = docx.Document(io.BytesIO(DocxRenderer(BILAGA, KOMMUN).render(bare)))
    headings = [p.text for p in bilaga.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Utvecklingsgruppens underlag och förslag till verksamhetsidé",
                        "Förslag till verksamhetsidé", "Tidplan", "Veckoöversikt"]  # the kommun's


MEMO_SECTIONS = ["Förslag till beslut", "Sammanfattning", "Ärendet", "Uppdraget",
                 "Arbetsprocessen", "Förslag till verksamhetsidé", "Förvaltningens bedömning",
                 "Konsekvenser", "Ekonomiska konsekvenser", "Barnkonsekvensanalys",
                 "Beslutsunderlag", "Expedieras till"]
BILAGA_SECTIONS = ["Förslag till verksamhetsidé", "Tidigare formuleringar",
                   "Vad – uppdrag och ansvar", "Ansvarsområden", "Styrande lagar och direktiv",
                   "Politikens intentioner", "För vem och varför", "Utmaningar och möjligheter",
                   "Utmaningar", "Möjligheter", "Beroenden", "Samband och synergier",
                   "Utvecklingsgruppen", "Reflektioner och nästa steg", "Reflektioner",
                   "Nästa steg", "Tidplan", "Veckoöversikt"]


def _level(block) -> int:
    """Return a block's heading level, or 0 for body text and tables."""
    style = block.xpath("./w:pPr/w:pStyle/@w:val")
    return int(style[0][-1]) if style and style[0].startswith("Heading") else 0


@pytest.mark.parametrize("kod", [n.kod for n in NAMNDER])
@pytest.mark.parametrize("kind", ["memo", "bilaga"])
def test_every_section_of_every_example_has_content(built, bilagor, kod, kind):
    document = docx.Document((built if kind == "memo" else bilagor)[kod])
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    if kind == "memo":  # the consequences are there when the workbook has them
        assert headings[1:] == [h for h in MEMO_SECTIONS if h in headings]
        assert set(MEMO_SECTIONS) - set(headings) <= {"Konsekvenser", "Ekonomiska konsekvenser",
                                                      "Barnkonsekvensanalys"}
    else:
        assert headings[1:] == BILAGA_SECTIONS
    blocks = [b for b in document.element.body if b.tag != qn("w:sectPr")]
    for block, following in zip(blocks, blocks[1:], strict=False):
        level = _level(block)
        if level:  # a heading is followed by content or by a deeper heading
            assert _level(following) == 0 or _level(following) > level, block.xpath("string(.)")


def test_the_bilaga_has_the_week_grid_of_its_nämnd(bilagor):
    document = docx.Document(bilagor["KTN"])
    grid = next(t for t in document.tables if t.rows[0].cells[0].text == "Månad")
    rows = [[c.text for c in r.cells] for r in grid.rows]
    assert [r[0] for r in rows] == ["Månad", "Vecka", "KS – samordning", "KTN"]
    cells = dict(zip(rows[1][1:], rows[3][1:], strict=True))
    assert {w: d for w, d in cells.items() if d} == {"34": "25", "41": "13", "48": "1"}
    assert "⟦veckoschema⟧" not in text_of(document)
