"""The other forms reports write a term in: a name cut short (长期护理保险: 长护险), a kind of
travel (乡村旅游: 乡村游), an amount or a total said the other way (进出口额: 进出口总额; 总产量:
产量), a national census by its number (第三次全国土壤普查: 土壤“三普”), a thing named by its code
(5A级旅游景区: 5A, 12345热线: 12345), a city's title cut short (国家卫生城市: 卫生城)."""

from __future__ import annotations

import re

from qa.topic_alternatives import is_verb, tagged


def abbreviated(part: str) -> str | None:
    """The short form reports cut a name of three words or more to: each word's first
    character and the last word's last (长期护理保险 -> 长护险); None for a shorter name, or a
    deed (保护传统村落 is no name)."""
    tags = tagged(part)
    words = [w for w, _ in tags]
    if len(words) < 3 or any(len(w) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", w) for w in words):
        return None
    if is_verb(tags[0][1]) or words[0].startswith("第"):
        return None
    return "".join(w[0] for w in words[:-1]) + words[-1][-1]


# (总量 after three characters or more: 碳排放量, but no 经济量, which 经济高质量 would hold)
TOTAL = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})总(?=里程|产值|收入|人数|规模|产量)|(?<=[\u4e00-\u9fff]{3})总(?=量)"
)


def other_amount(term: str) -> str | None:
    """The term's amount said the other way: …额 <-> …总额 (进出口额, 进出口总额)."""
    if len(term) >= 4 and term.endswith("总额"):
        return term[:-2] + "额"
    if len(term) >= 3 and term.endswith("额") and not term.endswith(("金额", "总额")):
        return term[:-1] + "总额"
    return None


def travel_said_short(part: str) -> str | None:
    """A kind of travel as reports cut it: 乡村旅游 -> 乡村游, 红色旅游 -> 红色游; None for others
    (旅游 alone is said in full)."""
    return part[:-2] + "游" if len(part) >= 4 and part.endswith("旅游") else None


def census_forms(term: str) -> list[str]:
    """What a national census is also called: by its number (第三次全国土壤普查 = 土壤“三普”,
    第五次全国经济普查 = 五经普), and any one of them by its ordinal (经济普查 is 五经普, 土壤普查
    土壤“三普”); [] for no census."""
    census = _CENSUS.fullmatch(term)
    if census:
        return [census["what"] + census["n"] + "普", census["n"] + census["what"][0] + "普"]
    m = _ANY_CENSUS.fullmatch(term)
    if m is None:
        return []
    return [
        form
        for n in "一二三四五六七八九十"
        for form in (n + m["what"][0] + "普", m["what"] + n + "普")
    ]


_CENSUS = re.compile(
    r"第(?P<n>[一二三四五六七八九十])次全国(?P<what>[\u4e00-\u9fff]{2,4}?)普查(?:工作)?"
)
_ANY_CENSUS = re.compile(r"(?P<what>[\u4e00-\u9fff]{2})普查")


def code_forms(term: str) -> list[str]:
    """The code alone of a thing named by it, as reports write it (推进古城5A创建, “12345”政务服务
    热线): a grade's (5A级旅游景区: 5A) or a hotline's number of five digits or more (12345热线:
    12345); [] for others (5G基站 is no 5G network: its code names more than the thing)."""
    m = _CODED.fullmatch(term)
    return [m["code"]] if m else []


_CODED = re.compile(
    r"(?:国家)?(?P<code>(?:[1-5][aA]|[aA]{3,5})(?=级[\u4e00-\u9fff]{0,4}景区$)"
    r"|\d{5,6}(?=[\u4e00-\u9fff]{0,6}热线$)).*"
)


def common_words_only(said: str, modifier: str, head: str) -> bool:
    """Whether `said`, a noun of three or four characters or one word of two, not ending in
    `head`, is only words half of all reports use, none of them the modifier's, which holds a
    word of two characters or more they do not use (应用场景 after 数字人民币, 研发 after 体外诊断,
    赛事 after 电竞; not 中试平台 after 中试, 数字乡村 after 智慧, 技能人才 after 高技能, 新增技能人才 after 新)."""
    from qa.meaning import common_words
    from qa.topic_terms import field_term

    words, modifiers = tagged(said), tagged(modifier)
    if len(modifier) >= 2 and all(len(w) == 1 for w, _ in modifiers):
        modifiers = ((modifier, "n"),)  # (a name jieba cuts to characters is one word: 电|竞)
    noun = 3 <= len(said) <= 4 and bool(words) and words[-1][1] == "n"
    return (
        (noun or (len(said) == 2 and len(words) == 1))
        and head not in said
        and all(w in common_words() and (w, f) not in modifiers for w, f in words)
        and any(len(w) >= 2 and w not in common_words() for w, _ in modifiers)
        and not field_term(said)
    )


def title_said_short(term: str) -> list[str]:
    """A city's title as reports list it, cut short (文明城、卫生城、双拥模范城等创建活动): 国家卫生
    城市 -> 卫生城; [] for others (智慧城市 is no title: 智慧城 would be 智慧城管's)."""
    m = _CITY_TITLE.search(term)
    return [m["title"] + "城"] if m else []


_CITY_TITLE = re.compile(
    r"(?:国家|全国|省级|省)?(?P<title>[\u4e00-\u9fff]{0,2}?(?:文明|卫生|园林|森林|模范|名))城市$"
)


def rank_said_either_way(term: str) -> list[str]:
    """A national designation said with 级 or without (国家级科创金融改革试验区 = 国家科创金融改革
    试验区, 国家高新区 = 国家级高新区); [] for others (国家安全 names no rank)."""
    m = re.match(r"国家(级)?(?=[\u4e00-\u9fff]{3})", term)
    if m is None or not _DESIGNATED.search(term):
        return []
    return ["国家" + ("" if m[1] else "级") + term[m.end() :]]


# what a rank is given to: a zone, a base, a centre, a lab, a park, a pilot (…试验区, …实验室)
_DESIGNATED = re.compile(
    r"(?:区|园|基地|中心|实验室|平台|试点|示范|城市|县|工作站|站|馆|景区|公园|企业|项目|工程|集群)$"
)
