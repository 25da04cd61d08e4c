"""Place names in Latin letters, for questions asked in English ("What is Beihai's 2024
target…", "How many … does Qijiang District plan…").

The names are generated, not listed: each place is romanised with pypinyin from its short
form (北海市 → Beihai, Beihai City; 綦江区 → Qijiang, Qijiang District; 甘孜藏族自治州 → Ganzi,
Ganzi Prefecture; 南岸区 → Nan'an, Nanan). Romanised are the places of the index and the
places around them, the gazetteer's (Chongqing's districts), and every province and
prefecture-level city of the country, so that a question about a city the corpus lacks is
known to name a place. Names that are no pinyin (Garze, Chongqing High-tech Zone, Liangjiang
New Area) come from qa/data/district_names_latin.json. A romanisation two places share
(Taizhou: 台州市, 泰州市) names the one the index holds, else neither (it is still no topic
word of the question).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

# what English adds after a place's name, by how its Chinese name ends
_SUFFIX_WORDS = (
    ("自治州", ("prefecture", "autonomous prefecture")),
    ("地区", ("prefecture",)),
    ("盟", ("league",)),
    ("自治县", ("county", "autonomous county")),
    ("省", ("province",)),
    ("自治区", ("autonomous region", "region")),
    ("市", ("city",)),
    ("区", ("district",)),
    ("县", ("county",)),
    ("旗", ("banner",)),
)
_VOWEL_START = re.compile(r"^[aoe]")


def latin_key(text: str) -> str:
    """Text as romanised names are compared: lower case, hyphens, apostrophes and spaces one
    space ("Nan'an" → "nan an", "High-tech Zone" → "high tech zone")."""
    return re.sub(r"[-'’\s]+", " ", text.lower()).strip()


def romanised(name: str, short_forms: Iterable[str] = ()) -> tuple[str, ...]:
    """The Latin forms of a place name: its shortest short form in pinyin, written together
    and with an apostrophe before a syllable starting with a vowel (Nan'an), alone and with
    the English word of its kind (Beihai City)."""
    from itertools import islice, product

    from pypinyin import Style, lazy_pinyin, pinyin

    forms = [f for f in short_forms if len(f) >= 2] or [name]
    base = min(forms, key=len)
    usual = lazy_pinyin(base)
    # every reading of a character of several (长治: Changzhi, which pypinyin reads zhang)
    readings = [
        list(dict.fromkeys([first, *options]))
        for first, options in zip(
            usual, pinyin(base, style=Style.NORMAL, heteronym=True), strict=False
        )
    ]
    spellings: set[str] = set()
    for syllables in islice(product(*readings), 8):
        if not all(s.isascii() and s.isalpha() for s in syllables):
            return ()
        joined = syllables[0] + "".join(
            ("'" + s if _VOWEL_START.match(s) else s) for s in syllables[1:]
        )
        spellings |= {joined.capitalize(), joined.replace("'", "").capitalize()}
    words = next((w for end, w in _SUFFIX_WORDS if name.endswith(end)), ())
    out = list(spellings)
    out += [f"{s} {w.title()}" for s in spellings for w in words]
    return tuple(sorted(out, key=lambda f: (-len(f), f)))


@cache
def _data() -> dict:
    raw = resources.files("qa").joinpath("data", "district_names_latin.json").read_text("utf-8")
    return json.loads(raw)


@cache
def _generated() -> dict[str, frozenset[str]]:
    """Latin key → labels of the places it romanises, for the gazetteer's places and every
    province and prefecture-level city."""
    from corpus import places
    from corpus.gazetteer import ALL_DISTRICTS

    chosen = [p for p in places.all_places() if p.level in ("province", "city")]
    for name in ALL_DISTRICTS:
        if (p := places.resolve(name)) is not None:
            chosen.append(p)
    return _keys(chosen)


def _keys(chosen: Iterable[object]) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for p in chosen:
        for form in romanised(p.name, p.short_forms):  # type: ignore[attr-defined]
            table.setdefault(latin_key(form), set()).add(p.label)  # type: ignore[attr-defined]
    return {k: frozenset(v) for k, v in table.items()}


@cache
def _table(held: frozenset[str]) -> tuple[re.Pattern[str], dict[str, str]]:
    """(pattern of every romanisation, key → label where it names one place) for an index
    holding the places `held` (labels)."""
    from corpus import places

    table = {k: set(v) for k, v in _generated().items()}
    own = [p for label in held if (p := places.resolve(label)) is not None]
    for key, ours in _keys(own).items():
        table.setdefault(key, set()).update(ours)
    names: dict[str, str] = {}
    for key, labels in table.items():
        inside = labels & held
        if len(labels) == 1:
            names[key] = next(iter(labels))
        elif len(inside) == 1:  # Taizhou names the one of 台州市/泰州市 the index holds
            names[key] = next(iter(inside))
    for form, label in _data()["names"].items():  # hand-written names and exonyms win
        names[latin_key(form)] = label
    alternatives = sorted(set(names) | set(table), key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(k) for k in alternatives) + r")\b")
    return pattern, names


def latin_places_in(question: str, held: Iterable[str] = ()) -> list[str]:
    """Labels of the places a question names in Latin letters, in order of first mention;
    `held`: the labels of the places the index holds (they decide a shared romanisation)."""
    if not re.search(r"[A-Za-z]{4}", question):
        return []
    pattern, names = _table(frozenset(held))
    found: list[str] = []
    for m in pattern.finditer(latin_key(question)):
        label = names.get(m.group(1))
        if label is not None and label not in found:
            found.append(label)
    return found


def latin_places_removed(question: str, held: Iterable[str] = ()) -> str:
    """The question, lower-cased, without the romanised place names it names ("qijiang",
    "beihai city", "chongqing high tech zone"): what is left is its topic."""
    pattern, _ = _table(frozenset(held))
    return pattern.sub(" ", latin_key(question))


def latin_places_spelt(question: str, held: Iterable[str] = ()) -> str:
    """A question in Chinese that names places in Latin letters (Guangxi 和 Henan，哪个提到了东盟)
    with each such name written as the place's label (广西壮族自治区), so that it is read as any
    question naming places; a question in English is left as it is (qa.crosslingual)."""
    if len(re.findall(r"[\u4e00-\u9fff]", question)) < 4 or not re.search(r"[A-Za-z]{4}", question):
        return question
    pattern, names = _table(frozenset(held))

    def spelt(m: re.Match[str]) -> str:
        key = latin_key(m.group(0))
        return names.get(key, m.group(0)) if pattern.fullmatch(key) else m.group(0)

    said = re.sub(r"[A-Za-z][A-Za-z'’ -]*[A-Za-z]", spelt, question)
    return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", said)
