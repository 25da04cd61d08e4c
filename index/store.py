"""The index directory on disk, written atomically and checked on open. No pickle anywhere.

    manifest.json   format version, embedder id + dim, corpus fingerprint, counts, build time,
                    and the size and sha256 of every other file (written last)
    documents.json  Document.to_dict() per document
    chunks.json     Chunk.to_dict() per chunk; FAISS id = position in this list
    dense.faiss     faiss.write_index of an IndexIDMap2 (flat or HNSW)
    bm25/           bm25s.save (JSON + .npy, allow_pickle=False)

A build writes everything into a sibling temporary folder and renames it into place, so an
interrupted build leaves the previous index as it was.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import shutil
import socket
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from corpus.errors import UserError

FORMAT = "planqa-index"
# bump when this version's reader cannot read what an older build wrote; a field added with
# a default (Chunk.line_map: an older index loads with none, quotes cite the whole span)
# needs no bump
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DOCUMENTS = "documents.json"
CHUNKS = "chunks.json"
INDICATORS = "indicators.json"  # corpus/indicators.py, read by qa/indicators.py
DENSE = "dense.faiss"
BM25_DIR = "bm25"


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def describe_files(folder: Path) -> dict[str, dict[str, Any]]:
    """Size and sha256 of every file under `folder` except the manifest, by relative path."""
    out = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        if rel != MANIFEST:
            out[rel] = {"bytes": path.stat().st_size, "sha256": file_digest(path)}
    return out


def write_json(path: Path, data: Any) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
        f.flush()
        os.fsync(f.fileno())


def damaged(index_dir: Path, why: str) -> UserError:
    return UserError("index_damaged", index_dir=index_dir, why=why)


def _set_aside(index_dir: Path) -> list[Path]:
    return sorted(
        p / "index"
        for p in index_dir.parent.glob(f".{index_dir.name}.old-*")
        if (p / "index" / MANIFEST).is_file()
    )


def _recover_locked(index_dir: Path) -> None:
    if not index_dir.exists():
        for old in _set_aside(index_dir):
            os.rename(old, index_dir)
            shutil.rmtree(old.parent, ignore_errors=True)
            return


def _recover_interrupted_swap(index_dir: Path) -> None:
    """If a build died between moving the old index aside and moving the new one in, put the
    old one back."""
    if index_dir.exists() or not _set_aside(index_dir):
        return
    with _swap_lock(index_dir):
        _recover_locked(index_dir)


def exists(index_dir: Path) -> bool:
    index_dir = Path(index_dir)
    _recover_interrupted_swap(index_dir)
    return (index_dir / MANIFEST).is_file()


def read_manifest(index_dir: Path, verify: bool = True) -> dict[str, Any]:
    """The manifest, after checking the format and (verify=True) every file's size and hash."""
    index_dir = Path(index_dir)
    _recover_interrupted_swap(index_dir)
    manifest_path = index_dir / MANIFEST
    if not manifest_path.is_file():
        if index_dir.is_dir() and any(index_dir.iterdir()):
            raise damaged(index_dir, "manifest.json is missing")
        raise UserError("no_index_at", index_dir=index_dir)
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise damaged(index_dir, f"manifest.json unreadable: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise damaged(index_dir, "manifest.json is not a planqa index manifest")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise UserError(
            "index_format",
            index_dir=index_dir,
            found=manifest.get("format_version"),
            supported=FORMAT_VERSION,
        )
    files = manifest.get("files") or {}
    local = (manifest.get("store") or {}).get("kind", "local") == "local"  # else: Milvus
    for name in (DOCUMENTS, CHUNKS, DENSE) if local else (DOCUMENTS, CHUNKS):
        if name not in files:
            raise damaged(index_dir, f"manifest lists no {name}")
    _check_counts(index_dir, manifest)
    root = index_dir.resolve()
    for rel, info in files.items():
        path = index_dir / rel
        if not _inside(root, path):  # refuse before looking: no stat of an outside file
            raise damaged(index_dir, f"manifest lists {rel!r}, outside the index folder")
        if not path.is_file():
            raise damaged(index_dir, f"{rel} is missing")
        size = path.stat().st_size
        if size != info.get("bytes"):
            raise damaged(index_dir, f"{rel} has {size} bytes, expected {info.get('bytes')}")
        if verify and file_digest(path) != info.get("sha256"):
            raise damaged(index_dir, f"{rel} does not match its checksum")
    return manifest


def _inside(root: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _check_counts(index_dir: Path, manifest: dict[str, Any]) -> None:
    counts = manifest.get("counts")
    if not isinstance(counts, dict) or not all(
        isinstance(counts.get(k), int) for k in ("documents", "chunks")
    ):
        raise damaged(index_dir, "manifest.json has no document and chunk counts")


def has_content(index_dir: Path) -> bool:
    """True when index_dir exists as anything but an empty folder: a build must then never
    replace it silently (a damaged index is reported, not rebuilt over)."""
    index_dir = Path(index_dir)
    _recover_interrupted_swap(index_dir)
    if not index_dir.exists():
        return False
    return not index_dir.is_dir() or any(index_dir.iterdir())


def check_replaceable(index_dir: Path) -> None:
    """A build replaces index_dir wholesale: refuse when it holds anything but an index (a
    mistyped --index must never delete a user's folder)."""
    index_dir = Path(index_dir)
    if not index_dir.exists():
        return
    if not index_dir.is_dir():
        raise UserError("index_dir_is_file", index_dir=index_dir)
    ours = {MANIFEST, DOCUMENTS, CHUNKS, DENSE, BM25_DIR, INDICATORS}
    foreign = sorted(p.name for p in index_dir.iterdir() if p.name not in ours)
    if foreign:
        raise UserError(
            "index_dir_foreign",
            index_dir=index_dir,
            holds=foreign[:3],
            more=" …" if len(foreign) > 3 else "",
        )


@contextlib.contextmanager
def _swap_lock(index_dir: Path) -> Iterator[None]:
    lock_path = index_dir.parent / f".{index_dir.name}.lock"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def write_atomically(index_dir: Path, write: Callable[[Path], dict[str, Any]]) -> dict[str, Any]:
    """Call write(tmp_dir) -> manifest fields, add the file list, write the manifest last,
    then move tmp_dir to index_dir. On any failure (Ctrl-C included) the temporary folder is
    removed and index_dir is untouched. Returns the manifest."""
    index_dir = Path(index_dir)
    check_replaceable(index_dir)
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{index_dir.name}.tmp-", dir=index_dir.parent))
    try:
        manifest = dict(write(tmp))
        manifest["files"] = describe_files(tmp)
        write_json(tmp / MANIFEST, manifest)
        with _swap_lock(index_dir):
            _recover_locked(index_dir)
            check_replaceable(index_dir)
            old = None
            if index_dir.exists():
                old = Path(tempfile.mkdtemp(prefix=f".{index_dir.name}.old-", dir=index_dir.parent))
                os.rename(index_dir, old / "index")
            os.rename(tmp, index_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return manifest
    except (OSError, RuntimeError) as exc:
        # FAISS reports a failed write as RuntimeError ("fwrite … failed"): a full disk is
        # recognised by the free space left, whoever raised
        full = getattr(exc, "errno", None) == errno.ENOSPC or _nearly_full(index_dir.parent)
        shutil.rmtree(tmp, ignore_errors=True)
        if not full and not isinstance(exc, OSError):
            raise
        what = "no space left on the disk" if full else getattr(exc, "strerror", None) or exc
        raise UserError(
            "index_write_failed" if index_dir.exists() else "index_write_failed_new",
            index_dir=index_dir,
            why=what,
        ) from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < 1 << 20
    except OSError:
        return False


# ----------------------------------------------------------------------------- build lock

STALE_TEMP_SECONDS = 3600  # a temporary folder this old with no build running is debris


def _build_lock_path(index_dir: Path) -> Path:
    return index_dir.parent / f".{index_dir.name}.build.lock"


@contextlib.contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """Held for a whole build into index_dir. A second build into the same folder is refused
    at once with a UserError naming the holder (pid, host, start time), instead of both
    reporting success and one result being discarded. The lock is an flock, so a killed
    build releases it."""
    index_dir = Path(index_dir).expanduser().resolve()
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    path = _build_lock_path(index_dir)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 4096, 0).decode("utf-8", "replace").strip() or "another process"
            raise UserError("build_running", index_dir=index_dir, holder=holder) from None
        started = time.strftime("%Y-%m-%d %H:%M:%S")
        holder = f"pid {os.getpid()} on {socket.gethostname()}, started {started}"
        os.ftruncate(fd, 0)
        os.pwrite(fd, holder.encode(), 0)
        remove_stale_temp(index_dir)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # closing releases the flock


def remove_stale_temp(index_dir: Path, max_age: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Remove what killed builds left beside index_dir (.NAME.tmp-* folders, .NAME.old-*
    folders whose index is gone) when older than max_age seconds. Returns what was removed."""
    index_dir = Path(index_dir)
    if not index_dir.parent.is_dir():
        return []
    now = time.time()
    removed = []
    for debris in sorted(index_dir.parent.glob(f".{index_dir.name}.tmp-*")) + [
        p
        for p in sorted(index_dir.parent.glob(f".{index_dir.name}.old-*"))
        if not (p / "index" / MANIFEST).is_file()
    ]:
        try:
            if now - debris.stat().st_mtime < max_age:
                continue
        except OSError:
            continue
        shutil.rmtree(debris, ignore_errors=True)
        removed.append(debris)
    if removed:
        print(
            f"planqa: removed {len(removed)} temporary folder(s) left by an interrupted build",
            file=sys.stderr,
        )
    return removed


def clean_up_after_killed_builds(index_dir: Path) -> None:
    """At start-up (open, build, the UI): remove temporary folders of killed builds. Only
    folders older than STALE_TEMP_SECONDS go: a running build writes its folder within
    seconds, so an old one is nobody's."""
    remove_stale_temp(Path(index_dir).expanduser().resolve())
