"""The index on the real bundled corpus with the real bundled e5 model (session fixture)."""

from __future__ import annotations

import json
import shutil
import uuid

import pytest

import index
from corpus.settings import BUNDLED_DATA_DIR, Settings
from index.normalize import normalize_text
from index.types import Filters

pytestmark = pytest.mark.slow


def _holds(hit, *needles: str) -> bool:
    text = normalize_text(hit.chunk.embedding_text())
    return all(normalize_text(n) in text for n in needles)


# (question, strings the answering passage contains): lexical, table values, paraphrases
QUESTIONS = [
    ("綦江区2025年高新技术企业数要达到多少", ("高新技术企业", "200")),
    ("大渡口区2025年国家高新技术企业数目标", ("国家高新技术企业数", "165")),
    ("重庆高新区在孵企业总数2025年目标", ("在孵企业总数", "2500")),
    ("合川区全社会研发经费投入增长目标", ("研发经费投入增长20%",)),
    ("重庆高新区瞪羚企业累计目标", ("瞪羚企业累计达50家",)),
    ("合川用什么方式组织重大科技项目攻关", ("揭榜挂帅",)),
    ("綦江如何发展氢能", ("制氢",)),  # paraphrase: the text says 页岩气制氢
    ("中国空间站的形状有什么寓意", ("一横一竖",)),  # paraphrase
    ("合川怎样保护企业的发明创造不被侵犯", ("知识产权侵权假冒",)),  # paraphrase
    ("綦江如何对待科研探索中的失败", ("容错",)),  # paraphrase
    ("东溪镇辣椒种了多少亩", ("3500",)),
    ("重庆高新区的人才支持政策叫什么", ("金凤凰",)),
]


@pytest.mark.parametrize(("question", "needles"), QUESTIONS)
def test_answer_passage_in_top_5(any_index, question, needles):
    hits = any_index.search(question, k=5)
    assert any(_holds(h, *needles) for h in hits), [h.chunk.text[:40] for h in hits]


def test_traditional_query_equals_simplified(any_index):
    traditional = any_index.search("合川區知識價值信用貸款累計支持多少億元", k=5)
    simplified = any_index.search("合川区知识价值信用贷款累计支持多少亿元", k=5)
    assert [h.chunk.chunk_id for h in traditional] == [h.chunk.chunk_id for h in simplified]
    assert any(_holds(h, "知识价值信用贷款5亿元") for h in traditional)


def test_district_filter_inside_retrieval(any_index):
    # unfiltered, the top results for a 綦江 target are 綦江 passages ...
    assert any_index.search("科技型企业达到2800家", k=1)[0].chunk.district == "綦江区"
    # ... and with a filter every one of k results is from 合川区, none dropped after top-k
    hits = any_index.search("科技型企业达到2800家", k=8, filters=Filters(districts=("合川区",)))
    assert len(hits) == 8 and {h.chunk.district for h in hits} == {"合川区"}


def test_doc_type_and_doc_filters(any_index):
    news = any_index.search("产业转型升级", k=5, filters=Filters(doc_types=("news",)))
    assert news and all(h.chunk.doc_type == "news" for h in news)
    copy_id = next(d.doc_id for d in any_index.documents if d.duplicate_of)
    via_copy = any_index.search("齿轮产业", k=5, filters=Filters(doc_ids=(copy_id,)))
    assert via_copy and all(copy_id in {s.doc_id for s in h.chunk.sources} for h in via_copy)


def test_duplicate_plan_is_indexed_once(any_index):
    copy = next(d for d in any_index.documents if d.duplicate_of)
    of_copy = any_index.chunks_for(doc_id=copy.doc_id)
    shared = [
        c for c in of_copy if {copy.doc_id, copy.duplicate_of} <= {s.doc_id for s in c.sources}
    ]
    assert len(shared) >= 0.9 * len(of_copy) and len(shared) > 50
    texts = [c.text for c in any_index.chunks]
    assert len(texts) == len(set(texts))  # each passage embedded once


def test_districts_present(any_index):
    assert {"綦江区", "合川区", "大渡口区", "重庆高新区"} <= set(any_index.districts())


def test_rebuild_after_no_change_embeds_nothing(session_settings, bundled_index):
    stats = index.build(session_settings, progress=False)
    assert stats.embedded == 0 and stats.reused == stats.chunks == len(bundled_index.chunks)


def test_adding_and_removing_a_file(tmp_path, session_settings, bundled_index):
    data = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA_DIR, data, ignore=shutil.ignore_patterns("*.json", "*.md"))
    settings = Settings(index_dir=tmp_path / "index", cache_dir=session_settings.cache_dir)
    # a number unique to this run, so that the persistent test cache cannot know the text
    unique = uuid.uuid4().int % 10**8
    (data / "900_tongliang.txt").write_text(
        "铜梁区科技创新工作要点\n\n一、主要目标\n\n"
        f"到2025年，铜梁区培育龙灯文化科技融合示范企业{unique}家，建设龙舞数字博物馆一座。\n",
        encoding="utf-8",
    )
    added = index.build(settings, paths=[data], progress=False)
    idx = index.open(settings.index_dir, settings)
    new = [c for c in idx.chunks if c.source == "900_tongliang.txt"]
    assert added.chunks == len(bundled_index.chunks) + len(new)
    # only the new file's chunks can need embedding, and the one with the number does
    assert 1 <= added.embedded <= len(new)
    assert _holds(idx.search("龙舞数字博物馆", k=1)[0], "龙舞数字博物馆")

    (data / "900_tongliang.txt").unlink()
    (data / "004_d29d0fa2820130c5.txt").unlink()
    removed = index.build(settings, paths=[data], progress=False)
    assert removed.embedded == 0
    idx = index.open(settings.index_dir, settings)
    assert "合川区" not in idx.districts()
    assert not any("龙舞" in c.text for c in idx.chunks)


def test_cli_build_json_reports_reuse(session_settings, bundled_index, capsys, monkeypatch):
    from cli.main import main

    monkeypatch.setenv("PLANQA_CACHE_DIR", str(session_settings.cache_dir))
    assert main(["build", "--index", str(session_settings.index_dir), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["embedded"] == 0 and out["chunks"] == len(bundled_index.chunks)
    assert set(out) >= {"documents", "chunks", "embedded", "reused", "seconds"}


def test_both_stores_rank_alike(bundled_index, bundled_milvus_index):
    """The Milvus store reproduces the local ranking: same BM25 numbers, exact dense search,
    the same fusion; filters and the district finder's per-place searches included."""
    from qa.districts import districts

    for question, _ in QUESTIONS:
        for mode in index.MODES:
            local = bundled_index.search(question, k=10, mode=mode)
            milvus = bundled_milvus_index.search(question, k=10, mode=mode)
            assert [h.chunk.chunk_id for h in local] == [h.chunk.chunk_id for h in milvus]
            assert [h.score for h in milvus] == pytest.approx([h.score for h in local], rel=1e-4)
    place = Filters(districts=("合川区",), doc_types=("plan",))
    assert [h.chunk.chunk_id for h in bundled_index.search("人才", k=8, filters=place)] == [
        h.chunk.chunk_id for h in bundled_milvus_index.search("人才", k=8, filters=place)
    ]
    for topic in ("氢能", "知识产权", "科技特派员"):
        assert (
            districts(topic, bundled_milvus_index).to_dict()
            == districts(topic, bundled_index).to_dict()
        )
