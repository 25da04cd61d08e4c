"""`planqa remove DOC_ID…`: take documents out of the index (ids as `planqa docs` lists them).
The removal is recorded, so `planqa build` keeps them out; a file named on its own whose
documents are all removed stops being a source. Nothing is embedded."""

from __future__ import annotations

from cli.commands.build import print_change


def add_arguments(parser) -> None:
    parser.add_argument("doc_ids", nargs="+", metavar="DOC_ID", help="documents to remove")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args, settings) -> int:
    import index

    change = index.remove(settings, args.doc_ids, progress=not args.quiet)
    print_change(change, args.json)
    return 0
