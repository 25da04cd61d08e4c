"""Test support for the qa tests: a tiny deterministic index over hand-made chunks, and a
small OpenAI-compatible chat server on 127.0.0.1 with scripted replies.

The fake index exists for the pure qa logic (composition, markers, topic handling) where
the bundled model would only slow the test down; every end-to-end test uses the real
`bundled_index` fixture instead.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Self

import numpy as np
import pytest

from corpus.model import Chunk, Document, SourceSpan
from index.types import Filters, Hit

DIM = 256

REPO = Path(__file__).resolve().parent.parent
# the shared reports beside the repository, and the mark of tests that read them
EXTERNAL = REPO.parent / "shared" / "external"
NEEDS_EXTERNAL = pytest.mark.skipif(not EXTERNAL.is_dir(), reason="../shared/external absent")
# the embedding cache of the tests' small real-model indexes
TEST_CACHE = REPO / ".planqa" / "test-cache"


def _bigrams(text: str) -> list[str]:
    text = "".join(text.split())
    return [text[i : i + 2] for i in range(len(text) - 1)] or [text]


def hashed_vector(text: str) -> np.ndarray:
    """A bag of character bigrams hashed into DIM buckets (SHA-256, so runs agree)."""
    v = np.zeros(DIM, dtype=np.float32)
    for g in _bigrams(text):
        v[int.from_bytes(hashlib.sha256(g.encode()).digest()[:4], "little") % DIM] += 1.0
    n = np.linalg.norm(v)
    return v / n if n else v


def make_chunk(
    chunk_id: str,
    text: str,
    district: str = "綦江区",
    section: tuple[str, ...] = ("第一章 总体要求", "第五节 发展目标"),
    kind: str = "text",
    source: str = "000_test.txt",
    line_start: int = 10,
    also_in: tuple[SourceSpan, ...] = (),
    title: str | None = None,
) -> Chunk:
    return Chunk(
        chunk_id=chunk_id,
        doc_id=source.removesuffix(".txt"),
        section=section,
        kind=kind,  # type: ignore[arg-type]
        text=text,
        line_start=line_start,
        line_end=line_start + text.count("\n"),
        district=district,
        title=title or f"{district}科技创新发展“十四五”规划",
        source=source,
        doc_type="plan",
        also_in=also_in,
    )


@dataclass
class FakeIndex:
    """Same methods as index.Index, over a handful of chunks; search ranks by the hashed
    bigram cosine, filters applied before top-k as the real index does."""

    chunks: list[Chunk]
    documents: list[Document] = field(default_factory=list)

    def districts(self) -> list[str]:
        return sorted({c.district for c in self.chunks if c.district})

    def chunks_for(self, district: str | None = None, doc_id: str | None = None) -> list[Chunk]:
        return [
            c
            for c in self.chunks
            if (district is None or c.district == district)
            and (doc_id is None or c.doc_id == doc_id)
        ]

    def embed_query(self, text: str) -> np.ndarray:
        return hashed_vector(text)

    def embed_texts(self, texts: Iterable[str]) -> np.ndarray:
        return np.stack([hashed_vector(t) for t in texts])

    def search(
        self, query: str, k: int = 10, filters: Filters | None = None, mode: str = "hybrid"
    ) -> list[Hit]:
        pool = [
            c
            for c in self.chunks
            if filters is None or not filters.districts or c.district in filters.districts
        ]
        q = hashed_vector(query)
        scored = sorted(pool, key=lambda c: -float(hashed_vector(c.embedding_text()) @ q))
        return [
            Hit(c, float(hashed_vector(c.embedding_text()) @ q), i + 1, ("dense",))
            for i, c in enumerate(scored[:k])
        ]


# --- a scripted OpenAI-compatible chat server -----------------------------------------------


@dataclass
class Script:
    """What the server does for the next requests: `reply` text (streamed in pieces when the
    client asks for a stream), or `status` (an HTTP error), or `hang` seconds of silence."""

    reply: str = ""
    status: int = 200
    hang: float = 0.0


class ChatServer:
    def __init__(self) -> None:
        self.script = Script()
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep pytest output clean
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append(body)
                script = server.script
                if not self.path.endswith("/chat/completions"):
                    self._json(404, {"error": {"message": "not found"}})
                    return
                if script.hang:
                    time.sleep(script.hang)
                    return
                if script.status != 200:
                    self._json(script.status, {"error": {"message": "scripted failure"}})
                    return
                if body.get("stream"):
                    self._stream(script.reply, body.get("model", "stub"))
                else:
                    self._json(200, _completion(script.reply, body.get("model", "stub")))

            def _json(self, status: int, payload: dict) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, reply: str, model: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                pieces = [reply[i : i + 4] for i in range(0, len(reply), 4)]
                for piece in pieces:
                    self._event(_chunk(model, {"content": piece}, None))
                self._event(_chunk(model, {}, "stop"))
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()

            def _event(self, payload: dict) -> None:
                self.wfile.write(f"data: {json.dumps(payload)}\n\n".encode())
                self.wfile.flush()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _completion(text: str, model: str) -> dict:
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def _chunk(model: str, delta: dict, finish: str | None) -> dict:
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


_PART_HEADING = re.compile(r"^[一二三四五六七八九十]+、")


def headings_and_topics(topics, head=6):
    """An excerpt (for excerpt_index) of a document's first `head` lines, its part headings
    (一、…) and the lines naming any of `topics`."""

    def excerpt(lines: list[str]) -> str:
        opening = [x for x in lines if x.strip()][:head]
        kept = [x for x in lines if _PART_HEADING.match(x) or any(t in x for t in topics)]
        return "\n\n".join(dict.fromkeys(opening + kept)) + "\n"

    return excerpt


def excerpt_index(folder, sources, excerpt, cache_dir):
    """A real-model index of excerpts (`excerpt(lines) -> text`) of each source file, a .docx
    read paragraph by paragraph, written as .txt files into `folder`: small enough to embed in
    seconds, real enough that places, headings and wording are the documents' own."""
    import docx

    import index
    from corpus.settings import Settings

    folder.mkdir()
    for path in sources:
        if path.suffix == ".docx":
            lines = [p.text for p in docx.Document(str(path)).paragraphs]
        else:
            lines = path.read_text("utf-8").splitlines()
        (folder / f"{path.stem}.txt").write_text(excerpt(lines), encoding="utf-8")
    settings = Settings(index_dir=folder.parent / "index", cache_dir=cache_dir)
    index.build(settings, [folder], progress=False)
    return index.open(settings.index_dir, settings)


def topics_index(tmp_path_factory, name, sources, topics):
    """An excerpt_index of `sources`' openings, part headings and the lines naming any of
    `topics`, in a fresh folder `name`, embedded through the tests' cache."""
    folder = tmp_path_factory.mktemp(name) / "docs"
    return excerpt_index(folder, sources, headings_and_topics(topics), TEST_CACHE)
