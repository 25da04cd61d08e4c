"""eval: metric functions on tiny hand-made cases with exact values; the gold loader's errors;
the gold set's evidence (every quote on the stated line of the stated file)."""

from __future__ import annotations

import json

import pytest

from corpus.errors import UserError
from corpus.settings import BUNDLED_DATA_DIR
from eval import metrics as m
from eval.gold import DEFAULT_GOLD, KINDS, evidence_problems, load_gold
from eval.runner import ItemResult, aggregate

# --- matching ---------------------------------------------------------------------------


def test_match_key_folds_width_spaces_and_table_separators():
    assert m.match_key("高新技术企业数\t家\t98\t200") == m.match_key(
        "高新技术企业数 | 家 | 98 | 200"
    )
    assert m.match_key("ＯＴＣ　２．３％") == m.match_key("otc 2.3%")
    assert m.match_key("R&D 经费") == "r&d经费"


def test_contains_evidence_any_quote():
    passage = "到 2025 年,科技型企业达到 2800 家、高新技术企业达到 200 家"
    assert m.contains_evidence(passage, ["高新技术企业达到200家"])
    assert m.contains_evidence(passage, ["不在这里", "科技型企业达到2800家"])
    assert not m.contains_evidence(passage, ["高新技术企业达到500家"])
    assert not m.contains_evidence(passage, [])


def test_table_line_quote_matches_a_stored_row_in_order():
    quote = "殡葬设施专项规划(2021—2035年)\t区民政局\t2022年9月"
    row = ("綦江区殡葬设施专项规划(2021—2035年)", "区民政局", "2022年9月")
    display = "綦江区殡葬设施专项规划(2021—2035年) | 承办单位: 区民政局 | 决策时间: 2022年9月"
    assert m.contains_evidence(display, [quote], [("表头",), row])
    assert m.contains_evidence(display, [quote], [(row[0], "区教委", *row[1:])])  # more cells
    # the display text is not read for the row: without its stored rows no match
    assert not m.contains_evidence(display, [quote])
    # cells spread over two rows, or out of order, are not one row
    assert not m.contains_evidence(display, [quote], [(row[0], "区教委"), row[1:]])
    assert not m.contains_evidence(display, [quote], [(row[1], row[0], row[2])])


def test_passage_text_includes_headings():
    passage = m.passage_text(
        ("第十章 保障措施", "第一节 强化组织领导保障"), "加强党对科技创新事业的全面领导"
    )
    assert m.contains_evidence(passage, ["强化组织领导保障"])
    assert m.passage_text((), "正文") == "正文"


def test_first_hit_rank():
    passages = ["甲乙丙", "丁戊己", "庚辛壬", "丁戊"]
    assert m.first_hit_rank(passages, ["丁戊"]) == 2
    assert m.first_hit_rank(passages, ["辛", "甲"]) == 1
    assert m.first_hit_rank(passages, ["癸"]) is None
    assert m.first_hit_rank(passages, []) is None


# --- retrieval ----------------------------------------------------------------------------


def test_recall_and_mrr_exact():
    ranks = [1, 3, None, 7, 2]
    assert m.recall_at(ranks, 1) == pytest.approx(1 / 5)
    assert m.recall_at(ranks, 5) == pytest.approx(3 / 5)
    assert m.recall_at(ranks, 10) == pytest.approx(4 / 5)
    assert m.mrr(ranks) == pytest.approx((1 + 1 / 3 + 0 + 1 / 7 + 1 / 2) / 5)
    assert m.recall_at([], 5) == 0.0
    assert m.mrr([]) == 0.0


# --- answers ------------------------------------------------------------------------------


def test_keywords_present_needs_all():
    answer = "到2025年，綦江区技术合同成交额预期达到10亿元[1]。"
    assert m.keywords_present(answer, ["10", "亿元"])
    assert not m.keywords_present(answer, ["10", "万元"])
    assert m.keywords_present(answer, [])
    assert m.keywords_present("比重达到 5.5 %", ["5.5%"])


def test_citation_precision_exact():
    quotes = ["瞪羚企业累计达50家以上"]
    cited = ["……瞪羚企业累计达50家以上,新增独角兽……", "无关段落", "另一个无关段落"]
    assert m.citation_precision(cited, quotes) == pytest.approx(1 / 3)
    assert m.citation_precision(cited[:1], quotes) == 1.0
    assert m.citation_precision([], quotes) is None


def test_citation_of_the_same_fact_elsewhere_in_the_evidence_document_counts():
    # the evidence names the indicator table's row; the plan's prose states the same target
    quotes = ["全社会研发经费占地区生产总值的比重\t%\t2.3\t3"]
    prose = "全社会研发投入强度超过 3%,战略性新兴产业增加值占比达到 25%"
    assert m.supports(prose, quotes, ["3%"], same_document=True)
    # the same words in another document, or a passage lacking a keyword, do not count
    assert not m.supports(prose, quotes, ["3%"], same_document=False)
    assert not m.supports(prose, quotes, ["3%", "2.3"], same_document=True)
    assert not m.supports(prose, quotes, [], same_document=True)
    cited = [prose, "无关段落"]
    assert m.citation_precision(cited, quotes, ["3%"], [True, True]) == 0.5
    assert m.citation_precision(cited, quotes, ["3%"]) == 0.0  # nothing known: quotes only


def test_documents_place_evidence_lines_and_cited_lines():
    from types import SimpleNamespace as NS

    from corpus.model import SourceSpan
    from eval.gold import GoldEvidence
    from eval.runner import Documents, _cited_passage

    def chunk(cid, doc, lo, hi):
        return NS(chunk_id=cid, sources=(SourceSpan("f.txt", lo, hi, doc),), rows=())

    docs = Documents.of_index(
        [chunk("a", "f#1", 1, 10), chunk("b", "f#2", 20, 30), chunk("c", "f#2", 31, 40)]
    )
    item = NS(evidence=(GoldEvidence("f.txt", 25, "x"), GoldEvidence("g.txt", 25, "y")))
    assert docs.of_evidence(item) == {"f#2"}
    # evidence naming the file by its path from the repository is in the same file
    by_path = NS(evidence=(GoldEvidence("../shared/external/txt/f.txt", 35, "x"),))
    assert docs.of_evidence(by_path) == {"f#2"}
    assert docs.of_chunk("a") == {"f#1"}
    # a citation of lines 20-40 by chunk b points the reader at chunk c's lines too
    text = {"a": "甲", "b": "乙", "c": "丙"}
    cite = NS(chunk_id="b", quote="乙", source="f.txt", line_start=20, line_end=40)
    assert _cited_passage(cite, text, docs) == ("乙\n丙", ())
    assert _cited_passage(cite, text, None) == ("乙", ())


def test_district_scores_exact():
    assert m.district_scores({"綦江区", "合川区"}, {"綦江区"}) == pytest.approx((0.5, 1.0, 2 / 3))
    assert m.district_scores({"綦江区"}, {"綦江区", "重庆高新区", "大渡口区"}) == pytest.approx(
        (1.0, 1 / 3, 0.5)
    )
    assert m.district_scores(set(), set()) == (1.0, 1.0, 1.0)  # "none" answered with none
    assert m.district_scores({"綦江区"}, set()) == (0.0, 1.0, 0.0)
    assert m.district_scores(set(), {"綦江区"}) == (1.0, 0.0, 0.0)
    assert m.district_scores({"合川区"}, {"綦江区"}) == (0.0, 0.0, 0.0)


def test_mean_and_share_skip_missing():
    assert m.mean([1.0, None, 0.0, 0.5]) == pytest.approx(0.5)
    assert m.mean([None]) is None
    assert m.share([True, False, False, True]) == 0.5
    assert m.share([]) is None


# --- aggregation over hand-made item results ---------------------------------------------


def _item(id, kind, keywords=(), districts=(), evidence=True):
    from eval.gold import GoldEvidence, GoldItem

    ev = (GoldEvidence("x.txt", 1, "证据"),) if evidence else ()
    return GoldItem(id, kind, "问题？", "", tuple(keywords), tuple(districts), ev)


def test_aggregate_exact():
    results = [
        ItemResult(
            _item("a", "fact", ["200"]), first_hit=1, keywords_ok=True, citation_precision=1.0
        ),
        ItemResult(
            _item("b", "fact", ["300"]), first_hit=6, keywords_ok=False, citation_precision=0.5
        ),
        ItemResult(_item("c", "variant", ["1"]), first_hit=None, abstained=True, keywords_ok=False),
        ItemResult(_item("u1", "unanswerable", evidence=False), abstained=True),
        ItemResult(_item("u2", "unanswerable", evidence=False), abstained=False),
        ItemResult(
            _item("d", "district", districts=["綦江区"]),
            first_hit=2,
            district_prf=(0.5, 1.0, 2 / 3),
        ),
        ItemResult(_item("n", "district", evidence=False), district_prf=(1.0, 1.0, 1.0)),
    ]
    metrics, counts = aggregate(results)
    # retrieval over the 4 items with evidence: ranks 1, 6, None, 2
    assert metrics["recall@1"] == pytest.approx(1 / 4)
    assert metrics["recall@5"] == pytest.approx(2 / 4)
    assert metrics["recall@10"] == pytest.approx(3 / 4)
    assert metrics["mrr"] == pytest.approx((1 + 1 / 6 + 1 / 2) / 4)
    assert metrics["keyword_accuracy"] == pytest.approx(1 / 3)
    assert metrics["citation_precision"] == pytest.approx(0.75)
    assert metrics["abstention_accuracy"] == pytest.approx(0.5)
    assert metrics["false_abstentions"] == pytest.approx(1 / 3)
    assert metrics["district_precision"] == pytest.approx(0.75)
    assert metrics["district_recall"] == pytest.approx(1.0)
    assert metrics["district_f1"] == pytest.approx((2 / 3 + 1) / 2)
    assert counts["retrieval"] == 4 and counts["unanswerable"] == 2 and counts["districts"] == 2


# --- the gold loader ------------------------------------------------------------------------


def _write(tmp_path, lines):
    p = tmp_path / "gold.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


GOOD = json.dumps(
    {
        "id": "x1",
        "kind": "fact",
        "question": "问？",
        "answer": "答",
        "answer_keywords": ["答"],
        "districts": ["綦江区"],
        "evidence": [{"source": "a.txt", "line": 3, "quote": "答"}],
        "notes": "",
    },
    ensure_ascii=False,
)


def test_load_gold_reads_good_file_and_skips_blank_lines(tmp_path):
    items = load_gold(_write(tmp_path, [GOOD, "", "   "]))
    assert len(items) == 1
    assert items[0].evidence[0].line == 3
    assert items[0].to_dict()["answer_keywords"] == ["答"]


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"id": "y", "kind": "fact"}', "missing or empty 'question'"),
        ('{"id": "y", "kind": "opinion", "question": "q"}', "unknown kind 'opinion'"),
        (
            '{"id": "y", "kind": "fact", "question": "q", "answer_keywords": "200"}',
            "answer_keywords",
        ),
        (
            '{"id": "y", "kind": "fact", "question": "q", "evidence": [{"source": "a", "line": 0, "quote": "x"}]}',
            "positive integer",
        ),
        (
            '{"id": "y", "kind": "fact", "question": "q", "evidence": [{"source": "a", "line": 2}]}',
            "quote",
        ),
        (GOOD, "duplicate id 'x1' (first on line 1)"),
    ],
)
def test_load_gold_names_the_bad_line(tmp_path, bad, message):
    path = _write(tmp_path, [GOOD, bad])
    with pytest.raises(UserError) as err:
        load_gold(path)
    assert f"{path}:2:" in str(err.value)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_load_gold_missing_and_empty_files(tmp_path):
    with pytest.raises(UserError, match="not found"):
        load_gold(tmp_path / "nope.jsonl")
    with pytest.raises(UserError, match="no items"):
        load_gold(_write(tmp_path, [""]))
    with pytest.raises(UserError, match="directory"):
        load_gold(tmp_path)


# --- the bundled gold set ---------------------------------------------------------------------


def test_bundled_gold_set_shape():
    items = load_gold(DEFAULT_GOLD)
    assert len(items) >= 80
    kinds = {k: [i for i in items if i.kind == k] for k in KINDS}
    assert all(kinds.values()), "every kind is represented"
    district_sizes = {len(i.districts) for i in kinds["district"]}
    assert {0, 1, 2, 3, 4} <= district_sizes  # none, one, two, three and all four districts
    for i in items:
        if i.kind in ("fact", "section", "variant"):
            assert i.evidence and i.answer_keywords, i.id
        if i.kind == "unanswerable":
            assert not i.evidence, i.id
        if i.kind == "district":
            assert len(i.evidence) >= len(i.districts), i.id


def test_bundled_gold_evidence_is_on_the_stated_lines():
    items = load_gold(DEFAULT_GOLD)
    assert evidence_problems(items, BUNDLED_DATA_DIR) == []


def test_evidence_check_can_fail(tmp_path):
    (tmp_path / "a.txt").write_text("第一行\n第二行有证据\n", encoding="utf-8")
    items = load_gold(
        _write(
            tmp_path,
            [GOOD.replace('"line": 3', '"line": 1').replace('"quote": "答"', '"quote": "证据"')],
        )
    )
    assert evidence_problems(items, tmp_path) == ["x1: '证据' not on line 1 of a.txt"]
    assert evidence_problems(items, tmp_path / "missing") == ["x1: no file a.txt"]


def test_evidence_in_a_docx_counts_the_lines_the_reader_gives(tmp_path):
    """A .docx has no text lines of its own: `line` counts its paragraphs as the corpus reader
    gives them, the lines a chunk's source position counts."""
    import docx

    document = docx.Document()
    for text in ("2025年某省政府工作报告", "各位代表：", "地区生产总值增长5%左右。"):
        document.add_paragraph(text)
    document.save(tmp_path / "a.docx")
    item = GOOD.replace('"a.txt"', '"a.docx"').replace('"quote": "答"', '"quote": "增长5%"')
    on_3 = load_gold(_write(tmp_path, [item]))
    assert evidence_problems(on_3, tmp_path) == []
    on_2 = load_gold(_write(tmp_path, [item.replace('"line": 3', '"line": 2')]))
    assert evidence_problems(on_2, tmp_path) == ["x1: '增长5%' not on line 2 of a.docx"]


# --- the report on hand-made results -------------------------------------------------------


def _report():
    from eval.runner import Report, _judge, _system_result

    def results(first_hit, keywords_ok, abstained_u):
        return [
            ItemResult(_item("a", "fact", ["200"]), first_hit=first_hit, keywords_ok=keywords_ok),
            ItemResult(_item("u", "unanswerable", evidence=False), abstained=abstained_u),
        ]

    ours = results(1, True, True)
    theirs = results(None, False, False)
    for r in ours + theirs:
        _judge(r)
    return Report(
        "gold.jsonl",
        {"planqa": _system_result("planqa", ours), "bm25": _system_result("bm25", theirs)},
        {"chunks": 2, "embedder": "fake"},
    )


def test_report_targets_and_ahead_exact():
    report = _report()
    ahead = report.ahead()["bm25"]
    assert ahead["recall@5"] == 1.0 and ahead["keyword_accuracy"] == 1.0
    assert ahead["false_abstentions"] == 0.0  # lower is better: sign flipped, equal here
    assert ahead["district_f1"] is None
    targets = {t["metric"]: t for t in report.targets()}
    assert targets["recall@5"]["met"] and targets["abstention_accuracy"]["met"]
    assert targets["district_f1"]["value"] is None and not targets["district_f1"]["met"]
    d = report.to_dict()
    assert d["items"][0]["baselines"]["bm25"]["failures"] == ["retrieval", "keywords"]


def test_write_report_lists_failures_and_charts(tmp_path):
    from eval import write_report

    path = write_report(_report(), tmp_path / "out")
    text = path.read_text(encoding="utf-8")
    assert "| recall@5 | **1.000** | 0.000 |" in text
    assert "| unanswerable (abstention_accuracy) | 1.000 | 0.000 |" in text
    assert "No failed items." in text  # the system passed both; the baseline's are not listed
    assert (tmp_path / "out" / "metrics.png").stat().st_size > 0
    (tmp_path / "file").write_text("x")
    with pytest.raises(UserError, match="not a directory"):
        write_report(_report(), tmp_path / "file")


class _BrokenIndex:
    """Searches fine, then breaks inside the answerer."""

    documents = ()
    chunks = ()

    def search(self, query, k=10, filters=None, mode="hybrid"):
        return []

    def districts(self):
        raise RuntimeError("boom")


def test_a_crashing_answerer_is_a_failed_item_not_a_crashed_run():
    from eval.runner import aggregate, score_item

    res = score_item(_item("u", "unanswerable", evidence=False), _BrokenIndex(), {}, None)
    assert res.crashed and res.error == "RuntimeError: boom"
    assert res.failures[0] == "crash" and res.stage == "qa"
    assert aggregate([res])[0]["abstention_accuracy"] == 0.0
