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


# the verb a count is asked with, the thing counted after it (培育了多少科技型企业): a table row
# names what it counts, not how it came about, so a row needs no such verb
_COUNTING_VERB = re.compile(
    r"([\u4e00-\u9fff]{2})(?:了|过)?(?:多少|几)(?=[个家项名座所条]?[\u4e00-\u9fff]{2})"
)


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
        verbs = set(_COUNTING_VERB.findall(question))
        candidates = [w for w in candidates if w not in verbs]
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
