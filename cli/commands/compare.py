"""`planqa compare TOPIC --district A --district B`: side-by-side evidence per district."""

from __future__ import annotations

import json


def add_arguments(parser) -> None:
    parser.add_argument("topic", help="a topic, e.g. 科普")
    parser.add_argument(
        "--district",
        action="append",
        default=[],
        metavar="D",
        required=True,
        help="a district to compare (give two or more)",
    )


def run(args, settings) -> int:
    import index
    from cli.render import print_compare
    from qa.compare_places import compare
    from qa.text import check_question

    check_question(args.topic, what="topic")
    report = compare(args.topic, index.open_or_build(settings), args.district)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print_compare(report)
    return 0
