"""The avstämning decks and the kommunövergripande presentation built from the examples."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from pipeline import model as m
from pipeline.domain.faser import as_of
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.render.decks import DeckRenderer
from pipeline.render.meeting import mote
from pipeline.render.pptx.package import check_deck

DECK_DAY = dt.date(2021, 12, 9)
OKTOBER = dt.date(2021, 10, 7)  # the last milestone: the examples' decks are for it


@pytest.fixture(scope="module")
def built(example_build) -> dict[str, Path]:
    return {p.name: p for p in example_build if p.suffix == ".pptx"
            and not p.name.startswith("arbetsmaterial-")}  # the passes': test_arbetsmaterial.py


def slide_texts(prs) -> list[str]:
    out = []
    for s in prs.slides:
        parts = []
        for shape in s.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [c.text for row in shape.table.rows for c in row.cells]
        out.append("\n".join(parts))
    return out


def test_five_avstämning_decks_and_one_combined(built):
    assert sorted(built) == sorted([f"avstamning-{n.kod}.pptx" for n in NAMNDER]
                                   + ["kommunovergripande.pptx"])
    for path in built.values():
        assert check_deck(path.read_bytes()) == [], path.name


@pytest.mark.parametrize("namnd", NAMNDER, ids=lambda n: n.kod)
def test_each_deck_holds_its_nämnds_content(built, namnd):
    prs = Presentation(built[f"avstamning-{namnd.kod}.pptx"])
    text = "\n".join(slide_texts(prs))
    shown = as_of(namnd, DECK_DAY, KOMMUN)  # the examples' decks are for 9 december
    assert shown.verksamhetside.formulering in text
    for kund in namnd.kunder:
        assert kund.kund in text and kund.varde in text
    for lag in namnd.styrdokument:
        assert lag.namn in text
    assert all(m.namn in text for m in namnd.medlemmar)
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles[0] == namnd.namn
    # 9 december is the final avstämning: the proposal first, the group's material after
    for section in ("Innehåll", "Förslag till verksamhetsidé", "Kvittens", "Kommande möten",
                    "Mer underlag", "Underlag: utvecklingsgruppen",
                    "Underlag: styrande lagar och direktiv", "Underlag: kunder och målgrupper",
                    "Underlag: utmaningar och möjligheter", "Underlag: beroenden till andra",
                    "Underlag: samband och synergier", "Tidigare formuleringar"):
        assert section in titles
    assert titles.index("Förslag till verksamhetsidé") < titles.index("Mer underlag")
    for other in NAMNDER:
        if other is not namnd:
            assert as_of(other, DECK_DAY, KOMMUN).verksamhetside.formulering not in text


def test_a_section_without_data_is_left_out():
    namnd = dataclasses.replace(NAMNDER[1], synergier=(), beroenden=(), intentioner=())
    prs = Presentation(io.BytesIO(DeckRenderer(None, KOMMUN, mote(KOMMUN, OKTOBER)).namnd_deck(
        namnd)))
    titles = [s.shapes.title.text for s in prs.slides]
    assert "Synergier med andra nämnder och parter" not in titles
    assert "Beroenden till andra" not in titles
    assert "Vad – politikens intentioner" not in titles
    assert "Vad – uppdrag och ansvar" in titles


def test_forty_kunder_continue_over_the_kommuns_bilder_per_avsnitt_and_the_rest_is_summarised():
    kunder = tuple(m.Kund(f"Målgrupp {i}", "Situation " * 8, "Behov " * 10, "Värde " * 6)
                   for i in range(40))
    prs = Presentation(io.BytesIO(DeckRenderer(None, KOMMUN, mote(KOMMUN, OKTOBER)).namnd_deck(
        dataclasses.replace(NAMNDER[1], kunder=kunder))))
    # at the avstämning the meeting's own part shows the first slide of them …
    [first] = [s for s in prs.slides if s.shapes.title.text.startswith("För vem och varför –")]
    rows = list(first.shapes[1].table.rows)
    assert rows[-1].cells[0].text.endswith(" kunder till under Mer underlag")
    # … and Mer underlag all of them, on at most the kommun's bilder per avsnitt
    kund_slides = [s for s in prs.slides
                   if s.shapes.title.text.startswith("Underlag: kunder och målgrupper")]
    assert len(kund_slides) == KOMMUN.max_bilder == 2
    titles = [s.shapes.title.text for s in kund_slides]
    assert titles[1:] == [f"{titles[0]} (forts.)"]
    names = [row.cells[0].text for s in kund_slides for row in list(s.shapes[1].table.rows)[1:]]
    assert names[:-1] == [k.kund for k in kunder[:len(names) - 1]]
    assert names[-1] == f"… och {40 - len(names) + 1} kunder till – se bilaga 1"


# Read off the examples' Beroenden sheets by hand: (nämnd, the nämnd it depends on). SN's sheet,
# for one, says Ömsesidigt with BUN, "Vi är beroende av dem" for KS and KTN, and "De är beroende
# av oss" for MBN.
def test_decks_are_deterministic():
    renderer = DeckRenderer(None, KOMMUN)
    assert renderer.kommun_deck(list(NAMNDER)) == renderer.kommun_deck(list(NAMNDER))


def _rewrite(data: bytes, name: str, change) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            blob = src.read(info)
            dst.writestr(info, change(blob) if info.filename == name else blob)
    return out.getvalue()


def test_the_package_check_catches_a_dangling_relationship_and_a_duplicate_shape_id(built):
    data = built["avstamning-SN.pptx"].read_bytes()
    dangling = _rewrite(data, "ppt/slides/_rels/slide1.xml.rels", lambda b: b.replace(
        b"</Relationships>",
        b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/image" Target="../media/saknas.png"/></Relationships>'))
    assert check_deck(dangling) == [
        "ppt/slides/slide1.xml: relationen rId99 pekar på ppt/media/saknas.png, som saknas"]
    duplicate = _rewrite(data, "ppt/slides/slide2.xml",
                         lambda b: b.replace(b'<p:cNvPr id="3"', b'<p:cNvPr id="2"'))
    assert check_deck(duplicate) == ["ppt/slides/slide2.xml: form-id 2 finns 2 gånger"]
    untitled = _rewrite(data, "ppt/slides/slide2.xml",
                        lambda b: b.replace("Innehåll".encode(), b""))
    assert check_deck(untitled) == ["ppt/slides/slide2.xml: bilden saknar rubrik"]


def test_each_nämnds_deck_has_a_timeline(built):
    prs = Presentation(built["avstamning-BUN.pptx"])
    slide = next(s for s in prs.slides if s.shapes.title.text == "Tidslinje")
    rows = [r.cells[0].text for r in next(sh for sh in slide.shapes if sh.has_table).table.rows]
    # as an audience reads it: the joint milestones and the nämnd by name, no codes
    assert rows[2:] == ["Gemensamma milstolpar", "Barn- och utbildningsnämnden",
                        "Pass 1–2 (v. 33–39)", "Pass 3–4 (v. 41–48)", "Pass 5 (v. 50 →)"]


def test_every_example_deck_passes_openxml_audit(built):
    from tests.office import audit_errors

    assert len(built) == 6
    for name, path in built.items():
        assert audit_errors(path) == [], name


def test_the_package_check_catches_repeated_and_misordered_slide_elements(built):
    import io
    import zipfile

    data = built["kommunovergripande.pptx"].read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == "ppt/slides/slide1.xml":  # as SlidePart.new + a copied one did
                blob = blob.replace(b"<p:clrMapOvr>", b"<p:clrMapOvr><a:masterClrMapping/>"
                                    b"</p:clrMapOvr><p:clrMapOvr>", 1)
            if info.filename == "ppt/slides/slide2.xml":  # timing before the colour map
                blob = blob.replace(b"</p:cSld>", b"</p:cSld><p:timing/>", 1)
            dst.writestr(info, blob)
    problems = check_deck(out.getvalue())
    assert "ppt/slides/slide1.xml: <clrMapOvr> finns flera gånger i <sld>" in problems
    assert "ppt/slides/slide2.xml: <clrMapOvr> står i fel ordning i <sld>" in problems
    assert check_deck(data) == []
