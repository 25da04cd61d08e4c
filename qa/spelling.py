"""Words typed with a homophone, what a pinyin input method produces (旗江区 for 綦江区,
归上工业增加值 for 规上工业增加值, 荷泽 for 菏泽), read as the word they sound like: a window of the
question counts only when it sounds exactly like one known word (a field term, a place of the
index) and differs from it in one character. A topic the corpus does not hold is respelt as the
corpus writes it (无废成市: 无废城市; 原宇宙产业: 元宇宙; 枫桥经检, a slip of the pen: 枫桥经验)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qa.attested import Corpus


def misspelt_windows(
    question: str, sounds: dict[tuple[str, ...], list[str]]
) -> list[tuple[str, str, str]]:
    """(window, the form it stands for, the word that form is of) for each window that sounds
    exactly like one word of `sounds` (pinyin -> the words; a place's short form, 綦江, stands
    for the place, 綦江区) and differs from it by one character."""
    if not re.search(r"[\u4e00-\u9fff]", question):
        return []
    from pypinyin import lazy_pinyin

    lengths = sorted({len(k) for k in sounds}, reverse=True)
    found: list[tuple[str, str, str]] = []
    for size in lengths:
        if size < 2:
            continue
        for start in range(len(question) - size + 1):
            window = question[start : start + size]
            if not re.fullmatch(r"[\u4e00-\u9fff]+", window):
                continue
            names = sounds.get(tuple(lazy_pinyin(window)), [])
            if len(names) != 1:
                continue
            name = names[0]
            form = name if len(name) == size else name[:-1]
            differing = sum(1 for a, b in zip(window, form, strict=True) if a != b)
            if differing == 1 and name not in [n for _, _, n in found]:
                found.append((window, form, name))
    return found


@cache
def _term_sounds() -> dict[tuple[str, ...], list[str]]:
    """Pinyin (tone-less) of every Chinese form of four characters or more of the field terms
    (qa.terms.term_groups): shorter ones sound like too many ordinary words."""
    from pypinyin import lazy_pinyin

    from qa.terms import term_groups

    sounds: dict[tuple[str, ...], list[str]] = {}
    for group in term_groups():
        for form in group:
            if len(form) >= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", form):
                forms = sounds.setdefault(tuple(lazy_pinyin(form)), [])
                if form not in forms:
                    forms.append(form)
    return sounds


# 那 typed for 哪 before what a question asks for (有那些地方提到了冷链物流？): read so only in a
# question with no word of asking of its own
_WHICH_TYPED = re.compile(
    r"那(?=[些几个家份]{1,2}(?:地方|地区|城市|省|市|区|县|州|报告|规划|文件))"
)


def spell_question_words(question: str) -> str:
    """The question with 那些 (那几个, 那个) before a place or a document read as 哪些 when it
    asks with no other word (哪, 谁, 吗, 有没有)."""
    if re.search(r"哪|谁|吗|有没有|是否|是不是|what|which|who", question, re.IGNORECASE):
        return question
    return _WHICH_TYPED.sub("哪", question)


def spell_terms(question: str) -> str:
    """The question with a field term typed with a homophone spelt as the term is
    (归上工业增加值 -> 规上工业增加值)."""
    for window, form, _ in misspelt_windows(question, _term_sounds()):
        question = question.replace(window, form, 1)
    return question


@cache
def _district_sounds() -> dict[tuple[str, ...], list[str]]:
    """Pinyin (tone-less) of every district name and its aliases of 2+ characters."""
    from corpus.gazetteer import ALL_DISTRICTS

    # a short form only from 3 characters: 2-character sounds (合川/河川) are ordinary words
    return _sounds_of(ALL_DISTRICTS, lambda name: len(name) > 3 and name[-1] in "区县", {})


@cache
def _place_sounds(held: frozenset[str]) -> dict[tuple[str, ...], list[str]]:
    """`_district_sounds` with the pinyin of each of `held` (places of an index) and of its
    short form without 市, 省, 州, 区 or 县 (菏泽 of 菏泽市, 綦江 of 綦江区: a place the index
    holds, which spell_places takes only where it stands as a name)."""
    known = {key: list(names) for key, names in _district_sounds().items()}
    return _sounds_of(sorted(held), lambda name: len(name) >= 3 and name[-1] in "市省州区县", known)


def _sounds_of(
    names: Iterable[str],
    has_short_form: Callable[[str], bool],
    sounds: dict[tuple[str, ...], list[str]],
) -> dict[tuple[str, ...], list[str]]:
    """`sounds` with each name under its pinyin and, where it has one, its short form's (the
    name without its last character)."""
    from pypinyin import lazy_pinyin

    for name in names:
        forms = {name, name[:-1]} if has_short_form(name) else {name}
        for form in forms:
            key = tuple(lazy_pinyin(form))
            if name not in sounds.setdefault(key, []):
                sounds[key].append(name)
    return sounds


def misspelt_districts_in(question: str, already: list[str]) -> list[str]:
    """Districts typed with a homophone (旗江 for 綦江, 大度口 for 大渡口: what a pinyin input
    method produces). A window of the question counts only when it sounds exactly like one
    district name, differs from it by one character and shares the others (so 开发区 is not
    开州区), and the question names no district correctly already."""
    if already:
        return []
    found = [name for _, _, name in _misspelt_windows(question)]
    return found if len(found) == 1 else []


def spell_places(question: str, held: Iterable[str] = ()) -> str:
    """The question with each place typed with a homophone spelt as the place is (大度口区 ->
    大渡口区; with the index's places `held`, 荷泽和赣洲 -> 菏泽和赣州), so that later steps read
    the places, not the words their characters make. Windows that overlap read the same
    characters two ways: none is taken. A short form of two characters must stand as a name
    stands, between the question's edges or the words around a place (田长制 is no 长治)."""
    windows = misspelt_windows(question, _place_sounds(frozenset(held)))
    spans = [(question.find(window), window, form) for window, form, _ in windows]
    taken = [
        (start, window, form)
        for start, window, form in spans
        if start >= 0
        and (len(window) > 2 or _stands_alone(question, start, start + len(window)))
        and not any(
            other != start and other < start + len(window) and start < other + len(w)
            for other, w, _ in spans
        )
    ]
    for start, window, form in sorted(taken, reverse=True):
        question = question[:start] + form + question[start + len(window) :]
    return question


def _stands_alone(question: str, start: int, end: int) -> bool:
    before = question[start - 1] if start > 0 else ""
    after = question[end] if end < len(question) else ""
    return before in _BEFORE_A_PLACE and after in _AFTER_A_PLACE


# what stands around a place named in a question: a list's marks, 在…里, …的, the question's ends
_BEFORE_A_PLACE = frozenset(
    ["", "、", "，", ",", "和", "与", "及", "跟", "在", "从", " ", "“", '"']
)
_AFTER_A_PLACE = frozenset(
    ["", "、", "，", ",", "和", "与", "及", "跟", "这", "的", "里", "有", " ", "”", '"']
)


def _misspelt_windows(question: str) -> list[tuple[str, str, str]]:
    return misspelt_windows(question, _district_sounds())


# a topic the corpus does not hold, respelt as it does (qa.attested reads topics so)


def slipped_name(name: str, corpus: Corpus, written: bool = False) -> str | None:
    """The one name the documents quote that `name`, which the corpus never writes, misses by
    a character (枫桥经检: 枫桥经验), or with `written` the one text they write that it misses
    by a slip (营商坏境: 营商环境); None when there is none or more than one."""
    from qa.topic_terms import norm

    like = (corpus.written_like if written else corpus.quoted_like)(norm(name))
    return like[0] if len(like) == 1 else None


def respelt_by_sound(topic: str, corpus: Corpus) -> str | None:
    """`topic` with one character typed for another of the same sound (无废成市 for 无废城市),
    when that makes it a phrase the corpus holds and no other such change does; None
    otherwise. The corpus must hold the whole respelt topic, so a correct word is not turned
    into another."""
    if len(re.findall(r"[\u4e00-\u9fff]", topic)) < 4:
        return None
    windows = [(i, topic[i : i + 2]) for i in range(len(topic) - 1)]
    found = {
        said
        for i, window in windows
        for word in corpus.sounding(window)
        if sum(a != b for a, b in zip(word, window, strict=True)) == 1
        and corpus.holds(said := topic[:i] + word + topic[i + 2 :])
    }
    return found.pop() if len(found) == 1 else None


def respelt_character(topic: str, corpus: Corpus, read: Callable[[str, Corpus], str]) -> str | None:
    """What `topic`, of which the corpus holds nothing that is asked, reads as with one
    character typed for another of its sound (原宇宙产业: 元宇宙): a character standing alone as
    jieba cuts the topic (原|宇宙; not 房 of 以房|养老) that the corpus holds in no three
    characters around it, whose homophone makes them a phrase the corpus holds,
    `read` as qa.attested reads a topic and matched with that character in it, the one change
    that does so; None otherwise. For a slip inside a word jieba does not know (元|宇宙), which
    `respelt_by_sound`'s two-character words miss."""
    from qa.text import word_breaks

    breaks = word_breaks(topic)
    found = set()
    for i, character in enumerate(topic):
        if (
            i not in breaks
            or i + 1 not in breaks
            or not re.fullmatch(r"[\u4e00-\u9fff]", character)
        ):
            continue
        windows = [(a, a + 3) for a in range(max(0, i - 2), min(i, len(topic) - 3) + 1)]
        if not windows or any(corpus.holds(topic[a:b]) for a, b in windows):
            continue
        for other in corpus.sounding_character(character):
            said = topic[:i] + other + topic[i + 1 :]
            if not any(corpus.holds(said[a:b]) for a, b in windows):
                continue
            if _function_character(said, i):
                continue  # (核电 is no 和电: 和 joins)
            said_as = read(said, corpus)
            if other in said_as and corpus.matches(said_as):
                found.add(said_as)
    return found.pop() if len(found) == 1 else None


def _function_character(text: str, at: int) -> bool:
    """Whether the character at `at` of `text` is a word of its own that jieba tags as carrying
    no topic (和 a conjunction, 在 a preposition)."""
    import jieba.posseg

    from qa.attested import function_flag

    position = 0
    for piece in jieba.posseg.lcut(text):
        if position == at:
            return len(piece.word) == 1 and function_flag(piece.word, piece.flag)
        position += len(piece.word)
        if position > at:
            return False
    return False
