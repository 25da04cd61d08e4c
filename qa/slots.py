"""Abstention by slot: the unit an answer rests on must name what the question asks about —
the role before 是谁, or the question's rarest word, which says what a number is of (the kind of
value a unit carries is qa.values). Nearest-sentence answers to questions the corpus does not
answer fail one of these."""

from __future__ import annotations

import re
from functools import lru_cache

from corpus.contractions import expand_contraction
from qa.asks import ASKS, QUESTION_WORD
from qa.periods import PERIOD, RELATIVE
from qa.terms import equivalents
from qa.values import bare

_ROLE_BEFORE_WHO = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:是谁|叫什么|姓什么|的名字|的姓名)")
# the role after 哪位: 哪位市长作的报告
_ROLE_AFTER_WHICH = re.compile(r"哪一?位([\u4e00-\u9fff]{1,2}(?:长|书记|主任|主席|领导|负责人))")


def missing_role(question: str, text: str) -> str | None:
    """The role a 谁 question names (组长, 局长) when `text` does not name it."""
    m = _ROLE_BEFORE_WHO.search(question) or _ROLE_AFTER_WHICH.search(question)
    if not m:
        return None
    asked = m.group(1)
    role = asked[-2:]
    # a party committee's secretary is not any 书记 (省委书记 is not 总书记)
    if len(asked) >= 4 and asked[-3] == "委":
        role = asked[-4:]
    # a masthead spaces its labels out: 主 编 李昌凤
    return None if role in re.sub(r"\s+", "", text) else role


# words of how a figure is asked for, not of what it is about
_FILLER = frozenset(
    [
        "实际",
        "预期",
        "预计",
        "计划",
        "力争",
        "达到",
        "完成",
        "目标",
        "现状",
        "具体",
        "分别",
        "大概",
        "左右",
        "作出",
        "开始",
        "今年",
        "去年",
        "明年",
        # the place's whole, not a thing of it (全省生产总值 is the province's GDP)
        "全省",
        "全市",
        "全区",
        "全县",
        "全州",
        "安排",
        "进行",
        "需要",
        "已经",
        "目前",
        "现在",
        "一共",
        "总共",
        "主要",
        "长时间",
        "做到",
        "实现",
        "取得",
        "数量",
        "数目",
        "个数",
        "总数",
        "控制",
        # the kind of figure, not the thing it is of (研发经费支出绝对额 is 研发经费支出)
        "绝对额",
        "绝对",
        "绝对值",
        "总量",
        # how a count is kept, not what is counted (有效高新技术企业 are the 高新技术企业 counted)
        "有效",
        "现有",
    ]
)


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


# the verb a count is asked with, the thing counted after it (培育了多少科技型企业): a table row
# names what it counts, not how it came about, so a row needs no such verb
_COUNTING_VERB = re.compile(
    r"([\u4e00-\u9fff]{2})(?:了|过)?(?:多少|几)(?=[个家项名座所条]?[\u4e00-\u9fff]{2})"
)
# where a figure question asks its figure: the measure named right before it (网络销售额是多少)
_ASKED_AT = re.compile(r"(?:是|占|有|为|达到?|增长了?)?(?:多少|几)")


def measure_modifier_missing(question: str, context: str, title: str) -> str | None:
    """The noun the question sets before the measure it asks the figure of (网络 of 网络销售额,
    汽车 of 汽车消费券占多少) when the unit names the measure without it: a sentence on the
    销售额 of a promotion gives no 网络销售额. The measure is the longest end of what is asked
    that the unit says; None when it says none (it is then the slot's and the terms' to judge)
    or nothing but a place, period or filler word stands before it."""
    m = _ASKED_AT.search(question)
    if m is None:
        return None
    phrase, said = question[: m.start()], bare(context)
    # the measure: the longest end of what is asked that the unit says (消费券 of 汽车消费券)
    head = next(
        (
            phrase[-k:]
            for k in range(min(8, len(phrase)), 1, -1)
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


# the whole of what a figure counts, not a part of it (全社会研发投入 is the 研发投入)
_WHOLE = frozenset(["全社会", "社会", "全年", "全部", "总体", "整体", "城乡"])


def rarest_word(question: str, q_tokens: set[str], idf: object, title: str) -> str | None:
    """The question's rarest word that says what is asked about (人口, 基站, 补贴): a real
    word (jieba's dictionary; a split such as 中有 from 人员中有多少 is none), not a word of the
    document title (it says which document), a filler word (实际, 预期, 开始) or part of a field
    term's form (terms are checked as terms); None for English questions (their words are
    glossed)."""
    ranked = _candidates(question, q_tokens, idf, title)
    return ranked[0] if ranked else None


def _candidates(question: str, q_tokens: set[str], idf: object, title: str) -> list[str]:
    """The words that may name the slot, rarest first (see `rarest_word`)."""
    if not re.search(r"[\u4e00-\u9fff]", question):
        return []
    forms = [f.lower() for f in equivalents(question)]
    # the pieces of 上一年, 过去一年 (一年), 十三五 (三五) are the period slot, checked on its own
    periods = RELATIVE.findall(question) + [m.group(0) for m in PERIOD.finditer(question)]
    asking, unasked = _asking(question)
    not_a_thing = (
        not_nouns(question)
        | {t for w in periods for t in q_tokens if t in w}
        | {t for t in q_tokens if any(t in w for w in asking) and t not in unasked}
    )
    unused = idf("\x00")  # the IDF of a word the corpus never uses
    # a token that crosses the edge of a term the question names is a cut of the tokenizer,
    # not a word asked: 社零增长 read as 社 + 零增长
    outside_terms = question.lower()
    for form in sorted(forms, key=len, reverse=True):
        outside_terms = outside_terms.replace(form, "|")
    words = [
        t
        for t in q_tokens
        if len(t) >= 2
        and (_is_word(t) or idf(t) < unused)  # a word the corpus uses (锂电) is a word
        and t not in title
        and t not in not_a_thing
        and not QUESTION_WORD.search(t)
        and not re.search(r"\d", t)  # a year is the period slot, checked on its own
        and t not in _FILLER
        and not t.endswith(("目标", "指标", "数量", "总数"))  # 控制目标, 企业数量: how it is asked
        and not any(t.lower() in f for f in forms)
        and t.lower() in outside_terms
    ]
    return _by_rarity(words, idf)


@lru_cache(maxsize=256)  # once per question, not once per unit the slot check reads
def _asking(question: str) -> tuple[tuple[str, ...], str]:
    """The phrases that ask with 哪/几 (哪一年, 哪几天: their pieces 一年, 几天 name nothing), and
    the question without them."""
    asking = tuple(
        m.group(0)
        for _, pattern in ASKS
        for m in pattern.finditer(question)
        if re.search(r"[哪几]", m.group(0))
    )
    rest = question
    for phrase in sorted(asking, key=len, reverse=True):
        rest = rest.replace(phrase, " ")
    return asking, rest


# parts of speech (jieba) of words that do not say what is asked about: verbs (视察, 给出: a
# figure is of a thing; a verbal noun such as 建设 still is one), times (会上), pronouns
# (那个), places (the place filter's), adverbs, prepositions, conjunctions, particles,
# localisers, numerals and measures
_NOT_A_THING = ("v", "t", "r", "ns", "d", "p", "c", "u", "f", "s", "m", "q")


@lru_cache(maxsize=256)  # tagged once per question, not once per unit the slot check reads
def not_nouns(question: str) -> frozenset[str]:
    """The question's words whose part of speech says they are not what is asked about."""
    import jieba.posseg as pseg

    return frozenset(
        p.word
        for p in pseg.cut(question)
        if p.flag != "vn" and any(p.flag.startswith(t) for t in _NOT_A_THING)
    )


def _by_rarity(words: list[str], idf: object) -> list[str]:
    """Rarest first; ties (two words the corpus never uses) broken the same way every run."""
    return sorted(words, key=lambda t: (-idf(t), t.isascii(), -len(t), t))  # type: ignore[operator]


def _is_word(token: str) -> bool:
    import jieba

    jieba.dt.check_initialized()  # the dictionary is loaded lazily, on the first cut
    return token.isascii() or bool(jieba.dt.FREQ.get(token))


def missing_word(
    question: str,
    q_tokens: set[str],
    context: str,
    idf: object,
    title: str,
    floor: float,
    row: bool = False,
) -> str | None:
    """The rarest word with an IDF of at least `floor` (or the question's only word, however
    common) when the unit and its heading lack it: a number about 人均GDP is not the row about
    GDP, a count of 科技型企业 no answer to 人口. `row`: the unit is a table row, which names no
    verb a count is asked with."""
    candidates = _candidates(question, q_tokens, idf, title)
    if row:
        candidates = [w for w in candidates if w not in _COUNTING_VERB.findall(question)]
    said = context.lower()
    said_bare = bare(said)
    for word in candidates:
        if idf(word) < floor and len(candidates) > 1:  # type: ignore[operator]
            break  # a question's one word is its slot, however common; of several, the rare
        # a word said in another of its forms is said (gdp: 地区生产总值), and so is one a
        # contraction stands for (城镇 in 城乡居民…分别), or one the text sets off in quotes
        # (“专精特新”企业)
        if (
            bare(word) not in said_bare
            and not any(f.lower() in said for f in equivalents(word))
            and not any(word in phrase for phrase in expand_contraction(said) if phrase != said)
        ):
            return word
    return None
