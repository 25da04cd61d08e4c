"""Answers with citations: an LCEL chain (langchain-core Runnables) from a question to an
`Answer`.

retrieve -> split the top passages into units (sentences, table rows) -> score each unit
against the question (cosine with the index's embedder + lexical overlap with its tokenizer)
-> abstain below the calibrated evidence threshold, else compose a short Chinese answer whose
[n] markers map to citations. Questions that ask which districts do something go to the
district finder; `llm=True` hands the same numbered passages to a chat model (qa.llm).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from corpus.model import Chunk, SourceSpan
from index.types import Filters, Hit
from qa.calibration import has_cjk, load_calibration
from qa.crosslingual import gloss_coverage, gloss_coverages
from qa.scoring import Searchable, cosine_to_query, lexical_overlap, question_tokens
from qa.text import TableRow, check_question, split_sentences, table_rows, target_value, year_in
from qa.types import Answer, Citation, DistrictReport
from qa.vocabulary import vocabulary

RETRIEVE_K = 8  # passages retrieved (and shown as `results`)
READ_K = 5  # of those, passages whose sentences are scored
NEAREST_SHOWN = 3  # passages listed when abstaining
# weight of lexical overlap next to cosine similarity: e5 cosines of related and unrelated
# Chinese sentences differ by ~0.1, so a full lexical match counts about as much as that gap
LEXICAL_WEIGHT = 0.15
# a second sentence is added when it scores almost as well as the best one
SECOND_UNIT_MARGIN = 0.02
NEAR_DUPLICATE = 0.9  # difflib ratio above which two quotes are the same text (000 vs 003)

_NUMBER_QUESTION = re.compile(
    r"多少|几个|几家|几项|几件|几名|数量|数是|比重|比例|占比|强度|金额|增长率|规模|目标|指标|达到|预期"
    r"|\bhow (?:many|much)\b|\b(?:number|share|percentage|proportion|rate|target|amount)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Unit:
    """A sentence or a table row of a retrieved passage, scored against the question."""

    hit: Hit
    text: str
    row: TableRow | None
    cosine: float
    lexical: float
    # IDF-weighted share of the question's words that are not in the passage's title found in
    # the unit or its heading: what sets this sentence apart from its neighbours
    specific: float = 0.0

    @property
    def evidence(self) -> float:
        return self.cosine + LEXICAL_WEIGHT * self.lexical

    @property
    def rank_score(self) -> float:
        """How well this unit answers, next to the other units: cosine + the weighted share of
        specific words (a rare word such as 征集时间 counts for more than 发展)."""
        return self.cosine + LEXICAL_WEIGHT * self.specific


COVERAGE_PASSAGES = 3


def passage_coverage(question: str, hits: list[Hit], index: Searchable | None) -> float:
    """How much of the question the best of the top passages holds: the IDF-weighted share of
    the question's content words found in its title, heading path and text. A question about
    a detail the corpus lacks (报酬, 床位) misses its rarest word everywhere."""
    if index is None or not hits:
        return 0.0
    passages = [h.chunk for h in hits[:COVERAGE_PASSAGES]]
    if not has_cjk(question):  # English: its words are looked for in the passages' glosses
        return gloss_coverage(
            question, (f"{c.title} {' '.join(c.section)} {c.text}" for c in passages)
        )
    vocab = vocabulary(index)
    q_tokens = _content_tokens(question)
    return max(
        vocab.weighted_overlap(q_tokens, f"{c.title} {' '.join(c.section)} {c.text}")
        for c in passages
    )


def evidence_score(units: list[Unit], coverage: float = 0.0, weight: float | None = None) -> float:
    """The retrieval evidence an answer rests on: the best sentence's cosine similarity to the
    question + weight x the passage coverage. The weight and the threshold are calibrated
    together on answerable and unanswerable questions (benchmarks/calibrate_qa.py)."""
    if not units:
        return 0.0
    if weight is None:
        weight = load_calibration().coverage_weight
    return max(u.cosine for u in units) + weight * coverage


# --- the chain -------------------------------------------------------------------------


def build_chain(index: Searchable):
    """question state -> Answer, as an LCEL Runnable. The state is a dict with `question`
    and `filters`. (langchain-core is imported here: it costs ~0.3 s at CLI start-up.)"""
    from langchain_core.runnables import RunnableLambda, RunnablePassthrough

    return (
        RunnablePassthrough.assign(hits=RunnableLambda(lambda s: _retrieve(index, s)))
        | RunnablePassthrough.assign(units=RunnableLambda(lambda s: score_units(index, s)))
        | RunnableLambda(lambda s: compose_extractive(s["question"], s["hits"], s["units"], index))
    )


def _retrieve(index: Searchable, state: dict[str, Any]) -> list[Hit]:
    return index.search(state["question"], k=RETRIEVE_K, filters=state["filters"])


def score_units(index: Searchable, state: dict[str, Any]) -> list[Unit]:
    question: str = state["question"]
    hits: list[Hit] = state["hits"][:READ_K]
    q_tokens = _content_tokens(question)
    raw: list[tuple[Hit, str, TableRow | None]] = []
    for hit in hits:
        if hit.chunk.kind == "table":
            rows = table_rows(hit.chunk.text)
            raw.extend((hit, r.text, r) for r in rows)
            if rows:
                continue
        raw.extend(
            (hit, s, None) for s in split_sentences(hit.chunk.text) if _is_statement(s, hit.chunk)
        )
    texts = [_unit_context(h.chunk, t, r) for h, t, r in raw]
    sims = cosine_to_query(index, question, texts)
    # the heading counts for lexical overlap ("普查对象与内容" is the section, not the sentence)
    heads = [h.chunk.section[-1] if h.chunk.section else "" for h, _, _ in raw]
    if not has_cjk(question):
        # an English question's words are found among the unit's CEDICT glosses instead
        glossed = gloss_coverages(question, (f"{h} {t}" for h, t in zip(heads, texts, strict=True)))
        return [
            Unit(h, t, r, float(sims[i]), glossed[i], glossed[i]) for i, (h, t, r) in enumerate(raw)
        ]
    vocab = vocabulary(index)
    return [
        Unit(
            h,
            t,
            r,
            float(sims[i]),
            lexical_overlap(q_tokens, f"{heads[i]} {texts[i]}"),
            vocab.weighted_overlap(
                {q for q in q_tokens if q not in h.chunk.title}, f"{heads[i]} {texts[i]}"
            ),
        )
        for i, (h, t, r) in enumerate(raw)
    ]


_HEADING = re.compile(
    r"^(第[一二三四五六七八九十\d]+[章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])"
)
_PAGE_NUMBER = re.compile(r"\s\d{1,3}$")


def _is_statement(sentence: str, chunk: Chunk) -> bool:
    """A sentence that can carry an answer: not a heading repeated in the text, not a table of
    contents entry ("第一节 加强科学技术普及 46"), not a fragment."""
    s = sentence.strip()
    if len(s) < 8 or s in chunk.section:
        return False
    squeezed = "".join(s.split()).rstrip("。")
    if squeezed and (squeezed in "".join(chunk.title.split()) or squeezed.endswith("的通知")):
        return False
    if _PAGE_NUMBER.search(s) and len(s) < 40:
        return False
    return not (_HEADING.match(s) and len(s) < 30 and not re.search(r"[，,。；]", s))


def _unit_context(chunk: Chunk, text: str, row: TableRow | None) -> str:
    # a table row alone ("5 | 高新技术企业数 | 98 | 200") says nothing about whose table it is
    if row is not None:
        head = " ".join(
            p for p in (chunk.district or "", chunk.section[-1] if chunk.section else "") if p
        )
        return f"{head} {text}".strip()
    return text


def _content_tokens(question: str) -> set[str]:
    # district names are handled by the filter; left in, they (and their sub-words: 高新,
    # 新区) would make every passage of the district look relevant
    return question_tokens(_place_names().sub(" ", question))


@cache
def _place_names() -> re.Pattern[str]:
    from corpus.gazetteer import ALL_DISTRICTS

    names = {"重庆高新区", "高新区", "重庆市", "重庆"}
    for name in ALL_DISTRICTS:
        names.add(name)
        if len(name) > 2 and name[-1] in "区县":
            names.add(name[:-1])
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


# --- composing -------------------------------------------------------------------------


def compose_extractive(
    question: str, hits: list[Hit], units: list[Unit], index: Searchable | None = None
) -> Answer:
    calibration = load_calibration()
    threshold = calibration.abstain_threshold(question)
    coverage = passage_coverage(question, hits, index)
    evidence = evidence_score(units, coverage, calibration.coverage_weight_for(question))
    extra = {"evidence": round(evidence, 6), "coverage": round(coverage, 4), "threshold": threshold}
    if index is not None:
        overview = section_overview(question, hits, index, extra)
        if overview is not None:
            return overview
    if not units or evidence < threshold:
        return abstain(question, hits, extra=extra)
    ranked = sorted(units, key=lambda u: _answer_rank(question, u), reverse=True)
    best = ranked[0]
    if _HOW_MANY.search(question) and best.row is None and not re.search(r"\d", _complete(best)):
        # "多少/几个" asks for a number and the best sentence holds none: the corpus speaks
        # of the topic but not of the figure (经费纳入财政预算, no amount)
        return abstain(question, hits, extra={**extra, "no_number": True})
    if best.row is not None:  # a table row answers with its number, never the raw row
        text, quote = _number_sentence(question, best, index)
        picks = [(best, quote)]
        body = f"{text}[1]。"
    else:
        items = _list_items(best) if _asks_for_the_list(question, best.hit.chunk) else None
        if items is not None:
            # a list question answered from a run of parallel items: each item's lead
            quote = "；".join(items)
            picks = [(best, quote)]
            body = _with_marker(_as_clause(quote), 1)
        else:
            q_tokens = _content_tokens(question)
            picks = [(best, _trim(_complete(best), q_tokens))]
            # the second sentence is judged as the first was (a phone question's second line
            # must hold a phone number too)
            top = _answer_rank(question, best)
            for u in ranked[1:6]:
                if len(picks) >= 2 or _answer_rank(question, u) < top - SECOND_UNIT_MARGIN:
                    break
                if u.row is None and not any(_same_text(u.text, p.text) for p, _ in picks):
                    picks.append((u, _trim(_complete(u), q_tokens)))
            body = "".join(_with_marker(_as_clause(q), i) for i, (_, q) in enumerate(picks, 1))
    chunk = best.hit.chunk
    where = f"据《{display_title(chunk)}》" + (f"（{chunk.section[-1]}）" if chunk.section else "")
    citations = _citations([(u.hit, q) for u, q in picks], units, index)
    answer = f"{where}，{body}"
    if not answer.endswith("。"):
        answer += "。"
    return Answer(question, answer, False, "extractive", tuple(citations), tuple(hits), extra=extra)


# "…包括哪几方面？", "…指什么？", "…分哪几块？": the answer is the list of sub-headings
_ENUMERATION = re.compile(
    r"哪些|哪几|包括什么|包括哪|指什么|是什么|有什么|几个方面|几方面|几块|分为"
)
_ENUMERATION_WORDS = frozenset(
    ["几个", "方面", "几方面", "包括", "几块", "分为", "主要", "什么", "今年", "目前", "现在"]
)
_NUMBERING = re.compile(
    r"^(第[一二三四五六七八九十\d]+[章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])\s*"
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
            names = [_NUMBERING.sub("", ch).strip() for ch in children]
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
            subject = re.split(r"[,，]", _NUMBERING.sub("", heading).strip())[0]
            text = (
                f"据《{display_title(c)}》（{heading}），{subject}包括{len(names)}个方面："
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


def _answer_rank(question: str, unit: Unit) -> float:
    # retrieval already weighed the whole passage: a small prior for its rank breaks near-ties
    score = unit.rank_score + 0.01 / unit.hit.rank
    if _NUMBER_QUESTION.search(question):
        if unit.row is not None:
            score += 0.02
        if not re.search(r"\d", unit.text):
            score -= 0.05
    # a question about when wants a sentence holding a date
    if _TIME_QUESTION.search(question) and not _DATE.search(unit.text):
        score -= 0.05
    # a question about a phone number is answered only by a line holding one: no cosine
    # margin makes the notice's long opening sentence an answer to "打什么电话"
    if _PHONE_QUESTION.search(question) and not _PHONE.search(unit.text):
        score -= 0.5
    return score


_PHONE_QUESTION = re.compile(r"电话|联系方式|手机")
# landline with area code (023-48661234), bare 8-digit landline, or 11-digit mobile
_PHONE = re.compile(r"0\d{2,3}[-－—]?\d{7,8}|(?<!\d)\d{8}(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)")
_TIME_QUESTION = re.compile(
    r"什么时候|何时|哪天|哪几天|几月|几号|日期|时间|截止|期限|\bwhen\b|\bwhat (?:date|time)\b|\bdeadline\b",
    re.IGNORECASE,
)
_DATE = re.compile(r"\d+\s*年|\d+\s*月|\d+\s*日|\d+时|底前|季度")


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
    keep = [i for i, c in enumerate(clauses) if any(t in c for t in q_tokens)]
    keep = keep or [i for i, c in enumerate(clauses) if re.search(r"\d", c)]
    if not keep:
        return sentence
    out, last, size = [], -1, 0
    for i in keep:
        if size + len(clauses[i]) > LONG_SENTENCE and out:
            break
        if i != last + 1:
            out.append("…")
        out.append(clauses[i])
        size += len(clauses[i])
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


def _same_text(a: str, b: str) -> bool:
    from corpus.text import hash_key

    ka, kb = hash_key(a), hash_key(b)
    return ka == kb or difflib.SequenceMatcher(None, ka, kb).ratio() >= NEAR_DUPLICATE


def _number_sentence(question: str, unit: Unit, index: Searchable | None) -> tuple[str, str]:
    """ "到2025年，綦江区高新技术企业数预期达到200家" from a table row."""
    row = unit.row
    assert row is not None
    chunk = unit.hit.chunk
    asked_year = year_in(question)
    if asked_year is None and _BASELINE.search(question):
        asked_year = min((year_in(h) for h, _ in row.values if year_in(h)), default=None)
    head, value = target_value(row, asked_year) or ("", "")
    unit_word = row.unit or _unit_from_text(row.name, value, chunk, index) or ""
    if unit_word == "%" or value.endswith("%"):
        value, unit_word = value.rstrip("%"), "%"
    year = year_in(head) if head else None
    place = chunk.district or ""
    name = row.name
    if place and name.startswith(place.rstrip("区县")):
        place = ""
    if year and int(year) >= 2021:
        text = f"到{year}年，{place}{name}预期达到{value}{unit_word}"
    elif year:
        text = f"{year}年，{place}{name}为{value}{unit_word}"
    else:
        text = f"{place}{name}为{value}{unit_word}"
    return text, row.text


_HOW_MANY = re.compile(r"多少|几[个家项件名人次天所座亩期]|\bhow (?:many|much)\b", re.IGNORECASE)

# questions about where things stand now, not the target: the table's earliest year column
_BASELINE = re.compile(r"十三五|现状|基期|目前|现在|已经|基础")

_UNIT_AFTER = r"\s*(件/万人|个百分点|万平方米|亿元|万元|人年|家|个|件|人|名|项|%)"


def _unit_from_text(name: str, value: str, chunk: Chunk, index: Searchable | None) -> str | None:
    """The unit of a table value whose unit cell was lost in extraction, read from the plan's
    own prose ("高新技术企业达到 200 家")."""
    if index is None or not value:
        return None
    pattern = re.compile(re.escape(value) + _UNIT_AFTER)
    key = name[:4]
    for c in index.chunks_for(doc_id=chunk.doc_id):
        if c.kind == "table":
            continue
        for sentence in split_sentences(c.text):
            m = pattern.search(sentence)
            if m and key in sentence:
                return m.group(1)
    return None


def _citations(
    picks: list[tuple[Hit, str]], units: list[Unit], index: Searchable | None = None
) -> list[Citation]:
    """One citation per [n]. A quote that also stands in another copy (the plan in 000 and
    again inside the 003 gazette) is cited once: from the canonical copy, with the other
    copies' spans in also_in. Copies are found among the scored units and, when the index
    is at hand, in the chunks of documents marked as duplicates of each other."""
    out: list[Citation] = []
    for n, (hit, quote) in enumerate(picks, 1):
        copies = [hit.chunk]
        for u in units:
            if u.hit.chunk.chunk_id not in {c.chunk_id for c in copies} and _same_text(
                u.text, quote
            ):
                copies.append(u.hit.chunk)
        if index is not None:
            copies += [c for c in _copies_elsewhere(hit.chunk, quote, index) if c not in copies]
        canonical = _canonical_docs(index)
        copies.sort(key=lambda c: c.doc_id not in canonical)  # stable: the hit first otherwise
        primary = copies[0]
        also: list[SourceSpan] = []
        own = (primary.source, primary.line_start)
        for c in copies:
            for span in c.sources:
                if (span.source, span.line_start) != own and span not in also:
                    also.append(span)
        out.append(Citation.from_chunk(n, primary, quote, tuple(also)))
    return out


def _canonical_docs(index: Searchable | None) -> set[str]:
    if index is None:
        return set()
    return {d.doc_id for d in getattr(index, "documents", ()) if not d.duplicate_of}


def _copies_elsewhere(chunk: Chunk, quote: str, index: Searchable) -> list[Chunk]:
    """Chunks of the documents that duplicate `chunk`'s document (either direction) whose
    text holds `quote` (compared without width/spacing differences)."""
    docs = list(getattr(index, "documents", ()))
    mine = next((d for d in docs if d.doc_id == chunk.doc_id), None)
    if mine is None:
        return []
    root = mine.duplicate_of or mine.doc_id
    related = [
        d.doc_id
        for d in docs
        if d.doc_id != chunk.doc_id and (d.doc_id == root or d.duplicate_of == root)
    ]
    from corpus.text import hash_key

    # a trimmed quote ("…" where clauses were left out) is found by its longest piece
    key = hash_key(max(quote.split("…"), key=len)).rstrip("。；;")
    found = []
    for doc_id in related:
        for other in index.chunks_for(doc_id=doc_id):
            if key and key in hash_key(other.text):
                found.append(other)
    return found


def abstain(
    question: str, hits: list[Hit], extra: dict[str, Any] | None = None, reason: str | None = None
) -> Answer:
    """ "Nothing definite found" plus the nearest passages, each cited."""
    nearest = _distinct_hits(hits)[:NEAREST_SHOWN]
    lines = [reason or "未在语料中找到能确切回答这个问题的内容。"]
    if nearest:
        lines.append("最接近的段落：")
    citations = []
    for n, hit in enumerate(nearest, 1):
        c = hit.chunk
        quote = _short(c.text)
        section = " › ".join(c.section)
        lines.append(f"[{n}] 《{c.title}》{('（' + section + '）') if section else ''}：{quote}")
        citations.append(Citation.from_chunk(n, c, quote))
    return Answer(
        question,
        "\n".join(lines),
        True,
        "extractive",
        tuple(citations),
        tuple(hits),
        extra=extra or {},
    )


def _distinct_hits(hits: list[Hit]) -> list[Hit]:
    out: list[Hit] = []
    for h in hits:
        if not any(_same_text(h.chunk.text[:200], o.chunk.text[:200]) for o in out):
            out.append(h)
    return out


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


# --- districts questions ---------------------------------------------------------------


def district_answer(question: str, report: DistrictReport) -> Answer:
    """ "提到“氢能”的区县：綦江区[1]、重庆高新区[2]；未提到：大渡口区、合川区。"""
    mentioned = [r for r in report.districts if r.mentioned and r.evidence]
    missing = [r.district for r in report.districts if not r.mentioned]
    citations: list[Citation] = []
    parts: list[str] = []
    for r in mentioned:
        e = r.evidence[0]
        n = len(citations) + 1
        citations.append(
            Citation(
                n,
                e.chunk_id,
                e.doc_id,
                e.title,
                r.district,
                e.section,
                e.quote,
                e.source,
                e.line_start,
                e.line_end,
                e.also_in,
            )
        )
        parts.append(f"{r.district}[{n}]")
    total = len(report.districts)
    if parts:
        text = (
            f"提到“{report.topic}”的{report.level_name}（{len(parts)}/{total}）：{'、'.join(parts)}"
        )
        text += f"；未提到：{'、'.join(missing)}。" if missing else "。"
    else:
        text = (
            f"没有{report.level_name}的文件提到“{report.topic}”"
            f"（共查看{total}个：{'、'.join(missing)}）。"
        )
    return Answer(
        question, text, not parts, "districts", tuple(citations), (), district_report=report
    )


# --- public entry points ---------------------------------------------------------------


def prepare(
    question: str, index: Searchable, filters: Filters | None
) -> tuple[str, Filters | None, Answer | None]:
    """(checked question, effective filters, an early answer or None).

    The early answer covers questions the chain should not run for: one about a district the
    corpus has no documents for. A question naming districts the index has is filtered to
    them, unless the caller passed filters."""
    from qa.filters import districts_named_in, places_outside_corpus, resolve_districts

    question = check_question(question)
    if filters is not None and filters.districts:
        filters = replace(filters, districts=tuple(resolve_districts(filters.districts, index)))
    present, absent = districts_named_in(question, index)
    if not present and not absent:
        # 北京市海淀区, 上海浦东新区: places outside Chongqing's gazetteer altogether
        absent = places_outside_corpus(question)
    if absent and not present:
        names = "、".join(index.districts())
        text = f"语料中没有{'、'.join(absent)}的文件。现有文件涉及的地区：{names}。"
        return (
            question,
            filters,
            Answer(question, text, True, "extractive", extra={"absent_districts": absent}),
        )
    if present and (filters is None or not filters.districts):
        filters = replace(filters or Filters(), districts=tuple(present))
    return question, filters, None


def _absent_notice(question: str, index: Searchable) -> str | None:
    from qa.filters import districts_named_in

    present, absent = districts_named_in(question, index)
    if present and absent:
        return f"语料中没有{'、'.join(absent)}的文件，只回答了{'、'.join(present)}。"
    return None


def answer(
    question: str,
    index: Searchable,
    filters: Filters | None = None,
    settings: Any = None,
    llm: Any = False,
) -> Answer:
    """The answer to `question` from the index. `llm` False: extractive (offline,
    deterministic); True: the chat model configured in `settings`; or a LangChain chat model
    instance. Bad input raises UserError."""
    final: Answer | None = None
    for piece in answer_stream(question, index, filters, settings, llm):
        if isinstance(piece, Answer):
            final = piece
    assert final is not None
    return final


def answer_stream(
    question: str,
    index: Searchable,
    filters: Filters | None = None,
    settings: Any = None,
    llm: Any = False,
) -> Iterator[str | Answer]:
    """Text pieces as they are produced, then the final Answer."""
    from qa.districts import districts as find_districts_for
    from qa.districts import is_district_question

    question, filters, early = prepare(question, index, filters)
    if early is not None:
        yield early.answer
        yield early
        return
    from qa.comparison import comparison_answer  # places side by side: table or grid

    compared = comparison_answer(question, index, filters, settings)
    if compared is not None:
        yield compared.answer
        yield compared
        return
    if is_district_question(question):
        only = filters.districts if filters is not None and filters.districts else None
        result = district_answer(question, find_districts_for(question, index, only))
        yield result.answer
        yield result
        return
    # a misspelt word (普察 for 普查) is read as the corpus word it sounds like
    read_as = vocabulary(index).correct(question)
    from qa.metadata import metadata_answer, metadata_kind

    if metadata_kind(read_as) is not None:
        # 文号/印发日期/发文机关/期号: the Document record answers, not a body sentence
        meta = metadata_answer(read_as, index, index.search(read_as, k=5, filters=filters))
        if meta is not None:
            meta = replace(meta, question=question)
            yield meta.answer
            yield meta
            return
    extractive = build_chain(index).invoke({"question": read_as, "filters": filters})
    if read_as != question:
        extractive = replace(
            extractive, question=question, extra={**extractive.extra, "read_as": read_as}
        )
    notice = _absent_notice(question, index)
    if notice:
        extractive = replace(extractive, notice=notice)
    if not llm or extractive.abstained:
        if llm and extractive.abstained:
            extractive = replace(extractive, notice="检索证据不足，未调用大模型：以下为检索结果。")
        yield extractive.answer
        yield extractive
        return
    from qa.llm import generate

    yield from generate(question, extractive, settings, llm)


def check_filters_districts(names: list[str], index: Searchable) -> Filters | None:
    """Filters for CLI --district values (UserError for unknown ones)."""
    from qa.filters import resolve_districts

    if not names:
        return None
    return Filters(districts=tuple(resolve_districts(names, index)))
