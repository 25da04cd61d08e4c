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

Rows = Sequence[Sequence[str]]  # a passage's table rows, cells as stored (Chunk.rows)


def _row_holds(cells: Sequence[str], quote_cells: Sequence[str]) -> bool:
    """Whether a table row holds the quote's cells in order (a quote cell may be part of a
    row cell: "殡葬设施专项规划" in "綦江区殡葬设施专项规划"; the row may have more cells)."""
    key, pos = "".join(match_key(c) for c in cells), 0
    for cell in quote_cells:
        pos = key.find(cell, pos)
        if pos < 0:
            return False
        pos += len(cell)
    return True


def contains_evidence(passage: str, quotes: Iterable[str], rows: Rows = ()) -> bool:
    """True when the passage contains at least one evidence quote (after normalisation); a
    quote with tabs (a line of a table) matches a row of the passage's table (`rows`, the
    cells stored with the chunk) holding its cells in order."""
    key = match_key(passage)
    for quote in quotes:
        q_key = match_key(quote)
        if not q_key:
            continue
        if q_key in key:
            return True
        if "\t" in quote.strip() and rows:
            cells = [c for c in (match_key(x) for x in quote.split("\t")) if c]
            if any(_row_holds(r, cells) for r in rows):
                return True
    return False


def passage_text(section: Sequence[str], text: str) -> str:
    """What a retrieved chunk offers as evidence: its heading path (a heading line is
    evidence for "what are the sections of…" questions) and its text."""
    return "\n".join([*section, text])


def first_hit_rank(
    passages: Sequence[str], quotes: Sequence[str], rows: Sequence[Rows] | None = None
) -> int | None:
    """1-based rank of the first passage containing evidence (`rows[i]`: passage i's table
    rows), None if none does (or if there is no evidence to find)."""
    if not quotes:
        return None
    for rank, passage in enumerate(passages, 1):
        if contains_evidence(passage, quotes, rows[rank - 1] if rows is not None else ()):
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
    passage: str,
    quotes: Sequence[str],
    keywords: Sequence[str] = (),
    same_document: bool = False,
    rows: Rows = (),
) -> bool:
    """True when a cited passage supports the item's answer: it holds an evidence quote, or
    it stands in a document an evidence line is in and holds every answer keyword.

    The second clause is there because a plan states one fact in several places (a target in
    its indicator table and again in its prose; a list in the table of contents and in the
    chapter itself) and the evidence lines written with a question name one of them: a passage
    of the same document stating the expected answer supports it as well. It does not accept
    a passage of another document, nor one missing any keyword of the answer."""
    if contains_evidence(passage, quotes, rows):
        return True
    return same_document and bool(keywords) and keywords_present(passage, keywords)


def citation_precision(
    cited_passages: Sequence[str],
    quotes: Sequence[str],
    keywords: Sequence[str] = (),
    same_document: Sequence[bool] | None = None,
    rows: Sequence[Rows] | None = None,
) -> float | None:
    """Share of cited passages that support the answer (`supports`; `same_document[i]` says
    whether passage i stands in a document holding an evidence line, `rows[i]` is its table
    rows); None when nothing was cited."""
    if not cited_passages:
        return None
    n = len(cited_passages)
    same = list(same_document) if same_document is not None else [False] * n
    tables = list(rows) if rows is not None else [()] * n
    good = sum(
        1
        for p, s, r in zip(cited_passages, same, tables, strict=True)
        if supports(p, quotes, keywords, s, r)
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
