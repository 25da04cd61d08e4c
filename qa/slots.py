"""Abstention by type: the unit an answer rests on must carry the kind of value asked (a person
for 谁, a number for 多少, a date for 何时/哪天, a phone number for 电话…) and name the asked
slot (the role before 是谁; the question's rarest word, which says what the number is of).
Nearest-sentence answers to questions the corpus does not answer fail one of these."""

from __future__ import annotations

import re
from functools import lru_cache

from corpus.contractions import expand_contraction
from qa.frame import _PERIOD, _QUESTION_WORD, ASKS
from qa.periods import RELATIVE
from qa.terms import equivalents

# a date, or a time said relative to the year (年内, 年底前, 上半年): both answer 什么时候
_DATE = re.compile(
    r"\d+\s*年|\d+\s*月|\d+\s*日|\d+时|底前|季度|\d{4}[-/.]\d{1,2}"
    r"|年内|年底|年末|年初|上半年|下半年|月底|月初|当年|同年"
)
# a figure in Chinese numerals with its measure (近百万吨, 两个, 三千余人)
# (百万人口 is a size, not a count: 人口 is a noun of its own)
_CHINESE_FIGURE = re.compile(
    r"[一二三四五六七八九十两百千万亿]+余?(?:[个家项件名户套吨亩所座台次条元]|人(?!口)|万|亿)(?!人口)"
)
_PHONE = re.compile(r"0\d{2,3}[-－—]?\d{7,8}|(?<!\d)\d{8}(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
# the heads of the names of bodies: offices, companies (宇能制药, 某某科技), ports, schools…
_ORG = re.compile(
    r"局|委|办|中心|政府|财政|公司|单位|部门|院|所|厅|集团|协会|管委会|小组|大学|学院|医院|银行"
    r"|陆港|港务|机场|制药|药业|科技|股份|实业|电子|能源|控股|化工|电气|材料|物流|食品|重工|矿业"
)
# a body named by its kind alone ("收运单位", "相关部门") says who in general, not who: an
# answer to 谁 / 哪个单位 needs a body with a name of its own
_GENERIC_ORG = re.compile(r"单位|部门")
_ROLE_BEFORE_WHO = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:是谁|叫什么|姓什么|的名字|的姓名)")
# the kinds of value each ask needs, as the name an abstention gives it
TYPE_NAMES = {
    "number": "数字",
    "duration": "时长",
    "date": "日期",
    "person": "人名",
    "phone": "电话号码",
    "email": "邮箱",
    "org": "单位名称",
}


# how users ask for an amount of money without naming the unit
_MONEY = re.compile(r"多少钱|花了多少|花费多少|耗资多少|投入了?多少资金")
_MEASURE = re.compile(
    r"(?:多少|几)(亿元|万元|万人|万吨|公斤|万亩|公里|平方米|[元家个人名项件亩台所座户套辆吨])"
)


# a question asking for a rate wants a percentage (增长百分之几, 增速多少)
_PERCENT_ASKED = re.compile(r"百分之几|百分比|几个百分点|增速|增幅|增长率")
_PERCENT = re.compile(r"\d\s*[%％‰]|百分之|个百分点")


# a question about a place in a ranking, and the ordinals that answer it
_RANK_ASKED = re.compile(r"第几|排名多少|排名如何|位次|名次|排在哪|排几")
# 首位, 榜首, 居首 are the first place in words; 前列 is no place
_ORDINAL = re.compile(r"第[一二三四五六七八九十\d]+(?:位|名)?|首位|榜首|居首|夺冠")


def measure_of(question: str) -> str | None:
    """The measure a number question names (多少亿元 -> 亿元, 几家 -> 家, 增长百分之几 -> %),
    if any."""
    if _RANK_ASKED.search(question):
        return "名次"
    m = _MEASURE.search(question)
    if m:
        return m.group(1)
    if _MONEY.search(question):
        return "元"
    return "%" if _PERCENT_ASKED.search(question) else None


def carries(asks: str, text: str, measure: str | None = None) -> bool:
    """Whether `text` holds the kind of value `asks` wants (any text for other asks); a number
    question naming its measure (多少亿元) wants a number in that measure."""
    if asks == "number":
        if measure == "名次":  # 排第几: an ordinal answers (排全区第二, 居全省第3位)
            return bool(_ORDINAL.search(text))
        if measure == "%":
            return bool(_PERCENT.search(text))
        if measure:
            return bool(
                re.search(
                    rf"[\d一二三四五六七八九十两百千]\s*[万亿千百]?[余多]?{re.escape(measure)}|[（(]{re.escape(measure)}[)）]|单位: {re.escape(measure)}",
                    text,
                )
            )
        return bool(re.search(r"\d", text) or _CHINESE_FIGURE.search(text))
    if asks == "duration":
        return bool(re.search(r"\d|[一二三四五六七八九十]+个?(?:工作日|天|日|月|年|小时)", text))
    if asks == "date":
        return bool(_DATE.search(text))
    if asks == "phone":
        return bool(_PHONE.search(text))
    if asks == "email":
        return bool(_EMAIL.search(text))
    if asks == "org":
        return _names_org(text)
    if asks == "person":  # 谁 may be a person or a body (经费由谁承担: 区财政)
        return _has_person(text) or _names_org(text)
    return True


def _names_org(text: str) -> bool:
    """Whether `text` names a body: an organisation word left once the generic ones (单位,
    部门, whatever stands before them) are taken out."""
    return bool(_ORG.search(_GENERIC_ORG.sub("", text)))


def _has_person(text: str) -> bool:
    import jieba.posseg as pseg

    return any(p.flag == "nr" and len(p.word) >= 2 for p in pseg.cut(text))


def missing_role(question: str, text: str) -> str | None:
    """The role a 谁 question names (组长, 局长) when `text` does not name it."""
    m = _ROLE_BEFORE_WHO.search(question)
    if not m:
        return None
    asked = m.group(1)
    role = asked[-2:]
    # a party committee's secretary is not any 书记 (省委书记 is not 总书记)
    if len(asked) >= 4 and asked[-3] == "委":
        role = asked[-4:]
    return None if role in text else role


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
    ]
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
    periods = RELATIVE.findall(question) + [m.group(0) for m in _PERIOD.finditer(question)]
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
        and not _QUESTION_WORD.search(t)
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
) -> str | None:
    """The rarest word with an IDF of at least `floor` (or the question's only word, however
    common) when the unit and its heading lack it: a number about 人均GDP is not the row about
    GDP, a count of 科技型企业 no answer to 人口."""
    candidates = _candidates(question, q_tokens, idf, title)
    for word in candidates:
        if idf(word) < floor and len(candidates) > 1:  # type: ignore[operator]
            break  # a question's one word is its slot, however common; of several, the rare
        said = context.lower()
        # a word said in another of its forms is said (gdp: 地区生产总值), and so is one a
        # contraction stands for (城镇 in 城乡居民…分别)
        if (
            word not in said
            and not any(f.lower() in said for f in equivalents(word))
            and not any(word in phrase for phrase in expand_contraction(said) if phrase != said)
        ):
            return word
    return None


# a question asking how many there are in all, and the words that give an increase instead
_TOTAL_ASKED = re.compile(r"总数|总量|累计|共有|总共|一共|保有量|截至|截止")
_INCREASE = re.compile(r"新增|净增|增加|新认定|新培育|新引进|新建|新开工|新入库|新落地")
_TOTAL_GIVEN = re.compile(r"总量|总数|累计|达到|总计|共有|共计|突破")


def only_an_increase(question: str, words: set[str], text: str) -> bool:
    """Whether a question asking how many there are in all ("截至2024年底高新技术企业总数") meets
    only increases in `text`: every clause giving a figure for its words counts what was added
    ("净增…高新技术企业97家"), which is no total."""
    if not _TOTAL_ASKED.search(question) or _INCREASE.search(question):
        return False
    clauses = [
        c
        for c in re.split(r"[，,；;。]", text.lower())
        if re.search(r"\d", c) and any(w in c for w in words)
    ]
    return bool(clauses) and all(
        _INCREASE.search(c) and not _TOTAL_GIVEN.search(c) for c in clauses
    )


def number_near(words: set[str], text: str) -> bool:
    """Whether a clause of `text` holds a figure and one of the question's words: the number
    is about what was asked ("百万人口现代化城市" names 人口 but states no count; "保持24小时
    通讯畅通" gives the hours next to the words asked)."""
    clauses = re.split(r"[，,；;。]", text.lower())
    return any(
        (re.search(r"\d", c) or _CHINESE_FIGURE.search(c) or _ORDINAL.search(c))
        and any(w in c for w in words)
        for c in clauses
    )
