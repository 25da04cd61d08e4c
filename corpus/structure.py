"""The structure of one document: a sequence of blocks (headings, paragraphs, tables, and
lines dropped with a reason) in source-line order.

Heading kinds, outermost first: a title (the attached plan's own title, a markdown heading
that matches no numbering), 第X章, 第X节, 一、, （一）, 1., （1）, 第X条, and 专栏N boxes. The
rank comes from the numbering, never from the markdown level: the gazette's markdown levels
are inconsistent (## 第二节 under ### 第三章).
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass
from typing import TypeGuard

from corpus.model import Document
from corpus.splitting import attachment_title, find_title, is_organ, toc_lines
from corpus.tables import Line, Table, find_tables
from corpus.text import clean_line, close_cjk_gaps, is_artifact, is_date_line, markdown_level

_CN_NUM = "一二三四五六七八九十百零〇两"
# a gazette's running page header inside a document: 重庆市綦江区人民政府公报, 2022年第11期
_RUNNING_HEADER = re.compile(r"\S{2,20}政府公报|(?:19|20)\d{2}年第\d{1,3}期(?:\(总第\d+期\))?")
TITLE, CHAPTER, SECTION, CN, PAREN_CN, ARABIC, PAREN_ARABIC, ARTICLE, BOX = range(9)

_PATTERNS: list[tuple[int, re.Pattern[str]]] = [
    (CHAPTER, re.compile(rf"^第[{_CN_NUM}\d]+章")),
    (SECTION, re.compile(rf"^第[{_CN_NUM}\d]+节")),
    (ARTICLE, re.compile(rf"^第[{_CN_NUM}\d]+条")),
    (CN, re.compile(rf"^[{_CN_NUM}]+、")),
    (PAREN_CN, re.compile(rf"^[（(][{_CN_NUM}]+[）)]")),
    (ARABIC, re.compile(r"^\d{1,2}(?:[.．、](?!\d)|\s+(?=[\u4e00-\u9fff]))")),
    (PAREN_ARABIC, re.compile(r"^[（(]\d{1,2}[）)]")),
    (BOX, re.compile(r"^专栏\s*\d+")),
]
_SENTENCE_INSIDE = re.compile(r"[。；;！？]")
_BAD_END = re.compile(r"[，,：:、；;。]$")


@dataclass(frozen=True)
class Heading:
    rank: int
    text: str
    line: int
    # body text a page break glued onto the heading line (专栏 1“…”融合提升工程环境、食品
    # 领域检测分析服务。): the first words of the section, not part of the heading
    spill: str = ""


@dataclass(frozen=True)
class Paragraph:
    text: str
    line: int
    # part of the document's head (title, addressees…) or closing (signature, date, 抄送),
    # which belong to no section
    preamble: bool = False


@dataclass(frozen=True)
class TableBlock:
    table: Table
    line: int  # first line


@dataclass(frozen=True)
class BoxEnd:
    """The 专栏 box open before this point ends here; what follows is the section's text."""

    line: int


@dataclass(frozen=True)
class Dropped:
    line: int
    reason: str


Block = Heading | Paragraph | TableBlock | BoxEnd | Dropped


def heading_rank(text: str, markdown: bool) -> int | None:
    """The rank of a heading line, or None for body text. Without markdown, a numbered line
    is a heading only when it is short and not a sentence (1.全力升级创建国家高新区。围绕… is
    an item, not a heading)."""
    for rank, pattern in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        body = text[m.end() :].strip()
        if markdown:
            return rank if len(text) <= 80 else None
        limit = {CHAPTER: 50, SECTION: 50, BOX: 50, ARTICLE: 20}.get(rank, 40)
        if not body or len(body) > limit or _BAD_END.search(text):
            return None
        if _SENTENCE_INSIDE.search(body):
            return None
        return rank
    return None


_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def heading_number(text: str) -> int | None:
    m = re.match(rf"^(?:第|[（(])?([{_CN_NUM}]+|\d+)", text)
    if not m:
        return None
    s = m.group(1)
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN_DIGITS.get(s[1], 0)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return _CN_DIGITS.get(tens, 0) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(s)


def _is_toc_entry(line: Line) -> bool:
    t = line.text.replace("\t", " ").strip()
    return len(t) <= 80 and bool(re.search(r"\S\s*\d{1,3}$", t)) and "。" not in t


def _metadata_fields(text: str) -> list[tuple[str, str]]:
    return re.findall(r"\[\s*([^\]]+?)\s*\]\s*\|\s*([^|]*?)\s*\|", text)


def _orphan_candidate(b: Block) -> TypeGuard[Paragraph]:
    return (
        isinstance(b, Paragraph)
        and not b.preamble
        and len(b.text) <= 16
        and not re.search(r"[，,。；;：:、！？()（）\d]", b.text)
        and not is_organ(b.text)
    )


_BARE_MARKS = re.compile(r"[，,。；;：:、！？!?（）()“”\"《》\s]")
_DATE_OR_NUMBER = re.compile(r"(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?|\d+")


def _bare_headings(blocks: list[Block]) -> list[Block]:
    """A work report's parts titled without numbers ("2023年工作回顾", "2024年工作安排", "加强政府
    自身建设"): short lines without a mark of punctuation, each followed by its text or by a
    numbered heading, at least two in a document and the first before any numbered heading,
    head the numbered sections below them. One such line alone (a signature's organ, a
    speaker, a date) is left as it is."""
    spots = []
    for i, (block, after) in enumerate(itertools.pairwise(blocks)):
        if not (
            isinstance(block, Paragraph)
            and not block.preamble
            and 4 <= len(block.text) <= 24
            and not _BARE_MARKS.search(block.text)
            and not _DATE_OR_NUMBER.fullmatch(block.text)
            and not is_organ(block.text)
        ):
            continue
        if isinstance(after, Heading) or (
            isinstance(after, Paragraph)
            and not after.preamble
            and len(after.text) > 2 * len(block.text)
        ):
            spots.append(i)
    headed = [
        i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.rank not in (TITLE, BOX)
    ]
    # the first part comes before every numbered heading: a short line between numbered
    # headings is a lost number's heading (_orphan_headings), not a part
    if len(spots) < 2 or (headed and headed[0] < spots[0]):
        return blocks
    numbered = [b.rank for b in blocks if isinstance(b, Heading) and b.rank not in (TITLE, BOX)]
    rank = max(CHAPTER, min(numbered, default=CN) - 1)
    out = list(blocks)
    for i in spots:
        bare = blocks[i]
        assert isinstance(bare, Paragraph)
        out[i] = Heading(rank, bare.text, bare.line)
    return out


def _orphan_headings(blocks: list[Block]) -> list[Block]:
    """Numbered headings whose number got lost in extraction. 004 has 一、指导思想 / 主要目标 /
    三、重点工作: a short unnumbered line between siblings n and n+2 is sibling n+1; and
    （一）强化组织领导 / 强化经费保障 / 强化督查考核 at the end of its parent: short lines each
    followed by body text, after the last numbered sibling, are the next siblings."""
    out = list(blocks)
    heads = [(i, b) for i, b in enumerate(out) if isinstance(b, Heading)]
    for k, (i, h) in enumerate(heads):
        n = heading_number(h.text)
        if n is None or h.rank in (TITLE, BOX):
            continue
        nxt = next(((j, g) for j, g in heads[k + 1 :] if g.rank <= h.rank), None)
        end = nxt[0] if nxt else len(out)
        if nxt and nxt[1].rank == h.rank and heading_number(nxt[1].text) == n + 2:
            candidates = [
                (j, b) for j, b in enumerate(out[i + 1 : end], i + 1) if _orphan_candidate(b)
            ]
            if len(candidates) == 1:
                j, p = candidates[0]
                out[j] = Heading(h.rank, p.text, p.line)
        elif not nxt or nxt[1].rank < h.rank:
            # the last numbered sibling: later short lines that each open a paragraph
            j = i + 1
            while j < end and not isinstance(out[j], Heading):
                block = out[j]
                follows = out[j + 1] if j + 1 < end else None
                if (
                    _orphan_candidate(block)
                    and isinstance(follows, Paragraph)
                    and len(follows.text) > 2 * len(block.text)
                ):
                    out[j] = Heading(h.rank, block.text, block.line)
                j += 1
    return out


def _box_ends(blocks: list[Block], lines: list[Line]) -> list[Block]:
    """Where each 专栏 box ends. Files differ: boxes set off by blank lines (002) end at the
    next wider gap; files with no blank lines at all (001) hold a box in one line; files
    with a blank line between every paragraph (000, 003) run a box to the next heading."""
    gap_after = {a.n: b.n - a.n - 1 for a, b in itertools.pairwise(lines)}
    median_gap = statistics.median(gap_after.values()) if gap_after else 0
    out: list[Block] = []
    open_box = False
    box_mode = ""
    content_seen = 0
    prev_gap = 0
    for b in blocks:
        if isinstance(b, Heading):
            open_box = b.rank == BOX
            if open_box:
                g0 = gap_after.get(b.line, 0)
                box_mode = "gap" if g0 > median_gap else ("one" if median_gap == 0 else "")
                content_seen = 0
            out.append(b)
            continue
        if open_box and isinstance(b, Paragraph | TableBlock):
            if (
                box_mode == "one"
                and content_seen >= 1
                or box_mode == "gap"
                and content_seen >= 1
                and prev_gap > median_gap
            ):
                out.append(BoxEnd(b.line))
                open_box = False
            content_seen += 1
        out.append(b)
        if isinstance(b, Paragraph):
            gap_after.get(b.line, 0)
        elif isinstance(b, TableBlock):
            gap_after.get(b.table.lines[-1], 0)
    return out


def analyse(doc: Document) -> list[Block]:
    """The blocks of a document, in line order; every non-blank line of the document is in
    exactly one block (a heading, a paragraph, a table, or a Dropped with its reason)."""
    lines = [
        Line(doc.line_start + k, raw, clean_line(raw))
        for k, raw in enumerate(doc.lines)
        if raw.strip()
    ]
    by_line: dict[int, Block] = {}

    if doc.doc_type == "front_matter":
        return _front_matter_blocks(doc, lines)

    # the head: everything up to the end of the title is the document's preamble
    title = find_title([x.text for x in lines])
    head_end = lines[title[2]].n if title else (lines[0].n if lines else 0)
    if doc.doc_type in ("news", "commentary"):
        head_end = lines[0].n

    # repeated page metadata (001 prints its 索引号/发文字号… table twice)
    seen_fields: set[tuple[str, str]] = set()
    for x in lines:
        fields = _metadata_fields(x.text)
        if fields:
            if all(f in seen_fields for f in fields):
                by_line[x.n] = Dropped(x.n, "repeated_metadata")
            seen_fields.update(fields)

    # tables of contents: 目录 and the entries with page numbers after it
    for k, x in enumerate(lines):
        if re.sub(r"\s+", "", x.text) == "目录":
            by_line[x.n] = Dropped(x.n, "toc")
            for y in lines[k + 1 :]:
                if not _is_toc_entry(y):
                    break
                by_line[y.n] = Dropped(y.n, "toc")

    rest = [x for x in lines if x.n not in by_line and x.n > head_end]
    for table in find_tables(rest):
        block = TableBlock(table, table.lines[0])
        for n in table.lines:
            by_line[n] = block

    for x in lines:
        if x.n in by_line:
            continue
        text = x.text
        if is_artifact(text):
            by_line[x.n] = Dropped(x.n, "artifact")
        elif _RUNNING_HEADER.fullmatch(re.sub(r"\s+", "", text)) and x.n > head_end:
            by_line[x.n] = Dropped(x.n, "gazette_header")
        elif re.fullmatch(r"[-—\s]*\d{1,3}[-—\s]*", text) and x.n > head_end:
            by_line[x.n] = Dropped(x.n, "page_number")
        elif x.n <= head_end:
            by_line[x.n] = Paragraph(_metadata_text(text), x.n, preamble=True)
        else:
            md = markdown_level(x.raw) > 0
            heading_text = close_cjk_gaps(text)
            rank = heading_rank(heading_text, md)
            if rank is None and heading_text.endswith("。") and not md:
                rank = _heading_with_period(heading_text, lines, x)
            if rank is None and (md or attachment_title(text)):
                rank = TITLE
            if rank is not None:
                heading, spill = _split_spill(_spaced(heading_text, rank), rank)
                by_line[x.n] = Heading(rank, heading, x.n, spill)
            else:
                by_line[x.n] = Paragraph(_metadata_text(text), x.n)

    blocks: list[Block] = []
    for x in lines:
        b = by_line[x.n]
        if isinstance(b, TableBlock):
            if b.line == x.n:
                blocks.append(b)
        else:
            blocks.append(b)
    blocks = _orphan_headings(_bare_headings(blocks))
    blocks = _closing(blocks)
    return _box_ends(blocks, lines)


def _front_matter_blocks(doc: Document, lines: list[Line]) -> list[Block]:
    """A gazette's title page: its table of contents is dropped, the rest (issue, date,
    publisher, editorial board) is plain text outside any section."""
    toc = toc_lines([(x.n, x.raw) for x in lines])
    blocks: list[Block] = []
    for x in lines:
        if x.n in toc:
            blocks.append(Dropped(x.n, "toc"))
        elif is_artifact(x.text):
            blocks.append(Dropped(x.n, "artifact"))
        else:
            blocks.append(Paragraph(x.text, x.n, preamble=True))
    return blocks


_CLOSING_START = re.compile(r"^(附件|抄送|[（(]此件公开发布[)）])")


def _closing(blocks: list[Block]) -> list[Block]:
    """The document's closing (附件 list, signature, date, 抄送, 印发) after its last section
    belongs to no section: mark it like the head, so chunks of the last section stay clean."""
    last_structural = max(
        (k for k, b in enumerate(blocks) if isinstance(b, Heading | TableBlock)), default=-1
    )
    if last_structural < 0:
        return blocks
    out = list(blocks)
    for k in range(last_structural + 1, len(out)):
        b = out[k]
        if not isinstance(b, Paragraph) or b.preamble:
            continue
        nxt = next((x for x in out[k + 1 :] if isinstance(x, Paragraph)), None)
        signs = (
            is_organ(b.text)
            and nxt is not None
            and (is_date_line(nxt.text) or re.search(r"\d{4}年\d{1,2}月\d{1,2}日印发$", nxt.text))
        )
        if _CLOSING_START.match(b.text) or signs:
            for j in range(k, len(out)):
                p = out[j]
                if isinstance(p, Paragraph):
                    out[j] = Paragraph(p.text, p.line, preamble=True)
            break
    return out


def _spaced(text: str, rank: int) -> str:
    """One space between 第一章/第一节/第一条/专栏1 and the heading's words, whatever the
    source had (第一章形成… / 第一章  形成… / 专栏 1“…”)."""
    if rank in (CHAPTER, SECTION, ARTICLE, BOX):
        m = dict(_PATTERNS)[rank].match(text)
        if m:
            marker = re.sub(r"\s+", "", m.group(0))
            return f"{marker} {text[m.end() :].strip()}".strip()
    return text


_BOX_TITLE = re.compile(r"^(专栏\s*\d+\s*\S*?(?:工程|专项|重点|计划|行动|布局|领域|建设))(.*)$")


def _split_spill(text: str, rank: int) -> tuple[str, str]:
    """专栏 titles in these plans end in 工程/专项/重点…; a sentence after that on the same
    line is spill-over from a page break, and a trailing 。 is a typo."""
    if rank != BOX:
        return text, ""
    m = _BOX_TITLE.match(text)
    if not m:
        return text, ""
    rest = m.group(2).strip()
    if rest in ("", "。"):
        return m.group(1), ""
    if rest.endswith("。"):
        return m.group(1), rest
    return text, ""


def _heading_with_period(text: str, lines: list[Line], line: Line) -> int | None:
    """（四）加快推进双创环境优化，高标准建设双创基地。 is a heading with a stray full stop;
    （一）政治立场鲜明,主题积极向上。 followed by （二）… is a list of items."""
    rank = heading_rank(text[:-1], False)
    if rank is None or rank in (TITLE, BOX) or len(text) > 32:
        return None
    k = lines.index(line)
    nxt = lines[k + 1].text if k + 1 < len(lines) else ""
    prev = lines[k - 1].text if k > 0 else ""
    pattern = dict(_PATTERNS)[rank]
    if pattern.match(close_cjk_gaps(nxt)) or pattern.match(close_cjk_gaps(prev)):
        return None
    return rank


def _metadata_text(text: str) -> str:
    """`[ 发文字号 ] | 渝高新发〔2021〕28号 |` reads as `发文字号: 渝高新发〔2021〕28号`."""
    fields = _metadata_fields(text)
    if not fields:
        return text
    return "；".join(f"{k}: {v}" if v else k for k, v in fields)
