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


def imported_packages(path: Path) -> set[str]:
    """Top-level project packages a module imports, anywhere in it (lazy imports too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found |= {name.split(".")[0] for name in names} & PROJECT
    return found


def test_the_import_reader_sees_lazy_imports(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("def f():\n    import app\n    from cli.main import main\n")
    assert imported_packages(module) == {"app", "cli"}


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_imports_no_edge_and_no_later_stage(stage):
    allowed = set(STAGES[: STAGES.index(stage) + 1])
    arrows = {
        str(path.relative_to(ROOT)): sorted(imported_packages(path) - allowed)
        for path in sorted((ROOT / stage).rglob("*.py"))
    }
    assert {module: bad for module, bad in arrows.items() if bad} == {}
