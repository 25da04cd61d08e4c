"""A question's intake, before any composer runs: the checks and declines of its input (code,
random letters, a request to write something), the place filter it names, the documents it
cannot be about, the filters a user typed, and what a follow-up inherits from the turn before
it (qa.conversation)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from index.types import Filters
from qa.asks import asks_of
from qa.conversation import Turn, follow_up
from qa.scoring import Searchable
from qa.set_aside import without_exception
from qa.text import check_question
from qa.types import Answer


def prepare(
    question: str, index: Searchable, filters: Filters | None
) -> tuple[str, Filters | None, Answer | None]:
    """(checked question, effective filters, an early answer or None).

    The early answer covers questions the chain should not run for: input that is code or
    random letters rather than words (qa.crosslingual.input_reads_as_words), and one about a
    district the corpus has no documents for. A question naming districts the index has is
    filtered to them, unless the caller passed filters."""
    from qa.filters import resolve_districts

    question = check_question(question)
    declined = _declined_input(question)
    if declined is not None:
        reason, text = declined
        return (
            question,
            filters,
            Answer(question, text, True, "extractive", extra={"declined": reason}),
        )
    if filters is not None and filters.districts:
        filters = replace(filters, districts=tuple(resolve_districts(filters.districts, index)))
    present, absent = _places_named(_outside_topic(places_spelt(question, index)), index)
    outer = _containing(absent, index)
    if outer:  # the answer's notice says where they were looked for (_absent_notice)
        present = list(dict.fromkeys([*present, *outer]))
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
        own = own_documents(present, index)
        if own and not filters.doc_ids:
            filters = replace(filters, doc_ids=own)
    return question, filters, None


def part_filters(part: str, index: Searchable, filters: Filters | None) -> Filters | None:
    """The filters of one part of a question that names several places (三亚、嘉兴…分别是多少:
    三亚's part is filtered to 三亚 alone), else the question's."""
    if filters is None or len(filters.districts) < 2:
        return filters
    present, absent = _places_named(part, index)
    present = list(dict.fromkeys([*present, *_containing(absent, index)]))
    if not present or not set(present) < set(filters.districts):
        return filters
    own = own_documents(present, index)
    doc_ids = tuple(d for d in filters.doc_ids if d in own) if filters.doc_ids else ()
    return replace(filters, districts=tuple(present), doc_ids=doc_ids or own)


def own_documents(places: list[str], index: Searchable) -> tuple[str, ...]:
    """The documents a question naming `places` is about, when a named place has documents of
    its own beside those of places inside it: its own, not theirs (重庆 asked of over 重庆市's
    report and 綦江区's plan is 重庆市; 綦江's figure is not 重庆's). Empty when no named place
    has both, so the place filter alone stands (四川省 with no report of its own finds 宜宾市's)."""
    documents = list(getattr(index, "documents", ()))
    issued = {d.district for d in documents}
    narrowed = [
        p
        for p in places
        if p in issued
        and any(p in d.place_parents for d in documents)
        and not any(p in d.place_parents for d in documents if d.district in places)
    ]
    if not narrowed:
        return ()
    wide = set(places) - set(narrowed)  # still covering the places inside them
    return tuple(d.doc_id for d in documents if d.district in places or wide & set(d.place_parents))


def _declined_input(question: str) -> tuple[str, str] | None:
    """(reason, message) for input no passage can answer: code or random letters rather than
    words, or a request to write something (帮我写一首诗); None for a question."""
    from qa.crosslingual import input_reads_as_words

    if not input_reads_as_words(question):
        text = "这不像是一个问题：输入多是代码、符号或无意义的字母，未检索。请用中文或英文提问。"
        return "not_words", text
    if asks_of(question) == "request":
        return "request", "planqa 只回答文件里有答案的问题，不代写诗文或讲稿。请就文件内容提问。"
    return None


def _outside_topic(question: str) -> str:
    """The words of a place question that may name its places: not those it sets aside (除了赣州，
    还有哪些…), nor those a bracket says are included (这几个区（含重庆高新区）), nor a place
    inside its topic (哪些规划提到西部（重庆）科学城: no filter on 重庆), said once or again, in
    Chinese or English."""
    from corpus.errors import UserError
    from qa.asked_documents import without_level_remarks
    from qa.english_places import english_topic
    from qa.place_questions import is_district_question
    from qa.topics import read_topic

    english = english_topic(question)
    if english is not None and english[0]:  # (Chengdu-Chongqing Twin-City Economic Circle)
        return question.replace(english[0], " ", 1)
    text = without_exception(question)[0]
    if not is_district_question(text):
        return text
    # (nor the places a bracket says the places asked include: 这几个区（含重庆高新区）)
    text = without_level_remarks(text)
    # (nor a place whose example is followed: 学习浙江“千万工程”经验 asks who learns, not 浙江)
    text = _LEARNT_FROM.sub("", text)
    try:
        topic = read_topic(text).text
    except UserError:
        return text
    # (wherever said: …“大渡口”这个地名（不只是大渡口自己的规划）)
    return text.replace(topic, "") if topic else text


_LEARNT_FROM = re.compile(
    r"(?:学习|借鉴|复制|推广|对标|学)(?:运用|推广)?[^，,？?。]{2,30}?(?:经验|模式|做法|样板|路子)"
)


def _places_named(question: str, index: Searchable) -> tuple[list[str], list[str]]:
    """(places the question names that the index has documents of, places it names that it
    has none of)."""
    from qa.filters import districts_named_in, places_outside_corpus

    present, absent = districts_named_in(question, index)
    if not present and not absent:
        # 北京市海淀区, 上海浦东新区: places outside Chongqing's gazetteer altogether
        absent = places_outside_corpus(question)
    return present, absent


def _containing(absent: list[str], index: Searchable) -> list[str]:
    """The places with documents that contain every place without any (西安 → 陕西's report,
    where a place without documents of its own is spoken of); empty unless all have one."""
    from qa.filters import enclosing_place

    outer = [o for a in absent if (o := enclosing_place(a, index)) is not None]
    return list(dict.fromkeys(outer)) if absent and len(outer) == len(absent) else []


def places_spelt(question: str, index: Searchable) -> str:
    """The question with its places spelt as they are however typed (荷泽和赣洲: 菏泽, 赣州), or
    written in Latin letters in a Chinese question (Fangchenggang、Yibin 这两个地方: 防城港, 宜宾)."""
    from qa.filters import index_places
    from qa.latin_places import latin_places_spelt
    from qa.spelling import spell_places

    held = index_places(index)
    return spell_places(latin_places_spelt(_unglossed(question), held), held)


# a province said by its one-character abbreviation and glossed in brackets: 蒙（内蒙）, 渝（重庆）
_GLOSSED = re.compile(r"(?P<short>[\u4e00-\u9fff])[（(](?P<gloss>[\u4e00-\u9fff]{2,8})[)）]")


def _unglossed(question: str) -> str:
    """The question with each province abbreviated and glossed named as it is written (蒙（内蒙）
    和渝（重庆） → 内蒙古和重庆), when the gloss begins its name."""
    from corpus.places import data_file, resolve

    full = data_file()["doc_number_abbreviations"]

    def named(m: re.Match[str]) -> str:
        name = full.get(m["short"], "")
        place = resolve(name) if name.startswith(m["gloss"]) else None
        return min(place.short_forms, key=len, default=name) if place else m.group(0)

    return _GLOSSED.sub(named, question)


def _absent_notice(question: str, index: Searchable) -> str | None:
    present, absent = _places_named(_outside_topic(places_spelt(question, index)), index)
    outer = _containing(absent, index)
    if outer:
        return f"语料中没有{'、'.join(absent)}自己的文件，在{'、'.join(outer)}的文件中查找。"
    if present and absent:
        return f"语料中没有{'、'.join(absent)}的文件，只回答了{'、'.join(present)}。"
    return None


def resolve_follow_up(
    question: str, previous: Any, index: Searchable, filters: Filters | None = None
) -> tuple[str, Filters | None, str | None]:
    """(the question as it is answered, its filters, the notice of what was inherited) for a
    follow-up of `previous` (an Answer, its turn, or the turn as a dict)."""
    from qa.filters import districts_named_in, places_outside_corpus

    # an Answer, its turn, or the turn as a dict (a session file, the chat's state)
    turn = previous if isinstance(previous, Turn | dict) else previous.extra.get("turn")
    if isinstance(turn, dict):
        turn = Turn.from_dict(turn)
    if turn is None:
        return question, filters, None
    present, absent = districts_named_in(question, index)
    names_place = bool(present or absent or places_outside_corpus(question))
    return follow_up(question, turn, names_place, filters)


def check_filters(
    index: Searchable,
    districts: Iterable[str] = (),
    doc_ids: Iterable[str] = (),
    doc_types: Iterable[str] = (),
) -> Filters | None:
    """Filters from what a user typed (the CLI's --district, --doc, --type): places resolved
    as everywhere else (qa.filters.resolve_districts), and a UserError naming what is known
    for an unknown place, document or type, before any answer is composed."""
    from qa.filters import resolve_districts

    districts, doc_ids, doc_types = list(districts), tuple(doc_ids), tuple(doc_types)
    if not (districts or doc_ids or doc_types):
        return None
    names = tuple(resolve_districts(districts, index)) if districts else ()
    filters = Filters(names, doc_ids, doc_types)
    check = getattr(index, "canonical_filters", None)  # the index's own check of ids and types
    if check is not None:
        check(Filters(doc_ids=doc_ids, doc_types=doc_types))
    return filters
