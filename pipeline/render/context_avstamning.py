"""What the avstämning deck template sees, on top of a nämnd's names."""

from __future__ import annotations

from .. import model as m
from ..domain import tidplan
from .context import namnd_context
from .timetable import grid_matrix


def avstamning_context(kommun: m.Kommun, namnd: m.Namnd, bilder: dict | None = None) -> dict:
    """Return the names a nämnd's avstämning deck can use."""
    timeline = tidplan.week_grid(kommun, [namnd], passes=True)
    return {
        **namnd_context(kommun, namnd),
        "versioner": sorted(namnd.verksamhetsideer, key=lambda v: (v.version, v.datum)),
        "utmaningar_forst": [*namnd.endast_utmaningar, *namnd.mojligheter],
        "bilder": bilder or {},
        "matriser": {"tidslinje": grid_matrix(timeline)},
    }
