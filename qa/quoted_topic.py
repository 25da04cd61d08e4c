"""What stands around a quoted name: other names bracketed after it (“揭榜挂帅”（揭榜制）), the
designation it goes on to (“四好农村路”示范县), a period it names (“十四五”目标), a word it is said
with (碳排放“双控”); and when it is not the whole topic: offered as one of two wordings (禁塑或
“以竹代塑”), or acts quoted before the thing they are done to (“创建”或“升级创建”国家高新区); and the
topic's other names remarked in a bracket (（包括“县城医疗卫生共同体”等不同说法）); and quotes that
name no topic, in a bracket of what the topic includes (拥有量（含“高价值发明专利”口径）)."""

from __future__ import annotations

import re
from collections.abc import Callable

from qa.periods import names_a_period
from qa.topic_alternatives import acts, is_verb, tagged
from qa.topic_brackets import COUNTS_AS, REMARK

# a quoted name, the name its group (“专精特新”)
QUOTED = re.compile(r"[“「『\"]([^”」』\"]{2,30})[”」』\"]")
# other names of a quoted name, bracketed after it (“揭榜挂帅”（揭榜制）), or after the matter it
# names (“烂尾楼”问题（保交楼、问题楼盘）) or the kind of idea it is (“两山”理念（绿水青山就是金
# 山银山）); not what else counts (（…也算）)
_NAME_RUN = r"(?:(?![都也]算)[\u4e00-\u9fff]){2,10}"
_OTHER_NAMES = re.compile(
    r"(?:问题|现象|情况|工作|行动|理念|思想|精神|战略|模式|经验)?(?P<other>[（(](?:或者|或|即|又称|简称|也叫)?"
    rf"{_NAME_RUN}(?:[、/或]{_NAME_RUN})*[)）])"
)
_DESIGNATED = re.compile(r"(?:示范|试点)(?:县|区|市|城市|乡镇|村|基地|单位)?(?!建设|工作|创建)")


def other_names_at(said: str, end: int, verbatim: bool = False) -> str:
    """The bracket of other names after a quoted name that ends at `end`, or "" (none, a remark
    on it: （包括枫桥式派出所…）, or, when its wording is asked, the examples it covers:
    “五篇大文章”（科技金融、绿色金融等）这一说法)."""
    m = _OTHER_NAMES.match(said, end)
    examples = verbatim and re.search(r"(?:等|等等|之类)[)）]$", m["other"]) if m else False
    return m["other"] if m and not REMARK.match(m["other"][1:]) and not examples else ""


def designation_at(said: str, end: int) -> str:
    """The designation a quoted name that ends at `end` goes on to, part of the name asked
    (“四好农村路”示范县, “两业融合”试点), or "" (“无废城市”建设: a deed, no designation)."""
    m = _DESIGNATED.match(said, end)
    return m[0] if m else ""


def period_quoted(quote: re.Match[str], text: str) -> bool:
    """Whether a quote names the period of a target asked (“十四五”目标), no topic."""
    after = re.match(r"(?:的)?(?:规划)?(?:目标|指标|期末|末)", text[quote.end() :])
    return names_a_period(quote.group(1)) and after is not None


def in_remark(quote: re.Match[str], text: str) -> bool:
    """Whether a quoted figure stands in a bracket remarking on what counts (（“6%左右”也算）,
    （“6%左右”不算高于）), no topic; a name quoted there is another name (（写作“赛马”的也算））."""
    if not re.search(r"\d", quote.group(0)):
        return False
    before = text[: quote.start()]
    opened = max(before.rfind("（"), before.rfind("(")) > max(before.rfind("）"), before.rfind(")"))
    rest = re.match(r"[^（）()]*[）)]", text[quote.end() :])
    return opened and rest is not None and re.search(COUNTS_AS, rest.group(0)) is not None


def word_said_with(text: str, name: str, holds: Callable[[str], bool]) -> str:
    """The word before a quoted name of two characters that the documents write with it, no
    verb, which says which of the things so named is asked (碳排放“双控”: 碳排放), or ""
    (绿色“双碳”: the documents write no 绿色双碳; a longer name says which by itself)."""
    at = re.search(rf"([\u4e00-\u9fff]{{2,4}})[“\"「]{re.escape(name)}[”\"」]", text)
    if len(name) > 2 or at is None:
        return ""
    words = at[1]
    # (not a verb the user leads it with: 依托“链主”企业 asks of 链主 however led)
    said = [words[i:] for i in range(len(words) - 1)]
    said = [w for w in said if not all(is_verb(flag) for _, flag in tagged(w))]
    return next((w for w in said if holds(w + name)), "")


# a quoted name offered as one of two wordings: 禁塑或“以竹代塑”, “枫桥经验”或枫桥式做法; an act
# may lead the quoted one (发展飞地经济或建设“科创飞地”)
_OR_QUOTED = re.compile(
    r"(?P<other>[\u4e00-\u9fff]{2})(?:或者|或)(?P<act>[\u4e00-\u9fff]{2}(?=[“「『\"]))?[“「『\"]"
    r"|[”」』\"](?:或者|或)[\u4e00-\u9fff]{2}"
)


# a quoted name said as the kind of a thing named after it: “亩均论英雄”式的亩均效益评价
_KIND_NAMED_AFTER = re.compile(r"(?<=[”」』\"])式的(?=(?P<thing>[\u4e00-\u9fff]{4,}))")


def quoted_kind_as_either(text: str) -> str:
    """`text` with a quoted name said as the kind of the thing after it offered as one of two
    wordings (“亩均论英雄”式的亩均效益评价 → “亩均论英雄”或亩均效益评价): documents write either;
    not a thing of words half of all reports use (“千万工程”式的乡村建设经验), which names none."""
    from qa.meaning import common_words

    def either(m: re.Match[str]) -> str:
        named = any(w not in common_words() for w, _ in tagged(m["thing"]))
        return "或" if named else m[0]

    return _KIND_NAMED_AFTER.sub(either, text)


def offered_either(text: str) -> bool:
    """Whether a quoted name in `text` is offered as one of two wordings; not where acts joined
    lead it, the quoted name their thing (培育或引进“链主”企业)."""
    return any(not (m["act"] and _acts_only(m["other"])) for m in _OR_QUOTED.finditer(text))


def acts_before_thing(topic: str, quoted: list[str]) -> bool:
    """Whether the quoted names are acts only, said before the thing they are done to, which the
    topic `topic` (read with the quotes left out) goes on to: “创建”或“升级创建”国家高新区 asks
    创建国家高新区; “新建”两个字 asks the word."""
    done_to = topic.partition(quoted[-1])[2] if quoted else ""
    return len(done_to) >= 2 and all(map(_acts_only, quoted))


def _acts_only(said: str) -> bool:
    """Whether `said` is acts of two characters or more (升级创建, 招引; not 放管服)."""
    return all(len(w) >= 2 and acts(w, f) for w, f in tagged(said))


# other names of the topic, remarked in a bracket after it: （包括“县城医疗卫生共同体”等不同说法）
_NAMES_SAID = re.compile(
    r"[（(](?:包括|包含|含|如|比如|例如)(?P<names>[^（）()]{2,40}?)(?:等|这些|之类)?(?:的)?"
    r"(?:不同|其他|其它|别的|各种)(?:的)?(?:说法|叫法|提法|表述|写法|名称|称呼)(?:都算|也算|均可)?[)）]"
)


def quotes_apart(text: str) -> str:
    """`text` with quotes said side by side set apart as a list's (“亩均论英雄”“以亩产论英雄” →
    “亩均论英雄”、“以亩产论英雄”), which would run into one name once their marks are gone."""
    return re.sub(r"”\s*(?=“)", "”、", text)


def other_names_remarked(text: str) -> str:
    """`text` with a bracket naming the topic's other names said as those names alone
    (紧密型县域医共体（包括“县城医疗卫生共同体”等不同说法） → 紧密型县域医共体（县城医疗卫生共同体）):
    the names are alternatives, and no wording is asked."""
    return _NAMES_SAID.sub(lambda m: "（" + re.sub(r"[“”‘’\"]", "", m["names"]) + "）", text)


# a bracket after two characters of words holding a quote: 拥有量（含“高价值发明专利”口径）
_QUOTED_IN_BRACKET = re.compile(
    r"(?:[\u4e00-\u9fff]{2}|[？?])[（(](?P<inner>[^（）()]*?[“「『\"][^（）()]*)(?:[)）]|$)"
)


def quoted_names(text: str, quoted: list[str]) -> list[str]:
    """The quoted names of a question that name its topic: none when all stand in a bracket
    after words of the topic, which says what it includes (万人发明专利拥有量（含“高价值发明专利”
    口径）): the words before are the topic (a quote outside keeps them all: 搞“XX工匠”的（比如
    “赣州工匠”））."""
    # (after the question, when no quote stands in it: …文物普查？（文物“四普”）; not 教育上的“双减”，
    # 哪些地方提到了？（别把别的“双减”算进去）)
    # (every quote the bracket holds: （一般说“低碳园区”“绿色园区”的不算）)
    inside = [
        q
        for m in _QUOTED_IN_BRACKET.finditer(text)
        if m[0][0] not in "？?" or not re.search(r"[“「『\"]", text[: m.start()])
        for q in QUOTED.findall(m["inner"])
    ]
    return [] if inside and all(any(q.startswith(i) for i in inside) for q in quoted) else quoted
