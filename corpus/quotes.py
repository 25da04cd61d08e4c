"""Placing a quote from a chunk back on the source lines it stands on.

An answer quotes a sentence of a chunk, often not verbatim: trimmed to its clauses with "…"
where some were left out, list items stripped of their numbering and joined with "；", a
table row cut short. The quote is matched on a normalised copy of the chunk text that keeps
the offset of every character, in pieces when it must be, and the offsets go through
Chunk.line_map to source lines.
"""

from __future__ import annotations

from corpus.model import Chunk
from corpus.text import match_fold

MIN_PIECE = 2  # a quote matched in pieces: shorter pieces match anywhere, so they prove nothing


def fold(text: str) -> tuple[str, list[int]]:
    """The text as quote matching sees it (`match_fold` without punctuation: a quote adds or
    drops "…", "；" and list numbering), and for each of its characters the offset in `text`
    of the character it came from."""
    return match_fold(text, keep_punctuation=False)


def _split(quote: str, text: str) -> list[str] | None:
    """The quote cut into runs of `text`, left to right, each the longest run of the rest
    of the quote found after the previous one; None when some part of it is not in the text."""
    pieces: list[str] = []
    pos = q = 0
    while q < len(quote):
        size = min(MIN_PIECE, len(quote) - q)
        at = text.find(quote[q : q + size], pos)
        if at < 0:
            return None
        hi = len(quote) - q
        while size < hi:  # binary search: every prefix of a run found is found too
            mid = (size + hi + 1) // 2
            found = text.find(quote[q : q + mid], pos)
            if found >= 0:
                size, at = mid, found
            else:
                hi = mid - 1
        pieces.append(quote[q : q + size])
        pos, q = at + size, q + size
    return pieces


def _tightest(pieces: list[str], text: str) -> tuple[int, int] | None:
    """The shortest (start, end) of `text` holding the pieces in order: a trimmed quote's
    opening words ("力争到2025年…") may stand in an earlier sentence too."""
    best: tuple[int, int] | None = None
    start = text.find(pieces[0])
    while start >= 0:
        end = start + len(pieces[0])
        for piece in pieces[1:]:
            at = text.find(piece, end)
            if at < 0:
                return best  # a later start cannot complete the chain either
            end = at + len(piece)
        if best is None or end - start < best[1] - best[0]:
            best = (start, end)
        start = text.find(pieces[0], start + 1)
    return best


def quote_span(chunk: Chunk, quote: str) -> tuple[int, int] | None:
    """(start, end) offsets in chunk.text of the stretch holding `quote`, or None when it
    cannot be placed: the exact text first, then after normalisation, then in pieces."""
    quote = quote.strip()
    if not quote:
        return None
    at = chunk.text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    folded_text, offsets = fold(chunk.text)
    folded_quote, _ = fold(quote)
    if not folded_quote:
        return None
    pieces = _split(folded_quote, folded_text)
    window = _tightest(pieces, folded_text) if pieces else None
    if window is None:
        return None
    return offsets[window[0]], offsets[window[1] - 1] + 1


def quote_lines(chunk: Chunk, quote: str) -> tuple[int, int]:
    """The source line span (first, last) holding `quote` in chunk.source: the exact lines
    when the quote is found in the chunk's text and the chunk has a line map, else the
    chunk's whole span. Spans of the chunk's other copies (also_in) are not resolved."""
    span = quote_span(chunk, quote)
    if span is None:
        return chunk.line_start, chunk.line_end
    return chunk.source_lines(*span)
