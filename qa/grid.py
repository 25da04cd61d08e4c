"""Places × topics: for each topic, each place mentioned or not with its best cited sentence.

Each column is the district finder's own judgement (qa/districts.py `districts`, one filtered
search per place), so a grid cell says exactly what `planqa districts TOPIC` says for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from corpus.errors import UserError
from qa.scoring import Searchable
from qa.types import DistrictReport, Evidence

MAX_TOPICS = 8  # each topic is one search per place


def split_topics(text: str | list[str] | tuple[str, ...]) -> list[str]:
    """Topics typed as one string (氢能、人工智能，科普 or 氢能,人工智能) or given as a list;
    blanks and repeats dropped, order kept."""
    parts = [text] if isinstance(text, str) else list(text)
    out: list[str] = []
    for part in parts:
        for t in re.split(r"[、,，;；\n]+", part or ""):
            t = t.strip()
            if t and t not in out:
                out.append(t)
    return out


@dataclass(frozen=True)
class GridCell:
    place: str
    topic: str
    mentioned: bool
    score: float
    evidence: Evidence | None  # the best sentence (for a place that does not mention the
    # topic: the nearest one, shown as such)


@dataclass(frozen=True)
class TopicGrid:
    topics: tuple[str, ...]
    places: tuple[str, ...]
    cells: tuple[GridCell, ...]
    reports: tuple[DistrictReport, ...]  # the finder's report for each topic

    def cell(self, place: str, topic: str) -> GridCell:
        return next(c for c in self.cells if c.place == place and c.topic == topic)

    def places_mentioning_all(self) -> tuple[str, ...]:
        return tuple(p for p in self.places if all(self.cell(p, t).mentioned for t in self.topics))

    def to_dict(self) -> dict[str, Any]:
        return {
            "topics": list(self.topics),
            "places": [
                {
                    "place": p,
                    "mentions_all": all(self.cell(p, t).mentioned for t in self.topics),
                    "topics": [_cell_dict(self.cell(p, t)) for t in self.topics],
                }
                for p in self.places
            ],
            "terms": {r.topic: list(r.terms) for r in self.reports},
        }

    def flat_rows(self) -> list[dict[str, Any]]:
        """One row per (place, topic): what CSV and XLSX export."""
        rows = []
        for p in self.places:
            for t in self.topics:
                c = _cell_dict(self.cell(p, t))
                e = c["evidence"] or {}
                rows.append(
                    {
                        "place": p,
                        "topic": t,
                        "mentioned": "是" if c["mentioned"] else "否",
                        "score": c["score"],
                        "quote": e.get("quote", ""),
                        "title": e.get("title", ""),
                        "section": " > ".join(e.get("section", [])),
                        "source": e.get("source", ""),
                        "lines": _lines(e),
                    }
                )
        return rows


def _lines(e: dict[str, Any]) -> str:
    if not e:
        return ""
    a, b = e.get("line_start"), e.get("line_end")
    return str(a) if a == b else f"{a}-{b}"


def _cell_dict(c: GridCell) -> dict[str, Any]:
    return {
        "topic": c.topic,
        "mentioned": c.mentioned,
        "score": round(float(c.score), 6),
        "evidence": c.evidence.to_dict() if c.evidence else None,
    }


def topic_grid(
    topics: str | list[str] | tuple[str, ...],
    index: Searchable,
    places: list[str] | tuple[str, ...] | None = None,
    level: str | None = None,
) -> TopicGrid:
    """The grid of `topics` over `places` (or every place at `level`, as `districts` picks)."""
    from qa.districts import districts

    wanted = split_topics(topics)
    if not wanted:
        raise UserError("grid_needs_topic")
    if len(wanted) > MAX_TOPICS:
        raise UserError("grid_too_many_topics", limit=MAX_TOPICS, got=len(wanted))
    reports = [districts(t, index, only=places or None, level=level) for t in wanted]
    names = tuple(r.district for r in reports[0].districts)
    cells = []
    for topic, report in zip(wanted, reports, strict=True):
        by_place = {r.district: r for r in report.districts}
        for p in names:
            r = by_place.get(p)
            if r is None:
                cells.append(GridCell(p, topic, False, 0.0, None))
                continue
            best = r.evidence[0] if r.evidence else None
            cells.append(GridCell(p, topic, r.mentioned, r.score, best))
    return TopicGrid(tuple(wanted), names, tuple(cells), tuple(reports))
