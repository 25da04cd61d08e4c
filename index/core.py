"""Build, open and search an index: the glue between the pure pieces (normalise, tokenize,
fuse) and the stores (FAISS, BM25, embedding cache, index directory)."""

from __future__ import annotations

import hashlib
import json
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from corpus.errors import UserError
from corpus.model import Chunk, Document
from index import store, stores
from index.cache import EmbeddingCache, text_hash
from index.dense import DenseParams
from index.embedders import make_embedder
from index.fusion import RRF_K, reciprocal_rank_fusion
from index.normalize import normalize_query
from index.tokenize import tokenize, warm_up_in_background
from index.types import BuildStats, Filters, Hit

MODES = ("hybrid", "dense", "bm25")
EMBED_BATCH = 16  # small batches: a steady progress bar and a cache write every few seconds
QUERY_CACHE_SIZE = 256


def _setting(settings: Any, name: str, default: Any) -> Any:
    """Index tuning knobs: read from Settings when it has them (PLANQA_*), else the default."""
    value = getattr(settings, name, None) if settings is not None else None
    return default if value is None else value


def _dense_params(settings: Any) -> DenseParams:
    d = DenseParams()
    return DenseParams(
        hnsw_threshold=int(_setting(settings, "hnsw_threshold", d.hnsw_threshold)),
        hnsw_m=int(_setting(settings, "hnsw_m", d.hnsw_m)),
        hnsw_ef_construction=int(
            _setting(settings, "hnsw_ef_construction", d.hnsw_ef_construction)
        ),
        hnsw_ef_search=int(_setting(settings, "hnsw_ef_search", d.hnsw_ef_search)),
    )


# ----------------------------------------------------------------------------- build


def _resolve_paths(settings: Any, paths: Sequence[Path | str] | None) -> list[Path] | None:
    from corpus.settings import BUNDLED_DATA_DIR

    if not paths:
        data_dir = Path(settings.data_dir).expanduser().resolve()
        return None if data_dir == BUNDLED_DATA_DIR.resolve() else [data_dir]
    return _resolve_named(paths)


def _resolve_named(paths: Sequence[Path | str]) -> list[Path]:
    from corpus.reading import check_named_path

    resolved = []
    for p in paths:
        check_named_path(Path(p).expanduser())  # symlink loop, FIFO: refused before resolve
        resolved.append(Path(p).expanduser().resolve())
    return resolved


def corpus_fingerprint(documents: Sequence[Document], chunks: Sequence[Chunk]) -> str:
    """sha256 over every document's metadata and every chunk: equal iff the index content is."""
    h = hashlib.sha256()
    for d in documents:
        h.update(json.dumps(d.to_dict(), ensure_ascii=False, sort_keys=True).encode())
    for c in chunks:
        h.update(json.dumps(c.to_dict(), ensure_ascii=False, sort_keys=True).encode())
    return h.hexdigest()


def embed_with_cache(
    embedder, texts: Sequence[str], cache: EmbeddingCache, progress: bool = False
) -> tuple[np.ndarray, int, float]:
    """Vectors for `texts` (passage role), embedding only what the cache lacks.
    Returns (vectors, number embedded, seconds spent in the embedder)."""
    hashes = [text_hash(t) for t in texts]
    found = cache.get_many(embedder.id, hashes)
    missing: dict[str, str] = {}
    for h, t in zip(hashes, texts, strict=True):
        if h not in found and h not in missing:
            missing[h] = t
    embed_seconds = 0.0
    if missing:
        from tqdm import tqdm

        todo = list(missing.items())
        with tqdm(
            total=len(todo),
            desc="embedding",
            unit="chunk",
            file=sys.stderr,
            disable=not progress,
            dynamic_ncols=True,
        ) as bar:
            for start in range(0, len(todo), EMBED_BATCH):
                batch = todo[start : start + EMBED_BATCH]
                t0 = time.perf_counter()
                vectors = embedder.passage_vectors([t for _, t in batch])
                embed_seconds += time.perf_counter() - t0
                pairs = list(zip((h for h, _ in batch), vectors, strict=True))
                cache.put_many(embedder.id, pairs)
                found.update(pairs)
                bar.update(len(batch))
    if not texts:
        return np.zeros((0, 0), np.float32), 0, 0.0
    matrix = np.stack([found[h] for h in hashes]).astype(np.float32, copy=False)
    return matrix, len(missing), embed_seconds


def build(settings, paths: Sequence[Path | str] | None = None, progress: bool = True) -> BuildStats:
    """Read, chunk, embed and index `paths` (default: settings.data_dir) into
    settings.index_dir, atomically. Vectors come from the embedding cache in
    settings.cache_dir when it has them."""
    from index import sources as recorded

    t0 = time.perf_counter()
    resolved = _resolve_paths(settings, paths)
    inputs = [recorded.input_label(p) for p in resolved] if resolved else [recorded.BUNDLED]
    # the files read are recorded (index/sources.py): `planqa build` with no PATH, `add`,
    # `remove` and the stale-file warning start from them
    return recorded.build_inputs(settings, inputs, progress, t0)


def build_from_chunks(
    settings,
    documents: Sequence[Document],
    chunks: Sequence[Chunk],
    progress: bool = True,
    sources: Sequence[str] = (),
    started: float | None = None,
    record: dict[str, Any] | None = None,
) -> BuildStats:
    """The part of `build` after the corpus stage (tests and benchmarks enter here).
    `record`: more manifest fields (the source files, index/sources.py)."""
    t0 = time.perf_counter() if started is None else started
    with store.build_lock(Path(settings.index_dir).expanduser()):
        return _build_locked(settings, documents, chunks, progress, sources, t0, record)


def _build_locked(
    settings,
    documents: Sequence[Document],
    chunks: Sequence[Chunk],
    progress: bool,
    sources: Sequence[str],
    t0: float,
    record: dict[str, Any] | None = None,
) -> BuildStats:
    if not chunks:
        raise UserError("nothing_to_index", sources=list(sources) or ["input"])
    store.check_replaceable(Path(settings.index_dir).expanduser())  # before minutes of embedding
    stores.check_store(settings)  # a bad store setting or an unreachable server, too
    embedder = make_embedder(settings.embedder)
    cache = EmbeddingCache(Path(settings.cache_dir))
    try:
        texts = [c.embedding_text() for c in chunks]
        vectors, embedded, embed_seconds = embed_with_cache(embedder, texts, cache, progress)
    finally:
        cache.close()
    params = _dense_params(settings)
    index_dir = Path(settings.index_dir).expanduser().resolve()
    # the store seam (index/stores.py): FAISS + bm25s files, or a Milvus collection
    built = stores.build_store(
        settings,
        index_dir,
        list(chunks),
        list(documents),
        vectors,
        [tokenize(t) for t in texts],
        embedder.id,
        params,
    )

    def write(tmp: Path) -> dict[str, Any]:
        store.write_json(tmp / store.DOCUMENTS, [d.to_dict() for d in documents])
        store.write_json(tmp / store.CHUNKS, [c.to_dict() for c in chunks])
        store_fields = built.save(tmp)
        indicators = write_indicators(tmp / store.INDICATORS, documents)
        return {
            "format": store.FORMAT,
            "format_version": store.FORMAT_VERSION,
            "embedder": {"spec": settings.embedder, "id": embedder.id, "dim": built.dim},
            **store_fields,
            "corpus_fingerprint": corpus_fingerprint(documents, chunks),
            "counts": {"documents": len(documents), "chunks": len(chunks)},
            "indicators": indicators,
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "build_seconds": round(time.perf_counter() - t0, 3),
            "sources": list(sources),
            "cache_dir": str(Path(settings.cache_dir).expanduser().resolve()),
            **(record or {}),
        }

    try:
        store.write_atomically(index_dir, write)
    except BaseException:
        built.discard()  # a new Milvus collection goes; the previous one keeps serving
        raise
    built.commit()
    return BuildStats(
        documents=len(documents),
        chunks=len(chunks),
        embedded=embedded,
        reused=len(chunks) - embedded,
        seconds=time.perf_counter() - t0,
        embed_seconds=embed_seconds,
        index_dir=str(index_dir),
        embedder=embedder.id,
    )


def write_indicators(path: Path, documents: Sequence[Document]) -> dict[str, Any]:
    """Indicators of the documents (corpus/indicators.py), stored beside the chunks so that
    queries never re-extract them; returns the manifest's record (count, seconds taken)."""
    from corpus.indicators import extract

    t0 = time.perf_counter()
    indicators = extract(list(documents))
    store.write_json(path, [i.to_dict() for i in indicators])
    return {"count": len(indicators), "seconds": round(time.perf_counter() - t0, 3)}


def read_indicators(index_dir: Path) -> list[Any] | None:
    """The stored indicators, or None for an index built before they were."""
    from corpus.indicators import Indicator

    path = Path(index_dir) / store.INDICATORS
    if not path.exists():
        return None
    return [Indicator.from_dict(d) for d in json.loads(path.read_text("utf-8"))]


# ----------------------------------------------------------------------------- open


def open(index_dir: Path | str, settings=None, verify: bool = True) -> Index:
    """Load an index directory. With `settings`, its embedder must be the one that built the
    index (else UserError); without, the recorded one is used. Damage is a UserError with a
    rebuild hint."""
    index_dir = Path(index_dir).expanduser().resolve()
    manifest = store.read_manifest(index_dir, verify=verify)
    warm_up_in_background()
    recorded = manifest.get("embedder") or {}
    embedder = make_embedder(settings.embedder if settings is not None else recorded.get("spec"))
    if embedder.id == recorded.get("id") and hasattr(embedder, "warm_up_in_background"):
        embedder.warm_up_in_background()
    if embedder.id != recorded.get("id"):
        raise UserError(
            "index_embedder_mismatch",
            index_dir=index_dir,
            built=recorded.get("spec"),
            built_id=recorded.get("id"),
            wanted=settings.embedder if settings is not None else recorded.get("spec"),
        )
    try:
        documents = [
            Document.from_dict(d)
            for d in json.loads((index_dir / store.DOCUMENTS).read_text("utf-8"))
        ]
        chunks = [
            Chunk.from_dict(c) for c in json.loads((index_dir / store.CHUNKS).read_text("utf-8"))
        ]
        searched = stores.open_store(
            settings, index_dir, manifest, embedder.id, _dense_params(settings)
        )
    except (OSError, ValueError, TypeError, KeyError, RuntimeError) as exc:
        raise store.damaged(index_dir, f"{type(exc).__name__}: {exc}".splitlines()[0]) from exc
    if not (searched.size == len(chunks) == manifest["counts"]["chunks"]):
        raise store.damaged(index_dir, "chunk counts of chunks.json and the store differ")
    if searched.dim != recorded.get("dim"):
        raise store.damaged(index_dir, "the store's dimension differs from the manifest")
    cache_dir = Path(settings.cache_dir) if settings is not None else Path(manifest["cache_dir"])
    return Index(
        index_dir,
        manifest,
        documents,
        chunks,
        searched,
        embedder,
        cache_dir,
        rrf_weights={
            "dense": float(_setting(settings, "dense_weight", 1.0)),
            "bm25": float(_setting(settings, "bm25_weight", 1.0)),
        },
        rrf_k=int(_setting(settings, "rrf_k", RRF_K)),
    )


def open_or_build(settings, progress: bool = True) -> Index:
    """The index in settings.index_dir, built first (from settings.data_dir) if there is none.
    A folder that exists but is not a whole index is reported as damaged, never rebuilt over."""
    index_dir = Path(settings.index_dir).expanduser().resolve()
    store.clean_up_after_killed_builds(index_dir)
    stores.check_store(settings)  # a wrong store or an unreachable server: said first
    if not store.has_content(index_dir):
        if progress:
            print(f"planqa: no index at {index_dir}, building it", file=sys.stderr)
        build(settings, progress=progress)
    return open(index_dir, settings)


# ----------------------------------------------------------------------------- search


class Index:
    """An opened index: everything loaded once, the embedder kept hot. Thread-safe for
    searches (the UI serves several users from one Index)."""

    candidates = 50  # per retriever, before fusion: deep enough that RRF sees agreement

    def __init__(
        self,
        path: Path,
        manifest: dict[str, Any],
        documents: list[Document],
        chunks: list[Chunk],
        searched: stores.Store,
        embedder,
        cache_dir: Path,
        rrf_weights: dict[str, float] | None = None,
        rrf_k: int = RRF_K,
    ) -> None:
        self.path = path
        self.manifest = manifest
        self.documents = documents
        self.chunks = chunks
        self.store = searched
        # the local store's FAISS and bm25s objects (benchmarks read them); None on Milvus
        self.dense = getattr(searched, "dense", None)
        self.lexical = getattr(searched, "lexical", None)
        self.embedder = embedder
        self.rrf_weights = rrf_weights or {"dense": 1.0, "bm25": 1.0}
        self.rrf_k = rrf_k
        self._cache = EmbeddingCache(cache_dir, required=False)  # a question works without it
        self._query_vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._memo_lock = threading.Lock()
        self._documents_by_id = {d.doc_id: d for d in documents}
        # filter tables: every place a chunk stands counts (duplicates list all their sources)
        by_district: dict[str, list[int]] = {}
        by_doc: dict[str, list[int]] = {}
        by_type: dict[str, list[int]] = {}
        own_places: set[str] = set()
        for pos, v in enumerate(stores.filter_values(chunks, documents)):
            # a place filter covers the places inside it: 四川省 finds 宜宾市's documents
            for key, table in (
                (v.places, by_district),
                (v.enclosing, by_district),
                (v.doc_ids, by_doc),
                (v.doc_types, by_type),
            ):
                for value in key:
                    table.setdefault(value, []).append(pos)
            own_places.update(v.places)
        self._own_places = sorted(own_places)
        self._by_district = {k: np.array(v, np.int64) for k, v in by_district.items()}
        self._by_doc = {k: np.array(v, np.int64) for k, v in by_doc.items()}
        self._by_type = {k: np.array(v, np.int64) for k, v in by_type.items()}

    def __repr__(self) -> str:
        return f"Index({str(self.path)!r}, chunks={len(self.chunks)})"

    # -- metadata

    def districts(self) -> list[str]:
        """The places documents of the index are issued by, sorted (not the places that
        contain them, which filters accept too)."""
        return list(self._own_places)

    def doc_types(self) -> list[str]:
        return sorted(self._by_type)

    def chunks_for(self, district: str | None = None, doc_id: str | None = None) -> list[Chunk]:
        """Chunks standing in `district` and/or document `doc_id` (any of their sources), in
        index order."""
        positions = self._allowed(
            Filters(
                districts=(district,) if district else (),
                doc_ids=(doc_id,) if doc_id else (),
            )
        )
        if positions is None:
            return list(self.chunks)
        return [self.chunks[i] for i in positions]

    # -- embeddings

    def embed_query(self, text: str) -> np.ndarray:
        """Unit query vector (query role) of the normalised text; recent queries memoised."""
        key = normalize_query(text)
        with self._memo_lock:
            vector = self._query_vectors.get(key)
        if vector is None:
            vector = self.embedder.query_vector(key)
            with self._memo_lock:
                self._query_vectors[key] = vector
                if len(self._query_vectors) > QUERY_CACHE_SIZE:
                    self._query_vectors.popitem(last=False)
        return vector

    def embed_texts(self, texts: Sequence[str]) -> np.ndarray:
        """Passage-role vectors, shape (len(texts), dim), through the embedding cache."""
        if not texts:
            return np.zeros((0, self.store.dim), np.float32)
        vectors, _, _ = embed_with_cache(self.embedder, list(texts), self._cache)
        return vectors

    # -- filters

    def canonical_filters(self, filters: Filters | None) -> Filters | None:
        """Filters with district aliases made canonical; unknown values are a UserError that
        lists the known ones."""
        if filters is None or filters.is_empty():
            return None
        districts = []
        for name in filters.districts:
            canonical = _canonical_district(name)
            if canonical not in self._by_district:
                raise _not_in_index(name, self.districts())
            districts.append(canonical)
        for doc_id in filters.doc_ids:
            if doc_id not in self._by_doc:
                raise UserError("unknown_document", doc_id=doc_id, known=sorted(self._by_doc))
        for doc_type in filters.doc_types:
            if doc_type not in self._by_type:
                raise UserError("unknown_doc_type", doc_type=doc_type, known=self.doc_types())
        return Filters(tuple(districts), tuple(filters.doc_ids), tuple(filters.doc_types))

    def _allowed(self, filters: Filters | None) -> np.ndarray | None:
        """Sorted positions passing the filters (OR within a kind, AND across kinds);
        None = no filter."""
        filters = self.canonical_filters(filters)
        if filters is None:
            return None
        allowed: np.ndarray | None = None
        for values, table in (
            (filters.districts, self._by_district),
            (filters.doc_ids, self._by_doc),
            (filters.doc_types, self._by_type),
        ):
            if not values:
                continue
            kind = np.unique(np.concatenate([table[v] for v in values]))
            allowed = kind if allowed is None else np.intersect1d(allowed, kind)
        return allowed

    # -- search

    def search(
        self,
        query: str,
        k: int = 10,
        filters: Filters | None = None,
        mode: str = "hybrid",
    ) -> list[Hit]:
        """The k best chunks for `query` among those passing `filters`, best first.
        mode: "hybrid" (RRF of dense and BM25), "dense" or "bm25"."""
        if mode not in MODES:
            raise UserError("unknown_search_mode", mode=mode, modes=list(MODES))
        text = normalize_query(query)
        if k <= 0 or not text:
            return []
        canonical = self.canonical_filters(filters)
        allowed = self._allowed(canonical)
        if allowed is not None and len(allowed) == 0:
            return []
        where = stores.Where(canonical, allowed)
        depth = k if mode != "hybrid" else max(k, self.candidates)
        ranked: dict[str, np.ndarray] = {}
        scores: dict[str, np.ndarray] = {}
        if mode in ("dense", "hybrid"):
            ranked["dense"], scores["dense"] = self.store.dense_search(
                self.embed_query(text), depth, where
            )
        if mode in ("bm25", "hybrid"):
            ranked["bm25"], scores["bm25"] = self.store.bm25_search(tokenize(text), depth, where)
        if mode != "hybrid":
            ids, values = ranked[mode], scores[mode]
            return [
                Hit(self.chunks[int(i)], float(s), rank, (mode,))
                for rank, (i, s) in enumerate(zip(ids, values, strict=True), start=1)
            ]
        fused = reciprocal_rank_fusion(
            {name: ids.tolist() for name, ids in ranked.items()}, self.rrf_weights, self.rrf_k
        )
        return [
            Hit(self.chunks[i], score, rank, found_by)
            for rank, (i, score, found_by) in enumerate(fused[:k], start=1)
        ]

    def retriever(self, k: int = 4, filters: Filters | None = None, mode: str = "hybrid"):
        """A LangChain retriever over this index."""
        from index.retriever import PlanRetriever

        return PlanRetriever(index=self, k=k, filters=filters, mode=mode)


def _not_in_index(name: str, districts: list[str]) -> UserError:
    try:
        from corpus import gazetteer
    except ImportError:  # corpus stage not there yet
        return UserError("unknown_place", name=name, known=districts)
    return gazetteer.not_in_index(name, districts)


def _canonical_district(name: str) -> str:
    try:
        from corpus import gazetteer
    except ImportError:  # corpus stage not there yet
        return name.strip()
    return gazetteer.canonical_district(name) or name.strip()
