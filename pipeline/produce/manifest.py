"""Incremental builds: build/manifest.json records what produced each output.

Every output has a key: a hash of the tool's version and of the content of each input and
template it was made from. A build renders only outputs whose key changed. When nothing at all
changed, `underlag bygg` answers from the manifest alone, before importing any Office library.
This module must stay light: it imports nothing heavy.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .. import __version__, resources
from ..output import atomic_write
from . import outputs

NAME = "manifest.json"
FORMAT = 1
UNREADABLE = "oläslig"  # a file another program holds: its read says so, and a build once
#                         it can be read finds it changed


def file_hash(path: Path) -> str:
    """Return the SHA-256 of a file's content, or UNREADABLE when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return UNREADABLE


PACKAGE = Path(__file__).resolve().parent.parent  # pipeline/, all of the tool's code


def code_hash(package: Path) -> str:
    """Return a hash of every Python file of a package, by path and content."""
    code = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        code.update(path.relative_to(package).as_posix().encode() + b"\0")
        code.update(path.read_bytes())
    return code.hexdigest()[:16]


@cache
def tool() -> str:
    """Return the tool's version and a hash of all its code, so that any change to the tool
    (an upgrade, or an edit of one render module) rebuilds what it made."""
    return f"{__version__}+{code_hash(PACKAGE)}"


def key(*parts: str) -> str:
    """Return one output's key from the hashes (and names) it depends on."""
    return hashlib.sha256("\n".join((tool(), *parts)).encode()).hexdigest()


def fingerprint(inputs: Path, templates: Path | None, pdf: bool) -> dict[str, str]:
    """Return the hash of every input file and every template a build would use."""
    found = {"verktyg": tool(), "pdf": str(pdf)}
    if inputs.is_dir():
        for path in sorted(inputs.iterdir()):
            if path.is_file() and not path.name.startswith(("~$", ".")):
                found[f"inputs/{path.name}"] = file_hash(path)
    logos = resources.logo_folder(templates)
    for name in outputs.template_files():
        path = logos / name if name in resources.LOGOS else resources.template(name, templates)
        if path.is_file():
            found[f"mall/{name}"] = file_hash(path)
    return found


@dataclass
class Manifest:
    """What the last build in a folder made, from what, and what it said."""

    folder: Path
    fingerprint: dict[str, str] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)  # path relative to folder -> key
    lines: list[tuple[str, bool]] = field(default_factory=list)  # (message, is_error)
    exit_code: int = 0

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        """Return the folder's manifest, or an empty one if there is none or it is unreadable."""
        try:
            data = json.loads((folder / NAME).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return cls(folder)
            return cls(folder, data["fingerprint"], data["outputs"],
                       [(text, bool(error)) for text, error in data["lines"]], data["exit_code"])
        except (OSError, ValueError, KeyError, TypeError):
            return cls(folder)

    def save(self) -> None:
        """Write the manifest atomically."""
        data = {"format": FORMAT, "fingerprint": self.fingerprint, "outputs": self.outputs,
                "lines": self.lines, "exit_code": self.exit_code}
        atomic_write(self.folder / NAME,
                     json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode())

    def current(self, relative: str, output_key: str) -> bool:
        """Return True when an output exists and was made from exactly these dependencies."""
        return self.outputs.get(relative) == output_key and (self.folder / relative).is_file()

    def unchanged(self, fingerprint: dict[str, str]) -> bool:
        """Return True when no input or template changed and every output is still there."""
        return bool(self.outputs) and self.fingerprint == fingerprint and all(
            (self.folder / relative).is_file() for relative in self.outputs)
