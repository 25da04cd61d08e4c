"""The order of answer units: a unit's retrieval score, adjusted by what the question asks
(a number, a date, a phone number, a list) and by whether the unit speaks of the asked period
and of the asked figure itself."""

from __future__ import annotations

import re
from typing import Any

from qa.asks import asks_of
from qa.compose_text import _complete
from qa.modifiers import figure_of_another
from qa.periods import document_year, other_period, part_year, title_years, years_in
from qa.terms import groups_in
from qa.units import Unit
from qa.values import _PHONE

_NUMBER_QUESTION = re.compile(
    r"多少|几个|几家|几项|几件|几名|数量|数是|比重|比例|占比|强度|金额|增长率|规模|目标|指标|达到|预期"
    r"|\bhow (?:many|much)\b|\b(?:number|share|percentage|proportion|rate|target|amount)\b",
    re.IGNORECASE,
)


def answer_rank(question: str, unit: Unit) -> float:
    """How well `unit` answers `question`: its retrieval score, adjusted."""
    # retrieval already weighed the whole passage: a small prior for its rank breaks near-ties
    score = unit.rank_score + 0.01 / unit.hit.rank
    # a sentence under a heading of another year ("一、2023年工作回顾" for a 2024 target)
    if other_period_of(question, unit):
        score -= PERIOD_PENALTY
    # one that says the asked year itself is known to speak of it, not only by its context
    elif names_the_year(question, unit):
        score += YEAR_NAMED_BONUS
    asks = asks_of(question)
    # a list question is answered by a sentence that announces a list ("…依照以下程序进行:")
    # or lists the very things asked ("智能新能源汽车、…、消费品等主导产业")
    if (
        asks == "composition"
        and unit.row is None
        and (unit.text.rstrip().endswith((":", "：")) or lists_the_asked(question, unit.text))
    ):
        score += LIST_LEAD_BONUS
    if _NUMBER_QUESTION.search(question) and asks != "yesno":
        if unit.row is not None:
            score += 0.02
        if not re.search(r"\d", unit.text):
            score -= 0.05
    # a figure of the asked term's, not of the term (海洋生产总值, 对GDP增长的贡献率)
    if any(figure_of_another(question, g, unit.text) for g in groups_in(question)):
        score -= OTHER_FIGURE_PENALTY
    # a question about when wants a sentence holding a date
    if _TIME_QUESTION.search(question) and not _DATE.search(unit.text):
        score -= 0.05
    # a question about a phone number is answered only by a line holding one: no cosine
    # margin makes the notice's long opening sentence an answer to "打什么电话"
    if _PHONE_QUESTION.search(question) and not _PHONE.search(unit.text):
        score -= 0.5
    return score


_PHONE_QUESTION = re.compile(r"电话|联系方式|手机")


_TIME_QUESTION = re.compile(
    r"什么时候|何时|哪天|哪几天|几月|几号|日期|时间|截止|期限|\bwhen\b|\bwhat (?:date|time)\b|\bdeadline\b",
    re.IGNORECASE,
)


_DATE = re.compile(r"\d+\s*年|\d+\s*月|\d+\s*日|\d+时|底前|季度")


LIST_LEAD_BONUS = 0.05


PERIOD_PENALTY = 0.15


YEAR_NAMED_BONUS = 0.05


OTHER_FIGURE_PENALTY = 0.1


def other_period_of(question: str, unit: Unit, strict: bool = False, index: Any = None) -> bool:
    """The question names a year (今年/去年 read against the report's year) and the unit, or
    when it names none its headings, speak of other years. With the index, a work report that
    marks no parts with headings has its passages' years read from where they stand."""
    c = unit.hit.chunk
    headings = " ".join(h for h in c.section if h not in c.title)  # the title says which report
    if not headings and index is not None:
        year = part_year(
            document_year(c.title),
            c.line_start,
            unit.text,
            [(x.line_start, x.text) for x in index.chunks_for(doc_id=c.doc_id)],
        )
        headings = f"{year}年" if year is not None else ""
    return other_period(question, c.title, headings, _complete(unit), c.text, strict=strict)


def names_the_year(question: str, unit: Unit) -> bool:
    """The unit's own text names a year the question asks about that lies outside the years
    the document speaks of as a whole (2015 in a 十四五 plan: 2015年度的2.14%); a year of
    the document itself (2023 in a 2024 report) is named in too many sentences to tell."""
    title = unit.hit.chunk.title
    year = document_year(title)
    asked = years_in(question, year) - title_years(title)
    return bool(asked & years_in(unit.text, year))


# what a list question asks the items of: 合川的主导产业都有哪些 -> 主导产业
_ASKED_KIND = re.compile(
    r"(?P<kind>[\u4e00-\u9fff]{2,12}?)(?:都|主要|具体|分别)?(?:有|包括|包含|是|为)(?:哪些|哪几)"
)


def lists_the_asked(question: str, text: str) -> bool:
    """Whether `text` lists items of the kind the question asks about: a run of items before
    it (A、B、C等主导产业, …四大主导产业) or after it (主导产业包括：A、B、C)."""
    m = _ASKED_KIND.search(question)
    if not m:
        return False
    asked = m.group("kind").split("的")[-1]
    if len(asked) < 2:
        return False
    kind = re.escape(asked)
    item = r"[^，,。；;：:、]{1,15}"
    before = rf"{item}、{item}(?:等|这)?(?:[一二三四五六七八九十两\d]+[大个项类]?)?{kind}"
    after = rf"{kind}(?:主要)?(?:包括|为|是|有)[：:]?{item}、{item}"
    return bool(re.search(before, text) or re.search(after, text))
