"""District names from users (--district, questions) resolved against the index."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

from corpus.errors import UserError
from corpus.gazetteer import canonical_district, find_districts
from qa.scoring import Searchable


def resolve_districts(names: Iterable[str], index: Searchable) -> list[str]:
    """Canonical names for user-typed districts (綦江, 綦江区, 重庆市綦江区, 高新区), in the
    order given, duplicates dropped. UserError for a name that is no district, or a district
    the index holds no documents for (the message lists the ones it does)."""
    present = index.districts()
    out: list[str] = []
    for raw in names:
        raw = (raw or "").strip()
        if not raw:
            raise UserError("empty district name")
        name = canonical_district(raw)
        if name is None:
            raise UserError(
                f"unknown district {raw!r}; districts in the index: {_listing(present)}"
            )
        if name not in present:
            raise UserError(
                f"no documents for {name} in the index; districts in the index: {_listing(present)}"
            )
        if name not in out:
            out.append(name)
    return out


def districts_named_in(question: str, index: Searchable) -> tuple[list[str], list[str]]:
    """(districts the question names that the index has, ones it names that it has not)."""
    from index.normalize import normalize_text

    present = set(index.districts())
    question = normalize_text(question)  # 重慶高新區 / 綦江區 name the same places
    named = find_districts(question)
    for name in _latin_names_in(question):  # "Qijiang District", "Chongqing High-tech Zone"
        if name not in named:
            named.append(name)
    # "高新区" is ambiguous in running text (any district has one) but in a question that
    # starts with it, it means 重庆高新区
    for prefix in ("高新区", "重庆高新区"):
        name = canonical_district(prefix)
        if name and question.lstrip().startswith(prefix) and name not in named:
            named.insert(0, name)
    return [d for d in named if d in present], [d for d in named if d not in present]


@cache
def _latin_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    raw = resources.files("qa").joinpath("data", "district_names_latin.json").read_text("utf-8")
    names = {_latin_key(k): v for k, v in json.loads(raw)["names"].items()}
    alternatives = sorted(names, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(k) for k in alternatives) + r")\b")
    return pattern, names


def _latin_key(text: str) -> str:
    return re.sub(r"[-'’\s]+", " ", text.lower()).strip()


def _latin_names_in(question: str) -> list[str]:
    if not re.search(r"[A-Za-z]{4}", question):
        return []
    pattern, names = _latin_pattern()
    found: list[str] = []
    for m in pattern.finditer(_latin_key(question)):
        if names[m.group(1)] not in found:
            found.append(names[m.group(1)])
    return found


def _listing(names: Iterable[str]) -> str:
    names = list(names)
    return "、".join(names) if names else "(none)"
