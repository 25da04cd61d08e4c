"""The jieba tokenizer BM25 uses: search-mode segmentation (long words also yield their
dictionary sub-words, so "科技创新中心" matches a query for "科技创新"), a user dictionary
of district names and policy terms that must stay whole, and stop words removed."""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from importlib import resources

from index.normalize import normalize_text

_lock = threading.Lock()
_tokenizer = None


def _read_list(name: str) -> list[str]:
    text = resources.files("index").joinpath("data", name).read_text(encoding="utf-8")
    return [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]


def _district_terms() -> list[str]:
    """Canonical district names and their short forms (綦江区 and 綦江)."""
    try:
        from corpus import gazetteer
    except ImportError:  # corpus stage not there yet: policy terms only
        return []
    names: set[str] = set()
    for name in gazetteer.ALL_DISTRICTS:
        names.add(name)
        if len(name) > 2 and name[-1] in "区县市":
            names.add(name[:-1])
    return sorted(names)


def domain_terms() -> list[str]:
    """Every term the tokenizer keeps whole."""
    return sorted({*_read_list("domain_terms.txt"), *_district_terms()})


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    return frozenset(_read_list("stopwords.txt"))


def _jieba():
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                logging.getLogger("jieba").setLevel(logging.WARNING)
                jieba.setLogLevel(logging.WARNING)
                tk = jieba.Tokenizer()
                tk.initialize()
                for term in domain_terms():
                    # a high frequency makes the segmenter prefer the whole term
                    tk.add_word(term, freq=100_000)
                _tokenizer = tk
    return _tokenizer


def warm_up_in_background() -> None:
    """Load the jieba dictionary on a daemon thread, so that it overlaps with loading the
    embedder (which releases the GIL) instead of adding to the first search."""
    if _tokenizer is None:
        threading.Thread(target=_jieba, name="planqa-jieba-warm-up", daemon=True).start()


def _is_word(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def _search_mode(tk, text: str):
    """Each segmented word, preceded by every dictionary word inside it (jieba's own search
    mode stops at 3-character sub-words, which would hide 专精特新 inside 专精特新企业)."""
    freq = tk.FREQ
    for word in tk.cut(text):
        n = len(word)
        if n > 2:
            for size in range(2, n):
                for start in range(n - size + 1):
                    sub = word[start : start + size]
                    if freq.get(sub):
                        yield sub
        yield word


def tokenize(text: str) -> list[str]:
    """Normalised, lower-cased jieba search-mode tokens without stop words or punctuation."""
    stops = stop_words()
    out = []
    for token in _search_mode(_jieba(), normalize_text(text).lower()):
        token = token.strip()
        if token and token not in stops and _is_word(token):
            out.append(token)
    return out
