"""A "which places…" question asked in English ("Which cities talk about mangroves?", "Do
Fangchenggang or Suizhou mention nuclear power?"): the level of places it asks for and its
topic, said in Chinese so that the place finder (qa.districts) reads it as it reads any.

The topic is put into Chinese from CC-CEDICT read the other way round: each sense of an entry
is a name for its Chinese word ("nuclear power" is a sense of 核电, "rare earth" one of 稀土), so
the words whose sense names the topic best are its Chinese forms. A word in brackets that is
Chinese already ("the China-Europe Railway Express (中欧班列)") is taken as it is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_VERB = (
    r"(?:mention|mentions|mentioned|talk about|talks about|discuss|discusses|refer to|refers to"
    r"|write about|writes about|cover|covers|plan|plans|promote|promotes|develop|develops"
    r"|have|has|set|sets|include|includes)"
)
_NOUN = (
    r"(?P<noun>places?|cities|city|provinces?|regions?|districts?|counties|county|ones?|reports?"
    r"|plans?|documents?)"
)
_QUESTIONS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # Which cities talk about mangroves? Which of A, B and C mention X? Which one…
        (
            rf"^(?:which|what)\s+(?:of\s+(?P<among>[^?]+?)\s+)?(?:{_NOUN}\s+)?"
            rf"(?:(?:also|already|still)\s+)?{_VERB}\s+(?P<topic>[^?]+?)\s*\??$"
        ),
        # Among A, B and C, which one mentions X?
        (
            rf"^among\s+(?P<among>[^?]+?),\s*which(?:\s+{_NOUN})?\s+{_VERB}"
            r"\s+(?P<topic>[^?]+?)\s*\??$"
        ),
        # Do A or B mention X? Does any city mention X?
        rf"^(?:do|does)\s+(?P<among>[^?]+?)\s+{_VERB}\s+(?P<topic>[^?]+?)\s*\??$",
    )
)
_LEVELS = {
    "cit": "city",
    "provinc": "province",
    "district": "county",
    "count": "county",
}
# words of a topic that name its kind, not it: the rare earth industry is 稀土
_KIND_WORDS = frozenset(
    [
        "industry",
        "industries",
        "sector",
        "sectors",
        "development",
        "construction",
        "project",
        "projects",
        "plan",
        "plans",
        "policy",
        "policies",
        "programme",
        "program",
        "work",
        "working",
        "with",
        "cooperation",
        "the",
        "a",
        "an",
    ]
)


@dataclass(frozen=True)
class EnglishPlaceQuestion:
    topic: str  # as asked
    chinese: str  # the topic in Chinese, "" when no Chinese form was found
    level: str | None  # city, province, county, or None for any place


def read_english_place_question(question: str) -> EnglishPlaceQuestion | None:
    """The question read as a "which places…" question in English, None when it is not one."""
    if re.search(r"[\u4e00-\u9fff]{4}", question.split("(")[0].split("（")[0]):
        return None  # a Chinese question
    text = question.strip()
    for pattern in _QUESTIONS:
        m = pattern.match(text)
        if m is None:
            continue
        noun = (m.groupdict().get("noun") or "").lower()
        if noun.startswith(("report", "plan", "document", "one", "place", "region")) or not noun:
            level = None
        else:
            level = next((lv for key, lv in _LEVELS.items() if noun.startswith(key)), None)
        topic = m.group("topic").strip(" ?.")
        return EnglishPlaceQuestion(topic, chinese_for(topic), level)
    return None


def chinese_for(topic: str) -> str:
    """The topic's Chinese form: a Chinese word it gives in brackets, else the CC-CEDICT words
    whose sense names it best, joined with 、 (nuclear power → 核电、核动力、核能源), else ""."""
    given = re.search(r"[（(]\s*([\u4e00-\u9fff][^()（）]*)[)）]", topic)
    if given:
        return given.group(1).strip()
    from qa.crosslingual import english_stems, english_words

    words = english_words(re.sub(r"[（(][^()（）]*[)）]", " ", topic))
    words = [w for w in words if w not in _KIND_WORDS] or words
    if not words:
        return ""
    wanted = frozenset(english_stems(" ".join(words)))
    best: list[tuple[int, int, str]] = []
    for stems, chinese in _senses():
        covered = len(stems & wanted)
        extra = len(stems - wanted)
        # a sense names the topic when it says every word of it, or all but one of a long one,
        # with at most one word more (mangrove → 红树, red mangrove)
        if covered < max(1, len(wanted) - (len(wanted) >= 4)) or extra > 1:
            continue
        best.append((covered, -extra, chinese))
    if not best:
        return ""
    top = max((c, e) for c, e, _ in best)
    found = sorted({w for c, e, w in best if (c, e) == top}, key=lambda w: (-len(w), w))
    return "、".join(found[:4])


@cache
def _senses() -> tuple[tuple[frozenset[str], str], ...]:
    """Each CC-CEDICT sense's name (before a comma or a remark in brackets) as stems, with its
    simplified word of two characters or more."""
    from qa.crosslingual import cedict_entries, english_words, stem_table

    named: list[tuple[list[str], str]] = []
    for simplified, senses in cedict_entries():
        if len(simplified) < 2:
            continue
        for sense in senses:
            name = re.sub(r"\([^)]*\)", " ", sense).split(",")[0].split(";")[0]
            if name.startswith("abbr."):
                continue
            words = english_words(name)
            if 1 <= len(words) <= 8:
                named.append((words, simplified))
    stem_of = stem_table(w for words, _ in named for w in words)
    return tuple((frozenset(stem_of[w] for w in words), chinese) for words, chinese in named)
