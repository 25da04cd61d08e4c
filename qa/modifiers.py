"""The word set before a measure or a field term that makes it another figure: 海洋生产总值 is
not 生产总值, 网络销售额 not a promotion's 销售额, 对GDP增长的贡献率 no GDP figure. A unit that
names the measure without the question's word before it does not answer the question."""

from __future__ import annotations

import re

from corpus.contractions import expand_contraction
from qa.asks import QUESTION_WORD
from qa.periods import PERIOD, RELATIVE
from qa.slots import _FILLER
from qa.terms import equivalents
from qa.values import bare

# the whole of what a figure counts, not a part of it (全社会研发投入 is the 研发投入)
_WHOLE = frozenset(["全社会", "社会", "全年", "全部", "总体", "整体", "城乡"])


def term_modifier(question: str, form: str) -> str | None:
    """The word the question sets right before a field term it names, making it another
    figure (海洋生产总值 is not 生产总值, 农业增加值 not 增加值), however common the word is in the
    documents; None when what stands there is a place, a period, a filler word (全省, 全社会)
    or nothing."""
    return _modifier_before(question, question.find(form))


def _modifier_before(text: str, at: int) -> str | None:
    import jieba.posseg as pseg

    from corpus import places

    if at < 2:
        return None
    cut = list(pseg.cut(text[:at]))
    # a noun (每万个从业人员: 万个 counts, it names no other figure)
    if not cut or not (cut[-1].flag.startswith(("n", "j")) or cut[-1].flag == "vn"):
        return None
    before = cut[-1].word
    if (
        len(before) < 2
        or not re.fullmatch(r"[\u4e00-\u9fff]+", before)
        or before in _FILLER
        or before in _WHOLE
        or QUESTION_WORD.search(before)
        or PERIOD.search(before)
        or RELATIVE.search(before)
        or places.first_place(before) is not None
    ):
        return None
    return before


# a term followed by 的 and a noun, or by a contribution, is what another figure is of
# (对GDP增长的贡献率, 工业对GDP增长贡献率45%)
_OF_ANOTHER = re.compile(r"^(?:增长|增速|总量)?(?:的[\u4e00-\u9fff]|贡献|拉动)")


def figure_of_another(question: str, group: tuple[str, ...], text: str) -> bool:
    """Whether every time `text` names the field term `group` it names another figure: with
    a word before it the question does not say (海洋生产总值 for a question on 生产总值), or as
    what another figure is of (对GDP增长的贡献率达65.5%). False when the text does not name it
    as written."""
    spans = [
        (m.start(), m.end())
        for form in sorted(group, key=len, reverse=True)
        if form
        for m in re.finditer(re.escape(form), text)
    ]
    # a shorter form inside a longer one (生产总值 in 地区生产总值) is the longer one's
    spans = [a for a in spans if not any(b != a and b[0] <= a[0] and a[1] <= b[1] for b in spans)]
    if not spans:
        return False

    def another(start: int, end: int) -> bool:
        modifier = _modifier_before(text, start)
        return bool(modifier and modifier not in question) or bool(_OF_ANOTHER.match(text[end:]))

    return all(another(start, end) for start, end in spans)


def modifier_missing(question: str, group: tuple[str, ...], context: str, title: str) -> str | None:
    """The word the question sets before the field term `group` names (term_modifier) when the
    unit's context lacks it, also read through its contractions (城乡居民…分别 says 城镇居民)."""
    said = max((f for f in group if f and f in question), key=len, default=None)
    modifier = term_modifier(question, said) if said else None
    if not modifier or modifier in title:
        return None
    readings = [context, *expand_contraction(context)]
    return None if any(bare(modifier) in bare(r) for r in readings) else modifier


# where a figure question asks its figure: the measure named right before it (网络销售额是多少)
_ASKED_AT = re.compile(r"(?:是|占|有|为|达到?|增长了?)?(?:多少|几)")


def measure_modifier_missing(question: str, context: str, title: str) -> str | None:
    """The noun the question sets before the measure it asks the figure of (网络 of 网络销售额,
    汽车 of 汽车消费券占多少) when the unit names the measure without it: a sentence on the
    销售额 of a promotion gives no 网络销售额. The measure is the longest end of what is asked
    that the unit says, of three characters or more (a bare 主体 or 总额 is modified too many
    ways: 市场主体 are 经营主体); None when it says none (it is then the slot's and the terms' to
    judge) or nothing but a place, period or filler word stands before it."""
    m = _ASKED_AT.search(question)
    if m is None:
        return None
    phrase, said = question[: m.start()], bare(context)
    # the measure: the longest end of what is asked that the unit says (消费券 of 汽车消费券)
    head = next(
        (
            phrase[-k:]
            for k in range(min(8, len(phrase)), 2, -1)
            if re.fullmatch(r"[\u4e00-\u9fff]+", phrase[-k:]) and bare(phrase[-k:]) in said
        ),
        "",
    )
    if not head or head in _FILLER:
        return None
    modifier = _modifier_before(question, m.start() - len(head))
    if not modifier or modifier in title:
        return None
    if any(modifier + head in form for form in equivalents(question)):
        return None  # 外贸总额 is a field term's form, checked as the term (进出口总额)
    readings = [context, *expand_contraction(context)]
    return None if any(bare(modifier) in bare(r) for r in readings) else modifier
