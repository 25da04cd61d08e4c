"""The store seam: where an index keeps what it searches (vectors and BM25 weights).

The index directory always holds the catalog (manifest, documents, chunks); a store holds
the two retrievers. `LocalStore` (the default) is FAISS + bm25s files beside the catalog;
`index.milvus.MilvusStore` is a Milvus collection, embedded (milvus-lite, a local `.db`) or on
a server or cluster, through the same pymilvus client. One setting chooses (`PLANQA_STORE`,
`--store`): `local`, `milvus:./planqa.db`, `milvus:http://HOST:19530`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

import numpy as np

from corpus.errors import UserError
from corpus.model import Chunk, Document
from index.types import Filters

STORE_HELP = "use local, milvus:./planqa.db (embedded) or milvus:http://HOST:19530 (a server)"


@dataclass(frozen=True)
class StoreSpec:
    """A parsed store setting. `uri`: an absolute `.db` path (milvus-lite) or a server URL."""

    kind: str  # "local" | "milvus"
    uri: str = ""

    @property
    def embedded(self) -> bool:
        return self.kind == "milvus" and "://" not in self.uri

    def label(self) -> str:
        """What messages and the manifest show: the URL without user or password."""
        if self.kind == "local":
            return "local"
        if self.embedded:
            return f"milvus:{self.uri}"
        parts = urlsplit(self.uri)
        host = parts.hostname or ""
        return f"milvus:{parts.scheme}://{host}" + (f":{parts.port}" if parts.port else "")


def parse_store(spec: str | None) -> StoreSpec:
    """`local` | `milvus:PATH.db` | `milvus:http(s)://HOST[:PORT]`; anything else is a
    UserError. A `.db` path is resolved against the working directory."""
    text = (spec or "local").strip()
    if text == "local":
        return StoreSpec("local")
    kind, sep, rest = text.partition(":")
    if kind != "milvus" or not sep or not rest.strip():
        raise UserError("unknown_store", store=text, help=STORE_HELP)
    rest = rest.strip()
    if "://" in rest:
        parts = urlsplit(rest)
        if parts.scheme not in ("http", "https", "tcp", "grpc") or not parts.hostname:
            raise UserError(
                "bad_milvus_uri", uri=StoreSpec("milvus", rest).label(), help=STORE_HELP
            )
        return StoreSpec("milvus", rest)
    if not rest.endswith(".db"):  # pymilvus starts milvus-lite only for a .db path
        raise UserError("milvus_lite_path", uri=rest)
    return StoreSpec("milvus", str(Path(rest).expanduser().resolve()))


def recorded_store(manifest: dict[str, Any]) -> StoreSpec:
    """The store an index was built with (an index from before stores were recorded: local)."""
    info = manifest.get("store") or {}
    return StoreSpec(info.get("kind", "local"), info.get("uri", ""))


@dataclass(frozen=True)
class Where:
    """One filtered subset said twice: as canonical Filters (for an engine that takes filter
    expressions) and as the sorted chunk positions they select (for in-memory arrays).
    Both None: every chunk."""

    filters: Filters | None = None
    positions: np.ndarray | None = None


class Store(Protocol):
    """What an Index searches. Ids are positions in the catalog's chunk list; results are
    (ids, scores) best first, restricted to `where` inside retrieval, never after top-k."""

    kind: str

    @property
    def size(self) -> int: ...

    @property
    def dim(self) -> int: ...

    def dense_search(
        self, vector: np.ndarray, k: int, where: Where
    ) -> tuple[np.ndarray, np.ndarray]: ...

    def bm25_search(
        self, tokens: list[str], k: int, where: Where
    ) -> tuple[np.ndarray, np.ndarray]: ...


@dataclass(frozen=True)
class FilterValues:
    """What a chunk matches in each filter: every source counts (duplicates list all their
    sources), and a place filter covers the places inside it (四川省 finds 宜宾市)."""

    places: frozenset[str]  # the districts of the chunk's documents
    enclosing: frozenset[str]  # the places containing them
    doc_ids: frozenset[str]
    doc_types: frozenset[str]


def filter_values(chunks: list[Chunk], documents: list[Document]) -> list[FilterValues]:
    by_id = {d.doc_id: d for d in documents}
    out = []
    for chunk in chunks:
        doc_ids = {s.doc_id for s in chunk.sources}
        docs = [by_id[i] for i in doc_ids if i in by_id]
        places = {x for x in (chunk.district, *(d.district for d in docs)) if x is not None}
        enclosing = {p for d in docs for p in d.place_parents} - places
        types = {x for x in (chunk.doc_type, *(d.doc_type for d in docs)) if x is not None}
        out.append(
            FilterValues(
                frozenset(places), frozenset(enclosing), frozenset(doc_ids), frozenset(types)
            )
        )
    return out


class LocalStore:
    """FAISS (index/dense.py) and bm25s (index/lexical.py) in the index directory."""

    kind = "local"

    def __init__(self, dense, lexical) -> None:
        self.dense = dense
        self.lexical = lexical

    @property
    def size(self) -> int:
        return self.dense.size

    @property
    def dim(self) -> int:
        return self.dense.dim

    def dense_search(self, vector, k, where):
        return self.dense.search(vector, k, where.positions)

    def bm25_search(self, tokens, k, where):
        mask = None
        if where.positions is not None:
            mask = np.zeros(self.lexical.size, dtype=bool)
            mask[where.positions] = True
        return self.lexical.search(tokens, k, mask)


# ----------------------------------------------------------------------------- build, open


def _token(settings: Any) -> str | None:
    secret = getattr(settings, "milvus_token", None) if settings is not None else None
    return secret.get_secret_value() if secret is not None else None


def check_store(settings: Any) -> StoreSpec:
    """The configured store, parsed and (Milvus) reached: called before minutes of embedding."""
    spec = parse_store(getattr(settings, "store", None))
    if spec.kind == "milvus":
        from index import milvus

        index_dir = getattr(settings, "index_dir", None)
        # a build replaces the index folder wholesale: a database inside it would go too
        if (
            spec.embedded
            and index_dir is not None
            and Path(index_dir).expanduser().resolve() in Path(spec.uri).parents
        ):
            raise UserError("milvus_db_inside_index", uri=spec.uri, index_dir=index_dir)
        milvus.client(spec, _token(settings))
    return spec


class LocalBuild:
    """A local store built in memory; `save` writes its files into the temporary folder."""

    def __init__(self, store: LocalStore, params) -> None:
        self.store = store
        self.params = params

    @property
    def dim(self) -> int:
        return self.store.dim

    def save(self, folder: Path) -> dict[str, Any]:
        from index import store as files

        self.store.dense.save(folder / files.DENSE)
        self.store.lexical.save(folder / files.BM25_DIR)
        return {
            "dense": {"kind": self.store.dense.kind, "hnsw_threshold": self.params.hnsw_threshold}
        }

    def commit(self) -> None:
        pass

    def discard(self) -> None:
        pass


class MilvusBuild:
    """A collection written and waiting for the catalog swap (index/milvus.py)."""

    def __init__(self, pending) -> None:
        self.pending = pending

    @property
    def dim(self) -> int:
        return self.pending.dim

    def save(self, folder: Path) -> dict[str, Any]:
        return self.pending.manifest_fields()

    def commit(self) -> None:
        self.pending.commit()

    def discard(self) -> None:
        self.pending.discard()


def _previous_manifest(index_dir: Path) -> dict[str, Any] | None:
    import json

    from index import store as files

    try:
        return json.loads((Path(index_dir) / files.MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return None


def build_store(
    settings: Any,
    index_dir: Path,
    chunks: list[Chunk],
    documents: list[Document],
    vectors: np.ndarray,
    token_lists: list[list[str]],
    embedder_id: str,
    params,
) -> LocalBuild | MilvusBuild:
    spec = parse_store(getattr(settings, "store", None))
    if spec.kind == "local":
        from index.dense import DenseIndex
        from index.lexical import LexicalIndex

        local = LocalStore(DenseIndex.build(vectors, params), LexicalIndex.build(token_lists))
        return LocalBuild(local, params)
    from index import milvus

    pending = milvus.build(
        spec,
        _token(settings),
        milvus.alias_for(_previous_manifest(index_dir), spec),
        vectors,
        token_lists,
        filter_values(chunks, documents),
        embedder_id,
        params,
    )
    return MilvusBuild(pending)


def open_store(
    settings: Any, index_dir: Path, manifest: dict[str, Any], embedder_id: str, params
) -> Store:
    """The store the manifest names. With settings, their store must be that one."""
    recorded = recorded_store(manifest)
    if settings is not None:
        wanted = parse_store(getattr(settings, "store", None))
        if wanted.label() != recorded.label():
            raise UserError(
                "index_store_mismatch",
                index_dir=index_dir,
                built=recorded.label(),
                wanted=wanted.label(),
            )
    n = int(manifest["counts"]["chunks"])
    if recorded.kind == "milvus":
        from index import milvus

        info = manifest["store"]
        # the setting's URI: the recorded one has no user or password in it
        spec = recorded if settings is None else parse_store(settings.store)
        return milvus.open_collection(
            spec, _token(settings), info["collection"], embedder_id, n, str(index_dir), params
        )
    from index import store as files
    from index.dense import DenseIndex
    from index.lexical import LexicalIndex

    dense = DenseIndex.load(index_dir / files.DENSE, params)
    lexical = LexicalIndex.load(index_dir / files.BM25_DIR)
    if lexical.size != dense.size:
        raise files.damaged(index_dir, "chunk counts of FAISS and BM25 differ")
    return LocalStore(dense, lexical)
