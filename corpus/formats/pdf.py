"""PDF files with a text layer as numbered lines, each on a known page (pdfplumber, MIT).

Line N is the N-th paragraph-on-a-page in reading order (top to bottom; one column). Printed
lines are joined back into paragraphs: a line that ends within two characters of the text's
right edge (where most lines end) runs on into the next one unless the next one is indented
(a new paragraph), far below it, in another type size, or a short numbered heading after a
sentence's end (二、2024年工作任务 set in the body's type), or an indented line after such a
heading that fills its line. A paragraph cut by a
page break stays two lines, one on each page, so every line has exactly one page
(`SourceText.pages`); the chunker joins the two halves again (a paragraph ending mid-sentence
runs on). A line printed in a larger size than the body text becomes a markdown heading.

Running headers and footers (the same text at the same height among the first or last lines
of most pages) and
page numbers (`- 3 -`, `第3页`, `3`, `3/12`) are kept as lines but marked dropped, so the ledger
accounts for them (reasons `pdf_running_header`, `pdf_running_footer`, `page_number`).
Ruled tables (pdfplumber's table finder) become markdown tables (header row, `|---|` line,
one line per row) for corpus.tables. A PDF without any text (a scan) raises UnreadableFile:
OCR is not supported.
"""

from __future__ import annotations

import io
import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from corpus.errors import Message
from corpus.formats.markdown import table_lines
from corpus.formats.read import UnreadableFile
from corpus.reading import SourceText
from corpus.structure import heading_rank

# a page number alone on a line; a bare number has at most 3 digits (2025 on a cover is a year)
PAGE_NUMBER = re.compile(
    r"^(?:[-—–－\s]*\d{1,3}[-—–－\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|[-—–\s]*[ivxlcIVXLC]{1,6}[-—–\s]*)$"
)
_UNMAPPED = re.compile(r"\(cid:\d+\)")  # a glyph pdfminer could not map to a character
# word processors set Chinese apart from digits and Latin letters with a little space, which
# the text layer reads as a blank (2025 年, 增长 5%): it is typesetting, not text
_CJK_SPACING = re.compile(
    r"(?<=[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef])[ \u00a0]+(?=[0-9A-Za-z%.])"
    r"|(?<=[0-9A-Za-z%.])[ \u00a0]+(?=[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef])"
)
_SENTENCE_END = re.compile(r"[。！？!?；;：:]$")
_FULL_STOP = re.compile(r"[。！？!?]$")
EDGE_LINES = 2  # how many first and last lines of a page may be running headers/footers
REPEATED = 0.5  # …when the same text (digits aside) stands there on this share of pages


@dataclass
class _Line:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    text: str
    size: float
    dropped: str | None = None
    table: bool = False


def _join(a: str, b: str) -> str:
    if a and b and a[-1].isascii() and b[0].isascii() and a[-1].isalnum() and b[0].isalnum():
        return f"{a} {b}"
    return a + b


def _cell(text: str | None) -> str:
    return " ".join((text or "").split())


def _table_rows(table) -> list[str]:
    return table_lines([[_cell(c) for c in row] for row in table.extract()])


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _page_lines(page, number: int) -> list[_Line]:
    # the table finder follows ruling lines: a page without any has no table to find
    tables = page.find_tables() if (page.lines or page.rects or page.curves) else []
    boxes = [t.bbox for t in tables]
    text_page = page.filter(lambda o: not _inside(o, boxes)) if boxes else page
    out: list[_Line] = []
    for ln in text_page.extract_text_lines(return_chars=True):
        text = _CJK_SPACING.sub("", ln["text"].strip())
        if not text:
            continue
        sizes = [c.get("size", 0) for c in ln["chars"] if not c["text"].isspace()]
        size = statistics.median(sizes) if sizes else ln["bottom"] - ln["top"]
        out.append(_Line(number, ln["top"], ln["bottom"], ln["x0"], ln["x1"], text, size))
    for t in tables:
        x0, top, x1, bottom = t.bbox
        for k, row in enumerate(_table_rows(t)):
            # rows keep their order: offsets far below a point keep them inside the table
            out.append(_Line(number, top + k * 1e-3, bottom, x0, x1, row, 0, table=True))
    out.sort(key=lambda x: x.top)
    return out


def _mark_page_furniture(pages: list[list[_Line]]) -> None:
    """Mark running headers/footers and page numbers among each page's first and last lines."""

    def key(where: str, x: _Line) -> tuple[str, str, int]:
        # the text (page numbers in it aside) and where it stands: the document's title on
        # page 1 may read the same as the running header, but it is printed lower
        y = x.top if where == "header" else x.bottom
        return where, re.sub(r"\d+", "#", re.sub(r"\s+", "", x.text)), round(y / 4)

    def edges(lines: list[_Line]) -> list[tuple[str, _Line]]:
        body = [x for x in lines if not x.table]
        head = [("header", x) for x in body[:EDGE_LINES]]
        foot = [("footer", x) for x in body[-EDGE_LINES:] if x not in body[:EDGE_LINES]]
        return head + foot

    counts: Counter[tuple[str, str, int]] = Counter()
    for lines in pages:
        counts.update({key(where, x) for where, x in edges(lines)})
    need = max(2, REPEATED * len(pages))
    for lines in pages:
        for where, x in edges(lines):
            if PAGE_NUMBER.match(x.text):
                x.dropped = "page_number"
            elif len(x.text) <= 60 and counts[key(where, x)] >= need:
                x.dropped = f"pdf_running_{where}"


def _heading_between(prev: _Line, x: _Line, left: float, right: float) -> bool:
    """A numbered heading set in the body's type stands between prev and x: x is one after a
    paragraph whose last sentence happens to fill its line (prev ends a sentence; x opens with
    a heading number, is not a sentence and ends short of the line, so nothing of it wraps
    on), or prev is one that happens to fill its line and x opens an indented paragraph."""
    if x.x0 > left + 0.8 * x.size and heading_rank(prev.text, markdown=False) is not None:
        return True
    if heading_rank(x.text, markdown=False) is None:
        return False
    # after a full stop even a heading that wraps (its first line fills the width) is one
    return _FULL_STOP.search(prev.text) is not None or (
        _SENTENCE_END.search(prev.text) is not None and x.x1 < right - 2 * x.size
    )


def _paragraphs(
    lines: list[_Line], left: float, right: float, body_size: float, leading: float = 0.0
) -> list[_Line]:
    """The page's lines with wrapped lines joined into paragraphs (see the module doc).
    `leading`: the usual gap between a body line and the next (government documents are
    often set with double spacing); a paragraph gap is wider than that."""
    out: list[_Line] = []
    for x in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not (prev.dropped or x.dropped or prev.table or x.table)
            and abs(prev.size - x.size) < 0.5
            and prev.x1 >= right - 2 * x.size  # prev fills the line
            # x is not indented, or prev stops mid-sentence (a centred line wraps centred)
            and (x.x0 <= left + 0.8 * x.size or not _SENTENCE_END.search(prev.text))
            and x.top - prev.bottom < max(1.2 * x.size, leading + 0.5 * x.size)  # no gap
            and not (prev.size > body_size * 1.15)  # a heading ends at its line's end
            and not _heading_between(prev, x, left, right)
        ):
            prev.text = _join(prev.text, x.text)
            prev.x1, prev.bottom = x.x1, x.bottom
            continue
        out.append(_Line(x.page, x.top, x.bottom, x.x0, x.x1, x.text, x.size, x.dropped, x.table))
    return out


def read_pdf(path: Path, data: bytes | None = None) -> SourceText:
    """The lines of a PDF's text layer with their pages (see the module docstring)."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data if data is not None else path.read_bytes())) as pdf:
        pages = [_page_lines(page, k) for k, page in enumerate(pdf.pages, start=1)]
        title = str((pdf.metadata or {}).get("Title") or "").strip() or None
    if not any(pages):
        raise UnreadableFile(Message("skip_pdf_no_text_layer"))
    text = "".join(x.text for lines in pages for x in lines)
    if len("".join(_UNMAPPED.findall(text))) > len(text) / 2:
        raise UnreadableFile(Message("skip_pdf_unmapped_fonts"))
    _mark_page_furniture(pages)
    body = [x for lines in pages for x in lines if not (x.dropped or x.table)]
    if body:
        body_size = statistics.median(x.size for x in body)
        left = statistics.median(x.x0 for x in body)  # most lines start at the left margin
        # the text width's right edge: where most body lines end (a few overhang it with
        # closing punctuation; last lines of paragraphs end short of it)
        ends = [x.x1 for x in body if abs(x.size - body_size) < 0.5] or [0.0]
        right = statistics.quantiles(ends, n=4)[2] if len(ends) > 1 else ends[0]
        gaps = [
            b.top - a.bottom
            for lines in pages
            for a, b in itertools.pairwise(lines)
            if not (a.dropped or b.dropped or a.table or b.table)
            and abs(a.size - body_size) < 0.5
            and abs(b.size - body_size) < 0.5
            and b.top > a.bottom
        ]
        leading = statistics.median(gaps) if gaps else 0.0
    else:
        body_size, left, right, leading = 0.0, 0.0, 0.0, 0.0
    lines: list[str] = []
    page_of: list[int] = []
    dropped: list[tuple[int, str]] = []
    for page_lines in pages:
        for x in _paragraphs(page_lines, left, right, body_size, leading):
            text = x.text
            if (
                not (x.dropped or x.table)
                and body_size
                and x.size > body_size * 1.15
                and len(text) <= 60
                and not _SENTENCE_END.search(text)
            ):
                text = "# " + text
            lines.append(text)
            page_of.append(x.page)
            if x.dropped:
                dropped.append((len(lines), x.dropped))
    return SourceText(
        path.name,
        path.resolve(),
        "pdf",
        tuple(lines),
        format="pdf",
        pages=tuple(page_of),
        title_hint=title,
        dropped=tuple(dropped),
    )
