"""The records of a comparison of places' indicators: places × indicators, each cell with its
source, agreeing copies and conflicts, serialised for --json, CSV and XLSX."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from corpus.indicators import Indicator, IndicatorValue


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
