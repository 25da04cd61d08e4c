"""Places side by side: indicator tables across places, and topic grids.

Indicators are extracted at build time (corpus/indicators.py, stored as indicators.json in
the index). Here they are grouped across places — the same indicator under different names
(研发投入强度 / R&D经费支出占GDP比重 / 全社会研发经费占地区生产总值的比重) — and laid out as
places × indicators, each cell with its source, agreeing copies and conflicts.

How names are grouped is qa/indicator_names.py; the records laid out are qa/indicator_table.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from corpus.errors import UserError
from corpus.indicators import Indicator
from corpus.model import Document
from qa.indicator_names import (  # noqa: F401 - part of this module's surface
    EMBEDDING_THRESHOLD,
    NameGroup,
    NameRules,
    group_names,
    name_key,
    name_rules,
    unit_class,
)
from qa.indicator_table import (
    Cell,
    Conflict,
    IndicatorComparison,
    IndicatorRow,
)

# --- reading the index -------------------------------------------------------------------


def stored_indicators(index: Any) -> list[Indicator]:
    """The indicators stored with the index; UserError for an index built before them."""
    from index.core import read_indicators

    key = (str(index.path), str(index.manifest.get("built_at")))
    found = _memo.get(key)
    if found is None:
        found = read_indicators(index.path)
        if found is None:
            raise UserError("index_without_indicators", index_dir=index.path)
        _memo.clear()
        _memo[key] = found
    return found


_memo: dict[tuple[str, str], list[Indicator]] = {}


def _place_of(doc: Document | None, level: str | None, wanted: Sequence[str]) -> str | None:
    """The place an indicator counts for: its document's own place, when that is one of
    `wanted` or (with `level`) at that level. A district's target is not its city's: unlike
    the district finder, a place does not take the indicators of the places inside it."""
    if doc is None or not doc.district:
        return None
    if wanted:
        return doc.district if doc.district in wanted else None
    if level:
        own = "county" if doc.place_level == "zone" else doc.place_level
        return doc.district if own == level else None
    return doc.district


def _prefer(i: Indicator) -> tuple:
    """Canonical copies first, then tables, then the latest target, then document order."""
    t = i.target
    return (
        i.duplicate_of is not None,
        i.kind != "table",
        -((t.year or 0) if t else 0),
        i.line_start,
    )


def _cell(place: str, candidates: list[Indicator]) -> Cell:
    ordered = sorted(candidates, key=_prefer)
    chosen = next((i for i in ordered if i.target is not None), ordered[0])
    unit = chosen.unit or next((i.unit for i in ordered if i.unit), "")
    shown = {("target", chosen.target.year): chosen.target} if chosen.target else {}
    for v in chosen.values:
        if v.role in ("baseline", "actual") and v.number is not None:
            shown.setdefault(("past", v.year), v)
    agreeing, conflicts = [], []
    for other in ordered:
        if other is chosen:
            continue
        differs = agrees = False
        for v in other.values:
            role = "target" if v.role == "target" else "past"
            mine = shown.get((role, v.year))
            if mine is None or v.number is None or mine.number is None:
                continue
            if abs(v.number - mine.number) > 1e-9:
                differs = True
                conflicts.append(Conflict(v.role, v.year, v.display(), mine.display(), other))
            else:
                agrees = True
                if v.qualifier != mine.qualifier:
                    conflicts.append(
                        Conflict(v.role, v.year, v.display(), mine.display(), other, "wording")
                    )
        if agrees and not differs:
            agreeing.append(other)
    return Cell(place, chosen, unit, tuple(agreeing), tuple(conflicts))


def _label(group: NameGroup, indicators: list[Indicator]) -> str:
    """The name most sources use (canonical copies; a table row counts double, as tables name
    indicators deliberately), the shortest of equals."""
    counts: Counter[str] = Counter()
    for i in indicators:
        if i.duplicate_of is None:
            counts[i.name] += 2 if i.kind == "table" else 1
    if not counts:
        return min(group.names, key=len)
    best = max(counts.values())
    return min((n for n, c in counts.items() if c == best), key=len)


def _matches_topic(topic_keys: list[str], topic_terms: list[str], group: NameGroup) -> bool:
    from index.normalize import normalize_text

    if any(k and k in group.key for k in topic_keys):
        return True
    return any(t and t in normalize_text(n).lower() for t in topic_terms for n in group.names)


def compare_indicators(
    index: Any,
    topic: str | None = None,
    places: Sequence[str] | None = None,
    level: str | None = None,
    groups_file: Path | str | None = None,
    embed_threshold: float | None = EMBEDDING_THRESHOLD,
) -> IndicatorComparison:
    """Places × indicators from the index's stored indicators: every indicator with a target
    (matching `topic` when given), each place's value with its source, agreeing copies and
    conflicting values. `places`: only these places' own documents; `level`: documents issued
    at that level; neither: every document, under its own place."""
    from qa.filters import normalize_level, resolve_districts

    rules = name_rules().with_overrides(groups_file)
    wanted = resolve_districts(places, index) if places else []
    level = normalize_level(level)
    docs = {d.doc_id: d for d in index.documents}
    by_place: list[tuple[str, Indicator]] = []
    for ind in stored_indicators(index):
        place = _place_of(docs.get(ind.doc_id), level, wanted)
        if place is not None:
            by_place.append((place, ind))
    named = [(i.name, i.unit) for _, i in by_place]
    embed = index.embed_texts if embed_threshold is not None else None
    groups = group_names(named, embed=embed, threshold=embed_threshold, rules=rules)
    group_of = {n: g for g in groups for n in g.names}
    notes: list[str] = []
    if topic:
        from index.normalize import normalize_text
        from qa.topic_terms import expand_terms

        terms = [normalize_text(t).lower() for t in expand_terms(topic.strip())]
        keys = [name_key(t, rules) for t in terms]
        groups = [g for g in groups if _matches_topic(keys, terms, g)]
        if not groups:
            notes.append(f"没有找到名称含「{topic}」的指标")
    rows = []
    for g in groups:
        members = [(p, i) for p, i in by_place if group_of[i.name] is g]
        if not any(i.target for _, i in members):
            continue  # a value a text reports for a past year is evidence, not a row
        cells = []
        for place in wanted or sorted({p for p, _ in members}):
            mine = [i for p, i in members if p == place]
            if any(i.target for i in mine):  # a past value alone is evidence, not a cell
                cells.append(_cell(place, mine))
        unit = Counter(c.unit for c in cells if c.unit).most_common(1)
        rows.append(
            IndicatorRow(
                _label(g, [i for _, i in members]),
                unit[0][0] if unit else "",
                g.names,
                g.reasons,
                tuple(cells),
            )
        )
    rows.sort(key=lambda r: (-len(r.cells), r.label))
    shown_places = tuple(wanted) or tuple(sorted({c.place for r in rows for c in r.cells}))
    return IndicatorComparison(topic, shown_places, tuple(rows), tuple(notes))
