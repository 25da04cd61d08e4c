"""`planqa eval [--gold FILE] [--json] [--report DIR] [--no-baselines]`: score the system
against a gold set, side by side with its baselines."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def add_arguments(parser) -> None:
    parser.add_argument(
        "--gold", type=Path, default=None, help="gold set, JSON Lines (default: eval/gold.jsonl)"
    )
    parser.add_argument(
        "--report",
        type=Path,
        default=None,
        metavar="DIR",
        help="write a Markdown report with charts and the failed items into DIR",
    )
    parser.add_argument(
        "--no-baselines",
        action="store_true",
        help="score the system only (skip BM25-only, dense-only and the naive pipeline)",
    )


def _progress(done: int, total: int, label: str) -> None:
    # one line, rewritten in place: progress goes to stderr, results to stdout
    end = "\n" if done == total else ""
    print(f"\reval {done}/{total} {label:<40}", end=end, file=sys.stderr, flush=True)


def run(args, settings) -> int:
    import index
    from eval import load_gold, write_report
    from eval import run as run_eval
    from eval.gold import DEFAULT_GOLD
    from eval.report import metrics_table, report_dir, stage_summary, targets_table

    gold_path = (args.gold or DEFAULT_GOLD).expanduser().resolve()
    gold = load_gold(gold_path)  # before the index: bad input fails fast
    if args.report is not None:
        report_dir(args.report)
    ix = index.open_or_build(settings)
    report = run_eval(
        gold,
        ix,
        settings,
        baselines=not args.no_baselines,
        progress=_progress,
        gold_path=gold_path,
        data_dir=Path(settings.data_dir),
    )
    report_path = write_report(report, args.report) if args.report is not None else None
    if args.json:
        out = report.to_dict()
        if report_path is not None:
            out["report"] = str(report_path)
        print(json.dumps(out, ensure_ascii=False))
        return 0
    print(f"gold: {gold_path} ({len(gold)} items)\n")
    print(metrics_table(report))
    print()
    print(targets_table(report))
    stages = stage_summary(report)
    if stages:
        print()
        for stage, ids in stages.items():
            print(f"failed ({stage}): {', '.join(ids)}")
    if report_path is not None:
        print(f"\nreport: {report_path}")
    return 0
