"""List, composition and definition answers on tiny hand-made chunks: numbered items inside a
paragraph, a list run past its passage's end, a count the term states, the items written
before a term, a definition made of a run of clauses, and a quoted term that only places a
number question."""

from __future__ import annotations

import pytest
from qa_support import FakeIndex, make_chunk

import qa
from qa.compose_terms import composition_answer
from qa.compose_text import display_title
from qa.counted import cn_number, stated_count
from qa.definitions import definition_answer
from qa.enumerations import enumerations

SECTION = ("二、2024年政府重点工作",)
DUTIES = (
    "三是健全社会保障体系。让社会更有温情。四是办好5个方面的民生实事。（1）新改扩建中小学30所，"
    "其中市直建设高中1所。（2）新建成棚改安置房3万套。（3）建设保障性租赁住房1500套。"
)
DUTIES_NEXT = (
    "（3）建设保障性租赁住房1500套。（4）新建新能源充电设施8000台。（5）建设名医基层工作站165家。\n"
    "（八）坚定不移守牢发展底线。统筹发展与安全，全力营造安全稳定的发展环境。一是守牢安全生产底线。"
    "紧盯重点领域。二是守牢债务和金融风险底线。三是守牢生态环保底线。四是守牢社会稳定底线。"
)
WEAK = (
    "主要表现在：一是科技支撑产业发展的能力还有待提升。“四大支柱产业”的创新链还未完全形成。"
    "二是优质创新资源集聚能力有待增强。三是创新主体培育力度有待强化。"
)
PILLARS = (
    "围绕大数据智能化、生态环保、大健康生物医药、文化休闲旅游“四大支柱产业”，强化重大技术攻关。"
)
PLATFORM = (
    "2.重庆大学科学中心。建设“3+6+3”创新平台:“3”即重庆大学3个国家重点实验室;“6”即6个国家级科研平台;"
)
PLATFORM_NEXT = "“3”即电子显微镜中心、分析测试中心3个研究中心。 3.北京大学重庆科学中心。"
RULE = "“三审三校”:是指工作人员、科室负责人、分管领导三级审核校对。"
SCOPE = "政府网站:在綦江区人民政府网站、21个街镇子网站发布的内容均实行“三审三校”制度。"


def _index(*chunks):
    return FakeIndex(list(chunks))


def _hits(index, *ids):
    from index.types import Hit

    by_id = {c.chunk_id: c for c in index.chunks}
    return [Hit(by_id[i], 1.0, n + 1, ("dense",)) for n, i in enumerate(ids)]


def test_cn_numbers_and_the_counts_a_term_states():
    assert [cn_number(x) for x in ("4", "四", "十", "十二", "二十", "十四五")] == [
        4,
        4,
        10,
        12,
        20,
        None,
    ]
    # circled numbers are digits to str.isdigit() but not to int()
    assert [cn_number(x) for x in ("①", "③", "⑳", "²")] == [1, 3, 20, None]
    circled = enumerations("重点抓好三项工作：①稳增长；②促改革；③惠民生。")
    assert [r.items for r in circled] == [("稳增长", "促改革", "惠民生")]
    assert stated_count("四大支柱产业") == {4}
    assert stated_count("两区一园一基地") == {4, 3}
    assert stated_count("三审三校") == {6, 2, 3}
    assert stated_count("菏泽今年要办的10个方面民生实事", quoted=False) == {10}
    assert stated_count("2024年重点工作", quoted=False) == set()
    # an open part (多点, 多极) counts the parts, not a sum
    assert stated_count("一轴三心多点") == {3}
    assert stated_count("一核多极") == {2}
    assert stated_count("多元投入") == set()


def test_enumerations_inside_a_paragraph_with_their_lead_ins():
    runs = enumerations(DUTIES + DUTIES_NEXT.split("。", 1)[1])
    by_lead = {r.lead_in: r.items for r in runs}
    assert by_lead["办好5个方面的民生实事。"][:2] == (
        "新改扩建中小学30所，其中市直建设高中1所",
        "新建成棚改安置房3万套",
    )
    assert len(by_lead["办好5个方面的民生实事。"]) == 5
    bottom = next(r for r in runs if "守牢发展底线" in r.lead_in)
    assert bottom.items == (
        "守牢安全生产底线",
        "守牢债务和金融风险底线",
        "守牢生态环保底线",
        "守牢社会稳定底线",
    )
    # decimals and counts are no marks: 1.9万人, 一体化
    assert not enumerations("康复服务残疾人1.9万人，推进一体化。")


def test_a_numbered_list_runs_on_into_the_next_passage_up_to_its_count():
    idx = _index(
        make_chunk("a", DUTIES, section=SECTION, line_start=45),
        make_chunk("b", DUTIES_NEXT, section=SECTION, line_start=45),
    )
    a = composition_answer(
        "今年要办的5个方面民生实事具体有哪些？", _hits(idx, "a"), idx, display_title
    )
    assert a is not None
    for item in ("中小学30所", "1500套", "8000台", "名医基层工作站165家"):
        assert item in a.answer
    assert "守牢" not in a.answer
    b = composition_answer(
        "“守牢发展底线”具体要守哪几条底线？", _hits(idx, "a"), idx, display_title
    )
    assert b is not None and "社会稳定底线" in b.answer and "生态环保底线" in b.answer


BOX = ("专栏2 “一轴三心多点”创新功能空间布局",)
BOX_A = (
    "1.一轴:科学大道创新发展轴。北段:依托西永微电园,形成科技创新服务带。中段:发挥含谷作用。 "
    "2.三心:科学动力储能中心、科技活力赋能中心、科技效力释能中心。"
)
BOX_B = (
    "2.三心:科学动力储能中心、科技活力赋能中心、科技效力释能中心。“科学动力储能中心”:以重庆大学城"
    "为核心,聚力打造高水平大学和重大科技基础设施,打造环大学城创新生态圈。 3.多点:多个科技创新支撑点。"
    "继续建设众创空间、孵化器。"
)


def test_a_numbered_run_cut_by_passages_is_the_items_each_with_its_short_value():
    # the passages overlap (2.三心 opens the second and ends the first); the labels inside
    # the items' bodies (北段:, “科学动力储能中心”:) are no items
    idx = _index(
        make_chunk("a", BOX_A, section=BOX, line_start=171),
        make_chunk("b", BOX_B, section=BOX, line_start=171),
    )
    a = composition_answer(
        "高新区规划里的“一轴三心多点”具体指什么？", _hits(idx, "b", "a"), idx, display_title
    )
    assert a is not None
    assert (
        "一轴：科学大道创新发展轴；三心：科学动力储能中心、科技活力赋能中心、科技效力释能中心；"
        "多点：多个科技创新支撑点" in a.answer
    ), a.answer
    assert "北段" not in a.answer


def test_the_list_about_the_term_not_a_list_that_mentions_it():
    idx = _index(make_chunk("w", WEAK), make_chunk("p", PILLARS, line_start=40))
    a = composition_answer(
        "“四大支柱产业”具体是哪几个产业", _hits(idx, "w", "p"), idx, display_title
    )
    assert a is not None
    assert "大数据智能化、生态环保、大健康生物医药、文化休闲旅游" in a.answer
    assert "有待" not in a.answer


def test_items_before_a_term_may_quote_a_word_of_their_own():
    from qa.counted import apposed

    works = "新开工保障房2.96万套，实施保障性住房建设、“平急两用”公共基础设施建设、城中村改造“三大工程”，开展试点。"
    assert apposed("三大工程", works, {3}) == [
        "保障性住房建设",
        "“平急两用”公共基础设施建设",
        "城中村改造",
    ]
    # quoted terms named before it are terms, not its items
    assert apposed("三大工程", "打造“三大高地”、实施“五大战略”、推进“三大工程”", {3}) is None


def test_items_opening_paragraphs_of_their_own_are_announced_by_the_paragraph_above():
    text = (
        "各位代表！完成今年目标任务，需要我们更加注重加强政府自身建设，奋勇争先。\n\n"
        "一是把政治建设摆在首位。坚决做到“两个维护”。\n\n"
        "二是增强高质量发展本领。提高“七种能力”。\n\n"
        "三是大抓落实提升执行力。坚持全市一盘棋。"
    )
    (run,) = enumerations(text)
    assert run.announced and "加强政府自身建设" in run.lead_in
    idx = _index(make_chunk("g", text, section=(), title="2024年德阳市政府工作报告"))
    a = composition_answer(
        "德阳政府工作报告对加强政府自身建设提了哪几点要求", _hits(idx, "g"), idx, display_title
    )
    assert (
        a is not None and "把政治建设摆在首位、增强高质量发展本领、大抓落实提升执行力" in a.answer
    )
    # items inside one paragraph are not announced by its form
    (inline,) = enumerations(text.replace("\n\n一是", "一是").replace("\n\n", ""))
    assert not inline.announced


def test_a_list_question_naming_its_kind_of_item_finds_them_after_the_term():
    from qa.counted import noun_items

    text = (
        "（二）试验区建设扎实开局。一是立起了“四梁八柱”。构建起系统完备的“1+2+N”政策架构体系、"
        "“1+8+3”组织领导体系、“4+6”工作落实体系和共同富裕监测评价指标体系，顶层设计基本成型。\n"
        "二是开展了积极探索。聚焦缩小差距。\n三是汇聚了广泛支持。"
    )
    assert noun_items("四梁八柱", text, "体系") == [
        "系统完备的“1+2+N”政策架构体系",
        "“1+8+3”组织领导体系",
        "“4+6”工作落实体系",
        "共同富裕监测评价指标体系",
    ]
    assert noun_items("四梁八柱", text, "产业") is None
    idx = _index(make_chunk("s", text, section=()))
    a = composition_answer("“四梁八柱”包括哪些体系？", _hits(idx, "s"), idx, display_title)
    assert a is not None and "“1+8+3”组织领导体系；“4+6”工作落实体系" in a.answer
    assert "积极探索" not in a.answer


def test_items_that_take_up_a_counted_term_one_by_one():
    from qa.counted import taken_up_items

    # the head ends each item's first clause
    merged = (
        "“两个融合”增强原动力。推动工业化、信息化融合，建设智能制造企业1195家。"
        "促进先进制造业、现代服务业融合，示范企业达29个。“五好园区”夯实主阵地。"
    )
    assert taken_up_items("两个融合", merged, {2}) == [
        "推动工业化、信息化融合",
        "促进先进制造业、现代服务业融合",
    ]
    # each item opens a sentence with what it is about (…方面，), a few sentences apart
    tasks = (
        "“五大任务”是赋予我们的战略定位。我们跟踪调度、紧抓落实。"
        "生态安全屏障方面，持续打好攻坚战。治沙完成113%。安全稳定屏障方面，狠抓安全生产。"
        "能源基地方面，预计产煤12.9亿吨。农畜产品基地方面，粮食增产。"
        "向北开放桥头堡方面，口岸货运量增长。"
    )
    assert taken_up_items("五大任务", tasks, {5}) == [
        "生态安全屏障",
        "安全稳定屏障",
        "能源基地",
        "农畜产品基地",
        "向北开放桥头堡",
    ]
    assert taken_up_items("五大任务", tasks.replace("向北开放桥头堡方面，", ""), {5}) is None
    # a coined term without a measure word is headed by its last word
    actions = (
        "迭代实施乡村振兴“四千行动”。实施千万亩高标准农田改造提升行动。统筹耕地改革。"
        "实施千亿级生态特色产业培育行动。促进加工产业提质增效。实施千万农民增收致富促进行动。"
        "建立帮扶体系。实施千个宜居宜业和美乡村建设行动。深化村庄规划治理改革。"
    )
    assert taken_up_items("四千行动", actions, {4}) == [
        "实施千万亩高标准农田改造提升行动",
        "实施千亿级生态特色产业培育行动",
        "实施千万农民增收致富促进行动",
        "实施千个宜居宜业和美乡村建设行动",
    ]
    assert (
        taken_up_items("四千行动", actions.replace("实施千个宜居宜业和美乡村建设行动。", ""), {4})
        is None
    )
    far = "“五大任务”是战略定位。" + "一句话。" * 8 + tasks.split("紧抓落实。")[1]
    assert taken_up_items("五大任务", far, {5}) is None  # too far from the term to be its items


def test_a_definition_made_of_a_run_of_clauses_is_given_whole():
    idx = _index(
        make_chunk("p1", PLATFORM, line_start=179),
        make_chunk("p2", PLATFORM_NEXT, line_start=179),
    )
    q = "重庆大学科学中心的“3+6+3”创新平台指的是什么？"
    a = definition_answer(q, _hits(idx, "p1"), display_title, idx)
    assert a is not None
    for part in ("国家重点实验室", "国家级科研平台", "电子显微镜中心"):
        assert part in a.answer


def test_a_quoted_term_does_not_turn_a_number_question_into_its_definition(monkeypatch):
    from qa.calibration import Calibration

    sentence_module = __import__("qa.compose_sentence", fromlist=["load_calibration"])
    cal = Calibration(abstain_evidence=0.05, district_semantic=0.99)
    monkeypatch.setattr(sentence_module, "load_calibration", lambda: cal)
    idx = _index(make_chunk("r", RULE), make_chunk("s", SCOPE, line_start=30))
    a = qa.answer("綦江实行“三审三校”的街镇子网站一共有多少个？", idx)
    assert "21个街镇子网站" in a.answer and "是指" not in a.answer
    d = qa.answer("“三审三校”是什么意思？", idx)
    assert "三级审核校对" in d.answer


def test_a_list_opening_its_line_is_about_the_line_above():
    text = "△区发展改革委“三个到位”助推惠企政策落地落实\n一是精准摸排到位。组织摸排。二是政策宣传到位。线上发布。三是服务优化到位。免申即享。"
    idx = _index(make_chunk("n", text, section=()))
    a = composition_answer(
        "区发展改革委的“三个到位”是哪三个？", _hits(idx, "n"), idx, display_title
    )
    assert a is not None and "精准摸排到位、政策宣传到位、服务优化到位" in a.answer


def test_a_definition_is_cited_in_the_passage_whose_line_holds_it():
    idx = _index(
        make_chunk("r", "“三审三校”:是指三级审核校对。", line_start=712),
        make_chunk("f", "(二)“三校”:工作人员一校,科室负责人二校,分管领导三校。", line_start=750),
    )
    a = definition_answer("“三校”是指什么？", _hits(idx, "r", "f"), display_title, idx)
    assert a is not None and a.citations[0].chunk_id == "f"


def test_a_list_is_the_answer_only_when_its_lead_in_announces_it():
    said = "全区新型研发机构新增1家以上。1.全力升级创建国家高新区。2.争创市级农业科技园区。"
    announced = "保密审查应当依照以下程序进行:1.提出初步意见;2.提出审查意见;3.审查批准。"
    idx = _index(make_chunk("s", said), make_chunk("a", announced, line_start=40))
    assert composition_answer("新型研发机构新增几家？", _hits(idx, "s"), idx, display_title) is None
    a = composition_answer("保密审查要走哪些程序？", _hits(idx, "a"), idx, display_title)
    assert a is not None and "提出初步意见、提出审查意见、审查批准" in a.answer


BASES = (
    "实际工作中，必须立足三个“基点”：必须恪守根本遵循。深刻领悟“两个确立”的决定性意义。"
    "必须聚焦首要任务。把坚持高质量发展作为硬道理。必须用好关键一招。坚定不移深化改革。"
)


def test_parallel_sentences_after_a_colon_are_a_list_and_a_count_before_a_term_counts():
    from qa.counted import count_before
    from qa.enumerations import parallel_runs

    (run,) = parallel_runs(BASES)
    assert run.items == ("必须恪守根本遵循", "必须聚焦首要任务", "必须用好关键一招")
    assert run.lead_in.endswith("三个“基点”：")
    # a colon before one sentence, or before sentences with no explanation between, is no list
    assert parallel_runs("主要目标是：增长5%。增长6%。") == []
    assert count_before("基点", "要立足的五个“基点”是什么") == {5}
    assert count_before("基点", "“基点”是什么意思") == set()


def test_a_counted_quoted_term_asked_what_it_is_is_answered_with_its_items(monkeypatch):
    from qa.calibration import Calibration

    sentence_module = __import__("qa.compose_sentence", fromlist=["load_calibration"])
    cal = Calibration(abstain_evidence=0.05, district_semantic=0.99)
    monkeypatch.setattr(sentence_module, "load_calibration", lambda: cal)
    idx = _index(make_chunk("b", BASES))
    a = qa.answer("今年政府工作要立足的三个“基点”是什么？", idx)
    assert "必须恪守根本遵循、必须聚焦首要任务、必须用好关键一招" in a.answer
    assert "深刻领悟" not in a.answer


def test_a_counted_list_of_sections_is_read_on_far_and_given_by_lead_clauses():
    filler = "加快培育新质生产力，不断提升产业能级。" * 90  # each section well past a passage
    sections = [
        "重点做好三个方面工作：\n（一）坚定工业强市战略，让产业优势更加凸显。" + filler,
        "（二）深挖投资消费潜力，让增长支撑更加坚实。" + filler,
        "（三）扎实推进共同富裕，让民生福祉更加厚实。" + filler,
    ]
    chunks = [
        make_chunk(f"c{i}", t, section=SECTION, line_start=45 + 2 * i)
        for i, t in enumerate(sections)
    ]
    idx = _index(*chunks)
    a = composition_answer("今年政府工作重点做好哪三个方面？", _hits(idx, "c0"), idx, display_title)
    assert a is not None
    assert "坚定工业强市战略，让产业优势更加凸显；深挖投资消费潜力" in a.answer
    assert "扎实推进共同富裕" in a.answer and "新质生产力" not in a.answer
    assert a.citations[0].line_end == 49


def test_a_term_set_after_what_it_names_is_defined_by_it():
    said = "落实全民参保精准扩面，提高“抚惠保”覆盖率。"
    named = "创新推广普惠型商业补充医疗保险（抚惠保），参保率排名全省第1。"
    quoted = "创新推广普惠型商业补充医疗保险“抚惠保”，参保率排名全省第1。"
    for text in (named, quoted):
        idx = _index(make_chunk("s", said), make_chunk("n", text, line_start=29))
        a = definition_answer("抚惠保是什么？", _hits(idx, "s", "n"), display_title, idx)
        assert a is not None and "“抚惠保”指普惠型商业补充医疗保险[1]" in a.answer
        assert a.citations[0].chunk_id == "n"
    # a verb before the quoted term names nothing: "加快推进“X”建设"
    idx = _index(make_chunk("v", "加快推进“抚惠保”，扩大覆盖面。"))
    assert definition_answer("抚惠保是什么？", _hits(idx, "v"), display_title, idx) is None
    # an abbreviation in brackets after the name in a list (、X（M0）等), asked without quotes
    # after where it was read
    idx = _index(make_chunk("m", "推广工业用地“标准地”出让、新型产业用地（M0）等模式。"))
    a = definition_answer("开发区改革中说的M0是什么？", _hits(idx, "m"), display_title, idx)
    assert a is not None and "“M0”指新型产业用地[1]" in a.answer
    # a term that counts its items names a list, not the thing before it
    idx = _index(make_chunk("t", "提质运营电子信息“三驾马车”，做大做强LED照明、触控显示等集群。"))
    assert definition_answer("“三驾马车”是什么？", _hits(idx, "t"), display_title, idx) is None


CHALLENGES = (
    "在肯定成绩的同时，我们也清醒看到面临的困难和挑战：一是增长动能仍然偏弱。投资增长后劲不足。"
    "二是产业升级仍需加力。园区总体实力不强。三是民生保障仍有短板。财政收支矛盾突出。"
)
SHORTFALL = (
    "年初确定的目标中，有2项不及预期：全社会固定资产投资增速低于目标1.8个百分点；"
    "城乡居民人均可支配收入增速分别低于目标2.4个、0.4个百分点。当前仍面临不少挑战。"
)
OCEAN = (
    "（二）聚焦海洋产业突破，持续提升海洋经济发展能级。始终把海洋作为战略要地。\n"
    "推动海洋传统渔业转型。引导海洋渔业向集约化发展。\n"
    "推动海洋新兴产业壮大。深化海洋经济发展示范区建设。\n"
    "推动海洋科技创新赋能。新增涉海科技创新平台8家。\n"
    "（三）聚焦开放合作，持续提升港口能级。加快建设国际枢纽海港。"
)
STANCES = (
    "重点做到“三个更加突出”：更加突出积极进取，正确处理稳和进的关系。"
    "更加突出改革创新，坚持以改革思维谋划工作；正确把握立和破的关系。"
    "更加突出安全发展，树牢底线思维。"
)
STYLES = (
    "坚持“干”字当头，推动自身建设展现新气象。\n（一）坚持永葆忠诚“坚定干”。深刻领悟决定性意义。\n"
    "（二）坚持依法行政“规范干”。严格落实决策程序。\n（三）坚持廉洁从政“干净干”。严格精文减会。"
)


def test_runs_written_without_numbers_are_lists():
    from qa.counted import counted_head, headed_items
    from qa.enumerations import clause_runs, lead_runs

    (run,) = [r for r in clause_runs(SHORTFALL) if "不及预期" in r.lead_in]
    assert run.items[0] == "全社会固定资产投资增速低于目标1.8个百分点"
    assert run.items[1].startswith("城乡居民人均可支配收入增速")
    (lead,) = lead_runs(OCEAN)
    assert lead.items == ("推动海洋传统渔业转型", "推动海洋新兴产业壮大", "推动海洋科技创新赋能")
    assert lead.announced and lead.lead_in.startswith("（二）")
    assert counted_head("三个更加突出") == "更加突出" and counted_head("三心") is None
    items = headed_items("三个更加突出", STANCES, {3})
    assert items == ["更加突出积极进取", "更加突出改革创新", "更加突出安全发展"]
    assert headed_items("四个更加突出", STANCES, {4}) is None  # the count must agree


def test_lists_of_every_written_form_answer_which_ones():
    cases = [
        ("困难和挑战主要有哪几条？", CHALLENGES, ["增长动能仍然偏弱", "民生保障仍有短板"]),
        ("年初定的目标里哪几项没完成？", SHORTFALL, ["1.8个百分点", "0.4个百分点"]),
        ("提升海洋经济发展能级主要从哪几个方面推动？", OCEAN, ["推动海洋科技创新赋能"]),
        ("“三个更加突出”都有哪些", STANCES, ["更加突出改革创新、更加突出安全发展"]),
        ("自身建设提了哪几个“干”？", STYLES, ["“坚定干”", "“规范干”", "“干净干”"]),
    ]
    for question, text, wanted in cases:
        idx = _index(make_chunk("x", text, section=SECTION))
        a = composition_answer(question, _hits(idx, "x"), idx, display_title)
        assert a is not None, question
        for w in wanted:
            assert w in a.answer, (question, a.answer)
    # a colon before one clause, and leads after an unnumbered paragraph, are no list
    idx = _index(make_chunk("o", OCEAN.split("\n", 1)[1], section=SECTION))
    a = composition_answer(
        "提升海洋经济发展能级主要从哪几个方面推动？", _hits(idx, "o"), idx, display_title
    )
    assert a is None


def test_a_question_about_a_quoted_term_is_not_asked_what_it_means(monkeypatch):
    from qa.calibration import Calibration

    sentence_module = __import__("qa.compose_sentence", fromlist=["load_calibration"])
    cal = Calibration(abstain_evidence=0.05, district_semantic=0.99)
    monkeypatch.setattr(sentence_module, "load_calibration", lambda: cal)
    text = "全市人民期盼已久的济郑高铁开通运营，聊城正式迈入“高铁时代”，迎来了机遇期。"
    idx = _index(make_chunk("h", text, section=SECTION))
    a = qa.answer("是因为哪条高铁开通才进入“高铁时代”的？", idx)
    assert not a.abstained and "济郑高铁" in a.answer and "指" not in a.answer
    meant = qa.answer("“高铁时代”是什么？", idx)  # asked what it is, it is still defined
    assert "“高铁时代”指" in meant.answer


INDUSTRIES = (
    "推动新兴产业聚链成群。大力实施三大新兴产业发展计划，战略性新兴产业产值增长15%。"
    "新能源产业重点发展新型储能装备制造，实现产值60亿元。新材料产业重点支持超硬材料，实现产值170亿元。"
    "新一代信息技术产业以现代产业园区为重点，力争产值40亿元。推动优质企业梯度培育。"
)
DONE = (
    "一年来，重点做了以下工作：\n（一）千方百计扩内需促增长，经济运行实现整体性向好。全年增长6.4%。\n"
    "（二）千方百计抓转型促升级，现代化产业体系加快构建。突出制造业主导地位。\n"
    "（三）千方百计推改革激活力，经济开放度显著增强。深化改革。"
)


def test_a_counted_noun_announces_the_names_that_open_the_sentences_after_it():
    from qa.enumerations import counted_runs

    (run,) = counted_runs(INDUSTRIES)
    assert run.items == ("新能源产业", "新材料产业", "新一代信息技术产业")
    assert "推动新兴产业聚链成群" in run.lead_in
    assert counted_runs(INDUSTRIES.replace("三大", "四大")) == []  # the count must agree
    idx = _index(make_chunk("i", INDUSTRIES, section=SECTION))
    a = composition_answer(
        "推动新兴产业聚链成群，具体包括哪几个产业？", _hits(idx, "i"), idx, display_title
    )
    assert a is not None and "新材料产业、新一代信息技术产业" in a.answer


def test_a_list_announced_as_the_following_is_read_to_its_end():
    idx = _index(make_chunk("d", DONE, section=SECTION))
    # the subject's words are the document's own (政府, 工作): the announcement suffices
    a = composition_answer(
        "2023年政府主要做了哪几方面的工作？", _hits(idx, "d"), idx, display_title
    )
    assert a is not None and "千方百计推改革激活力" in a.answer


def test_a_unit_further_down_that_fits_answers_when_the_best_ones_do_not(monkeypatch):
    from qa.calibration import Calibration

    sentence_module = __import__("qa.compose_sentence", fromlist=["load_calibration"])
    cal = Calibration(abstain_evidence=0.05, district_semantic=0.99)
    monkeypatch.setattr(sentence_module, "load_calibration", lambda: cal)
    monkeypatch.setattr(sentence_module, "TYPED_LOOKAHEAD", 2)
    # the ranking puts the units sharing only 收入 first, as the real one did
    monkeypatch.setattr(sentence_module, "answer_rank", lambda q, u: "旅游" not in u.text)
    text = (
        "一般公共预算收入实现160亿元，增长8%。餐饮业、住宿业收入分别增长18.5%、14.2%。"
        "接待游客3558.2万人次，旅游收入292.7亿元。"
    )
    idx = _index(make_chunk("t", text, section=("一、2023年工作回顾",)))
    a = qa.answer("旅游收入是多少亿元？", idx)
    assert not a.abstained and "旅游收入292.7亿元" in a.answer


SAFETY = (
    "全面重塑安全工作机制。建立事前源头管理机制，严格高危行业领域企业准入条件。"
    "建立事中安全监管机制，进一步厘清行业监管责任。建立事后救援处置机制，加强应急处置体系建设。"
    "深入实施安全生产治本攻坚三年行动。"
)


def test_sentences_opening_alike_after_a_short_one_are_its_items():
    from qa.enumerations import sentence_runs

    (run,) = sentence_runs(SAFETY)
    assert run.lead_in == "全面重塑安全工作机制"
    assert run.items == ("建立事前源头管理机制", "建立事中安全监管机制", "建立事后救援处置机制")
    idx = _index(make_chunk("s", SAFETY, section=SECTION))
    a = composition_answer(
        "要全面重塑安全工作机制，要建立哪几个机制？", _hits(idx, "s"), idx, display_title
    )
    assert a is not None and "建立事后救援处置机制" in a.answer


def test_the_headings_of_the_sections_a_list_announces_are_its_items():
    body = "加快培育新质生产力，不断提升产业能级。"
    chunks = [
        make_chunk(
            "a",
            "围绕实现全年目标任务，我们将重点做好三个方面工作：",
            section=SECTION,
            line_start=40,
        ),
        make_chunk(
            "b", body, section=(*SECTION, "（一）坚持改革创新，推动共同富裕"), line_start=42
        ),
        make_chunk(
            "c", body, section=(*SECTION, "（二）坚持以进促稳，推动经济稳健增长"), line_start=44
        ),
        make_chunk(
            "d", body, section=(*SECTION, "（三）坚持工业强市，提升产业体系"), line_start=46
        ),
    ]
    idx = _index(*chunks)
    a = composition_answer("今年要重点做好哪三个方面的工作？", _hits(idx, "a"), idx, display_title)
    assert a is not None and "坚持以进促稳，推动经济稳健增长；坚持工业强市" in a.answer


def test_a_heading_the_question_words_otherwise_is_its_subject():
    section = ("三、全面加强政府自身建设",)
    text = "（一）以学为先，强化政治引领。坚持把政治建设摆在首要位置。\n（二）以法为纲，加强依法行政。践行全过程人民民主。"
    idx = _index(make_chunk("g", text, section=section))
    a = composition_answer(
        "政府自身建设今年从哪几个方面加强？", _hits(idx, "g"), idx, display_title
    )
    assert a is not None and "以学为先，强化政治引领；以法为纲，加强依法行政" in a.answer


DEMANDS = (
    "实现上述目标我们有基础、有条件。做好今年工作要深入贯彻以下重大要求：\n"
    "——坚定不移解放思想。主动对标沿海发达地区学经验、找差距。\n"
    "——坚定不移创新求变。深入实施创新驱动发展战略。\n"
    "——坚定不移向海图强。加快建设向海经济。"
)


def test_paragraph_leads_after_a_colon_are_a_list_and_a_quoted_term_they_all_carry_names_it():
    from qa.enumerations import lead_runs

    (run,) = lead_runs(DEMANDS)
    assert run.items == ("坚定不移解放思想", "坚定不移创新求变", "坚定不移向海图强")
    idx = _index(make_chunk("m", DEMANDS, section=SECTION))
    a = composition_answer(
        "今年工作要深入贯彻哪几项“坚定不移”的重大要求？", _hits(idx, "m"), idx, display_title
    )
    assert a is not None and "坚定不移创新求变、坚定不移向海图强" in a.answer


DIRECTIONS = (
    "聚焦信息科学、生命科学、物质科学、空天科学四大科学方向,瞄准智能科技、低碳科技等重点领域,"
    "加强前沿领域的原创性科技攻关。"
)


def test_a_counted_term_the_question_names_without_quotes_is_read_like_a_quoted_one():
    from qa.listed import named_counted

    # cut to what the passage writes: not 四大科学方向是哪几
    assert named_counted("规划要聚焦的四大科学方向是哪几个？", DIRECTIONS) == ["四大科学方向"]
    # a long name is not clipped: 三个千万千瓦级清洁能源集群
    energy = "全力打造风电、光电、抽蓄三个千万千瓦级清洁能源集群，加快推进风电光电项目建设。"
    asked = "承德要打造的三个千万千瓦级清洁能源集群是哪三个？"
    assert named_counted(asked, energy) == ["三个千万千瓦级清洁能源集群"]
    assert named_counted("规划要聚焦的五大科学方向是哪几个？", DIRECTIONS) == []
    # the things asked without their count: the passage's counted term of them
    assert named_counted("重庆高新区聚焦哪几个科学方向？", DIRECTIONS) == ["四大科学方向"]
    assert named_counted("重庆高新区聚焦哪几个重点领域？", DIRECTIONS) == []
    idx = _index(make_chunk("d", DIRECTIONS))
    a = composition_answer(
        "重庆高新区规划要聚焦的四大科学方向是哪几个？", _hits(idx, "d"), idx, display_title
    )
    assert a is not None
    assert "信息科学、生命科学、物质科学、空天科学" in a.answer
    # the count must agree: three directions are not the four named
    three = _index(make_chunk("d", DIRECTIONS.replace("、空天科学四大", "三大")))
    b = composition_answer("四大科学方向是哪几个？", _hits(three, "d"), three, display_title)
    assert b is None or "物质科学" not in b.answer


def _works_answer(question: str, text: str):
    import qa
    from qa.calibration import Calibration

    chunk = make_chunk("w", text, section=("二、2024年重点工作",), district="亳州市")
    cal = Calibration(abstain_evidence=0.05, district_semantic=0.99)
    return qa.answer(question, _index(chunk), calibration=cal)


def test_a_counted_list_a_sentence_only_mentions_is_declined_saying_so():
    a = _works_answer(
        "今年的50项民生实事具体都有哪些？",
        "继续实施50项民生实事。坚持就业优先，开展专场招聘活动，确保高校毕业生、退役军人就业稳定。",
    )
    assert a.abstained and "没有逐项列出" in a.answer, a.answer
    # a sentence naming as many things as the question counts answers it
    b = _works_answer(
        "今年的3项民生实事具体都有哪些？",
        "今年办好3项民生实事，包括新建中小学校、改造老旧小区和增加养老床位。",
    )
    assert not b.abstained and "养老床位" in b.answer, b.answer


def test_what_a_counted_question_is_given_must_hold_as_many_items():
    # a meaning read off a sentence that only uses the name answers no 哪六个一
    a = _works_answer(
        "亳州的“六一战略”具体是哪六个一？",
        "锚定目标，全面实施“六一战略”，加快建设现代化美好亳州。推动主导产业放大优势、"
        "推动新兴产业聚链成群、推动优质企业梯度培育、推动开发园区提档升级。",
    )
    assert a.abstained, a.answer
    # names asked side by side are no parts of one another: “两点”定位、“两地”“两高”目标
    b = _works_answer(
        "“两点”定位指什么？",
        "坚持“两点”定位、“两地”“两高”目标，发挥“三个作用”，促进科技与产业融合发展。",
    )
    assert b.abstained and "没有解释" in b.answer, b.answer


@pytest.mark.parametrize(
    ("question", "text", "lists"),
    [
        (
            "合川的主导产业都有哪些？",
            "围绕智能新能源汽车、新一代信息技术、医药健康、新材料等主导产业人才需求",
            True,
        ),
        (
            "四大主导产业是哪几个？",
            "形成新一代信息技术、先进制造、大健康、高技术服务四大主导产业",
            True,
        ),
        ("保障措施有哪些", "保障措施包括：加强组织领导、强化经费保障", True),
        # names the kind, lists nothing of it
        ("合川的主导产业都有哪些？", "聚焦主导产业发展，拉长板、补短板，不断夯实基础", False),
        ("合川的主导产业都有哪些？", "打造智能新能源汽车、新一代信息技术产业集群", False),
    ],
)
def test_a_sentence_listing_the_kind_of_thing_asked_answers_a_list_question(question, text, lists):
    from qa.rank_units import lists_the_asked

    assert lists_the_asked(question, text) is lists


def test_items_before_a_term_they_stand_for_and_how_they_are_listed():
    from qa.counted import apposed
    from qa.listed import joined

    said = "以新能源汽车、锂电池、光伏产品为代表的外贸“新三样”，已成为外贸进出口的主力军。"
    items = apposed("新三样", said, {3})
    assert items == ["新能源汽车", "锂电池", "光伏产品"]
    # names are listed as the document lists them; sentences each stand alone
    assert joined(items) == "新能源汽车、锂电池、光伏产品"
    assert joined(["实施千万亩高标准农田改造提升行动", "实施千亿级生态特色产业培育行动"]) == (
        "实施千万亩高标准农田改造提升行动；实施千亿级生态特色产业培育行动"
    )
    assert joined(["坚持创新驱动，强化科技支撑", "坚持开放合作"]).count("；") == 1


def test_the_noun_said_once_after_the_last_item_is_every_items():
    from qa.counted import noun_items

    said = "“四合一”做好地方债务化解、拖欠企业账款清理、农民工工资清欠和“保交楼”工作，守住了底线。"
    assert noun_items("四合一", said, "工作") == [
        "地方债务化解",
        "拖欠企业账款清理",
        "农民工工资清欠",
        "保交楼",
    ]
    assert noun_items("四合一", "“四合一”做好债务化解工作，守住了底线。", "工作") is None


def test_a_list_question_stating_its_count_is_not_answered_by_a_term_of_another():
    from types import SimpleNamespace as NS

    from qa.listed import _listed_in

    text = (
        "编制钒钛新材料、仪器仪表、氢能3个产业链发展规划。"
        "做强钒、钛、磷、特钢装备4条产业链，实施项目46个。"
    )
    chunk = NS(title="2024年承德市政府工作报告", line_end=9, text=text)
    four = _listed_in("承德今年要做强哪4条产业链？", [], chunk, text, [chunk], len(text))
    assert four is None or "氢能" not in four[1]
    three = _listed_in("承德要编制哪3个产业链的规划？", [], chunk, text, [chunk], len(text))
    assert three is not None and three[1] == ["钒钛新材料", "仪器仪表", "氢能"]


def test_names_in_quotes_set_side_by_side_before_the_kind_asked_are_its_list():
    from qa.enumerations import quoted_runs
    from qa.listed import kind_run

    text = (
        "今年工作的总体思路是：坚持稳中求进，打造“芜湖制造”“芜湖服务”“芜湖科创”“芜湖消费”"
        "“人民城市建设”品牌，奋力谱写新篇章。"
    )
    runs = quoted_runs(text)
    assert len(runs) == 1 and runs[0].items[0] == "芜湖制造" and len(runs[0].items) == 5
    lead, items, _ = kind_run("芜湖今年要打造哪几个品牌？", text)
    assert lead.startswith("打造") and items[-1] == "人民城市建设"
    # another kind asked, or two names only, is no such list
    assert kind_run("芜湖今年要建哪几个平台？", text) is None
    assert kind_run("要打造哪几个品牌？", "打造“芜湖制造”“芜湖服务”品牌。") is None


def test_a_term_of_short_words_is_spelled_out_by_the_clauses_quoting_each():
    from qa.counted import spelled_out_items

    text = (
        "一以贯之坚持“稳、进、高、新”工作思路。要树牢“稳”的主基调，稳增长；要找准“进”的突破口，"
        "强活力；要提升“高”的标识度；要展现“新”的大担当。"
    )
    assert spelled_out_items("稳、进、高、新", text) == [
        "要树牢“稳”的主基调",
        "要找准“进”的突破口",
        "要提升“高”的标识度",
        "要展现“新”的大担当",
    ]
    assert spelled_out_items("稳、进、高、新", text.replace("“新”的大担当", "新担当")) is None
    assert spelled_out_items("主基调", text) is None


@pytest.mark.parametrize(
    ("question", "text"),
    [
        (
            "“三大未来产业”是哪三个？",
            "全力推动高端购物、境外消费回流，培育壮大四大主导产业和三大未来产业。",
        ),
        (
            "“两件大事”是指哪两件？",
            "凝心聚力办好“两件大事”、抓好“六个工程”，统筹做好经济社会发展各项工作。",
        ),
    ],
)
def test_a_counted_term_named_as_one_of_a_list_is_declined_saying_so(question, text):
    # the sentence lists other things beside the term, not the term's items
    a = _works_answer(question, text)
    assert a.abstained and "没有逐项列出" in a.answer, a.answer


@pytest.mark.parametrize(
    ("question", "text", "reason"),
    [
        # the count stands in the sentence, the items do not
        (
            "和结对县开展的那2个科研协作项目具体是什么？",
            "结合结对县中医药、油茶、茶叶等特色产业，与结对县开展科研协作项目2个，组织专家交流。",
            "没有逐项列出",
        ),
        # the items of another counted set are no answer
        (
            "规划说的“四大重点板块”是哪四个？",
            "围绕大数据智能化、生态环保、大健康生物医药、文化休闲旅游“四大支柱产业”，强化技术攻关。",
            "没有列出所问的各项",
        ),
        # a coded name used, not spelt out
        (
            "“3815”战略发展目标具体内容是什么？",
            "坚定信心、真抓实干，确保完成“3815”战略发展目标“三年上台阶”的任务。",
            "没有解释其含义或内容",
        ),
    ],
)
def test_a_sentence_that_names_what_is_asked_without_giving_it_is_declined_saying_so(
    question, text, reason
):
    a = _works_answer(question, text)
    assert a.abstained and reason in a.answer, a.answer


@pytest.mark.parametrize(
    ("question", "text", "said"),
    [
        (
            "要打造的三个千万千瓦级清洁能源集群是哪三个？",
            "全力打造风电、光电、抽蓄三个千万千瓦级清洁能源集群，加快推进57个风电光电项目建设。",
            "抽蓄",
        ),
        (
            "产业生态的“七大要素”指的是啥",
            "推动“政、产、学、研、金、介、用”七大要素提档升级、协同联动，构建产业生态体系。",
            "政、产、学",
        ),
        (
            "“4+4+4”现代化工业体系是什么意思？",
            "加快构建主导产业、传统产业、未来产业“4+4+4”现代化工业体系，形成动力源。",
            "未来产业",
        ),
    ],
)
def test_a_sentence_that_spells_out_what_is_asked_answers_it(question, text, said):
    a = _works_answer(question, text)
    assert not a.abstained and said in a.answer, a.answer


def test_items_before_a_counted_term_in_a_clause_that_places_them():
    from qa.counted import apposed

    said = "是基于三亚处在经济复苏向好发力期、自贸港开放优势转化期、主导产业潜能释放期、城市转型发展攻坚期“四期叠加”阶段性发展特征而作出的。"
    assert apposed("四期叠加", said, {4}) == [
        "经济复苏向好发力期",
        "自贸港开放优势转化期",
        "主导产业潜能释放期",
        "城市转型发展攻坚期",
    ]
    # a verb whose object the term is, or a quote left open, is no item
    said = "努力在“贯穿一条主线、办好两件大事、弘扬蒙古马精神、闯新路进中游”上取得更大进展"
    assert apposed("两件大事", said, {2}) is None


def test_which_two_or_four_of_a_kind_asks_for_a_list():
    from qa.asks import asks_of

    assert asks_of("“两件大事”是指哪两件？") == "composition"
    assert asks_of("“四期叠加”指的是哪四期？") == "composition"


def test_a_count_written_as_a_sum_counts_the_things_added():
    from qa.counted import apposed, stated_count

    assert stated_count("2+1") == {3} and stated_count("1+4") == {5}
    said = "深入实施招商引资突破年、项目建设攻坚年行动和促进营商环境大提升专项行动“2+1”工程，紧扣…"
    assert apposed("2+1", said, {3}) == [
        "招商引资突破年",
        "项目建设攻坚年行动",
        "促进营商环境大提升专项行动",
    ]


def test_a_counted_terms_paragraph_of_one_sentence_per_item():
    from qa.counted import paragraph_items

    said = (
        "推动“六个工程”取得标志性成果。政策落地成效明显，86个重大项目已开工74个。防沙治沙和风电光伏"
        "一体化工程实现“开春即开工”，治沙238万亩。温暖工程年度任务全面完成，投入近200亿元。诚信建设扎实"
        "推进，出台条例。科技“突围”起步成势，取得突破；成效显现。自贸区创建积极推进，编制完成总体方案。"
        "\n下一段。"
    )
    assert paragraph_items("六个工程", said, {6}) == [
        "政策落地成效明显",
        "防沙治沙和风电光伏一体化工程实现“开春即开工”",
        "温暖工程年度任务全面完成",
        "诚信建设扎实推进",
        "科技“突围”起步成势",
        "自贸区创建积极推进",
    ]
    # a paragraph of another number of sentences is not the items
    assert (
        paragraph_items("六个工程", said.replace("自贸区创建积极推进，编制完成总体方案。", ""), {6})
        is None
    )


def test_a_quoted_opening_with_an_ellipsis_asks_for_the_sentences_that_open_so():
    people = (
        "努力让就业更充分。实施好重点行业就业支持计划。\n努力让教育更优质。推动学前教育普及普惠。\n"
        "努力让人民更健康。提升国家区域医疗中心功能。\n加强社会治理。努力让社会保障更完善。稳妥推进。"
    )
    idx = _index(make_chunk("p", people, section=SECTION))
    a = composition_answer("民生这块，“努力让……”有哪几条？", _hits(idx, "p"), idx, display_title)
    assert a is not None and "共4条" in a.answer
    for item in (
        "努力让就业更充分",
        "努力让教育更优质",
        "努力让人民更健康",
        "努力让社会保障更完善",
    ):
        assert item in a.answer
    assert "实施好" not in a.answer  # each item up to its first stop
    # one sentence opening so is no list
    lone = _index(
        make_chunk("l", "努力让就业更充分。实施好重点行业就业支持计划。", section=SECTION)
    )
    assert composition_answer("“努力让……”有哪几条？", _hits(lone, "l"), lone, display_title) is None


def test_an_item_whose_short_lead_names_the_term_is_explained_by_its_next_sentence():
    said = (
        "一是立起了“四梁八柱”。构建起“1+2+N”政策架构体系、“1+8+3”组织领导体系和监测评价指标体系；"
        "二是开展了积极探索。三是汇聚了广泛支持。"
    )
    idx = _index(make_chunk("d", said, section=SECTION))
    a = definition_answer("“四梁八柱”指什么？", _hits(idx, "d"), display_title, idx)
    assert a is not None and "“1+2+N”政策架构体系" in a.answer
    # without an item's mark, the next sentence is no explanation
    used = "持续推进“五水综改”。有序推进第二轮土地承包到期后再延长30年试点。"
    idx = _index(make_chunk("u", used, section=SECTION))
    assert definition_answer("“五水综改”指什么？", _hits(idx, "u"), display_title, idx) is None
