"""Compiled template code kept on disk between runs, as Python keeps .pyc files: compiling the
templates' Jinja is most of what a fresh `underlag bygg` spends on its first document of each
kind, and the templates rarely change between builds.

Each entry is one marshalled code object, named by a hash of everything the code depends on
(the Jinja source, the environment's signature, Jinja's and Python's versions), so an entry is
never stale, only unused. The folder is the user's own cache (`UNDERLAG_CACHE` chooses another;
an empty value turns the cache off). A missing, unreadable or corrupt entry is compiled again;
a folder that cannot be written is no error. At most `LIMIT` entries are kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import marshal
import os
import sys
from pathlib import Path

LIMIT = 4000  # entries; the oldest go first
_HEADER = importlib.util.MAGIC_NUMBER  # code from another Python is never loaded
_pruned = False


def folder() -> Path | None:
    """Return the cache folder, or None when the cache is off."""
    chosen = os.environ.get("UNDERLAG_CACHE")
    if chosen is not None:
        return Path(chosen) / "jinja" if chosen else None
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "underlag" / "Cache" / "jinja"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "underlag" / "jinja"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "underlag" / "jinja"


def _name(key: str) -> str:
    import jinja2

    text = f"{jinja2.__version__}\0{sys.version}\0{key}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest() + ".code"


def load(key: str):
    """Return the code compiled for a key, or None."""
    where = folder()
    if where is None:
        return None
    try:
        data = (where / _name(key)).read_bytes()
        if data[:len(_HEADER)] != _HEADER:
            return None
        return marshal.loads(data[len(_HEADER):])
    except (OSError, ValueError, EOFError, TypeError):
        return None


def store(key: str, code) -> None:
    """Keep the code compiled for a key (quietly not, when the folder cannot be written)."""
    global _pruned
    where = folder()
    if where is None:
        return
    with contextlib.suppress(OSError, ValueError):
        where.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = where / _name(key)
        temporary = target.with_name(f"{target.stem}.{os.getpid()}.tmp")
        temporary.write_bytes(_HEADER + marshal.dumps(code))
        os.replace(temporary, target)
        if not _pruned:  # once a process: keep the folder bounded
            _pruned = True
            _prune(where)


def _prune(where: Path) -> None:
    entries = sorted(where.glob("*.code"), key=lambda p: p.stat().st_mtime)
    for old in entries[:max(0, len(entries) - LIMIT)]:
        with contextlib.suppress(OSError):
            old.unlink()
