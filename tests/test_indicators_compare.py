"""Indicators across places (qa/indicators.py): names grouped, tables with sources and
conflicts, stored in the index at build time."""

from __future__ import annotations

import json

import pytest

from corpus.errors import UserError
from qa.indicators import NameRules, compare_indicators, group_names, name_key, name_rules


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [  # one case per entry of qa/data/indicator_names.json
        ("研究与试验发展经费支出占地区生产总值比重", "全社会研发经费占地区生产总值的比重"),
        ("R&D经费支出占GDP比重", "研发经费占地区生产总值比重"),
        ("全社会研发投入强度", "研发经费占地区生产总值比重"),
        ("研发强度", "研发经费占地区生产总值比重"),
        ("全社会研发经费投入强度", "研发投入强度"),
        ("研发投入", "研发经费"),
        ("研发经费支出", "研发经费"),
        ("全社会研发经费投入增长", "研发经费增长"),
        ("GDP增长", "地区生产总值增长"),
        ("全社会研发经费占地区生产总值的比重", "研发经费占地区生产总值比重"),
        ("全社会研究与试验发展经费投入年均增长", "研发经费增长"),
        ("规上工业增加值增长", "规模以上工业增加值增长"),
        ("规模工业增加值增长", "规模以上工业增加值增长"),
        ("技术合同交易额", "技术合同成交额"),
        ("市级及以上研发机构数", "市级以上研发机构"),
        ("市级及以上各类研发机构平台总数", "市级以上研发机构"),
        ("市级及以上研发平台", "市级以上研发机构"),
        ("市级、国家级孵化（众创）平台总数", "孵化众创平台"),
        ("城镇常住居民人均可支配收入增长", "城镇居民人均可支配收入增长"),
        ("居民消费价格指数涨幅", "居民消费价格涨幅"),
        ("居民消费价格总水平涨幅", "居民消费价格涨幅"),
        ("居民消费价格指数", "居民消费价格涨幅"),
        ("城镇调查失业率", "调查失业率"),
        ("货物进出口增长", "进出口增长"),
        ("进出口总额增长", "进出口增长"),
        ("进出口总值增长", "进出口增长"),
        ("全区科技型企业", "科技型企业"),  # prefixes
        ("全市高新技术企业", "高新技术企业"),
        ("全省城镇新增就业", "城镇新增就业"),
        ("全县粮食产量", "粮食产量"),
        ("国家高新技术企业数", "高新技术企业"),
        ("地方一般公共预算收入增长", "一般公共预算收入增长"),
        ("科技型企业数量", "科技型企业"),  # suffixes
        ("在孵企业总数", "在孵企业"),
        ("高精尖缺人才总量", "高精尖缺人才"),
        ("城镇新增就业人数", "城镇新增就业"),
        ("新型研发机构数", "新型研发机构"),
        ("研发机构数", "研发机构"),
        ("孵化平台数", "孵化平台"),
        ("高精尖缺人才数", "高精尖缺人才"),
        ("数字经济增加值占地区生产总值比重达", "数字经济增加值占地区生产总值比重"),
    ],
)
def test_every_normalisation_entry(variant, canonical):
    assert name_key(variant) == name_key(canonical)


def test_names_that_measure_different_things_stay_apart():
    for a, b in [
        ("科技型企业数", "规模以上科技型企业数"),
        ("城镇居民人均可支配收入增长", "农村居民人均可支配收入增长"),
        ("数字经济增加值占地区生产总值比重", "数字经济核心产业增加值占地区生产总值比重"),
        ("全社会研究与试验发展经费支出", "全社会研究与试验发展经费支出占地区生产总值比重"),
    ]:
        assert name_key(a) != name_key(b)


def test_grouping_says_why_and_respects_units_and_overrides(tmp_path):
    named = [
        ("研发投入强度", "%"),
        ("R&D经费支出占GDP比重", "%"),
        ("研发经费", "亿元"),
        ("研发投入", "%"),
    ]
    groups = {g.names: g for g in group_names(named)}
    rd = groups[("研发投入强度", "R&D经费支出占GDP比重")]
    assert rd.reasons == (("R&D经费支出占GDP比重", "同一规范名「研发经费占地区生产总值比重」"),)
    # 研发经费 (亿元) and 研发投入 (%) share a key but not a unit
    assert ("研发经费",) in groups and ("研发投入",) in groups
    user = tmp_path / "groups.json"
    user.write_text(
        json.dumps(
            {
                "same": [["研发经费", "研发投入"]],
                "different": [["研发投入强度", "R&D经费支出占GDP比重"]],
            }
        ),
        encoding="utf-8",
    )
    rules = name_rules().with_overrides(user)
    regrouped = {g.names for g in group_names(named, rules=rules)}
    assert ("研发投入强度",) in regrouped and ("R&D经费支出占GDP比重",) in regrouped
    assert ("研发经费",) in regrouped  # the override cannot join different units


def test_embedding_grouping_joins_close_names_only_above_the_threshold():
    vectors = {"甲指标": [1.0, 0.0], "乙指标": [0.99, 0.14], "丙指标": [0.0, 1.0]}
    embed = lambda texts: [vectors[t] for t in texts]
    bare = NameRules((), (), ())
    groups = {g.names for g in group_names([(n, "") for n in vectors], embed, 0.95, bare)}
    assert groups == {("甲指标", "乙指标"), ("丙指标",)}


# --- on the bundled index ----------------------------------------------------------------


def test_the_build_stores_indicators(bundled_index):
    from index.core import read_indicators

    stored = read_indicators(bundled_index.path)
    assert stored and bundled_index.manifest["indicators"]["count"] == len(stored)
    assert bundled_index.manifest["indicators"]["seconds"] < 5


def test_rd_share_across_places(bundled_index):
    table = compare_indicators(bundled_index, "研发投入强度")
    row = next(r for r in table.rows if "R&D经费支出占GDP比重" in r.names)
    assert set(row.names) >= {
        "全社会研发经费占地区生产总值的比重",
        "R&D经费支出占GDP比重",
        "全社会研究与试验发展经费支出占地区生产总值比重",
        "全社会研发投入强度",
    }
    got = {
        c.place: (c.target.display(), c.baseline.display() if c.baseline else None, c.unit)
        for c in row.cells
    }
    assert got == {
        "綦江区": ("3", "2.3", "%"),
        "重庆高新区": ("5.5", "4.9", "%"),
        "大渡口区": ("4", "3.98", "%"),
    }  # 合川's 3%以上 is its 高新区's (高新区内…), a row of its own
    qijiang = row.cell("綦江区")
    assert qijiang.indicator.doc_id == "003_3bc941a8174c68f0#4"  # the canonical copy
    assert qijiang.indicator.line_start == 308
    # 000 (the copy) and the plan's own prose give the same number: agreeing sources; the
    # prose words it "超过3%", which is shown as other wording, not hidden
    assert {i.doc_id for i in qijiang.agreeing} >= {"000_28d192e06e44a9e3"}
    assert not qijiang.value_conflicts
    assert {(x.kind, x.value, x.indicator.kind) for x in qijiang.conflicts} >= {
        ("wording", ">3", "prose")
    }


def test_firms_of_two_places(bundled_index):
    table = compare_indicators(bundled_index, "科技型企业", places=["綦江", "大渡口"])
    assert table.places == ("綦江区", "大渡口区")
    row = next(r for r in table.rows if r.label.startswith("科技型企业"))
    assert {c.place: c.target.display() for c in row.cells} == {"綦江区": "2800", "大渡口区": "550"}
    dd = row.cell("大渡口区")
    assert (dd.unit, dd.baseline.display(), dd.indicator.line_start) == ("家", "301", 109)
    # the 表1 target for 2020 (300) is an older target, not a conflict
    assert not dd.conflicts


def test_conflicts_are_shown(bundled_index):
    table = compare_indicators(bundled_index, "技术合同")
    row = next(r for r in table.rows if "技术合同交易额" in r.names)
    gx = row.cell("重庆高新区")
    assert gx.baseline.display() == "5"
    (conflict,) = gx.value_conflicts
    assert (conflict.role, conflict.year, conflict.value, conflict.chosen) == (
        "actual",
        2020,
        "5.1",
        "5",
    )
    assert (conflict.indicator.kind, conflict.indicator.line_start) == ("prose", 29)
    # the two copies of the Qijiang plan: 000 lost the ">" of ">10"; the number agrees, the
    # wording differs, and both are said
    growth = compare_indicators(bundled_index, "研发经费投入增长").rows[0].cell("綦江区")
    assert growth.target.display() == ">10" and not growth.value_conflicts
    (wording,) = [x for x in growth.conflicts if x.indicator.doc_id == "000_28d192e06e44a9e3"]
    assert (wording.kind, wording.value, wording.chosen) == ("wording", "10", ">10")


def test_flat_rows_and_json(bundled_index):
    table = compare_indicators(bundled_index, "高新技术企业")
    flat = table.flat_rows()
    assert {r["place"] for r in flat} == {"綦江区", "重庆高新区", "大渡口区", "合川区"}
    gx = next(r for r in flat if r["place"] == "重庆高新区")
    assert (gx["target"], gx["baseline"], gx["unit"], gx["source"], gx["lines"]) == (
        "500",
        "195",
        "家",
        "001_937c6c7ecafe199b.txt",
        "138-142",
    )
    d = table.to_dict()
    assert d["indicators"][0]["places"][0]["source"].endswith(".txt")
    json.dumps(d, ensure_ascii=False)


def test_unknown_topic_gives_a_note(bundled_index):
    table = compare_indicators(bundled_index, "火星基地")
    assert not table.rows and table.notes


# --- the commands ------------------------------------------------------------------------


@pytest.fixture
def cli_env(monkeypatch, session_settings, bundled_index):
    monkeypatch.setenv("PLANQA_INDEX_DIR", str(session_settings.index_dir))
    monkeypatch.setenv("PLANQA_CACHE_DIR", str(session_settings.cache_dir))


def test_indicators_command_json_csv_xlsx(cli_env, capsys, tmp_path):
    from openpyxl import load_workbook

    from cli.main import main

    assert main(["indicators", "研发投入强度", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    row = next(r for r in out["indicators"] if "R&D经费支出占GDP比重" in r["names"])
    cells = {c["place"]: c for c in row["places"]}
    assert cells["重庆高新区"]["target"]["display"] == "5.5"
    assert cells["重庆高新区"]["source"] == "001_937c6c7ecafe199b.txt"
    assert (cells["重庆高新区"]["line_start"], cells["重庆高新区"]["line_end"]) == (63, 67)
    assert cells["綦江区"]["target"]["display"] == "3"
    assert row["grouped_because"]

    assert main(["indicators", "科技型企业", "--place", "綦江", "--place", "大渡口", "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(
        "indicator,place,name,unit,baseline_year,baseline,target_year,target"
    )
    assert any(
        line.startswith("科技型企业,大渡口区,科技型企业数,家,2020,301,2025,550") for line in lines
    )

    path = tmp_path / "t.xlsx"
    assert main(["indicators", "高新技术企业", "--xlsx", str(path)]) == 0
    ws = load_workbook(path).active
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in ws.iter_rows(min_row=2)]
    assert {"重庆高新区", "綦江区", "大渡口区"} <= {r["place"] for r in rows}

    assert main(["indicators", "--json", "--csv"]) == 2
    assert main(["indicators", "--place", "火星"]) == 2


def test_indicators_text_output_shows_conflicts(cli_env, capsys):
    from cli.main import main

    assert main(["indicators", "技术合同"]) == 0
    out = capsys.readouterr().out
    assert "技术合同成交额（亿元）" in out and "不一致" in out and "5.1" in out


def test_grid_command(cli_env, capsys):
    from cli.main import main

    assert main(["grid", "氢能、人工智能、科普", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["topics"] == ["氢能", "人工智能", "科普"]
    places = {p["place"]: p for p in out["places"]}
    assert {p for p, v in places.items() if v["mentions_all"]} == {"綦江区", "重庆高新区"}
    qijiang = {t["topic"]: t for t in places["綦江区"]["topics"]}
    ev = qijiang["氢能"]["evidence"]
    assert qijiang["氢能"]["mentioned"] and "氢" in ev["quote"] and ev["source"].endswith(".txt")
    assert main(["grid", "氢能", "科普", "--place", "綦江", "--place", "合川", "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "place,topic,mentioned,score,quote,title,section,source,lines"
    assert len(lines) == 1 + 4 and lines[1].startswith("綦江区,氢能,是,")


# --- ask ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("各区2025年研发投入强度目标分别是多少", ("indicators", ("研发投入强度",), ())),
        (
            "比较綦江和大渡口的科技型企业目标",
            ("indicators", ("科技型企业",), ("綦江区", "大渡口区")),
        ),
        (
            "綦江和大渡口的科技型企业目标差多少",
            ("indicators", ("科技型企业",), ("綦江区", "大渡口区")),
        ),
        ("哪些区把氢能、人工智能和科普都写进了规划", ("grid", ("氢能", "人工智能", "科普"), ())),
        (
            "比较綦江和重庆高新区的技术合同成交额目标",
            ("indicators", ("技术合同成交额",), ("綦江区", "重庆高新区")),
        ),
        ("各区的万人发明专利拥有量目标分别是多少", ("indicators", ("万人发明专利拥有量",), ())),
        ("綦江区的科技型企业目标是多少", None),
        ("哪些区提到了氢能", None),
        ("高新区有哪些人才政策", None),
    ],
)
def test_comparison_frames(bundled_index, question, expected):
    from qa.comparison import comparison_frame

    frame = comparison_frame(question, bundled_index)
    assert (frame and (frame.kind, frame.topics, frame.places)) == expected


def test_ask_answers_comparisons_with_the_table(bundled_index):
    from qa.answer import answer

    a = answer("各区2025年研发投入强度目标分别是多少", bundled_index)
    assert a.mode == "indicators" and not a.abstained
    assert "綦江区2025年目标3%" in a.answer and "重庆高新区2025年目标5.5%" in a.answer
    assert "大渡口区2025年目标4%" in a.answer
    assert "合川区" not in a.answer  # its 3%以上 is its 高新区's
    # targets of another year than the one asked are set apart, not passed off as it
    other = answer("各区2030年科技型企业目标分别是多少", bundled_index)
    assert other.answer.startswith("科技型企业（家）：无。不是2030年的目标：")
    assert "綦江区2025年目标2800家" in other.answer
    assert [c.n for c in a.citations] == [1, 2, 3]
    assert {c.source for c in a.citations} >= {"001_937c6c7ecafe199b.txt"}
    assert a.extra["indicators"]["indicators"]

    b = answer("比较綦江和大渡口的科技型企业目标", bundled_index)
    assert b.answer.startswith("科技型企业（家）：綦江区2025年目标2800家（2020年基期1050家）[1]；")
    assert "大渡口区2025年目标550家（2020年基期301家）[2]" in b.answer
    assert "两者目标相差2250家（綦江区更高）" in b.answer
    assert (
        b.citations[1].quote == "科技型企业数 | 单位: 家 | 指标属性: 预期性 | 2020: 301 | 2025: 550"
    )

    g = answer("哪些区把氢能、人工智能和科普都写进了规划", bundled_index)
    assert g.answer.startswith("同时提到氢能、人工智能、科普的地区（2/4）：綦江区（氢能[1]")
    assert "重庆高新区" in g.answer and len(g.citations) == 6


# --- the UI's pure functions, and an index from before indicators --------------------------


def test_ui_rows_chart_and_detail(bundled_index):
    from ui.indicators import (
        indicator_chart_rows,
        indicator_choices,
        indicator_detail_html,
        indicator_row,
        indicator_table_rows,
    )

    comparison = compare_indicators(bundled_index, "技术合同").to_dict()
    label = indicator_choices(comparison)[0][1]
    row = indicator_row(comparison, label)
    rows = indicator_table_rows(row)
    gx = next(r for r in rows if r[0] == "重庆高新区")
    assert gx[1:6] == [
        "技术合同交易额",
        "5（2020）",
        "20（2025）",
        "亿元",
        "001_937c6c7ecafe199b.txt:103-107",
    ]
    assert "5.1" in gx[6]
    chart = indicator_chart_rows(row)
    assert {"地区": "重庆高新区 目标 2025", "数值": 20.0, "类别": "目标"} in chart
    html = indicator_detail_html(row, "重庆高新区")
    assert "pq-ind-conflict" in html and "001_937c6c7ecafe199b.txt:29" in html
    assert "<script" not in indicator_detail_html(row, "<script>")


def test_a_place_has_only_its_own_documents_indicators(bundled_index):
    """A district's target is not its city's or province's (重庆市 issued none here)."""
    assert not compare_indicators(bundled_index, "科技型企业", level="省").rows
    counties = compare_indicators(bundled_index, "科技型企业", level="区县")
    assert set(counties.places) == {"綦江区", "大渡口区", "重庆高新区", "合川区"}
    with pytest.raises(UserError):
        compare_indicators(bundled_index, "科技型企业", places=["北京"])


def test_an_index_built_before_indicators_says_rebuild(bundled_index, tmp_path):
    import shutil

    import index
    from corpus.errors import UserError

    old = tmp_path / "old"
    shutil.copytree(bundled_index.path, old)
    (old / "indicators.json").unlink()
    manifest = json.loads((old / "manifest.json").read_text("utf-8"))
    manifest["files"].pop("indicators.json")
    (old / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    opened = index.open(old)
    with pytest.raises(UserError, match="rebuild"):
        compare_indicators(opened, "科技型企业")


def test_the_groups_setting_overrides_for_the_cli_and_ask(cli_env, monkeypatch, capsys, tmp_path):
    from cli.main import main
    from corpus.settings import load_settings
    from qa.comparison import comparison_answer

    user = tmp_path / "groups.json"
    user.write_text(json.dumps({"different": [["技术合同交易额", "技术合同成交额"]]}), "utf-8")
    monkeypatch.setenv("PLANQA_INDICATOR_GROUPS", str(user))
    assert main(["indicators", "技术合同", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["indicators"]
    assert ["技术合同交易额"] in [r["names"] for r in rows]  # no longer with 技术合同成交额
    import index

    settings = load_settings()
    a = comparison_answer(
        "比较綦江和重庆高新区的技术合同成交额目标", index.open(settings.index_dir), None, settings
    )
    assert a is not None and "重庆高新区" not in a.answer.split("。")[0]
    assert "未找到重庆高新区的这一指标" in a.answer and "技术合同交易额" in a.answer
