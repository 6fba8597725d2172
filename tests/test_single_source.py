"""Knowledge written in one place and used everywhere: the fixed creation time, the register's
order, text folding, the pass label, "eller" lists and the template tables' columns."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from pipeline import model as m
from pipeline import output
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.read import schema
from pipeline.read.write import workbook_bytes
from pipeline.render.ical import calendar_bytes


def _core(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("docProps/core.xml").decode()


# the fixed creation time ---------------------------------------------------------------------


def test_the_fixed_creation_time_is_one_value_in_two_spellings():
    assert output.FIXED_TIME == dt.datetime(2021, 6, 1, tzinfo=dt.UTC)
    assert output.FIXED_CREATED == "2021-06-01T00:00:00Z"


def test_calendars_and_workbooks_are_stamped_with_the_fixed_time():
    ics = calendar_bytes(KOMMUN, list(NAMNDER), "Tidplan").decode()
    stamps = {line for line in ics.splitlines() if line.startswith("DTSTAMP")}
    assert stamps == {"DTSTAMP:20210601T000000Z"}
    core = _core(workbook_bytes(schema.NAMND, NAMNDER[0]))
    assert ">2021-06-01T00:00:00Z</dcterms:created>" in core
    assert ">2021-06-01T00:00:00Z</dcterms:modified>" in core


def test_template_properties_are_dated_at_the_fixed_time():
    class Props:
        pass

    props = Props()
    output.template_properties(props, "Titel", "underlag")
    assert props.created == props.modified == dt.datetime(2021, 6, 1)
