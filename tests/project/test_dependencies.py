"""Every library the package imports directly is declared in pyproject.toml, and nothing more
than those (and defusedxml, which openpyxl uses for safe parsing when it is installed)."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib

from tests.conftest import ROOT

USED_INDIRECTLY = {"defusedxml", "tzdata"}  # openpyxl's safe parser; zoneinfo's data on Windows


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _imported_distributions() -> dict[str, set[str]]:
    """Return each third-party distribution that pipeline/ imports, with the modules that do."""
    packages = importlib.metadata.packages_distributions()
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "pipeline").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.partition(".")[0]
                if top in sys.stdlib_module_names or top == "pipeline":
                    continue
                for dist in packages.get(top, [top]):
                    found.setdefault(_canonical(dist), set()).add(str(path.relative_to(ROOT)))
    return found


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_canonical(re.match(r"[A-Za-z0-9_.-]+", spec)[0]) for spec in project["dependencies"]}


def test_every_library_the_code_imports_is_declared():
    missing = {dist: sorted(where) for dist, where in _imported_distributions().items()
               if dist not in _declared()}
    assert missing == {}


def test_every_declared_library_is_imported_or_known_to_be_used_indirectly():
    assert _declared() - set(_imported_distributions()) == USED_INDIRECTLY
