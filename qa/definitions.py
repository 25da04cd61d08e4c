"""What a term means: a definition of it in a top passage, or in any passage holding it.

"X：…", "X是指…", "X即…", "X（…）", "…（以下简称X）", and a name set before the term in brackets
or quotes ("普惠型商业补充医疗保险（抚惠保）", "新型产业用地（M0）"). An unquoted term is the
words before 是什么/指什么, after any clause saying where it was read ("…中说的M0").
"""

from __future__ import annotations

import re
from typing import Any

from qa.compose_terms import _answer, _literal, quoted_terms
from qa.compose_text import noun_phrase
from qa.counted import stated_count
from qa.listed import SUBJECT_NOISE
from qa.read_on import RUN_MAX, lines_run_on
from qa.types import Answer

DEF_MAX = 120  # a definition longer than this is cut, unless it is a run of clauses


def definition_answer(
    question: str, hits: list[Any], title: Any, index: Any = None
) -> Answer | None:
    """What X means, from a definition of X in a top passage, or in any passage holding X
    verbatim (X: a term the question quotes, else the words before 是什么意思/指什么/的全称)."""
    terms = quoted_terms(question) or [_unquoted_term(question)]
    for term in [t for t in terms if len(t) >= 2]:
        t = re.escape(term)
        # the term as a whole word: "三校" is not the end of "三审三校"; with the noun the
        # question puts after it ("“3+6+3”创新平台:")
        w = rf"(?<![\u4e00-\u9fff])[“\"]?{t}[”\"]?{_noun_after(term, question)}"
        v = rf"(?P<v>[^。]{{4,{RUN_MAX}}})"
        patterns = (
            rf"{w}\s*[:：]\s*(?:是指)?{v}",
            rf"{w}\s*(?:是指|即|指的是){v}",
            rf"{w}\s*[（(](?P<v>[^）)]{{4,80}})[）)]",
            rf"(?P<v>[^，,。；;:：]{{4,60}}?)\s*[（(]以下简称[“\"]?{t}[”\"]?[）)]",
            # an item whose short lead names the term, its next sentence saying what it is:
            # "一是立起了“四梁八柱”。构建起…政策架构体系、…组织领导体系…"
            rf"{_ITEM}[^。，,；;]{{0,10}}{w}[。：:]\s*(?P<v>[^。]{{4,{RUN_MAX}}})",
            # the term set after what it names, in brackets or quotes, ending the clause:
            # "创新推广普惠型商业补充医疗保险（抚惠保）", "…医疗保险“抚惠保”，"
            rf"(?:^|(?<=[，,。；;:：、]))(?P<n>[^，,。；;:：、（()）“”\"]{{4,40}})[（(][“\"]?{t}[”\"]?[）)]",
            rf"(?:^|(?<=[，,。；;:：]))(?P<n>[^，,。；;:：、（()）“”\"]{{4,40}})[“\"]{t}[”\"](?=[，,。；;]|$)",
        )
        if stated_count(term):  # 三驾马车 names a list: what stands before it is not its meaning
            patterns = patterns[:5]
        for hit in hits[:5] + _literal(term, index, hits):
            for line in lines_run_on(hit.chunk, index):
                for p in patterns:
                    m = re.search(p, line)
                    named = noun_phrase(m.group("n")) if m and "n" in m.groupdict() else None
                    if m and (named or "v" in m.groupdict()):
                        value = named or _run_or_cut(m.group("v"))
                        text = f"据《{title(hit.chunk)}》，“{term}”指{value}[1]。"
                        quote = line.strip() if line in hit.chunk.text else m.group(0)[:60]
                        return _answer(question, text, hit.chunk, quote, hits, "definition")
    return None


# what opens an item of a list: 一是, 第一, （一）, 1.
_ITEM = r"(?:^|(?<=[。；;\s]))(?:[一二三四五六七八九十]是|第[一二三四五六七八九十]+[，,、]?|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])"


# what a question says before the term it asks about: where the term was read
_SAID_IN = re.compile(r"(?:所说|说|提到|提出|讲|写)的|(?:报告|文件|规划|方案)(?:里|中)的?")


def _unquoted_term(question: str) -> str:
    """The term an unquoted question asks the meaning of: the words before 是什么/指什么, after
    any clause saying where it was read ("赣州开发区改革中说的M0" → M0)."""
    subject = SUBJECT_NOISE.sub("", question).strip('“”"的 ')
    return _SAID_IN.split(subject)[-1].strip('“”"的 ') or subject


def _noun_after(term: str, question: str) -> str:
    """The noun the question writes right after the quoted term, as an optional regex:
    "“3+6+3”创新平台指的是什么" → (?:创新平台)?."""
    at = question.find(term)
    rest = question[at + len(term) :].lstrip('”"') if at >= 0 else ""
    noun = SUBJECT_NOISE.sub("", re.match(r"[\u4e00-\u9fff]*", rest).group(0))
    noun = re.split(r"指|是|的|包括|有", noun)[0][:6]
    return f"(?:{re.escape(noun)})?" if len(noun) >= 2 else ""


def _run_or_cut(value: str) -> str:
    """A definition's explanation: a run of clauses ("“3”即…；“6”即…；“3”即…") whole, any
    other long one cut at DEF_MAX characters."""
    value = value.strip(" ,，;；")
    if len(value) > DEF_MAX and not re.search(r"[；;]", value):
        value = value[:DEF_MAX]
    return value
