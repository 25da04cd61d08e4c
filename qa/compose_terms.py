"""Composing what X consists of.

Two kinds of evidence unit answer it, read from the retrieved passages:
- a heading subtree: a heading that is the question's subject (its text is in the question, or
  a term the question quotes is in it) together with what is under it — its sub-headings, else
  the lead sentences of its paragraphs, else its "一是…二是…" enumeration;
- a list in a passage about the subject (qa/listed.py).
What X means is composed in qa/definitions.py. An exact heading or list match is evidence
enough: these answers do not go through the abstention threshold.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from corpus.text import enclose
from qa.counted import stated_count
from qa.enumerations import enumerations, up_to
from qa.listed import NUMBERING, flat, item_kind, joined, kind_run, listed_items
from qa.read_on import overlap_of
from qa.scoring import lexical_overlap
from qa.types import Answer, Citation
from qa.units import _content_tokens

_QUOTED = re.compile(r"[“\"「]([^”\"」]{2,20})[”\"」]")
_ENUMERATED = re.compile(r"[一二三四五六七八九十]是([^。；;，,]{2,20})")
LEAD_MAX = 30  # an item's lead sentence is short: "坚持市场导向，企业主体。"
MAX_ITEMS = 10


def quoted_terms(question: str) -> list[str]:
    return _QUOTED.findall(question)


def composition_answer(question: str, hits: list[Any], index: Any, title: Any) -> Answer | None:
    """What X consists of, from the heading subtree of X among the top passages."""
    quoted = quoted_terms(question)
    led = next((m for t in quoted if (m := _OPENING.fullmatch(t))), None)
    if led is not None and index is not None:
        return led_items(question, led.group(1), hits, index, title)
    flat_q = flat(question)
    for hit in hits[:5]:
        c = hit.chunk
        for depth, heading in enumerate(c.section):
            name = flat(NUMBERING.sub("", heading))
            first = flat(re.split(r"[,，]", NUMBERING.sub("", heading))[0])
            is_subject = (
                (len(name) >= 3 and (name in flat_q or first in flat_q))
                or any(flat(q) in name for q in quoted)
                or _names_heading(name, question)
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
            # a count the quoted term states (两区一园一基地: 4) must agree with the items
            counts = set().union(*(stated_count(q) for q in quoted)) if quoted else set()
            items = up_to(items, counts) or []
            if len(items) >= 2:
                subject = re.split(r"[,，]", NUMBERING.sub("", heading).strip())[0]
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
                        extra={"section_overview": True, "composition": True, "items": len(items)},
                    )
                text = f"据《{title(c)}》{enclose(heading)}，{subject}包括{len(items)}项：{'；'.join(items)}[1]。"
                found = _answer(
                    question, text, below[0], "；".join(items), hits, "composition", len(items)
                )
                # the leads stand in several passages: cite the lines down to the last one's
                last = next((x for x in reversed(below) if items[-1] in x.text), below[0])
                cited = found.citations[0]
                if last.line_end > cited.line_end:
                    cited = replace(cited, line_end=last.line_end, passage_line_end=last.line_end)
                return replace(found, citations=(cited,))
    candidates = hits[:5] + (_literal(quoted[0], index, hits) if quoted else [])
    # names in quotes right before the kind asked (“A”“B”“C”品牌), in the passages retrieved or
    # anywhere in their documents: a form this sure is worth reading the documents for, when a
    # kind of item is asked at all
    chunks = [h.chunk for h in hits[:5]] if item_kind(question) else []
    if chunks and index is not None:
        docs = list(dict.fromkeys(c.doc_id for c in chunks))
        chunks += [c for d in docs[:3] for c in index.chunks_for(doc_id=d) if "”" in c.text]
    for chunk in chunks:
        named = kind_run(question, chunk.text)
        if named is not None:
            subject, items, quote = named
            body = f"据《{title(chunk)}》，{subject}：{joined(items)}[1]。"
            return _answer(question, body, chunk, quote, hits, "composition", len(items))
    # a list that begins in a retrieved passage before one reached by reading past its end
    for hit, own in [(h, True) for h in candidates] + [(h, False) for h in candidates]:
        listed = listed_items(question, quoted, hit.chunk, index, own)
        if listed is not None:
            subject, items, quote, end = listed
            body = f"据《{title(hit.chunk)}》，{subject}：{joined(items)}[1]。"
            found = _answer(question, body, hit.chunk, quote, hits, "composition", len(items))
            cited = found.citations[0]
            if end > cited.line_end:  # the list runs on into the next passages: cite its lines
                cited = replace(cited, line_end=end, passage_line_end=end)
            return replace(found, citations=(cited,))
    return None


# a quoted opening and an ellipsis: the items that open so (“努力让……”有哪几条)
_OPENING = re.compile(r"([^…．.]{2,12})(?:…+|\.{3,}|．{3,})")


def led_items(
    question: str, opening: str, hits: list[Any], index: Any, title: Any
) -> Answer | None:
    """The sentences that open with `opening`, in the document of the first passage that has
    one, each up to its first stop: 努力让就业更充分、努力让教育更优质…"""
    from qa.text import split_sentences

    for doc_id in dict.fromkeys(h.chunk.doc_id for h in hits[:5]):
        found = [
            (chunk, said)
            for chunk in index.chunks_for(doc_id=doc_id)
            for said in split_sentences(chunk.text)
            if NUMBERING.sub("", said.strip()).startswith(opening)
        ]
        items = list(dict.fromkeys(re.split(r"[。；;，,：:]", s.strip())[0] for _, s in found))
        if len(items) < 2:
            continue
        first, last = found[0][0], found[-1][0]
        body = f"据《{title(first)}》，以“{opening}”开头的共{len(items)}条：{'；'.join(items)}[1]。"
        answer = _answer(
            question, body, first, found[0][1].strip(), hits, "composition", len(items)
        )
        cited = answer.citations[0]
        if last.line_end > cited.line_end:
            cited = replace(cited, line_end=last.line_end, passage_line_end=last.line_end)
        return replace(answer, citations=(cited,))
    return None


def _names_heading(name: str, question: str) -> bool:
    """Whether the question says most of a heading in its own order of words ("政府自身建设
    今年从哪几个方面加强" of 全面加强政府自身建设): three words of it or more, three in four
    of them in the question."""
    words = {w for w in _content_tokens(name) if len(w) >= 2}
    return len(words) >= 3 and lexical_overlap(words, question) >= 0.75


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
        return [NUMBERING.sub("", ch).strip() for ch in children][:MAX_ITEMS], below[0]
    text = ""
    for x in below:
        if x.kind == "table":
            continue
        if not text:
            text = x.text
        elif cut := overlap_of(text, x.text):  # the passages repeat what the one before ends with
            text += x.text[cut:]
        else:
            text += "\n" + x.text
    lines = [re.sub(r"^[—\-•·\s]+", "", line.strip()) for line in text.splitlines()]
    # a numbered run (1.… 2.… 3.…, however the passages cut its lines) is the items: the
    # rest of the text is their bodies
    runs = [run for run in enumerations("\n".join(lines)) if len(run.items) >= 2]
    if runs:
        return [_lead(item) or item for item in runs[0].items][:MAX_ITEMS], False
    leads = []
    for line in lines:
        lead = _lead(NUMBERING.sub("", line))
        if lead and len(lead) <= 2 * LEAD_MAX and len(line) > len(lead) + 1:
            leads.append(lead)
        m = _ENUMERATED.findall(line)
        if not leads and len(m) >= 2:
            leads.extend(m)
    return list(dict.fromkeys(leads))[:MAX_ITEMS], False


def _lead(line: str) -> str:
    """An item's lead: its first sentence when short, its label when that is a "label: value"
    whose value runs long (一轴:科学大道创新发展轴。 → 一轴：科学大道创新发展轴; 北段:依托… → 北段)."""
    sentence = line.split("。", 1)[0].strip()
    colon = re.search(r"[:：]", sentence)
    if colon is None:
        return sentence if len(sentence) <= LEAD_MAX else ""
    label, value = sentence[: colon.start()].strip(), sentence[colon.end() :].strip()
    if len(label) > LEAD_MAX:
        return ""
    return f"{label}：{value}" if value and len(value) <= LEAD_MAX else label


def _answer(
    question: str,
    text: str,
    chunk: Any,
    quote: str,
    hits: list[Any],
    kind: str,
    items: int | None = None,
) -> Answer:
    """`items`: how many items a list answer gives (a question counting them holds it to that)."""
    citation = Citation.from_chunk(1, chunk, quote)
    extra = {kind: True} if items is None else {kind: True, "items": items}
    return Answer(question, text, False, "extractive", (citation,), tuple(hits), extra=extra)
