"""The decks' design: the meeting on the title slide, the agenda, section dividers, footer and
slide numbers on every slide but the title, the meeting's discussion questions, and sizes and
contrast that hold (issue 13, points 1 and 2)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import subprocess

import pytest
from pptx import Presentation
from pptx.enum.text import MSO_ANCHOR
from pptx.oxml.ns import qn

from pipeline import model as m
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.render import a11y
from pipeline.render.decks import DeckRenderer
from pipeline.render.meeting import NO_MEETING, UnknownMeeting, choose, mote
from tests.conftest import ROOT
from tests.office import needs_libreoffice

OKTOBER, DECEMBER = dt.date(2021, 10, 7), dt.date(2021, 12, 9)
QUESTIONS = (
    m.Dialogfraga(OKTOBER, "Vad, för vem och varför: vad känner ni igen i varandras underlag?",
                  "Vilka kunder delar vi? Vad saknas?"),
    m.Dialogfraga(OKTOBER, "Samband och synergier: var kan vi göra mer tillsammans?",
                  "Tänk internt och externt."),
    m.Dialogfraga(DECEMBER, "Kvittens: bär verksamhetsidén nämndens uppdrag?", ""),
)
WITH_QUESTIONS = dataclasses.replace(KOMMUN, dialogfragor=QUESTIONS)


def deck(namnd=NAMNDER[1], kommun=WITH_QUESTIONS, day=OKTOBER):
    """Return an avstämning deck for the meeting on or after `day`."""
    renderer = DeckRenderer(None, kommun, mote(kommun, day))
    return Presentation(io.BytesIO(renderer.namnd_deck(namnd)))


def texts(shapes) -> str:
    return "\n".join(s.text_frame.text for s in shapes if s.has_text_frame)


def titles(prs) -> list[str]:
    return [s.shapes.title.text for s in prs.slides]


# -- the meeting ------------------------------------------------------------------------------

def test_the_meeting_is_the_next_joint_milestone_from_the_build_date():
    assert choose(KOMMUN, dt.date(2021, 9, 1)).datum == OKTOBER
    assert choose(KOMMUN, OKTOBER).datum == OKTOBER  # the day itself
    assert choose(KOMMUN, dt.date(2021, 10, 8)).datum == DECEMBER
    assert choose(KOMMUN, dt.date(2026, 1, 1)).datum == DECEMBER  # all passed: the last one
    assert choose(KOMMUN, dt.date(2026, 1, 1), OKTOBER).datum == OKTOBER  # chosen
    assert choose(dataclasses.replace(KOMMUN, milstolpar=()), OKTOBER) is None
    assert mote(dataclasses.replace(KOMMUN, milstolpar=()), OKTOBER) is NO_MEETING


def test_the_meeting_is_named_in_swedish():
    meeting = mote(KOMMUN, dt.date(2021, 9, 1))
    assert meeting.rubrik == "Avstämning 7 oktober 2021"
    assert meeting.detaljer == "Gemensam avstämning · kl. 9–12 · Kommunhuset, sessionssalen" or (
        meeting.detaljer.startswith("Gemensam avstämning · kl. 9"))
    assert mote(KOMMUN, dt.date(2021, 6, 1)).rubrik == "Uppstart 17 juni 2021"


def test_a_date_that_is_no_milestone_is_refused_in_swedish():
    with pytest.raises(UnknownMeeting) as caught:
        choose(KOMMUN, OKTOBER, dt.date(2021, 12, 8))
    message = caught.value.message
    assert "2021-12-08 (8 december 2021) är inget gemensamt möte" in message
    assert "2021-10-07 (Gemensam avstämning)" in message and "2021-12-09" in message
    assert caught.value.exit_code == 2


def test_bygg_mote_chooses_the_meeting_and_refuses_other_dates(workdir, runner):
    from pipeline.cli import main

    refused = runner.invoke(main, ["bygg", "--mote", "2021-12-08"])
    assert refused.exit_code == 2
    assert "är inget gemensamt möte" in refused.output
    assert not (workdir / "build" / "SN").exists()  # refused before anything is written
    malformed = runner.invoke(main, ["bygg", "--mote", "9 dec"])
    assert malformed.exit_code == 2 and "ÅÅÅÅ-MM-DD" in malformed.output
    runner.invoke(main, ["bygg", "--mote", "2021-10-07"])
    first = Presentation(workdir / "build" / "SN" / "avstamning-SN.pptx").slides[0]
    assert "Avstämning 7 oktober 2021" in texts(first.shapes)
    runner.invoke(main, ["bygg", "--mote", "2021-12-09"])  # only the meeting changed: remade
    first = Presentation(workdir / "build" / "SN" / "avstamning-SN.pptx").slides[0]
    assert "Avstämning 9 december 2021" in texts(first.shapes)


# -- the avstämning deck --------------------------------------------------------------------

@pytest.mark.parametrize("namnd", NAMNDER, ids=lambda n: n.kod)
def test_the_title_slide_names_kommun_nämnd_meeting_and_date(namnd):
    first = deck(namnd).slides[0]
    text = texts(first.shapes)
    assert first.shapes.title.text == namnd.namn
    for part in ("Avstämning 7 oktober 2021", namnd.forvaltning, "kl. 9"):
        assert part in text, part
    # the kommun: the shipped wordmark in the logo's place, named for a screen reader
    [logo] = [s for s in first.shapes if s.shape_type == 13]
    assert logo._element.find(".//" + qn("p:cNvPr")).get("descr") == "Kommunens logotyp"
    assert logo.image.blob == (ROOT / "templates" / "logotyp.png").read_bytes()
    assert first.slide_layout.name == "Titelbild"


def test_a_dropped_logo_replaces_the_wordmark_and_one_that_is_none_gives_the_name(tmp_path):
    from PIL import Image

    Image.new("RGB", (300, 100), "navy").save(tmp_path / "logotyp.png")
    renderer = DeckRenderer(tmp_path, WITH_QUESTIONS, mote(WITH_QUESTIONS, OKTOBER))
    first = Presentation(io.BytesIO(renderer.namnd_deck(NAMNDER[1]))).slides[0]
    pictures = [s for s in first.shapes if s.shape_type == 13]
    assert len(pictures) == 1 and pictures[0]._element.find(".//" + qn("p:cNvPr")).get(
        "descr") == "Kommunens logotyp"
    assert pictures[0].image.blob == (tmp_path / "logotyp.png").read_bytes()
    assert abs(pictures[0].width / pictures[0].height - 3) < 0.01  # its own proportions
    wordmark = next(s for s in first.shapes if s.name == "Ordmärke")
    assert wordmark.text_frame.text == ""
    (tmp_path / "logotyp.png").write_text("ingen bild")  # a file that is no picture
    renderer = DeckRenderer(tmp_path, WITH_QUESTIONS, mote(WITH_QUESTIONS, OKTOBER))
    without = Presentation(io.BytesIO(renderer.namnd_deck(NAMNDER[1]))).slides[0]
    assert next(s for s in without.shapes if s.name == "Ordmärke").text_frame.text == "Timrå kommun"
    assert not [s for s in without.shapes if s.shape_type == 13]


def _layout_texts(layout) -> tuple[str, list[str]]:
    tree = layout._element
    fields = [f.get("type") for f in tree.iter(qn("a:fld"))]
    return texts(layout.shapes), fields


@pytest.mark.parametrize("namnd", NAMNDER, ids=lambda n: n.kod)
def test_every_slide_but_the_title_has_the_footer_and_a_slide_number(namnd):
    prs = deck(namnd)
    footer = f"Timrå kommun · {namnd.namn} · Avstämning 7 oktober 2021"
    for number, slide in enumerate(prs.slides, start=1):
        text, fields = _layout_texts(slide.slide_layout)
        if number == 1:
            assert "slidenum" not in fields and footer not in text
        else:
            assert fields == ["slidenum"], number
            assert footer in text, number
            assert "{{" not in text


def test_the_agenda_lists_the_sections_with_content_and_dividers_follow_it():
    prs = deck()
    agenda = prs.slides[1]
    assert agenda.shapes.title.text == "Innehåll"
    items = re.findall(r"^(\d+)\s+(.+)$", texts(agenda.shapes), re.M)
    # the October deck works through the material: Socialnämnden's formulations are all dated
    # after 7 oktober, so no draft verksamhetsidé yet
    assert [rubrik for _, rubrik in items] == [
        "Vad", "För vem och varför", "Utmaningar och möjligheter", "Beroenden",
        "Samband och synergier", "Dialog", "Tidplan", "Mer underlag"]
    # 9 december is the final avstämning: the proposal, the dialogue on it and the kvittens
    december = deck(day=DECEMBER)
    assert [rubrik for _, rubrik in re.findall(r"^(\d+)\s+(.+)$", texts(
        december.slides[1].shapes), re.M)] == [
        "Förslag till verksamhetsidé", "Dialog", "Kvittens", "Tidplan", "Mer underlag"]
    for day, wanted in ((OKTOBER, {"Mer underlag"}),
                        (DECEMBER, {"Förslag till verksamhetsidé", "Mer underlag"})):
        shown = deck(day=day)
        numbers = dict((r, n) for n, r in re.findall(r"^(\d+)\s+(.+)$", texts(
            shown.slides[1].shapes), re.M))
        dividers = [s for s in shown.slides if s.slide_layout.name == "Avsnitt"]
        assert {s.shapes.title.text for s in dividers} == wanted
        for divider in dividers:  # each divider carries its number from the agenda
            number = texts([sh for sh in divider.shapes if sh.name == "Avsnittsnummer"])
            assert number == numbers[divider.shapes.title.text]


def test_an_empty_section_leaves_the_agenda_and_the_numbers_close_up():
    namnd = dataclasses.replace(NAMNDER[1], beroenden=(), synergier=())
    prs = deck(namnd, kommun=dataclasses.replace(KOMMUN, dialogfragor=()))  # no questions
    items = re.findall(r"^(\d+)\s+(.+)$", texts(prs.slides[1].shapes), re.M)
    assert items == [("1", "Vad"), ("2", "För vem och varför"), ("3", "Utmaningar och möjligheter"),
                     ("4", "Tidplan"), ("5", "Mer underlag")]  # no formulation dated by then
    assert not [t for t in titles(prs) if t.startswith("Dialog")]
    assert not [t for t in titles(prs) if "eroenden" in t]


def test_the_dialogue_slides_hold_the_meetings_questions_with_room_to_write():
    prs = deck()
    dialog = [s for s in prs.slides if s.shapes.title.text.startswith("Dialog – fråga")]
    assert [s.shapes.title.text for s in dialog] == ["Dialog – fråga 1 av 2", "Dialog – fråga 2 av 2"]
    for slide, question in zip(dialog, QUESTIONS[:2], strict=True):
        shapes = {s.name: s for s in slide.shapes}
        assert shapes["Fråga"].text_frame.text == question.fraga
        assert shapes["Stöd"].text_frame.text == question.stod
        space = shapes["Anteckningar"]
        assert space.height >= prs.slide_height * 0.35  # room to write on
        assert space.top > shapes["Stöd"].top
    december = deck(day=DECEMBER)
    dialog = [s for s in december.slides if s.shapes.title.text.startswith("Dialog – fråga")]
    assert len(dialog) == 1
    assert QUESTIONS[2].fraga in texts(dialog[0].shapes)
    assert QUESTIONS[0].fraga not in "\n".join(texts(s.shapes) for s in december.slides)


def test_the_timeline_legend_is_plain_swedish():
    prs = deck()
    slide = next(s for s in prs.slides if s.shapes.title.text == "Tidslinje")
    legend = next(s for s in slide.shapes if s.name == "Förklaring").text_frame.text
    assert "datum i månaden" in legend
    assert "dagarna i veckan" not in legend and "ISO" not in legend


def test_tables_are_aligned_with_the_title_and_headers_centred():
    prs = deck()
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_table and shape.name.startswith("Tabell"):
                assert shape.left == slide.shapes.title.left, slide.shapes.title.text
                header = shape.table.rows[0].cells
                assert all(c.vertical_anchor == MSO_ANCHOR.MIDDLE for c in header)


@pytest.mark.parametrize("namnd", NAMNDER, ids=lambda n: n.kod)
def test_no_text_under_12_pt_and_no_accessibility_violation(namnd, tmp_path):
    renderer = DeckRenderer(None, WITH_QUESTIONS, mote(WITH_QUESTIONS, OKTOBER))
    data = renderer.namnd_deck(namnd)
    prs = Presentation(io.BytesIO(data))
    parts = [*prs.slides, *prs.slide_layouts, prs.slide_master]
    for part in parts:
        sizes = [int(r.get("sz")) for r in part._element.iter(qn("a:rPr"), qn("a:defRPr"))
                 if r.get("sz")]
        assert all(size >= 1200 for size in sizes), (part.name if hasattr(part, "name") else part)
    path = tmp_path / f"avstamning-{namnd.kod}.pptx"
    path.write_bytes(data)
    assert a11y.check_document(path) == []


def test_every_example_deck_passes_openxml_audit_with_its_dialogue(tmp_path):
    from tests.office import audit_errors

    for day in (OKTOBER, DECEMBER):
        renderer = DeckRenderer(None, WITH_QUESTIONS, mote(WITH_QUESTIONS, day))
        for namnd in NAMNDER:
            assert audit_errors(renderer.namnd_deck(namnd), ".pptx") == [], (namnd.kod, day)


@needs_libreoffice
@pytest.mark.slow  # five conversions
def test_every_example_deck_renders_one_page_per_slide_in_libreoffice(tmp_path):
    """The footer and the slide number come from the layouts: LibreOffice shows them too."""
    from tests.office import convert
    from tests.produce.test_office import pdf_pages

    renderer = DeckRenderer(None, WITH_QUESTIONS, mote(WITH_QUESTIONS, OKTOBER))
    for namnd in NAMNDER:
        path = tmp_path / f"avstamning-{namnd.kod}.pptx"
        path.write_bytes(renderer.namnd_deck(namnd))
        made = convert(path, "pdf", tmp_path)
        slides = len(Presentation(path).slides)
        assert pdf_pages(made) == slides, namnd.kod
        text = subprocess.run(["pdftotext", "-layout", str(made), "-"], capture_output=True,
                              text=True, check=True).stdout.split("\f")
        footer = f"Timrå kommun · {namnd.namn} · Avstämning 7 oktober 2021"
        assert footer not in text[0]
        for number, page in enumerate(text[1:slides], start=2):
            assert footer in page, (namnd.kod, number)
            assert re.search(rf"\b{number}\s*$", page.rstrip()), (namnd.kod, number)
