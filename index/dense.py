"""The dense store: FAISS inner product over unit vectors, ids = positions in chunks.json.

Exact search (`IndexIDMap2(IndexFlatIP)`, which also supports removal) by default; HNSW above
a size threshold, where exact search gets slower than a user should wait. Filters restrict
the candidate ids inside the search, never by dropping hits after top-k."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

# Below this many allowed ids a filtered search scores the subset exactly (a gather and one
# matrix-vector product), which is both exact and faster than a selector scan of everything.
EXACT_SUBSET_LIMIT = 20_000


@dataclass(frozen=True)
class DenseParams:
    """FAISS choices (benchmarks/results/index_scale.md). Exact search of a million chunks
    still answers in well under 100 ms here, while HNSW costs minutes to build and loses
    recall, so the index stays exact up to a million chunks. Above that, M=16 and
    efConstruction=40 keep the build affordable on two cores, and efSearch=128 buys recall
    back at query time."""

    hnsw_threshold: int = 1_000_000  # chunks; above this an HNSW index is built
    hnsw_m: int = 16
    hnsw_ef_construction: int = 40
    hnsw_ef_search: int = 128


class DenseIndex:
    def __init__(self, faiss_index, params: DenseParams | None = None) -> None:
        self.faiss_index = faiss_index
        self.params = params or DenseParams()
        self._vectors: np.ndarray | None = None

    def vectors(self) -> np.ndarray:
        """The stored vectors as an (n, dim) array, row = id, without copying: a view of the
        flat storage inside FAISS (ids are positions, added in order)."""
        if self._vectors is None:
            import faiss

            inner = faiss.downcast_index(self.faiss_index.index)
            flat = faiss.downcast_index(inner.storage) if hasattr(inner, "storage") else inner
            if not isinstance(flat, faiss.IndexFlat):
                raise TypeError(f"expected flat vector storage, got {type(flat).__name__}")
            n, d = int(flat.ntotal), int(flat.d)
            if n == 0:
                self._vectors = np.zeros((0, d), np.float32)
            else:
                self._vectors = faiss.rev_swig_ptr(flat.get_xb(), n * d).reshape(n, d)
        return self._vectors

    @property
    def size(self) -> int:
        return int(self.faiss_index.ntotal)

    @property
    def dim(self) -> int:
        return int(self.faiss_index.d)

    @property
    def kind(self) -> str:
        import faiss

        inner = faiss.downcast_index(self.faiss_index.index)
        return "hnsw" if isinstance(inner, faiss.IndexHNSW) else "flat"

    @classmethod
    def build(cls, vectors: np.ndarray, params: DenseParams | None = None) -> DenseIndex:
        import faiss

        params = params or DenseParams()
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        n, dim = vectors.shape
        inner: faiss.Index
        if n > params.hnsw_threshold:
            hnsw = faiss.IndexHNSWFlat(dim, params.hnsw_m, faiss.METRIC_INNER_PRODUCT)
            hnsw.hnsw.efConstruction = params.hnsw_ef_construction
            inner = hnsw
        else:
            inner = faiss.IndexFlatIP(dim)
        index = faiss.IndexIDMap2(inner)
        if n:
            index.add_with_ids(vectors, np.arange(n, dtype=np.int64))
        return cls(index, params)

    def save(self, path: Path) -> None:
        import faiss

        faiss.write_index(self.faiss_index, str(path))

    @classmethod
    def load(cls, path: Path, params: DenseParams | None = None) -> DenseIndex:
        import faiss

        return cls(faiss.read_index(str(path)), params)

    def search(
        self, query: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (ids, scores) by inner product, best first, among `allowed` ids (None = all)."""
        import faiss

        k = min(k, self.size if allowed is None else len(allowed))
        if k <= 0:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        q = np.ascontiguousarray(query, dtype=np.float32).reshape(1, -1)
        hnsw = self.kind == "hnsw"
        if allowed is None:
            # faiss's bundled stub lacks SearchParametersHNSW, which the SWIG module has
            params = faiss.SearchParametersHNSW(  # type: ignore[attr-defined]
                efSearch=max(self.params.hnsw_ef_search, k)
            )
            scores, ids = self.faiss_index.search(q, k, params=params if hnsw else None)
            return _valid(ids[0], scores[0])
        allowed = np.asarray(allowed, dtype=np.int64)
        if len(allowed) <= EXACT_SUBSET_LIMIT:
            return self._exact_subset(q[0], k, allowed)
        if not hnsw:  # one pass over all vectors (what exact search costs anyway), then mask
            scores = self.vectors() @ q[0]
            top = _top_k(scores[allowed], k)
            return allowed[top], scores[allowed][top].astype(np.float32)
        selector = faiss.IDSelectorBatch(allowed)
        if hnsw:
            params = faiss.SearchParametersHNSW(  # type: ignore[attr-defined]  # as above
                sel=selector, efSearch=max(self.params.hnsw_ef_search, 2 * k)
            )
        else:
            params = faiss.SearchParameters(sel=selector)
        scores, ids = self.faiss_index.search(q, k, params=params)
        ids, scores = _valid(ids[0], scores[0])
        if len(ids) < k:  # a filtered HNSW walk can strand itself: fall back to exact
            return self._exact_subset(q[0], k, allowed)
        return ids, scores

    def _exact_subset(
        self, q: np.ndarray, k: int, allowed: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        vectors = self.vectors()
        best_ids: list[np.ndarray] = []
        best_scores: list[np.ndarray] = []
        for start in range(0, len(allowed), EXACT_SUBSET_LIMIT):
            block = allowed[start : start + EXACT_SUBSET_LIMIT]
            scores = vectors[block] @ q
            top = _top_k(scores, k)
            best_ids.append(block[top])
            best_scores.append(scores[top])
        ids = np.concatenate(best_ids)
        scores = np.concatenate(best_scores)
        top = _top_k(scores, k)
        return ids[top], scores[top].astype(np.float32)


def _top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Positions of the k largest scores, best first (stable for ties)."""
    if len(scores) > k:
        part = np.argpartition(-scores, k - 1)[:k]
        return part[np.argsort(-scores[part], kind="stable")]
    return np.argsort(-scores, kind="stable")


def _valid(ids: np.ndarray, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    keep = ids >= 0
    return ids[keep].astype(np.int64), scores[keep].astype(np.float32)
