"""What has changed in each nämnd since a snapshot: rows added, removed and changed per sheet,
and a word diff of the verksamhetsidé's formulation."""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import model as m
from ..read import schema
from .snapshot import load_snapshot, resolve, snapshot_text

ADDED, REMOVED, CHANGED = "tillagd", "borttagen", "ändrad"
IDEA = "Verksamhetsidén"
_SHORT = 60  # characters of a value shown in a message
_CONTEXT = 4  # unchanged words kept on each side of a change in the word diff

Row = dict[str, object]


@dataclass(frozen=True)
class RowChange:
    """One row of a sheet added, removed or changed; `fields` holds (column header, before,
    after) for a changed row."""

    sheet: str
    key: str
    kind: str
    fields: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class NamndChanges:
    """Everything that changed in one nämnd since the snapshot `since`."""

    kod: str
    since: str
    rows: tuple[RowChange, ...]
    idea: tuple[tuple[str, str], ...] | None  # ("=" | "-" | "+", words); None when unchanged

    @property
    def nothing(self) -> bool:
        """Return True when nothing has changed."""
        return not self.rows and self.idea is None


def _text(row: Row, key: str) -> str:
    value = row.get(key)
    return "" if value is None else str(value)


def _mote(row: Row) -> str:
    if row.get("typ") == m.PASS and row.get("pass_nr"):
        return m.pass_namn(int(row["pass_nr"]))
    return f"{_text(row, 'typ')} {_text(row, 'datum')}".strip()


# Each table's natural key, as shown in messages; rows whose key is shared are matched by content.
KEYS: dict[str, Callable[[Row], str]] = {
    "medlemmar": lambda r: _text(r, "namn"),
    "ansvar": lambda r: _text(r, "omrade"),
    "styrdokument": lambda r: _text(r, "namn"),
    "intentioner": lambda r: _text(r, "intention"),
    "kunder": lambda r: _text(r, "kund"),
    "utmaningar": lambda r: _text(r, "beskrivning"),
    "beroenden": lambda r: _text(r, "namnd") or _text(r, "intressent"),
    "synergier": lambda r: _text(r, "process"),
    "verksamhetsideer": lambda r: f"Version {_text(r, 'version')}",
    "reflektioner": lambda r: _text(r, "text"),
    "beslutspunkter": lambda r: f"Punkt {_text(r, 'nr')}",
    "moten": _mote,
}


def _content(row: Row) -> str:
    return json.dumps(row, ensure_ascii=False, sort_keys=True)


def _label(row: Row, columns) -> str:
    """Return a row's full content as a key, for rows without a usable natural key."""
    return " · ".join(_text(row, c.key) for c in columns if _text(row, c.key))


def _field_changes(before: Row, after: Row, columns, skip: tuple[str, ...] = ()):
    return tuple((c.header, _text(before, c.key), _text(after, c.key)) for c in columns
                 if c.key not in skip and before.get(c.key) != after.get(c.key))


def _table(sheet, before: list[Row], after: list[Row], skip: tuple[str, ...]) -> list[RowChange]:
    key_of = KEYS.get(sheet.attr) or (lambda r: _label(r, sheet.columns))
    cols = sheet.columns
    groups: dict[str, tuple[list[Row], list[Row]]] = {}
    for side, rows in ((0, before), (1, after)):
        for row in rows:
            key = key_of(row) or _label(row, cols)
            groups.setdefault(key, ([], []))[side].append(row)
    found = []
    for key, (old, new) in groups.items():
        if len(old) == 1 and len(new) == 1:
            fields = _field_changes(old[0], new[0], cols, skip)
            if fields:
                found.append((key, RowChange(sheet.name, key, CHANGED, fields)))
            continue
        # no row, or several with this key: match them by their whole content
        new_left = [_content(r) for r in new]
        for row in old:
            if _content(row) in new_left:
                new_left.remove(_content(row))
            else:
                found.append((key, RowChange(sheet.name, key, REMOVED)))
        found += [(key, RowChange(sheet.name, key, ADDED)) for _ in new_left]
    order = {key: i for i, key in enumerate(dict.fromkeys(key_of(r) or _label(r, cols)
                                                           for r in after + before))}
    return [change for _, change in sorted(found, key=lambda pair: order.get(pair[0], 0))]


def _latest(rows: list[Row]) -> tuple[str, str]:
    """Return (version key, formulation) of the formulation to use, by the model's own rule."""
    versions = []
    for r in rows:
        try:
            datum = dt.date.fromisoformat(_text(r, "datum"))
        except ValueError:
            datum = dt.date.min
        versions.append(m.Verksamhetside(int(r.get("version") or 0), datum, _text(r, "status"),
                                         _text(r, "formulering")))
    latest = m.Namnd("", "", "", dt.date.min, verksamhetsideer=tuple(versions)).verksamhetside
    return (f"Version {latest.version}", latest.formulering) if latest else ("", "")


def word_diff(before: str, after: str) -> tuple[tuple[str, str], ...]:
    """Return the word diff of two texts: ("=", same words), ("-", removed), ("+", added)."""
    a, b = before.split(), after.split()
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", " ".join(b[j1:j2])))
    return tuple(out)


def compare(kod: str, since: str, before: dict[str, object], after: dict[str, object]) -> NamndChanges:
    """Return what changed between two snapshots' data of one nämnd."""
    rows: list[RowChange] = []
    old_key, old_idea = _latest(list(before.get("verksamhetsideer") or []))
    new_key, new_idea = _latest(list(after.get("verksamhetsideer") or []))
    idea = word_diff(old_idea, new_idea) if old_idea.split() != new_idea.split() else None
    for sheet in schema.NAMND.sheets:
        if sheet.is_form:
            fields = _field_changes(before, after, sheet.columns)
            if fields:
                rows.append(RowChange(sheet.name, "", CHANGED, fields))
            continue
        # the formulation in use is shown as a word diff, not again as a changed row
        skip = ("formulering",) if sheet.attr == "verksamhetsideer" and old_key == new_key else ()
        rows += _table(sheet, list(before.get(sheet.attr) or []), list(after.get(sheet.attr) or []),
                       skip if idea is not None else ())
    return NamndChanges(kod, since, tuple(rows), idea)


def changes(inputs_dir: Path, namnder: list[m.Namnd], since: str | None = None) -> dict[str, NamndChanges]:
    """Return, per nämnd (by code, in the order given) that is in the snapshot, what changed since
    the latest snapshot or the one named `since`; empty when there is no snapshot."""
    name = resolve(inputs_dir, since)
    if name is None:
        return {}
    found = {}
    for namnd in namnder:
        before = load_snapshot(inputs_dir, name, namnd.kod)
        if before is not None:
            found[namnd.kod] = compare(namnd.kod, name, before, json.loads(snapshot_text(namnd)))
    return found


def _short(value: str) -> str:
    value = " ".join(value.split())
    if not value:
        return "(tomt)"
    return f'"{value if len(value) <= _SHORT else value[:_SHORT - 1].rstrip() + "…"}"'


def _idea_line(idea: tuple[tuple[str, str], ...]) -> str:
    parts = []
    for i, (op, words) in enumerate(idea):
        if op == "-":
            parts.append(f"[-{words}-]")
        elif op == "+":
            parts.append(f"{{+{words}+}}")
        else:
            w = words.split()
            after_previous = w[:_CONTEXT] if i > 0 else []
            before_next = w[-_CONTEXT:] if i < len(idea) - 1 else []
            if len(w) <= len(after_previous) + len(before_next) + 1:
                parts.append(words)
            else:
                parts.append(" ".join([*after_previous, "…", *before_next]))
    return f"{IDEA}: " + " ".join(parts)


def describe(c: NamndChanges) -> list[str]:
    """Return what changed as Swedish lines, one per row and one for the verksamhetsidé."""
    if c.nothing:
        return [f"Inget har ändrats sedan {c.since}."]
    lines = []
    for row in c.rows:
        name = f'{row.sheet}: "{row.key}"' if row.key else row.sheet
        if row.kind != CHANGED:
            lines.append(f"{name} {row.kind}")
            continue
        fields = "; ".join(f"{header} {_short(old)} blev {_short(new)}"
                           for header, old, new in row.fields)
        lines.append(f"{name} ändrad: {fields}")
    if c.idea is not None:
        lines.append(_idea_line(c.idea))
    return lines
