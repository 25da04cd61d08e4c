"""`planqa add PATH…`: add files or folders to the existing index. Every input is re-read and
re-chunked, but only text the embedding cache has never seen is embedded; the index is
replaced atomically, so a failed add leaves the previous one serving."""

from __future__ import annotations

from pathlib import Path

from cli.commands.build import print_change


def add_arguments(parser) -> None:
    parser.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help="files or folders to add"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args, settings) -> int:
    import index

    change = index.add(settings, args.paths, progress=not args.quiet)
    print_change(change, args.json)
    return 0
