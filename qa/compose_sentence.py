"""The sentence and table-row composer: an LCEL chain (langchain-core Runnables) from a
question to an `Answer`.

retrieve (the question plus the other forms of its field terms) -> split the top passages into
units (sentences, table rows) -> score each unit -> abstain below the calibrated evidence
threshold, or when the best units lack the kind of value asked or the asked slot -> compose
a short answer whose [n] markers map to citations."""

from __future__ import annotations

from typing import Any

from corpus.contractions import expand_contraction
from corpus.text import enclose
from index.types import Hit
from qa.asks import asks_of
from qa.calibration import Calibration, load_calibration
from qa.cite import _citations, _same_text, abstain
from qa.compose_table import _number_sentence, stated_in_prose
from qa.compose_text import (
    _as_clause,
    _asks_for_the_list,
    _complete,
    _list_items,
    _trim,
    _with_marker,
    display_title,
    section_overview,
)
from qa.filters import ZONE_WORD, place_opening
from qa.modifiers import measure_modifier_missing, modifier_missing
from qa.periods import document_year, years_in
from qa.place_named import inner_place, names_place
from qa.rank_units import answer_rank, other_period_of
from qa.scoring import Searchable
from qa.slots import missing_role, missing_word, rarest_word
from qa.terms import (
    apart_readings,
    equivalents,
    expand_query,
    groups_in,
    holds_term,
    share_readings,
    term_key,
    without_every_kind,
    without_gloss,
)
from qa.types import Answer
from qa.units import (
    Unit,
    _content_tokens,
    evidence_score,
    passage_coverage,
    score_units,
)
from qa.values import (
    COUNT,
    TYPE_NAMES,
    carries,
    measure_of,
    number_near,
    only_an_increase,
    unit_fits,
)
from qa.vocabulary import vocabulary

RETRIEVE_K = 8  # passages retrieved (and shown as `results`)


# a second sentence is added when it scores almost as well as the best one
SECOND_UNIT_MARGIN = 0.02


def build_chain(index: Searchable, calibration: Calibration | None = None):
    """question state -> Answer, as an LCEL Runnable. The state is a dict with `question`
    and `filters`. (langchain-core is imported here: it costs ~0.3 s at CLI start-up.)"""
    from langchain_core.runnables import RunnableLambda, RunnablePassthrough

    return (
        RunnablePassthrough.assign(hits=RunnableLambda(lambda s: retrieve(index, s)))
        | RunnablePassthrough.assign(units=RunnableLambda(lambda s: score_units(index, s)))
        | RunnableLambda(
            lambda s: compose_extractive(s["question"], s["hits"], s["units"], index, calibration)
        )
    )


def retrieve(index: Searchable, state: dict[str, Any]) -> list[Hit]:
    """The passages a question's units are read from (state: `question`, `filters`, and
    optionally `k`, how many: RETRIEVE_K when not given)."""
    # the other forms of a field term it names (研发投入强度 -> …占地区生产总值比重) are searched too
    query = expand_query(state["question"])
    return index.search(query, k=state.get("k") or RETRIEVE_K, filters=state["filters"])


def compose_extractive(
    question: str,
    hits: list[Hit],
    units: list[Unit],
    index: Searchable | None = None,
    calibration: Calibration | None = None,
) -> Answer:
    """The answer from the scored units (`calibration`: the abstention threshold and weight;
    None reads qa/data/calibration.json)."""
    calibration = calibration or load_calibration()
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
    # each unit ranked once: the second sentence is judged by the same scores
    rank = {id(u): answer_rank(question, u) for u in units}
    ranked = sorted(units, key=lambda u: rank[id(u)], reverse=True)
    # the answer unit must carry the kind of value asked (经费纳入财政预算 holds no amount) and
    # name the asked slot (人均GDP is not GDP; a 组长 the notice does not name)
    asks = asks_of(question)
    measure = measure_of(question)

    def of_type(units: list[Unit]) -> list[Unit]:
        return [
            u
            for u in units
            if carries(asks, _complete(u), measure, question)
            or (u.row is not None and asks == "number" and unit_fits(u.row.unit, measure))
        ]

    typed = of_type(ranked[:TYPED_LOOKAHEAD])
    if not typed:
        kind = TYPE_NAMES.get(asks, "内容")
        if asks == "number" and measure:  # numbers there are, but none in the measure asked
            kind = {"%": "百分比", COUNT: "个数"}.get(measure, f"以“{measure}”计的数字")
        reason = f"找到了相关段落，但其中没有所问的{kind}。"
        return abstain(question, hits, extra={**extra, "missing_type": asks}, reason=reason)
    # the best unit that also names the asked slot, term and period answers; when none does,
    # the first one's lack is the reason given
    lacks = [_lacking(question, u, asks, index) for u in typed]
    fitting = [u for u, lack in zip(typed, lacks, strict=True) if lack is None]
    if not fitting:
        # the best units share the question's common words (收入) but not what it is about
        # (旅游): a unit further down that fits in every respect answers
        further = of_type(ranked[TYPED_LOOKAHEAD:FITTING_LOOKAHEAD])
        fitting = [u for u in further if _lacking(question, u, asks, index) is None][:1]
    if not fitting:
        reason = f"找到了相关段落，但其中没有“{lacks[0]}”的{TYPE_NAMES.get(asks, '内容')}。"
        return abstain(question, hits, extra={**extra, "missing_slot": lacks[0]}, reason=reason)
    best = fitting[0]
    if best.row is not None:  # a table row answers with its number, never the raw row
        read = _number_sentence(question, best, index)
        if read is None:  # the table has no column for the asked period (2030)
            return abstain(question, hits, extra={**extra, "no_period": True})
        text, quote, value = read
        picks = [(best.hit.chunk, quote)]
        body = f"{text}[1]。"
        # the document's prose stating the same figure is cited beside the row: the words a
        # reader finds it in, and where a qualifier the cell leaves out (以上) comes from
        prose = stated_in_prose(best.row, value, best.hit.chunk, index)
        if prose is not None:
            picks.append(prose)
            body = f"{text}[1][2]。"
            extra = {**extra, "prose_citation": 2}
    else:
        items = _list_items(best) if _asks_for_the_list(question, best.hit.chunk) else None
        if items is not None:
            # a list question answered from a run of parallel items: each item's lead
            quote = "；".join(items)
            picks = [(best.hit.chunk, quote)]
            body = _with_marker(_as_clause(quote), 1)
        else:
            # a clause naming the asked term in another of its forms (社零 -> 社会消费品零售总额)
            q_tokens = _content_tokens(question) | set(equivalents(question))
            picks = [(best.hit.chunk, _trim(_complete(best), q_tokens))]
            # the second sentence is judged as the first was (a phone question's second line
            # must hold a phone number too)
            top = rank[id(best)]
            picked = [best.text]
            for u in ranked[1:6]:
                if len(picks) >= 2 or rank[id(u)] < top - SECOND_UNIT_MARGIN:
                    break
                if u.hit.chunk.chunk_id != best.hit.chunk.chunk_id or other_period_of(question, u):
                    continue  # a second sentence comes from the same passage and period
                if u.row is None and not any(_same_text(u.text, t) for t in picked):
                    picks.append((u.hit.chunk, _trim(_complete(u), q_tokens)))
                    picked.append(u.text)
            body = "".join(_with_marker(_as_clause(q), i) for i, (_, q) in enumerate(picks, 1))
    chunk = best.hit.chunk
    where = f"据《{display_title(chunk)}》" + (enclose(chunk.section[-1]) if chunk.section else "")
    citations = _citations(picks, units, index)
    answer = f"{where}，{body}"
    if not answer.endswith("。"):
        answer += "。"
    return Answer(question, answer, False, "extractive", tuple(citations), tuple(hits), extra=extra)


# how many of the best-ranked units may stand in for the best when it lacks the asked type
TYPED_LOOKAHEAD = 6
# how far down the ranked units one that fits in every respect is looked for, when none of the
# first TYPED_LOOKAHEAD does
FITTING_LOOKAHEAD = 30


# the rarest question word (IDF) an answer unit must hold for a fact question
SLOT_IDF_FLOOR = 4.0


def _narrower_in_english(question: str, group: tuple[str, ...], context: str) -> bool:
    """An English question's term met by a narrower Chinese one that holds it: "industrial
    value added" by 规模以上工业增加值 (a reader of English does not say 规上; a reader of
    Chinese who asks 工业增加值 is told the other figure is not it)."""
    from qa.calibration import has_cjk

    if has_cjk(question):
        return False
    return any(has_cjk(form) and term_key(form) in term_key(context) for form in group)


def _lacking(question: str, unit: Unit, asks: str, index: Searchable | None) -> str | None:
    """What the unit lacks of what is asked: a field term the question names (城镇新增就业, in
    any of its forms), the asked year (a 2024 target for 2023), or the asked slot; None when
    it lacks nothing."""
    c = unit.hit.chunk
    context = f"{' '.join(c.section[1:])} {_complete(unit)}"
    for group in groups_in(question):
        if not holds_term([group], context) and not _narrower_in_english(question, group, context):
            return group[0]
        modifier = modifier_missing(question, group, context, c.title)
        if modifier:
            return modifier  # 海洋生产总值 is not 生产总值
    # a figure of 郑州市 is not in 河南's sentence that names no 郑州 (what 河南's report says of
    # a topic is still read for 济南: the notice says where it was looked for)
    inner = inner_place(question, c.district) if asks in ("number", "date", "duration") else None
    if inner and not names_place(context, inner):
        return inner
    if asks in ("number", "date", "duration") and other_period_of(question, unit, True, index):
        doc_year = document_year(c.title)
        return "、".join(f"{y}年" for y in sorted(years_in(question, doc_year)))
    if asks == "number":
        inside = place_opening(_complete(unit), c.district)
        if inside and not names_place(question, inside) and not ZONE_WORD.search(question):
            return (
                inside  # "宜宾高新区…地区生产总值突破100亿元" is the zone's figure, not the city's
            )
    return _missing_slot(question, unit, asks, index)


def _missing_slot(question: str, unit: Unit, asks: str, index: Searchable | None) -> str | None:
    if asks not in ("number", "date", "duration", "person", "org", "place") or index is None:
        return None
    c = unit.hit.chunk
    context = f"{' '.join(c.section[1:])} {_complete(unit)}"
    if asks == "person":
        return missing_role(question, context)
    vocab = vocabulary(index)
    q_tokens = _content_tokens(question)
    lacking = missing_word(
        question, q_tokens, context, vocab.idf, c.title, SLOT_IDF_FLOOR, unit.row is not None
    )
    if lacking or asks != "number" or unit.row is not None:
        return lacking
    lacking = measure_modifier_missing(question, context, c.title)
    if lacking:
        return lacking
    word = rarest_word(question, q_tokens, vocab.idf, c.title)
    about = {t for t in q_tokens if len(t) >= 2 and t not in c.title}
    if only_an_increase(question, about, _complete(unit)):
        return "总数"
    if word and not number_near(about, _complete(unit)):
        return word  # the sentence names it but gives no figure for it
    if not word:  # the question names only a field term: its figure stands beside the term
        said = without_gloss(_complete(unit))
        # 城乡居民…分别 says 城镇居民…; "研发经费支出50亿元，占GDP比重2.14%" the share
        readings = [said, *expand_contraction(said), *share_readings(said)]
        readings.append(without_every_kind(said))
        for group in groups_in(question):
            forms = {f.lower() for f in group}
            # 粮食播种面积…、产量259.5万吨 gives 粮食产量's figure
            if not any(number_near(forms, t) for t in readings + apart_readings(group, said)):
                return group[0]  # "连续入选全国城市GDP百强" names GDP but gives no GDP figure
    return None
