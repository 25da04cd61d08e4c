"""Answers with citations: the router.

A question is checked and filtered (a place it names), inherits the previous turn when it is a
follow-up (qa.conversation), and is analysed once into a frame (qa.frame: what is asked, its
parts). Each part goes to the composer whose evidence unit fits it: a "label: value" field
(qa.fields), the document's record (qa.metadata), a heading subtree or a definition
(qa.compose_terms), else the sentence and table-row chain (qa.compose_sentence), which
abstains below the calibrated evidence or when no unit carries the type and slot asked
(qa.slots). A multi-part answer covers every part (qa.compose_parts). "Which places…"
questions go to the place finder (qa.districts); `llm=True` hands the passages to a chat
model (qa.llm).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from index.types import Filters
from qa.asks import asks_of
from qa.calibration import Calibration
from qa.cite import district_answer
from qa.compose_parts import combine
from qa.compose_sentence import build_chain, compose_extractive  # noqa: F401 (re-exported)
from qa.compose_terms import composition_answer, quoted_terms
from qa.compose_text import (
    display_title,
)
from qa.conversation import turn_of
from qa.counted import count_before, counted_head
from qa.declines import asked_counts, unexplained, unlisted, unnamed, without
from qa.definitions import definition_answer
from qa.frame import analyse
from qa.intake import (  # noqa: F401 (prepare and check_filters re-exported)
    _absent_notice,
    check_filters,
    part_filters,
    places_spelt,
    prepare,
    resolve_follow_up,
)
from qa.scoring import Searchable
from qa.spelling import spell_question_words, spell_terms
from qa.terms import expand_query
from qa.types import Answer
from qa.units import (
    _place_names,
)
from qa.vocabulary import vocabulary

# --- the chain -------------------------------------------------------------------------


# --- composing -------------------------------------------------------------------------


# --- districts questions ---------------------------------------------------------------


# --- public entry points ---------------------------------------------------------------


def answer(
    question: str,
    index: Searchable,
    filters: Filters | None = None,
    settings: Any = None,
    llm: Any = False,
    previous: Any = None,
    calibration: Calibration | None = None,
    k: int | None = None,
) -> Answer:
    """The answer to `question` from the index. `previous`: the Answer (or `Turn`) of the
    question before it in the same conversation, whose place, document and topic a follow-up
    inherits; None (the default) inherits nothing. `llm` False: extractive (offline,
    deterministic); True: the chat model configured in `settings`; or a LangChain chat model
    instance. `k`: passages retrieved for the answer (None: the chain's own number). Bad input
    raises UserError."""
    final: Answer | None = None
    for piece in answer_stream(question, index, filters, settings, llm, previous, calibration, k):
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
    k: int | None = None,
) -> Iterator[str | Answer]:
    """Text pieces as they are produced, then the final Answer (`previous` and `k` as in
    `answer`)."""
    from qa.attested import corpus_of
    from qa.districts import asks_inside_a_place, is_district_question
    from qa.districts import districts as find_districts_for
    from qa.english_places import read_english_place_question
    from qa.filters import resolve_districts
    from qa.set_aside import chinese_remark, without_exception

    asked, inherited = question, None
    if previous is not None:
        question, filters, inherited = resolve_follow_up(question, previous, index, filters)
    question, filters, early = prepare(question, index, filters)
    if early is not None:
        yield early.answer
        yield early
        return
    from qa.comparison import comparison_answer  # places side by side: table or grid

    compared = comparison_answer(question, index, filters, settings)
    if compared is not None:
        yield compared.answer
        yield compared
        return
    only = filters.districts if filters is not None and filters.districts else None
    # a misspelt word (普察 for 普查, 大度口 for 大渡口, 人材 for 人才) is read as the word it
    # sounds like
    # places typed with homophones or in Latin letters (荷泽和赣洲, Guangxi 和 Henan，哪个…)
    placed = places_spelt(spell_question_words(question), index)
    read_as = vocabulary(index).correct(spell_terms(placed))
    english = read_english_place_question(question, corpus_of(index))
    english = english if english is not None and english.chinese else None
    if (
        english is None  # (an English question whose places are spelt is no Chinese one)
        and is_district_question(placed)
        and not asks_inside_a_place(placed, only or [], index)
    ):
        result = district_answer(question, find_districts_for(read_as, index, only))
        yield result.answer
        yield result
        return
    if english is not None:  # Which cities talk about mangroves?
        # (a place set aside, asked in Latin letters: Apart from Mianyang's own report, …)
        said = places_spelt(english.chinese, index) if english.aside else english.chinese
        said += chinese_remark(question)  # (…? 国家卫生乡镇 does not count.)
        if english.aside and only:  # (the place set aside is no place asked among)
            aside = set(resolve_districts(list(without_exception(said)[1]), index))
            only = [p for p in only if p not in aside] or None
        found = find_districts_for(said, index, only, english.level)
        result = district_answer(question, found)
        yield result.answer
        yield result
        return
    frame = analyse(read_as)
    if frame.multi:  # each part answered on its own, then one answer covering every part
        parts = [
            _answer_one(p.text, index, part_filters(p.text, index, filters), calibration, k)
            for p in frame.parts
        ]
        extractive = combine(question, frame, parts)
    else:
        extractive = _answer_one(read_as, index, filters, calibration, k)
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


def _answer_one(
    question: str,
    index: Searchable,
    filters: Filters | None,
    calibration: Calibration | None = None,
    k: int | None = None,
) -> Answer:
    """One part: the Document record for a metadata field (文号/印发日期/发文机关/期号), else
    the extractive chain."""
    from qa.fields import field_answer
    from qa.metadata import metadata_answer, metadata_kind

    hits = index.search(expand_query(question), k=k or 5, filters=filters)
    asks = asks_of(question)
    quoted = quoted_terms(question)
    field = field_answer(question, asks, hits, display_title, quoted)
    if field is not None:  # a "label: value" line naming what is asked, of the kind asked
        return field
    if asks in ("definition", "composition", "text"):
        # a heading subtree or a definition of the asked term answers without the threshold
        composers = [composition_answer, definition_answer]
        # "五个“基点”是什么" asks for the five, not for what 基点 means
        counted = any(count_before(t, question) for t in quoted) or (
            asks == "composition" and any(counted_head(t) for t in quoted)
        )
        if (quoted or asks == "definition") and not counted:
            composers.reverse()
        if asks == "text" and re.search(r"哪|为什么|为何|因为", without(quoted, question)):
            # "因为哪条高铁开通才进入“高铁时代”": a question about the term, not what it means
            composers.remove(definition_answer)
        for compose in composers:
            if compose is definition_answer:
                found = definition_answer(question, hits, display_title, index)
                if found is not None and asks == "composition":
                    # a meaning given for 哪六个一 must hold the six, or it answers nothing
                    found = None if unlisted(question, quoted, found, hits).abstained else found
            else:
                found = composition_answer(question, hits, index, display_title)
                counts = asked_counts(question, quoted)
                if found is not None and counts and found.extra.get("items", 0) not in counts:
                    found = None  # 哪六个一 is not answered by a list of four
            if found is not None:
                return unnamed(question, quoted, found, hits)
    if metadata_kind(question) is not None:
        meta = metadata_answer(question, index, index.search(question, k=k or 5, filters=filters))
        if meta is not None:
            return meta
    chain = build_chain(index, calibration)
    state = {"question": question, "filters": filters, "k": k}
    found = chain.invoke(state)
    if k is None and found.abstained and _lacks(found):
        # the top passages are about the question but none holds a fitting unit: read deeper
        deeper = chain.invoke({**state, "k": DEEPER_K, "read_k": DEEPER_K})
        if not deeper.abstained:
            return deeper
    if asks == "composition" and not found.abstained:
        return unlisted(question, quoted, found, hits)
    if asks == "definition" and not found.abstained:
        return unexplained(question, quoted, found, hits)
    return found


# passages retrieved and read when the first ones lack what is asked
DEEPER_K = 16


def _lacks(answer: Answer) -> bool:
    """Whether a decline was for what the best units lack, not for weak evidence."""
    return any(key in answer.extra for key in ("missing_slot", "missing_type"))
