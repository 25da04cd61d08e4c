"""`planqa grid TOPIC TOPIC… [--place P…] [--level …] [--json | --csv | --xlsx FILE]`:
places × topics, each cell mentioned or not with its best cited sentence."""

from __future__ import annotations

from cli.commands.tabular import LEVEL_CHOICES, add_output_arguments, check_output_arguments, emit


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
    parser.add_argument("--level", choices=LEVEL_CHOICES, default=None, help="places at this level")
    add_output_arguments(parser, "place and topic")


def run(args, settings) -> int:
    import index
    from cli.render import print_grid
    from qa.grid import topic_grid

    check_output_arguments(args)
    idx = index.open_or_build(settings)
    grid = topic_grid(args.topics, idx, places=args.place or None, level=args.level)
    emit(args, grid, "主题网格", print_grid)
    return 0
