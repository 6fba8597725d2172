"""`underlag bevaka`: rebuild when a workbook or a template changes, and never stop on a bad file."""

from __future__ import annotations

import datetime as dt
import io
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from threading import Event

from .diagnostics import UnderlagError

STABLE_SECONDS = 1.0  # a copied file must keep its size and time this long before it is read
MAX_WAIT_SECONDS = 120.0
ENDED = "Bevakningen avslutad."

# What Office, LibreOffice and underlag itself write beside a file for a moment
LOCK_PREFIX = "~$"  # Excel's, Word's and PowerPoint's owner file: ~$SN.xlsx while SN.xlsx is open
LIBREOFFICE_LOCK = (".~lock.", "#")  # LibreOffice's: .~lock.SN.xlsx#
OWN_TEMPORARY = ".underlag-"  # a build's half-written file (output.TEMP_PREFIX)
EXCEL_SAVE = re.compile(r"[0-9A-Fa-f]{8}")  # Excel saves through a file such as 8A2B3C00
PROGRAMS = {".xlsx": "Excel", ".xlsm": "Excel", ".xls": "Excel", ".xlsb": "Excel",
            ".docx": "Word", ".pptx": "PowerPoint"}


def ignored(path: Path) -> bool:
    """Return True for a file no build reads: Office's and LibreOffice's lock and temporary
    files (~$SN.xlsx, .~lock.SN.xlsx#, ~WRL0001.tmp, 8A2B3C00), underlag's own half-written
    files (.underlag-…), other hidden files and editors' backups (…~, #…#)."""
    name = path.name
    return (name.startswith((LOCK_PREFIX, OWN_TEMPORARY, "."))
            or name.endswith(("#", "~"))
            or path.suffix.lower() == ".tmp"
            or (not path.suffix and EXCEL_SAVE.fullmatch(name) is not None))


def is_lock(path: Path) -> bool:
    """Return True for a lock file that says another file is open in Office or LibreOffice."""
    name = path.name
    return name.startswith(LOCK_PREFIX) or (
        name.startswith(LIBREOFFICE_LOCK[0]) and name.endswith(LIBREOFFICE_LOCK[1]))


def open_files(folder: Path) -> dict[str, str]:
    """Return the files of a folder that are open in a program, by the lock files beside them:
    each file's name with the program ("SN.xlsx": "Excel")."""
    try:
        names = {p.name for p in folder.iterdir()}
    except OSError:
        return {}
    found = {}
    for name in sorted(names):
        if name.startswith(LOCK_PREFIX):
            target = _owned(name.removeprefix(LOCK_PREFIX), names)
            program = PROGRAMS.get(Path(target).suffix.lower()) if target else None
        elif is_lock(Path(name)):
            target = name[len(LIBREOFFICE_LOCK[0]):-len(LIBREOFFICE_LOCK[1])]
            target, program = (target, "LibreOffice") if target in names else (None, None)
        else:
            continue
        if target and program:
            found[target] = program
    return found


def _owned(rest: str, names: set[str]) -> str | None:
    """Return the file an owner file ~$<rest> belongs to: Excel keeps the whole name, Word
    replaces the first one or two letters of a longer one (~$slutsunderlag.docx)."""
    if rest in names:
        return rest
    shortened = [n for n in names if not n.startswith(LOCK_PREFIX) and rest in (n[1:], n[2:])]
    return shortened[0] if len(shortened) == 1 else None


def tell_open(folders: list[Path], told: set[str], echo: Callable[[str], None]) -> set[str]:
    """Say once of each file that has been opened in a program since the last call, that the
    build reads it as last saved; return the files open now."""
    now = {}
    for folder in folders:
        now.update({str(folder / name): (name, program)
                    for name, program in open_files(folder).items()})
    for key in sorted(set(now) - told):
        name, program = now[key]
        echo(f"{timestamp()} {name} är öppen i {program}; underlag läser den som den senast "
             "sparades.")
    return set(now)


def file_state(path: Path) -> tuple[int, int] | None:
    """Return a file's size and modification time, or None when it is not there."""
    try:
        info = path.stat()
    except OSError:
        return None  # removed, or not there yet
    return info.st_size, info.st_mtime_ns


def wait_until_stable(paths: set[Path], seconds: float = STABLE_SECONDS,
                      max_wait: float = MAX_WAIT_SECONDS) -> None:
    """Wait until every file has kept its size and modification time for `seconds`."""
    def state() -> dict[Path, tuple[int, int] | None]:
        return {path: file_state(path) for path in paths}

    deadline = time.monotonic() + max_wait
    last, since = state(), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(min(0.1, seconds / 4))
        now = state()
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= seconds:
            return


def _relevant(change, path: str) -> bool:
    """Return True for a change the watch acts on: a file a build reads, or a lock file."""
    return not ignored(Path(path)) or is_lock(Path(path))


def watch(build_once: Callable[[str], None], folders: list[Path], *, stop: Event | None = None,
          stable_seconds: float = STABLE_SECONDS, echo: Callable[[str], None] = print) -> None:
    """Build now, then again after every change in the folders, until stopped (`stop`, Ctrl+C,
    or a termination signal such as systemctl stop's); then say so and return. The first
    folder, the workbooks', must be there (a share not yet connected: a service manager tries
    again)."""
    from watchfiles import watch as watch_changes

    if not folders[0].is_dir():
        raise UnderlagError(f"Mappen {folders[0]} finns inte, så det finns inget att bevaka. "
                            "Ange mappen med arbetsböckerna med --inputs.")
    existing = [f for f in folders if f.is_dir()]
    built: dict[Path, tuple[int, int] | None] = {}  # each file as the last build read it
    try:
        with _terminate_as_interrupt():
            told = tell_open(existing, set(), echo)
            build_once("första bygget")
            echo(f"Bevakar {', '.join(str(f) for f in existing)}. Avsluta med Ctrl+C.")
            # only the folders themselves: a build reads no subfolder (and build/ may be one)
            for changes in watch_changes(*existing, watch_filter=_relevant, stop_event=stop,
                                         debounce=300, recursive=False):
                paths = {Path(p) for _, p in changes}
                if any(is_lock(p) for p in paths):
                    told = tell_open(existing, told, echo)
                # a copy's later writes, seen while waiting for its end, were built already
                changed = {p for p in paths if not ignored(p) and not p.is_dir()
                           and (p not in built or file_state(p) != built[p])}
                if not changed:
                    continue
                wait_until_stable(changed, stable_seconds)
                built.update({p: file_state(p) for p in changed})
                names = ", ".join(sorted(p.name for p in changed))
                build_once(f"{names} ändrades")
    except KeyboardInterrupt:  # Ctrl+C: watchfiles raises it, or a build was interrupted
        pass
    echo(ENDED)


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """Let a termination signal (systemctl stop, kill) end the watch as Ctrl+C does; only the
    main thread can set a signal handler, so elsewhere (in tests) nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


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


_CONSOLE_TIME = re.compile(r"^\d{2}\.\d{2}\.\d{2} ")  # timestamp()'s; the log has its own


class Log:
    """A log file that every line is appended to with its date and time ("2021-10-07
    14:03:27 SN.xlsx ändrades: …"), so that the watch can run unattended."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.broken = False
        self._lock = threading.Lock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8"):
                pass
        except OSError as exc:
            raise UnderlagError(f"Loggfilen {path} kan inte skrivas ({exc.strerror or exc}). "
                                "Ange en annan fil med --logg.") from None

    def write(self, lines: list[str], stream) -> None:
        """Append lines; the first failure is said on `stream` and ends the logging, not the
        watch (a full disk, a lost share)."""
        if self.broken or not lines:
            return
        stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
        try:
            with self._lock, self.path.open("a", encoding="utf-8") as log:
                log.writelines(f"{stamp} {_CONSOLE_TIME.sub('', line, count=1)}\n"
                               for line in lines)
        except OSError as exc:
            self.broken = True
            stream.write(f"{timestamp()} Kunde inte skriva till loggfilen {self.path} "
                         f"({exc.strerror or exc}); bevakningen fortsätter utan logg.\n")


class _Tee(io.TextIOBase):
    """A text stream that writes through to another and gives each finished line to a log."""

    def __init__(self, stream, log: Log) -> None:
        super().__init__()
        self._stream, self._log, self._line = stream, log, ""

    @property
    def encoding(self) -> str:
        return getattr(self._stream, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str | None:
        return getattr(self._stream, "errors", None)

    def write(self, text: str) -> int:
        self._stream.write(text)  # bytes fail here, as on the stream itself
        *lines, self._line = (self._line + text).split("\n")
        self._log.write([line.rpartition("\r")[2] for line in lines], self._stream)
        return len(text)

    def flush(self) -> None:
        if not getattr(self._stream, "closed", False):  # also when collected after a test's
            self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def finish(self) -> None:
        """Log what was printed after the last line break."""
        if self._line:
            self._log.write([self._line.rpartition("\r")[2]], self._stream)
            self._line = ""


@contextmanager
def logged(path: Path | None) -> Iterator[None]:
    """Append every line printed inside (standard output and error) to the log file `path`
    as well, each with its date and time; without a path, only print."""
    if path is None:
        yield
        return
    log = Log(path)
    streams = sys.stdout, sys.stderr
    tees = _Tee(streams[0], log), _Tee(streams[1], log)
    sys.stdout, sys.stderr = tees
    try:
        yield
    finally:
        sys.stdout, sys.stderr = streams
        for tee in tees:
            tee.finish()
