"""Corpus stage: how long reading, splitting and chunking take, how big the chunks are, and
how that scales with the number of files (copies of the bundled texts, renamed, so the
duplicate detection has work to do)."""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path


def _timed(fn, *args):
    t0 = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t0


def run(quick: bool = False) -> dict:
    import corpus
    from corpus.settings import BUNDLED_DATA_DIR

    documents, load_s = _timed(corpus.load)
    chunks, chunk_s = _timed(corpus.chunk, documents)
    ledger, account_s = _timed(corpus.account)
    sizes = [len(c.text) for c in chunks]
    results: dict = {
        "bundled": {
            "documents": len(documents),
            "chunks": len(chunks),
            "table_chunks": sum(c.kind == "table" for c in chunks),
            "chunks_with_also_in": sum(bool(c.also_in) for c in chunks),
            "chunk_chars": {
                "min": min(sizes),
                "median": statistics.median(sizes),
                "max": max(sizes),
            },
            "ledger": ledger.to_dict(),
            "seconds": {
                "load": round(load_s, 3),
                "chunk": round(chunk_s, 3),
                "account": round(account_s, 3),
            },
        },
        "scale": [],
    }
    sources = sorted(BUNDLED_DATA_DIR.glob("*.txt"))
    for copies in (1, 2) if quick else (1, 2, 4, 8):
        with tempfile.TemporaryDirectory() as tmp:
            for k in range(copies):
                for f in sources:
                    shutil.copy(f, Path(tmp) / f"{k:02d}_{f.name}")
            docs, load_s = _timed(corpus.load, [Path(tmp)])
            chs, chunk_s = _timed(corpus.chunk, docs)
        results["scale"].append(
            {
                "files": copies * len(sources),
                "documents": len(docs),
                "duplicates": sum(d.duplicate_of is not None for d in docs),
                "chunks": len(chs),
                "load_seconds": round(load_s, 3),
                "chunk_seconds": round(chunk_s, 3),
            }
        )
    return results


def markdown(results: dict) -> str:
    b = results["bundled"]
    lines = [
        "# Corpus stage",
        "",
        (
            f"Bundled corpus: {b['documents']} documents, {b['chunks']} chunks "
            f"({b['table_chunks']} table, {b['chunks_with_also_in']} with other places in also_in); "
            f"chunk length min/median/max {b['chunk_chars']['min']}/{b['chunk_chars']['median']}/"
            f"{b['chunk_chars']['max']} characters."
        ),
        (
            f"Load {b['seconds']['load']} s, chunk {b['seconds']['chunk']} s, "
            f"ledger {b['seconds']['account']} s. Ledger: {b['ledger']}."
        ),
        "",
        "| files | documents | duplicates | chunks | load s | chunk s |",
        "|---|---|---|---|---|---|",
    ]
    for r in results["scale"]:
        lines.append(
            f"| {r['files']} | {r['documents']} | {r['duplicates']} | {r['chunks']} | "
            f"{r['load_seconds']} | {r['chunk_seconds']} |"
        )
    return "\n".join(lines) + "\n"
