"""What is due by when: the phase model of the planning document, and a nämnd as it stood on a
date.

Each sheet of a nämnd's workbook belongs to a stage of the work (`Sheet.stage`, one of
`schema.FASER`). The planning document says when each stage is done: what comes before pass 1
by the joint uppstart; pass 1–2 (vad, för vem och varför, utmaningar och möjligheter,
beroenden) by the first avstämning; samband och synergier, which that avstämning starts, and
pass 3–4 (the verksamhetsidé) by the last one; pass 5 (reflektioner, förslag till beslut, the
förvaltning's bedömning) by the nämnd's decision. The dates come from the kommun workbook's
milestones and the nämnd's planned decision; its sheet Faser can set other ones.

A sheet whose stage is not yet due is not missing: it is what comes next. Dated rows (the
verksamhetsidé's versions, the reflections) are shown as of a meeting, never from after it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from .. import model as m
from .. import svenska
from ..read import schema as S
from ..read.columns import Sheet

UPPSTART, AVSTAMNING, BESLUT = "Uppstart", "Avstämning", "Beslut"  # milestone types
# what a stage's sheet is when it comes: "formuleras under pass 3–4"
_FORMULERAS = {"verksamhetsideer"}


def plan(kommun: m.Kommun, namnd: m.Namnd | None = None) -> dict[str, dt.date | None]:
    """Return the date by which each stage is due (None: no date is known for it)."""
    milestones = sorted(kommun.milstolpar, key=lambda ms: ms.datum)
    uppstart = next((ms for ms in milestones if ms.typ == UPPSTART),
                    milestones[0] if milestones else None)
    avstamningar = [ms for ms in milestones if ms.typ == AVSTAMNING]
    first = avstamningar[0].datum if avstamningar else None
    last = avstamningar[-1].datum if avstamningar else None
    decision = namnd.beslutsdatum if namnd is not None else None
    if decision is None:
        decision = next((ms.datum for ms in milestones if ms.typ == BESLUT
                         and (last is None or ms.datum > last)), None)
    dates = {S.FORE_PASS_1: uppstart.datum if uppstart else None, S.PASS_1_2: first,
             S.VID_AVSTAMNINGEN: last if len(avstamningar) > 1 else None, S.PASS_3_4: last,
             S.PASS_5: decision}
    dates.update({fas.fas: fas.datum for fas in kommun.faser if fas.fas in dates})
    return dates


def staged(wb: S.WorkbookSchema = S.NAMND) -> tuple[Sheet, ...]:
    """Return the sheets that belong to a stage of the work, in the workbook's order."""
    return tuple(sheet for sheet in wb.sheets if sheet.stage in S.FASER)


def is_empty(namnd: m.Namnd, sheet: Sheet) -> bool:
    """Return True when a sheet holds nothing yet (a form: none of its own fields)."""
    if sheet.is_form:
        return not any(str(getattr(namnd, c.key, "") or "").strip() for c in sheet.columns)
    return not getattr(namnd, sheet.attr)


def due(kommun: m.Kommun, namnd: m.Namnd, by: dt.date) -> tuple[Sheet, ...]:
    """Return the sheets whose stage is due on or before a date."""
    dates = plan(kommun, namnd)
    return tuple(s for s in staged() if dates[s.stage] is not None and dates[s.stage] <= by)


def nar(sheet: Sheet, kommun: m.Kommun | None = None) -> str:
    """Return when in the work a sheet's content comes: "under pass 3–4"."""
    if sheet.stage == S.FORE_PASS_1:
        return "före uppstarten"
    if sheet.stage == S.VID_AVSTAMNINGEN:
        first = None
        if kommun is not None:
            first = next((ms for ms in sorted(kommun.milstolpar, key=lambda ms: ms.datum)
                          if ms.typ == AVSTAMNING), None)
        when = f" {svenska.datum(first.datum).rsplit(' ', 1)[0]}" if first else ""
        return f"vid avstämningen{when} och efter den"
    return f"under {sheet.stage[:1].lower()}{sheet.stage[1:]}"


def kommer(sheet: Sheet, kommun: m.Kommun | None = None) -> str:
    """Return when a sheet's content comes, in words: "formuleras under pass 3–4"."""
    verb = "formuleras" if sheet.attr in _FORMULERAS else "skrivs in"
    return f"{verb} {nar(sheet, kommun)}"


def as_of(namnd: m.Namnd, datum: dt.date | None, kommun: m.Kommun | None = None) -> m.Namnd:
    """Return a nämnd as it stood on a date: only the formulations dated by then, the
    reflections and next steps dated by then (an undated one counts from when pass 5 begins,
    after the last avstämning), and its decision only when taken by then. Without a date, the
    nämnd as it is."""
    if datum is None:
        return namnd
    pass_5_from = plan(kommun, namnd)[S.PASS_3_4] if kommun is not None else None

    def written(r: m.Reflektion) -> bool:
        if r.datum is not None:
            return r.datum <= datum
        return pass_5_from is None or datum > pass_5_from

    later = namnd.beslutad is not None and namnd.beslutad > datum
    decision = {"beslutad": None, "paragraf": "", "antagen": "", "protokoll": ""} if later else {}
    return dataclasses.replace(
        namnd, verksamhetsideer=tuple(v for v in namnd.verksamhetsideer if v.datum <= datum),
        reflektioner=tuple(r for r in namnd.reflektioner if written(r)), **decision)


def next_milestone(kommun: m.Kommun, after: dt.date) -> m.Milstolpe | None:
    """Return the first joint milestone after a date."""
    return min((ms for ms in kommun.milstolpar if ms.datum > after), key=lambda ms: ms.datum,
               default=None)
