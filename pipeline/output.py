"""Atomic, deterministic writing of output files."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
TEMP_PREFIX = ".underlag-"  # half-written files; a later build removes those a crash left
_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def atomic_write(path: Path, data: bytes) -> None:
    """Write bytes to path so that a crash leaves either the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
