"""The example nämnders working sessions, made from their dates in the planning document's words."""

from __future__ import annotations

import datetime as dt

from pipeline.model import PASS, Mote, pass_namn

# What the planning document gives the passes, as the groups wrote it in their timetables.
VAD_FOR_VEM = "vad, för vem och varför, utmaningar och möjligheter samt beroenden"
INSIKTER = "insikter från avstämningen och formulering av verksamhetsidé"
INFOR_SLUTLIG = "formulering av verksamhetsidé inför slutlig avstämning"
REFLEKTION = "reflektion, summering och underlag för beslut"


def pass_moten(tid: tuple[dt.time, dt.time], plats: str,
               *passes: tuple[dt.date, int | tuple[int, ...], str]) -> tuple[Mote, ...]:
    """Return one meeting per (date, pass or passes, work), at the same time and place.

    The description names the passes as the planning document does: "Pass 1 och 2: vad, …";
    the meeting's number is the first of them.
    """
    meetings = []
    for datum, nr, arbete in passes:
        numbers = nr if isinstance(nr, tuple) else (nr,)
        meetings.append(Mote(PASS, datum, numbers[0], *tid, plats=plats,
                             beskrivning=f"{pass_namn(*numbers)}: {arbete}"))
    return tuple(meetings)
