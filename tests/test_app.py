"""The UI's pure helpers (the ui modules outside their `build` functions): HTML rendering,
table rows, messages and upload checks, on tiny inline records. No server, no model."""

from __future__ import annotations

import pytest
from records_support import citation
from records_support import document as doc
from zh_support import raises_zh

from corpus.errors import UserError
from corpus.model import Chunk, SourceSpan
from qa.types import Answer, DistrictReport, DistrictResult, Evidence
from ui import ask, common, districts, documents, evaluation, messages, shell
from ui.ask import AskHandlers
from ui.documents import DocumentHandlers


def evidence(chunk_id: str, quote: str, score: float = 0.9) -> Evidence:
    return Evidence(chunk_id, "000_a", "规划", ("第三章",), quote, "000_a.txt", 10, 12, score)


def report() -> DistrictReport:
    return DistrictReport(
        topic="氢能",
        districts=(
            DistrictResult("合川区", False, 0.41, (evidence("h1", "推进智能制造。", 0.41),)),
            DistrictResult("綦江区", True, 1.89, (evidence("q1", "发展氢燃料电池。"),), 2),
            DistrictResult("大渡口区", False, 0.0, ()),
        ),
        terms=("氢能", "氢燃料"),
    )


# --- highlighting ----------------------------------------------------------------------


def test_highlight_marks_every_occurrence_and_escapes_the_rest():
    out = common.highlight("<b>氢能</b>产业：氢能汽车", ["氢能"])
    assert out == "&lt;b&gt;<mark>氢能</mark>&lt;/b&gt;产业：<mark>氢能</mark>汽车"


def test_highlight_prefers_longer_terms_and_merges_overlaps():
    out = common.highlight("高新技术企业数", ["高新", "高新技术企业", "企业数"])
    assert out == "<mark>高新技术企业数</mark>"


def test_highlight_ignores_width_and_case():
    assert common.highlight("发展ＡＩ产业", ["ai"]) == "发展<mark>ＡＩ</mark>产业"


def test_highlight_matches_across_the_spaces_a_pdf_leaves():
    # the corpus's match key drops whitespace: a term is found where a line break or a
    # word processor's space splits it, and the mark spans the text as shown
    assert (
        common.highlight("研发 投入强度达到3%", ["研发投入"]) == "<mark>研发 投入</mark>强度达到3%"
    )


def test_highlight_without_terms_only_escapes():
    assert common.highlight("a < b & c", []) == "a &lt; b &amp; c"


# --- citations -------------------------------------------------------------------------


def test_citation_card_shows_district_title_section_lines_and_highlighted_quote():
    html = ask.citation_card_html(citation(), ["高新技术企业"])
    assert 'data-district="綦江区"' in html
    assert '<span class="pq-district">綦江区</span>' in html
    assert "《重庆市綦江区科技创新发展“十四五”规划》" in html
    assert "第一章 总体要求 › 第五节 发展目标" in html
    assert "000_a.txt · 第 120–135 行" in html
    assert "<mark>高新技术企业</mark>" in html


def test_citation_card_lists_the_other_copies_and_escapes_text():
    c = citation(
        quote="<script>alert(1)</script>",
        also_in=(SourceSpan("003_b.txt", 400, 410, "003_b#3"),),
    )
    html = ask.citation_card_html(c)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "另见：003_b.txt · 第 400–410 行" in html


def test_citations_html_numbers_cards_and_says_when_it_abstained():
    answered = Answer("问", "答[1][2]", False, "extractive", (citation(1), citation(2)))
    html = ask.citations_html(answered)
    assert html.count('class="pq-card"') == 2
    assert "出处" in html
    abstained = Answer("问", "未找到", True, "extractive", (citation(1),))
    assert "最接近的段落" in ask.citations_html(abstained)
    assert ask.citations_html(None) == ""


def test_retrieved_passages_follow_the_cards_folded():
    from index.types import Hit

    chunk = Chunk(
        "c9",
        "004_h",
        ("主要目标",),
        "text",
        "全区高新技术企业新增20家以上。" * 20,
        7,
        9,
        "合川区",
        "工作要点",
        "004_h.txt",
    )
    hits = (Hit(chunk, 0.03, 1, ("dense", "bm25")),)
    html = ask.citations_html(Answer("问", "答[1]", False, "extractive", (citation(),), hits))
    assert html.index('class="pq-card"') < html.index("<details")
    assert "检索到的段落（1）" in html
    assert "#1 · 向量+关键词 · 004_h.txt · 第 7–9 行" in html
    assert 'data-district="合川区"' in html and "…" in html  # long passages are cut
    assert ask.hits_html(()) == ""


def test_answer_markdown_appends_the_notice():
    a = Answer("问", "答[1]", False, "extractive", notice="大模型不可用")
    assert ask.answer_markdown(a).endswith("答[1]\n\n> ℹ️ 大模型不可用")


# --- districts -------------------------------------------------------------------------


def test_district_rows_list_every_district_mentioned_or_not():
    rows = districts.district_rows(report())
    # mentions first, then the rest by score
    assert [r[0] for r in rows] == ["綦江区", "合川区", "大渡口区"]
    assert [r[1] for r in rows] == ["✔ 提到", "✘ 未提到", "✘ 未提到"]
    assert rows[0][2] == "提到 2 处"  # the passages that mention it, not a raw score
    assert rows[0][3] == "发展氢燃料电池。"
    assert rows[2][3] == ""  # no evidence at all: an empty snippet, still a row


def test_district_chart_rows_and_summary():
    chart = districts.district_chart_rows(report())
    assert [(r["地区"], r["是否提到"]) for r in chart] == [
        ("綦江区", "提到"),
        ("合川区", "未提到"),
        ("大渡口区", "未提到"),
    ]
    summary = districts.district_summary_html(report())
    assert "1/3 个区县提到“氢能”：綦江区" in summary


def test_a_target_asked_is_marked_as_set_or_not():
    from dataclasses import replace

    target = replace(report(), aspect="target")
    assert [r[1] for r in districts.district_rows(target)] == ["✔ 设定", "✘ 未设定", "✘ 未设定"]
    assert "1/3 个区县设定了“氢能”目标：綦江区" in districts.district_summary_html(target)
    bounded = replace(target, bound="超过3万人")
    assert districts.district_rows(bounded)[0][1] == "✔ 达到"


def test_district_evidence_shows_the_whole_passage_with_the_quote_marked():
    chunk = Chunk(
        "q1",
        "000_a",
        ("第三章",),
        "text",
        "巩固制氢技术。发展氢燃料电池。构建全产业链。",
        10,
        12,
        "綦江区",
        "规划",
        "000_a.txt",
    )
    html = districts.district_evidence_html(report(), "綦江区", {"q1": chunk})
    assert "巩固制氢技术。" in html and "构建全产业链。" in html
    assert '<span class="pq-quoted">发展<mark>氢燃料</mark>电池。</span>' in html
    missing = districts.district_evidence_html(report(), "大渡口区", {})
    assert "没有相关段落" in missing
    assert "报告中没有" in districts.district_evidence_html(report(), "火星区", {})


# --- documents -------------------------------------------------------------------------


def chunk(cid: str, section: tuple[str, ...], text: str, kind: str = "text", **kw) -> Chunk:
    return Chunk(cid, "d1", section, kind, text, 5, 6, "綦江区", "规划", "d1.txt", **kw)


def test_chunk_counts_count_a_shared_chunk_in_every_copy():
    docs = [doc("d1"), doc("d2", duplicate_of="d1")]
    shared = chunk("c1", ("一",), "甲", also_in=(SourceSpan("d2.txt", 9, 10, "d2"),))
    counts = common.chunk_counts(docs, [shared, chunk("c2", ("一",), "乙")])
    assert counts == {"d1": 2, "d2": 1}


def test_document_rows_carry_the_metadata_in_chinese():
    rows = documents.document_rows(
        [doc("d1"), doc("d2", district=None, doc_type="news", duplicate_of="d1")], {"d1": 3}
    )
    assert rows[0] == [
        "d1",
        "綦江区",
        "规划",
        "区政府",
        "綦江府发〔2022〕26号",
        "2022-08-27",
        "规划",
        3,
        "",
    ]
    assert rows[1][1] == "—" and rows[1][6] == "新闻" and rows[1][7] == 0
    assert rows[1][8] == "与 d1 相同"


def test_document_html_reads_section_by_section_with_tables():
    chunks = [
        chunk("c1", ("第一章",), "第一段。"),
        chunk("c2", ("第一章",), "第二段。"),
        chunk("c3", ("第一章", "第一节"), "指标 | 2025: 200", kind="table"),
    ]
    html = documents.document_html(doc("d1"), chunks)
    assert html.count('class="pq-doc-section"') == 2  # a heading where the path changes
    assert html.index("第一段。") < html.index("第二段。") < html.index("第一章 › 第一节")
    assert "<td>指标</td><td>2025: 200</td>" in html
    assert "綦江府发〔2022〕26号" in html and "段落数：3" in html


def test_document_html_gives_a_copys_own_line_numbers():
    shared = chunk("c1", ("一",), "甲", also_in=(SourceSpan("d2.txt", 90, 95, "d2"),))
    html = documents.document_html(doc("d2", duplicate_of="d1"), [shared])
    assert "d2.txt · 第 90–95 行" in html
    assert "副本" in html


# --- messages and uploads --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "what", "chinese"),
    [
        ("", "question", "请输入问题。"),
        ("  ", "topic", "请输入主题。"),
        ("问" * 10000, "question", "问题太长（10000 字），请控制在 500 字以内。"),
        ("问\x07", "question", "问题中含有不可见的控制字符（U+0007），请删除后重试。"),
        ("？！", "question", "问题只有标点或符号，请输入文字。"),
    ],
)
def test_user_messages_are_chinese(text, what, chinese):
    from qa.text import check_question

    with pytest.raises(UserError) as raised:
        check_question(text, what=what)
    assert messages.user_message(raised.value) == chinese


def test_a_gold_file_error_is_chinese_through_and_through(tmp_path):
    from eval.gold import load_gold

    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "kind": "factoid", "question": "问"}\n{"id": \n', "utf-8")
    with pytest.raises(UserError) as raised:
        load_gold(gold)
    message = messages.user_message(raised.value, (str(gold), gold.name))
    assert message.startswith("金标准文件 gold.jsonl 第 1 行有误：未知的题型 'factoid'")
    assert not any(word in message for word in ("unknown", "kind", "use one of"))


def test_read_upload_text_accepts_utf8_with_bom(tmp_path):
    p = tmp_path / "gold.jsonl"
    p.write_bytes("\ufeff".encode() + '{"question": "问"}\n'.encode())
    assert evaluation.read_upload_text(p) == '{"question": "问"}\n'


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "空的"),
        (b"\x80\x04\x95pickle\x00\x00", "NUL"),
        ("问题".encode("gbk"), "UTF-8"),
        (b"x" * 2000, "太大"),
    ],
)
def test_read_upload_text_refuses_what_is_not_a_small_utf8_text(tmp_path, content, message):
    p = tmp_path / "upload.jsonl"
    p.write_bytes(content)
    with raises_zh(message):
        evaluation.read_upload_text(p, limit=1000)


# --- evaluation report -----------------------------------------------------------------

# the shape of eval.Report.to_dict() (the `planqa eval --json` contract), trimmed
REPORT = {
    "metrics": {
        "recall@5": 0.9,
        "mrr": 0.75,
        "district_f1": None,
        "false_abstentions": 0.1,
        "per_kind": {"fact": {}},
    },
    "targets": [
        {"metric": "recall@5", "target": ">= 0.95", "value": 0.9, "met": False},
        {"metric": "false_abstentions", "target": "<= 0.05", "value": 0.1, "met": False},
    ],
    "baselines": {
        "bm25": {"recall@5": 0.7, "mrr": 0.5, "false_abstentions": 0.2, "per_kind": {}},
        "dense": {"recall@5": 0.8, "mrr": None},
    },
    "items": [
        {"id": "f01", "kind": "fact", "question": "綦江区高企目标？", "passed": True},
        {
            "id": "f02",
            "kind": "fact",
            "question": "技术合同成交额？",
            "passed": False,
            "expected_answer": "10亿元",
            "answer_keywords": ["10"],
            "answer": "未在语料中找到",
            "failures": ["abstained"],
            "stage": "retrieval",
        },
        {
            "id": "d01",
            "kind": "district",
            "question": "哪些区提到氢能？",
            "passed": False,
            "expected_districts": ["綦江区", "重庆高新区"],
            "predicted_districts": ["綦江区"],
            "failures": ["missed 重庆高新区"],
        },
    ],
}


def test_metric_table_has_targets_and_a_column_per_baseline():
    headers, rows = evaluation.metric_table(REPORT)
    assert headers == ["指标", "键", "本系统", "目标", "是否达标", "BM25 关键词检索", "纯向量检索"]
    by_key = {r[1]: [r[0], *r[2:]] for r in rows}
    # per_kind is a breakdown, not a metric row
    assert set(by_key) == {"recall@5", "mrr", "district_f1", "false_abstentions"}
    assert by_key["recall@5"] == ["召回率@5", 0.9, ">= 0.95", "✘ 未达标", 0.7, 0.8]
    assert by_key["mrr"] == ["平均倒数排名", 0.75, "", "", 0.5, "—"]
    assert by_key["district_f1"] == ["地区集合F1", "不适用", "", "", "—", "—"]


def test_failed_rows_list_only_failures_with_what_was_expected():
    rows = evaluation.failed_rows(REPORT)
    assert rows == [
        [
            "f02",
            "事实",
            "技术合同成交额？",
            "10亿元",
            "未在语料中找到",
            "abstained（问题出在：retrieval）",
        ],
        ["d01", "区县", "哪些区提到氢能？", "綦江区、重庆高新区", "綦江区", "missed 重庆高新区"],
    ]


def test_llm_toggle_explains_what_to_configure():
    from corpus.settings import Settings

    off = Settings(llm_base_url=None, llm_model=None)
    on = Settings(llm_base_url="http://127.0.0.1:9/v1", llm_model="qwen")
    assert not ask.llm_configured(off) and ask.llm_configured(on)
    assert "PLANQA_LLM_BASE_URL" in ask.llm_explanation(off)
    assert "qwen" in ask.llm_explanation(on)


# --- the shared index ------------------------------------------------------------------


def test_the_index_is_opened_once_however_many_requests_arrive_together(monkeypatch, tmp_path):
    import threading
    import time

    import index
    from corpus.settings import Settings

    calls = []

    def slow_open_or_build(settings, progress=True):
        calls.append(settings.index_dir)
        time.sleep(0.2)  # long enough that every thread arrives while it is opening
        return object()

    monkeypatch.setattr(index, "open_or_build", slow_open_or_build)
    settings = Settings(index_dir=tmp_path / "index", cache_dir=tmp_path / "cache")
    got = []
    threads = [
        threading.Thread(target=lambda: got.append(common.shared_index(settings).get()))
        for _ in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert len(got) == 8 and len({id(x) for x in got}) == 1
    # the same index dir in another Settings object is the same shared index
    same = Settings(index_dir=tmp_path / "index", cache_dir=tmp_path / "cache", port=1234)
    assert common.shared_index(same).get() is got[0]
    assert len(calls) == 1


def test_an_index_passed_in_is_used_without_opening_anything(monkeypatch, tmp_path):
    import index
    from corpus.settings import Settings

    monkeypatch.setattr(index, "open_or_build", lambda *a, **k: pytest.fail("opened"))
    opened = object()
    settings = Settings(index_dir=tmp_path / "other", cache_dir=tmp_path / "cache")
    assert common.shared_index(settings, opened).get() is opened


def test_question_terms_are_the_words_asked_about_not_their_pieces():
    terms = ask.question_terms("綦江区到2025年高新技术企业数预期达到多少？")
    assert "高新技术企业" in terms and "2025" in terms
    assert not {"高新", "技术", "企业", "多少"} & set(terms)


def test_an_index_that_cannot_be_opened_is_said_in_the_page(monkeypatch, tmp_path):
    import index
    from corpus.settings import Settings

    def damaged(settings, progress=True):
        raise UserError("index_damaged", index_dir="/x", why="manifest.json is missing")

    monkeypatch.setattr(index, "open_or_build", damaged)
    settings = Settings(index_dir=tmp_path / "damaged", cache_dir=tmp_path / "cache")
    holder = common.shared_index(settings)
    status, places, *_ = shell.startup(holder)
    assert "索引无法打开" in status and "planqa build" in status and places == []
    assert "索引无法打开" in DocumentHandlers(settings, holder).open_document("000_a")
    history, cards, *_ = list(AskHandlers(settings, holder).ask("綦江区的目标？", []))[-1]
    assert "planqa build" in history[-1]["content"] and "pq-error" in cards
