"""The 评测 and 哪些地区提到 tabs' pure helpers (metric names and verdicts, the comparison
chart, the failed items, the gold evidence check, the districts table and its CSV), on inline
records and the bundled gold set and index. No server."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from test_app import REPORT, evidence
from zh_support import raises_zh

import eval as planqa_eval
from eval.labels import METRIC_LABELS
from eval.runner import METRIC_NAMES
from qa.types import DistrictReport, DistrictResult
from ui import districts, evaluation

# --- 评测 -------------------------------------------------------------------------------


def test_every_metric_has_a_chinese_name_and_an_explanation():
    assert set(METRIC_LABELS) == set(METRIC_NAMES)
    for name, (zh, help_text) in METRIC_LABELS.items():
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh + help_text), name
        assert help_text and len(help_text) < 60, name


def test_metric_table_names_metrics_in_chinese_with_the_key_in_small_print():
    html = evaluation.metric_table_html(REPORT)
    assert "召回率@5" in html and "平均倒数排名" in html
    assert '<small class="pq-metric-key">recall@5</small>' in html
    assert METRIC_LABELS["recall@5"][1] in html  # the explanation, on its row
    for header in ("本系统", "目标", "是否达标", "BM25 关键词检索", "纯向量检索"):
        assert f">{header}<" in html


def test_a_metric_with_nothing_to_measure_is_not_applicable_not_failed():
    rows = {r.key: r for r in evaluation.metric_rows(REPORT)}
    assert rows["recall@5"].verdict == "✘ 未达标"
    report = {
        **REPORT,
        "targets": [
            *REPORT["targets"],
            {"metric": "district_f1", "target": ">= 0.95", "value": None, "met": False},
        ],
    }
    rows = {r.key: r for r in evaluation.metric_rows(report)}
    assert rows["district_f1"].verdict == "不适用"
    assert rows["district_f1"].system == "不适用"
    assert rows["mrr"].verdict == ""  # no target: no verdict


def test_comparison_chart_has_a_bar_per_system_for_a_few_key_metrics():
    html = evaluation.comparison_html(REPORT)
    # recall@5 is measured by the system and both baselines; mrr by the system and bm25;
    # district_f1 is not measured; false_abstentions is better low (drawn as such, labelled)
    assert html.count('class="pq-bar"') == 3 + 2 + 2
    assert "召回率@5" in html and "地区集合F1" not in html
    assert "越低越好" in html
    assert "rotate" not in html


def test_comparison_chart_says_when_there_is_nothing_to_draw():
    assert "pq-bar" not in evaluation.comparison_html({"metrics": {"mrr": None}})


def test_failed_items_table_scrolls_rather_than_cuts():
    html = evaluation.failed_table_html(evaluation.failed_rows(REPORT))
    assert html.startswith('<div class="pq-table-scroll">')
    assert html.count("<th>") == len(evaluation.FAILED_HEADERS)
    assert "技术合同成交额？" in html and "missed 重庆高新区" in html
    assert "没有未通过的题目" in evaluation.failed_table_html([])


def _gold_line(**changes) -> str:
    item = next(
        json.loads(line)
        for line in Path(planqa_eval.DEFAULT_GOLD).read_text(encoding="utf-8").splitlines()
        if line.strip() and json.loads(line).get("evidence")
    )
    item.update(changes)
    return json.dumps(item, ensure_ascii=False)


def _first_evidence() -> dict:
    return json.loads(_gold_line())["evidence"][0]


@pytest.mark.parametrize(
    ("evidence_change", "words"),
    [
        ({"line": 99999}, ["题目 e1", "第 99999 行", "只有"]),
        ({"source": "000_nowhere.txt"}, ["题目 e1", "000_nowhere.txt", "没有这个文件"]),
        ({"quote": "这句话不在那一行"}, ["题目 e1", "这句话不在那一行", "不在"]),
    ],
)
def test_an_upload_whose_evidence_the_index_does_not_bear_out_is_refused(
    tmp_path, bundled_index, evidence_change, words
):
    bad = {**_first_evidence(), **evidence_change}
    gold = tmp_path / "upload.jsonl"
    gold.write_text(_gold_line(id="e1", evidence=[bad]) + "\n", encoding="utf-8")
    message = evaluation.accept_gold_upload(str(gold), bundled_index)
    for word in words:
        assert word in message
    assert str(tmp_path) not in message and "upload.jsonl" in message
    assert not gold.exists()  # a refused upload is not kept


def test_an_upload_whose_evidence_holds_is_accepted(tmp_path, bundled_index):
    gold = tmp_path / "upload.jsonl"
    gold.write_text(_gold_line(id="ok") + "\n", encoding="utf-8")
    assert evaluation.accept_gold_upload(str(gold), bundled_index) == ""
    assert gold.exists()


def test_a_malformed_upload_is_refused_in_chinese_at_once(tmp_path, bundled_index):
    gold = tmp_path / "upload.jsonl"
    gold.write_text('{"id": "a", "kind": "factoid", "question": "问"}\n', encoding="utf-8")
    message = evaluation.accept_gold_upload(str(gold), bundled_index)
    assert "upload.jsonl 第 1 行" in message and "未知的题型" in message
    assert "unknown" not in message


def test_check_evidence_raises_the_catalogue_entry(bundled_index):
    item = planqa_eval.load_gold(planqa_eval.DEFAULT_GOLD)[0]
    from dataclasses import replace

    bad = replace(item, evidence=(replace(item.evidence[0], line=99999),))
    with raises_zh("第 99999 行"):
        planqa_eval.gold.check_evidence([bad], bundled_index, "g.jsonl")
    planqa_eval.gold.check_evidence([item], bundled_index, "g.jsonl")  # the real one holds


def test_the_report_is_written_for_download(bundled_index, session_settings):
    """The handler's report files: report.md and report.json of eval.write_report."""
    from ui.common import SharedIndex

    gold = planqa_eval.load_gold(planqa_eval.DEFAULT_GOLD)[:2]
    run = planqa_eval.run(gold, bundled_index, settings=session_settings, baselines=False)
    md, js = evaluation.report_files(run)
    assert Path(md).name.endswith(".md") and Path(js).name == "report.json"
    assert "2 items" in Path(md).read_text(encoding="utf-8")
    assert len(json.loads(Path(js).read_text(encoding="utf-8"))["items"]) == 2
    assert SharedIndex  # the handler serves the same index


# --- 哪些地区提到 -------------------------------------------------------------------------


def mentions_report() -> DistrictReport:
    return DistrictReport(
        topic="氢能",
        districts=(
            DistrictResult("合川区", False, 0.41, (evidence("h1", "推进智能制造。", 0.41),)),
            DistrictResult("綦江区", True, 1.89, (evidence("q1", "发展氢燃料电池。"),), 3),
            DistrictResult("大渡口区", True, 1.95, (evidence("d1", "氢能示范。"),), 1),
            DistrictResult("璧山区", False, 0.0, ()),
        ),
        terms=("氢能", "氢燃料"),
    )


def test_district_rows_show_mentions_not_a_raw_score_in_the_shared_order():
    r = mentions_report()
    rows = districts.district_rows(r)
    assert [row[0] for row in rows] == [x.district for x in r.ranked()]
    assert districts.DISTRICT_HEADERS[:3] == ["地区", "是否提到", "提到处数"]
    by_place = {row[0]: row for row in rows}
    assert by_place["綦江区"][1:3] == ["✔ 提到", "提到 3 处"]
    assert by_place["合川区"][1:3] == ["✘ 未提到", "—"]
    assert "提到 N 处" in districts.MENTIONS_LEGEND or "处" in districts.MENTIONS_LEGEND


def test_district_chart_counts_mentions():
    chart = districts.district_chart_rows(mentions_report())
    assert [(c["地区"], c["提到处数"]) for c in chart][:2] == [("大渡口区", 1), ("綦江区", 3)]


def test_districts_csv_has_the_evidence_and_where_it_stands():
    text = districts.district_csv(mentions_report())
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [r["place"] for r in rows] == [x.district for x in mentions_report().ranked()]
    qijiang = next(r for r in rows if r["place"] == "綦江区")
    assert qijiang["mentions"] == "3" and qijiang["mentioned"] == "是"
    assert qijiang["quote"] == "发展氢燃料电池。"
    assert qijiang["title"] == "规划" and qijiang["source"] == "000_a.txt"
    assert qijiang["lines"] == "10-12" and qijiang["topic"] == "氢能"
    assert next(r for r in rows if r["place"] == "璧山区")["quote"] == ""


def test_districts_export_file_is_a_csv_named_by_the_topic(tmp_path):
    path = Path(districts.export_districts(mentions_report().to_dict()))
    assert path.name == "哪些地区提到-氢能.csv"
    assert path.read_text(encoding="utf-8").startswith("\ufeffplace,")


def test_several_topics_export_every_place_and_topic_with_its_evidence(bundled_index):
    """Several topics show the places × topics grid; its CSV has a row per place and topic
    with the best sentence and where it stands."""
    from qa.grid import topic_grid
    from ui.indicators import IndicatorHandlers

    grid = topic_grid("氢能、人工智能", bundled_index)
    path = Path(IndicatorHandlers(None).export_grid(grid.to_dict(), "csv"))
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8").lstrip("\ufeff"))))
    assert {(r["place"], r["topic"]) for r in rows} == {
        (p, t) for p in grid.places for t in ("氢能", "人工智能")
    }
    for r in rows:
        if r["mentioned"] == "是":
            assert r["quote"] and r["title"] and r["source"] and r["lines"], r


def test_an_unknown_kind_is_named_with_the_kinds_in_chinese(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "kind": "factoid", "question": "问"}\n', encoding="utf-8")
    message = evaluation.accept_gold_upload(str(gold))
    assert "fact（事实）" in message and "unanswerable（无答案）" in message


def test_failed_items_say_why_in_chinese_with_the_stage():
    report = {
        "items": [
            {
                "id": "f9",
                "kind": "fact",
                "question": "问？",
                "passed": False,
                "answer": "答",
                "answer_keywords": ["十"],
                "failures": ["retrieval", "keywords"],
                "stage": "index",
            }
        ]
    }
    (row,) = evaluation.failed_rows(report)
    assert row[-1] == "前 5 个检索结果中没有证据；答案缺少期望的关键词（问题出在：检索）"
