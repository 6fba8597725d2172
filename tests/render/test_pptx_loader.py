"""The deck engine's shortcuts around python-pptx give python-pptx's own results: a template
opened again from what was read once saves to the same bytes as one python-pptx opens, and the
relationships are written byte for byte as python-pptx writes them."""

from __future__ import annotations

import io
import zipfile

import pytest
from pptx import Presentation

from pipeline.render.pptx.loader import Pristine
from pipeline.render.pptx.save import rels_xml
from tests.conftest import ROOT
from tests.template_variants import VARIANTS

DECKS = ["avstamning.pptx", "kommunovergripande.pptx"]


def _saved(prs) -> list[tuple[str, bytes]]:
    """Return what python-pptx saves of a presentation: each member's name and bytes (the
    zip's own time stamps are the clock's)."""
    out = io.BytesIO()
    prs.save(out)
    with zipfile.ZipFile(out) as z:
        return [(name, z.read(name)) for name in z.namelist()]


@pytest.mark.parametrize("name", DECKS)
def test_a_template_opened_again_is_the_template_python_pptx_opens(name):
    blob = (ROOT / "templates" / name).read_bytes()
    pristine = Pristine(blob)
    first, second = pristine.open(), pristine.open()
    assert _saved(first) == _saved(Presentation(io.BytesIO(blob)))
    first.slides[0].shapes.title.text = "Ändrad"  # each opening is a copy of its own
    assert _saved(second) == _saved(Presentation(io.BytesIO(blob)))
    assert [type(p) for p in first.part.package.iter_parts()] == [
        type(p) for p in Presentation(io.BytesIO(blob)).part.package.iter_parts()]


def test_every_restyled_template_opened_again_is_the_same():
    for name, variant in VARIANTS.items():
        blob = variant.make()
        assert _saved(Pristine(blob).open()) == _saved(Presentation(io.BytesIO(blob))), name


@pytest.mark.parametrize("name", DECKS)
def test_relationships_are_written_as_python_pptx_writes_them(name):
    prs = Presentation(ROOT / "templates" / name)
    slide = prs.slides[0]
    slide.part.relate_to("https://exempel.se/?a=1&b=<2>\"", "http://example/ext", is_external=True)
    package = prs.part.package
    rels = [package._rels, *(part.rels for part in package.iter_parts())]
    assert len(rels) > 20
    for r in rels:
        assert rels_xml(r) == r.xml
