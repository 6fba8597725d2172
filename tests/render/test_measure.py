"""Text measure: the one-line test is the wrap's own answer, only cheaper."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.render.pptx.measure import fits_one_line, lines_needed

TEXTS = st.text(alphabet=st.sampled_from("aåäöWmil –-.1 \n\u00a0"), max_size=40)


@given(TEXTS, st.floats(min_value=0, max_value=300), st.sampled_from([9.0, 10.0, 12.0, 18.0]),
       st.sampled_from(["Calibri", None]), st.booleans())
def test_fits_one_line_is_what_the_wrap_says(text, width, size, family, bold):
    assert fits_one_line(text, width, size, family, bold) == (
        lines_needed(text, width, size, family, bold) == 1)


def test_a_long_word_does_not_fit_a_narrow_column_and_fits_a_wide_one():
    assert not fits_one_line("funktionsnedsättning", 40, 10, "Calibri")
    assert fits_one_line("funktionsnedsättning", 200, 10, "Calibri")
