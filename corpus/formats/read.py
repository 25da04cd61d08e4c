"""One entry for every format: a found file -> its SourceText, or None with a warning.

A file is read by the reader its suffix names, after checking that its content is of that
format (corpus.formats.sniff): a .pdf that is really a ZIP is skipped, not fed to the PDF
reader. A reader that fails on a damaged file gives a warning naming the file, never a
traceback, and the rest of the folder is still read.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from corpus.errors import Message, Term
from corpus.formats.sniff import SUFFIX_FORMATS, sniff_format
from corpus.reading import CorpusFile, SourceText, _skip, read_source

log = logging.getLogger(__name__)


class UnreadableFile(Exception):
    """A reader's reason for giving up on a file (no text layer…), shown to the user: `why`
    is a Message of the catalogue."""

    def __init__(self, why: Message) -> None:
        super().__init__(why.message("en"))
        self.why = why


_KIND = {
    "pdf": Term("a PDF", "PDF"),
    "docx": Term("a Word .docx file", "Word .docx 文件"),
    "html": Term("an HTML page", "网页（HTML）"),
    "txt": Term("plain text", "纯文本"),
    "md": Term("plain text", "纯文本"),
    None: Term("binary data of no supported format", "不支持的二进制数据"),
}


def _reader(fmt: str) -> Callable[[Path, bytes], SourceText]:
    if fmt == "docx":
        from corpus.formats.docx import read_docx

        return read_docx
    if fmt == "pdf":
        from corpus.formats.pdf import read_pdf

        return read_pdf
    from corpus.formats.html import read_html

    return read_html


def read_file(f: CorpusFile) -> SourceText | None:
    """The lines of `f` in the format its suffix names; None (with a CorpusFileWarning naming
    the file) when it is empty, of another format than its suffix says, or cannot be read."""
    fmt = SUFFIX_FORMATS[f.path.suffix.lower()]
    if fmt in ("txt", "md"):
        src = read_source(f.path)
        return None if src is None else replace(src, name=f.name, format=fmt, doc_stem=f.doc_stem)
    data = f.path.read_bytes()
    if not data.strip():
        _skip(f.path, Message("skip_empty"), f.name)
        return None
    found = sniff_format(data, f.path.suffix)
    # an HTML fragment without <html>/<body> sniffs as text; it is still read as HTML
    if found != fmt and not (fmt == "html" and found in ("txt", "md")):
        found_kind = _KIND[found]
        _skip(
            f.path, Message("skip_format_mismatch", suffix=f.path.suffix, found=found_kind), f.name
        )
        return None
    try:
        src = _reader(fmt)(f.path, data)
    except UnreadableFile as e:
        _skip(f.path, e.why, f.name)
        return None
    except Exception:  # any parser error on a damaged file is a skip, never a traceback
        log.debug("reading %s failed", f.path, exc_info=True)
        _skip(f.path, Message("skip_damaged", kind=_KIND[fmt]), f.name)
        return None
    if not any(line.strip() for line in src.lines):
        _skip(f.path, Message("skip_no_text"), f.name)
        return None
    return replace(src, name=f.name, doc_stem=f.doc_stem)
