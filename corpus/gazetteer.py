"""Chongqing's districts and counties plus functional zones, from corpus/data/gazetteer.json.

`canonical_district` maps any spelling (綦江, 綦江区, 重庆市綦江区, 高新区) to one canonical name;
`find_districts` lists the places a running text mentions. Short forms that are also ordinary
words (长寿 'longevity', 南岸 'south bank', 高新区 'a high-tech zone', which 綦江 and 合川 have
too) are accepted by `canonical_district` but never matched inside running text.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from corpus.text import normalize_for_match

_DATA = Path(__file__).resolve().parent / "data" / "gazetteer.json"


@cache
def _data() -> dict:
    return json.loads(_DATA.read_text(encoding="utf-8"))


@cache
def _canonical_names() -> tuple[str, ...]:
    return tuple(p["name"] for p in _data()["places"])


@cache
def _text_aliases() -> dict[str, str]:
    """Every name matched in running text -> canonical name."""
    table: dict[str, str] = {}
    for place in _data()["places"]:
        for alias in (place["name"], *place["aliases"]):
            table[normalize_for_match(alias)] = place["name"]
    return table


@cache
def _all_aliases() -> dict[str, str]:
    table = dict(_text_aliases())
    for alias, name in _data()["ambiguous_aliases"].items():
        table[normalize_for_match(alias)] = name
    return table


@cache
def _text_pattern() -> re.Pattern[str]:
    # longest alternatives first, so 大渡口区 wins over 大渡口
    names = sorted(_text_aliases(), key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


ALL_DISTRICTS: tuple[str, ...] = _canonical_names()


def canonical_district(name: str | None) -> str | None:
    """The canonical gazetteer name for `name` (full name, short form, 重庆市… prefix), or
    None when it names no known district."""
    if not name:
        return None
    key = normalize_for_match(name).replace(" ", "")
    for candidate in (key, key.removeprefix("重庆市"), key.removeprefix("重庆")):
        if candidate in _all_aliases():
            return _all_aliases()[candidate]
    return None


def find_districts(text: str) -> list[str]:
    """Canonical names of the districts `text` mentions, in order of first mention."""
    found: list[str] = []
    for m in _text_pattern().finditer(normalize_for_match(text)):
        name = _text_aliases()[m.group(0)]
        if name not in found:
            found.append(name)
    return found


def count_districts(text: str) -> dict[str, int]:
    """How often each district is mentioned in `text` (for telling the subject of a document
    that names none in its title)."""
    counts: dict[str, int] = {}
    for m in _text_pattern().finditer(normalize_for_match(text)):
        name = _text_aliases()[m.group(0)]
        counts[name] = counts.get(name, 0) + 1
    return counts


def district_of_name(text: str) -> str | None:
    """The district an issuer name, title or 发文字号 belongs to: like find_districts, but a
    leading ambiguous short form counts (高新区科技创新局, 渝高新发〔2021〕28号)."""
    key = normalize_for_match(text).replace(" ", "")
    for prefix, name in sorted(_data()["doc_number_prefixes"].items(), key=lambda kv: -len(kv[0])):
        if re.match(rf"{re.escape(prefix)}\w*[发办函]?\[\d{{4}}\]", key):
            return name
    found = find_districts(key)
    if found:
        return found[0]
    for alias, name in sorted(_data()["ambiguous_aliases"].items(), key=lambda kv: -len(kv[0])):
        if key.startswith((alias, "重庆" + alias, "重庆市" + alias)):
            return name
    return None
