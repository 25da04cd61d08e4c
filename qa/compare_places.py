"""Places side by side on one topic: the evidence of each named place, in the order given."""

from __future__ import annotations

from corpus.errors import UserError
from qa.attested import corpus_of
from qa.districts import EVIDENCE_PER_DISTRICT, report_for
from qa.scoring import Searchable
from qa.text import check_question
from qa.topics import read_topic
from qa.types import DistrictReport


def compare(
    topic: str, index: Searchable, districts: list[str] | tuple[str, ...]
) -> DistrictReport:
    """Side-by-side evidence for one topic in the named districts (in the order given)."""
    from qa.filters import resolve_districts

    text = check_question(topic, what="topic")
    names = resolve_districts(districts, index)
    if len(names) < 2:
        raise UserError("compare_needs_two")
    return report_for(read_topic(text, corpus_of(index)), index, names, EVIDENCE_PER_DISTRICT + 2)
