"""`planqa build [PATHS…]`: read, chunk, embed and index files (default: the data dir, which is
the bundled corpus unless PLANQA_DATA_DIR says otherwise). Incremental through the embedding
cache; the index directory is replaced atomically."""

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
        help="files or folders to index (default: the data dir)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args, settings) -> int:
    import index

    stats = index.build(settings, paths=args.paths or None, progress=not args.quiet)
    if args.json:
        print(json.dumps(stats.to_dict(), ensure_ascii=False))
    else:
        print(
            f"indexed {stats.documents} documents, {stats.chunks} chunks "
            f"({stats.embedded} embedded, {stats.reused} from cache) in {stats.seconds:.1f}s "
            f"-> {stats.index_dir}",
            file=sys.stdout,
        )
    return 0
