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
    start: dt.time | None = None  # for the order within a day


def tidplan_rader(kommun: m.Kommun, namnd: m.Namnd) -> list[TidplanRad]:
    """Return the joint milestones and the nämnd's own meetings in date order, each meeting
    once: a nämnd's meeting that is a joint milestone is the milestone's row."""
    rows = [
        TidplanRad(s.datum, svenska.klockslag(s.start, s.slut), s.benamning, s.plats, s.start)
        for s in kommun.milstolpar
    ]
    for mote in tidplan.egna_moten(kommun, namnd):
        what = mote.namn
        if svenska.folded(mote.beskrivning).startswith(svenska.folded(what)):
            what = mote.beskrivning  # "Pass 1 och 2: …" already names the pass
        elif mote.beskrivning:
            what = f"{what}: {mote.beskrivning}"
        rows.append(TidplanRad(mote.datum, svenska.klockslag(mote.start, mote.slut), what,
                               mote.plats, mote.start))
    return sorted(rows, key=lambda r: (r.datum, r.start or dt.time.min))


JOINT_ROW = "Gemensamma milstolpar"  # the week grid's row of the joint milestones, as read


def named(grid: tidplan.Veckoschema, names) -> tidplan.Veckoschema:
    """Return the week grid with its rows as an audience reads them: the joint milestones'
    row "Gemensamma milstolpar", each nämnd's by its name (`names`: code → name), where the
    planning document writes "KS – samordning", "KS – egen" and codes."""
    import dataclasses

    labels = {tidplan.row_label("", joint=True): JOINT_ROW}
    for row in grid.rader:
        kod = row.namn.split(" – ", 1)[0]
        if row.namn not in labels and names(kod) != kod:
            labels[row.namn] = names(kod)
    return dataclasses.replace(grid, rader=tuple(
        dataclasses.replace(r, namn=labels.get(r.namn, r.namn)) for r in grid.rader))


def grid_matrix(grid: tidplan.Veckoschema):
    """Return the week grid as a matrix: months spanning their weeks, a row per nämnd."""
    from .pptx import Matrix

    return Matrix(["Vecka", *(v.rubrik for v in grid.veckor)],
                  [[r.namn, *r.celler] for r in grid.rader], grid.manader)


def forklaring(grid: tidplan.Veckoschema) -> str:
    """Return the caption of a week grid in plain Swedish: what its numbers are, and what its
    collapsed and split columns mean where it has them (the context's veckoschema_forklaring)."""
    if not grid.veckor:
        return ""
    parts = ["Siffrorna är datum i månaden då mötena hålls. De står under veckans nummer och "
             "den månad dagen hör till."]
    gaps = [v.rubrik for v in grid.veckor if v.nr is None]
    if gaps:
        parts.append(f"Kolumnen {gaps[0]} samlar veckor utan möten." if len(gaps) == 1 else
                     f"Kolumner som {gaps[0]} samlar veckor utan möten.")
    numbers = [(v.ar, v.nr) for v in grid.veckor if v.nr is not None]
    split = next((v for v in grid.veckor if v.nr is not None and numbers.count((v.ar, v.nr)) > 1),
                 None)
    if split:
        months = [svenska.manadsnamn(v.manad_nr[1]) for v in grid.veckor
                  if (v.ar, v.nr) == (split.ar, split.nr) and v.manad_nr]
        parts.append(f"Vecka {split.nr} står under både {' och '.join(months)}, eftersom den har "
                     "möten i båda månaderna.")
    if any(r.celler and "■" in r.celler for r in grid.rader):
        parts.append("■ markerar passens veckor.")
    return " ".join(parts)
