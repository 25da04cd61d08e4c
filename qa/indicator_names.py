"""Indicator names across places: the same indicator under different names (研发投入强度 /
R&D经费支出占GDP比重 / 全社会研发经费占地区生产总值的比重) grouped, each group with the reasons its
names were put together.

Grouping, in order (each reason is kept, so a user sees why two names were grouped):
  1. lexical: equal after the normalisation in qa/data/indicator_names.json, units agreeing;
  2. overrides: the `same` / `different` lists of that file, or of a user's file (--groups);
  3. embeddings (optional): cosine of the normalised names >= a threshold, units agreeing.
benchmarks/bench_indicators.py measures each against the annotated pairs (README).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from corpus.errors import UserError

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
            raise UserError("indicator_groups_unreadable", path=path, why=exc) from exc
        if not isinstance(data, dict):
            raise UserError("indicator_groups_shape", path=path)
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
