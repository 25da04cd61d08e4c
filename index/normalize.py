"""Query and passage text normalisation: Traditional -> Simplified, full-width -> half-width,
whitespace trimmed. Used by BM25 on both sides and by the dense query side."""

from __future__ import annotations

import re
import threading
import unicodedata

_SPACES = re.compile(r"\s+")
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
    """NFKC (full-width letters, digits and punctuation -> half-width), Traditional ->
    Simplified Chinese, runs of whitespace collapsed to one space, trimmed."""
    text = unicodedata.normalize("NFKC", text)
    text = _t2s().convert(text)
    return _SPACES.sub(" ", text).strip()


def normalize_query(query: str) -> str:
    """What a query looks like before it reaches the embedder and the tokenizer."""
    return normalize_text(query)
