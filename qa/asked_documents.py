"""The documents a place question asks of: by kind (哪些报告, 哪几份规划或工作要点), by year
(2024年的政府工作报告里), and a level said with its peers bracketed (市（州）)."""

from __future__ import annotations

import re

from qa.asking import without_negation
from qa.place_questions import (
    _AMONG_DOCUMENTS,
    _DOCUMENTS_ASKED,
    _JOINED,
    _WRITTEN_INTO,
    place_question,
)

# the year of the documents asked: 2024年的政府工作报告里，哪些… (not 2025年目标)
_YEAR_OF_DOCUMENTS = re.compile(
    # (or issued then: 2025年发布的政府工作报告; or of either year: 2024、2025年政府工作报告)
    r"(?P<years>(?:20\d\d年?(?:、|和|或|及|/|与))*20\d\d)年(?:度)?(?:(?:发布|印发|出台|公布|发)(?:的)?|的)?"
    r"(?=[\u4e00-\u9fff]{0,6}?(?:报告|规划|要点|方案))"
)


# a level said with the levels that rank with it in brackets, as official documents write it:
# 市（州）, 县（市、区）
_LEVEL_REMARK = re.compile(r"(?<=[市区县省])[（(][市州区县盟旗、]+[)）]")
# a bracket that says again what stands before it, in other words or another unit: 超过1000万吨
# （即200亿斤）, 研发投入强度（也就是研发经费占GDP比重）
# a bracket restating what stands before it (（即200亿斤）), or saying that a bound's own figure
# counts (10%以上（含10%）: 以上 says so already)
_RESTATING = re.compile(
    r"[（(](?:(?:即|也就是|也即|亦即|约合|折合|相当于)[^（）()]{1,24}|(?:含|包含|包括)(?:本数|[^（）()]{0,8}\d[^（）()]{0,4})?)[)）]"
)


# a bracket after the documents asked that says which are not (哪些通知（不是规划）): the kind
# asked says so already
_NOT_THOSE = re.compile(
    r"(?<=通知|规划|报告|文件|意见|方案|要点)[（(](?:不是|不含|非|不包括|而非)[^（）()]{1,10}[)）]"
)


# a bracket after the places asked saying which it includes (重庆这几个区（含重庆高新区）): the
# places asked hold them already
_INCLUDED = re.compile(r"(?<=[区县市省州盟方])[（(](?:含|包括|包含)[^（）()\d]{2,12}[)）]")


def without_level_remarks(text: str) -> str:
    """The question without remarks in brackets: the levels bracketed after a level
    (2024年的市（州）政府工作报告 asks the cities' reports), and a restatement of what stands
    before (粮食产量目标超过1000万吨（即200亿斤）asks beyond 1000万吨), or says a bound's own
    figure counts (10%以上（含10%）), or which documents are not asked (哪些通知（不是规划）), or
    which places the places asked include (这几个区（含重庆高新区）)."""
    return _INCLUDED.sub("", _NOT_THOSE.sub("", _RESTATING.sub("", _LEVEL_REMARK.sub("", text))))


def without_year_of_documents(text: str) -> tuple[str, tuple[str, ...]]:
    """The question without the years of the documents it asks of, and those years (2024年的
    政府工作报告里，哪些提到新质生产力 → 政府工作报告里…, ("2024",))."""
    m = _YEAR_OF_DOCUMENTS.search(text)
    if m is None:
        return text, ()
    return text[: m.start()] + text[m.end() :], tuple(re.findall(r"20\d\d", m["years"]))


# documents set aside: 除了政府工作报告，还有哪些文件讲了垃圾分类 (the other documents)
_DOCUMENTS_EXCEPT = re.compile(
    rf"除了?(?P<kinds>{_DOCUMENTS_ASKED}(?:{_JOINED}{_DOCUMENTS_ASKED})*)(?:之外|以外|外)?[，,]?"
    r"(?:还|另外|其他|其余)?(?:有)?(?=哪|谁)"
)


def without_documents_set_aside(text: str) -> tuple[str, tuple[str, ...]]:
    """The question without the kinds of document it sets aside, and those kinds (除了政府工作
    报告，还有哪些文件讲了垃圾分类 → 有哪些文件讲了垃圾分类, ("work_report",)); a bare 文件 is
    no kind."""
    m = _DOCUMENTS_EXCEPT.search(text)
    kinds = tuple(dict.fromkeys(k for w, k in DOCUMENT_KINDS if m and w in m["kinds"]))
    if not kinds:
        return text, ()
    return text[: m.start()] + "有" + text[m.end() :], kinds


def year_of(document: object) -> str | None:
    """The year a document is of: its title's (德阳市2024年政府工作报告), else its date's."""
    said = re.search(r"(20\d\d)年", getattr(document, "title", "") or "")
    date = getattr(document, "date", None)
    return said.group(1) if said else (date[:4] if date else None)


# quote marks, which a documents' name may hold (科技“十四五”规划, 哪些地方的“十四五”规划)
_QUOTES = str.maketrans("", "", '“”「」"')


# the documents named first, then which: 工作要点里提到…的是哪个区
# (and their kind: 在科技创新规划这类文件中，哪些…; 在科技创新“十四五”规划这类规划文件里，…;
# 工作要点类的文件里，有没有…; 规划和工作要点这类科技文件里)
# (and who issued them, or how: 区政府下发的通知里, 以通知形式发的文件里)
_DOCUMENTS_FIRST = (
    # (each place's: 各地“十四五”科技创新规划里)
    r"^(?:在|从)?(?:各(?:个)?(?:地方|地区|地|区县|区|城市|市|省份|省)(?!的))?"
    rf"(?:[\u4e00-\u9fff“”0-9]{{1,12}}的)?{_DOCUMENTS_ASKED}(?:{_JOINED}{_DOCUMENTS_ASKED})*"
    r"[”」\"]?(?:(?:(?:这|此|那)(?:类|种|些)|一?类|类型)(?:的)?"  # (“工作要点”类文件里)
    # (of a field: 规划和工作要点这类科技文件里)
    r"(?:[\u4e00-\u9fff]{0,4}?(?:规划|报告|要点|方案|通知|文件)(?:文件)?)?)?"
    # (or a part of them: 科技创新规划的指标表里)
    r"[”」\"]?(?:的[\u4e00-\u9fff]{1,6}?)?(?:里|中|当中|里面)(?=.*(?:哪|谁|有没有|是否|吗))"
    # (or looked at alone: 只看政府工作报告，哪些…; 只看科技规划类文件，…)
    rf"|^(?:只|仅|光|单)?看{_DOCUMENTS_ASKED}(?:(?:这|此|那)?[类种](?:的)?(?:文件)?)?(?=[，,：:])"
    # (or the subject of what is said: 政府工作报告提到了高标准农田，但…的是哪些地方)
    rf"|^{_DOCUMENTS_ASKED}(?=(?:都|也)?(?:提到|提及|提出|写到|写了|写进|谈到|说到|部署)了?)"
)

# …unless what they are said to hold is the topic: 提到氢能的规划里，哪些设了目标
_SAID_OF_THEM = re.compile(r"提|涉及|写|讲|谈|说|有")


def without_documents_first(text: str) -> str:
    """The question without the documents it names first (在科技创新规划这类文件中，哪些地方提到
    了科普基地 -> 哪些地方提到了科普基地): their kind is `documents_asked`', no part of the topic."""
    m = re.match(_DOCUMENTS_FIRST, text.translate(_QUOTES))
    said = m.group(0) if m else ""
    if not said or _SAID_OF_THEM.search(said):  # (提到氢能的规划里: the topic is said there)
        return text
    cut = next(i for i in range(len(text) + 1) if text[:i].translate(_QUOTES) == said)
    rest = text[cut:].lstrip("，, ")
    # (unless they are the group asked: 几个区的科技规划里，哪些写进了…)
    return rest if place_question(rest) or not place_question(text) else text


# where a question names the documents it asks which of (哪些报告, 三份政府工作报告里，哪些…)
_ANY_LEVEL = re.compile(
    # (of places of any level, or said where they say it: 哪些城市的工作要点里, 谁在政府工作报告里;
    # a bare 报告, 规划 or 文件 users say of any document: 哪些区的规划 counts 合川's work points)
    rf"(?:谁家?|哪(?:些|个|几个|家)[\u4e00-\u9fff]{{0,6}}?)(?:都|也|还)?(?:没有|没|未)?(?:的|在)?"
    # (a plan named by its period is no bare 规划: 哪些区的“十四五”科技创新规划)
    r"(?:(?![在里中的这那几份个])[\u4e00-\u9fff“”]){0,10}?(?:工作报告|要点|方案|通知|公报"
    r"|[十一二三四五]{2,3}五[\u4e00-\u9fff]{0,6}?规划)"
    r"(?=里|中|当中|里面|提|写|讲|谈|说|涉及|出现|部署|有|设|定|没|未)|"
    # (and the kind of their documents, but for 报告 or 文件, which users say of any: 哪些地方的
    # 通知文件里…)
    r"哪(?:些|个|几个)(?:地方|地区)(?:的(?:[\u4e00-\u9fff]{0,6}?(?:政府工作报告|工作要点|规划|通知|公报))(?:文件)?"
    r"(?=里|中|当中|里面|提|写|讲|谈|说|涉及|出现|部署))?"
    r"|的(?:地方|地区)(?:都)?(?:有|是)哪"
    rf"|哪(?:些|几份|份|个){_DOCUMENTS_ASKED}(?:{_JOINED}{_DOCUMENTS_ASKED})*"
    rf"|{_DOCUMENTS_FIRST}|{_AMONG_DOCUMENTS}|{_WRITTEN_INTO}"
)


def documents_asked(text: str) -> tuple[str, ...]:
    """The kinds of document a question asks which of (哪些报告…, 三份政府工作报告里，哪些…:
    work reports; 哪几份规划: plans), () when it asks places or any document."""
    # (a field bracketed inside their name: “十四五”（科技创新）规划; or which of them, after it:
    # 政府工作报告（2024年市级、2025年省级）里, 只看政府工作报告（…）：)
    text = re.sub(
        r"[（(][^（）()]{1,10}[)）](?=[\u4e00-\u9fff]{0,4}(?:规划|报告|要点|方案))"
        r"|(?<=规划|报告|要点|方案|通知|文件)[（(][^（）()]{1,16}[)）](?=里|中|当中|里面|[：:，,])",
        "",
        text.translate(_QUOTES),  # (a quote in their name: 哪些地方的“十四五”规划写到了…)
    )
    m = _ANY_LEVEL.search(without_negation(text)[0])
    # (a kind in a bracket is a remark on them: 规划（不算工作要点）)
    said = re.sub(r"[（(][^（）()]*[）)]", "", m.group(0)) if m else ""
    # each kind named, in the order said (哪些科技规划或工作要点: plans and work points)
    kinds = sorted((said.find(word), kind) for word, kind in DOCUMENT_KINDS if word in said)
    return tuple(dict.fromkeys(kind for _, kind in kinds))


# the words naming a kind of document, and the kind (corpus.model.Document.doc_type)
DOCUMENT_KINDS = (
    ("报告", "work_report"),
    ("规划", "plan"),
    ("要点", "work_points"),
    ("方案", "action_plan"),
    ("通知", "notice"),
    ("公报", "gazette"),  # (qa.filters.document_kinds)
)
