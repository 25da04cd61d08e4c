"""`planqa search QUERY`: ranked passages, with filters inside retrieval."""

from __future__ import annotations

import json
import sys


def add_arguments(parser) -> None:
    parser.add_argument("query", help="what to look for (any language; Traditional is fine)")
    add_filter_arguments(parser, k_default=10)
    parser.add_argument(
        "--mode",
        choices=("hybrid", "dense", "bm25"),
        default="hybrid",
        help="retriever (default hybrid: RRF of dense and BM25)",
    )


def add_filter_arguments(parser, k_default: int | None) -> None:
    """--k, --district, --doc, --type: what `search` and `ask` retrieve from, alike."""
    default = f"default {k_default}" if k_default else "default: the answer's own number"
    parser.add_argument(
        "--k", type=int, default=k_default, help=f"number of passages retrieved ({default})"
    )
    parser.add_argument(
        "--district",
        action="append",
        default=[],
        metavar="D",
        help="only this place (repeatable)",
    )
    parser.add_argument(
        "--doc",
        action="append",
        default=[],
        metavar="DOC_ID",
        help="only this document (repeatable)",
    )
    parser.add_argument(
        "--type",
        action="append",
        default=[],
        metavar="T",
        dest="doc_type",
        help="only this document type, e.g. plan (repeatable)",
    )


def check_k(args) -> None:
    from corpus.errors import UserError

    if args.k is not None and args.k < 1:
        raise UserError("k_too_small")


def filters_from_args(args, idx):
    """The filters of --district/--doc/--type, checked against the index (qa.answer)."""
    from qa.answer import check_filters

    return check_filters(idx, args.district, args.doc, args.doc_type)


def run(args, settings) -> int:
    from qa.text import check_question

    check_k(args)
    check_question(args.query, what="query")  # as `ask`: before the index is opened or built
    import index

    idx = index.open_or_build(settings)
    filters = filters_from_args(args, idx)
    hits = idx.search(args.query, k=args.k, filters=filters, mode=args.mode)
    stale = warn_if_stale(idx)
    if args.json:
        out = {"query": args.query, "mode": args.mode, "results": [h.to_dict() for h in hits]}
        if stale:
            out["stale"] = stale
        print(json.dumps(out, ensure_ascii=False))
        return 0
    from cli.render import print_hits

    print_hits(args.query, hits)
    return 0


def warn_if_stale(idx) -> list[dict]:
    """Say on stderr when indexed files changed on disk since the build, naming the command
    that refreshes the index; the stale files, for --json."""
    from index.sources import index_stale_files, stale_message

    stale = index_stale_files(idx)
    if not stale:
        return []
    message = stale_message(stale, idx.path)
    if message:
        print(f"planqa: warning: {message}", file=sys.stderr)
    return [s.to_dict() for s in stale]
