"""`planqa ask QUESTION`: an answer with citations (extractive by default, --llm for a chat
model); "which districts…" questions are answered by the district finder."""

from __future__ import annotations

import json
import sys


def add_arguments(parser) -> None:
    parser.add_argument(
        "question", help="a question in Chinese, e.g. 綦江区2025年高新技术企业目标是多少？"
    )
    parser.add_argument(
        "--district",
        action="append",
        default=[],
        metavar="D",
        help="only passages from this district (repeatable)",
    )
    parser.add_argument(
        "--llm",
        action="store_true",
        help="answer with the chat model at PLANQA_LLM_BASE_URL (falls back to "
        "the extractive answer when it fails)",
    )


def run(args, settings) -> int:
    import index
    from qa.answer import answer_stream, check_filters_districts
    from qa.commands.search import warn_if_stale
    from qa.render import print_answer
    from qa.text import check_question
    from qa.types import Answer

    check_question(args.question)  # bad input fails before the index is opened or built
    idx = index.open_or_build(settings)
    filters = check_filters_districts(args.district, idx)
    stream = not args.json and args.llm
    final: Answer | None = None
    streamed: list[str] = []
    for piece in answer_stream(args.question, idx, filters, settings, llm=args.llm):
        if isinstance(piece, Answer):
            final = piece
        elif stream:
            streamed.append(piece)
            sys.stdout.write(piece)
            sys.stdout.flush()
    assert final is not None
    stale = warn_if_stale(idx)
    if args.json:
        out = final.to_dict()
        if stale:
            out["stale"] = stale
        print(json.dumps(out, ensure_ascii=False))
        return 0
    if stream:
        sys.stdout.write("\n")
    # a fallback notice that was already streamed is not repeated
    if stream and final.notice and final.notice in "".join(streamed):
        from dataclasses import replace

        final = replace(final, notice=None)
    print_answer(final, streamed=stream)
    return 0
