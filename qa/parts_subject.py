"""What a later part of a question leaves unsaid, said again from the first part: its
subject without its question words, with the thing it counts when the later part names none,
without the thing when the later part asks a figure of a thing of its own, and without its
period and verb when the later part says its own. And whether what is left of a follow-up
names a thing."""

from __future__ import annotations

import re

from qa.asks import QUESTION_WORD, asks_of
from qa.periods import PERIOD, RELATIVE, YEAR_ASKED

# what a count asks in: the measure after 多少/几 ("多少家高新技术企业")
_COUNTED_IN = re.compile(r"^(?:亿元|万元|万人|万吨|万亩|公里|[元家个人名项件亩台所座户套辆吨])")


def subject_for(first: str, clause: str) -> str:
    """What a later clause leaves unsaid: the first clause without its question words, and
    without its period when the clause names its own. When the clause names no thing of its
    own, the thing the first counts after its question word is said too ("去年新增了多少家高新
    技术企业？今年计划再新增多少家？" → 高新技术企业)."""
    m = QUESTION_WORD.search(first)
    subject = first[: m.start()] if m else first
    asked = PERIOD.sub("", QUESTION_WORD.sub("", clause))
    if m:
        counted = _COUNTED_IN.sub("", first[m.end() :]).strip("？?，, ")
        if counted and names_a_thing(counted) and not names_a_thing(asked):
            subject += counted
    if asks_of(first) == asks_of(clause) == "number" and _own_thing(asked):
        # the clause asks a figure of a thing of its own (…，科技型企业新增多少家): of the first it
        # keeps the frame only, not the thing the first asked of (高新技术企业新增)
        subject = _frame_of(subject)
    subject = re.sub(r"(?:是|为|有|要|达到|实际)+$", "", subject)
    if YEAR_ASKED.search(clause) or re.search(r"十[三四五]五", clause) or RELATIVE.search(clause):
        said = list(PERIOD.finditer(subject))
        if said and _only_verbs(subject[said[-1].end() :]):
            # what the first did in its period is not what the clause asks of its own
            # (就业去年完成 | 今年计划多少; 改造去年开工 | 今年计划开工)
            subject = subject[: said[-1].end()]
        subject = _without_verb_said_again(subject, clause)
        subject = PERIOD.sub("", subject)  # the clause names its own period
    else:  # the question's year stands for every part; 目标/实际 are the clause's own
        subject = re.sub(r"目标|实际|现状", "", subject)
    return subject.rstrip("的，, ")


def _without_verb_said_again(subject: str, clause: str) -> str:
    """The subject without its last word when that is a verb the clause says itself
    (高新技术企业新增 | 2023年新增多少家)."""
    import jieba.posseg

    words = jieba.posseg.lcut(subject)
    if len(words) >= 2 and words[-1].flag.startswith("v") and words[-1].word in clause:
        return subject[: -len(words[-1].word)]
    return subject


def _only_verbs(text: str) -> bool:
    import jieba.posseg

    words = jieba.posseg.lcut(text)
    return bool(words) and all(w.flag.startswith("v") or w.flag in ("d", "ul") for w in words)


# words that say what kind of figure is asked, not what it is of (稳定在什么水平, 总量多少)
_FIGURE_WORDS = frozenset(
    ["水平", "规模", "总量", "数量", "目标", "任务", "情况", "程度", "比例", "幅度", "增速"]
    + ["标准", "数字", "数据", "时间", "年份", "多少", "结果", "成绩", "同比", "环比"]
)


def _own_thing(asked: str) -> bool:
    """Whether what a later clause asks names a thing of its own (科技型企业, 服务器装机能力,
    旅游收入): a noun of two characters or more that is no word of how a figure is asked."""
    import jieba.posseg as pseg

    from qa.slots import _FILLER

    return any(
        len(p.word) >= 2
        and (p.flag.startswith(("n", "j")) or p.flag == "eng")
        and p.flag not in ("nr", "ns")
        and p.word not in _FIGURE_WORDS
        and p.word not in _FILLER
        for p in pseg.cut(asked)
    )


def _frame_of(subject: str) -> str:
    """The frame of what a clause asks of: its leading clauses (阳泉的数智新城建设，) and the
    places, periods and 的 it opens with (合川2022年 of 合川2022年高新技术企业新增)."""
    import jieba

    from corpus import places
    from qa.units import _place_names

    cut = max(subject.rfind("，"), subject.rfind(",")) + 1
    frame, rest = subject[:cut], subject[cut:]
    words = {start: word for word, start, _ in jieba.tokenize(rest)}
    at = 0
    while at < len(rest):
        district = _place_names().match(rest, at)  # 重庆高新区, which jieba cuts in two
        word = district.group(0) if district else words.get(at, "")
        place = len(word) >= 2 and (district or places.resolve(word) is not None)
        if not word or not (place or PERIOD.fullmatch(word) or word in ("的", "到", "在", "年")):
            break
        at += len(word)
    return frame + rest[:at]


def names_a_thing(topic: str) -> bool:
    """Whether what is left of a follow-up names something (a noun: 科技型企业数), not only
    what happened to the previous one (建成了, 实际新增)."""
    import jieba.posseg as pseg

    from qa.slots import _FILLER

    happening = ("v", "u", "d", "t", "p", "r", "m", "q", "c", "f", "x", "y")
    return any(
        p.flag == "vn" or not p.flag.startswith(happening)
        for p in pseg.cut(topic)
        if p.word.strip() and p.word not in _FILLER  # 实际, 预期: how a figure is asked
    )
