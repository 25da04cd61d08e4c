"""`planqa build [PATHS…]`: read, chunk, embed and index files. With PATHs: exactly those.
Without: the sources the index records (its files and folders as built, added and removed),
or the data dir (the bundled corpus unless PLANQA_DATA_DIR says otherwise) when there is no
index yet. Incremental through the embedding cache; the index directory is replaced
atomically."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def add_arguments(parser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="files or folders to index (default: what the index was built from, else the "
        "data dir)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args, settings) -> int:
    import index
    from corpus.errors import UserError
    from index import store
    from index.sources import recorded_sources

    index_dir = Path(settings.index_dir).expanduser()
    if not args.paths and store.exists(index_dir):
        try:
            recorded_sources(index_dir)
        except UserError:  # a damaged manifest: what the index was built from is unknown
            print(
                f"planqa: the manifest of {index_dir} is unreadable, so its sources are "
                f"unknown: building it again from the data dir {settings.data_dir}",
                file=sys.stderr,
            )
        else:
            print_change(index.rebuild(settings, progress=not args.quiet), args.json)
            return 0
    stats = index.build(settings, paths=args.paths or None, progress=not args.quiet)
    if args.json:
        print(json.dumps(stats.to_dict(), ensure_ascii=False))
    else:
        print(_summary(stats))
    return 0


def _summary(stats) -> str:
    return (
        f"indexed {stats.documents} documents, {stats.chunks} chunks "
        f"({stats.embedded} embedded, {stats.reused} from cache) in {stats.seconds:.1f}s "
        f"-> {stats.index_dir}"
    )


def print_change(change, as_json: bool) -> None:
    """The output of build (from recorded sources), add and remove: build's stats plus the
    documents that came and went."""
    if as_json:
        print(json.dumps(change.to_dict(), ensure_ascii=False))
        return
    if change.added:
        print(f"added {_documents(change.added)}: {', '.join(change.added)}")
    if change.removed:
        print(f"removed {_documents(change.removed)}: {', '.join(change.removed)}")
    for path in change.inputs_dropped:
        print(f"{path} is no longer a source")
    print(_summary(change.stats))


def _documents(ids) -> str:
    return f"{len(ids)} document{'s' if len(ids) != 1 else ''}"
