"""`planqa indicators [TOPIC] [--place P…] [--level …] [--json | --csv | --xlsx FILE]`:
places × indicators (baseline, target, unit), each cell with its source and conflicts."""

from __future__ import annotations

from pathlib import Path

from cli.commands.tabular import LEVEL_CHOICES, add_output_arguments, check_output_arguments, emit


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
        choices=LEVEL_CHOICES,
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
    add_output_arguments(parser, "indicator and place")


def run(args, settings) -> int:
    import index
    from cli.render import print_indicators
    from qa.indicators import compare_indicators

    check_output_arguments(args)
    idx = index.open_or_build(settings)
    table = compare_indicators(
        idx,
        args.topic,
        places=args.place,
        level=args.level,
        groups_file=args.groups or settings.indicator_groups,
    )
    emit(args, table, "指标对比", print_indicators)
    return 0
