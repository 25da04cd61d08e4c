"""Chunking by section, and collapsing duplicate content.

A chunk never crosses a heading: a section's text becomes one chunk when it is short, or
pieces of about TARGET_CHARS cut at sentence ends (。！？；) with one sentence of overlap when
it is long. A table is its own chunk (or several, each with the caption, when it is big).
multilingual-e5-small reads 512 tokens; MAX_CHARS keeps every chunk with its context header
under that (the largest in the bundled corpus is about 400 tokens, so nothing is truncated).
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from corpus.model import Chunk, ChunkKind, Document, LineSegment, SourceSpan, TableCells
from corpus.structure import (
    BOX,
    BoxEnd,
    Dropped,
    Heading,
    Paragraph,
    TableBlock,
    analyse,
)
from corpus.text import hash_key, split_sentences

TARGET_CHARS = 350
MAX_CHARS = 500
OVERLAP_MAX = 120  # a sentence longer than this is not repeated as overlap


@dataclass(frozen=True)
class Piece:
    """A chunk before it becomes a Chunk: its text, section path and every source line it
    accounts for (content lines, and the heading lines of the sections it opens)."""

    section: tuple[str, ...]
    kind: ChunkKind
    text: str
    content_lines: list[int]
    heading_lines: list[int] = field(default_factory=list)
    line_map: tuple[LineSegment, ...] = ()
    rows: tuple[TableCells, ...] = ()  # a table piece's data rows (header and cells)

    @property
    def lines(self) -> set[int]:
        return set(self.content_lines) | set(self.heading_lines)


@dataclass
class _Open:
    heading: Heading
    has_piece: bool = False


# a paragraph cut by a page break ends on a CJK character or a comma; anything else (。, a
# closing bracket, a date, a number, a short line such as a signature) ends a paragraph
_CUT_MID_SENTENCE = re.compile(r"^.{30,}[\u4e00-\u9fff，、“‘《（]$", re.DOTALL)
_PARAGRAPH_END = re.compile(r"[。！？!?；;：:]$")

# text copied out of a PDF keeps the printed lines: most lines are as long as the page is wide
_WRAPPED_SHARE = 0.25
_WRAPPED_MIN_LINES = 10


def wrap_width(lines: Sequence[str]) -> int | None:
    """The width a text was hard-wrapped at, None when it was not: the most common length of
    its lines, when a quarter of them or more have it (a text written as one line per
    paragraph has no such length; its longest lines are its paragraphs)."""
    lengths = [len(t) for t in (line.strip() for line in lines) if t]
    counts = Counter(n for n in lengths if n >= 15)
    if not counts:
        return None
    width, n = counts.most_common(1)[0]
    wrapped = n >= _WRAPPED_MIN_LINES and n >= _WRAPPED_SHARE * len(lengths)
    return width if wrapped else None


def _separators(paragraphs: list[Paragraph], width: int | None = None) -> list[str]:
    """What joins each paragraph to the one before: a line break, or nothing when the one
    before was cut mid-sentence: by a page break (it ends mid-sentence), or by a printed line
    of a text hard-wrapped at `width` (it does not end a sentence; a line the copying cut
    short, at a subscript say, is cut as well)."""
    seps = [""]
    for prev, _cur in itertools.pairwise(paragraphs):
        cut = not prev.preamble and _CUT_MID_SENTENCE.match(prev.text)
        wrapped = width is not None and not prev.preamble and not _PARAGRAPH_END.search(prev.text)
        seps.append("" if cut or wrapped else "\n")
    return seps


def _joined(paragraphs: list[Paragraph], width: int | None = None) -> str:
    seps = _separators(paragraphs, width)
    return "".join(sep + p.text for sep, p in zip(seps, paragraphs, strict=True))


# a sentence as the stretches of text it is made of, each with its source line: one stretch,
# or two when a page break or a printed line cut the sentence
_Unit = list[tuple[str, int]]


def _units(paragraphs: list[Paragraph], width: int | None = None) -> list[_Unit]:
    """Sentences; a sentence opening a paragraph starts with \\n, and a sentence the paragraph
    before was cut inside (no separator) is one sentence over both lines."""
    units: list[_Unit] = []
    for sep, p in zip(_separators(paragraphs, width), paragraphs, strict=True):
        for j, s in enumerate(split_sentences(p.text)):
            for k, part in enumerate(_hard_split(s)):
                opening = j == 0 and k == 0
                # no separator: the paragraph before ends inside the sentence this one opens
                if opening and not sep and units:
                    units[-1].append((part, p.line))
                else:
                    units.append([((sep if opening else "") + part, p.line)])
    return units


def _size(stretches: list[tuple[str, int]]) -> int:
    return sum(len(text) for text, _ in stretches)


@dataclass(frozen=True)
class MappedText:
    """A piece's text, the source lines it accounts for, and where each stretch of the text
    comes from (Chunk.line_map)."""

    text: str
    lines: list[int]
    line_map: tuple[LineSegment, ...]
    rows: tuple[TableCells, ...] = ()


def _mapped(parts: list[tuple[str, int, int]], strip: bool = False) -> MappedText:
    """Concatenate (text, first line, last line) parts, recording where each part starts;
    `strip` strips the result as the caller's text is stripped, moving the offsets along."""
    text = ""
    segments: list[LineSegment] = []
    for part, first, last in parts:
        if not part:
            continue
        if not segments or (segments[-1].first, segments[-1].last) != (first, last):
            segments.append(LineSegment(len(text), first, last))
        text += part
    lines = sorted({n for _, first, last in parts for n in (first, last)})
    if not strip:
        return MappedText(text, lines, tuple(segments))
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    kept: list[LineSegment] = []
    for seg in segments:
        offset = max(seg.offset - lead, 0)
        if offset >= len(text) and kept:
            break  # only stripped whitespace is left
        if kept and kept[-1].offset == offset:
            kept.pop()  # the segment before was all stripped whitespace
        kept.append(LineSegment(offset, seg.first, seg.last))
    return MappedText(text, lines, tuple(kept))


def _hard_split(sentence: str) -> list[str]:
    """A sentence longer than MAX_CHARS (an enumeration run together) is cut at commas,
    or at TARGET_CHARS when it has none."""
    if len(sentence) <= MAX_CHARS:
        return [sentence]
    out, cur = [], ""
    for piece in sentence.replace("，", "，\0").replace(",", ",\0").split("\0"):
        if cur and len(cur) + len(piece) > TARGET_CHARS:
            out.append(cur)
            cur = ""
        cur += piece
    if cur:
        out.append(cur)
    return [p[i : i + MAX_CHARS] for p in out for i in range(0, len(p), MAX_CHARS)]


def split_text(
    paragraphs: list[Paragraph], width: int | None = None
) -> list[tuple[str, list[int]]]:
    """(text, lines) pieces of one section's paragraphs."""
    return [(m.text, m.lines) for m in map_text(paragraphs, width)]


def map_text(paragraphs: list[Paragraph], width: int | None = None) -> list[MappedText]:
    """The pieces of one section's paragraphs, each with its line map; `width` is the
    document's wrap_width."""
    whole = _joined(paragraphs, width)
    if len(whole) <= MAX_CHARS:
        seps = _separators(paragraphs, width)
        return [
            _mapped(
                [(sep + p.text, p.line, p.line) for sep, p in zip(seps, paragraphs, strict=True)]
            )
        ]
    units = _units(paragraphs, width)
    pieces: list[list[_Unit]] = []
    cur: list[_Unit] = []
    size = 0
    for u in units:
        if cur and size + _size(u) > TARGET_CHARS and size >= TARGET_CHARS // 3:
            pieces.append(cur)
            last = cur[-1]
            overlap = [(last[0][0].lstrip("\n"), last[0][1]), *last[1:]]
            cur = [overlap] if _size(last) <= OVERLAP_MAX else []
            size = sum(_size(x) for x in cur)
        cur.append(u)
        size += _size(u)
    if cur:
        # a short tail joins the previous piece when that stays under MAX_CHARS
        if pieces and size < TARGET_CHARS // 3:
            merged = pieces[-1] + [x for x in cur if x not in pieces[-1]]
            if sum(_size(x) for x in merged) <= MAX_CHARS:
                pieces[-1] = merged
                cur = []
        if cur:
            pieces.append(cur)
    return [_mapped([(t, n, n) for u in p for t, n in u], strip=True) for p in pieces]


def _table_pieces(block: TableBlock, fallback_caption: tuple[str, int | None]) -> list[MappedText]:
    """One piece per table, or per group of rows when it is big; every piece repeats the
    caption and the header row, so it reads on its own, and cites its own rows' lines.
    A table without a caption takes `fallback_caption` (text, its line if known). A rendered
    row maps to all the lines its cells came from, as render_row reorders the cells."""
    t = block.table
    header_lines = t.header_lines() or t.head_lines()
    header_span = (min(header_lines), max(header_lines))
    caption, caption_line = (t.caption, t.caption_line) if t.caption else fallback_caption
    rows = t.row_texts()
    notes = [f"注：{n}" for n in t.notes]
    head = ([caption] if caption else []) + [" | ".join(t.header_raw)]
    groups: list[list[int]] = [[]]  # row indexes
    for k, r in enumerate(rows):
        size = sum(len(x) + 1 for x in head + [rows[j] for j in groups[-1]] + [r] + notes)
        if groups[-1] and size > MAX_CHARS:
            groups.append([])
        groups[-1].append(k)
    out = []
    for g_index, g in enumerate(groups):
        tail = notes if g_index == len(groups) - 1 else []
        lines = sorted(list(t.head_lines()) + [n for k in g for n in t.row_lines[k]])
        # a caption whose line is not known (the document's title) maps to the whole piece
        at = (caption_line, caption_line) if caption_line else (min(lines), max(lines))
        parts = [
            *([(caption, *at)] if caption else []),
            (" | ".join(t.header_raw), *header_span),
            *((rows[k], min(t.row_lines[k]), max(t.row_lines[k])) for k in g),
            *((note, *header_span) for note in tail),  # notes come from header cells
        ]
        mapped = _mapped(
            [(("\n" if i else "") + x, first, last) for i, (x, first, last) in enumerate(parts)]
        )
        cells = tuple(TableCells(tuple(t.header), tuple(t.rows[k])) for k in g)
        out.append(MappedText(mapped.text, lines, mapped.line_map, cells))
    return out


def document_pieces(doc: Document) -> tuple[list[Piece], list[Dropped]]:
    """The pieces of one document and the lines it dropped."""
    pieces: list[Piece] = []
    dropped: list[Dropped] = []
    stack: list[_Open] = []
    buffer: list[Paragraph] = []
    width = wrap_width(doc.lines)

    def path() -> tuple[str, ...]:
        return tuple(o.heading.text for o in stack)

    def emit(kind: ChunkKind, piece: MappedText) -> None:
        heading_lines = []
        for o in stack:
            if not o.has_piece:
                heading_lines.append(o.heading.line)
                o.has_piece = True
        pieces.append(
            Piece(path(), kind, piece.text, piece.lines, heading_lines, piece.line_map, piece.rows)
        )

    def flush() -> None:
        if buffer:
            for piece in map_text(buffer, width):
                emit("text", piece)
            buffer.clear()

    def pop(to_rank: int) -> None:
        while stack and stack[-1].heading.rank >= to_rank:
            closing = stack[-1]
            if not closing.has_piece:
                # a heading with nothing under it still reaches the index, as its own text
                h = closing.heading
                emit("text", _mapped([(h.text, h.line, h.line)]))
            stack.pop()

    for b in analyse(doc):
        if isinstance(b, Dropped):
            dropped.append(b)
        elif isinstance(b, Paragraph):
            if b.preamble and stack:  # the closing: leave every open section
                flush()
                pop(0)
            buffer.append(b)
        elif isinstance(b, Heading):
            flush()
            pop(b.rank)
            stack.append(_Open(b))
            if b.spill:
                buffer.append(Paragraph(b.spill, b.line))
        elif isinstance(b, BoxEnd):
            flush()
            pop(BOX)
        elif isinstance(b, TableBlock):
            flush()
            h = stack[-1].heading if stack else None
            fallback = (h.text, h.line) if h else (doc.title, None)
            for piece in _table_pieces(b, fallback):
                emit("table", piece)
    flush()
    pop(0)
    return pieces, dropped


def chunk_id(kind: str, text: str, district: str | None = None) -> str:
    """Stable content hash: the same text (up to width, spacing and line breaks) in any
    document of the same district gets the same id. The district is part of the content: a
    sentence two districts' plans share is indexed for each, or a district filter would
    miss one of them."""
    key = f"{kind}\n{district or ''}\n{hash_key(text)}"
    return hashlib.sha256(key.encode()).hexdigest()[:20]


NEAR_COPY = 0.8  # Jaccard similarity of character trigrams


def _shingles(text: str) -> set[str]:
    key = hash_key(text)
    return {key[i : i + 3] for i in range(max(len(key) - 2, 1))}


def _near_copy(
    kind: str, grams: set[str], canonical: list[tuple[str, str, set[str]]]
) -> str | None:
    """The id of the canonical document's chunk this chunk of a duplicate document is a copy
    of: the copies differ by extraction damage (a lost 个 or 年, a page break, spacing), so
    equal hashes are too strict. The canonical copy is the more complete one, so the
    duplicate's version adds nothing worth a second place in the index."""
    best, best_sim = None, NEAR_COPY
    for cid, other_kind, other in canonical:
        if other_kind != kind:
            continue
        sim = len(grams & other) / len(grams | other)
        if sim >= best_sim:
            best, best_sim = cid, sim
    return best


def chunk(documents: list[Document]) -> list[Chunk]:
    """Chunks of every document, one per distinct content: a chunk whose content stands in
    several places (a duplicate document, a repeated passage) keeps the first place, the
    canonical copy's when there is one, and lists the others in `also_in`. A text chunk of a
    duplicate document that nearly equals one of its canonical copy is the same content."""
    order = sorted(range(len(documents)), key=lambda i: documents[i].duplicate_of is not None)
    first_seen: dict[str, Chunk] = {}
    also: dict[str, list[SourceSpan]] = {}
    positions: dict[str, tuple[int, int]] = {}
    shingles_of_doc: dict[str, list[tuple[str, str, set[str]]]] = {}
    # trigram sets cost ~70 bytes per character: kept only for documents that have copies
    has_copies = {d.duplicate_of for d in documents if d.duplicate_of}
    for i in order:
        doc = documents[i]
        pieces, _ = document_pieces(doc)
        shingles_of_doc[doc.doc_id] = []
        for k, p in enumerate(pieces):
            cid = chunk_id(p.kind, p.text, doc.district)
            if cid not in first_seen and doc.duplicate_of:
                canonical = shingles_of_doc.get(doc.duplicate_of, [])
                cid = _near_copy(p.kind, _shingles(p.text), canonical) or cid
            if doc.doc_id in has_copies:
                shingles_of_doc[doc.doc_id].append((cid, p.kind, _shingles(p.text)))
            lines = sorted(p.lines)  # the headings it opens too: "第一节 …" cites with its text
            span = SourceSpan(doc.source, min(lines), max(lines), doc.doc_id)
            page_lines = doc.page_lines(lines)
            pages = [page for _, page in page_lines]
            if cid in first_seen:
                if span not in also[cid] and span != first_seen[cid].sources[0]:
                    also[cid].append(span)
                continue
            first_seen[cid] = Chunk(
                chunk_id=cid,
                doc_id=doc.doc_id,
                section=p.section,
                kind=p.kind,
                text=p.text,
                line_start=span.line_start,
                line_end=span.line_end,
                district=doc.district,
                title=doc.title,
                source=doc.source,
                doc_type=doc.doc_type,
                line_map=p.line_map,
                page_start=min(pages) if pages else None,
                page_end=max(pages) if pages else None,
                page_lines=page_lines,
                rows=p.rows,
            )
            also[cid] = []
            positions[cid] = (i, k)
    out = []
    for cid in sorted(first_seen, key=lambda c: positions[c]):
        c = first_seen[cid]
        if also[cid]:
            c = replace(c, also_in=tuple(also[cid]))
        out.append(c)
    return out
