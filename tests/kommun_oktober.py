"""A kommun as it stands days before the avstämning 7 oktober: the examples cut back to what
pass 1–2 produce, Socialnämnden ahead with a first draft of its verksamhetsidé, the
miljö- och byggnadsnämnd just begun. `python -m tests.kommun_oktober MAPP` writes its inputs
for a look by hand (then `underlag bygg --inputs MAPP --mote 2021-10-07`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from pathlib import Path

from pipeline import model as m
from pipeline.blank import write_examples
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.read import schema
from pipeline.read.blank_workbook import write_workbook

MOTE = dt.date(2021, 10, 7)
AHEAD, BEGUN = "SN", "MBN"


def oktober(namnd: m.Namnd) -> m.Namnd:
    """Return a nämnd as pass 1–2 leave it: no synergier, formulations, reflections, decision
    points, bedömning or decision yet (a nämnd ahead: a first draft; one just begun: its scope only)."""
    cut = dataclasses.replace(namnd, synergier=(), verksamhetsideer=(), reflektioner=(),
                              beslutspunkter=(), bedomning="", ekonomi="", barnkonsekvenser="",
                              beslutad=None, paragraf="")
    if namnd.kod == AHEAD:
        first = namnd.verksamhetsideer[0]
        cut = dataclasses.replace(cut, verksamhetsideer=(
            dataclasses.replace(first, datum=dt.date(2021, 9, 28), status="Utkast"),))
    if namnd.kod == BEGUN:
        cut = dataclasses.replace(cut, ansvar=namnd.ansvar[:2], styrdokument=(), intentioner=(),
                                  kunder=(), utmaningar=(), beroenden=())
    return cut


def write_oktober_inputs(folder: Path) -> Path:
    """Write the kommun workbook and the cut-back nämnd workbooks into a folder."""
    folder.mkdir(parents=True, exist_ok=True)
    write_workbook(schema.KOMMUN, folder / "kommun.xlsx", KOMMUN)
    write_examples(folder, [oktober(n) for n in NAMNDER], KOMMUN)
    return folder


if __name__ == "__main__":
    print(write_oktober_inputs(Path(sys.argv[1] if len(sys.argv) > 1 else "oktober")))
