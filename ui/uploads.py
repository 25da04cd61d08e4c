"""Documents uploaded through the 文档 tab: checked, named and stored before the index sees
them. Pure functions over paths and bytes (no gradio), so tests call them directly.

- The type is told from the content (`corpus.formats.sniff_format`), not the name: random bytes
  called report.pdf, or a PDF called notes.txt, are refused.
- At most MAX_DOCUMENT_BYTES per file and MAX_FILES_PER_UPLOAD files at once.
- The stored name is the upload's base name (no folder parts, no control or shell-special
  characters, no leading dot), made unique in the upload folder and among the index's
  document ids (a document's id is its file stem).
- Files are written only into settings.upload_dir, checked again after resolving.
- Nothing is unpickled or executed; the bytes are passed to corpus.load as a file.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from corpus.errors import Term, UserError
from corpus.formats import SUFFIX_FORMATS, sniff_format

# a long plan is a few MB of text; a text PDF of 300 pages about 5 MB. Gradio's own limit
# (ui.shell.launch) is above this, so this check is the one that answers, in Chinese
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
MAX_FILES_PER_UPLOAD = 20
MAX_STEM_CHARS = 80
FORMAT_NAMES = {
    "txt": "纯文本",
    "md": "Markdown",
    "docx": "Word（.docx）",
    "pdf": "PDF",
    "html": "网页（HTML）",
}
ACCEPTED = "、".join(sorted(SUFFIX_FORMATS))
TEXT_FORMATS = {"txt", "md"}

# letters and digits of any script, and . _ - ( ) （ ）; anything else becomes "_"
_UNSAFE = re.compile(r"[^\w.\-()（）]+")


@dataclass(frozen=True)
class CheckedUpload:
    name: str  # the safe file name it will be stored under (before de-duplication)
    data: bytes
    format: str


def safe_name(name: str) -> str:
    """The upload's base name made safe to store: folder parts (either slash) dropped, Unicode
    NFC, unsafe characters replaced, no leading dots, the stem shortened. The suffix must be one
    planqa reads (UserError otherwise)."""
    base = unicodedata.normalize("NFC", str(name)).replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")  # controls
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    suffix = "." + suffix.lower() if suffix else ""
    if suffix not in SUFFIX_FORMATS:
        raise UserError("upload_type", name=base or "（无名）", accepted=ACCEPTED)
    stem = _UNSAFE.sub("_", stem).strip("._ ")[:MAX_STEM_CHARS].strip("._ ")
    return (stem or "upload") + suffix


def check_upload(path: Path, name: str | None = None) -> CheckedUpload:
    """The upload at `path` (called `name` by the user) read and checked: size, then type from
    content. UserError with a Chinese message naming the file when it is refused."""
    path = Path(path)
    shown = Path(name or path.name).name
    stored = safe_name(name or path.name)
    size = path.stat().st_size
    if size == 0:
        raise UserError("upload_empty", name=shown)
    if size > MAX_DOCUMENT_BYTES:
        raise UserError(
            "upload_too_large",
            name=shown,
            size=f"{size / 1024 / 1024:.1f}",
            limit=MAX_DOCUMENT_BYTES // 1024 // 1024,
        )
    data = path.read_bytes()
    claimed = SUFFIX_FORMATS[Path(stored).suffix]
    found = sniff_format(data, Path(stored).suffix)
    if found is None:
        raise UserError("upload_unreadable", name=shown)
    # a text file may hold markup (read as text); a binary format must be what it says
    if found != claimed and not (claimed in TEXT_FORMATS and found in TEXT_FORMATS | {"html"}):
        raise UserError(
            "upload_suffix_mismatch",
            name=shown,
            claimed=Term(claimed, FORMAT_NAMES[claimed]),
            found=Term(found, FORMAT_NAMES[found]),
        )
    return CheckedUpload(stored, data, found)


def check_uploads(paths: Collection[str | Path], names: Collection[str] | None = None):
    """Every upload checked before any is stored: one bad file refuses the whole batch."""
    if not paths:
        raise UserError("upload_none")
    if len(paths) > MAX_FILES_PER_UPLOAD:
        raise UserError("upload_too_many", limit=MAX_FILES_PER_UPLOAD, got=len(paths))
    names = list(names) if names is not None else [None] * len(paths)
    return [check_upload(Path(p), n) for p, n in zip(paths, names, strict=True)]


def _confined(upload_dir: Path, name: str) -> Path:
    target = (upload_dir / name).resolve()
    if target.parent != upload_dir:
        raise UserError("upload_bad_name", name=name)
    return target


def store_upload(upload: CheckedUpload, upload_dir: Path, taken_ids: Collection[str]) -> Path:
    """Write the upload into upload_dir under a name no file there and no indexed document
    has (name-2.txt, name-3.txt, …), atomically; returns the stored path."""
    upload_dir = Path(upload_dir).expanduser().resolve()
    upload_dir.mkdir(parents=True, exist_ok=True)
    stem, suffix = Path(upload.name).stem, Path(upload.name).suffix
    n = 1
    candidate = upload.name
    while (upload_dir / candidate).exists() or Path(candidate).stem in taken_ids:
        n += 1
        candidate = f"{stem}-{n}{suffix}"
    target = _confined(upload_dir, candidate)
    fd, tmp = tempfile.mkstemp(prefix=".upload-", dir=upload_dir)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(upload.data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def is_upload(path: str | Path, upload_dir: Path) -> bool:
    """Whether `path` is a file stored by `store_upload` (directly in upload_dir)."""
    return Path(path).resolve().parent == Path(upload_dir).expanduser().resolve()


def change_error_message(exc: BaseException, stored: Collection[Path] = ()) -> str:
    """A Chinese one-liner for a UserError raised while adding uploads or removing a
    document: the catalogue's message, the upload folder's paths shown as bare file names (a
    file that gave no text says why: its skip reason's Chinese entry)."""
    if not isinstance(exc, UserError):
        return f"无法完成：{exc}"
    text = exc.message("zh")
    for path in stored:
        text = text.replace(str(path), Path(path).name)
    return text
