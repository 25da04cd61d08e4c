"""`planqa districts TOPIC`: every district in the index, mentioned or not, with evidence."""

from __future__ import annotations

import json


def add_arguments(parser) -> None:
    parser.add_argument("topic", help="a topic (氢能) or a question (哪些区的规划提到了氢能？)")


def run(args, settings) -> int:
    import index
    from qa.districts import districts
    from qa.render import print_report
    from qa.text import check_question

    check_question(args.topic, what="topic")
    report = districts(args.topic, index.open_or_build(settings))
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print_report(report)
    return 0
