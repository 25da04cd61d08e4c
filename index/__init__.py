"""Stage 2: Chunks -> embedded, searchable index on disk (FAISS + BM25)."""
