"""Templates as office software leaves them: saved by LibreOffice, or restyled as staff do in
PowerPoint (tests/template_variants.py). Each build ends in bounded time with the same content
as the shipped templates give, or with the expected message; every document is schema-valid."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import docx
import pytest
from pptx import Presentation

from pipeline.produce import produce
from pipeline.render.pptx.package import check_deck
from tests.conftest import EXAMPLES, ROOT
from tests.office import audit_errors, convert, needs_libreoffice
from tests.template_variants import VARIANTS

CONTINUED = re.compile(r" \(forts\.(?: \d+)?\)$")


def deck_content(path: Path) -> tuple[set[str], set[str]]:
    """Return a deck's slide titles (continuations folded) and every other text in it."""
    titles, texts = set(), set()
    for slide in Presentation(path).slides:
        title = slide.shapes.title
        if title is not None:
            titles.add(CONTINUED.sub("", title.text_frame.text))
        for shape in slide.shapes:
            if shape.has_text_frame and (title is None or shape._element is not title._element):
                texts.update(" ".join(p.text.split()) for p in shape.text_frame.paragraphs)
            if getattr(shape, "has_table", False):
                texts.update(" ".join(c.text.split()) for r in shape.table.rows for c in r.cells)
    return titles, texts - {""}


def document_content(path: Path) -> list[str]:
    document = docx.Document(path)
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return [p.text for p in document.paragraphs if p.text.strip()] + cells


@pytest.fixture(scope="module")
def original(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("original")
    assert produce(EXAMPLES, out, None).exit_code == 0
    return out


def build_with(tmp_path: Path, templates: dict[str, bytes]):
    """Build the examples with some templates of a working folder's own, beside the examples'
    logo (a working folder without one has no logo, unlike the shipped templates' build)."""
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    shutil.copy(ROOT / "templates" / "logotyp.png", folder)
    for name, data in templates.items():
        (folder / name).write_bytes(data)
    started = time.monotonic()
    report = produce(EXAMPLES, tmp_path / "build", folder)
    assert time.monotonic() - started < 120
    for written in report.written:
        if written.suffix == ".pptx":
            assert check_deck(written.read_bytes()) == [], written.name
        if written.suffix in (".pptx", ".docx"):
            assert audit_errors(written) == [], written.name
    return report


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_a_restyled_deck_template_gives_its_expected_outcome(tmp_path, original, name):
    variant = VARIANTS[name]
    report = build_with(tmp_path, {variant.template: variant.make()})
    errors = [str(d) for d in report.rendering if d.is_error]
    if variant.error:
        assert len(errors) == 1 and variant.error in errors[0], errors
        assert report.written  # the outputs of the other templates are built
        return
    assert errors == []
    decks = sorted(p for p in report.written if p.name.startswith(Path(variant.template).stem))
    assert decks
    for deck in decks:
        got = deck_content(deck)
        if variant.same:
            assert got == deck_content(original / deck.relative_to(tmp_path / "build"))
        else:
            prs = Presentation(deck)
            on_masters = {sh.text_frame.text for master in prs.slide_masters
                          for sh in master.shapes if sh.has_text_frame}
            assert any(variant.shows in text for text in got[1] | on_masters), deck.name


@needs_libreoffice
def test_templates_saved_by_libreoffice_give_the_same_documents(tmp_path, original):
    saved = {}
    for name in ("avstamning.pptx", "kommunovergripande.pptx", "arbetsmaterial.pptx",
                 "beslutsunderlag.docx", "bilaga.docx", "avrapportering.docx",
                 "bilaga-avrapportering.docx"):
        source = tmp_path / "mallar" / name
        source.parent.mkdir(exist_ok=True)
        shutil.copy(ROOT / "templates" / name, source)
        converted = convert(source, Path(name).suffix[1:], tmp_path / "sparade")
        saved[name] = converted.read_bytes()
    report = build_with(tmp_path, saved)
    assert report.exit_code == 0, [str(d) for d in report.diagnostics]
    assert len(report.written) == 41  # 5 × (memo, bilaga, deck, 3 arbetsmaterial, calendar), 6 combined
    for written in report.written:
        before = original / written.relative_to(tmp_path / "build")
        if written.suffix == ".pptx":
            assert deck_content(written) == deck_content(before), written.name
        elif written.suffix == ".docx":
            assert document_content(written) == document_content(before), written.name
