"""eval end to end: `planqa eval` on a small gold file over the real bundled index (real
model), with baselines, JSON output and the Markdown report; bad gold input at the CLI."""

from __future__ import annotations

import json

import pytest
from conftest import TEST_CACHE

from cli.main import main
from eval import load_gold
from eval import metrics as m
from eval.gold import DEFAULT_GOLD

SMALL = ("f02", "f38", "s03", "d01", "d17", "u10", "v10")


@pytest.fixture()
def small_gold(tmp_path):
    by_id = {i.id: i for i in load_gold(DEFAULT_GOLD)}
    path = tmp_path / "small.jsonl"
    path.write_text(
        "".join(json.dumps(by_id[i].to_dict(), ensure_ascii=False) + "\n" for i in SMALL),
        encoding="utf-8",
    )
    return path


def test_cli_rejects_bad_gold_file_with_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "kind": "fact", "question": "q"}\n{oops\n', encoding="utf-8")
    assert main(["eval", "--gold", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("planqa: error:") and f"{bad}:2:" in err
    assert len(err.splitlines()) == 1
    assert main(["eval", "--gold", str(tmp_path / "missing.jsonl")]) == 2
    # a --report path that is a file fails before any index work
    assert main(["eval", "--gold", str(bad), "--report", str(bad)]) == 2
    afile = tmp_path / "afile"
    afile.write_text("x")
    assert main(["eval", "--report", str(afile), "--index", str(tmp_path / "no-index")]) == 2
    assert "not a directory" in capsys.readouterr().err
    assert not (tmp_path / "no-index").exists()


@pytest.mark.slow
def test_cli_eval_end_to_end(
    bundled_index, session_settings, small_gold, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("PLANQA_CACHE_DIR", str(TEST_CACHE))
    # the naive baseline splits and embeds the raw files of the data dir: one small file
    # keeps this test cheap on a machine whose embedding cache is cold
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    small_file = "004_d29d0fa2820130c5.txt"
    (data_dir / small_file).write_bytes((session_settings.data_dir / small_file).read_bytes())
    monkeypatch.setenv("PLANQA_DATA_DIR", str(data_dir))
    out_dir = tmp_path / "report"
    code = main(
        [
            "eval",
            "--gold",
            str(small_gold),
            "--index",
            str(session_settings.index_dir),
            "--json",
            "--report",
            str(out_dir),
        ]
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    data = json.loads(captured.out)

    assert set(data["baselines"]) == {"bm25", "dense", "naive"}
    for name in (
        "recall@1",
        "recall@5",
        "recall@10",
        "mrr",
        "keyword_accuracy",
        "abstention_accuracy",
        "false_abstentions",
        "district_f1",
    ):
        assert 0.0 <= data["metrics"][name] <= 1.0
    assert (
        data["metrics"]["recall@1"] <= data["metrics"]["recall@5"] <= data["metrics"]["recall@10"]
    )
    assert set(data["metrics"]["per_kind"]) == {
        "fact",
        "section",
        "district",
        "unanswerable",
        "variant",
    }
    assert data["baselines"]["naive"]["district_f1"] is None  # no district metadata
    assert 0 < data["index"]["naive_chunks"] < 100  # the one small file, not the corpus
    assert next(t["metric"] for t in data["targets"]) == "recall@5"

    items = {it["id"]: it for it in data["items"]}
    assert list(items) == list(SMALL)
    gold = {i.id: i for i in load_gold(small_gold)}
    for it in items.values():
        # the per-item record is consistent with the metric functions
        assert len(it["retrieved"]) == 10
        hits = [r["rank"] for r in it["retrieved"] if r["hit"]]
        assert it["first_hit_rank"] == (hits[0] if hits else None)
        assert set(it["baselines"]) == {"bm25", "dense", "naive"}
        if it["kind"] == "district":
            _p, _r, f = m.district_scores(it["predicted_districts"], gold[it["id"]].districts)
            assert it["district_f1"] == pytest.approx(f)
        if it["kind"] in ("fact", "section", "variant") and not it["abstained"]:
            assert it["keywords_ok"] == m.keywords_present(it["answer"], it["answer_keywords"])
        assert it["passed"] == (not it["failures"])
    assert items["d17"]["expected_districts"] == []

    report = (out_dir / "report.md").read_text(encoding="utf-8")
    assert "## Targets" in report and "| recall@5 |" in report and "naive" in report
    assert (out_dir / "metrics.png").stat().st_size > 0
    assert (out_dir / "kinds.png").stat().st_size > 0
    for it in items.values():
        if not it["passed"]:
            assert f"### {it['id']} " in report  # every failed item is listed with its evidence
    assert json.loads((out_dir / "report.json").read_text(encoding="utf-8"))["items"]


def test_a_gold_set_may_name_places_short():
    from eval.runner import _place_key

    assert _place_key("三亚") == _place_key("三亚市") == "三亚市"
    assert _place_key("凉山") == _place_key("凉山彝族自治州")
    assert _place_key("重庆高新区") == "重庆高新区"
    assert _place_key("不是地名") == "不是地名"
