"""Contracted coordinations of government reports: one word that stands for several.

"金融机构存贷款余额分别增长9%、14%" names two indicators, 金融机构存款余额 and 金融机构贷款余额;
"城乡居民人均可支配收入分别增长4.6%、7.1%" two more. The contractions and what they stand for
are data (`corpus/data/contractions.json`, a test per entry), read by the indicator extractor
and by any later stage that meets such a name with 分别.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data" / "contractions.json"


@cache
def contractions() -> dict[str, tuple[str, ...]]:
    """{contraction: the words it stands for, in the order the text's values follow}."""
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    return {word: tuple(parts) for word, parts in data.items()}


@cache
def _longest_first() -> tuple[str, ...]:
    return tuple(sorted(contractions(), key=len, reverse=True))


@cache
def _any_contraction() -> re.Pattern[str]:
    """One pattern of every contraction (whether a text holds any is one search)."""
    words = _longest_first()
    return re.compile("|".join(re.escape(w) for w in words)) if words else re.compile(r"(?!)")


def _join(part: str, after: str) -> str:
    """`part` then `after`, written once where they overlap: 第一产业增加值 + 增加值增长 ->
    第一产业增加值增长 (a text may or may not repeat what the expansion already says)."""
    for k in range(min(len(part), len(after)), 1, -1):
        if part.endswith(after[:k]):
            return part + after[k:]
    return part + after


def expand_contraction(text: str) -> list[str]:
    """The phrases `text` stands for when it holds a contraction (the longest that fits, the
    first place it occurs): 金融机构存贷款余额 -> [金融机构存款余额, 金融机构贷款余额];
    [text] when it holds none."""
    if not _any_contraction().search(text):  # (most text holds none: one search)
        return [text]
    for word in _longest_first():
        at = text.find(word)
        if at >= 0:
            before, after = text[:at], text[at + len(word) :]
            return [before + _join(part, after) for part in contractions()[word]]
    return [text]
