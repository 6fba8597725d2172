"""Property test: hostile workbooks never crash the tool, and every output still opens.

Short by default; the long run is `HYPOTHESIS_PROFILE=lang make test` (see README).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re

import docx
from hypothesis import event, given
from hypothesis import strategies as st
from openpyxl import load_workbook
from pptx import Presentation

from pipeline.domain.checks import check_namnd
from pipeline.examples import KOMMUN
from pipeline.read import schema
from pipeline.read.workbook import read_workbook
from pipeline.render.decks import DeckRenderer
from pipeline.render.docx import DocxRenderer
from pipeline.render.pptx.package import check_deck
from pipeline.resources import default_templates
from tests.conftest import EXAMPLES

HOSTILE = ["{{ 7*7 }}", "{% for x in y %}", "<w:p>", "</a:t>", "&amp; &", "]]>", "\U0001F600",
           "שלום עולם", "مرحبا", "\u202e", "Ordförande", "2021-10-07", "#REF!", "#N/A", "=1+1",
           "13.00", "", " ", "\n\n", "SN", "XYZ", "Intern", "Förslag till beslut"]
SHEETS = [s.name for s in schema.NAMND.sheets]
CELL = re.compile(r"^([A-Z]{1,3}[0-9]+|[0-9]+:[0-9]+)?$")
_no_controls = st.characters(blacklist_categories=("Cs", "Cc"))
VALUES = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(_no_controls, max_size=60),
    st.integers(-10**6, 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.dates(dt.date(1900, 3, 1), dt.date(2100, 1, 1)),
    st.none(),
)
CELL_EDIT = st.tuples(st.just("cell"), st.sampled_from(SHEETS), st.integers(1, 15),
                      st.integers(1, 8), VALUES)
# Mostly cell edits, as people make them; now and then a structural accident.
EDIT = st.one_of(
    CELL_EDIT, CELL_EDIT, CELL_EDIT, CELL_EDIT,
    st.tuples(st.just("delete"), st.sampled_from(SHEETS)),
    st.tuples(st.just("merge"), st.sampled_from(SHEETS), st.integers(1, 10), st.integers(1, 6)),
    st.tuples(st.just("header"), st.sampled_from(SHEETS), st.integers(1, 8),
              st.sampled_from(["", "Namn", "Behov", "Behov ", "BEHOV", "Datum", "Typ"])),
)
RENDER = {}


def renderers():
    if not RENDER:
        RENDER["docx"] = DocxRenderer(default_templates() / "beslutsunderlag.docx", KOMMUN)
        RENDER["decks"] = DeckRenderer(None, KOMMUN)
    return RENDER["docx"], RENDER["decks"]


def apply(wb, edit) -> None:
    kind, sheet = edit[0], edit[1]
    if sheet not in wb.sheetnames:
        return
    ws = wb[sheet]
    if kind == "delete":
        del wb[sheet]
    elif kind == "cell":
        ws.cell(edit[2], edit[3]).value = edit[4]
    elif kind == "merge":
        ws.merge_cells(start_row=edit[2], start_column=edit[3], end_row=edit[2] + 1,
                       end_column=edit[3] + 1)
    elif kind == "header":
        ws.cell(1, edit[2]).value = edit[3]


@given(st.lists(EDIT, max_size=8))
def test_hostile_workbooks_never_crash_and_outputs_open(tmp_path_factory, edits):
    wb = load_workbook(EXAMPLES / "SN.xlsx")
    for edit in edits:
        # openpyxl refuses overlapping merges and typing into a merged cell, as Excel does
        with contextlib.suppress(ValueError, AttributeError):
            apply(wb, edit)
    path = tmp_path_factory.mktemp("hostile") / "SN.xlsx"
    wb.save(path)
    result = read_workbook(path)
    check_namnd(result, KOMMUN)
    for d in result.diagnostics:
        assert d.file == "SN.xlsx" and d.message
        assert d.sheet in ("", *SHEETS), d
        assert CELL.match(d.cell), d
    event("byggs" if result.ok else "fel i arbetsboken")
    if result.ok:
        docx_renderer, decks = renderers()
        document = docx.Document(io.BytesIO(docx_renderer.render(result.value)))
        assert document.paragraphs
        deck = decks.namnd_deck(result.value)
        assert len(Presentation(io.BytesIO(deck)).slides) >= 2
        problems = [p for p in check_deck(deck) if not p.endswith("taggar finns kvar i texten")]
        assert problems == []
