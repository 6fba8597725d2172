"""The beslutsunderlag as a filed tjänsteskrivelse: what it says comes from the workbook, the
bilagor it names exist, and the signature names förvaltningschef and handläggare."""

from __future__ import annotations

import dataclasses
import io

import docx

from pipeline import resources
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.render.context import BILAGA_TITEL, befattning, med_bilagetitlar, memo_context, namn, sammandrag
from pipeline.render.docx import DocxRenderer
from tests.long_workbook import long_namnd

SN = NAMNDER[1]
TEMPLATE = resources.default_templates() / "beslutsunderlag.docx"


def memo(namnd) -> docx.Document:
    return docx.Document(io.BytesIO(DocxRenderer(TEMPLATE, KOMMUN).render(namnd)))


def test_a_person_is_split_at_the_first_comma():
    assert namn("Eva Lind, socialchef") == "Eva Lind"
    assert befattning("Eva Lind, socialchef") == "Socialchef"
    assert befattning("Eva Lind, chef, vård och omsorg") == "Chef, vård och omsorg"
    assert (namn("Eva Lind"), befattning("Eva Lind")) == ("Eva Lind", "")
    assert (namn(""), befattning("")) == ("", "")


def test_a_decision_point_names_each_bilaga_by_its_title_once():
    titles = {1: BILAGA_TITEL, 2: "Protokollsutdrag"}
    assert med_bilagetitlar("SN antar verksamhetsidé enligt bilaga 1.", titles) == (
        "SN antar verksamhetsidé enligt bilaga 1 (utvecklingsgruppens underlag och förslag till "
        "verksamhetsidé).")
    assert med_bilagetitlar("Enligt bilaga 2 och bilaga 2.", titles) == (
        "Enligt bilaga 2 (protokollsutdrag) och bilaga 2.")
    assert med_bilagetitlar("Enligt bilaga 7.", titles) == "Enligt bilaga 7."  # kontrollera's
    own = f"Antar verksamhetsidé enligt bilaga 1, {BILAGA_TITEL}."
    assert med_bilagetitlar(own, titles) == own


def test_the_material_is_summarised_in_counts_only():
    text = sammandrag(long_namnd())
    assert "40 kunder och målgrupper" in text and "30 styrdokument" in text
    assert "6 utmaningar" in text and "6 möjligheter" in text
    bare = dataclasses.replace(SN, ansvar=(), styrdokument=(), intentioner=(), kunder=(),
                               utmaningar=(), beroenden=(), synergier=())
    assert sammandrag(bare) == ""


def test_the_list_of_documents_holds_what_exists_and_the_workbooks_other_bilagor():
    namnd = dataclasses.replace(SN, bilagor="Protokollsutdrag KS\n\nMinnesanteckningar")
    assert memo_context(KOMMUN, namnd)["beslutsunderlag"] == [
        "Tjänsteskrivelse, 18 januari 2022",
        f"Bilaga 1 {BILAGA_TITEL}, 18 januari 2022",
        "Bilaga 2 Protokollsutdrag KS", "Bilaga 3 Minnesanteckningar"]


def test_the_signature_has_förvaltningschef_and_handläggare_with_titles():
    document = memo(dataclasses.replace(SN, forvaltningschef="Eva Marklund, socialchef"))
    lines = [p.text for p in document.paragraphs if p.style.name == "Underskrift"]
    assert lines == ["Eva Marklund\tSara Holmqvist", "Socialchef\tKvalitetsutvecklare"]
    assert document.paragraphs[-3].paragraph_format.keep_with_next  # the last recipient


def test_the_bedömning_is_the_workbooks_text_never_a_generated_sentence():
    text = "Förvaltningen bedömer att förslaget är väl förankrat.\n\nDet bör följas upp."
    document = memo(dataclasses.replace(SN, bedomning=text, ekonomi="Inga kostnader.",
                                        barnkonsekvenser=""))
    paragraphs = [p.text for p in document.paragraphs]
    at = paragraphs.index("Förvaltningens bedömning")
    assert paragraphs[at + 1:at + 4] == ["Förvaltningen bedömer att förslaget är väl förankrat.",
                                         "Det bör följas upp.", "Konsekvenser"]
    assert "Ekonomiska konsekvenser" in paragraphs
    assert "Barnkonsekvensanalys" not in paragraphs
    assert not [p for p in document.paragraphs if p.style.name == "Saknas"]


def test_the_memo_names_the_decision_date_and_keeps_the_groups_tables_out():
    document = memo(long_namnd())
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Socialnämnden planeras fatta beslut om verksamhetsidén den 22 februari 2022." in text
    assert "Utvecklingsgruppen har bestått av Monica Strömgren (ordförande, " in text
    assert [[c.text for c in t.rows[0].cells] for t in document.tables] == [
        ["Datum", "Tid", "Aktivitet"]]
