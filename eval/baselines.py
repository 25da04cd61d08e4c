"""Baselines scored in the same run as the system: one retriever alone (BM25 or dense, over
our chunks), and a naive pipeline (a generic character splitter over the raw files: no
document splitting, no sections, no tables, no duplicate handling; the same embedder;
cosine top-k). Each is a `Searchable`, so the same answerer runs on top of it and every
metric compares like with like.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from corpus.model import Chunk, Document
from index.types import Filters, Hit

# the naive splitter's parameters: LangChain's usual starting point, in characters
NAIVE_CHUNK_SIZE = 500
NAIVE_CHUNK_OVERLAP = 50


class ModeIndex:
    """The real index with every search forced to one retriever ("bm25" or "dense")."""

    def __init__(self, index: Any, mode: str) -> None:
        self._index = index
        self.mode = mode

    def __getattr__(self, name: str) -> Any:
        return getattr(self._index, name)

    def search(
        self, query: str, k: int = 10, filters: Filters | None = None, mode: str = "hybrid"
    ) -> list[Hit]:
        return self._index.search(query, k=k, filters=filters, mode=self.mode)


@dataclass(frozen=True)
class NaivePiece:
    source: str
    start: int  # character offset in the file
    text: str


def split_naive(texts: dict[str, str]) -> list[NaivePiece]:
    """Raw file texts cut by LangChain's RecursiveCharacterTextSplitter with its default
    separators (paragraph, line, space, character): what a generic pipeline does."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(
        chunk_size=NAIVE_CHUNK_SIZE, chunk_overlap=NAIVE_CHUNK_OVERLAP, add_start_index=True
    )
    pieces: list[NaivePiece] = []
    for source, text in texts.items():
        for doc in splitter.create_documents([text]):
            if doc.page_content.strip():
                pieces.append(
                    NaivePiece(source, int(doc.metadata["start_index"]), doc.page_content)
                )
    return pieces


def _piece_chunk(piece: NaivePiece, full_text: str) -> Chunk:
    line_start = full_text.count("\n", 0, piece.start) + 1
    line_end = line_start + piece.text.count("\n")
    digest = hashlib.sha256(f"{piece.source}:{piece.start}:{piece.text}".encode()).hexdigest()
    return Chunk(
        chunk_id="naive-" + digest[:16],
        doc_id=Path(piece.source).stem,
        section=(),
        kind="text",
        text=piece.text,
        line_start=line_start,
        line_end=line_end,
        district=None,
        title=piece.source,
        source=piece.source,
    )


class NaiveIndex:
    """The naive pipeline as a `Searchable`: fixed-size pieces of the raw files, embedded
    (passage role, through the real index's embedding cache, so once ever) and ranked by
    cosine. It has no metadata, so filters are ignored; `districts()` reports the real
    index's districts only so that the answerer does not refuse questions naming one."""

    def __init__(self, index: Any, data_dir: Path) -> None:
        self._index = index
        files = sorted(p for p in data_dir.iterdir() if p.suffix in (".txt", ".md"))
        texts = {p.name: p.read_text(encoding="utf-8", errors="replace") for p in files}
        pieces = split_naive(texts)
        self.chunks: list[Chunk] = [_piece_chunk(p, texts[p.source]) for p in pieces]
        self.documents: list[Document] = []
        self._vectors = np.asarray(index.embed_texts([c.text for c in self.chunks]), np.float32)

    def search(
        self, query: str, k: int = 10, filters: Filters | None = None, mode: str = "hybrid"
    ) -> list[Hit]:
        if k <= 0 or not query.strip() or not self.chunks:
            return []
        scores = self._vectors @ np.asarray(self._index.embed_query(query), np.float32)
        order = np.argsort(-scores, kind="stable")[:k]
        return [
            Hit(self.chunks[int(i)], float(scores[int(i)]), rank, ("dense",))
            for rank, i in enumerate(order, start=1)
        ]

    def districts(self) -> list[str]:
        return list(self._index.districts())

    def chunks_for(self, district: str | None = None, doc_id: str | None = None) -> list[Chunk]:
        if district is not None:
            return []
        return [c for c in self.chunks if doc_id is None or c.doc_id == doc_id]

    def embed_query(self, text: str) -> np.ndarray:
        return self._index.embed_query(text)

    def embed_texts(self, texts: Sequence[str]) -> np.ndarray:
        return self._index.embed_texts(texts)
