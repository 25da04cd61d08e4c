"""Reading source files: which files are corpus documents, and their text in whatever
encoding they were saved in (UTF-8, UTF-8 with BOM, GB18030/GBK, UTF-16 with BOM)."""

from __future__ import annotations

import errno
import logging
import os
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path

from corpus.errors import UserError

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md")
# per-file limit: memory while reading is bounded by a small multiple of the file
# (benchmarks/results/memory.md); a plan document is at most a few MB of text
MAX_FILE_BYTES = 64 * 1024 * 1024
# a text decodes as UTF-8 with U+FFFD for its invalid bytes when they are at most this share
# of it (a damaged byte or two); more means another encoding
MAX_REPLACED_SHARE = 0.001


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
        check_named_path(p)
        if p.is_dir():
            found.extend(f for f in sorted(p.iterdir()) if f.is_file() and f.suffix in SUFFIXES)
        elif p.suffix.lower() in SUFFIXES:
            found.append(p)
        else:
            _skip(p, f"not a .txt or .md file ({p.suffix or 'no suffix'})")
    return sorted(set(found), key=lambda f: (f.name, str(f)))


def check_named_path(path: Path) -> None:
    """A path the user named must be an existing, readable regular file or folder: a symlink
    loop, a FIFO or device (reading one would hang), or a folder that cannot be listed is a
    UserError saying so, before anything is read."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UserError(f"{path} is a symbolic link loop") from None
        if exc.errno == errno.EACCES:
            raise UserError(f"permission denied: {path}") from None
        raise UserError(f"no such file or folder: {path}") from None
    except RuntimeError:  # pathlib's "Symlink loop" on older Pythons
        raise UserError(f"{path} is a symbolic link loop") from None
    if stat.S_ISDIR(mode):
        if not os.access(path, os.R_OK | os.X_OK):
            raise UserError(f"permission denied: cannot list the folder {path}")
    elif not stat.S_ISREG(mode):
        kind = "a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "not a regular file"
        raise UserError(f"{path} is {kind}: name a text file or a folder")


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


def _read_bounded(path: Path) -> bytes | None:
    """The file's bytes, or None (with a warning) when it cannot be read or is above
    MAX_FILE_BYTES: one bad file skips itself, not the whole folder's build."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            _skip(
                path,
                f"the file is {size / 2**20:.0f} MB, above the {MAX_FILE_BYTES // 2**20} MB "
                "per-file limit; split it into smaller files",
            )
            return None
        return path.read_bytes()
    except OSError as exc:
        _skip(path, f"the file cannot be read ({exc.strerror or type(exc).__name__})")
        return None


def _decode_replacing(data: bytes, encoding: str) -> tuple[str, int, int] | None:
    """(text, bytes replaced, line of the first) for `encoding` text with a few invalid
    bytes (at least one), decoded with U+FFFD in their place; None when the bytes are valid
    or when too many are invalid for `encoding` to be the file's encoding."""
    text = data.decode(encoding, errors="replace")
    replaced = text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")
    if replaced < 1 or replaced > max(1, int(len(data) * MAX_REPLACED_SHARE)):
        return None
    line = text.count("\n", 0, text.find("\ufffd")) + 1
    return text, replaced, line


def _decode_damaged(path: Path, data: bytes, encoding: str) -> tuple[str, str] | None:
    """(text, encoding) when `data` is `encoding` text with a few invalid bytes, with a
    warning giving their count and the first one's line; else None."""
    decoded = _decode_replacing(data, encoding)
    if decoded is None:
        return None
    text, count, line = decoded
    message = (
        f"{path.name}: {count} invalid byte(s) in {encoding} text replaced by U+FFFD "
        f"(first on line {line}); the rest of the text is kept"
    )
    log.warning(message)
    warnings.warn(message, CorpusFileWarning, stacklevel=3)
    return text, encoding


def read_source(path: Path) -> SourceText | None:
    """The file's lines, or None (with a warning naming the file) when it is empty, binary,
    unreadable, too large or not decodable. A few invalid bytes are decoded as U+FFFD with a
    warning giving their count and the first one's line: the rest of the text is kept."""
    data = _read_bounded(path)
    if data is None:
        return None
    if not data.strip():
        _skip(path, "the file is empty")
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its BOM (Windows Notepad)
        decoded: tuple[str, str] | None = (data.decode("utf-16", errors="replace"), "utf-16")
    elif _looks_binary(data):
        _skip(path, "the file is binary, not text")
        return None
    else:
        decoded = _decode_damaged(path, data, "utf-8") or decode(data)
    if decoded is None:
        decoded = _decode_damaged(path, data, "gb18030")
    if decoded is None:
        _skip(path, "the text encoding could not be detected")
        return None
    text, encoding = decoded
    if not text.strip():
        _skip(path, "the file holds no text")
        return None
    lines = tuple(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return SourceText(path.name, path.resolve(), encoding, lines)
