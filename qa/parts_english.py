"""English questions split into parts: the same asked of two field terms joined by "and",
and a later clause whose pronoun (or whose bare "the target") stands for what the first clause
asks about."""

from __future__ import annotations

import re

# "…targets for total grain output and hog slaughter in 2024?": two field terms asked with one
# ask in English
_ENGLISH_AND = re.compile(
    r"\b(?:for|of|on)\s+(?P<a>[^?,;]+?)\s+and\s+(?P<b>[^?,;]+?)(?=\s+(?:in|by|for|at)\b|\s*\?|\s*$)",
    re.IGNORECASE,
)


def english_terms(question: str) -> list[str] | None:
    """An English question asking the same of two field terms (qa/data/terms.json), as one
    question per term; None otherwise."""
    from qa.terms import groups_in

    m = _ENGLISH_AND.search(question)
    if m is None or not re.search(r"[A-Za-z]", question[:1]):
        return None
    a, b = m.group("a"), m.group("b")
    named_a, named_b = groups_in(a), groups_in(b)
    if not (named_a and named_b) or named_a == named_b:
        return None
    head, tail = question[: m.start("a")], question[m.end("b") :]
    # "GDP and fixed-asset investment growth": the measure said once is asked of both
    shared = re.search(r"\s(growth|rates?|shares?|intensity|increase)$", b, re.IGNORECASE)
    if shared and not a.lower().endswith(shared.group(1).lower()):
        a = f"{a} {shared.group(1)}"
    return [f"{head}{a}{tail}", f"{head}{b}{tail}"]


# "What was X's cargo throughput in 2023, and how fast did it grow?": the thing "it" stands for
_ENGLISH_ASK = re.compile(
    r"^\s*(?:what|how much|how many)\s+(?:was|is|were|are|will be)?\s*(?:the\s+)?", re.IGNORECASE
)
_ENGLISH_PRONOUN = re.compile(r"\b(?:it|they|this)\b", re.IGNORECASE)
# a later clause naming no thing, only a period: "what is the target for 2024"
_ENGLISH_GENERIC = re.compile(
    r"(?P<ask>(?:what|how much|how many)\s+(?:is|was|are|were|will be)\s+(?:the\s+)?"
    r"(?:target|goal|figure|number|plan|expected figure))"
    r"(?P<period>\s+(?:for|in|by)\s+(?:19|20)\d{2}|\s+(?:this|next|last) year)?$",
    re.IGNORECASE,
)
_ENGLISH_YEAR = re.compile(
    r"\s+(?:in|for|by)\s+(?:19|20)\d{2}\b|\s+(?:this|last) year\b", re.IGNORECASE
)


# "Who delivered X" / "Which department issued X": an act done to a thing; and a later clause
# that is a question phrase alone ("and on what date"), asked of the same act
_ENGLISH_WHO_DID = re.compile(
    r"^(?:who|which \w+|what \w+)\s+(?P<verb>\w+ed|gave|made|wrote|read)\s+(?P<object>.+)$",
    re.IGNORECASE,
)
_ENGLISH_BARE_ASK = re.compile(
    r"(?:and\s+)?(?P<ask>(?:on|at|in)\s+what\s+(?:date|day|meeting|session|year)|when|where)",
    re.IGNORECASE,
)


def english_follow_on(first: str, clause: str) -> str | None:
    """A later English clause with its pronoun replaced by what the first clause asks about
    (how fast did it grow -> how fast did X's cargo throughput in 2023 grow), or, naming no
    thing but a period, asked of that thing (what is the target for 2024 -> what is the target
    for X's total tourism revenue for 2024); None for a clause that is not English or is
    neither."""
    if not re.match(r"\s*(?:and\s+)?[A-Za-z]", clause):
        return None
    acted = _ENGLISH_WHO_DID.match(first.strip(" ,?"))
    when = _ENGLISH_BARE_ASK.fullmatch(clause.strip(" ,?"))
    if acted and when:  # "Who delivered X, and on what date": on what date was X delivered
        return f"{when.group('ask')} was {acted.group('object')} {acted.group('verb')}"
    thing = _ENGLISH_ASK.sub("", first).strip(" ,?")
    if not thing or thing == first.strip(" ,?"):
        return None
    clause = re.sub(r"^\s*and\s+", "", clause.strip(" ,?"), flags=re.IGNORECASE)
    generic = _ENGLISH_GENERIC.match(clause)
    if generic:  # "what is the target for 2024": the target for the first's thing, in its year
        of_thing = _ENGLISH_YEAR.sub("", thing).strip()
        return f"{generic.group('ask')} for {of_thing} {generic.group('period').strip()}".strip()
    if not _ENGLISH_PRONOUN.search(clause):
        return None
    return _ENGLISH_PRONOUN.sub(lambda _: thing, clause, count=1)
