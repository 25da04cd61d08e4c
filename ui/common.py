"""What the tabs share: the index every request uses (SharedIndex), the request limits,
labels, highlighting and the small HTML pieces (messages, source lines).

Pure functions (plain data in, HTML out) except `frame`/`in_given_order`, which import pandas
and gradio when called.
"""

import html
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from corpus.attribution import genre_labels
from corpus.errors import FileNotice
from corpus.model import Chunk, Document, SourceSpan
from corpus.settings import Settings
from corpus.text import match_fold, match_key
from qa.types import page_label

# questions and district reports running at once (all such events share this limit): the
# machine has few cores and every request embeds text; more would only make each one slower
CONCURRENCY_LIMIT = 2
# gradio limits concurrency per event; one id makes every event that searches the index
# share a single limit, so asking and district reports together stay at it
INDEX_WORK = {"concurrency_id": "index-work", "concurrency_limit": CONCURRENCY_LIMIT}
SNIPPET_CHARS = 60

# the types of corpus/data/genres.json plus the gazette's own
DOC_TYPE_NAMES = {
    **genre_labels(),
    "commentary": "评论",
    "news": "新闻",
    "front_matter": "公报目录页",
    "other": "其他",
}


def error_html(message: str) -> str:
    return f'<div class="pq-message pq-error" role="alert">⚠️ {html.escape(message)}</div>'


def info_html(message: str) -> str:
    return f'<div class="pq-message pq-info">{html.escape(message)}</div>'


# ----------------------------------------------------------------------------- highlighting


def highlight(text: str, terms: Iterable[str]) -> str:
    """`text` HTML-escaped, with every occurrence of the terms wrapped in <mark>. Longer
    terms win where terms overlap; matching is corpus.text.match_key's (ＡＩ = ai, 研发 投入 =
    研发投入)."""
    keys = sorted({match_key(t) for t in terms if t and t.strip()} - {""}, key=len, reverse=True)
    if not keys:
        return html.escape(text)
    # the corpus's one match key (width, case, brackets, spaces), with the offset in `text`
    # of every character of the key, so a match is marked on the text as shown
    key, offsets = match_fold(text)
    marked = [False] * len(text)
    for k in keys:
        start = key.find(k)
        while start != -1:
            for i in range(offsets[start], offsets[start + len(k) - 1] + 1):
                marked[i] = True
            start = key.find(k, start + len(k))
    out: list[str] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and marked[j] == marked[i]:
            j += 1
        piece = html.escape(text[i:j])
        out.append(f"<mark>{piece}</mark>" if marked[i] else piece)
        i = j
    return "".join(out)


def span_text(
    source: str,
    line_start: int,
    line_end: int,
    page_start: int | None = None,
    page_end: int | None = None,
) -> str:
    """file · 第 41–43 行, or file.pdf 第3页 · 第 41–43 行 for a passage of a PDF."""
    lines = f"第 {line_start} 行" if line_start == line_end else f"第 {line_start}–{line_end} 行"
    page = page_label(page_start, page_end)
    return f"{source} {page} · {lines}" if page else f"{source} · {lines}"


def open_in_document_html(doc_id: str, line_start: int, line_end: int) -> str:
    """The link under a citation that opens its document in the 文档 tab at these lines (a
    listener on the page, ui.documents.CITATION_LINKS_JS, acts on it)."""
    return (
        f'<a class="pq-open-doc" href="#pq-doc-view" data-doc="{html.escape(doc_id, quote=True)}"'
        f' data-lines="{line_start}-{line_end}">在文档中查看</a>'
    )


def section_path(section: Sequence[str]) -> str:
    return " › ".join(section)


def also_in_html(spans: Sequence[SourceSpan]) -> str:
    if not spans:
        return ""
    items = "；".join(html.escape(span_text(s.source, s.line_start, s.line_end)) for s in spans)
    return f'<div class="pq-also">另见：{items}</div>'


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def frame(rows: list[dict[str, Any]]):
    import pandas as pd

    return pd.DataFrame(rows)


def in_given_order(data, x: str):
    """A chart's update with its bars in the rows' order (gradio sorts x alphabetically)."""
    import gradio as gr

    return gr.update(value=data, sort=list(data[x]) if len(data) else None)


# ----------------------------------------------------------------------------- the index


def chunk_counts(documents: Sequence[Document], chunks: Sequence[Chunk]) -> dict[str, int]:
    """Chunks each document holds, counting a shared (duplicate) chunk in every copy."""
    counts = {d.doc_id: 0 for d in documents}
    for c in chunks:
        for doc_id in {s.doc_id for s in c.sources}:
            if doc_id in counts:
                counts[doc_id] += 1
    return counts


class SharedIndex:
    """The index for one Settings: opened (or built) on first use, then shared by every
    request in the process. The lock makes concurrent first requests wait for one build
    instead of starting several."""

    def __init__(self, settings: Settings, opened: Any = None) -> None:
        self.settings = settings
        self._index = opened
        self._lock = threading.Lock()
        self._chunks_by_id: dict[str, Chunk] | None = None
        self._counts: dict[str, int] | None = None
        self._cached_for: Any = None  # the index the caches were made from
        self._counted_for: Any = None
        self._change_lock = threading.Lock()
        # what reading said about files while this process built the index (skipped ones)
        self.notices: tuple[FileNotice, ...] = ()

    @property
    def loaded(self) -> bool:
        return self._index is not None

    def get(self) -> Any:
        if self._index is None:
            with self._lock:
                if self._index is None:
                    import index
                    from corpus.reading import file_notices_to

                    notices: list[FileNotice] = []
                    with file_notices_to(notices.append):
                        self._index = index.open_or_build(self.settings, progress=True)
                    self.notices = tuple(notices)
        return self._index

    def chunks_by_id(self) -> dict[str, Chunk]:
        idx = self.get()
        cached = self._chunks_by_id
        if cached is None or self._cached_for is not idx:
            cached = {c.chunk_id: c for c in idx.chunks}
            self._chunks_by_id, self._cached_for = cached, idx
        return cached

    def chunk_counts(self) -> dict[str, int]:
        idx = self.get()
        counts = self._counts
        if counts is None or self._counted_for is not idx:
            counts = chunk_counts(idx.documents, idx.chunks)
            self._counts, self._counted_for = counts, idx
        return counts

    # -- changes (uploads, deletions): one at a time, the old index serving meanwhile

    @property
    def changing(self) -> threading.Lock:
        """Held while documents are added or removed: changes run one after another."""
        return self._change_lock

    def replace(self, opened: Any) -> None:
        """Serve `opened` from now on. Requests already running finish on the index they
        started with; the caches above follow the new one."""
        with self._lock:
            self._index = opened


_SHARED: dict[tuple[str, str], SharedIndex] = {}
_SHARED_LOCK = threading.Lock()


def shared_index(settings: Settings, opened: Any = None) -> SharedIndex:
    """The process-wide SharedIndex for these settings' index (one per index dir and
    embedder). `opened`: an Index already in hand (tests pass the session's)."""
    key = (str(Path(settings.index_dir).expanduser().resolve()), settings.embedder)
    with _SHARED_LOCK:
        holder = _SHARED.get(key)
        if holder is None:
            holder = _SHARED[key] = SharedIndex(settings, opened)
        elif opened is not None and not holder.loaded:
            holder._index = opened
        return holder
