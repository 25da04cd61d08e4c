"""The years a question asks about and the years a passage speaks of, relative years
(今年, 去年, 上年…) resolved against the document's own year.

A 2024 work report says "去年" for 2023 and "今年" for 2024, and a user asks the same way
("菏泽去年新增就业多少，今年目标多少"). Read against the report's year, both are plain years, and
the sentence under "一、2023年工作回顾" answers 去年 while the one under "二、今年工作安排"
answers 今年."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from corpus.model import Chunk

# a year is written with 年 ("2025年"), as a table's column ("2025: 10") or as a span's first
# end ("2021—2025年"); a bare 2000 is a count ("科技型企业2000家")
_YEAR = re.compile(r"((?:19|20)\d{2})(?=\s*年|\s*[:：]|\s*[—\-–~至到]\s*(?:19|20)\d{2})")
# words that stand for a year relative to the document's year, longest first
RELATIVE_YEARS: tuple[tuple[str, int], ...] = (
    ("去年年底", -1),
    ("去年底", -1),
    ("去年末", -1),
    ("上年末", -1),
    ("今年年底", 0),
    ("今年底", 0),
    ("过去一年", -1),
    ("前一年", -1),
    ("上一年", -1),
    ("今年", 0),
    ("本年", 0),
    ("当年", 0),
    ("去年", -1),
    ("上年", -1),
    ("明年", 1),
    ("前年", -2),
)
# any of them, for the frame and the slots as for reading years
RELATIVE = re.compile("|".join(w for w, _ in RELATIVE_YEARS))
_OFFSET = dict(RELATIVE_YEARS)


def document_year(title: str) -> int | None:
    """The year a document speaks from: the first year its title names ("2024年北海市政府工作
    报告" -> 2024), None when the title names none (a plan's horizon is not its year)."""
    m = _YEAR.search(title)
    return int(m.group(1)) if m else None


# a five-year plan's name stands for its years
_PLAN_PERIODS = {
    "十三五": range(2016, 2021),
    "十四五": range(2021, 2026),
    "十五五": range(2026, 2031),
}


def title_years(title: str) -> set[int]:
    """The years a document speaks of as a whole: the year its title names and the one before
    (a 2024 work report reviews 2023), else the years of the five-year plan it names
    ("“十四五”科技创新规划" -> 2021–2025)."""
    year = document_year(title)
    if year is not None:  # a report of a year also reviews the year before it
        return {year - 1, year}
    return {y for name, span in _PLAN_PERIODS.items() if name in title for y in span}


# a five-year plan's period named: 十四五, 十四五末, 十三五期间; or a plan's, unnamed (规划期内)
PLAN_PERIOD = rf"(?:{'|'.join(_PLAN_PERIODS)})(?:期间|时期|期末|末|以来)?|规划期(?:内|末|间)?"


def names_a_period(text: str) -> bool:
    """Whether `text` only names a five-year plan's period (十四五, 十四五末, 十三五期间)."""
    return re.fullmatch(PLAN_PERIOD, text) is not None


def plan_years(text: str) -> set[int]:
    """The years of the five-year plans `text` names: 十四五 is 2021–2025, 十四五末 (the
    plan's end, where its targets stand) 2025 alone."""
    years: set[int] = set()
    for m in re.finditer("|".join(_PLAN_PERIODS), text):
        span = _PLAN_PERIODS[m.group(0)]
        ends = re.match(r"[”\"」]?(?:期)?末", text[m.end() :])
        years |= {span[-1]} if ends else set(span)
    return years


# the headings of a plan's look back at the period before it
_REVIEW = re.compile(r"发展基础|发展成效|发展现状|回顾|取得的成就|主要成就|现实基础")


# the headings of a plan's targets: they stand at the plan's end (2025 for a 十四五 plan)
_GOALS = re.compile(r"发展目标|主要目标|总体目标|预期目标|目标任务|主要指标")


def plan_part_years(title: str, headings: str) -> set[int]:
    """The years a part of a five-year plan speaks of by its heading: its review (发展基础) the
    plan period before it, its targets (发展目标) the plan's last year, the rest its own years."""
    own = title_years(title)
    if _REVIEW.search(headings):
        return {y - 5 for y in own}
    if _GOALS.search(headings) and own:
        return {max(own)}
    return own


def looks_back(section: tuple[str, ...] | list[str]) -> bool:
    """Whether a passage's heading path is a look back (一、2023年工作回顾, 第一节 发展基础):
    what it states was reached, not set as a target."""
    return bool(_REVIEW.search("".join(section)))


# a report without headings turns to the year ahead where it says what that year is: 2024年是
# 实施“十四五”规划的关键一年 (2023年是…, in its opening, is the year behind)
_TURN = re.compile(r"(?:^|[。！\n])\s*(?:各位代表[，,：:]\s*)?(?:(?P<year>(?:19|20)\d\d)年|今年)是")


class LookBack:
    """Whether a passage, or a sentence of it, looks back: under a heading of review, or, in a
    report without headings, before its turn to the year ahead (`_TURN`)."""

    def __init__(self, index: Any) -> None:
        self._index = index
        self._turns: dict[str, tuple[int, int] | None] = {}
        self._order: dict[str, dict[str, int]] = {}  # each document's passages in order

    def __call__(self, chunk: Chunk, sentence: str | None = None) -> bool:
        """Without a `sentence`: whether the whole passage looks back."""
        if chunk.section:
            return looks_back(chunk.section)
        if chunk.doc_id not in self._turns:
            self._turns[chunk.doc_id] = self._turn(chunk)
        turn = self._turns[chunk.doc_id]
        if turn is None:
            return False
        order = self._order[chunk.doc_id][chunk.chunk_id]
        at = chunk.text.find(sentence) if sentence else len(chunk.text)
        return (order, at) < turn

    def _turn(self, chunk: Chunk) -> tuple[int, int] | None:
        chunks = self._index.chunks_for(doc_id=chunk.doc_id)
        self._order[chunk.doc_id] = {c.chunk_id: i for i, c in enumerate(chunks)}
        year = re.search(r"((?:19|20)\d\d)年", chunk.title or "")
        if year is None or any(c.section for c in chunks):
            return None
        for i, each in enumerate(chunks):
            for m in _TURN.finditer(each.text):
                if m["year"] in (None, year[1]):
                    return i, m.start()
        return None


# a year a figure is compared with is not the one spoken of: 分别是2019年的118.6%, 比2019年增长
_REFERENCE_YEAR = re.compile(
    r"(?:是|为|比|较|与|同|恢复到|恢复至)(?:19|20)\d{2}\s*年(?:同期)?(?:的|相比|同比|水平)?"
)


# words that set a target: a sentence of a year's report saying them speaks of the year planned
TARGET_WORDS = re.compile(r"力争|争取|确保|预期目标|目标是|计划(?:完成|实现|新增|建成)")


def years_in(text: str, doc_year: int | None) -> set[int]:
    """Every year `text` names, relative ones resolved against `doc_year` (left out without
    one), but not a year a figure is compared with. A span such as 2021—2025 names its ends
    only."""
    years = {int(y) for y in _YEAR.findall(_REFERENCE_YEAR.sub(" ", text))}
    if not re.search(r"[\u4e00-\u9fff]", text):  # English writes a year bare: "for 2025"
        years |= {int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", text)}
    if doc_year is not None:
        years |= {doc_year + _OFFSET[w] for w in RELATIVE.findall(text)}
    return years


def other_period(
    question: str, title: str, headings: str, text: str, passage: str = "", strict: bool = False
) -> bool:
    """The question asks about years and the sentence speaks of other years: the sentence
    names years (or, when it names none, its headings do, else its passage: "到2025年，…" then
    the targets) and none of them is asked. Without a year in the question, or any in the
    sentence's surroundings, nothing is known to differ — unless `strict`: then a sentence
    must be known to speak of the year asked, its document's years counting (a 2022 work
    plan's tasks are 2022's, a 十四五 plan's targets 2021–2025's)."""
    doc_year = document_year(title)
    # "now" orders sentences; it does not rule one out (a plan's review names no years)
    asked = years_in(question, doc_year)
    planned = set() if asked or strict else plan_years(question)
    if planned:
        # a five-year plan asked by name (十四五末, 十三五期间) orders sentences by the plans or
        # years they and their headings name; a plan's review of the period names neither
        asked = planned
        spoken = years_in(text, doc_year) | plan_years(text)
        spoken = spoken or years_in(headings, doc_year) | plan_years(headings)
        if not spoken and document_year(title) is None:
            spoken = plan_part_years(title, headings)
        return bool(spoken) and not spoken & asked
    asked = asked or (set() if strict else now_years(question, title))
    if not asked:
        return False
    spoken = years_in(text, doc_year) or years_in(headings, doc_year)
    if not spoken and doc_year is not None and TARGET_WORDS.search(text):
        spoken = {doc_year}  # a report's target (力争…) is of the year it plans, not the year past
    if not spoken and doc_year is None and (_REVIEW.search(headings) or _GOALS.search(headings)):
        spoken = plan_part_years(title, headings)
    spoken = spoken or years_in(passage, doc_year)
    if not spoken and strict:
        return not title_years(title) & asked
    return bool(spoken) and not spoken & asked


# where a year's work report that marks no parts turns from the year past to the year it
# plans: "2024年是实施…关键一年", "今年政府工作的总体要求是", "主要预期目标是"
_PLAN_OPENS = re.compile(
    r"^(?:各位代表[，,])?(?:(?P<year>(?:19|20)\d{2})年|今年)是|(?:总体要求|主要预期目标)(?:是|为)[：:，,]",
    re.MULTILINE,
)


def part_year(
    doc_year: int | None, line: int, sentence: str, document: list[tuple[int, str]]
) -> int | None:
    """The year a sentence of a year's work report speaks of by where it stands, when the
    report marks no parts with headings: the year before the report's own up to the paragraph
    that opens the year's plan, the report's year from there; None when no paragraph opens it.
    `line`: the first line of the sentence's passage; `document`: the report's passages as
    (first line, text), in order."""
    if doc_year is None:
        return None
    for at, text in document:
        # "2023年是…" in a 2024 report looks back; only its own year opens the plan
        m = next(
            (m for m in _PLAN_OPENS.finditer(text) if m["year"] in (None, str(doc_year))), None
        )
        if m is None:
            continue
        if line != at:
            return doc_year - 1 if line < at else doc_year
        found = text.find(sentence)
        return doc_year - 1 if 0 <= found < m.start() else doc_year
    return None


# a figure asked as it stands now (现在有多少家, 目前…多少, 现状多少)
_NOW = re.compile(r"(?:现在|目前|现有|现状|当前)[^，,。？?]{0,8}?(?:多少|几)")


def now_years(question: str, title: str) -> set[int]:
    """The years "now" stands for in a question asking a figure as it stands now, read
    against the document: a year's report speaks of the year before as done (a 2024 report:
    2023), a five-year plan of the plan period before it (a 十四五 plan: 2016–2020); empty when
    the question does not ask so or the document has no such years."""
    if not _NOW.search(question):
        return set()
    year = document_year(title)
    if year is not None:
        return {year - 1}
    return {y - 5 for y in title_years(title)}  # the five-year plan before


# the period a part asks about; 十三五/现状 and similar read the baseline column of a table
YEAR_ASKED = re.compile(r"(?:19|20)\d{2}\s*年?")
PERIOD = re.compile(
    r"[“\"]?十[三四五]五[”\"]?(?:目标|初期|末|期间|时期)?|(?:19|20)\d{2}\s*年?(?:实际|完成情况|底)?"
    r"|基期|现状|目前|现在|初期|去年|今年|目标"
)


def period_of(text: str) -> str | None:
    m = PERIOD.search(text)
    return re.sub(r"[“”\"\s]", "", m.group(0)) if m else None


# what marks a sentence as a report of what was done, not a target: 去年, 已建成, 同比增长, 完成了
_PAST = re.compile(
    r"去年|上年|过去|五年来|近年来|已经|已(?![\d])|同比|比上年|(?:实现|完成|达到|突破|增长)了"
)


def in_the_past(sentence: str, first_year: int | None, headings: tuple[str, ...] = ()) -> bool:
    """Whether `sentence` reports what was done: a word of the past, a total (累计) not aimed at
    in it (力争累计…) nor under `headings` (2024年主要目标任务), or a year before `first_year`, the
    first its document looks ahead to."""
    aimed = TARGET_WORDS.search(sentence) or any(_GOALS.search(h) for h in headings)
    if _PAST.search(sentence) or ("累计" in sentence and not aimed):
        return True
    return first_year is not None and any(y < first_year for y in years_in(sentence, None))


@lru_cache(maxsize=256)  # asked for every passage of a place judged; a corpus has few titles
def first_year_ahead(title: str) -> int | None:
    """The first year a document of `title` looks ahead to: a year's report's year (2024年…政府
    工作报告: 2024), a five-year plan's first (“十四五”规划: 2021), None when its title names
    neither."""
    year = document_year(title)
    if year is not None:
        return year
    years = title_years(title)
    return min(years) if years else None
