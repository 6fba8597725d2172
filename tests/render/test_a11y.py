"""The accessibility check: clean on the examples, and it catches each rule a template breaks."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from docx.shared import RGBColor
from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor as PptxRGB
from pptx.util import Inches

from pipeline.cli import main
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.render.a11y import check_document, contrast
from pipeline.render.decks import DeckRenderer
from pipeline.render.docx import DocxRenderer
from pipeline.resources import default_templates

TEMPLATES = default_templates()


def test_contrast_follows_wcag():
    assert contrast("000000", "FFFFFF") == pytest.approx(21)
    assert contrast("1F4E79", "FFFFFF") > 4.5
    assert contrast("4F81BD", "FFFFFF") < 4.5


def test_the_example_build_has_no_violations(example_build, tmp_path):
    build = example_build[0].parent.parent
    result = CliRunner().invoke(main, ["tillganglighet", "--build", str(build)])
    assert (result.exit_code, result.output) == (0, "Tillgänglighet: inga brister.\n")


def messages(path: Path, data: bytes) -> list[str]:
    return [str(d) for d in check_document(path, data)]


def render_docx(tmp_path: Path, change) -> list[str]:
    document = docx.Document(TEMPLATES / "beslutsunderlag.docx")
    change(document)
    path = tmp_path / "beslutsunderlag.docx"
    document.save(path)
    return messages(Path("beslutsunderlag-SN.docx"), DocxRenderer(path, KOMMUN).render(NAMNDER[1]))


def _heading(document, text: str):
    return next(p for p in document.paragraphs if p.text == text)


def _picture() -> io.BytesIO:
    buf = io.BytesIO()
    Image.new("RGB", (40, 20), "navy").save(buf, "PNG")
    buf.seek(0)
    return buf


DOCX_BREAKS = {
    "title": (lambda d: setattr(d.core_properties, "title", ""),
              "Fel: beslutsunderlag-SN.docx › egenskaper!titel: Dokumentet saknar titel."),
    "language": (lambda d: d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
                 .find(qn("w:rPr")).find(qn("w:lang")).set(qn("w:val"), "en-US"),
                 "Fel: beslutsunderlag-SN.docx › formatmallar!standardspråk: Textens standardspråk "
                 "är inte sv-SE."),
    "heading": (lambda d: setattr(_heading(d, "Uppdraget"), "style", d.styles["Heading 4"]),
                'rubriken "Uppdraget": Rubriknivå 4 följer på nivå 2; en nivå hoppas över.'),
    "table header": (lambda d: d.tables[0].rows[0]._tr.trPr.remove(
        d.tables[0].rows[0]._tr.trPr.find(qn("w:tblHeader"))),
        "tabell 1!Datum Tid Aktivitet: Tabellens första rad är inte markerad som "
        "rubrikrad."),
    "alt text": (lambda d: d.add_picture(_picture()),
                 "bilder!Picture 1: Bilden saknar alternativtext."),
    "contrast": (lambda d: setattr(d.styles["Heading 2"].font.color, "rgb",
                                   RGBColor(0xAA, 0xAA, 0xAA)),
                 'formatmallar!formatmallen "heading 2": Textfärgen #AAAAAA har för låg kontrast'),
}


@pytest.mark.parametrize("rule", DOCX_BREAKS)
def test_a_broken_word_template_is_caught(tmp_path, rule):
    change, expected = DOCX_BREAKS[rule]
    found = render_docx(tmp_path, change)
    assert any(expected in m for m in found), found


def render_deck(tmp_path: Path, name: str, change) -> list[str]:
    folder = tmp_path / "mallar"
    folder.mkdir(exist_ok=True)
    prs = Presentation(TEMPLATES / name)
    change(prs)
    prs.save(folder / name)
    renderer = DeckRenderer(folder, KOMMUN)
    if name == "avstamning.pptx":
        return messages(Path("avstamning-SN.pptx"), renderer.namnd_deck(NAMNDER[1]))
    return messages(Path(name), renderer.kommun_deck(list(NAMNDER)))


def _slide(prs, title: str):
    return next(s for s in prs.slides if s.shapes.title.text == title)


# The decks are for the examples' last milestone, 9 december: its own part is the proposal,
# the dialogue (slides 5–7), the kvittens (8) and the meetings ahead (9)
def _add_picture(prs):
    _slide(prs, "Kommande möten").shapes.add_picture(_picture(), Inches(10), Inches(6))


def _light_text(prs):
    box = next(sh for sh in _slide(prs, "Innehåll").shapes if sh.name == "Punkter")
    for paragraph in box.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.color.rgb = PptxRGB(0xCC, 0xCC, 0xCC)


def _status_table_removed(prs):
    table = next(sh for sh in _slide(prs, "{{ rubriker.lage }}").shapes if sh.has_table)
    table._element.getparent().remove(table._element)


PPTX_BREAKS = {
    "title": ("avstamning.pptx", lambda p: setattr(
        _slide(p, "Kommande möten").shapes.title, "text", ""),
        "Fel: avstamning-SN.pptx › bild 9!rubrik: Bilden saknar rubrik."),
    "unique title": ("avstamning.pptx", lambda p: setattr(
        _slide(p, "Kommande möten").shapes.title, "text", "Kvittens"),
        'bild 9!rubriken "Kvittens": Samma rubrik som bild 8.'),
    "alt text": ("avstamning.pptx", _add_picture, "bild 9!Picture "),
    "contrast": ("avstamning.pptx", _light_text, "Textfärgen #CCCCCC mot #FFFFFF har för låg "
                 "kontrast"),
    "chart equivalent": ("kommunovergripande.pptx", _status_table_removed,
                         "Diagrammet har ingen tabell bredvid sig med samma siffror."),
}


@pytest.mark.parametrize("rule", PPTX_BREAKS)
def test_a_broken_deck_template_is_caught(tmp_path, rule):
    name, change, expected = PPTX_BREAKS[rule]
    found = render_deck(tmp_path, name, change)
    assert any(expected in m for m in found), found


def test_kontrollera_tells_who_restyled_a_template_what_they_broke(tmp_path, inputs,
                                                                    monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "templates").mkdir()
    document = docx.Document(TEMPLATES / "beslutsunderlag.docx")
    document.styles["Heading 2"].font.color.rgb = RGBColor(0xAA, 0xAA, 0xAA)
    document.save(tmp_path / "templates" / "beslutsunderlag.docx")
    shutil.copy(TEMPLATES / "avstamning.pptx", tmp_path / "templates")
    result = CliRunner().invoke(main, ["kontrollera"])
    assert result.exit_code == 0  # a warning: the build still works
    assert result.output.splitlines()[0] == (
        "Varning: beslutsunderlag.docx: Tillgänglighet (formatmallar, formatmallen \"heading 2\"): "
        "Textfärgen #AAAAAA har för låg kontrast mot vit bakgrund (2.3:1). Välj en mörkare färg.")
