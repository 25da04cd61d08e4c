"""Reading a "which places…" question: whether it is one, the level of places it asks about
(哪些城市 → city, 哪些区县 → county, 哪些地方 → each document's own place), and its topic
("哪些区的规划提到了氢能？" → 氢能)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from corpus.errors import UserError

# what a place's documents are called in a question: 哪些地方的材料里给出了…
_DOCUMENT_WORDS = "规划|文件|报告|政府|材料|资料|文本|政策|计划"
# how a question says a place set a target: 哪些地方设定了…的目标
_SETTING = "设定|设置|设立|设了|定了|制定|确定|明确|规定"
# the documents asked for by kind: 哪些报告, 哪几份规划
_DOCUMENTS_ASKED = r"(?:政府工作报告|工作报告|报告|规划|文件)"
# 区 must not start a longer word: "哪些区域创新平台", "哪些区块链企业" ask about things
_PLACE = (
    r"(?:区县|区\(县\)|区（县）|地区|行政区|城市|地市|市州|省份|省区|省(?![级内外钱心])"
    # 哪些地方 asks for places only when it asks what they mention (not 跟哪些地方合作)
    rf"|地方(?=(?:的|在)?(?:{_DOCUMENT_WORDS})?(?:中|里)?(?:都|也)?(?:提到|提及|提出|提(?=了)|涉及|谈到|说到|有|给|列出|公布|写|{_SETTING}"
    r"|在(?:搞|做|抓|推|建|布局|发展)|要|把|将))"
    # 哪些报告提到…: the documents, each standing for its own place
    rf"|{_DOCUMENTS_ASKED}(?=(?:中|里)?(?:都|也)?(?:提到|提及|提出|涉及|谈到|说到|给出|列出|写|{_SETTING}))"
    r"|市(?![场民级内外值])|区(?![域块间位内外级划])|县(?![城域级]))"
)
# the level a question asks about: 哪些城市 → city, 哪些省 → province, 哪些区县 → county
_LEVEL_WORDS = (
    ("province", ("省份", "省区", "省")),
    ("city", ("城市", "地市", "市州", "市")),
    ("county", ("区县", "区(县)", "区（县）", "行政区", "区", "县")),
)
# places of several levels asked at once: 哪些城市或省区, 哪些市和省
_JOINED = r"(?:或者|或|和|及|与|、|/)"
_WHICH = (
    rf"(?:有哪些|有哪几个|有几个|是哪些|是哪个|哪些|哪个|哪几个|哪一个|哪几份|哪份|哪几){_PLACE}"
    rf"(?:{_JOINED}{_PLACE})*"
)
# the places named after the topic: 把抽水蓄能写进报告的城市有哪些
_WHICH_AFTER = (
    r"的(?:城市|区县|地市|市州|省份|地方|地区|区|县|市|省)(?:都)?(?:有|是)(?:哪些|哪几个|哪个)"
)
# the places named as a group, then who among them: 这几个区的规划里，谁提到了5G
_AMONG = (
    rf"(?:(?:这|那|各|所有|全部)(?:些|几个|[两三四五六七八九十\d]+个)?|[两三四五六七八九十\d]+个)(?P<among>{_PLACE})"
    r"[^，,。？?；;]{0,12}?[，,]?(?:里|中|当中|里面)?(?:有)?(?:谁|哪个|哪一个|哪几个|哪些|哪家)"
    r"(?=(?:都|也|还)?(?:有|在)?(?:规划|文件|报告)?(?:中|里)?(?:提到|提及|涉及|写|说|谈|提出|部署|布局|关注|定|设|明确"
    r"|给|把|将|列))"
)
# the level of the documents named as a group: 四份市级报告
_LEVEL_OF_DOCUMENTS = r"(?:市|省|区县|区|县)级"
# documents named as a group, then which of them: 三份政府工作报告里，哪些把CPI列进了目标
_AMONG_DOCUMENTS = (
    rf"(?:这|那|各|所有|全部)?(?:些|几|[两三四五六七八九十\d]+)?(?:份|个|篇)?(?:{_LEVEL_OF_DOCUMENTS})?"
    rf"{_DOCUMENTS_ASKED}"
    r"(?:里|中|当中|里面)[，,]?(?:有)?(?:哪些|哪几份|哪几个|哪份|哪个|谁)"
    r"(?=(?:都|也|还)?(?:把|将|提到|提及|涉及|写|说|谈|提出|部署|布局|关注|定|设|明确|给|列))"
)
# places named one by one, then which of them: 吉安、抚州、巴中里，哪个提到了抽水蓄能
_AMONG_NAMED = (
    r"[\u4e00-\u9fff]{2,6}(?:[、和与及][\u4e00-\u9fff]{2,6})+"
    rf"(?:这|那)?(?:几个|[两三四五六七八九十]个)?(?:{_PLACE})?(?:里|中|当中|之中)[，,]?(?:有)?(?:哪个|哪些|哪几个|谁)"
    r"(?=(?:都|也|还)?(?:提到|提及|提了|涉及|写|说|谈|提出|部署|布局|关注|定|设|明确|给|有|在|要))"
)
# the documents or places a topic was written into: 零基预算改革写进了哪些报告
_WRITTEN_INTO = (
    r"(?:写进|写入|写到|列入|纳入|列进)了?(?:哪些|哪几份|哪几个|哪个|哪份)"
    rf"(?:{_DOCUMENTS_ASKED}|城市|地方|省份|省|区县|区)"
)
_DISTRICT_QUESTION = re.compile(
    rf"{_AMONG}|{_AMONG_DOCUMENTS}|{_AMONG_NAMED}|{_WRITTEN_INTO}|{_WHICH}|{_WHICH_AFTER}"
)
_LEAD = re.compile(
    # 中 after a document's name only: 中试基地 is a topic of its own
    rf"^(?:的)?(?:(?:{_DOCUMENT_WORDS})(?:中|里|里面|当中)?)?(?:都|也|还|均)?"
    r"(?:有)?(?:提到|提及|谈到|说到|涉及|提出|部署|布局|包含|包括|关注|重视|支持|写到|写了|给出|列出|公布"
    rf"|{_SETTING}|有)?"
    r"(?:了|过)?(?:要)?(?:关于)?"
)
# a verb before the topic, not one of several joined before it (培育或引进高企)
_ACTION = re.compile(
    r"^(?:建设|发展|打造|推进|推动|开展|加强|培育|建立|实施|布局)(?=[^或和及与、].)"
)
_TAIL = re.compile(
    r"(?:的)?(?:相关)?(?:内容|方面|工作|规划|问题|事项)?(?:最高|最多|最大|最强|最好)?"
    r"(?:这块|这一块|这方面|这一方面)?(?:吗|呢|么)?$"
)
_ONLY_VERB = re.compile(
    r"^(?:的)?(?:规划|文件)?(?:中|里)?(?:被)?(?:出现|提到|提及|涉及|谈到|说到)?(?:过|了)?$"
)
_PUNCT = "？?！!。，,、；;：:“”\"'‘’《》（）() "
# the year a topic is asked of is no part of it: 今年城镇新增就业目标 is 城镇新增就业's
_PERIOD = re.compile(
    r"^(?:今年|明年|去年|当年|本年度?|近年来|近几年|(?:19|20)\d\d年)(?:的)?(?=.{3})"
)


_QUOTED = re.compile(r"[“「『\"]([^”」』\"]{2,30})[”」』\"]")


_ANY_LEVEL = re.compile(
    rf"哪(?:些|个|几个)(?:地方|地区)|的(?:地方|地区)(?:都)?(?:有|是)哪|哪(?:些|几份|份|个){_DOCUMENTS_ASKED}"
    rf"|{_AMONG_DOCUMENTS}|{_WRITTEN_INTO}"
)


def documents_asked(text: str) -> tuple[str, ...]:
    """The kinds of document a question asks which of (哪些报告…, 三份政府工作报告里，哪些…:
    work reports; 哪几份规划: plans), () when it asks places or any document."""
    m = _ANY_LEVEL.search(text)
    said = m.group(0) if m else ""
    if "报告" in said:
        return ("work_report",)
    if "规划" in said:
        return ("plan",)
    return ()


def question_level(text: str) -> str | None:
    """The level of places a "which places…" question asks about, or None (哪些地区, or
    places of several levels: 哪些城市或省区)."""
    levels = question_levels(text)
    return levels[0] if len(levels) == 1 else None


def question_levels(text: str) -> tuple[str, ...]:
    """Every level of places a "which places…" question asks about, in its order: 哪些城市或
    省区 -> city, province; none for 哪些地区 (any level)."""
    text, _ = without_negation(text)
    m = _DISTRICT_QUESTION.search(text)
    if not m:
        return ()
    asked = m.group("among") or re.sub(r"(?:都)?(?:有|是)(?:哪些|哪几个|哪个)$", "", m.group(0))
    of_documents = re.search(rf"({_LEVEL_OF_DOCUMENTS}){_DOCUMENTS_ASKED}", m.group(0))
    if of_documents:  # 四份市级报告里，哪些…: the cities' reports
        asked = of_documents.group(1)[:-1]
    levels: list[str] = []
    for word in re.split(_JOINED, asked):
        if word.endswith("地区"):  # any level
            return ()
        level = next(
            (lv for lv, words in _LEVEL_WORDS if any(word.endswith(w) for w in words)), None
        )
        if level and level not in levels:
            levels.append(level)
    return tuple(levels)


# a place asked as the object of what a document says ("联合哪个城市申建…", "与哪些城市合作")
# is a fact of that document, not a question of which places mention something
_OBJECT_OF = re.compile(r"(?:联合|与|和|同|跟|向|到|去|对口|结对|帮扶|援助|来自|支援)了?$")


def is_district_question(text: str) -> bool:
    """True for questions that ask which districts do something ("哪些区的规划提到了氢能？"),
    or did not (哪些区没有提到氢能)."""
    text, _ = without_negation(text)
    m = _DISTRICT_QUESTION.search(text)
    return m is not None and not _OBJECT_OF.search(text[: m.start()])


@dataclass(frozen=True)
class Topic:
    """What a "which places…" question asks about: the topic, and the aspect the places'
    evidence must state (target: 哪些区设定了高新技术企业数量目标 asks for a target, not any
    mention of 高新技术企业), or None."""

    text: str
    aspect: str | None = None
    quoted: bool = False  # the user marked the topic (“千万工程”): it is met only in its words
    negated: bool = False  # the places that did not (谁没给…定增长目标) are asked for
    # a bound the target must pass (目标超过3万人: 30000.0), None for any target, and how the
    # user said it (超过3万人)
    above: float | None = None
    bound: str | None = None


@cache
def _frames() -> tuple[tuple[re.Pattern[str], str | None], ...]:
    """The frame patterns of qa/data/topic_frames.json, compiled: (pattern, aspect)."""
    raw = resources.files("qa").joinpath("data", "topic_frames.json").read_text("utf-8")
    data = json.loads(raw)
    macros = data["macros"]

    def compile_frame(frame: str) -> re.Pattern[str]:
        for name, body in macros.items():
            frame = frame.replace("{" + name + "}", body)
        return re.compile(frame.replace("{X}", "(?P<X>.+?)"))

    frames = [(compile_frame(f["frame"]), None) for f in data["frames"]]
    frames += [(compile_frame(a["frame"]), a["aspect"]) for a in data["aspects"]]
    return tuple(frames)


@cache
def aspect_evidence(aspect: str | None) -> re.Pattern[str] | None:
    """The pattern an evidence sentence must match for `aspect` (None: any sentence)."""
    if aspect is None:
        return None
    raw = resources.files("qa").joinpath("data", "topic_frames.json").read_text("utf-8")
    for entry in json.loads(raw)["aspects"]:
        if entry["aspect"] == aspect and "evidence" in entry:
            return re.compile(entry["evidence"])
    return None


def extract_topic(text: str) -> str:
    """The topic of a bare topic or a "which districts…" question: the question phrase, the
    frame around the topic (把…写进了报告, 提出建设…, 在规划中提到…) and trailing particles
    removed."""
    return read_topic(text).text


# a bound a target must pass, said after it: 城镇新增就业目标超过3万人的城市
_ABOVE = re.compile(
    r"(?:的)?(?:目标|指标)(?:值)?(?:超过|高于|大于|多于|不低于|不少于|在)"
    r"(?P<n>\d+(?:\.\d+)?)\s*(?P<scale>万|亿)?[\u4e00-\u9fff%％]{0,2}?(?:以上)?(?=的|$|[，,？?])"
)
_SCALE = {"万": 1e4, "亿": 1e8}


def figures_in(text: str) -> list[float]:
    """The figures `text` states, scaled (3.5万 → 35000), years and table years left out."""
    found = []
    for m in re.finditer(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(万|亿)?(?!\s*[年:：\d])", text):
        if re.fullmatch(r"(?:19|20)\d\d", m.group(1)):
            continue
        found.append(float(m.group(1)) * _SCALE.get(m.group(2) or "", 1.0))
    return found


# a place that did not: 谁没给规上工业增加值定增长目标, 哪些区没有提到氢能
_NEGATED = re.compile(
    r"(?:没有|没|未|并未|不曾)(?=(?:给|提|设|定|写|涉及|部署|明确|把|将|有|制定|确定|列|在))"
)


def without_negation(text: str) -> tuple[str, bool]:
    """The question without its negation, and whether it had one (asks for the places that
    did not)."""
    plain = _NEGATED.sub("", text, count=1)
    return plain, plain != text


def read_topic(text: str) -> Topic:
    """The topic and its aspect (see `Topic`); UserError for a question without a topic."""
    text, negated = without_negation(text.strip().strip(_PUNCT))
    if negated:
        return replace(read_topic(text), negated=True)
    bound = _ABOVE.search(text)
    if bound:  # 目标超过3万人: a target, of a figure above the bound
        n = float(bound["n"]) * _SCALE.get(bound["scale"] or "", 1.0)
        rest = read_topic(text[: bound.start()] + "目标" + text[bound.end() :])
        said = re.sub(r"^(?:的)?(?:目标|指标)(?:值)?", "", bound.group(0))
        return Topic(rest.text, "target", rest.quoted, above=n, bound=said)
    quoted = _QUOTED.findall(text)
    topic, aspect = _unquoted_topic(re.sub(_QUOTED, lambda m: m.group(1), text), quoted)
    if quoted:  # the user marked the topic: 哪些区的规划里有“专精特新”企业的目标？
        return Topic("、".join(q.strip() for q in quoted if q.strip()), aspect, quoted=True)
    return Topic(_closed(topic), aspect)


def _closed(topic: str) -> str:
    """The topic with the bracket that stripping its punctuation opened closed again."""
    for opening, closing in (("（", "）"), ("(", ")")):
        if topic.count(opening) > topic.count(closing):
            topic += closing
    return topic


def _unquoted_topic(text: str, quoted: list[str]) -> tuple[str, str | None]:
    m = _DISTRICT_QUESTION.search(text)
    if not m:
        return _strip_topic(text) or (text, None)
    before, after = text[: m.start()], text[m.end() :]
    if re.match(_AMONG_NAMED, m.group(0)):  # the places named first are no topic
        before = ""
    candidates = [_strip_topic(after), _strip_topic(_strip_before(before))]
    candidates = [c for c in candidates if not _ONLY_VERB.match(c[0]) and not _places_only(c[0])]
    best = max(candidates, key=lambda c: len(c[0]), default=("", None))
    if not best[0] and not quoted:
        raise UserError("no_topic", text=text)
    return best


def _places_only(text: str) -> bool:
    """Whether `text` only names places (綦江、合川、大渡口): the group a question asks among."""
    from corpus import places

    names = [n for n in re.split(r"[、和与及，,]", text) if n]
    return bool(names) and all(places.resolve(n) is not None for n in names)


def _strip_before(before: str) -> str:
    # "提到氢能的有" / "氢能在" / "规划中提到氢能的"
    before = re.sub(r"(?:的)?(?:规划|文件)?(?:中|里)?(?:是|有|在|被)?(?:都|也)?$", "", before)
    before = re.sub(r"(?:的)?(?:规划|文件)?(?:中|里)?(?:是|有|在|被)?(?:都|也)?$", "", before)
    return before


def _strip_topic(part: str) -> tuple[str, str | None]:
    """The topic inside a part of the question, and the aspect a frame around it named: the
    frames of qa/data/topic_frames.json, then the verbs and particles left around it."""
    part = part.strip(_PUNCT)
    aspect = None
    for _ in range(4):
        new = part
        for pattern, frame_aspect in _frames():
            m = pattern.fullmatch(new)
            if m and len(m.group("X").strip(_PUNCT)) >= 2:
                new = m.group("X").strip(_PUNCT)
                aspect = aspect or frame_aspect
                break
        new = _LEAD.sub("", new, count=1).strip(_PUNCT)
        new = _ACTION.sub("", new, count=1)
        new = re.sub(r"^(?:提到|提及|涉及|提出|谈到|有)(?:了|过)?", "", new)
        new = _PERIOD.sub("", new, count=1)
        new = _TAIL.sub("", new).strip(_PUNCT)
        new = re.sub(r"的$", "", new)
        if new == part:
            break
        part = new
    return part, aspect


# --- the finder ------------------------------------------------------------------------


def asks_inside_a_place(question: str, names: list[str], index: Any) -> bool:
    """Whether a "which place…" question names a place and asks for a smaller place inside
    it that the index holds no document of ("广西哪个城市获批…" over 广西's own report): a
    fact of that place's documents, not a question of which documents mention something."""
    from corpus import places
    from qa.filters import _LEVEL_RANK, normalize_level, places_within

    level = normalize_level(question_level(question))
    named = [p for n in names if (p := places.resolve(n)) is not None]
    if level is None or not named:
        return False
    below = all(_LEVEL_RANK[p.level] < _LEVEL_RANK[level] for p in named)
    return below and not places_within(list(names), level, index)
