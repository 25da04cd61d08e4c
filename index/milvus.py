"""The Milvus store: an index's retrievers in a Milvus collection, embedded (milvus-lite, a
local `.db` folder) or on a server or cluster, through pymilvus' one client.

One collection per build, `<alias>_<build time>`, behind the index's alias (random, kept in
its manifest):

    pos        INT64 primary key: the chunk's position in the catalog (chunks.json)
    dense      FLOAT_VECTOR(dim), inner product: FLAT (exact) up to the local store's HNSW
               threshold, HNSW with its M / efConstruction / efSearch above it
    bm25       SPARSE_FLOAT_VECTOR, inner product: the chunk's BM25 weight for each of its
               jieba tokens (index/tokenize.py), computed by bm25s exactly as the local store
               does; a token's dimension is a hash of it. The query vector counts the query's
               tokens, so inner product = the local BM25 score, independent of Milvus' analyzer
    places     ARRAY<VARCHAR>: the districts of all the chunk's sources and the places
               enclosing them (a province filter matches its cities)
    doc_ids    ARRAY<VARCHAR>: every source document (`also_in` included)
    doc_types  ARRAY<VARCHAR>

Filters are Milvus filter expressions applied inside both searches: `array_contains_any` over
the arrays (INVERTED-indexed on a server), or on milvus-lite, which scans arrays row by row,
the same subset as a primary-key list (`MilvusStore.expression`).
Hybrid = the two searches fused by index/fusion.py, as the local store does (benchmarks:
Milvus' own RRFRanker reproduces the local ranking less closely).

A build writes a new collection; a failure drops it and the previous one keeps serving. The
catalog's atomic swap (index/store.py) then makes the new collection the index's, the alias
is moved to it, and collections older than the previous one are dropped (a process that
opened the previous index keeps working until the next change).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
import time
from collections import Counter
from typing import Any

import numpy as np

from corpus.errors import UserError
from index.stores import FilterValues, StoreSpec, Where
from index.types import Filters

RECORD = "planqa.record"  # collection property: the JSON record of the build
# rows per insert call: ~10 MB of 384-d vectors and BM25 weights, well under gRPC's limit;
# 20 % faster than 1,000 on milvus-lite
INSERT_BATCH = 5000
# rows between flushes during a build: milvus-lite holds unflushed rows as Python objects and
# its one flush at the end of a build was the peak (2.7 GB at 100k chunks); flushing every
# 20,000 rows halved the peak at 50k (benchmarks/results/stores.md). A server seals segments
# itself; the extra flushes cost it little.
FLUSH_EVERY = 20_000
CONNECT_TIMEOUT = 10.0  # seconds before an unreachable server is reported
MAX_ARRAY = 4096  # Milvus' largest ARRAY capacity
POSITION_LIST_LIMIT = 20_000  # milvus-lite: longer id lists cost more to parse than a scan
_SPARSE_DIMS = 2**32 - 1  # Milvus sparse indices lie in [0, 2**32 - 1)

_clients: dict[tuple[str, str], Any] = {}
_clients_lock = threading.Lock()


def _pymilvus():
    try:
        import pymilvus
    except ImportError as exc:
        raise UserError("milvus_needs_pymilvus") from exc
    return pymilvus


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "message", "") or exc).strip()
    return (text.splitlines() or [type(exc).__name__])[0]


def _held_elsewhere(db: str) -> bool:
    """Whether another process holds milvus-lite's lock on the database folder `db`."""
    import fcntl
    import os

    lock = os.path.join(db, "LOCK")
    if not os.path.exists(lock):
        return False
    with open(lock, "a") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.flock(f, fcntl.LOCK_UN)
    return False


def _quiet_logs() -> None:
    # pymilvus and milvus-lite log every failed call with a traceback; planqa reports each
    # failure once, as a one-line UserError
    import logging

    for name in ("pymilvus", "milvus_lite"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def client(spec: StoreSpec, token: str | None = None):
    """One MilvusClient per (URI, token) per process. UserError when the server cannot be
    reached or the embedded database is held by another process."""
    key = (spec.uri, token or "")
    with _clients_lock:
        if key in _clients:
            return _clients[key]
        pymilvus = _pymilvus()
        _quiet_logs()
        if spec.embedded:
            try:
                import milvus_lite  # noqa: F401
            except ImportError as exc:
                raise UserError("milvus_needs_lite") from exc
        if spec.embedded:
            from pathlib import Path

            db = Path(spec.uri)
            if db.exists() and not db.is_dir():
                raise UserError("milvus_lite_file", db=db)
            db.parent.mkdir(parents=True, exist_ok=True)
        try:
            if spec.embedded:
                made = pymilvus.MilvusClient(uri=spec.uri)
            else:
                made = pymilvus.MilvusClient(
                    uri=spec.uri, token=token or "", timeout=CONNECT_TIMEOUT
                )
            made.list_collections()
        except Exception as exc:  # pymilvus raises MilvusException, grpc and OS errors alike
            if spec.embedded and _held_elsewhere(spec.uri):
                raise UserError("milvus_lite_busy", uri=spec.uri) from exc
            if spec.embedded:
                raise UserError(
                    "milvus_lite_unopenable", uri=spec.uri, why=_first_line(exc)
                ) from exc
            raise UserError("milvus_unreachable", where=spec.label(), why=_first_line(exc)) from exc
        _clients[key] = made
        return made


def alias_for(previous: dict[str, Any] | None, spec: StoreSpec) -> str:
    """The collection alias of an index: the one its manifest records when it was built on
    the same Milvus, else a new random one (a Milvus name: letters, digits, _). Random, not
    derived from the index path: two machines with the same path on one cluster must not
    share (and clean up) each other's collections."""
    import secrets

    info = (previous or {}).get("store") or {}
    if info.get("kind") == "milvus" and info.get("alias"):
        recorded = StoreSpec("milvus", info.get("uri", ""))
        if recorded.label() == spec.label():
            return str(info["alias"])
    return "planqa_" + secrets.token_hex(8)


def token_dimension(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode(), digest_size=4).digest()) % _SPARSE_DIMS


class Bm25Rows:
    """Each chunk's BM25 weights by token dimension, from bm25s' own score matrix (the same
    numbers the local store sums), so inner product with query token counts = BM25. Rows are
    made as dicts one insert batch at a time: a dict per chunk for a whole build held 3.5 GB
    at a million chunks (benchmarks/results/stores.md), the sparse matrix holds a tenth."""

    def __init__(self, token_lists: list[list[str]]) -> None:
        from scipy import sparse

        from index.lexical import LexicalIndex

        bm25 = LexicalIndex.build(token_lists).bm25
        s = bm25.scores
        n_vocab = len(s["indptr"]) - 1
        self.matrix = sparse.csc_matrix(
            (s["data"], s["indices"], s["indptr"]), shape=(int(s["num_docs"]), n_vocab)
        ).tocsr()
        self.dims = np.zeros(n_vocab, dtype=np.int64)
        for token, i in bm25.vocab_dict.items():
            if i < n_vocab:  # bm25s keeps an id for the empty token past its matrix
                self.dims[i] = token_dimension(token)

    def rows(self, start: int, end: int) -> list[dict[int, float]]:
        m = self.matrix
        out = []
        for d in range(start, end):
            a, b = m.indptr[d], m.indptr[d + 1]
            row: dict[int, float] = {}
            for col, w in zip(m.indices[a:b].tolist(), m.data[a:b].tolist(), strict=True):
                if w > 0:
                    dim = int(self.dims[col])
                    row[dim] = row.get(dim, 0.0) + w  # a hash collision adds up
            out.append(row)
        return out


def bm25_rows(token_lists: list[list[str]]) -> list[dict[int, float]]:
    return Bm25Rows(token_lists).rows(0, len(token_lists))


def bm25_query(tokens: list[str]) -> dict[int, float]:
    return {d: float(n) for d, n in Counter(token_dimension(t) for t in tokens).items()}


def filter_expression(filters: Filters | None) -> str:
    """The Milvus filter expression of canonical filters: OR within a kind, AND across."""
    if filters is None:
        return ""
    parts = []
    for field, values in (
        ("places", filters.districts),
        ("doc_ids", filters.doc_ids),
        ("doc_types", filters.doc_types),
    ):
        if values:
            # JSON string literals are Milvus string literals (double quotes, \-escapes)
            parts.append(
                f"array_contains_any({field}, {json.dumps(list(values), ensure_ascii=False)})"
            )
    return " and ".join(parts)


def _schema(pymilvus, dim: int):
    DataType = pymilvus.DataType
    schema = pymilvus.MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("pos", DataType.INT64, is_primary=True)
    schema.add_field("dense", DataType.FLOAT_VECTOR, dim=dim)
    schema.add_field("bm25", DataType.SPARSE_FLOAT_VECTOR)
    for name, length in (("places", 256), ("doc_ids", 1024), ("doc_types", 64)):
        schema.add_field(
            name,
            DataType.ARRAY,
            element_type=DataType.VARCHAR,
            max_capacity=MAX_ARRAY,
            max_length=length,
        )
    return schema


def _describe(c, name: str) -> dict[str, Any] | None:
    """The planqa record of a collection (a property); None when there is no collection."""
    if not c.has_collection(name):
        return None
    text = (c.describe_collection(name).get("properties") or {}).get(RECORD) or "{}"
    try:
        record = json.loads(text)
    except ValueError:
        return {}
    return record if isinstance(record, dict) else {}


class PendingCollection:
    """A collection written by a build and not yet the index's: `commit` after the catalog
    is in place, `discard` when the build failed."""

    def __init__(self, c, spec: StoreSpec, alias: str, name: str, dim: int) -> None:
        self.client, self.spec, self.alias, self.name, self.dim = c, spec, alias, name, dim

    def manifest_fields(self) -> dict[str, Any]:
        uri = self.spec.uri if self.spec.embedded else self.spec.label().removeprefix("milvus:")
        return {
            "store": {"kind": "milvus", "uri": uri, "alias": self.alias, "collection": self.name}
        }

    def discard(self) -> None:
        # the build already failed: its own error is the one to report
        with contextlib.suppress(Exception):
            self.client.drop_collection(self.name)

    def commit(self) -> None:
        """Point the alias at the new collection; drop all but it and the previous one. Runs
        after the catalog swap, so the new index already serves: a failure here is a warning
        (the next successful build moves the alias and drops what is left)."""
        import sys

        c = self.client
        try:
            previous = None
            if self.alias in (c.list_aliases().get("aliases") or []):
                previous = c.describe_alias(self.alias).get("collection_name")
                c.alter_alias(self.name, self.alias)
            else:
                c.create_alias(self.name, self.alias)
            for name in c.list_collections():
                if name.startswith(self.alias + "_") and name not in (self.name, previous):
                    c.drop_collection(name)
        except Exception as exc:  # noqa: BLE001 - the build succeeded; said on stderr
            print(
                f"planqa: warning: Milvus alias {self.alias} not moved to {self.name} or old "
                f"collections not dropped: {_first_line(exc)}",
                file=sys.stderr,
            )


def _index_filter_fields(c, name: str) -> None:
    """INVERTED indexes on the filter arrays, so that a server answers array_contains_any
    from an index instead of a scan. milvus-lite refuses scalar indexes on arrays (it scans,
    see benchmarks/results/stores.md), and a server that refuses them still filters
    correctly, only slower: said on stderr, not fatal. Not run here (no server)."""
    import sys

    for field in ("places", "doc_ids", "doc_types"):
        params = c.prepare_index_params()
        params.add_index(field, index_type="INVERTED")
        try:
            c.create_index(name, params)
        except Exception as exc:  # noqa: BLE001 - an optional speed-up, reported
            print(
                f"planqa: warning: Milvus did not index {field} ({_first_line(exc)}); "
                "filters scan it",
                file=sys.stderr,
            )


def build(
    spec: StoreSpec,
    token: str | None,
    alias: str,
    vectors: np.ndarray,
    token_lists: list[list[str]],
    values: list[FilterValues],
    embedder_id: str,
    params=None,
    progress=None,
) -> PendingCollection:
    """Write a new collection holding the chunks' vectors, BM25 weights and filter values.
    `params`: index.dense.DenseParams (the same exact/HNSW choice as the local store).
    `progress(rows_written)`: called after each insert batch (the scale benchmark)."""
    from index.dense import DenseParams

    pymilvus = _pymilvus()
    params = params or DenseParams()
    c = client(spec, token)
    n, dim = vectors.shape
    name = f"{alias}_{time.time_ns()}"
    hnsw = n > params.hnsw_threshold
    record = {
        "format": 1,
        "embedder": embedder_id,
        "dim": int(dim),
        "chunks": int(n),
        "dense": "hnsw" if hnsw else "flat",
    }
    index_params = c.prepare_index_params()
    if hnsw:
        index_params.add_index(
            "dense",
            index_type="HNSW",
            metric_type="IP",
            params={"M": params.hnsw_m, "efConstruction": params.hnsw_ef_construction},
        )
    else:
        index_params.add_index("dense", index_type="FLAT", metric_type="IP")
    index_params.add_index("bm25", index_type="SPARSE_INVERTED_INDEX", metric_type="IP")
    c.create_collection(
        name,
        schema=_schema(pymilvus, int(dim)),
        index_params=index_params,
        properties={RECORD: json.dumps(record, ensure_ascii=False)},
    )
    pending = PendingCollection(c, spec, alias, name, int(dim))
    if not spec.embedded:
        _index_filter_fields(c, name)
    try:
        weights = Bm25Rows(token_lists)
        for start in range(0, n, INSERT_BATCH):
            end = min(n, start + INSERT_BATCH)
            rows = []
            for pos, bm25 in zip(range(start, end), weights.rows(start, end), strict=True):
                v = values[pos]
                rows.append(
                    {
                        "pos": pos,
                        "dense": vectors[pos].tolist(),
                        "bm25": bm25,
                        "places": sorted(v.places | v.enclosing),
                        "doc_ids": sorted(v.doc_ids),
                        "doc_types": sorted(v.doc_types),
                    }
                )
            c.insert(name, rows)
            if end % FLUSH_EVERY < INSERT_BATCH and end < n:
                c.flush(name)
            if progress is not None:
                progress(end)
        c.flush(name)
        c.load_collection(name)
    except UserError:
        pending.discard()
        raise
    except Exception as exc:  # the server failed mid-build: one line, the old index serves
        pending.discard()
        raise UserError(
            "milvus_write_failed", where=spec.label(), name=name, why=_first_line(exc)
        ) from exc
    except BaseException:  # Ctrl-C
        pending.discard()
        raise
    return pending


class MilvusStore:
    """An opened collection (implements index.stores.Store)."""

    kind = "milvus"

    def __init__(
        self,
        c,
        collection: str,
        dim: int,
        size: int,
        hnsw_ef: int | None = None,
        embedded: bool = False,
    ) -> None:
        self.client = c
        self.embedded = embedded
        self.collection = collection
        self._dim = dim
        self._size = size
        self.hnsw_ef = hnsw_ef  # efSearch when the dense field has an HNSW index

    @property
    def size(self) -> int:
        return self._size

    @property
    def dim(self) -> int:
        return self._dim

    def expression(self, where: Where) -> str:
        """The filter expression of `where`. On a server: the filters over the array fields
        (answered by their INVERTED indexes). milvus-lite evaluates array filters row by row
        in Python (0.5 s at 20,000 chunks) but a primary-key list vectorised (10 ms), so
        there the same subset goes as `pos in [...]`: the positions the catalog selected
        with the same filter values (tests check both select the same chunks)."""
        if (
            self.embedded
            and where.positions is not None
            and len(where.positions) <= POSITION_LIST_LIMIT
        ):
            return f"pos in {where.positions.tolist()}"
        return filter_expression(where.filters)

    def _search(self, data, field: str, k: int, where: Where):
        if where.positions is not None:
            k = min(k, len(where.positions))
        if k <= 0:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        try:
            result = self.client.search(
                self.collection,
                data=[data],
                anns_field=field,
                limit=k,
                filter=self.expression(where),
                output_fields=["pos"],
                search_params=self._params(field, k),
            )
        except Exception as exc:  # a server gone, a collection dropped under us
            raise UserError(
                "milvus_search_failed", collection=self.collection, why=_first_line(exc)
            ) from exc
        pairs = [(int(h["pos"]), float(h["distance"])) for h in result[0]]
        # ties in id order, as the local store breaks them
        pairs.sort(key=lambda p: (-p[1], p[0]))
        ids = np.array([p for p, _ in pairs], np.int64)
        return ids, np.array([s for _, s in pairs], np.float32)

    def _params(self, field: str, k: int) -> dict[str, Any]:
        if field == "dense" and self.hnsw_ef:
            return {"metric_type": "IP", "params": {"ef": max(self.hnsw_ef, k)}}
        return {"metric_type": "IP"}

    def dense_search(self, vector, k, where):
        return self._search(np.asarray(vector, np.float32).tolist(), "dense", k, where)

    def bm25_search(self, tokens, k, where):
        query = bm25_query(tokens)
        if not query:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        ids, scores = self._search(query, "bm25", k, where)
        keep = scores > 0  # a chunk sharing no token with the query is not a hit
        return ids[keep], scores[keep]

    def engine_hybrid(self, vector, tokens, k: int, depth: int, rrf_k: int, where: Where):
        """Milvus' own RRFRanker over the same two searches (ids best first); the benchmark
        compares it with index/fusion.py."""
        from pymilvus import AnnSearchRequest, RRFRanker

        expr = self.expression(where)
        requests = [
            AnnSearchRequest(
                [np.asarray(vector, np.float32).tolist()],
                "dense",
                self._params("dense", depth),
                depth,
                expr=expr,
            )
        ]
        query = bm25_query(tokens)
        if query:
            requests.append(
                AnnSearchRequest([query], "bm25", {"metric_type": "IP"}, depth, expr=expr)
            )
        result = self.client.hybrid_search(
            self.collection, requests, RRFRanker(rrf_k), limit=k, output_fields=["pos"]
        )
        return [int(h["pos"]) for h in result[0]]


def open_collection(
    spec: StoreSpec,
    token: str | None,
    collection: str,
    embedder_id: str,
    chunks: int,
    where: str,
    params=None,
) -> MilvusStore:
    """The collection a catalog names, after checking it was built for this catalog with
    this embedder (else a one-line UserError with the fix)."""
    c = client(spec, token)
    try:
        record = _describe(c, collection)
    except Exception as exc:
        raise UserError("milvus_failed", where=spec.label(), why=_first_line(exc)) from exc
    hint = f"rebuild it with `planqa build --index {where} --store milvus:…`"
    if record is None:
        raise UserError(
            "milvus_collection_missing", collection=collection, where=spec.label(), hint=hint
        )
    if record.get("embedder") != embedder_id:
        raise UserError(
            "milvus_embedder_mismatch",
            collection=collection,
            where=spec.label(),
            built=record.get("embedder"),
            wanted=embedder_id,
            hint=hint,
        )
    if record.get("chunks") != chunks:
        raise UserError(
            "milvus_count_mismatch",
            collection=collection,
            held=record.get("chunks"),
            index_dir=where,
            chunks=chunks,
            hint=hint,
        )
    try:
        c.load_collection(collection)
    except Exception as exc:
        raise UserError(
            "milvus_load_failed", where=spec.label(), collection=collection, why=_first_line(exc)
        ) from exc
    ef = params.hnsw_ef_search if params is not None else 128
    hnsw_ef = ef if record.get("dense") == "hnsw" else None
    return MilvusStore(c, collection, int(record["dim"]), chunks, hnsw_ef, spec.embedded)
