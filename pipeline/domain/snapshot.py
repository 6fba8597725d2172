"""Snapshots: each nämnd's model as small, readable JSON in arkiv/ beside the inputs folder.

A snapshot is a folder `arkiv/<name>/` with one `<KOD>.json` per nämnd. It is written once and
never overwritten; it lives outside build/, so deleting build/ keeps it. Automatic snapshots are
named after a passed milestone ("2021-10-07 Gemensam avstämning"), snapshots on demand after the
day they were taken ("2021-10-12 före nämndsmötet"), so that names sort oldest first.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from pathlib import Path

from .. import model as m
from ..diagnostics import UnderlagError
from ..output import TEMP_PREFIX, atomic_write
from ..read import schema

ARKIV = "arkiv"
SNAPSHOT_FORMAT = 1  # the layout of one snapshot file
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')  # not allowed in a Windows or Unix file name


def arkiv_folder(inputs_dir: Path) -> Path:
    """Return the folder of snapshots: arkiv/ beside the inputs folder."""
    return Path(inputs_dir).parent / ARKIV


def safe_name(name: str) -> str:
    """Return a name usable as a folder on Windows and elsewhere: no slashes, colons, quotes."""
    cleaned = " ".join(_UNSAFE.sub("-", name).split()).strip(" .")
    return cleaned.lstrip(".")


def _value(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat(timespec="minutes")
    return value


def _fields(obj: object, columns) -> dict[str, object]:
    return {c.key: _value(getattr(obj, c.key)) for c in columns}


def snapshot_data(namnd: m.Namnd) -> dict[str, object]:
    """Return a nämnd as plain JSON values, in the workbook's sheet and column order."""
    data: dict[str, object] = {"ogonblicksbild": SNAPSHOT_FORMAT}
    for sheet in schema.NAMND.sheets:
        if sheet.is_form:
            data.update(_fields(namnd, sheet.columns))
        else:
            data[sheet.attr] = [_fields(row, sheet.columns) for row in getattr(namnd, sheet.attr)]
    return data


def snapshot_text(namnd: m.Namnd) -> str:
    """Return a nämnd's snapshot: deterministic, human-readable JSON (equal models, equal text)."""
    return json.dumps(snapshot_data(namnd), ensure_ascii=False, indent=2) + "\n"


def snapshot_names(inputs_dir: Path) -> list[str]:
    """Return the names of the snapshots, oldest first (names start with their date)."""
    folder = arkiv_folder(inputs_dir)
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir()
                  if p.is_dir() and not p.name.startswith((".", TEMP_PREFIX)))


def archive(inputs_dir: Path, namnder: list[m.Namnd], name: str) -> Path:
    """Write a snapshot of the nämnder as arkiv/<name>/<KOD>.json and return its folder.

    The folder is written beside its final place and renamed into it, so a crash leaves no half
    snapshot; an existing snapshot of that name is never overwritten.
    """
    folder = arkiv_folder(inputs_dir)
    safe = safe_name(name)
    if not safe:
        raise UnderlagError("Ögonblicksbilden behöver ett namn. Ange ett med --namn.")
    target = folder / safe
    if target.exists():
        raise UnderlagError(
            f"Ögonblicksbilden {target} finns redan och skrivs aldrig över. "
            "Ange ett annat namn med --namn.")
    folder.mkdir(parents=True, exist_ok=True)
    work = folder / f"{TEMP_PREFIX}{safe}.tmp"
    shutil.rmtree(work, ignore_errors=True)
    try:
        for namnd in namnder:
            atomic_write(work / f"{namnd.kod}.json", snapshot_text(namnd).encode("utf-8"))
        work.mkdir(exist_ok=True)
        if target.exists():  # taken meanwhile by another run
            raise UnderlagError(f"Ögonblicksbilden {target} finns redan och skrivs aldrig över. "
                                "Ange ett annat namn med --namn.")
        os.rename(work, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def milestone_name(milstolpe: m.Milstolpe) -> str:
    """Return the snapshot name of a milestone: "2021-10-07 Gemensam avstämning"."""
    return safe_name(f"{milstolpe.datum.isoformat()} {milstolpe.benamning}")


def auto_archive(inputs_dir: Path, kommun: m.Kommun, namnder: list[m.Namnd],
                 today: dt.date) -> list[Path]:
    """Archive once for each milestone that has passed (its date before today) and has no
    snapshot yet; return the folders written (none when there are no nämnder to archive)."""
    if not namnder:
        return []
    have = set(snapshot_names(inputs_dir))
    written = []
    for milstolpe in sorted(kommun.milstolpar, key=lambda s: (s.datum, s.benamning)):
        name = milestone_name(milstolpe)
        if milstolpe.datum < today and name not in have:
            written.append(archive(inputs_dir, namnder, name))
            have.add(name)
    return written


def on_demand_name(today: dt.date, namn: str | None = None) -> str:
    """Return the name of a snapshot taken on demand: "<today ISO> <namn>"."""
    return safe_name(f"{today.isoformat()} {namn or ''}")


def resolve(inputs_dir: Path, since: str | None = None) -> str | None:
    """Return the snapshot to compare with: the latest, or the one named `since` (a unique
    beginning of a name is enough, such as its date); None when there is none."""
    names = snapshot_names(inputs_dir)
    if since is None:
        return names[-1] if names else None
    if since in names:
        return since
    matches = [n for n in names if n.startswith(since)]
    if len(matches) == 1:
        return matches[0]
    folder = arkiv_folder(inputs_dir)
    if matches:
        raise UnderlagError(f'"{since}" passar flera ögonblicksbilder i {folder}: '
                            f'{", ".join(matches)}. Skriv mer av namnet.')
    listed = ", ".join(names) or "inga"
    raise UnderlagError(f'Ögonblicksbilden "{since}" finns inte i {folder}. De som finns: {listed}.')


def load_snapshot(inputs_dir: Path, name: str, kod: str) -> dict[str, object] | None:
    """Return a nämnd's data in a snapshot, or None when the snapshot lacks the nämnd."""
    path = arkiv_folder(inputs_dir) / name / f"{kod}.json"
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UnderlagError(f"Ögonblicksbilden {path} går inte att läsa ({exc}). "
                            "Ta bort den eller hämta en hel kopia.") from exc
