"""What `bygg` says it wrote, in one line, counted by the nouns the output registry declares:
"5 beslutsunderlag, 5 bilagor, 1 avrapportering med bilaga, 6 presentationer och 6
kalenderfiler (och 24 PDF)"."""

from __future__ import annotations

from pathlib import Path

from .. import svenska
from . import outputs as o


def documents(written: list[Path], outputs: dict[Path, str], failed: list[Path] = ()) -> str:
    """Return what was written, by output noun: Word documents, decks, calendars, each in the
    registry's order. `outputs` names each
    job's output by its target; a noun whose every output failed is counted as 0, so that
    what a broken template kept back is seen. PDFs are counted apart."""
    made: dict[str, int] = {}  # output name -> written
    for path in (*written, *failed):
        if path in outputs:
            made.setdefault(outputs[path], 0)
            made[outputs[path]] += path in written
    counts: dict[tuple[str, str], int] = {}
    parts: dict[tuple[str, str], list[str]] = {}  # what is counted with a noun: "bilaga"
    rank = {o.WORD: 0, o.DECK: 1, o.CALENDAR: 2}  # documents, then decks, then calendars
    for output in sorted(o.OUTPUTS, key=lambda d: rank.get(d.kind, 3)):
        if output.name not in made:
            continue
        whole = o.by_name(output.part_of) if output.part_of else None
        if whole is not None and made.get(whole.name):
            if made[output.name]:
                word = output.noun[0 if made[output.name] == 1 else 1].split()[0]
                parts.setdefault(whole.noun, []).append(word)
            continue
        counts[output.noun] = counts.get(output.noun, 0) + made[output.name]
    phrases = []
    for noun, count in counts.items():
        phrase = f"{count} {noun[0] if count == 1 else noun[1]}"
        if parts.get(noun):
            phrase += f" med {svenska.lista(parts[noun])}"
        phrases.append(phrase)
    text = svenska.lista(phrases) if phrases else "inga dokument"
    pdfs = sum(p.suffix == ".pdf" for p in written)
    return text + (f" (och {pdfs} PDF)" if pdfs else "")
