"""Evidence units: the sentences and table rows of the retrieved passages, each scored against
the question (cosine with the index's embedder + IDF-weighted lexical overlap), and the
retrieval evidence an answer rests on (best cosine + weighted passage coverage)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from corpus.model import Chunk
from index.types import Hit
from qa.calibration import has_cjk, load_calibration
from qa.crosslingual import gloss_coverage, gloss_coverages
from qa.scoring import Searchable, cosine_to_query, lexical_overlap, question_tokens
from qa.terms import groups_in, holds_term, term_key, worded_as
from qa.text import TableRow, rows_of, split_sentences
from qa.vocabulary import vocabulary

READ_K = 5  # of those, passages whose sentences are scored


# weight of lexical overlap next to cosine similarity: e5 cosines of related and unrelated
# Chinese sentences differ by ~0.1, so a full lexical match counts about as much as that gap
LEXICAL_WEIGHT = 0.15


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
    # share of the question's field terms (qa/data/terms.json) the unit names in some form
    term: float = 0.0

    @property
    def evidence(self) -> float:
        return self.cosine + LEXICAL_WEIGHT * self.lexical

    @property
    def rank_score(self) -> float:
        """How well this unit answers, next to the other units: cosine + the weighted share of
        specific words (a rare word such as 征集时间 counts for more than 发展)."""
        return self.cosine + LEXICAL_WEIGHT * self.specific + TERM_WEIGHT * self.term


COVERAGE_PASSAGES = 3
# a unit naming the question's field term in any of its forms (the intensity row for
# 研发投入强度, not the growth row that shares its words) outranks close neighbours
TERM_WEIGHT = 0.1
TERM_EVIDENCE = 0.02


def passage_coverage(question: str, hits: list[Hit], index: Searchable | None) -> float:
    """How much of the question the best of the top passages holds: the IDF-weighted share of
    the question's content words found in its title, heading path and text. A question about
    a detail the corpus lacks (报酬, 床位) misses its rarest word everywhere."""
    if index is None or not hits:
        return 0.0
    passages = [h.chunk for h in hits[:COVERAGE_PASSAGES]]
    # and a passage ranked below that names every field term asked (see _sentences_naming_terms)
    asked = groups_in(question) if has_cjk(question) else []
    passages += [
        h.chunk
        for h in hits[COVERAGE_PASSAGES:DEEP_K]
        if asked and holds_term(asked, h.chunk.text) == 1.0
    ]
    if not has_cjk(question):  # English: its words are looked for in the passages' glosses
        return gloss_coverage(
            question, (f"{c.title} {' '.join(c.section)} {c.text}" for c in passages)
        )
    vocab = vocabulary(index)
    said = [f"{c.title} {' '.join(c.section)} {c.text}" for c in passages]
    # each passage read against the question in its own words (a synonym's form)
    return max(vocab.weighted_overlap(_content_tokens(worded_as(question, t)), t) for t in said)


def evidence_score(units: list[Unit], coverage: float = 0.0, weight: float | None = None) -> float:
    """The retrieval evidence an answer rests on: the best sentence's cosine similarity to the
    question + weight x the passage coverage. The weight and the threshold are calibrated
    together on answerable and unanswerable questions (benchmarks/calibrate_qa.py)."""
    if not units:
        return 0.0
    if weight is None:
        weight = load_calibration().coverage_weight
    # a sentence naming the asked field term in another of its forms (社零 -> 社会消费品零售总额)
    # is as good evidence as one in the question's words, which the cosine alone undervalues
    return max(u.cosine + TERM_EVIDENCE * u.term for u in units) + weight * coverage


def score_units(index: Searchable, state: dict[str, Any]) -> list[Unit]:
    question: str = state["question"]
    hits: list[Hit] = state["hits"][: state.get("read_k") or READ_K]
    q_tokens = _content_tokens(question)
    raw: list[tuple[Hit, str, TableRow | None]] = []
    for hit in hits:
        if hit.chunk.kind == "table":
            rows = rows_of(hit.chunk)
            raw.extend((hit, r.text, r) for r in rows)
            if rows:
                continue
        raw.extend(
            (hit, s, None) for s in split_sentences(hit.chunk.text) if _is_statement(s, hit.chunk)
        )
    deeper = state["hits"][len(hits) : DEEP_K]
    raw.extend(_rows_named(question, deeper))
    raw.extend(_sentences_naming_terms(question, deeper))
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
    q_groups = groups_in(question)
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
            holds_term(q_groups, r.name if r is not None else t),
        )
        for i, (h, t, r) in enumerate(raw)
    ]


# a table passage mixes many rows and ranks low: read this deep for a row the question names
DEEP_K = 10


def _rows_named(question: str, hits: list[Hit]) -> list[tuple[Hit, str, TableRow]]:
    """The rows of table passages ranked below those read whose indicator the question names
    word for word (市级以上重点实验室(个) for "市级以上重点实验室2020年有几个")."""
    asked = term_key(question)
    found = []
    for hit in hits:
        if hit.chunk.kind != "table":
            continue
        for row in rows_of(hit.chunk):
            name = term_key(re.sub(r"[（(][^）)]{0,8}[）)]$", "", row.name))
            if len(name) >= 4 and name in asked:
                found.append((hit, row.text, row))
    return found


def _sentences_naming_terms(question: str, hits: list[Hit]) -> list[tuple[Hit, str, None]]:
    """The sentences of passages ranked below those read that name every field term the
    question names, in any of its forms: 居民消费价格 for "三亚去年CPI涨了多少" (a question put in
    an abbreviation is far from its passage by meaning; the words of the term are not)."""
    asked = groups_in(question)
    if not asked:
        return []
    return [
        (hit, sentence, None)
        for hit in hits
        if hit.chunk.kind != "table"
        for sentence in split_sentences(hit.chunk.text)
        if _is_statement(sentence, hit.chunk) and holds_term(asked, sentence) == 1.0
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
    from corpus import places
    from corpus.gazetteer import ALL_DISTRICTS

    # any place of the country, as texts write it (攀枝花, 郑州市), and 重庆's own districts
    names = {"重庆高新区", "高新区", "重庆市", "重庆", *places.written_names()}
    for name in ALL_DISTRICTS:
        names.add(name)
        if len(name) > 2 and name[-1] in "区县":
            names.add(name[:-1])
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
