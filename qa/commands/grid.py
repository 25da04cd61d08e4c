"""`planqa grid TOPIC TOPIC… [--place P…] [--level …] [--json | --csv | --xlsx FILE]`:
places × topics, each cell mentioned or not with its best cited sentence."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def add_arguments(parser) -> None:
    parser.add_argument(
        "topics", nargs="+", help="topics (氢能 人工智能 科普, or 氢能、人工智能、科普)"
    )
    parser.add_argument(
        "--place",
        action="append",
        default=[],
        metavar="P",
        help="only this place (repeat for several)",
    )
    parser.add_argument(
        "--level",
        choices=["province", "city", "county", "省", "市", "区县"],
        default=None,
        help="places at this level",
    )
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--csv", action="store_true", help="one row per place and topic, as CSV")
    out.add_argument("--xlsx", type=Path, default=None, metavar="FILE", help="write an .xlsx file")


def run(args, settings) -> int:
    import index
    from corpus.errors import UserError
    from qa.export import to_csv, write_xlsx
    from qa.grid import topic_grid
    from qa.render import print_grid

    if args.json and (args.csv or args.xlsx):
        raise UserError("choose one of --json, --csv, --xlsx")
    idx = index.open_or_build(settings)
    grid = topic_grid(args.topics, idx, places=args.place or None, level=args.level)
    if args.json:
        print(json.dumps(grid.to_dict(), ensure_ascii=False))
    elif args.csv:
        print(to_csv(grid.flat_rows()), end="")
    elif args.xlsx:
        path = write_xlsx(args.xlsx, grid.flat_rows(), sheet="主题网格")
        print(f"planqa: wrote {len(grid.flat_rows())} rows to {path}", file=sys.stderr)
    else:
        print_grid(grid)
    return 0
