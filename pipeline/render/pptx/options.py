"""What an application decides for the engine: the words staff write in shape names, the
continuation titles, the fitting limits and the note on a cut text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Binding:
    """Shapes named `prefix:NAME` are filled from `context[key][NAME]`."""

    prefix: str
    key: str


@dataclass(frozen=True)
class Options:
    """The engine's settings; the defaults are neutral English."""

    chart: Binding = Binding("chart", "charts")  # a native chart, from a ChartSpec
    matrix: Binding = Binding("matrix", "matrices")  # a table, from a Matrix
    picture: Binding = Binding("picture", "pictures")  # a picture, from bytes or a path
    continued: str = " (cont.)"  # appended to the title of a continuation slide
    continued_again: str = " (cont. {n})"  # … of the n-th one from n = 2, so titles differ
    min_font_pt: float = 12  # text shrinks to fit its box, never below this
    # A table that would go on over another slide first tries its text this many points
    # smaller (1 pt at a time, never below min_font_pt); the largest size that gives it
    # fewer slides is kept, on every cell of the table. 0: tables never shrink.
    table_shrink_pt: float = 2
    max_text_slides: int = 4  # a text runs over at most this many copies of its slide
    max_slides: int = 60  # output slides from one template slide; more is an error
    cut_note: str = "[…] The text is shortened here."  # ends a text cut after max_text_slides
    # A table's rows take at most this many slides (the slide and its continuations, per
    # item of a slide loop); 0: no limit. Beyond it the last slide ends with a summary row:
    max_table_slides: int = 0
    summary: str = "… and {count} more {noun}"  # the summary row, for the count left out
    # … and on a slide whose notes give its own limit (`{%slides N %}`): the rest is further on
    limited_summary: str = "… and {count} more {noun} further on"
    summarised_name: str = "summarised"  # the set of tables summarised so far, for conditions
    # what the rows are, singular and plural, unless the slide's notes say it with
    # `{%summary item/items %}`
    summary_noun: tuple[str, str] = ("row", "rows")

    def bindings(self) -> dict[str, tuple[str, Binding]]:
        """Return the bindings by prefix: (role, binding), role one of chart, matrix, picture."""
        return {b.prefix: (role, b) for role, b in (
            ("chart", self.chart), ("matrix", self.matrix), ("picture", self.picture))}

    def summary_text(self, count: int, noun: tuple[str, str] | None = None,
                     limited: bool = False) -> str:
        """Return the summary row for `count` items left out (0: the last row's text is cut,
        and the row says so with the cut note); `limited`: by the slide's own limit."""
        if count == 0:
            return self.cut_note
        one, many = noun or self.summary_noun
        text = self.limited_summary if limited else self.summary
        return text.format(count=count, noun=one if count == 1 else many)

    def continued_title(self, part: int) -> str:
        """Return the suffix of the title of a slide's `part`-th continuation."""
        return self.continued if part == 1 else self.continued_again.format(n=part)
