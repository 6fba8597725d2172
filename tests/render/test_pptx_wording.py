"""The app's side of the PowerPoint engine (`pipeline/render/decks.py`): the Swedish shape-name
prefixes, and every engine error and notice worded in Swedish with template, slide and shape."""

from __future__ import annotations

import pytest
from pptx.util import Inches

from pipeline.diagnostics import Severity, TemplateError
from pipeline.examples import KOMMUN
from pipeline.render.context import Filters
from pipeline.render.decks import CUT_NOTE, DeckTemplate, notice_sv
from pipeline.render.environment import environment
from pipeline.render.pptx import CUT, TOO_SMALL, ChartSpec, Notice
from tests.render.test_pptx_engine import add_slide, chart_slide, deck, textbox
from tests.render.test_pptx_fitting import SENTENCE, fixed_box

ENV = environment(Filters(KOMMUN), "text")


def refused(tmp_path, prs, context: dict) -> str:
    path = tmp_path / "mall.pptx"
    prs.save(path)
    with pytest.raises(TemplateError) as caught:
        DeckTemplate(path, ENV).render(context)
    return caught.value.message


def test_a_misspelled_name_names_the_slide_and_the_shape(tmp_path):
    prs = deck()
    add_slide(prs, "Ok")
    textbox(add_slide(prs, "Ok"), [("{{ namnd.namm }}", False)], name="Textruta 7")
    assert refused(tmp_path, prs, {"namnd": KOMMUN.namnder[0]}) == (
        'Mallen mall.pptx, bild 2, formen "Textruta 7": namnet "namm" finns inte i underlaget. '
        "Rätta stavningen i mallen; namnen listas i README under Mallar.")


def test_a_malformed_tag_names_the_slide_and_the_shape(tmp_path):
    prs = deck()
    textbox(add_slide(prs, "Ok"), [("{% if x %} aldrig slut", False)], name="Text")
    assert refused(tmp_path, prs, {"x": 1}).startswith(
        'Mallen mall.pptx, bild 1, formen "Text": felaktig tagg')


@pytest.mark.parametrize(("tag", "message"), [
    ("{{ datum|datm }}", 'Mallen mall.pptx, bild 1, formen "Text": felaktig tagg: filtret "datm" '
     'finns inte (menar du "datum"?). Kontrollera att varje {{ … }} och {% … %} är hel och att '
     "varje if och for har sitt slut."),
    ("{% if x %} aldrig slut", 'Mallen mall.pptx, bild 1, formen "Text": felaktig tagg: "if" '
     'avslutas aldrig med "endif". Kontrollera att varje {{ … }} och {% … %} är hel och att '
     "varje if och for har sitt slut."),
    ("{{ x + }}", 'Mallen mall.pptx, bild 1, formen "Text": felaktig tagg: ett namn eller värde '
     'saknas före "}}". Kontrollera att varje {{ … }} och {% … %} är hel och att varje if och '
     "for har sitt slut."),
    ("{{ x / 0 }}", 'Mallen mall.pptx, bild 1, formen "Text": en tagg kunde inte användas med '
     "underlagets data. Kontrollera taggen; namnen och filtren listas i README under Mallar."),
])
def test_deck_template_errors_are_in_swedish(tmp_path, tag, message):
    prs = deck()
    textbox(add_slide(prs, "Ok"), [(tag, False)], name="Text")
    assert refused(tmp_path, prs, {"x": 1, "datum": None}) == message


def test_a_chart_renamed_by_powerpoint_is_refused_with_the_names_it_can_have(tmp_path):
    prs = deck()
    chart_slide(prs, "Diagram 3", categories=["Avsnitt 1"])
    spec = ChartSpec(["Kunder"], [("SN", [1])])
    assert refused(tmp_path, prs, {"diagram": {"status": spec}}) == (
        'Mallen mall.pptx, bild 1, formen "Diagram 3": diagrammet är inte kopplat till några '
        'data och skulle visa mallens exempeldata. Ge formen namnet "diagram:status" i '
        "markeringsfönstret (Start › Ordna › Markeringsfönster). Namn som väntar på en form: "
        '"diagram:status".')


def test_a_binding_to_a_name_without_data_lists_the_valid_names(tmp_path):
    prs = deck()
    s = add_slide(prs, "Matris")
    shape = s.shapes.add_table(2, 2, Inches(1), Inches(1.5), Inches(8), Inches(1))
    shape.name = "matris:beroenden2"
    assert refused(tmp_path, prs, {"matriser": {"beroenden": None, "tidplan": None}}) == (
        'Mallen mall.pptx, bild 1, formen "matris:beroenden2": det finns inga data för tabellen '
        'beroenden2. Giltiga namn för tabellen: "matris:beroenden", "matris:tidplan".')


def test_a_shape_named_for_a_chart_that_is_no_chart(tmp_path):
    prs = deck()
    textbox(add_slide(prs, "Status"), [("text", False)], name="diagram:status")
    spec = ChartSpec(["Kunder"], [("SN", [1])])
    assert refused(tmp_path, prs, {"diagram": {"status": spec}}) == (
        'Mallen mall.pptx, bild 1, formen "diagram:status": formen är inte ett diagram. '
        'Giltiga namn för diagrammet: "diagram:status".')


def test_slides_from_one_template_slide_are_capped(tmp_path):
    prs = deck()
    add_slide(prs, "{{ n }}", notes="{%slide for n in namn %}")
    assert refused(tmp_path, prs, {"namn": [str(i) for i in range(500)]}) == (
        "Mallen mall.pptx, bild 1: bilden skulle bli fler än 60 bilder i presentationen. Korta "
        "texterna eller tabellerna i arbetsboken, eller dela upp bilden i mallen.")


def test_an_error_in_the_notes_and_on_the_master_says_where(tmp_path):
    prs = deck()
    add_slide(prs, "{{ n }}", notes="{%slide for n in namnn %}")
    assert refused(tmp_path, prs, {}).startswith(
        'Mallen mall.pptx, bild 1, formen "anteckningar": namnet "namnn" finns inte')
    prs = deck()
    slide = add_slide(prs, "Rubrik")
    box = slide.shapes.add_textbox(Inches(0.5), Inches(7), Inches(6), Inches(0.4))
    box.name = "Sidfot"
    box.text_frame.text = "{{ kommunn }}"
    prs.slide_masters[0].shapes._spTree.append(box._element)
    assert refused(tmp_path, prs, {}).startswith(
        'Mallen mall.pptx, formen "bildbakgrund 1, Sidfot": namnet "kommunn" finns inte')


def test_a_file_that_is_no_deck_is_refused_in_swedish(tmp_path):
    path = tmp_path / "mall.pptx"
    path.write_bytes(b"inte en presentation")
    with pytest.raises(TemplateError) as caught:
        DeckTemplate(path, ENV).render({})
    assert caught.value.message == (
        "Mallen mall.pptx kan inte öppnas som en PowerPoint-presentation. Spara den som "
        "PowerPoint-presentation (.pptx) i PowerPoint.")


def test_a_cut_text_ends_with_the_swedish_note_and_both_notices_are_warnings(tmp_path):
    prs = deck()
    fixed_box(add_slide(prs, "Verksamhetsidé"), 3)
    path = tmp_path / "mall.pptx"
    prs.save(path)
    template = DeckTemplate(path, ENV)
    from io import BytesIO

    from pptx import Presentation

    out = Presentation(BytesIO(template.render({"text": (SENTENCE * 140)[:10_000]})))
    assert [s.shapes.title.text for s in out.slides] == [
        "Verksamhetsidé", "Verksamhetsidé (forts.)", "Verksamhetsidé (forts. 2)",
        "Verksamhetsidé (forts. 3)"]
    assert out.slides[-1].shapes[1].text_frame.paragraphs[-1].text == CUT_NOTE
    assert [(n.slide, n.shape, n.kind) for n in template.notices] == [(1, "Fast ruta", CUT)]
    cut = notice_sv("mall.pptx", Notice(1, "Fast ruta", CUT))
    small = notice_sv("mall.pptx", Notice(2, "Liten", TOO_SMALL))
    assert cut.severity is small.severity is Severity.VARNING
    assert cut.message == (
        'Mallens bild 1, formen "Fast ruta": texten får inte plats på 4 bilder ens med 12 '
        "punkter och förkortas i presentationen. Korta texten i arbetsboken, eller gör formen "
        "större i mallen.")
    assert small.message == (
        'Mallens bild 2, formen "Liten": formen är lägre än en textrad med 12 punkter, så '
        "texten syns inte hel. Gör formen större i mallen.")
