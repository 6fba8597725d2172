"""Swedish conventions for dates, times, weeks and lists (domain.md)."""

from __future__ import annotations

import datetime as dt

from pipeline import svenska


def test_dates():
    assert svenska.datum(dt.date(2021, 10, 7)) == "7 oktober 2021"
    assert svenska.kort_datum(dt.date(2021, 10, 7)) == "2021-10-07"
    assert svenska.datum(None) == ""


def test_times():
    # one form everywhere, on the hour too, never a leading zero (domain.md)
    assert svenska.klockslag(dt.time(9), dt.time(12)) == "kl. 9.00–12.00"
    assert svenska.klockslag(dt.time(8, 30), dt.time(12)) == "kl. 8.30–12.00"
    assert svenska.klockslag(dt.time(9)) == "kl. 9.00"
    assert svenska.klockslag(dt.time(0, 5), dt.time(23, 59)) == "kl. 0.05–23.59"
    assert svenska.klockslag(None, dt.time(12)) == ""
    assert svenska.tid(dt.time(13, 5)) == "13.05"
    assert svenska.tid(dt.time(8, 30)) == "8.30"
    assert svenska.tid(None) == ""


def test_month_names_full_and_abbreviated():
    assert svenska.manadsnamn(8) == "augusti"
    assert [svenska.manadsnamn(n, kort=True) for n in (1, 3, 6, 8, 9, 12)] == [
        "jan.", "mars", "juni", "aug.", "sep.", "dec."]


def test_weeks_follow_iso_8601_across_the_turn_of_the_year():
    assert svenska.vecka(dt.date(2021, 6, 17)) == "v. 24"
    assert svenska.vecka(dt.date(2022, 1, 2)) == "v. 52"
    assert svenska.vecka(dt.date(2021, 1, 3)) == "v. 53"


def test_lists():
    assert svenska.lista(["SN", "BUN", "KTN"]) == "SN, BUN och KTN"
    assert svenska.lista(["SN"]) == "SN"
    assert svenska.lista([]) == ""
