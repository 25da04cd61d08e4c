"""A file's format told from its content, not its name: an upload called report.pdf that is
really a ZIP of something else, or random bytes, must not be stored or read as a PDF."""

from __future__ import annotations

import io
import re
import zipfile

# the suffixes read as documents, lower-cased, and the format each one claims
SUFFIX_FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
}

_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _is_text(data: bytes) -> bool:
    sample = data[:8192]
    if not sample.strip():
        return False
    if sample.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls <= len(sample) // 100


def sniff_format(data: bytes, suffix: str = "") -> str | None:
    """"pdf", "docx", "html", "md" or "txt" for the bytes of a supported document, else None.

    PDF and .docx are recognised by their signatures (a .docx is a ZIP holding
    word/document.xml); HTML by its opening tag; anything else that is text is "md" when
    `suffix` says so and "txt" otherwise."""
    head = data[:1024]
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if _is_docx(data) else None
    if not _is_text(data):
        return None
    probe = data[:4096].removeprefix(b"\xef\xbb\xbf")
    if _HTML_START.match(probe):
        return "html"
    return "md" if suffix.lower() == ".md" else "txt"
