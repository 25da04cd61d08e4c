"""The output options a command that prints a table shares (`indicators`, `grid`): --json from
the record's to_dict, --csv and --xlsx from its flat rows, a rich table otherwise."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

LEVEL_CHOICES = ["province", "city", "county", "省", "市", "区县"]


def add_output_arguments(parser, rows: str) -> None:
    """--csv and --xlsx FILE, exclusive (--json comes with every command); `rows` says what
    one row is."""
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--csv", action="store_true", help=f"one row per {rows}, as CSV")
    out.add_argument("--xlsx", type=Path, default=None, metavar="FILE", help="write an .xlsx file")


def check_output_arguments(args) -> None:
    from corpus.errors import UserError

    if args.json and (args.csv or args.xlsx):
        raise UserError("one_output_format")


def emit(args, record: Any, sheet: str, show: Callable[[Any], None]) -> None:
    """Print `record` as the arguments ask: JSON, CSV, an .xlsx file, or `show` (rich)."""
    from qa.export import to_csv, write_xlsx

    if args.json:
        print(json.dumps(record.to_dict(), ensure_ascii=False))
    elif args.csv:
        print(to_csv(record.flat_rows()), end="")
    elif args.xlsx:
        path = write_xlsx(args.xlsx, record.flat_rows(), sheet=sheet)
        print(f"planqa: wrote {len(record.flat_rows())} rows to {path}", file=sys.stderr)
    else:
        show(record)
