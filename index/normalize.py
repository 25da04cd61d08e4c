"""Query and passage text normalisation: Traditional -> Simplified, full-width -> half-width,
whitespace trimmed. Used by BM25 on both sides and by the dense query side."""

from __future__ import annotations

import threading

from corpus.text import normalize_for_match

_converter = None
_converter_lock = threading.Lock()


def _t2s():
    global _converter
    if _converter is None:
        with _converter_lock:
            if _converter is None:
                import opencc

                _converter = opencc.OpenCC("t2s")
    return _converter


def normalize_text(text: str) -> str:
    """corpus.text.normalize_for_match (NFKC: full-width letters, digits and punctuation ->
    half-width; unified brackets; runs of whitespace collapsed to one space, trimmed; case
    kept, since the tokenizer and the embedder see it) and then Traditional -> Simplified
    Chinese, which only retrieval folds: a query typed in Traditional script finds the
    Simplified passage."""
    return _t2s().convert(normalize_for_match(text))


def normalize_query(query: str) -> str:
    """What a query looks like before it reaches the embedder and the tokenizer."""
    return normalize_text(query)
