"""The beslutsunderlag as a filed tjänsteskrivelse: what it says comes from the workbook, the
bilagor it names exist, and the signature names förvaltningschef and handläggare."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re

import docx

from pipeline import model as m
from pipeline import resources
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.render.context import (
    BILAGA_TITEL,
    befattning,
    gruppen,
    med_bilagetitlar,
    memo_context,
    namn,
    sammandrag,
)
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


def test_the_material_is_described_in_prose_without_counts():
    text = sammandrag(long_namnd())
    assert text == ("nämndens ansvarsområden, de lagar och andra styrdokument som styr "
                    "verksamheten, politikens intentioner, vilka verksamheterna finns till för och "
                    "vilket värde de ska skapa, utmaningar och möjligheter, beroenden till andra "
                    "nämnder och parter samt samband och synergier med andra")
    assert not re.search(r"\d", text)
    only = dataclasses.replace(SN, styrdokument=(), intentioner=(), kunder=(), beroenden=(),
                               synergier=(), utmaningar=SN.endast_utmaningar)
    assert sammandrag(only) == "nämndens ansvarsområden och utmaningar"
    bare = dataclasses.replace(SN, ansvar=(), styrdokument=(), intentioner=(), kunder=(),
                               utmaningar=(), beroenden=(), synergier=())
    assert sammandrag(bare) == ""


def test_the_memo_says_no_meeting_was_held_after_its_own_date_and_talks_no_version():
    early = memo(dataclasses.replace(SN, datum=dt.date(2021, 8, 30)))
    text = "\n".join(p.text for p in early.paragraphs)
    held, planned = ([r.cells[0].text for r in t.rows[1:]] for t in early.tables[:2])
    assert "Gruppen har träffats och stämt av arbetet vid följande tillfällen." in text
    assert held == ["17 juni 2021"]  # the uppstart, before the memo's date
    assert "Fram till beslutet planerar gruppen att träffas vid följande tillfällen." in text
    assert {"7 oktober 2021", "9 december 2021"} <= set(planned)
    later = memo(SN)
    text = "\n".join(p.text for p in later.paragraphs)
    assert "Gruppen har träffats och stämt av arbetet vid följande tillfällen." in text
    assert "planerar gruppen" not in text  # every meeting lies before the memo's date
    held = [r.cells[0].text for r in later.tables[0].rows[1:]]
    assert held[-1] == "14 december 2021"
    for word in ("version", "status", "arbetsbok"):
        assert word not in text.lower(), word
    assert "Utvecklingsgruppens tidigare formuleringar finns i bilaga 1." in text


def test_titles_keep_their_case_in_running_text():
    members = (m.Medlem("Per Ek", "Förvaltningens ledningsgrupp", "HR-chef"),
               m.Medlem("Eva Lind", "Förvaltningens ledningsgrupp", "Socialchef"))
    assert gruppen(dataclasses.replace(SN, medlemmar=members)) == \
        "Per Ek (HR-chef) och Eva Lind (socialchef)"


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
    assert "Ärendet planeras till socialnämndens sammanträde den 22 februari 2022." in text
    assert "Utvecklingsgruppen har bestått av Monica Strömgren (ordförande, " in text
    assert [[c.text for c in t.rows[0].cells] for t in document.tables] == [
        ["Datum", "Tid", "Aktivitet"]]
