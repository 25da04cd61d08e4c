"""Reading a "which places…" question: whether it is one, the level of places it asks about
(哪些城市 → city, 哪些区县 → county, 哪些地方 → each document's own place), and its topic
("哪些区的规划提到了氢能？" → 氢能)."""

from __future__ import annotations

import re

from corpus.errors import UserError

# 区 must not start a longer word: "哪些区域创新平台", "哪些区块链企业" ask about things
_PLACE = (
    r"(?:区县|区\(县\)|区（县）|地区|行政区|城市|地市|市州|省份|省区|省(?![级内外钱心])"
    # 哪些地方 asks for places only when it asks what they mention (not 跟哪些地方合作)
    r"|地方(?=(?:的)?(?:规划|文件|报告|政府)?(?:中|里)?(?:都|也)?(?:提到|提及|提出|涉及|谈到|说到|有))"
    r"|市(?![场民级内外值])|区(?![域块间位内外级划])|县(?![城域级]))"
)
# the level a question asks about: 哪些城市 → city, 哪些省 → province, 哪些区县 → county
_LEVEL_WORDS = (
    ("province", ("省份", "省区", "省")),
    ("city", ("城市", "地市", "市州", "市")),
    ("county", ("区县", "区(县)", "区（县）", "行政区", "区", "县")),
)
_WHICH = rf"(?:有哪些|有哪几个|有几个|是哪些|是哪个|哪些|哪个|哪几个|哪一个|哪几){_PLACE}"
_DISTRICT_QUESTION = re.compile(_WHICH)
_LEAD = re.compile(
    r"^(?:的)?(?:规划|文件|政策|计划)?(?:中|里|里面|当中)?(?:都|也|还|均)?"
    r"(?:有)?(?:提到|提及|谈到|说到|涉及|提出|部署|布局|包含|包括|关注|重视|支持|写到|写了|有)?"
    r"(?:了|过)?(?:要)?(?:关于)?"
)
_ACTION = re.compile(r"^(?:建设|发展|打造|推进|推动|开展|加强|培育|建立|实施|布局)(?=..)")
_TAIL = re.compile(
    r"(?:的)?(?:相关)?(?:内容|方面|工作|规划|问题|事项)?(?:最高|最多|最大|最强|最好)?(?:吗|呢|么)?$"
)
_ONLY_VERB = re.compile(
    r"^(?:的)?(?:规划|文件)?(?:中|里)?(?:被)?(?:出现|提到|提及|涉及|谈到|说到)?(?:过|了)?$"
)
_PUNCT = "？?！!。，,、；;：:“”\"'‘’《》（）() "


_QUOTED = re.compile(r"[“「『\"]([^”」』\"]{2,30})[”」』\"]")


_ANY_LEVEL = re.compile(r"哪(?:些|个|几个)(?:地方|地区)")


def question_level(text: str) -> str | None:
    """The level of places a "which places…" question asks about, or None (哪些地区)."""
    m = _DISTRICT_QUESTION.search(text)
    if not m:
        return None
    word = m.group(0)
    if word.endswith("地区"):  # any level
        return None
    for level, words in _LEVEL_WORDS:
        if any(word.endswith(w) for w in words):
            return level
    return None


def is_district_question(text: str) -> bool:
    """True for questions that ask which districts do something ("哪些区的规划提到了氢能？")."""
    return bool(_DISTRICT_QUESTION.search(text))


def extract_topic(text: str) -> str:
    """The topic of a bare topic or a "which districts…" question: the question phrase, the
    verbs around it (提到了, 提出建设) and trailing particles removed."""
    text = text.strip().strip(_PUNCT)
    quoted = _QUOTED.findall(text)
    if quoted:  # the user marked the topic: 哪些区的规划里有“专精特新”企业的目标？
        return "、".join(q.strip() for q in quoted if q.strip())
    m = _DISTRICT_QUESTION.search(text)
    if not m:
        return _strip_topic(text) or text
    before, after = text[: m.start()], text[m.end() :]
    candidates = [_strip_topic(after), _strip_topic(_strip_before(before))]
    candidates = [c for c in candidates if not _ONLY_VERB.match(c)]
    best = max(candidates, key=len, default="")
    if not best:
        raise UserError("no_topic", text=text)
    return best


def _strip_before(before: str) -> str:
    # "提到氢能的有" / "氢能在" / "规划中提到氢能的"
    before = re.sub(r"(?:的)?(?:规划|文件)?(?:中|里)?(?:是|有|在|被)?$", "", before)
    before = re.sub(r"(?:的)?(?:规划|文件)?(?:中|里)?(?:是|有|在|被)?$", "", before)
    return before


def _strip_topic(part: str) -> str:
    part = part.strip(_PUNCT)
    for _ in range(3):
        new = _LEAD.sub("", part, count=1).strip(_PUNCT)
        new = _ACTION.sub("", new, count=1)
        new = re.sub(r"^(?:提到|提及|涉及|提出|谈到|有)(?:了|过)?", "", new)
        new = _TAIL.sub("", new).strip(_PUNCT)
        new = re.sub(r"的$", "", new)
        if new == part:
            break
        part = new
    return part


# --- the finder ------------------------------------------------------------------------
