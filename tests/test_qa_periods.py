"""Relative years (今年, 去年) read against the document's year; a passage of another year does
not answer a question about this one; the frame's parts keep their own periods; bracketed
task fields; values in Chinese numerals and relative dates."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest

from corpus.model import Chunk
from qa.fields import field_answer, fields_of
from qa.frame import analyse
from qa.periods import document_year, other_period, years_in
from qa.values import carries, number_near


def test_a_document_speaks_from_the_year_its_title_names():
    assert document_year("2024年北海市政府工作报告") == 2024
    assert document_year("重庆高新区“十四五”科技创新发展规划") is None


@pytest.mark.parametrize(
    "text, years",
    [
        ("菏泽去年新增城镇就业多少人", {2023}),
        ("今年城镇新增就业目标是多少", {2024}),
        ("过去一年地区生产总值增长", {2023}),
        ("明年的计划", {2025}),
        ("2021—2025年", {2021, 2025}),
        ("2020年实际达到多少", {2020}),
        # a year a figure is compared with is not the year spoken of
        ("旅游收入292.7亿元，分别是2019年的113.7%和118.6%", set()),
        ("比2019年增长12%，2023年达到新高", {2023}),
        ("与2020年相比翻了一番", set()),
    ],
)
def test_years_are_read_against_the_documents_year(text, years):
    assert years_in(text, 2024) == years


def test_english_writes_a_year_bare():
    assert years_in("What PM2.5 target has Shaanxi set for 2025?", 2025) == {2025}
    assert years_in("增长2025", 2025) == set()  # Chinese names a year with 年


def test_without_a_document_year_relative_years_are_unknown():
    assert years_in("去年增长多少", None) == set()


def test_a_passage_of_another_year_is_another_period():
    title = "2024年随州市政府工作报告"
    # a 2024 target under "二、2024年工作安排" does not answer about 2023
    assert other_period(
        "随州2023年地区生产总值增长了多少", title, "二、2024年工作安排", "地区生产总值增长6.5%"
    )
    # the sentence's own year speaks louder than its heading
    assert not other_period("2023年增长多少", title, "二、2024年工作安排", "2023年增长6.2%")
    assert not other_period("去年增长多少", title, "一、2023年工作回顾", "地区生产总值增长6.2%")
    assert other_period("今年目标多少", title, "一、2023年工作回顾", "地区生产总值增长6.2%")
    # without years or headings, a target (力争…) of a year's report is of the year it plans
    target = "力争综合保税区全年进出口总额25亿元"
    assert other_period("2023年进出口总额是多少", title, "", target, strict=True)
    assert not other_period("2024年进出口总额目标", title, "", target, strict=True)
    assert not other_period("2023年进出口总额是多少", title, "", "进出口总额25亿元", strict=True)
    # nothing asked, or nothing said: nothing is known to differ
    assert not other_period("地区生产总值增长多少", title, "二、2024年工作安排", "增长6.5%")
    assert not other_period("2025年目标是多少", "规划", "发展目标", "高新技术企业达200家")


def test_a_five_year_plan_named_in_a_question_asks_of_its_years():
    from qa.periods import plan_years

    assert plan_years("大渡口十四五研发投入强度的目标是多少") == set(range(2021, 2026))
    assert plan_years("“十四五”末达到多少") == {2025}  # where the plan's targets stand
    assert plan_years("十三五期末实际多少") == {2020}
    assert plan_years("研发投入强度是多少") == set()
    # a row of the 十三五 table (2020) is another period; the 十四五 table's row is not
    plan = "大渡口区“十四五”科技创新规划"
    asked = "大渡口十四五研发投入强度的目标是多少"
    assert other_period(asked, plan, "表1 “十三五”时期主要指标完成情况", "比重 | 2020: 3.98")
    assert not other_period(asked, plan, "表2 “十四五”时期主要指标", "比重 | 2020: 3.98 | 2025: 4")


def test_a_plans_review_speaks_of_the_plan_period_before_it():
    plan = "重庆市綦江区科技创新发展“十四五”规划"
    said = "企业创新主体加快培育,全区高新技术企业98家"
    assert other_period(
        "綦江2023年有多少家高新技术企业", plan, "第一节 发展基础", said, strict=True
    )
    assert not other_period("綦江2020年有多少家高新技术企业", plan, "第一节 发展基础", said)
    # a section that is no review says nothing of its years
    assert not other_period("綦江2023年有多少家", plan, "第二节 重点任务", said, strict=True)
    # …and a plan asked by name (十四五末) is not what its review speaks of, 十三五末 is
    assert other_period("綦江“十四五”末高新技术企业目标是多少家", plan, "第一节 发展基础", said)
    assert not other_period("綦江十三五末高新技术企业有多少家", plan, "第一节 发展基础", said)
    assert not other_period("綦江十四五末高新技术企业目标", plan, "第五节 发展目标", said)
    # the rest of a plan speaks of its own period: its targets do not say 十三五末's figure
    target = "全社会研发投入强度超过3%"
    assert other_period("綦江区十三五末研发投入强度是多少", plan, "第五节 发展目标", target)
    assert not other_period("綦江区十四五末研发投入强度是多少", plan, "第五节 发展目标", target)


def test_a_figure_asked_as_it_stands_now_is_of_the_years_the_document_looks_back_on():
    from qa.periods import now_years

    plan = "大渡口区“十四五”科技创新规划"
    assert now_years("科技型企业现在有多少家", plan) == set(range(2016, 2021))
    assert now_years("目前GDP多少", "2024年随州市政府工作报告") == {2023}
    assert now_years("目前有哪些措施", plan) == set()  # no figure asked
    assert now_years("科技型企业现在有多少家", "关于做好科技统计工作的通知") == set()
    # the plan's 2025 target does not say how many there are now
    target = "到2025年，实现全区科技型企业达到550家"
    assert other_period("科技型企业现在有多少家", plan, "", target)
    assert not other_period("科技型企业现在有多少家", plan, "", "2020年科技型企业数为301家")
    # it orders sentences but rules none out: a plan's review of the years before names none
    review = "培育科技型企业301家，年均增长50.9%"
    assert not other_period("科技型企业现在有多少家", plan, "1.发展成效", review, strict=True)


def test_a_unit_that_names_the_asked_year_outranks_one_that_only_stands_near_it():
    from types import SimpleNamespace

    from qa.rank_units import answer_rank, names_the_year

    chunk = SimpleNamespace(title="大渡口区“十四五”科技创新规划", section=(), text="")

    def unit(text):
        hit = SimpleNamespace(chunk=chunk, rank=1)
        return SimpleNamespace(text=text, hit=hit, rank_score=0.95, row=None, complete=text)

    question = "研发投入强度2015年是多少"
    named = unit("占GDP比重由2015年度的2.14%提升至2019年度的3.98%。")
    near = unit("经费支出占地区生产总值比重提高至3.98%。")
    assert names_the_year(question, named) and not names_the_year(question, near)
    assert answer_rank(question, named) > answer_rank(question, near)


@pytest.mark.parametrize(
    "question, parts",
    [
        (
            "来宾市城镇新增就业，去年完成多少，今年计划多少？",
            [("来宾市城镇新增就业去年完成多少", "去年"), ("今年计划多少", "今年")],
        ),
        (
            "菏泽去年新增城镇就业多少人？今年城镇新增就业目标是多少？",
            [("菏泽去年新增城镇就业多少人", "去年"), ("今年城镇新增就业目标是多少", "今年")],
        ),
        (
            "甘孜州2024年城镇居民和农村居民人均可支配收入的增长目标分别是多少？",
            [
                ("城镇居民人均可支配收入的增长目标是多少", "2024年"),
                ("农村居民人均可支配收入的增长目标是多少", "2024年"),
            ],
        ),
        (
            "阳泉市2024年城镇新增就业和城镇登记失业率目标各是多少？",
            [
                ("阳泉市2024年城镇新增就业目标是多少", "2024年"),
                ("城镇登记失业率目标是多少", "2024年"),
            ],
        ),
    ],
)
def test_each_part_keeps_its_own_period_and_what_is_said_once(question, parts):
    frame = analyse(question)
    assert len(frame.parts) == len(parts)
    for part, (ending, period) in zip(frame.parts, parts, strict=True):
        assert part.text.endswith(ending), part.text
        assert part.period == period
    # a part never carries the other part's relative year
    assert not any("去年" in p.text and "今年" in p.text for p in frame.parts)


@pytest.mark.parametrize(
    "question, asks",
    [
        ("习近平总书记是哪几天到来宾视察的？", "date"),
        ("规划是哪一年印发的", "date"),
        ("成果汇总验收放在哪年", "date"),
        ("有哪几项任务", "composition"),
    ],
)
def test_which_days_and_which_year_ask_for_a_date(question, asks):
    assert analyse(question).asks == asks


TASKS = Chunk(
    chunk_id="c1",
    doc_id="d1",
    section=("重点工作",),
    kind="text",
    text=(
        "17.加强知识产权保护。加大对知识产权侵权假冒行为打击力度。"
        "（牵头单位：区市场监管局；责任单位：区级有关单位）\n"
        "18.大力开展科学技术普及。新培育区级科普基地2个以上。（牵头单位：区科技局、区科协；责任单位：各镇街）\n"
        "(联系人:区城市管理局李开明,48610618)"
    ),
    line_start=1,
    line_end=3,
    district="合川区",
    title="工作要点",
    source="004.txt",
)


def test_a_tasks_bracketed_fields_are_its_own():
    inline = [f for f in fields_of(TASKS) if f.inline]
    assert [(f.label, f.value) for f in inline][:2] == [
        ("牵头单位", "区市场监管局"),
        ("责任单位", "区级有关单位"),
    ]
    # a line that is one bracketed field is a field of the line, not of a task
    assert any(f.label == "联系人" and not f.inline for f in fields_of(TASKS))


def test_who_leads_a_task_is_its_lead_units_value():
    hit = SimpleNamespace(chunk=TASKS, rank=1, score=1.0)
    a = field_answer("加强知识产权保护由谁牵头？", "person", [hit], lambda c: c.title)
    assert a is not None and "区市场监管局" in a.answer and "区科技局" not in a.answer
    b = field_answer("科普工作哪个单位牵头", "org", [hit], lambda c: c.title)
    assert b is not None and "区科技局、区科协" in b.answer


def test_a_field_naming_the_term_does_not_answer_a_number_or_a_document_number():
    chunk = replace(TASKS, text="“三审三校”：是指承办单位工作人员、科室负责人三级审核校对。")
    hit = SimpleNamespace(chunk=chunk, rank=1, score=1.0)
    assert (
        field_answer("“三审三校”制度用哪个文号印发", "doc_number", [hit], lambda c: c.title) is None
    )
    assert field_answer("实行“三审三校”的网站有多少个", "number", [hit], lambda c: c.title) is None


@pytest.mark.parametrize(
    "asks, text, ok",
    [
        ("number", "新探获锂资源近百万吨", True),
        ("number", "打造百万人口现代化城市", False),
        ("number", "新增两个基地", True),
        ("date", "力争年内进入《世界遗产预备名单》", True),
        ("date", "上半年完成", True),
        ("date", "加快推进申遗工作", False),
    ],
)
def test_values_in_chinese_numerals_and_relative_dates_are_values(asks, text, ok):
    assert carries(asks, text) is ok


def test_a_figure_in_chinese_numerals_stands_near_the_asked_word():
    assert number_near({"锂资源"}, "新探获锂资源近百万吨，是亚洲最大")
    assert not number_near({"人口"}, "建设百万人口现代化城市")


@pytest.mark.parametrize(
    "question, asks",
    [
        ("帮我写一首关于春天的诗", "request"),
        ("帮我写一篇800字关于乡村振兴的演讲稿", "request"),
        ("please write a poem about spring", "request"),
        ("綦江区的写作规范是什么", "text"),
        ("写入规划的目标有哪些", "composition"),
    ],
)
def test_a_request_to_write_something_is_its_own_kind_of_ask(question, asks):
    assert analyse(question).asks == asks


def test_a_rate_question_wants_a_percentage_and_a_cost_question_money():
    from qa.values import measure_of

    assert measure_of("外贸进出口总额计划增长百分之几") == "%"
    assert measure_of("社零增速目标定的多少") == "%"
    assert carries("number", "外贸进出口增幅高于全市平均水平", "%") is False
    assert carries("number", "社会消费品零售总额增长6%左右", "%") is True
    assert measure_of("空间站的建造总共花了多少钱") == "元"
    assert carries("number", "实现了100%国产化", "元") is False


def test_a_coordination_that_says_the_modifier_once_gives_the_term():
    from qa.terms import groups_in, holds_term

    grain = groups_in("抚州2024年粮食产量要确保多少")
    assert holds_term(grain, "确保粮食播种面积630.78万亩、产量52.53亿斤以上") == 1.0
    assert holds_term(grain, "粮食播种面积630万亩。蔬菜产量20万吨") == 0.0  # another sentence
    assert holds_term(grain, "粮食播种面积630万亩，蔬菜产量20万吨") == 0.0  # another head
    # a heading before the sentence may say the modifier first
    assert holds_term(grain, "耕地保护和粮食安全 实现粮食播种面积648.3万亩、产量259.5万吨") == 1.0


def test_gdp_and_rd_inside_a_term_are_read_as_the_words_they_stand_for():
    from qa.terms import groups_in

    # the share of GDP spent on R&D, not the R&D spending
    assert groups_in("到2025年R&D经费占GDP比重要到多少")[0][0] == "研发投入强度"
    assert groups_in("R&D经费是多少")[0][0] == "研发经费支出"
    assert groups_in("GDP增长多少")[0][0] == "地区生产总值"
    # a share of GDP asked in English is no GDP figure
    assert groups_in("What share of GDP does Qijiang want the digital economy to reach?") == []


def test_every_kind_of_set_inside_a_term_does_not_change_it():
    from qa.terms import groups_in, holds_term, without_every_kind

    platforms = groups_in("合川2022年市级以上研发平台要新增多少")
    said = "全区新型研发机构新增1家以上，市级以上各类研发平台新增10家以上"
    assert holds_term(platforms, said) == 1.0
    assert number_near({"市级以上研发平台"}, without_every_kind(said))
    assert holds_term(platforms, "全区新型研发机构新增1家以上") == 0.0


def test_the_term_said_once_for_a_coordination_stands_beside_its_figure():
    from qa.terms import apart_readings, groups_in

    grain = groups_in("宜宾2023年粮食产量多少")[0]
    said = "实现粮食播种面积648.3万亩、产量259.5万吨。"
    assert number_near({"粮食产量"}, said) is False
    readings = apart_readings(grain, said)
    assert readings and any(number_near({"粮食产量"}, r) for r in readings)
    assert apart_readings(grain, "粮食安全责任制落实。产量稳定") == []


@pytest.mark.parametrize(
    "question, parts",
    [
        (
            "抚州2024年粮食播种面积和粮食产量要确保多少？",
            ["抚州2024年粮食播种面积要确保多少", "抚州2024年粮食产量要确保多少"],
        ),
        ("大数据和人工智能产业规模多少", ["大数据和人工智能产业规模多少"]),
        ("合川区新建几所幼儿园和小学", ["合川区新建几所幼儿园和小学"]),
    ],
)
def test_two_figures_joined_by_and_are_two_parts(question, parts):
    assert [p.text for p in analyse(question).parts] == parts


@pytest.mark.parametrize(
    "text", ["帮助宇能制药年内通过审核", "与赣州国际陆港合作开行赣欧（亚）班列"]
)
def test_companies_and_ports_are_named_bodies(text):
    assert carries("org", text) and carries("person", text)


@pytest.mark.parametrize(
    "text, years",
    [
        ("高新技术企业去年底总量多少家", {2023}),
        ("今年底要达到多少", {2024}),
        ("上年末余额", {2023}),
    ],
)
def test_the_end_of_a_relative_year_is_that_year(text, years):
    assert years_in(text, 2024) == years


def test_a_field_labelled_with_a_quoted_term_answers_only_what_describes_it():
    chunk = replace(TASKS, text="“三审三校”：共3个环节，由三级审核校对")
    hit = SimpleNamespace(chunk=chunk, rank=1, score=1.0)
    quoted = ("三审三校",)
    assert (
        field_answer("“三审三校”有多少个环节", "number", [hit], lambda c: c.title, quoted) is None
    )
    found = field_answer("“三审三校”有多少个环节", "number", [hit], lambda c: c.title)
    assert found is not None and "3个环节" in found.answer  # the same field, not quoted
    said = field_answer("“三审三校”是什么", "definition", [hit], lambda c: c.title, quoted)
    assert said is not None and "三级审核校对" in said.answer


def test_a_report_without_part_headings_turns_to_its_year_where_the_plan_opens():
    from qa.periods import part_year

    document = [
        (
            1,
            "各位代表：现在，我代表市人民政府，向大会报告工作。\n2023年是全面贯彻党的二十大精神的开局之年。",
        ),
        (9, "粮食播种面积613.8万亩、总产量达47.2亿斤。城镇老旧小区改造开工452个。"),
        (
            41,
            "各位代表，过去一年成绩来之不易。\n2024年是实施“十四五”规划的关键一年。政府工作的总体要求是：…",
        ),
        (60, "开工改造城镇老旧小区460个。"),
    ]
    assert part_year(2024, 9, "城镇老旧小区改造开工452个。", document) == 2023
    assert part_year(2024, 60, "开工改造城镇老旧小区460个。", document) == 2024
    # in the passage that opens the plan: before the opening is the year past
    assert part_year(2024, 41, "各位代表，过去一年成绩来之不易。", document) == 2023
    assert part_year(2024, 41, "2024年是实施“十四五”规划的关键一年。", document) == 2024
    # a report whose plan opens nowhere, or a document of no year, tells nothing
    assert part_year(2024, 9, "x", document[:2]) is None
    assert part_year(None, 9, "x", document) is None


def test_a_report_without_headings_looks_back_until_it_says_what_the_year_ahead_is():
    from qa.districts import districts
    from qa.periods import LookBack
    from tests.qa_support import FakeIndex, make_chunk

    title = "2024年绵阳市政府工作报告"
    said = [
        "2023年是全面贯彻党的二十大精神的开局之年。发放消费券8000万元。",
        "过去一年，我们砥砺前行。2024年是实施“十四五”规划的关键一年。发放消费券1亿元。",
        "新增国家级专精特新“小巨人”企业10家以上。",
    ]
    chunks = [
        make_chunk(f"m{i}", text, "绵阳市", (), source="mianyang.txt", title=title)
        for i, text in enumerate(said)
    ]
    back = LookBack(FakeIndex(chunks))
    assert back(chunks[0]) and back(chunks[0], "发放消费券8000万元")
    assert back(chunks[1], "过去一年，我们砥砺前行") and not back(chunks[1], "发放消费券1亿元")
    assert not back(chunks[1]) and not back(chunks[2])  # (the passage that turns holds both)
    # a report with headings is read by them
    headed = [replace(c, section=("二、2024年工作安排",)) for c in chunks]
    assert not LookBack(FakeIndex(headed))(headed[0])
    # the place finder asked of the year behind reads the look back only
    report = districts("去年发放消费券多少，哪些地方给了金额？", FakeIndex(chunks))
    assert [e.quote for r in report.districts for e in r.evidence if r.mentioned] == [
        "发放消费券8000万元。"
    ]


def test_a_total_under_a_heading_of_targets_is_aimed_at_not_reached():
    from qa.periods import in_the_past

    said = "加快布局新基建，累计建成5G基站1.2万个，实现“双千兆”网络全覆盖。"
    assert in_the_past(said, 2024)
    assert not in_the_past(said, 2024, ("二、2024年主要目标任务", "（一）加快推进新型工业化"))
    assert in_the_past(said, 2024, ("一、2023年工作回顾",))
