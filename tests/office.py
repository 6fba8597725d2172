"""LibreOffice for tests: found on the machine, run headless with a private profile."""

from __future__ import annotations

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
