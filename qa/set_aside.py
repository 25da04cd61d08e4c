"""The places a "which places…" question sets aside: those it names after 除了 or 不算 (除了赣州，
还有哪些地方…), in a bracket (（不算宜宾自己的报告）), or the place it asks about when it asks the others
(其他地方的文件里，谁提到了宜宾); and a report narrowed to the places kept."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from qa.measures import MOVED_BY
from qa.place_questions import places_only
from qa.text import norm
from qa.types import DistrictReport

if TYPE_CHECKING:
    from qa.topics import Topic

# the words that leave places or documents out of those asked: 除了赣州, 不算规划
LEAVING_OUT = r"(?:除了?|不算|不计|不含|不包括|排除)"
# a place's own documents, said after it: 攀枝花自己的报告, 宜宾本身的规划
_OWN_DOCUMENTS = r"(?:本身|自身|自己)(?:的)?"
_DOCUMENT = r"[\u4e00-\u9fff]{0,6}?(?:报告|规划|文件|要点|通知)"
# places set aside: 除了赣州，还有哪些地方…; 除了攀枝花自己的报告 (its own documents: the place)
_EXCEPT = re.compile(
    rf"{LEAVING_OUT}(?P<places>[\u4e00-\u9fff、和与及]{{2,20}}?)(?:{_OWN_DOCUMENTS}(?:{_DOCUMENT})?)?"
    r"(?:之外|以外|外)?[，,]?(?:还|另外|其他|其余)?(?:有)?(?=哪|谁)"
)
# …or in a bracket: 哪些地方提到了宜宾（不算宜宾自己的报告）
_EXCEPT_REMARK = re.compile(
    rf"[（(]{LEAVING_OUT}(?P<places>[\u4e00-\u9fff、和与及]{{2,20}}?)"
    rf"(?:(?:{_OWN_DOCUMENTS}|的){_DOCUMENT})?(?:在内)?[)）]"
)
# …and the names like the topic's that do not count, in a bracket or a clause of their own at
# the end: no topic (（像“千村引领、万村提升”这种名字相近的不算）; …建设？“海绵钛”不算。); or a
# clause of their own before the question goes on (粮食产量目标：只说“稳中有增”的不算，给出…)
_DOES_NOT_COUNT = r"(?:都|也)?(?:不算|不计|不计入|除外)(?:在内)?"
_NOT_COUNTED = re.compile(
    r"(?:[（(][^（）()]{2,40}?|(?<=[？?。，,；;：:])\s*[^？?。，,；;：:（）()]{2,40}?)"
    rf"{_DOES_NOT_COUNT}[)）]?[？?。.！!]?$"
    rf"|(?<=[：:])[^？?。，,；;：:（）()]{{2,40}}?{_DOES_NOT_COUNT}[，,；;](?=[^，,；;]+[？?]?$)"
)

# …said in English: …? 国家卫生乡镇 does not count.
_NOT_COUNTED_EN = re.compile(
    r"(?<=[?.!？。])\s*[^?.!？。]{2,60}?\s+(?:does|do|should|will)\s*(?:not|n't)\s+count\b[.!]?\s*$",
    re.IGNORECASE,
)


def chinese_remark(question: str) -> str:
    """What an English question's remark says does not count, said in Chinese for the question
    it is read as (…? 国家卫生乡镇 does not count. → ？国家卫生乡镇不算。), or "" (none, or no
    Chinese name in it: the documents write none other)."""
    m = _NOT_COUNTED_EN.search(question)
    names = re.findall(r"[\u4e00-\u9fff]{2,}", m.group(0)) if m else []
    return f"？{'、'.join(names)}不算。" if names else ""


# …or said not to be confused with it: （别和“首店经济”混为一谈）, 不要与…混淆
_CONFUSED = re.compile(
    r"(?P<open>[（(])?(?:但|注意)?(?:别|不要|勿|莫)(?:把它)?(?:和|与|跟|同)(?P<names>[^（）()，,。？?]{2,30}?)"
    r"(?:混为一谈|混淆|搞混|弄混|混同|混在一起)了?(?(open)[)）])"
)


# …or said in a bracket to be something else than the topic, where it stands: 国家实验室（不是一般
# 的重点实验室; 不算全国重点实验室）, 碳排放“双控”（不是只讲能耗双控）; not a measure, which says
# what figure is asked (用“新增”口径（而不是总量）)
_NOT_IT = re.compile(
    r"[（(](?:而|但)?(?:不是|并非|不指|非指|不算|不含|不包括)"
    r"(?!(?:总量|总数|总额|增速|增幅|增长率?|新增数?|净增数?|数量|规模|比重|占比)[)）])"
    # (not the documents, qa.asked_documents', nor a bound's own figure: 6%以上（不含6%）)
    r"(?![^（）()]*(?:报告|规划|文件|要点|通知|公报)[)）]|[^（）()]*\d)"
    r"(?P<names>[^（）()，,。？?]{2,30}?)[)）]"
)


def _confusions_not_counted(text: str) -> str:
    """The question with what it says not to confuse with the topic said not to count."""
    text = _CONFUSED.sub(lambda m: f"（{m['names']}不算）", text)
    said_else = "".join(f"（{m['names']}不算）" for m in _NOT_IT.finditer(text))
    if not said_else:
        return text
    # (a remark said in the middle moves to the end, where what does not count is read)
    return _NOT_IT.sub("", text) + said_else


# kinds a bracket names, closed by 等, then what it does not count, a semicolon or comma apart
# (储能电站、电化学储能等；抽水蓄能不算); not a gloss (统筹老年人和儿童服务，…也算)
_NAMES_THEN_REMARK = re.compile(
    r"[（(](?P<said>[^（）()]{2,40}?(?:等|等等|之类))[；;，,]"
    rf"(?P<remark>[^（）()；;，,]{{2,30}}?{_DOES_NOT_COUNT})[)）]"
)


def remark_set_apart(text: str) -> str:
    """`text` with a bracket naming kinds of the topic and then what does not count said as two
    brackets (新型储能（储能电站、电化学储能等；抽水蓄能不算） → 新型储能（储能电站、电化学储能
    等）（抽水蓄能不算）): the kinds are read, the remark set aside, as each alone would be."""
    return _NAMES_THEN_REMARK.sub(lambda m: f"（{m['said']}）（{m['remark']}）", text)


def without_exception(text: str) -> tuple[str, tuple[str, ...]]:
    """The question without the places it sets aside (除了赣州，还有哪些地方提到预制菜 →
    有哪些地方提到预制菜, (赣州,); 哪些地方提到了宜宾（不算宜宾自己的报告） → 哪些地方提到了宜宾,
    (宜宾,)), when they are places; else without the names it says do not count."""
    text = remark_set_apart(text)  # (（储能电站等；抽水蓄能不算）: the kinds stay)
    for pattern, left in ((_EXCEPT, "有"), (_EXCEPT_REMARK, "")):
        m = pattern.search(text)
        if m is not None and places_only(m.group("places")):
            names = tuple(n for n in re.split(r"[、和与及]", m.group("places")) if n)
            return text[: m.start()] + left + text[m.end() :], names
    return _NOT_COUNTED.sub("", _confusions_not_counted(text)), ()


def names_not_counted(text: str) -> tuple[str, ...]:
    """The names a question says do not count (…国家公园？国家文化公园、考古遗址公园不算 →
    国家文化公园, 考古遗址公园; （咖啡屋之类的消费场景不算） → 咖啡屋, 消费场景: the examples and
    their class), quoted ones if any; no places nor documents, which `without_exception` and
    qa.asked_documents set aside."""
    m = _NOT_COUNTED.search(_confusions_not_counted(text))
    # (the clause saying it, not what the bracket says before: （卫星制造之类，单纯北斗应用不算）)
    said = re.split(r"[，,；;：:]", m.group(0).strip("（）() ，,？?。.；;"))[-1] if m else ""
    quoted = re.findall(r"[“\"「]([^”\"」]{2,20})[”\"」]", said)
    said = re.sub(r"(?:都|也)?(?:不算|不计|除外).*$", "", said)
    # (what alone a target is set for: 只给农村网络零售额定目标的: 农村网络零售额)
    said = re.sub(
        r"^(?:只|仅)(?:给|对|为)(.{2,}?)(?:定|设|提)了?(?:具体|量化)?的?(?:目标|指标)的?$",
        r"\1",
        said,
    )
    said = re.sub(
        r"^(?:像|比如|例如|如|但|单纯的?|只是|仅仅?|一般的?|普通的?|只(?:讲|说|提|写))", "", said
    )
    kinds = r"(?:之类|这类|这种|那种|这样|一类|等)(?:的)?"
    names = quoted or [n for n in re.split(rf"或者|{kinds}|[、和与及或]", said) if len(n) >= 2]
    return tuple(n for n in names if not (places_only(n) or re.fullmatch(_DOCUMENT, n)))


# the other places: 其他地方的文件里，谁提到了宜宾 (a place asked of the others)
_OTHERS = re.compile(r"其他|其它|别的|另外")


def without_others(text: str) -> tuple[str, bool]:
    """The question without the word asking for the other places, and whether it had one."""
    plain = _OTHERS.sub("", text, count=1)
    return plain, plain != text


def narrowed(report: DistrictReport, keep: Callable[[str], bool]) -> DistrictReport:
    """`report` with only the places `keep` holds for (what a question says around its topic
    narrows the places asked: 除了赣州, 除了政府工作报告, 2024年的报告, 地级市)."""
    return replace(report, districts=tuple(r for r in report.districts if keep(r.district)))


def places_with(index: Any, holds: Callable[[Any], bool]) -> set[str]:
    """The places that have a document `holds` is true of."""
    return {d.district for d in getattr(index, "documents", ()) if holds(d)}


# a target asked of the topic alone, not of a list it is one of: 单独给新型研发机构定了数量目标
_ALONE = re.compile(r"单独|单列|单项|专门(?:为|给|对)")
# a name one of a list whose figure is shared: after a 、 that follows no figure of its own
# (独角兽、瞪羚、“专精特新”企业20家; not 高新技术企业50家、专精特新企业20家), or before a 、 or
# 等 (省重点实验室、新型研发机构等平台8家)
_OWN_FIGURE_BEFORE = re.compile(r"\d[\d.]*\s*[\u4e00-\u9fff%％]{0,3}(?:以上|左右)?[”\"]?$")
_LISTED_AFTER = re.compile(r"[”\"]?[\u4e00-\u9fff]{0,4}?(?:、|等(?![级次]))")


def with_names_set_aside(topic: Topic, question: str) -> Topic:
    """`topic` with the names `question` says do not count, whether it asks a target set for
    the topic alone, and whether its level itself, a move said not to count."""
    alone = bool(_ALONE.search(question)) and topic.aspect == "target"
    level = topic.total or bool(topic.aspect and _MOVE_SET_ASIDE.search(question))
    return replace(topic, not_counted=names_not_counted(question), alone=alone, total=level)


# a move said to count for nothing: the level itself is asked (只说比率升了几个百分点的不算)
_MOVE_SET_ASIDE = re.compile(
    rf"只(?:说|报|给|写|有)(?:出)?了?[^，,。？?（）()]{{0,6}}?{MOVED_BY}[^，,。？?]{{0,8}}?(?:的)?(?:都|也)?不算"
)


def left_out_of(topic: Topic, terms: tuple[str, ...]) -> Callable[[str], str]:
    """Text with the names said not to count blanked (qa.term_matcher.without_names) and, when
    a target is asked of the topic alone, the `terms` where a list shares their figure."""
    from qa.term_matcher import without_names

    named = tuple(map(norm, terms))
    named_out = without_names(tuple(map(norm, topic.not_counted)), named)
    if not topic.alone:
        return named_out
    unlisted = without_listed(named)
    return lambda text: unlisted(named_out(text))


def without_listed(terms: tuple[str, ...]) -> Callable[[str], str]:
    """Text with each of `terms` blanked where it is one of a list a figure is shared by."""
    pattern = re.compile("|".join(map(re.escape, sorted(terms, key=len, reverse=True))) or "(?!)")

    def listed(text: str, m: re.Match[str]) -> bool:
        before = text[: m.start()].rstrip('“"')
        after_list = before.endswith("、") and not _OWN_FIGURE_BEFORE.search(before[:-1])
        return after_list or bool(_LISTED_AFTER.match(text, m.end()))

    return lambda text: pattern.sub(lambda m: "、" if listed(text, m) else m[0], text)
