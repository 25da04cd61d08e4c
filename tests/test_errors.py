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
# a UserError raised, and a Message built (why a file was skipped): both name a code
RAISERS = {"UserError", "GoldFormatError", "Message"}


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


def skip_reasons_given() -> list[tuple[str, ast.expr]]:
    """(where, reason) for every file reading skips: the reason argument of each _skip(...)
    and UnreadableFile(...) call of the corpus stage."""
    found = []
    for path in sorted((ROOT / "corpus").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id in ("_skip", "UnreadableFile"):
                reason = node.args[1] if node.func.id == "_skip" else node.args[0]
                found.append((f"{path.relative_to(ROOT)}:{node.lineno}", reason))
    return found


def test_every_skip_reason_is_a_code_of_the_catalogue():
    """A file is skipped for a coded reason (a Message of the catalogue, in English and
    Chinese), never for an English sentence that an edge would have to parse back."""
    given = skip_reasons_given()
    assert len(given) > 10
    sentences = [where for where, r in given if isinstance(r, (ast.Constant, ast.JoinedStr))]
    assert sentences == []
    built = {code for _, code in error_codes_raised()}
    skip_codes = {code for code in catalogue() if code.startswith("skip_")}
    assert len(skip_codes) >= 12 and skip_codes <= built


def test_a_skipped_file_is_a_notice_with_its_name_and_code(tmp_path):
    import warnings

    from corpus.errors import FileNotice, Message
    from corpus.reading import CorpusFileWarning, file_notices_to, read_source

    (tmp_path / "empty.txt").write_bytes(b"")
    seen: list[FileNotice] = []
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        with file_notices_to(seen.append):  # reported to the edge, not raised nor printed
            assert read_source(tmp_path / "empty.txt") is None
    assert [(n.name, n.code, n.skipped) for n in seen] == [("empty.txt", "skip_empty", True)]
    assert seen[0].message("zh") == "已跳过 empty.txt：文件是空的"
    assert str(CorpusFileWarning(seen[0])) == "skipping empty.txt: the file is empty"
    assert FileNotice("a.pdf", Message("skip_pdf_no_text_layer")).to_dict()["code"] == (
        "skip_pdf_no_text_layer"
    )
