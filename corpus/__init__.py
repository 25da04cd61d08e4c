"""Stage 1: files -> Documents -> Chunks.

documents = corpus.load()          # the bundled corpus, or corpus.load([paths…])
chunks = corpus.chunk(documents)   # section-aware, duplicates collapsed (Chunk.also_in)
corpus.account()                   # where every non-empty source line went
corpus.quote_lines(chunk, quote)   # the source lines a quote from the chunk stands on
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from corpus import gazetteer
from corpus.chunking import chunk, document_pieces
from corpus.duplicates import link_duplicates
from corpus.formats.read import read_file
from corpus.model import Chunk, Document, LineSegment, SourceSpan
from corpus.quotes import quote_lines
from corpus.reading import CorpusFileWarning, SourceText, find_corpus_files
from corpus.settings import BUNDLED_DATA_DIR
from corpus.splitting import FileLayout, split_file
from corpus.text import normalize_for_match

__all__ = [
    "Accounting",
    "Chunk",
    "CorpusFileWarning",
    "Document",
    "LineSegment",
    "SourceSpan",
    "account",
    "chunk",
    "gazetteer",
    "load",
    "normalize_for_match",
    "quote_lines",
]


def _layouts(paths: list[Path] | None) -> list[FileLayout]:
    files = find_corpus_files(list(paths) if paths is not None else [BUNDLED_DATA_DIR])
    layouts = []
    for f in files:
        src = read_file(f)
        if src is not None:
            layouts.append(_split(src))
    return layouts


def _split(src: SourceText) -> FileLayout:
    """split_file, with the lines the reader dropped (a PDF's running headers) blanked for
    the splitter and recorded in the layout's ledger; documents carry their lines' pages."""
    if not src.dropped and not src.pages:
        return split_file(src)
    dropped = dict(src.dropped)
    visible = replace(
        src, lines=tuple("" if n in dropped else x for n, x in enumerate(src.lines, start=1))
    )
    layout = split_file(visible)
    layout.source = src
    layout.dropped.update(dropped)
    if src.pages:
        layout.documents = [
            replace(d, pages=src.pages[d.line_start - 1 : d.line_end]) for d in layout.documents
        ]
    return layout


def load(paths: list[Path] | None = None) -> list[Document]:
    """Every document in the .txt/.md/.docx/.pdf/.html files under `paths` (files, or
    folders read recursively; None = the bundled corpus), in file order, duplicates linked by
    `duplicate_of`. Empty, binary, damaged and unsupported files are skipped with a warning
    naming the file; a path that does not exist is a UserError."""
    documents = [d for layout in _layouts(paths) for d in layout.documents]
    return link_duplicates(documents)


@dataclass(frozen=True)
class Accounting:
    """Where every non-empty source line went: into a chunk, or dropped with a reason."""

    lines: int  # non-empty lines in the files read
    in_chunks: int
    dropped: dict[str, int]  # reason -> lines
    lost: tuple[tuple[str, int], ...]  # (file, line) neither chunked nor dropped: must be ()
    # (file, line) -> "chunk" or the drop reason
    fates: dict[tuple[str, int], str] = field(default_factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "lines": self.lines,
            "in_chunks": self.in_chunks,
            "dropped": dict(sorted(self.dropped.items())),
            "lost": [list(x) for x in self.lost],
        }


def account(paths: list[Path] | None = None) -> Accounting:
    """The no-loss ledger of `paths` (None = the bundled corpus)."""
    fates: dict[tuple[str, int], str] = {}
    lost: list[tuple[str, int]] = []
    total = 0
    for layout in _layouts(paths):
        src = layout.source
        for n, reason in layout.dropped.items():
            fates[(src.name, n)] = reason
        for doc in layout.documents:
            pieces, dropped_blocks = document_pieces(doc)
            for d in dropped_blocks:
                fates[(src.name, d.line)] = d.reason
            for p in pieces:
                for n in p.lines:
                    fates[(src.name, n)] = "chunk"
        for n, raw in enumerate(src.lines, start=1):
            if raw.strip():
                total += 1
                if (src.name, n) not in fates:
                    lost.append((src.name, n))
    dropped: dict[str, int] = {}
    for fate in fates.values():
        if fate != "chunk":
            dropped[fate] = dropped.get(fate, 0) + 1
    in_chunks = sum(1 for f in fates.values() if f == "chunk")
    return Accounting(total, in_chunks, dropped, tuple(lost), fates)
