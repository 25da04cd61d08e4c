"""The 文档 tab's reader: one document as a page, read once in source order (without the
sentence the chunker repeats where it cuts a long section), with an outline of its sections
and, when a citation opened it, the cited lines marked. Pure: plain data in, HTML out."""

from __future__ import annotations

import bisect
import html
import itertools
from collections.abc import Callable, Sequence

from corpus.model import Chunk, Document, LineSegment, SourceSpan
from ui.common import DOC_TYPE_NAMES, info_html, section_path, span_text

# lines of a document to mark: (doc_id, first, last)
CitedLines = tuple[str, int, int]


def parse_open_request(request: str) -> CitedLines | None:
    """A citation link's request, "doc_id|first-last", as (doc_id, first, last)."""
    doc_id, _, lines = request.partition("|")
    first, _, last = lines.partition("-")
    if not doc_id.strip() or not first.strip().isdigit():
        return None
    end = int(last) if last.strip().isdigit() else int(first)
    return doc_id.strip(), int(first), max(int(first), end)


def _table_html(
    c: Chunk, cited_at: Callable[[int], bool] | None = None, marks: _Marks | None = None
) -> str:
    """A table chunk as an HTML table drawn from its rows as they were stored at build time:
    the header, then each row's cells column by column; the caption and notes (the text's
    lines around the rows) above and below. `cited_at(offset)` says whether the text line
    that starts at that offset stands on cited lines (the row drawn from it is then marked).
    A chunk of an index built before rows were stored is drawn from its text."""
    if not c.rows:
        return _table_html_from_text(c.text, cited_at, marks)
    lines = _line_starts(c.text)
    # the text is: caption lines, the header line, one line per row, then "注：" notes
    notes = len(list(itertools.takewhile(lambda x: x[1].startswith("注："), reversed(lines))))
    first_row = len(lines) - notes - len(c.rows)
    if first_row < 1:  # the text is not laid out as rows were: read it as text
        return _table_html_from_text(c.text, cited_at, marks)
    header = c.rows[0].header
    cells = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = [f"<thead><tr>{cells}</tr></thead><tbody>"]
    for row, (start, _) in zip(c.rows, lines[first_row:], strict=False):
        tds = "".join(f"<td>{html.escape(v)}</td>" for v in row.cells)
        attrs = marks.attrs() if marks is not None and cited_at and cited_at(start) else ""
        body.append(f"<tr{attrs}>{tds}</tr>")
    body.append("</tbody>")
    caption = " ".join(line for _, line in lines[: first_row - 1])
    head = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    tail = "".join(
        f'<div class="pq-table-note">{html.escape(line)}</div>'
        for _, line in lines[len(lines) - notes :]
    )
    table = f'<table class="pq-table">{head}{"".join(body)}</table>'
    return f'<div class="pq-table-scroll">{table}</div>{tail}'


def _line_starts(text: str) -> list[tuple[int, str]]:
    """(offset, line) for each non-blank line of `text`, stripped."""
    out = []
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            out.append((offset, line.strip()))
        offset += len(line)
    return out


def _table_html_from_text(
    text: str, cited_at: Callable[[int], bool] | None = None, marks: _Marks | None = None
) -> str:
    """An old index's table chunk (no rows stored): each line of its text a row, its " | "
    parts the cells."""
    rows = []
    for start, line in _line_starts(text):
        row = "".join(f"<td>{html.escape(c.strip())}</td>" for c in line.split("|"))
        attrs = marks.attrs() if marks is not None and cited_at and cited_at(start) else ""
        rows.append(f"<tr{attrs}>{row}</tr>")
    return f'<table class="pq-table">{"".join(rows)}</table>'


def document_html(
    document: Document, chunks: Sequence[Chunk], cited: tuple[int, int] | None = None
) -> str:
    """A document read once, in source order, as it is chunked: an outline of its sections
    (links to their headings), a heading wherever the section path changes, then each chunk
    with its line span in this document's source file, without the sentence that the
    chunker repeats at the start of a chunk that continues the previous one. `cited`: source
    lines (first, last) of this document to mark, the first mark with id "pq-cited"."""
    d = document
    meta = [
        ("地区", d.district),
        ("发文机关", d.issuer),
        ("文号", d.doc_number),
        ("日期", d.date or d.date_raw),
        ("类型", DOC_TYPE_NAMES.get(d.doc_type, d.doc_type)),
        ("来源", span_text(d.source, d.line_start, d.line_end)),
        ("段落数", str(len(chunks))),
    ]
    head = [
        f'<h3 class="pq-doc-title">{html.escape(d.title)}</h3>',
        '<div class="pq-doc-meta">'
        + " · ".join(f"{k}：{html.escape(v)}" for k, v in meta if v)
        + "</div>",
    ]
    if d.duplicate_of:
        head.append(
            info_html(f"这是 {d.duplicate_of} 的副本；内容相同的段落只索引一次，行号按本文件给出。")
        )
    parts: list[str] = []
    outline: list[tuple[int, str, str]] = []  # (depth, heading, anchor) in reading order
    seen: set[tuple[str, ...]] = set()
    marks = _Marks(cited)
    current: tuple[str, ...] | None = None
    previous: tuple[Chunk, SourceSpan] | None = None
    for c, span in _in_source_order(d.doc_id, chunks):
        if c.section != current:
            current = c.section
            anchor = f"pq-sec-{len(parts)}"
            path = section_path(c.section) or ("（章节之外）" if outline else "（文档开头）")
            parts.append(f'<h4 class="pq-doc-section" id="{anchor}">{html.escape(path)}</h4>')
            for depth in range(len(c.section)):
                if c.section[: depth + 1] not in seen:
                    seen.add(c.section[: depth + 1])
                    outline.append((depth, c.section[depth], anchor))
        skip = _repeated_opening(previous, (c, span))
        previous = (c, span)
        pages = (c.page_start, c.page_end) if span == c.sources[0] else (None, None)
        if c.kind == "table":
            body = _table_html(c, lambda at, c=c, span=span: _cited(c, span, at, marks), marks)
        else:
            body = _marked_text(c, span, skip, marks)
        kind = "表格" if c.kind == "table" else "正文"
        parts.append(
            f'<div class="pq-chunk pq-kind-{c.kind}">'
            f'<div class="pq-source">{kind} · '
            f"{html.escape(span_text(span.source, span.line_start, span.line_end, *pages))}</div>"
            f'<div class="pq-chunk-text">{body}</div></div>'
        )
    if not chunks:
        parts.append(info_html("这篇文档没有可检索的正文。"))
    nav = _outline_html(outline)
    # wide pages lay the outline beside the text (CSS: .pq-has-outline)
    opening = (
        f'<div class="pq-doc{" pq-has-outline" if outline else ""}" '
        f'data-doc="{html.escape(d.doc_id, quote=True)}">'
    )
    return (
        opening
        + "".join(head)
        + nav
        + '<div class="pq-doc-text">'
        + "".join(parts)
        + "</div></div>"
    )


def _in_source_order(doc_id: str, chunks: Sequence[Chunk]) -> list[tuple[Chunk, SourceSpan]]:
    """Each chunk with its span in this document (a shared chunk's own copy), by line."""
    spans = [(c, next((s for s in c.sources if s.doc_id == doc_id), c.sources[0])) for c in chunks]
    return sorted(spans, key=lambda cs: (cs[1].line_start, cs[1].line_end))


def _repeated_opening(
    previous: tuple[Chunk, SourceSpan] | None, current: tuple[Chunk, SourceSpan]
) -> int:
    """How many characters open `current` that end `previous` already: the chunker repeats
    the last sentence of a long section's piece at the start of the next one (overlap for
    retrieval). Only text pieces of one section whose source lines overlap count, so that the
    same words in two places of a document are both read."""
    if previous is None:
        return 0
    (a, a_span), (b, b_span) = previous, current
    if a.kind != "text" or b.kind != "text" or a.section != b.section:
        return 0
    if b_span.line_start > a_span.line_end:
        return 0
    for k in range(min(len(a.text), len(b.text) - 1), 1, -1):
        if b.text.startswith(a.text[-k:]):
            return k + len(b.text[k:]) - len(b.text[k:].lstrip())
    return 0


class _Marks:
    """Marks the cited lines; the first mark gets the id the page scrolls to."""

    def __init__(self, cited: tuple[int, int] | None) -> None:
        self.cited = cited
        self.count = 0

    def hits(self, first: int, last: int) -> bool:
        return self.cited is not None and first <= self.cited[1] and self.cited[0] <= last

    def attrs(self) -> str:
        anchor = ' id="pq-cited"' if self.count == 0 else ""
        self.count += 1
        return f' class="pq-cited"{anchor}'

    def wrap(self, body: str) -> str:
        return f"<mark{self.attrs()}>{body}</mark>"


def _segments(c: Chunk) -> tuple[LineSegment, ...]:
    return c.line_map or (LineSegment(0, c.line_start, c.line_end),)


def _cited(c: Chunk, span: SourceSpan, offset: int, marks: _Marks) -> bool:
    """Whether the text at `offset` of the chunk stands on cited lines of this document."""
    segments = _segments(c)
    at = max(bisect.bisect_right([s.offset for s in segments], offset) - 1, 0)
    shift = span.line_start - c.line_start
    return marks.hits(segments[at].first + shift, segments[at].last + shift)


def _marked_text(c: Chunk, span: SourceSpan, skip: int, marks: _Marks) -> str:
    """The chunk's text from `skip` on, HTML-escaped, with the stretches that stand on cited
    lines marked (the line map says which; a copy's lines are shifted to its own)."""
    shift = span.line_start - c.line_start
    segments = _segments(c)
    out = []
    for i, seg in enumerate(segments):
        end = segments[i + 1].offset if i + 1 < len(segments) else len(c.text)
        piece = c.text[max(seg.offset, skip) : end]
        if not piece:
            continue
        text = html.escape(piece)
        out.append(marks.wrap(text) if marks.hits(seg.first + shift, seg.last + shift) else text)
    return "".join(out)


def _outline_html(entries: Sequence[tuple[int, str, str]]) -> str:
    """The sections as a nested list of links to their headings ("" without sections)."""
    if not entries:
        return ""
    out = ['<nav class="pq-outline" aria-label="目录"><details open><summary>目录</summary>']
    depth = -1
    for level, heading, anchor in entries:
        if level > depth:
            out.append("<ul>" * (level - depth))
        else:
            out.append("</li>" + "</ul></li>" * (depth - level))
        depth = level
        out.append(f'<li><a href="#{anchor}" data-target="{anchor}">{html.escape(heading)}</a>')
    out.append("</li>" + "</ul></li>" * depth + "</ul></details></nav>")
    return "".join(out)
