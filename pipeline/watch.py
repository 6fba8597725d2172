"""`underlag bevaka`: rebuild when a workbook or a template changes, and never stop on a bad file."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from threading import Event

from .diagnostics import UnderlagError

STABLE_SECONDS = 1.0  # a copied file must keep its size and time this long before it is read
MAX_WAIT_SECONDS = 120.0


def _interesting(path: Path) -> bool:
    """Return True for files a build reads (not lock files, hidden files or our temporaries)."""
    return not path.name.startswith(("~$", ".")) and not path.name.endswith("#")


def wait_until_stable(paths: set[Path], seconds: float = STABLE_SECONDS,
                      max_wait: float = MAX_WAIT_SECONDS) -> None:
    """Wait until every file has kept its size and modification time for `seconds`."""
    def state() -> dict[Path, tuple[int, int] | None]:
        out = {}
        for path in paths:
            try:
                info = path.stat()
                out[path] = (info.st_size, info.st_mtime_ns)
            except OSError:
                out[path] = None  # removed, or not there yet
        return out

    deadline = time.monotonic() + max_wait
    last, since = state(), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(min(0.1, seconds / 4))
        now = state()
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= seconds:
            return


def watch(build_once: Callable[[str], None], folders: list[Path], *, stop: Event | None = None,
          stable_seconds: float = STABLE_SECONDS, echo: Callable[[str], None] = print) -> None:
    """Build now, then again after every change in the folders, until stopped (Ctrl+C)."""
    from watchfiles import watch as watch_changes

    build_once("första bygget")
    existing = [f for f in folders if f.is_dir()]
    echo(f"Bevakar {', '.join(str(f) for f in existing)}. Avsluta med Ctrl+C.")
    try:
        for changes in watch_changes(*existing, stop_event=stop, debounce=300,
                                     raise_interrupt=False):
            changed = {Path(p) for _, p in changes if _interesting(Path(p))}
            if not changed:
                continue
            wait_until_stable(changed, stable_seconds)
            names = ", ".join(sorted(p.name for p in changed))
            build_once(f"{names} ändrades")
    finally:
        echo("Slutar bevaka.")


def timestamp() -> str:
    """Return the time of day for a line of output: "14.03.27"."""
    return dt.datetime.now().strftime("%H.%M.%S")


def guarded(build: Callable[[str], None], echo: Callable[[str], None]) -> Callable[[str], None]:
    """Return a build that reports its own failures as one line instead of stopping the watch."""
    def run(reason: str) -> None:
        try:
            build(reason)
        except UnderlagError as exc:
            echo(f"{timestamp()} Fel: {exc.message}")
        except Exception as exc:  # noqa: BLE001 - the watch must survive anything a build hits
            echo(f"{timestamp()} Bygget misslyckades ({type(exc).__name__}: {exc}). Bevakningen "
                 "fortsätter; rätta filen så byggs det igen.")
    return run
