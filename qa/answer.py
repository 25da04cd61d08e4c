"""Answers with citations: an LCEL chain (langchain-core Runnables) from a question to an
`Answer`.

retrieve -> split the top passages into units (sentences, table rows) -> score each unit
against the question (cosine with the index's embedder + lexical overlap with its tokenizer)
-> abstain below the calibrated evidence threshold, else compose a short Chinese answer whose
[n] markers map to citations. Questions that ask which districts do something go to the
district finder; `llm=True` hands the same numbered passages to a chat model (qa.llm).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from corpus.errors import UserError
from corpus.gazetteer import find_districts
from corpus.model import Chunk, SourceSpan
from index.types import Filters, Hit
from qa.calibration import load_calibration
from qa.scoring import Searchable, cosine_to_query, lexical_overlap, question_tokens
from qa.text import TableRow, check_question, split_sentences, table_rows, target_value, year_in
from qa.types import Answer, Citation, DistrictReport

RETRIEVE_K = 8  # passages retrieved (and shown as `results`)
READ_K = 5  # of those, passages whose sentences are scored
NEAREST_SHOWN = 3  # passages listed when abstaining
# weight of lexical overlap next to cosine similarity: e5 cosines of related and unrelated
# Chinese sentences differ by ~0.1, so a full lexical match counts about as much as that gap
LEXICAL_WEIGHT = 0.15
# a second sentence is added when it scores almost as well as the best one
SECOND_UNIT_MARGIN = 0.02
NEAR_DUPLICATE = 0.9  # difflib ratio above which two quotes are the same text (000 vs 003)

_NUMBER_QUESTION = re.compile(
    r"多少|几个|几家|几项|几件|几名|数量|数是|比重|比例|占比|强度|金额|增长率|规模|目标值|指标|达到|预期"
)


@dataclass(frozen=True)
class Unit:
    """A sentence or a table row of a retrieved passage, scored against the question."""

    hit: Hit
    text: str
    row: TableRow | None
    cosine: float
    lexical: float

    @property
    def evidence(self) -> float:
        return self.cosine + LEXICAL_WEIGHT * self.lexical


def evidence_score(units: list[Unit]) -> float:
    """The retrieval evidence an answer rests on: the best unit's cosine + weighted lexical
    overlap. Calibrated against answerable/unanswerable questions (benchmarks/calibrate_qa.py)."""
    return max((u.evidence for u in units), default=0.0)


# --- the chain -------------------------------------------------------------------------


def build_chain(index: Searchable):
    """question state -> Answer, as an LCEL Runnable. The state is a dict with `question`
    and `filters`. (langchain-core is imported here: it costs ~0.3 s at CLI start-up.)"""
    from langchain_core.runnables import RunnableLambda, RunnablePassthrough

    return (
        RunnablePassthrough.assign(hits=RunnableLambda(lambda s: _retrieve(index, s)))
        | RunnablePassthrough.assign(units=RunnableLambda(lambda s: score_units(index, s)))
        | RunnableLambda(lambda s: compose_extractive(s["question"], s["hits"], s["units"], index))
    )


def _retrieve(index: Searchable, state: dict[str, Any]) -> list[Hit]:
    return index.search(state["question"], k=RETRIEVE_K, filters=state["filters"])


def score_units(index: Searchable, state: dict[str, Any]) -> list[Unit]:
    question: str = state["question"]
    hits: list[Hit] = state["hits"][:READ_K]
    q_tokens = _content_tokens(question)
    raw: list[tuple[Hit, str, TableRow | None]] = []
    for hit in hits:
        if hit.chunk.kind == "table":
            rows = table_rows(hit.chunk.text)
            raw.extend((hit, r.text, r) for r in rows)
            if rows:
                continue
        raw.extend((hit, s, None) for s in split_sentences(hit.chunk.text) if len(s) >= 4)
    texts = [_unit_context(h.chunk, t, r) for h, t, r in raw]
    sims = cosine_to_query(index, question, texts)
    return [
        Unit(h, t, r, float(sims[i]), lexical_overlap(q_tokens, _unit_context(h.chunk, t, r)))
        for i, (h, t, r) in enumerate(raw)
    ]


def _unit_context(chunk: Chunk, text: str, row: TableRow | None) -> str:
    # a table row alone ("5 | 高新技术企业数 | 98 | 200") says nothing about whose table it is
    if row is not None:
        head = " ".join(
            p for p in (chunk.district or "", chunk.section[-1] if chunk.section else "") if p
        )
        return f"{head} {text}".strip()
    return text


def _content_tokens(question: str) -> set[str]:
    # district names are handled by the filter; left in, they would make every passage of
    # the district look relevant
    return {t for t in question_tokens(question) if not find_districts(t)}


# --- composing -------------------------------------------------------------------------


def compose_extractive(
    question: str, hits: list[Hit], units: list[Unit], index: Searchable | None = None
) -> Answer:
    threshold = load_calibration().abstain_evidence
    evidence = evidence_score(units)
    extra = {"evidence": round(evidence, 6), "threshold": threshold}
    if not units or evidence < threshold:
        return abstain(question, hits, extra=extra)
    ranked = sorted(units, key=lambda u: _answer_rank(question, u), reverse=True)
    best = ranked[0]
    if best.row is not None and _NUMBER_QUESTION.search(question):
        text, quote = _number_sentence(question, best, index)
        picks = [(best, quote)]
        body = f"{text}[1]。"
    else:
        picks = [(best, best.text)]
        for u in ranked[1:6]:
            if len(picks) >= 2 or u.evidence < best.evidence - SECOND_UNIT_MARGIN:
                break
            if u.row is None and not any(_same_text(u.text, p.text) for p, _ in picks):
                picks.append((u, u.text))
        body = "".join(f"{_as_clause(q)}[{i}]" for i, (_, q) in enumerate(picks, 1))
    chunk = best.hit.chunk
    where = f"据《{chunk.title}》" + (f"（{chunk.section[-1]}）" if chunk.section else "")
    citations = _citations([(u.hit, q) for u, q in picks], units)
    answer = f"{where}，{body}"
    if not answer.endswith("。"):
        answer += "。"
    return Answer(question, answer, False, "extractive", tuple(citations), tuple(hits), extra=extra)


def _answer_rank(question: str, unit: Unit) -> float:
    score = unit.evidence
    if _NUMBER_QUESTION.search(question):
        if unit.row is not None:
            score += 0.02
        if not re.search(r"\d", unit.text):
            score -= 0.05
    return score


def _as_clause(sentence: str) -> str:
    s = re.sub(r"^[—\-•·]+", "", sentence.strip()).strip()
    s = re.sub(r"^[（(]?[一二三四五六七八九十\d]+[)）.、．]\s*", "", s)
    if s and s[-1] in "；;，,":
        s = s[:-1] + "。"
    elif s and s[-1] not in "。！？!?":
        s += "。"
    return s


def _same_text(a: str, b: str) -> bool:
    from corpus.text import hash_key

    ka, kb = hash_key(a), hash_key(b)
    return ka == kb or difflib.SequenceMatcher(None, ka, kb).ratio() >= NEAR_DUPLICATE


def _number_sentence(question: str, unit: Unit, index: Searchable | None) -> tuple[str, str]:
    """ "到2025年，綦江区高新技术企业数预期达到200家" from a table row."""
    row = unit.row
    assert row is not None
    chunk = unit.hit.chunk
    asked_year = year_in(question)
    head, value = target_value(row, asked_year) or ("", "")
    unit_word = row.unit or _unit_from_text(row.name, value, chunk, index) or ""
    if unit_word == "%" or value.endswith("%"):
        value, unit_word = value.rstrip("%"), "%"
    year = year_in(head) if head else None
    place = chunk.district or ""
    name = row.name
    if place and name.startswith(place.rstrip("区县")):
        place = ""
    if year and int(year) >= 2021:
        text = f"到{year}年，{place}{name}预期达到{value}{unit_word}"
    elif year:
        text = f"{year}年，{place}{name}为{value}{unit_word}"
    else:
        text = f"{place}{name}为{value}{unit_word}"
    return text, row.text


_UNIT_AFTER = r"\s*(件/万人|个百分点|万平方米|亿元|万元|人年|家|个|件|人|名|项|%)"


def _unit_from_text(name: str, value: str, chunk: Chunk, index: Searchable | None) -> str | None:
    """The unit of a table value whose unit cell was lost in extraction, read from the plan's
    own prose ("高新技术企业达到 200 家")."""
    if index is None or not value:
        return None
    pattern = re.compile(re.escape(value) + _UNIT_AFTER)
    key = name[:4]
    for c in index.chunks_for(doc_id=chunk.doc_id):
        if c.kind == "table":
            continue
        for sentence in split_sentences(c.text):
            m = pattern.search(sentence)
            if m and key in sentence:
                return m.group(1)
    return None


def _citations(picks: list[tuple[Hit, str]], units: list[Unit]) -> list[Citation]:
    """One citation per [n]; a quote that also stands in another passage (the same plan in
    000 and 003) carries that passage's span in also_in instead of a second citation."""
    out: list[Citation] = []
    for n, (hit, quote) in enumerate(picks, 1):
        c = hit.chunk
        also = list(c.also_in)
        for u in units:
            other = u.hit.chunk
            if other.chunk_id == c.chunk_id or not _same_text(u.text, quote):
                continue
            for span in other.sources:
                if span not in also and (span.source, span.line_start) != (c.source, c.line_start):
                    also.append(span)
        out.append(_citation(n, c, quote, tuple(also)))
    return out


def _citation(
    n: int, chunk: Chunk, quote: str, also_in: tuple[SourceSpan, ...] | None = None
) -> Citation:
    return Citation(
        n=n,
        chunk_id=chunk.chunk_id,
        doc_id=chunk.doc_id,
        title=chunk.title,
        district=chunk.district,
        section=tuple(chunk.section),
        quote=quote,
        source=chunk.source,
        line_start=chunk.line_start,
        line_end=chunk.line_end,
        also_in=tuple(chunk.also_in) if also_in is None else also_in,
    )


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
        lines.append(f"[{n}] 《{c.title}》{('（' + section + '）') if section else ''}：{quote}")
        citations.append(_citation(n, c, quote))
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


# --- districts questions ---------------------------------------------------------------


def district_answer(question: str, report: DistrictReport) -> Answer:
    """ "提到“氢能”的区县：綦江区[1]、重庆高新区[2]；未提到：大渡口区、合川区。"""
    mentioned = [r for r in report.districts if r.mentioned and r.evidence]
    missing = [r.district for r in report.districts if not r.mentioned]
    citations: list[Citation] = []
    parts: list[str] = []
    for r in mentioned:
        e = r.evidence[0]
        n = len(citations) + 1
        citations.append(
            Citation(
                n,
                e.chunk_id,
                e.doc_id,
                e.title,
                r.district,
                e.section,
                e.quote,
                e.source,
                e.line_start,
                e.line_end,
                e.also_in,
            )
        )
        parts.append(f"{r.district}[{n}]")
    total = len(report.districts)
    if parts:
        text = f"提到“{report.topic}”的区县（{len(parts)}/{total}）：{'、'.join(parts)}"
        text += f"；未提到：{'、'.join(missing)}。" if missing else "。"
    else:
        text = f"没有区县的文件提到“{report.topic}”（共查看{total}个：{'、'.join(missing)}）。"
    return Answer(
        question, text, not parts, "districts", tuple(citations), (), district_report=report
    )


# --- public entry points ---------------------------------------------------------------


def prepare(
    question: str, index: Searchable, filters: Filters | None
) -> tuple[str, Filters | None, Answer | None]:
    """(checked question, effective filters, an early answer or None).

    The early answer covers questions the chain should not run for: one about a district the
    corpus has no documents for. A question naming districts the index has is filtered to
    them, unless the caller passed filters."""
    from qa.filters import districts_named_in, resolve_districts

    question = check_question(question)
    if filters is not None and filters.districts:
        filters = replace(filters, districts=tuple(resolve_districts(filters.districts, index)))
    present, absent = districts_named_in(question, index)
    if absent and not present:
        names = "、".join(index.districts())
        text = f"语料中没有{'、'.join(absent)}的文件。现有文件涉及的区县：{names}。"
        return (
            question,
            filters,
            Answer(question, text, True, "extractive", extra={"absent_districts": absent}),
        )
    if present and (filters is None or not filters.districts):
        filters = replace(filters or Filters(), districts=tuple(present))
    return question, filters, None


def answer(
    question: str,
    index: Searchable,
    filters: Filters | None = None,
    settings: Any = None,
    llm: Any = False,
) -> Answer:
    """The answer to `question` from the index. `llm` False: extractive (offline,
    deterministic); True: the chat model configured in `settings`; or a LangChain chat model
    instance. Bad input raises UserError."""
    final: Answer | None = None
    for piece in answer_stream(question, index, filters, settings, llm):
        if isinstance(piece, Answer):
            final = piece
    assert final is not None
    return final


def answer_stream(
    question: str,
    index: Searchable,
    filters: Filters | None = None,
    settings: Any = None,
    llm: Any = False,
) -> Iterator[str | Answer]:
    """Text pieces as they are produced, then the final Answer."""
    from qa.districts import districts as find_districts_for
    from qa.districts import is_district_question

    question, filters, early = prepare(question, index, filters)
    if early is not None:
        yield early.answer
        yield early
        return
    if is_district_question(question):
        result = district_answer(question, find_districts_for(question, index))
        yield result.answer
        yield result
        return
    extractive = build_chain(index).invoke({"question": question, "filters": filters})
    if not llm or extractive.abstained:
        if llm and extractive.abstained:
            extractive = replace(extractive, notice="检索证据不足，未调用大模型：以下为检索结果。")
        yield extractive.answer
        yield extractive
        return
    from qa.llm import generate

    yield from generate(question, extractive, settings, llm)


def check_filters_districts(names: list[str], index: Searchable) -> Filters | None:
    """Filters for CLI --district values (UserError for unknown ones)."""
    from qa.filters import resolve_districts

    if not names:
        return None
    resolved = resolve_districts(names, index)
    if not resolved:
        raise UserError("no district given")
    return Filters(districts=tuple(resolved))
