"""Place names as users and documents write them, resolved to one label per place.

`canonical_district` maps any spelling of a place anywhere in China (綦江, 綦江区, 重庆市綦江区,
高新区, 四川, 宜宾市, 凉山州) to the label documents carry (`corpus.places`); `find_districts`
lists the places a question or a running text names. Chongqing's own short forms are kept
from corpus/data/gazetteer.json (the bundled corpus is Chongqing's): 2-character county
short forms (綦江, 合川) are matched there, and short forms that are also ordinary words
(长寿 'longevity', 南岸 'south bank', 高新区 'a high-tech zone', which 綦江 and 合川 have too)
are accepted by `canonical_district` but never matched inside running text. `ALL_DISTRICTS`
stays Chongqing's list: the tokenizer's dictionary and the homophone reader use it.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from corpus.errors import UserError
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


def _chongqing_label(name: str) -> str | None:
    from corpus import places

    found = places.resolve(name, within=places.resolve("重庆市"))
    return found.label if found else None


def canonical_district(name: str | None) -> str | None:
    """The label of the place `name` means (full name, short form, with its province or city
    in front, or a label), or None when it names no place or several (鼓楼区)."""
    if not name:
        return None
    from corpus import places

    key = normalize_for_match(name).replace(" ", "")
    for candidate in (key, key.removeprefix("重庆市"), key.removeprefix("重庆")):
        if candidate in _all_aliases():
            return _chongqing_label(_all_aliases()[candidate])
    found = places.resolve(key)
    return found.label if found else None


def find_districts(text: str) -> list[str]:
    """Labels of the places `text` names, in order of first mention: Chongqing's districts by
    any of their names, other places by their full names (and provinces' and cities' short
    forms). A place is left out when a place inside it is named right after it, as its path
    (重庆市綦江区 → 綦江区), not when both are items of a list (山东、湖南和聊城: three places)."""
    from corpus import places

    key = normalize_for_match(text)
    found: list[tuple[int, str]] = []
    for m in _text_pattern().finditer(key):
        label = _chongqing_label(_text_aliases()[m.group(0)])
        if label:
            found.append((m.start(), label))
    for code, position in places.first_mentions(key).items():
        found.append((position, places.place(code).label))
    first: dict[str, int] = {}
    for position, label in sorted(found):
        first.setdefault(label, position)
    enclosing: set[str] = set()
    for label, position in first.items():
        inner = places.resolve(label)
        for outer in places.path_of(inner)[:-1] if inner is not None else ():
            at = first.get(outer.label)
            if at is not None and at < position and not _LISTED.search(key, at, position):
                enclosing.add(outer.label)
    return [label for label in first if label not in enclosing]


# what stands between two items of a list of places
_LISTED = re.compile(r"[、，,；;和及与或/\s]")


def count_districts(text: str) -> dict[str, int]:
    """How often each district is mentioned in `text` (for telling the subject of a document
    that names none in its title)."""
    counts: dict[str, int] = {}
    for m in _text_pattern().finditer(normalize_for_match(text)):
        name = _text_aliases()[m.group(0)]
        counts[name] = counts.get(name, 0) + 1
    return counts


def listed_districts(text: str) -> list[str]:
    """The places a list of place names in `text` holds, its ambiguous short forms included:
    in 綦江、高新区、合川这三个 高新区 stands as a place beside places, so it is 重庆高新区 (in
    running text it is any district's high-tech zone). Empty unless the list names two or more
    places."""
    key = normalize_for_match(text).replace(" ", "")
    items = re.split(r"[、，,和与及跟]|这(?:几|两|三|四|五)?个", key)
    named: list[str] = []
    for item in items:
        name = _all_aliases().get(re.sub(r"^(?:在|从|对比|比较)|(?:里|中|当中)$", "", item))
        if name and name not in named:
            named.append(name)
    return named if len(named) >= 2 else []


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


def not_in_index(name: str, places_in_index: list[str]) -> UserError:
    """The error for a place a user asked for that the index holds no documents in: one for
    a real place whatever its spelling (渝中 and 渝中区 alike name 渝中区), another with the
    closest names for a string that names no place. Both list the places there are, so the
    index and qa stages say the same thing."""
    there = list(places_in_index) or ["—"]
    label = canonical_district(name)
    if label is not None:
        return UserError("place_not_in_index", name=label, known=there)
    from corpus import places

    several = [p.label for p in places.candidates(name)]
    if len(several) > 1:  # 鼓楼区 is in 福州, 南京, 徐州…: real, but which one
        return UserError("place_ambiguous", name=name.strip(), several=several, known=there)
    close = close_places(name, places_in_index)
    if close:
        return UserError("unknown_place_close", name=name.strip(), close=close, known=there)
    return UserError("unknown_place", name=name.strip(), known=there)


def close_places(name: str, first: list[str], n: int = 3) -> list[str]:
    """Place names spelt like `name` (綦江去 -> 綦江区): the index's places, then the
    country's."""
    import difflib

    key = normalize_for_match(name).replace(" ", "")
    close = difflib.get_close_matches(key, first, n=n, cutoff=0.6)
    if len(close) < n:
        more = difflib.get_close_matches(key, _country_names(), n=n, cutoff=0.6)
        close += [m for m in more if m not in close][: n - len(close)]
    return close


@cache
def _country_names() -> tuple[str, ...]:
    from corpus import places

    return tuple(sorted({p.label for p in places.all_places()}))
