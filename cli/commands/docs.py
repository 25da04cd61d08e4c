"""`planqa docs [--json] [--chunks DOC_ID] [--ledger] [PATH…]`: the documents and their
metadata, one document's chunks with their section paths (to inspect the chunking), or the
no-loss ledger (where every source line went). Without PATHs: the files the index records
(after `planqa add`/`remove`), else the data dir."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def add_arguments(parser) -> None:
    parser.add_argument(
        "--chunks",
        metavar="DOC_ID",
        default=None,
        help="print this document's chunks with their section paths",
    )
    parser.add_argument(
        "--ledger",
        action="store_true",
        help="where every non-empty source line went: into a chunk, or dropped and why",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="files or folders to read (default: the data dir, the bundled corpus)",
    )


def _documents_and_chunks(args, settings):
    """Straight from the files the index is built from (PATHs, else the data dir): listing
    documents and chunks needs no embedding, so this never waits for a build."""
    import corpus
    from corpus.errors import UserError

    paths = list(args.paths) if args.paths else [Path(settings.data_dir)]
    documents = corpus.load(paths)
    if not documents:
        raise UserError("no_documents_found", paths=[str(p) for p in paths])
    return documents, corpus.chunk(documents)


def _print_ledger(args, settings) -> int:
    import corpus

    ledger = corpus.account(list(args.paths) if args.paths else [Path(settings.data_dir)])
    if args.json:
        print(json.dumps(ledger.to_dict(), ensure_ascii=False))
        return 0
    print(f"{ledger.lines} non-empty source lines: {ledger.in_chunks} in chunks")
    for reason, n in sorted(ledger.dropped.items(), key=lambda kv: -kv[1]):
        print(f"  dropped {n:>4}  {reason}")
    if ledger.lost:
        print(f"  LOST {len(ledger.lost)}: " + ", ".join(f"{s}:{n}" for s, n in ledger.lost[:20]))
    return 0


def run(args, settings) -> int:
    try:
        return _run(args, settings)
    except BrokenPipeError:  # `planqa docs --chunks … | head`: the reader has gone, fine
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - so the exit flush is silent
        return 0


def _run(args, settings) -> int:
    from corpus.errors import UserError

    if args.ledger:
        return _print_ledger(_with_recorded_inputs(args, settings), settings)
    documents, chunks = _indexed(args, settings) or _documents_and_chunks(args, settings)
    per_doc: dict[str, int] = {}
    for c in chunks:
        per_doc[c.doc_id] = per_doc.get(c.doc_id, 0) + 1
        for span in c.also_in:
            if span.doc_id != c.doc_id:
                per_doc[span.doc_id] = per_doc.get(span.doc_id, 0) + 1
    if args.chunks:
        wanted = args.chunks
        if wanted not in {d.doc_id for d in documents}:
            known = ", ".join(d.doc_id for d in documents)
            raise UserError("unknown_document", doc_id=wanted, known=known)
        mine = [
            c for c in chunks if c.doc_id == wanted or any(s.doc_id == wanted for s in c.also_in)
        ]
        if args.json:
            json.dump(
                {"doc_id": wanted, "chunks": [c.to_dict() for c in mine]},
                sys.stdout,
                ensure_ascii=False,
                indent=1,
            )
            print()
            return 0
        for i, c in enumerate(mine, start=1):
            span = next((s for s in c.sources if s.doc_id == wanted), c.sources[0])
            path = " > ".join(c.section) or "(no section: document head or closing)"
            pages = ""
            if span == c.sources[0] and c.page_start is not None:
                pages = f"page {c.page_start}" + (
                    f"-{c.page_end}" if c.page_end != c.page_start else ""
                )
                pages = f" · {pages}"
            print(f"[{i}] {c.kind}{pages} · lines {span.line_start}-{span.line_end} · {c.chunk_id}")
            print(f"    § {path}")
            others = [s for s in c.sources if s.doc_id != wanted]
            if others:
                print(
                    "    also in: "
                    + "; ".join(f"{s.doc_id} lines {s.line_start}-{s.line_end}" for s in others)
                )
            for line in c.text.splitlines():
                print(f"    {line}")
            print()
        return 0
    rows = []
    for d in documents:
        row = d.to_dict()
        row["chunks"] = per_doc.get(d.doc_id, 0)
        rows.append(row)
    if args.json:
        json.dump({"documents": rows}, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for r in rows:
        dup = f"  (copy of {r['duplicate_of']})" if r["duplicate_of"] else ""
        print(
            f"{r['doc_id']}  [{r['doc_type']}]  {r['district'] or '-'}  {r['chunks']} chunks{dup}"
        )
        print(f"    {r['title']}")
        meta = [x for x in (r["issuer"], r["doc_number"], r["date"]) if x]
        if meta:
            print("    " + " · ".join(meta))
    return 0


# ----------------------------------------------------------------------------- the index's sources


def _recorded_sources(settings):
    """The sources the index records (after `planqa add`/`remove`), or None without an index."""
    from index import store
    from index.sources import recorded_sources

    index_dir = Path(settings.index_dir).expanduser()
    return recorded_sources(index_dir) if store.exists(index_dir) else None


def _indexed(args, settings):
    """(documents, chunks) read from the index's recorded sources, removed documents left out;
    None when PATHs were given or there is no index."""
    from index.sources import assemble

    sources = None if args.paths else _recorded_sources(settings)
    if sources is None:
        return None
    assembled = assemble(sources.inputs, sources.removed)
    return assembled.documents, assembled.chunks


def _with_recorded_inputs(args, settings):
    """args with PATHs set to the index's recorded inputs when none were given."""
    from index.sources import input_path

    sources = None if args.paths else _recorded_sources(settings)
    if sources is not None:
        args.paths = [input_path(i) for i in sources.inputs]
    return args
