"""The timetable as documents show it: the rows of a nämnd's tidplan and the week grid."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import model as m
from .. import svenska
from ..domain import tidplan


@dataclass(frozen=True, slots=True)
class TidplanRad:
    """One row of the process timetable in a beslutsunderlag."""

    datum: dt.date
    tid: str
    aktivitet: str
    plats: str


def tidplan_rader(kommun: m.Kommun, namnd: m.Namnd) -> list[TidplanRad]:
    """Return the joint milestones and the nämnd's own meetings in date order."""
    rows = [
        TidplanRad(s.datum, svenska.tidsspann(s.start, s.slut), s.benamning, s.plats)
        for s in kommun.milstolpar
    ]
    for mote in namnd.moten:
        what = mote.namn
        if svenska.folded(mote.beskrivning).startswith(svenska.folded(what)):
            what = mote.beskrivning  # "Pass 1 och 2: …" already names the pass
        elif mote.beskrivning:
            what = f"{what}: {mote.beskrivning}"
        rows.append(TidplanRad(mote.datum, svenska.tidsspann(mote.start, mote.slut), what,
                               mote.plats))
    return sorted(rows, key=lambda r: (r.datum, r.tid))


def grid_matrix(grid: tidplan.Veckoschema):
    """Return the week grid as a matrix: months spanning their weeks, a row per nämnd."""
    from .pptx import Matrix

    return Matrix(["Vecka", *(v.rubrik for v in grid.veckor)],
                  [[r.namn, *r.celler] for r in grid.rader], grid.manader)
