"""Swedish conventions for dates, times, weeks and lists (domain.md)."""

from __future__ import annotations

import datetime as dt

from pipeline import svenska


def test_dates():
    assert svenska.datum(dt.date(2021, 10, 7)) == "7 oktober 2021"
    assert svenska.kort_datum(dt.date(2021, 10, 7)) == "2021-10-07"
    assert svenska.datum(None) == ""


def test_times():
    assert svenska.klockslag(dt.time(9), dt.time(12)) == "kl. 9–12"
    assert svenska.klockslag(dt.time(8, 30), dt.time(12)) == "kl. 8.30–12.00"
    assert svenska.tidsspann(dt.time(9), dt.time(12)) == "09.00–12.00"
    assert svenska.tid(dt.time(13, 5)) == "13.05"


def test_weeks_follow_iso_8601_across_the_turn_of_the_year():
    assert svenska.vecka(dt.date(2021, 6, 17)) == "v. 24"
    assert svenska.vecka(dt.date(2022, 1, 2)) == "v. 52"
    assert svenska.vecka(dt.date(2021, 1, 3)) == "v. 53"


def test_lists():
    assert svenska.lista(["SN", "BUN", "KTN"]) == "SN, BUN och KTN"
    assert svenska.lista(["SN"]) == "SN"
    assert svenska.lista([]) == ""
