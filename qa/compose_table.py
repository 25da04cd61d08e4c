"""Composing from a table row: the cell of the asked column, read against the row's header
and unit ("到2025年，綦江区高新技术企业数预期达到200家")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from corpus.model import Chunk
from qa.periods import period_of
from qa.scoring import Searchable
from qa.text import TableRow, split_sentences, target_value, year_in
from qa.units import Unit


def choose_column(row: TableRow, question: str) -> tuple[str, str] | None:
    """The (column, cell) of `row` the question's period slot asks for: the column of an asked
    year; else the column whose header names the asked period (“十三五”目标, 初期); else, for
    a question about where things stand (十三五/现状/基期), the earliest year; else the target.
    None when the question names a year the table has no column for (2030 in a 2020/2025
    table): the row does not answer it."""
    asked_year = year_in(question)
    if asked_year:
        for head, value in row.values:
            if asked_year in head:
                return head, value
        if any(year_in(h) for h, _ in row.values):
            return None
    if _ACTUAL.search(question):  # what a plan period achieved: its last year's column
        end = next((e for p, e in _PERIOD_END.items() if p in question), None)
        for head, value in row.values:
            if end and end in head:
                return head, value
    period = period_of(question)
    if period:
        flat = re.sub(r"(?:19|20)\d{2}年?", "", period)
        for head, value in row.values:
            h = re.sub(r"[“”\"\s]", "", head)
            if flat and h and not year_in(h) and (flat in h or h in flat):
                return head, value
    if _BASELINE.search(question):
        years = [(h, v) for h, v in row.values if year_in(h)]
        if years:
            return min(years, key=lambda hv: year_in(hv[0]) or "")
    return target_value(row)


def _number_sentence(
    question: str, unit: Unit, index: Searchable | None
) -> tuple[str, str, str] | None:
    """ "到2025年，綦江区高新技术企业数预期达到200家" from a table row, with the row's text and the
    cell's value; None when the row has no cell for the asked period."""
    row = unit.row
    assert row is not None
    chunk = unit.hit.chunk
    chosen = choose_column(row, question)
    if chosen is None:
        return None
    head, value = chosen
    unit_word = row.unit or _unit_from_text(row.name, value, chunk, index) or ""
    if unit_word == "%" or value.endswith("%"):
        value, unit_word = value.rstrip("%"), "%"
    year = year_in(head) if head else None
    place = chunk.district or ""
    name = row.name
    before = ""
    if not re.search(r"[≥≤<>＞＜]|以上|以下|左右|以内", value):
        before, after = _qualifier_from_text(name, value + unit_word, chunk, index)
        unit_word += after
    if place and name.startswith(place.rstrip("区县")):
        place = ""
    if year and int(year) >= 2021:
        text = f"到{year}年，{place}{name}预期{before or '达到'}{value}{unit_word}"
    elif year:
        text = f"{year}年，{place}{name}为{value}{unit_word}"
    elif head:
        text = f"{place}{name}（{head}）为{value}{unit_word}"
    else:
        text = f"{place}{name}为{value}{unit_word}"
    return text, row.text, value


_HOW_MANY = re.compile(r"多少|几[个家项件名人次天所座亩期]|\bhow (?:many|much)\b", re.IGNORECASE)


# what a plan period achieved (十三五 实际做到了多少) is read in the period's last year
_ACTUAL = re.compile(r"实际|完成情况|做到|实现了|达到了")
_PERIOD_END = {"十二五": "2015", "十三五": "2020", "十四五": "2025"}

# questions about where things stand now, not the target: the table's earliest year column
_BASELINE = re.compile(r"十三五|现状|基期|目前|现在|已经|基础")


_UNIT_AFTER = r"\s*(件/万人|个百分点|万平方米|亿元|万元|人年|家|个|件|人|名|项|%)"


def _unit_from_text(name: str, value: str, chunk: Chunk, index: Searchable | None) -> str | None:
    """The unit of a table value whose unit cell was lost in extraction, read from the plan's
    own prose ("高新技术企业达到 200 家")."""
    if not value:
        return None
    pattern = re.compile(re.escape(value) + _UNIT_AFTER)
    key = name[:4]
    for sentence in _prose_sentences(chunk, index):
        m = pattern.search(sentence)
        if m and key in sentence:
            return m.group(1)
    return None


def _prose_sentences(chunk: Chunk, index: Searchable | None) -> Iterator[str]:
    """The sentences of the chunk's document outside its tables (none without an index): where
    a plan says in words what its table cells leave out."""
    for _, sentence in _prose(chunk, index):
        yield sentence


def _prose(chunk: Chunk, index: Searchable | None) -> Iterator[tuple[Chunk, str]]:
    if index is None:
        return
    for c in index.chunks_for(doc_id=chunk.doc_id):
        if c.kind != "table":
            for sentence in split_sentences(c.text):
                yield c, sentence


def stated_in_prose(
    row: TableRow, value: str, chunk: Chunk, index: Searchable | None
) -> tuple[Chunk, str] | None:
    """The sentence of the row's document outside its tables that states the row's figure for
    its indicator (万人发明专利拥有量(件) | 2025: 70 → "万人发明专利拥有量达70件以上"), with its
    passage: the words a reader finds the table's cell said in; None when the prose says no
    such thing."""
    from qa.terms import groups_in, holds_term

    figure = re.compile(rf"(?<![\d.]){re.escape(value.rstrip('%'))}(?![\d.])")
    key, groups = row.name[:4], groups_in(row.name)

    def names(text: str) -> bool:
        return key in text or bool(groups and holds_term(groups, text) == 1.0)

    for c, sentence in _prose(chunk, index):
        if not (figure.search(sentence) and names(sentence)):
            continue
        # quoted from the clause naming the indicator to the one stating its figure
        clauses = re.split(r"(?<=[，,；;])", sentence)
        end = next(i for i, x in enumerate(clauses) if figure.search(x))
        start = next((i for i in range(end, -1, -1) if names(clauses[i])), 0)
        return c, "".join(clauses[start : end + 1]).rstrip("，,；;")
    return None


_QUALIFIER = r"(以上|左右|以内|以下)"
_QUALIFIER_BEFORE = r"(超过|突破|不低于|不少于|高于)"


def _qualifier_from_text(
    name: str, figure: str, chunk: Chunk, index: Searchable | None
) -> tuple[str, str]:
    """The qualifiers the plan's prose says of a table's figure, which the cell leaves out
    (10 in the table, "比重达到10%以上" or "强度超过3%" in the targets): (before, after) the
    figure, ("", "") when the prose says none. The prose names the row's indicator in its
    words or in another of its forms (研发投入强度 for R&D经费支出占GDP比重)."""
    if not figure:
        return "", ""
    from qa.terms import groups_in, holds_term

    escaped = re.escape(figure)
    pattern = re.compile(rf"{_QUALIFIER_BEFORE}?\s*(?<![\d.]){escaped}{_QUALIFIER}?")
    key, groups = name[:4], groups_in(name)
    for sentence in _prose_sentences(chunk, index):
        for m in pattern.finditer(sentence):
            said = key in sentence or (groups and holds_term(groups, sentence) == 1.0)
            if said and (m.group(1) or m.group(2)):
                return m.group(1) or "", m.group(2) or ""
    return "", ""
