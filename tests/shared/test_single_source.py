"""Knowledge written in one place and used everywhere: the fixed creation time, the register's
order, text folding, the pass label, "eller" lists and the template tables' columns."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from pipeline import model as m
from pipeline import output
from pipeline.examples import NAMNDER
from pipeline.read import schema
from pipeline.read.blank_workbook import workbook_bytes
from pipeline.render.ical import calendar_bytes


def _core(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("docProps/core.xml").decode()


# the fixed creation time ---------------------------------------------------------------------


def test_the_fixed_creation_time_is_one_value_in_two_spellings():
    assert dt.datetime(2021, 6, 1, tzinfo=dt.UTC) == output.FIXED_TIME
    assert output.FIXED_CREATED == "2021-06-01T00:00:00Z"


def test_workbooks_are_stamped_with_the_fixed_time():
    # a calendar's DTSTAMP is its events' revision instead (render/ical.py, tests/render/test_ical.py)
    core = _core(workbook_bytes(schema.NAMND, NAMNDER[0]))
    assert ">2021-06-01T00:00:00Z</dcterms:created>" in core
    assert ">2021-06-01T00:00:00Z</dcterms:modified>" in core


def test_template_properties_are_dated_at_the_fixed_time():
    class Props:
        pass

    props = Props()
    output.template_properties(props, "Titel", "underlag")
    assert props.created == props.modified == dt.datetime(2021, 6, 1)


# the register's order ------------------------------------------------------------------------


REGISTER = m.Kommun("K", "U", namnder=(
    m.NamndRef("BUN", "Barn", ordning=2),
    m.NamndRef("KS", "Styrelsen", ordning=1),
    m.NamndRef("SN", "Social", ordning=2),
    m.NamndRef("MBN", "Miljö", ordning=0),
))


def test_the_register_orders_by_ordning_then_by_row():
    assert REGISTER.koder == ("MBN", "KS", "BUN", "SN")


def test_ordered_puts_codes_the_register_lacks_last_in_the_order_given():
    assert REGISTER.ordered(["X", "SN", "Y", "KS", "MBN"], key=str) == ["MBN", "KS", "SN", "X", "Y"]
    namnder = [m.Namnd(kod, kod, "", dt.date(2021, 10, 7)) for kod in ("SN", "ÖN", "BUN", "KS")]
    assert [n.kod for n in REGISTER.ordered(namnder)] == ["KS", "BUN", "SN", "ÖN"]


def test_every_list_of_nämnder_follows_the_register():
    from pipeline.domain import analyse, tidplan

    namnder = [m.Namnd(kod, kod, "", dt.date(2021, 10, 7), kunder=(m.Kund("Invånare", "s", "b", "v"),),
                       moten=(m.Mote("Pass", dt.date(2021, 9, 14), 1),))
               for kod in ("SN", "BUN", "KS", "MBN")]
    assert analyse.beroendematris(REGISTER, namnder)[0] == ["Beroende av →", "MBN", "KS", "BUN", "SN"]
    assert analyse.gemensamma_kunder(REGISTER, namnder)[0].namnder == ("MBN", "KS", "BUN", "SN")
    rows = [r.namn for r in tidplan.week_grid(REGISTER, namnder).rader]
    assert rows == ["KS – samordning", "MBN", "KS – egen", "BUN", "SN"]


# folding text as a reader compares it --------------------------------------------------------


def test_folded_ignores_case_and_runs_of_white_space():
    from pipeline.svenska import folded

    assert folded("  Äldre \n  Personer\t") == "äldre personer"
    assert folded("Gatan") == folded("GATAN") == "gatan"
    assert folded("Straße") == "strasse"
    assert (folded(None), folded(2021)) == ("", "2021")


def test_one_folding_for_headers_choices_register_names_and_shared_kunder():
    from pipeline.domain import analyse
    from pipeline.read.cells import to_choice

    assert to_choice("vi är  BEROENDE av\ndem", schema.BEROENDEN.column("riktning")) == (
        "Vi är beroende av dem")
    kund = {"SN": "Äldre  personer", "KS": "äldre personer"}
    namnder = [m.Namnd(kod, kod, "", dt.date(2021, 10, 7), kunder=(m.Kund(name, "s", "b", "v"),))
               for kod, name in kund.items()]
    shared = analyse.gemensamma_kunder(REGISTER, namnder)
    assert [(g.kund, g.namnder) for g in shared] == [("Äldre  personer", ("KS", "SN"))]


# lists ----------------------------------------------------------------------------------------


def test_lists_join_with_och_or_eller_and_keep_an_items_own_och():
    from pipeline.svenska import lista

    assert lista(["SN", "BUN", "KTN"]) == "SN, BUN och KTN"
    assert lista(["SN", "", "BUN"], eller=True) == "SN eller BUN"
    assert lista(["Utmaning", "Kultur och fritid", "Möjlighet"], eller=True) == (
        "Utmaning, Kultur och fritid eller Möjlighet")
    assert lista(["Ja och nej"], eller=True) == "Ja och nej"
    assert (lista([]), lista([], eller=True)) == ("", "")


def test_a_wrong_choice_lists_the_allowed_values_with_eller_even_when_one_has_och():
    import pytest

    from pipeline.read.cells import CellError, to_choice

    choices = ("Kultur och fritid", "Skola", "Vård och omsorg")
    column = schema.Column("typ", "Typ", "", "choice", choices=choices)
    with pytest.raises(CellError) as caught:
        to_choice("Idrott", column)
    assert str(caught.value) == (
        '"Idrott" är inget giltigt värde i kolumnen "Typ". Välj "Kultur och fritid", "Skola" eller '
        '"Vård och omsorg".')
    with pytest.raises(CellError) as caught:
        to_choice("Övrigt", schema.BEROENDEN.column("riktning"))
    assert str(caught.value) == (
        '"Övrigt" är inget giltigt värde i kolumnen "Riktning". Välj "Vi är beroende av dem", '
        '"De är beroende av oss" eller "Ömsesidigt".')


# the pass label -------------------------------------------------------------------------------


def test_passes_are_named_as_the_planning_document_names_them():
    assert m.pass_namn(3) == "Pass 3"
    assert m.pass_namn(1, 2) == "Pass 1 och 2"
    assert m.pass_namn(1, 2, period=True) == "Pass 1–2"
    assert m.pass_namn(5, period=True) == "Pass 5"
    assert m.Mote("Pass", dt.date(2021, 9, 14), 3).namn == "Pass 3"
    assert m.Mote("Pass", dt.date(2021, 9, 14)).namn == "Pass"
    assert m.Mote("Avstämning", dt.date(2021, 10, 7), 3).namn == "Avstämning"


def test_the_calendar_the_timetable_the_checks_and_the_schema_use_the_one_label():
    from pipeline.domain import tidplan
    from pipeline.render.timetable import tidplan_rader

    assert [p[0] for p in tidplan.PASS_PERIODER] == ["Pass 1–2", "Pass 3–4", "Pass 5"]
    assert (schema.UPPDRAG.stage, schema.VERKSAMHETSIDE.stage, schema.BESLUT.stage) == (
        "Pass 1–2", "Pass 3–4", "Pass 5")
    day = dt.date(2021, 11, 16)
    namnd = m.Namnd("SN", "Socialnämnden", "", day, moten=(  # one meeting per start time
        m.Mote("Pass", day, 4, dt.time(8), beskrivning="Pass 4: formulering"),
        m.Mote("Pass", day, 4, dt.time(10), beskrivning="formulering"),
        m.Mote("Pass", day, 4, dt.time(13)),
        m.Mote("Nämndsmöte", day, start=dt.time(15), beskrivning="Information"),
    ))
    kommun = m.Kommun("Timrå kommun", "U", namnder=(m.NamndRef("SN", "Socialnämnden"),))
    assert [r.aktivitet for r in tidplan_rader(kommun, namnd)] == [
        "Pass 4: formulering", "Pass 4: formulering", "Pass 4", "Nämndsmöte: Information"]
    ics = calendar_bytes(kommun, [namnd], "Tidplan").decode()
    assert "SUMMARY:SN: Pass 4 – verksamhetsidé" in ics
    assert "UID:sn-pass-4-20211116-1300@timra-kommun.underlag" in ics  # its third session
    assert "UID:sn-namndsmote-20211116@timra-kommun.underlag" in ics


def test_the_example_passes_are_made_from_their_dates_in_the_planning_documents_words():
    sn = next(n for n in NAMNDER if n.kod == "SN")
    assert [(x.pass_nr, x.start, x.slut, x.beskrivning) for x in sn.moten][:2] == [
        (1, dt.time(13), dt.time(16),
         "Pass 1 och 2: vad, för vem och varför, utmaningar och möjligheter samt beroenden"),
        (3, dt.time(13), dt.time(16),
         "Pass 3: insikter från avstämningen och formulering av verksamhetsidé"),
    ]


# the template tables' columns ----------------------------------------------------------------


def test_a_template_tables_columns_come_from_the_schema():
    assert schema.KUNDER.template_columns("k", {"kund": 3.4, "behov": 4.2}) == [
        ("Kund eller målgrupp", "k.kund", 3.4), ("Behov", "k.behov", 4.2)]
    assert schema.BEROENDEN.template_columns(
        "d", {"part": 4.2, "typ": 2}, headers={"part": "Beroende till"}, exprs={"part": "d|part"}
    ) == [("Beroende till", "d|part", 4.2), ("Typ", "d.typ", 2)]


def test_the_committed_templates_show_the_schemas_headers():
    from docx import Document
    from pptx import Presentation

    from tests.conftest import ROOT

    doc = Document(str(ROOT / "templates" / "bilaga.docx"))  # the group's tables
    headers = [[c.text for c in t.rows[0].cells] for t in doc.tables]
    assert [h.header for h in schema.KUNDER.columns] in headers
    assert [h.header for h in schema.UTVECKLINGSGRUPP.columns] in headers
    deck = Presentation(str(ROOT / "templates" / "avstamning.pptx"))
    tables = {s.name: [c.text for c in s.table.rows[0].cells]
              for slide in deck.slides for s in slide.shapes if s.has_table}
    assert tables["Tabell kunder"] == [c.header for c in schema.KUNDER.columns]
    assert tables["Tabell versioner"] == [c.header for c in schema.VERKSAMHETSIDE.columns]
    assert tables["Tabell styrdokument"] == ["Styrdokument", "Typ", "Vad det styr"]


def test_a_templates_comment_authors_are_listed_as_swedish_prose():
    from pipeline.render.docx_clean import Found

    found = Found()
    found.comments, found.comment_authors = 2, {"Eva", "Anna", "Bo", " "}
    found.changes, found.change_authors = 3, {"Bo"}
    assert found.message() == (
        "Mallen har 2 kommentarer från Anna, Bo och Eva och spårade ändringar från Bo. Kommentarerna "
        "tas inte med och ändringarna godkänns i dokumenten: infogad text tas med och borttagen text "
        "utelämnas. Ta bort kommentarerna och godkänn eller avvisa ändringarna i Word så försvinner "
        "varningen.")
