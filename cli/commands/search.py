"""`planqa search QUERY`: ranked passages, with filters inside retrieval."""

from __future__ import annotations

import json
import sys

PASSAGE_CHARS = 400  # human output only; --json always carries the whole text


def add_arguments(parser) -> None:
    parser.add_argument("query", help="what to look for (any language; Traditional is fine)")
    parser.add_argument("--k", type=int, default=10, help="number of results (default 10)")
    parser.add_argument(
        "--district",
        action="append",
        default=[],
        metavar="D",
        help="only this district (repeatable)",
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
    parser.add_argument(
        "--mode",
        choices=("hybrid", "dense", "bm25"),
        default="hybrid",
        help="retriever (default hybrid: RRF of dense and BM25)",
    )


def run(args, settings) -> int:
    from corpus.errors import UserError
    from qa.text import check_question

    if args.k < 1:
        raise UserError("k_too_small")
    check_question(args.query, what="query")  # as `ask`: before the index is opened or built
    import index
    from index.types import Filters

    idx = index.open_or_build(settings)
    filters = Filters(tuple(args.district), tuple(args.doc), tuple(args.doc_type))
    hits = idx.search(args.query, k=args.k, filters=filters, mode=args.mode)
    stale = warn_if_stale(idx)
    if args.json:
        out = {"query": args.query, "mode": args.mode, "results": [h.to_dict() for h in hits]}
        if stale:
            out["stale"] = stale
        print(json.dumps(out, ensure_ascii=False))
        return 0
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


def print_hits(query: str, hits) -> None:
    from rich.console import Console
    from rich.padding import Padding
    from rich.text import Text

    from index import tokenize
    from qa.types import page_label

    console = Console(highlight=False)
    if not hits:
        console.print("no results")
        return
    terms = sorted(
        {t for t in tokenize(query) if len(t) > 1 or not t.isascii()}, key=len, reverse=True
    )
    for hit in hits:
        c = hit.chunk
        head = Text()
        head.append(f"{hit.rank:>2}. ", style="bold")
        head.append(f"{hit.score:.4f}  ", style="cyan")
        head.append(f"{c.district or '-'}  ", style="green")
        head.append(c.title, style="bold")
        console.print(head)
        if c.section:
            console.print(Padding(Text(" > ".join(c.section), style="dim"), (0, 0, 0, 4)))
        page = page_label(c.page_start, c.page_end)
        sources = ", ".join(
            f"{s.source}{' ' + page if page and k == 0 else ''}:{s.line_start}-{s.line_end}"
            for k, s in enumerate(c.sources)
        )
        console.print(Padding(Text(sources, style="dim"), (0, 0, 0, 4)))
        passage = c.text if len(c.text) <= PASSAGE_CHARS else c.text[:PASSAGE_CHARS] + "…"
        body = Text(passage)
        for term in terms:
            body.highlight_words([term], style="bold yellow", case_sensitive=False)
        console.print(Padding(body, (0, 0, 1, 4)))
