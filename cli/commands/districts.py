"""`planqa districts TOPIC [--level 省|市|区县]`: every place in the index at that level,
mentioned or not, with evidence."""

from __future__ import annotations

import json

from cli.commands.tabular import LEVEL_CHOICES


def add_arguments(parser) -> None:
    parser.add_argument("topic", help="a topic (氢能) or a question (哪些区的规划提到了氢能？)")
    parser.add_argument(
        "--level",
        choices=LEVEL_CHOICES,
        default=None,
        help="places at this level (default: what the question asks, else the level most "
        "documents are issued at)",
    )


def run(args, settings) -> int:
    import index
    from cli.commands.search import warn_if_stale
    from cli.render import print_report
    from qa.districts import districts
    from qa.text import check_question

    check_question(args.topic, what="topic")
    idx = index.open_or_build(settings)
    report = districts(args.topic, idx, level=args.level)
    stale = warn_if_stale(idx)
    if args.json:
        out = report.to_dict()
        if stale:
            out["stale"] = stale
        print(json.dumps(out, ensure_ascii=False))
    else:
        print_report(report)
    return 0
