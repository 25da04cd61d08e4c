"""District names from users (--district, questions) resolved against the index, and the place
inside a document's own that a sentence opens with."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from corpus.errors import UserError
from corpus.gazetteer import canonical_district, find_districts, listed_districts, not_in_index
from qa.scoring import Searchable
from qa.spelling import misspelt_districts_in

LEVELS = ("province", "city", "county")
LEVEL_ALIASES = {"省": "province", "市": "city", "区县": "county", "区": "county", "县": "county"}


def index_places(index: Searchable) -> set[str]:
    """Labels of the places the index's documents are issued by and of the places that
    contain them (a filter on 四川省 finds 宜宾市's documents)."""
    found = set(index.districts())
    for doc in getattr(index, "documents", ()):
        found.update(doc.place_parents)
    return found


def enclosing_place(name: str, index: Searchable) -> str | None:
    """The nearest place containing `name` that the index has documents of (西安市 → 陕西省
    over a provincial report): a place without documents of its own is spoken of in them."""
    from corpus import places

    place = places.resolve(name)
    present = set(index.districts())
    if place is None:
        return None
    return next((p.label for p in reversed(places.path_of(place)[:-1]) if p.label in present), None)


def default_level(index: Searchable) -> str:
    """The level most documents of the index are issued at (a functional zone counts as a
    county): county for a collection of district plans, city for city reports."""
    from collections import Counter

    levels = Counter(
        "county" if d.place_level == "zone" else d.place_level
        for d in getattr(index, "documents", ())
        if d.place_level and d.duplicate_of is None
    )
    return levels.most_common(1)[0][0] if levels else "county"


def places_at(index: Searchable, level: str | None = None) -> list[str]:
    """Labels of the index's places at `level` (None: `default_level`), sorted: the places of
    that level that issue documents of their own, else those containing the documents issued
    below it; documents issued above that level (a province's report, when cities are asked
    for) count for none."""
    from corpus import places

    level = normalize_level(level) or default_level(index)
    documents = list(getattr(index, "documents", ()))
    if not any(d.place_code for d in documents):  # an index built before places had levels
        return index.districts()
    found: set[str] = set()
    issuing: set[str] = set()  # places at the level with documents of their own
    for doc in documents:
        if doc.place_code and doc.place_code in places.codes():
            at = places.ancestor_at(places.place(doc.place_code), level)
            if at is not None:
                found.add(at.label)
                if at.code == doc.place_code:
                    issuing.add(at.label)
    # where places of the level issue documents, they are the places asked about: 四川省 is
    # no province of a corpus of provincial reports because 遂宁's report is inside it, nor
    # 重庆市 a city because its districts' plans are; with none, the places containing the
    # documents stand for them (哪些城市 over district plans alone: 重庆市). A municipality of
    # province rank (重庆市) is a city beside cities, but a province beside another province's
    # report (湖南省's): then its report is one of the provinces'
    provinces = {d.district for d in documents if d.place_level == "province"}
    if len(provinces) > 1:
        issuing = {p for p in issuing if level_of_places([p]) == level} or issuing
    return sorted(issuing or found)


def of_kinds(places: list[str], kinds: tuple[str, ...], index: Searchable) -> list[str]:
    """The places that have a document of one of `kinds` (plan, work_report…), or all of them
    when none has or no kind is asked."""
    documents = getattr(index, "documents", ())
    kinds_of = document_kinds(documents)
    held = [
        p for p in places if any(d.district == p and kinds_of(d) & set(kinds) for d in documents)
    ]
    return held or places


def document_kinds(documents: Iterable[Any]) -> Callable[[Any], set[str]]:
    """The kinds each of `documents` is of: its type, and gazette for one printed in a
    government gazette (a file whose front matter is a 公报) or a bulletin (统计公报)."""
    gazettes = {d.source for d in documents if d.doc_type == "front_matter" and "公报" in d.title}
    return lambda d: (
        {d.doc_type} | ({"gazette"} if d.source in gazettes or d.doc_type == "bulletin" else set())
    )


def normalize_level(level: str | None) -> str | None:
    """province, city or county for a level given in English or Chinese (省, 市, 区县)."""
    if not level:
        return None
    level = LEVEL_ALIASES.get(level, level)
    if level not in LEVELS:
        raise UserError("unknown_level", level=level)
    return level


def level_of_places(labels: Iterable[str]) -> str:
    """The level of named places (a zone counts as a county); county when they differ."""
    from corpus import places

    levels = {
        "county" if p.level == "zone" else p.level
        for label in labels
        if (p := places.resolve(label)) is not None
    }
    return levels.pop() if len(levels) == 1 else "county"


def resolve_districts(names: Iterable[str], index: Searchable) -> list[str]:
    """Canonical names for user-typed places at any level (綦江, 綦江区, 重庆市綦江区, 高新区,
    四川, 宜宾市), in the order given, duplicates dropped. UserError for a name that is no
    place, or a place the index holds no documents in (the message lists the ones it does)."""
    present = index_places(index)
    listed = index.districts()
    out: list[str] = []
    for raw in names:
        raw = (raw or "").strip()
        if not raw:
            raise UserError("empty_place")
        name = canonical_district(raw)
        if name is None or name not in present:
            raise not_in_index(raw, listed)
        if name not in out:
            out.append(name)
    return out


def districts_named_in(question: str, index: Searchable) -> tuple[list[str], list[str]]:
    """(districts the question names that the index has, ones it names that it has not)."""
    from index.normalize import normalize_text

    present = index_places(index)
    question = normalize_text(question)  # 重慶高新區 / 綦江區 name the same places
    named = find_districts(question)
    for name in misspelt_districts_in(question, named):  # 旗江区 for 綦江区 (same sound)
        if name not in named:
            named.append(name)
    from qa.latin_places import latin_places_in

    # "Qijiang District", "Beihai City", "Garze", "Chongqing High-tech Zone"
    for name in latin_places_in(question, present):
        if name not in named:
            named.append(name)
    # "高新区" is ambiguous in running text (any district has one) but in a list of places
    # (綦江、高新区、合川这三个) or at the start of a question it means 重庆高新区
    for name in listed_districts(question):
        if name not in named:
            named.append(name)
    for prefix in ("高新区", "重庆高新区"):
        name = canonical_district(prefix)
        if name and question.lstrip().startswith(prefix) and name not in named:
            named.insert(0, name)
    return [d for d in named if d in present], [d for d in named if d not in present]


_ADMINISTRATIVE = ("省", "市", "区", "县", "州", "盟", "旗")


def places_outside_corpus(question: str) -> list[str]:
    """Place names of the question (北京市, 海淀区, 上海浦东新区) that are no part of Chongqing:
    words jieba's part-of-speech tagger reads as place names (ns) and that end in an
    administrative unit, so a bare region or river name (西部, 长江) does not count."""
    import jieba.posseg

    from corpus import places
    from index.normalize import normalize_text

    out: list[str] = []
    for word in jieba.posseg.cut(normalize_text(question)):
        name = word.word
        if word.flag != "ns" or len(name) < 3 or not name.endswith(_ADMINISTRATIVE):
            continue
        if name.startswith("重庆") or canonical_district(name) or find_districts(name):
            continue
        if name.endswith("城市") and places.resolve(name) is None:
            continue  # a kind of city (文明城市, 海绵城市), not a name (聊城市 is one)
        if name not in out:
            out.append(name)
    return out


def latin_place_names_removed(question: str) -> str:
    """The question, lower-cased, without the romanised place names it names ("qijiang",
    "beihai city", "chongqing high tech zone"): what is left is its topic."""
    from qa.latin_places import latin_places_removed

    return latin_places_removed(question)


_LEVEL_RANK = {"province": 0, "city": 1, "county": 2, "zone": 2}


def places_within(names: list[str], level: str | None, index: Searchable) -> list[str]:
    """The index's places at `level` that lie inside one of the named places (the districts of
    重庆市, the cities of 广西); empty when `level` is None or not below every named place."""
    from corpus import places

    named = [p for n in names if (p := places.resolve(n)) is not None]
    if level is None or not named or any(_LEVEL_RANK[p.level] >= _LEVEL_RANK[level] for p in named):
        return []
    codes = {p.code for p in named}
    return [
        label
        for label in places_at(index, level)
        if (p := places.resolve(label)) is not None
        and any(a.code in codes for a in places.path_of(p)[:-1])
    ]


# a zone a city report names as the subject of a sentence
ZONE_WORD = re.compile(r"高新区|开发区|经开区|新区|园区|片区|自贸区")
_ZONE = re.compile(rf"^(?P<place>[\u4e00-\u9fff]{{2,6}}?)(?:{ZONE_WORD.pattern})")
# a zone a sentence sets its scope to: 力争高新区内科技型企业达到350家以上
_WITHIN_ZONE = re.compile(rf"^(?:力争|确保|推动|全力|努力)?(?P<zone>(?:{ZONE_WORD.pattern}))内")


def place_opening(text: str, place: str | None) -> str | None:
    """The place inside the document's own that opens the sentence as its subject (a county,
    a district, a zone: "叙州区地区生产总值增长…", "宜宾高新区独立运行，…", "力争高新区内…"),
    or None."""
    from corpus import places

    first = re.split(r"[，,；;。：:]", text.strip(), maxsplit=1)[0]
    zone = _ZONE.match(first)
    if zone and places.first_place(zone.group("place")) is not None:
        return zone.group(0)  # a place's zone: 宜宾高新区 (not 创建国家高新区)
    within = _WITHIN_ZONE.match(first)
    if within:
        return within.group("zone")
    named = places.first_place(first[:12])
    own = places.resolve(place) if place else None
    if named is None or own is None or named == own or not first.startswith(named.name[:2]):
        return None
    return named.name if own in places.path_of(named) else None


def asks_inside_a_place(question: str, names: list[str], index: Any) -> bool:
    """Whether a "which place…" question names a place and asks for a smaller place inside
    it that the index holds no document of ("广西哪个城市获批…" over 广西's own report): a
    fact of that place's documents, not a question of which documents mention something."""
    from corpus import places
    from qa.place_questions import question_level

    level = normalize_level(question_level(question))
    named = [p for n in names if (p := places.resolve(n)) is not None]
    if level is None or not named:
        return False
    below = all(_LEVEL_RANK[p.level] < _LEVEL_RANK[level] for p in named)
    return below and not places_within(list(names), level, index)
