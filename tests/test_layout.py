"""The pipeline's shape, read from the imports: corpus → index → qa → eval, with the CLI
(cli/) and the UI (app.py, ui/) as edges that no stage imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STAGES = ["corpus", "index", "qa", "eval"]  # in data-flow order
EDGES = {"cli", "ui", "app"}
PROJECT = set(STAGES) | EDGES


def imported_modules(path: Path) -> set[str]:
    """Project modules a module imports, anywhere in it (lazy imports too), dotted; for
    `from ui import shell` both `ui` and `ui.shell`, since shell may be a module."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        else:
            continue
        found |= {name for name in names if name.split(".")[0] in PROJECT}
    return found


def imported_packages(path: Path) -> set[str]:
    """Top-level project packages a module imports, anywhere in it (lazy imports too)."""
    return {name.split(".")[0] for name in imported_modules(path)}


def test_the_import_reader_sees_lazy_imports(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("def f():\n    import app\n    from cli.main import main\n")
    assert imported_packages(module) == {"app", "cli"}
    assert imported_modules(module) == {"app", "cli.main", "cli.main.main"}


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_imports_no_edge_and_no_later_stage(stage):
    allowed = set(STAGES[: STAGES.index(stage) + 1])
    arrows = {
        str(path.relative_to(ROOT)): sorted(imported_packages(path) - allowed)
        for path in sorted((ROOT / stage).rglob("*.py"))
    }
    assert {module: bad for module, bad in arrows.items() if bad} == {}


# `planqa serve` starts the UI: the one arrow between the two edges, and only to the shell
EDGE_TO_EDGE = {"cli/commands/serve.py": {"ui.shell", "ui.shell.serve"}}


@pytest.mark.parametrize("edge", ["cli", "ui"])
def test_the_edges_import_neither_each_other_nor_the_entry(edge):
    """cli/ and ui/ stand side by side on the stages; neither imports the other or app.py."""
    others = {"cli", "ui", "app"} - {edge}
    arrows = {}
    for path in sorted((ROOT / edge).rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        modules = imported_modules(path) - {edge} - EDGE_TO_EDGE.get(name, set())
        bad = sorted(m for m in modules if m.split(".")[0] in others)
        if bad:
            arrows[name] = bad
    assert arrows == {}


def test_app_py_is_the_entry_only():
    """app.py holds no UI code of its own: it starts the ui package."""
    text = (ROOT / "app.py").read_text(encoding="utf-8")
    tree = ast.parse(text)
    functions = [n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
    assert len(text.splitlines()) < 80
    assert set(functions) <= {"main"}
