"""Indicators as data: extraction from tables and prose (corpus/indicators.py)."""

from __future__ import annotations

from functools import cache

import pytest

import corpus
from corpus.indicators import Indicator, extract, parse_value


@cache
def bundled() -> tuple[Indicator, ...]:
    return tuple(extract(corpus.load()))


def _rows(doc_id: str) -> list[Indicator]:
    return [i for i in bundled() if i.doc_id == doc_id and i.kind == "table"]


def _one(doc_id: str, name: str, kind: str = "table") -> Indicator:
    found = [i for i in bundled() if i.doc_id == doc_id and i.name == name and i.kind == kind]
    assert len(found) == 1, (doc_id, name, found)
    return found[0]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("≥15", (15.0, "≥", "")),
        (">10", (10.0, ">", "")),
        ("10%", (10.0, "", "%")),
        ("5%左右", (5.0, "左右", "%")),
        ("100以上", (100.0, "以上", "")),
        ("1-2", (1.0, "", "")),
        ("/", (None, "", "")),
        ("-", (None, "", "")),
    ],
)
def test_parse_value(raw, expected):
    assert parse_value(raw) == expected


QIJIANG = [  # 003#4 表1, every row: name, unit, 2020, 2025 as printed
    ("全社会研发经费投入增长", "%", "47.6", ">10"),
    ("全社会研发经费占地区生产总值的比重", "%", "2.3", "3"),
    ("每万名就业人员中研发人员", "人年", "57", "75"),
    ("科技型企业数", "家", "1050", "2800"),
    ("高新技术企业数", "家", "98", "200"),
    ("万人发明专利拥有量", "件", "2.51", "≥6.1"),
    ("规模以上工业企业研发经费支出与营业收入之比", "%", "2.33", "2.8"),
    ("技术合同成交额", "亿元", "1.5", "10"),
    ("战略性新兴产业增加值占规模以上工业增加值比重", "%", "14.48", "≥25"),
    ("规模以上工业产值中高技术产业产值占比", "%", "33.8", "≥50"),
    ("数字经济增加值占地区生产总值比重达", "%", "1.22", "≥15"),
    ("市级及以上研发机构数", "个", "54", "100"),
    ("市级以上科技孵化服务机构", "个", "5", "15"),
    ("公民具备科学素质的比例", "%", "8.8", "≥15"),
]
GAOXIN = [
    ("R&D经费支出占GDP比重", "%", "4.9", "5.5"),
    ("财政科技支出占比", "%", "12", "15"),
    ("重大科技基础设施数量", "个", "0", "3"),
    ("国家级产业创新平台", "个", "0", "4"),
    ("市级以上研发机构", "个", "272", "320"),
    ("市级以上重点实验室", "个", "76", "100"),
    ("新获得国家级科技奖项", "件", "-", "15"),
    ("万人发明专利拥有量", "件", "44.5", "70"),
    ("技术合同交易额", "亿元", "5", "20"),
    ("中试熟化平台", "个", "0", "5"),
    ("国际科技合作平台", "家", "0", "2"),
    ("孵化载体面积", "万平方米", "92", "300"),
    ("在孵企业总数", "家", "664", "2500"),
    ("战略性新兴企业产值占工业总产值比重", "%", "87.4", "90"),
    ("科技型企业数量", "家", "773", "2000"),
    ("高新技术企业数量", "家", "195", "500"),
    ("独角兽企业数量", "家", "0", "5"),
    ("杰出人才", "名", "159", "300"),
    ("金融机构及金融服务机构", "家", "22", "42"),
    ("创业风险投资机构", "家", "7", "20"),
]
DADUKOU = [  # 表2
    ("全社会研究与试验发展经费支出", "亿元", "10.08", "16.2"),
    ("全社会研究与试验发展经费支出占地区生产总值比重", "%", "3.98", "4"),
    ("万人发明专利拥有量", "件", "19.36", "19.5"),
    ("市级及以上研发平台", "个", "47", "60"),
    ("科技型企业数", "家", "301", "550"),
    ("规模以上科技型企业数", "家", "70", "90"),
    ("国家高新技术企业数", "家", "92", "165"),
    ("重庆OTC科创板挂牌企业数", "家", "20", "26"),
    ("高精尖缺人才数", "人", "/", "100"),
    ("孵化（众创）平台数", "个", "15", "20"),
    ("战略性新兴制造业增加值占工业总产值比重", "%", "52.5", "60"),
    ("数字经济核心产业增加值占地区生产总值比重", "%", "/", "10%"),
]


@pytest.mark.parametrize(
    ("doc_id", "rows", "caption"),
    [
        ("003_3bc941a8174c68f0#4", QIJIANG, "表1 綦江区“十四五”时期科技发展主要指标"),
        ("001_937c6c7ecafe199b", GAOXIN, "表 重庆高新区“十四五”科技创新发展规划指标体系表"),
        ("002_3865beef763800ed", DADUKOU, "表2 “十四五”时期大渡口区科技创新发展主要指标"),
    ],
)
def test_every_row_of_the_bundled_indicator_tables(doc_id, rows, caption):
    got = [i for i in _rows(doc_id) if i.caption == caption]
    assert [(i.name, i.unit, i.baseline.raw, i.target.raw) for i in got] == rows
    for i in got:
        assert i.baseline.year == 2020 and i.target.year == 2025
        assert i.attribute == "预期性"  # 綦江 prints 预期值 for most rows: the same attribute
        assert i.line_start <= i.line_end and i.source == doc_id.split("#")[0] + ".txt"


def test_headline_values_and_their_citations():
    rd = _one("003_3bc941a8174c68f0#4", "全社会研发经费占地区生产总值的比重")
    assert (rd.target.number, rd.unit, rd.line_start) == (3.0, "%", 308)
    gx = _one("001_937c6c7ecafe199b", "R&D经费支出占GDP比重")
    assert (gx.target.number, gx.unit, gx.line_start, gx.line_end) == (5.5, "%", 63, 67)
    dd = _one("002_3865beef763800ed", "科技型企业数")
    assert (dd.target.number, dd.unit, dd.baseline.number) == (550.0, "家", 301.0)
    assert dd.quote == "科技型企业数 | 单位: 家 | 指标属性: 预期性 | 2020: 301 | 2025: 550"
    assert dd.section[-1] == "（三）发展目标"


def test_qualifiers_and_missing_values():
    growth = _one("003_3bc941a8174c68f0#4", "全社会研发经费投入增长")
    assert (growth.target.number, growth.target.qualifier) == (10.0, ">")
    talent = _one("002_3865beef763800ed", "高精尖缺人才数")
    assert talent.baseline.number is None and talent.baseline.raw == "/"


def test_a_footnote_moves_a_value_to_its_real_year():
    """大渡口's 表1: the “2020年” R&D share and patents are 2019 data (its footnote)."""
    rd = _one("002_3865beef763800ed", "研究与试验发展经费支出占地区生产总值比重")
    actual = next(v for v in rd.values if v.role == "actual")
    assert (actual.raw, actual.year, actual.label) == ("3.98", 2019, "2020年")
    assert "2019年数据" in actual.note and rd.notes
    target = rd.target
    assert (target.raw, target.year, target.label) == ("2.5", 2020, "“十三五”目标")
    firms = _one("002_3865beef763800ed", "科技型企业")
    assert next(v for v in firms.values if v.role == "actual").year == 2020  # not in the note


def test_the_duplicate_copy_keeps_its_own_values_and_says_whose_copy_it_is():
    rows = _rows("000_28d192e06e44a9e3")
    assert len(rows) == 14
    assert {i.duplicate_of for i in rows} == {"003_3bc941a8174c68f0#4"}
    growth = next(i for i in rows if i.name == "全社会研发经费投入增长")
    assert growth.target.raw == "10"  # 000 lost the > that 003#4 prints


def test_the_decisions_catalogue_is_not_an_indicator_table():
    assert not [i for i in bundled() if i.doc_id == "003_3bc941a8174c68f0#6"]


def test_prose_targets_of_the_plans():
    firms = [
        i
        for i in bundled()
        if i.doc_id == "002_3865beef763800ed" and i.kind == "prose" and i.name == "科技型企业"
    ]
    assert {(i.target.number, i.unit, i.target.year, i.line_start) for i in firms} == {
        (550.0, "家", 2025, 69),
        (550.0, "家", 2025, 216),
    }
    assert "到2025年，全区科技型企业达到550家" in firms[0].quote
    strength = _one("003_3bc941a8174c68f0#4", "全社会研发投入强度", kind="prose")
    assert (strength.target.number, strength.target.qualifier, strength.unit) == (3.0, ">", "%")
    # the subject a clause leaves out is carried: …经费投入年均增长10%以上，占地区生产总值比重突破4%
    shares = [
        i
        for i in bundled()
        if i.name == "全社会研究与试验发展经费投入占地区生产总值比重" and i.kind == "prose"
    ]
    assert [(i.line_start, i.target.number, i.target.qualifier) for i in shares] == [
        (70, 4.0, ">"),
        (240, 4.0, ">"),
    ]


def test_a_year_stated_value_in_prose_is_an_actual():
    """001's text reports 技术合同成交额 5.1亿元 for 2020; its table prints 5."""
    contracts = _one("001_937c6c7ecafe199b", "技术合同成交额", kind="prose")
    (value,) = contracts.values
    assert (value.role, value.year, value.number, contracts.unit) == ("actual", 2020, 5.1, "亿元")


def test_prose_targets_of_a_work_report(tmp_path):
    text = (
        "各位代表：\n现在，我代表市人民政府，向大会报告工作。\n"
        "2023年，地区生产总值增长6.1%。\n"
        "全市规上工业增加值增长7%，投资增长5%。\n"
        "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，规模以上工业增加值、"
        "社会消费品零售总额均增长8%以上，城乡居民人均可支配收入分别增长5%、6.5%，"
        "城镇新增就业3.3万人以上，居民消费价格涨幅控制在3%左右。\n"
        "新增高新技术企业100家以上。\n"
    )
    path = tmp_path / "2024年某市政府工作报告.txt"
    path.write_text(text, encoding="utf-8")
    got = {
        (i.name, i.target.raw if i.target else None, i.target.qualifier if i.target else None)
        for i in extract(corpus.load([path]))
        if i.target
    }
    assert got == {
        ("地区生产总值增长", "5", "左右"),
        ("规模以上工业增加值增长", "8", "以上"),
        ("社会消费品零售总额增长", "8", "以上"),
        ("城镇居民人均可支配收入增长", "5", ""),
        ("农村居民人均可支配收入增长", "6.5", ""),
        ("城镇新增就业", "3.3", "以上"),
        ("居民消费价格涨幅", "3", "左右"),
        ("新增高新技术企业", "100", "以上"),  # the year's work, after the targets
    }, "the review of last year is not a target (全市规上工业增加值增长7%)"
    actual = [i for i in extract(corpus.load([path])) if not i.target]
    assert [(i.name, i.values[0].year) for i in actual] == [("地区生产总值增长", 2023)]


def test_round_trip():
    for i in bundled()[:20]:
        assert Indicator.from_dict(i.to_dict()) == i


def test_a_scope_opening_a_sentence_holds_for_its_later_targets():
    """合川's 工作要点: "力争高新区内科技型企业达到350家以上，高新技术企业达到120家以上，研发投入
    强度达到3%以上" — all three are its 高新区's, not the district's."""
    names = {
        i.name for i in bundled() if i.doc_id == "004_d29d0fa2820130c5-附件1" and i.line_start == 28
    }
    assert names == {"高新区内科技型企业", "高新区内高新技术企业", "高新区内研发投入强度"}


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("确保耕地保有量不低于398．2万亩，", ("耕地保有量", "万亩", "398.2", "≥")),
        ("生活垃圾无害化处理率在99％以上，", ("生活垃圾无害化处理率", "%", "99", "以上")),
        (
            "城市生活污水集中收集率提高5个百分点以上",
            ("城市生活污水集中收集率提高", "个百分点", "5", "以上"),
        ),
        (
            "绿色贷款增速高于各类贷款平均增速10个百分点",
            ("绿色贷款增速高于各类贷款平均增速", "个百分点", "10", ""),
        ),
    ],
)
def test_prose_clauses(clause, expected):
    from corpus.indicators import _prose_clause

    ((name, unit, (value,), _),) = _prose_clause(clause)
    assert (name, unit, value.raw, value.qualifier) == expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (  # 嘉兴: one action verb, then a list of name-value items
            "新增国家高新技术企业500家、省科技型中小企业1200家，",
            [("新增国家高新技术企业", "家", "500", ""), ("新增省科技型中小企业", "家", "1200", "")],
        ),
        (  # 赣州: each item with its own verb keeps it
            "新入库科技型中小企业1500家、认定高新技术企业300家以上。",
            [("新入库科技型中小企业", "家", "1500", ""), ("认定高新技术企业", "家", "300", "以上")],
        ),
        (  # 吉安: 各 gives every name the value
            "引入人才项目、领军人才各30个以上，",
            [("引入人才项目", "个", "30", "以上"), ("引入领军人才", "个", "30", "以上")],
        ),
        (  # a 、 between two names, not after a value, does not cut the name
            "建成省级以上企业研究院、研发中心70家。",
            [("建成省级以上企业研究院、研发中心", "家", "70", "")],
        ),
    ],
)
def test_lists_of_targets_after_an_action_verb(clause, expected):
    from corpus.indicators import _prose_clause

    got = [(n, unit, v.raw, v.qualifier) for n, unit, (v,), _ in _prose_clause(clause)]
    assert got == expected


def test_a_review_is_not_read_as_targets_after_a_sentence_of_its_own_cue(tmp_path):
    """力争/确保 hold for their own sentence; 到20XX年 and 主要目标是 for the paragraph. A work
    report whose targets have no lead-in turns to this year at its 总体要求 (绵阳)."""
    text = (
        "各位代表：\n现在，我代表市人民政府，向大会报告工作。\n"
        "一年来，脱贫成果持续巩固。确保有劳动力的家庭至少有1人稳定就业。脱贫群众人均纯收入"
        "增长15%。新开工农村危房改造4869户。\n"
        "今年政府工作的总体要求是：坚持稳中求进。\n"
        "地区生产总值增长7%左右，规上工业增加值增长8%。\n"
        "培育省级示范村50个、市级示范村100个。\n"
    )
    path = tmp_path / "2024年某市政府工作报告.txt"
    path.write_text(text, encoding="utf-8")
    got = {(i.name, i.target.raw) for i in extract(corpus.load([path])) if i.target}
    assert got == {
        ("地区生产总值增长", "7"),
        ("规上工业增加值增长", "8"),
        ("培育省级示范村", "50"),
        ("培育市级示范村", "100"),
    }


# --- contractions: one word for several (corpus/data/contractions.json) -------------------

# every entry of the data file, with a phrase of a report it stands in and what that reads as
CONTRACTION_EXAMPLES = {
    "存贷款": ("金融机构存贷款余额", ["金融机构存款余额", "金融机构贷款余额"]),
    "城乡居民": ("城乡居民人均可支配收入", ["城镇居民人均可支配收入", "农村居民人均可支配收入"]),
    "城镇和农村居民": (
        "城镇和农村居民人均可支配收入",
        ["城镇居民人均可支配收入", "农村居民人均可支配收入"],
    ),
    "城镇、农村居民": (
        "城镇、农村居民人均可支配收入",
        ["城镇居民人均可支配收入", "农村居民人均可支配收入"],
    ),
    "城乡": ("城乡低保标准", ["城镇低保标准", "农村低保标准"]),
    "进出口": ("进出口额", ["进口额", "出口额"]),
    "收支": ("一般公共预算收支", ["一般公共预算收入", "一般公共预算支出"]),
    "一、二、三产": ("一、二、三产", ["第一产业增加值", "第二产业增加值", "第三产业增加值"]),
    "一二三产": ("一二三产增加值", ["第一产业增加值", "第二产业增加值", "第三产业增加值"]),
    "一、二、三产业": (
        "一、二、三产业增加值",
        ["第一产业增加值", "第二产业增加值", "第三产业增加值"],
    ),
    "三次产业": ("三次产业增加值", ["第一产业增加值", "第二产业增加值", "第三产业增加值"]),
    "二、三产业": ("二、三产业增加值", ["第二产业增加值", "第三产业增加值"]),
    "农林牧渔业": ("农林牧渔业增加值", ["农业增加值", "林业增加值", "牧业增加值", "渔业增加值"]),
    "工农业": ("工农业总产值", ["工业总产值", "农业总产值"]),
    "内外贸": ("内外贸企业", ["内贸企业", "外贸企业"]),
    "客货运": ("客货运量", ["客运量", "货运量"]),
    "国省道": ("国省道里程", ["国道里程", "省道里程"]),
    "新改扩建": ("新改扩建学校", ["新建学校", "改建学校", "扩建学校"]),
    "新改建": ("新改建农村公路", ["新建农村公路", "改建农村公路"]),
    "大中型": ("大中型水库", ["大型水库", "中型水库"]),
    "中小微企业": ("中小微企业贷款", ["中型企业贷款", "小型企业贷款", "微型企业贷款"]),
    "中小学": ("中小学生", ["中学生", "小学生"]),
    "中高职": ("中高职院校", ["中职院校", "高职院校"]),
    "大中专": ("大中专毕业生", ["大专毕业生", "中专毕业生"]),
    "省市级": ("省市级重点项目", ["省级重点项目", "市级重点项目"]),
    "国内外": ("国内外游客", ["国内游客", "国外游客"]),
    "出入境": ("出入境人员", ["出境人员", "入境人员"]),
    "粮肉奶": ("粮肉奶产量", ["粮食产量", "肉类产量", "奶类产量"]),
    "肉蛋奶": ("肉蛋奶产量", ["肉类产量", "禽蛋产量", "奶类产量"]),
    "粮棉油": ("粮棉油生产", ["粮食生产", "棉花生产", "油料生产"]),
    "水风光氢": (
        "水风光氢多能互补",
        ["水电多能互补", "风电多能互补", "光伏多能互补", "氢能多能互补"],
    ),
    "风光水火储": (
        "风光水火储一体化",
        ["风电一体化", "光伏一体化", "水电一体化", "火电一体化", "储能一体化"],
    ),
    "水风光": ("水风光基地", ["水电基地", "风电基地", "光伏基地"]),
    "风光储": ("风光储项目", ["风电项目", "光伏项目", "储能项目"]),
    "源网荷储": ("源网荷储一体化", ["电源一体化", "电网一体化", "负荷一体化", "储能一体化"]),
}


def test_every_contraction_has_an_example():
    from corpus.contractions import contractions

    assert set(contractions()) == set(CONTRACTION_EXAMPLES)


@pytest.mark.parametrize("word", sorted(CONTRACTION_EXAMPLES))
def test_a_contraction_expands_as_written(word):
    from corpus.contractions import contractions, expand_contraction

    phrase, expected = CONTRACTION_EXAMPLES[word]
    assert expand_contraction(word) == list(contractions()[word])
    assert expand_contraction(phrase) == expected


@pytest.mark.parametrize("word", sorted(CONTRACTION_EXAMPLES))
def test_the_parts_of_a_contraction_are_words(word):
    """Each part is a word of jieba's dictionary, or a run of its words of two characters or
    more (第一产业 + 增加值): no part is a fragment."""
    import jieba

    from corpus.contractions import contractions

    jieba.initialize()
    for part in contractions()[word]:
        tokens = jieba.lcut(part, HMM=False)
        known = jieba.dt.FREQ.get(part, 0) > 0 or all(
            len(t) >= 2 and jieba.dt.FREQ.get(t, 0) > 0 for t in tokens
        )
        assert known, (word, part, tokens)


def test_a_phrase_without_a_contraction_is_itself():
    from corpus.contractions import expand_contraction

    assert expand_contraction("地区生产总值") == ["地区生产总值"]


# --- modality, coordination, lists (heldout2's kinds of error) ------------------------------


def _clause(clause: str) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    from corpus.indicators import _prose_clause

    return [
        (n, unit, [(v.raw, v.qualifier, v.label) for v in values])
        for n, unit, values, _ in _prose_clause(clause)
    ]


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (  # modality is not part of the name; 确保X、力争Y are two targets of one indicator
            "地区生产总值确保增长6.5%、力争7%以上；",
            [("地区生产总值增长", "%", [("6.5", "", "确保"), ("7", "以上", "力争")])],
        ),
        (  # the goal may have a verb of its own, which gives its qualifier
            "力争工业总产值达880亿元、奋斗突破900亿元。",
            [("工业总产值", "亿元", [("880", "", "力争"), ("900", ">", "奋斗")])],
        ),
        (  # 保8争9: a floor and a goal, the unit of a rate unsaid
            "地区生产总值增速“保8争9”，",
            [("地区生产总值增速", "%", [("8", "", "保"), ("9", "", "争")])],
        ),
        (  # one modality alone is only dropped from the name
            "社会消费品零售总额确保增长9%；",
            [("社会消费品零售总额增长", "%", [("9", "", "")])],
        ),
    ],
)
def test_modality_is_not_a_name_and_pairs_targets(clause, expected):
    assert _clause(clause) == expected


def test_a_goal_clause_restating_the_indicator_before_joins_it(tmp_path):
    text = (
        "各位代表：\n今年主要目标是：地区生产总值增速高于全省1个百分点左右，"
        "力争高于全省2个百分点；粮食产量稳定在260万吨以上。\n"
    )
    path = tmp_path / "2024年某市政府工作报告.txt"
    path.write_text(text, encoding="utf-8")
    got = [
        (i.name, [(v.raw, v.qualifier, v.label) for v in i.values])
        for i in extract(corpus.load([path]))
    ]
    assert got == [
        ("地区生产总值增速高于全省", [("1", "左右", ""), ("2", "", "力争")]),
        ("粮食产量", [("260", "以上", "")]),
    ]


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (  # 和 between a modifier and the name whose head it shares
            "城镇和农村居民人均可支配收入分别增长7%、9%；",
            ["城镇居民人均可支配收入增长 7", "农村居民人均可支配收入增长 9"],
        ),
        (  # a contraction: 存贷款 is 存款 and 贷款
            "金融机构存贷款余额分别增长9%、14%。",
            ["金融机构存款余额增长 9", "金融机构贷款余额增长 14"],
        ),
        (  # a contraction written with 、 is not a list of 一, 二, 三产
            "其中一、二、三产分别增长5%、8%、5.8%；",
            ["第一产业增加值增长 5", "第二产业增加值增长 8", "第三产业增加值增长 5.8"],
        ),
        (
            "三次产业增加值分别增长3%、7%、7%，",
            ["第一产业增加值增长 3", "第二产业增加值增长 7", "第三产业增加值增长 7"],
        ),
        (  # 均 over a listed name keeps it whole: 进出口总额 is an indicator of its own
            "规模以上工业增加值、进出口总额均增长8%以上，",
            ["规模以上工业增加值增长 8", "进出口总额增长 8"],
        ),
        (  # 均 over a contraction alone gives its parts
            "城乡居民人均可支配收入均增长6%，",
            ["城镇居民人均可支配收入增长 6", "农村居民人均可支配收入增长 6"],
        ),
    ],
)
def test_coordinated_subjects_are_distributed_over_their_values(clause, expected):
    assert [f"{n} {values[0][0]}" for n, _, values in _clause(clause)] == expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (  # a list of several things sharing one count is one indicator (等 closes the list)
            "力争新增自治区工业龙头企业、专精特新中小企业、自治区级以上创新创业平台等7家，",
            ["新增自治区工业龙头企业、专精特新中小企业、自治区级以上创新创业平台 7"],
        ),
        (  # counts before names; a level alone takes the next name's head
            "力争新增2家国家级、15家省级专精特新企业，",
            ["新增国家级专精特新企业 2", "新增省级专精特新企业 15"],
        ),
        (  # a carrier verb opens the list but names nothing; 和 before a count cuts
            "推动50个以上重点项目竣工投产、150个以上重点项目开工建设，",
            ["重点项目竣工投产 50", "重点项目开工建设 150"],
        ),
        (
            "完成2万亩以上撂荒地治理和5.7万亩高标准农田新建及改造任务，",
            ["完成撂荒地治理 2", "高标准农田新建及改造 5.7"],  # 新建: a verb of its own
        ),
        (  # a digit that opens a word is part of the name
            "省级示范企业3家以上、5G全连接工厂1家以上。",
            ["省级示范企业 3", "5G全连接工厂 1"],
        ),
        (  # a later item keeps its own subject before its verb
            "实现科技型中小企业入库70家、高新技术企业认定备案10家。",
            ["科技型中小企业入库 70", "高新技术企业认定备案 10"],
        ),
    ],
)
def test_lists_sharing_a_count_or_a_verb(clause, expected):
    assert [f"{n} {values[0][0]}" for n, _, values in _clause(clause)] == expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (  # a value and 、 end an item inside a clause of predicates
            "力争全社会研发经费投入增长7%、转化应用科技成果30项以上、技术合同成交额达到60亿元。",
            ["全社会研发经费投入增长 7", "转化应用科技成果 30", "技术合同成交额 60"],
        ),
        (  # a predicate that opens what is left has the subject before
            "高新技术产业年营业收入突破750亿元、增长7%以上。",
            ["高新技术产业年营业收入 750", "高新技术产业年营业收入增长 7"],
        ),
        (  # …and after a cut, the listed item's subject without its verb
            "一般公共预算收入完成244.6亿元、增长6.1%，",
            ["一般公共预算收入完成 244.6", "一般公共预算收入增长 6.1"],
        ),
        (  # a statement with its own verb before 、 is not part of the next name
            "力争瞪羚企业实现“零”的突破、国家高新技术企业突破90家，",
            ["国家高新技术企业 90"],
        ),
        (  # but a count after a cut is not the subject's: 超20亿元企业 is no 新增产值
            "力争新增产值超10亿元企业8家、超20亿元企业2家。",
            ["新增产值 10"],
        ),
    ],
)
def test_names_are_cut_where_an_item_ends(clause, expected):
    assert [f"{n} {values[0][0]}" for n, _, values in _clause(clause)] == expected


def test_values_paired_by_fen_bie_keep_their_own_units():
    got = [(n, unit) for n, unit, _ in _clause("全年粮食播面和总产分别稳定在960万亩、74亿斤以上。")]
    assert got == [("粮食播面", "万亩"), ("总产", "亿斤")]


@pytest.mark.parametrize(
    "clause",
    [
        "推动印江年产5000吨酱香白酒等重点项目建设。",
        "加快年产200万吨级绿色锰矿山建设，",
    ],
)
def test_a_number_giving_a_size_is_no_count(clause):
    assert _clause(clause) == []


def test_a_name_left_empty_by_a_cut_does_not_reach_into_the_clause_before():
    from corpus.indicators import _prose_clause

    # (the first item, 超10亿元企业8家, is itself still misread: 新增产值 10)
    got = _prose_clause("力争新增产值超10亿元企业8家、超20亿元企业2家。", "实施“大树培育”计划，")
    assert not any("计划" in n for n, *_ in got)
