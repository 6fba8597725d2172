"""Example content for Timrå kommun and its five nämnder (fictional people)."""

from __future__ import annotations

from . import bun, kommun, ks, ktn, mbn, sn

KOMMUN = kommun.KOMMUN
NAMNDER = (ks.NAMND, sn.NAMND, bun.NAMND, ktn.NAMND, mbn.NAMND)
