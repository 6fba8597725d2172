"""The package's shape: stages as folders, imports only down the stages, no circle, small modules.

The import graph is read from the source with `ast` (every `import` and `from … import`,
inside functions and `TYPE_CHECKING` blocks too: a deferred import is still a dependency).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"
MAX_LINES = 400

# Stage order, top to bottom: a module may import from its own stage and the ones before it.
LEAVES = {"pipeline", "pipeline.model", "pipeline.diagnostics", "pipeline.svenska",
          "pipeline.output", "pipeline.resources"}
APP = {"pipeline.cli", "pipeline.clisv", "pipeline.watch", "pipeline.blank", "pipeline.__main__"}
STAGE_FOLDERS = {"read": 1, "examples": 1, "domain": 2, "render": 3, "produce": 4}
STAGE_NAMES = ["shared leaves", "read", "domain", "render", "produce", "app"]
ENGINE = "pipeline.render.pptx"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


MODULES = _modules()


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _resolve(importer: str, node: ast.ImportFrom) -> str:
    """Return the absolute name of the module a `from … import` reads from."""
    if not node.level:
        return node.module or ""
    base = importer.split(".")
    if not _is_package(importer):
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _deepest(target: str) -> str:
    """Return the module of this package that a dotted name lives in ("" when none)."""
    while target and target not in MODULES:
        target = target.rpartition(".")[0]
    return target


def _imports(name: str) -> set[str]:
    """Return the modules of this package that one module imports, anywhere in its body.

    `from .pkg import sub` depends on the submodule, not on the package's `__init__`;
    `from .pkg import name` depends on the `__init__` that defines the name.
    """
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"), filename=str(MODULES[name]))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(_deepest(alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            source = _resolve(name, node)
            found.update(_deepest(f"{source}.{alias.name}") for alias in node.names)
    return {t for t in found if t.startswith("pipeline") and t != name}


GRAPH = {name: _imports(name) for name in MODULES}


def stage(name: str) -> int:
    """Return the stage of a module: 0 for the shared leaves, 5 for the app."""
    if name in LEAVES:
        return 0
    if name in APP:
        return 5
    folder = name.split(".")[1]
    assert folder in STAGE_FOLDERS, f"{name} belongs to no stage: add it to test_structure's map"
    return STAGE_FOLDERS[folder]


def test_the_graph_is_read():
    """The parser sees the imports it should, so an empty graph cannot pass the rules below."""
    assert len(MODULES) > 30
    assert "pipeline.produce.runner" in GRAPH["pipeline.produce"]
    assert "pipeline.domain.inputs" in GRAPH["pipeline.produce.runner"]  # a TYPE_CHECKING import
    assert "pipeline.model" in GRAPH["pipeline.domain.analyse"]
    assert "pipeline.read.schema" in GRAPH["pipeline.domain.analyse"]


def test_every_module_belongs_to_a_stage():
    for name in MODULES:
        stage(name)


def test_no_import_circle():
    cycles = []
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(GRAPH[node]):
            if state.get(nxt) == 1:
                cycles.append(" → ".join([*path[path.index(nxt):], nxt]))
            elif nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for name in sorted(GRAPH):
        if name not in state:
            visit(name)
    assert not cycles, "import circles:\n" + "\n".join(cycles)


def test_no_import_runs_back_up_a_stage():
    upward = [
        f"{a} ({STAGE_NAMES[stage(a)]}) imports {b} ({STAGE_NAMES[stage(b)]})"
        for a in sorted(GRAPH) for b in sorted(GRAPH[a]) if stage(b) > stage(a)
    ]
    assert not upward, "imports from a later stage:\n" + "\n".join(upward)


def test_leaves_import_only_leaves():
    wrong = [f"{a} imports {b}" for a in sorted(LEAVES) for b in sorted(GRAPH[a]) if b not in LEAVES]
    assert not wrong, "\n".join(wrong)


def test_the_pptx_engine_imports_nothing_from_the_app():
    """The deck engine is one step from its own package: it imports only itself."""
    outside = [
        f"{a} imports {b}" for a in sorted(GRAPH) if a == ENGINE or a.startswith(ENGINE + ".")
        for b in sorted(GRAPH[a]) if not (b == ENGINE or b.startswith(ENGINE + "."))
    ]
    assert not outside, "the PowerPoint engine reaches out of pipeline/render/pptx/:\n" + "\n".join(outside)


def test_every_module_is_under_400_lines():
    """One module past 400 lines is two things: split it."""
    lines = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in MODULES.items()}
    offenders = [f"{MODULES[n].relative_to(PACKAGE.parent)}: {count} lines"
                 for n, count in sorted(lines.items(), key=lambda kv: -kv[1]) if count >= MAX_LINES]
    assert not offenders, f"modules of {MAX_LINES} lines or more:\n" + "\n".join(offenders)
