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


def _called(path: Path) -> set[str]:
    """Names of the functions and classes a module calls (f(), m.f())."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            names.add(func.id if isinstance(func, ast.Name) else getattr(func, "attr", ""))
    return names


def test_both_edges_read_settings_through_one_function(monkeypatch):
    """app.py and the CLI hand their flags straight to corpus.settings.load_settings, which
    leaves out a flag not given and checks every value (the port's range too); no edge
    builds overrides or a Settings itself (app.py's settings_with and the CLI's
    settings_from_args once each did, and checked the port apart)."""
    from corpus.settings import load_settings

    monkeypatch.delenv("PLANQA_PORT", raising=False)
    assert load_settings(host=None, port=None, index_dir=None) == load_settings()
    for path in (ROOT / "app.py", ROOT / "cli" / "main.py"):
        calls = [
            node
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "load_settings"
        ]
        assert len(calls) == 1 and not calls[0].args, path.name
        # each override is a flag as parsed (args.port, getattr(args, "port", None)), not a
        # dict of overrides filtered or checked on the way
        assert all(k.arg and "args" in ast.unparse(k.value) for k in calls[0].keywords)
    edges = [ROOT / "app.py", *sorted((ROOT / "cli").rglob("*.py"))]
    edges += sorted((ROOT / "ui").rglob("*.py"))
    assert [p.relative_to(ROOT).as_posix() for p in edges if "Settings" in _called(p)] == []


TABS = ["ask", "districts", "indicators", "documents", "evaluation"]


def test_the_ui_is_a_shell_and_one_module_per_tab():
    """ui/shell.py composes the tabs and holds no handlers; each tab is a module with its
    layout (a build function) and its own handlers class (one Handlers class once served
    every tab, in a 1,310-line app.py)."""
    shell = ROOT / "ui" / "shell.py"
    assert not [n for n in ast.parse(shell.read_text("utf-8")).body if isinstance(n, ast.ClassDef)]
    assert {f"ui.{tab}" for tab in TABS} <= imported_modules(shell)
    for tab in TABS:
        path = ROOT / "ui" / f"{tab}.py"
        body = ast.parse(path.read_text("utf-8")).body
        handlers = [n.name for n in body if isinstance(n, ast.ClassDef) and "Handlers" in n.name]
        builds = [n.name for n in body if isinstance(n, ast.FunctionDef) and n.name[:5] == "build"]
        assert len(handlers) == 1 and builds, tab
