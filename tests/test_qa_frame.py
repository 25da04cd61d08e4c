"""The question frame (what is asked, its parts, their periods), the field terms' synonyms
(one test per entry of qa/data/terms.json), table columns chosen by period, field units, and
follow-up turns. Pure functions on inline fixtures."""

from __future__ import annotations

import re

import pytest

from qa.asks import asks_of
from qa.compose_table import choose_column
from qa.conversation import Turn, follow_up, topic_of
from qa.frame import analyse
from qa.parts import split_parts
from qa.terms import expand_query, groups_in, holds_term, term_groups
from qa.text import TableRow


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        (
            "重庆高新区财政科技支出占比从2020年的多少提高到2025年的多少？",
            ["重庆高新区财政科技支出占比2020年的多少", "重庆高新区财政科技支出占比2025年的多少"],
        ),
        (
            "大渡口区高新技术企业“十三五”目标是多少家，2020年实际达到多少家？",
            [
                "大渡口区高新技术企业“十三五”目标是多少家",
                "大渡口区高新技术企业2020年实际达到多少家",
            ],
        ),
        (
            "规划的发文字号和发布机构分别是什么？",
            ["规划的发文字号是什么", "规划的发布机构是什么"],
        ),
        (
            "在孵企业总数2020年和2025年分别是多少？",
            ["在孵企业总数2020年是多少", "在孵企业总数2025年是多少"],
        ),
        ("杰出人才从多少名增加到多少名？", ["杰出人才现状多少名", "杰出人才目标多少名"]),
        ("綦江区2025年高新技术企业数预期达到多少？", ["綦江区2025年高新技术企业数预期达到多少？"]),
        # several questions: each split on its own; one naming only a period asks the first again
        (
            "郴州国有资产盘活，去年盘活收益和入库收益各是多少？今年的目标呢？",
            [
                "郴州国有资产盘活，去年盘活收益是多少",
                "郴州国有资产盘活，去年入库收益是多少",
                "郴州国有资产盘活，今年目标盘活收益是多少",
                "郴州国有资产盘活，今年目标入库收益是多少",
            ],
        ),
        (
            "大渡口区2020年研发平台是多少？2025年呢？",
            ["大渡口区2020年研发平台是多少", "大渡口区2025年研发平台是多少"],
        ),
        # a later question naming no thing of its own counts what the first counts
        (
            "德阳去年新增了多少家高新技术企业？今年计划再新增多少家？",
            ["德阳去年新增了多少家高新技术企业", "德阳新增了高新技术企业今年计划再新增多少家"],
        ),
        # a modifier set beside the first word of the other part shares its head
        (
            "赣州2023年城镇和农村居民人均可支配收入分别增长了多少？",
            [
                "赣州2023年城镇居民人均可支配收入增长了多少",
                "赣州2023年农村居民人均可支配收入增长了多少",
            ],
        ),
        ("高企和科技型企业数量分别是多少", ["高企是多少", "科技型企业数量是多少"]),
        # 分别 before a verb of its own; two places asked the same
        (
            "防城港和三亚2023年社零分别增长了多少？",
            ["防城港2023年社零增长了多少", "三亚2023年社零增长了多少"],
        ),
        # 及以上 bounds a range; the period said after the last thing is every thing's
        (
            "郴州省级及以上园区的技工贸总收入、规模工业增加值、亩均税收今年分别要增长多少？",
            [
                "郴州省级及以上园区的技工贸总收入今年要增长多少",
                "郴州省级及以上园区的规模工业增加值今年要增长多少",
                "郴州省级及以上园区的亩均税收今年要增长多少",
            ],
        ),
        # 各 before a verb; the place the question opens with is every part's
        (
            "郴州固投和社零2023年各增长了多少？",
            ["郴州固投2023年增长了多少", "郴州社零2023年增长了多少"],
        ),
        ("各区增长了多少", ["各区增长了多少"]),
        # a later question asking two things is split too
        (
            "2025年山东省政府工作报告是谁作的？在哪次会议上、哪天作的？",
            [
                "2025年山东省政府工作报告是谁作的",
                "2025年山东省政府工作报告在哪次会议上",
                "2025年山东省政府工作报告在哪天作的",
            ],
        ),
        # the place and the period the question opens with are every part's
        (
            "德阳今年GDP和规上工业增加值的预期增速分别定的多少？",
            ["德阳今年GDP定的多少", "德阳今年规上工业增加值的预期增速定的多少"],
        ),
        # a later clause with its own period and its own verb: the first's verb is not said again
        (
            "绵阳城镇老旧小区改造去年开工多少个，今年计划开工多少个？",
            ["绵阳城镇老旧小区改造去年开工多少个", "绵阳城镇老旧小区改造今年计划开工多少个"],
        ),
        (
            "来宾城镇新增就业，去年完成多少，今年计划多少",
            ["来宾城镇新增就业去年完成多少", "来宾城镇新增就业今年计划多少"],
        ),
        (
            "合川2022年高新技术企业新增多少家，2023年新增多少家",
            ["合川2022年高新技术企业新增多少家", "合川高新技术企业2023年新增多少家"],
        ),
        # asking whether the report says it is no part of its own
        (
            "奇瑞2024年的销量目标是多少万辆？芜湖报告里提了吗",
            ["奇瑞2024年的销量目标是多少万辆？芜湖报告里提了吗"],
        ),
        ("GDP是多少？文件有没有提到？今年呢？", ["GDP是多少", "GDP是今年多少"]),
        # an English clause's "it" is what the first clause asks about
        (
            "What was Fangchenggang's seaport cargo throughput in 2023, and how fast did it grow?",
            [
                "What was Fangchenggang's seaport cargo throughput in 2023",
                "how fast did Fangchenggang's seaport cargo throughput in 2023 grow",
            ],
        ),
        # one naming no thing, only a period, asks the same of the first's thing
        (
            "What was Liangshan's total tourism revenue in 2023, and what is the target for 2024?",
            [
                "What was Liangshan's total tourism revenue in 2023",
                "what is the target for Liangshan's total tourism revenue for 2024",
            ],
        ),
        # from a year's figure to the one it rose to: the second part keeps its verb
        (
            "大渡口的研发投入强度，从2015年的多少提高到了多少？",
            ["大渡口的研发投入强度，2015年的多少", "大渡口的研发投入强度，提高到了多少"],
        ),
        # one naming a thing of its own keeps only the first's frame: place, period, lead
        (
            "去年新增多少家高新技术企业？科技型中小企业有多少家？",
            ["去年新增多少家高新技术企业", "去年科技型中小企业有多少家"],
        ),
        (
            "合川2022年高新技术企业新增多少家，科技型企业新增多少家？",
            ["合川2022年高新技术企业新增多少家", "合川2022年科技型企业新增多少家"],
        ),
        (
            "重庆高新区到2025年研发投入强度多少，科技型企业多少家？",
            ["重庆高新区到2025年研发投入强度多少", "重庆高新区到2025年科技型企业多少家"],
        ),
        (
            "阳泉的数智新城建设，5G基站有多少个？服务器装机能力达到多少？",
            ["阳泉的数智新城建设，5G基站有多少个", "阳泉的数智新城建设服务器装机能力达到多少"],
        ),
        # two places asked the same: each part asks all of it of one place
        (
            "綦江和大渡口十四五末数字经济占GDP的比重目标分别是多少？",
            [
                "綦江十四五末数字经济占GDP的比重目标是多少",
                "大渡口十四五末数字经济占GDP的比重目标是多少",
            ],
        ),
        (
            "宜宾和菏泽2024年GDP增长目标分别是多少？",
            ["宜宾2024年GDP增长目标是多少", "菏泽2024年GDP增长目标是多少"],
        ),
        # two fields of the document's record, with or without 分别
        (
            "渝高新那个十四五科技创新规划，发文字号和发布机构是什么？",
            [
                "渝高新那个十四五科技创新规划，发文字号是什么",
                "渝高新那个十四五科技创新规划，发布机构是什么",
            ],
        ),
        ("发文字号和发布机构分别是什么", ["发文字号是什么", "发布机构是什么"]),
        # the things a count asks for after its question word
        (
            "“十三五”期间大渡口区培育了多少科技型企业和高新技术企业？",
            [
                "“十三五”期间大渡口区培育了多少科技型企业",
                "“十三五”期间大渡口区培育了多少高新技术企业",
            ],
        ),
        ("新增多少家企业和个体户", ["新增多少家企业和个体户"]),
        # a field term holding a conjunction is one thing
        (
            "綦江区到2025年规模以上工业企业研发经费支出与营业收入之比的目标是多少？",
            ["綦江区到2025年规模以上工业企业研发经费支出与营业收入之比的目标是多少？"],
        ),
        # keywords typed for two fields of one thing
        (
            "綦江 创业导师志愿者 征集时间 联系电话",
            ["綦江 创业导师志愿者 征集时间", "綦江 创业导师志愿者 联系电话"],
        ),
        ("綦江 GDP 增速 2025年目标", ["綦江 GDP 增速 2025年目标"]),
        # …or with no question word at all
        ("綦江那份规划的文号和成文日期？", ["綦江那份规划的文号", "綦江那份规划的成文日期"]),
        # two modifiers of one measure, the measure said once: 养老、医保参保率
        (
            "随州城乡居民养老、医保参保率分别达到多少？",
            ["随州城乡居民养老参保率达到多少", "随州医保参保率达到多少"],
        ),
        # …not a figure of its own (总值) followed by another
        (
            "地区生产总值和一般公共预算收入分别增长多少",
            ["地区生产总值增长多少", "一般公共预算收入增长多少"],
        ),
        ("这份文件的文号是什么", ["这份文件的文号是什么"]),
        # a later question that is only another question word asks the first's again
        (
            "合川那份工作要点是哪个单位印发的？什么时候？",
            ["合川那份工作要点是哪个单位印发的", "合川那份工作要点是什么时候印发的"],
        ),
        ("这份通知是谁签发的？哪天？", ["这份通知是谁签发的", "这份通知是哪天签发的"]),
    ],
)
def test_a_question_splits_into_the_parts_it_asks(question, parts):
    assert split_parts(question) == parts


def test_a_place_said_before_a_thing_shares_nothing_with_it():
    from qa.parts import _shared_head

    assert _shared_head("", "医保参保率") == ""  # the place took all of the first piece
    assert split_parts("綦江和科技型企业数量分别是多少")[1] == "綦江科技型企业数量是多少"


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("联系电话是多少？", "phone"),
        ("报名邮箱是多少？", "email"),
        ("领导小组组长是谁？", "person"),
        ("这份报告是哪位市长作的？", "person"),
        ("厨余垃圾收运单位的名称是什么？", "org"),
        ("由哪家公司承建？", "org"),
        ("征集时间是哪几天？", "date"),
        ("“三审三校”是什么意思？", "definition"),
        ("保障措施有哪几条？", "composition"),
        ("高新技术企业数预期达到多少？", "number"),
        ("如何创建国家高新区？", "how"),
        ("古树名木展览馆建在哪里？", "place"),
        ("过境免签政策是在哪个口岸落地的？", "place"),
        # a figure asked in English without "how many"
        ("What PM2.5 concentration target has Shaanxi set for 2025?", "number"),
        ("What share of investment came from private investment?", "number"),
        ("What are the main tasks for 2024?", "text"),
        ("How fast did exports grow?", "number"),
        # a question ending in 吗 that asks nothing else is yes or no, though it names a share
        ("綦江2020年的研发投入强度比全市平均高吗？", "yesno"),
        ("研发投入强度是多少吗", "number"),
        # how a coined term is to be understood is what it means
        ("湖南报告里的“稳、进、高、新”工作思路怎么理解？", "definition"),
        ("如何推进科技创新？", "how"),
        # things counted, then what they are: the list
        ("合川和秀山县开展的那2个科研协作项目具体是什么？", "composition"),
        ("宿州2023年签约的2个百亿级项目分别是哪两个？", "composition"),
        # the things a counted name counts
        ("河南说的“五水综改”具体指哪五水？", "composition"),
        ("这3个文件分别是什么时候发布的", "date"),
        # what a named thing holds is what it means
        ("“3815”战略发展目标具体内容是什么？", "definition"),
        ("通知的主要内容是什么", "text"),
    ],
)
def test_what_a_question_asks(question, asks):
    assert asks_of(question) == asks
    assert analyse(question).asks == asks
    assert asks_of("哪两天发布的？") != "composition"  # days are no counted name's things


@pytest.mark.parametrize("group", term_groups(), ids=lambda g: g[0])
def test_every_form_of_a_term_names_its_group(group):
    assert len(group) >= 2
    for form in group:
        assert group in groups_in(f"某区{form}2025年目标是多少"), form


def test_the_longest_term_wins_and_its_parts_are_not_read_again():
    intensity, spending = groups_in("研发投入强度"), groups_in("研发投入")
    assert intensity != spending
    assert holds_term(intensity, "全社会研发经费占地区生产总值的比重") == 1.0
    assert holds_term(intensity, "全社会研发经费投入增长") == 0.0
    assert "高新技术企业" in expand_query("高企有多少家")
    # R&D is read as 研发 inside a name: R&D经费投入强度 is the intensity, R&D经费 the spending
    assert [g[0] for g in groups_in("三亚去年R&D经费投入强度是多少")] == ["研发投入强度"]
    assert [g[0] for g in groups_in("山东R&D经费增长了多少")] == ["研发经费支出"]
    # industrial value added is all industry's, not only that of firms above designated size
    assert [g[0] for g in groups_in("What share of industrial value added?")] == ["工业增加值"]
    assert [g[0] for g in groups_in("规上工业增加值增长多少")] == ["规模以上工业增加值"]


ROW = TableRow(
    "高新技术企业（家） | “十三五”目标: 80 | “十三五”初期: 30 | 2020: 92",
    "高新技术企业",
    "家",
    (("“十三五”目标", "80"), ("“十三五”初期", "30"), ("2020", "92")),
)


def test_the_column_is_the_one_the_period_names():
    assert choose_column(ROW, "高新技术企业“十三五”目标是多少家") == ("“十三五”目标", "80")
    assert choose_column(ROW, "高新技术企业2020年实际达到多少家") == ("2020", "92")
    assert choose_column(ROW, "高新技术企业2030年是多少") is None


def test_fields_are_read_from_label_value_lines():
    from types import SimpleNamespace

    from qa.fields import fields_of

    chunk = SimpleNamespace(
        text="发布机构: 高新区科技创新局；有效性\n征集时间:2022年10月25日—10月31日"
    )
    got = {(f.label, f.value) for f in fields_of(chunk)}
    assert ("发布机构", "高新区科技创新局") in got
    assert ("征集时间", "2022年10月25日—10月31日") in got


def test_a_who_or_when_label_names_the_act_it_answers():
    from qa.fields import names_act

    assert names_act("发布日期", "规划是哪天正式发布的", "date")
    assert names_act("截止时间", "报名什么时候截止", "date")
    assert names_act("牵头单位", "由谁牵头", "org")
    assert not names_act("成文日期", "规划是哪天正式发布的", "date")
    assert not names_act("发布日期", "规划由哪个部门发布", "org")  # when-label, who asked


PLACES = re.compile("大渡口区|大渡口")


def test_a_topic_is_read_without_any_place_of_the_country():
    from qa.place_named import names_place as _names
    from qa.units import _place_names

    # places are read from the country's table, not from the bundled districts alone
    topic = topic_of("攀枝花现在有多少家有效高新技术企业？", _place_names())
    assert topic == "有效高新技术企业"
    assert topic_of("德阳市2024年城镇新增就业目标是多少？", _place_names()) == "城镇新增就业"
    # a place the question names short is named (郑州航空口岸 names 郑州市)
    assert _names("郑州航空口岸的过境免签政策是多少小时？", "郑州市")
    assert not _names("河南的过境免签政策是多少小时？", "郑州市")


def test_a_follow_up_inherits_place_period_and_ask():
    prev = Turn(
        "大渡口区2025年国家高新技术企业数目标是多少？",
        ("大渡口区",),
        ("d1",),
        ("规划",),
        topic_of("大渡口区2025年国家高新技术企业数目标是多少？", PLACES),
        "2025年",
        "number",
    )
    assert prev.topic == "国家高新技术企业数"
    asked, filters, notice = follow_up("那科技型企业数呢？", prev, False, None)
    assert asked == "科技型企业数2025年是多少"
    assert filters.districts == ("大渡口区",) and filters.doc_ids == ("d1",)
    assert notice.startswith("沿用上一问：大渡口区")
    asked, _, _ = follow_up("那2020年是多少？", prev, False, None)
    assert asked == "国家高新技术企业数2020年是多少"
    # a follow-up asking in words of its own still speaks of the period it does not name
    this_year = Turn(
        "云南今年地区生产总值预期增长多少？", ("云南省",), (), (), "地区生产总值", "今年"
    )
    asked, _, notice = follow_up("那城镇调查失业率要控制在多少？", this_year, False, None)
    assert asked == "今年城镇调查失业率要控制在多少" and notice == "沿用上一问：云南省、今年"
    asked, _, _ = follow_up("那城镇调查失业率去年是多少？", this_year, False, None)
    assert asked == "城镇调查失业率去年是多少"
    # a follow-up naming another place and nothing else asks the same of that place
    asked, filters, notice = follow_up("那大渡口呢？", this_year, True, None)
    assert asked == "大渡口今年地区生产总值预期增长多少？" and filters is None
    assert notice == "沿用上一问：云南今年地区生产总值预期增长多少"
    asked, _, _ = follow_up("那重庆市呢？", prev, True, None)
    assert asked == "重庆市2025年国家高新技术企业数目标是多少？"
    # a field of the record asked before is no part of what the next question asks about
    number = Turn(
        "重庆高新区十四五科技创新发展规划的发文字号是多少？",
        ("重庆高新区",),
        ("d1",),
        ("规划",),
        "科技创新发展规划的发文字号",
        "十四五",
        "doc_number",
    )
    asked, _, _ = follow_up("哪天发布的？", number, False, None)
    assert asked == "十四五科技创新发展规划哪天发布的"
    # one naming a place and something of its own inherits nothing
    assert follow_up("那大渡口的GDP呢？", prev, True, None) == ("那大渡口的GDP呢？", None, None)


@pytest.mark.parametrize(
    "follow, asked",
    [
        ("今年这个指标计划增长多少？", "今年一般公共预算收入计划增长多少"),
        ("该指标去年是多少", "一般公共预算收入去年是多少"),
        ("它的万人发明专利拥有量目标又是多少？", "万人发明专利拥有量目标又是多少"),
        ("其高新技术企业呢", "高新技术企业2023年是多少"),
    ],
)
def test_a_follow_up_says_the_previous_topic_and_place_with_a_pronoun(follow, asked):
    prev = Turn("q", ("菏泽市",), ("d1",), ("报告",), "一般公共预算收入", "2023年", "number")
    got, filters, _ = follow_up(follow, prev, False, None)
    assert got == asked
    assert filters.districts == ("菏泽市",)


def test_a_follow_up_naming_its_own_place_inherits_nothing():
    prev = Turn("q", ("大渡口区",), ("d1",), (), "科技型企业数", "2025年", "number")
    assert follow_up("綦江区科技型企业数呢？", prev, True, None) == (
        "綦江区科技型企业数呢？",
        None,
        None,
    )


def test_a_total_asked_is_not_an_increase():
    from qa.values import only_an_increase

    q = "截至2024年底，内蒙古高新技术企业总数是多少家？"
    added = "净增科技型中小企业853家、高新技术企业97家，新增45个博士硕士学位授权点"
    assert only_an_increase(q, {"高新技术企业"}, added)
    assert not only_an_increase(q, {"高新技术企业"}, "高新技术企业总数达到1800家")
    # the clause gives the total beside the increase
    assert not only_an_increase(
        "上市公司一共有多少家", {"上市公司"}, "新增上市公司3家、总量达到12家"
    )
    # the clauses of the question's most telling word count, not a neighbour's 企业
    beside = "新增高新技术企业111家，获批国家级科技企业孵化器1家"
    assert only_an_increase("2023年底高新技术企业总共有多少家", {"高新技术", "企业"}, beside)
    # an increase asked is answered by an increase
    assert not only_an_increase("2024年新增高新技术企业总数多少", {"高新技术企业"}, added)


def test_an_answer_unit_must_carry_the_type_asked():
    from qa.slots import missing_role
    from qa.values import carries, measure_of, number_near

    assert carries("number", "高新技术企业达到200家") and not carries("number", "经费纳入财政预算")
    assert measure_of("总经费是多少亿元？") == "亿元"
    assert not carries("number", "2025年进行成果汇总", "亿元")
    assert carries("number", "服务器装机能力达到30万台", measure_of("多少台"))
    assert carries("date", "外业采样于2024年10月底前全部完成") and not carries("date", "专款专用")
    assert carries("phone", "联系方式:创业指导科 87260841") and not carries("phone", "请联系")
    assert carries("email", "邮 箱:496230550@qq.com")
    # 谁 / 哪个单位 want a body with a name: "收运单位", "相关部门" name none
    assert carries("person", "经费由区财政承担") and carries("org", "由区民政局等单位负责")
    assert not carries("person", "三是加强与厨余垃圾收运单位联系")
    assert not carries("org", "请相关部门按要求落实")
    assert missing_role("土壤普查领导小组组长是谁？", "成立领导小组，负责统筹协调") == "组长"
    assert missing_role("联系人是谁？", "联系人:区城市管理局李开明") is None
    assert missing_role("公报的主编是谁？", "主 编 李昌凤") is None  # a masthead spaces it out
    # an investment's amount is money: 一期200万吨 is no answer to 总投资多少
    assert measure_of("广投北海绿色生态铝一期总投资多少？") == "元"
    assert not carries("number", "加快生态铝一期200万吨项目建设", measure_of("一期总投资多少"))
    assert measure_of("固定资产投资多少") is None  # its growth may be asked as well
    # a party committee's secretary is not any 书记
    assert missing_role("现任山东省委书记是谁？", "根本在于习近平总书记掌舵领航") == "省委书记"
    assert missing_role("现任山东省委书记是谁？", "省委书记林武出席") is None
    # 哪位 asks for a person, whom the role after it names: a body does not answer it
    which_mayor = "报告是哪位市长作的？"
    assert not carries("person", "我代表市人民政府向大会报告工作", question=which_mayor)
    assert carries("person", "我代表市人民政府向大会报告工作", question="报告是谁作的？")
    assert missing_role(which_mayor, "我代表市人民政府向大会报告工作") == "市长"
    assert missing_role(which_mayor, "在市第十五届人民代表大会上 市长 张三") is None
    assert not number_near({"人口"}, "加快建成百万人口现代化城市")
    assert number_near({"通讯畅通"}, "读网值班人员应严格遵守值班制度,保持24小时通讯畅通")


def test_a_place_question_wants_a_place_the_question_does_not_name():
    from qa.values import carries

    asked = "恳亲大会是在赣州哪个县级市办的？"
    # 赣州 is the question's own place; 中国 and 城市 are no places a question asks for
    assert not carries("place", "开创了在中国内陆县级城市举办的先河，2500余人齐聚赣州", None, asked)
    assert carries("place", "全省首个古树名木展览馆在西昌建成投用", None, "展览馆建在哪里？")
    assert carries("place", "联合徐州申建中欧班列陆海集结中心", None, "连云港联合哪个城市申建？")


def test_an_english_question_asking_the_same_of_two_field_terms_has_a_part_each():
    assert split_parts(
        "What are Mianyang's 2024 targets for total grain output and hog slaughter?"
    ) == [
        "What are Mianyang's 2024 targets for total grain output?",
        "What are Mianyang's 2024 targets for hog slaughter?",
    ]
    assert split_parts("What is the target for GDP and fixed-asset investment growth in 2024?") == [
        "What is the target for GDP growth in 2024?",
        "What is the target for fixed-asset investment growth in 2024?",
    ]
    # words that are no field terms stay one question
    assert len(split_parts("What is the ratio of imports and exports?")) == 1


def test_how_many_things_wants_a_count_not_an_area_or_an_amount():
    from qa.values import COUNT, carries, measure_of, unit_fits

    asked = measure_of("By 2020, how many incubation carriers did the zone have in total?")
    assert asked == COUNT
    assert measure_of("How many tons of grain did Hunan produce?") != COUNT
    assert not carries("number", "2020年，孵化载体面积为92万平方米", asked)
    assert carries("number", "孵化载体总数达到21个，其中国家级5个", asked)
    assert unit_fits("家", asked) and not unit_fits("万平方米", asked)


def test_a_share_of_gdp_is_not_gdp():
    gdp = groups_in("抚州GDP增长目标是多少")
    assert [g[0] for g in gdp] == ["地区生产总值"]
    assert holds_term(gdp, "地区生产总值增长6%左右") == 1.0
    assert holds_term(gdp, "全市R&D经费占GDP比重提高到1.88%左右") == 0.0
    assert holds_term(gdp, "数字经济增加值占地区生产总值比重达到15%") == 0.0
    # the share terms themselves are still read whole
    assert [g[0] for g in groups_in("全社会研发经费占地区生产总值比重达3%")] == ["研发投入强度"]
    assert groups_in("数字经济占GDP的比例") == []


def test_a_slot_word_said_in_another_form_is_said():
    from qa.slots import missing_word

    def idf(word):
        return 9.0

    q = "綦江数字经济占GDP的比例到2025年要提到多少"
    tokens = {"綦江", "数字经济", "gdp", "比例"}
    assert missing_word(q, tokens, "数字经济增加值占地区生产总值比例达15%", idf, "", 4.0) is None
    assert missing_word(q, tokens, "数字经济增加值达15亿元", idf, "", 4.0) in {"gdp", "比例"}


def test_the_place_as_a_whole_is_no_slot_word():
    from qa.slots import missing_word

    def idf(word):
        return 9.0

    q = "河南2024年全省生产总值是多少？"
    text = "全年生产总值6.36万亿元、增长5.1%"
    assert missing_word(q, {"全省", "生产总值"}, text, idf, "", 4.0) is None
    # …nor is how a count is kept: 有效高新技术企业 are the 高新技术企业 counted
    q = "有效高新技术企业今年目标是多少"
    target = "力争国家高新技术企业突破90家"
    assert missing_word(q, {"有效", "高新技术企业"}, target, idf, "", 4.0) is None


def test_what_a_measure_is_of_and_how_a_count_came_about():
    from qa.modifiers import figure_of_another, measure_modifier_missing
    from qa.slots import missing_word

    def idf(word):
        return 9.0

    # a sentence on a promotion's 销售额 gives no 网络销售额
    said = "开展促销活动1117场次，发放消费券5366万元，撬动销售额13.6亿元"
    assert measure_modifier_missing("亳州2023年网络销售额是多少？", said, "") == "网络"
    assert (
        measure_modifier_missing("亳州2024年网络销售额目标是多少？", "网络销售额突破145亿元", "")
        is None
    )
    # the verb a count is asked with is no slot of a table row: 培育了多少科技型企业
    row = "科技型企业（家） | “十三五”目标: 300 | 2020: 301"
    q = "“十三五”期间大渡口区培育了多少科技型企业"
    assert missing_word(q, {"培育", "科技型企业"}, row, idf, "", 4.0, row=True) is None
    # …while a sentence must say how they came about (选派 is not 引进)
    said = "累计引进创新研发团队50个(其中市级创新创业团队4个)"
    assert (
        missing_word("累计选派了多少市级团队", {"选派", "市级", "团队"}, said, idf, "", 4.0)
        == "选派"
    )
    # a contribution to a figure is another figure, with or without 的
    gdp = ("GDP", "地区生产总值")
    assert figure_of_another("GDP增速是多少", gdp, "工业对GDP增长贡献率45%")
    assert not figure_of_another("GDP增速是多少", gdp, "全区地区生产总值增长4.2%左右")


def test_a_field_term_typed_with_a_homophone_is_read_as_the_term():
    from qa.spelling import spell_terms

    assert spell_terms("长治去年归上工业增加值增长多少") == "长治去年规上工业增加值增长多少"
    assert spell_terms("社会消费品另售总额是多少") == "社会消费品零售总额是多少"
    # another word that differs in sound is no misspelling of the term
    assert spell_terms("农业增加值增长多少") == "农业增加值增长多少"


def test_a_which_typed_as_that_is_read_as_which_in_a_question_with_no_other():
    from qa.place_questions import is_district_question
    from qa.spelling import spell_question_words

    read = spell_question_words("有那些地方提到了冷链物流？")
    assert read == "有哪些地方提到了冷链物流？" and is_district_question(read)
    assert spell_question_words("那几个城市提到了冷链物流") == "哪几个城市提到了冷链物流"
    # a 那 that points is kept where the question asks with its own word
    kept = "提到冷链物流的那些城市，谁定了目标？"
    assert spell_question_words(kept) == kept


def test_a_token_across_the_edge_of_a_term_is_no_word_asked():
    """jieba reads 社零增长 as 社 + 零增长: 零增长 is a cut across the term 社零, not a slot."""
    from qa.slots import missing_word

    def idf(word):
        return 9.0

    q = "云南2024年社零增长了多少？"
    tokens = {"云南", "社", "零增长"}
    assert missing_word(q, tokens, "社会消费品零售总额增长2.9%", idf, "", 4.0) is None
    assert missing_word("今年零增长的指标有哪些", {"零增长", "指标"}, "增长2.9%", idf, "", 4.0) == (
        "零增长"
    )


@pytest.mark.parametrize(
    "question, topic",
    [
        ("巴中今年要新建、改建多少亩高标准农田？", "巴中要新建、改建高标准农田"),
        ("大渡口区有多少家高新技术企业", "高新技术企业"),
        ("大渡口区2025年国家高新技术企业数目标是多少？", "国家高新技术企业数"),
    ],
)
def test_the_topic_keeps_what_is_counted_after_the_question_word(question, topic):
    assert topic_of(question, PLACES) == topic


def test_a_follow_up_that_names_no_thing_asks_about_the_previous_topic():
    prev = Turn("q", ("巴中市",), ("d1",), ("报告",), "高标准农田", "今年", "number")
    asked, _, _ = follow_up("那去年建成了多少？", prev, False, None)
    assert asked == "高标准农田去年建成了多少"
    asked, _, _ = follow_up("那去年实际新增了多少？", prev, False, None)
    assert asked.startswith("高标准农田")


def test_a_question_is_read_in_the_words_of_each_passage():
    from qa_support import FakeIndex, make_chunk

    from index.types import Hit
    from qa.terms import worded_as
    from qa.units import passage_coverage

    said = "力争全社会研发经费投入增长7%、技术合同成交额达到60亿元。"
    assert worded_as("随州今年技术交易额要做到多少？", said) == "随州今年技术合同成交额要做到多少？"
    assert worded_as("随州今年技术交易额要做到多少？", "新增高新技术企业50家。") == (
        "随州今年技术交易额要做到多少？"
    )
    chunk = make_chunk("t", said)
    idx = FakeIndex([chunk, make_chunk("o", "新增高新技术企业50家，建成中试基地3个。")])
    hits = [Hit(chunk, 1.0, 1, ("dense",))]
    assert passage_coverage("技术交易额要做到多少？", hits, idx) == passage_coverage(
        "技术合同成交额要做到多少？", hits, idx
    )


def test_a_contraction_names_each_term_it_stands_for():
    from qa.slots import missing_word
    from qa.terms import groups_in, holds_term

    said = "城乡居民人均可支配收入分别增长4.6%、7.1%。"
    for asked in ("城镇居民人均可支配收入增长了多少", "农村居民人均可支配收入增长了多少"):
        assert holds_term(groups_in(asked), said) == 1.0
    assert holds_term(groups_in("城镇居民人均可支配收入"), "居民消费价格涨幅3%。") == 0.0
    # 城镇居民收入 is the term's own form, held by the contraction and not by 居民收入 alone
    assert holds_term(groups_in("城镇居民收入"), said) == 1.0
    assert holds_term(groups_in("城镇居民收入"), "居民收入增长5%。") == 0.0
    # a word outside any term: 城镇 of 城镇居民存款 is said by the contraction only
    said = "城乡居民存款分别增长4.6%、7.1%。"
    tokens = {"城镇", "居民", "存款"}
    assert missing_word("城镇居民存款", tokens, said, lambda w: 9.0, "", 4.0) is None
    assert (
        missing_word("城镇居民存款", tokens, "居民存款增长5%。", lambda w: 9.0, "", 4.0) == "城镇"
    )


def test_two_parts_answered_by_one_sentence_say_it_once():
    from qa.compose_parts import combine
    from qa.frame import analyse
    from qa.types import Answer

    frame = analyse("城镇居民和农村居民人均可支配收入分别增长了多少")
    text = "据《某市政府工作报告》（一、回顾），城乡居民人均可支配收入分别增长4.6%、7.1%[1]。"
    parts = [Answer(p.text, text, False, "extractive", (), ()) for p in frame.parts]
    assert combine(frame.question, frame, parts).answer == text


def test_the_kind_of_figure_is_not_what_it_is_of():
    from qa.slots import rarest_word

    q = "全社会研发经费支出绝对额是多少亿元"
    tokens = {"全社会", "研发", "经费支出", "绝对", "绝对额", "亿元"}
    assert rarest_word(q, tokens, lambda w: 9.0, "") not in ("绝对", "绝对额")


def test_the_words_that_ask_are_not_the_slot():
    from qa.slots import rarest_word

    q = "土壤普查成果汇总验收放在哪一年"
    tokens = {"土壤", "普查", "成果", "汇总", "验收", "放在", "一年"}
    assert rarest_word(q, tokens, lambda w: 9.0 if w == "一年" else 5.0, "") != "一年"
    # a word of an asking phrase without 哪/几 still names the thing (收运单位的名称)
    q = "厨余垃圾收运单位的名称是什么"
    tokens = {"厨余垃圾", "收运", "单位", "名称"}
    assert rarest_word(q, tokens, lambda w: 9.0 if w == "单位" else 5.0, "") == "单位"


def test_a_latin_gloss_in_a_name_is_no_part_of_the_term():
    from qa.terms import groups_in, holds_term, term_key

    said = "全市研究与试验发展（R&D）经费投入强度排全区第二"
    assert term_key(said).startswith("全市研究与试验发展经费投入强度")
    assert holds_term(groups_in("研发强度在广西排第几"), said) == 1.0


def test_a_rank_question_is_answered_by_an_ordinal():
    from qa.values import carries, measure_of

    assert measure_of("研发强度在广西排第几？") == "名次"
    assert carries("number", "研发投入强度排全区第二", "名次")
    assert not carries("number", "研发投入强度达到2.5%", "名次")
    # the first place said in words
    assert carries("number", "研发经费投入强度保持全国前列、全省首位", "名次")
    assert not carries("number", "研发经费投入强度保持全国前列", "名次")
    assert measure_of("在四川排几名？") == "名次"


def test_a_term_asked_for_its_figure_must_stand_beside_a_figure(monkeypatch):
    from qa_support import FakeIndex, make_chunk

    import qa
    from qa.calibration import Calibration

    sentence_module = __import__("qa.compose_sentence", fromlist=["load_calibration"])
    cal = Calibration(abstain_evidence=0.05, district_semantic=0.99)
    monkeypatch.setattr(sentence_module, "load_calibration", lambda: cal)
    # the ranking puts the sentence that names GDP without a GDP figure first
    monkeypatch.setattr(sentence_module, "answer_rank", lambda q, u: "百强" in u.text)
    text = (
        "工业用电量增长20%以上、居全省第3位，连续入选全国城市GDP百强。"
        "实现地区生产总值3806.6亿元、增长7.5%。"
    )
    idx = FakeIndex([make_chunk("g", text, section=("一、2023年工作回顾",))])
    a = qa.answer("GDP总量多少？", idx)
    assert not a.abstained and "3806.6" in a.answer


def test_a_figure_of_a_place_inside_the_documents_is_not_the_documents(monkeypatch):
    from qa_support import FakeIndex, make_chunk

    import qa
    from qa.calibration import Calibration
    from qa.filters import place_opening

    assert place_opening("宜宾高新区独立运行，地区生产总值突破100亿元", "宜宾市") == "宜宾高新区"
    assert place_opening("叙州区地区生产总值增长8%", "宜宾市") == "叙州区"
    assert place_opening("全力升级创建国家高新区，新增企业50家", "合川区") is None
    assert place_opening("全市地区生产总值3806.6亿元", "宜宾市") is None
    # a sentence that sets its scope to a zone gives the zone's figures
    within = "力争高新区内科技型企业达到350家以上，研发投入强度达到3%以上"
    assert place_opening(within, "合川区") == "高新区"

    sentence_module = __import__("qa.compose_sentence", fromlist=["load_calibration"])
    cal = Calibration(abstain_evidence=0.05, district_semantic=0.99)
    monkeypatch.setattr(sentence_module, "load_calibration", lambda: cal)
    monkeypatch.setattr(sentence_module, "answer_rank", lambda q, u: "高新区" in u.text)
    text = "宜宾高新区独立运行，地区生产总值突破100亿元。实现地区生产总值3806.6亿元、增长7.5%。"
    chunk = make_chunk("y", text, section=("一、2023年工作回顾",), district="宜宾市")
    a = qa.answer("地区生产总值是多少亿元？", FakeIndex([chunk]))
    assert not a.abstained and "3806.6" in a.answer and "100亿元" not in a.answer
    # asked of the zone, the zone's figure answers
    zone = qa.answer("宜宾高新区地区生产总值是多少亿元？", FakeIndex([chunk]))
    assert "100亿元" in zone.answer


def test_a_sentence_answering_every_part_answers_them_all():
    from qa.compose_parts import combine
    from qa.frame import analyse
    from qa.types import Answer, Citation

    def answered(quote: str, chunk: str) -> Answer:
        cited = Citation(
            1,
            chunk,
            "d",
            "2024年赣州市政府工作报告",
            "赣州市",
            ("一、2023年工作回顾",),
            quote,
            "赣州.txt",
            9,
            9,
        )
        return Answer(
            "q", f"据《2024年赣州市政府工作报告》，{quote}[1]。", False, "extractive", (cited,)
        )

    frame = analyse("赣州2023年城镇和农村居民人均可支配收入分别增长了多少？")
    near = answered("城镇新增就业年度任务超额完成，就业率达51.7%。", "a")
    both = answered("城镇和农村居民人均可支配收入分别增长4.7%、9.3%。", "b")
    one = combine(frame.question, frame, [near, both])
    assert [c.chunk_id for c in one.citations] == ["b"] and "51.7%" not in one.answer
    # parts asking other things of one term (the target and the actual) keep their answers,
    # though one table row holds the term and figures for both
    frame = analyse("大渡口区“十三五”的科技型企业目标是多少，实际做到了多少家？")
    row = answered("科技型企业（家） | “十三五”目标: 300 | 2020: 301", "r")
    assert len(combine(frame.question, frame, [near, row]).citations) == 2
    # one sentence read from two overlapping passages of its document is one citation
    frame = analyse("郴州固投和社零2023年各增长了多少？")
    said = "固定资产投资增长7.3%，社会消费品零售总额增长7.7%。"
    one = combine(frame.question, frame, [answered(said, "p1"), answered(said, "p2")])
    assert len(one.citations) == 1 and one.answer.count("7.3%") == 1


@pytest.mark.parametrize(
    ("question", "asks", "parts"),
    [
        # how many items, then what they are: one ask, answered by the list and its length
        ("綦江区规划的保障措施有几条？分别是啥？", "composition", 1),
        ("重点任务有几项，分别是什么", "composition", 1),
        # spoken question words read as the written ones
        ("“三审三校”是啥意思", "definition", 1),
        ("高新技术企业有几家？", "number", 1),
    ],
)
def test_a_count_then_its_items_and_spoken_question_words(question, asks, parts):
    frame = analyse(question)
    assert (frame.asks, len(frame.parts)) == (asks, parts)


def test_an_abbreviated_second_thing_takes_as_much_of_the_first_as_its_full_form():
    # 高企 stands for 高新技术企业: the first thing is 科技型企业, not 企业 (科技型高企)
    assert split_parts("重庆高新区十四五末科技型企业和高企分别要到多少家") == [
        "重庆高新区十四五末科技型企业要到多少家",
        "重庆高新区十四五末高企要到多少家",
    ]


def test_a_rate_asks_for_a_percentage_and_a_quoted_word_is_still_the_word():
    from qa.values import carries, measure_of, number_near

    assert measure_of("规上工业企业研发机构覆盖率要达到多少") == "%"
    assert measure_of("全员劳动生产率是多少") is None  # money per head, not a share
    assert not carries("number", "新增规上工业企业50家以上", "%")
    assert carries("number", "研发经费投入强度 | 单位: % | 2025: 2.5", "%")
    said = "新增省级以上高新技术企业10家、“专精特新”企业10户以上"
    assert number_near({"专精特新企业"}, said)
    assert holds_term(groups_in("专精特新企业新增多少"), said) == 1.0


@pytest.mark.parametrize(
    ("question", "term", "modifier"),
    [
        ("山东今年海洋生产总值的目标是多少？", "生产总值", "海洋"),  # another figure than GDP
        ("2024年农业增加值多少", "增加值", "农业"),
        ("山东今年生产总值的目标是多少？", "生产总值", None),  # a place
        ("全省生产总值增长多少", "生产总值", None),  # the whole
        ("铜仁2024年全社会研发投入计划增长多少？", "研发投入", None),
        ("綦江区每万个从业人员里的研发人员数", "从业人员", None),  # a count, no noun
        ("去年粮食总产量多少", "粮食总产量", None),  # a period
    ],
)
def test_the_word_set_right_before_a_field_term_makes_it_another_figure(question, term, modifier):
    from qa.modifiers import term_modifier

    assert term_modifier(question, term) == modifier


@pytest.mark.parametrize(
    ("question", "text", "another"),
    [
        # the sentence names the term only as part of another figure
        ("What was Shandong's GDP in 2024?", "预计海洋生产总值1.8万亿元左右、居全国前列", True),
        ("阳泉2023年GDP增长多少？", "服务业增加值增长4.1%，对GDP增长的贡献率达65.5%。", True),
        # the figure itself, after a verb, a place's whole or the question's own modifier
        ("What was Shandong's GDP in 2024?", "实现地区生产总值9.86万亿元、增长5.7%", False),
        ("全省生产总值多少", "全省生产总值9.86万亿元", False),
        ("海洋生产总值多少", "预计海洋生产总值1.8万亿元左右", False),
        # once as another's, once as itself: the sentence gives the figure
        ("GDP增长多少", "地区生产总值增长3.2%，对GDP增长的贡献率达65.5%", False),
        ("GDP增长多少", "全力稳增长、稳预期", False),  # not named at all
    ],
)
def test_a_sentence_naming_the_term_only_inside_another_figure_is_not_its_figure(
    question, text, another
):
    from qa.modifiers import figure_of_another
    from qa.terms import groups_in

    [group] = groups_in("地区生产总值")
    assert figure_of_another(question, group, text) is another


def test_a_share_said_after_the_figure_it_is_of_names_the_share_term():
    from qa.terms import groups_in, holds_term, share_readings

    said = "撬动全社会研发经费支出累计达到50亿元，占GDP比重由2015年度的2.14%提升至2019年度的3.98%。"
    [reading] = share_readings(said)
    assert reading.startswith("撬动全社会研发经费支出占GDP比重由2015年度")
    assert holds_term(groups_in("研发投入强度是多少"), said) == 1.0
    # a share of nothing named before it, or no share at all, reads as it stands
    assert share_readings("全年增长5%，占比提高") == []
    assert holds_term(groups_in("研发投入强度是多少"), "研发经费支出累计达到50亿元。") == 0.0


def test_a_term_asked_by_its_abbreviation_is_searched_and_read_in_its_other_forms():
    from qa.terms import worded_as

    # GDP is read as 地区生产总值 when terms are compared, but the question does not spell it
    assert "地区生产总值" in expand_query("三亚去年GDP多少？")
    assert worded_as("三亚去年GDP多少？", "全市地区生产总值971.3亿元，同比增长12%") == (
        "三亚去年地区生产总值多少？"
    )


def test_an_english_question_for_who_delivered_a_report_and_when():
    from qa.metadata import metadata_kind

    question = "Who delivered Inner Mongolia's 2025 government work report, and on what date?"
    parts = split_parts(question)
    assert parts == [
        "Who delivered Inner Mongolia's 2025 government work report",
        "on what date was Inner Mongolia's 2025 government work report delivered",
    ]
    assert [metadata_kind(p) for p in parts] == ["speaker", "date"]
    assert metadata_kind("What is the document number of Qijiang's plan?") == "doc_number"
    # a figure asked in English is no record field
    assert metadata_kind("What was Inner Mongolia's GDP growth in 2024?") is None


def test_an_english_term_is_met_by_a_narrower_chinese_one_holding_it():
    from qa.compose_sentence import _narrower_in_english

    row = "战略性新兴产业增加值占规模以上工业增加值比重 | 单位: % | 2025: ≥25"
    (group,) = groups_in("What share of industrial value added is Qijiang aiming for?")
    assert _narrower_in_english("What share of industrial value added…?", group, row)
    # asked in Chinese, 规模以上工业增加值 is another figure than 工业增加值
    assert not _narrower_in_english("工业增加值占比目标是多少", group, row)


def test_a_form_that_names_its_term_only_before_a_figure():
    grain = next(g for g in term_groups() if g[0] == "粮食产量")
    assert grain in groups_in("种植粮食800.3万亩，产粮252.7万吨。")
    assert grain in groups_in("凉山去年产粮多少")
    assert grain not in groups_in("支持建设产粮大县")
    # a question for the figure counts too, its period and 目标 between
    trade = next(g for g in term_groups() if g[0] == "外贸进出口总额")
    assert trade in groups_in("内蒙古外贸去年多少") and trade in groups_in("外贸今年目标是多少")
    assert trade not in groups_in("培育外贸新动能") and trade not in groups_in("外贸企业500家")


def test_a_part_answered_from_a_table_row_is_cited_by_its_row_alone():
    from dataclasses import replace as dc_replace

    from qa.compose_parts import _row_only
    from qa.types import Answer, Citation

    row = Citation(n=1, chunk_id="t", doc_id="d", title="T", district="大渡口区", section=(),
                   quote="高新技术企业（家） | 2020: 92", source="s.txt", line_start=31, line_end=31)  # fmt: skip
    prose = dc_replace(
        row, n=2, chunk_id="p", quote="培育高新技术企业92家", line_start=43, line_end=43
    )
    answer = Answer("q", "2020年，大渡口区高新技术企业为92家[1][2]。", False, "extractive",
                    (row, prose), (), extra={"prose_citation": 2})  # fmt: skip
    alone = _row_only(answer)
    assert alone.answer == "2020年，大渡口区高新技术企业为92家[1]。"
    assert [c.n for c in alone.citations] == [1]
    # an answer without a prose companion is left as it is
    plain = dc_replace(answer, extra={})
    assert _row_only(plain) is plain
