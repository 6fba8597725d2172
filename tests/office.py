"""Office files in tests: LibreOffice found on the machine and run headless with a private
profile, and the schema check (openxml-audit) every document we write must pass."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice saknas (installeras av .ci/run; krävs i CI)",
)


def convert(source: Path, target_format: str, outdir: Path, timeout: int = 120) -> Path:
    """Convert a file with LibreOffice and return the converted file's path."""
    assert SOFFICE, "LibreOffice is required in CI"
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", target_format, "--outdir", str(outdir), str(source)],
            check=True, capture_output=True, timeout=timeout,
        )
    extension = target_format.split(":")[0]
    result = outdir / f"{source.stem}.{extension}"
    assert result.exists(), f"LibreOffice wrote no {result.name}"
    return result


def audit_errors(document: Path | bytes, suffix: str = ".docx") -> list[str]:
    """Return openxml-audit's errors for a .docx/.pptx/.xlsx file or its bytes (none = valid).

    The same check as `openxml-audit -m 0 FILE` (every error, warnings left out): the schema
    from the Open XML SDK plus the semantic rules Word and PowerPoint repair files for.
    Give the suffix with bytes, since the format is told by the file name.
    """
    data = document if isinstance(document, bytes) else document.read_bytes()
    suffix = suffix if isinstance(document, bytes) else document.suffix
    known = _AUDITED / f"{hashlib.sha256(data).hexdigest()}{suffix}-{_audit_version()}.json"
    try:
        return json.loads(known.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass  # not audited yet
    from openxml_audit import OpenXmlValidator, ValidationSeverity

    with tempfile.TemporaryDirectory(prefix="audit-") as folder:
        path = Path(folder) / f"dokument{suffix}"
        path.write_bytes(data)
        result = OpenXmlValidator(max_errors=0).validate(path)
    errors = [str(e) for e in result.errors if e.severity == ValidationSeverity.ERROR]
    _AUDITED.mkdir(parents=True, exist_ok=True)
    temporary = known.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps(errors), encoding="utf-8")
    os.replace(temporary, known)
    return errors


# What openxml-audit said of each document, by its bytes: our builds are deterministic, so the
# edit-test loop audits only what a change made different (the cache is gitignored)
_AUDITED = Path(__file__).resolve().parent.parent / ".test-cache" / "openxml-audit"


def _audit_version() -> str:
    from importlib.metadata import version

    return version("openxml-audit")
