"""Records the index stage returns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from corpus.model import Chunk


@dataclass(frozen=True)
class Filters:
    """Metadata filters applied inside retrieval (before top-k, not after)."""

    districts: tuple[str, ...] = ()  # canonical district names; empty = any
    doc_ids: tuple[str, ...] = ()
    doc_types: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return not (self.districts or self.doc_ids or self.doc_types)


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float
    rank: int  # 1-based
    retrievers: tuple[str, ...]  # which retrievers found it: "dense", "bm25"

    def to_dict(self) -> dict[str, Any]:
        """The `results` entry of the CLI contract (search, ask)."""
        c = self.chunk
        return {
            "rank": self.rank,
            "score": round(float(self.score), 6),
            "chunk_id": c.chunk_id,
            "doc_id": c.doc_id,
            "title": c.title,
            "district": c.district,
            "section": list(c.section),
            "kind": c.kind,
            "text": c.text,
            "source": c.source,
            "line_start": c.line_start,
            "line_end": c.line_end,
            "page_start": c.page_start,
            "page_end": c.page_end,
            "also_in": [s.to_dict() for s in c.also_in],
            "retrievers": list(self.retrievers),
        }


@dataclass(frozen=True)
class BuildStats:
    """What `index.build` did; `to_dict` is the `planqa build --json` output."""

    documents: int
    chunks: int
    embedded: int  # chunks embedded in this build
    reused: int  # chunks whose vectors came from the embedding cache
    seconds: float
    embed_seconds: float = 0.0  # time spent inside the embedder
    index_dir: str = ""
    embedder: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "chunks": self.chunks,
            "embedded": self.embedded,
            "reused": self.reused,
            "seconds": round(self.seconds, 3),
            "embed_seconds": round(self.embed_seconds, 3),
            "index_dir": self.index_dir,
            "embedder": self.embedder,
        }
