"""Reciprocal-rank fusion of ranked candidate lists (pure functions)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

# Cormack et al. (2009) use k=60, which damps the head of each list so that agreement further
# down outvotes one retriever's first place. Our lists are short (50 candidates) and each
# retriever's first places are meaningful (BM25 on an exact table value, dense on a paraphrase):
# on the benchmark questions k=10 puts the answer in the top 5 more often than k=30 or 60
# (benchmarks/results/index.md, "RRF k").
RRF_K = 10


def reciprocal_rank_fusion(
    ranked: Mapping[str, Sequence[int]],
    weights: Mapping[str, float] | None = None,
    k: int = RRF_K,
) -> list[tuple[int, float, tuple[str, ...]]]:
    """Fuse lists of ids (best first), one per retriever, into (id, score, retrievers) sorted
    by descending score; ties keep the order of first appearance. score = sum over retrievers
    of weight / (k + rank), rank 1-based."""
    scores: dict[int, float] = {}
    found_by: dict[int, list[str]] = {}
    for name, ids in ranked.items():
        weight = 1.0 if weights is None else float(weights.get(name, 1.0))
        for rank, item in enumerate(ids, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
            found_by.setdefault(item, []).append(name)
    order = sorted(scores, key=lambda i: -scores[i])  # sorted() is stable
    return [(i, scores[i], tuple(found_by[i])) for i in order]
