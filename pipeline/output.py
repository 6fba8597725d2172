"""Atomic, deterministic writing of output files."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import stat
import struct
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from .diagnostics import UnderlagError

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
TEMP_PREFIX = ".underlag-"  # half-written files; a later build removes those a crash left
_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def _file_mode() -> int:
    """Return the mode a new file gets here (mkstemp's own is owner-only)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_FILE_MODE = _file_mode()


def atomic_write(path: Path, data: bytes) -> None:
    """Write bytes to path so that a crash leaves either the old file or the new one; raise
    NotReplaced, the old file left as it was, when another program holds it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _FILE_MODE)  # as any new file: others on a shared folder may read it
        _replace(tmp, path)
    except BaseException:
        with suppress(OSError):  # held a moment too (Windows): a later build removes it
            Path(tmp).unlink(missing_ok=True)
        raise


# Windows refuses to replace a file another program has open: Word and PowerPoint for as long
# as the document is open, an antivirus or the search indexer for a moment. A few short tries
# outlast the moment; the whole wait stays under a second per file.
REPLACE_TRIES = 4
REPLACE_PAUSE = 0.2  # seconds between tries


def _replace(tmp: str, path: Path) -> None:
    """Move the written file onto path, trying again while another program holds it."""
    for attempt in range(REPLACE_TRIES):
        try:
            os.replace(tmp, path)
            return
        except PermissionError as exc:
            if attempt + 1 < REPLACE_TRIES:
                time.sleep(REPLACE_PAUSE)
                continue
            raise NotReplaced(path, read_only=_read_only(path)) from exc
        except OSError as exc:
            raise NotReplaced(path, reason=exc.strerror or str(exc)) from exc


def _read_only(path: Path) -> bool:
    """Return True when the file is marked read-only (Windows' attribute, or no write bit)."""
    try:
        return not path.stat().st_mode & stat.S_IWRITE
    except OSError:
        return False


# The program that holds a file open, by its kind
HOLDERS = {".docx": "Word", ".pptx": "PowerPoint", ".xlsx": "Excel",
           ".ics": "ett kalenderprogram", ".pdf": "en PDF-läsare"}


class NotReplaced(UnderlagError):
    """A file could not be replaced (open in another program, or read-only); the previous
    version is left as it was."""

    def __init__(self, path: Path, *, read_only: bool = False, reason: str = "") -> None:
        self.path, self.read_only, self.reason = path, read_only, reason
        super().__init__(f"{path} {self.what('försök igen')}")

    def what(self, then: str = "bygg igen") -> str:
        """Return what happened and what to do, after the file's name: "är öppen i Word …"."""
        kept = "den förra versionen ligger kvar"
        if self.read_only:
            return f"är skrivskyddad och kunde inte ersättas; {kept}. Ta bort skrivskyddet och {then}."
        if self.reason:
            return (f"kunde inte ersättas ({self.reason}); {kept}. Kontrollera att filen inte är "
                    f"öppen och {then}.")
        holder = HOLDERS.get(self.path.suffix.lower())
        program = f"{holder} eller ett annat program" if holder else "ett annat program"
        return f"är öppen i {program} och kunde inte ersättas; {kept}. Stäng filen och {then}."


# The one creation time of every file we write (documents, decks, calendars, workbooks,
# templates), so that equal inputs give equal bytes.
FIXED_TIME = dt.datetime(2021, 6, 1, tzinfo=dt.UTC)
FIXED_CREATED = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")  # as docProps/core.xml writes it


def template_properties(props, title: str, author: str) -> None:
    """Set a template's document properties (python-docx or python-pptx), dated once for all."""
    props.title = title
    props.author = author
    props.language = "sv-SE"
    props.created = props.modified = FIXED_TIME.replace(tzinfo=None)
    props.last_modified_by = "underlag"
    props.revision = 1


def fixed_core_dates(stamp: str = FIXED_CREATED) -> Callable[[bytes], bytes]:
    """Return a rewrite of docProps/core.xml that sets created and modified to a fixed time."""

    def rewrite(xml: bytes) -> bytes:
        return _CORE_DATES.sub(rb"\g<1>" + stamp.encode() + rb"\g<2>", xml)

    return rewrite


def zip_bytes(members) -> bytes:
    """Return a zip of (name, bytes) members in order, with fixed timestamps."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name, blob in members:
            info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            dst.writestr(info, blob)
    return out.getvalue()


def deterministic_zip(
    data: bytes,
    rewrite: dict[str, Callable[[bytes], bytes]] | None = None,
    *,
    embedded: dict[str, Callable[[bytes], bytes]] | None = None,
) -> bytes:
    """Return an Office file's bytes with fixed timestamps, so equal inputs give equal bytes.

    `rewrite` changes members by name; `embedded` is applied inside embedded workbooks
    (a chart's data), which carry timestamps of their own.
    """
    rewrite = rewrite or {}

    def members():
        with zipfile.ZipFile(io.BytesIO(data)) as src:
            for info in src.infolist():
                blob = src.read(info)
                if info.filename in rewrite:
                    blob = rewrite[info.filename](blob)
                elif embedded is not None and info.filename.endswith(".xlsx"):
                    blob = deterministic_zip(blob, embedded)
                yield info.filename, blob

    return zip_bytes(members())


class FixedZip:
    """Zips members with fixed timestamps, and fixed dates in embedded workbooks, so that equal
    inputs give equal bytes in one pass; members under the `shared` prefixes (the same in every
    document of a template) are compressed only once."""

    LIMIT = 512  # members remembered; a build renders a few templates many times

    def __init__(self, shared: tuple[str, ...] = (),
                 embedded: dict[str, Callable[[bytes], bytes]] | None = None) -> None:
        self.shared, self.embedded = shared, embedded or {}
        self._deflated: dict[tuple[str, int, int], bytes] = {}

    def __call__(self, members) -> bytes:
        out = bytearray()
        central = bytearray()
        count = 0
        for name, blob in members:
            if name.endswith(".xlsx"):
                blob = deterministic_zip(blob, self.embedded)
            crc = zlib.crc32(blob)
            key = (name, crc, len(blob))
            data = self._deflated.get(key)
            if data is None:
                deflate = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
                data = deflate.compress(blob) + deflate.flush()
                if self.shared and name.startswith(self.shared):
                    if len(self._deflated) >= self.LIMIT:
                        self._deflated.clear()
                    self._deflated[key] = data
            encoded = name.encode()
            flags = 0 if encoded.isascii() else 0x800  # UTF-8 names
            header = _ENTRY.pack(flags, 8, _DOS_TIME, _DOS_DATE, crc, len(data), len(blob),
                                 len(encoded))
            central += (b"PK\x01\x02" + _MADE_BY + _LOCAL_VERSION + header
                        + _CENTRAL.pack(0, 0, 0, 0, 0o600 << 16, len(out)) + encoded)
            out += b"PK\x03\x04" + _LOCAL_VERSION + header + b"\x00\x00" + encoded + data
            count += 1
        end = _END.pack(0, 0, count, count, len(central), len(out), 0)
        return bytes(out + central + b"PK\x05\x06" + end)


# zip records (APPNOTE 4.3): what local and central headers share, then their own fields
_ENTRY = struct.Struct("<2H2H3LH")  # flags, method, time, date, crc, sizes, name length
_CENTRAL = struct.Struct("<4H2L")  # extra and comment lengths, disk, internal and external
#                                    attributes (rw------- for the owner), header offset
_END = struct.Struct("<4H2LH")
_LOCAL_VERSION = bytes((20, 0))  # version needed to extract: 2.0, deflate
_MADE_BY = bytes((20, 3))  # zip 2.0 on Unix (what zipfile writes there)
_DOS_TIME = 0  # 00:00:00
_DOS_DATE = ((FIXED_ZIP_TIME[0] - 1980) << 9) | (FIXED_ZIP_TIME[1] << 5) | FIXED_ZIP_TIME[2]
