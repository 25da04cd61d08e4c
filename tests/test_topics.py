"""The topic of a "which places…" question: the frames of qa/data/topic_frames.json, each
entry's own example, and many phrasings of the same question."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from qa.place_questions import is_district_question, question_level
from qa.topic_frames import aspect_evidence
from qa.topic_terms import expand_terms
from qa.topics import read_topic

_DATA = json.loads(resources.files("qa").joinpath("data", "topic_frames.json").read_text("utf-8"))


@pytest.mark.parametrize("entry", _DATA["frames"] + _DATA["aspects"], ids=lambda e: e["example"])
def test_each_frame_gives_its_example_topic(entry):
    assert read_topic(entry["example"]).text == entry["topic"]


@pytest.mark.parametrize(
    "question",
    [
        "哪些城市把抽水蓄能项目写进了报告？",
        "哪些城市的政府工作报告里把抽水蓄能项目列入了今年的计划",
        "哪些城市将抽水蓄能项目纳入重点项目？",
        "哪些城市抽水蓄能项目被写进了政府工作报告？",
        "把抽水蓄能项目写进报告的城市有哪些？",
        "哪些城市在政府工作报告中提到了抽水蓄能项目？",
        "哪些城市今年要上抽水蓄能项目？",
        "哪些城市部署了抽水蓄能项目",
        "哪些城市谈到抽水蓄能项目",
        "哪些城市提了抽水蓄能项目",
        "哪些城市都在推进抽水蓄能项目",
        "哪些城市的报告里有抽水蓄能项目的相关内容？",
        "哪些城市提出要建设抽水蓄能项目？",
    ],
)
def test_phrasings_of_one_question_give_one_topic(question):
    assert read_topic(question).text == "抽水蓄能项目"
    assert question_level(question) == "city"


@pytest.mark.parametrize(
    "question",
    [
        "哪些区在规划里定了重庆OTC科创板挂牌企业的数量目标？",
        "哪些区在规划中明确了重庆OTC科创板挂牌企业目标",
        "哪些区设定了重庆OTC科创板挂牌企业数量目标？",
    ],
)
def test_a_target_set_somewhere_is_the_target_aspect_of_the_topic(question):
    topic = read_topic(question)
    assert (topic.text, topic.aspect) == ("重庆OTC科创板挂牌企业", "target")


def test_a_question_for_the_figures_of_a_topic_asks_for_a_number():
    question = "哪些地方的文件给出了技术合同成交额的数字？"
    assert is_district_question(question)
    topic = read_topic(question)
    assert (topic.text, topic.aspect) == ("技术合同成交额", "figure")
    assert aspect_evidence("figure").search("技术合同成交额达到1.5亿元")
    assert not aspect_evidence("figure").search("加快技术合同登记")
    bracketed = read_topic("哪些地方的文件给出了技术合同成交额（或技术合同交易额）的数字？")
    assert bracketed.text == "技术合同成交额（或技术合同交易额）"
    # the places' documents called by other names, and a target said to be set
    material = read_topic("哪些地方的材料里给出了技术合同成交额的数据？")
    assert (material.text, material.aspect) == ("技术合同成交额", "figure")
    setting = read_topic("哪些地方设定了万人发明专利拥有量的目标？")
    assert (setting.text, setting.aspect) == ("万人发明专利拥有量", "target")
    assert is_district_question("哪些地方明确了研发投入强度目标？")


def test_the_generic_head_of_a_topic_is_optional_when_matching():
    # a plan writes 抽水蓄能电站 where the question says 抽水蓄能项目 (建设)
    assert "抽水蓄能" in expand_terms("抽水蓄能项目")
    assert "抽水蓄能" in expand_terms("抽水蓄能项目建设")


def test_a_question_for_targets_keeps_the_aspect():
    read = read_topic("哪些区的规划里有“专精特新”企业的目标？")
    assert read.text == "专精特新" and read.aspect == "target"
    assert read_topic("哪些区提到了氢能？").aspect is None
    target = aspect_evidence("target")
    assert target.search("“专精特新”企业达80家")
    assert target.search("高新技术企业数 | 2020: 98 | 2025: 200")
    assert not target.search("支持企业向“专精特新”方向发展")


def test_topics_named_before_the_places():
    assert is_district_question("把抽水蓄能写进报告的城市有哪些？")
    assert question_level("提到氢能的区县有哪些") == "county"
    assert question_level("提到氢能的地区有哪些") is None
    assert not is_district_question("綦江区有哪些高新技术企业？")


@pytest.mark.parametrize(
    ("question", "level", "topic"),
    [
        ("这几个区的科技规划里，谁提到了5G？", "county", "5G"),
        ("各市政府工作报告中哪个提到了低空经济", "city", "低空经济"),
        ("这五个区里，哪几个在规划里定了高企数量目标？", "county", "高企"),
        # the group's documents named at length before who among them
        ("重庆三个区的科技创新“十四五”规划里，哪些提到了“一带一路”？", "county", "一带一路"),
    ],
)
def test_places_named_as_a_group_then_who_among_them(question, level, topic):
    assert is_district_question(question)
    assert question_level(question) == level and read_topic(question).text == topic


@pytest.mark.parametrize("question", ["这几个区谁的研发投入强度最高", "各区县哪个部门负责科技统计"])
def test_who_among_places_without_a_verb_of_saying_is_no_place_finder_question(question):
    assert not is_district_question(question)


@pytest.mark.parametrize(
    "question", ["连云港申建中欧班列陆海集结中心是联合哪个城市？", "抚州跟哪些城市合作开行班列"]
)
def test_a_place_asked_as_the_object_of_a_document_is_no_place_finder_question(question):
    assert not is_district_question(question)


def test_places_of_several_levels_asked_at_once():
    from qa.place_questions import question_levels

    question = "哪些城市或省区设定了今年城镇新增就业目标？"
    assert is_district_question(question)
    assert question_levels(question) == ("city", "province")
    assert question_level(question) is None  # no one level
    assert question_levels("哪些市和县提到了氢能") == ("city", "county")
    assert question_levels("哪些城市提到了氢能") == ("city",)
    # the year a target is asked of is no part of the topic
    topic = read_topic(question)
    assert (topic.text, topic.aspect) == ("城镇新增就业", "target")


def test_verbs_joined_before_one_object_each_take_it():
    terms = expand_terms("创建或升级国家高新区")
    assert {"创建国家高新区", "升级国家高新区"} <= set(terms)
    assert "创建" not in terms  # a bare verb is in every plan
    assert {"引进高层次人才", "培育高层次人才"} <= set(expand_terms("引进或培育高层次人才"))
    # an act jieba cuts into one-character words (用|好) is still an act
    used = expand_terms("建设或用好海外仓")
    assert {"建设海外仓", "用好海外仓"} <= set(used) and "建设" not in used
    # nouns joined stay each a topic
    assert {"氢能", "储能"} <= set(expand_terms("氢能或储能"))
    assert "博士后工作站" in expand_terms("博士后工作站或博士后培养")


def test_an_alternative_naming_no_thing_takes_the_first_ones_thing():
    terms = expand_terms("高新技术企业数量或新增数量")
    assert "新增高新技术企业" in terms
    assert "新增" not in terms  # a bare 新增 is in every report
    assert {"培育高企", "引进高企"} <= set(expand_terms("培育或引进高企"))
    # …and one that is only a head takes the rest of the first: a bare 平台 is in every plan
    terms = expand_terms("中试熟化基地或平台")
    assert {"中试熟化基地", "中试熟化平台"} <= set(terms) and "平台" not in terms
    assert "博士后工作站分站" in expand_terms("博士后工作站或分站")
    # a term of the field after a modifier reports leave out is met alone; not after a level
    assert "知识价值信用贷款" in expand_terms("科技型企业知识价值信用贷款")
    assert "充电桩" in expand_terms("新能源车充电桩")
    assert "地理标志" in expand_terms("农产品地理标志")  # (the products a mark is for)
    assert "地理标志" in expand_terms("特色农产品地理标志")
    assert "专精特新企业" not in expand_terms("省级专精特新企业")
    assert "充电桩" not in expand_terms("“新能源车充电桩”", named=True)
    # a bracket naming only measures says which figure is asked: no alternative
    assert "总额" not in expand_terms("社会消费品零售总额（增速或总额）", measured=True)
    # a short thing of its own is no head of the first (托位 is no kind of 服务)
    terms = expand_terms("婴幼儿托育服务、托位、托育机构、托幼")
    assert {"托位", "托幼", "托育机构"} <= set(terms) and "婴幼儿托育托位" not in terms
    assert {"氢能", "储能"} <= set(expand_terms("氢能或储能"))
    # a word every report uses, in the place of the act the first ends in, is an act of its thing
    terms = expand_terms("页岩气开发或利用")
    assert "页岩气利用" in terms and "利用" not in terms
    assert "民宿" in expand_terms("乡村旅游、民宿")  # (a thing of its own keeps its name)
    assert "海外仓" in expand_terms("海外仓布局")  # (a layout is the thing's)
    assert "机场机场" not in expand_terms("机场建设或者机场")
    # a bare head is the head of the thing said just before it, not of the first one
    terms = expand_terms("新型储能、储能电站/项目")
    assert "储能项目" in terms and "新型项目" not in terms
    # common words in the place of the common head the first ends in are said of its thing
    terms = expand_terms("数字人民币试点或应用场景")
    assert "数字人民币应用场景" in terms and "应用场景" not in terms
    terms = expand_terms("氢燃料电池汽车示范或应用场景")
    assert "氢燃料电池汽车应用场景" in terms and "应用场景" not in terms
    # (not a thing of its own, nor one the first's modifier holds)
    assert "数字乡村" in expand_terms("智慧农业或数字乡村")
    assert "高技能技能人才" not in expand_terms("高技能人才或技能人才")


def test_an_attribute_alone_is_the_first_alternatives_things_and_reports_drop_its_de():
    terms = expand_terms("新能源汽车的产量、销量或消费")
    assert {"新能源汽车的销量", "新能源汽车的消费"} <= set(terms)
    # a report writes the attribute without 的
    assert {"新能源汽车产量", "新能源汽车销量", "新能源汽车消费"} <= set(terms)
    assert "消费新能源汽车的产量" not in terms
    assert "目地" not in "".join(expand_terms("旅游目的地"))  # 的 inside a word stays


def test_a_terms_words_are_met_apart_in_one_clause_or_list():
    from qa.term_matcher import term_matcher
    from qa.topic_terms import norm

    def met(topic, text):
        return term_matcher(expand_terms(topic)).search(norm(text)) is not None

    assert met("新增学位", "新增小学及初高中学位1.2万个")  # an act and its thing
    assert not met("新增学位", "新增幼儿园3所，学位紧张")  # …in one clause only
    assert met("家政服务", "扩大健康、养老、托幼、家政、数字等服务消费")  # a kind in a list
    assert not met("氢能汽车", "发展氢能、储能、新能源汽车")  # no 等: no shared head
    # …unless the other kind is of the same class, ending as the term's kind does
    assert met("新能源装机", "新能源和清洁能源装机规模达到254万千瓦")
    assert not met("新能源装机", "新能源和抽水蓄能电站装机规模达到254万千瓦")
    # a long term's words, a few characters apart
    assert met("医疗机构检查检验结果互认", "全区333家医疗机构实现检查检验结果互认")
    assert not met("医疗机构检查检验结果互认", "医疗机构检查设备更新，检验结果及时互认")
    assert not met(
        "每万人发明专利拥有量", "每万人口高价值发明专利拥有量达到12件"
    )  # another measure
    # …the group the kinds are, said between 等 and the head
    assert met("高校毕业生就业", "抓好高校毕业生、脱贫人口、农民工等重点群体就业")
    assert not met("高校毕业生就业", "抓好高校毕业生、脱贫人口等重点项目就业")


def test_the_year_of_the_documents_asked_is_no_topic_and_picks_the_documents():
    from types import SimpleNamespace

    from qa.asked_documents import without_year_of_documents, year_of

    text, year = without_year_of_documents("2024年的政府工作报告里，哪些提到新质生产力？")
    assert (text, year) == ("政府工作报告里，哪些提到新质生产力？", ("2024",))
    assert read_topic(text).text == "新质生产力"
    assert without_year_of_documents("哪些地方定了2025年目标？")[1] == ()  # a target's year
    # (or the year they were issued)
    text, year = without_year_of_documents("2025年发布的政府工作报告中，哪些写到了城市更新？")
    assert (text, year) == ("政府工作报告中，哪些写到了城市更新？", ("2025",))
    # (or of either of several years)
    text, years = without_year_of_documents(
        "2024、2025年政府工作报告里写了高标准农田建设的有哪些？"
    )
    assert (text, years) == ("政府工作报告里写了高标准农田建设的有哪些？", ("2024", "2025"))
    assert year_of(SimpleNamespace(title="德阳市2024年政府工作报告", date=None)) == "2024"
    assert year_of(SimpleNamespace(title="大渡口区“十四五”科技创新规划", date=None)) is None
    assert year_of(SimpleNamespace(title="工作报告", date="2025-01-13")) == "2025"


def test_a_service_of_a_long_name_and_a_fall_are_left_to_the_report():
    assert "心理健康" in expand_terms("心理健康服务")  # 加强学生心理健康教育
    assert "家政" not in expand_terms("家政服务")  # a short name keeps its 服务
    # support for a thing, or a campaign for it, is said in the thing's name
    assert "城市更新" in expand_terms("城市更新行动")  # 实施城市更新
    assert "高价值发明专利" in expand_terms("高价值发明专利口径")  # the basis a figure is of
    assert "首台套产品" in expand_terms("首台套产品支持")
    assert "政策" not in expand_terms("政策支持")  # a short name keeps its act
    # how a figure falls is the report's to say (单位地区生产总值能耗降低2.8%左右)
    assert "单位地区生产总值能耗" in expand_terms("单位GDP能耗下降", moving=True)


def test_a_deed_is_met_without_whom_it_is_done_for():
    terms = expand_terms("给企业减税降费、减负")
    assert {"减税降费", "减负"} <= set(terms)  # 为市场主体减负, 减税降费及退税
    assert "服务" not in expand_terms("为老助餐服务")  # a deed of any kind names none
    assert not any(t.startswith("减负给") for t in terms)  # 减负 is no deed done to the first
    assert "增收" not in expand_terms("农民增收")  # no beneficiary said: nothing removed
    assert "增收" in expand_terms("为农民增收")
    # a thing made for them is named with them (建设人才公寓)
    assert "人才公寓" in expand_terms("给人才盖公寓")
    assert not any(t.startswith("企业减") for t in terms)  # (a deed is no thing made)


def test_a_thing_and_its_deed_are_met_either_way_round():
    assert "改造老旧小区" in expand_terms("老旧小区改造")  # 开工改造城镇老旧小区2878个
    assert "引进人才" in expand_terms("人才引进")
    assert expand_terms("低空经济") == ("低空经济",)  # no deed: nothing turned
    # the verbs of forming a body are the user's: 组建由龙头企业牵头的…创新联合体
    assert "创新联合体" in expand_terms("组建创新联合体")
    # a narrower name is no synonym: every 专精特新“小巨人” is 专精特新, not the other way
    assert "专精特新" not in expand_terms("小巨人")
    assert "国家高新区" not in expand_terms("创建国家高新区")  # the act is the topic


def test_the_verbs_around_a_topic_leave_its_own_words():
    # 中 is a word of 中试, not the 中 of 规划中
    assert read_topic("哪些地方提出要建设中试基地或中试熟化平台？").text == "中试基地或中试熟化平台"
    assert read_topic("哪些区的规划中提到氢能").text == "氢能"
    # a verb joined to another before the topic is the topic's
    assert read_topic("哪些区提到培育或引进高企").text == "培育或引进高企"
    assert read_topic("哪些区提到培育高企").text == "高企"
    # 给了 sets a target as 给出 does; 在规划里 is where, not what
    for question in ("哪几个市或省在报告里给了CPI涨幅目标？", "哪些地方在规划里设定了CPI涨幅目标"):
        assert is_district_question(question)
        assert (read_topic(question).text, read_topic(question).aspect) == ("CPI涨幅", "target")


def test_a_term_inside_a_topic_is_said_in_each_form_once():
    terms = expand_terms("CPI涨幅")
    assert {"居民消费价格涨幅", "居民消费价格总水平涨幅"} <= set(terms)
    assert not any("涨幅涨幅" in t for t in terms)


def test_documents_named_as_a_group_then_which_of_them():
    from qa.asked_documents import documents_asked

    question = "三份政府工作报告里，哪些把居民消费价格（CPI）涨幅列进了预期目标？"
    assert is_district_question(question)
    topic = read_topic(question)
    assert (topic.text, topic.aspect) == ("居民消费价格（CPI）涨幅", "target")
    assert documents_asked(question) == ("work_report",)
    assert documents_asked("哪几份规划提出了建设人才公寓") == ("plan",)
    assert documents_asked("哪些地方提到了氢能") == ()
    # the kind of the places' documents, said after them; but 报告 and 文件 are said of any
    assert documents_asked("哪些地方的通知文件里部署了第三次全国土壤普查？") == ("notice",)
    assert documents_asked("哪些地方的科技规划中提到了氢能？") == ("plan",)
    assert documents_asked("哪些地方的报告里有抽水蓄能电站项目？") == ()
    assert documents_asked("在科技创新规划这类文件中，哪些提到了新型研发机构？") == ("plan",)
    assert documents_asked("工作要点类的文件里，有哪些提到了科普？") == ("work_points",)
    assert documents_asked("工作要点里，有没有提到创建农业科技园区的？") == ("work_points",)
    # written into the report, not into its targets: any mention
    assert read_topic("哪些城市把抽水蓄能项目写进了报告？").aspect is None
    assert not is_district_question("这份报告里哪些产业是重点")


@pytest.mark.parametrize(
    ("question", "topic", "levels"),
    [
        ("数据要素这块，哪些地方的文件里有提到？", "数据要素", ()),
        ("工业互联网都有哪些地方写了？", "工业互联网", ()),
        ("哪些地方提了以竹代塑？", "以竹代塑", ()),
        ("哪些地方在搞算力建设？", "算力建设", ()),
        ("哪几个地方在推科技特派员？", "科技特派员", ()),
        ("哪些地方在推进城市更新？", "城市更新", ()),
        ("四份市级报告里谁提到了海外仓？", "海外仓", ("city",)),
        ("零基预算改革写进了哪些报告？", "零基预算改革", ()),
        # places named one by one, then which of them: the places are no topic
        ("綦江、合川、大渡口这三个区里，谁提到了农业科技园区？", "农业科技园区", ()),
        ("吉安、抚州、巴中里，哪个提到了抽水蓄能？", "抽水蓄能", ()),
        ("甘孜、郴州、来宾，谁提到了锂？", "锂", ()),
        # the verbs of saying are one vocabulary for every form: 出现, 提, 有, 给…定了, 在用
        ("稀土在哪些地方的文件里出现了？", "稀土", ()),
        ("银发经济有哪些地方提？", "银发经济", ()),
        ("这两个省的报告里，谁提了新型储能？", "新型储能", ("province",)),
        ("哪几份规划给数字经济占GDP比重定了目标？", "数字经济占GDP比重", ()),
        ("哪些地方给技术合同成交额定了目标值？", "技术合同成交额", ()),
        ("数字经济定了量化目标的有哪些地方？", "数字经济", ()),
        ("哪些区的科技规划提到碳达峰碳中和？", "碳达峰碳中和", ("county",)),
        ("今年农村公路给了里程目标的有哪些地方？", "农村公路", ()),
        ("哪些城市在用揭榜挂帅？", "揭榜挂帅", ("city",)),
        ("城市里有没有提到科创板的？", "科创板", ("city",)),  # whether any of a level did
        ("固投增长目标在7%及以上的城市或省份有哪些？", "固投增长", ("city", "province")),
        # light words leading a topic name no subject: saying, intending, doing, governing
        ("哪些地方在给老年人办助餐食堂、助餐点？", "助餐食堂、助餐点", ()),
        ("哪些地方说要建设青年发展型城市？", "青年发展型城市", ()),
        ("哪些城市发过或者要发消费券？", "消费券", ("city",)),
        ("哪些城市办马拉松？", "马拉松", ("city",)),
        ("哪些地方在治理锰污染？", "锰污染", ()),
        ("哪些城市在发展夜间经济？", "夜间经济", ("city",)),
        ("哪些地方提到在线教育？", "在线教育", ()),  # 在 of a word stays
        # …and trailing words of kind or period
        ("中试基地、中试平台这类，哪些地方要建？", "中试基地、中试平台", ()),
        ("专精特新企业今年或规划期定了数量目标的有哪些？", "专精特新企业", ()),
        # documents named as a group with their level, a remark, or a quote in their name
        ("几份区里的“十四五”科技规划，哪些写了要建孵化器？", "孵化器", ("county",)),
        ("六份市和省的政府工作报告里，哪个没提抽水蓄能？", "抽水蓄能", ("city", "province")),
        (
            "区里的科技创新规划（不算工作要点）中，哪些给出了知识价值信用贷款的金额？",
            "知识价值信用贷款",
            ("county",),
        ),
        ("哪些区的科技“十四五”规划给了技术合同成交额的目标？", "技术合同成交额", ("county",)),
        ("哪些政府工作报告里部署了“十五五”规划编制？", "十五五", ()),  # the quote is the topic
        ("“红色物业”出现在哪些地方的报告里？", "红色物业", ()),
        # each place asked its figure; places named, then which of them are doing it
        ("去年城镇新增就业各地实际完成了多少？", "城镇新增就业", ()),
        ("去年空气优良天数各地是多少？给了数字的都算", "空气优良天数", ()),  # a remark after
        ("綦江、合川、大渡口这三个区，哪些在争创国家高新区？", "争创国家高新区", ()),
        # a level said as a tier or as its regions, then who among them
        ("省级层面，哪些地方提到推动中医药传承创新发展？", "中医药传承创新发展", ("province",)),
        ("两个省级地区中，谁提到了发展中医药？", "中医药", ("province",)),
        # a kind of the topic stressed after it; examples, then the class they are of
        ("哪些地方在发展储能，尤其是新型储能？", "储能", ()),
        (
            "哪些地方提到普惠托育、增加托位这类婴幼儿照护服务？",
            "普惠托育、增加托位、婴幼儿照护服务",
            (),
        ),
        ("哪些地方提到中试基地、中试平台这类载体？", "中试基地、中试平台", ()),  # a kind only
        # a level of cities said as prefectures and cities together
        (
            "地市州层面，谁提到了国家中医药传承创新发展试验区？",
            "国家中医药传承创新发展试验区",
            ("city",),
        ),
        # a target's figure said as the level it is to be moved to; its period bracketed
        ("战略性新兴产业占比要提高到多少，哪些地方给了目标？", "战略性新兴产业占比", ()),
        ("粮食产量今年（或“十四五”末）要达到多少，哪些地方给了数字？", "粮食产量", ()),
        # the measures of a target asked, joined, are no topic: the topic said first is
        ("高新技术企业数量，哪些地方定了增量或总量目标？", "高新技术企业", ()),
    ],
)
def test_more_ways_users_ask_which_places(question, topic, levels):
    from qa.place_questions import question_levels

    assert is_district_question(question)
    assert read_topic(question).text == topic
    assert question_levels(question) == levels
    assert not is_district_question("哪些地方需要改进")
    assert not is_district_question("高企、专精特新，谁提到得更多？")  # no places to ask among


def test_a_topics_words_are_met_as_reports_vary_them():
    from qa.topic_terms import norm

    # the verb of building is the user's; a name set off in quotes is the same name
    assert "飞地园区" in expand_terms("飞地经济或建飞地园区")
    assert norm("合作建设“飞地”园区") == "合作建设飞地园区"
    # …but an act that is the topic stays: 创建国家高新区 is not any 国家高新区
    assert "国家高新区" not in expand_terms("创建或升级国家高新区")
    # …and so is an act of doing it better or harder: 优化营商环境 is met by 一流营商环境
    assert "营商环境" in expand_terms("优化营商环境")
    assert "电信网络诈骗" in expand_terms("打击电信网络诈骗")
    assert "民营经济" in expand_terms("支持民营经济")  # (backing it)
    assert "人才" not in expand_terms("加强人才")  # (a thing of three characters or more)
    assert "地方债务风险" in expand_terms("防范化解地方政府债务风险")  # (and the field's synonym)
    assert "食品安全" in expand_terms("食品安全监管")  # the act on a field of four characters
    assert expand_terms("金融监管") == ("金融监管",)
    # a kind of travel is said short (乡村游), but a name the user quoted is not
    assert "乡村游" in expand_terms("乡村旅游") and "红色游" in expand_terms("红色旅游")
    assert "乡村游" not in expand_terms("乡村旅游", named=True)
    assert "游" not in expand_terms("旅游")  # (travel of no kind is said in full)
    # how a figure moves is said in the report's words: 固投增速 is 固定资产投资增长…
    assert {"固投", "固定资产投资"} <= set(expand_terms("固投增速", moving=True))
    # …while an indicator's name keeps it: 研发经费投入增长 is not 研发经费投入(强度)
    assert "研发经费投入" not in expand_terms("研发经费投入增长")


def test_a_bound_said_after_a_target_is_read_and_applied():
    import re

    from qa.bounds import Limit, figures_in
    from qa.stating import Stating
    from qa.term_matcher import term_pattern

    # a frame again on what one leaves: 给了 | 已建成的 | 高标准农田面积
    from qa.topic_words import strip_topic

    assert strip_topic("给了已建成的高标准农田面积") == ("高标准农田面积", "figure")
    assert strip_topic("单位GDP能耗下降目标给了具体百分比")[1] == "target"
    # the year behind said as what a place reported asks its figure
    topic = read_topic("哪些地方说了去年的外贸进出口总额？")
    assert (topic.text, topic.aspect, topic.behind) == ("外贸进出口总额", "figure", True)
    assert read_topic("哪些地方提到了去年的招商引资？").aspect is None
    # a bound passed already asks a figure; 已 is no part of the topic
    topic = read_topic("上一年地区生产总值已超过2000亿元的，是哪些地方？")
    assert (topic.text, topic.aspect, topic.bound) == ("地区生产总值", "figure", "超过2000亿元")
    topic = read_topic("城镇新增就业目标超过3万人的城市有哪些？")
    assert (topic.text, topic.aspect, topic.limit, topic.bound) == (
        "城镇新增就业",
        "target",
        Limit(30000.0, "above", inclusive=False, unit="count"),
        "超过3万人",
    )
    assert read_topic("哪些区的万人发明专利拥有量目标超过10件？").limit.figure == 10.0
    assert read_topic("哪些城市设定了GDP目标").limit is None
    # 以上 and 以内 include the figure itself; a bound below is one too
    below = read_topic("CPI涨幅目标控制在3%以内的城市有哪些？")
    assert (below.text, below.limit) == ("CPI涨幅", Limit(3.0, "below", inclusive=True, unit="%"))
    at_least = read_topic("到2025年R&D投入强度目标在4%及以上的区有哪些？")
    assert (at_least.text, at_least.limit) == (
        "R&D投入强度",
        Limit(4.0, "above", inclusive=True, unit="%"),
    )
    assert at_least.limit.passes(4.0) and not topic.limit.passes(30000.0)
    assert below.limit.passes(3.0) and not below.limit.passes(3.8)
    assert figures_in("每万人发明专利拥有量 | 2020: 19.36 | 2025: 30") == [19.36, 30.0]
    assert figures_in("到2025年达到6.1件") == [6.1]
    # the figure of the topic's own words, or a row's last cell, is held to the bound
    over = Limit(30000.0, "above", inclusive=False)
    stating = Stating(re.compile(""), over, term_pattern(("城镇新增就业",)))
    assert stating.search("城镇新增就业3.5万人以上，城镇调查失业率5.5%左右")
    assert not stating.search("城镇新增就业2.8万人以上，城镇调查失业率5.5%左右")
    row = Stating(
        re.compile(""), Limit(10.0, "above", False), term_pattern(("万人发明专利拥有量",))
    )
    assert row.search("每万人发明专利拥有量 | 2020: 2.49 | 2025: 30")
    assert not row.search("每万人发明专利拥有量 | 2020: 12.1 | 2025: 6.1")
    capped = Stating(re.compile(""), below.limit, term_pattern(("居民消费价格涨幅",)))
    assert capped.search("居民消费价格涨幅控制在3%以内")
    assert not capped.search("居民消费价格涨幅控制在3.8%以内")


def test_one_topic_met_and_another_not_however_the_not_is_stressed():
    topic = read_topic("哪些地方提到了光伏，却完全没提储能？")
    assert topic.text == "光伏" and [t.text for t in topic.none_of] == ["储能"]
    throughout = read_topic("有没有地方提了碳达峰，却通篇没提碳中和？")  # not anywhere in it
    assert throughout.text == "碳达峰" and [t.text for t in throughout.none_of] == ["碳中和"]
    word = read_topic("哪些地方提到了大数据，但文件里一次都没出现“人工智能”这个词？")
    assert word.text == "大数据" and [t.text for t in word.none_of] == ["人工智能"]
    both = read_topic("既提到乡村旅游、又提到发展民宿的，有哪些地方？")
    assert both.all_of == ("乡村旅游", "民宿")
    assert "马拉松" in expand_terms("马拉松赛事")  # an event is its name


def test_a_question_for_the_places_that_did_not():
    for question in ("哪些区没有提到氢能？", "没有提到氢能的区有哪些？"):
        assert is_district_question(question)
        assert (read_topic(question).text, read_topic(question).negated) == ("氢能", True)
    assert not read_topic("哪些区提到氢能").negated
    asked = "四个城市里，谁没给规上工业增加值定增长目标？"
    assert is_district_question(asked) and question_level(asked) == "city"
    topic = read_topic(asked)
    assert (topic.text, topic.aspect, topic.negated) == ("规上工业增加值", "target", True)


def test_documents_asked_by_kind_stand_for_their_places():
    from qa.asked_documents import _ANY_LEVEL
    from qa.place_questions import question_levels

    for question in ("哪些报告提到要学习运用“千万工程”经验？", "哪几份规划提出了建设人才公寓"):
        assert is_district_question(question)
        assert question_levels(question) == () and _ANY_LEVEL.search(question)
    assert read_topic("哪几份规划提出了建设人才公寓").text == "人才公寓"
    assert not is_district_question("綦江发了哪些文件")
    # the kind of the places' documents, said before what they say, narrows them; 报告 does not
    from qa.asked_documents import documents_asked

    assert documents_asked("哪些地方的科技创新规划提到了飞地经济？") == ("plan",)
    assert documents_asked("哪些地方的报告提到了氢能？") == ()
    assert documents_asked("工作要点这类文件里，有提到科普基地建设的吗？") == ("work_points",)


def test_a_quoted_topic_is_a_name():
    topic = read_topic("哪些报告提到要学习运用“千万工程”经验？")
    assert (topic.text, topic.quoted) == ("千万工程", True)
    assert not read_topic("哪些区提到了氢能？").quoted
    # …also when the quote closes the question
    assert read_topic("哪些报告里有“千万工程”？").quoted
    # a name keeps its last word: “数字乡村工程” is no 数字乡村 (and no name is cut to a number)
    assert "数字乡村" in expand_terms("数字乡村工程")
    assert "数字乡村" not in expand_terms("数字乡村工程", named=True)
    named = expand_terms("千万工程", named=True)
    assert "千万" not in named and named[0] == "千万工程"
    # …and is met by its other names (qa/data/synonyms.json: the name written out)
    assert "千村示范、万村整治" in named
    # …unless the user asks where the wording itself stands
    topic = read_topic("“枫桥经验”这个说法，在哪些报告里原样出现过？")
    assert (topic.text, topic.quoted, topic.verbatim) == ("枫桥经验", True, True)
    assert not read_topic("哪些地方提到学习推广“枫桥经验”？").verbatim
    assert "枫桥式" in expand_terms("枫桥经验", named=True)
    assert "枫桥式" not in expand_terms("枫桥经验", named=True, verbatim=True)
    # …nor where it starts inside a word of a longer name the document quotes
    from qa.term_matcher import one_name_in

    assert not one_name_in(("千万工程",), "全面落实省“十百千万”工程部署要求")
    assert not one_name_in(("千万工程",), "推进“百千万工程”，培育862家示范社")
    assert one_name_in(("千万工程",), "学习运用“千万工程”经验")
    assert one_name_in(("惠民保",), "“赣州惠民保”上线")  # (a kind of it)
    assert one_name_in(("一老一小",), "围绕“一老”“一小”,贯彻落实")  # (said in two parts)
    assert one_name_in(("独角兽企业",), "重视“瞪羚-独角兽”企业成长链条衔接")


def test_a_list_of_kinds_shares_a_class_head_without_its_closing_word():
    from qa.term_matcher import term_matcher
    from qa.topic_terms import norm

    assert term_matcher(("瞪羚企业",)).search(norm("引进独角兽、瞪羚、“专精特新”企业"))
    assert not term_matcher(("氢能汽车",)).search(norm("发展氢能、储能、新能源汽车"))


def test_a_contraction_names_each_word_it_stands_for():
    from qa.term_matcher import term_matcher
    from qa.topic_terms import norm

    assert term_matcher(("氢能",)).search(norm("科学统筹水风光氢等多能互补发展"))
    assert not term_matcher(("核电",)).search(norm("科学统筹水风光氢等多能互补发展"))
    # (the words as written: 城乡供水一体化率 spreads no 城镇化率)
    assert not term_matcher(("城镇化率",)).search(norm("确保城乡供水一体化率达到90%以上"))


def test_a_thing_named_by_a_quantity_is_met_with_the_quantity_apart():
    from qa.term_matcher import term_matcher
    from qa.topic_terms import norm

    free = term_matcher(("240小时过境免签",))
    assert free.search(norm("过境免签扩展到9个州（市）并延长至240小时"))
    assert not free.search(norm("过境免签延长至1240小时"))  # another number
    assert not free.search(norm("72小时过境免签政策"))


def test_a_short_name_is_met_written_out_in_full():
    from qa.term_matcher import term_matcher
    from qa.topic_terms import norm

    def finds(term, text, **kw):
        m = term_matcher((term,), **kw).search(norm(text))
        return m.group(0) if m else None

    assert finds("博士后站", "建成市级博士后科研工作站3个") == "博士后科研工作站"
    assert finds("自贸区", "实施自贸试验区提升战略") == "自贸试验区"
    assert finds("充电设施", "大力建设城乡公共充电基础设施") == "充电基础设施"
    # the first two characters stand together, and the whole within twice the name
    assert finds("新型储能", "新建抽水型储能电站") is None
    assert finds("银发经济", "引导银行支持发展实体经济") is None
    # a quoted name is met only in its words
    assert finds("博士后站", "博士后科研工作站", named=True) is None
    # a share is met said with the measure it is taken in and its whole
    share = "战略性新兴产业增加值占规模以上工业增加值比重达到25%"
    assert finds("战略性新兴产业占比", share) is not None
    assert finds("战略性新兴产业占比", "战略性新兴产业增加值增长10%") is None


def test_the_base_of_a_share_is_no_figure_of_its_own():
    from qa.term_matcher import term_matcher
    from qa.topic_terms import norm

    gdp = term_matcher(expand_terms("GDP增长", moving=True), own_figure=True)
    assert gdp.search(norm("地区生产总值增长7%"))
    assert not gdp.search(norm("研发经费投入年均增长10%以上，占地区生产总值比重突破4%"))
    assert not gdp.search(norm("R&D经费支出占地区生产总值(GDP)比重达5.5%以上"))
    assert not gdp.search(norm("研发经费投入增长20%以上，GDP占比增长0.2个百分点"))  # …占比
    # …while any mention of GDP is still one
    plain = term_matcher(expand_terms("GDP"))
    assert plain.search(norm("占地区生产总值比重突破4%"))


def test_a_bracket_says_the_topic_again_unless_it_remarks_on_it():
    assert {"充电桩", "充电设施"} <= set(expand_terms("充电桩（充电设施）"))
    assert "含分站" not in expand_terms("博士后工作站（含分站）")
    # how a thing stands (won or sought) or how a bound is worded is no wording of the thing
    # (the grade's code alone is the name as reports cut it: 推进古城5A创建)
    assert set(expand_terms("国家5A级景区（获评或创建）")) - {"国家5A级景区（获评或创建）"} == {
        "国家5A级景区",
        "5A",
    }
    # …but after an act the bracket words the act another way
    assert "升级创建国家高新区" in expand_terms("创建（或升级创建）国家高新区")


def test_a_closing_bracket_of_names_that_count_too_lists_other_names():
    # names of three characters or more that end in a noun, said to count as the thing
    terms = set(expand_terms("植树造林面积（营造林、植树造林、荒山绿化都算）"))
    assert {"营造林", "荒山绿化"} <= terms
    assert {"车路协同", "车联网"} <= set(
        expand_terms("智能网联汽车、自动驾驶（车路协同、车联网也算）")
    )
    # states, acts, ranks, measures and what a charge is of say how the name counts, not names
    for topic, said in [
        ("国家碳计量中心（获批筹建、在建、建成都算）", "获批筹建"),
        ("国家卫生城市（复审通过或新创建都算）", "新创建"),
        ("区域医疗中心（国家级或省级都算）", "省级"),
        ("技术合同成交额（交易额、认定登记额都算）", "交易额"),
        ("充电桩、充电设施建设（新能源汽车、电动车充电都算）", "新能源汽车"),
    ]:
        assert said not in expand_terms(topic)


def test_a_bound_is_said_with_the_words_that_hold_a_figure_and_its_wordings_in_brackets():
    from qa.bounds import Limit

    held = read_topic("把居民消费价格涨幅控制在3%（左右或以内）的是哪些地方？")
    assert (held.text, held.aspect) == ("居民消费价格涨幅", "target")
    assert held.limit == Limit(3.0, "equal", inclusive=True, unit="%")
    assert held.limit.passes(3.0, "about") and not held.limit.passes(2.0)
    capped = read_topic("CPI涨幅控制在3%以内的有哪些地方")
    assert capped.limit == Limit(3.0, "below", inclusive=True, unit="%")


def test_a_dash_between_clauses_and_an_act_counted_leave_the_topic():
    from qa.text import with_plain_breaks

    question = with_plain_breaks("绿色工厂今年要创建多少家——哪些地方给了数？")
    assert question == "绿色工厂今年要创建多少家，哪些地方给了数？"
    assert (read_topic(question).text, read_topic(question).aspect) == ("绿色工厂", "target")
    assert read_topic("口袋公园建了多少个，哪些地方报了").text == "口袋公园"
    assert with_plain_breaks("2021-2025年") == "2021-2025年"  # a span is no break


def test_an_english_verb_of_saying_in_a_chinese_question_is_the_chinese_one():
    from qa.text import with_plain_breaks

    assert with_plain_breaks("哪些地方的文件 mention 了 RCEP？") == "哪些地方的文件提到了 RCEP？"
    assert read_topic(with_plain_breaks("有哪些城市 talk about 跨境电商？")).text == "跨境电商"
    assert with_plain_breaks("Which places mention AI?") == "Which places mention AI?"


def test_a_field_said_first_leaves_the_topic_to_what_follows_the_question():
    from qa.attested import Corpus

    text = "坚持和发展新时代枫桥经验，推进基层矛盾化解\n利用外资增长5%\n村集体经济收入10万元"
    corpus = Corpus(holds=lambda p: p in text, matches=lambda p: p in text)
    asked = read_topic("基层矛盾化解方面，哪些地方提到枫桥经验？", corpus)
    assert asked.text == "枫桥经验"
    # …unless what follows asks only (量化的目标) or names no thing (已经实现的数据)
    assert read_topic("利用外资方面，哪些地方给出了量化的目标？", corpus).text == "利用外资"
    said = read_topic("村集体经济收入方面，哪些地方报了已经实现的数据？", corpus)
    assert said.text == "村集体经济收入"


def test_a_target_asked_without_its_figure_counts_one_a_list_of_targets_words():
    import re

    from qa.measures import with_worded_targets
    from qa.stating import Stating
    from qa.term_matcher import term_pattern

    asked = "居民收入增长今年定了什么目标？列出有这项目标的地方"
    assert with_worded_targets(read_topic(asked), asked).worded
    figure = "哪几个地方给居民人均可支配收入增长定了具体百分比？"
    assert not with_worded_targets(read_topic(figure), figure).worded
    rate = "今年进出口增速定了目标的有哪些地方？"  # a rate is a figure
    assert read_topic("城镇调查失业率的控制目标，哪些地方给出了？").text == "城镇调查失业率"
    assert not with_worded_targets(read_topic(rate), rate).worded

    def stating(worded: bool) -> Stating:
        terms = term_pattern(("居民收入",))
        return Stating(re.compile("目标"), None, terms, True, ahead=True, worded=worded)

    lead = "主要预期目标是："
    assert stating(True).search("居民收入增长与经济增长同步；", lead)
    assert not stating(False).search("居民收入增长与经济增长同步；", lead)
    assert not stating(True).search("居民收入增长与经济增长同步；")  # in no list of targets
    # …or under a heading that says the passage sets them
    assert stating(True).search("居民收入增速高于经济增长水平。", under="总体要求和主要目标")
    # a rate asked, no specific figure: one set against another's counts, no words alone
    asked = "固定资产投资增速，今年定了目标的有哪些地方？"
    against = with_worded_targets(read_topic(asked), asked)
    assert against.against and not against.worded
    assert not with_worded_targets(read_topic(figure), figure).against  # 具体百分比
    investment = Stating(
        re.compile("目标"), None, term_pattern(("固定资产投资",)), True, ahead=True, against=True
    )
    assert investment.search("固定资产投资增速保持在全国平均水平以上，", lead)
    listed = "固定资产投资、居民收入增速高于经济增长水平，"  # one of a list set so
    assert investment.search(listed, lead)
    assert not investment.search("进出口稳中提质，固定资产投资稳中有进，", lead)


def test_a_clause_of_a_list_stands_under_the_lists_lead():
    from qa.target_lists import list_leads

    said = [
        "主要预期目标是：地区生产总值增长6%左右；",
        "固定资产投资增长10%左右；",
        "居民增收。",
        "下一句。",
    ]
    assert list_leads(said) == ["", "主要预期目标是：", "主要预期目标是：", ""]
    # a converted .docx or PDF sets the lead off with an ASCII colon
    ascii_said = ["主要预期目标是:地区生产总值增长6%;", "社会消费品零售总额增长9%;"]
    assert list_leads(ascii_said) == ["", "主要预期目标是:"]


@pytest.mark.parametrize(
    "question, topic",
    [
        ("冷链物流谁在搞？", "冷链物流"),
        ("哪里在建智慧农业示范基地？", "智慧农业示范基地"),
        ("数字乡村 哪里提了", "数字乡村"),
        ("在建设全域旅游示范区的有哪些？", "全域旅游示范区"),
        ("在创建国家高新区的有哪些？", "创建国家高新区"),
        ("提到“一网通办”的有哪些？", "一网通办"),
        ("“揭榜挂帅”机制是哪里的？", "揭榜挂帅"),
        ("有没有地方在发展银发经济？", "银发经济"),
        ("有城市提到低空经济吗？", "低空经济"),
        # who, said as a household (谁家, 哪家) or a where (哪有); doing it colloquially (弄, 干)
        ("谁家在弄冷链物流？", "冷链物流"),
        ("咖啡哪有？", "咖啡"),
        # whoever did what a clause says, a comma apart; or the places the question ends in
        ("研发投入强度给了具体数值的，有哪些？", "研发投入强度"),
        ("在建设海绵城市的地方？", "海绵城市"),
        ("空气优良天数定了目标的城市？", "空气优良天数"),
        # places named, then whose documents, with or without a comma
        ("陕西和重庆谁的报告提到了低空经济？", "低空经济"),
        ("綦江和合川哪个提到了科技特派员？", "科技特派员"),
        ("在菏泽、德阳里，哪个提到了牡丹？", "牡丹"),  # the topic shares a place's name
        ("重庆高新区、大渡口区、德阳市，哪几家提到了体外诊断？", "体外诊断"),  # 哪几家: which
        ("合川、随州、巴中三个地方，哪个提到了油茶？", "油茶"),  # 中 ends a name (巴中)
        ("大渡口、芜湖、凉山三地，谁的文件提到了马拉松？", "马拉松"),  # how many: 三地
        ("三亚、防城港和广西三者中，谁提到建设海洋牧场？", "海洋牧场"),  # 三者, 两家
        ("綦江、合川两家里，谁提到了油茶？", "油茶"),
        # a second verb of saying joined to the first; a field said first
        ("氢能这块，十个地方里谁有布局或者提到了？", "氢能"),
        # acts alone after the question name nothing done: the topic said before it
        ("创新联合体，哪些地方提到要组建或培育？", "创新联合体"),
        ("哪些地方提到要做好高校毕业生就业？", "高校毕业生就业"),  # 做好: doing it well
        ("今年打算新引进多少大学生，有地方给出数字吗？", "大学生"),  # the act counted
        # the kind a topic is one of, said after it; a topic read to the end of its word
        ("哪些地方在搞院士工作站这类平台？", "院士工作站"),
        ("给孵化器建设定了数量的有哪些地方？", "孵化器建设"),
    ],
)
def test_a_place_asked_without_a_place_noun_is_a_place_question(question, topic):
    assert is_district_question(question)
    assert read_topic(question).text == topic


@pytest.mark.parametrize(
    "question",
    [
        "“没有淡季的景区”说的是哪儿？",
        "这份报告是谁作的？",
        "加强知识产权保护这项工作由谁牵头？",
        "世界互联网大会是在嘉兴哪儿开的？",
        "全省首个古树名木展览馆建在哪里？",
        "“一圈两带三区”具体指哪些地方？",
        "规划实施中哪些地方需要改进？",
        "綦江规划里提到的地方有哪些？",
        "这份规划里说到的地方？",
    ],
)
def test_who_or_where_asked_of_a_fact_is_no_place_question(question):
    assert not is_district_question(question)


def test_whether_each_place_of_a_level_did_asks_which_places():
    # (各市有没有写: the places of that level, each asked; the level said first is no topic)
    question = "地级市今年城镇新增就业目标（要具体人数），各市有没有写？"
    assert is_district_question(question) and question_level(question) == "city"
    read = read_topic(question)
    assert (read.text, read.aspect) == ("城镇新增就业", "target")
    assert question_level("高新技术企业数量目标，各区是否定了？") == "county"
    assert read_topic("区县今年高新技术企业目标，各区是否定了？").text == "高新技术企业"
    # (城市 starts names: 城市更新 stays whole)
    assert read_topic("城市更新行动，各市有没有写？").text.startswith("城市更新")


def test_a_figure_required_in_a_bracket_after_a_target_is_no_topic():
    read = read_topic("哪些地方给新型研发机构定了数量目标（要有具体个数）？")
    assert (read.text, read.unit) == ("新型研发机构", "count")
    assert read_topic("哪些地方写了今年城镇新增就业目标（要具体人数）？").text == "城镇新增就业"


def test_places_of_prefecture_rank_and_of_province_rank_are_levels():
    from qa.place_questions import asks_prefectures

    assert question_level("哪些地级市提到了夜间经济？") == "city"
    assert asks_prefectures("哪些地级市提到了夜间经济？")
    assert not asks_prefectures("哪些城市提到了夜间经济？")
    assert question_level("哪些自治区提到了边境贸易？") == "province"
    assert question_level("省一级的报告里，谁提了“两重”项目？") == "province"


def test_places_set_aside_are_no_part_of_the_question():
    from qa.set_aside import without_exception

    text, aside = without_exception("除了赣州，还有哪些地方提到预制菜？")
    assert aside == ("赣州",)
    assert read_topic(text).text == "预制菜"
    # a thing set aside is no place: the question is left as it is
    assert without_exception("除了氢能，还有哪些地方提到储能？")[1] == ()


def test_two_topics_a_place_must_both_meet():
    topic = read_topic("既提到数字经济又提到海洋经济的是哪些地方？")
    assert topic.all_of == ("数字经济", "海洋经济")
    assert read_topic("哪些地方提到了数字经济？").all_of == ()


@pytest.mark.parametrize(
    "question, topic, aspect",
    [
        ("去年快递业务量，哪些地方给了具体数？", "快递业务量", "figure"),
        ("充电桩建了多少个，哪些城市写了数？", "充电桩", "figure"),
        ("今年计划新建充电桩的有哪些，各多少？", "充电桩", "target"),
        ("哪些城市给今年城镇新增就业定了具体数？", "城镇新增就业", "target"),
        ("哪些城市报了快递业务量的具体数量？", "快递业务量", "figure"),
        ("人均可支配收入定了目标的有哪些？", "人均可支配收入", "target"),
        # a how-many before the topic, and a part that only says what is asked
        ("今年要建多少口袋公园，哪些地方给了数？", "口袋公园", "target"),
        ("去年引进了多少人才，哪些地方给了具体人次？", "人才", "figure"),
        # an act with its result (建成), not the act of building before the topic (建…)
        ("去年建成多少高标准农田，哪些地方报了实际数？", "高标准农田", "figure"),
        # the act a target counts, said before its measure, and a task's amount
        ("专精特新企业的培育数量目标，哪些地方提了？", "专精特新企业", "target"),
        ("今年老旧小区改造定了任务量的有哪些地方？", "老旧小区改造", "target"),
        # whether any place did, asked after the topic; a light 提 in the documents
        ("油茶种植面积有没有地方定目标？", "油茶种植面积", "target"),
        ("有没有地方在文件里提元宇宙？", "元宇宙", None),
        ("哪些地方公布了已建成海外仓的数量？", "海外仓", "figure"),
        # how much, said after the topic and its act, of a measure or in money
        ("促消费活动拉动了多少消费，哪些地方给了金额？", "促消费活动", "figure"),
        ("知识价值信用贷款实际放了多少钱，哪些地方给了数？", "知识价值信用贷款", "figure"),
        # how it went, and which figure, said after the topic
        ("去年财政收入实际完成情况，哪些地方报了？", "财政收入", "figure"),
        ("报了去年游客接待量或旅游收入实际数的地方有哪些？", "游客接待量或旅游收入", "figure"),
        ("老旧小区改造今年定了多少个（或多大面积）的目标，是哪些地方？", "老旧小区改造", "target"),
        ("轨道交通运营里程，哪些城市给了公里数？", "轨道交通运营里程", "figure"),
        # the measure asked with no topic in its part; a target counted; how much spent
        ("今年植树目标，哪些地方定了面积？", "植树", "target"),
        ("今年新增专精特新企业有具体目标数的城市有哪些？", "新增专精特新企业", "target"),
        ("发放创业担保贷款花了多少钱，哪些地方有数？", "创业担保贷款", "figure"),
        ("今年充电桩要建多少，哪些地方给了数？", "充电桩", "target"),
    ],
)
def test_the_aspect_is_read_where_the_question_says_it(question, topic, aspect):
    read = read_topic(question)
    assert (read.text, read.aspect) == (topic, aspect)


def test_a_target_bound_needs_no_word_for_target():
    topic = read_topic("今年新建充电桩超过5000个的有哪些？")
    assert topic.text == "充电桩"
    assert topic.limit is not None and topic.limit.passes(6000) and not topic.limit.passes(4000)


def test_a_figure_of_the_topic_is_stated_in_its_own_clause():
    from qa.stating import Stating
    from qa.term_matcher import term_matcher

    stating = Stating(aspect_evidence("target"), None, term_matcher(("粮食产量",)), True)
    assert not stating.search("主要预期目标是：地区生产总值增长5%，粮食产量稳中有增。")
    assert stating.search("主要预期目标是：地区生产总值增长5%，粮食产量稳定在150亿斤以上。")
    # a year is no figure of the topic
    figure = Stating(aspect_evidence("figure"), None, term_matcher(("旅游收入",)), True)
    assert not figure.search("旅游收入超过2019年水平。")
    assert figure.search("旅游收入增长12%。")


def test_a_target_ahead_is_a_figure_after_the_topic_however_it_is_worded():
    """Outside a look back a figure closely after the topic's words sets a target, with no
    word for setting one; not a figure of the past, of a list's other items, or of something
    else counted before the topic."""
    from qa.stating import Stating
    from qa.term_matcher import term_matcher

    def sets(topic, sentence, unit=None, first_year=2024):
        terms = expand_terms(topic, moving=True, measured=True)
        stating = Stating(
            aspect_evidence("target"),
            None,
            term_matcher(terms, own_figure=True),
            True,
            unit,
            ahead=True,
        )
        return stating.search(sentence, first_year=first_year)

    assert sets("农村公路", "新改扩建农村公路600公里，支持创建“四好农村路”示范县。")
    assert not sets("农村公路", "2023年新改建农村公路825公里。")  # a year before the report's
    assert not sets("农村公路", "五年来新改扩建农村公路1.2万公里。")  # the past
    assert not sets("充电桩", "对车流量较大的85个高速公路服务区充电站进行扩容增桩。")
    assert not sets("数字经济", "打造智能制造、数字经济、生物医药、人工智能4类研发机构聚集区。")
    # a topic named by its measure: the figure is in the measure's unit, and may stand past a
    # list in that unit
    assert sets("造林面积", "植树造林4.9万亩。", unit="面积")
    assert sets("造林面积", "完成人工造林、退化林修复、封山育林35万亩。", unit="面积")
    assert not sets("造林面积", "植树造林，森林覆盖率达到63%。", unit="面积")
    assert sets("粮食产量", "粮食播种面积稳定在1062万亩以上、产量稳定在91亿斤以上。", unit="产量")
    assert not sets("粮食产量", "粮食播种面积稳定在1062万亩以上。", unit="产量")


def test_the_measure_a_topic_is_named_by_is_its_figures_unit():
    from qa.measures import measure_unit

    assert read_topic("今年造林面积定了目标的有哪些？").unit == "面积"
    assert read_topic("农村公路新改建里程，今年谁定了目标？").unit == "公里"
    assert "高速公路" in expand_terms("高速公路通车里程", measured=True)
    assert read_topic("哪些地方提到了造林？").unit is None
    assert read_topic("今年植树目标，哪些地方定了面积？").unit == "面积"
    assert read_topic("发放创业担保贷款花了多少钱，哪些地方有数？").unit == "金额"
    assert measure_unit("新能源汽车的产量、销量或消费") is None  # the last alternative's measure
    assert "高新技术企业" in expand_terms("高新技术企业总数", measured=True)
    assert "粮食" not in expand_terms("粮食产量")  # a mention asked: the measure stays


def test_acts_of_one_family_are_met_for_each_other():
    from qa.term_matcher import term_matcher
    from qa.topic_terms import norm

    def met(topic, text):
        return term_matcher(expand_terms(topic)).search(norm(text)) is not None

    assert met("新改建农村公路", "新建农村公路5000公里")
    # keeping and restoring are one family, the thing said first
    assert met("红树林保护修复", "扎实开展红树林和湿地保护等海洋生态修复")
    assert not met("红树林保护修复", "营造红树林2253亩，建设滨海公园")
    assert met("新增高新技术企业", "培育高新技术企业80家")
    assert not met("改造老旧小区", "新建老旧小区配套设施")  # renewing is no adding
    assert met("创建儿童友好城市", "创建青年发展友好型城市、儿童友好城市")
    assert met("创建全国文明城市", "全力冲刺全国文明城市，提升城市品质")  # (striving for it)
    # the thing first, its act after it in the clause
    assert met("城中村改造", "探索城中村与老旧街区、老旧厂区连片改造")
    assert met("班列开行", "海铁联运班列年开行突破万列")
    assert not met("城中村改造", "城中村治理，老旧小区改造")
    # the thing met apart closes its noun
    assert met("新增学位", "新增小学及初高中学位1.2万个")
    assert not met("新增学位", "新增3个硕士授予单位和62个博士硕士学位授权点")
    # a slash separates alternatives in Latin letters
    assert met("5G基站", "新建7000个农村4G/5G基站")
    # a term opening in Latin letters is spread out too, from its first run
    assert met("R&D占GDP比重", "全市R&D经费占GDP比重提高到1.88%左右")
    assert not met("R&D占GDP比重", "R&D投入增长10%，GDP增长6%")


def test_the_base_of_a_ratio_is_no_figure_of_its_own():
    from qa.term_matcher import term_matcher
    from qa.topic_terms import norm

    matcher = term_matcher(("地区生产总值",), own_figure=True)
    assert matcher.search(norm("社会物流总费用与地区生产总值的比率降至15%左右")) is None
    assert matcher.search(norm("地区生产总值增长6%左右")) is not None


def test_a_space_beside_a_chinese_character_is_layout():
    from qa.topic_terms import norm

    assert norm("重庆 OTC 科创板挂牌企业达 30 家") == "重庆otc科创板挂牌企业达30家"
    assert norm("R&D intensity") == "r&d intensity"


def test_a_kind_of_city_is_no_place_outside_the_corpus():
    from qa.filters import places_outside_corpus

    assert places_outside_corpus("哪些城市在创建全国文明城市？") == []


def test_a_bound_is_held_to_the_figure_of_any_clause_naming_the_topic():
    from qa.bounds import Limit
    from qa.stating import Stating
    from qa.term_matcher import term_matcher

    stating = Stating(
        aspect_evidence("target"),
        Limit(200000, "above", False),
        term_matcher(("高标准农田",)),
        True,
    )
    said = "实施高标准农田建设和单产提升工程，新建和提质改造高标准农田30万亩以上。"
    assert stating.search(said)
    assert not stating.search("实施高标准农田建设工程，新建高标准农田9万亩。")
    # 建设 sets an amount as 新建 does (建设高标准农田37.2万亩)
    assert aspect_evidence("target").search("建设高标准农田37.2万亩")


def test_a_figure_with_a_scale_is_no_year():
    from qa.bounds import figures_in

    assert figures_in("粮食总产量稳定在1955万吨以上") == [19550000.0]
    assert figures_in("旅游收入超过2019年水平") == []
    assert figures_in("到2025，新建充电桩2000个以上") == [2000.0]  # a count, not a year


def test_a_figure_asked_in_a_unit_is_one_in_that_unit():
    from qa.bounds import figures_in
    from qa.stating import Stating
    from qa.term_matcher import term_matcher

    topic = read_topic("哪些地方报了接待游客的人次？")
    assert (topic.text, topic.aspect, topic.unit) == ("接待游客", "figure", "人次")
    assert read_topic("高速公路通车里程，哪些地方给了公里数？").unit == "公里"
    # (a distance asked as its 里程 is in 公里 too, and so is the one a place lacks)
    assert read_topic("农村公路给出了里程数的地方有哪些？").unit == "公里"
    assert read_topic("哪些地方给农村公路新改建定了里程目标？").unit == "公里"
    lacks = read_topic("农村公路今年提了、但没给出里程数的地方？").none_of
    assert [(t.aspect, t.unit) for t in lacks] == [("target", "公里")]
    # (a growth rate's target is a percentage, unless said to count beside another)
    assert read_topic("外贸（进出口或出口）今年定了具体增速目标的有哪些？").unit == "%"
    assert read_topic("规上工业增加值定了具体增速目标的有哪些？").unit == "%"
    assert read_topic("今年为旅游收入设了量化目标（增速目标也算）的有哪些地方？").unit is None
    assert read_topic("哪些地方给了亩均效益的具体数？").unit is None  # 亩均 is a word
    assert read_topic("哪些地方提到接待游客？").unit is None  # no figure asked
    assert figures_in("新建农村公路5000千米，增长8%", "公里") == [5000.0]
    assert figures_in("实际使用外资118.1亿美元，增长5%", "金额") == [118.1e8]
    stating = Stating(
        aspect_evidence("figure"), None, term_matcher(("接待游客",)), True, topic.unit
    )
    assert stating.search("全年接待过夜游客超过2500万人次。")
    assert not stating.search("接待游客人次增长26.8%。")  # a growth rate, no count


def test_a_target_asked_at_one_figure_is_held_to_it():
    topic = read_topic("今年GDP增速目标定到6%的是哪几个？")
    assert topic.limit is not None and topic.limit.side == "equal"
    assert topic.limit.passes(6.0) and not topic.limit.passes(6.5)


def test_two_topics_said_before_a_both():
    assert read_topic("数字经济和海洋经济都提到的是哪里？").all_of == ("数字经济", "海洋经济")
    # topics after the places asked are a grid's, not one "both" (qa.comparison)
    assert read_topic("哪些区把氢能、人工智能和科普都写进了规划").all_of == ()


def test_documents_named_by_a_quoted_period_and_by_their_issuers_level():
    assert read_topic("哪几份“十四五”科技规划提到科技特派员？").text == "科技特派员"
    assert question_level("2024年的市政府工作报告里，哪些提到国家卫生城市？") == "city"
    assert is_district_question("哪个政府工作报告没说“千万工程”？")


def test_figures_in_chinese_numerals_and_an_amount_without_its_yuan():
    from qa.bounds import figures_in

    assert figures_in("力争技术合同交易额突破百亿") == [1e10]
    assert figures_in("接待游客超万亿元") == [1e12]
    assert figures_in("城镇新增就业两万人以上") == [2e4]
    # a scale alone, a plan's name, an ordinal and a name with numerals are no figures
    assert figures_in("万人发明专利拥有量") == []
    assert figures_in("海铁联运班列年开行突破万列") == [1e4]  # a scale before what it counts
    assert figures_in("“十四五”期间开展第三次全国土壤普查") == []
    assert figures_in("学习运用“千万工程”经验") == []
    # an amount asked: 元 is left out after 亿 or 万, but a growth rate is no amount
    assert figures_in("技术合同交易额突破百亿，", "金额") == [1e10]
    assert figures_in("进出口总额108.9亿。", "金额") == [1.089e10]
    assert figures_in("技术合同成交额增长20%。", "金额") == []


@pytest.mark.parametrize(
    "question, levels, topic",
    [
        ("城市里哪些提到了城市更新？", ("city",), "城市更新"),
        ("城市和省份里，哪些在讲银发经济？", ("city", "province"), "银发经济"),
        ("区县中谁提到了科普基地", ("county",), "科普基地"),
    ],
)
def test_levels_named_bare_then_which_of_them(question, levels, topic):
    from qa.place_questions import question_levels

    assert is_district_question(question)
    assert question_levels(question) == levels
    assert read_topic(question).text == topic


def test_places_named_then_whose_figure():
    question = "芜湖、山东、湖南，谁的职业技能培训目标超过10万人次？"
    assert is_district_question(question)
    topic = read_topic(question)
    assert (topic.text, topic.aspect, topic.bound) == ("职业技能培训", "target", "超过10万人次")


def test_documents_of_a_level_with_a_subject_between_name_their_level():
    from qa.place_questions import question_levels

    assert question_levels("重庆几个区的科技文件里，哪些提到知识价值信用贷款？") == ("county",)


def test_the_kind_of_documents_is_read_when_the_places_that_did_not_are_asked():
    from qa.asked_documents import documents_asked

    assert documents_asked("六份政府工作报告里，哪份没提银发经济？") == ("work_report",)


def test_a_place_set_aside_as_itself_is_set_aside():
    from qa.set_aside import without_exception

    assert without_exception("除了重庆市本身，还有哪些地方提到西部（重庆）科学城？")[1] == (
        "重庆市",
    )


def test_a_quoted_name_offered_as_one_wording_of_two_keeps_both():
    topic = read_topic("三亚、宜宾、山东中，谁在搞禁塑或“以竹代塑”？")
    assert (topic.text, topic.quoted) == ("禁塑或以竹代塑", False)
    assert read_topic("哪些地方提到了“千万工程”或“无废城市”？").quoted  # both quoted


def test_what_a_bracket_includes_is_a_topic_too_and_what_it_excludes_is_not():
    assert "智算中心" in expand_terms("算力（包括智算中心）")
    assert "博士后工作站分站" in expand_terms("博士后工作站（含分站）")
    excluded = expand_terms("博士后工作站（不含分站）")
    assert not any("分站" in t for t in excluded if not re.search(r"[（(]", t))


def test_a_total_is_met_with_or_without_its_total():
    assert "高速公路通车里程" in expand_terms("高速公路通车总里程")
    assert "旅游收入" in expand_terms("旅游总收入")
    assert expand_terms("总投资") == ("总投资",)  # no measure after 总: nothing to drop


def test_an_alternative_jieba_reads_as_acts_is_kept_as_itself():
    terms = expand_terms("充电桩或充电接口")
    assert "充电接口" in terms and "充电桩" in terms
    # …and so is a field's term jieba tags as an act, however short (育种 of 种业 and its kin)
    assert "育种" in expand_terms("种业振兴、良种繁育、育种")
    assert "新增" not in expand_terms("高新技术企业数量或新增数量")  # (a bare act is no thing)


def test_every_kind_of_document_named_is_asked():
    from qa.asked_documents import documents_asked

    assert documents_asked("哪些科技规划或工作要点提到农业科技园区？") == ("plan", "work_points")
    assert documents_asked("哪些规划和报告里有氢能") == ("plan", "work_report")
    assert documents_asked("哪些地方提到算力") == ()
    assert documents_asked("区里的科技创新规划（不算工作要点）中，哪些给出了金额？") == ("plan",)


def test_a_measure_alone_in_an_alternative_is_the_first_ones_things():
    terms = expand_terms("数字经济的增速或占GDP比重", moving=True)
    assert "数字经济占GDP比重" in terms
    assert "占GDP比重" not in terms  # a ratio of nothing would be met in any plan


@pytest.mark.parametrize(
    "topic, sentence, met",
    [
        ("国家区域医疗中心", "推进国家医学中心和区域医疗中心建设", True),  # 国家 said once
        ("国家区域医疗中心", "推进国家医学科学院和区域医疗中心建设", False),  # 学院 is no 中心
        ("新增托位", "新增托育服务机构218家、托位数16099个", True),  # 托位数: the noun closes
        ("新增托位", "新增托育机构，托位管理更规范", False),  # a clause apart
    ],
)
def test_a_modifier_said_once_and_a_count_closing_its_thing(topic, sentence, met):
    from qa.term_matcher import term_matcher
    from qa.topic_terms import norm

    pattern = term_matcher(expand_terms(topic, moving=True))
    assert bool(pattern.search(norm(sentence))) is met


def test_a_topic_said_again_after_the_question_is_met_in_either_wording():
    topic = read_topic("“四普”都有哪些地方在做？就是第四次全国文物普查")
    assert topic.text == "四普、第四次全国文物普查" and topic.quoted
    assert read_topic("哪些地方提到了五经普？也就是第五次全国经济普查").text == (
        "五经普、第五次全国经济普查"
    )
    # (…pointed at as the thing meant)
    assert read_topic("哪里提到了“电车下乡”？就是新能源汽车下乡那个。").text == (
        "电车下乡、新能源汽车下乡"
    )


def test_a_national_census_is_also_called_by_its_number():
    assert "土壤三普" in expand_terms("第三次全国土壤普查")  # 土壤“三普”工作走在全省前列
    assert "五经普" in expand_terms("第五次全国经济普查")
    assert not any(t.endswith("普") for t in expand_terms("全国经济普查"))  # no number, no form


def test_the_level_said_bare_before_a_group_of_documents_is_asked():
    from qa.place_questions import question_levels

    assert question_levels("重庆区县这几份科技文件里，哪些提到“专精特新”企业？") == ("county",)
    assert question_levels("城市这几份报告里谁提了氢能") == ("city",)


@pytest.mark.parametrize(
    "question, sentence, passes",
    [
        ("今年GDP增速目标高于6%的有哪些地方？", "地区生产总值增长6.5%左右", True),
        # a bound in % is held to a share: 千亿 of a county's output is none
        ("今年GDP增速目标高于6%的有哪些地方？", "培育一批经济总量千亿县、财政收入百亿县", False),
        ("科技型企业目标在2000家及以上的是哪些区？", "科技型企业达到2500家", True),
        # …and one in a count to a count: an amount of 4亿元 is no number of firms
        (
            "科技型企业目标在2000家及以上的是哪些区？",
            "科技型企业信用贷款总规模力争突破4亿元",
            False,
        ),
        # a target met is none set
        ("城镇新增就业目标超过5万人的有哪些？", "城镇新增就业5.3万人，超额完成省定目标", False),
        ("城镇新增就业目标超过5万人的有哪些？", "城镇新增就业5.3万人以上", True),
    ],
)
def test_a_bound_holds_the_figure_to_its_unit(question, sentence, passes):
    from qa.stating import Stating
    from qa.term_matcher import term_matcher
    from qa.topic_frames import aspect_evidence

    topic = read_topic(question)
    about = Stating(
        aspect_evidence(topic.aspect),
        topic.limit,
        term_matcher(expand_terms(topic.text, moving=True, measured=True), own_figure=True),
        True,
        topic.unit,
        ahead=True,
    )
    assert about.search(sentence) is passes


def test_a_deed_said_verb_first_is_also_met_thing_first():
    assert "传统村落保护" in expand_terms("保护传统村落")
    assert "改造老旧小区" in expand_terms("老旧小区改造")
    # a deed is no name: it has no short form of first characters
    assert expand_terms("保护传统村落") == ("保护传统村落", "传统村落保护")


def test_a_few_places_then_who_reported_a_figure():
    from qa.place_questions import question_levels

    question = "几个城市里，谁报了高新技术企业总数？"
    assert is_district_question(question) and question_levels(question) == ("city",)
    assert read_topic(question).aspect == "figure"  # reported: a figure


def test_levels_bracketed_after_a_level_are_its_own():
    from qa.asked_documents import without_level_remarks, without_year_of_documents
    from qa.place_questions import question_levels

    text = without_level_remarks("2024年的市（州）政府工作报告里，哪些提到了数字经济核心产业？")
    assert without_year_of_documents(text)[1] == ("2024",)
    assert question_levels(text) == ("city",)


def test_a_bracket_restating_what_stands_before_it_is_a_remark():
    from qa.asked_documents import without_level_remarks
    from qa.topics import read_topic

    text = without_level_remarks("粮食产量目标超过1000万吨（即200亿斤）的是哪些地方？")
    assert text == "粮食产量目标超过1000万吨的是哪些地方？"
    topic = read_topic(text)
    assert (topic.text, topic.aspect, topic.bound) == ("粮食产量", "target", "超过1000万吨")
    # a bracket that names something else stays: 研发投入强度（研发经费占GDP比重）
    assert "（" in without_level_remarks("研发投入强度（研发经费占GDP比重）目标是多少？")


def test_a_quoted_word_of_a_bound_is_how_a_target_is_worded_not_a_name():
    from qa.topics import read_topic

    topic = read_topic("粮食产量目标写的是“以上”的有哪些地方？")
    assert (topic.text, topic.aspect, topic.quoted) == ("粮食产量", "target", False)
    said = read_topic("粮食产量目标是用“以上”来表述的有哪些地方？")
    assert (said.text, said.limit.worded) == ("粮食产量", "passed")
    # a wording denied is not a target denied: the places whose target is worded otherwise
    other = read_topic("GDP增长目标没有用“左右”来表述的是哪几个？")
    assert (other.text, other.limit.worded, other.negated) == ("GDP增长", "not about", False)


def test_a_target_worded_or_not_so_is_met_by_how_its_figure_is_said():
    from qa.stating import Stating
    from qa.term_matcher import term_matcher
    from qa.topic_frames import aspect_evidence
    from qa.topic_terms import expand_terms
    from qa.topics import read_topic

    def met(question, sentence):
        topic = read_topic(question)
        terms = expand_terms(topic.text, moving=True)
        pattern = term_matcher(terms, own_figure=True)
        said = Stating(aspect_evidence("target"), topic.limit, pattern, True, ahead=True)
        return said.search(sentence)

    floor = "粮食产量目标是用“以上”来表述的有哪些地方？"
    assert met(floor, "粮食产量稳定在4.79亿斤以上。")
    assert not met(floor, "粮食产量282亿斤左右。")
    not_about = "GDP增长目标没有用“左右”来表述的是哪几个？"
    assert met(not_about, "主要预期目标是：地区生产总值增长7%，一般公共预算收入增长12%。")
    assert not met(not_about, "主要预期目标是：地区生产总值增长5%左右。")
    assert not met("地区生产总值增长目标是用“以内”表述的有哪些？", "地区生产总值增长5%左右。")


@pytest.mark.parametrize(
    "question, topic",
    [
        ("谁要搞海水淡化啊", "海水淡化"),  # a particle of speech
        ("哪些地方在发展低空经济呀？", "低空经济"),
        ("哪些地方提到酒吧", "酒吧"),  # (a 吧 of a word)
        ("哪些区把2025年高新技术企业数量目标定在200家及以上？", "高新技术企业"),  # 把…定在
    ],
)
def test_a_particle_of_speech_and_a_leading_ba_are_no_part_of_the_topic(question, topic):
    from qa.topics import read_topic

    assert read_topic(question).text == topic


def test_a_share_said_bare_is_in_percent_but_a_scaled_or_counted_figure_is_not():
    from qa.bounds import figures_in

    assert figures_in("地区生产总值增速“保8争9”", "%") == [8.0, 9.0]
    assert figures_in("培育一批经济总量千亿县", "%") == []
    assert figures_in("新建5G基站500个", "%") == []


def test_a_rank_is_no_figure():
    from qa.bounds import figures_in

    assert figures_in("全社会研发投入强度保持全省前3。", "%") == []
    assert figures_in("综合实力居全省第2位") == []
    assert figures_in("研发投入强度达到3%") == [3.0]
    # nor a number in a name
    assert figures_in("加快5G基站、千兆网络布局，PM2.5平均浓度下降") == []
    assert figures_in("智算总规模提升至10000P以上，新建5G基站1000个") == [10000.0, 1000.0]
    assert figures_in("加快5g基站、3d打印布局") == []  # (as normalised: lower case)


def test_a_figure_said_in_words_is_a_growth_or_a_share():
    from qa.bounds import figures_in

    assert figures_in("实际使用外资翻一番", "%") == [100.0]  # doubled: 100% more
    assert figures_in("力争经济总量翻两番") == [300.0]
    assert figures_in("水质优良率连续5年保持“百分之百”", "%") == [100.0]
    assert figures_in("实际使用外资翻一番", "count") == []  # (no count)


def test_a_table_row_states_a_figure_asked_in_a_unit_only_in_that_unit():
    from qa.stating import Stating
    from qa.term_matcher import term_matcher
    from qa.topic_frames import aspect_evidence
    from qa.topic_terms import expand_terms

    terms = expand_terms("旅游收入", moving=True, measured=True, amount=True)
    assert "旅游" in terms  # a topic named by its measure, an amount: its figure in 元
    assert "旅游" not in expand_terms("旅游收入", moving=True, measured=True)
    pattern = term_matcher(terms)
    said = Stating(aspect_evidence("figure"), None, pattern, True, "金额", topic="旅游收入")
    assert said.search("实现国内旅游消费663.8亿元、增长116.7%。")
    assert not said.search("文化产业和旅游业增加值均突破1450亿元。")  # another measure's
    assert not said.search("接待国内游客5250万人次。")
    catalogue = "綦江区文化和旅游发展“十四五”规划 | 类别: 区级专项规划 | 决策时间: 2022年6月"
    assert not said.search(catalogue)
    assert said.search("旅游总收入 | 单位: 亿元 | 2020: 120 | 2025: 200")


@pytest.mark.parametrize(
    "topic, said",
    [("赛马机制", "赛马制"), ("赛马制度", "赛马机制"), ("河长制", "河长制度")],
)
def test_a_system_is_met_as_a_mechanism_a_system_or_a_rule_even_quoted(topic, said):
    from qa.topic_terms import expand_terms

    assert said in expand_terms(topic, named=True)
    assert expand_terms("管理体制", named=True) == ("管理体制",)


def test_things_named_before_who_are_the_topic_when_they_are_no_places():
    for question, topic in [
        ("数据交易所、数据交易中心，谁在建？", "数据交易所、数据交易中心"),
        ("钒电池、钒液流储能谁在发展？", "钒电池、钒液流储能"),
        ("智算中心、智能算力这块谁在上项目？", "智算中心、智能算力"),
    ]:
        assert is_district_question(question)
        assert read_topic(question).text == topic
    # places named before 谁 are the group asked among, a name ending in a place noun too
    assert read_topic("吉安、抚州、巴中里，哪个提到了抽水蓄能").text == "抽水蓄能"
    assert is_district_question("綦江和重庆高新区，哪个在发展齿轮产业？")
    assert read_topic("綦江和重庆高新区，哪个在发展齿轮产业？").text == "齿轮产业"


def test_more_ways_of_asking_around_a_topic():
    assert read_topic("发展银发经济，哪些地方写进去了？").text == "银发经济"
    assert read_topic("揭榜挂帅这种科研组织方式，哪些地方在用？").text == "揭榜挂帅"
    assert read_topic("给老年人家里做适老化改造，哪些地方给了户数？").text == "适老化改造"
    assert "植树造林" in expand_terms("完成植树造林")


def test_the_documents_named_first_then_which_place():
    from qa.asked_documents import documents_asked
    from qa.place_questions import question_levels

    question = "工作要点里提到网络安全产业的是哪个区？"
    assert documents_asked(question) == ("work_points",)
    assert question_levels(question) == ("county",)


def test_a_figure_asked_of_the_year_behind_is_a_result_not_a_target():
    from qa.districts import districts
    from tests.qa_support import FakeIndex, make_chunk

    index = FakeIndex(
        [
            make_chunk(
                "a", "城镇新增就业3.2万人。", district="綦江区", section=("一、2023年工作回顾",)
            ),
            make_chunk(
                "b", "城镇新增就业3.5万人以上。", district="合川区", section=("二、2024年工作安排",)
            ),
            make_chunk(
                "c",
                "去年城镇新增就业2.9万人。",
                district="大渡口区",
                section=("二、2024年工作安排",),
            ),
        ]
    )
    assert read_topic("去年城镇新增就业多少人，哪些区给了数？").behind
    report = districts("去年城镇新增就业多少人，哪些区给了数？", index)
    assert [r.district for r in report.districts if r.mentioned] == ["大渡口区", "綦江区"]
    # asked without a year, the target counts too
    report = districts("城镇新增就业多少人，哪些区给了数？", index)
    assert len([r for r in report.districts if r.mentioned]) == 3


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("哪些地方在布局氢能？制氢、加氢、氢燃料电池这些都算", "氢能、制氢、加氢、氢燃料电池"),
        ("哪些地方提到了夜间经济？夜市也算", "夜间经济、夜市"),
        ("哪些地方要建对年轻人友好的城市，比如青年发展型城市？", "青年发展型城市"),
        ("几个区的科技规划里，哪些写进了碳达峰碳中和？", "碳达峰碳中和"),
    ],
)
def test_what_else_counts_as_the_topic_is_read_with_it(question, topic):
    from qa.topics import read_topic

    said = read_topic(question).text
    assert said == topic or topic in said.split("、")


@pytest.mark.parametrize(
    ("question", "figure", "side", "unit"),
    [
        ("高新技术企业数量目标过万家的有哪些？", 10000, "above", "count"),
        ("今年城镇新增就业目标不到5万人的是哪些地方？", 50000, "below", "count"),
        ("新增就业目标超过两万人的有哪些？", 20000, "above", "count"),
        # a weight in 斤, whatever the bound says it in
        ("粮食产量目标不低于100亿斤的是哪些地方？", 1e10, "above", "weight"),
        ("粮食产量目标超过1000万吨的是哪些地方？", 2e10, "above", "weight"),
    ],
)
def test_a_bound_said_in_chinese_numerals_or_weights_is_read(question, figure, side, unit):
    from qa.bounds import find_bound

    limit = find_bound(question)[0]
    assert (limit.figure, limit.side, limit.unit) == (figure, side, unit)


def test_a_weight_is_compared_in_one_unit():
    from qa.bounds import figures_in, find_bound

    limit = find_bound("粮食产量目标不低于100亿斤的")[0]
    assert limit.passes(figures_in("粮食总产量稳定在1955万吨以上", "weight")[0])  # 391亿斤
    assert not limit.passes(figures_in("粮食产量稳定在25.16亿斤以上", "产量")[0])
    assert figures_in("新建充电桩2000个", "weight") == []


def test_a_growth_in_two_figures_is_ten_percent_or_more():
    from qa.bounds import find_bound

    limit = find_bound("哪些地方今年固定资产投资增速目标是两位数？")[0]
    assert (limit.figure, limit.side, limit.inclusive, limit.unit) == (10.0, "above", True, "%")
    assert limit.passes(10.5) and not limit.passes(7.0)


def test_a_scale_reached_in_words_is_a_figure():
    from qa.bounds import figures_in

    assert figures_in("旅游业总收入迈上万亿新台阶") == [1e12]
    assert figures_in("实施千万工程") == []  # a name, not a figure


def test_the_places_a_question_asks_among_may_end_with_where_in_them():
    from qa.place_questions import places_only
    from qa.topics import read_topic

    assert places_only("芜湖、亳州、宜宾里")
    assert read_topic("芜湖、亳州、宜宾里，哪些地方写了白酒产业？").text == "白酒产业"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("綦江和重庆高新区的规划，哪个提到了火锅产业？", "火锅产业"),
        ("綦江、重庆高新区、大渡口三个区的规划里，哪个讲了容错纠错机制？", "容错纠错机制"),
    ],
)
def test_places_named_with_their_documents_are_the_group_asked_among(question, topic):
    from qa.place_questions import is_district_question
    from qa.topics import read_topic

    assert is_district_question(question)
    assert read_topic(question).text == topic


def test_the_figure_of_an_amount_is_asked_in_yuan_unless_its_growth_is():
    from qa.topics import read_topic

    assert read_topic("技术合同成交额，哪些地方报了实际数？").unit == "金额"
    assert read_topic("哪些地方给出了技术合同成交额的增速？").unit is None
    assert read_topic("哪些地方的材料里给出了技术合同成交额的数据？").unit is None  # any data
    # (of amounts alone: a count or an amount, any figure)
    assert read_topic("报了去年游客接待量或旅游收入实际数的地方有哪些？").unit is None


def test_a_sentence_meant_but_not_worded_must_state_a_figure_in_the_unit_asked():
    import re

    from qa.stating import Stating
    from qa.term_matcher import term_matcher

    stating = Stating(re.compile(r"\d"), None, term_matcher(("技术合同成交额",)), True, "金额")
    assert not stating.search("科技成果登记数、成交金额分别增长21.4%、25.2%。")
    assert stating.search("技术合同登记额42.9亿元、增长83.6%。")


def test_acts_joined_before_one_object_each_take_it():
    from qa.topic_alternatives import ALTERNATIVES, shared_object

    # 新建 is also a county's name to jieba; 改造提升 is a run of acts
    assert shared_object(ALTERNATIVES.split("新建或改造提升高标准农田")) == [
        "新建高标准农田",
        "改造提升高标准农田",
    ]
    assert shared_object(ALTERNATIVES.split("科普或科技馆")) == ["科普", "科技馆"]


def _sets_target(topic, sentence, unit=None, limit=None):
    """Whether `sentence`, outside a look back, sets a target for `topic` (within `limit`)."""
    from qa.stating import Stating
    from qa.term_matcher import term_matcher
    from qa.topic_terms import norm

    terms = expand_terms(topic, moving=True, measured=True)
    matcher = term_matcher(terms, own_figure=True)
    stating = Stating(aspect_evidence("target"), limit, matcher, True, unit, True, norm(topic))
    return stating.search(sentence, first_year=2024)


def test_a_clause_that_goes_on_with_the_topics_acts_states_its_figure():
    # the subject left out of the next clause: only acts, then the figure
    said = "扎实推进高标准农田建设国家试点，新建提升100万亩以上、改善灌溉面积30万亩以上。"
    assert _sets_target("高标准农田", said, unit="面积")
    grain = "粮食播种面积稳定在427万亩以上，总产量29亿斤以上。"
    assert _sets_target("粮食产量", grain, unit="产量")
    # a clause with a thing of its own before the figure counts that thing
    assert not _sets_target("新能源汽车", "加快新能源汽车推广，新建充电桩1000个。", unit="count")


def test_a_clause_naming_the_topics_last_words_again_states_its_figure():
    from qa.stating import Stating
    from qa.term_matcher import term_matcher

    # the subject left out of the next clause, its last words said again, as a total or not
    said = "新增高速公路通车里程连续两年居全省第1位，通车总里程在全省地级市中率先突破700公里。"
    figure = Stating(
        aspect_evidence("figure"),
        None,
        term_matcher(expand_terms("高速公路通车里程", measured=True), own_figure=True),
        True,
        "公里",
        topic="高速公路通车里程",
    )
    assert figure.search(said)
    assert not figure.search("新增高速公路通车里程连续两年居全省第1位，水运货运量突破700万吨。")


def test_a_count_entered_on_a_register_is_the_topics():
    said = "力争高新技术企业保有量突破55家，科技型中小企业入库100家。"
    assert _sets_target("科技型企业（含科技型中小企业）", said)  # 入库 heads no other thing
    assert not _sets_target("外贸进出口", "新开外贸航线10条以上。")


def test_a_count_said_before_the_topic_after_an_act_is_its_figure():
    # (the act, the count and its unit, a bound, a word of kind between: then the topic)
    assert _sets_target("技改项目", "重点支持企业技改，推进实施100个以上技改项目，推动转型。")
    assert _sets_target("技改项目", "新实施1500个工业技改项目，带动工业投资增长10%。")
    assert not _sets_target("技改项目", "推进技改项目建设，技改投资增长8%。", unit="count")


def test_the_topics_words_modifying_another_noun_give_no_figure_of_it():
    assert not _sets_target("外贸进出口", "新开外贸航线10条以上。")
    # (外贸, a form of 外贸进出口 only right before a figure, is not met before another noun)
    assert not _met("外贸进出口", "新增生产型外贸企业50家。")
    assert not _met("进出口总额", "新培育外贸企业5家以上")
    assert _met("进出口总额", "外贸增长7%左右") and _met("外贸", "新培育外贸企业5家以上")
    assert _sets_target("外贸进出口", "外贸进出口总额增长5%以上；")  # a measure of it
    # …nor when the noun they lead ends in a measure: its part's figure is the topic's
    said = "推动产业突破发展，数字经济核心产业增加值增长15%以上。"
    assert _sets_target("数字经济规模或增速", said)
    assert _sets_target("外贸进出口", "全市进出口总额增长9％、实际利用外资增长10％。")
    assert _sets_target("能耗下降", "能耗强度下降1.8%以上，积极推进能耗双控。", unit="%")
    # the topic's own words (or a form of it) before its object: 助餐服务老年人220万人次
    assert _sets_target("助餐服务", "助餐服务老年人220万人次；")


def test_a_part_of_the_place_gives_no_figure_of_the_place():
    assert not _sets_target("规上工业增加值", "开发区规上工业增加值增长15%。")
    assert not _sets_target("外贸进出口", "力争综合保税区全年进出口总额25亿元。")
    assert _sets_target("规上工业增加值", "规上工业增加值增长4%左右。")


def test_the_part_of_a_share_gives_no_figure_of_its_own():
    above_five = read_topic("今年GDP增速目标高于5%的有哪些？").limit
    assert not _sets_target("GDP增速", "力争海洋生产总值占GDP比重9%以上。", limit=above_five)
    assert _sets_target("GDP增速", "地区生产总值增长5.5%左右。", limit=above_five)


@pytest.mark.parametrize(
    "question, topic, aspect, unit",
    [
        # 给X建设: 建设 is the topic's word, not an act done for someone (给老人建了食堂)
        ("哪些地方今年给高标准农田建设定了具体亩数？", "高标准农田建设", "target", "亩"),
        # 定了: a target; 百分比: a share or rate
        ("哪些地方给城乡居民收入增长定了具体的百分比？", "城乡居民收入增长", "target", "%"),
        # a figure given as a proportion: a share, in %
        ("民生支出占比给了具体比例的有哪些？", "民生支出占比", "figure", "%"),
        # the kind the topic is one of, said at length after 这类
        ("今年水土流失治理定了目标面积的有哪些？", "水土流失治理", "target", "面积"),
        ("GDP增速目标定得超过6%的是哪里？", "GDP增速", "target", "%"),
        # 建设定了: 建设 is the topic's word, 定了 the setting (not 设定了)
        ("充电桩建设定了数量目标的有哪些？", "充电桩建设", "target", None),
        # (…which a place may name alone: one annotator counted 博士后创新实践基地 as "这类
        # 博士后平台"; a class that is only a kind of thing, 这类载体, is no topic)
        ("有哪些地方在搞博士后工作站这类博士后平台？", "博士后工作站、博士后平台", None, None),
        (
            "城乡书房、城市书房这类阅读空间，哪些地方有？",
            "城乡书房、城市书房、阅读空间",
            None,
            None,
        ),
        ("孵化器这类平台，哪些地方在建？", "孵化器", None, None),
    ],
)
def test_more_ways_of_asking_a_figure_or_a_kind(question, topic, aspect, unit):
    read = read_topic(question)
    assert (read.text, read.aspect, read.unit) == (topic, aspect, unit)


def test_about_a_figure_is_that_figure_and_a_bracket_saying_it_counts_is_a_remark():
    from qa.asked_documents import without_level_remarks

    about = read_topic("今年GDP增长目标定在7%左右的有哪些地方？")
    assert about.text == "GDP增长" and about.limit is not None
    assert about.limit.passes(7.0) and not about.limit.passes(5.5)
    said = without_level_remarks("固定资产投资增速目标在10%以上（含10%）的是哪几个？")
    assert said == "固定资产投资增速目标在10%以上的是哪几个？"
    at_least = read_topic(said).limit
    assert at_least is not None and at_least.passes(10.0) and not at_least.passes(6.0)
    # a bracket saying what else counts stays: it is part of the topic
    kept = "哪些地方提到培育数据要素市场（含公共数据授权运营）？"
    assert without_level_remarks(kept) == kept


def test_items_said_with_their_figures_respectively_take_each_its_own():
    said = "城镇、农村居民人均可支配收入分别增长6%左右、7.5%左右，居民消费价格涨幅3%以内。"
    above_seven = read_topic("农村居民人均可支配收入增长目标超过7%的有哪些？").limit
    assert _sets_target("农村居民人均可支配收入", said, limit=above_seven)
    assert not _sets_target("城镇居民人均可支配收入", said, limit=above_seven)
    both = "工业投资、技改投资分别增长17.5%、15%。"
    above_sixteen = read_topic("技改投资增长目标超过16%的有哪些？").limit
    assert not _sets_target("技改投资", both, limit=above_sixteen)
    assert _sets_target("工业投资", both, limit=above_sixteen)
    # a modifier shared by the items: the figure in the unit asked
    shared = "全年粮食播面和总产分别稳定在960万亩、74亿斤以上。"
    assert _sets_target("粮食产量", shared, unit="产量")


def test_a_remark_on_what_a_figure_counts_is_no_topic_and_about_figures_are_figures():
    from qa.bounds import figures_in

    topic = read_topic("保交楼交付了多少，哪些地方给了具体数字（套数或项目数）？")
    assert (topic.text, topic.aspect, topic.unit) == ("保交楼交付", "figure", "count")
    assert read_topic("哪些地方给出了高新技术企业的具体个数？").unit == "count"
    assert figures_in("累计发放消费券2500余万元。", "金额") == [25_000_000.0]
    assert figures_in("新招引项目100多个") == [100.0]


def test_a_bracket_that_goes_on_with_a_topic_is_no_other_wording_of_it():
    from qa.topic_brackets import bracket_readings

    # 三年行动 alone is in every report: the bracket qualifies the campaign
    assert bracket_readings("安全生产治本攻坚（三年行动）") == ["安全生产治本攻坚"]
    assert bracket_readings("充电桩（充电设施）") == ["充电桩", "充电设施"]
    # the other name of the words it ends with, only when they are words of their own
    assert bracket_readings("新增市场主体（经营主体）") == ["新增市场主体", "新增经营主体"]
    assert bracket_readings("植树造林（营造林）") == ["植树造林", "营造林"]  # not 植营造林
    # kinds of it named by their places, each its own name; examples of other words stay
    parks = bracket_readings("国家文化公园（长征、长江、黄河）")[1]
    assert parks == "长征国家文化公园、长江国家文化公园、黄河国家文化公园"
    assert bracket_readings("新能源汽车（整车、零部件）")[1] == "整车、零部件"
    # a bare head of any thing, said as an alternative, is none
    assert "产业" not in expand_terms("中医药（含藏医药）事业或产业")
    assert "中医药产业" in expand_terms("中医药（含藏医药）事业或产业")
    # a list inside a bracket is no two topics both met (…都有)
    assert read_topic("5G相关的内容（建基站、推应用）都有哪些地方写了？").all_of == ()


def test_a_figure_said_as_passed_meets_a_bound_it_only_reaches():
    beyond_ten_thousand = read_topic("高新技术企业数量目标过万家的有哪些？").limit
    said = "力争高新技术企业突破1万家、科技型企业突破7.5万家。"
    assert _sets_target("高新技术企业", said, limit=beyond_ten_thousand)
    assert not _sets_target("高新技术企业", "高新技术企业达到1万家。", limit=beyond_ten_thousand)
    under_ten_thousand = read_topic("高新技术企业数量目标不到1万家的有哪些？").limit
    assert not _sets_target("高新技术企业", said, limit=under_ten_thousand)


def test_who_does_a_thing_said_last_asks_places():
    assert is_district_question("护眼灯谁家在装？")
    assert read_topic("护眼灯谁家在装？").text == "护眼灯"
    assert not is_district_question("这个项目谁负责？")  # a person or an office


def test_a_figure_counted_just_before_the_topic_by_an_act_is_its_own():
    beyond = read_topic("营造林任务超过100万亩的有哪些？").limit
    assert _sets_target("营造林任务", "完成340万亩营造林任务。", unit="亩", limit=beyond)
    assert not _sets_target("营造林任务", "完成34万亩营造林任务。", unit="亩", limit=beyond)
    assert _sets_target("营造林", "完成营造林130万亩。", unit="亩", limit=beyond)


def test_a_target_followed_by_its_figure_and_a_side_is_a_bound():
    topic = read_topic("城镇新增就业目标3万人以上的城市有哪些？")
    assert topic.text == "城镇新增就业" and topic.limit is not None
    assert topic.limit.passes(43000) and not topic.limit.passes(20000)


def test_another_kind_of_the_topics_head_is_no_mention_by_meaning():
    from qa.meaning import names_enough

    pension = names_enough("个人养老金")
    assert not pension("适当提高退休人员基本养老金和城乡居民基础养老金。")
    assert pension("推行个人养老金制度。")
    assert pension("发展第三支柱养老保险。")  # other words altogether may still mean it
    assert not names_enough("钠电池")("发展锂电池产业。")
    assert names_enough("海洋牧场")("探索建设区域性现代化海上牧场综合体。")  # 海上: a 海洋 one
    assert names_enough("婴幼儿托位")("新增托位1000个。")  # an act, not another kind
    assert names_enough("创建文明城市")(
        "取得全国文明城市提名资格。"
    )  # the topic's first word an act


def test_whether_each_of_the_places_named_did_asks_among_them():
    from qa.place_questions import place_question

    said = "攀枝花和承德，是不是都说自己牵头搞了国家钒钛产业联盟？"
    assert is_district_question(said)
    m = place_question(said)
    assert m is not None and m.group("named") == "攀枝花和承德"


def test_a_figure_asked_done_or_set_is_any_figure():
    topic = read_topic("哪些地方报了“营造林”完成面积或目标面积？")
    assert (topic.text, topic.aspect, topic.unit) == ("营造林", "figure", "面积")


def test_a_target_asked_in_several_measures_or_with_a_remark_keeps_its_topic():
    joined = read_topic("今年外贸定了明确增速或规模目标的有哪些？")
    assert (joined.text, joined.aspect) == ("外贸", "target")
    remarked = read_topic("旅游方面给了量化目标（人次或收入）的地方？")
    assert (remarked.text, remarked.aspect, remarked.unit) == ("旅游", "target", None)
    growth = read_topic("经济增速目标定在6.5%及以上的有哪些？")  # a growth alone is the topic's
    assert (growth.text, growth.aspect) == ("经济增速", "target")
    capped = read_topic("给PM2.5浓度定了具体上限的有哪些地方？")
    assert (capped.text, capped.aspect) == ("PM2.5浓度", "target")


def test_a_bracket_after_the_question_says_what_the_topic_holds_or_what_is_asked():
    held = read_topic("托育方面给了具体数字的有哪些（托位、托育机构）？")
    assert (held.text, held.aspect) == ("托育（托位、托育机构）", "figure")
    asked = read_topic("保障性住房给了具体数字的有哪些（套数或项目数）？")
    assert (asked.text, asked.aspect, asked.unit) == ("保障性住房", "figure", "count")


def test_a_bound_said_by_its_tail_alone_or_two_ways_is_a_bound():
    from qa.bounds import find_bound

    planned = read_topic("高标准农田今年计划建30万亩及以上的有哪些？")
    assert (planned.text, planned.aspect) == ("高标准农田", "target")
    assert planned.limit is not None and planned.limit.passes(372000)
    assert not planned.limit.passes(252000)
    assert find_bound("2025年以上的有哪些") is None  # a year is no figure of a bound
    # one figure said two ways: the wordings of that target, not any figure below it
    worded = read_topic("物价（CPI）涨幅目标定在3%左右或3%以内的有哪些？")
    assert worded.text == "物价（CPI）涨幅" and worded.limit is not None
    assert worded.limit.passes(3.0) and not worded.limit.passes(2.0)
    wider = find_bound("目标超过5万人或不少于3万人的")
    assert wider is not None and wider[0].passes(30000) and not wider[0].passes(20000)


def test_words_of_kind_period_and_growth_around_a_topic_are_no_part_of_it():
    assert read_topic("氢能这块（制氢、绿氢之类），哪些地方提到了？").text == "氢能（制氢、绿氢）"
    assert read_topic("元宇宙相关的，哪些地方在搞？").text == "元宇宙"
    stock = read_topic("哪些地方给出了现有高新技术企业的总数？")
    assert (stock.text, stock.aspect) == ("高新技术企业", "figure")
    growth = read_topic("哪些地方给全社会研发经费投入的增长速度定了目标？")
    assert (growth.text, growth.aspect) == ("全社会研发经费投入增长速度", "target")


def test_a_growth_asked_is_not_met_by_another_measure_of_the_topic():
    assert not _sets_target("全社会研发经费投入增速", "力争全社会研发经费投入强度达到2.41%。")
    assert _sets_target("全社会研发经费投入增速", "力争全社会研发经费投入增长7%。")
    assert _sets_target("外贸进出口增速", "外贸进出口总额增长10%左右。")  # the total's growth
    # a field term's form keeps its name when without its growth it would be none
    terms = expand_terms("经济增速", moving=True)
    assert "经济" not in terms and "地区生产总值" in terms and "地区生产总值增长" in terms
    assert "固投" in expand_terms("固投增速", moving=True)


def test_a_long_name_of_the_documents_asked_names_their_kind():
    from qa.asked_documents import documents_asked

    assert documents_asked("哪些“十四五”科技创新规划写进了“揭榜挂帅”？") == ("plan",)


def test_a_figure_asked_as_it_stands_or_as_a_total_is_a_result_not_an_addition():
    actual = read_topic("技术合同成交额，哪些地方报了实际成交金额？")
    assert (actual.text, actual.aspect, actual.behind) == ("技术合同成交额", "figure", True)
    assert read_topic("研发投入强度现在是多少？哪些地方给了具体数字？").behind
    assert not read_topic("实际使用外资，哪些地方给出了金额？").behind  # the topic's own word
    stock = read_topic("哪些地方给出了现有高新技术企业的总数？")
    assert stock.total and stock.behind
    from qa.stating import Stating
    from qa.term_matcher import term_matcher

    total = Stating(
        aspect_evidence("figure"), None, term_matcher(("高新技术企业",)), True, total=True
    )
    assert not total.search("净增科技型中小企业853家、高新技术企业97家。")
    assert not total.search("新增高新技术企业23家。")
    assert total.search("全市高新技术企业总数达到234家。")


def test_a_shares_base_is_also_written_with_a_de():
    terms = expand_terms("研发投入强度")
    assert "全社会研发经费占地区生产总值的比重" in terms


def test_more_ways_of_asking_a_target_or_a_figure():
    said = read_topic("GDP增速目标定在6%或以上的有哪些？")  # 或以上: 及以上
    assert said.text == "GDP增速" and said.limit is not None
    assert said.limit.passes(6.0) and said.limit.passes(6.5) and not said.limit.passes(5.5)
    added = read_topic("哪些地方给新能源或清洁能源装机定了新增目标？")
    assert (added.text, added.aspect) == ("新能源或清洁能源装机", "target")
    dated = read_topic("哪几份科技规划给市级以上研发机构（平台）定了到2025年的总数？")
    assert (dated.text, dated.aspect) == ("市级以上研发机构（平台）", "target")
    counted = read_topic("适老化改造做了多少户，哪些地方有数字？")
    assert (counted.text, counted.aspect) == ("适老化改造", "figure")
    # measures joined after the topic are its own, not a total asked of a topic ending in 或
    either = read_topic("去年地区生产总值增速或总量，哪些地方报了？")
    assert (either.text, either.aspect) == ("地区生产总值增速或总量", "figure")
    assert set(expand_terms("数字经济规模或占比")) >= {"数字经济规模", "数字经济占比"}
    assert "占比" not in expand_terms("数字经济规模或占比")  # (a measure alone is every topic's)
    # (an intensity is a measure too: 研发经费投入强度或增幅 -> 研发经费投入增幅)
    assert "研发经费投入增幅" in expand_terms("研发经费投入强度或增幅")
    assert "强度" not in expand_terms("研发经费投入（强度或增速）")
    done = read_topic("哪些地方公布了去年老旧小区改造的完成数量？")  # the count of what was done
    assert (done.text, done.aspect, done.behind) == ("老旧小区改造", "figure", True)
    assert "民生支出" in expand_terms("民生支出规模", measured=True)  # a scale is its figure
    # where the target is set, and a control line as the target: 在预期目标里…设了控制线
    # a period and another in brackets; acts joined before 多少
    both = read_topic("哪些地方定了今年（或规划期）新增/达到多少家高新技术企业的数量目标？")
    assert (both.text, both.aspect) == ("高新技术企业", "target")
    capped = read_topic("哪些地方在今年的预期目标里给居民消费价格涨幅设了控制线？")
    assert (capped.text, capped.aspect) == ("居民消费价格涨幅", "target")


def test_a_levels_growth_is_not_its_value_and_a_rank_is_no_figure():
    from qa.bounds import figures_in
    from qa.stating import Stating
    from qa.term_matcher import term_matcher

    level = Stating(
        aspect_evidence("figure"),
        None,
        term_matcher(expand_terms("万人发明专利拥有量")),
        True,
        topic="万人发明专利拥有量",
    )
    assert not level.search("每万人口发明专利拥有量增长11.8%。")
    assert level.search("万人发明专利拥有量达44.5件。")
    share = Stating(aspect_evidence("figure"), None, term_matcher(("研发投入强度",)), True)
    assert share.search("研发投入强度提高到2.5%。")  # a value reached
    assert figures_in("入选广西高新技术企业百强名单") == [] and figures_in("中国500强") == []
    total = Stating(
        aspect_evidence("figure"), None, term_matcher(("高新技术企业",)), True, total=True
    )
    assert not total.search("高新技术企业净增600户。")  # the addition said after the topic


def test_notices_and_counts_asked_in_other_words():
    from qa.asked_documents import documents_asked

    assert documents_asked("哪些通知类文件讲了垃圾分类？") == ("notice",)
    counted = read_topic("新增托位今年定了具体数目的有哪些？")
    assert (counted.text, counted.aspect) == ("新增托位", "target")
    assert read_topic("哪些地方给出了现有高新技术企业的数量？").total


def test_a_target_asked_worded_as_a_floor_is_met_only_by_a_figure_said_so():
    worded = read_topic("粮食产量目标写的是“以上”的有哪些？")
    assert (worded.text, worded.aspect) == ("粮食产量", "target")
    floor = worded.limit
    assert floor is not None and floor.passes(32.0, said_as="passed") and not floor.passes(616.0)
    assert _sets_target("粮食产量", "确保粮食产量保持在32万吨以上。", limit=floor)
    assert not _sets_target("粮食产量", "粮食产量616亿斤左右。", limit=floor)


def test_setting_up_is_of_the_family_of_creating():
    from qa.term_matcher import term_matcher
    from qa.topic_terms import norm

    created = term_matcher(expand_terms("创建国家公园"))
    assert created.search(norm("推进秦岭国家公园、国家植物园设立。"))
    assert not created.search(norm("推进长征国家文化公园建设。"))


def test_a_cumulative_figure_with_an_aim_is_a_target_and_a_total_may_follow_an_addition():
    from qa.periods import in_the_past
    from qa.stating import Stating
    from qa.term_matcher import term_matcher
    from qa.topic_terms import norm

    assert not in_the_past("力争累计支持企业知识价值信用贷款5亿元以上。", None)
    assert in_the_past("知识价值信用贷款累计发放1.8亿元。", None)
    total = Stating(
        aspect_evidence("figure"), None, term_matcher(("高新技术企业",)), True, total=True
    )
    assert total.search("新增国家高新技术企业32户、总量达到96户。")
    # 经济增长 is no form of GDP growth to look for: spread out it meets 数字经济规模增长
    growth = term_matcher(expand_terms("GDP增速", moving=True))
    assert not growth.search(norm("力争数字经济规模增长15%以上。"))
    assert growth.search(norm("地区生产总值增长6.5%以上。"))


@pytest.mark.parametrize(
    "question, topic",
    [
        # the measure said after the verb is the topic's
        ("哪些地方给数字经济定了占GDP比重目标？", "数字经济占GDP比重"),
        ("哪些地方给工业定了产值目标？", "工业产值"),
        ("哪些地方给数字经济定了目标？", "数字经济"),
        # a fall is a measure too (a growth target is the topic's own, below)
        ("哪些城市给PM2.5定了具体下降目标？", "PM2.5下降"),
        ("哪些地方给单位GDP能耗定了下降目标？", "单位GDP能耗下降"),
        # several measures joined, a share among them: any target of the topic
        ("哪些地方给数字经济核心产业定了营收或占GDP比重的目标？", "数字经济核心产业"),
    ],
)
def test_the_measures_a_target_is_asked_in_are_read_with_its_topic(question, topic):
    from qa.topics import read_topic

    read = read_topic(question)
    assert (read.text, read.aspect) == (topic, "target")


def test_a_total_asked_is_not_met_by_a_growth_nor_a_made_up_word_of_it():
    from qa.stating import Stating
    from qa.term_matcher import term_matcher
    from qa.topic_frames import aspect_evidence
    from qa.topic_terms import expand_terms
    from qa.topics import read_topic

    topic = read_topic("哪些地方报了GDP总量（不是增速）？")
    assert (topic.text, topic.aspect, topic.total) == ("GDP", "figure", True)
    terms = expand_terms(topic.text, moving=True, measured=True)
    assert "经济量" not in terms  # (经济总量 has no such short form: 经济高质量 would hold it)
    assert "碳排放量" in expand_terms("碳排放总量")
    said = Stating(aspect_evidence("figure"), None, term_matcher(terms), True, total=True)
    assert said.search("全市实现地区生产总值1303.8亿元。")
    assert not said.search("全年地区生产总值增长5.5%。")
    # (nor a growth said of several items with 分别)
    firms = Stating(
        aspect_evidence("figure"), None, term_matcher(("高新技术企业",)), True, total=True
    )
    assert not firms.search("科技型中小企业和高新技术企业数量分别增长25%、15%。")
    assert not firms.search("技术合同成交额和高新技术企业数分别增加12亿元、30家。")
    assert firms.search("高新技术企业总数分别达到234家。")


@pytest.mark.parametrize(
    ("question", "topic", "total"),
    [
        # the stock asked as 现有: no 现 left on the topic
        ("高新技术企业现有总量（存量家数），谁给出了具体数字？", "高新技术企业", True),
        ("专精特新企业的现有数量，哪些地方报了？", "专精特新企业", True),
        # measures joined before the target, a share among them
        ("高技能人才或技能人才定了数量、比例目标的有哪些？", "高技能人才或技能人才", False),
        ("新能源汽车定了规模、比例目标的有哪些？", "新能源汽车", False),
    ],
)
def test_the_measures_said_after_a_topic_are_no_part_of_it(question, topic, total):
    read = read_topic(question)
    assert (read.text, read.total) == (topic, total)


@pytest.mark.parametrize(
    ("question", "asks_places"),
    [
        ("承德和攀枝花，谁牵头搞了国家钒钛产业联盟？", True),  # any deed asked of the group
        ("郴州、攀枝花、宿州，哪些是全国市域社会治理现代化试点合格城市？", True),
        ("綦江和合川，谁更高？", False),  # a comparison
        ("綦江和合川，哪个多？", False),
    ],
)
def test_a_group_of_places_named_may_be_asked_any_deed(question, asks_places):
    from qa.place_questions import is_district_question

    assert is_district_question(question) is asks_places


def test_the_topic_asked_of_a_named_group_is_what_follows_the_question_word():
    from qa.topics import read_topic

    question = "郴州、攀枝花、宿州，哪些是全国市域社会治理现代化试点合格城市？"
    assert read_topic(question).text == "全国市域社会治理现代化试点合格城市"


@pytest.mark.parametrize(
    ("question", "topic", "aspect", "bound"),
    [
        ("哪些地方定了今年的造林面积？", "造林面积", "target", None),  # set for a year
        ("今年GDP增速目标定6%的有哪些？", "GDP增速", "target", "定6%"),
        ("粮食总产量给出实际数据的有哪些？", "粮食总产量", "figure", None),
        # a bound with no word of aiming asks the figure however said
        ("民生支出占比超过80%的是哪些地方？", "民生支出占比", "figure", "超过80%"),
        ("民生支出占比目标超过80%的是哪些地方？", "民生支出占比", "target", "超过80%"),
    ],
)
def test_a_figure_is_asked_set_done_or_either_by_the_words_around_it(
    question, topic, aspect, bound
):
    from qa.topics import read_topic

    read = read_topic(question)
    assert (read.text, read.aspect, read.bound) == (topic, aspect, bound)


def test_a_level_said_as_a_tier_is_the_level_asked():
    from qa.place_questions import question_levels
    from qa.topics import read_topic

    question = "省级层面（省和直辖市）谁提到延迟退休？"
    assert question_levels(question) == ("province",)
    assert read_topic(question).text == "延迟退休"
    assert question_levels("市级层面，哪些提到低空经济？") == ("city",)
    assert question_levels("区一级有哪些提到了建设或提升孵化器？") == ("county",)
    assert question_levels("在城市这一级，哪些提到了国家区域医疗中心？") == ("city",)
    assert question_levels("长期护理保险，省里的报告有谁提了？") == ("province",)
    assert question_levels("在城市层面，谁做了或计划做适老化改造？") == ("city",)


def test_the_words_a_report_says_a_share_a_count_an_act_and_a_scope_in():
    from qa.bounds import figures_in
    from qa.term_matcher import term_matcher
    from qa.topic_terms import expand_terms, norm

    def met(topic, text, **how):
        return term_matcher(expand_terms(topic, **how)).search(norm(text)) is not None

    # a share said with its whole
    assert met("民生支出占比", "民生支出占一般公共预算支出比重达到83%")
    # a count named by 数, counted in 张
    assert met("养老床位数", "新增家庭养老床位6883张", measured=True)
    assert not met("空气质量指数", "空气质量指", measured=True)
    assert figures_in("新增养老护理床位4433张", "count") == [4433.0]
    # a thing and its act, the act first, of a family (治理, 整治)
    assert met("黑臭水体治理", "持续整治黑臭水体")
    # an act met before its thing closes it, a figure said as passed after it
    assert met("创业担保贷款发放", "发放创业担保贷款超11亿元")


def test_a_levels_move_is_not_its_value_however_compared():
    from qa.stating import _moves_a_level

    assert _moves_a_level("pm2.5浓度", "同比下降8.4%")
    assert not _moves_a_level("pm2.5浓度", "18微克/立方米")


def test_kinds_said_one_by_one_share_the_head_and_a_bracket_the_words_it_renames():
    from qa.topic_brackets import bracket_readings

    terms = expand_terms("学生、青少年心理健康")
    assert {"学生心理健康", "青少年心理健康"} <= set(terms) and "学生" not in terms
    # …joined to the head by 的
    terms = expand_terms("农村或者乡镇的生活污水治理")
    assert {"农村生活污水治理", "乡镇生活污水治理"} <= set(terms) and "农村" not in terms
    assert {"氢能", "储能"} <= set(expand_terms("氢能、储能"))  # (two things, no shared head)
    assert "孵化器" in expand_terms("孵化器、众创空间等孵化载体")  # (a list, not a kind and head)
    # a bracket renames the words it ends like: 新增市场主体（经营主体） is 新增经营主体
    assert bracket_readings("新增市场主体（经营主体）") == ["新增市场主体", "新增经营主体"]
    assert bracket_readings("充电桩（充电设施）") == ["充电桩", "充电设施"]


def test_a_bracket_saying_which_documents_are_not_asked_is_no_part_of_the_topic():
    from qa.asked_documents import without_level_remarks
    from qa.place_questions import is_district_question
    from qa.topics import read_topic

    question = without_level_remarks("哪些通知（不是规划）提到创业导师？")
    assert question == "哪些通知提到创业导师？"
    assert is_district_question("哪些通知（不是规划）提到创业导师？")
    assert read_topic(question).text == "创业导师"


@pytest.mark.parametrize(
    ("topic", "text"),
    [
        ("温泉旅游、温泉康养", "拉鲊温泉一期正式运营"),  # examples of one class: what they share
        ("飞地经济或者科创飞地", "建设长治深圳飞地产业创新中心"),
        ("水权交易或者水权改革", "推进涡阳县水权确权试点工作"),
        ("首台套", "首台（套）产品推广应用"),  # a character of a name in brackets
        ("经济普查", "高质量做好“五经普”"),  # a census by its ordinal
        ("土壤普查", "持续抓好土壤“三普”工作"),  # …said after what it counts
        ("创建儿童友好城市", "儿童友好城市等创建活动"),  # the thing first, its act after
        ("碳达峰碳中和", "出台工业领域碳达峰专项行动方案"),  # two terms of a group together
        ("锂电", "重点打造磷酸铁锂、三元正极材料项目"),  # a kind of a synonym's field
    ],
)
def test_a_topic_is_met_in_the_words_a_report_says_it_in(topic, text):
    from qa.term_matcher import term_matcher
    from qa.topic_terms import norm

    assert term_matcher(expand_terms(topic)).search(norm(text)) is not None


def test_what_examples_share_names_their_class_unless_it_is_too_broad():
    from qa.topic_roots import common_root
    from qa.topic_terms import broad_words

    assert common_root(["中试熟化", "中试基地"]) == ["中试"]
    assert common_root(["智慧农业", "数字农业"], broad_words()) == []  # 农业 is too broad
    # names of one thing, not examples: a facility's names, one inside the other, a head shared
    assert common_root(["中试平台", "中试基地"]) == []
    assert common_root(["院士工作站", "院士工作室"]) == []  # (a room is a facility too)
    assert common_root(["数据交易", "数据交易中心"]) == []
    assert common_root(["厨余垃圾", "餐厨垃圾"]) == []
    assert common_root(["氢能", "储能"]) == []  # (no class said by examples)
    # the class is all the examples share around the word they share, not a bare 学生
    assert common_root(["学生营养餐", "农村学生营养改善计划"]) == ["学生营养"]
    # (a field of its own is too broad to be the class of devices: AI 手机或者 AI PC is no AI)
    assert common_root(["AI 手机", " AI PC"], broad_words()) == []
    # a figure asked is of the topic itself, not of its class
    assert "温泉" not in expand_terms("温泉旅游、温泉康养", measured=True)


def test_kinds_of_document_set_aside_are_no_part_of_the_question():
    from qa.asked_documents import without_documents_set_aside

    text, aside = without_documents_set_aside("除了政府工作报告，还有哪些文件讲了垃圾分类？")
    assert aside == ("work_report",)
    assert read_topic(text).text == "垃圾分类"
    assert without_documents_set_aside("除了规划和工作要点以外，哪些提到了人才？")[1] == (
        "plan",
        "work_points",
    )
    # a place or a bare 文件 set aside is no kind
    assert without_documents_set_aside("除了赣州，还有哪些地方提到预制菜？")[1] == ()
    assert without_documents_set_aside("除了文件，还有哪些提到氢能？")[1] == ()


@pytest.mark.parametrize(
    "question",
    [
        "去年粮食总产量给出具体数字的地方有哪些？",
        "上年粮食总产量给出具体数字的地方有哪些？",  # 上年 is a year, not the verb 上 (上项目)
        "上一年粮食总产量，哪些地方报了数？",
    ],
)
def test_a_word_for_last_year_is_read_as_the_year_asked(question):
    topic = read_topic(question)
    assert (topic.text, topic.aspect, topic.behind) == ("粮食总产量", "figure", True)


@pytest.mark.parametrize(
    ("question", "topic", "aspect"),
    [
        # the question still in what the frames left: its longest run of the topic's words
        ("冷链物流在哪些文件里被提到？", "冷链物流", None),
        ("非物质文化遗产保护，文件里谈到的有哪些地方？", "非物质文化遗产保护", None),
        ("哪些政府工作报告专门部署了优化营商环境？", "优化营商环境", None),
        ("区一级有哪些提到了建设或提升孵化器？", "建设或提升孵化器", None),
        ("国家碳计量中心落在哪儿了？哪些地方提到？", "国家碳计量中心", None),
        (
            "重庆四个区的科技文件里，哪些专门有一节或一条讲科技支撑（助力）乡村振兴？",
            "科技支撑（助力）乡村振兴",
            None,
        ),
        # a pointer back to the topic is none of it
        ("老年人助餐、办老年食堂这件事，哪几个地方提到过？", "老年人助餐、办老年食堂", None),
        # …的地方是？ asks which places; a 数值 target is a target
        ("PM2.5浓度定了具体数值目标的地方是？", "PM2.5浓度", "target"),
        # a figure kept within a bound is a target; a figure made public is a figure
        ("把失业率控制在多少以内，哪些地方给了数？", "失业率", "target"),
        ("去年的地区生产总值总量（绝对数），公布了的有哪些地方？", "地区生产总值", "figure"),
        # 在 saying an act goes on is no part of it
        ("哪些地方在防治松材线虫病？", "松材线虫病", None),
        # a word jieba tags as a time only when it is one (老年 is no year)
        (
            "老年人吃饭难，社区助餐点、老年食堂这类服务，哪些地方有安排？",
            "社区助餐点、老年食堂",
            None,
        ),
        # a comma before 或 joins another wording of the topic
        ("哪些地方提到了产教融合，或者市域产教联合体？", "产教融合或市域产教联合体", None),
        # a tier said as 层面 after 在; done or planned (做了或计划做)
        ("在城市层面，谁做了或计划做适老化改造？", "适老化改造", None),
        # a year's task set for a figure is a target
        ("植树造林、营造林面积定了年度任务的地方有哪些？", "植树造林、营造林面积", "target"),
        # a restatement after a comma is another wording; a year's (年度) is no part of a topic
        (
            "哪些地方在推进县域医共体，也就是紧密型医疗卫生共同体建设？",
            "县域医共体、紧密型医疗卫生共同体建设",
            None,
        ),
        ("政府工作报告里安排了年度民生实事项目的有哪些？", "民生实事项目", None),
        ("政府工作报告里讲到保交楼、保交房的有哪些地方？", "保交楼、保交房", None),
        ("哪些地方的通知文件里部署了第三次全国土壤普查？", "第三次全国土壤普查", None),
        # examples joined by 或者: each whole (not 者开通航线)
        ("有哪些地方提到了机场，比如机场改扩建或者开通航线？", "机场、机场改扩建、开通航线", None),
        # a topic named as a target, its figure asked: a target
        ("单位GDP能耗下降目标给了具体百分比的有哪些地方？", "单位GDP能耗下降", "target"),
    ],
)
def test_a_topic_is_read_out_of_wordings_no_frame_knows(question, topic, aspect):
    read = read_topic(question)
    assert (read.text, read.aspect) == (topic, aspect)


def test_the_part_of_a_question_the_documents_say_is_its_topic():
    from qa.attested import Corpus

    said = "今年发展低空经济，建设5G基站。"
    corpus = Corpus(holds=lambda p: p in said, matches=lambda p: p in said)
    # both parts name something; only one is said in the documents
    question = "低空经济最近很火，这几个地方的文件里有谁提到要发展低空经济？"
    assert read_topic(question, corpus).text == "低空经济"
    # a shorter part said beats a longer one that is not (完成的任务量 asks)
    question = "5G基站建了多少个，哪些地方给出了已建成的数字？"
    assert read_topic(question, corpus).text == "5G基站"
    # a part of words of asking is none, though the documents say it (建)
    assert read_topic("数据交易所谁要建？", corpus).text == "数据交易所"


def test_a_technology_named_by_its_letters_is_met_by_them():
    assert "BIM" in expand_terms("BIM 技术应用")
    assert "5G" in expand_terms("5G技术")
    assert "数字" not in expand_terms("数字技术应用")  # a name in Chinese keeps its head


def test_a_thing_done_with_a_light_act_is_the_thing():
    assert "老年食堂" in expand_terms("办老年食堂")
    assert expand_terms("干部队伍") == ("干部队伍",)  # 干 is no act of its own there
    assert "大做强" not in expand_terms("做大做强")


def test_a_sentence_writing_the_topic_only_as_a_shares_base_does_not_mean_it():
    from qa.meaning import means_topic

    def named(_: str) -> bool:
        return True

    assert not means_topic("全社会研发经费占地区生产总值的比重达2.3%", "地区生产总值", named)
    assert means_topic("全社会研发投入占GDP比重提高至3.76%", "研发投入", named)  # its own share
    assert means_topic("全年地区生产总值达到3000亿元", "地区生产总值", named)
    # …nor when what it writes of the topic is its start, only as a share's base
    share = "战略性新兴产业增加值占规模以上工业增加值比重 | 2025: ≥25"
    assert not means_topic(share, "规模以上工业增加值增速", named)
    assert means_topic("规模以上工业增加值增长7%左右", "规模以上工业增加值增速", named)


def test_an_act_leading_a_list_is_the_act_of_every_item_of_it():
    from qa.term_matcher import term_matcher
    from qa.topic_terms import norm

    def met(topic, text):
        return term_matcher(expand_terms(topic)).search(norm(text)) is not None

    listed = "新增背街小巷路灯2210盏、停车位1.36万个、新能源充电桩1900个、5G基站1874个"
    assert met("新增5G基站", listed)  # (a thing named with Latin letters too)
    assert met("新增停车位", listed)
    assert met("新建充电桩", "新建城市绿道120公里、公共停车场15个、充电桩2000个")
    # (not past the clause the list ends in)
    assert not met("新增5G基站", "新增路灯2210盏、停车位1.36万个，5G基站覆盖全部乡镇")


def test_a_name_said_not_to_count_stays_inside_the_name_asked():
    from qa.term_matcher import without_names

    blank = without_names(("区域医疗中心",), ("国家区域医疗中心", "区域医疗中心"))
    assert blank("加快国家区域医疗中心建设") == "加快国家区域医疗中心建设"
    assert "区域医疗中心" not in blank("扎实推进区域医疗中心建设")
    # (a passage holding no name said not to count is left as it is)
    assert blank("国家公园和国家文化公园") == "国家公园和国家文化公园"
    assert without_names(("国家文化公园",), ("国家公园",))("建设国家文化公园") == "建设、"


def test_a_figure_asked_of_the_whole_society_is_not_met_by_enterprises_own():
    from qa.term_matcher import term_matcher
    from qa.topic_terms import norm

    def met(topic, text):  # (a target asked: its terms as qa.districts expands them)
        terms = expand_terms(topic, moving=True, measured=True)
        return term_matcher(terms, own_figure=True).search(norm(text)) is not None

    asked = "全社会研发经费投入（R&D投入强度或增速）"
    assert not met(asked, "推动规上工业企业研发经费投入增长11.5%左右")
    assert not met("全社会研发投入", "企业研发投入增长15%以上")
    assert met(asked, "全社会研发经费投入增长20%以上")
    assert met(asked, "研发投入强度达到3.55%")
    assert met("研发经费投入", "推动规上工业企业研发经费投入增长11.5%左右")  # (no whole asked)


def _met(topic, text, own_figure=False, **how):
    """Whether a sentence meets a topic's terms as qa.districts finds them (`how`: expand_terms')."""
    from qa.term_matcher import term_matcher
    from qa.topic_terms import norm

    terms = expand_terms(topic, **how)
    return term_matcher(terms, own_figure=own_figure).search(norm(text)) is not None


def test_the_places_asked_counted_are_no_topic():
    # (四个地级市里: the places asked, counted, before the question; the topic follows it)
    assert read_topic("四个地级市里，谁的报告提到了黄河？").text == "黄河"
    assert read_topic("三个区县中，哪些提到了智慧景区？").text == "智慧景区"
    assert read_topic("两个省里，谁提到了低空经济？").text == "低空经济"


def test_a_bracket_opening_with_what_does_not_count_sets_it_aside():
    from qa.set_aside import names_not_counted, without_exception

    asked = "哪些文件提到了“国家实验室”（不算国家重点实验室、全国重点实验室）？"
    assert names_not_counted(asked) == ("国家重点实验室", "全国重点实验室")
    assert names_not_counted("哪些地方提到氢能（不含天然气）？") == ("天然气",)
    # (not a bound's own figure, nor the documents, which others read)
    assert names_not_counted("哪些地方把GDP增速目标定在6%以上（不含6%）？") == ()
    kept = "在政府工作报告里（不算规划和要点），谁提到了氢能？"
    assert without_exception(kept) == (kept, ())


def test_a_bracket_closing_a_topic_with_kinds_of_it_or_acts_on_it_adds_nothing():
    from qa.topic_brackets import bracket_readings

    # (kinds said with its name: the name alone says them all, and 新材料 alone says others)
    assert read_topic("哪些地方提到稀土（稀土新材料、稀土产业）？").text == "稀土"
    assert read_topic("邮轮（邮轮旅游、邮轮港）哪些地方提到了？").text == "邮轮"
    # (what is done with it, most of it acts or words half of all reports use)
    assert read_topic("页岩气（开发、综合利用、制氢等）在哪些地方被提到？").text == "页岩气"
    assert read_topic("数字经济（发展、壮大）哪些地方提到了？").text == "数字经济"
    # (but kinds of it named otherwise, another wording or a generic word are read)
    assert bracket_readings("新能源（光伏、风电）") == ["新能源", "光伏、风电"]
    assert bracket_readings("充电桩（充电设施）") == ["充电桩", "充电设施"]
    assert bracket_readings("科技特派员（制度）") == ["科技特派员", "科技特派员制度"]
    assert read_topic("哪几份规划给研发机构（平台）定了目标？").text == "研发机构（平台）"


def test_a_bracket_rewording_the_act_before_it_is_another_wording():
    from qa.topic_brackets import bracket_readings

    assert bracket_readings("实际利用（使用）外资") == ["实际利用外资", "实际使用外资"]
    # (still, acts and bounds after a thing say how it stands: no topic)
    assert bracket_readings("国家5A级景区（获评或创建）") == ["国家5A级景区"]


def test_a_bracket_of_measures_may_name_them_with_the_topic_said_short():
    from qa.topic_brackets import bracket_readings

    assert bracket_readings("研发经费投入（研发强度或增速）") == ["研发经费投入"]
    assert bracket_readings("社会消费品零售总额（增速或总额）") == ["社会消费品零售总额"]
    # (a measure of another thing is another topic)
    assert len(bracket_readings("研发经费投入（专利强度或增速）")) == 2


def test_a_growth_or_an_amount_asks_no_unit():
    from qa.measures import unit_asked

    assert unit_asked("实际利用外资定了量化目标（增速或金额）的有哪些？") is None
    assert unit_asked("技术合同成交额给了具体金额的有哪些？") == "金额"


def test_acts_quoted_before_their_thing_are_the_topic_with_it():
    terms = expand_terms(read_topic("哪些地方是要“创建”或“升级创建”国家高新区？").text)
    assert {"创建国家高新区", "升级创建国家高新区"} <= set(terms)
    # (a quoted name of one-character words, or with no thing after it, stays a name)
    assert read_topic("“放管服”改革这个词，哪些地方的文件里有？").text == "放管服"
    assert read_topic("哪些地方提到了培育或引进“瞪铃企业”？").text == "瞪铃企业"


def test_an_act_may_lead_a_quoted_name_offered_as_the_other_wording():
    said = read_topic("政府工作报告中，谁提到发展飞地经济或建设“科创飞地”？")
    assert not said.quoted and {"飞地经济", "科创飞地"} <= set(expand_terms(said.text))
    # (acts joined before a quoted name are its acts, not another wording)
    assert read_topic("哪些城市提到要招引或培育“链主”企业？").text == "链主"


def test_kinds_joined_before_a_head_of_two_words_each_take_it():
    terms = expand_terms("新能源或光伏装机规模")
    assert {"新能源装机规模", "光伏装机规模"} <= set(terms) and "新能源" not in terms
    assert "风电装机规模" in expand_terms("风电或光伏装机规模")


def test_a_list_of_kinds_alike_shares_its_head_after_a_manner():
    assert _met("碳排放权交易", "推进碳排放权、用能权、用水权、排污权市场化交易")
    assert _met("数字化转型", "推动数字化、网络化、智能化转型")
    # (one kind alike is not a list of them)
    assert not _met("碳排放权交易", "推进碳排放权改革、排污权交易")


def test_a_figure_of_the_whole_society_is_also_the_places_own_whole():
    def met(topic, text):  # (a target asked: its terms as qa.districts expands them)
        return _met(topic, text, moving=True, measured=True, own_figure=True)

    assert met("全社会研发投入强度", "全市研发投入强度3.5%、全省第二")
    assert not met("全社会研发经费投入", "推动规上工业企业研发经费投入增长11.5%左右")


def test_a_share_with_its_whole_named_is_met_with_that_whole_said_at_length():
    asked = "战略性新兴产业占工业比重"
    assert _met(asked, "战略性新兴产业增加值占规模以上工业增加值比重达到25%")
    assert _met(asked, "工业战略性新兴产业占比达30%左右")
    assert _met("数字经济核心产业占GDP比重", "数字经济核心产业增加值占全市GDP的比重达到12%")
    # (another whole is another share)
    assert not _met(asked, "战略性新兴产业增加值占服务业增加值比重达到25%")


def test_a_share_is_not_meant_by_a_sentence_naming_another_measure():
    from qa.meaning import means_topic

    def named(_):
        return True

    assert not means_topic("推动规上工业企业研发经费投入增长11.5%左右", "研发经费投入强度", named)
    assert means_topic("R&D占比提升至4.9%", "研发经费投入强度", named)
    assert means_topic("80%以上财政支出用于民生", "财政支出中用于民生的比重", named)


def test_where_a_figure_stands_is_a_figure_reached():
    read = read_topic("哪些文件给出了全社会研发投入强度的现状数值？")
    assert (read.aspect, read.behind) == ("figure", True)


def test_a_wording_asked_and_a_figure_not_given_are_two_things():
    said = read_topic("居民收入目标只写“与经济增长同步”、没有给具体增速的有哪些？")
    assert said.text == "与经济增长同步" and len(said.none_of) == 1


def test_a_target_asked_without_its_figure_is_one_in_words():
    from qa.measures import with_worded_targets

    for question in (
        "哪个地方提了粮食产量目标，却没有给出具体数字？",
        "哪些地方提了研发投入强度目标，但没有给出具体数值？",
    ):
        read = with_worded_targets(read_topic(question), question)
        assert read.aspect == "target" and read.worded  # (稳中有增, in a list of targets)
        assert [t.aspect for t in read.none_of] == ["target"]  # (…and not one with a figure)


def test_reporting_or_giving_a_figure_after_the_topic_is_no_part_of_it():
    for question, topic, aspect in (
        ("去年粮食总产量报出具体数字的有哪些？", "粮食总产量", "figure"),
        ("城镇新增就业写出具体数字的有哪些？", "城镇新增就业", "figure"),
        ("对PM2.5浓度给出明确数值目标的有哪些？", "PM2.5浓度", "target"),
        ("对城镇新增就业给出具体目标的是哪些地方？", "城镇新增就业", "target"),
    ):
        read = read_topic(question)
        assert (read.text, read.aspect) == (topic, aspect), question


def test_a_total_asked_in_its_unit_and_the_whole_year_are_no_part_of_the_topic():
    read = read_topic("谁报告了全年接待游客的总人次？")
    assert (read.text, read.unit) == ("接待游客", "人次")
    assert read_topic("全年城镇新增就业多少人，哪些地方给了数？").text == "城镇新增就业"


def test_a_bracket_of_what_counts_after_the_topic_says_no_aspect():
    from qa.attested import Corpus

    said = "探索创建数据要素创新示范区。加快建设数据要素产业园。"
    corpus = Corpus(holds=lambda p: p in said, matches=lambda p: p in said)
    for question in (
        "数据要素（数据要素市场、数据要素试验区之类）在哪些地方的文件中出现？",
        "数据要素（数据要素产业园、数据要素示范区之类）哪些地方提到了？",
    ):
        read = read_topic(question, corpus)
        assert read.text.startswith("数据要素") and read.aspect is None, question


def test_a_bracket_rewording_a_name_short_its_act_or_its_end():
    from qa.topic_brackets import bracket_readings

    # a short name drawn from the name's characters, in any order, stands alone
    assert bracket_readings("世界文化遗产申报（申遗）") == ["世界文化遗产申报", "申遗"]
    assert bracket_readings("邮轮旅游（游轮）") == ["邮轮旅游", "游轮"]
    # an act rewording the act a thing is named with keeps the thing
    assert bracket_readings("粮食播种（种植）面积") == ["粮食播种面积", "粮食种植面积"]
    assert bracket_readings("高标准农田新建（改造）") == ["高标准农田新建", "高标准农田改造"]
    # a wording opening with a word of the name keeps what stands before that word
    assert bracket_readings("空气质量优良天数（或优良率）") == [
        "空气质量优良天数",
        "空气质量优良率",
    ]
    assert bracket_readings("水质优良比例（或优良率）") == ["水质优良比例", "水质优良率"]
    # (a deed said after another is a deed of its own: 减税降费（减负）)
    assert bracket_readings("减税降费（减负）") == ["减税降费", "减负"]


def test_places_counted_as_their_documents_are_the_places_asked_among():
    for question, topic in (
        ("綦江、大渡口、重庆高新区这三份规划里，谁给独角兽企业定了数量目标？", "独角兽企业"),
        ("芜湖、聊城两份报告中，哪个提到了氢能？", "氢能"),
    ):
        assert read_topic(question).text == topic, question


def test_what_the_places_do_a_deed_to_said_before_them_is_the_topic():
    for question, topic, aspect in (
        ("固态电池被哪些地方写进了产业布局？", "固态电池", None),
        ("低空经济被哪些城市列为重点产业？", "低空经济", None),
        ("研发投入强度被哪些地方定了目标？", "研发投入强度", "target"),
    ):
        read = read_topic(question)
        assert (read.text, read.aspect) == (topic, aspect), question


def test_acts_and_a_count_said_before_a_target_are_what_it_counts():
    for question, topic in (
        ("谁为保障性租赁住房定了筹集/建设套数目标？", "保障性租赁住房"),
        ("哪些地方给保障性住房定了建设套数目标？", "保障性住房"),
        ("谁给充电桩定了新建个数目标？", "充电桩"),
    ):
        read = read_topic(question)
        assert (read.text, read.aspect) == (topic, "target"), question


def test_documents_of_a_field_named_first_are_no_topic():
    from qa.asked_documents import documents_asked

    question = "规划和工作要点这类科技文件里，谁给科普基地定了具体数量目标？"
    assert read_topic(question).text == "科普基地"
    assert documents_asked(question) == ("plan", "work_points")
    assert read_topic("工作要点这类科技文件里，谁提到了科普基地？").text == "科普基地"


def test_other_names_remarked_in_a_bracket_are_alternatives_and_ask_no_wording():
    read = read_topic("紧密型县域医共体（包括“县城医疗卫生共同体”等不同说法）在哪些地方被提到？")
    assert read.text == "紧密型县域医共体（县城医疗卫生共同体）" and not read.verbatim
    assert "县城医疗卫生共同体" in expand_terms(read.text)
    read = read_topic("哪些地方提到了医共体（包括“医疗共同体”、“医联体”等其他叫法）")
    assert read.text == "医共体（医疗共同体、医联体）" and not read.verbatim


def test_the_examples_bracketed_after_a_wording_asked_are_no_wording_of_it():
    read = read_topic("金融“五篇大文章”（科技金融、绿色金融等）这一说法谁的报告里写了？")
    assert (read.text, read.verbatim) == ("五篇大文章", True)
    # (another wording bracketed is one: 揭榜制)
    assert read_topic("“揭榜挂帅”（揭榜制）这个说法哪些地方用了？").text == "揭榜挂帅（揭榜制）"


def test_a_plan_period_unnamed_is_a_period():
    from qa.periods import names_a_period

    assert names_a_period("规划期内") and names_a_period("十四五末")
    read = read_topic("提到了高标准农田，但没有给出今年或规划期新建面积数字的有哪些地方？")
    assert read.text == "高标准农田"
    assert [(t.text, t.aspect) for t in read.none_of] == [("高标准农田", "target")]
    read = read_topic("哪些地方给高标准农田定了今年或规划期的新建面积目标？")
    assert (read.text, read.aspect) == ("高标准农田", "target")


def test_an_absolute_amount_asks_the_figure_in_yuan():
    for question in (
        "哪些地方报告了去年进出口总额的绝对金额（不只是增速）？",
        "去年进出口总额报了绝对金额（多少亿元）的有哪些？",
    ):
        read = read_topic(question)
        assert (read.text, read.aspect, read.unit) == ("进出口总额", "figure", "金额"), question


def test_a_reform_or_a_contest_is_met_by_what_it_is_of_unless_every_report_names_that():
    assert "零基预算" in expand_terms("零基预算改革")
    assert "房地产税" in expand_terms("房地产税（房产税）改革")
    assert "国有企业" not in expand_terms("国有企业改革")  # (half of all reports name it)
    assert "国企" not in expand_terms("国企改革")  # (too short to stand alone)
    assert "龙舟" in expand_terms("龙舟赛事")


def test_a_quality_shared_by_examples_names_no_class():
    assert "通用" not in expand_terms("通用航空或通用机场")
    assert "温泉" in expand_terms("温泉旅游、温泉康养")


def test_a_target_asked_of_the_topic_alone_is_not_one_a_list_shares():
    from dataclasses import replace

    from qa.set_aside import left_out_of, with_names_set_aside
    from qa.topics import Topic

    terms = ("专精特新", "新型研发机构")
    topic = with_names_set_aside(
        Topic("专精特新", "target"), "给专精特新企业单独定了数量目标的有哪些？"
    )
    assert topic.alone
    blanked = left_out_of(topic, terms)
    for shared in (
        "引进20家以上独角兽、瞪羚、专精特新企业。",
        "创建省重点实验室、新型研发机构等平台8家以上",
    ):
        assert not any(t in blanked(shared) for t in terms), shared
    for own in (
        "专精特新企业达80家",
        "新增高新技术企业50家、专精特新企业20家",
        "力争全区新型研发机构新增1家以上",
    ):
        assert blanked(own) == own
    # (not asked alone: a list's figure counts for each)
    plain = with_names_set_aside(Topic("专精特新", "target"), "谁给专精特新企业定了数量目标？")
    assert not plain.alone
    assert (
        left_out_of(plain, terms)("引进20家以上独角兽、瞪羚、专精特新企业。").count("专精特新") == 1
    )
    assert not with_names_set_aside(replace(topic, aspect=None), "单独提到专精特新的").alone


def test_places_named_one_by_one_are_asked_whatever_tier_counts_them():
    # (两省区 is no 区: the provinces named are the places asked)
    assert question_level("陕西和广西两省区中，谁提到了零基预算改革？") is None
    assert question_level("芜湖、聊城两市中，谁提到了氢能？") is None
    assert question_level("重庆区县这一级，谁提到了氢能？") == "county"


def test_a_bare_act_among_a_bracket_says_it_lists_what_is_done_with_the_topic():
    from qa.topic_brackets import without_kinds_of_it

    assert without_kinds_of_it("页岩气（开发、制氢、化工利用等）") == "页岩气"
    assert without_kinds_of_it("稀土（开采、永磁材料、冶炼分离）") == "稀土"
    assert read_topic("页岩气（开发、制氢、化工利用等）哪些地方提到？").text == "页岩气"
    # (kinds said with the topic's characters are its kinds: 氢燃料电池)
    kept = "氢能（制氢、加氢、氢燃料电池）"
    assert without_kinds_of_it(kept) == kept


def test_a_topic_given_only_a_requirement_in_words_and_no_figure_is_a_worded_target():
    from qa.measures import with_worded_targets

    for question in (
        "对粮食产量只提了定性要求（比如“只增不减”）、没给具体产量数字的是哪里？",
        "哪些地方对外贸只有原则性表述，没给具体数字？",
    ):
        read = with_worded_targets(read_topic(question), question)
        topic = read.text
        assert (read.aspect, read.worded) == ("target", True), question
        assert [(t.text, t.aspect, t.worded) for t in read.none_of] == [(topic, "target", False)]


def test_acts_side_by_side_before_a_how_many_are_no_topic_nor_the_li_of_a_kilometre():
    read = read_topic("农村公路（含“四好农村路”）今年新建改建多少公里，哪些地方写了里程目标？")
    assert (read.text, read.aspect, read.unit) == ("农村公路（含四好农村路）", "target", "公里")
    read = read_topic("绿道（含碧道）今年新建多少公里，哪些地方给了数？")
    assert (read.text, read.unit) == ("绿道（含碧道）", "公里")


def test_a_contrast_naming_only_measures_and_acts_lacks_them_of_the_topic_itself():
    read = read_topic("提到了高标准农田建设、却没给出新建（改造）面积目标的，有哪些地方？")
    lacks = read.none_of[0]
    assert (lacks.text, lacks.aspect) == ("高标准农田建设", "target")
    read = read_topic("写到了抽水蓄能项目、但没给任何装机规模或机组数字的，有哪些地方？")
    assert [(t.text, t.aspect) for t in read.none_of] == [("抽水蓄能项目", "figure")]
    # (a thing named, though jieba tags its words as verbs, is a topic of its own)
    read = read_topic("提到了氢能、却没有提到抽水蓄能的地方有哪些？")
    assert [t.text for t in read.none_of] == ["抽水蓄能"]


def test_a_figure_given_only_as_a_growth_lacks_the_amount():
    for question in (
        "技术合同成交额只给了增速、没给金额的，是哪些地方？",
        "技术合同成交额只报了增长幅度、没报金额的，是哪些地方？",
    ):
        read = read_topic(question)
        assert (read.text, read.aspect) == ("技术合同成交额", "figure"), question
        assert [(t.text, t.aspect, t.unit) for t in read.none_of] == [
            ("技术合同成交额", "figure", "金额")
        ]


def test_a_target_written_but_given_only_in_words_lacks_its_figure():
    # (写了目标 sets a target as 定了目标 does; 只给定性要求 as 只提了定性要求)
    for question in (
        "高新技术企业今年写了目标，但只给定性要求、没给数量的，有哪些地方？",
        "粮食产量写了今年目标、只给定性要求，没给具体数字的是哪些地方？",
    ):
        read = read_topic(question)
        assert (read.text, read.aspect) == (read.text, "target"), question
        assert read.text in ("高新技术企业", "粮食产量"), question
        assert [(t.text, t.aspect) for t in read.none_of] == [(read.text, "target")]


def test_documents_said_as_the_subject_first_are_the_documents_asked():
    from qa.asked_documents import documents_asked

    question = (
        "政府工作报告提到了高标准农田，但对今年的建设只写了定性要求、没给亩数的，是哪些地方？"
    )
    assert documents_asked(question) == ("work_report",)
    assert documents_asked("规划提到了氢能的有哪些区？") == ("plan",)
    assert read_topic(question).text == "高标准农田"


def test_the_measures_bracketed_after_a_how_much_are_no_topic():
    for question, topic in (
        ("数字经济要做到多大（规模或占GDP比重），哪些地方给了量化目标？", "数字经济"),
        ("5G基站今年要建多少（个数或覆盖率），哪些地方给了目标？", "5G基站"),
    ):
        assert read_topic(question).text == topic, question
    read = read_topic("哪些地方报了研发投入强度的现状数？")
    assert (read.text, read.aspect) == ("研发投入强度", "figure")


def test_a_level_with_its_documents_bracketed_is_the_level_asked():
    question = "省级（两份2025年省区政府工作报告）里，谁提到低空经济？"
    assert (read_topic(question).text, question_level(question)) == ("低空经济", "province")
    looked = "只看区县级（綦江、重庆高新区、大渡口、合川这几份重庆区县文件）：哪些提到了氢能？"
    assert (read_topic(looked).text, question_level(looked)) == ("氢能", "county")
    assert question_level("只看地级市：哪些提到了氢能？") == "city"


# words around the topic that are no part of it, each form with two examples
_WORDS_AROUND = [
    # the years a period word stands for, bracketed after it
    ("今年（2024/2025年）要新建或改造多少高标准农田，哪些地方给了具体亩数？", "高标准农田"),
    ("明年（2025年）计划建多少个口袋公园，哪些地方给了数？", "口袋公园"),
    # a clause saying only where the question looks, before a comma or a dash; a dash
    ("省级层面，去年接待游客多少人次——哪些报告给了数字？", "接待游客"),
    ("地级市层面，去年粮食产量是多少，哪些地方报了数？", "粮食产量"),
    ("今年要新建多少高标准农田——哪些地方给了具体面积？", "高标准农田"),
    # a policy a quote names is no document asked
    ("用好“两重”“两新”政策，哪些地方提到了？", "两重、两新"),
    ("“两新”政策，哪些地方提到了？", "两新"),
    # a request said as a sentence after the question's asks of its topic
    ("今年植树造林／营造林面积定了多少万亩目标？列出给了具体面积的地方。", "植树造林/营造林面积"),
    ("研发投入强度已经达到多少？请列出给了具体百分比的地方。", "研发投入强度"),
    # a how-many in a unit with its multiplier
    ("港口货物吞吐量去年达到多少亿吨？哪些地方给了数字？", "港口货物吞吐量"),
    ("光伏装机今年新增多少万千瓦，哪些地方定了目标？", "光伏装机"),
    # a thing said first is the topic of what places wrote it into
    ("钠离子电池或固态电池，有哪些地方写进了产业布局？", "钠离子电池或固态电池"),
    ("低空经济，哪些城市列入了重点产业？", "低空经济"),
    # states of the topic said to count, in a closing bracket
    ("海外仓——哪些地方的报告里提到了（已建成运营的、要布局建设的都算）？", "海外仓"),
    ("哪些地方提到了海外仓（已建成的、在建的都算）？", "海外仓"),
    # …or any, after words that name no topic
    (
        "抽水蓄能电站在哪些地方的文件里出现了（推进建设、前期工作、争取核准开工都算）？",
        "抽水蓄能电站",
    ),
    ("城中村改造在哪些地方的报告里出现了（开工、续建都算）？", "城中村改造"),
    # what counts as the figure asked, bracketed after 的; a quoted figure in such a bracket
    ("今年地区生产总值增速预期目标定在6%及以上的（“6%左右”也算）有哪些地方？", "地区生产总值增速"),
    ("今年研发投入强度目标定在3%及以上的（“3%左右”也算）有哪些地方？", "研发投入强度"),
    ("荆州、赣州、长治三市，谁今年的GDP预期增速高于6%？（“6%左右”不算高于）", "GDP增速"),
    ("谁今年的研发投入强度目标高于3%？（“3%左右”不算）", "研发投入强度"),
    # a level alone, said where the question looks
    ("地级市中，今年提出推进城中村改造的有哪些？", "城中村改造"),
    ("区县里，哪些提到了低空经济？", "低空经济"),
    # …or the places asked, named and counted
    ("荆州、铜仁、长治三市中，今年高标准农田建设目标在30万亩及以上的是哪几个？", "高标准农田"),
    ("綦江、合川两区里，今年研发投入强度目标在3%以上的是哪个？", "研发投入强度"),
    # a quote in the name of the documents asked, their field bracketed
    ("在“十四五”（科技创新）规划这类文件里，哪些地方提到了军民融合？", "军民融合"),
    ("“十四五”（生态环境）规划里，哪些地方提到了无废城市？", "无废城市"),
    # what places reported or gave (报出了, 给出了…已达到的)
    ("哪些地方报出了上一年粮食总产量的具体数字？", "粮食总产量"),
    ("哪些地方报出了去年的技术合同成交额？", "技术合同成交额"),
    (
        "哪些地方给出了可再生能源（新能源）发电装机已达到的规模或占比？",
        "可再生能源（新能源）发电装机规模或占比",
    ),
    ("哪些地方给出了研发经费投入已达到的强度或增幅？", "研发经费投入强度或增幅"),
    # two years joined; the whole places joined
    ("2024或2025年给规上工业增加值增速定了具体目标的有哪些地方？", "规上工业增加值增速"),
    ("2024/2025年定了高新技术企业数量目标的有哪些地方？", "高新技术企业"),
    ("哪些地方报出了上一年全省/全市接待游客总量？", "接待游客"),
    ("哪些地方给出了去年全市、全区的外贸进出口总额？", "外贸进出口总额"),
    # 发 of 发电 is no light word
    ("山东、河南、聊城、芜湖四地中，谁给发电装机容量定了数值目标？", "发电装机容量"),
    ("哪些地方给发电量定了目标？", "发电量"),
    # the place's whole said before the topic
    ("哪些地方给整体数字经济（规模或占比）定了量化目标？", "数字经济（规模或占比）"),
    ("总体研发投入强度，哪些地方定了目标？", "研发投入强度"),
    # a count quoted is no name; listing item by item is saying
    ("政府工作报告里逐条列出了今年“十件”民生（惠民）实事的有哪些地方？", "十件民生（惠民）实事"),
    ("哪些地方逐项列出了“十项”重点工程？", "十项重点工程"),
    # a growth given after 给X定了
    ("哪些地方给全社会研发经费投入定了增长率目标？", "全社会研发经费投入增长率"),
    ("哪些地方给外贸进出口定了增速目标？", "外贸进出口增速"),
    # a class of indicators is the thing they measure (not a word ending in 类: 垃圾分类)
    ("政府工作报告里，哪些地方给专利类指标定了今年的数值目标？", "专利"),
    ("哪些地方给环境类指标定了目标？", "环境"),
    ("垃圾分类定了目标的有哪些地方？", "垃圾分类"),
    # places counted with their documents said after them, where the question looks
    ("几个地级市的2024年预期目标里，GDP增速定在7%及以上的是哪些？", "GDP增速"),
    ("三个区县的政府工作报告中，哪些提到了低空经济？", "低空经济"),
]


@pytest.mark.parametrize(("question", "topic"), _WORDS_AROUND)
def test_words_around_the_topic_are_no_part_of_it(question, topic):
    assert read_topic(question).text == topic


def test_a_short_word_said_in_place_of_a_figure_this_year_lacks_a_targets_figure():
    # (the topic said, its target's figure lacking: not every place without a target)
    for question, topic in (
        ("老旧小区改造今年只说“一批”、没给具体数量的是哪些地方？", "老旧小区改造"),
        ("充电桩今年只写“若干”、没给具体数量的有哪些地方？", "充电桩"),
        ("高标准农田今年只写“一批”、没给具体面积的是哪些地方？", "高标准农田"),
    ):
        read = read_topic(question)
        assert (read.text, read.negated) == (topic, False), question
        assert [(t.text, t.aspect) for t in read.none_of] == [(topic, "target")], question


def test_a_bracket_of_what_is_done_with_a_thing_names_it_only_beside_it():
    # (parts that are only acts or words every report says: not terms of their own)
    terms = expand_terms("数字人民币（试点、推广应用）")
    assert "数字人民币" in terms and not {"试点", "推广应用"} & set(terms)
    terms = expand_terms("大熊猫保护（大熊猫国家公园、繁育基地）")
    assert "大熊猫国家公园" in terms and "繁育基地" not in terms
    # (kinds of it stay: 风电, 实验室; a measure asked of it too)
    assert {"风电", "光伏"} <= set(expand_terms("清洁能源（风电、光伏）"))
    assert "实验室" in expand_terms("研发平台（实验室、技术创新中心、企业研发机构等）")


def test_alternatives_sharing_only_a_rank_share_no_class():
    terms = expand_terms("创建国家级开发区（国家级高新区或国家级经开区）")
    assert "国家级" not in terms and "国家级经开区" in terms
    assert "省级" not in expand_terms("省级重点实验室或省级工程技术研究中心")
    assert "中试" in expand_terms("中试熟化、中试基地")


def test_alternatives_share_no_character_that_begins_another_word_in_each():
    assert "数据资" not in expand_terms("数据资产化或数据资源入表")
    assert "智慧医" not in expand_terms("智慧医院或者智慧医疗系统")
    assert "中试" in expand_terms("中试熟化、中试基地")


def test_acts_side_by_side_before_a_thing_and_its_role_are_no_part_of_it():
    assert "国家区域医疗中心" in expand_terms("建设、争取或发挥国家区域医疗中心作用")
    assert {"争取国家级新区", "发挥国家级新区"} <= set(expand_terms("争取或发挥国家级新区作用"))


def test_a_term_whose_spread_fits_a_name_set_aside_is_met_only_as_written():
    from qa.term_matcher import term_matcher
    from qa.topic_terms import norm

    def met(term, text, set_aside=()):
        matcher = term_matcher(expand_terms(term), set_aside=set_aside)
        return matcher.search(norm(text)) is not None

    assert met("国家公园", "建设繁昌窑国家考古遗址公园")
    assert not met("国家公园", "建设繁昌窑国家考古遗址公园", ("国家文化公园",))
    assert met("国家公园", "建设好黄河口国家公园", ("国家文化公园",))
    assert not met("国家实验室", "灾备技术国家工程实验室西部中心", ("国家重点实验室",))
    assert met("国家实验室", "争创国家实验室基地", ("国家重点实验室",))


def test_any_figure_denied_is_the_topics_own():
    for question, topic in (
        (
            "今年政府工作报告里，空气质量只写了定性要求（如保持全国/全省前列）、没有给任何数值目标的有哪些地方？",
            "空气质量",
        ),
        ("提到了高标准农田、但没有给任何具体目标的有哪些地方？", "高标准农田"),
    ):
        read = read_topic(question)
        assert [(t.text, t.aspect) for t in read.none_of] == [(topic, "target")], question


def test_a_full_width_slash_joins_alternatives():
    assert {"植树造林面积", "营造林面积"} <= set(
        expand_terms(read_topic("植树造林／营造林面积定了目标的有哪些地方？").text)
    )
    assert {"充电桩", "充电站"} <= set(
        expand_terms(read_topic("哪些地方提到了充电桩／充电站？").text)
    )


def test_a_heritage_is_asked_however_it_is_kept():
    assert "非遗" in expand_terms("非遗（非物质文化遗产）保护传承")
    # (three sets' annotators count any mention: 文博热、非遗潮成为新时尚 for 非遗保护传承)
    assert _met("非遗保护传承", "文博热、非遗潮成为新时尚。")
    assert "文物" in expand_terms("文物保护利用")
    # (protection alone is a topic's own: 知识产权保护 is no 知识产权)
    assert "知识产权" not in expand_terms("知识产权保护")


def test_a_growth_rate_or_a_percentage_set_is_the_targets_measure():
    for question, topic, unit in (
        ("今年外贸进出口定了增长率或总额目标的是哪些地方？", "外贸进出口", None),
        ("今年GDP定了增长率目标的是哪些地方？", "GDP", None),
        ("今年外贸进出口增速设了具体百分比目标的有哪些地方？", "外贸进出口增速", "%"),
        ("进出口增速定了具体百分比目标的有哪些？", "进出口增速", "%"),
    ):
        read = read_topic(question)
        assert (read.text, read.aspect, read.unit) == (topic, "target", unit), question


def test_a_bound_set_with_a_verb_and_no_target_word_is_the_bound():
    for question, side in (
        ("GDP增速定在7%及以上的是哪些地方？", "above"),
        ("哪些地方研发投入强度定为3%？", "equal"),
    ):
        read = read_topic(question)
        assert read.limit is not None and read.limit.side == side, question
        assert "定" not in read.text, question


def test_a_wording_quoted_with_its_figure_held_open_is_the_wording_asked():
    for question in (
        "GDP增速目标写成“××%以上”（下限式）而不是“左右”的是哪些地方？",
        "GDP增速目标写成“X%以上”的是哪些地方？",
        "GDP增速目标写成“以上”而不是“左右”的是哪些地方？",
    ):
        read = read_topic(question)
        assert (read.text, read.limit.worded) == ("GDP增速", "passed"), question


def test_a_bracket_opening_on_the_name_lists_its_forms_said_with_it():
    # (科技特派员（科技特派员制度、特派团、工作站）: 科技特派团, 科技特派员工作站; not
    # 工作站 alone, which 博士后工作站 says)
    terms = set(expand_terms("科技特派员（科技特派员制度、特派团、工作站等）"))
    assert {"科技特派团", "科技特派员工作站"} <= terms and not {"工作站", "特派团"} & terms
    terms = set(expand_terms("首席科学家（首席科学家制度、工作室）"))
    assert "首席科学家工作室" in terms and "工作室" not in terms
    # (a place sharing a character with the name is its own: 氢能（氢能产业、加氢站）)
    assert "加氢站" in expand_terms("氢能（氢能产业、加氢站）")
    # (a word of its own, not the name's end: 油茶（油茶林、茶油）: 茶油 as said)
    assert "茶油" in expand_terms("油茶（油茶林、茶油等）")
    # (kinds of another name: 清洁能源（风电、光伏）)
    assert {"风电", "光伏"} <= set(expand_terms("清洁能源（风电、光伏）"))


def test_a_short_name_of_the_last_words_is_said_with_the_rest():
    from qa.topic_brackets import bracket_readings

    assert "跨境电子商务综试区" in bracket_readings("跨境电子商务综合试验区（综试区）")
    assert "国家高新区" in bracket_readings("国家高新技术产业开发区（高新区）")
    # (a short name of all of it stands alone: 农机化率)
    assert "农机化率" in bracket_readings("农作物耕种收综合机械化率（农机化率）")


def test_a_level_looked_at_alone_with_its_other_name_bracketed_is_the_level_asked():
    from qa.place_questions import question_level

    for question, topic in (
        ("只看地级市（市州）：哪些在今年工作安排里给高新技术企业定了数量目标？", "高新技术企业"),
        ("地级市（州）里面，哪些提到了共同富裕？", "共同富裕"),
        ("只看地级市：哪些在今年给高新技术企业定了数量目标？", "高新技术企业"),
    ):
        assert question_level(question) == "city", question
        assert read_topic(question).text == topic, question
    # (the work a year's documents plan is where the topic is said, no part of it)
    assert (
        read_topic("今年工作安排里提到PM2.5治理、却没写出PM2.5浓度目标数值的，是哪些地方？").text
        == "PM2.5治理"
    )


def test_how_many_things_asked_in_their_counting_word_asks_a_count():
    from qa.measures import unit_asked

    assert unit_asked("今年要新增（培育）多少家规上工业企业——给了数量目标的地方有哪些？") == "count"
    assert unit_asked("保障性租赁住房今年要筹集多少套，谁给了数？") == "count"
    # (…or their count in that word: 具体头数, as 个数 and 套数)
    assert read_topic("去年生猪出栏量给出具体头数的是哪些地方？").unit == "count"
    # (哪几个 asks places; a measure asked beside it is asked too; 多少个百分点 is a share)
    assert unit_asked("哪几个城市今年给高企定了数量目标？") is None
    assert unit_asked("老旧小区改造今年定了多少个（或多大面积）的目标，是哪些地方？") is None
    assert unit_asked("研发投入强度要提高多少个百分点，哪些地方定了？") is None


def test_a_part_of_the_documents_asked_is_where_the_topic_is_said():
    from qa.asked_documents import documents_asked

    for question, kind, topic in (
        (
            "在“十四五”科技创新规划的指标表里，哪些地方列了技术合同成交（交易）额？",
            "plan",
            "技术合同成交（交易）额",
        ),
        ("在政府工作报告的主要预期目标里，哪些地方定了GDP增速？", "work_report", "GDP增速"),
        # (looked at, before a colon; a kind quoted)
        ("看“十四五”规划：哪些规划提到智慧景区建设？", "plan", "智慧景区建设"),
        (
            "年度科技创新“工作要点”里，哪些地方把升级创建国家高新区列为抓手？",
            "work_points",
            "升级创建国家高新区",
        ),
        # (a field bracketed inside their name)
        ("在“十四五”（科技创新）规划这类文件里，哪些地方提到了军民融合？", "plan", "军民融合"),
    ):
        assert documents_asked(question) == (kind,), question
        assert read_topic(question).text == topic, question


def test_a_figure_said_as_more_than_its_scale_is_in_its_unit():
    from qa.bounds import figures_in

    assert figures_in("全年新增城镇就业4.5万余人", "count") == [45000.0]
    assert figures_in("完成造林3万多亩", "亩") == [30000.0]
    # (charging guns are counted too: 新增充电桩320枪)
    assert figures_in("新增充电桩320枪", "count") == [320.0]


def test_firms_entering_the_statistics_are_firms_above_the_scale():
    assert "新增入规企业" in expand_terms("新增规模以上工业企业")
    assert "入规企业" in expand_terms("规上工业企业")


def _lacks(question: str) -> list[tuple[str, str | None]]:
    return [(t.text, t.aspect) for t in read_topic(question).none_of]


def test_a_requirement_in_words_said_right_before_its_lack_is_what_alone_was_given():
    # (no comma between 要求 and 没给: the lack is still the clause after it)
    for question in (
        "把粮食产量写进今年目标、但只写了定性要求没给数字的有哪些？",
        "对粮食产量只提了定性要求没给具体数字的是哪里？",
    ):
        read = read_topic(question)
        assert (read.text, read.negated) == ("粮食产量", False), question
        assert _lacks(question) == [("粮食产量", "target")], question


def test_a_relative_requirement_is_a_requirement_in_words():
    read = read_topic(
        "今年的预期目标里，固定资产投资只写了相对要求、没有给出具体增速数字的是哪里？"
    )
    assert (read.text, read.aspect) == ("固定资产投资", "target")
    read = read_topic("对粮食产量只提了相对要求的是哪里？")
    assert (read.text, read.aspect) == ("粮食产量", "target")


def test_a_stock_asked_is_a_total_and_a_number_given_a_figure():
    for question, topic in (
        ("哪些地方报出了高新技术企业的存量总数（不是当年新增数）？", "高新技术企业"),
        ("哪些地方报了专精特新企业的存量？", "专精特新企业"),
    ):
        read = read_topic(question)
        assert (read.text, read.aspect, read.total) == (topic, "figure", True), question
    # (给了数: a figure, said as users say it)
    read = read_topic("去年新建5G基站给了数的是哪些地方？")
    assert (read.text, read.aspect) == ("5G基站", "figure")
    read = read_topic("去年新增国家级专精特新小巨人企业给了数的有哪些？")
    assert read.aspect == "figure"


def test_the_year_said_before_a_lack_leaves_the_lack_a_clause_of_its_own():
    question = (
        "去年新增国家级专精特新“小巨人”企业给了数，但今年没有单独给“小巨人”定数量目标的有哪些？"
    )
    read = read_topic(question)
    assert (read.text, read.aspect, read.negated) == ("小巨人", "figure", False)
    assert _lacks(question) == [("小巨人", "target")]
    read = read_topic("提到既有住宅加装电梯、但今年没给加装数量目标的，有哪些地方？")
    assert (read.text, read.negated) == ("既有住宅加装电梯", False)


def test_what_was_done_in_a_period_said_first_is_no_part_of_the_topic():
    read = read_topic("去年完成的植树造林（营造林）面积，哪些地方报了具体数字？")
    assert (read.text, read.aspect, read.behind) == ("植树造林（营造林）面积", "figure", True)
    assert read_topic("去年完成营造林多少亩，谁的报告写了？").text == "营造林"


def test_a_long_bracket_of_what_counts_after_a_target_is_no_topic():
    for question, topic in (
        (
            "哪些地方给数字经济定了具体数值目标（规模、核心产业营收/增加值或占GDP比重都算）？",
            "数字经济",
        ),
        (
            "哪些地方给研发投入强度定了目标（全社会研发经费占地区生产总值比重也算）？",
            "研发投入强度",
        ),
    ):
        read = read_topic(question)
        assert (read.text, read.aspect) == (topic, "target"), question


def test_the_work_a_year_ahead_is_to_do_lacks_a_targets_figure():
    assert _lacks("写了今年要建口袋公园、但没给个数的是哪些地方？") == [("口袋公园", "target")]
    assert _lacks("今年计划建设充电桩、但没写数量的有哪些地方？") == [("充电桩", "target")]
    # (one not planned lacks a figure of any year)
    assert _lacks("提到口袋公园、但没给个数的是哪些地方？") == [("口袋公园", "figure")]


def test_a_level_said_first_then_its_places_by_their_noun_is_the_level_asked():
    question = "地级市里，哪些城市的政府工作报告提到了氢能？（省级和重庆区县不算）"
    assert (read_topic(question).text, question_level(question)) == ("氢能", "city")
    # (…and places chosen for a thing are asked as places that say it)
    for question, level in (
        ("地级市里，哪些入选或在推进城市一刻钟（15分钟）便民生活圈试点？", "city"),
        ("区县里，哪些获批了国家级试点？", "county"),
    ):
        assert is_district_question(question), question
        assert question_level(question) == level, question


def test_a_common_word_of_two_in_the_place_of_a_common_head_is_said_of_its_thing():
    for topic, said, bare in (
        ("体外诊断（IVD）产业或研发", "体外诊断研发", "研发"),
        ("合成生物产业或研发", "合成生物研发", "研发"),
    ):
        terms = expand_terms(topic)
        assert said in terms and bare not in terms, topic


def test_settling_somewhere_is_an_act_its_joined_acts_share_the_thing_of():
    for topic, shared in (
        ("建设、争取或落户国家区域医疗中心", "争取国家区域医疗中心"),
        ("争取或落户国家实验室基地", "争取国家实验室基地"),
    ):
        terms = expand_terms(topic)
        assert shared in terms and "争取" not in terms, topic


def test_another_designation_bracketed_after_a_name_goes_on_that_name():
    for topic, said in (
        ("国家中医药传承创新发展试验区（或示范试点）", "国家中医药传承创新发展示范试点"),
        ("国家生态文明建设示范区（或试点）", "国家生态文明建设示范区试点"),
    ):
        terms = expand_terms(topic)
        assert said in terms and "示范试点" not in terms and "试点" not in terms, topic


def test_a_topic_written_into_the_years_targets_is_a_target_whatever_follows():
    for question in (
        "把粮食产量写进今年目标、但只写了定性要求没给数字的有哪些？",
        "把粮食产量写进了今年目标、只写了定性要求，没给具体数字的是哪些地方？",
    ):
        read = read_topic(question)
        assert (read.text, read.aspect) == ("粮食产量", "target"), question
        assert [(t.text, t.aspect) for t in read.none_of] == [("粮食产量", "target")], question


def test_every_quote_a_remark_bracket_holds_names_no_topic():
    for question, topic in (
        (
            "零碳园区或近零碳园区（一般说“低碳园区”“绿色园区”的不算）在哪些地方的文件里出现？",
            "零碳园区",
        ),
        (
            "对今年空气质量只提了定性要求（如“持续改善”“保持全省最优”）、没给数值目标的有哪些地方？",
            "空气质量",
        ),
    ):
        assert read_topic(question).text.startswith(topic), question


def test_a_requirement_of_a_direction_is_a_target_asked():
    for question, topic in (
        (
            "对空气质量（优良天数、PM2.5）提了改善要求但没给具体数值目标的有哪些地方？",
            "空气质量（优良天数、PM2.5）",
        ),
        ("对单位GDP能耗提出了下降要求的有哪些地方？", "单位GDP能耗"),
    ):
        read = read_topic(question)
        assert (read.text, read.aspect) == (topic, "target"), question


def test_acts_done_in_common_words_bracketed_after_a_thing_name_nothing_alone():
    for topic, thing in (
        ("数字人民币（试点、场景推广等）", "数字人民币"),
        ("低空经济（试点、场景开放等）", "低空经济"),
    ):
        assert expand_terms(topic)[1:] == (thing,), topic


def test_a_name_jieba_cuts_to_characters_is_one_word_before_a_common_head():
    for topic, said in (("电竞产业或赛事", "电竞赛事"), ("潮玩产业或赛事", "潮玩赛事")):
        terms = expand_terms(topic)
        assert said in terms and "赛事" not in terms, topic


def test_a_bracket_after_the_documents_names_which_of_them():
    from qa.asked_documents import documents_asked

    for question, kinds in (
        (
            "在政府工作报告（2024年市级、2025年省级）里，哪些地方提到了“揭榜挂帅”？",
            ("work_report",),
        ),
        ("在规划（2021年印发的）里，哪些区提到了科普基地？", ("plan",)),
        ("只看政府工作报告（2024年地级市、2025年省级）：哪些提到了瞪羚企业？", ("work_report",)),
    ):
        assert documents_asked(question) == kinds, question


def test_the_work_of_a_year_is_where_a_place_says_its_topic():
    from qa.place_questions import question_levels

    for question in (
        "省级层面，谁在2025年工作里部署了城中村改造？",
        "谁在今年工作中部署了城中村改造？",
    ):
        assert read_topic(question).text == "城中村改造", question
    assert question_levels("省级层面，谁在2025年工作里部署了城中村改造？") == ("province",)


def test_a_count_set_with_its_act_and_measures_closed_by_a_kind_are_a_targets():
    for question, topic in (
        ("制造业单项冠军定了培育数量的地方有哪些？", "制造业单项冠军"),
        ("给公共充电桩定了新建数量的有哪些地方？", "公共充电桩"),
        ("新能源汽车定了产量或渗透率之类量化目标的是哪些地方？", "新能源汽车"),
        ("数字经济定了规模或占比之类量化目标的是哪些地方？", "数字经济"),
    ):
        read = read_topic(question)
        assert (read.text, read.aspect) == (topic, "target"), question


def test_what_alone_a_target_is_set_for_does_not_count():
    from qa.set_aside import names_not_counted

    for question, name in (
        ("今年网络零售额定了目标的有哪些城市？只给农村网络零售额定目标的不算。", "农村网络零售额"),
        ("哪些地方给居民收入定了目标？（只对农村居民收入设了目标的不算）", "农村居民收入"),
    ):
        assert names_not_counted(question) == (name,), question
    # (a measure given alone is which figure is asked, no name: 只给增速的不算)
    assert names_not_counted("哪些地方给了金额（只给增速的不算）？") == ("只给增速的",)


def test_measures_closed_by_a_kind_lacking_are_the_topics_own():
    for question, topic in (
        ("装配式建筑：哪些地方提到了，但没有给出占比或面积等数量目标？", "装配式建筑"),
        ("哪些地方提到了数字经济，但没给出规模或占比等数量目标？", "数字经济"),
    ):
        assert [t.text for t in read_topic(question).none_of] == [topic], question


def test_a_short_name_bracketed_after_a_name_jieba_reads_whole_keeps_its_modifier():
    from qa.topic_brackets import bracket_readings

    assert bracket_readings("粮食产量（总产）") == ["粮食产量", "粮食总产"]
    assert bracket_readings("经济总量（总值）") == ["经济总量", "经济总值"]
    # (not a name of two characters: 邮轮（游轮）经济 is 游轮经济)
    assert bracket_readings("邮轮（游轮）经济") == ["邮轮经济", "游轮经济"]


def test_a_quoted_name_said_as_the_kind_of_a_thing_is_either():
    for question, topic in (
        ("“亩均论英雄”式的亩均效益评价，哪些地方提到了？", "亩均论英雄或亩均效益评价"),
        ("“枫桥经验”式的基层矛盾调解，哪些地方提到了？", "枫桥经验或基层矛盾调解"),
    ):
        assert read_topic(question).text == topic, question
    # (not a thing of words every report uses: 乡村建设经验 names none)
    assert read_topic("“千万工程”式的乡村建设经验，哪些地方在学？").text != "千万工程或乡村建设经验"


def test_a_topic_written_as_the_years_target_is_a_target():
    for question, topic in (
        ("工作要点类文件里，哪些地方把新增高新技术企业数量写成了当年目标？", "新增高新技术企业"),
        ("哪些地方把研发投入强度写成了当年目标？", "研发投入强度"),
    ):
        read = read_topic(question)
        assert (read.text, read.aspect) == (topic, "target"), question


def test_a_figure_reported_before_its_thing_is_a_figure_and_a_look_back_its_period():
    read = read_topic("回顾去年时只报了新增高新技术企业数、没有报高新技术企业总数的是哪些地方？")
    assert (read.text, read.aspect, read.behind) == ("新增高新技术企业", "figure", True)
    assert [(t.text, t.aspect, t.total) for t in read.none_of] == [("高新技术企业", "figure", True)]
    for question in (
        "去年工作回顾里只报了新增高新技术企业数的是哪些地方？",
        "哪些地方只给了新增高新技术企业数？",
    ):
        read = read_topic(question)
        assert (read.text, read.aspect) == ("新增高新技术企业", "figure"), question


def test_being_chosen_for_a_thing_leads_the_topic_as_saying_it_does():
    for question, topic in (
        ("地级市里，哪些入选或在推进城市一刻钟便民生活圈试点？", "城市一刻钟便民生活圈试点"),
        ("哪些地方获批或在建国家区域医疗中心？", "国家区域医疗中心"),
    ):
        assert read_topic(question).text == topic, question


def test_designations_said_together_are_one_head_a_list_shares():
    from qa.term_across import listed_in_kinds

    for term, said in (
        ("国家中医药传承创新发展示范试点", "入选国家中医药传承创新发展和普惠托育服务发展示范试点"),
        ("国家乡村振兴示范试点", "创建国家乡村振兴、共同富裕等示范试点"),
    ):
        listed = listed_in_kinds(term)
        assert listed is not None and listed.search(said), term


def test_a_specific_measure_given_is_a_figure_in_its_unit():
    for question in (
        "提到高标准农田、但没给具体面积的是哪些地方？",
        "哪些地方给了高标准农田的具体面积？",
    ):
        read = read_topic(question)
        figure = read.none_of[0] if read.none_of else read
        assert (figure.text, figure.aspect) == ("高标准农田", "figure"), question


def test_a_thing_and_a_set_phrase_of_how_it_is_done_are_said_the_other_way_round():
    for topic, other in (
        ("水土流失综合治理", "综合治理水土流失"),
        ("矿山综合治理", "综合治理矿山"),
    ):
        assert other in expand_terms(topic), topic
    # (not a phrase of no act: 两个毫不动摇, 牦牛产品开发)
    assert expand_terms("两个毫不动摇") == ("两个毫不动摇",)
    assert expand_terms("牦牛产品开发") == ("牦牛产品开发",)


def test_alternatives_bracketed_ending_as_a_name_are_its_head_said_otherwise():
    from qa.topic_brackets import bracket_readings

    for topic, read in (
        ("技术合同成交额（或交易额、认定登记额）", "技术合同交易额、技术合同认定登记额"),
        ("专利授权量（或申请量、登记量）", "专利申请量、专利登记量"),
    ):
        assert bracket_readings(topic)[1] == read, topic
    # (not where they say again what the modifier says: 空气优良天数（天数或优良天数）)
    assert "空气优良优良天数" not in "、".join(bracket_readings("空气优良天数（天数或优良天数）"))


def test_a_level_said_first_then_who_did_it_in_a_year():
    from qa.place_questions import asks_prefectures

    for question, level in (
        ("地级市（州）里，哪些今年给新增高新技术企业定了数量目标？", "city"),
        ("省份中，哪些去年报出了5G基站数？", "province"),
        ("区县里，哪些2024年提到了低空经济？", "county"),
    ):
        assert question_level(question) == level, question
    assert asks_prefectures("地级市（州）中，哪些今年在推进创建国家5A级旅游景区？")


def test_a_total_of_visits_asked_is_its_count_in_person_times():
    for question, topic in (
        ("去年接待游客总人次给出了具体数字的是哪些地方？", "接待游客"),
        ("哪些地方给出了旅客总人次？", "旅客"),
    ):
        read = read_topic(question)
        assert (read.text, read.aspect) == (topic, "figure"), question


def test_a_count_of_deeds_to_be_done_is_a_target_in_pieces():
    target = aspect_evidence("target")
    for said in ("办好20项重点民生实事。", "继续办好“十件民生实事”。"):
        assert target.search(said), said
    assert not target.search("聚力办好民生实事。")


def test_quotes_said_side_by_side_are_alternatives_each_closing_a_list():
    for question, terms in (
        (
            "谁提到按亩均效益评价用地（“亩均论英雄”“以亩产论英雄”之类）？",
            {"亩均论英雄", "以亩产论英雄"},
        ),
        ("谁提到亩均效益评价（“亩均论英雄”“以亩产论英雄”）？", {"亩均论英雄", "以亩产论英雄"}),
    ):
        said = {re.sub("[“”]", "", t) for t in expand_terms(read_topic(question).text)}
        assert terms <= said, question
        said = {re.sub("[“”]", "", t) for t in expand_terms(read_topic(question).text)[1:]}
        assert not any("之类" in t or "英雄以" in t for t in said), question


def test_a_requirement_on_a_matter_asks_the_matter():
    for question in (
        "哪些地方写了空气质量方面的要求，但没有给出具体数值目标（只写定性要求）？",
        "哪些地方对空气质量提了要求，但没有给出具体数值目标？",
    ):
        read = read_topic(question)
        assert read.text == "空气质量" and read.aspect is None, question
        assert [(t.text, t.aspect) for t in read.none_of] == [("空气质量", "target")], question


def test_a_quoted_name_of_an_idea_keeps_the_other_name_bracketed_after_it():
    for question, other in (
        ("谁在报告里提到了“两山”理念（绿水青山就是金山银山）？", "绿水青山就是金山银山"),
        ("哪些地方提到“放管服”模式（简政放权）？", "简政放权"),
    ):
        read = read_topic(question)
        assert other in expand_terms(read.text, read.quoted), question


def test_acts_bracketed_after_the_act_a_thing_ends_in_are_other_acts_of_it():
    for question, thing in (
        ("哪些地方在推进国家公园建设（创建、申创或设立）？", "国家公园"),
        ("哪些地方在推进国家森林城市建设（创建或争创）？", "国家森林城市"),
    ):
        terms = expand_terms(read_topic(question).text)
        assert thing in terms and not any(t in terms for t in ("创建", "申创", "争创")), question
    # (not names a thing is said by: 打击电信网络诈骗（电诈、反诈）)
    assert "反诈" in expand_terms("打击电信网络诈骗（电诈、反诈）")


def test_the_building_of_a_thing_said_with_de_is_the_thing():
    for topic, thing in (("国家公园的创建或建设", "国家公园"), ("平陆运河的建设", "平陆运河")):
        terms = expand_terms(topic)
        assert thing in terms and not any(t.endswith("的") for t in terms if len(t) <= 5), topic


def test_examples_of_a_class_closing_a_topic_are_its_kinds():
    for topic, kinds in (
        ("第三代半导体（碳化硅、氮化镓等宽禁带半导体）", {"碳化硅", "氮化镓", "宽禁带半导体"}),
        ("新型储能（钠离子电池、液流电池等储能技术）", {"钠离子电池", "液流电池"}),
    ):
        assert kinds <= set(expand_terms(topic)), topic


def test_a_mass_is_no_share_said_bare():
    from qa.bounds import figures_in

    assert figures_in("PM2.5平均浓度降至33微克/立方米", "%") == []
    assert figures_in("PM10年均浓度45微克/立方米", "%") == []
    assert figures_in("森林覆盖率提高到45", "%") == [45.0]  # (a share said bare still is)


def test_a_level_moved_then_reached_in_one_clause_states_its_value():
    from qa.stating import _moves_a_level

    assert not _moves_a_level("常住人口城镇化率", "提升0.9个百分点、达62.1%")
    assert not _moves_a_level("森林覆盖率", "提高1个百分点、达到45%")
    assert _moves_a_level("城镇化率", "提高1.2个百分点")


def test_a_bracket_of_shares_and_counts_asks_which_figure_and_names_no_topic():
    for topic in ("空气质量优良天数（比率或天数）", "城镇失业人员再就业（人数或比例）"):
        terms = expand_terms(topic)
        assert not {"比率", "比例", "天数", "人数"} & set(terms), topic


def test_a_national_designation_is_said_with_its_rank_or_without():
    for topic, other in (
        ("国家级科创金融改革试验区", "国家科创金融改革试验区"),
        ("国家绿色工业园区", "国家级绿色工业园区"),
    ):
        assert other in expand_terms(topic), topic
    assert expand_terms("国家安全") == ("国家安全",)  # (no designation: no rank)


def test_one_character_bracketed_inside_a_word_is_added_or_put_in_place_of_the_last():
    assert {"首台套", "首台装备"} <= set(expand_terms("首台套（首台（套）装备）"))
    assert {"乡村振兴示范镇", "乡村振兴示范村"} <= set(expand_terms("乡村振兴示范镇（村）"))
    assert "套装备" not in expand_terms("首台（套）装备")


def test_a_name_cut_to_a_number_is_none():
    for topic in ("实施千万工程", "百千万工程建设"):
        terms = expand_terms(topic)
        assert not any(t.endswith(("千万", "百千万")) for t in terms), (topic, terms)


def test_a_word_stripped_to_nothing_is_no_term():
    # (an empty term would be met anywhere, and a search stepping past each match never ends)
    for topic in ("给交易额增长", "给产值增长"):
        assert all(t.strip() for t in expand_terms(topic, False, True, True)), topic


def test_sorts_of_thing_bracketed_after_a_name_are_said_with_it():
    # (a rule, a station, a park, a count: any topic has them, none alone is the topic)
    for topic, said, alone in (
        (
            "科技特派员（制度、工作站、派驻人数等）",
            {"科技特派员制度", "科技特派员工作站"},
            {"制度", "工作站"},
        ),
        (
            "大熊猫保护（国家公园、繁育基地、保护研究中心等）",
            {"大熊猫国家公园", "大熊猫繁育基地"},
            {"国家公园", "繁育基地"},
        ),
    ):
        terms = set(expand_terms(topic))
        assert said <= terms and not alone & terms, (topic, terms)
    assert {"风电", "光伏"} <= set(expand_terms("新能源（风电、光伏等）"))  # (kinds stand alone)


def test_a_wording_said_also_to_count_is_another_name_of_the_topic():
    for question, other in (
        ("哪些地方提出建设青年发展型城市？“青年发展友好型城市”的说法也算。", "青年发展友好型城市"),
        ("哪些地方提到了“双碳”？“碳达峰碳中和”这种提法也算", "碳达峰碳中和"),
    ):
        terms = expand_terms(read_topic(question).text)
        assert other in terms and not any(re.search("说法|提法", t) for t in terms), terms
    # (names ending in the same word are one name's wordings: what they start with is no class)
    assert "青年" not in expand_terms("青年发展型城市、青年发展友好型城市")
    assert "智慧农业" not in expand_terms("智慧农业示范区、智慧农业先行示范区")


def test_a_kind_then_the_same_kind_qualified_share_the_head():
    assert {"零碳园区", "近零碳园区"} <= set(expand_terms("零碳或近零碳园区"))
    assert {"亿元项目", "超亿元项目"} <= set(expand_terms("亿元或超亿元项目"))
    assert "零碳" not in expand_terms("零碳或近零碳园区")


def test_acts_bracketed_after_having_a_thing_leave_the_thing_the_topic():
    for question, topic in (
        ("地级市里，哪些有（或正在申报）跨境电子商务综合试验区？", "跨境电子商务综合试验区"),
        ("哪些城市有（或正在创建）国家级旅游度假区？", "国家级旅游度假区"),
    ):
        assert read_topic(question).text == topic, question


def test_a_priority_task_and_a_deed_of_cutting_read_no_target():
    # (a year's tasks are its plan, 重点任务 any work; 降本增效 is a deed of its own, no cut)
    assert read_topic("哪些城市把抽水蓄能项目列入了重点任务？").aspect is None
    assert read_topic("提到降本增效、但没给具体目标的有哪些地方？").text == "降本增效"


def test_what_is_its_and_its_share_of_a_base_are_the_first_ones_things():
    for topic, said, alone in (
        (
            "数字经济的规模（数字经济或其核心产业的增加值、占GDP比重）",
            {"数字经济占GDP比重", "数字经济核心产业增加值"},
            {"占GDP比重"},
        ),
        ("文化产业或其增加值、占GDP比重", {"文化产业占GDP比重", "文化产业增加值"}, {"占GDP比重"}),
        # (其他 is "other", no "its")
        ("高新技术企业或其他创新主体", {"高新技术企业"}, {"高新技术企业他创新主体"}),
    ):
        terms = set(expand_terms(topic, False, True, True))
        assert said <= terms and not alone & terms, (topic, terms)
    # (a bracket of a growth and a share of a base asks which figure: no topic of its own)
    for topic in ("研发经费投入（增速或占GDP比重）", "数字经济（规模或占GDP的比重）"):
        assert not any("比重" in t and "GDP" in t[:4] for t in expand_terms(topic)), topic


def test_what_a_bracket_inside_a_name_includes_takes_the_rest_of_the_name():
    for topic, said, alone in (
        ("新能源或可再生能源（含光伏）发电装机", {"光伏发电装机", "新能源发电装机"}, "新能源"),
        ("清洁能源或可再生能源（含风电）装机容量", {"风电装机容量"}, "清洁能源"),
    ):
        terms = expand_terms(topic, False, True, True)
        assert said <= set(terms) and alone not in terms, (topic, terms)


def test_a_material_is_met_by_its_matter_unless_half_of_all_reports_name_it():
    assert "石英" in expand_terms("石英材料")
    assert "碳纤维" in expand_terms("碳纤维材料")
    assert "建筑" not in expand_terms("建筑材料")


def test_the_other_said_after_the_first_also_asks_both():
    for question, both in (
        ("锂电池之外，还提到了钠离子电池的地方有哪些？", ("锂电池", "钠离子电池")),
        ("提了瞪羚企业、同时也提了独角兽企业的有哪些地方？", ("瞪羚企业", "独角兽企业")),
    ):
        assert read_topic(question).all_of == both, question
    assert read_topic("提到氢能，还给了数量目标的有哪些地方？").all_of == ()  # (no second thing)


def test_what_a_bracket_after_the_question_also_counts_is_the_topic_too():
    river = read_topic("地级市里，哪些在落实河长制？（河湖长制也算）")
    assert "河湖长制" in expand_terms(river.text) and "也" not in river.text
    park = read_topic("今年新建口袋公园定了数量的有哪些地方？（口袋体育公园也算）")
    assert "口袋体育公园" in expand_terms(park.text)
    # (how it is written: the name, or the head said otherwise)
    typo = read_topic("元宇宙，哪些地方提到了？（原文笔误写成“元字宙”的也算）")
    assert "元字宙" in expand_terms(typo.text)
    # (…not a bare head: 交易额 alone is any trade's)
    trade = read_topic("哪些地方给技术合同成交额定了具体数值目标？（叫交易额、认定登记额的也算）")
    terms = expand_terms(trade.text)
    assert {"技术合同交易额", "技术合同认定登记额"} <= set(terms) and "交易额" not in terms


def test_a_topic_said_first_then_where_the_places_said_it():
    for question, topic in (
        ("温泉，哪些地方在文旅里提到了？", "温泉"),
        ("海外仓，哪些地方在报告里写了？", "海外仓"),
        ("林下经济有哪些地方在报告里提到？", "林下经济"),
    ):
        assert read_topic(question).text == topic, question


def test_carrying_out_a_system_is_doing_it():
    assert question_level("地级市里，哪些在落实河长制？") == "city"
    assert question_level("地级市里，哪些落实了林长制？") == "city"
    assert read_topic("哪些地方在落实河长制？").text == "河长制"
