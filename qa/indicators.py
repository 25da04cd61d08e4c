"""Places side by side: indicator tables across places, and topic grids.

Indicators are extracted at build time (corpus/indicators.py, stored as indicators.json in
the index). Here they are grouped across places — the same indicator under different names
(研发投入强度 / R&D经费支出占GDP比重 / 全社会研发经费占地区生产总值的比重) — and laid out as
places × indicators, each cell with its source, agreeing copies and conflicts.

Grouping, in order (each reason is kept, so a user sees why two names were grouped):
  1. lexical: equal after the normalisation in qa/data/indicator_names.json, units agreeing;
  2. overrides: the `same` / `different` lists of that file, or of a user's file (--groups);
  3. embeddings (optional): cosine of the normalised names >= a threshold, units agreeing.
benchmarks/bench_indicators.py measures each against the annotated pairs (README).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from corpus.errors import UserError
from corpus.indicators import Indicator, IndicatorValue
from corpus.model import Document

# measured on the annotated pairs (README): embeddings add no correct pair the lexical rules
# miss before they add wrong ones, so they are off unless a threshold is given
EMBEDDING_THRESHOLD: float | None = None

# --- names -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NameRules:
    rewrites: tuple[tuple[str, str], ...]
    prefixes: tuple[str, ...]
    suffixes: tuple[tuple[str, str], ...]
    same: tuple[tuple[str, ...], ...] = ()
    different: tuple[tuple[str, str], ...] = ()

    def with_overrides(self, path: Path | str | None) -> NameRules:
        """These rules plus a user's file of `same` groups and `different` pairs."""
        if not path:
            return self
        try:
            data = json.loads(Path(path).read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise UserError(f"cannot read indicator groups file {path}: {exc}") from exc
        if not isinstance(data, dict):
            raise UserError(f"{path}: expected an object with `same` and `different` lists")
        return NameRules(
            self.rewrites,
            self.prefixes,
            self.suffixes,
            self.same + tuple(tuple(g) for g in data.get("same") or ()),
            self.different + tuple((a, b) for a, b in data.get("different") or ()),
        )


@cache
def name_rules() -> NameRules:
    raw = resources.files("qa").joinpath("data", "indicator_names.json").read_text("utf-8")
    d = json.loads(raw)
    return NameRules(
        tuple((a, b) for a, b in d["rewrites"]),
        tuple(d["prefixes"]),
        tuple((a, b) for a, b in d["suffixes"]),
        tuple(tuple(g) for g in d.get("same") or ()),
        tuple((a, b) for a, b in d.get("different") or ()),
    )


def name_key(name: str, rules: NameRules | None = None) -> str:
    """The normalised form of an indicator name: two names with one key measure one thing."""
    from index.normalize import normalize_text

    rules = rules or name_rules()
    key = normalize_text(name).lower()
    key = re.sub(r"[\s“”\"'‘’()（）【】\[\]《》、,，·]", "", key)
    for variant, canonical in rules.rewrites:
        key = key.replace(variant, canonical)
    for _ in range(2):
        for p in rules.prefixes:
            if key.startswith(p) and len(key) > len(p) + 1:
                key = key[len(p) :]
        for s, r in rules.suffixes:
            if key.endswith(s) and len(key) > len(s) + 1:
                key = key[: -len(s)] + r
    return key


def unit_class(unit: str) -> str:
    """ratio, money, count, or "" (unknown: agrees with any)."""
    u = unit.strip().replace("％", "%")
    if not u:
        return ""
    if u in ("%", "‰") or "百分点" in u or u.startswith("%"):
        return "ratio"
    if "元" in u:
        return "money"
    return "count"


def _units_agree(a: str, b: str) -> bool:
    return not a or not b or a == b


@dataclass(frozen=True)
class NameGroup:
    """Names that measure one thing, with why each joined."""

    key: str
    names: tuple[str, ...]
    unit_class: str
    reasons: tuple[tuple[str, str], ...]  # (name, why)


def group_names(
    named: Sequence[tuple[str, str]],
    embed: Callable[[Sequence[str]], Any] | None = None,
    threshold: float | None = EMBEDDING_THRESHOLD,
    rules: NameRules | None = None,
) -> list[NameGroup]:
    """Group (name, unit) pairs: equal keys with agreeing units, the overrides, then (with
    `embed` and a threshold) names whose keys' embeddings are that close."""
    rules = rules or name_rules()
    names = list(dict.fromkeys(n for n, _ in named))
    units: dict[str, str] = {}
    for n, u in named:
        if unit_class(u):
            units.setdefault(n, unit_class(u))
    parent = {n: n for n in names}
    why: dict[str, str] = {}
    blocked = {frozenset(p) for p in rules.different}

    def find(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    members: dict[str, list[str]] = {n: [n] for n in names}

    def union(a: str, b: str, reason: str) -> bool:
        ra, rb = find(a), find(b)
        if ra == rb:
            return False
        if any(frozenset((x, y)) in blocked for x in members[ra] for y in members[rb]):
            return False
        ua = {units[x] for x in members[ra] if x in units}
        ub = {units[x] for x in members[rb] if x in units}
        if ua and ub and ua != ub:
            return False
        parent[rb] = ra
        members[ra].extend(members.pop(rb))
        why.setdefault(b, reason)
        return True

    keys = {n: name_key(n, rules) for n in names}
    first_of_key: dict[str, str] = {}
    for n in names:
        k = keys[n]
        if k in first_of_key:
            union(first_of_key[k], n, f"同一规范名「{k}」")
        else:
            first_of_key[k] = n
    for group in rules.same:
        present = [n for n in group if n in parent]
        for n in present[1:]:
            union(present[0], n, "人工指定（分组文件 same）")
    if embed is not None and threshold is not None:
        import numpy as np

        distinct = list(first_of_key)
        vectors = np.asarray(embed(distinct), dtype=np.float32)
        if len(distinct) > 1:
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
            sims = vectors @ vectors.T
            pairs = [
                (float(sims[i, j]), i, j)
                for i in range(len(distinct))
                for j in range(i + 1, len(distinct))
                if sims[i, j] >= threshold
            ]
            for sim, i, j in sorted(pairs, reverse=True):
                a, b = first_of_key[distinct[i]], first_of_key[distinct[j]]
                union(a, b, f"名称语义相近（余弦 {sim:.2f}，与「{a}」）")
    out = []
    for root, group in members.items():
        ordered = tuple(n for n in names if n in set(group))
        reasons = tuple((n, why[n]) for n in ordered if n in why)
        classes = {units[n] for n in ordered if n in units}
        out.append(
            NameGroup(keys[root], ordered, classes.pop() if len(classes) == 1 else "", reasons)
        )
    return out


# --- comparison --------------------------------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    """A value another source gives for the same place, indicator, role and year: another
    number (kind "value"), or the same number worded otherwise (kind "wording": 000's copy
    prints 10 where 003#4 prints >10, the text says 超过3% where the table says 3)."""

    role: str
    year: int | None
    value: str
    chosen: str  # the value shown in the cell
    indicator: Indicator
    kind: str = "value"


@dataclass(frozen=True)
class Cell:
    place: str
    indicator: Indicator  # the source shown (canonical copy and table first)
    unit: str
    agreeing: tuple[Indicator, ...] = ()  # other sources with the same numbers
    conflicts: tuple[Conflict, ...] = ()

    @property
    def value_conflicts(self) -> tuple[Conflict, ...]:
        """Other numbers for the same value (not only other wording)."""
        return tuple(x for x in self.conflicts if x.kind == "value")

    @property
    def target(self) -> IndicatorValue | None:
        return self.indicator.target

    @property
    def baseline(self) -> IndicatorValue | None:
        return self.indicator.baseline


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator (a group of names) across places."""

    label: str
    unit: str
    names: tuple[str, ...]
    reasons: tuple[tuple[str, str], ...]
    cells: tuple[Cell, ...]

    def cell(self, place: str) -> Cell | None:
        return next((c for c in self.cells if c.place == place), None)


@dataclass(frozen=True)
class IndicatorComparison:
    topic: str | None
    places: tuple[str, ...]
    rows: tuple[IndicatorRow, ...]
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "topic": self.topic,
            "places": list(self.places),
            "indicators": [
                {
                    "indicator": r.label,
                    "unit": r.unit,
                    "names": list(r.names),
                    "grouped_because": [{"name": n, "why": w} for n, w in r.reasons],
                    "places": [_cell_dict(c) for c in r.cells],
                }
                for r in self.rows
            ],
            "notes": list(self.notes),
        }

    def flat_rows(self) -> list[dict[str, Any]]:
        """One row per (indicator, place): what CSV and XLSX export."""
        out = []
        for r in self.rows:
            for c in r.cells:
                d = _cell_dict(c)
                out.append(
                    {
                        "indicator": r.label,
                        "place": c.place,
                        "name": d["name"],
                        "unit": c.unit,
                        "baseline_year": (d["baseline"] or {}).get("year"),
                        "baseline": (d["baseline"] or {}).get("display"),
                        "target_year": (d["target"] or {}).get("year"),
                        "target": (d["target"] or {}).get("display"),
                        "attribute": d["attribute"] or "",
                        "kind": d["kind"],
                        "doc_id": d["doc_id"],
                        "title": d["title"],
                        "source": d["source"],
                        "lines": _lines(c.indicator),
                        "quote": d["quote"],
                        "notes": "；".join(d["notes"]),
                        "conflicts": "；".join(
                            f"{'' if x['difference'] == 'value' else '表述不同 '}{x['role']} "
                            f"{x['year'] or ''} {x['value']}（{x['source']}:{x['lines']}）"
                            for x in d["conflicts"]
                        ),
                        "also_in": "；".join(f"{x['source']}:{x['lines']}" for x in d["also_in"]),
                    }
                )
        return out


def _lines(i: Indicator) -> str:
    return str(i.line_start) if i.line_start == i.line_end else f"{i.line_start}-{i.line_end}"


def _value_dict(v: IndicatorValue | None) -> dict[str, Any] | None:
    if v is None:
        return None
    return {
        "year": v.year,
        "value": v.number,
        "raw": v.raw,
        "qualifier": v.qualifier,
        "display": v.display(),
        "label": v.label,
        "note": v.note,
    }


def _source_dict(i: Indicator) -> dict[str, Any]:
    return {
        "doc_id": i.doc_id,
        "source": i.source,
        "line_start": i.line_start,
        "line_end": i.line_end,
        "lines": _lines(i),
        "page_start": i.page_start,
        "page_end": i.page_end,
        "kind": i.kind,
    }


def _cell_dict(c: Cell) -> dict[str, Any]:
    i = c.indicator
    return {
        "place": c.place,
        "name": i.name,
        "unit": c.unit,
        "attribute": i.attribute,
        "baseline": _value_dict(i.baseline),
        "target": _value_dict(i.target),
        "values": [_value_dict(v) for v in i.values],
        "kind": i.kind,
        "doc_id": i.doc_id,
        "title": i.title,
        "section": list(i.section),
        "caption": i.caption,
        "quote": i.quote,
        "notes": list(i.notes),
        **{k: v for k, v in _source_dict(i).items() if k not in ("doc_id", "kind")},
        "also_in": [_source_dict(x) for x in c.agreeing],
        "conflicts": [
            {
                "difference": x.kind,  # value | wording ("kind" is the source's: table | prose)
                "role": x.role,
                "year": x.year,
                "value": x.value,
                "shown": x.chosen,
                "name": x.indicator.name,
                "quote": x.indicator.quote,
                **_source_dict(x.indicator),
            }
            for x in c.conflicts
        ],
    }


# --- reading the index -------------------------------------------------------------------


def stored_indicators(index: Any) -> list[Indicator]:
    """The indicators stored with the index; UserError for an index built before them."""
    from index.core import read_indicators

    key = (str(index.path), str(index.manifest.get("built_at")))
    found = _memo.get(key)
    if found is None:
        found = read_indicators(index.path)
        if found is None:
            raise UserError(
                f"the index at {index.path} was built before indicators were stored: "
                f"rebuild it with `planqa build --index {index.path}`"
            )
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
        from qa.districts import expand_terms

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
