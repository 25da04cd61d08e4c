"""Words typed with a homophone, what a pinyin input method produces (旗江区 for 綦江区,
归上工业增加值 for 规上工业增加值), read as the word they sound like: a window of the question
counts only when it sounds exactly like one known word and differs from it in one character."""

from __future__ import annotations

import re
from functools import cache


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


def spell_terms(question: str) -> str:
    """The question with a field term typed with a homophone spelt as the term is
    (归上工业增加值 -> 规上工业增加值)."""
    for window, form, _ in misspelt_windows(question, _term_sounds()):
        question = question.replace(window, form, 1)
    return question
