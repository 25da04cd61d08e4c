"""A passage read on past its end, into the passages that follow it in its document: a list
or a definition's run of clauses may be cut by the passage's end."""

from __future__ import annotations

from typing import Any

OVERLAP_MAX = 400  # characters the next passage may repeat of the one before it
RUN_MAX = 400  # characters a definition's run of clauses may run on into the next passage


def continued(chunk: Any, index: Any, limit: int = 1500) -> tuple[str, list[Any]]:
    """The chunk's text followed by what follows it in its document (the next chunks, their
    overlap with it removed): a list may run past the end of the passage that announces it."""
    text, read = chunk.text, [chunk]
    if index is None or not hasattr(index, "chunks_for"):
        return text, read
    same = [c for c in index.chunks_for(doc_id=chunk.doc_id) if c.source == chunk.source]
    ids = [c.chunk_id for c in same]
    if chunk.chunk_id not in ids:
        return text, read
    last = chunk
    for nxt in same[ids.index(chunk.chunk_id) + 1 :]:
        if len(text) >= len(chunk.text) + limit:
            break
        overlap = overlap_of(text, nxt.text)
        # a section that begins is announced by its heading ("（一）坚定工业强市战略"): the
        # headings of a list of sections are its items
        opened = [
            h
            for k, h in enumerate(nxt.section)
            if tuple(last.section[: k + 1]) != tuple(nxt.section[: k + 1])
        ]
        if opened:
            text += "\n" + "\n".join(opened) + "\n" + nxt.text
        elif overlap:
            text += nxt.text[overlap:]
        else:
            text += ("" if nxt.line_start == last.line_end else "\n") + nxt.text
        last = nxt
        read.append(nxt)
    return text, read


def overlap_of(text: str, following: str) -> int:
    """How many characters `following` (the next passage) opens with that `text` ends with."""
    top = min(len(following), OVERLAP_MAX)
    return next((k for k in range(top, 4, -1) if text.endswith(following[:k])), 0)


def lines_run_on(chunk: Any, index: Any) -> list[str]:
    """The chunk's lines, its last one continued into the next passage (a definition's run of
    clauses may be cut by the passage's end); lines of the next passage are not its own."""
    lines = chunk.text.splitlines()
    if lines:
        text = continued(chunk, index, RUN_MAX)[0]
        lines[-1] = text[len(chunk.text) - len(lines[-1]) :].split("\n")[0]
    return lines
