"""Stage 2: Chunks -> embedded, searchable index on disk (FAISS + BM25).

stats = index.build(settings)              # atomic, incremental through the embedding cache
idx = index.open_or_build(settings)
index.add(settings, [path]); index.remove(settings, [doc_id]); index.rebuild(settings)
hits = idx.search("綦江区的研发投入目标", k=5, filters=Filters(districts=("綦江区",)))
"""

from index.core import MODES, Index, build, build_from_chunks, open, open_or_build
from index.sources import add, rebuild, remove
from index.tokenize import tokenize
from index.types import BuildStats, Filters, Hit

__all__ = [
    "MODES",
    "BuildStats",
    "Filters",
    "Hit",
    "Index",
    "add",
    "build",
    "build_from_chunks",
    "open",
    "open_or_build",
    "rebuild",
    "remove",
    "tokenize",
]
