"""How a place question asks, apart from its topic: a request opening it (请问, 我想了解一下),
how much said otherwise (某个数, 某个水平), and whether it asks for the places that did not
(谁没给…定增长目标, 哪些区没有提到氢能, 谁的报告里找不到…); the question without them."""

from __future__ import annotations

import re
from functools import lru_cache

# a place that did not: 谁没给规上工业增加值定增长目标, 哪些区没有提到氢能
_NEGATED = re.compile(
    # not 有没有地方… (a yes/no question: is there a place that…)
    r"(?<!有)(?:完全|根本|压根|从来|从未|丝毫)?(?:没有|没|未|并未|不曾)(?!有?[？?！!。]*$)"
    r"(?=(?:给|提|设|定|写|涉及|部署|明确|把|将|有|制定|确定|列|在|说|讲|谈|出现))"
)
# a yes/no asked by an act said twice, 没 between: 提没提 (有没有提), 写没写
_ACT_OR_NOT = re.compile(r"([提写说讲设定])没有?\1")


# …said as not found or not said a word of: 谁的报告里找不到…, 对…只字未提
_NOT_FOUND = re.compile(r"(?:找|看|查|见)不到(?=.{2})|(?:只字|一字)(?:未|不)提")


@lru_cache(maxsize=256)  # read by the detector, the level reader and the topic reader alike
def without_negation(text: str) -> tuple[str, bool]:
    """The question without its negation, and whether it had one (asks for the places that
    did not)."""
    text = _ACT_OR_NOT.sub(r"有没有\1", text)
    plain = _NOT_FOUND.sub(lambda m: "有" if m[0].endswith("不到") else "", text, count=1)
    plain = _NEGATED.sub("", text, count=1) if plain == text else plain
    return plain, plain != text


# a request the question opens with: 我想了解一下，…; 请问, 帮我查下
REQUEST = (
    r"(?:请问|请?麻烦(?:你|您)?|劳驾|请?帮(?:我|忙)|我想|我要|想)(?:帮我)?"
    r"(?:了解|知道|问问|问|查询|查查|查|看看|看|找找|找|确认|列出|列)?(?:一下|下)?[，,：:\s]*"
)


def plain_asking(text: str) -> str:
    """The question without a request opening it (请问, 我想了解一下，…) and with 某个数, 某个水平
    said as 多少, the how-much every frame reads; and with the acts bracketed after 有 that count
    as having the thing left out (有（或正在申报）综试区: 有综试区, the thing is the topic)."""
    text = re.sub(f"^{REQUEST}", "", text)
    text = re.sub(r"(?<=有)[（(]或(?:者|是)?[^（）()]{1,10}[)）](?=[\u4e00-\u9fff“\"])", "", text)
    return re.sub(r"某个?(?:具体)?(?:数字|数值|数|水平|值|目标值)", "多少", text)
