"""Composing from text units: a sentence completed by its neighbours, trimmed to the clauses
that matter, a run of parallel list items, or a heading's sub-headings (what X consists of)."""

from __future__ import annotations

import re
from typing import Any

from corpus.model import Chunk
from corpus.text import enclose
from index.types import Hit
from qa.cite import _canonical_docs
from qa.listed import NUMBERING
from qa.scoring import Searchable, lexical_overlap
from qa.text import split_sentences
from qa.types import Answer, Citation
from qa.units import READ_K, Unit, _content_tokens

# "…包括哪几方面？", "…指什么？", "…分哪几块？": the answer is the list of sub-headings
_ENUMERATION = re.compile(
    r"哪些|哪几|包括什么|包括哪|指什么|是什么|有什么|几个方面|几方面|几块|分为"
)


_ENUMERATION_WORDS = frozenset(
    ["几个", "方面", "几方面", "包括", "几块", "分为", "主要", "什么", "今年", "目前", "现在"]
)


def section_overview(
    question: str, hits: list[Hit], index: Searchable, extra: dict[str, Any]
) -> Answer | None:
    """For "what does X consist of" questions whose every content word is in a heading X of a
    retrieved passage: the sub-headings under X, cited with X's line span. An exact heading
    match is evidence enough, so this answer does not go through the abstention threshold."""
    if not _ENUMERATION.search(question):
        return None
    q_tokens = {
        t
        for t in _content_tokens(question)
        if len(t) >= 2 and t not in _ENUMERATION_WORDS and "哪" not in t
    }
    canonical = _canonical_docs(index)
    for hit in sorted(hits[:READ_K], key=lambda h: h.chunk.doc_id not in canonical):
        c = hit.chunk
        # words of the document title say which document, not which section
        tokens = {t for t in q_tokens if t not in c.title}
        if not tokens:
            continue
        for depth, heading in enumerate(c.section):
            if heading in c.title or lexical_overlap(tokens, heading) < 1.0:
                continue
            path = tuple(c.section[: depth + 1])
            below = [
                x
                for x in index.chunks_for(doc_id=c.doc_id)
                if tuple(x.section[: depth + 1]) == path
            ]
            children = list(
                dict.fromkeys(x.section[depth + 1] for x in below if len(x.section) > depth + 1)
            )
            if len(children) < 2:
                continue
            names = [NUMBERING.sub("", ch).strip() for ch in children]
            first = below[0]
            citation = Citation(
                n=1,
                chunk_id=first.chunk_id,
                doc_id=c.doc_id,
                title=c.title,
                district=c.district,
                section=path,
                quote="；".join(children),
                source=c.source,
                line_start=min(x.line_start for x in below),
                line_end=max(x.line_end for x in below),
                also_in=tuple(first.also_in),
            )
            # "打造“两区一园一基地”,全面塑造发展新优势" -> "打造“两区一园一基地”"
            subject = re.split(r"[,，]", NUMBERING.sub("", heading).strip())[0]
            text = (
                f"据《{display_title(c)}》{enclose(heading)}，{subject}包括{len(names)}个方面："
                f"{'、'.join(names)}[1]。"
            )
            return Answer(
                question,
                text,
                False,
                "extractive",
                (citation,),
                tuple(hits),
                extra={**extra, "section_overview": True},
            )
    return None


def display_title(chunk: Chunk) -> str:
    """The plan's own title rather than the cover notice's ("关于印发《…规划》的通知")."""
    if chunk.section and "印发" in chunk.title and chunk.section[0] in chunk.title:
        return chunk.section[0]
    return chunk.title


def _with_marker(clause: str, n: int) -> str:
    # the marker goes before the closing full stop: "…达到200家[1]。"
    if clause.endswith("。"):
        return f"{clause[:-1]}[{n}]。"
    return f"{clause}[{n}]"


_NEXT_ARTICLE = re.compile(r"^\**(第[一二三四五六七八九十\d]+[章节条]|[一二三四五六七八九十]+、)")


_ANAPHOR = re.compile(r"^(?:这|此|该|上述|以上|其中)")


def _complete(unit: Unit) -> str:
    """The unit's sentence, with its neighbour when it cannot stand alone: preceded by the
    sentence it points back to ("这标志着…" needs what "这" is), or followed by the next one
    when it is only a lead-in ("全力升级创建国家高新区。" says what, the next one says how)."""
    if unit.row is not None:
        return unit.text
    sentences = split_sentences(unit.hit.chunk.text)
    if unit.text not in sentences:
        return unit.text
    i = sentences.index(unit.text)
    if _ANAPHOR.match(unit.text) and i > 0:
        return f"{sentences[i - 1]}{unit.text}"
    if unit.text.rstrip().endswith((":", "：")) and i + 1 < len(sentences):
        # "…依照以下程序进行:" announces a list: the list is the answer
        following = []
        for nxt in sentences[i + 1 : i + 1 + LIST_MAX_ITEMS]:
            if _NEXT_ARTICLE.match(nxt):  # 第九条 / 二、: the list has ended
                break
            following.append(_ITEM_MARKER.sub("", nxt).strip())
        return unit.text + "".join(following)
    if len(unit.text) < 20 and i + 1 < len(sentences):
        return f"{unit.text}{sentences[i + 1]}"
    return unit.text


# "…有哪些？", "…包括什么？", "…哪几个…？", "…是什么？": the answer may be several items
_LIST_QUESTION = re.compile(r"哪些|哪几|哪\S?[个项条类种]|包括|包含|有什么|是什么|分别")


_ITEM_MARKER = re.compile(
    r"^(?:[-—•·]+\s*|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+是|\d+[.、．])"
)


LIST_ITEM_HEAD = 30  # an item's lead sentence is short: "坚持市场导向，企业主体。"


LIST_MAX_ITEMS = 8


def _asks_for_the_list(question: str, chunk: Chunk) -> bool:
    """A list question whose subject is the passage's heading ("基本原则有哪些" under
    "（二）基本原则"): the items under it are the answer. One whose words are in an item's
    body ("和秀山在哪些产业上协作") asks about that item."""
    if not _LIST_QUESTION.search(question):
        return False
    tokens = {
        t
        for t in _content_tokens(question)
        if len(t) >= 2 and t not in _ENUMERATION_WORDS and t not in chunk.title
    }
    return bool(tokens) and lexical_overlap(tokens, " ".join(chunk.section)) >= 0.5


def _list_items(unit: Unit) -> list[str] | None:
    """The leads of the run of parallel items (one per line, each opening with a short lead
    sentence or an enumeration mark) that holds `unit`, when there are at least three; else
    None. "坚持市场导向，企业主体。充分发挥…" -> "坚持市场导向，企业主体"."""
    if unit.row is not None:
        return None
    lines = [ln.strip() for ln in unit.hit.chunk.text.splitlines() if ln.strip()]
    heads: list[str | None] = []
    for line in lines:
        marked = bool(_ITEM_MARKER.match(line))
        first = split_sentences(line)[0]
        first = _ITEM_MARKER.sub("", first).strip().rstrip("。；;：:")
        rest = len(split_sentences(line)) > 1
        heads.append(first if first and len(first) <= LIST_ITEM_HEAD and (marked or rest) else None)
    mine = next((i for i, ln in enumerate(lines) if unit.text in ln), None)
    if mine is None or heads[mine] is None:
        return None
    start = mine
    while start > 0 and heads[start - 1] is not None:
        start -= 1
    end = mine
    while end + 1 < len(lines) and heads[end + 1] is not None:
        end += 1
    run = [h for h in heads[start : end + 1] if h]
    return run[:LIST_MAX_ITEMS] if len(run) >= 3 else None


LONG_SENTENCE = 150  # characters: beyond this an answer quotes only the clauses that matter


_CLAUSE_END = re.compile(r"(?<=[，,；;：:])")


def _trim(sentence: str, q_tokens: set[str]) -> str:
    """A long sentence cut down to its clauses that hold the question's words (else those that
    hold a number), kept in order, "…" where clauses were left out); a short one as it is."""
    if len(sentence) <= LONG_SENTENCE:
        return sentence
    clauses = [c for c in _CLAUSE_END.split(sentence) if c]
    said = {i: sum(len(t) for t in q_tokens if t in c) for i, c in enumerate(clauses)}
    keep = [i for i, c in enumerate(clauses) if said[i]]
    keep = keep or [i for i, c in enumerate(clauses) if re.search(r"\d", c)]
    if not keep:
        return sentence
    # the clauses saying most of the question, a figure breaking ties, as many as fit; in order
    ranked = sorted(keep, key=lambda i: (said[i], bool(re.search(r"\d", clauses[i]))), reverse=True)
    chosen: list[int] = []
    for i in ranked:
        if chosen and sum(len(clauses[j]) for j in chosen) + len(clauses[i]) > LONG_SENTENCE:
            continue
        chosen.append(i)
    keep = sorted(chosen)
    out, last = [], -1
    for i in keep:
        if i != last + 1:
            out.append("…")
        out.append(clauses[i])
        last = i
    text = "".join(out).strip()
    text = re.sub(r"[，,；;：:]$", "", text)
    return text.removeprefix("…") if keep[0] == 0 else text


def _as_clause(sentence: str) -> str:
    s = re.sub(r"^[—\-•·]+", "", sentence.strip()).strip()
    s = re.sub(r"^[（(]?[一二三四五六七八九十\d]+[)）.、．]\s*", "", s)
    if s and s[-1] in "；;，,":
        s = s[:-1] + "。"
    elif s and s[-1] not in "。！？!?":
        s += "。"
    return s


def noun_phrase(text: str) -> str | None:
    """What a clause names, without the verbs leading it ("创新推广普惠型商业补充医疗保险" →
    普惠型商业补充医疗保险); None when what is left is no noun phrase of 4 characters or more
    (a verb or a list, "加快推进…" alone, "A、B")."""
    import jieba.posseg as pseg

    words = list(pseg.cut(text.strip()))
    while words and words[0].flag in ("v", "d", "ad", "vd", "p", "c"):
        words.pop(0)
    named = "".join(w.word for w in words)
    if len(named) < 4 or not words or words[-1].flag[0] not in "nv" or "、" in named:
        return None
    return named
