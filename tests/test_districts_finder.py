"""The district finder (哪些区提到) on the real bundled index: topics in Latin letters, markup
in the input, mentions and the order of the report, as the CLI shows them."""

from __future__ import annotations

import json
import re

import pytest

from qa.term_matcher import term_pattern
from qa.text import check_question
from qa.types import DistrictReport, DistrictResult


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("x", "推进v2x车路协同", False),
        ("x", "构建n+x产业体系", False),
        ("x", "x射线检测", True),
        ("ai", "发展ai+制造", True),
        ("ai", "通过email联系", False),
        ("5g", "建设5g基站", True),
        ("5g", "推进5g+工业互联网", True),
        ("5g", "推广15g标准", False),
        ("5g基站", "新建15g基站", False),
        ("氢能", "发展氢能产业", True),
    ],
)
def test_ascii_terms_match_only_whole_latin_runs(term, text, found):
    assert bool(term_pattern((term,)).search(text)) is found


def test_markup_is_stripped_from_questions():
    assert check_question("<b>氢能</b>", what="topic") == "氢能"
    assert check_question("哪些区提到&lt;i&gt;氢能&lt;/i&gt;&amp;储能？") == "哪些区提到氢能&储能？"
    assert check_question("PM2.5<35的目标") == "PM2.5<35的目标"


def test_one_order_for_a_report():
    results = (
        DistrictResult("甲区", False, 0.9),
        DistrictResult("乙区", True, 1.5, mentions=2),
        DistrictResult("丙区", True, 1.5, mentions=7),
        DistrictResult("丁区", True, 0.8),
        DistrictResult("戊区", True, 1.5, mentions=7),
    )
    report = DistrictReport(topic="氢能", districts=results)
    assert [r.district for r in report.ranked()] == ["丙区", "戊区", "乙区", "丁区", "甲区"]
    assert report.to_dict()["districts"][1]["mentions"] == 2


@pytest.mark.slow
def test_x_is_not_found_inside_v2x(bundled_index):
    from qa.districts import districts

    report = districts("x", bundled_index)
    assert not any(
        "v2x" in e.quote.lower() for r in report.districts if r.mentioned for e in r.evidence
    )


@pytest.mark.slow
def test_a_topic_in_markup_finds_what_the_plain_topic_finds(bundled_index):
    from qa.districts import districts

    plain = districts("氢能", bundled_index)
    marked = districts("<b>氢能</b>", bundled_index)
    assert marked.topic == "氢能" and marked.mentioned == plain.mentioned
    assert set(plain.mentioned) == {"綦江区", "重庆高新区"}


@pytest.mark.slow
def test_cli_report_lists_mentions_first_with_counts_and_a_legend(
    session_settings, bundled_index, monkeypatch, capsys
):
    from cli.main import main

    monkeypatch.setenv("PLANQA_INDEX_DIR", str(session_settings.index_dir))
    monkeypatch.setenv("PLANQA_CACHE_DIR", str(session_settings.cache_dir))
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["districts", "氢能", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    counts = {d["district"]: d["mentions"] for d in out["districts"]}
    assert set(out["districts"][0]) >= {"district", "mentioned", "score", "evidence"}
    assert counts["綦江区"] >= 1 and counts["大渡口区"] == 0
    assert main(["districts", "氢能"]) == 0
    text = capsys.readouterr().out
    first_cells = [re.match(r"^\W*(\S+)", line) for line in text.splitlines()]
    rows = [line for line, m in zip(text.splitlines(), first_cells) if m and m[1] in counts]
    order = [re.match(r"^\W*(\S+)", line)[1] for line in rows]
    assert sorted(order) == sorted(counts), text
    assert set(order[:2]) == {"綦江区", "重庆高新区"}, text
    assert f"{counts['綦江区']}" in rows[order.index("綦江区")]
    assert "得分" in text and "余弦" in text  # the legend


def test_a_topic_that_names_one_thing_is_met_by_meaning_only_where_its_words_are():
    from qa.meaning import names_enough

    named = names_enough("婴幼儿照护服务示范城市")
    assert not named("优化普惠安全的育幼一体化服务，新增普惠托育机构15家")
    assert named("成功创建全国首批婴幼儿照护服务示范城市")
    assert named("获评湖南省第一批婴幼儿照护服务示范市")
    short = names_enough("低空经济")  # a short topic may be met in other words
    assert short("发展无人机产业，建设通用机场")
    # a rank the topic names must be named: five annotators held a 省级 or unranked 区域医疗中心
    # to be no 国家区域医疗中心
    ranked = names_enough("国家区域医疗中心")
    assert not ranked("加快省级区域医疗中心、中医药传承创新发展示范试点等项目建设")
    assert not ranked("抓好区域医疗中心服务能力建设及二期项目规划")
    assert ranked("推动市中医院与省外高校共建国家医疗中心和区域医疗中心")
    assert names_enough("市级以上研发机构")("到2025年，建成市级以上研发平台达到100个")
    # the kind with a wider head is a wider class: 科技型企业 counts more than the asked
    narrow = names_enough("科技型中小企业")
    assert not narrow("到2025年，科技型企业达到500家")
    assert narrow("科技型中小企业入库评价达到2300家")


def test_which_districts_of_the_municipality(bundled_index):
    from qa.districts import districts

    report = districts("重庆哪些区县提到了氢能？", bundled_index, only=["重庆"])
    assert report.level == "county" and len(report.districts) == 4
    assert set(report.mentioned) == {"綦江区", "重庆高新区"}


def test_a_topic_said_only_in_a_heading_is_said_of_the_passages_under_it():
    from qa.districts import districts
    from tests.qa_support import FakeIndex, make_chunk

    index = FakeIndex(
        [
            make_chunk(
                "h",
                "开展特殊困难老年人家庭适老化改造6000户，新增普惠托位2000个。",
                section=("二、深化“一老一小”关爱服务",),
            ),
            make_chunk("o", "新增普惠托位1000个。", district="合川区", section=("三、民生",)),
        ]
    )
    report = districts("“一老一小”这个说法哪些区用了？", index)
    found = {r.district: r for r in report.districts}
    assert found["綦江区"].mentioned and not found["合川区"].mentioned
    assert found["綦江区"].evidence[0].quote == "二、深化“一老一小”关爱服务"
    # a heading states no target: asked for one, the heading is no evidence
    target = districts("哪些区给“一老一小”定了目标？", index)
    assert not any(r.mentioned for r in target.districts)


def test_the_documents_of_either_year_asked_stand_for_their_places():
    # (2024、2025年政府工作报告里: a place with a report of either year; a plan of neither year's
    # is set aside)
    from corpus.model import Document
    from qa.districts import districts
    from tests.qa_support import FakeIndex, make_chunk

    def document(doc_id, title, district, doc_type="work_report"):
        return Document(doc_id, title, district, None, None, None, None, doc_type, doc_id, 1, 9)

    index = FakeIndex(
        [
            make_chunk("a", "新建高标准农田30万亩。", district="芜湖市", source="a.txt"),
            make_chunk("b", "建设高标准农田50万亩。", district="河南省", source="b.txt"),
            make_chunk("c", "推进高标准农田建设。", district="綦江区", source="c.txt"),
        ],
        [
            document("a", "芜湖市2024年政府工作报告", "芜湖市"),
            document("b", "2025年河南省政府工作报告", "河南省"),
            document("c", "綦江区“十四五”科技创新规划", "綦江区", "plan"),
        ],
    )
    report = districts("2024、2025年政府工作报告里提到高标准农田的有哪些地方？", index)
    assert sorted(r.district for r in report.districts) == ["河南省", "芜湖市"]
    assert all(r.mentioned for r in report.districts)
    one = districts("2025年政府工作报告里提到高标准农田的有哪些地方？", index)
    assert [r.district for r in one.districts] == ["河南省"]


def _met(topic, text):
    """Whether `text` names `topic` in any of the terms it expands to."""
    from qa.term_matcher import term_matcher
    from qa.topic_terms import expand_terms, norm

    return term_matcher(expand_terms(topic)).search(norm(text)) is not None


def test_a_short_bracket_inside_a_name_and_a_names_short_form_are_read_as_the_name():
    met = _met
    assert met("院士专家工作站", "依托院士（专家）工作站培育战略科技人才")
    assert met("院士工作站", "依托院士（专家）工作站培育战略科技人才")
    assert met("新改建农村公路", "新（改）建农村公路800公里")
    assert met("长期护理保险", "全面推行职工长护险")  # each word's first character, the last's last
    assert not met("长期护理保险", "推行职工医疗保险")
    # a field synonym of qa/data/synonyms.json
    assert met("充电桩", "新建新能源充电设施8000台")
    # a thing and its greening, in either order
    assert met("荒山绿化", "绿化荒山5000亩")
    assert met("矿山复绿", "完成废弃矿山绿化120亩")


def _synonym_groups():
    from qa.topic_terms import synonym_groups

    return synonym_groups()


@pytest.mark.parametrize("group", _synonym_groups(), ids=lambda g: g[0])
def test_each_synonym_group_finds_a_topic_under_each_of_its_terms(group):
    from qa.topic_terms import expand_terms, norm

    for term in group:
        found = {norm(t) for t in expand_terms(term)}
        assert {norm(t) for t in group} <= found, term


def test_places_of_several_levels_named_are_called_places_not_districts():
    from qa.districts import districts
    from tests.qa_support import FakeIndex, make_chunk

    index = FakeIndex(
        [
            make_chunk("s", "开工招远一期、石岛湾核电2号机组。", district="山东省"),
            make_chunk("l", "发展新能源汽车产业。", district="聊城市"),
            make_chunk("q", "建设科普基地。", district="綦江区"),
        ]
    )
    mixed = districts("核电", index, only=["山东", "聊城"])
    assert mixed.level == "mixed" and mixed.level_name == "地方"
    assert [r.district for r in mixed.districts if r.mentioned] == ["山东省"]
    assert districts("核电", index, only=["山东"]).level == "province"


@pytest.mark.parametrize(
    "topic, not_a_synonym",
    [
        ("科技馆", "科普"),
        ("科普", "科技馆"),
        ("碳达峰", "碳排放"),
        ("碳达峰", "碳中和"),  # two goals: 双碳 is both, each is one
        ("碳中和", "碳达峰"),
        ("知识价值信用贷款", "科技金融"),
        ("知识价值信用贷款", "风险投资"),
        ("卫星产业", "航天"),
        ("智能网联汽车", "新能源汽车"),  # connected, not new-energy, vehicles
        ("新能源汽车", "智能网联汽车"),
        ("四好农村路", "农村公路"),  # a campaign for rural roads, met only by its own name
    ],
)
def test_a_kind_or_a_measure_of_a_field_is_no_synonym_of_it(topic, not_a_synonym):
    # two annotators each held a plan's 科普 passage to be no mention of 科技馆, and a
    # report's 碳排放 to be none of 碳达峰 (one, a report with 碳达峰 alone to be none of 碳中和); four, a 科技金融 or 风险投资 passage to be none of
    # 知识价值信用贷款; one, 航空航天 to be none of 卫星产业; one, a new-energy vehicle park
    # to be none of 智能网联汽车
    from qa.topic_terms import expand_terms, norm

    assert not any(norm(not_a_synonym) in norm(t) for t in expand_terms(topic))


def _narrower_terms():
    from qa.topic_terms import narrower_terms

    return narrower_terms()


@pytest.mark.parametrize(("field", "kinds"), _narrower_terms(), ids=lambda g: str(g)[:8])
def test_a_field_is_met_by_each_of_its_kinds_and_a_kind_by_itself(field, kinds):
    from qa.topic_terms import expand_terms, norm

    assert {norm(k) for k in kinds} <= {norm(t) for t in expand_terms(field)}
    for kind in kinds:
        assert norm(field) not in {norm(t) for t in expand_terms(kind)}


def test_an_ambiguous_short_form_in_a_list_of_places_is_the_place():
    from corpus.gazetteer import listed_districts
    from qa.place_questions import places_only

    assert listed_districts("綦江、高新区、合川这三个，哪个提到了瞪羚企业？") == [
        "綦江区",
        "重庆高新区",
        "合川区",
    ]
    assert places_only("綦江、高新区、合川")
    # in running text, or alone, 高新区 is any district's high-tech zone
    assert listed_districts("高新区的瞪羚企业有多少家？") == []
    assert listed_districts("长寿老人和綦江") == []


def test_a_place_judged_on_its_own_documents_is_searched_in_them():
    # the index's search filtered by a place reaches the places inside it (重庆市's districts'
    # plans), whose passages the judge of 重庆市's own report then drops: its own documents
    # are searched instead
    from qa.districts import report_for
    from qa.topics import Topic
    from tests.qa_support import FakeIndex, make_chunk
    from tests.records_support import document

    asked = []

    class Recording(FakeIndex):
        def search(self, query, k=10, filters=None, mode="hybrid"):
            asked.append(filters)
            return super().search(query, k, filters, mode)

    chunk = make_chunk("c", "成渝“氢走廊”扩容提质。", district="重庆市", source="cq.txt")
    documents = [
        document("cq", title="2025年重庆市政府工作报告", district="重庆市", source="cq.txt")
    ]
    report_for(Topic("氢能"), Recording([chunk], documents), ["重庆市"], 3, own=True)
    assert asked and asked[-1].doc_ids == ("cq",)
    report_for(Topic("氢能"), Recording([chunk], documents), ["重庆市"], 3)
    assert asked[-1].districts == ("重庆市",) and not asked[-1].doc_ids


def test_a_district_naming_the_topic_short_of_the_bound_is_not_one_by_a_neighbours_meaning(
    bundled_index,
):
    from qa.districts import districts

    # 綦江's plan names 研发投入强度 (超过3%); its R&D growth row (>10) is another measure
    report = districts("研发投入强度（研发经费占GDP比重）目标定到4%以上的有哪些？", bundled_index)
    assert set(report.mentioned) == {"大渡口区", "重庆高新区"}
    # 大渡口's 高新技术企业 target is 165: its 科技型企业 row (550) is not one
    report = districts("哪些区把2025年高新技术企业数量目标定在200家及以上？", bundled_index)
    assert set(report.mentioned) == {"綦江区", "重庆高新区"}


def test_a_place_that_does_one_thing_but_not_another_is_found_by_both_reports():
    from qa.districts import districts
    from qa.topics import read_topic
    from tests.qa_support import FakeIndex, make_chunk

    topic = read_topic("提到抽水蓄能、但没提海上风电的是哪些地方？")
    assert (topic.text, topic.negated, [t.text for t in topic.none_of]) == (
        "抽水蓄能",
        False,
        ["海上风电"],
    )
    index = FakeIndex(
        [
            make_chunk("a", "建设抽水蓄能电站，发展海上风电。", district="綦江区"),
            make_chunk("b", "开工建设抽水蓄能电站2座。", district="合川区"),
            make_chunk("c", "发展海上风电。", district="大渡口区"),
        ]
    )
    report = districts("提到抽水蓄能、但没提海上风电的是哪些地方？", index)
    assert set(report.mentioned) == {"合川区"}
    both = districts("哪些地方既提到抽水蓄能又提到海上风电？", index)  # (every topic)
    assert set(both.mentioned) == {"綦江区"}
    # the other thing may be the same topic's target: 提到数字经济，但没定目标
    index = FakeIndex(
        [
            make_chunk("a", "数字经济核心产业增加值增长10%。", district="綦江区"),
            make_chunk("b", "大力发展数字经济。", district="合川区"),
        ]
    )
    assert set(districts("哪些地方提到了数字经济，但没有定目标？", index).mentioned) == {"合川区"}


def test_a_place_asked_about_is_set_aside_when_the_others_or_its_own_documents_are_named(
    bundled_index,
):
    """哪些地方提到了重庆高新区 counts its own plan; asked of the other places, or with its own
    documents set aside, it is not among them."""
    from qa.districts import districts

    every = districts("哪些地方的文件提到了重庆高新区？", bundled_index).asked
    assert "重庆高新区" in every and "大渡口区" in every
    for asked in (
        "其他地方的文件里，谁提到了重庆高新区？",
        "除了重庆高新区自己的规划，还有哪些地方的文件提到了重庆高新区？",
        "哪些地方的文件提到了重庆高新区（不算重庆高新区自己的规划）？",
    ):
        others = districts(asked, bundled_index).asked
        assert "重庆高新区" not in others and set(others) == set(every) - {"重庆高新区"}, asked


def test_a_name_said_not_to_count_is_no_mention_of_the_topic_inside_it(bundled_index):
    import qa

    asked = "哪些区提到了农业科技园？"
    assert {"綦江区", "合川区"} <= set(qa.districts(asked, bundled_index).asked)
    # 綦江 names it only in 区级农业科技园区; 合川 also as 市级农业科技园
    narrowed = qa.districts(asked + "区级农业科技园不算。", bundled_index).asked
    assert "綦江区" not in narrowed and "合川区" in narrowed
    # …however else the question narrows the places (除了政府工作报告: a part of it is asked again)
    other = "除了政府工作报告，还有哪些区的文件提到了农业科技园？区级农业科技园不算。"
    assert qa.districts(other, bundled_index).asked == ("合川区",)
    # …and in an English remark on the question, its Chinese names
    english = "Which districts mention 农业科技园? 区级农业科技园 does not count."
    assert qa.answer(english, bundled_index).district_report.asked == ("合川区",)


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("××石榴红", "打造“花开齐鲁石榴红”民族工作品牌", True),
        ("××石榴红", "石榴红了", False),
        ("XX工匠", "培育“赣州工匠”", True),
        ("XX工匠", "弘扬工匠精神", False),
        ("XX工匠", "推进卓越工程师、巴渝工匠等专项", True),
        ("某某模式", "总结推广“浦江模式”", True),
    ],
)
def test_marks_a_user_writes_for_any_part_of_a_name_match_a_name_quoted(term, text, found):
    from qa.term_matcher import one_name_in
    from qa.topic_terms import norm

    assert (bool(term_pattern((term,)).search(norm(text))) and one_name_in((term,), text)) is found


def test_a_topic_mentioned_but_no_figure_of_it_given_is_read_so_with_the_corpus(bundled_index):
    import qa

    # every district sets its R&D intensity in per cent, so none mentions it without a figure
    # (read with the corpus, 具体百分比目标 once became a topic of its own, 百分, that none met)
    assert len(qa.districts("哪些区提到了研发投入强度？", bundled_index).asked) == 4
    asked = "哪些区提到了研发投入强度，却没有给出具体百分比目标？"
    assert qa.districts(asked, bundled_index).asked == ()


def test_a_programme_is_met_under_its_common_names_of_the_field():
    met = _met
    assert met("生活垃圾分类", "1607个行政村垃圾分类试点扎实推进")
    assert met("农村自来水普及率", "力争行政村卫生厕所普及率达70%以上，自来水普及率达86.7%")
    assert met("紧密型县域医共体", "加快3家紧密型城市医疗集团、15个县域医共体建设")
    assert not met("生活垃圾分类", "建成生活垃圾焚烧发电厂二期")
