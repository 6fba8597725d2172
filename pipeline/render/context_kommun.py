"""What the kommunövergripande deck template sees."""

from __future__ import annotations

from dataclasses import dataclass

from .. import model as m
from ..domain import analyse, tidplan
from .timetable import forklaring, grid_matrix


@dataclass(frozen=True, slots=True)
class NamndSammanfattning:
    """One nämnd as the kommunövergripande deck shows it."""

    kod: str
    namn: str
    formulering: str
    kunder: tuple[str, ...]
    status: analyse.Status


@dataclass(frozen=True, slots=True)
class Steg:
    """A next step named by one nämnd."""

    kod: str
    text: str


MAIN_KUNDER = 6  # kunder shown per nämnd in the combined deck


def kommun_context(kommun: m.Kommun, namnder: list[m.Namnd], bilder: dict | None = None) -> dict:
    """Return the names the kommunövergripande deck can use."""
    from .pptx import ChartSpec, Matrix

    summaries = [
        NamndSammanfattning(
            n.kod, n.namn,
            n.verksamhetside.formulering if n.verksamhetside else "Ingen formulering ännu.",
            tuple(k.kund for k in n.kunder[:MAIN_KUNDER]), analyse.status(n))
        for n in namnder
    ]
    sections = [name for name, _ in summaries[0].status.avsnitt] if summaries else []
    status_text = "; ".join(f"{s.kod} {s.status.totalt} %" for s in summaries)
    header, rows = analyse.beroendematris(kommun, namnder)
    return {
        "kommun": kommun,
        "namnder": summaries,
        "milstolpar": sorted(kommun.milstolpar, key=lambda ms: ms.datum),
        "veckoschema_forklaring": forklaring(tidplan.week_grid(kommun, namnder)),
        "gemensamma_kunder": analyse.gemensamma_kunder(kommun, namnder),
        "synergier": analyse.gemensamma_synergier(kommun, namnder),
        "nasta_steg": [Steg(n.kod, r.text) for n in namnder for r in n.reflektioner
                       if r.typ == "Nästa steg"],
        "diagram": {"status": ChartSpec(
            sections,
            [(s.kod, [p for _, p in s.status.avsnitt]) for s in summaries],
            '0" %"',
            f"Stapeldiagram: hur stor del av varje avsnitt nämnderna har fyllt i. {status_text}.",
        )},
        "matriser": {"beroenden": Matrix(header, rows),
                     "tidplan": grid_matrix(tidplan.week_grid(kommun, namnder))},
        "bilder": bilder or {},
    }
