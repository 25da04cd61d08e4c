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


def _kept_chars(doc: Document) -> int:
    """How much text of `doc` reaches its chunks: the copy that lost less in extraction
    (000 lost 个 and 年/月 in places: 国家级科普基地1市级科普基地3…) keeps more. Counted
    over the source lines the chunks account for, once each: a sentence repeated as the
    overlap of two chunks is not more text, and where chunks are cut must not decide."""
    from corpus.chunking import document_pieces

    pieces, _ = document_pieces(doc)
    lines = set().union(*(p.lines for p in pieces))
    return sum(len(hash_key(doc.lines[n - doc.line_start])) for n in lines)


def link_duplicates(documents: list[Document]) -> list[Document]:
    """The documents, with `duplicate_of` set on every copy but one in each group of
    near-duplicates. The canonical copy is the most complete one (most text reaching its
    chunks; ties go to the earlier file)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    signatures: dict[str, MinHash] = {}
    group_of: dict[str, str] = {}  # doc_id -> first member of its group
    for doc in documents:
        sig, size = _signature(doc)
        if size < MIN_CHARS:
            continue
        matches = [k for k in lsh.query(sig) if sig.jaccard(signatures[k]) >= THRESHOLD]
        group_of[doc.doc_id] = group_of[matches[0]] if matches else doc.doc_id
        lsh.insert(doc.doc_id, sig)
        signatures[doc.doc_id] = sig
    groups: dict[str, list[Document]] = {}
    for doc in documents:
        if doc.doc_id in group_of:
            groups.setdefault(group_of[doc.doc_id], []).append(doc)
    canonical: dict[str, str] = {}
    for members in groups.values():
        if len(members) > 1:
            best = max(members, key=lambda d: (_kept_chars(d), -members.index(d)))
            canonical.update({d.doc_id: best.doc_id for d in members if d is not best})
    return [replace(d, duplicate_of=canonical.get(d.doc_id)) for d in documents]
