"""The kinds of value an answer unit carries: a number for 多少 (in the measure named, a
percentage for 增速, an ordinal for 排第几), a date for 何时/哪天, a duration, a person or a named
body for 谁/哪个单位, a phone number, an e-mail; and whether a figure stands beside what the
question asks about (number_near), or only counts an increase where a total is asked."""

from __future__ import annotations

import re
from functools import lru_cache

from corpus.text import match_key

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


# the kinds of value each ask needs, as the name an abstention gives it
TYPE_NAMES = {
    "number": "数字",
    "duration": "时长",
    "date": "日期",
    "person": "人名",
    "phone": "电话号码",
    "email": "邮箱",
    "org": "单位名称",
    "place": "地名",
    "meeting": "会议名称",
}

# a meeting named: 第十四届人民代表大会第三次会议, 州十二届人大三次会议, 十二届三次全会
_MEETING = re.compile(
    r"第?[一二三四五六七八九十\d]+届[^。，；、]{0,16}?第?[一二三四五六七八九十\d]+次(?:全体|全委)?(?:会议|全会)"
)


# how users ask for an amount of money without naming the unit
# (an investment's amount: 总投资多少; 固定资产投资多少 may ask its growth as well)
_MONEY = re.compile(
    r"多少钱|花了多少|花费多少|耗资多少|投入了?多少资金|(?<!资产)投资(?:额|总额)?(?:是|为|有)?多少"
    r"|(?:资金|金额|预算)(?:是|为|有)?多少"
)


_MEASURE = re.compile(
    r"(?:多少|几)(亿元|万元|万人|万吨|公斤|万亩|公里|平方米|[元家个人名项件亩台所座户套辆吨])"
)


# a question asking for a rate wants a percentage (增长百分之几, 增速多少)
# a rate or a share is a percentage (覆盖率, 城镇化率, 占比, 比重); 劳动生产率 is money per head
_PERCENT_ASKED = re.compile(r"百分之几|百分比|几个百分点|增速|增幅|(?<!生产)(?<!汇)率|占比|比重")


# a percentage, or a table row whose unit is one
_PERCENT = re.compile(r"\d\s*[%％‰]|百分之|个百分点|单位[:：]\s*%|[（(]%[)）]")


# "how many" counts things (incubators, bases, enterprises) unless a unit follows it (how many
# tons): the answer is a number of things, not an area or an amount of money
_COUNT_ASKED = re.compile(
    r"\bhow many\b(?!\s+(?:tons?|tonnes?|yuan|square|kilomet|hectares?|mu\b|kilowatt|kwh|percent"
    r"|percentage|points?|times|hours?|days?|weeks?|years?|months?|billion|million))",
    re.IGNORECASE,
)
COUNT = "件数"  # the measure of a count of things
# a figure counting things: a number and the word things are counted by
_COUNTED = re.compile(
    r"[\d一二三四五六七八九十两百千]\s*[万亿千百]?[余多]?\s*"
    r"(?:个|家|项|所|座|条|名|人|件|台|套|处|只|种|类|批|支|户|次|位|款|艘|辆|架|间|张|本|篇|届|栋|场|部)"
)


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
    if _COUNT_ASKED.search(question):
        return COUNT
    return "%" if _PERCENT_ASKED.search(question) else None


def unit_fits(unit: str | None, measure: str | None) -> bool:
    """Whether a table row whose unit column says `unit` gives the measure asked: the same
    unit, a row without one, or any unit things are counted by for a count."""
    if unit in (measure, None):
        return True
    return measure == COUNT and bool(_COUNTED.fullmatch(f"1{unit}"))


def carries(asks: str, text: str, measure: str | None = None, question: str = "") -> bool:
    """Whether `text` holds the kind of value `asks` wants (any text for other asks); a number
    question naming its measure (多少亿元) wants a number in that measure, a place question a
    place other than those the question names."""
    if asks == "number":
        if measure == "名次":  # 排第几: an ordinal answers (排全区第二, 居全省第3位)
            return bool(_ORDINAL.search(text))
        if measure == "%":
            return bool(_PERCENT.search(text))
        if measure == COUNT:
            return bool(_COUNTED.search(text))
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
    if asks == "person":  # 谁 may be a person or a body (经费由谁承担: 区财政); 哪位 a person
        return _has_person(text) or (not _A_PERSON.search(question) and _names_org(text))
    if asks == "place":
        return bool(places_named(text) - places_named(question))
    if asks == "meeting":
        return bool(_MEETING.search(text))
    return True


# a question that can only be answered by a person (哪位市长, 叫什么名字)
_A_PERSON = re.compile(r"哪一?位|叫什么名字|姓名|名字是")


# words the tagger takes for place names that name no place a question could ask for
_NO_PLACE = frozenset(
    [
        "中国",
        "全国",
        "国内",
        "国外",
        "境内",
        "境外",
        "海内外",
        "海外",
        "城市",
        "城乡",
        "农村",
        "乡村",
    ]
)


@lru_cache(maxsize=1024)
def places_named(text: str) -> frozenset[str]:
    """The places `text` names: the gazetteer's (by code) and the names the part-of-speech
    tagger marks as places (西昌, 梵净山), the generic ones (全国, 城市) aside. Cached: a place
    question's own places are asked of once per unit compared with it."""
    import jieba.posseg as pseg

    from corpus import places

    tagged = {
        p.word
        for p in pseg.cut(text)
        if p.flag == "ns" and len(p.word) >= 2 and p.word not in _NO_PLACE
    }
    return frozenset(places.mentions(text)) | tagged


def _names_org(text: str) -> bool:
    """Whether `text` names a body: an organisation word left once the generic ones (单位,
    部门, whatever stands before them) are taken out."""
    return bool(_ORG.search(_GENERIC_ORG.sub("", text)))


def _has_person(text: str) -> bool:
    import jieba.posseg as pseg

    return any(p.flag == "nr" and len(p.word) >= 2 for p in pseg.cut(text))


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
    figures = [c for c in re.split(r"[，,；;。]", text.lower()) if re.search(r"\d", c)]
    # the clauses of the question's most telling word found (高新技术, not the 企业 of a
    # neighbouring 科技企业孵化器1家)
    named = [w for w in words if any(w in c for c in figures)]
    if not named:
        return False
    telling = max(named, key=len)
    clauses = [c for c in figures if telling in c]
    return bool(clauses) and all(
        _INCREASE.search(c) and not _TOTAL_GIVEN.search(c) for c in clauses
    )


def number_near(words: set[str], text: str) -> bool:
    """Whether a clause of `text` holds a figure and one of the question's words: the number
    is about what was asked ("百万人口现代化城市" names 人口 but states no count; "保持24小时
    通讯畅通" gives the hours next to the words asked)."""
    clauses = re.split(r"[，,；;。]", text.lower())
    # a word is found with the marks that set it off dropped: 专精特新企业 in “专精特新”企业
    keys = {bare(w) for w in words} - {""}
    return any(
        (re.search(r"\d", c) or _CHINESE_FIGURE.search(c) or _ORDINAL.search(c))
        and any(w in said for w in keys)
        for c in clauses
        for said in (bare(c),)
    )


def bare(text: str) -> str:
    """`text` as it is compared word by word: the one match key, without punctuation."""
    return match_key(text, keep_punctuation=False)
