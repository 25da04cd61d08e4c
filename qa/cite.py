"""Citations ([n] -> passage, quote, lines, other copies), abstentions that cite the nearest
passages, and the district finder's answer."""

from __future__ import annotations

import difflib
from typing import Any

from corpus.model import Chunk, SourceSpan
from corpus.text import enclose
from index.types import Hit
from qa.scoring import Searchable
from qa.types import Answer, Citation, DistrictReport
from qa.units import Unit

NEAREST_SHOWN = 3  # passages listed when abstaining


NEAR_DUPLICATE = 0.9  # difflib ratio above which two quotes are the same text (000 vs 003)


def _same_text(a: str, b: str) -> bool:
    from corpus.text import hash_key

    ka, kb = hash_key(a), hash_key(b)
    return ka == kb or difflib.SequenceMatcher(None, ka, kb).ratio() >= NEAR_DUPLICATE


def _citations(
    picks: list[tuple[Chunk, str]], units: list[Unit], index: Searchable | None = None
) -> list[Citation]:
    """One citation per [n]. A quote that also stands in another copy (the plan in 000 and
    again inside the 003 gazette) is cited once: from the canonical copy, with the other
    copies' spans in also_in. Copies are found among the scored units and, when the index
    is at hand, in the chunks of documents marked as duplicates of each other."""
    out: list[Citation] = []
    for n, (chunk, quote) in enumerate(picks, 1):
        copies = [chunk]
        for u in units:
            if u.hit.chunk.chunk_id not in {c.chunk_id for c in copies} and _same_text(
                u.text, quote
            ):
                copies.append(u.hit.chunk)
        if index is not None:
            copies += [c for c in _copies_elsewhere(chunk, quote, index) if c not in copies]
        canonical = _canonical_docs(index)
        copies.sort(key=lambda c: c.doc_id not in canonical)  # stable: the hit first otherwise
        primary = copies[0]
        also: list[SourceSpan] = []
        own = (primary.source, primary.line_start)
        for c in copies:
            for span in c.sources:
                if (span.source, span.line_start) != own and span not in also:
                    also.append(span)
        out.append(Citation.from_chunk(n, primary, quote, tuple(also)))
    return out


def _canonical_docs(index: Searchable | None) -> set[str]:
    if index is None:
        return set()
    return {d.doc_id for d in getattr(index, "documents", ()) if not d.duplicate_of}


def _copies_elsewhere(chunk: Chunk, quote: str, index: Searchable) -> list[Chunk]:
    """Chunks of the documents that duplicate `chunk`'s document (either direction) whose
    text holds `quote` (compared without width/spacing differences)."""
    docs = list(getattr(index, "documents", ()))
    mine = next((d for d in docs if d.doc_id == chunk.doc_id), None)
    if mine is None:
        return []
    root = mine.duplicate_of or mine.doc_id
    related = [
        d.doc_id
        for d in docs
        if d.doc_id != chunk.doc_id and (d.doc_id == root or d.duplicate_of == root)
    ]
    from corpus.text import hash_key

    # a trimmed quote ("…" where clauses were left out) is found by its longest piece
    key = hash_key(max(quote.split("…"), key=len)).rstrip("。；;")
    found = []
    for doc_id in related:
        for other in index.chunks_for(doc_id=doc_id):
            if key and key in hash_key(other.text):
                found.append(other)
    return found


def abstain(
    question: str, hits: list[Hit], extra: dict[str, Any] | None = None, reason: str | None = None
) -> Answer:
    """ "Nothing definite found" plus the nearest passages, each cited."""
    nearest = _distinct_hits(hits)[:NEAREST_SHOWN]
    lines = [reason or "未在语料中找到能确切回答这个问题的内容。"]
    if nearest:
        lines.append("最接近的段落：")
    citations = []
    for n, hit in enumerate(nearest, 1):
        c = hit.chunk
        quote = _short(c.text)
        section = " › ".join(c.section)
        lines.append(f"[{n}] 《{c.title}》{enclose(section)}：{quote}")
        citations.append(Citation.from_chunk(n, c, quote))
    return Answer(
        question,
        "\n".join(lines),
        True,
        "extractive",
        tuple(citations),
        tuple(hits),
        extra=extra or {},
    )


def _distinct_hits(hits: list[Hit]) -> list[Hit]:
    out: list[Hit] = []
    for h in hits:
        if not any(_same_text(h.chunk.text[:200], o.chunk.text[:200]) for o in out):
            out.append(h)
    return out


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def district_answer(question: str, report: DistrictReport) -> Answer:
    """ "提到“氢能”的区县：綦江区[1]、重庆高新区[2]；未提到：大渡口区、合川区。"""
    mentioned = [r for r in report.districts if r.mentioned and r.evidence]
    missing = [r.district for r in report.districts if not r.mentioned]
    citations: list[Citation] = []
    parts: list[str] = []
    for r in mentioned:
        n = len(citations) + 1
        citations.append(Citation.from_evidence(n, r.evidence[0], r.district))
        parts.append(f"{r.district}[{n}]")
    total = len(report.districts)
    did, did_not = report.verb
    if report.negated:  # 谁没给…: those that did not first, then those that did, cited
        text = f"没有{did.replace('了', '', 1)}的{report.level_name}（{len(missing)}/{total}）："
        text += f"{'、'.join(missing) or '无'}"
        text += f"；{did}：{'、'.join(parts)}。" if parts else "。"
    elif parts:
        text = f"{did}的{report.level_name}（{len(parts)}/{total}）：{'、'.join(parts)}"
        text += f"；{did_not}：{'、'.join(missing)}。" if missing else "。"
    else:
        text = (
            f"没有{report.level_name}的文件{did.replace('了', '', 1)}"
            f"（共查看{total}个：{'、'.join(missing)}）。"
        )
    declined = not parts and not report.negated
    return Answer(
        question, text, declined, "districts", tuple(citations), (), district_report=report
    )
