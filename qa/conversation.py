"""Follow-up questions: a turn of a conversation inherits the place, the document and the
topic of the turn before it unless it names new ones ("大渡口区2025年国家高新技术企业数目标是
多少？" then "那科技型企业数呢？" is asked about 大渡口区, for 2025, as a number). The inherited
filter is said in the answer's notice ("沿用上一问：大渡口区"). Nothing is inherited unless the
caller passes the previous turn: a plain question stands alone."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from typing import Any

from index.types import Filters
from qa.asks import QUESTION_WORD, asks_of
from qa.metadata import FIELD_LABELS
from qa.parts_subject import names_a_thing
from qa.periods import PERIOD, period_of

_LEAD = re.compile(r"^(?:那么|那|还有|另外|再问一下|再问|请问)\s*")
_TRAIL = re.compile(r"(?:呢|吗|啊)?[？?。！!\s]*$")
# what a question asks, as a tail to give an elliptical follow-up ("那科技型企业数呢？")
_TAIL_FOR = {
    "number": "是多少",
    "date": "是什么时候",
    "person": "是谁",
    "phone": "是多少",
    "email": "是什么",
    "org": "是哪个单位",
    "place": "在哪里",
}
# "这个指标", "该数据": the previous question's topic, said again
_THAT_TOPIC = re.compile(r"(?:这|该|此)(?:个|一|项)?(?:指标|数字|数据|数|项)")
# "它的", "其": the previous question's place, which the filter already carries
_THAT_PLACE = re.compile(r"^(?:它的|它|其)")
# words that name a document: a follow-up naming one does not stay in the previous document
_NAMES_DOCUMENT = re.compile(r"《|通知|规划|报告|制度|办法|要点|目录|方案")


@dataclass(frozen=True)
class Turn:
    """What a follow-up can inherit from an answered question."""

    question: str
    districts: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    topic: str = ""
    period: str | None = None
    asks: str = "text"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Turn:
        return cls(
            question=d.get("question", ""),
            districts=tuple(d.get("districts", ())),
            doc_ids=tuple(d.get("doc_ids", ())),
            titles=tuple(d.get("titles", ())),
            topic=d.get("topic", ""),
            period=d.get("period"),
            asks=d.get("asks", "text"),
        )


def topic_of(question: str, place_names: re.Pattern[str]) -> str:
    """The indicator or subject a question is about: without places, periods and its
    question words ("大渡口区2025年国家高新技术企业数目标是多少" -> "国家高新技术企业数")."""
    text = place_names.sub("", _TRAIL.sub("", _LEAD.sub("", question)))
    m = QUESTION_WORD.search(text)
    if m:
        # "新建多少亩高标准农田": what is counted may follow the question word
        after = re.sub(r"^[亩家个项件名人户所座台次条元吨万亿]+", "", text[m.end() :])
        text = text[: m.start()] + after
    text = PERIOD.sub("", text)
    return re.sub(r"^[的在有]|(?:的|是|为|要|预期|达到|有|将)+$", "", text).strip("，, ")


def turn_of(answer: Any, filters: Filters | None, asked: str, place_names: re.Pattern[str]) -> Turn:
    """The turn an answer leaves for the next question: its place filter, the documents it
    cited first, its topic, period and kind of ask."""
    docs = tuple(dict.fromkeys(c.doc_id for c in answer.citations[:1]))
    titles = tuple(dict.fromkeys(c.title for c in answer.citations[:1]))
    districts = tuple(filters.districts) if filters is not None else ()
    if not districts:
        districts = tuple(dict.fromkeys(c.district for c in answer.citations[:1] if c.district))
    return Turn(
        question=asked,
        districts=districts,
        doc_ids=() if answer.abstained else docs,
        titles=() if answer.abstained else titles,
        topic=topic_of(asked, place_names),
        period=period_of(asked),
        asks=asks_of(asked),
    )


def follow_up(
    question: str, previous: Turn, names_place: bool, filters: Filters | None
) -> tuple[str, Filters | None, str | None]:
    """(the question to answer, its filters, the notice of what was inherited). A question
    naming a place of its own inherits nothing, unless it names nothing else ("那大渡口呢？"):
    then it asks the previous question of that place."""
    fragment = _TRAIL.sub("", _LEAD.sub("", question.strip()))
    if names_place and not (filters is not None and filters.districts):
        asked = of_another_place(previous, fragment.strip("的 "))
        if asked is not None:
            return asked, filters, f"沿用上一问：{previous.question.rstrip('？?')}"
    if names_place or (filters is not None and filters.districts):
        return question, filters, None
    fragment = _THAT_PLACE.sub("", fragment)
    if previous.topic:
        fragment = _THAT_TOPIC.sub(previous.topic, fragment)
    asked = fragment
    topic = topic_of(fragment, re.compile(r"$^"))
    if not names_a_thing(topic) and previous.topic:  # "那2020年是多少？", "那去年建成了多少？"
        inherited_topic = previous.topic
        if QUESTION_WORD.search(fragment):  # "…的发文字号是多少？" "哪天发布的？": the document
            inherited_topic = re.sub(rf"(?:的)?(?:{FIELD_LABELS})$", "", inherited_topic)
        asked = f"{inherited_topic}{fragment}"
    # the period is a slot of the conversation like the place: "云南今年GDP预期增长多少？" →
    # "那失业率要控制在多少？" asks about this year too
    period = previous.period if previous.period and not period_of(fragment) else ""
    if not QUESTION_WORD.search(fragment):  # "那科技型企业数呢？": the previous ask
        asked = f"{asked}{period}{_TAIL_FOR.get(previous.asks, '是什么')}"
    elif period:
        asked = f"{period}{asked}"
    inherited = replace(filters or Filters(), districts=previous.districts)
    said = list(previous.districts)
    if previous.doc_ids and not _NAMES_DOCUMENT.search(fragment):
        inherited = replace(inherited, doc_ids=previous.doc_ids)
        said += [f"《{t}》" for t in previous.titles]
    if period:
        said.append(period)
    notice = f"沿用上一问：{'、'.join(said)}" if said else None
    return asked, (inherited if not inherited.is_empty() else filters), notice


def of_another_place(previous: Turn, place: str) -> str | None:
    """The previous question asked of `place` when `place` is a place name and nothing more
    (大渡口, 重庆市): the previous question's own place name replaced by it, or put before it
    when the previous question named none; None for anything else."""
    from corpus import places

    found = places.resolve(place) if 2 <= len(place) <= 12 else None
    if found is None or not previous.question:
        return None
    for name in previous.districts:
        old = places.resolve(name)
        forms = sorted({name, *(old.short_forms if old else ())}, key=len, reverse=True)
        for form in forms:
            if form and form in previous.question:
                return previous.question.replace(form, place, 1)
    return f"{place}{previous.question}"
