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

if TYPE_CHECKING:
    from datasketch import MinHash


def _signature(doc: Document) -> tuple[MinHash, int]:
    from datasketch import MinHash  # imported here: it pulls in scipy (~0.7 s at start-up)

    text = hash_key("".join(clean_line(x) for x in doc.lines))
    m = MinHash(num_perm=NUM_PERM, seed=1)
    m.update_batch(
        [text[i : i + SHINGLE].encode("utf-8") for i in range(max(len(text) - SHINGLE + 1, 1))]
    )
    return m, len(text)


def _kept_chars(doc: Document) -> int:
    """How much text of `doc` reaches its chunks: the copy that lost less in extraction
    (000 lost 个 and 年/月 in places: 国家级科普基地1市级科普基地3…) keeps more."""
    from corpus.chunking import document_pieces

    pieces, _ = document_pieces(doc)
    return sum(len(hash_key(p.text)) for p in pieces)


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
