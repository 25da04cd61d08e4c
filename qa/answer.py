"""Answers with citations: an LCEL chain (langchain-core Runnables) from a question to an
`Answer`.

retrieve -> split the top passages into units (sentences, table rows) -> score each unit
against the question (cosine with the index's embedder + lexical overlap with its tokenizer)
-> abstain below the calibrated evidence threshold, else compose a short Chinese answer whose
[n] markers map to citations. Questions that ask which districts do something go to the
district finder; `llm=True` hands the same numbered passages to a chat model (qa.llm).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from index.types import Filters, Hit
from qa.calibration import Calibration, load_calibration
from qa.cite import _citations, _same_text, abstain, district_answer
from qa.compose_parts import combine
from qa.compose_table import _number_sentence
from qa.compose_terms import composition_answer, definition_answer, quoted_terms
from qa.compose_text import (
    _as_clause,
    _asks_for_the_list,
    _complete,
    _list_items,
    _trim,
    _with_marker,
    display_title,
    section_overview,
)
from qa.conversation import Turn, follow_up, turn_of
from qa.frame import analyse, asks_of
from qa.scoring import Searchable
from qa.slots import TYPE_NAMES, carries, measure_of, missing_role, missing_word
from qa.terms import expand_query
from qa.text import check_question
from qa.types import Answer
from qa.units import (
    Unit,
    _content_tokens,
    _place_names,
    evidence_score,
    passage_coverage,
    score_units,
)
from qa.vocabulary import vocabulary

RETRIEVE_K = 8  # passages retrieved (and shown as `results`)
# a second sentence is added when it scores almost as well as the best one
SECOND_UNIT_MARGIN = 0.02

_NUMBER_QUESTION = re.compile(
    r"多少|几个|几家|几项|几件|几名|数量|数是|比重|比例|占比|强度|金额|增长率|规模|目标|指标|达到|预期"
    r"|\bhow (?:many|much)\b|\b(?:number|share|percentage|proportion|rate|target|amount)\b",
    re.IGNORECASE,
)


# --- the chain -------------------------------------------------------------------------


def build_chain(index: Searchable, calibration: Calibration | None = None):
    """question state -> Answer, as an LCEL Runnable. The state is a dict with `question`
    and `filters`. (langchain-core is imported here: it costs ~0.3 s at CLI start-up.)"""
    from langchain_core.runnables import RunnableLambda, RunnablePassthrough

    return (
        RunnablePassthrough.assign(hits=RunnableLambda(lambda s: _retrieve(index, s)))
        | RunnablePassthrough.assign(units=RunnableLambda(lambda s: score_units(index, s)))
        | RunnableLambda(
            lambda s: compose_extractive(s["question"], s["hits"], s["units"], index, calibration)
        )
    )


def _retrieve(index: Searchable, state: dict[str, Any]) -> list[Hit]:
    # the other forms of a field term it names (研发投入强度 -> …占地区生产总值比重) are searched too
    query = expand_query(state["question"])
    return index.search(query, k=RETRIEVE_K, filters=state["filters"])


# --- composing -------------------------------------------------------------------------


def compose_extractive(
    question: str,
    hits: list[Hit],
    units: list[Unit],
    index: Searchable | None = None,
    calibration: Calibration | None = None,
) -> Answer:
    """The answer from the scored units (`calibration`: the abstention threshold and weight;
    None reads qa/data/calibration.json)."""
    calibration = calibration or load_calibration()
    threshold = calibration.abstain_threshold(question)
    coverage = passage_coverage(question, hits, index)
    evidence = evidence_score(units, coverage, calibration.coverage_weight_for(question))
    extra = {"evidence": round(evidence, 6), "coverage": round(coverage, 4), "threshold": threshold}
    if index is not None:
        overview = section_overview(question, hits, index, extra)
        if overview is not None:
            return overview
    if not units or evidence < threshold:
        return abstain(question, hits, extra=extra)
    ranked = sorted(units, key=lambda u: _answer_rank(question, u), reverse=True)
    # the answer unit must carry the kind of value asked (经费纳入财政预算 holds no amount) and
    # name the asked slot (人均GDP is not GDP; a 组长 the notice does not name)
    asks = asks_of(question)
    measure = measure_of(question)
    typed = [
        u
        for u in ranked[:TYPED_LOOKAHEAD]
        if carries(asks, _complete(u), measure)
        or (u.row is not None and asks == "number" and u.row.unit in (measure, None))
    ]
    if not typed:
        reason = f"找到了相关段落，但其中没有所问的{TYPE_NAMES.get(asks, '内容')}。"
        return abstain(question, hits, extra={**extra, "missing_type": asks}, reason=reason)
    best = typed[0]
    lacking = _missing_slot(question, best, asks, index)
    if lacking:
        reason = f"找到了相关段落，但其中没有提到“{lacking}”。"
        return abstain(question, hits, extra={**extra, "missing_slot": lacking}, reason=reason)
    if best.row is not None:  # a table row answers with its number, never the raw row
        read = _number_sentence(question, best, index)
        if read is None:  # the table has no column for the asked period (2030)
            return abstain(question, hits, extra={**extra, "no_period": True})
        text, quote = read
        picks = [(best, quote)]
        body = f"{text}[1]。"
    else:
        items = _list_items(best) if _asks_for_the_list(question, best.hit.chunk) else None
        if items is not None:
            # a list question answered from a run of parallel items: each item's lead
            quote = "；".join(items)
            picks = [(best, quote)]
            body = _with_marker(_as_clause(quote), 1)
        else:
            q_tokens = _content_tokens(question)
            picks = [(best, _trim(_complete(best), q_tokens))]
            # the second sentence is judged as the first was (a phone question's second line
            # must hold a phone number too)
            top = _answer_rank(question, best)
            for u in ranked[1:6]:
                if len(picks) >= 2 or _answer_rank(question, u) < top - SECOND_UNIT_MARGIN:
                    break
                if u.hit.chunk.doc_id != best.hit.chunk.doc_id or _other_period(question, u):
                    continue  # a second sentence comes from the same document and period
                if u.row is None and not any(_same_text(u.text, p.text) for p, _ in picks):
                    picks.append((u, _trim(_complete(u), q_tokens)))
            body = "".join(_with_marker(_as_clause(q), i) for i, (_, q) in enumerate(picks, 1))
    chunk = best.hit.chunk
    where = f"据《{display_title(chunk)}》" + (f"（{chunk.section[-1]}）" if chunk.section else "")
    citations = _citations([(u.hit, q) for u, q in picks], units, index)
    answer = f"{where}，{body}"
    if not answer.endswith("。"):
        answer += "。"
    return Answer(question, answer, False, "extractive", tuple(citations), tuple(hits), extra=extra)


def _answer_rank(question: str, unit: Unit) -> float:
    # retrieval already weighed the whole passage: a small prior for its rank breaks near-ties
    score = unit.rank_score + 0.01 / unit.hit.rank
    # a sentence under a heading of another year ("一、2023年工作回顾" for a 2024 target)
    if _other_period(question, unit):
        score -= PERIOD_PENALTY
    # a list question is answered by a sentence that announces a list ("…依照以下程序进行:")
    if (
        asks_of(question) == "composition"
        and unit.row is None
        and unit.text.rstrip().endswith((":", "："))
    ):
        score += LIST_LEAD_BONUS
    if _NUMBER_QUESTION.search(question):
        if unit.row is not None:
            score += 0.02
        if not re.search(r"\d", unit.text):
            score -= 0.05
    # a question about when wants a sentence holding a date
    if _TIME_QUESTION.search(question) and not _DATE.search(unit.text):
        score -= 0.05
    # a question about a phone number is answered only by a line holding one: no cosine
    # margin makes the notice's long opening sentence an answer to "打什么电话"
    if _PHONE_QUESTION.search(question) and not _PHONE.search(unit.text):
        score -= 0.5
    return score


_PHONE_QUESTION = re.compile(r"电话|联系方式|手机")
# landline with area code (023-48661234), bare 8-digit landline, or 11-digit mobile
_PHONE = re.compile(r"0\d{2,3}[-－—]?\d{7,8}|(?<!\d)\d{8}(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)")
_TIME_QUESTION = re.compile(
    r"什么时候|何时|哪天|哪几天|几月|几号|日期|时间|截止|期限|\bwhen\b|\bwhat (?:date|time)\b|\bdeadline\b",
    re.IGNORECASE,
)
_DATE = re.compile(r"\d+\s*年|\d+\s*月|\d+\s*日|\d+时|底前|季度")


# --- districts questions ---------------------------------------------------------------


# --- public entry points ---------------------------------------------------------------


def prepare(
    question: str, index: Searchable, filters: Filters | None
) -> tuple[str, Filters | None, Answer | None]:
    """(checked question, effective filters, an early answer or None).

    The early answer covers questions the chain should not run for: one about a district the
    corpus has no documents for. A question naming districts the index has is filtered to
    them, unless the caller passed filters."""
    from qa.filters import districts_named_in, places_outside_corpus, resolve_districts

    question = check_question(question)
    if filters is not None and filters.districts:
        filters = replace(filters, districts=tuple(resolve_districts(filters.districts, index)))
    present, absent = districts_named_in(question, index)
    if not present and not absent:
        # 北京市海淀区, 上海浦东新区: places outside Chongqing's gazetteer altogether
        absent = places_outside_corpus(question)
    if absent and not present:
        names = "、".join(index.districts())
        text = f"语料中没有{'、'.join(absent)}的文件。现有文件涉及的地区：{names}。"
        return (
            question,
            filters,
            Answer(question, text, True, "extractive", extra={"absent_districts": absent}),
        )
    if present and (filters is None or not filters.districts):
        filters = replace(filters or Filters(), districts=tuple(present))
    return question, filters, None


def _absent_notice(question: str, index: Searchable) -> str | None:
    from qa.filters import districts_named_in

    present, absent = districts_named_in(question, index)
    if present and absent:
        return f"语料中没有{'、'.join(absent)}的文件，只回答了{'、'.join(present)}。"
    return None


def answer(
    question: str,
    index: Searchable,
    filters: Filters | None = None,
    settings: Any = None,
    llm: Any = False,
    previous: Any = None,
    calibration: Calibration | None = None,
) -> Answer:
    """The answer to `question` from the index. `previous`: the Answer (or `Turn`) of the
    question before it in the same conversation, whose place, document and topic a follow-up
    inherits; None (the default) inherits nothing. `llm` False: extractive (offline,
    deterministic); True: the chat model configured in `settings`; or a LangChain chat model
    instance. Bad input raises UserError."""
    final: Answer | None = None
    for piece in answer_stream(question, index, filters, settings, llm, previous, calibration):
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
    previous: Any = None,
    calibration: Calibration | None = None,
) -> Iterator[str | Answer]:
    """Text pieces as they are produced, then the final Answer (`previous` as in `answer`)."""
    from qa.districts import districts as find_districts_for
    from qa.districts import is_district_question

    asked, inherited = question, None
    if previous is not None:
        question, filters, inherited = _follow_up(question, previous, index, filters)
    question, filters, early = prepare(question, index, filters)
    if early is not None:
        yield early.answer
        yield early
        return
    if is_district_question(question):
        only = filters.districts if filters is not None and filters.districts else None
        result = district_answer(question, find_districts_for(question, index, only))
        yield result.answer
        yield result
        return
    # a misspelt word (普察 for 普查) is read as the corpus word it sounds like
    read_as = vocabulary(index).correct(question)
    frame = analyse(read_as)
    if frame.multi:  # each part answered on its own, then one answer covering every part
        parts = [_answer_one(p.text, index, filters, calibration) for p in frame.parts]
        extractive = combine(question, frame, parts)
    else:
        extractive = _answer_one(read_as, index, filters, calibration)
    if read_as != question:
        extractive = replace(
            extractive, question=question, extra={**extractive.extra, "read_as": read_as}
        )
    else:
        extractive = replace(extractive, question=question)
    turn = turn_of(extractive, filters, question, _place_names())
    extractive = replace(
        extractive, question=asked, extra={**extractive.extra, "turn": turn.to_dict()}
    )
    if inherited:
        extractive = replace(
            extractive, notice=inherited, extra={**extractive.extra, "asked_as": question}
        )
    notice = _absent_notice(question, index)
    if notice:
        extractive = replace(extractive, notice=notice)
    if not llm or extractive.abstained:
        if llm and extractive.abstained:
            extractive = replace(extractive, notice="检索证据不足，未调用大模型：以下为检索结果。")
        yield extractive.answer
        yield extractive
        return
    from qa.llm import generate

    yield from generate(question, extractive, settings, llm)


LIST_LEAD_BONUS = 0.05
PERIOD_PENALTY = 0.15
_YEARS = re.compile(r"(?:19|20)\d{2}")


def _other_period(question: str, unit: Unit) -> bool:
    """The question names a year and the unit's headings name other years, not that one."""
    asked = set(_YEARS.findall(question))
    if not asked:
        return False
    c = unit.hit.chunk
    headings = " ".join(h for h in c.section if h not in c.title)  # the title says which report
    heading_years = set(_YEARS.findall(headings))
    return bool(heading_years) and not heading_years & asked


# how many of the best-ranked units may stand in for the best when it lacks the asked type
TYPED_LOOKAHEAD = 3
# the rarest question word (IDF) an answer unit must hold for a fact question
SLOT_IDF_FLOOR = 4.0


def _missing_slot(question: str, unit: Unit, asks: str, index: Searchable | None) -> str | None:
    if asks not in ("number", "date", "person", "org") or index is None:
        return None
    c = unit.hit.chunk
    context = f"{' '.join(c.section[1:])} {_complete(unit)}"
    if asks == "person":
        return missing_role(question, context)
    vocab = vocabulary(index)
    return missing_word(
        question, _content_tokens(question), context, vocab.idf, c.title, SLOT_IDF_FLOOR
    )


def _follow_up(
    question: str, previous: Any, index: Searchable, filters: Filters | None
) -> tuple[str, Filters | None, str | None]:
    from qa.filters import districts_named_in, places_outside_corpus

    turn = previous if isinstance(previous, Turn) else previous.extra.get("turn")
    if isinstance(turn, dict):
        turn = Turn.from_dict(turn)
    if turn is None:
        return question, filters, None
    present, absent = districts_named_in(question, index)
    names_place = bool(present or absent or places_outside_corpus(question))
    return follow_up(question, turn, names_place, filters)


def _answer_one(
    question: str,
    index: Searchable,
    filters: Filters | None,
    calibration: Calibration | None = None,
) -> Answer:
    """One part: the Document record for a metadata field (文号/印发日期/发文机关/期号), else
    the extractive chain."""
    from qa.fields import field_answer
    from qa.metadata import metadata_answer, metadata_kind

    hits = index.search(expand_query(question), k=5, filters=filters)
    asks = asks_of(question)
    field = field_answer(question, asks, hits, display_title)
    if field is not None:  # a "label: value" line names what is asked
        return field
    if asks in ("definition", "composition", "text"):
        # a heading subtree or a definition of the asked term answers without the threshold
        composers = [composition_answer, definition_answer]
        if quoted_terms(question) or asks == "definition":
            composers.reverse()
        for compose in composers:
            if compose is definition_answer:
                found = definition_answer(question, hits, display_title, index)
            else:
                found = composition_answer(question, hits, index, display_title)
            if found is not None:
                return found
    if metadata_kind(question) is not None:
        meta = metadata_answer(question, index, index.search(question, k=5, filters=filters))
        if meta is not None:
            return meta
    chain = build_chain(index, calibration)
    return chain.invoke({"question": question, "filters": filters})


def check_filters_districts(names: list[str], index: Searchable) -> Filters | None:
    """Filters for CLI --district values (UserError for unknown ones)."""
    from qa.filters import resolve_districts

    if not names:
        return None
    return Filters(districts=tuple(resolve_districts(names, index)))
