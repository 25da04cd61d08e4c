"""Synonyms of the field as data (qa/data/terms.json): indicator names and policy terms that
mean the same (研发投入强度 = 全社会研发经费占地区生产总值比重 = R&D经费支出占GDP比重).

A question naming one form is retrieved with every form, and the unit answering it must hold
one of them (the intensity row, not the growth row)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from corpus.contractions import expand_contraction

TERMS_FILE = Path(__file__).resolve().parent / "data" / "terms.json"
# marks a term is written with or without: 的, brackets, spaces, commas, quotes (“专精特新”企业)
# words set inside a term that do not change what it names: 市级以上各类研发平台
_EVERY_KIND = "各类|各种|各项"
_NOISE = re.compile(rf"[的\s()（）\[\]【】、，,·“”‘’「」\"']|{_EVERY_KIND}")
_SHARE = re.compile(
    r"占(?:地区生产总值|生产总值|gdp)(?:比重|比例)?"
    r"|(?:share|proportion|percentage|%)of(?:the)?(?:gdp|地区生产总值)"
)
_SHARE_BASE_LEN = len("地区生产总值")


# a Latin gloss in brackets inside a Chinese name: 研究与试验发展（R&D）经费投入强度
_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[（(][A-Za-z&]{1,8}[)）]")


def without_gloss(text: str) -> str:
    """`text` without the Latin glosses in brackets after Chinese: 研究与试验发展（R&D）经费 ->
    研究与试验发展经费."""
    return _GLOSS.sub("", text)


def without_every_kind(text: str) -> str:
    """The text without the words that set "every kind of" inside a term (市级以上各类研发平台
    → 市级以上研发平台)."""
    return re.sub(_EVERY_KIND, "", text)


def term_key(text: str) -> str:
    """Text as terms are compared: no 的, brackets, spaces, commas or quotes, no 各类 (市级以上各类
    研发平台 is 市级以上研发平台), no Latin gloss in
    brackets after Chinese (（R&D）); Latin lower-cased; R&D spelt 研发 and GDP 地区生产总值, as
    they are read (R&D经费占GDP比重 is 研发经费占地区生产总值比重)."""
    key = _NOISE.sub("", _GLOSS.sub("", text)).lower().replace("r&d", "研发")
    return key.replace("gdp", "地区生产总值")


@cache
def term_groups() -> tuple[tuple[str, ...], ...]:
    """Every entry's forms, the canonical name first."""
    data = json.loads(TERMS_FILE.read_text(encoding="utf-8"))
    return tuple(
        tuple(dict.fromkeys([t["name"], *t["forms"], *t.get("before_a_figure", ())]))
        for t in data["terms"]
    )


@cache
def figure_only_forms() -> frozenset[str]:
    """Forms that name their term only right before its figure (产粮252.7万吨; 产粮大县 is no
    grain figure): the entries' `before_a_figure`."""
    data = json.loads(TERMS_FILE.read_text(encoding="utf-8"))
    return frozenset(term_key(f) for t in data["terms"] for f in t.get("before_a_figure", ()))


# a figure, or a question for one, right after the form (its period, 目标 and its growth may
# stand between: 外贸去年多少, 外贸今年目标是多少, 外贸增长7%)
A_FIGURE_AFTER = (
    r"(?=(?:今年|去年|明年|(?:19|20)\d\d年)?(?:的)?(?:目标|预期|计划)?(?:增长|增速|增幅|下降)?"
    r"(?:是|为|要|达到|约|近|超|逾|达|了)*(?:\d|多少|几))"
)


def groups_in(text: str) -> list[tuple[str, ...]]:
    """The groups a text names, longest form first: 研发投入强度 names the intensity, and its
    part 研发投入 is not read again as spending."""
    key = term_key(text)
    found: list[tuple[str, ...]] = []
    shares_read = False
    for form, group in _forms_longest_first():
        if not shares_read and len(form) <= _SHARE_BASE_LEN:
            # what is left of "…占地区生产总值比重" once the share terms are read is a share,
            # not 地区生产总值 itself (数字经济增加值占GDP比重 is no GDP figure)
            key, shares_read = _SHARE.sub("|", key), True
        if form in figure_only_forms():
            before_figure = re.compile(re.escape(form) + A_FIGURE_AFTER)
            if before_figure.search(key):
                found += [group] if group not in found else []
                key = before_figure.sub("|", key)
            continue
        if form and form in key:
            if group not in found:
                found.append(group)
            key = key.replace(form, "|")
    return found


@cache
def _forms_longest_first() -> tuple[tuple[str, tuple[str, ...]], ...]:
    pairs = ((term_key(f), g) for g in term_groups() for f in g)
    return tuple(sorted(pairs, key=lambda fg: -len(fg[0])))


def equivalents(text: str) -> list[str]:
    """Every form of every group `text` names (empty when it names none)."""
    return [f for g in groups_in(text) for f in g]


def expand_query(question: str) -> str:
    """The question plus the other forms of the terms it names (for retrieval): every form
    not spelt in the question as written (a question saying GDP gets 地区生产总值, which
    `term_key` would take for said)."""
    written = _written(question)
    extra = [f for f in equivalents(question) if _written(f) not in written]
    return f"{question} {' '.join(extra)}" if extra else question


def worded_as(question: str, text: str) -> str:
    """The question in the text's words: each term it names in one form, written in the form
    the text uses ("随州今年技术交易额…" against "技术合同成交额达到60亿元" → "随州今年技术合同成交额…"),
    so that a question is not judged short of words a synonym supplies."""
    written = _written(text)
    for group in groups_in(question):
        said = next((f for f in sorted(group, key=len, reverse=True) if f and f in question), None)
        used = next((f for f in group if _written(f) and _written(f) in written), None)
        if said and used and _written(said) != _written(used):
            question = question.replace(said, used)
    return question


def _written(text: str) -> str:
    """Text as it is spelt, for finding a form in it: `term_key` without reading one term as
    another (there GDP is 地区生产总值, so a question saying GDP would seem to say both)."""
    return _NOISE.sub("", text).lower()


_CONTRACTED_MAX = 2000  # a unit is a sentence or a row; longer text is not expanded


def holds_term(question_groups: list[tuple[str, ...]], text: str) -> float:
    """Share of the question's term groups of which `text` holds some form."""
    if not question_groups:
        return 0.0
    named = groups_in(text)
    # a contraction names each term it stands for: 城乡居民人均可支配收入 names 城镇居民… and 农村居民…
    for phrase in expand_contraction(text) if len(text) < _CONTRACTED_MAX else ():
        if phrase != text:
            named += groups_in(phrase)
    # a share said after the figure it is of names the share term (…50亿元，占GDP比重)
    for reading in share_readings(text):
        named += groups_in(reading)
    return sum(g in named or _said_apart(g, text) for g in question_groups) / len(question_groups)


# how far apart the modifier and the head of a term may stand in one enumeration
_APART = 24


def _said_apart(group: tuple[str, ...], text: str) -> bool:
    """Whether a sentence gives the term in a coordination that says its modifier once:
    "粮食播种面积630.78万亩、产量52.53亿斤" gives 粮食产量 (粮食 … 、产量), within one clause list."""
    return bool(apart_readings(group, text))


def apart_readings(group: tuple[str, ...], text: str) -> list[str]:
    """The text with the term written whole where a coordination says its modifier once:
    "实现粮食播种面积648.3万亩、产量259.5万吨" read as "实现粮食播种面积648.3万亩、粮食产量
    259.5万吨", so that the term stands beside its figure."""
    key = re.sub(r"\s", "", text)  # the separators stay: they make the coordination
    readings = []
    for form in group:
        f = term_key(form)
        if len(f) < 4 or not re.fullmatch(r"[\u4e00-\u9fff]+", f):
            continue
        modifier, head = f[:-2], f[-2:]
        # every place the modifier is said: a heading before the sentence may say it too
        for start in (m.start() for m in re.finditer(re.escape(modifier), key)):
            end = start + len(modifier)
            m = re.search(rf"[、，；,;]{head}", key[end : end + _APART])
            if m and "。" not in key[end : end + m.start()]:
                at = end + m.start() + 1
                readings.append(key[:at] + modifier + key[at:])
    return readings


# a share whose numerator is the clause before it: "研发经费支出累计达到50亿元，占GDP比重…"
_SHARE_CLAUSE = re.compile(r"^占[^，,。；;]{1,16}?(?:比重|比例)")
_FIGURE_START = re.compile(r"(?:累计|全年|总共)?(?:达到|达|为|是|实现|完成|突破|超过)?\s*\d")


def share_readings(text: str) -> list[str]:
    """The shares a text states after the figure they are shares of, read whole: for
    "撬动全社会研发经费支出累计达到50亿元，占GDP比重由2015年度的2.14%提升至…" the reading
    "撬动全社会研发经费支出占GDP比重由2015年度的2.14%提升至…", which names the share term."""
    clauses = re.split(r"(?<=[，,；;])", text)
    readings = []
    for i in range(1, len(clauses)):
        if not _SHARE_CLAUSE.match(clauses[i]):
            continue
        figure = _FIGURE_START.search(clauses[i - 1])
        subject = clauses[i - 1][: figure.start()] if figure else ""
        if len(subject) >= 2:
            readings.append(subject + "".join(clauses[i:]))
    return readings
