"""Answers and district reports on the real bundled corpus with the real bundled model
(the session `bundled_index`): numbers from tables, cited sections, abstention, duplicates,
the district finder for topics in one/two/all/no districts, generative mode against the
local stub server, and the CLI's JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from qa_support import ChatServer, Script

import qa
from cli.main import main
from corpus.errors import UserError
from corpus.settings import Settings
from index.types import Filters
from qa.calibration import load_calibration

pytestmark = pytest.mark.slow

ALL = {"綦江区", "重庆高新区", "大渡口区", "合川区"}
DATA = Path(__file__).resolve().parent.parent / "corpus" / "data"


def test_the_corpus_has_the_four_districts(bundled_index):
    assert set(bundled_index.districts()) == ALL


def test_a_level_with_no_documents_of_its_own_is_the_places_containing_them(bundled_index):
    from qa.filters import places_at

    # district plans alone: the city asked about is the one they are in
    assert places_at(bundled_index, "city") == ["重庆市"]
    assert set(places_at(bundled_index, "county")) == ALL


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "綦江区到2025年高新技术企业数预期达到多少？",
            "到2025年，綦江区高新技术企业数预期达到200家[1]",
        ),
        ("綦江区技术合同成交额2025年的目标？", "10亿元"),
        ("重庆高新区规划里2025年科技型企业数量要达到多少家", "2000家"),
        ("大渡口区到2025年规模以上科技型企业数是多少？", "90家"),
        ("合川区今年万人有效发明专利拥有量要达到多少？", "8.8件"),
    ],
)
def test_table_questions_answer_with_the_number(bundled_index, question, expected):
    a = qa.answer(question, bundled_index)
    assert not a.abstained, a.answer
    assert expected in a.answer
    assert a.citations and a.citations[0].n == 1 and "[1]" in a.answer


def test_baseline_question_reads_the_2020_column(bundled_index):
    a = qa.answer("綦江区“十三五”末全社会研发经费占地区生产总值的比重是多少？", bundled_index)
    assert "2.3%" in a.answer and "2020年" in a.answer


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("綦江区如何创建国家火炬齿轮特色产业基地？", "第四节 创建国家火炬齿轮特色产业基地"),
        ("綦江区在容错纠错方面有什么安排？", "完善容错纠错机制"),
        ("重庆高新区怎样推动校地协同创新？", "推动校地协同创新发展"),
        ("大渡口区怎么做强大健康生物医药产业链？", "做强大健康生物医药产业链创新链"),
    ],
)
def test_section_questions_cite_the_section(bundled_index, question, section):
    a = qa.answer(question, bundled_index)
    assert not a.abstained, a.answer
    assert any(section in " › ".join(c.section) for c in a.citations), a.citations
    c = a.citations[0]
    assert c.title and c.source.endswith(".txt") and 1 <= c.line_start <= c.line_end and c.quote


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("綦江区规划的保障措施有哪些方面？", ["组织领导", "容错纠错"]),
        ("合川区今年的重点工作分为哪几块？", ["打造科技创新高地", "深化科技体制改革"]),
    ],
)
def test_what_does_a_section_consist_of(bundled_index, question, expected):
    a = qa.answer(question, bundled_index)
    assert not a.abstained and all(x in a.answer for x in expected), a.answer
    assert len(a.citations) == 1 and a.citations[0].line_end > a.citations[0].line_start


def test_the_plan_in_000_and_003_is_cited_once_with_both_sources(bundled_index):
    a = qa.answer("綦江区到2025年高新技术企业数预期达到多少？", bundled_index)
    # the table row [1] and the prose stating its figure [2], each once with both copies
    assert [c.n for c in a.citations] == [1, 2] and "200" in a.citations[1].quote
    for citation in a.citations:
        sources = {citation.source, *(s.source for s in citation.also_in)}
        assert {"000_28d192e06e44a9e3.txt", "003_3bc941a8174c68f0.txt"} <= sources


@pytest.mark.parametrize(
    "question",
    [
        "重庆高新区的地铁线路怎么规划的？",
        "大渡口区的森林覆盖率要达到多少？",
        "合川区新建几所幼儿园？",
    ],
)
def test_unanswerable_questions_abstain_with_nearest_passages(bundled_index, question):
    a = qa.answer(question, bundled_index)
    assert a.abstained, a.answer
    assert "最接近的段落" in a.answer
    assert 1 <= len(a.citations) <= 3
    # declined below the evidence threshold, or by what the best passages lack, said by name:
    # the slot, or the kind of value (a percentage for 覆盖率)
    if "missing_slot" in a.extra:
        assert f"其中没有“{a.extra['missing_slot']}”" in a.answer
    elif "missing_type" in a.extra:
        assert "其中没有所问的" in a.answer
    else:
        assert "未在语料中找到" in a.answer
        assert a.extra["evidence"] < a.extra["threshold"]


def test_a_rate_declined_for_want_of_a_percentage_says_so(bundled_index):
    # 大渡口区's plan gives figures near its goals, none a 森林覆盖率 percentage
    a = qa.answer("大渡口区的森林覆盖率要达到多少？", bundled_index)
    assert a.abstained
    assert a.extra.get("missing_type") == "number"
    assert "其中没有所问的百分比" in a.answer


def test_a_district_not_in_the_corpus_is_named_with_the_ones_that_are(bundled_index):
    a = qa.answer("万州区的高新技术企业目标是多少？", bundled_index)
    assert a.abstained and "万州区" in a.answer
    assert all(d in a.answer for d in ALL)


def test_district_filter_restricts_the_passages(bundled_index):
    a = qa.answer("高新技术企业2025年目标", bundled_index, filters=Filters(districts=("大渡口",)))
    assert a.hits and {h.chunk.district for h in a.hits} == {"大渡口区"}
    with pytest.raises(UserError, match="no documents for 万州区"):
        qa.answer("高新技术企业", bundled_index, filters=Filters(districts=("万州区",)))


# --- districts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("topic", "expected"),
    [
        ("量子信息", {"重庆高新区"}),  # one district
        ("哪些区的规划提到了氢能？", {"綦江区", "重庆高新区"}),  # two, 綦江 only as 氢燃料
        ("哪个区县提出建设科普基地？", ALL),  # all
        ("AI", {"綦江区", "重庆高新区", "大渡口区"}),  # a loose phrasing of 人工智能
        ("冬奥会", set()),  # none
    ],
)
def test_districts_finds_the_right_set(bundled_index, topic, expected):
    report = qa.districts(topic, bundled_index)
    assert {r.district for r in report.districts} == ALL  # every district, mentioned or not
    assert set(report.mentioned) == expected
    for r in report.districts:
        if r.mentioned:
            e = r.evidence[0]
            assert e.quote and e.source.endswith(".txt") and e.line_start >= 1
        assert len(r.evidence) <= (3 if r.mentioned else 1)


def test_districts_extracts_the_topic_from_a_question(bundled_index):
    report = qa.districts("哪些区的规划提到了氢能？", bundled_index)
    assert report.topic == "氢能" and "氢燃料" in report.terms


def test_ask_answers_a_which_districts_question_with_the_finder(bundled_index):
    a = qa.answer("哪些区县的规划提到了区块链？", bundled_index)
    assert a.mode == "districts" and a.district_report is not None
    assert "未提到：合川区" in a.answer
    assert {c.district for c in a.citations} == {"綦江区", "重庆高新区", "大渡口区"}
    assert len(a.to_dict()["districts"]) == 4


def test_compare_gives_evidence_per_district(bundled_index):
    report = qa.compare("科普", bundled_index, ["綦江", "合川区"])
    assert [r.district for r in report.districts] == ["綦江区", "合川区"]
    assert all(r.mentioned and r.evidence for r in report.districts)
    assert all("科普" in r.evidence[0].quote for r in report.districts)


# --- generative mode on the real index ---------------------------------------------------


def test_generative_mode_on_the_real_index(bundled_index):
    with ChatServer() as server:
        settings = Settings(llm_base_url=server.base_url, llm_model="stub", llm_timeout=5)
        server.script = Script(reply="到2025年，綦江区高新技术企业达到200家[1][8]。")
        pieces = list(
            qa.answer_stream(
                "綦江区2025年高新技术企业目标是多少？", bundled_index, None, settings, True
            )
        )
        final = pieces[-1]
        assert final.mode == "generative" and "[8]" not in final.answer
        assert [c.n for c in final.citations] == [1]
        prompt = server.requests[-1]["messages"][-1]["content"]
        assert "[1]" in prompt and "綦江区" in prompt

        server.script = Script(status=500)
        final = qa.answer(
            "綦江区2025年高新技术企业目标是多少？", bundled_index, None, settings, True
        )
        assert final.mode == "extractive" and "HTTP 500" in final.notice and "200家" in final.answer


# --- the CLI -----------------------------------------------------------------------------


@pytest.fixture()
def cli_env(session_settings, monkeypatch, bundled_index):
    monkeypatch.setenv("PLANQA_INDEX_DIR", str(session_settings.index_dir))
    monkeypatch.setenv("PLANQA_CACHE_DIR", str(session_settings.cache_dir))


def test_cli_ask_json(cli_env, capsys):
    assert main(["ask", "綦江区到2025年高新技术企业数预期达到多少？", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"question", "answer", "abstained", "mode", "citations", "results"}
    assert "200家" in out["answer"] and out["mode"] == "extractive"
    c = out["citations"][0]
    assert set(c) >= {
        "n",
        "chunk_id",
        "doc_id",
        "title",
        "district",
        "section",
        "quote",
        "source",
        "line_start",
        "line_end",
    }
    assert out["results"][0]["rank"] == 1


def test_cli_districts_json_and_human(cli_env, capsys):
    assert main(["districts", "氢能", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["topic"] == "氢能" and len(out["districts"]) == 4
    mentioned = {d["district"] for d in out["districts"] if d["mentioned"]}
    assert mentioned == {"綦江区", "重庆高新区"}
    assert main(["districts", "氢能"]) == 0
    assert "綦江区" in capsys.readouterr().out


def test_cli_compare_and_bad_district(cli_env, capsys):
    assert (
        main(["compare", "科普", "--district", "綦江区", "--district", "大渡口区", "--json"]) == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert [d["district"] for d in out["districts"]] == ["綦江区", "大渡口区"]
    assert main(["ask", "目标是多少", "--district", "火星区"]) == 2
    err = capsys.readouterr().err
    assert "unknown place" in err and err.count("\n") == 1


def test_a_misspelt_district_is_filtered_to_the_district_it_sounds_like(bundled_index):
    a = qa.answer("旗江区科技型企业到2025年要达到多少家？", bundled_index)
    assert not a.abstained, a.answer
    assert "2800" in a.answer
    assert {h.chunk.district for h in a.hits} == {"綦江区"}


@pytest.mark.parametrize("question", ["北京市海淀区的人工智能规划是什么", "上海浦东新区的科技规划"])
def test_a_place_outside_chongqing_is_named_with_the_districts_there_are(bundled_index, question):
    a = qa.answer(question, bundled_index)
    assert a.abstained and "语料中没有" in a.answer
    assert all(d in a.answer for d in ALL)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("厨余拉圾收运单位要怎样衔接？", "衔接"),  # 拉圾 for 垃圾
        ("读网值班人员要保持多少小时通讯畅通？", "24"),  # a gazette rule, not a plan
        ("一般工业项目审批改革要实现多少天拿地？", "40"),  # gazette news
    ],
)
def test_typo_and_gazette_questions_are_answered(bundled_index, question, expected):
    a = qa.answer(question, bundled_index)
    assert not a.abstained, (a.extra, a.answer)
    assert expected in a.answer
    assert a.question == question


def test_a_list_question_is_answered_with_every_item(bundled_index):
    a = qa.answer("大渡口区科技创新规划的基本原则有哪些？", bundled_index)
    assert not a.abstained, a.answer
    for lead in ("市场导向", "高点定位", "协同开放", "深化改革"):
        assert lead in a.answer
    assert len(a.answer) < 200  # the items' leads, not the four paragraphs
    assert a.citations[0].section[-1].endswith("基本原则")


def test_a_sentence_announcing_a_list_is_answered_with_the_list(bundled_index):
    a = qa.answer("保密审查要依照哪些程序进行？", bundled_index)
    assert not a.abstained, a.answer
    assert "初步意见" in a.answer and "分管领导审查批准" in a.answer


def test_a_question_about_one_item_is_not_answered_with_the_list(bundled_index):
    a = qa.answer("合川和秀山在哪些特色产业上协作？", bundled_index)
    assert "中医药" in a.answer


def test_a_how_many_question_whose_best_sentence_has_no_number_abstains(bundled_index):
    # the plan says funds go into the budget, never how much
    a = qa.answer("合川区2022年科技局的财政预算是多少？", bundled_index)
    assert a.abstained, a.answer
    # declined because no unit gives the figure asked (or the evidence is too weak)
    reasons = ("missing_type", "missing_slot")
    assert any(a.extra.get(r) for r in reasons) or a.extra["evidence"] < a.extra["threshold"]


# --- English questions (the calibration set's, not the gold set's) -------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How many new high-tech enterprises does Hechuan plan to add in 2022?", "20家"),
        (
            "What is the Chongqing High-tech Zone's 2025 target for incubator floor area?",
            "300万平方米",
        ),
        ("What share of GDP does Qijiang want the digital economy to reach by 2025?", "15%"),
    ],
)
def test_an_english_question_is_answered_from_the_chinese_passage(
    bundled_index, question, expected
):
    a = qa.answer(question, bundled_index)
    assert not a.abstained, a.answer
    assert expected in a.answer
    # judged by the English threshold, not the Chinese one
    assert a.extra["threshold"] == load_calibration().abstain_evidence_latin
    assert a.extra["coverage"] > 0


@pytest.mark.parametrize(
    "question", ["How many taxis are there in Qijiang?", "Who is the mayor of Qijiang District?"]
)
def test_an_english_question_about_something_absent_abstains(bundled_index, question):
    a = qa.answer(question, bundled_index)
    assert a.abstained, a.answer
    assert a.extra["coverage"] == 0.0


def test_a_citation_gives_the_quotes_own_lines_and_the_passages(bundled_index):
    a = qa.answer("綦江区到2025年高新技术企业数预期达到多少？", bundled_index)
    c = a.citations[0]
    assert (c.source, c.line_start, c.line_end) == ("003_3bc941a8174c68f0.txt", 311, 311)
    assert c.passage_line_start < c.line_start <= c.line_end <= c.passage_line_end
    line = (DATA / c.source).read_text(encoding="utf-8").splitlines()[c.line_start - 1]
    assert "高新技术企业数" in line and "200" in line
    from cli.render import citation_lines

    assert "003_3bc941a8174c68f0.txt:311" in "\n".join(citation_lines(a.citations))


# --- the question frame on the real corpus --------------------------------------------------


def test_a_two_part_question_gets_both_values(bundled_index):
    a = qa.answer("重庆高新区财政科技支出占比从2020年的多少提高到2025年的多少？", bundled_index)
    assert not a.abstained and "12" in a.answer and "15" in a.answer
    a = qa.answer("大渡口区高新技术企业“十三五”目标是多少家，2020年实际达到多少家？", bundled_index)
    assert "80" in a.answer and "92" in a.answer


def test_a_heading_subtree_answers_what_x_consists_of(bundled_index):
    a = qa.answer("綦江“两区一园一基地”具体指哪几项？", bundled_index)
    assert not a.abstained
    for item in ("国家高新技术产业开发区", "绿色工业园区", "现代农业产业园", "齿轮特色产业基地"):
        assert item in a.answer


def test_a_definition_answers_what_x_means(bundled_index):
    a = qa.answer("“三审三校”是什么意思？", bundled_index)
    assert "科室负责人" in a.answer and "分管领导" in a.answer


def test_a_policy_synonym_reads_the_intensity_row_not_the_growth_row(bundled_index):
    a = qa.answer("綦江区研发投入强度2025年目标是多少？", bundled_index)
    assert not a.abstained and "3" in a.answer and ">10" not in a.answer


@pytest.mark.parametrize(
    "question",
    ["' OR 1=1; --", "大渡口区2030年科技型企业目标是多少？", "綦江区土壤普查领导小组组长是谁？"],
)
def test_questions_the_corpus_does_not_answer_are_declined(bundled_index, question):
    try:
        a = qa.answer(question, bundled_index)
    except UserError:
        return  # bad input is refused outright, which is a decline too
    assert a.abstained, a.answer


def test_a_follow_up_inherits_the_place_and_says_so(bundled_index):
    first = qa.answer("大渡口区2025年国家高新技术企业数目标是多少？", bundled_index)
    assert "165" in first.answer
    follow = qa.answer("那科技型企业数呢？", bundled_index, previous=first)
    assert "550" in follow.answer
    assert follow.notice and follow.notice.startswith("沿用上一问：大渡口区")
    alone = qa.answer("那科技型企业数呢？", bundled_index)
    assert alone.notice is None or "沿用" not in alone.notice


def test_the_chat_passes_the_previous_turn_to_a_follow_up(bundled_index, tmp_path):
    from ui.ask import AskHandlers
    from ui.common import SharedIndex

    settings = Settings(index_dir=tmp_path / "index", cache_dir=tmp_path / "cache")
    handlers = AskHandlers(settings, SharedIndex(settings, opened=bundled_index))
    history, *_ = list(handlers.ask("大渡口区2025年国家高新技术企业数目标是多少？", []))[-1]
    history, *_ = list(handlers.ask("那科技型企业数呢？", history))[-1]
    assert "550" in history[-1]["content"] and "沿用上一问：大渡口区" in history[-1]["content"]
    fresh, *_ = list(handlers.ask("那科技型企业数呢？", []))[-1]
    assert "沿用上一问" not in fresh[-1]["content"]


def test_cli_follow_up_reads_the_last_turn_and_plain_ask_does_not(cli_env, capsys):
    assert main(["ask", "大渡口区2025年国家高新技术企业数目标是多少？", "--json"]) == 0
    capsys.readouterr()
    assert main(["ask", "那科技型企业数呢？", "--follow-up", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert "550" in out["answer"] and out["notice"].startswith("沿用上一问：大渡口区")
    assert main(["ask", "那科技型企业数呢？", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert not (out["notice"] or "").startswith("沿用上一问")
