"""The package's shape: stages as folders, imports only down the stages, no circle, small modules.

The import graph is read from the source with `ast` (every `import` and `from … import`,
inside functions and `TYPE_CHECKING` blocks too: a deferred import is still a dependency).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "pipeline"
MAX_LINES = 400

# Stage order, top to bottom: a module may import from its own stage and the ones before it.
LEAVES = {"pipeline", "pipeline.model", "pipeline.diagnostics", "pipeline.svenska",
          "pipeline.output", "pipeline.resources"}
APP = {"pipeline.cli", "pipeline.clisv", "pipeline.console", "pipeline.watch", "pipeline.blank",
       "pipeline.__main__"}
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


def _cycles(graph: dict[str, set[str]]) -> list[str]:
    """Return every import circle of a graph, each as "a → b → a"."""
    cycles = []
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(" → ".join([*path[path.index(nxt):], nxt]))
            elif nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)
    return cycles


def test_no_import_circle():
    cycles = _cycles(GRAPH)
    assert not cycles, "import circles:\n" + "\n".join(cycles)


SCRIPTS = {p.stem: p for p in sorted((PACKAGE.parent / "scripts").glob("*.py"))}


def _script_imports(name: str) -> set[str]:
    """Return the scripts one script imports (they import each other by bare module name)."""
    tree = ast.parse(SCRIPTS[name].read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level:
            found.add(node.module or "")
    return {f for f in found if f in SCRIPTS and f != name}


def test_the_scripts_import_each_other_without_a_circle():
    graph = {name: _script_imports(name) for name in SCRIPTS}
    assert "pptx_design" in graph["pptx_kommun"]  # the graph is read
    cycles = _cycles(graph)
    assert not cycles, "import circles in scripts/:\n" + "\n".join(cycles)


def test_the_scripts_import_only_the_stages_before_the_app():
    """A template script builds on the schema and the shared leaves, never on the app."""
    wrong = []
    for name, path in SCRIPTS.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pipeline"):
                module = _deepest(node.module)
                if module in MODULES and stage(module) == 5 and module != "pipeline.blank":
                    wrong.append(f"scripts/{name}.py imports {module}")
    assert not wrong, "\n".join(wrong)


def test_no_two_classes_share_a_name():
    """One name, one meaning: a class name is defined once in pipeline/ and scripts/."""
    where: dict[str, list[str]] = {}
    for path in [*MODULES.values(), *SCRIPTS.values()]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                where.setdefault(node.name, []).append(path.relative_to(PACKAGE.parent).as_posix())
    doubled = {name: files for name, files in where.items() if len(files) > 1}
    assert not doubled, "\n".join(f"{name}: {', '.join(files)}" for name, files in doubled.items())


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
    """One module past 400 lines is two things: split it (the package's and the scripts')."""
    paths = [*MODULES.values(), *SCRIPTS.values()]
    lines = {path: len(path.read_text(encoding="utf-8").splitlines()) for path in paths}
    offenders = [f"{path.relative_to(PACKAGE.parent)}: {count} lines"
                 for path, count in sorted(lines.items(), key=lambda kv: -kv[1]) if count >= MAX_LINES]
    assert not offenders, f"modules of {MAX_LINES} lines or more:\n" + "\n".join(offenders)
