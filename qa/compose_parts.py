"""Composing a multi-part answer: each part of the frame was answered on its own; the answer
covers every part, says which part it could not find, and still cites what it found."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from qa.frame import Frame
from qa.types import Answer, Citation

_MARKER = re.compile(r"\[(\d+)\]")
_SOURCE_LEAD = re.compile(r"^(据《[^》]+》(?:（[^）]*）)?，)")


def combine(question: str, frame: Frame, answers: list[Answer]) -> Answer:
    """One answer from the answers to the parts of `frame`, citations renumbered (a sentence
    cited by two parts keeps one number)."""
    answers = _one_for_all(frame, [_row_only(a) for a in answers])
    found = [(p, a) for p, a in zip(frame.parts, answers, strict=True) if not a.abstained]
    missing = [p for p, a in zip(frame.parts, answers, strict=True) if a.abstained]
    extra = {"parts": len(frame.parts), "parts_found": len(found)}
    if not found:
        first = answers[0]
        return replace(first, question=question, extra={**first.extra, **extra})
    citations: list[Citation] = []
    # a sentence is the same citation in any passage of its document that holds it (passages
    # overlap): keyed by where it stands, not by the passage it was read from
    by_key: dict[tuple[str, str, int], int] = {}
    bodies: list[str] = []
    said: set[str] = set()  # what the bodies say, without their source lead
    last_lead = ""
    for _, ans in found:
        numbers: dict[int, int] = {}
        for c in ans.citations:
            key = (c.doc_id, c.quote, c.line_start)
            if key not in by_key:
                by_key[key] = len(citations) + 1
                citations.append(replace(c, n=by_key[key]))
            numbers[c.n] = by_key[key]
        text = _renumber(ans.answer, numbers)
        lead = _SOURCE_LEAD.match(text)
        core = (text[lead.end() :] if lead else text).strip().rstrip("。")
        if core in said:
            continue  # two parts answered by the same sentence (城乡居民…分别): said once
        said.add(core)
        if lead and lead.group(1) == last_lead:
            text = text[len(last_lead) :]  # the same document and section: said once
        elif lead:
            last_lead = lead.group(1)
        text = text.strip().rstrip("。")
        if text and text not in bodies:
            bodies.append(text)
    answer = "；".join(bodies) + "。"
    if missing:
        answer += "".join(f"未找到“{p.text}”的答案。" for p in missing)
    by_chunk: dict[str, Any] = {}
    for _, a in found:
        for h in a.hits:
            by_chunk.setdefault(h.chunk.chunk_id, h)  # first occurrence, in order
    unique_hits = tuple(by_chunk.values())
    return Answer(
        question,
        answer,
        False,
        found[0][1].mode,
        tuple(citations),
        unique_hits,
        notice=found[0][1].notice,
        extra={**extra, "missing_parts": [p.text for p in missing]},
    )


def _row_only(answer: Answer) -> Answer:
    """A part answered from a table row, cited by its row alone: the prose stating the same
    figure, cited beside the row when the row answers the whole question, would double each
    part's markers in a multi-part answer."""
    n = answer.extra.get("prose_citation")
    if n is None:
        return answer
    kept = tuple(c for c in answer.citations if c.n != n)
    return replace(answer, answer=answer.answer.replace(f"[{n}]", ""), citations=kept)


def _one_for_all(frame: Frame, answers: list[Answer]) -> list[Answer]:
    """Every part answered with the one sentence a part's answer cites, when it answers them
    all, and no other cited sentence does: it names each part's field term beside a figure, of
    the period each asks
    ("城镇和农村居民人均可支配收入分别增长4.7%、9.3%" for both 城镇 and 农村), rather than a
    neighbour that only shares some words with one part."""
    # only parts that ask the same of other terms ("城镇居民…分别增长了多少" | "农村居民…"): the
    # parts of one row asked for 2020 and 2025, or for the target and the actual, are other
    # figures of it
    if len({_without_terms(p.text) for p in frame.parts}) > 1:
        return answers
    every = [
        ans
        for ans in answers
        if not ans.abstained
        and len(ans.citations) == 1
        and all(p.asks == "number" and _answers(p.text, ans.citations[0]) for p in frame.parts)
    ]
    sentences = {(a.citations[0].chunk_id, a.citations[0].quote) for a in every}
    # one such sentence; two that both would are no reason to prefer either
    return [every[0]] * len(answers) if len(sentences) == 1 else answers


def _without_terms(part: str) -> str:
    from qa.terms import groups_in, term_key

    key = term_key(part)
    for form in sorted((term_key(f) for g in groups_in(part) for f in g), key=len, reverse=True):
        if form:
            key = key.replace(form, "|")
    return key


def _answers(part: str, cited: Citation) -> bool:
    from qa.periods import other_period
    from qa.terms import groups_in, holds_term

    groups = groups_in(part)
    return (
        bool(groups)
        and holds_term(groups, cited.quote) == 1.0
        and bool(re.search(r"\d", cited.quote))
        and not other_period(part, cited.title, " ".join(cited.section), cited.quote, strict=True)
    )


def _renumber(text: str, numbers: dict[int, int]) -> str:
    """`text` with each [n] replaced by [numbers[n]]."""

    def one(m: re.Match[str]) -> str:
        n = int(m.group(1))
        return f"[{numbers.get(n, n)}]"

    return _MARKER.sub(one, text)
