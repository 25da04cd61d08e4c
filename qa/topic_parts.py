"""Which part of a "which places…" question holds its topic: the words before the places asked
or those after them (低空经济，哪些地方提到了 / 哪些地方提到了低空经济), and the aspect the other
part may say; a topic the corpus does not hold read as the part of it that it does; two
things a place must both do (既A又B), and what else the user counts as the topic (…也算)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from corpus.errors import UserError
from qa.asked_topic import words_asked_about
from qa.attested import Corpus, asks_only, attested_topic, function_flag
from qa.measures import ASPECT_SAID
from qa.place_questions import place_question, places_only
from qa.term_matcher import is_act
from qa.topic_alternatives import MEASURE_WORDS, is_verb, tagged
from qa.topic_words import no_topic, strip_before, strip_topic

if TYPE_CHECKING:
    from qa.topics import Topic

# a field said before the question (基层矛盾化解方面，哪些地方…)
_FIELD_FIRST = re.compile(r"(?:方面|领域|这块|这一块|问题上|工作上)[，,：:]\s*$")
# states of the topic said to count, in a closing bracket: （已建成运营的、要布局建设的都算）
# (or anything, after words that name no topic: 出现了（推进建设、前期工作、争取核准开工都算）)
_COUNTED = re.compile(r"[（(](?P<what>[^（）()]+)(?:都|也|均)(?:算|可以|可)[)）]$")
_STATES = re.compile(r"(?:[^、，,]+的[、，,或和]?)+")
# a request said as a sentence after the question's (…多少？请列出给了…的地方)
_REQUEST_AFTER = re.compile(
    r"(?<=.{2})[？?。！!]\s*(?:请)?(?:列出|列举|说出|指出|找出)[^？?。！!]*$"
)
# the first clause of the question, up to a comma, a colon or a dash (省级层面，…)
_LEADING_CLAUSE = re.compile(r"^(?P<clause>[^，,：:—]{2,16})(?:[，,：:]|——)(?=.{2})")


def names_a_thing(topic: str) -> bool:
    """Whether `topic` holds a word that is no act nor a function word (枫桥经验; not 实现 of
    已经实现的数据, nor 组建或培育)."""
    return any(not (is_verb(flag) or function_flag(word, flag)) for word, flag in tagged(topic))


# what a figure of a topic measures or counts: a contrast naming only these and acts names no
# topic of its own (却没给出新建（改造）面积目标, 但没给任何装机规模或机组数字)
_COUNTED_BY = frozenset(
    [
        *("面积", "里程", "产量", "产值", "产能", "比例", "装机", "机组"),
        *("容量", "人次", "人数", "套数"),
    ]
    + ["户数", "个数", "亩数"]
)
_MEASURE_WORD = re.compile(
    f"(?:{'|'.join(sorted(MEASURE_WORDS | _COUNTED_BY, key=len, reverse=True))}|数值|数字|目标|指标)$"
)


def measures_only(part: str) -> bool:
    """Whether each of the alternatives `part` names is a measure, an act or an act's measure
    (新建（改造）, 具体的强度, 任何装机规模或机组, 新建或改造面积目标), no thing."""
    bare = re.sub(r"^(?:任何|具体|明确)(?:的)?", "", part)
    if part and not bare:
        return True  # (没有给任何数值目标: 任何 alone, of the measures said after it)
    part = re.sub(r"(?:等等|等|之类|这类)(?:的)?$", "", bare)  # (占比或面积等: the list closed)
    alternatives = [a for a in re.split(r"[（）()、/]|或者|或|和|及", part) if a]
    for alternative in alternatives:
        while (shorter := _MEASURE_WORD.sub("", alternative)) != alternative:
            alternative = shorter
        # (acts as the field's words name them: 新建, 改造; not any verb jieba tags, 抽水蓄能)
        if any(not (is_act(w) or function_flag(w, f)) for w, f in tagged(alternative)):
            return False
    return bool(alternatives)


def closed(topic: str) -> str:
    """The topic with the bracket that stripping its punctuation opened closed again."""
    for opening, closing in (("（", "）"), ("(", ")")):
        if topic.count(opening) > topic.count(closing):
            topic += closing
    return topic


def attested(topic: str, corpus: Corpus | None) -> str:
    return closed(attested_topic(topic, corpus)) if corpus and topic else topic


def unquoted_topic(
    text: str, quoted: list[str], corpus: Corpus | None = None
) -> tuple[str, str | None]:
    m = place_question(text)
    if not m:
        topic, aspect = strip_topic(text)
        return attested(words_asked_about(topic), corpus), aspect
    # a sentence after the question is a remark on what counts (…各地是多少？给了数字的都算)
    after = re.split(r"[？?！!。]", text[m.end() :])[0].removesuffix("的")  # (有没有…定目标的)
    counted = _COUNTED.search(after)  # (（已建成运营的、要布局建设的都算）: no topic)
    if counted and (_STATES.fullmatch(counted["what"]) or no_topic(after[: counted.start()])):
        after = after[: counted.start()]
    # (a clause saying only where or when the question looks is no part of the topic: 省级层面，
    # 去年接待游客多少人次——哪些报告…)
    before = _LEADING_CLAUSE.sub(lambda c: "" if no_topic(c["clause"]) else c[0], text[: m.start()])
    # (a request after the question's sentence asks of its topic: …定了多少万亩目标？列出给了具体
    # 面积的地方)
    before = _REQUEST_AFTER.sub("", before)
    if m.group("named"):  # the places named are no topic; what is said before them may be
        before = before.rstrip("在")  # (乡村振兴在綦江、合川里，谁提到了)
    # what stands before the question may be the places it asks among (大渡口和合川哪个…); what
    # follows it is the topic even when a place shares its name (牡丹, 牡丹区)
    before_topic = strip_topic(strip_before(before))
    candidates = [strip_topic(after)]
    # (one name is no group asked among: 温泉，哪些地方在文旅里提到了)
    one_name = re.fullmatch(r"[\u4e00-\u9fff]{2,6}", before_topic[0]) and not re.search(
        r"[和与及跟]", before_topic[0]
    )
    if not places_only(before_topic[0]) or one_name:
        candidates.append(before_topic)
    candidates = [
        (attested(words_asked_about(t), corpus), a) for t, a in candidates if not no_topic(t)
    ]
    # a part the documents say before one they do not (低空经济最近很火，…要发展低空经济), then the longer
    said = (lambda t: corpus.matches(t) and not asks_only(t)) if corpus else (lambda _: False)
    # a field said first is where the topic after the question belongs, when that names a
    # thing the documents say (基层矛盾化解方面，哪些地方提到枫桥经验: 枫桥经验)
    if _FIELD_FIRST.search(before) and len(candidates) == 2:
        after_topic = candidates[0][0]
        if names_a_thing(after_topic) and said(after_topic):
            candidates = candidates[:1]
    # what is done to by the places, said before them, is the topic; what follows says where
    # it went (固态电池被哪些地方写进了产业布局, 低空经济被哪些城市列为重点产业)
    # (so too what they wrote a thing said first into: 钠离子电池，有哪些地方写进了产业布局)
    into = re.search(r"被\s*$", before) or re.match(
        r"(?:都|也)?(?:写进|写入|列入|列进|纳入|列为)", after
    )
    passive = into and len(candidates) == 2 and candidates[1][0]
    # (of two the documents say, acts alone name nothing done: 创新联合体，哪些地方提到要组建或
    # 培育 asks 创新联合体)
    best = (
        candidates[1]
        if passive
        else max(
            candidates,
            key=lambda c: (said(c[0]), names_a_thing(c[0]), len(c[0])),
            default=("", None),
        )
    )
    if not best[0] and not quoted:
        raise UserError("no_topic", text=text)
    # the aspect may be said in the part that holds no topic (去年粮食总产量，哪些地方给了具体数)
    # (not in a bracket after the topic, of what counts: 数据要素（数据要素试验区之类）)
    head = best[0] if best[0] in text else re.split(r"[（(]", best[0])[0]
    said_as = re.escape(head) + r"(?:[（(][^（）()]*[)）])?"
    rest = re.sub(said_as, "", text, count=1) if best[0] else text
    aspect = best[1] or next(
        (c[1] for c in candidates if c[1]),
        next((a for a, said in ASPECT_SAID if said.search(rest)), None),
    )
    return best[0], aspect


# a topic led by what is to be raised or cut: an aim, which a figure done is not
_AIM_LED = re.compile(
    r"(?:要|将)?(?:持续|不断|进一步|稳步)?(?:提高|提升|加大|增加|扩大|降低|减少|压降"
    r"|降(?![本费税碳息价准]))(?=..)"  # (降PM2.5; not 降本增效, a deed of its own)
)
# …or said after it, the way it is to go (PM2.5要继续下降; not 地区生产总值增长, a topic)
_AIM_AFTER = re.compile(
    r"(?<=..)(?:(?:要|将)(?:继续|持续|不断|进一步|稳步)?|继续|持续|不断|进一步|稳步)"
    r"(?:下降|降低|减少|提高|提升|增长|增加|改善)$"
)


def aimed_in_words(met: Topic, lacking: Topic, planned: bool = False) -> tuple[Topic, Topic]:
    """A topic said with the way it is to go, and the figure it lacks: a target in words and
    the lack its target's (要提高研发投入强度、但没给数值目标; PM2.5要继续下降、但没给降幅); one
    `planned` for the year ahead (今年的工作安排里提到…, 却没定数量) is met there, in words."""
    led = _AIM_LED.match(met.text)
    after = _AIM_AFTER.search(met.text) if met.aspect is None else None
    if lacking.aspect == "target" and met.aspect is None and led:
        met = replace(met, text=met.text[led.end() :], aspect="target")
        return met, replace(lacking, text=met.text)
    if after and lacking.text == met.text:
        met = replace(met, text=met.text[: after.start()], aspect="target")
        return met, replace(lacking, text=met.text, aspect="target")
    if planned and met.aspect is None and lacking.text == met.text:
        return replace(met, aspect="target"), lacking
    return met, lacking


# two things a place must both do: 既提到氢能又提到低空经济的, A和B都提到的, 同时提到A与B的
_BOTH = re.compile(
    r"既(?P<a>[^，,。？?]+?)[，,、]?又(?P<b>[^，,。？?]+?)(?:的[，,]?(?:地方|城市|省份|区县|有|是)|$)"
    r"|^(?P<a2>[^，,。？?和哪谁]+?)(?:和|与|及|、)(?P<b2>[^，,。？?哪谁]+?)(?:是不是|是否)?都"
    r"(?=提|有|在|写|讲|说|出现)"
    r"|同时(?:提到|提及|提了|涉及|写了|写到|有)(?P<a3>[^，,。？?和哪谁]+?)(?:和|与|及|、)(?P<b3>[^，,。？?哪谁]+?)(?=的|[，,]|$)"
    # (or the other said after the first, also: 锂电池之外，还提到了钠离子电池的; 提了瞪羚企业、同时
    # 也提了独角兽企业的)
    r"|^(?:除了?)?(?P<a4>[^，,。？?哪谁]+?)(?:之外|以外)?[，,、](?:同时|还|也)(?:也|还)?"
    r"(?:提到|提及|提了|提出|涉及|写了|写到)(?:了)?(?P<b4>[^，,。？?哪谁]+?)(?=的|[，,]|$)"
)


def both_said(text: str) -> list[str] | None:
    """The two things a place must both do (see _BOTH), None when the question asks no two."""
    m = _BOTH.search(text)
    if m is None:
        return None
    said = [
        next(g for k in ("a", "a2", "a3", "a4") if (g := m[k])),
        next(g for k in ("b", "b2", "b3", "b4") if (g := m[k])),
    ]
    return None if any(no_topic(t) for t in said) else said


# what else counts, said after the question or as an example of the topic: …布局氢能？制氢、加氢、
# 氢燃料电池这些都算; （河湖长制也算）; “青年发展友好型城市”的说法也算; 比如青年发展型城市
_COUNTS_TOO = re.compile(
    r"(?<=[？?！!。，,])\s*[（(]?(?P<what>[^？?！!。，,；;（）()]{2,40}?)(?:这些|这类|之类|等)?(?:的)?"
    r"(?:(?:这种|这个|这类|这样的)?(?:说法|提法|表述|写法|叫法|用语)(?:的)?)?(?:都|也)(?:算|可以|行)[。！!]?[)）]?$"
)
# …and how it is written, said before it (写成“一老”“一小”也算, 叫交易额的也算)
_NAMED_AS = re.compile(r"^(?:写成|写作|写|叫做|叫|称为|称作|说成|口径为|表述为)")
_EXAMPLE = re.compile(r"[，,]\s*(?:比如|例如|譬如)(?:说)?(?P<what>[^？?！!。，,；;]{2,30})")


def also_counted(text: str) -> tuple[str, list[str]] | None:
    """(the question without it, the words) of what else counts as the topic, said after the
    question (…制氢、加氢这些都算, 写成“一老”也算) or as an example (…，比如…); None."""
    m = _COUNTS_TOO.search(text) or _EXAMPLE.search(text)
    if m is None:
        return None
    said = re.split(
        r"或者|[、和及或]|”“", m["what"]
    )  # (a name quoted: the name, whatever is around)
    words = [q[1] if (q := re.search("“([^“”]+)”", w)) else _NAMED_AS.sub("", w) for w in said]
    words = [w.strip("“”\"'‘’《》（）() ") for w in words]
    return text[: m.start()] + text[m.end() :], [w for w in words if w]


def heads_said_otherwise(topic: str, words: list[str]) -> bool:
    """Whether what else counts is the head of `topic` said otherwise (技术合同成交额…（叫交易额、
    认定登记额的也算）: short words ending as it does, none opening as it does), read as a bracket
    after it (技术合同成交额（或交易额）: 技术合同交易额), no thing of their own."""
    return bool(words) and all(
        w[-1] == topic[-1] and w[:2] != topic[:2] and len(w) <= min(5, len(topic) - 2)
        for w in words
    )
