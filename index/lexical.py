"""The lexical store: BM25 (bm25s) over the tokens of `index.tokenize`. Filters apply as a
mask on the score vector before top-k; a document that shares no token with the query is not
a hit."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from index.dense import _top_k


class LexicalIndex:
    def __init__(self, bm25) -> None:
        self.bm25 = bm25

    @property
    def size(self) -> int:
        return int(self.bm25.scores["num_docs"])

    @classmethod
    def build(cls, token_lists: list[list[str]]) -> LexicalIndex:
        import bm25s

        bm25 = bm25s.BM25()  # Lucene variant, k1=1.5, b=0.75
        bm25.index(token_lists, show_progress=False)
        return cls(bm25)

    def save(self, folder: Path) -> None:
        self.bm25.save(str(folder), allow_pickle=False)

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        import bm25s

        return cls(bm25s.BM25.load(str(folder), allow_pickle=False, load_corpus=False))

    def scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every document for the query tokens (zeros when none is known)."""
        ids = self.bm25.get_tokens_ids(tokens)
        if not ids:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self.bm25.get_scores_from_ids(ids), dtype=np.float32)

    def search(
        self, tokens: list[str], k: int, allowed_mask: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (ids, scores), best first, among documents with a positive score."""
        scores = self.scores(tokens)
        if allowed_mask is not None:
            scores = np.where(allowed_mask, scores, 0.0)
        candidates = np.flatnonzero(scores > 0)
        if len(candidates) == 0 or k <= 0:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        top = _top_k(scores[candidates], k)
        return candidates[top].astype(np.int64), scores[candidates[top]]
