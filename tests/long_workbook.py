"""A long, messy workbook as a busy utvecklingsgrupp writes one: many kunder and laws, long
texts, a verksamhetsidé far beyond one sentence. Used to prove the documents stay fileable
and the decks presentable with any amount of input (issues 12 and 13).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from pipeline import model as m
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.read import schema
from pipeline.read.blank_workbook import write_workbook

_SITUATIONS = (
    "Lever med en långvarig funktionsnedsättning och behöver stöd i vardagen, ofta från flera "
    "verksamheter samtidigt.",
    "Har nyligen flyttat till kommunen och känner inte till vilket stöd som finns.",
    "Befinner sig i en kris och har svårt att själv söka hjälp.",
)
_LAWS = ("Socialtjänstlagen (2001:453)", "Lag (1993:387) om stöd och service till vissa "
         "funktionshindrade", "Hälso- och sjukvårdslagen (2017:30)", "Förvaltningslagen (2017:900)")


def idea(chars: int) -> str:
    """Return a verksamhetsidé of about `chars` characters, one long run-on "sentence"."""
    part = ("Socialnämnden ger invånare i alla åldrar som behöver stöd, omsorg och skydd "
            "möjlighet att leva ett självständigt och tryggt liv, i samverkan med anhöriga, "
            "civilsamhälle och region, ")
    text = ""
    while len(text) < chars:
        text += part
    return text[:chars].rstrip(" ,") + "."


def long_namnd(kunder: int = 40, styrdokument: int = 30, utmaningar: int = 12,
               ide_chars: int = 600, base_kod: str = "SN") -> m.Namnd:
    """Return the example nämnd with long lists and a long verksamhetsidé."""
    base = next(n for n in NAMNDER if n.kod == base_kod)
    kund_rows = tuple(
        m.Kund(f"Målgrupp {i + 1} med ett långt namn" if i % 7 == 3 else f"Målgrupp {i + 1}",
               _SITUATIONS[i % len(_SITUATIONS)],
               "Behöver en väg in och samordnat stöd" + (", med tolk och anpassad information"
                                                          if i % 3 == 0 else ""),
               "Ett tryggare liv och bättre möjligheter till delaktighet" + (
                   ", sett över hela livet och oberoende av vilken förvaltning som ansvarar"
                   if i % 4 == 0 else ""))
        for i in range(kunder))
    laws = tuple(
        m.Styrdokument(f"{_LAWS[i % len(_LAWS)]} – del {i + 1}" if i >= len(_LAWS) else _LAWS[i],
                       m.STYRDOKUMENT_TYPER[i % len(m.STYRDOKUMENT_TYPER)],
                       "Reglerar rättigheter, skyldigheter och hur beslut fattas och följs upp"
                       + (" i verksamheter med barn och unga" if i % 2 else ""))
        for i in range(styrdokument))
    challenges = tuple(
        m.Utmaning(m.UTMANING_TYPER[i % 2],
                   f"{'Utmaning' if i % 2 == 0 else 'Möjlighet'} {i + 1}: kompetensförsörjning, "
                   "digitalisering och samverkan över förvaltningsgränserna kräver nya arbetssätt "
                   "och tid för gemensam planering.")
        for i in range(utmaningar))
    versions = (
        *base.verksamhetsideer[:1],
        # dated before the last avstämning, so that the decks for it show the long text
        m.Verksamhetside(len(base.verksamhetsideer) + 1, dt.date(2021, 12, 1),
                         m.FORSLAG_TILL_BESLUT, idea(ide_chars)),
    )
    return dataclasses.replace(base, kunder=kund_rows, styrdokument=laws, utmaningar=challenges,
                               verksamhetsideer=versions)


def write_long_inputs(folder: Path, **sizes) -> Path:
    """Write the kommun workbook and one long nämnd workbook into `folder`; return the latter."""
    folder.mkdir(parents=True, exist_ok=True)
    write_workbook(schema.KOMMUN, folder / "kommun.xlsx", KOMMUN)
    namnd = long_namnd(**sizes)
    path = folder / f"{namnd.kod}.xlsx"
    write_workbook(schema.NAMND, path, namnd)
    return path
