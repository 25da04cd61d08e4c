"""`planqa ask QUESTION`: an answer with citations (extractive by default, --llm for a chat
model); "which districts…" questions are answered by the district finder."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

# the last question's turn (place, document, topic), for `planqa ask --follow-up`
SESSION_FILE = "session.json"


def _last_turn(path: Path) -> Any:
    from qa.conversation import Turn

    try:
        return Turn.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None  # no earlier question: the follow-up stands alone


def _save_turn(path: Path, answer: Any) -> None:
    turn = answer.extra.get("turn")
    if turn is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(turn, ensure_ascii=False), encoding="utf-8")
    except OSError:
        pass  # a read-only location only loses the follow-up


def add_arguments(parser) -> None:
    from cli.commands.search import add_filter_arguments

    parser.add_argument(
        "question", help="a question in Chinese, e.g. 綦江区2025年高新技术企业目标是多少？"
    )
    add_filter_arguments(parser, k_default=None)
    parser.add_argument(
        "--llm",
        action="store_true",
        help="answer with the chat model at PLANQA_LLM_BASE_URL (falls back to "
        "the extractive answer when it fails)",
    )
    parser.add_argument(
        "--follow-up",
        action="store_true",
        help="a follow-up of the last `planqa ask`: inherit its place, document and topic "
        "(read from the session file beside the index); without it nothing is inherited",
    )


def run(args, settings) -> int:
    import index
    from cli.commands.search import check_k, filters_from_args, warn_if_stale
    from cli.render import print_answer
    from qa.answer import answer_stream
    from qa.text import check_question
    from qa.types import Answer

    check_k(args)
    check_question(args.question)  # bad input fails before the index is opened or built
    idx = index.open_or_build(settings)
    filters = filters_from_args(args, idx)
    session = Path(settings.index_dir).parent / SESSION_FILE
    previous = _last_turn(session) if args.follow_up else None
    stream = not args.json and args.llm
    final: Answer | None = None
    streamed: list[str] = []
    for piece in answer_stream(
        args.question, idx, filters, settings, llm=args.llm, previous=previous, k=args.k
    ):
        if isinstance(piece, Answer):
            final = piece
        elif stream:
            streamed.append(piece)
            sys.stdout.write(piece)
            sys.stdout.flush()
    assert final is not None
    stale = warn_if_stale(idx)
    _save_turn(session, final)
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
