"""The Word documents read as a secretary would write them (issue: facts, not inferences): no
version or status talk, no inventory of counts in digits, nämnd names in lower case mid-sentence,
no decision that is not recorded, no meeting held after the document's own date. Swept over every
memo, bilaga and avrapportering of the examples, a long workbook and a kommun weeks before the
October avstämning."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import docx
import pytest

from pipeline.cli import main
from pipeline.examples import KOMMUN, NAMNDER
from tests.kommun_oktober import write_oktober_inputs
from tests.long_workbook import long_namnd

NAMES = [ref.namn for ref in KOMMUN.namnder]
# a count of the group's material in digits: "5 ansvarsområden, 8 styrdokument"
INVENTORY = re.compile(r"\b\d+ (?:ansvarsområden|styrdokument|politiska intentioner|kunder|"
                       r"utmaningar|möjligheter|beroenden|samband|processer|externa parter|"
                       r"idéer)\b")
VERSION_TALK = re.compile(r"\b(?:version \d|versioner\b|med status|status\b|arbetsbok)",
                          re.IGNORECASE)


def texts(path: Path) -> list[str]:
    """Return every paragraph of a Word document, the body's and the tables' cells'."""
    document = docx.Document(path)
    out = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            out += [p.text for cell in row.cells for p in cell.paragraphs]
    return [t for t in out if t.strip()]


def mid_sentence_names(text: str) -> list[str]:
    """Return the registered nämnd names written with a capital inside a sentence."""
    found = []
    for name in NAMES:
        for hit in re.finditer(re.escape(name), text):
            before = text[:hit.start()].rstrip()
            if before and before[-1] not in ".!?:–(\t" and not before.endswith("”"):
                found.append(f"…{text[max(0, hit.start() - 30):hit.end()]}")
    return found


def _write(folder: Path, namnder) -> Path:
    from pipeline.blank import write_examples
    from pipeline.read import schema
    from pipeline.read.blank_workbook import write_workbook

    folder.mkdir(parents=True)
    write_workbook(schema.KOMMUN, folder / "kommun.xlsx", KOMMUN)
    write_examples(folder, namnder, KOMMUN)
    return folder


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path]:
    from click.testing import CliRunner

    runner = CliRunner()
    out = {}
    undecided = [dataclasses.replace(n, beslutad=None, paragraf="") for n in NAMNDER]
    long = [long_namnd() if n.kod == "SN" else n for n in NAMNDER]
    for case, make in (("exemplen", lambda f: _write(f, NAMNDER)),
                       ("före besluten", lambda f: _write(f, undecided)),
                       ("lång arbetsbok", lambda f: _write(f, long)),
                       ("oktober", write_oktober_inputs)):
        root = tmp_path_factory.mktemp(case.replace(" ", "-"))
        inputs = make(root / "inputs")
        result = runner.invoke(main, ["bygg", "--inputs", str(inputs), "--build",
                                      str(root / "build")])
        assert result.exit_code in (0, 1), result.output
        out[case] = root / "build"
    return out


CASES = ("exemplen", "före besluten", "lång arbetsbok", "oktober")


@pytest.mark.parametrize("case", CASES)
def test_no_version_talk_inventories_or_capitalised_names_mid_sentence(builds, case):
    documents = sorted(builds[case].rglob("*.docx"))
    assert documents
    people = written_by_people()
    for path in documents:
        for text in texts(path):
            if " ".join(text.split()) in people:
                continue
            where = f"{path.name}: {text[:80]}"
            assert not VERSION_TALK.search(text), where
            assert not INVENTORY.search(text), where
            assert not mid_sentence_names(text), (path.name, mid_sentence_names(text))


def written_by_people() -> set[str]:
    """Return the paragraphs of the examples' own prose (the kommun's summary written for the
    April avrapportering, say): the people's words, not the tool's statements."""
    own = [KOMMUN.sammanfattning, KOMMUN.bedomning, KOMMUN.uppdrag, KOMMUN.styrmodell]
    own += [getattr(n, key) for n in NAMNDER for key in ("sammanfattning", "bedomning")]
    own += [v.formulering for v in long_namnd().verksamhetsideer]  # its test filler
    return {" ".join(p.split()) for text in own for p in text.split("\n\n")}


@pytest.mark.parametrize("case", ["före besluten", "oktober"])
def test_no_decision_is_stated_that_is_not_recorded(builds, case):
    people = written_by_people()
    for path in sorted(builds[case].rglob("*.docx")):
        text = "\n".join(t for t in texts(path) if " ".join(t.split()) not in people)
        for claim in ("Antagen", "har antagit", "har beslutat", "Beslutad", "beslutat om sin"):
            assert claim not in text, (path.name, claim)
        assert "Protokollsutdrag" not in text, path.name


def test_the_recorded_decisions_are_cited_with_date_and_paragraph(builds):
    rows = texts(builds["exemplen"] / "avrapportering.docx")
    for namnd in NAMNDER:
        cited = f"Antagen {namnd.beslutad.day}\u00a0"
        assert any(t.startswith(cited) and namnd.paragraf.replace(" ", "\u00a0") in t
                   for t in rows), namnd.kod
    assert "Alla fem nämnder har antagit sin verksamhetsidé. Verksamhetsidéerna i sin helhet " \
           "och tidplanen för uppdraget finns i bilaga 1." in rows


def test_no_meeting_is_held_after_the_memos_own_date(builds):
    for path in sorted(builds["exemplen"].glob("*/beslutsunderlag-*.docx")):
        document = docx.Document(path)
        paragraphs = [p.text for p in document.paragraphs]
        header = "\n".join(p.text for s in document.sections for p in s.first_page_header.paragraphs)
        own = re.search(r"\d{1,2} \w+ 20\d\d", header)[0]
        held = "Gruppen har träffats och stämt av arbetet vid följande tillfällen."
        if held in "\n".join(paragraphs):
            from pipeline.svenska import manader

            day, month, year = own.split()
            memo_date = dt.date(int(year), manader()[month], int(day))
            for row in document.tables[0].rows[1:]:
                d, m_, y = row.cells[0].text.split()
                assert dt.date(int(y), manader()[m_], int(d)) <= memo_date, path.name


def test_the_avrapportering_lists_only_documents_that_exist(builds):
    rows = texts(builds["oktober"] / "avrapportering.docx")
    at = rows.index("Beslutsunderlag")
    listed = rows[at + 1:rows.index("Expedieras till")]
    assert listed[2:] == []  # no nämnd has a tjänsteskrivelse or a decision before October
    assert not list(builds["oktober"].glob("*/beslutsunderlag-*.docx"))
