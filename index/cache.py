"""Embedding cache: SQLite in WAL mode, keyed by (embedder id, sha256 of the embedded text).

Shared by every index built on this machine, so that a rebuild after no change embeds
nothing and adding a file embeds only its new chunks. WAL plus a busy timeout lets two
processes write at once; each batch is one transaction, so an interrupted build keeps what it
had already embedded."""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
import time
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from corpus.errors import UserError

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS embeddings (
    embedder TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    dim INTEGER NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (embedder, text_hash)
) WITHOUT ROWID
"""
_LOOKUP_BATCH = 500  # stays under SQLite's bound-parameter limit
_BUSY_TIMEOUT_S = 60


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class EmbeddingCache:
    """Vectors by (embedder id, text hash). One connection per instance, guarded by a lock,
    so that one Index can be used from several threads (the UI).

    A cache that cannot be used (corrupt, disk full, read-only, not a folder) is a UserError
    saying what to do when `required` (a build: it would silently re-embed everything on
    every run), and otherwise a warning, after which this instance works without a cache
    (questions: they only embed a handful of passages)."""

    FILE_NAME = "embeddings.sqlite3"

    def __init__(self, cache_dir: Path, required: bool = True) -> None:
        self.path = Path(cache_dir) / self.FILE_NAME
        self.required = required
        self.disabled = False
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = _open_with_retry(self.path)
        return self._conn

    def _failed(self, exc: Exception) -> None:
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if self.required:
            raise UserError("cache_unusable", path=self.path, why=why) from exc
        if not self.disabled:
            log.warning("embedding cache at %s unusable (%s); going on without it", self.path, why)
        self.disabled = True
        if self._conn is not None:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass
            self._conn = None

    def get_many(self, embedder_id: str, hashes: Iterable[str]) -> dict[str, np.ndarray]:
        with self._lock:
            if self.disabled:
                return {}
            try:
                return self._get_many(embedder_id, hashes)
            except (sqlite3.Error, OSError) as exc:
                self._failed(exc)
                return {}

    def put_many(self, embedder_id: str, items: Iterable[tuple[str, np.ndarray]]) -> None:
        rows = [
            (embedder_id, key, int(v.shape[0]), np.ascontiguousarray(v, np.float32).tobytes())
            for key, v in items
        ]
        with self._lock:
            if self.disabled:
                return
            try:
                conn = self._connection()
                with conn:  # one transaction per batch
                    conn.executemany(
                        "INSERT OR REPLACE INTO embeddings (embedder, text_hash, dim, vector) "
                        "VALUES (?, ?, ?, ?)",
                        rows,
                    )
            except (sqlite3.Error, OSError) as exc:
                self._failed(exc)

    def _get_many(self, embedder_id: str, hashes: Iterable[str]) -> dict[str, np.ndarray]:
        # the caller holds self._lock
        wanted = list(dict.fromkeys(hashes))
        found: dict[str, np.ndarray] = {}
        conn = self._connection()
        for start in range(0, len(wanted), _LOOKUP_BATCH):
            part = wanted[start : start + _LOOKUP_BATCH]
            marks = ",".join("?" * len(part))
            rows = conn.execute(
                f"SELECT text_hash, dim, vector FROM embeddings "
                f"WHERE embedder = ? AND text_hash IN ({marks})",
                (embedder_id, *part),
            )
            for key, dim, blob in rows:
                vector = np.frombuffer(blob, dtype=np.float32)
                if vector.shape == (dim,):  # a damaged row is simply re-embedded
                    found[key] = vector
        return found

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


def _open_with_retry(path: Path) -> sqlite3.Connection:
    """Open the cache, switching a new file to WAL. SQLite answers the journal-mode switch with
    "database is locked" at once, without calling the busy handler, when another process is
    creating the same file at that moment (seen in CI with two builds starting together), so the
    set-up is retried with backoff up to the busy timeout."""
    deadline = time.monotonic() + _BUSY_TIMEOUT_S
    delay = 0.01
    while True:
        conn = sqlite3.connect(path, timeout=_BUSY_TIMEOUT_S, check_same_thread=False)
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(_SCHEMA)
            conn.commit()
            return conn
        except sqlite3.OperationalError as error:
            conn.close()
            busy = "locked" in str(error) or "busy" in str(error)
            if not busy or time.monotonic() + delay > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)
