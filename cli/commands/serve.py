"""`planqa serve [--host H] [--port P]`: the Gradio UI, the same as `python app.py`.

gradio is imported only when the command runs (through ui.shell), so `planqa` starts fast."""

from __future__ import annotations


def add_arguments(parser) -> None:
    parser.add_argument(
        "--host", default=None, help="address to bind (default: PLANQA_HOST or 127.0.0.1)"
    )
    parser.add_argument(
        "--port", type=int, default=None, help="port (default: PLANQA_PORT or 7860)"
    )


def run(args, settings) -> int:
    # --host/--port are applied with the other flags by cli.main.settings_from_args
    # the CLI is an edge, like the UI, and may start it: the one import of ui from cli
    from ui.shell import serve

    return serve(settings)
