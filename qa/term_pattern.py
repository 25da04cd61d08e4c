"""A topic's terms as one pattern, met as written: a Latin run only at its edges, a character of a
Chinese name in brackets or mistyped as one of like shape, a placeholder for any part of a name."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from qa.terms import A_FIGURE_AFTER, figure_only_forms
from qa.topic_terms import norm

# a Latin run is letters and digits, joined by + - . & to more of them (V2X, N+X, 5G-A): a
# term edge in Latin letters or digits must be an edge of such a run, so "x" is not found in
# V2X or N+X, nor "ai" in "email", while "5G" is found in "5G+工业互联网" and "5G基站"; a slash
# separates alternatives (4G/5G基站)
RUN_BEFORE = r"(?<![a-z0-9])(?<![a-z0-9][-+.&])"
_RUN_AFTER = r"(?![a-z0-9]|[-+.&][a-z0-9])"


def term_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for the (normalised) terms, longest first, matching in normalised text. A
    form that names its term only before a figure (外贸 for 进出口总额: qa.terms) is met only
    there, unless it is the topic asked."""
    parts, asked = [], norm(terms[0]) if terms else ""
    for t in sorted({norm(t) for t in terms}, key=len, reverse=True):
        before = RUN_BEFORE if t[:1].isascii() and t[:1].isalnum() else ""
        after = _RUN_AFTER if t[-1:].isascii() and t[-1:].isalnum() else ""
        after += A_FIGURE_AFTER if t in figure_only_forms() and t != asked else ""
        # a character of a Chinese name may stand in brackets (首台（套）, 新（改）建), or be
        # mistyped as one of like shape (元字宙)
        chinese = _CHINESE_NAME.fullmatch(t)
        said = _BRACKETED.join(map(_written_as, t)) if chinese else re.escape(t)
        if _PLUS_NAME.fullmatch(t):  # (“人工智能+” typed with the numeral of its shape: 人工智能十)
            said = re.escape(t[:-1]) + _PLUS
        if PLACEHOLDER.search(t):  # (a name's part marked as any: ××石榴红, XX模式)
            said = _ANY_PART.join(map(re.escape, PLACEHOLDER.split(t)))
        parts.append(before + said + after)
    return re.compile("|".join(parts))


_BRACKETED = r"[（()）]?"
# marks a user writes for any part of a name (××石榴红: 花开齐鲁石榴红), and what they stand for
PLACEHOLDER = re.compile(r"(?:[×✕xX*＊○〇]|某){2,}|…+")
_ANY_PART = r"[\u4e00-\u9fffA-Za-z0-9]{1,8}?"
_CHINESE_NAME = re.compile(r"[\u4e00-\u9fff]{3,12}")
# a name and a plus (互联网+), whose plus documents may type as 十, the numeral of its shape, not
# where the numeral counts (人工智能十大场景)
_PLUS_NAME = re.compile(r"[\u4e00-\u9fff]{2,12}\+")
_PLUS = r"(?:\+|十(?![大年个项条余几多万亿千百0-9一二三四五六七八九]))"


def _written_as(character: str) -> str:
    """A pattern for `character` and those of like shape a document may mistype for it."""
    like = _confusable().get(character)
    return f"[{like}]" if like else re.escape(character)


@lru_cache(maxsize=1)
def _confusable() -> dict[str, str]:
    """Each character of qa/data/confusable_characters.json, and its group."""
    raw = resources.files("qa").joinpath("data", "confusable_characters.json").read_text("utf-8")
    return {c: group for group in json.loads(raw)["groups"] for c in group}
