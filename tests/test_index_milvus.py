"""The Milvus store's own contract, on embedded milvus-lite: store settings, the collection's
BM25 weights and filter expressions, build generations behind an alias, failed builds, and
each way of pointing at the wrong thing being a one-line error. (Retrieval, filters, the
finder and add/remove run on both stores in test_index*.py, test_ingest.py and
test_places_index.py.) No Milvus server runs here: the server path is the same pymilvus
client, which milvus-lite serves over gRPC in-process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from test_index import CHUNKS, DOCS

import index
from corpus.errors import UserError
from corpus.settings import Settings
from index import milvus
from index.lexical import LexicalIndex
from index.stores import StoreSpec, Where, parse_store
from index.types import Filters


def _settings(tmp: Path, **kw) -> Settings:
    kw.setdefault("store", f"milvus:{tmp / 'planqa.db'}")
    return Settings(index_dir=tmp / "index", cache_dir=tmp / "cache", **kw)


def _cli(*argv: str) -> int:
    from cli.main import main

    return main(list(argv))


# ----------------------------------------------------------------------------- pure parts


def test_store_settings_parse_and_hide_credentials(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert parse_store("local") == parse_store(None) == StoreSpec("local")
    assert parse_store("milvus:./planqa.db") == StoreSpec("milvus", str(tmp_path / "planqa.db"))
    assert parse_store("milvus:./planqa.db").embedded
    server = parse_store("milvus:https://root:Milvus@db.example:19530")
    assert not server.embedded and server.label() == "milvus:https://db.example:19530"
    for bad, why in (
        ("milvus:./planqa", "ending in .db"),
        ("milvus:ftp://db.example", "bad Milvus URI"),
        ("milvus:", "unknown store"),
        ("qdrant:http://x", "unknown store"),
    ):
        with pytest.raises(UserError, match=why):
            parse_store(bad)


def test_filter_expressions():
    assert milvus.filter_expression(None) == ""
    assert milvus.filter_expression(Filters()) == ""
    assert (
        milvus.filter_expression(Filters(("四川省", 'a"b'), (), ("plan", "notice")))
        == 'array_contains_any(places, ["四川省", "a\\"b"]) and '
        'array_contains_any(doc_types, ["plan", "notice"])'
    )


def test_bm25_weights_reproduce_the_local_scores():
    tokens = [
        ["齿轮", "产业", "产业"],
        ["瞪羚企业", "企业"],
        ["产业", "企业", "人才"],
        ["人才"],
    ]
    rows = milvus.bm25_rows(tokens)
    local = LexicalIndex.build(tokens)
    for query in (["产业"], ["企业", "人才", "人才"], ["火星"]):
        q = milvus.bm25_query(query)
        got = [sum(w * row.get(d, 0.0) for d, w in q.items()) for row in rows]
        assert got == pytest.approx(local.scores(query).tolist(), rel=1e-6)


# ----------------------------------------------------------------------------- generations


def test_each_build_is_a_new_collection_behind_the_alias(tmp_path):
    settings = _settings(tmp_path)
    index.build_from_chunks(settings, DOCS, CHUNKS[:4], progress=False)
    first = index.open(settings.index_dir, settings)
    index.build_from_chunks(settings, DOCS, CHUNKS[:6], progress=False)
    second = index.open(settings.index_dir, settings)
    c = second.store.client
    alias = second.manifest["store"]["alias"]
    assert c.describe_alias(alias)["collection_name"] == second.store.collection
    # the previous generation is kept: a process that opened it keeps serving
    assert first.search("瞪羚企业", k=1)[0].chunk.chunk_id == "c1"
    index.build_from_chunks(settings, DOCS, CHUNKS, progress=False)
    third = index.open(settings.index_dir, settings)
    assert sorted(c.list_collections()) == sorted([second.store.collection, third.store.collection])
    assert len(third.chunks) == len(CHUNKS) and third.store.size == len(CHUNKS)


@pytest.mark.parametrize(
    ("failure", "raised"),
    [(KeyboardInterrupt, KeyboardInterrupt), (RuntimeError("server went away"), UserError)],
)
def test_a_failed_build_drops_its_collection_and_the_previous_one_serves(
    tmp_path, monkeypatch, failure, raised
):
    """Ctrl-C while inserting, or the server failing (then a one-line UserError)."""
    settings = _settings(tmp_path)
    index.build_from_chunks(settings, DOCS, CHUNKS[:4], progress=False)
    before = index.open(settings.index_dir, settings)
    real_insert = type(before.store.client).insert
    calls = []

    def flaky(self, *args, **kwargs):
        calls.append(1)
        raise failure

    monkeypatch.setattr(type(before.store.client), "insert", flaky)
    with pytest.raises(raised) as caught:
        index.build_from_chunks(settings, DOCS, CHUNKS, progress=False)
    if raised is UserError:
        assert "server went away (the previous index is unchanged)" in str(caught.value)
    monkeypatch.setattr(type(before.store.client), "insert", real_insert)
    assert calls
    after = index.open(settings.index_dir, settings)
    assert after.manifest == before.manifest and len(after.chunks) == 4
    assert after.store.client.list_collections() == [before.store.collection]
    assert after.search("瞪羚企业", k=1)[0].chunk.chunk_id == "c1"


# ----------------------------------------------------------------------------- errors


def test_an_unreachable_server_is_a_one_line_error_without_the_token(tmp_path, capsys):
    settings = _settings(tmp_path, store="milvus:http://127.0.0.1:9", milvus_token="s3cret")
    with pytest.raises(UserError, match=r"cannot reach Milvus at milvus:http://127.0.0.1:9") as e:
        index.build_from_chunks(settings, DOCS, CHUNKS, progress=False)
    assert "s3cret" not in str(e.value) and "s3cret" not in repr(settings)
    code = _cli(
        "search", "x", "--index", str(tmp_path / "i"), "--store", "milvus:http://u:pw@127.0.0.1:9"
    )
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "cannot reach Milvus" in err and "pw" not in err


def test_a_wrong_store_setting_exits_2(tmp_path, capsys):
    code = _cli("search", "x", "--index", str(tmp_path / "i"), "--store", "milvus:planqa")
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "ending in .db" in err
    (tmp_path / "old.db").write_text("an old milvus-lite file")
    code = _cli(
        "search", "x", "--index", str(tmp_path / "i"), "--store", f"milvus:{tmp_path}/old.db"
    )
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "is a file, not a milvus-lite database" in err
    inside = f"milvus:{tmp_path / 'i' / 'planqa.db'}"
    code = _cli("build", "--index", str(tmp_path / "i"), "--store", inside)
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "inside the index folder" in err


def test_a_collection_built_with_another_embedder_is_refused(tmp_path):
    settings = _settings(tmp_path)
    index.build_from_chunks(settings, DOCS, CHUNKS[:3], progress=False)
    idx = index.open(settings.index_dir, settings)
    record = '{"format": 1, "embedder": "st:/models/bge", "dim": 384, "chunks": 3}'
    idx.store.client.alter_collection_properties(
        idx.store.collection, properties={milvus.RECORD: record}
    )
    with pytest.raises(UserError, match="built with embedder 'st:/models/bge'.*planqa build"):
        index.open(settings.index_dir, settings)


def test_a_missing_collection_or_another_store_is_refused(tmp_path):
    settings = _settings(tmp_path)
    index.build_from_chunks(settings, DOCS, CHUNKS[:3], progress=False)
    local = _settings(tmp_path, store="local")
    with pytest.raises(UserError, match="built with store 'milvus:.*planqa.db', but the store"):
        index.open(settings.index_dir, local)
    idx = index.open(settings.index_dir, settings)
    idx.store.client.drop_collection(idx.store.collection)
    with pytest.raises(UserError, match="collection .* is not at milvus:.*planqa build"):
        index.open(settings.index_dir, settings)


HOLD_DATABASE = """
import sys, pymilvus
pymilvus.MilvusClient(uri=sys.argv[1]).list_collections()
print("ready", flush=True)
sys.stdin.read()
"""


def test_an_embedded_database_held_by_another_process(tmp_path):
    db = tmp_path / "held.db"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            HOLD_DATABASE,
            str(db),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(UserError, match="open in another process"):
            milvus.client(parse_store(f"milvus:{db}"))
    finally:
        holder.communicate("", timeout=30)
    assert holder.returncode == 0


def test_above_the_hnsw_threshold_the_collection_is_hnsw(tmp_path):
    settings = _settings(tmp_path, hnsw_threshold=4)
    index.build_from_chunks(settings, DOCS, CHUNKS, progress=False)
    idx = index.open(settings.index_dir, settings)
    indexes = idx.store.client.describe_index(idx.store.collection, "dense")
    assert indexes["index_type"] == "HNSW" and idx.store.hnsw_ef == 128
    assert idx.search("瞪羚企业", k=1)[0].chunk.chunk_id == "c1"
    daz = idx.search("科技", k=3, filters=Filters(districts=("大足区",)), mode="dense")
    assert {h.chunk.chunk_id for h in daz} == {"c3", "c4", "c5"}


def test_a_build_in_many_batches_and_flushes_holds_every_chunk(tmp_path, monkeypatch):
    # large builds insert in batches and flush between them (memory, stores.md): the
    # collection must still hold every chunk once, and search as the local store does
    monkeypatch.setattr(milvus, "INSERT_BATCH", 2)
    monkeypatch.setattr(milvus, "FLUSH_EVERY", 4)
    import pymilvus

    flushes = []
    flush = pymilvus.MilvusClient.flush

    def counted(self, *args, **kw):
        flushes.append(args)
        return flush(self, *args, **kw)

    monkeypatch.setattr(pymilvus.MilvusClient, "flush", counted)
    settings = _settings(tmp_path)
    index.build_from_chunks(settings, DOCS, CHUNKS, progress=False)
    idx = index.open(settings.index_dir, settings)
    c = idx.store.client
    rows = c.query(idx.store.collection, filter="pos >= 0", output_fields=["pos"])
    assert sorted(r["pos"] for r in rows) == list(range(len(CHUNKS)))
    local_settings = Settings(index_dir=tmp_path / "local", cache_dir=tmp_path / "cache")
    index.build_from_chunks(local_settings, DOCS, CHUNKS, progress=False)
    local = index.open(local_settings.index_dir, local_settings)
    for mode in index.MODES:
        for q in ("瞪羚企业", "科技人才", "齿轮产业"):
            got = [h.chunk.chunk_id for h in idx.search(q, k=len(CHUNKS), mode=mode)]
            want = [h.chunk.chunk_id for h in local.search(q, k=len(CHUNKS), mode=mode)]
            assert got == want, (mode, q)
    # one flush per 4 rows written before the last batch, and the final one
    assert len(flushes) == (len(CHUNKS) - 1) // 4 + 1


def test_two_indexes_on_one_milvus_keep_to_their_own_collections(tmp_path):
    db = f"milvus:{tmp_path / 'shared.db'}"
    one = Settings(index_dir=tmp_path / "one", cache_dir=tmp_path / "cache", store=db)
    two = Settings(index_dir=tmp_path / "two", cache_dir=tmp_path / "cache", store=db)
    index.build_from_chunks(one, DOCS, CHUNKS[:3], progress=False)
    for n in (4, 5, 6):  # three generations of the other index
        index.build_from_chunks(two, DOCS, CHUNKS[:n], progress=False)
    first, second = index.open(one.index_dir, one), index.open(two.index_dir, two)
    assert first.manifest["store"]["alias"] != second.manifest["store"]["alias"]
    assert len(first.search("齿轮产业", k=3)) == 3 and len(second.chunks) == 6
    assert len(first.store.client.list_collections()) == 3  # one's only + two's last two


def test_array_filters_and_position_lists_select_the_same_chunks(tmp_path):
    """The array expressions (what a server runs) and the position lists (what milvus-lite
    runs) select the chunks the catalog's filter tables select."""
    settings = _settings(tmp_path)
    index.build_from_chunks(settings, DOCS, CHUNKS, progress=False)
    idx = index.open(settings.index_dir, settings)
    for filters in (
        Filters(districts=("大足区",)),
        Filters(districts=("綦江区", "璧山区"), doc_types=("work_points",)),
        Filters(doc_ids=("qj2",)),
        Filters(districts=("大足区",), doc_types=("work_points",)),
    ):
        want = idx._allowed(filters).tolist()
        for expr in (
            milvus.filter_expression(idx.canonical_filters(filters)),
            idx.store.expression(Where(filters, idx._allowed(filters))),
        ):
            rows = idx.store.client.query(idx.store.collection, filter=expr, output_fields=["pos"])
            assert sorted(r["pos"] for r in rows) == want, expr


@pytest.mark.parametrize(
    ("missing", "store", "says"),
    [
        ("pymilvus", "milvus:http://127.0.0.1:9", "needs pymilvus"),
        ("milvus_lite", "milvus:{tmp}/planqa.db", "needs milvus-lite"),
    ],
)
def test_a_missing_client_package_is_a_one_line_error(
    tmp_path, monkeypatch, capsys, missing, store, says
):
    monkeypatch.setitem(sys.modules, missing, None)  # as if not installed
    store = store.format(tmp=tmp_path)
    code = _cli("search", "x", "--index", str(tmp_path / "i"), "--store", store)
    err = capsys.readouterr().err
    assert code == 2 and says in err and "pip install" in err and err.count("\n") == 1
