"""Duplicate documents: the same text published twice (the Qijiang plan on the district's
website, 000, and again in its gazette, 003). Near-duplicates, not byte copies: the copies
differ in width, spacing, page breaks and markdown, so they are compared by MinHash of
character shingles of the normalised text."""

from __future__ import annotations

from dataclasses import replace

from datasketch import MinHash, MinHashLSH

from corpus.model import Document
from corpus.text import clean_line, hash_key

SHINGLE = 5
THRESHOLD = 0.7  # estimated Jaccard similarity above which two documents are copies
MIN_CHARS = 300  # short notices share boilerplate; never call them copies
NUM_PERM = 128


def _signature(doc: Document) -> tuple[MinHash, int]:
    text = hash_key("".join(clean_line(x) for x in doc.lines))
    m = MinHash(num_perm=NUM_PERM, seed=1)
    for i in range(max(len(text) - SHINGLE + 1, 1)):
        m.update(text[i : i + SHINGLE].encode("utf-8"))
    return m, len(text)


def link_duplicates(documents: list[Document]) -> list[Document]:
    """The documents with `duplicate_of` set on every copy after the first (in the given
    order, which is file-name order, so the stand-alone publication wins over the gazette)."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    signatures: dict[str, MinHash] = {}
    out: list[Document] = []
    for doc in documents:
        sig, size = _signature(doc)
        if size < MIN_CHARS:
            out.append(doc)
            continue
        matches = [k for k in lsh.query(sig) if sig.jaccard(signatures[k]) >= THRESHOLD]
        if matches:
            canonical = min(matches, key=lambda k: [d.doc_id for d in out].index(k))
            out.append(replace(doc, duplicate_of=canonical))
            continue
        lsh.insert(doc.doc_id, sig)
        signatures[doc.doc_id] = sig
        out.append(doc)
    return out
