"""Pure text handling for the qa stage: checking what a user typed, splitting passages into
the units an answer quotes (sentences, table rows), and reading numbers out of table rows."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from corpus.errors import Term, UserError
from corpus.text import split_sentences as corpus_sentences

# Long enough for any real question (the longest heading in the corpus is ~40 characters);
# a pasted page is not a question and would only blur the query embedding.
MAX_QUESTION_CHARS = 500

_WS = re.compile(r"\s+")
# an HTML/XML tag (<b>, </span>, <br/>, <a href="…">): text pasted from a web page or typed
# by a client that sends markup; "<" before a digit or space (PM2.5<35) is no tag
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")


_WHAT = {
    "question": Term("question", "问题"),
    "topic": Term("topic", "主题"),
    "query": Term("query", "查询"),
}


def _term(what: str) -> Term:
    return _WHAT.get(what, Term(what, what))


def check_question(text: str | None, what: str = "question") -> str:
    """The question with surrounding whitespace trimmed, or UserError saying what is wrong:
    empty, too long, control characters, or no letters/digits at all. Markup is no part of
    a question: tags are dropped and entities read (<b>氢能</b> and &lt;b&gt;氢能 ask 氢能)."""
    if text is not None:
        text = strip_markup(text)
    if text is None or not text.strip():
        raise UserError("input_empty", what=_term(what))
    text = text.strip()
    if len(text) > MAX_QUESTION_CHARS:
        raise UserError(
            "input_too_long", what=_term(what), length=len(text), limit=MAX_QUESTION_CHARS
        )
    bad = sorted({f"U+{ord(c):04X}" for c in text if _is_control(c)})
    if bad:
        raise UserError("input_control_chars", what=_term(what), chars=bad[:5])
    if not any(c.isalnum() for c in text):
        raise UserError("input_no_words", what=_term(what))
    return _WS.sub(" ", text)


def strip_markup(text: str) -> str:
    """`text` without HTML tags, its entities (&amp;, &lt;, &#27700;) read; a tag that was
    written as entities is dropped too."""
    import html

    return _TAG.sub("", html.unescape(_TAG.sub("", text)))


def _is_control(ch: str) -> bool:
    # tabs and line breaks are ordinary in pasted text; every other C0/C1 control or format
    # character (zero-width joiners excepted, they occur in CJK input) is not
    if ch in "\t\n\r":
        return False
    cat = unicodedata.category(ch)
    return cat == "Cc" or (cat == "Cf" and ch not in "\u200b\u200c\u200d\ufeff")


def split_sentences(text: str) -> list[str]:
    """Sentences of a passage: the corpus stage's sentence split (after 。！？； keeping a
    closing quote), line by line, whitespace-trimmed."""
    return [s.strip() for line in text.splitlines() for s in corpus_sentences(line) if s.strip()]


_CELL_SPLIT = re.compile(r"\s*\|\s*|\t+|\s{2,}")
_NUMBER = re.compile(r"^[≥≤><约]?-?\d+(?:\.\d+)?%?$|^[/-]$")
_YEAR_HEAD = re.compile(r"(20\d{2}|19\d{2})\s*年?")
_UNIT_IN_NAME = re.compile(r"[（(]([^()（）]{1,6})[)）]\s*$")


@dataclass(frozen=True)
class TableRow:
    """One data row of a table passage, read against the table's header."""

    text: str  # the row as it stands in the passage
    name: str  # the indicator name (the first non-number cell that is not the row number)
    unit: str | None
    values: tuple[tuple[str, str], ...]  # (column header, cell) for each number cell


def split_cells(line: str) -> list[str]:
    line = line.strip().strip("|").strip()
    return [c.strip() for c in _CELL_SPLIT.split(line) if c.strip()]


_KEYED_CELL = re.compile(r"^([^:：]{1,20})[:：]\s*(.*)$")


def table_rows(text: str) -> list[TableRow]:
    """The data rows of a table passage.

    The corpus renders a row as `高新技术企业数 | 单位: 家 | 2020: 98 | 2025: 200 | 预期值: 预期值`
    (name first, every other cell behind its column name); plain rows under a header line
    ("序号 | 指标 | 2020年 | 2025年") are read too. A row needs a name and a number."""
    rows: list[TableRow] = []
    header: list[str] = []
    for line in text.splitlines():
        if "|" not in line and "\t" not in line:
            continue
        cells = split_cells(line)
        if len(cells) < 2:
            continue
        keyed = [_KEYED_CELL.match(c) for c in cells[1:]]
        if all(keyed):
            row = _keyed_row(
                line, cells[0], [(m.group(1).strip(), m.group(2).strip()) for m in keyed]
            )
        elif not header and not any(_NUMBER.match(c) for c in cells[1:]):
            header = cells
            continue
        else:
            row = _plain_row(line, cells, header)
        if row is not None:
            rows.append(row)
    return rows


def rows_of(chunk: Any) -> list[TableRow]:
    """The data rows of a table chunk: from the header and cells stored at build time
    (Chunk.rows), read against the header; an index built before rows were stored is parsed
    from the text instead."""
    if not getattr(chunk, "rows", ()):
        return table_rows(chunk.text)
    from corpus.tables import name_column, render_row

    out = []
    for r in chunk.rows:
        col = name_column(r.header)
        pairs = [
            (h, v)
            for i, (h, v) in enumerate(zip(r.header, r.cells, strict=False))
            if i != col and h != "序号" and v
        ]
        row = _keyed_row(render_row(r.header, r.cells), r.cells[col] or "-", pairs)
        if row is not None:
            out.append(row)
    return out


def _keyed_row(line: str, name: str, pairs: list[tuple[str, str]]) -> TableRow | None:
    unit = next((v for k, v in pairs if "单位" in k and v), None)
    m = _UNIT_IN_NAME.search(name)
    if unit is None and m:
        unit = m.group(1)
    values = tuple((k, v) for k, v in pairs if _NUMBER.match(v) and v not in "/-")
    if not values:
        return None
    return TableRow(line.strip(), _clean_name(name), unit, values)


def _plain_row(line: str, cells: list[str], header: list[str]) -> TableRow | None:
    names = [c for c in cells if not _NUMBER.match(c)]
    if not names:
        return None
    name = max(names, key=len)
    values = []
    for i, c in enumerate(cells):
        if _NUMBER.match(c) and c not in "/-":
            head = header[i] if len(header) == len(cells) else ""
            if head != "序号" and not (i == 0 and re.fullmatch(r"\d{1,2}", c) and not head):
                values.append((head, c))
    if not values:
        return None
    return TableRow(line.strip(), _clean_name(name), _unit_of(name, cells, header), tuple(values))


_UNIT_WORDS = {
    "%",
    "家",
    "个",
    "件",
    "人",
    "名",
    "项",
    "亿元",
    "万元",
    "元",
    "人年",
    "平方米",
    "万平方米",
    "件/万人",
    "个百分点",
    "台",
    "座",
    "所",
    "户",
}


def _unit_of(name: str, cells: list[str], header: list[str]) -> str | None:
    m = _UNIT_IN_NAME.search(name)
    if m:
        return m.group(1)
    if header and len(header) == len(cells):
        for h, c in zip(header, cells, strict=True):
            if "单位" in h and c and not _NUMBER.match(c):
                return c
    for c in cells:
        if c in _UNIT_WORDS:
            return c
    return None


def _clean_name(name: str) -> str:
    return _UNIT_IN_NAME.sub("", name).strip()


def target_value(row: TableRow, year: str | None = None) -> tuple[str, str] | None:
    """The (column, value) a question about the row's target most likely wants: the column
    of `year` when the header names it, else the last year-like column, else the last number."""
    if not row.values:
        return None
    if year:
        for head, value in row.values:
            if year in head:
                return head, value
    year_cols = [(h, v) for h, v in row.values if _YEAR_HEAD.search(h)]
    if year_cols:
        return max(year_cols, key=lambda hv: _YEAR_HEAD.search(hv[0]).group(1))
    return row.values[-1]


def year_in(text: str) -> str | None:
    m = _YEAR_HEAD.search(text)
    return m.group(1) if m else None


@lru_cache(maxsize=1024)
def word_breaks(text: str) -> frozenset[int]:
    """Where `text`'s words start or end as jieba cuts it: 0, every word's end, and its length."""
    import jieba

    breaks, at = {0}, 0
    for word in jieba.lcut(text):
        at += len(word)
        breaks.add(at)
    return frozenset(breaks)


# a dash between two clauses breaks them as a comma does: 绿色工厂今年要创建多少家——哪些地方给了数;
# a single one between two characters joins the parts of a name (中国—东盟)
_DASH = re.compile(
    r"\s*(?:—{2,}|─{2,}|-{2,}|(?<![\u4e00-\u9fff])[—─]|[—─](?=\s))\s*(?=[\u4e00-\u9fff])"
)


# English words of saying in a Chinese question (哪些城市 mention 了 AEO 认证): its Chinese verb
_SAID_IN_ENGLISH = re.compile(
    r"\s*\b(?:mention(?:s|ed)?|talk(?:s|ed)?\s+about|refer(?:s|red)?\s+to|discuss(?:es|ed)?"
    r"|cover(?:s|ed)?|include(?:s|d)?)\b\s*",
    re.IGNORECASE,
)


def with_plain_breaks(text: str) -> str:
    """The question with a dash between clauses read as the comma it stands for, and an English
    verb of saying in a Chinese question as the Chinese one."""
    if len(re.findall(r"[\u4e00-\u9fff]", text)) >= 4:
        text = _SAID_IN_ENGLISH.sub("提到", text)
    return _DASH.sub("，", text)


def norm(text: str, marked: bool = False) -> str:
    """`text` as topics are matched in it: normalised, lower case, without the quote marks a
    document sets a name off with (“飞地”园区 is 飞地园区) and the spaces set beside Chinese
    characters. `marked`: each opening quote mark kept as OPENS, each closing one as CLOSES."""
    from index.normalize import normalize_text

    said = normalize_text(text).lower()
    if marked:
        said = _CLOSING_MARKS.sub(CLOSES, _OPENING_MARKS.sub(OPENS, said))
    said = _CJK_SPACE.sub("", _QUOTE_MARKS.sub("", said))
    return _INFIX.sub(r"\1", said)


_QUOTE_MARKS = re.compile(r"[“”‘’「」『』\"]")
_OPENING_MARKS, _CLOSING_MARKS = re.compile(r"[“‘「『]"), re.compile(r"[”’」』]")
OPENS, CLOSES = "\x01", "\x02"
# a short bracket inside a name is read as part of it: 院士（专家）工作站 is 院士专家工作站
# (and 院士工作站 spread out), 新（改）建农村公路 is 新改建农村公路
_INFIX = re.compile(r"(?<=[\u4e00-\u9fff])[（(]([\u4e00-\u9fff]{1,4})[)）](?=[\u4e00-\u9fff])")
# a space beside a Chinese character is layout, not a word break (a PDF's 重庆 OTC 科创板)
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+|\s+(?=[\u4e00-\u9fff])")
