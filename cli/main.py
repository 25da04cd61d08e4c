"""The `planqa` command line: one subcommand per thing a user wants to do.

Every command takes the index flags (--index, --embedder, --store) and, where it has
something to print, --json; it exits 0 on success and 2 with a one-line message on stderr for
bad usage or bad input (UserError). Each subcommand lives in cli/commands/NAME.py
with `add_arguments(parser)` and `run(args, settings) -> int`; heavy imports stay inside
`run` so that start-up is fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from corpus.errors import FileNotice, UserError
from corpus.reading import file_notices_to

COMMANDS = {
    "build": "read, chunk, embed and index files (default: what the index was built from)",
    "add": "add files or folders to the index (only new text is embedded)",
    "remove": "remove documents from the index",
    "docs": "list documents and their metadata",
    "search": "ranked passages for a query",
    "ask": "an answer with citations",
    "districts": "which districts mention a topic",
    "compare": "side-by-side evidence per district for one topic",
    "indicators": "places × indicators: baselines and targets with their sources",
    "grid": "places × topics: mentioned or not, with the best cited sentence",
    "eval": "score the system against a gold set",
    "serve": "start the Gradio UI",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 already; keep it to one line
        self.exit(2, f"planqa: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="planqa", description="Search and ask Chinese plan documents.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name, help_text in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        if name not in NO_JSON:
            p.add_argument("--json", action="store_true", help="machine-readable output on stdout")
        _add_index_arguments(p)
        _module(name).add_arguments(p)
    return parser


# commands with nothing to print: a --json there would be accepted and do nothing
NO_JSON = frozenset({"serve"})


def _add_index_arguments(p: argparse.ArgumentParser) -> None:
    # every command opens (or builds, or serves) an index
    p.add_argument("--index", type=Path, default=None, help="index directory")
    p.add_argument("--embedder", default=None, help="e5-bundled (default) or st:NAME_OR_PATH")
    p.add_argument(
        "--store",
        default=None,
        help="local (default), milvus:./planqa.db or milvus:http://HOST:19530",
    )


def _module(name: str):
    return importlib.import_module(f"cli.commands.{name}")


def settings_from_args(args: argparse.Namespace):
    from corpus.settings import load_settings

    return load_settings(
        index_dir=getattr(args, "index", None),
        embedder=getattr(args, "embedder", None),
        store=getattr(args, "store", None),
        host=getattr(args, "host", None),
        port=getattr(args, "port", None),
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = settings_from_args(args)
        from qa.llm import install_log_redaction

        install_log_redaction(settings)
        with file_notices_to(_warn):
            return int(_module(args.command).run(args, settings) or 0)
    except UserError as exc:
        print(f"planqa: error: {exc.both()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("planqa: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `planqa … | head`: the reader has gone, which is not an error
        _silence_stdout()
        return 0


def _warn(notice: FileNotice) -> None:
    """A file reading skipped (or repaired): one line on stderr, in Chinese and English, as
    an error is shown."""
    print(f"planqa: warning: {notice.both()}", file=sys.stderr)


def _silence_stdout() -> None:
    # Python flushes stdout again at exit; point it at devnull so that flush cannot fail
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    sys.exit(main())
