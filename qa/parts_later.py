"""The later questions of one message read against the first (qa.parts): one asking only
whether the document says it (报告里提了吗), one naming only another period (今年的目标呢), one
that is only another question word (什么时候？)."""

from __future__ import annotations

import re

from qa.asks import QUESTION_WORD
from qa.periods import PERIOD

# "A和B分别/各…": two things asked with one tail
EACH = re.compile(
    r"(分别|各自|各)(?=是|为|有|要|由|达|在|多|几|哪|什|怎)"
    # 分别 before a verb of its own: 分别增长了多少, 分别完成了几个
    r"|(分别|各自|各(?![区县市省地类项个部门单位级种]))(?=[\u4e00-\u9fff]{1,3}?(?:了|到|至)?(?:多少|几|哪|什么))"
)


# a later question asking only whether the document says it: 报告里提了吗, 有没有提到
MENTION_CHECK = re.compile(
    r"(?:[\u4e00-\u9fff]{0,6}(?:报告|文件|规划|方案|通知)(?:里|中|里面|当中)?)?(?:有没有|是否|有)?"
    r"(?:提|提到|提及|说|写|讲)(?:了|过|到)?(?:吗|没有|没)?"
)
_ELLIPSIS = re.compile(r"^(?:那么?|还有|而)?(?P<what>.{1,10}?)(?:呢|又如何|怎么样)$")


def period_only(first: str, later: str) -> str | None:
    """A later question that names only another period ("今年的目标呢", "2025年呢") as the first
    question asked of that period: its period words put where the first names its own, else
    before what it asks; None for any other question."""
    m = _ELLIPSIS.match(later.strip())
    if not m:
        return None
    what = m.group("what").strip("，, ")
    if not PERIOD.search(what) or PERIOD.sub("", what).replace("的", "").strip():
        return None
    what = what.replace("的", "")
    if PERIOD.search(first):
        return PERIOD.sub(lambda _: what, first, count=1)
    ask = EACH.search(first) or QUESTION_WORD.search(first)
    return f"{first[: ask.start()]}{what}{first[ask.start() :]}" if ask else None


# the words that ask, in full: 哪个单位, 什么时候, 谁, 何时
_ASK_PHRASE = re.compile(
    r"(?:哪[个家位些一]?|什么)(?:单位|部门|机关|机构|领导|人|时候|时间|日期|天|年|地方)?"
    r"|谁|何时|几时|几月几[日号]|几号"
)


def asked_again(first: str, later: str) -> str | None:
    """A later question that is only another question word ("什么时候？", "谁？") as the first
    question asking that instead: "…是哪个单位印发的？什么时候？" → "…是什么时候印发的"; None
    for a later question saying anything more."""
    bare = later.strip("，, 呢")
    ask = _ASK_PHRASE.search(first)
    if not ask or not _ASK_PHRASE.fullmatch(bare) or QUESTION_WORD.sub("", bare) == bare:
        return None
    return f"{first[: ask.start()]}{bare}{first[ask.end() :]}"
