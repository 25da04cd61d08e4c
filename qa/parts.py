"""A multi-part question split into standalone parts, each answered on its own: 和/及/分别,
从…到…, …多少…多少, several questions in one; each part keeps the subject the question states
once. And whether what is left of a follow-up names a thing."""

from __future__ import annotations

import re

from qa.asks import COUNT_THEN_ITEMS, QUESTION_WORD, written
from qa.metadata import fields_named
from qa.parts_english import english_follow_on, english_terms
from qa.parts_later import EACH, MENTION_CHECK, asked_again, period_only
from qa.parts_subject import subject_for
from qa.periods import PERIOD, YEAR_ASKED, period_of

# "A和B要确保多少": the words that ask for the figure, after the things asked about
_TWO_FIGURES = re.compile(r"(?:要|将|是|为|达到|确保|力争|计划|预计|预期)*(?:多少|几)")
# 及 of 及以上/及以下 bounds a range (省级及以上园区): no conjunction
_AND = re.compile(r"和|及(?!以上|以下|其)|与|以及|、")
# "从X(的)多少提高到Y(的)多少"
_FROM_TO = re.compile(
    r"从(?P<a>.*?多少[^，,]*?)(?P<verb>提高|增加|增长|提升|上升|下降|降低|发展|扩大)?到(?P<b>.*多少.*)$"
)
# the word a figure's name ends in: 参保率, 收入, 总值 (养老 and 医保 are no figures alone)
_MEASURE = re.compile(
    r"(?:率|额|量|值|数|比重|比例|占比|强度|收入|支出|面积|规模|指数|增速|增幅|涨幅|人次)$"
)
_CLAUSE = re.compile(r"[，,；;？?、]")
# a period said last, after the things asked about: 2023年, 今年, 十四五末
_PERIOD_AT_END = re.compile(rf"(?:{PERIOD.pattern})+$")


def split_parts(question: str) -> list[str]:
    """A multi-part question as standalone sub-questions; a single one as itself.

    从2020年的多少提高到2025年的多少 / A和B分别是什么 / …多少家，2020年实际达到多少家 — each
    part keeps the subject the question states once."""
    q = question.strip().rstrip("？?。 ")
    if re.search(COUNT_THEN_ITEMS, written(q)):
        return [question.strip()]  # the list answers its count too
    english = english_terms(question.strip())
    if english:
        return english
    fields = _keywords_asking(q)
    if fields:
        return fields
    sentences = [x for x in re.split(r"[？?！!]", q) if x.strip()]
    if len(sentences) >= 2:  # several questions: each split on its own
        first, out = sentences[0], split_parts(sentences[0])
        for later in sentences[1:]:
            if MENTION_CHECK.fullmatch(later.strip("，, ")):
                continue  # "…是多少？报告里提了吗": whether the first is answered at all
            said = period_only(first, later)
            again = None if said is not None else asked_again(first, later)
            if said is not None:  # "…去年各是多少？今年的目标呢？": the first again, for 今年目标
                out += split_parts(said)
            elif again is not None:  # "…是哪个单位印发的？什么时候？": when it was 印发
                out.append(again)
            elif QUESTION_WORD.search(later):  # itself split: …？在哪次会议上、哪天作的？
                out += split_parts(f"{subject_for(first, later)}{later}")
        return out if len(out) >= 2 else [question.strip()]
    m = _FROM_TO.search(q)
    if m:
        subject = q[: m.start()]
        a, b = m.group("a"), m.group("b")
        if not period_of(a) and not period_of(b):  # 从多少增加到多少: where it stands, the target
            a, b = f"现状{a}", f"目标{b}"
        elif not period_of(b):  # 从2015年的多少提高到了多少: the figure it rose to
            b = f"{m.group('verb') or ''}到{b}"
        elif not period_of(a):  # 从多少提高到2025年的多少: where it stands now
            a = f"现状{a}"
        return [f"{subject}{a}", f"{subject}{b}"]
    # "A和B要确保多少" asks one figure of each thing; a question asking more than once is split
    # by its clauses below
    one_ask = len(QUESTION_WORD.findall(q)) == 1
    # 文号和成文日期？ asks two fields with no question word at all
    fields = _fields_asked(q) if len(QUESTION_WORD.findall(q)) <= 1 else None
    if fields:
        return fields
    counted = _COUNTED_AFTER.fullmatch(q) if one_ask else None
    if counted:  # 培育了多少科技型企业和高新技术企业: one count of each thing
        things = _AND.split(counted["things"])
        if _two_things(things):
            return [f"{counted['lead']}{thing}{counted['end']}" for thing in things]
    each = EACH.search(q) or (_TWO_FIGURES.search(q) if one_ask else None)
    if each:
        head, tail = q[: each.start()], q[each.end() :]
        if not EACH.search(q):
            tail = each.group(0) + tail  # "A和B要确保多少": the ask stays with each part
        pieces = [p.translate(_SHOWN) for p in _AND.split(_terms_kept_whole(head))]
        period = _PERIOD_AT_END.search(pieces[-1]) if len(pieces) >= 2 else None
        if period and len(pieces[-1]) - len(period.group(0)) >= 2:
            # the period after the last thing is every thing's (固投和社零2023年各增长了多少)
            pieces[-1], tail = pieces[-1][: period.start()], period.group(0) + tail
        if len(pieces) >= 2 and all(pieces) and (EACH.search(q) or _two_things(pieces)):
            first = _trailing_like(pieces[0], pieces[-1])
            subject = pieces[0][: len(pieces[0]) - len(first)]
            place = _leading_place(pieces[0])
            if not subject and place and not _leading_place(pieces[-1]):
                # the place the question opens with is every part's (郴州固投和社零…)
                subject, first = place, first[len(place) :]
            return [
                f"{subject}{_after(subject, item)}{tail}"
                for item in (first + _shared_head(first, pieces[-1]), *pieces[1:])
            ]
    clauses = [c for c in _CLAUSE.split(q) if c.strip()]
    # leading clauses that ask nothing name what the rest ask about ("来宾城镇新增就业，去年
    # 完成多少，今年计划多少")
    lead = 0
    while lead < len(clauses) and not QUESTION_WORD.search(clauses[lead]):
        lead += 1
    topic, asked = "".join(clauses[:lead]), clauses[lead:]
    if len(asked) >= 2 and all(QUESTION_WORD.search(c) for c in asked):
        first = topic + asked[0]
        out = [first]
        for c in asked[1:]:
            english = english_follow_on(first, c)
            out.append(english or f"{subject_for(first, c)}{c}")
        return out
    return [question.strip()]


def _keywords_asking(q: str) -> list[str] | None:
    """Keywords typed for several fields of one thing (綦江 创业导师志愿者 征集时间 联系电话): a
    part for each field, with the keywords that say what of; None for any other text."""
    from qa.asks import asks_of

    words = q.split()
    if QUESTION_WORD.search(q) or len(words) < 3:
        return None
    # a field is a date, a phone number, an organisation… (增速 is a figure of the words before)
    fields = [w for w in words if asks_of(w) not in ("text", "number")]
    thing = " ".join(w for w in words if w not in fields)
    if len(fields) < 2 or not thing:
        return None
    return [f"{thing} {field}" for field in fields]


def _fields_asked(q: str) -> list[str] | None:
    """ "发文字号和发布机构（分别）是什么" asks two fields of the document's record: a part each,
    with what the question says before the first and after the last; None for any other."""
    labels = fields_named(q)
    if len(labels) < 2:
        return None
    start = q.find(labels[0])
    end = q.rfind(labels[-1]) + len(labels[-1])
    between = q[start:end]
    for label in labels:
        between = between.replace(label, "", 1)
    if _AND.sub("", between).strip("，, "):
        return None  # something else stands between them
    tail = re.sub(r"^(?:分别|各自)", "", q[end:])
    return [f"{q[:start]}{label}{tail}" for label in labels]


def _after(subject: str, item: str) -> str:
    """`item` without the words the subject already ends with (抚州2024年粮食 | 粮食产量 ->
    产量), so that a part does not say them twice."""
    for n in range(min(len(subject), len(item) - 1), 1, -1):
        if subject.endswith(item[:n]):
            return item[n:]
    return item


# the things a count asks for, after its question word: …培育了多少科技型企业和高新技术企业？
_COUNTED_AFTER = re.compile(
    r"(?P<lead>.*?(?:多少|几)[个家项名座所条]?)(?P<things>[^，,。；;？?]+)(?P<end>[？?]?)"
)


# the conjunctions inside a field term, hidden while a question is cut at its conjunctions
_HIDDEN = str.maketrans("与和及、", "\x01\x02\x03\x04")
_SHOWN = str.maketrans("\x01\x02\x03\x04", "与和及、")


def _terms_kept_whole(text: str) -> str:
    """`text` with the conjunctions inside the field terms it names hidden, so that one
    indicator (规模以上工业企业研发经费支出与营业收入之比) is not cut into two things."""
    from qa.terms import equivalents

    for form in sorted(equivalents(text), key=len, reverse=True):
        if form in text and _AND.search(form):
            text = text.replace(form, form.translate(_HIDDEN))
    return text


def _two_things(pieces: list[str]) -> bool:
    """Whether "A和B…多少" names two figures without 分别: exactly two pieces, each a phrase of
    its own (粮食播种面积 | 粮食产量), not a short one sharing the other's head (城镇 | 农村居民…)."""
    return len(pieces) == 2 and all(
        len(re.sub(r"[^\u4e00-\u9fffA-Za-z]", "", p)) >= 4 for p in pieces
    )


def _shared_head(first: str, last: str) -> str:
    """What "A和B的X" says once for both: B's words after its A-like start, when A and B are
    parallel (城镇居民 | 农村居民人均可支配收入 -> 人均可支配收入: both end in 居民); "" when they are
    not (城镇新增就业 | 城镇登记失业率)."""
    place = _leading_place(last)
    if place and _leading_place(first) == first:  # 綦江 | 大渡口十四五末…比重: what both are asked
        return last[len(place) :]
    n = len(first)
    if n >= 2 and len(last) > n + 1 and first[-2:] == last[n - 2 : n]:
        return last[n:]
    # a modifier set beside the first word of B: 城镇 | 农村居民人均可支配收入 -> 居民人均可支配
    # 收入, 粮食 | 生猪产量 -> 产量 (not 高企 | 科技型企业数量: 科技型 is no word of 高企's kind)
    if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", first):
        import jieba

        words = jieba.lcut(last)
        lead = words[0] if len(words) >= 2 else ""
        jieba.dt.check_initialized()
        # 农村居民 is one word to jieba, made of two: 农村 | 居民
        parts_of_lead = len(lead) >= n + 2 and all(
            jieba.dt.FREQ.get(w) for w in (lead[:n], lead[n:])
        )
        # …and what follows is a word of its own (科技 | 型企业 is no such cut)
        whole = len(lead) == n and len(words[1]) >= 2
        if re.fullmatch(r"[\u4e00-\u9fff]+", lead) and (whole or parts_of_lead):
            return last[n:]
    # A names no measure and ends in a word as long as B's first, beside which B says one:
    # 城乡居民养老 | 医保参保率 -> 参保率 (not 地区生产总值 | 一般公共预算收入: 总值 is a measure)
    if first and _MEASURE.search(last) and not _MEASURE.search(first):
        import jieba

        own, words = jieba.lcut(first), jieba.lcut(last)
        # …not 城镇新增就业 | 城镇登记失业率: both open with 城镇, two things of one place
        parallel = (
            len(words) >= 2
            and 2 <= len(words[0]) == len(own[-1])
            and not first.startswith(words[0])
        )
        if parallel and len(words[1]) >= 2:
            return last[len(words[0]) :]
    return ""


def _leading_place(text: str) -> str:
    """The place name `text` opens with (大渡口 in 大渡口十四五末…), "" when none."""
    from corpus import places

    for end in range(min(len(text), 10), 1, -1):
        if places.resolve(text[:end]) is not None:
            return text[:end]
    return ""


def _trailing_like(text: str, other: str) -> str:
    """The end of `text` that is the same kind of thing as `other`: a period for a period
    (2020年 | 2025年), the words after the last 的, else about as many characters as `other`
    spelt out (whole jieba words; 高企 is as long as 高新技术企业, the term it shortens)."""
    if period_of(other) == re.sub(r"[“”\"\s]", "", other) or YEAR_ASKED.fullmatch(other.strip()):
        m = list(PERIOD.finditer(text))
        if m:
            return text[m[-1].start() :]
    if "的" in text:
        return text[text.rindex("的") + 1 :]
    import jieba

    from qa.terms import groups_in

    named = groups_in(other)
    size = max(len(other), len(named[0][0]) if named else 0)
    words = list(jieba.cut(text))
    out = ""
    while words and len(out) < max(2, size - 1):
        # the period stays with the subject
        if re.search(r"\d|^年$", words[-1]) or PERIOD.fullmatch(words[-1]):
            break
        out = words.pop() + out
    return out
