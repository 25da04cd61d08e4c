"""The qa stage's pure parts on tiny hand-made chunks: input checks, table rows, topic
extraction, synonyms, answer composition, duplicates, district reports, the CLI's bad-input
paths. End-to-end behaviour on the real corpus is in test_qa_corpus.py."""

from __future__ import annotations

import importlib

import pytest
from qa_support import FakeIndex, make_chunk

import qa
import qa.types
from cli.main import main
from corpus.errors import UserError
from corpus.model import SourceSpan
from index.types import Filters
from qa.calibration import Calibration
from qa.districts import extract_topic, is_district_question
from qa.llm import check_markers
from qa.text import check_question, split_sentences, table_rows, target_value
from qa.topic_terms import expand_terms

# the submodules (qa.answer / qa.districts as attributes are the functions)
answer_module = importlib.import_module("qa.answer")
sentence_module = importlib.import_module("qa.compose_sentence")
districts_module = importlib.import_module("qa.districts")

TABLE = (
    "表1 綦江区“十四五”时期科技发展主要指标\n"
    "科技型企业数 | 2020: 1050 | 2025: 2800 | 预期值: 预期值\n"
    "高新技术企业数 | 2020: 98 | 2025: 200 | 预期值: 预期值\n"
    "全社会研发经费占地区生产总值的比重 | 单位: % | 2020: 2.3 | 2025: 3 | 预期值: 预期值"
)
GOALS = (
    "到2025年，技术创新市场导向机制不断完善，科技型企业达到2800家、高新技术企业达到200家，"
    "规模以上工业企业研发经费支出与营业收入之比达2.8%。"
)
KEPU = "持续加强科普基地建设，累计建成国家级科普基地1个、市级科普基地3个。"
HYDROGEN = "围绕新能源汽车发展氢燃料电池关键材料，建设加氢站示范项目。"
DADUKOU = "大渡口区推动生态环保产业高端化发展，建设国家环保产业发展重庆基地。"
HECHUAN = "力争建成市级农业科技园区，全区高新技术企业新增20家以上。"


@pytest.fixture()
def fake_index() -> FakeIndex:
    qijiang_copy = SourceSpan("003_test.txt", 300, 300, "003_test#2")
    return FakeIndex(
        [
            make_chunk("t1", TABLE, kind="table", line_start=304),
            make_chunk("g1", GOALS, line_start=296, also_in=(qijiang_copy,)),
            make_chunk("k1", KEPU, section=("第一章", "第一节 发展基础"), line_start=250),
            make_chunk("h1", HYDROGEN, section=("第三章", "第一节 加快特色产业智能化改造升级")),
            make_chunk("d1", DADUKOU, district="大渡口区", source="002_test.txt"),
            make_chunk("c1", HECHUAN, district="合川区", source="004_test.txt"),
        ]
    )


@pytest.fixture()
def lenient(monkeypatch):
    """Thresholds for the hashed-bigram fake embedder (the calibrated ones are for e5)."""
    cal = Calibration(abstain_evidence=0.05, district_semantic=0.99)
    monkeypatch.setattr(sentence_module, "load_calibration", lambda: cal)
    monkeypatch.setattr(districts_module, "load_calibration", lambda: cal)
    return cal


# --- input checks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("科" * 10_000, "10000 characters"),
        ("綦江区\x00的目标", "control characters"),
        ("綦江\x1b[31m区", "control characters"),
        ("？？！！。。……", "only punctuation"),
        ("!!!???", "only punctuation"),
    ],
)
def test_bad_questions_are_user_errors(text, message):
    with pytest.raises(UserError, match=message):
        check_question(text)


def test_good_question_is_trimmed():
    assert check_question("  綦江区的目标是什么？\n") == "綦江区的目标是什么？"


@pytest.mark.parametrize(
    "argv",
    [
        ["ask", "   "],
        ["ask", "问" * 10_000],
        ["ask", "。。。"],
        ["ask", "綦江\x07区"],
        ["districts", ""],
        ["compare", "？", "--district", "綦江区", "--district", "合川区"],
    ],
)
def test_cli_bad_input_exits_2_with_one_line(argv, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("planqa: error:") and err.count("\n") == 1


def test_unknown_district_filter_names_the_districts(fake_index):
    with pytest.raises(UserError, match="unknown place '火星区'.*綦江区"):
        qa.answer("高新技术企业目标", fake_index, filters=Filters(districts=("火星区",)))
    with pytest.raises(UserError, match="no documents for 万州区"):
        qa.answer("高新技术企业目标", fake_index, filters=Filters(districts=("万州",)))


# --- text units --------------------------------------------------------------------------


def test_split_sentences_keeps_punctuation_and_splits_lines():
    assert split_sentences("甲。乙；丙\n丁！") == ["甲。", "乙；", "丙", "丁！"]


def test_table_rows_read_the_corpus_row_format():
    rows = table_rows(TABLE)
    assert [r.name for r in rows] == [
        "科技型企业数",
        "高新技术企业数",
        "全社会研发经费占地区生产总值的比重",
    ]
    assert target_value(rows[1]) == ("2025", "200")
    assert target_value(rows[1], "2020") == ("2020", "98")
    assert rows[2].unit == "%" and rows[1].unit is None


def test_table_rows_read_a_plain_header_table():
    rows = table_rows("序号 | 指标 | 2020年 | 2025年\n1 | 科技型企业数量(家) | 773 | 2000")
    assert rows[0].name == "科技型企业数量" and rows[0].unit == "家"
    assert target_value(rows[0]) == ("2025年", "2000")


# --- topics ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("哪些区的规划提到了氢能？", "氢能"),
        ("哪个区县提出建设科普基地？", "科普基地"),
        ("哪些区县提到人工智能", "人工智能"),
        ("提到区块链的有哪些区？", "区块链"),
        ("哪些区的规划中涉及碳达峰的内容？", "碳达峰"),
        ("氢能在哪些区的规划中出现？", "氢能"),
        ("哪个区县的研发投入强度最高？", "研发投入强度"),
        ("氢能", "氢能"),
        ("  科普  ", "科普"),
    ],
)
def test_extract_topic(text, topic):
    assert extract_topic(text) == topic


@pytest.mark.parametrize("text", ["哪些区？", "哪些区县提到了"])
def test_a_districts_question_without_a_topic_is_a_user_error(text):
    with pytest.raises(UserError, match="no topic"):
        extract_topic(text)


def test_is_district_question():
    assert is_district_question("哪些区的规划提到了氢能？")
    assert is_district_question("哪个区县提出建设科普基地？")
    assert not is_district_question("綦江区2025年高新技术企业目标是多少？")
    assert not is_district_question("重庆高新区有哪些区域创新平台？")
    assert not is_district_question("哪些区块链企业得到支持？")
    assert is_district_question("有哪些区县提到了区块链")


def test_expand_terms_splits_alternatives_and_drops_generic_last_words():
    assert {"博士后工作站", "博士后培养"} <= set(expand_terms("博士后工作站或博士后培养"))
    assert "科技特派员" in expand_terms("科技特派员制度")
    assert extract_topic("哪些区的规划里有“专精特新”企业的目标？") == "专精特新"


def test_a_topic_said_again_in_other_words_is_looked_for_in_both():
    terms = set(expand_terms("研发投入强度，也就是R&D经费占GDP的比重"))
    assert {"研发投入强度", "R&D经费占GDP的比重"} <= terms
    # the field's strict equivalents (qa/data/terms.json) are the topic's synonyms too
    assert "研究与试验发展经费支出占地区生产总值比重" in terms
    assert {"技术合同成交额", "技术合同交易额"} <= set(
        expand_terms("技术合同成交额（或技术合同交易额）")
    )


def test_expand_terms_uses_the_synonym_table():
    assert {"AI", "机器学习"} <= set(expand_terms("人工智能"))
    # 智能化 (making something smart) is broader: 24 of 30 city reports say it
    assert "智能化" not in expand_terms("人工智能")
    assert "氢燃料" in expand_terms("氢能")
    assert "科学普及基地" in expand_terms("科普基地")
    assert expand_terms("齿轮") == ("齿轮",)


# --- answers on the fake index -----------------------------------------------------------


def test_number_question_answers_with_number_and_unit_from_the_row(fake_index, lenient):
    a = qa.answer("綦江区2025年高新技术企业数预期达到多少？", fake_index)
    assert not a.abstained and a.mode == "extractive"
    # the 000 table lost its 单位 cell: the unit comes from the plan's own prose
    assert "到2025年，綦江区高新技术企业数预期达到200家[1]" in a.answer
    assert a.citations[0].n == 1 and "200" in a.citations[0].quote
    assert a.citations[0].source == "000_test.txt" and a.citations[0].line_start == 304


def test_percent_row(fake_index, lenient):
    a = qa.answer("綦江区全社会研发经费占地区生产总值的比重2025年目标是多少", fake_index)
    assert "3%[1]" in a.answer


def test_duplicate_passage_is_cited_once_with_both_sources(fake_index, lenient):
    a = qa.answer("到2025年科技型企业达到多少家、高新技术企业达到多少家的规模？", fake_index)
    goal_citations = [c for c in a.citations if c.chunk_id == "g1"]
    assert len(goal_citations) <= 1
    a = qa.answer("技术创新市场导向机制不断完善", fake_index)
    assert [c.chunk_id for c in a.citations] == ["g1"]
    assert a.citations[0].also_in[0].source == "003_test.txt"
    assert a.answer.startswith("据《綦江区科技创新发展“十四五”规划》（第五节 发展目标），")


def test_question_about_a_district_not_in_the_corpus_lists_the_present_ones(fake_index):
    a = qa.answer("万州区的高新技术企业目标是多少？", fake_index)
    assert a.abstained
    assert "万州区" in a.answer and "綦江区" in a.answer and "合川区" in a.answer


def test_abstains_below_the_threshold_and_lists_nearest_passages(fake_index, monkeypatch):
    cal = Calibration(abstain_evidence=5.0, district_semantic=0.99)
    monkeypatch.setattr(sentence_module, "load_calibration", lambda: cal)
    a = qa.answer("高新技术企业目标", fake_index)
    assert a.abstained and "未在语料中找到" in a.answer
    assert 1 <= len(a.citations) <= 3 and "[1]" in a.answer


def test_answer_stream_yields_text_then_the_answer(fake_index, lenient):
    pieces = list(qa.answer_stream("綦江区的科普基地建设情况", fake_index))
    assert isinstance(pieces[-1], qa.types.Answer)
    assert "".join(p for p in pieces[:-1]) == pieces[-1].answer


# --- districts -----------------------------------------------------------------------


def test_districts_report_every_district_and_uses_synonyms(fake_index, lenient):
    report = qa.districts("哪些区的规划提到了氢能？", fake_index)
    assert report.topic == "氢能"
    assert [r.district for r in report.districts] == fake_index.districts()
    assert report.mentioned == ("綦江区",)
    qj = next(r for r in report.districts if r.district == "綦江区")
    assert "氢燃料" in qj.evidence[0].quote and qj.score >= 1.0
    assert "氢燃料" in report.terms


def test_topic_absent_everywhere(fake_index, lenient):
    report = qa.districts("量子通信", fake_index)
    assert report.mentioned == ()
    assert len(report.districts) == 3
    assert all(len(r.evidence) <= 1 for r in report.districts)


def test_a_district_report_survives_the_round_trip_through_json(fake_index, lenient):
    """What the UI keeps between events: to_dict() as JSON, then from_dict(), equal."""
    import json

    from qa.types import DistrictReport, DistrictResult, Evidence

    found = qa.districts("哪些区的规划提到了氢能？", fake_index)
    assert any(r.evidence for r in found.districts)
    full = Evidence(
        "c1",
        "d1",
        "规划",
        ("第一章", "第二节"),
        "发展氢燃料电池。",
        "d1.pdf",
        10,
        12,
        0.75,
        also_in=(SourceSpan("d2.pdf", 40, 42, "d2"),),
        passage_line_start=8,
        passage_line_end=15,
        page_start=3,
        page_end=4,
    )
    by_hand = DistrictReport(
        "氢能", (DistrictResult("成都市", True, 1.5, (full,)),), ("氢能",), level="city"
    )

    def round_trip(report: DistrictReport) -> DistrictReport:
        return DistrictReport.from_dict(json.loads(json.dumps(report.to_dict())))

    assert round_trip(by_hand) == by_hand
    # scores are rounded to 6 places in to_dict(): a found report comes back as it was sent
    assert round_trip(found).to_dict() == found.to_dict()
    assert round_trip(round_trip(found)) == round_trip(found)


def test_ask_answers_district_questions_with_the_finder(fake_index, lenient):
    a = qa.answer("哪些区县提到了高新技术企业？", fake_index)
    assert a.mode == "districts" and a.district_report is not None
    assert "綦江区[" in a.answer and "合川区[" in a.answer and "未提到：大渡口区" in a.answer
    assert {c.district for c in a.citations} == {"綦江区", "合川区"}
    assert "districts" in a.to_dict()


def test_compare_needs_two_districts(fake_index, lenient):
    report = qa.compare("高新技术企业", fake_index, ["綦江", "合川区"])
    assert [r.district for r in report.districts] == ["綦江区", "合川区"]
    with pytest.raises(UserError, match="at least two"):
        qa.compare("高新技术企业", fake_index, ["綦江区", "綦江"])


# --- markers -------------------------------------------------------------------------


def test_check_markers_removes_markers_that_point_at_nothing():
    text, cited = check_markers("目标是200家[2]，另见[7]和【1】。", 3)
    assert text == "目标是200家[2]，另见和[1]。"
    assert cited == [2, 1]


def test_district_question_with_a_district_filter_reports_only_those(fake_index, lenient):
    a = qa.answer("哪些区提到了高新技术企业？", fake_index, filters=Filters(districts=("合川",)))
    assert [r.district for r in a.district_report.districts] == ["合川区"]


def test_a_question_naming_a_present_and_an_absent_district_says_so(fake_index, lenient):
    a = qa.answer("万州区和綦江区的高新技术企业数2025年目标是多少？", fake_index)
    assert not a.abstained and "200家" in a.answer
    assert a.notice and "万州区" in a.notice


def test_a_langchain_chat_model_can_be_passed_instead_of_settings(fake_index, lenient):
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    model = FakeListChatModel(responses=["高新技术企业达到200家[1]。"])
    a = qa.answer("綦江区2025年高新技术企业数目标", fake_index, llm=model)
    assert a.mode == "generative" and a.answer == "高新技术企业达到200家[1]。"
    assert [c.n for c in a.citations] == [1]


def test_a_sentence_that_points_back_is_quoted_with_the_one_before(lenient):
    idx = FakeIndex(
        [
            make_chunk(
                "n1",
                "北京时间2022年11月3日9时32分,梦天实验舱顺利完成转位。"
                "这标志着中国空间站T字基本构型在轨组装完成。",
                district="綦江区",
            )
        ]
    )
    a = qa.answer("中国空间站T字基本构型在轨组装完成标志", idx)
    assert "2022年11月3日" in a.answer and "这标志着" in a.answer


def test_traditional_characters_name_the_same_district(fake_index):
    a = qa.answer("萬州區的高新技術企業目標是多少？", fake_index)
    assert a.abstained and "万州区" in a.answer


def test_what_does_x_consist_of_lists_the_sub_headings(lenient):
    plan = "綦江区科技创新发展“十四五”规划"
    idx = FakeIndex(
        [
            make_chunk(
                f"p{i}",
                f"{body}。",
                section=(plan, "第十章 保障措施", head),
                line_start=600 + 4 * i,
            )
            for i, (head, body) in enumerate(
                [
                    ("第一节 强化组织领导保障", "成立领导小组统筹推进"),
                    ("第二节 完善创新投入机制", "加大财政科技投入"),
                    ("第三节 完善容错纠错机制", "探索建立容错机制"),
                ]
            )
        ]
    )
    a = qa.answer("綦江区规划的保障措施包括哪几方面？", idx)
    assert not a.abstained and a.extra.get("section_overview")
    assert (
        "保障措施包括3个方面：强化组织领导保障、完善创新投入机制、完善容错纠错机制[1]" in a.answer
    )
    c = a.citations[0]
    assert c.section == (plan, "第十章 保障措施") and (c.line_start, c.line_end) == (600, 608)
    # a heading that does not hold every content word of the question is no overview
    assert not qa.answer("綦江区规划的足球措施包括哪几方面？", idx).extra.get("section_overview")


def test_romanised_district_names_filter_and_name_absent_districts(fake_index, lenient):
    a = qa.answer("How many high-tech enterprises does Wanzhou District aim for?", fake_index)
    assert a.abstained and "万州区" in a.answer
    from qa.filters import districts_named_in

    assert districts_named_in("Qijiang's 2025 targets", fake_index) == (["綦江区"], [])


def test_a_separate_threshold_applies_only_to_questions_without_chinese():
    cal = Calibration(abstain_evidence=0.99, district_semantic=0.9, abstain_evidence_latin=0.78)
    assert cal.abstain_threshold("How many enterprises?") == 0.78
    assert cal.abstain_threshold("綦江区 enterprises") == 0.99
    assert Calibration(0.99, 0.9).abstain_threshold("How many?") == 0.99


def test_english_questions_weigh_their_own_coverage_only_with_their_own_threshold():
    cal = Calibration(
        0.99, 0.9, abstain_evidence_latin=0.78, coverage_weight=0.075, coverage_weight_latin=0.025
    )
    assert cal.coverage_weight_for("How many enterprises?") == 0.025
    assert cal.coverage_weight_for("多少家企业？") == 0.075
    # no English threshold: English questions are judged as Chinese ones are
    assert Calibration(0.99, 0.9, coverage_weight=0.075).coverage_weight_for("How?") == 0.075


# --- English questions against Chinese passages (CC-CEDICT glosses) -------------------


def test_english_words_drop_stop_words_possessives_and_split_hyphens():
    from qa.crosslingual import english_words

    assert english_words("What is the Zone's target for cutting-edge firms?") == [
        "zone",
        "target",
        "cutting",
        "edge",
        "firms",
    ]
    # short forms are spelt out as the dictionary's glosses spell them
    assert english_words("R&D by high-tech and tech firms") == [
        "research",
        "development",
        "high",
        "technology",
        "technology",
        "firms",
    ]


def test_an_english_questions_topic_leaves_out_place_names_and_compares_stems():
    from qa.crosslingual import question_stems

    assert question_stems("How many taxis are there in the Chongqing High-tech Zone?") == {"taxi"}
    assert question_stems("What is Qijiang District's 2025 target for enterprises?") == {
        "target",
        "enterpris",
    }


def test_gloss_coverage_finds_the_english_words_among_the_passage_words_glosses():
    from qa.crosslingual import gloss_coverage

    question = "How many technology enterprises does Qijiang have?"
    assert gloss_coverage(question, ["綦江区高新技术企业达200家。"]) == 1.0
    assert gloss_coverage(question, ["綦江区森林覆盖率达到55%。"]) == 0.0
    # "tech" is no gloss of 高新技术 (high and new technology): only "enterprises" is found
    partial = gloss_coverage("high-tech incubators and enterprises", ["高新技术企业达200家。"])
    assert 0.0 < partial < 1.0
    # …but a field term named in English (qa/data/terms.json) is found where the passage holds
    # one of its Chinese forms: no gloss of 地区生产总值 spells "GDP"
    assert gloss_coverage("high-tech enterprises", ["高新技术企业达200家。"]) == 1.0
    assert gloss_coverage("GDP target", ["地区生产总值增长7%的目标"]) == 1.0
    assert gloss_coverage("GDP target", ["增长7%的目标"]) < 1.0
    # the best passage counts; a question without topic words has no coverage
    assert gloss_coverage("How many taxis in Qijiang?", ["无关", "出租车有300辆"]) == 1.0
    assert gloss_coverage("What about Qijiang?", ["綦江区"]) == 0.0


def test_a_rare_word_counts_for_more_than_a_common_one():
    from qa.crosslingual import gloss_table

    table = gloss_table()
    assert table.idf("incub") > table.idf("plan") > 0
    assert "enterpris" in table.stems_by_word["企业"]


# --- place names in questions ---------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("旗江区科技型企业到2025年要达到多少家？", ["綦江区"]),  # 旗 qí for 綦 qí
        ("大度口的研发投入是多少？", ["大渡口区"]),
        ("开发区的规划", []),  # 开发区 is not 开州区: different sound
        ("河川治理", []),  # two-character sounds (合川) are ordinary words
        ("綦江区的目标", []),  # spelt right: nothing to correct
    ],
)
def test_misspelt_district_is_read_only_when_it_sounds_like_one(question, expected):
    from qa.spelling import misspelt_districts_in

    assert misspelt_districts_in(question, []) == expected


@pytest.mark.parametrize(
    ("question", "spelt"),
    [
        # every place of the index typed with a homophone, by its name or short form
        ("荷泽和赣洲，哪个提到了汉服？", "菏泽和赣州，哪个提到了汉服？"),
        ("大度口区和荷泽市的目标", "大渡口区和菏泽市的目标"),
        ("菏泽和赣州，哪个提到了汉服？", "菏泽和赣州，哪个提到了汉服？"),  # spelt right
        ("河川治理和开发区", "河川治理和开发区"),  # ordinary words stay
        ("哪些地方提到“田长制”？", "哪些地方提到“田长制”？"),  # 长制 is no 长治 inside a word
        # a district of the index by its short form of two characters, where it stands as a name
        ("棋江和大渡口，哪个提到了智慧养老？", "綦江和大渡口，哪个提到了智慧养老？"),
        ("哪些地方提到河川、湖泊治理？", "哪些地方提到河川、湖泊治理？"),  # (合川: 到 before it)
    ],
)
def test_places_typed_with_homophones_are_spelt_as_the_index_names_them(question, spelt):
    from qa.spelling import spell_places

    held = {"菏泽市", "赣州市", "山东省", "长治市", "綦江区", "大渡口区", "合川区"}
    assert spell_places(question, held) == spelt


@pytest.mark.parametrize(
    "question",
    [
        "荷泽和赣洲，哪个提到了汉服？",  # typed with homophones
        "Heze、Ganzhou 这两个地方，哪个提到了汉服？",  # in Latin letters in a Chinese question
    ],
)
def test_a_question_naming_two_places_however_typed_asks_which_of_them(question):
    from qa.answer import answer
    from tests.qa_support import FakeIndex, make_chunk

    index = FakeIndex(
        [
            make_chunk("a", "培育曹县汉服生产基地，推动特色产业出圈。", district="菏泽市"),
            make_chunk("b", "加快国家儿童友好城市建设，发展脐橙产业。", district="赣州市"),
            make_chunk("c", "汉服文化节成功举办。", district="聊城市"),
        ]
    )
    reply = answer(question, index)
    assert reply.mode == "districts"
    mentioned, _, absent = reply.answer.partition("未提到")
    assert "菏泽市" in mentioned and "赣州市" in absent and "聊城市" not in reply.answer


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # places anywhere in China are known by name; the innermost one named counts
        ("北京市海淀区的人工智能规划是什么", ["海淀区"]),
        ("上海浦东新区的科技创新目标有哪些？", ["浦东新区"]),
        ("包头市2024年地区生产总值增长多少？", ["包头市"]),
        ("重庆市綦江区的目标", []),
        ("各区县的开发区有哪些？", []),
        ("两江新区和万盛经开区", ["两江新区", "万盛经开区"]),
    ],
)
def test_places_a_question_names_that_the_index_lacks(question, expected, fake_index):
    from qa.filters import districts_named_in

    present, absent = districts_named_in(question, fake_index)
    assert absent == expected
    assert ("綦江区" in present) == ("綦江" in question)


def test_places_the_national_table_knows_are_not_guessed_by_part_of_speech():
    from qa.filters import places_outside_corpus

    # the part-of-speech guess is only for names the table lacks: 北京市, 海淀区 are known
    assert places_outside_corpus("北京市海淀区的人工智能规划是什么") == []
    assert places_outside_corpus("各区县的开发区有哪些？") == []


# --- corpus vocabulary: rare words and misspellings ----------------------------------------


def test_misspelt_words_are_read_as_the_corpus_word_they_sound_like(fake_index):
    from qa.vocabulary import vocabulary

    vocab = vocabulary(fake_index)
    assert vocab.correct("高新技术企叶新增多少家？") == "高新技术企业新增多少家？"  # 叶 yè
    assert vocab.correct("科普基地键设") == "科普基地建设"  # 键 jiàn for 建 jiàn
    # correct words stay, even where a homophone exists; function words are not rewritten
    assert vocab.correct("科技型企业有多少家？") == "科技型企业有多少家？"
    assert vocab.correct("通讯上有什么要求") == "通讯上有什么要求"


def test_a_common_character_typed_for_a_homophone_is_read_as_the_corpus_word():
    from qa.vocabulary import vocabulary
    from tests.qa_support import FakeIndex, make_chunk

    said = "发展钠离子电池和银发经济，钠离子电池产业园开工，银发经济持续壮大。"
    vocab = vocabulary(FakeIndex([make_chunk("a", said), make_chunk("b", said, "合川区")]))
    # 吃 and 法 are common characters alone (吃 chī, 法 fǎ), but typed for 池 and 发 here
    assert vocab.correct("哪些地方提到了钠离子电吃？") == "哪些地方提到了钠离子电池？"
    assert vocab.correct("哪些地方提了银法经济？") == "哪些地方提了银发经济？"


def test_a_typo_is_never_read_across_a_word_the_corpus_holds():
    from qa.vocabulary import vocabulary
    from tests.qa_support import FakeIndex, make_chunk

    said = "推动高碳产业转型，开展林业碳汇交易。"
    vocab = vocabulary(FakeIndex([make_chunk("a", said), make_chunk("b", said, "合川区")]))
    # 搞碳 sounds like 高碳, but 碳 is the first character of 碳汇
    question = "哪些地方在搞碳汇或者碳排放权交易？"
    assert vocab.correct(question) == question


def test_a_window_the_corpus_writes_as_typed_is_no_typo():
    from qa.vocabulary import vocabulary
    from tests.qa_support import FakeIndex, make_chunk

    said = "推进跨境电商综试区建设，改善市区交通，外贸进出口增长5%。"
    vocab = vocabulary(FakeIndex([make_chunk("a", said), make_chunk("b", said, "合川区")]))
    # 试区 sounds like 市区, but the documents write 综试区 as the question does
    question = "哪些地方提到了跨境电商综试区？"
    assert vocab.correct(question) == question
    # (a traditional character is still read as the corpus's simplified one)
    assert "外贸" in vocab.correct("哪些地方外貿進出口增长了？")


def test_an_abbreviation_typed_with_two_letters_swapped_is_read_as_the_corpus_one():
    from qa.vocabulary import Vocabulary

    vocab = Vocabulary(10, {"rcep": 3, "gdp": 5, "gpd": 2, "abdc": 2, "bacd": 2}, {})
    assert vocab.correct("哪些地方提到了RECP？") == "哪些地方提到了RCEP？"
    assert vocab.correct("哪些地方提到了RCEP？") == "哪些地方提到了RCEP？"  # known: kept
    assert vocab.correct("GPD目标") == "GPD目标"  # the corpus has it too (even if rare)
    assert vocab.correct("BADC目标") == "BADC目标"  # two corpus words one swap away: neither
    assert vocab.correct("recp") == "recp"  # an English word is not an abbreviation


def test_weighted_overlap_counts_rare_words_more(fake_index):
    from qa.vocabulary import vocabulary

    vocab = vocabulary(fake_index)
    assert vocab.idf("氢燃料") > vocab.idf("高新技术企业")  # one chunk vs several
    text = "围绕新能源汽车发展氢燃料电池"
    assert vocab.weighted_overlap({"氢燃料", "报酬"}, text) == pytest.approx(
        vocab.idf("氢燃料") / (vocab.idf("氢燃料") + vocab.idf("报酬"))
    )
    assert vocab.weighted_overlap(set(), text) == 0.0


def test_a_long_sentence_is_trimmed_to_the_clauses_that_hold_the_question_words():
    from qa.compose_text import LONG_SENTENCE, _trim

    filler = "，".join(f"加强第{i}项基础工作的统筹协调" for i in range(8))
    sentence = f"{filler}，科技型企业达到2800家，{filler}。"
    trimmed = _trim(sentence, {"科技型企业"})
    assert "科技型企业达到2800家" in trimmed and len(trimmed) <= LONG_SENTENCE
    assert trimmed.startswith("…")  # clauses before it were left out, and it says so
    assert _trim("科技型企业达到2800家。", {"科技型企业"}) == "科技型企业达到2800家。"


def test_a_trimmed_sentence_keeps_the_clauses_saying_most_of_the_question():
    from qa.compose_text import _trim

    # every clause names 钒钛; the last names the whole figure asked, and must not be cut
    sentence = (
        "深入实施钒钛特色优势产业提质倍增行动，落实“卡脖子”技术和关键核心技术攻关路线图，"
        "开工建设西南钒钛特色产业铸造园、龙佰6万吨海绵钛绿色智能制造等12个重点项目，"
        "推动劲丰钒钛6000吨钒氮合金生产等10个重点项目竣工投产，推进红格南矿全产业链开发，"
        "加快打造钒钛“三航”军民融合高技术产业基地，力促钒钛产业产值突破550亿元、钒钛深加工企业突破20户。"
    )
    trimmed = _trim(sentence, {"钒钛", "产业", "产值"})
    assert "力促钒钛产业产值突破550亿元" in trimmed, trimmed
    assert trimmed.index("深入实施") < trimmed.index("力促")  # the clauses stay in order


def test_a_sentence_that_announces_a_list_is_quoted_with_its_list(lenient):
    from index.types import Hit

    text = (
        "第三条 保密审查遵循谁主管、谁负责的原则。\n"
        "第八条 保密审查应当依照以下程序进行:\n"
        "(一)由信息产生的机构提出初步意见;\n"
        "(二)分管领导审查批准。\n"
        "第九条 其他事项另行规定。"
    )
    hit = Hit(make_chunk("r1", text, section=("保密审查制度",)), 1.0, 1, ("dense",))
    first = sentence_module.Unit(hit, "第三条 保密审查遵循谁主管、谁负责的原则。", None, 0.95, 0.0)
    second = sentence_module.Unit(hit, "第八条 保密审查应当依照以下程序进行:", None, 0.945, 0.0)
    a = sentence_module.compose_extractive("保密审查要走哪些程序？", [hit], [first, second])
    # a list question ranks the sentence announcing the list first, quoted with its list
    assert "提出初步意见" in a.citations[0].quote and "分管领导审查批准" in a.citations[0].quote
    assert "第九条" not in a.answer


def test_a_place_answer_cites_its_evidence_with_lines_passage_and_pages():
    from qa.cite import district_answer
    from qa.types import DistrictReport, DistrictResult, Evidence

    e = Evidence("c1", "d1", "宜宾市政府工作报告", ("一、",), "发展氢能产业", "yibin.pdf", 12, 12,
                 passage_line_start=10, passage_line_end=14, page_start=3, page_end=3)  # fmt: skip
    report = DistrictReport("氢能", (DistrictResult("宜宾市", True, 1.9, (e,)),), level="city")
    (c,) = district_answer("哪些城市提到氢能", report).citations
    assert (c.district, c.line_start, c.passage_line_start, c.page_start) == ("宜宾市", 12, 10, 3)


def test_a_place_answer_says_what_the_places_did_as_the_question_asked_it():
    from qa.cite import district_answer
    from qa.types import DistrictReport, DistrictResult, Evidence

    e = Evidence("c1", "d1", "聊城市政府工作报告", (), "居民消费价格涨幅控制在3%左右", "x", 1, 1)
    places = (DistrictResult("聊城市", True, 1.9, (e,)), DistrictResult("荆州市", False, 0.4, ()))
    mention = district_answer("q", DistrictReport("CPI", places, level="city")).answer
    assert mention.startswith("提到“CPI”的市（1/2）") and "未提到：荆州市" in mention
    target = DistrictReport("CPI", places, level="city", aspect="target")
    said = district_answer("q", target).answer
    assert said.startswith("设定了“CPI”目标的市（1/2）") and "未设定：荆州市" in said
    none = DistrictReport("CPI", places[1:], level="city", aspect="target")
    assert district_answer("q", none).answer.startswith("没有市的文件设定“CPI”目标")
    assert DistrictReport.from_dict(target.to_dict()) == target
    bounded = DistrictReport(
        "城镇新增就业", places, level="city", aspect="target", bound="超过3万人"
    )
    said = district_answer("q", bounded).answer
    assert said.startswith("“城镇新增就业”目标超过3万人的市（1/2）") and "未达此数或未设定" in said
    assert DistrictReport.from_dict(bounded.to_dict()) == bounded
    # asked who did not: those first, the others cited after them, and that is an answer
    negated = DistrictReport("CPI", places, level="city", aspect="target", negated=True)
    a = district_answer("q", negated)
    assert a.answer.startswith("没有设定“CPI”目标的市（1/2）：荆州市；设定了“CPI”目标：聊城市[1]")
    assert not a.abstained and negated.asked == ("荆州市",) and negated.mentioned == ("聊城市",)
    assert DistrictReport.from_dict(negated.to_dict()) == negated


def test_a_row_the_question_names_is_read_from_a_table_ranked_below_those_read():
    from types import SimpleNamespace as NS

    from corpus.model import TableCells
    from qa.units import _rows_named

    header = ("序号", "指标", "2020", "2025", "指标属性")
    table = NS(
        kind="table",
        text="",
        rows=(
            TableCells(header, ("5", "市级以上研发机构(个)", "272", "320", "预期性")),
            TableCells(header, ("6", "市级以上重点实验室(个)", "76", "100", "预期性")),
        ),
    )
    prose = NS(kind="text", text="市级以上重点实验室100个", rows=())
    hits = [NS(chunk=prose), NS(chunk=table)]
    found = _rows_named("高新区市级以上重点实验室2020年有几个", hits)
    assert [r.name for _, _, r in found] == ["市级以上重点实验室"]
    # a row the question names only in part is not read this deep
    assert _rows_named("高新区实验室2020年有几个", hits) == []


def test_a_table_figure_takes_the_qualifier_the_prose_says_of_it():
    from types import SimpleNamespace as NS

    from qa.compose_table import _qualifier_from_text

    prose = NS(kind="text", text="到2025年，数字经济核心产业增加值占地区生产总值比重达到10%以上。")
    table = NS(kind="table", text="数字经济核心产业增加值占地区生产总值比重 | 2025: 10")
    index = NS(chunks_for=lambda doc_id=None, district=None: [table, prose])
    chunk = NS(doc_id="d")
    name = "数字经济核心产业增加值占地区生产总值比重"
    assert _qualifier_from_text(name, "10%", chunk, index) == ("", "以上")
    assert _qualifier_from_text(name, "0%", chunk, index) == ("", "")  # 10% is not 0%
    assert _qualifier_from_text("高新技术企业数", "10%", chunk, index) == ("", "")
    # said before the figure, of the row's indicator in another of its forms
    intensity = NS(kind="text", text="到2025年，全社会研发投入强度超过3%。")
    index = NS(chunks_for=lambda doc_id=None, district=None: [intensity])
    row = "R&D经费支出占GDP比重"
    assert _qualifier_from_text(row, "3%", chunk, index) == ("超过", "")


def test_a_year_in_a_question_stands_apart_from_the_word_after_it():
    from qa.scoring import question_tokens

    words = question_tokens("亳州2024年省企业研发中心的目标是多少？")
    assert "年省" not in words and {"企业", "研发"} <= words


def test_a_sentence_naming_every_asked_term_is_read_from_a_passage_ranked_below_those_read():
    from types import SimpleNamespace as NS

    from qa.units import _sentences_naming_terms

    review = NS(
        kind="text",
        text="全市居民消费价格同比上涨0.5%。“一老一小”得到更好保障。",
        section=(),
        title="",
    )
    other = NS(
        kind="text", text="全市离岛免税零售额273.1亿元，同比增长17.1%。", section=(), title=""
    )
    hits = [NS(chunk=other), NS(chunk=review)]
    found = _sentences_naming_terms("三亚去年CPI涨了多少？", hits)
    assert [t for _, t, _ in found] == ["全市居民消费价格同比上涨0.5%。"]
    # a question naming no field term reads nothing this deep
    assert _sentences_naming_terms("三亚去年涨了多少？", hits) == []


def test_a_table_figure_is_cited_with_the_prose_that_states_it():
    from qa_support import FakeIndex, make_chunk

    from qa.compose_table import stated_in_prose
    from qa.text import TableRow

    table = make_chunk("t", "万人发明专利拥有量(件) | 2020: 44.5 | 2025: 70", kind="table")
    prose = make_chunk(
        "p",
        "到2025年，研发投入强度达5.5%以上，万人发明专利拥有量达70件以上，孵化载体面积300万平方米。",
    )
    other = make_chunk("o", "新增发明专利70件。", title="另一份文件")
    index = FakeIndex([table, prose, other])
    row = TableRow(table.text, "万人发明专利拥有量", "件", (("2020", "44.5"), ("2025", "70")))
    found = stated_in_prose(row, "70", table, index)
    assert found is not None
    chunk, quote = found
    # quoted from the clause naming the indicator to the one stating its figure
    assert chunk.chunk_id == "p" and quote == "万人发明专利拥有量达70件以上"
    # a figure the prose does not state of the indicator is not cited
    assert stated_in_prose(row, "44.5", table, index) is None
