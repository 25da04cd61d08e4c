"""The field's topic synonyms as data (qa/data/synonyms.json): groups of the same thing's
names, fields with the kinds that meet them, words too broad to name a class; and the term of
the field a topic ends with after a modifier reports leave out."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from qa.terms import term_groups
from qa.text import norm
from qa.topic_alternatives import is_verb, tagged


@cache
def synonym_groups() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(g) for g in _synonyms()["groups"])


@cache
def narrower_terms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(a field, the kinds of it) of qa/data/synonyms.json: the field is met by its kinds, a
    kind only by itself."""
    return tuple((g[0], tuple(g[1:])) for g in _synonyms().get("narrower", []))


@cache
def broad_words() -> frozenset[str]:
    """Words of qa/data/synonyms.json too broad to name a class by themselves (经济)."""
    return frozenset(_synonyms().get("broad", []))


@cache
def _synonyms() -> dict[str, list[list[str]]]:
    raw = resources.files("qa").joinpath("data", "synonyms.json").read_text(encoding="utf-8")
    return json.loads(raw)


def modified_term(base: str) -> str | None:
    """The term of the field (qa/data/synonyms.json; three characters or more) `base` ends with
    after whom or what it serves, which reports often leave out: 科技型企业知识价值信用贷款 ->
    知识价值信用贷款, 新能源车充电桩 -> 充电桩; None. Not after a modifier naming a kind of the
    term (生成式人工智能 is not every 人工智能), a level (省级专精特新企业) or an act (创建国家高新区)."""
    if base in _indicator_forms():
        return None  # an indicator's name is exact (城镇居民人均可支配收入)
    for term in _known_terms():
        modifier = base[: -len(term)]
        if base.endswith(term) and len(modifier) >= 2:
            served = _SERVED.search(modifier) and not _LEVEL_SAID.search(modifier)
            return term if served and not any(is_verb(f) for _, f in tagged(modifier)) else None
    return None


# whom or what a measure serves, said before it (企业, 居民, 婴幼儿, 新能源车, 老楼, 农产品)
_SERVED = re.compile(
    r"(?:企业|主体|人|者|员|户|群体|居民|农民|群众|儿|童|学生|车|楼|住宅|小区|产品)$"
)
# a level is no modifier reports leave out (省级专精特新企业 is not every 专精特新企业)
_LEVEL_SAID = re.compile(r"(?:国家|省|市|区|县|级|以上|以下)$")


@cache
def _indicator_forms() -> frozenset[str]:
    return frozenset(norm(t) for group in term_groups() for t in group)


@cache
def _known_terms() -> tuple[str, ...]:
    """The Chinese topic terms of qa/data/synonyms.json, the longest first (not the indicators
    of qa/data/terms.json, whose modifiers tell them apart: 城镇居民人均可支配收入)."""
    said = [t for g in synonym_groups() for t in g]
    said += [t for field, kinds in narrower_terms() for t in (field, *kinds)]
    known = {norm(t) for t in said if len(norm(t)) >= 3 and re.search(r"[\u4e00-\u9fff]", t)}
    return tuple(sorted(known, key=lambda t: (-len(t), t)))
