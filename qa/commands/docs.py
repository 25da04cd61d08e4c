"""`planqa docs [--json] [--chunks DOC_ID]`: the documents and their metadata, or one
document's chunks with their section paths (to inspect the chunking)."""

from __future__ import annotations

import json
import sys


def add_arguments(parser) -> None:
    parser.add_argument(
        "--chunks",
        metavar="DOC_ID",
        default=None,
        help="print this document's chunks with their section paths",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        default=None,
        help="files or folders to read instead of the bundled corpus",
    )


def _documents_and_chunks(args, settings):
    """From the index when one is there (what search and ask see), else straight from the
    files: listing documents needs no embedding."""
    import corpus

    paths = [p for p in (args.paths or [])] or None
    documents = corpus.load(paths)
    return documents, corpus.chunk(documents)


def run(args, settings) -> int:
    from corpus.errors import UserError

    documents, chunks = _documents_and_chunks(args, settings)
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
            raise UserError(f"no document {wanted!r} (known: {known})")
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
            print(f"[{i}] {c.kind} · lines {span.line_start}-{span.line_end} · {c.chunk_id}")
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
