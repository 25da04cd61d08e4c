"""Composing what X consists of and what X means.

Two kinds of evidence unit answer these, read from the retrieved passages:
- a heading subtree: a heading that is the question's subject (its text is in the question, or
  a term the question quotes is in it) together with what is under it — its sub-headings, else
  the lead sentences of its paragraphs, else its "一是…二是…" enumeration;
- a definition: "X:…", "X是指…", "X即…", "X（…）", "…（以下简称“X”）".
An exact heading or definition match is evidence enough: these answers do not go through the
abstention threshold.
"""

from __future__ import annotations

import re
from typing import Any

from corpus.text import enclose
from qa.types import Answer, Citation

_QUOTED = re.compile(r"[“\"「]([^”\"」]{2,20})[”\"」]")
_NUMBERING = re.compile(
    r"^(?:第[一二三四五六七八九十\d]+[章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]"
    r"|\d+[.、．]|专栏\d+)\s*"
)
_ENUMERATED = re.compile(r"[一二三四五六七八九十]是([^。；;，,]{2,20})")
_SUBJECT_NOISE = re.compile(
    r"具体|分别|主要|都|包括|包含|哪几[个项条类种方面块]*|哪些|几个方面|有哪|是什么意思|什么意思"
    r"|是指什么|指的是什么|指什么|是什么|的全称|全称|的简称|简称|是哪[一二三四五六七八九十\d]+个\S*"
    r"|分哪|[？?。]|提出了|规划里|规划中|规划的|的$"
)
LEAD_MAX = 30  # an item's lead sentence is short: "坚持市场导向，企业主体。"
MAX_ITEMS = 10


def quoted_terms(question: str) -> list[str]:
    return _QUOTED.findall(question)


def definition_answer(
    question: str, hits: list[Any], title: Any, index: Any = None
) -> Answer | None:
    """What X means, from a definition of X in a top passage, or in any passage holding X
    verbatim (X: a term the question quotes, else the words before 是什么意思/指什么/的全称)."""
    terms = quoted_terms(question) or [_SUBJECT_NOISE.sub("", question).strip('“”"的 ')]
    for term in [t for t in terms if len(t) >= 2]:
        t = re.escape(term)
        # the term as a whole word: "三校" is not the end of "三审三校"
        w = rf"(?<![\u4e00-\u9fff])[“\"]?{t}[”\"]?"
        patterns = (
            rf"{w}\s*[:：]\s*(?:是指)?(?P<v>[^。]{{4,120}})",
            rf"{w}\s*(?:是指|即|指的是)(?P<v>[^。]{{4,120}})",
            rf"{w}\s*[（(](?P<v>[^）)]{{4,80}})[）)]",
            rf"(?P<v>[^，,。；;:：]{{4,60}}?)\s*[（(]以下简称[“\"]?{t}[”\"]?[）)]",
        )
        for hit in hits[:5] + _literal(term, index, hits):
            for line in hit.chunk.text.splitlines():
                for p in patterns:
                    m = re.search(p, line)
                    if m:
                        value = m.group("v").strip(" ,，;；")
                        text = f"据《{title(hit.chunk)}》，“{term}”指{value}[1]。"
                        quote = line.strip()
                        return _answer(question, text, hit.chunk, quote, hits, "definition")
    return None


def composition_answer(question: str, hits: list[Any], index: Any, title: Any) -> Answer | None:
    """What X consists of, from the heading subtree of X among the top passages."""
    quoted = quoted_terms(question)
    flat_q = _flat(question)
    for hit in hits[:5]:
        c = hit.chunk
        for depth, heading in enumerate(c.section):
            name = _flat(_NUMBERING.sub("", heading))
            first = _flat(re.split(r"[,，]", _NUMBERING.sub("", heading))[0])
            is_subject = (len(name) >= 3 and (name in flat_q or first in flat_q)) or any(
                _flat(q) in name for q in quoted
            )
            if not is_subject or heading in c.title:
                continue
            path = tuple(c.section[: depth + 1])
            below = [
                x
                for x in index.chunks_for(doc_id=c.doc_id)
                if tuple(x.section[: depth + 1]) == path
            ]
            items, children = _items_under(below, depth)
            if len(items) >= 2:
                subject = re.split(r"[,，]", _NUMBERING.sub("", heading).strip())[0]
                if children:  # the sub-headings, cited with the whole subtree's lines
                    text = f"{subject}包括{len(items)}个方面：{'、'.join(items)}[1]。"
                    citation = Citation(
                        n=1,
                        chunk_id=below[0].chunk_id,
                        doc_id=c.doc_id,
                        title=c.title,
                        district=c.district,
                        section=path,
                        quote="；".join(
                            x
                            for x in dict.fromkeys(
                                x.section[depth + 1] for x in below if len(x.section) > depth + 1
                            )
                        ),
                        source=c.source,
                        line_start=min(x.line_start for x in below),
                        line_end=max(x.line_end for x in below),
                        also_in=tuple(below[0].also_in),
                    )
                    return Answer(
                        question,
                        f"据《{title(c)}》{enclose(heading)}，{text}",
                        False,
                        "extractive",
                        (citation,),
                        tuple(hits),
                        extra={"section_overview": True, "composition": True},
                    )
                text = f"据《{title(c)}》{enclose(heading)}，{subject}包括{len(items)}项：{'；'.join(items)}[1]。"
                return _answer(question, text, below[0], "；".join(items), hits, "composition")
    for term in quoted:  # "“三个到位”是哪三个": 一是…二是…三是… after the term
        for hit in hits[:5]:
            text = hit.chunk.text
            at = text.find(term)
            if at < 0:
                continue
            items = [i.strip() for i in _ENUMERATED.findall(text[at:])][:MAX_ITEMS]
            if len(items) >= 2:
                body = f"据《{title(hit.chunk)}》，“{term}”包括：{'；'.join(items)}[1]。"
                return _answer(question, body, hit.chunk, "；".join(items), hits, "composition")
    return None


def _literal(term: str, index: Any, hits: list[Any]) -> list[Any]:
    """Passages holding `term` verbatim, as hits, the hits' places first (a quoted term is the
    user's own spelling: found as written even when retrieval ranks it low)."""
    if index is None or not hits:
        return []
    from types import SimpleNamespace

    places = {h.chunk.district for h in hits}
    found = [c for c in index.chunks if term in c.text]
    found.sort(key=lambda c: c.district not in places)  # the hits' places first
    return [SimpleNamespace(chunk=c) for c in found]


def _items_under(below: list[Any], depth: int) -> tuple[list[str], Any]:
    """The sub-headings under a heading, else its paragraphs' short lead sentences."""
    children = list(
        dict.fromkeys(x.section[depth + 1] for x in below if len(x.section) > depth + 1)
    )
    if len(children) >= 2:
        return [_NUMBERING.sub("", ch).strip() for ch in children][:MAX_ITEMS], below[0]
    leads = []
    for x in below:
        if x.kind == "table":
            continue
        for line in x.text.splitlines():
            line = re.sub(r"^[—\-•·\s]+", "", line.strip())
            lead = _NUMBERING.sub("", re.split(r"[。:：]", line)[0]).strip()
            if lead and len(lead) <= LEAD_MAX and len(line) > len(lead) + 1:
                leads.append(lead)
            m = _ENUMERATED.findall(line)
            if not leads and len(m) >= 2:
                leads.extend(m)
    return list(dict.fromkeys(leads))[:MAX_ITEMS], False


def _flat(text: str) -> str:
    return re.sub(r"[\s“”\"'，,、。]", "", text)


def _answer(question: str, text: str, chunk: Any, quote: str, hits: list[Any], kind: str) -> Answer:
    citation = Citation.from_chunk(1, chunk, quote)
    return Answer(question, text, False, "extractive", (citation,), tuple(hits), extra={kind: True})
