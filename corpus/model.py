"""Records that carry provenance from the source files to every later stage.

Frozen dataclasses; JSON is produced at the edge from `to_dict`. Line numbers are 1-based
lines of the original source file (the file as it is on disk, not the cleaned text).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, NamedTuple

ChunkKind = Literal["text", "table"]


@dataclass(frozen=True)
class SourceSpan:
    """One place a piece of text stands in: a source file and a line span in it."""

    source: str  # file name (path under the folder read), e.g. "000_28d192e06e44a9e3.txt"
    line_start: int
    line_end: int
    doc_id: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class LineSegment(NamedTuple):
    """A stretch of a chunk's text, from `offset` up to the next segment's offset (or the end),
    taken from source lines first..last. Prose comes from one line (first == last); a rebuilt
    table row from the several lines its cells were flattened onto."""

    offset: int
    first: int
    last: int


@dataclass(frozen=True)
class Document:
    doc_id: str  # source file stem, plus "#n" for the n-th document of a multi-document file
    title: str
    district: str | None  # canonical gazetteer name, or None when the text does not say
    issuer: str | None
    doc_number: str | None  # 发文字号, e.g. 綦江府发〔2022〕26号
    date: str | None  # ISO date (or partial: "2022-08") when certain
    date_raw: str | None  # the date string as the text has it, e.g. "2022827"
    doc_type: str  # plan, work_points, notice, rules, catalogue, commentary, news, other
    source: str  # file name
    line_start: int
    line_end: int
    duplicate_of: str | None = None  # doc_id of the canonical copy
    # the issuing place beside `district` (which holds its label): its administrative code,
    # level (province, city, county, zone) and parents' labels, outermost first
    place_code: str | None = None
    place_level: str | None = None
    place_parents: tuple[str, ...] = ()
    meeting: str | None = None  # a work report's meeting (X市第N届人民代表大会第N次会议)
    speaker: str | None = None  # who delivered it (市长 XXX)
    # the notice an attachment is printed in (its doc_id); issuer, 发文字号 and date are its
    attached_to: str | None = None
    # original lines line_start..line_end (for display and chunking; not in to_dict)
    lines: tuple[str, ...] = field(default=(), repr=False, compare=False)
    # the page of each of those lines (PDF); () for formats without pages (not in to_dict)
    pages: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def page_lines(self, lines: Iterable[int]) -> tuple[tuple[int, int], ...]:
        """(first line, page) for each page that source `lines` of this document cross, in
        line order; () without pages."""
        out: list[tuple[int, int]] = []
        for n in sorted(lines):
            if 0 <= n - self.line_start < len(self.pages):
                page = self.pages[n - self.line_start]
                if not out or out[-1][1] != page:
                    out.append((n, page))
        return tuple(out)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("lines")
        d.pop("pages")
        d["place_parents"] = list(self.place_parents)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        """The record of `to_dict`; keys an older index lacks take their defaults."""
        d = dict(d)
        d["place_parents"] = tuple(d.get("place_parents") or ())
        return cls(**d)

    @property
    def places(self) -> tuple[str, ...]:
        """The labels of its place and every place containing it (重庆市, 綦江区)."""
        return (*self.place_parents, self.district) if self.district else ()


@dataclass(frozen=True)
class TableCells:
    """One data row of a table chunk as the table was rebuilt: the table's header and the
    row's cells, column by column (the chunk's text shows it as "name | header: cell | …")."""

    header: tuple[str, ...]
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Chunk:
    chunk_id: str  # stable content hash (doc-independent for duplicates: see also_in)
    doc_id: str
    section: tuple[str, ...]  # heading path, outermost first
    kind: ChunkKind
    text: str  # what a person reads
    line_start: int
    line_end: int
    district: str | None
    title: str
    source: str
    doc_type: str = "other"
    # other places the same content stands (duplicate documents / chunks), canonical first
    also_in: tuple[SourceSpan, ...] = ()
    # where each stretch of `text` comes from in the source, in text order; () for a chunk
    # read from an index built before line maps existed (then everything maps to the span)
    line_map: tuple[LineSegment, ...] = field(default=(), repr=False)
    # the pages the chunk's lines stand on (PDF sources); None for formats without pages and
    # in an index built before pages were recorded
    page_start: int | None = None
    page_end: int | None = None
    # (first line, page) for each page the chunk's lines cross, in line order: which page a
    # quote's lines are on; () without pages
    page_lines: tuple[tuple[int, int], ...] = field(default=(), repr=False)
    # a table chunk's data rows, structured at build time (() for text chunks and in an index
    # built before rows were stored: readers then parse the text)
    rows: tuple[TableCells, ...] = field(default=(), repr=False)

    @property
    def sources(self) -> tuple[SourceSpan, ...]:
        """Every place this chunk's content stands, its own span first."""
        own = SourceSpan(self.source, self.line_start, self.line_end, self.doc_id)
        return (own, *self.also_in)

    def source_lines(self, start: int, end: int) -> tuple[int, int]:
        """The source line span (first, last) holding text[start:end]; the chunk's whole span
        when it has no line map or the range is empty or outside the text."""
        if not self.line_map or not 0 <= start < end <= len(self.text):
            return self.line_start, self.line_end
        offsets = [s.offset for s in self.line_map]
        lo = max(bisect.bisect_right(offsets, start) - 1, 0)
        hi = max(bisect.bisect_right(offsets, end - 1) - 1, 0)
        covered = self.line_map[lo : hi + 1]
        return min(s.first for s in covered), max(s.last for s in covered)

    def pages_of(self, first: int, last: int) -> tuple[int | None, int | None]:
        """The pages holding source lines first..last of this chunk: (page_start, page_end)
        of the chunk when it has no per-line pages or the lines are outside it."""
        if not self.page_lines or not self.line_start <= first <= last <= self.line_end:
            return self.page_start, self.page_end
        starts = [n for n, _ in self.page_lines]
        lo = max(bisect.bisect_right(starts, first) - 1, 0)
        hi = max(bisect.bisect_right(starts, last) - 1, 0)
        return self.page_lines[lo][1], self.page_lines[hi][1]

    def embedding_text(self) -> str:
        """The text behind a short context header (district, title, section path)."""
        header = " > ".join(p for p in (self.district or "", self.title, *self.section) if p)
        return f"{header}\n{self.text}" if header else self.text

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["section"] = list(self.section)
        d["also_in"] = [s.to_dict() for s in self.also_in]
        d["line_map"] = [list(s) for s in self.line_map]
        d["page_lines"] = [list(s) for s in self.page_lines]
        d["rows"] = [{"header": list(r.header), "cells": list(r.cells)} for r in self.rows]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Chunk:
        d = dict(d)
        d["section"] = tuple(d.get("section") or ())
        d["also_in"] = tuple(SourceSpan(**s) for s in d.get("also_in") or ())
        d["line_map"] = tuple(LineSegment(*s) for s in d.get("line_map") or ())
        d["page_lines"] = tuple((int(n), int(p)) for n, p in d.get("page_lines") or ())
        d["rows"] = tuple(
            TableCells(tuple(r["header"]), tuple(r["cells"])) for r in d.get("rows") or ()
        )
        return cls(**d)
