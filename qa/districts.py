"""Which districts mention a topic: every district in the index, each judged on its own.

Not a global top-k: each district's chunks are searched separately (filtered retrieval), so a
district whose only mention is weak still surfaces. A district counts as mentioning the topic when
one of its passages contains the topic or a synonym (exact match after normalisation), or when its
best sentence, or a clause of a long one naming the topic, is semantically closer to the topic than
a threshold measured on the question sets (qa/data/calibration.json)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from corpus.model import Chunk
from index.types import Filters
from qa import filters
from qa.asked_documents import (
    documents_asked,
    without_documents_set_aside,
    without_level_remarks,
    without_year_of_documents,
    year_of,
)
from qa.attested import corpus_of
from qa.calibration import load_calibration
from qa.document_facts import document_fact, fact_report
from qa.filters import asks_inside_a_place  # noqa: F401 (re-exported)
from qa.meaning import clauses_naming, means_topic, names_enough
from qa.measures import with_worded_targets
from qa.periods import LookBack, first_year_ahead, in_the_past
from qa.place_questions import (  # noqa: F401 (is_district_question re-exported)
    asks_prefectures,
    is_district_question,
    places_only,
    question_level,
    question_levels,
)
from qa.scoring import Searchable, cosine_to_query
from qa.set_aside import (
    left_out_of,
    narrowed,
    places_with,
    with_names_set_aside,
    without_exception,
    without_others,
)
from qa.stating import Stating
from qa.target_lists import list_leads
from qa.term_matcher import one_name_in, term_matcher
from qa.text import check_question, split_sentences, with_plain_breaks
from qa.topic_combinations import combined_report
from qa.topic_frames import aspect_evidence
from qa.topic_terms import expand_terms, norm
from qa.topics import Topic, extract_topic, read_topic  # noqa: F401 (extract_topic re-exported)
from qa.types import DistrictReport, DistrictResult, Evidence

EVIDENCE_PER_DISTRICT = 3
SEMANTIC_K = 5  # passages per district read by meaning (its own top-k, not a share of all)
# sentences with a term ranked for evidence (人才 occurs a hundred times in one plan)
LEXICAL_CANDIDATES = 24


@dataclass(frozen=True)
class _Candidate:
    chunk: Chunk
    quote: str
    lexical: bool
    clause: bool = False  # a clause of a sentence of several, read by meaning on its own


def districts(
    topic_or_question: str,
    index: Searchable,
    only: list[str] | tuple[str, ...] | None = None,
    level: str | None = None,
) -> DistrictReport:
    """Every place of the index at `level` (province, city, county; None: what the question asks
    for, else the level most of its documents are issued at), or the places in `only`, with
    mentioned yes/no, a score and its best evidence. A place with documents of its own is judged
    on them (a province on its report, not its cities'); one without, on those of the places
    inside it (a city counts its districts' plans).

    score: the best evidence sentence's cosine similarity to the topic, plus 1.0 when a passage
    contains the topic or a synonym verbatim (so scores >= 1 mean an exact match)."""
    said = without_level_remarks(with_plain_breaks(check_question(topic_or_question, what="topic")))
    text, set_aside = without_exception(said)
    remark = said[len(text) :] if not set_aside and said.startswith(text) else ""  # (…不算)
    fact = None if set_aside else document_fact(text)
    if fact is not None:  # 哪些地方的文件是五年规划: what the documents are, not what they say
        return fact_report(fact, index, only, (level,) if level else question_levels(text))
    topic = with_worded_targets(read_topic(text, corpus_of(index)), text)
    topic = with_names_set_aside(topic, said)
    asked = filters.normalize_level(level or question_level(text))
    rest, others = without_others(text)
    if set_aside or (others and places_only(topic.text)):
        # 除了赣州，还有哪些地方…: every place but those; 其他地方谁提到了宜宾: but 宜宾
        kept = filters.resolve_districts(list(set_aside or [topic.text]), index)
        report = districts(text if set_aside else rest + remark, index, only, level)
        return narrowed(report, lambda p: p not in kept)
    text, other_than = without_documents_set_aside(text)
    if other_than:  # 除了政府工作报告，还有哪些文件…: the places with a document of another kind
        held = places_with(index, lambda d: d.doc_type not in other_than)
        return narrowed(districts(text + remark, index, only, level), held.__contains__)
    text, years = without_year_of_documents(text)
    if years:  # 2024年的政府工作报告里，哪些…: the places with a document of one of those years
        report = districts(text + remark, index, only, level)
        held = places_with(index, lambda d: year_of(d) in years)
        return narrowed(report, held.__contains__) if held else report
    if asks_prefectures(text):  # 哪些地级市: cities, not a municipality of province rank (重庆市)
        report = districts(text.replace("地级", "") + remark, index, only, level)
        return narrowed(report, lambda p: filters.level_of_places([p]) != "province")
    own = sorted(places_with(index, lambda d: bool(d.district) and not d.duplicate_of))
    if only:
        names = filters.resolve_districts(only, index)
        inside = filters.places_within(names, asked, index)
        if inside:  # 重庆哪些区县…: the districts of 重庆, not 重庆 itself
            report = report_for(topic, index, inside, EVIDENCE_PER_DISTRICT)
            return replace(report, level=asked)
        # (places named that issue documents are judged on their own: 重庆市's, not its districts')
        report = report_for(topic, index, names, EVIDENCE_PER_DISTRICT, own=set(names) <= set(own))
        # (山东、聊城: 地方, not 区县)
        one_level = len({filters.level_of_places([n]) for n in names}) == 1
        return replace(report, level=filters.level_of_places(names) if one_level else "mixed")
    # 哪些报告, 几份区里的科技规划，哪些…: the places that have a document of that kind
    kinds = documents_asked(text)
    levels = () if level else question_levels(text)
    if len(levels) > 1:  # 哪些城市或省区: the places of those levels with documents of their own
        at = [p for p in own if filters.level_of_places([p]) in levels]
        report = report_for(
            topic, index, filters.of_kinds(at, kinds, index), EVIDENCE_PER_DISTRICT, own=True
        )
        return replace(report, level="mixed")
    if asked is None and len({filters.level_of_places([p]) for p in own}) > 1:
        # 哪些地方, or no level said (富硒产业谁在搞), over several levels: each document's own place
        report = report_for(
            topic, index, filters.of_kinds(own, kinds, index), EVIDENCE_PER_DISTRICT, own=True
        )
        return replace(report, level="mixed")
    level = asked or filters.default_level(index)
    at = filters.of_kinds(filters.places_at(index, level), kinds, index)
    report = report_for(topic, index, at, EVIDENCE_PER_DISTRICT, own=set(at) <= set(own))
    return replace(report, level=level)


def report_for(
    topic: Topic,
    index: Searchable,
    names: list[str],
    per_district: int,
    own: bool = False,
) -> DistrictReport:
    """`own`: a place is judged on its own documents alone (a city's report, not its districts')."""
    combined = combined_report(topic, lambda one: report_for(one, index, names, per_district, own))
    if combined is not None:  # several topics joined (既A又B, A但没提B)
        return combined
    measured = topic.aspect is not None
    amount = topic.unit == "金额"
    terms = expand_terms(topic.text, topic.quoted, True, measured, amount, topic.verbatim)
    calibration = load_calibration()
    thresholds = (calibration.district_semantic, calibration.district_clause)
    judged = [_judge(topic, terms, d, index, thresholds, per_district, own) for d in names]
    matched_terms = {t for _, found in judged for t in found}
    ordered_terms = tuple(t for t in terms if t == topic.text or t in matched_terms)
    return DistrictReport(
        topic=topic.text,
        districts=tuple(result for result, _ in judged),
        terms=ordered_terms,
        aspect=topic.aspect,
        bound=topic.bound,
        negated=topic.negated,
    )


def _judge(
    topic: Topic,
    terms: tuple[str, ...],
    district: str,
    index: Searchable,
    thresholds: tuple[float, float | None],
    per_district: int,
    own: bool = False,
) -> tuple[DistrictResult, set[str]]:
    """A sentence is evidence only when it also states what the topic's aspect asks (a
    target: a number it sets). A target is not read in a look back: "投入强度达到2.9%" under
    2023年工作回顾 was reached, not set. A topic the user quoted is met only in its words, as
    the document writes one name (qa.term_matcher.one_name_in)."""
    pattern = term_matcher(terms, topic.quoted, topic.aspect is not None, topic.not_counted)
    left_out = left_out_of(topic, terms)

    def met(text: str) -> bool:
        return bool(pattern.search(left_out(norm(text)))) and (
            not topic.quoted or one_name_in(terms, text) and topic.said_with in norm(text)
        )

    aiming, behind = topic.aspect == "target", topic.behind  # (a result: looked back on, or past)
    about = Stating(
        aspect_evidence(topic.aspect) or re.compile(""),
        topic.limit,
        pattern,
        topic.aspect is not None,
        topic.unit,
        ahead=aiming,
        topic=norm(topic.text),
        total=topic.total,
        worded=topic.worded,
        required=topic.required,
        against=topic.against,
    )
    candidates: list[_Candidate] = []
    found_terms: set[str] = set()
    seen_quotes: set[str] = set()
    mentioning: set[str] = set()  # passages containing a term
    named_here = set_aside_only = False  # whatever it says of it; only in names set aside
    back = LookBack(index)
    for chunk in index.chunks_for(district=district):
        if (own and chunk.district != district) or (aiming and back(chunk)):
            continue
        # a topic said only in a heading (二、深化“一老一小”关爱服务) is said of the passages
        # under it; a heading states no target or figure
        headings = [(h, "") for h in chunk.section if topic.aspect is None and h not in seen_quotes]
        headings = [(h, lead) for h, lead in headings if met(h)]
        if not pattern.search(left_out(norm(chunk.text))) and not headings:
            set_aside_only |= bool(pattern.search(norm(chunk.text)))
            continue
        said = split_sentences(chunk.text)
        year = first_year_ahead(chunk.title)
        under = chunk.section[-1] if chunk.section else ""  # (not 发展目标 over 指导思想)
        sentences = [
            (s, lead)
            for s, lead in zip(said, list_leads(said))
            if met(s) and (not behind or back(chunk, s) or in_the_past(s, year, chunk.section))
        ] or headings
        named_here = named_here or bool(sentences)
        if not any(about.search(s, lead, year, under) for s, lead in sentences):
            continue
        mentioning.add(chunk.chunk_id)
        if len(candidates) >= LEXICAL_CANDIDATES:
            continue  # counted; the first passages give enough quotes to rank
        for sentence, lead in sentences:
            m = pattern.search(left_out(norm(sentence)))
            if m and about.search(sentence, lead, year, under) and sentence not in seen_quotes:
                found_terms.add(m.group(0))
                seen_quotes.add(sentence)
                candidates.append(_Candidate(chunk, sentence, True))
    lexical = bool(candidates)
    named = names_enough(topic.text, figure=topic.aspect is not None)
    mine = [d.doc_id for d in getattr(index, "documents", ()) if own and d.district == district]
    where = Filters(doc_ids=tuple(mine)) if mine else Filters(districts=(district,))
    threshold, clause_threshold = thresholds
    for hit in index.search(topic.text, k=SEMANTIC_K, filters=where, mode="dense"):
        if (own and hit.chunk.district != district) or (aiming and back(hit.chunk)):
            continue
        year, heads = first_year_ahead(hit.chunk.title), hit.chunk.section
        for sentence in split_sentences(hit.chunk.text):
            if sentence in seen_quotes or len(sentence) < 8:
                continue
            past = not behind or back(hit.chunk, sentence) or in_the_past(sentence, year, heads)
            if past and about.search(sentence, first_year=year):
                seen_quotes.add(sentence)
                candidates.append(_Candidate(hit.chunk, sentence, False))
                # (…and a clause of it on its own, one naming the topic: qa.meaning)
                for clause in clauses_naming(sentence, topic.text) if clause_threshold else ():
                    if clause not in seen_quotes and about.search(clause, first_year=year):
                        seen_quotes.add(clause)
                        candidates.append(_Candidate(hit.chunk, clause, False, clause=True))
    sims = cosine_to_query(index, topic.text, [c.quote for c in candidates])
    order = sorted(range(len(candidates)), key=lambda i: (not candidates[i].lexical, -sims[i]))
    best_sim = float(max(sims)) if len(sims) else 0.0
    # by meaning only from a sentence naming enough of the topic; not where it is named but not
    # as asked (研发投入增长 for 研发投入强度超过3%), nor only in names set aside (省级区域医疗中心)
    by_meaning = not (topic.quoted or (topic.aspect if named_here else set_aside_only))
    can_mean = [
        c.lexical or (by_meaning and means_topic(left_out(c.quote), topic.text, named))
        for c in candidates
    ]
    reach = [clause_threshold if c.clause else threshold for c in candidates]
    above = [ok and sim >= r for ok, sim, r in zip(can_mean, sims, reach, strict=True)]
    semantic = any(above)
    mentioned = lexical or semantic
    score = best_sim + (1.0 if lexical else 0.0)
    evidence: list[Evidence] = []
    used_chunks: set[str] = set()
    for i in order:
        c = candidates[i]
        if not mentioned and len(evidence) >= 1:
            break  # a district that does not mention the topic shows only its nearest passage
        # evidence for a mention is what makes it one: the exact matches, else those above the bar
        if mentioned and not (c.lexical if lexical else above[i]):
            continue
        if c.chunk.chunk_id in used_chunks:
            continue
        used_chunks.add(c.chunk.chunk_id)
        evidence.append(Evidence.of(c.chunk, c.quote, float(sims[i])))
        if len(evidence) >= per_district:
            break
    if not lexical and semantic:  # a mention by meaning: the passages that reach the threshold
        mentioning = {c.chunk.chunk_id for c, up in zip(candidates, above, strict=True) if up}
    found = {t for t in terms if norm(t) in found_terms}
    result = DistrictResult(district, mentioned, score, tuple(evidence), len(mentioning))
    return result, found
