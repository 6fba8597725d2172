"""The kommun's logo (issue 19, point 8): logotyp.png or logotyp.svg in templates/ goes on the
decks' title slides and in the Word templates' header, in its own proportions; without one the
kommun's name stands in text (the tool's own logo is the example's, for the tool's templates
only: issue 20); a file that is no logo is said in Swedish and changes nothing else."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from PIL import Image
from pptx import Presentation

from pipeline import resources
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.produce import manifest
from pipeline.render import docx_logo, logo
from pipeline.render.decks import DeckRenderer
from pipeline.render.docx import DocxRenderer
from pipeline.render.meeting import mote
from tests.conftest import ROOT
from tests.office import audit_errors

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100">'
       '<rect width="300" height="100" fill="#1F4E79"/><circle cx="50" cy="50" r="30" '
       'fill="#FFFFFF"/></svg>')
MEMO = ROOT / "templates" / "beslutsunderlag.docx"


def _header_picture(data: bytes) -> tuple[bytes, float] | None:
    """Return the first-page header's picture (its bytes and width over height), if any."""
    document = docx.Document(io.BytesIO(data))
    header = document.sections[0].first_page_header
    blips = header._element.xpath(".//a:blip/@r:embed")
    if not blips:
        return None
    extent = header._element.xpath(".//wp:extent")[0]
    blob = header.part.related_parts[blips[0]].blob
    return blob, int(extent.get("cx")) / int(extent.get("cy"))


def test_an_svg_logo_is_drawn_and_placed_in_its_proportions(tmp_path):
    (tmp_path / "logotyp.svg").write_text(SVG, encoding="utf-8")
    found, problems = logo.load(tmp_path)
    assert problems == [] and (found.width, found.height) == (logo.SVG_WIDTH_PX, 400)
    with Image.open(io.BytesIO(found.png)) as img:
        assert img.format == "PNG" and img.getpixel((600, 50))[:3] == (0x1F, 0x4E, 0x79)
    deck = DeckRenderer(tmp_path, KOMMUN, mote(KOMMUN)).namnd_deck(NAMNDER[1])
    [picture] = [s for s in Presentation(io.BytesIO(deck)).slides[0].shapes if s.shape_type == 13]
    assert picture.image.blob == found.png
    memo = DocxRenderer(MEMO, KOMMUN, logo=found).render(NAMNDER[1])
    blob, ratio = _header_picture(memo)
    assert blob == found.png and abs(ratio - 3) < 0.01
    assert audit_errors(memo) == []


def test_the_logo_goes_first_in_the_header_and_without_one_the_header_is_text(tmp_path):
    shipped, _ = logo.load(None)  # the examples' wordmark
    memo = DocxRenderer(MEMO, KOMMUN, logo=shipped).render(NAMNDER[1])
    blob, ratio = _header_picture(memo)
    assert blob == (ROOT / "templates" / "logotyp.png").read_bytes()
    assert abs(ratio - shipped.ratio) < 0.01
    header = docx.Document(io.BytesIO(memo)).sections[0].first_page_header
    assert header.paragraphs[0]._p.xpath(".//wp:docPr/@descr") == ["Kommunens logotyp"]
    plain = DocxRenderer(MEMO, KOMMUN, logo=None).render(NAMNDER[1])
    assert _header_picture(plain) is None
    header = docx.Document(io.BytesIO(plain)).sections[0].first_page_header
    assert header.paragraphs[0].text.startswith("Timrå kommun\t")  # no empty line above
    assert audit_errors(plain) == []


def test_the_shipped_logo_is_the_examples_and_a_working_folder_without_one_has_none(tmp_path):
    """The tool's logo is the example kommun's wordmark (issue 20): a build with the tool's
    templates shows it, a working folder's templates without a logo show the kommun's name."""
    shipped = resources.default_templates() / "logotyp.png"
    assert logo.find(None) == shipped
    assert logo.find(resources.default_templates()) == shipped
    assert logo.find(ROOT / "pipeline" / ".." / "templates") is not None  # the same folder
    assert logo.find(tmp_path) is None and logo.load(tmp_path) == (None, [])
    assert logo.find(tmp_path / "saknas") is None  # no templates folder: no logo either
    deck = DeckRenderer(tmp_path, KOMMUN, mote(KOMMUN)).namnd_deck(NAMNDER[1])
    assert [s for s in Presentation(io.BytesIO(deck)).slides[0].shapes if s.shape_type == 13] == []
    found, _ = logo.load(tmp_path)
    memo = DocxRenderer(MEMO, KOMMUN, logo=found).render(NAMNDER[1])
    assert _header_picture(memo) is None
    with zipfile.ZipFile(io.BytesIO(memo)) as z:  # nor the template's picture, unseen
        assert [n for n in z.namelist() if n.startswith("word/media/")] == []
    assert audit_errors(memo) == []
    names = manifest.fingerprint(ROOT / "inputs", tmp_path, False)
    assert "mall/logotyp.png" not in names and "mall/beslutsunderlag.docx" in names
    assert "mall/logotyp.png" in manifest.fingerprint(ROOT / "inputs", None, False)
    (tmp_path / "logotyp.svg").write_text(SVG, encoding="utf-8")
    assert logo.find(tmp_path) == tmp_path / "logotyp.svg"


@pytest.mark.parametrize(("content", "reason"), [
    (b"ingen bild", "filen är ingen PNG-bild"),
    (b"<svg", "filen är ingen giltig SVG"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 5000 10"/>',
     "SVG-bildens storleken saknas eller är orimlig"),
])
def test_a_file_that_is_no_logo_is_said_and_the_name_stands_in_its_place(tmp_path, content,
                                                                         reason):
    name = "logotyp.svg" if content.startswith(b"<") else "logotyp.png"
    (tmp_path / name).write_bytes(content)
    found, problems = logo.load(tmp_path)
    assert found is None
    assert [(p.file, p.message.split(".")[0]) for p in problems] == [
        (name, f"Logotypen används inte: {reason}")]
    assert "logotyp.png eller logotyp.svg i mappen templates" in problems[0].message


def test_a_build_says_what_is_wrong_with_the_logo_once_and_builds_everything(tmp_path, inputs):
    from pipeline.produce import produce

    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "logotyp.png").write_bytes(b"ingen bild")
    report = produce(inputs, tmp_path / "build", templates)
    said = [str(d) for d in report.rendering if "Logotypen" in d.message]
    assert len(said) == 1 and said[0].startswith("Varning: logotyp.png: Logotypen används inte")
    assert report.exit_code == 0 and len(report.written) > 20


def test_a_new_logo_remakes_the_documents_that_show_it(tmp_path, inputs):
    from pipeline.produce import produce

    templates = tmp_path / "templates"
    templates.mkdir()
    produce(inputs, tmp_path / "build", templates)
    (templates / "logotyp.svg").write_text(SVG, encoding="utf-8")
    again = {p.name for p in produce(inputs, tmp_path / "build", templates).written}
    assert {"beslutsunderlag-SN.docx", "avstamning-SN.pptx", "avrapportering.docx",
            "kommunovergripande.pptx"} <= again
    assert "tidplan-SN.ics" not in again  # a calendar has no logo


def test_a_jpeg_in_the_slot_gives_way_to_a_png_part_of_its_own(tmp_path):
    """A kommun that put a JPEG in the slot in Word: the logo comes as a PNG of its own."""
    with zipfile.ZipFile(MEMO) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    rels = next(n for n in members if n.startswith("word/_rels/header")
                and b"media/image1.png" in members[n])
    members[rels] = members[rels].replace(b"media/image1.png", b"media/image1.jpeg")
    buf = io.BytesIO()
    Image.new("RGB", (200, 100), "navy").save(buf, "JPEG")
    members["word/media/image1.jpeg"] = buf.getvalue()
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b'<Default Extension="png" ContentType="image/png"/>', b"")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    template = tmp_path / "beslutsunderlag.docx"
    template.write_bytes(out.getvalue())
    shipped, _ = logo.load(None)
    memo = DocxRenderer(template, KOMMUN, logo=shipped).render(NAMNDER[1])
    blob, _ = _header_picture(memo)
    assert blob == shipped.png
    with zipfile.ZipFile(io.BytesIO(memo)) as z:
        assert docx_logo.MEDIA in z.namelist()
        assert b'Extension="png"' in z.read("[Content_Types].xml")
    assert audit_errors(memo) == []
