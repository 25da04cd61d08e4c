"""Reading source files: which files are corpus documents, and their text in whatever
encoding they were saved in (UTF-8, UTF-8 with BOM, GB18030/GBK, UTF-16 with BOM)."""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass
from pathlib import Path

from corpus.errors import UserError

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md")


class CorpusFileWarning(UserWarning):
    """A file was skipped (empty, binary, undecodable); the build goes on without it."""


@dataclass(frozen=True)
class SourceText:
    name: str  # file name, as documents and chunks cite it
    path: Path
    encoding: str
    lines: tuple[str, ...]  # line i (1-based) is lines[i - 1]
    format: str = "txt"  # txt, md, docx, pdf, html (corpus.formats.SUFFIX_FORMATS)
    # page of each line (PDF: pages[i - 1] is line i's page); () for formats without pages
    pages: tuple[int, ...] = ()
    # what the container says about the document (HTML <title>/date, .docx core properties);
    # the splitter prefers what the text itself says
    title_hint: str | None = None
    date_hint: str | None = None


def corpus_files(paths: list[Path]) -> list[Path]:
    """The .txt/.md files named by `paths` (files, or folders searched non-recursively),
    sorted by name. Other files in a folder (gazetteer.json…) are not documents."""
    found: list[Path] = []
    for p in paths:
        p = Path(p).expanduser()
        if not p.exists():
            raise UserError(f"no such file or folder: {p}")
        if p.is_dir():
            found.extend(f for f in sorted(p.iterdir()) if f.is_file() and f.suffix in SUFFIXES)
        elif p.suffix.lower() in SUFFIXES:
            found.append(p)
        else:
            _skip(p, f"not a .txt or .md file ({p.suffix or 'no suffix'})")
    return sorted(set(found), key=lambda f: (f.name, str(f)))


def _skip(path: Path, why: str) -> None:
    message = f"skipping {path.name}: {why}"
    log.warning(message)
    warnings.warn(message, CorpusFileWarning, stacklevel=3)


def _looks_binary(data: bytes) -> bool:
    # NUL bytes never occur in UTF-8/GB18030 text; control characters other than \t\n\r\f
    # in more than 1% of a sample mean this is not text either
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) // 100


def decode(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) for bytes in UTF-8 (with or without BOM) or a Chinese legacy
    encoding; None when the bytes are not text."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    encoding = best.encoding
    # charset-normalizer names GBK-family guesses gb2312/gbk/gb18030: read them all as
    # GB18030, the superset, so characters outside GB2312 (綦) decode too
    if encoding.replace("_", "").lower() in {"gb2312", "gbk", "gb18030", "hz"}:
        encoding = "gb18030"
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return str(best), encoding


def read_source(path: Path) -> SourceText | None:
    """The file's lines, or None (with a warning naming the file) when it is empty, binary
    or not decodable."""
    data = path.read_bytes()
    if not data.strip():
        _skip(path, "the file is empty")
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its BOM (Windows Notepad)
        decoded: tuple[str, str] | None = (data.decode("utf-16", errors="replace"), "utf-16")
    elif _looks_binary(data):
        _skip(path, "the file is binary, not text")
        return None
    else:
        decoded = decode(data)
    if decoded is None:
        _skip(path, "the text encoding could not be detected")
        return None
    text, encoding = decoded
    if not text.strip():
        _skip(path, "the file holds no text")
        return None
    lines = tuple(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return SourceText(path.name, path.resolve(), encoding, lines)
