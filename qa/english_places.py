"""A "which places…" question asked in English ("Which cities talk about mangroves?", "Do
Fangchenggang or Suizhou mention nuclear power?"): the level of places it asks for and its
topic, said in Chinese so that the place finder (qa.districts) reads it as it reads any.

The topic is put into Chinese from CC-CEDICT read the other way round: each sense of an entry
is a name for its Chinese word ("nuclear power" is a sense of 核电, "rare earth" one of 稀土), so
the words whose sense names the topic best are its Chinese forms. A word in brackets that is
Chinese already ("the China-Europe Railway Express (中欧班列)") is taken as it is.

Read against an index, the forms are those its documents use. A topic no sense names whole
("low-altitude economy", "hydrogen energy") is put together from the senses of its words in
turn (低空 + 经济, 氢 + 能), and a composition counts only when the documents write it verbatim:
the dictionary proposes, the corpus decides."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from qa.english_remarks import Remarks, chinese_question, read_remarks, topic_parts

if TYPE_CHECKING:
    from qa.attested import Corpus

_ENGLISH_NAMES = Path(__file__).resolve().parent / "data" / "english_names.json"
_VERB = (
    r"(?:mention|mentions|mentioned|talk about|talks about|discuss|discusses|refer to|refers to"
    r"|write about|writes about|cover|covers|plan(?!\s+to\b)|plans(?!\s+to\b)"
    r"|promote|promotes|develop|develops"
    r"|have|has|set|sets|include|includes)"
)
_NOUNS = (
    r"prefecture-level\s+cit(?:ies|y)|places?|cities|city|provinces?|regions?|districts?|counties"
    r"|county|ones?|reports?"
    r"|plans?|documents?"
)
_NOUN = rf"(?P<noun>{_NOUNS})"
# what a place means to do, before the verb: Which cities plan to develop X?
_INTENT = r"(?:(?:plans?|aims?|wants?|intends?)\s+to\s+)?"
_QUESTIONS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # Which cities talk about mangroves? Which of A, B and C mention X? Which one…
        (
            rf"^(?:which|what)\s+(?:of\s+(?P<among>[^?]+?)\s+)?(?:{_NOUN}\s+)?"
            rf"(?:(?:also|already|still)\s+)?{_INTENT}{_VERB}\s+(?P<topic>[^?]+?)\s*\??$"
        ),
        # Among A, B and C, which one mentions X?
        (
            rf"^among\s+(?P<among>[^?]+?),\s*which(?:\s+{_NOUN})?\s+{_VERB}"
            r"\s+(?P<topic>[^?]+?)\s*\??$"
        ),
        # Do A or B mention X? Does any city mention X?
        rf"^(?:do|does)\s+(?P<among>[^?]+?)\s+{_VERB}\s+(?P<topic>[^?]+?)\s*\??$",
        # any other verb: Which of A, B and C hold dragon boat races? Which cities plan to
        # develop X? (the verb's object is the topic)
        (
            rf"^which\s+(?:of\s+(?P<among>[^?]+?)|{_NOUN})\s+(?:(?:also|already|still)\s+)?"
            rf"{_INTENT}(?!(?:is|are|was|were|do|does|did|and|or)\b)(?-i:[a-z]+)"
            r"\s+(?P<topic>[^?]+?)\s*\??$"
        ),
    )
)
# the place a level is of, said before it: Which Chongqing districts…, Which Shandong cities…
_WITHIN = re.compile(rf"^([Ww]hich\s+|[Ww]hat\s+)(?:[A-Z][\w'-]*\s+){{1,3}}(?=(?i:{_NOUNS})\b)")
_LEVELS = {
    "cit": "city",
    "prefecture": "city",
    "provinc": "province",
    "district": "county",
    "count": "county",
}
# words of a topic that name its kind, not it: the rare earth industry is 稀土
# fmt: off
_KIND_WORDS = frozenset([
    "industry", "industries", "sector", "sectors", "development", "construction", "project",
    "projects", "plan", "plans", "policy", "policies", "programme", "program", "work", "working",
    "with", "cooperation", "the", "a", "an",
])
# fmt: on


# where the documents say it, after the topic: …the Belt and Road in their documents?
_WHERE_SAID = re.compile(
    r"\s+in\s+(?:their|its|the|these|those)\s+(?:(?:government\s+)?(?:work\s+)?"
    r"(?:documents?|reports?|plans?|texts?|files?))$",
    re.IGNORECASE,
)
# the dashes a name is joined with (China–Europe), read as the hyphen policy names write
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
# a code written in Latin letters and digits, or in capitals, with only an article before it
_CODE = re.compile(r"(?i:the\s+)?([A-Za-z]*\d[A-Za-z\d]*|[A-Z]{2,}[A-Za-z]*)")


@dataclass(frozen=True)
class EnglishPlaceQuestion:
    topic: str  # as asked
    chinese: str  # the topic in Chinese, "" when no Chinese form was found
    level: str | None  # city, province, county, or None for any place
    aside: str = ""  # a place whose own documents are set aside, as asked (qa.english_remarks)


def read_english_place_question(
    question: str, corpus: Corpus | None = None
) -> EnglishPlaceQuestion | None:
    """The question read as a "which places…" question in English, None when it is not one;
    its topic in Chinese as the documents of `corpus` write it."""
    asked = english_topic(question)
    if asked is None:
        return None
    topic, level, remarks = asked
    topics, without = topic_parts(topic)  # (both A and B; A but not B)
    said = chinese_question(topics, without, remarks, lambda t: chinese_for(t, corpus))
    return EnglishPlaceQuestion(topic, said, level, remarks.aside)


def english_topic(question: str) -> tuple[str, str | None, Remarks] | None:
    """(the topic as asked, the level of places asked, the remarks) of an English "which
    places…" question, None when it is not one: no Chinese is looked for."""
    if re.search(r"[哪谁吗呢，。？、]|有没有|是否|什么|多少|提到|提及", question):
        return None  # a Chinese question (a Chinese topic in an English one is its word)
    # (a sentence after the question remarks on what counts: …? 国家卫生乡镇 does not count.)
    question = re.sub(r"(?<=\?)\s+[^?]+$", "", question.strip())
    remarks = read_remarks(_DASHES.sub("-", question))  # (Apart from X's own report, …)
    text = _WITHIN.sub(r"\1", remarks.question)  # the place a level is of: a filter already
    for pattern in _QUESTIONS:
        m = pattern.match(text)
        if m is None:
            continue
        noun = (m.groupdict().get("noun") or "").lower()
        # (the places asked whether any did: Do any provinces mention X?)
        any_of = re.fullmatch(rf"any\s+({_NOUNS})", (m.groupdict().get("among") or "").lower())
        noun = noun or (any_of.group(1) if any_of else "")
        if noun.startswith(("report", "plan", "document", "one", "place", "region")) or not noun:
            level = None
        else:
            level = next((lv for key, lv in _LEVELS.items() if noun.startswith(key)), None)
        return _WHERE_SAID.sub("", m.group("topic").strip(" ?.")).strip(), level, remarks
    return None


def chinese_for(topic: str, corpus: Corpus | None = None) -> str:
    """The topic's Chinese form: a Chinese word it gives, in brackets or not, else the CC-CEDICT words
    whose sense names it best, joined with 、 (nuclear power → 核电、核动力、核能源), else "".

    Read against a corpus, a topic whose forms its documents do not write is put together from
    its words' senses (low-altitude economy → 低空经济), its last word, the kind, left out when
    need be (dragon boat races → 龙舟)."""
    given = re.search(r"[（(]\s*([\u4e00-\u9fff][^()（）]*)[)）]", topic) or re.search(
        r"(?:^|(?<=\s))[\"“]?([\u4e00-\u9fff][^()（）A-Za-z\"”]*?)[\"”]?\s*(?:[（(]|$)", topic
    )  # (or the Chinese word given: 氢能 (hydrogen); "千万工程"; creating a 国家卫生城市 (…))
    if given:
        return given.group(1).strip()
    unbracketed = re.sub(r"[（(][^()（）]*[)）]", " ", topic).strip()  # (its remarks left out)
    named = field_term_named(unbracketed) or next(  # (or its other name, in brackets)
        filter(None, map(field_term_named, re.findall(r"\(([^()]+)\)", topic))), ""
    )
    if named:
        return named
    either = re.split(r",?\s+or\s+", unbracketed)
    if len(either) > 1:  # hydrogen energy or hydrogen fuel cells: each in Chinese
        said = (chinese_for(part, corpus).split("、") for part in either)
        return "、".join(dict.fromkeys(w for words in said for w in words if w))
    code = _CODE.fullmatch(unbracketed)
    if code and corpus is not None and corpus.holds(code[1]):
        return code[1]  # a code both languages write (5G, HPV), as the documents write it
    joined = re.sub(r"(?<=[a-z])-(?=[a-z])", "", topic, flags=re.IGNORECASE)
    if joined != topic:  # night-time as the dictionary writes it (nighttime), else its parts
        return chinese_for(joined, corpus) or chinese_for(topic.replace("-", " "), corpus)
    from qa.crosslingual import english_stems, english_words

    words = english_words(unbracketed)
    words = [w for w in words if w not in _KIND_WORDS] or words
    if not words:
        return ""
    stems = english_stems(" ".join(words))
    wanted = frozenset(stems)
    best: list[tuple[int, int, str]] = []
    for sense, chinese in _senses():
        covered = len(sense & wanted)
        extra = len(sense - wanted)
        # a sense names the topic when it says every word of it, or all but one of a long one,
        # with at most one word more (mangrove → 红树, red mangrove)
        if covered < max(1, len(wanted) - (len(wanted) >= 4)) or extra > 1:
            continue
        best.append((covered, -extra, chinese))
    found: list[str] = []
    if best:
        top = max((c, e) for c, e, _ in best)
        found = sorted({w for c, e, w in best if (c, e) == top}, key=lambda w: (-len(w), w))
    if corpus is not None and not any(corpus.holds(w) for w in found[:4]):
        found = composed(tuple(stems), corpus) or found
    return "、".join(found[:4])


def field_term_named(topic: str) -> str:
    """The Chinese name of the policy or field term whose English name the topic is, articles
    and kind words aside ("the rural revitalization strategy" → 乡村振兴), else "": a policy's
    official English name (qa/data/english_names.json; the English forms of
    qa/data/terms.json) is no dictionary sense of its Chinese words."""
    from qa.terms import term_key

    words = re.split(r"\s+", re.sub(r"(?i)^(?:the|a|an)\s+", "", topic.strip()))
    while words:
        named = _english_names().get(term_key(" ".join(words)))
        if named or words[-1].lower() not in _KIND_WORDS:
            return named or ""
        words = words[:-1]  # (the rural revitalization strategy, the Greater Bay Area plan)
    return ""


@cache
def _english_names() -> dict[str, str]:
    """Each English name's key → the Chinese name it is of."""
    from qa.terms import term_groups, term_key

    data = json.loads(_ENGLISH_NAMES.read_text(encoding="utf-8"))["names"]
    named = [(chinese, english) for chinese, names in data.items() for english in names]
    named += [(g[0], form) for g in term_groups() for form in g if form.isascii()]
    return {term_key(english): chinese for chinese, english in reversed(named)}


def composed(stems: tuple[str, ...], corpus: Corpus) -> list[str]:
    """Chinese texts the documents write that say the English words (as stems) in turn, each
    run of words by one CC-CEDICT sense of it (低空 for "low altitude", 经济 for "economy"),
    longest first: those saying every word, else, for a topic of three words or more, those
    saying all but the last (the head noun, which a Chinese name often leaves unsaid: 龙舟 for
    dragon boat races); [] when none is written. A text put together from single characters
    must be one of the corpus's words (氢能, but not 核力, which 考核力度 holds), unless it has
    only one, beside three characters or more of words (氢燃料电池)."""
    for forms in (_word_forms(), _word_forms(wider=True)):
        for kept in (stems, stems[:-1] if len(stems) > 2 else ()):
            found = _written(kept, forms, corpus) if kept else set()
            if found:
                return sorted(found, key=lambda w: (-len(w), w))
    return []


def _written(
    stems: tuple[str, ...], forms: dict[tuple[str, ...], tuple[str, ...]], corpus: Corpus
) -> set[str]:
    """The texts the corpus holds that say `stems` in turn; a text is only extended while the
    corpus holds it, so the search stays small."""
    found: set[str] = set()
    stack: list[tuple[int, str, int]] = [(0, "", 0)]  # (words said, text, lone characters)
    while stack:
        at, said, lone = stack.pop()
        if at == len(stems):
            if len(said) >= 2 and (not lone or corpus.word(said) or (lone == 1 and len(said) >= 4)):
                found.add(said)
            continue
        for end in range(at + 1, min(len(stems), at + 3) + 1):
            for form in forms.get(stems[at:end], ()):
                text = said + form
                if len(text) < 2 or corpus.holds(text):
                    stack.append((end, text, lone + (len(form) == 1)))
    return found


@cache
def _word_forms(wider: bool = False) -> dict[tuple[str, ...], tuple[str, ...]]:
    """The stems of each CC-CEDICT sense of one to three words → the simplified words it is a
    sense of, single characters included (氢 for "hydrogen"). `wider`: a sense of two words
    also stands for its first, when that alone is what the topic says (银发, "silver hair", for
    the silver of silver economy: 银发经济), a word of two characters or more."""
    forms: dict[tuple[str, ...], set[str]] = {}
    for stems, simplified in _sense_names():
        if wider and len(stems) == 2 and len(simplified) >= 2:
            forms.setdefault(stems[:1], set()).add(simplified)
        if len(stems) <= 3:
            forms.setdefault(stems, set()).add(simplified)
    return {key: tuple(sorted(words)) for key, words in forms.items()}


@cache
def _senses() -> tuple[tuple[frozenset[str], str], ...]:
    """Each CC-CEDICT sense's name as a set of stems, with its simplified word of two
    characters or more."""
    return tuple((frozenset(stems), s) for stems, s in _sense_names() if len(s) >= 2)


@cache
def _sense_names() -> tuple[tuple[tuple[str, ...], str], ...]:
    """Each CC-CEDICT sense's name (before a comma or a remark in brackets; not an
    abbreviation's) as the stems of its one to eight words, with its simplified word."""
    from qa.crosslingual import cedict_entries, english_words, stem_table

    named: list[tuple[list[str], str]] = []
    for simplified, senses in cedict_entries():
        for sense in senses:
            name = re.sub(r"\([^)]*\)", " ", sense).split(",")[0].split(";")[0]
            words = english_words(name)
            if not name.startswith("abbr.") and 1 <= len(words) <= 8:
                named.append((words, simplified))
    stem_of = stem_table(w for words, _ in named for w in words)
    return tuple((tuple(stem_of[w] for w in words), chinese) for words, chinese in named)
