"""Workbooks as real users leave them: each variant read and checked, with its exact messages."""

from __future__ import annotations

import pytest

from pipeline.domain.inputs import load
from pipeline.read.workbook import read_workbook
from tests.conftest import EXAMPLES
from tests.office import needs_libreoffice
from tests.workbook_variants import FILE, VARIANTS, make

OTHERS = ["BUN", "KS", "KTN", "MBN"]


def _params():
    for name, variant in VARIANTS.items():
        marks = [needs_libreoffice] if variant.needs_libreoffice else []
        yield pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("name", list(_params()))
def test_each_workbook_variant_gets_exactly_its_messages(inputs, name):
    variant = VARIANTS[name]
    before = (EXAMPLES / FILE).read_bytes()
    make(name, inputs)
    assert (EXAMPLES / FILE).read_bytes() == before  # the inputs are never changed in place
    found = load(inputs)
    assert [str(d) for d in found.diagnostics] == list(variant.messages)
    built = [n.kod for n in found.namnder]
    assert sorted(built) == sorted(OTHERS + ["SN"] if variant.built else OTHERS)
    if variant.content is not None:
        original = read_workbook(EXAMPLES / FILE).value
        sn = next(n for n in found.namnder if n.kod == "SN")
        assert sn == variant.content(original)


def test_every_variant_has_an_outcome_and_every_error_variant_is_refused():
    for name, variant in VARIANTS.items():
        has_error = any(not msg.startswith("Varning: ") for msg in variant.messages)
        assert has_error is not variant.built, name
        assert variant.built is (variant.content is not None), name
