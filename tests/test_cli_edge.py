"""The command line as a user meets it: pipes that close early, the flags each command is
offered, ask's filters, place messages, and the layout of wrapped lines (real bundled index)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import COMMANDS, build_parser, main

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def cli_env(session_settings, monkeypatch, bundled_index):
    monkeypatch.setenv("PLANQA_INDEX_DIR", str(session_settings.index_dir))
    monkeypatch.setenv("PLANQA_CACHE_DIR", str(session_settings.cache_dir))


# --- flags ------------------------------------------------------------------------------


def test_serve_is_not_offered_json(capsys):
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(["serve", "--json"])
    assert exc.value.code == 2
    assert "--json" in capsys.readouterr().err


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_flag_offered_is_read_by_the_command(name):
    """A command offered --json must write JSON: its module reads args.json."""
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command").choices[name]
    offered = {o for a in sub._actions for o in a.option_strings}
    source = (REPO / "cli" / "commands" / f"{name}.py").read_text(encoding="utf-8")
    for helper in re.findall(r"from cli\.commands\.(\w+) import", source):  # tabular.py
        source += (REPO / "cli" / "commands" / f"{helper}.py").read_text(encoding="utf-8")
    assert ("--json" in offered) == ("args.json" in source)


# --- pipes ------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("extra", [[], ["--json"]])
def test_a_reader_that_stops_early_is_not_an_error(session_settings, bundled_index, extra):
    """`planqa search 科普 | head -1`: more output than a pipe holds, read one line, close."""
    env = {
        **os.environ,
        "PLANQA_INDEX_DIR": str(session_settings.index_dir),
        "PLANQA_CACHE_DIR": str(session_settings.cache_dir),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "cli", "search", "科普", "--k", "120", *extra],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0, err
    assert first and err == ""


# --- ask's filters ----------------------------------------------------------------------


@pytest.mark.slow
def test_ask_takes_doc_type_and_k_as_search_does(cli_env, bundled_index, capsys):
    doc = next(
        d
        for d in bundled_index.documents
        if d.district == "綦江区" and "规划" in d.title and d.duplicate_of is None
    )
    argv = ["ask", "科技型企业到2025年要达到多少家？", "--json", "--k", "3", "--doc", doc.doc_id]
    assert main(argv) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out["results"]) == 3
    assert {r["doc_id"] for r in out["results"]} == {doc.doc_id}
    types = {d.doc_id: d.doc_type for d in bundled_index.documents}
    doc_type = bundled_index.doc_types()[0]
    assert main(["ask", "科技型企业目标", "--json", "--type", doc_type]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["results"] and {types[r["doc_id"]] for r in out["results"]} == {doc_type}
    assert main(["ask", "目标", "--type", "no-such-type"]) == 2
    assert "unknown document type" in capsys.readouterr().err


# --- places -----------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("command", ["search", "ask"])
def test_a_real_place_without_documents_gets_one_message_whatever_the_spelling(
    cli_env, capsys, command
):
    errors = []
    for name in ("渝中", "渝中区", "江北区", "重庆市江北区"):
        assert main([command, "科普", "--district", name]) == 2
        errors.append(capsys.readouterr().err)
    assert errors[0] == errors[1] and errors[2] == errors[3]
    for err, label in ((errors[0], "渝中区"), (errors[2], "重庆市江北区")):
        assert f"no documents for {label} in the index" in err, err
        assert "綦江区" in err and err.count("\n") == 1


@pytest.mark.slow
def test_an_unknown_place_gets_close_suggestions(cli_env, capsys):
    assert main(["search", "科普", "--district", "綦江去"]) == 2
    err = capsys.readouterr().err
    assert "unknown place '綦江去'" in err and "綦江区" in err.split("places in the index")[0]


# --- layout -----------------------------------------------------------------------------


def _continuations(out: str, head: re.Pattern[str]) -> list[str]:
    """Lines that are neither blank nor the head line of an entry."""
    return [line for line in out.splitlines() if line.strip() and not head.match(line)]


@pytest.mark.slow
def test_search_wraps_long_titles_under_a_hanging_indent(cli_env, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "50")
    assert main(["search", "科普基地", "--k", "3"]) == 0
    out = capsys.readouterr().out
    heads = [line for line in out.splitlines() if re.match(r"^ ?\d+\. ", line)]
    assert len(heads) == 3
    rest = _continuations(out, re.compile(r"^ ?\d+\. "))
    assert rest and all(line.startswith("    ") for line in rest), out


@pytest.mark.slow
def test_citations_wrap_under_a_hanging_indent(cli_env, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "50")
    assert main(["ask", "綦江区到2025年高新技术企业数预期达到多少？"]) == 0
    out = capsys.readouterr().out
    sources = out.split("出处", 1)[1]
    assert re.search(r"^\[1\] ", sources, re.MULTILINE)
    rest = _continuations(sources, re.compile(r"^\[\d+\] "))
    assert rest and all(line.startswith("    ") for line in rest), sources


# --- files a build skips ----------------------------------------------------------------


def test_a_skipped_file_is_one_line_in_chinese_and_english(tmp_path, monkeypatch, capsys):
    """As an error is shown: one line on stderr from the message catalogue (no Python
    warning with its source line, no second copy from logging); --json gives its code."""
    from app_support import TONGLIANG

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "tongliang.txt").write_text(TONGLIANG, encoding="utf-8")
    (docs / "empty.txt").write_bytes(b"")
    monkeypatch.setenv("PLANQA_CACHE_DIR", str(tmp_path / "cache"))
    index_args = ["--index", str(tmp_path / "index"), "--quiet"]
    assert main(["build", str(docs), *index_args]) == 0
    warned = "planqa: warning: 已跳过 empty.txt：文件是空的 (skipping empty.txt: the file is empty)"
    assert capsys.readouterr().err.splitlines() == [warned]
    assert main(["build", "--json", *index_args]) == 0  # again, from the recorded sources
    out, err = capsys.readouterr()
    assert err.splitlines() == [warned]
    skipped = json.loads(out)["skipped"]
    assert [(s["name"], s["code"], s["message_zh"]) for s in skipped] == [
        ("empty.txt", "skip_empty", "已跳过 empty.txt：文件是空的")
    ]
