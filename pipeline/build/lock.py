"""One build at a time per output folder: a lock the operating system releases if we die."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..diagnostics import UnderlagError

LOCK_NAME = ".underlag.lock"


@contextmanager
def build_lock(folder: Path) -> Iterator[None]:
    """Hold the output folder's lock while building; a second build gets a clear message."""
    folder.mkdir(parents=True, exist_ok=True)
    handle = (folder / LOCK_NAME).open("a+b")
    try:
        _lock(handle)
    except OSError:
        handle.close()
        raise UnderlagError(
            f"En annan körning av underlag bygger redan till {folder}. Vänta tills den är klar "
            "och försök sedan igen."
        ) from None
    try:
        yield
    finally:
        _unlock(handle)
        handle.close()


if os.name == "nt":  # pragma: no cover - Windows
    import msvcrt

    def _lock(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle) -> None:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle) -> None:
        fcntl.flock(handle, fcntl.LOCK_UN)
