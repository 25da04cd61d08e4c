"""Metrics as pure functions on plain data (strings, ranks, sets); `eval.runner` feeds them.

Matching is done on the corpus's one match key (corpus.text.match_key: NFKC/full-width
folding, unified brackets, lower case, no whitespace or table separators), so that a quote
from a tab-separated table line ("高新技术企业数\t家\t98\t200") is found in the rebuilt table
chunk ("高新技术企业数 | 家 | 98 | 200") and "2.3%" in one copy matches "2.3 %" in the other.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from statistics import fmean

# what every metric here compares: the corpus's one match key
from corpus.text import match_key


def _has_row(passage: str, quote: str) -> bool:
    # a quote from a tab-separated table line matches a rebuilt row ("殡葬设施专项规划 |
    # 承办单位: 区民政局") when one line of the passage holds all its cells, in order
    cells = [match_key(c) for c in quote.split("\t")]
    cells = [c for c in cells if c]
    for line in passage.split("\n"):
        key, pos = match_key(line), 0
        for cell in cells:
            pos = key.find(cell, pos)
            if pos < 0:
                break
            pos += len(cell)
        else:
            return True
    return False


def contains_evidence(passage: str, quotes: Iterable[str]) -> bool:
    """True when the passage contains at least one evidence quote (after normalisation); a
    quote with tabs (a table line) matches a passage line holding its cells in order."""
    key = match_key(passage)
    for quote in quotes:
        q_key = match_key(quote)
        if not q_key:
            continue
        if q_key in key or ("\t" in quote.strip() and _has_row(passage, quote)):
            return True
    return False


def passage_text(section: Sequence[str], text: str) -> str:
    """What a retrieved chunk offers as evidence: its heading path (a heading line is
    evidence for "what are the sections of…" questions) and its text."""
    return "\n".join([*section, text])


def first_hit_rank(passages: Sequence[str], quotes: Sequence[str]) -> int | None:
    """1-based rank of the first passage containing evidence, None if none does (or if there
    is no evidence to find)."""
    if not quotes:
        return None
    for rank, passage in enumerate(passages, 1):
        if contains_evidence(passage, quotes):
            return rank
    return None


def recall_at(ranks: Sequence[int | None], k: int) -> float:
    """Share of items whose first hit is at rank <= k."""
    if not ranks:
        return 0.0
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks)


def mrr(ranks: Sequence[int | None]) -> float:
    """Mean reciprocal rank of the first hit (0 for an item without a hit)."""
    if not ranks:
        return 0.0
    return sum(1.0 / r for r in ranks if r is not None) / len(ranks)


def keywords_present(answer: str, keywords: Sequence[str]) -> bool:
    """True when every answer keyword occurs in the answer (after normalisation); a keyword
    "a|b" is present when either spelling is. An item without keywords is vacuously right."""
    key = match_key(answer)
    return all(any(match_key(a) in key for a in k.split("|")) for k in keywords)


def supports(
    passage: str, quotes: Sequence[str], keywords: Sequence[str] = (), same_document: bool = False
) -> bool:
    """True when a cited passage supports the item's answer: it holds an evidence quote, or
    it stands in a document an evidence line is in and holds every answer keyword.

    The second clause is there because a plan states one fact in several places (a target in
    its indicator table and again in its prose; a list in the table of contents and in the
    chapter itself) and the evidence lines written with a question name one of them: a passage
    of the same document stating the expected answer supports it as well. It does not accept
    a passage of another document, nor one missing any keyword of the answer."""
    if contains_evidence(passage, quotes):
        return True
    return same_document and bool(keywords) and keywords_present(passage, keywords)


def citation_precision(
    cited_passages: Sequence[str],
    quotes: Sequence[str],
    keywords: Sequence[str] = (),
    same_document: Sequence[bool] | None = None,
) -> float | None:
    """Share of cited passages that support the answer (`supports`; `same_document[i]` says
    whether passage i stands in a document holding an evidence line); None when nothing was
    cited."""
    if not cited_passages:
        return None
    same = list(same_document) if same_document is not None else [False] * len(cited_passages)
    good = sum(
        1 for p, s in zip(cited_passages, same, strict=True) if supports(p, quotes, keywords, s)
    )
    return good / len(cited_passages)


def district_scores(
    predicted: Iterable[str], expected: Iterable[str]
) -> tuple[float, float, float]:
    """Precision, recall and F1 of one predicted district set. Both empty is a perfect
    answer (the topic is mentioned nowhere and nothing was claimed); predicting nothing
    has precision 1, expecting nothing has recall 1."""
    pred, gold = set(predicted), set(expected)
    if not pred and not gold:
        return 1.0, 1.0, 1.0
    right = len(pred & gold)
    precision = right / len(pred) if pred else 1.0
    recall = right / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def mean(values: Iterable[float | None]) -> float | None:
    """Mean of the values that are not None; None when there are none."""
    present = [v for v in values if v is not None]
    return fmean(present) if present else None


def share(flags: Iterable[bool]) -> float | None:
    """Share of True among the flags; None for no flags."""
    flags = list(flags)
    return sum(flags) / len(flags) if flags else None


def parts_answered(answer: str, parts: Sequence[Sequence[str]]) -> bool:
    """True when every part of a multi-part question has all its keywords in the answer."""
    return all(keywords_present(answer, p) for p in parts)
