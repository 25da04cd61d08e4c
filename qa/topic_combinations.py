"""Place reports of several topics joined: a place meets every one (既提到氢能又提到储能), or
meets the topic and none of the others (提到抽水蓄能、但没提海上风电)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from qa.topics import Topic
from qa.types import DistrictReport

# the place finder's report of one topic over the places it is given
Reporter = Callable[[Topic], DistrictReport]


def combined_report(topic: Topic, report: Reporter) -> DistrictReport | None:
    """The report of a topic joining others (`Topic.all_of`, `Topic.none_of`), each reported
    by `report` over the same places in the same order; None for a single topic."""
    if topic.none_of:  # A但没提B: a place meets the topic, and none of the others
        met = report(replace(topic, none_of=()))
        others = [report(other).districts for other in topic.none_of]
        kept = [
            replace(result, mentioned=result.mentioned and not any(r.mentioned for r in each))
            for result, *each in zip(met.districts, *others, strict=True)
        ]
        return replace(met, districts=tuple(kept))
    if not topic.all_of:
        return None
    # 既A又B: a place meets every topic, with the evidence of each
    reports = [report(replace(topic, text=t, all_of=())) for t in topic.all_of]
    joined = [  # each place's results, one per topic, in the same order of places
        replace(
            each[0],
            mentioned=all(r.mentioned for r in each),
            score=min(r.score for r in each),
            evidence=tuple(e for r in each for e in r.evidence[:2]),
            mentions=min(r.mentions for r in each),
        )
        for each in zip(*(r.districts for r in reports), strict=True)
    ]
    terms = tuple(t for r in reports for t in r.terms)
    return replace(reports[0], topic=topic.text, districts=tuple(joined), terms=terms)
