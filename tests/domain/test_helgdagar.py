"""Swedish public holidays, computed by tidplan, agree with the holidays library."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest

from pipeline.domain import tidplan


@pytest.mark.parametrize("year", range(1985, 2101))
def test_the_holidays_of_every_year_are_the_librarys(year):
    assert tidplan._holidays(year) == dict(
        holidays.Sweden(years=year, language="sv", include_sundays=False))


@pytest.mark.parametrize("day, why", [
    (dt.date(2021, 12, 25), "juldagen"),
    (dt.date(2008, 5, 1), "första maj; kristi himmelsfärdsdag"),  # Ascension on May Day
    (dt.date(2024, 6, 22), "midsommardagen"),
    (dt.date(2004, 5, 31), "annandag pingst"),
    (dt.date(2025, 11, 1), "alla helgons dag"),
    (dt.date(2025, 11, 2), "söndag"),
    (dt.date(2025, 11, 3), ""),
])
def test_helgdag(day, why):
    assert tidplan.helgdag(day) == why
