"""The topic of a "which places…" question ("哪些区的规划提到了氢能？" → 氢能), the aspect its
places' evidence must state (a target, a figure, a bound on it) and whether the places that did
not are asked for; whether a question is one of these is qa.place_questions, and the words
around a topic that are no part of it are qa.topic_words, and which part of the question holds
it is qa.topic_parts."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from corpus.errors import UserError
from qa.asked_documents import without_documents_first
from qa.asking import plain_asking, without_negation
from qa.attested import Corpus, attested_name
from qa.bounds import Limit, find_bound, wording_of
from qa.measures import part_of_ratio
from qa.place_questions import _DISTRICT_QUESTION, _DOCUMENT_WORDS, place_question, places_only
from qa.quoted_topic import (
    QUOTED,
    acts_before_thing,
    designation_at,
    in_remark,
    offered_either,
    other_names_at,
    other_names_remarked,
    period_quoted,
    quoted_kind_as_either,
    quoted_names,
    quotes_apart,
    word_said_with,
)
from qa.set_aside import remark_set_apart, without_exception
from qa.topic_brackets import COUNTS_AS, ON_TARGET, bracket_parts, without_kinds_of_it
from qa.topic_frames import asks_year_behind, figure_asked, with_done_first, with_measure_given
from qa.topic_parts import (
    aimed_in_words,
    also_counted,
    attested,
    both_said,
    closed,
    heads_said_otherwise,
    measures_only,
    unquoted_topic,
)
from qa.topic_words import asks_wording, no_topic, strip_topic

# what follows a quote in the name of the documents asked (科技“十四五”规划给了…, not 部署了“十五五”
# 规划编制, nor “红色物业”出现在…报告里; nor a policy a quote names: 用好“两重”“两新”政策)
_IN_DOCUMENT_NAME = (
    # (a bracket of its field between: “十四五”（科技创新）规划; a kind said of them: 规划这类文件)
    rf"(?:[（(][^（）()]{{1,10}}[)）])?(?:(?![的在中里])[\u4e00-\u9fff]){{0,4}}"
    rf"(?:(?!政策)(?:{_DOCUMENT_WORDS})|要点|方案)(?:(?:这|那)?(?:类|些|种)(?:{_DOCUMENT_WORDS}))?"
    # (or a part of them: “十四五”科技创新规划的指标表里; or the end of a period: “十四五”末)
    r"(?:的[\u4e00-\u9fff]{1,4}?(?=中|里))?(?:中|里|给|提|写|有|把|对|为|设|定|[，,：:])|末|期末"
)
# a word too short to name a thing, said in place of a figure before its lack (老旧小区
# 改造今年只说“一批”、没给具体数量的; not 只写“与经济增长同步”, a wording asked)
_ONLY_WORDED = re.compile(
    r"(?:只|仅|光)(?:是)?(?:说|写|提)(?:了)?(?:“[^“”]{1,3}”|[\u4e00-\u9fff]{1,3})[、，,]"
    r"(?=(?:但|却|而)?(?:没|未))"
)
_COUNT_ONLY = re.compile(r"[一二三四五六七八九十两百\d]+[件个项条]")  # (a count quoted: “十件”)
# what counts as what is asked, bracketed after it (定在6%及以上的（“6%左右”也算）有哪些)
_COUNTS_AFTER = re.compile(rf"的[（(][^（）()]*(?:{COUNTS_AS})[^（）()]*[)）](?=.{{2}})")
# …and the intent and act said between a topic and its bound (高标准农田今年计划建30万亩以上), or
# that it is passed already (地区生产总值已超过2000亿元)
_ACT_BEFORE_BOUND = re.compile(
    r"(?:今年|明年|年内)?(?:计划|打算|准备|要|将|已经|已)?(?:新建|建设|建成|建|完成|改造|实现|新增)?$"
)

# a kind of the topic stressed after it, which the topic includes
_ESPECIALLY = re.compile(r"[，,](?:尤其|特别|重点)是[^，,。？?]{2,20}(?=[，,。？?]|$)")
# the words that make a bound a target's (目标超过3万人, 今年计划建30万亩及以上)
_AIMED = re.compile(r"目标|指标|计划|力争|争取|今年|明年|预期|预计|将|要|定|规划|控制在")
# one thing a place does and another it does not: 提到抽水蓄能、但没提海上风电的是哪些地方
_BUT_NOT = re.compile(
    # (or a comma after a topic said only: 只提了数字经济，没提人工智能)
    r"(?:[，,、]?\s*(?:但(?:是)?|却|而|可是|不过)"
    # (or a lack right after what alone was said: 只写了定性要求没给数字)
    r"|(?<=要求|表述|提法|说法|描述)(?=(?:没有|没|未)(?:提|写|给|报|定|设))"
    r"|(?<=[\u4e00-\u9fff”」』\"）)])[，,、](?=(?:并|完全|根本|都|也)?(?:没有|没|未)(?:提|写|讲|说|涉及|给|报|定|设)"
    r"(?!(?:到|及|了|过)*的)(?:到|及|了|过)*[\u4e00-\u9fffA-Za-z“]{2}))"
    r"(?:在)?(?:文件|报告|规划|文中|全文)?(?:里|中|里面)?(?:今年|明年|年内|当年)?"
    r"(?:并|完全|根本|压根|都|也|又|还|通篇|全篇|全文|始终|从来|一直|丝毫|一次|一句|一个字){0,3}"
    r"(?:没有|没|未|不曾|并未)"
    r"(?:提到|提及|提|讲到|讲|说到|说|涉及|写到|写出|写|部署|布局|出现|定|设)?(?:过|到|了)?"
)
# a bracket after the question (…的有哪些（托位、托育机构）), or examples ending it (（PM2.5之类）)
_REMARK_AFTER = re.compile(
    r"(?P<asked>(?:的)?(?:都)?(?:有|是)?(?:哪些|哪几个|哪个|哪里|谁)[\u4e00-\u9fff]{0,3}?"
    r"|(?=[（(][^（）()不除算计]{2,30}(?:之类|等等|等)[)）]))(?P<remark>[（(][^（）()]{1,30}[)）])$"
)
# the topic said again after the question: “四普”都有哪些地方在做？就是第四次全国文物普查
_RESTATED = re.compile(
    r"(?<=[？?！!。])\s*(?:也就是|就是|即|指的是)(?:说)?(?P<what>[^？?！!。，,；;]{2,30})[。？?！!]?$"
)
# the work a year ahead plans, where a figure is a target (今年的工作安排里, 今年安排了, 今年任务)
_PLANNED = re.compile(
    r"(?:今年|明年|年度)(?:的)?(?:工作|重点)?(?:安排|部署|任务)"
    r"|(?:今年|明年|年内)(?:要|将|计划|打算|准备|[、，,]?$)"  # (今年要建设…，但没给面积; …今年只说一批)
)
# a word of a bound quoted is how a target is worded, not a name (目标写的是“以上”的): a target
_QUOTED_BOUND = re.compile(
    # (a figure held open in the quote is any figure: “××%以上”, “X%左右”)
    r"(?P<not>没有|没|不是|未)?(?:是)?(?:写的是|写成|写的|用的是|用|带|是|为)?[“「『\"]"
    r"(?:(?:[×xXＸ]+|[Nn]|某)(?:%|％)?)?(?:及)?"
    r"(?P<word>以上|以下|以内|左右|不低于|不少于|不超过|超过|高于|低于)[”」』\"]"
    r"(?:[（(][^（）()]{1,8}[)）])?(?:来|去)?(?:表述|表示|描述|写|说|措辞|提)?"
    # (and the wording it is set against, which it rules out already: 而不是“左右”)
    r"(?:[，,]?(?:而不是|而非|不是)[“「『\"][^”」』\"]{1,10}[”」』\"](?:[（(][^（）()]{1,8}[)）])?)?"
)


@dataclass(frozen=True)
class Topic:
    """What a "which places…" question asks about: the topic, and the aspect the places'
    evidence must state (target: 哪些区设定了高新技术企业数量目标 asks for a target, not any
    mention of 高新技术企业), or None."""

    text: str
    aspect: str | None = None
    quoted: bool = False  # the user marked the topic (“千万工程”): it is met only in its words
    verbatim: bool = False  # …and asked for the wording (“千万工程”这个说法): not a synonym's
    negated: bool = False  # the places that did not (谁没给…定增长目标) are asked for
    # a bound the target must pass (目标超过3万人) or None, and how the user said it (超过3万人)
    limit: Limit | None = None
    bound: str | None = None
    # topics a place must meet every one of (既提到氢能又提到低空经济): () for one topic
    all_of: tuple[str, ...] = ()
    # topics a place must meet none of (提到抽水蓄能、但没提海上风电)
    none_of: tuple[Topic, ...] = ()
    # the unit a figure or target is asked in (接待游客的人次), None for any
    unit: str | None = None
    # a figure asked of the year behind (去年粮食产量，哪些地方报了具体数): a result, not a target
    behind: bool = False
    # a total or a level itself asked (总数; 升了几个百分点的不算): an addition or a move is none
    total: bool = False
    # a target asked with no figure of it (居民收入增长定了什么目标): a target in words counts
    worded: bool = False
    # …asked as a requirement in words (只写了定性要求): one said anywhere ahead counts, not only
    # in a list of targets (完成高标准农田年度建设任务)
    required: bool = False
    # a target asked with no specific figure (增速定了目标, 要增长多少): one a list of targets sets
    # against another's counts too (固定资产投资增速保持在全国平均水平以上)
    against: bool = False
    # names like the topic's said not to count (国家文化公园不算): none names the topic in them
    not_counted: tuple[str, ...] = ()
    # a target asked of the topic alone (单独定了数量目标): one a list shares (…、新型研发机构等平台
    # 8家) is none
    alone: bool = False
    # a word the quoted name is said with, in the sentence too (碳排放 of 碳排放“双控”)
    said_with: str = ""


def extract_topic(text: str) -> str:
    """The topic of a bare topic or a "which districts…" question: the question phrase, the
    frame around the topic (把…写进了报告, 提出建设…, 在规划中提到…) and trailing particles
    removed."""
    return read_topic(text).text


def read_topic(text: str, corpus: Corpus | None = None) -> Topic:
    """The topic and its aspect (see `Topic`); UserError for a question without a topic. With
    `corpus`, a topic it does not hold is read as the part of it the corpus does, the rest
    being words of asking (qa.attested)."""
    # a closing quote mark ends a quoted topic (哪些报告里有“千万工程”); a request opens none
    # (包括“…”等不同说法: those names; “…”“…”: two; …等；…不算: the kinds, then the remark)
    text = remark_set_apart(other_names_remarked(quotes_apart(text.strip())))
    text = text.replace("／", "/")  # (a full-width slash joins alternatives: 植树造林／营造林)
    text = without_exception(plain_asking(text))[0].strip("？?！!。，,；; ")
    text = without_documents_first(text)  # (their kind is qa.asked_documents')
    # 给数字经济定了占GDP比重目标: the measure after the verb is the topic's; what was reached said
    # between the topic and its measures (研发经费投入已实现的强度或增幅); a ratio to a base: its thing's
    text = with_done_first(with_measure_given(part_of_ratio(text)))
    text = _ESPECIALLY.sub("", text)  # 发展储能，尤其是新型储能: 储能, the kind included
    text = _ONLY_WORDED.sub("、", text)  # (只说“一批”、没给具体数量: the lack a clause of its own)
    text = _COUNTS_AFTER.sub("的", text)  # (…6%及以上的（“6%左右”也算）有哪些: what counts)
    but = _BUT_NOT.search(text)
    if but and but.start() >= 2:  # 提到抽水蓄能、但没提海上风电的…: the rest carries the question
        # (a clause of what alone it gave, before: 提到5G基站、但只报了已建成数、没有定…)
        gave = re.sub(r"[，,、]?(?:但(?:是)?|却|不过)?(?=只|仅)", "", text[: but.start()])
        met, rest = read_topic(gave, corpus), text[but.end() :]
        asking = place_question(rest)  # (…但没有给出具体浓度数值的是哪些地方)
        bare = no_topic((rest[: asking.start()] if asking else rest).removesuffix("的"))
        other = None if bare else _topic_or_none(rest, corpus)
        # 提到数字经济但没定目标: the same topic, not so (…却没给出新建面积目标: its measure)
        if other is None or no_topic(other.text) or measures_only(other.text):
            lacks = read_topic(met.text + rest, corpus)  # (a target's figure: a target's)
            said = lacks.aspect or ("figure" if bare else None)  # (却没给面积: a figure)
            said = "target" if said and met.aspect == "target" else said
            # (the unit it lacks: …只给了增速、没给金额)
            unit = (other.unit if other is not None else None) or lacks.unit or met.unit
            other = replace(met, aspect=said, unit=unit)
        planned = bool(_PLANNED.search(gave)) and other.aspect in ("figure", "target")
        if planned:
            other = replace(other, aspect="target")  # (今年安排了…但没写数量: a target's)
        met, other = aimed_in_words(met, other, planned)
        return replace(met, none_of=(other,))
    worded = _QUOTED_BOUND.search(text)
    # (没有用“左右”表述的: the wording is denied, not the target)
    text, negated = (text, False) if worded and worded["not"] else without_negation(text)
    if negated:
        return replace(read_topic(text, corpus), negated=True)
    too = also_counted(text)
    if too and all(no_topic(w) for w in too[1]):  # (“提高几个百分点”也算: a figure's form)
        return read_topic(too[0], corpus)
    if too and not no_topic(re.sub(r"的$", "", too[1][0])):
        # the topic, and what else the user counts as it (not 给了数字的都算: what is asked)
        topic = read_topic(too[0], corpus)
        more = [attested(w, corpus) for w in too[1] if len(w) > 1]
        said = (
            f"（或{'、'.join(more)}）"
            if heads_said_otherwise(topic.text, more)
            else "、".join(["", *more])
        )
        return replace(topic, text=topic.text + said if more else topic.text)
    on_target = ON_TARGET.search(text)
    if on_target and not all(no_topic(p) for p in bracket_parts(on_target["remark"])):
        topic = read_topic(text[: on_target.start()] + text[on_target.end() :], corpus)
        return replace(topic, text=f"{topic.text}{on_target['remark']}")  # (what it is of)
    remark = _REMARK_AFTER.search(text)
    if remark:  # …的有哪些（托位、托育机构）: what the topic holds, said after the question
        # (（套数或项目数）: what is asked, no topic)
        if all(no_topic(p) for p in bracket_parts(remark["remark"])):
            return read_topic(text[: remark.start()] + remark["remark"] + remark["asked"], corpus)
        topic = read_topic(text[: remark.start()] + remark["asked"], corpus)
        return replace(topic, text=f"{topic.text}{remark['remark']}")
    restated = _RESTATED.search(text)
    if restated:  # …有哪些地方在做？就是第四次全国文物普查: the topic in both wordings
        topic = read_topic(text[: restated.start()], corpus)
        # (the words around it are no part of it: 就是新能源汽车下乡那个)
        said = strip_topic(restated.group("what").strip('“”"'))[0]
        return replace(topic, text=f"{topic.text}、{said}") if said != topic.text else topic
    worded = _QUOTED_BOUND.search(text)
    if worded:  # 粮食产量目标写的是“以上”的, 没有用“左右”来表述的: a target worded so, or not
        topic = read_topic(text[: worded.start()] + text[worded.end() :], corpus)
        topic = replace(topic, aspect="target") if topic.aspect is None else topic
        how = ("not " if worded["not"] else "") + wording_of(worded["word"])
        said = f"{'不' if worded['not'] else ''}写作“{worded['word']}”"
        return replace(topic, limit=Limit(0.0, "above", True, worded=how), bound=said)
    bound = find_bound(text)
    if bound:  # 目标超过3万人: a target, of a figure beyond the bound
        limit, start, end, said = bound
        before = _ACT_BEFORE_BOUND.sub("", text[:start])  # (今年计划建30万亩及以上)
        rest = read_topic(
            (before if len(before) >= 2 else text[:start]) + "目标" + text[end:], corpus
        )
        unit = rest.unit or limit.unit  # 高于6%: a share, not 千亿 of anything
        # (a bound with no word of aiming asks the figure however said: 民生支出占比超过80%的)
        aimed = "target" if _AIMED.search(text) else "figure"
        topic = Topic(rest.text, aimed, rest.quoted, limit=limit, bound=said, unit=unit)
        return replace(topic, behind=aimed == "figure" and asks_year_behind(text))  # (去年…)
    said = both_said(text)
    if said:  # 既A又B: each its own topic, every one met
        parts = tuple(attested(strip_topic(t)[0], corpus) for t in said)
        # (not a list inside a bracket: 5G（建基站、推应用）都有…; nor places: 芜湖和嘉兴都提到…吗)
        whole = all(len(p) >= 2 and closed(t) == t for p, t in zip(parts, said))
        if whole and not places_only("、".join(said)):
            return Topic("、".join(parts), all_of=parts)
    text = quoted_kind_as_either(text)  # (“亩均论英雄”式的亩均效益评价: either)
    asked = _DISTRICT_QUESTION.search(text)  # a quote naming the documents asked is no topic
    said = text.replace(asked.group(0), "", 1) if asked else text
    # …nor a quote in a document's name (科技“十四五”规划), nor a period (“十四五”目标)
    # (with the other name bracketed after it: “揭榜挂帅”（揭榜制）)
    wording_asked = asks_wording(said)
    quoted = [
        m.group(1) + designation_at(said, m.end()) + other_names_at(said, m.end(), wording_asked)
        for m in QUOTED.finditer(said)
        if not re.match(_IN_DOCUMENT_NAME, said[m.end() :])
        and not period_quoted(m, said)
        and not in_remark(m, said)
        and not _COUNT_ONLY.fullmatch(m.group(1))  # (a count quoted: 今年“十件”民生实事)
    ]
    quoted = quoted_names(said, quoted)
    topic, aspect = unquoted_topic(re.sub(QUOTED, lambda m: m.group(1), text), quoted, corpus)
    aspect, unit, behind, total = figure_asked(text, topic, aspect)
    # 禁塑或“以竹代塑”: either, the quoted one a name; “创建”或“升级创建”国家高新区: acts and a thing
    if quoted and (offered_either(text) or acts_before_thing(topic, quoted)):
        return Topic(closed(topic), aspect, unit=unit, behind=behind, total=total)
    if quoted:  # the user marked the topic: 哪些区的规划里有“专精特新”企业的目标？
        names = [q.strip() for q in quoted if q.strip()]
        said = "、".join(attested_name(q, corpus) if corpus else q for q in names)
        verbatim = asks_wording(text)
        read = Topic(said, aspect, True, verbatim=verbatim, unit=unit, behind=behind, total=total)
        with_word = (
            word_said_with(text, names[0], corpus.holds) if corpus and len(names) == 1 else ""
        )
        return replace(read, said_with=with_word)
    said = without_kinds_of_it(closed(topic))  # (稀土（稀土新材料、稀土产业）: 稀土)
    return Topic(said, aspect, unit=unit, behind=behind, total=total)


def _topic_or_none(text: str, corpus: Corpus | None) -> Topic | None:
    """The topic of `text`, None when it has none (但没有给出今年或规划期新建面积数字的: measures)."""
    try:
        return read_topic(text, corpus)
    except UserError:
        return None
