"""Word .docx files as numbered lines.

Line N is the N-th body paragraph or table line, in document order (content controls
included); a manual line break inside a paragraph (Shift+Enter) starts a new line
too, so a report typed as one paragraph with breaks still reads as paragraphs. What Word shows
but does not store as text is put back:
  - a heading style (Heading 1…9, 标题 1…9, Title, or an outline level) becomes a markdown
    heading (`## 一、…`), which corpus.structure reads as a heading;
  - automatic outline numbering (w:numPr) is rendered from the numbering definition (lvlText
    with decimal, chineseCounting… formats; other formats are left out);
  - a footnote's text follows its reference as （注：…）.
A table is written as a markdown table: its first row, a `|---|` line, then one line per row;
corpus.tables rebuilds it into header and rows. The core properties' title is only a hint.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

from corpus.formats.markdown import table_lines
from corpus.reading import SourceText

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W}
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_CN_DIGITS = "零一二三四五六七八九"


def _q(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _chinese_counting(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (Word's chineseCounting)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = (
            ""
            if not rest
            else (
                "零" + _chinese_counting(rest)
                if rest < 10
                else _CN_DIGITS[rest // 10] + "十" + (_CN_DIGITS[rest % 10] if rest % 10 else "")
            )
        )
        return _CN_DIGITS[n // 100] + "百" + tail
    return str(n)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "chineseCounting": _chinese_counting,
    "chineseCountingThousand": _chinese_counting,
    "chineseLegalSimplified": _chinese_counting,
    "ideographTraditional": lambda n: "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10],
    "lowerLetter": lambda n: chr(ord("a") + (n - 1) % 26),
    "upperLetter": lambda n: chr(ord("A") + (n - 1) % 26),
    "decimalEnclosedCircleChinese": lambda n: chr(0x2460 + n - 1) if 0 < n <= 20 else str(n),
    "decimalEnclosedCircle": lambda n: chr(0x2460 + n - 1) if 0 < n <= 20 else str(n),
}


class _Numbering:
    """Renders w:numPr outline numbers: counters per list and level, as Word counts them."""

    def __init__(self, numbering_xml) -> None:  # the numbering part's root element, or None
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        self.abstract_of: dict[str, str] = {}
        if numbering_xml is None:
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for a in numbering_xml.iterfind("w:abstractNum", _NS):
            levels = {}
            for lvl in a.iterfind("w:lvl", _NS):
                fmt = lvl.find("w:numFmt", _NS)
                text = lvl.find("w:lvlText", _NS)
                start = lvl.find("w:start", _NS)
                levels[int(lvl.get(_q("ilvl"), "0"))] = (
                    fmt.get(_q("val"), "decimal") if fmt is not None else "decimal",
                    text.get(_q("val"), "") if text is not None else "",
                    int(start.get(_q("val"), "1")) if start is not None else 1,
                )
            abstract[a.get(_q("abstractNumId"), "")] = levels
        for num in numbering_xml.iterfind("w:num", _NS):
            ref = num.find("w:abstractNumId", _NS)
            if ref is None:
                continue
            aid = ref.get(_q("val"), "")
            num_id = num.get(_q("numId"), "")
            self.abstract_of[num_id] = aid
            for ilvl, level in abstract.get(aid, {}).items():
                self.levels[(num_id, ilvl)] = level

    def label(self, num_id: str, ilvl: int) -> str:
        """The next number of list `num_id` at level `ilvl` (e.g. "一、", "（二）", "3.")."""
        level = self.levels.get((num_id, ilvl))
        if level is None or num_id == "0":
            return ""
        fmt, text, _ = level
        # lists sharing an abstract definition count together (Word's default behaviour)
        key = self.abstract_of.get(num_id, num_id)
        counts = self.counters.setdefault(key, [0] * 9)
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else level[2]
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        if fmt == "bullet" or fmt == "none":
            return ""
        render = _FORMATS.get(fmt)
        if render is None:
            return ""

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = self.levels.get((num_id, k))
            value = counts[k] or (lv[2] if lv else 1)
            return (_FORMATS.get(lv[0], str) if lv else str)(value)

        return re.sub(r"%(\d)", number, text)


def _style_chain(style):
    seen = 0
    while style is not None and seen < 10:
        yield style
        style = style.base_style
        seen += 1


def _heading_level(paragraph) -> int:
    """1.. for a heading paragraph (by its style, the style it is based on, or an outline
    level), else 0."""
    p_pr = paragraph._p.pPr
    outline = p_pr.find(_q("outlineLvl")) if p_pr is not None else None
    try:
        styles = list(_style_chain(paragraph.style))
    except (KeyError, ValueError):
        styles = []
    for style in styles:
        name = (style.name or "").strip()
        if name.lower() == "title" or name == "标题":
            return 1
        m = _HEADING_STYLE.match(name)
        if m:
            return int(m.group(1))
        s_pr = style.element.pPr
        if outline is None and s_pr is not None:
            outline = s_pr.find(_q("outlineLvl"))
    if outline is not None:
        level = int(outline.get(_q("val"), "9"))
        if level < 9:  # 9 is "body text"
            return level + 1
    return 0


def _num_pr(paragraph) -> tuple[str, int] | None:
    for el in (paragraph._p.pPr, *(s.element.pPr for s in _style_chain(paragraph.style))):
        num_pr = el.find(_q("numPr")) if el is not None else None
        if num_pr is None:
            continue
        num_id = num_pr.find(_q("numId"))
        ilvl = num_pr.find(_q("ilvl"))
        if num_id is None:
            return None
        return num_id.get(_q("val"), "0"), int(ilvl.get(_q("val"), "0")) if ilvl is not None else 0
    return None


def _inline_text(element, footnotes: dict[str, str]) -> str:
    """The text of a paragraph (or cell) element in order: runs, tabs, breaks as \\n, and
    footnotes as （注：…） at their reference."""
    parts: list[str] = []
    for el in element.iter(_q("t"), _q("tab"), _q("br"), _q("cr"), _q("footnoteReference")):
        if el.tag == _q("t"):
            parts.append(el.text or "")
        elif el.tag == _q("tab"):
            parts.append("\t")
        elif el.tag == _q("footnoteReference"):
            note = footnotes.get(el.get(_q("id"), ""))
            if note:
                parts.append(f"（注：{note}）")
        elif (
            el.tag == _q("br")
            and el.get(_q("type")) not in ("page", "column")
            or el.tag == _q("cr")
        ):
            parts.append("\n")
    return "".join(parts)


def _footnotes(document) -> dict[str, str]:
    from lxml import etree

    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob)
            notes = {}
            for fn in root.iterfind("w:footnote", _NS):
                if fn.get(_q("type")) in ("separator", "continuationSeparator"):
                    continue
                text = "".join(t.text or "" for t in fn.iter(_q("t"))).strip()
                notes[fn.get(_q("id"), "")] = text
            return notes
    return {}


def _cell_text(cell, footnotes: dict[str, str]) -> str:
    text = " ".join(_inline_text(p, footnotes) for p in cell._tc.iterfind(_q("p")))
    return " ".join(text.replace("|", "｜").split())


def _table_lines(table, footnotes: dict[str, str]) -> list[str]:
    rows: list[list[str]] = []
    for row in table.rows:
        cells, last = [], None
        for cell in row.cells:
            if cell._tc is last:  # a horizontally merged cell is listed once per column
                continue
            last = cell._tc
            cells.append(_cell_text(cell, footnotes))
        rows.append(cells)
    return table_lines(rows)


def _body_blocks(container, parent):
    """Paragraphs and tables in document order, including those inside content controls
    (w:sdt: cover pages, boxed text), which python-docx's iter_inner_content passes over."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for el in container.iterchildren():
        if el.tag == _q("p"):
            yield Paragraph(el, parent)
        elif el.tag == _q("tbl"):
            yield Table(el, parent)
        elif el.tag == _q("sdt"):
            content = el.find(_q("sdtContent"))
            if content is not None:
                yield from _body_blocks(content, parent)


def read_docx(path: Path, data: bytes | None = None) -> SourceText:
    """The lines of a .docx file (see the module docstring for what a line is)."""
    import docx
    from docx.table import Table

    document = docx.Document(io.BytesIO(data if data is not None else path.read_bytes()))
    footnotes = _footnotes(document)
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        numbering = None
    numbers = _Numbering(numbering)
    lines: list[str] = []
    for block in _body_blocks(document.element.body, document._body):
        if isinstance(block, Table):
            lines.extend(_table_lines(block, footnotes))
            continue
        text = _inline_text(block._p, footnotes)
        num = _num_pr(block)
        label = numbers.label(*num) if num else ""
        level = _heading_level(block)
        for k, part in enumerate(text.split("\n")):
            if k == 0 and label and part.strip():
                part = label + part.lstrip()
            if k == 0 and level and part.strip():
                part = "#" * min(level, 6) + " " + part.strip()
            lines.append(part)
    title = (document.core_properties.title or "").strip() or None
    return SourceText(
        path.name, path.resolve(), "docx", tuple(lines), format="docx", title_hint=title
    )
