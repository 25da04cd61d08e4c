"""Duplicate documents: the same text published twice (the Qijiang plan on the district's
website, 000, and again in its gazette, 003). Near-duplicates, not byte copies: the copies
differ in width, spacing, page breaks and markdown, so they are compared by MinHash of
character shingles of the normalised text."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from corpus.model import Document
from corpus.text import clean_line, hash_key

SHINGLE = 5
THRESHOLD = 0.7  # estimated Jaccard similarity above which two documents are copies
MIN_CHARS = 300  # short notices share boilerplate; never call them copies
NUM_PERM = 128
# shingles hashed per MinHash.update_batch call: it builds a (batch x NUM_PERM) uint64 array,
# so feeding a whole 4 MB file at once took 2 GB; 4096 keep it at 4 MB whatever the file size
SHINGLE_BATCH = 4096

if TYPE_CHECKING:
    from datasketch import MinHash


def _signature(doc: Document) -> tuple[MinHash, int]:
    from datasketch import MinHash  # imported here: it pulls in scipy (~0.7 s at start-up)

    text = hash_key("".join(clean_line(x) for x in doc.lines))
    m = MinHash(num_perm=NUM_PERM, seed=1)
    for batch in _shingle_batches(text):
        m.update_batch(batch)
    return m, len(text)


def _shingle_batches(text: str):
    """The text's shingles as UTF-8, in batches of at most SHINGLE_BATCH distinct ones. A
    MinHash is the same whatever the order or repetition of its inputs, so repeats are dropped
    within a batch (repeated phrases are common in plans) but not remembered across batches:
    memory stays bounded by the batch, not the file."""
    n = max(len(text) - SHINGLE + 1, 1)
    for start in range(0, n, SHINGLE_BATCH):
        shingles = {text[i : i + SHINGLE] for i in range(start, min(start + SHINGLE_BATCH, n))}
        yield [s.encode("utf-8") for s in shingles]
