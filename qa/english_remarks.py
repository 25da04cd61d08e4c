"""What an English "which places…" question says beside its topic: a place whose own documents
are set aside ("Apart from Mianyang's own report, which places mention Mianyang?") and a topic
the places must not mention ("Which places mention hydrogen but NOT energy storage?"); put into
a Chinese question that qa.set_aside and qa.topics read as they read a user's (除了绵阳自己的
报告，…; …但没提储能)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_DOCUMENTS = r"(?:government\s+)?(?:work\s+)?(?:documents?|reports?|plans?|files?|texts?)"
_ASIDE = re.compile(
    r"^(?:apart\s+from|aside\s+from|except(?:\s+for)?|other\s+than|besides|excluding"
    r"|not\s+counting|leaving\s+out)\s+(?P<place>[^,]+?)"
    rf"(?P<own>(?:'s|’s|s')?\s+own\s+{_DOCUMENTS})?\s*,\s*",
    re.IGNORECASE,
)
_BUT_NOT = re.compile(
    r"\s*,?\s+(?:but|yet|and)\s+(?:do\s+not|does\s+not|don't|doesn't|did\s+not|not|never)\s+"
    r"(?:(?:mention|talk\s+about|discuss|refer\s+to|cover|write\s+about)(?:s|ed)?\s+)?",
    re.IGNORECASE,
)
# whose documents, said after which places: Which places' documents mention…, Which cities' reports…
_WHOSE = re.compile(
    r"^((?:which|what)\s+(?:places?|cities|city|provinces?|districts?|counties|county|regions?))"
    # (a plan without the mark is the verb: Which cities plan to build…)
    rf"(?:(?:'|’)s?\s+{_DOCUMENTS}|\s+(?!plan)(?:government\s+)?(?:work\s+)?{_DOCUMENTS})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Remarks:
    question: str  # the question without them
    aside: str  # the place set aside (its own documents, or `whole`), as asked; "" for none
    negated: bool = False  # the places that do not mention it are asked (Which places do not…)
    whole: bool = False  # the place itself is set aside, not only its documents (Besides X, …)


# the places that do not: Which places do not mention X?
# (not a second topic's: …mention X but do not mention Y)
_NOT = re.compile(
    r"(?<!but)(?<!yet)(?<!and)(?<!,)\s+(?:do\s+not|does\s+not|don't|doesn't|did\s+not|never)(?=\s+\w)",
    re.IGNORECASE,
)
# every topic met: …mention both hydrogen and energy storage
_BOTH = re.compile(r"^both\s+(?P<a>.+?)\s+and\s+(?P<b>.+)$", re.IGNORECASE)


def read_remarks(question: str) -> Remarks:
    """The question without the place it sets aside and its negation, and what they were."""
    text = question.strip()
    m = _ASIDE.match(text)
    aside = m["place"].strip() if m else ""
    text = text[m.end() :] if m else text
    text = _WHOSE.sub(r"\1", text[:1].upper() + text[1:])
    plain = _NOT.sub("", text, count=1)
    return Remarks(plain, aside, plain != text, bool(m) and not m["own"])


def topic_parts(topic: str) -> tuple[tuple[str, ...], str]:
    """(the topics every place must mention, the topic it must not, "" for none): both A and
    B; A but not B."""
    both = _BOTH.match(topic)
    if both:
        return (both["a"].strip(), both["b"].strip()), ""
    parts = _BUT_NOT.split(topic, maxsplit=1)
    return ((parts[0].strip(),), parts[1].strip()) if len(parts) == 2 else ((topic,), "")


def chinese_question(
    topics: tuple[str, ...],
    without: str,
    remarks: Remarks,
    in_chinese: Callable[[str], str],
) -> str:
    """The question in Chinese, its parts put into Chinese by `in_chinese` (a word or its
    forms joined by 、): 除了绵阳自己的报告，哪些地方提到了绵阳; 哪些地方同时提到了氢能与储能;
    哪些地方提到了氢能但没提储能; 哪些地方没有提到氢能; the topic alone when nothing else is
    said; "" when a part has no Chinese form (a topic not to be met dropped would answer
    another question)."""
    said = [in_chinese(t) for t in topics]
    unsaid = in_chinese(without) if without else ""
    if not all(said) or (without and not unsaid):
        return ""
    if len(said) == 1 and not (without or remarks.aside or remarks.negated):
        return said[0]
    said = [s.split("、")[0] for s in said] if len(said) > 1 else said  # (one form of each)
    lead = ""
    if remarks.whole:  # (a place set aside whole stays as spelt, for the places reader)
        lead = f"除了{remarks.aside}，"
    elif remarks.aside:
        lead = f"除了{in_chinese(remarks.aside) or remarks.aside}自己的报告，"
    asked = "没有提到" if remarks.negated else "同时提到了" if len(said) > 1 else "提到了"
    tail = f"但没提{unsaid.split('、')[0]}" if unsaid else ""
    return f"{lead}哪些地方{asked}{'与'.join(said)}{tail}"
