"""Reading source files: which files are corpus documents (folders are searched
recursively), the name each one is cited by, and the text of .txt/.md files in whatever
encoding they were saved in (UTF-8, UTF-8 with BOM, GB18030/GBK, UTF-16 with BOM). The other
formats are read by corpus.formats."""

from __future__ import annotations

import errno
import logging
import os
import stat
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from corpus.errors import FileNotice, Message, Term, UserError
from corpus.formats.sniff import SUFFIX_FORMATS
from corpus.settings import BUNDLED_DATA_DIR

log = logging.getLogger(__name__)

SUFFIXES = tuple(SUFFIX_FORMATS)  # matched case-insensitively
# per-file limit: memory while reading is bounded by a small multiple of the file
# (benchmarks/results/memory.md); a plan document is at most a few MB of text
MAX_FILE_BYTES = 64 * 1024 * 1024
# a text decodes as UTF-8 with U+FFFD for its invalid bytes when they are at most this share
# of it (a damaged byte or two); more means another encoding
MAX_REPLACED_SHARE = 0.001


class CorpusFileWarning(UserWarning):
    """A file was skipped (empty, binary, undecodable; the build goes on without it) or read
    with repairs. `notice` holds the file's name and the coded reason; the warning's text is
    its English rendering."""

    def __init__(self, notice: FileNotice) -> None:
        super().__init__(notice.message("en"))
        self.notice = notice


@contextmanager
def file_notices_to(report: Callable[[FileNotice], None]) -> Iterator[None]:
    """Within the block, every CorpusFileWarning goes to `report` as its FileNotice (an edge
    renders it in its language, as it renders a UserError) instead of Python's warning
    printer; other warnings are shown as usual. Restores the warning machinery after."""
    with warnings.catch_warnings():
        warnings.simplefilter("always", CorpusFileWarning)
        shown = warnings.showwarning

        def show(message, category, filename, lineno, file=None, line=None):
            if isinstance(message, CorpusFileWarning):
                report(message.notice)
            else:
                shown(message, category, filename, lineno, file, line)

        warnings.showwarning = show
        yield


@dataclass(frozen=True)
class SourceText:
    name: str  # path relative to the folder read (posix), as documents and chunks cite it
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
    # what the file's doc_id starts from: `name` without its suffix, unless that would clash
    # with another file's ("" = work it out from `name`)
    doc_stem: str = ""
    # lines the reader knows carry no content (a PDF's running headers and page numbers):
    # line number -> reason; they stay in `lines` so the ledger accounts for them
    dropped: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class CorpusFile:
    """A document file found under the paths a user named, and the name it is cited by."""

    path: Path
    name: str  # posix path relative to the folder named; a file named directly: its name
    doc_stem: str  # `name` without the suffix, or with it when two files would clash


def corpus_files(paths: list[Path]) -> list[Path]:
    """The document files named by `paths` (see find_corpus_files)."""
    return [f.path for f in find_corpus_files(paths)]


def find_corpus_files(paths: list[Path]) -> list[CorpusFile]:
    """The .txt/.md/.docx/.pdf/.html files named by `paths`: files, or folders searched
    recursively, sorted by name. Suffixes match in any case (REPORT.TXT). Hidden files and
    folders (.git, .DS_Store) and files of other types are skipped with a warning naming them
    (except in the bundled folder, which holds its gazetteer.json beside the documents)."""
    found: dict[Path, str] = {}  # resolved path -> name
    for p in paths:
        p = Path(p).expanduser()
        check_named_path(p)
        if p.is_dir():
            report = p.resolve() != BUNDLED_DATA_DIR.resolve()
            for f in _walk(p, p, report, set()):
                found.setdefault(f.resolve(), f.relative_to(p).as_posix())
        elif p.suffix.lower() in SUFFIXES:
            found.setdefault(p.resolve(), p.name)
        else:
            _skip(p, _unsupported(p))
    _disambiguate(found)
    entries = sorted(found.items(), key=lambda x: (x[1], str(x[0])))
    stems: dict[str, int] = {}
    for _, name in entries:
        stem = _stem(name)
        stems[stem] = stems.get(stem, 0) + 1
    return [
        CorpusFile(path, name, _stem(name) if stems[_stem(name)] == 1 else name)
        for path, name in entries
    ]


def check_named_path(path: Path) -> None:
    """A path the user named must be an existing, readable regular file or folder: a symlink
    loop, a FIFO or device (reading one would hang), or a folder that cannot be listed is a
    UserError saying so, before anything is read."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UserError("path_link_loop", path=path) from None
        if exc.errno == errno.EACCES:
            raise UserError("path_permission", path=path) from None
        raise UserError("path_missing", path=path) from None
    except RuntimeError:  # pathlib's "Symlink loop" on older Pythons
        raise UserError("path_link_loop", path=path) from None
    if stat.S_ISDIR(mode):
        if not os.access(path, os.R_OK | os.X_OK):
            raise UserError("folder_unlistable", path=path)
    elif not stat.S_ISREG(mode):
        kind = "a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "not a regular file"
        raise UserError("path_not_regular", path=path, kind=kind)


def _disambiguate(found: dict[Path, str]) -> None:
    """Files named alike from different paths (a/三亚.txt and b/三亚.txt, both named directly
    or in two folders named) are named by their paths below the folder they share."""
    by_name: dict[str, list[Path]] = {}
    for path, name in found.items():
        by_name.setdefault(name, []).append(path)
    for paths in by_name.values():
        if len(paths) > 1:
            common = Path(os.path.commonpath(paths))
            for path in paths:
                found[path] = path.relative_to(common).as_posix()


def _stem(name: str) -> str:
    suffix = Path(name).suffix
    return name[: -len(suffix)] if suffix else name


def _walk(folder: Path, root: Path, report: bool, seen: set[Path]) -> list[Path]:
    if folder.resolve() in seen:  # a symlink loop
        return []
    seen.add(folder.resolve())
    out: list[Path] = []
    for f in sorted(folder.iterdir()):
        rel = f.relative_to(root).as_posix()
        if f.name.startswith("."):
            if report:
                _skip(f, Message("skip_hidden_folder" if f.is_dir() else "skip_hidden_file"), rel)
        elif f.is_dir():
            out.extend(_walk(f, root, report, seen))
        elif f.suffix.lower() in SUFFIXES:
            out.append(f)
        elif report and f.is_file():
            _skip(f, _unsupported(f), rel)
    return out


def _unsupported(path: Path) -> Message:
    return Message("skip_unsupported_type", suffix=path.suffix or Term("no suffix", "无扩展名"))


def _skip(path: Path, why: Message, name: str | None = None) -> None:
    """Warn that the file is left out, and why (a CorpusFileWarning carrying a FileNotice:
    the edges render it, as they render a UserError)."""
    notice = FileNotice(name or path.name, why)
    log.debug("%s", notice.message("en"))
    warnings.warn(CorpusFileWarning(notice), stacklevel=3)


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
            limit = MAX_FILE_BYTES // 2**20
            _skip(path, Message("skip_too_large", size=f"{size / 2**20:.0f}", limit=limit))
            return None
        return path.read_bytes()
    except OSError as exc:
        _skip(path, Message("skip_unreadable", why=exc.strerror or type(exc).__name__))
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
    why = Message("bytes_replaced", count=count, encoding=encoding, line=line)
    notice = FileNotice(path.name, why, skipped=False)
    log.debug("%s", notice.message("en"))
    warnings.warn(CorpusFileWarning(notice), stacklevel=3)
    return text, encoding


def read_source(path: Path) -> SourceText | None:
    """The file's lines, or None (with a warning naming the file) when it is empty, binary,
    unreadable, too large or not decodable. A few invalid bytes are decoded as U+FFFD with a
    warning giving their count and the first one's line: the rest of the text is kept."""
    data = _read_bounded(path)
    if data is None:
        return None
    if not data.strip():
        _skip(path, Message("skip_empty"))
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its BOM (Windows Notepad)
        decoded: tuple[str, str] | None = (data.decode("utf-16", errors="replace"), "utf-16")
    elif _looks_binary(data):
        _skip(path, Message("skip_binary"))
        return None
    else:
        decoded = _decode_damaged(path, data, "utf-8") or decode(data)
    if decoded is None:
        decoded = _decode_damaged(path, data, "gb18030")
    if decoded is None:
        _skip(path, Message("skip_encoding_unknown"))
        return None
    text, encoding = decoded
    if not text.strip():
        _skip(path, Message("skip_no_text"))
        return None
    lines = tuple(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return SourceText(path.name, path.resolve(), encoding, lines)
