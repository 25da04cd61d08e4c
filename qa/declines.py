"""Answers the chain found that do not give what a list or a meaning question asks, turned into
declines that say so: a counted set (“四大重点板块”, 那2个科研协作项目) is answered only by a
sentence naming it with as many items; what a named thing means (“3815”战略发展目标的内容)
only by a sentence that explains it."""

from __future__ import annotations

import re
from typing import Any

from qa.cite import abstain
from qa.counted import counted_head, one_of_a_list, stated_count
from qa.types import Answer

# an unquoted counted thing: the words after its count (那2个科研协作项目具体是什么 → 科研协作项目)
_COUNTED_THING = re.compile(
    r"(?:\d+|[两三四五六七八九十]+)\s*(?:个方面的?|方面的?|个|大|项|条|种|类|件)"
    r"(?!是|有|包括|指|都|具体|分别|哪|什么)([\u4e00-\u9fff]{2,12}?)"
    r"(?=具体|分别|都|是|有|包括|指|[，,？?]|$)"
)
# what follows a term its sentence explains: “X”即…, X：…, X（…）, X是指…, X包括…
_EXPLAINED = r"\s*[”」\"]?\s*(?:[：:（(]|是指|即|指的是|就是|也就是|包括|包含|涵盖|主要是|是|为)"
# …or what precedes it: 以生态本真、心灵本真、味道本真为主要内容的本真甘孜
_EXPLAINED_BEFORE = r"为(?:主要)?(?:内容|核心|重点|主体|支撑|抓手)的[“「\"]?\s*"


def unlisted(question: str, quoted: list[str], found: Answer, hits: list[Any]) -> Answer:
    """A list question stating how many things it asks for (50项民生实事都有哪些) is answered by
    a sentence only when the sentence names them and gives as many items from where it names
    them on; one that just mentions them ("继续实施50项民生实事", "开展科研协作项目2个") or lists
    another set ("…“四大支柱产业”" for 四大重点板块) is declined, saying so."""
    counts = set().union(*(stated_count(t) for t in quoted)) if quoted else set()
    counts |= stated_count(without(quoted, question), quoted=False)
    if not counts or not found.citations:
        return found
    said = found.citations[0].quote
    things = quoted or _counted_things(without(quoted, question))
    named = [t for t in things if _names(t, said)]
    if things and not named:
        return _declined(question, found, hits, "找到了相关段落，但其中没有列出所问的各项。")
    # the items stand where the set is named, or after it (四大产业：A、B、C、D)
    start = min((_clause_start(said, t) for t in named), default=0)
    items = [p for p in re.split(r"[、；;]|以及|和|及", said[start:]) if p.strip()]
    if len(items) >= min(counts) and not any(one_of_a_list(t, said) for t in quoted):
        return found
    return _declined(question, found, hits, "找到了提及所问各项的段落，但其中没有逐项列出。")


def unnamed(question: str, quoted: list[str], found: Answer, hits: list[Any]) -> Answer:
    """A list read from a passage answers a question about a counted thing said without quotes
    (2个百亿级项目分别是哪两个) only when the list or its lead names that thing; a heading the
    question names is its own subject."""
    things = [] if quoted else _counted_things(question)
    if not things or found.extra.get("section_overview") or not found.citations:
        return found
    cited = found.citations[0]
    said = found.answer + cited.quote + _lead(cited, hits)
    if any(_names(t, said) for t in things):
        return found
    return _declined(question, found, hits, "找到了相关段落，但其中没有列出所问的各项。")


def unexplained(question: str, quoted: list[str], found: Answer, hits: list[Any]) -> Answer:
    """What a coded or counted name means or holds (“3815”战略发展目标, “4+4+4”, 七大要素) is
    answered only by a sentence that spells it out: the name followed by 即/是指/：/（…）/包括…,
    or its parts listed in the clause that names it; a sentence that only uses the name
    ("确保完成“3815”战略发展目标…的任务") is declined, saying so. A name in words (美丽乡村,
    沿途下蛋) is explained in too many ways (…的“美丽乡村”行动) to tell."""
    coded = [t for t in quoted if re.search(r"\d", t) or stated_count(t)]
    if not coded or not found.citations:
        return found
    said = found.citations[0].quote
    for term in coded:
        if term not in said:
            return found  # the sentence explains it in other words, or names a part of it
        if (
            re.search(re.escape(term) + _EXPLAINED, said)
            or re.search(_EXPLAINED_BEFORE + re.escape(term), said)
            or _parts_listed(re.split(r"[，,；;。]", said[_clause_start(said, term) :])[0], coded)
        ):
            return found
    reason = f"文中提到“{coded[0]}”，但没有解释其含义或内容。"
    return _declined(question, found, hits, reason)


def _parts_listed(clause: str, names: list[str]) -> bool:
    """Whether the clause lists parts (打造数字、绿色、开放“三个高地”), not only the names asked
    about side by side (坚持“两点”定位、“两地”“两高”目标)."""
    pieces = clause.split("、")
    return len(pieces) >= 2 and not all(
        any(n in p for n in names) or _CODED_NAME.search(p) for p in pieces
    )


# a coded or counted name a sentence quotes: “两地”, “3815”, “四个全面”
_CODED_NAME = re.compile(r"[“\"][^”\"]{0,6}[一二两三四五六七八九十\d][^”\"]{0,6}[”\"]")


# kinds of part, not things a sentence names: 三个方面是什么 asks for parts of anything
_PARTS = frozenset(["方面", "部分", "内容", "任务", "措施", "要求", "问题", "事项", "环节", "领域"])


def _counted_things(question: str) -> list[str]:
    return [t for t in _COUNTED_THING.findall(question) if t not in _PARTS]


def asked_counts(question: str, quoted: list[str]) -> set[int]:
    """How many items the question's own words count (哪六个一, 2个项目分别是什么), not those a
    name it quotes states."""
    return stated_count(without(quoted, question), quoted=False)


def without(terms: list[str], question: str) -> str:
    for term in terms:
        question = question.replace(term, "")
    return question


def _lead(cited: Any, hits: list[Any]) -> str:
    """The words of the cited passage just before the quote: where a list's lead names what it
    lists (办好10个方面的民生实事。（1）…)."""
    for hit in hits:
        text = hit.chunk.text
        at = text.find(cited.quote[:12]) if hit.chunk.chunk_id == cited.chunk_id else -1
        if at >= 0:
            return text[max(0, at - 120) : at]
    return ""


def _names(thing: str, text: str) -> bool:
    """Whether `text` names the thing: whole, by its counted head, or by four characters of it
    running (a list's lead may clip the name: 清洁能源集 for 清洁能源集群)."""
    from index.normalize import normalize_text  # 主導產業 (typed in Traditional) is 主导产业

    thing, text = normalize_text(thing), normalize_text(text)
    head = counted_head(thing)
    if thing in text or (head and head in text):
        return True
    return any(thing[i : i + 4] in text for i in range(len(thing) - 3))


def _clause_start(text: str, thing: str) -> int:
    head = counted_head(thing) or thing
    at = text.find(thing) if thing in text else text.find(head)
    cut = max(text.rfind(mark, 0, at) for mark in "，,；;。")
    return cut + 1


def _declined(question: str, found: Answer, hits: list[Any], reason: str) -> Answer:
    kind = {"missing_type": "composition"}
    return abstain(question, hits, extra={**found.extra, **kind}, reason=reason)
