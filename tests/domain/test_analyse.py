"""The kommun-wide analysis on incomplete and conflicting data, built straight from model objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from pipeline import model as m
from pipeline.domain import analyse
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.read import schema

SN = next(n for n in NAMNDER if n.kod == "SN")
TABLES = [s for s in schema.NAMND.sheets if not s.is_form]


def _namnd(kod: str, **rows) -> m.Namnd:
    """Return a nämnd with nothing but its identity and the given rows."""
    return m.Namnd(kod=kod, namn=f"Nämnd {kod}", forvaltning="", datum=dt.date(2021, 10, 7), **rows)


def _kund(name: str) -> m.Kund:
    return m.Kund(name, "situation", "behov", "värde")


def _intern(kod: str, riktning: str = "Vi är beroende av dem") -> m.Beroende:
    return m.Beroende("Intern", riktning, "beskrivning", namnd=kod)


def _sections(status: analyse.Status) -> dict[str, int]:
    return dict(status.avsnitt)


# status ---------------------------------------------------------------------------------------


def test_status_of_an_empty_workbook_is_zero_in_every_section():
    status = analyse.status(_namnd("SN"))
    assert status.kod == "SN"
    assert [name for name, _ in status.avsnitt] == [s.name for s in TABLES]
    assert set(_sections(status).values()) == {0}
    assert status.totalt == 0


def test_status_of_the_complete_example_is_full():
    status = analyse.status(SN)
    assert set(_sections(status).values()) == {100}
    assert status.totalt == 100


def test_status_differs_between_a_complete_and_an_incomplete_namnd():
    """Sections emptied or thinned out lower exactly those sections, by rows against the target."""
    incomplete = replace(SN, kunder=SN.kunder[:1], beroenden=(), synergier=(), moten=SN.moten[:2])
    complete, partial = _sections(analyse.status(SN)), _sections(analyse.status(incomplete))
    assert partial["Kunder"] == 33  # one kund of the three a complete section has
    assert partial["Beroenden"] == 0
    assert partial["Samband och synergier"] == 0
    assert partial["Tidplan"] == 67  # two meetings of three
    changed = {"Kunder", "Beroenden", "Samband och synergier", "Tidplan"}
    assert {k: v for k, v in partial.items() if k not in changed} == {
        k: v for k, v in complete.items() if k not in changed}
    # twelve sections: eight at 100 %, then 33, 0, 0 and 67
    assert analyse.status(incomplete).totalt == round((8 * 100 + 33 + 0 + 0 + 67) / 12) == 75
    assert analyse.status(incomplete).totalt < analyse.status(SN).totalt


@pytest.mark.parametrize("sheet", TABLES, ids=lambda s: s.attr)
def test_status_counts_rows_against_each_sections_target(sheet):
    """One row short of the target is below 100 %; the target and more are 100 %."""
    row = getattr(SN, sheet.attr)[0]
    short = analyse.status(_namnd("X", **{sheet.attr: (row,) * (sheet.target_rows - 1)}))
    full = analyse.status(_namnd("X", **{sheet.attr: (row,) * sheet.target_rows}))
    more = analyse.status(_namnd("X", **{sheet.attr: (row,) * (sheet.target_rows + 5)}))
    expected = round(100 * (sheet.target_rows - 1) / sheet.target_rows)
    assert _sections(short)[sheet.name] == expected < 100
    assert _sections(full)[sheet.name] == 100
    assert _sections(more)[sheet.name] == 100  # capped
    others = {k: v for k, v in _sections(full).items() if k != sheet.name}
    assert set(others.values()) == {0}


def test_status_total_of_no_sections_is_zero():
    assert analyse.Status("SN", ()).totalt == 0


# gemensamma kunder ---------------------------------------------------------------------------


def test_kunder_written_with_different_case_and_spacing_are_one_kund():
    namnder = [
        _namnd("BUN", kunder=(_kund("Barn och unga"),)),
        _namnd("SN", kunder=(_kund("  barn OCH   unga "),)),
        _namnd("KS", kunder=(_kund("Invånare"),)),
    ]
    shared = analyse.gemensamma_kunder(KOMMUN, namnder)
    assert len(shared) == 1
    assert shared[0].kund == "Barn och unga"  # as the first nämnd given wrote it
    assert shared[0].namnder == ("SN", "BUN")  # in register order, not the order given


def test_a_kund_named_twice_by_one_namnd_is_not_shared():
    namnder = [_namnd("SN", kunder=(_kund("Äldre"), _kund("äldre"))), _namnd("BUN")]
    assert analyse.gemensamma_kunder(KOMMUN, namnder) == []


def test_shared_kunder_most_shared_first_then_alphabetical_and_unknown_codes_last():
    namnder = [
        _namnd("SN", kunder=(_kund("Äldre"), _kund("Barn"), _kund("Invånare"))),
        _namnd("KS", kunder=(_kund("Invånare"), _kund("Barn"))),
        _namnd("ZZ", kunder=(_kund("invånare"), _kund("ÄLDRE"))),  # not in the register
    ]
    shared = analyse.gemensamma_kunder(KOMMUN, namnder)
    assert [(g.kund, g.namnder) for g in shared] == [
        ("Invånare", ("KS", "SN", "ZZ")),
        ("Barn", ("KS", "SN")),
        ("Äldre", ("SN", "ZZ")),
    ]


def test_no_namnder_and_empty_sections_give_no_shared_kunder():
    assert analyse.gemensamma_kunder(KOMMUN, []) == []
    assert analyse.gemensamma_kunder(KOMMUN, [_namnd("SN"), _namnd("KS")]) == []


# beroenden -----------------------------------------------------------------------------------


def test_beroenden_directions_and_what_is_left_out():
    namnd = _namnd("SN", beroenden=(
        _intern("KS"),
        _intern("BUN", "De är beroende av oss"),
        _intern("KTN", "Ömsesidigt"),
        _intern("SN"),  # itself
        _intern(""),  # internal but no nämnd named
        m.Beroende("Extern", "Vi är beroende av dem", "beskrivning", intressent="Region"),
    ))
    assert analyse.beroenden(namnd) == {("SN", "KS"), ("BUN", "SN"), ("SN", "KTN"), ("KTN", "SN")}


def test_dependencies_to_unknown_codes_stay_out_of_the_matrix():
    namnder = [_namnd("SN", beroenden=(_intern("XYZ"), _intern("KS"))),
               _namnd("XYZ", beroenden=(_intern("BUN"),))]
    assert ("SN", "XYZ") in analyse.beroenden(namnder[0])  # stated, so kept in the pairs
    header, rows = analyse.beroendematris(KOMMUN, namnder)
    assert header == ["Beroende av →", "KS", "SN", "BUN", "KTN", "MBN"]
    marks = {(row[0], code) for row in rows for code, cell in zip(header[1:], row[1:], strict=True)
             if cell == analyse.DEPENDS}
    assert marks == {("SN", "KS")}
    assert all(len(row) == len(header) for row in rows)


def test_matrix_of_namnder_with_empty_sections_is_all_blank():
    header, rows = analyse.beroendematris(KOMMUN, [_namnd("SN"), _namnd("KS")])
    assert [row[0] for row in rows] == header[1:]
    assert {cell for row in rows for cell in row[1:]} == {""}
    assert analyse.beroendematris(KOMMUN, [])[1] == rows


def test_conflicting_directions_from_two_namnder_both_count():
    """SN says it depends on BUN; BUN says SN depends on it: the same pair, marked once."""
    namnder = [_namnd("SN", beroenden=(_intern("BUN"),)),
               _namnd("BUN", beroenden=(_intern("SN", "De är beroende av oss"),))]
    _, rows = analyse.beroendematris(KOMMUN, namnder)
    marked = [(row[0], col) for row in rows for col, cell in enumerate(row[1:]) if cell]
    assert marked == [("SN", 2)]  # SN's row, BUN's column (KS, SN, BUN, …)


# synergier -----------------------------------------------------------------------------------


def test_synergies_grouped_by_process_whatever_the_case_and_spacing():
    namnder = [
        _namnd("SN", synergier=(m.Synergi("BUN, XYZ", "Tidiga insatser", "Gemensam bild", "Modell 2022"),)),
        _namnd("BUN", synergier=(m.Synergi("sn", "tidiga  INSATSER", "Gemensam bild", ""),
                                 m.Synergi("KS", "Tidiga insatser ", "Snabbare stöd", "Modell 2022"))),
        _namnd("KTN", synergier=(m.Synergi("", "Fritid för alla", "Fler aktiva"),)),
    ]
    groups = analyse.gemensamma_synergier(KOMMUN, namnder)
    Bidrag = analyse.Bidrag
    assert groups == [
        analyse.GemensamSynergi("Tidiga insatser", ("KS", "SN", "BUN"),
                                (Bidrag(("SN", "BUN"), "Gemensam bild"), Bidrag(("BUN",), "Snabbare stöd")),
                                (Bidrag(("SN", "BUN"), "Modell 2022"),), ("XYZ",)),
        analyse.GemensamSynergi("Fritid för alla", ("KTN",), (Bidrag(("KTN",), "Fler aktiva"),), ()),
    ]


def test_a_synergy_with_an_external_partner_names_it():
    sn = _namnd("SN", synergier=(m.Synergi("Region Västernorrland", "Äldres vård", "Plan", "Rutin"),))
    [group] = analyse.gemensamma_synergier(KOMMUN, [sn])
    assert group.namnder == ("SN",) and group.externa == ("Region Västernorrland",)
    assert str(group.synergier[0]) == "Plan"  # a template's `rader` prints the text


@pytest.mark.parametrize(("med", "internal", "external"), [
    ("SN, BUN", ["SN", "BUN"], []),
    ("SN och Region Västernorrland", ["SN"], ["Region Västernorrland"]),
    ("Socialnämnden; Polisen samt Trafikverket", ["SN"], ["Polisen", "Trafikverket"]),
    ("Barn- och utbildningsnämnden", ["BUN"], []),
    ("bun", ["BUN"], []),
    ("MittSverige Vatten & Avfall", [], ["MittSverige Vatten & Avfall"]),
    ("Socialnämndens förvaltning", [], ["Socialnämndens förvaltning"]),
    ("", [], []),
])
def test_who_a_synergys_med_cell_names(med, internal, external):
    assert analyse.parter(KOMMUN, med) == (internal, external)


def test_external_partners_from_dependencies_and_synergies_the_most_named_first():
    extern = m.Beroende("Extern", "Vi är beroende av dem", "b", intressent="Polisen")
    namnder = [_namnd("SN", beroenden=(extern,),
                      synergier=(m.Synergi("KS, Region Västernorrland", "P", "S"),)),
               _namnd("MBN", beroenden=(replace(extern, intressent="polisen "),))]
    assert analyse.externa_parter(KOMMUN, namnder) == [
        analyse.ExternPart("Polisen", ("SN", "MBN")),
        analyse.ExternPart("Region Västernorrland", ("SN",))]


def test_sections_filled_begun_and_missing():
    status = analyse.status(_namnd("SN", kunder=(_kund("A"),) * 10, ansvar=(m.Ansvar("A"),)))
    assert "Kunder" in status.ifyllda and "Uppdrag" in status.paborjade
    assert "Tidplan" in status.saknade
    assert len(status.ifyllda + status.paborjade + status.saknade) == len(TABLES)


def test_the_next_meeting_is_the_first_on_or_after_a_date():
    moten = (m.Mote("Pass", dt.date(2021, 10, 12), 3), m.Mote("Pass", dt.date(2021, 9, 14), 1),
             m.Mote("Pass", dt.date(2021, 11, 16), 4))
    namnd = _namnd("SN", moten=moten)
    assert analyse.nasta_mote(namnd, dt.date(2021, 10, 8)).pass_nr == 3
    assert analyse.nasta_mote(namnd, dt.date(2021, 10, 12)).pass_nr == 3
    assert analyse.nasta_mote(namnd, dt.date(2021, 12, 1)) is None


def test_no_synergies():
    assert analyse.gemensamma_synergier(KOMMUN, [_namnd("SN")]) == []


def test_an_empty_register_orders_nothing_and_marks_nothing():
    kommun = replace(KOMMUN, namnder=())
    namnder = [_namnd("SN", kunder=(_kund("A"),), beroenden=(_intern("KS"),)),
               _namnd("KS", kunder=(_kund("a"),))]
    assert analyse.beroendematris(kommun, namnder) == (["Beroende av →"], [])
    assert [g.namnder for g in analyse.gemensamma_kunder(kommun, namnder)] == [("SN", "KS")]


@given(st.text(max_size=80))
@example("\x1f")  # whitespace to str.split, not to strip(" .")
def test_any_med_cell_gives_registered_codes_and_nonempty_partner_names(med):
    internal, external = analyse.parter(KOMMUN, med)
    assert set(internal) <= set(KOMMUN.koder)
    assert all(name.strip() for name in external)
