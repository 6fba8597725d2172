"""One build at a time per output folder: a lock the operating system releases if we die.

`filelock` takes an flock (Unix) or a byte-range lock (Windows) on `.underlag.lock`, so a killed
build leaves no stale lock; and it closes the lock's descriptor in forked processes, so rendering
workers that outlive a killed build do not keep it either.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from ..diagnostics import UnderlagError

LOCK_NAME = ".underlag.lock"


@contextmanager
def build_lock(folder: Path) -> Iterator[None]:
    """Hold the output folder's lock while building; a second build gets a clear message."""
    folder.mkdir(parents=True, exist_ok=True)
    # never a "soft" lock file: it would outlive a killed build and lock the folder for good
    lock = FileLock(folder / LOCK_NAME, timeout=0, thread_local=False, fallback_to_soft=False)
    try:
        lock.acquire()
    except Timeout:
        raise UnderlagError(
            f"En annan körning av underlag bygger redan till {folder}. Vänta tills den är klar "
            "och försök sedan igen."
        ) from None
    except OSError as exc:
        raise UnderlagError(
            f"Mappen {folder} kan inte låsas för bygget ({exc.strerror or exc}). Kontrollera att "
            "du får skriva i mappen, eller välj en annan med --build."
        ) from None
    try:
        yield
    finally:
        lock.release()
