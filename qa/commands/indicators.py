"""`planqa indicators [TOPIC] [--place P…] [--level …] [--json | --csv | --xlsx FILE]`:
places × indicators (baseline, target, unit), each cell with its source and conflicts."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def add_arguments(parser) -> None:
    parser.add_argument(
        "topic", nargs="?", default=None, help="an indicator or topic (研发投入强度)"
    )
    parser.add_argument(
        "--place",
        action="append",
        default=[],
        metavar="P",
        help="only this place's own documents (repeat for several)",
    )
    parser.add_argument(
        "--level",
        choices=["province", "city", "county", "省", "市", "区县"],
        default=None,
        help="only documents issued at this level (default: all, each under its own place)",
    )
    parser.add_argument(
        "--groups",
        type=Path,
        default=None,
        metavar="FILE",
        help='a JSON file of name groups: {"same": [[…]], "different": [[a, b]]}',
    )
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--csv", action="store_true", help="one row per indicator and place, as CSV")
    out.add_argument("--xlsx", type=Path, default=None, metavar="FILE", help="write an .xlsx file")


def run(args, settings) -> int:
    import index
    from qa.export import to_csv, write_xlsx
    from qa.indicators import compare_indicators
    from qa.render import print_indicators

    if args.json and (args.csv or args.xlsx):
        from corpus.errors import UserError

        raise UserError("choose one of --json, --csv, --xlsx")
    idx = index.open_or_build(settings)
    table = compare_indicators(
        idx,
        args.topic,
        places=args.place,
        level=args.level,
        groups_file=args.groups or settings.indicator_groups,
    )
    if args.json:
        print(json.dumps(table.to_dict(), ensure_ascii=False))
    elif args.csv:
        print(to_csv(table.flat_rows()), end="")
    elif args.xlsx:
        path = write_xlsx(args.xlsx, table.flat_rows(), sheet="指标对比")
        print(f"planqa: wrote {len(table.flat_rows())} rows to {path}", file=sys.stderr)
    else:
        print_indicators(table)
    return 0
