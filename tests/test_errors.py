"""User errors: every one has a code of the catalogue (corpus/data/messages.json), in English
and Chinese with the same placeholders, and both edges show the same entry."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from corpus.errors import Term, UserError, catalogue, placeholders

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "app.py"] + [
    path
    for package in ("corpus", "index", "qa", "eval", "cli", "ui")
    for path in sorted((ROOT / package).rglob("*.py"))
]
RAISERS = {"UserError", "GoldFormatError"}


def error_codes_raised() -> list[tuple[str, str]]:
    """(where, code) of every UserError(...) built in the project; a code that is not a
    literal string (or a choice of two literals) is reported as '<not a literal>'."""
    found = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) in RAISERS):
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            first = node.args[0] if node.args else None
            options = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
            for option in options:
                literal = isinstance(option, ast.Constant) and isinstance(option.value, str)
                found.append((where, option.value if literal else "<not a literal>"))
    return found


def test_every_raise_names_a_code_of_the_catalogue():
    raised = error_codes_raised()
    assert len(raised) > 80  # the reader does find the raise sites
    assert [(where, code) for where, code in raised if code not in catalogue()] == []


def test_every_code_of_the_catalogue_is_raised_somewhere():
    assert set(catalogue()) - {code for _, code in error_codes_raised()} == set()


@pytest.mark.parametrize("code", sorted(catalogue()))
def test_each_message_has_both_languages_and_no_placeholder_of_its_own(code):
    entry = catalogue()[code]
    assert set(entry) == {"en", "zh"}
    assert entry["en"].strip() and entry["zh"].strip()
    # the Chinese may leave out an English-only detail (the JSON parser's own words)
    assert placeholders(entry["zh"]) <= placeholders(entry["en"])
    assert any("\u4e00" <= ch <= "\u9fff" for ch in entry["zh"])
    values = {name: "x" for name in placeholders(entry["en"])}
    assert UserError(code, **values).message("zh")  # renders without a missing placeholder


def test_a_code_not_in_the_catalogue_fails_at_once():
    with pytest.raises(KeyError):
        UserError("no such code")


def test_lists_terms_and_nested_errors_render_in_each_language():
    error = UserError("unknown_place", name="渝中", known=["綦江区", "大渡口区"])
    assert error.message("zh").endswith("綦江区、大渡口区")
    assert str(error).endswith("綦江区, 大渡口区")
    empty = UserError("input_empty", what=Term("topic", "主题"))
    assert (str(empty), empty.message("zh")) == ("the topic is empty", "请输入主题。")
    inner = UserError("gold_unknown_kind", kind="factoid", kinds=["factoid2"])
    outer = UserError("gold_bad_item", path="g.jsonl", line=3, why=inner)
    assert (
        outer.message("zh") == "金标准文件 g.jsonl 第 3 行有误：未知的题型 'factoid'：可选 factoid2"
    )
    assert "unknown kind" in str(outer)


def test_the_cli_and_the_ui_show_the_same_message(capsys):
    from cli.main import main as cli_main
    from qa.text import check_question
    from ui.messages import user_message

    assert cli_main(["ask", "   "]) == 2
    cli_line = capsys.readouterr().err.strip()
    with pytest.raises(UserError) as raised:
        check_question("   ")
    ui_text = user_message(raised.value)
    assert ui_text == "请输入问题。"
    assert cli_line == f"planqa: error: {ui_text} (the question is empty)"
