"""`planqa serve [--host H] [--port P]`: the Gradio UI, the same as `python app.py`.

gradio is imported only when the command runs (through app.py), so `planqa` starts fast."""

from __future__ import annotations


def add_arguments(parser) -> None:
    parser.add_argument(
        "--host", default=None, help="address to bind (default: PLANQA_HOST or 127.0.0.1)"
    )
    parser.add_argument(
        "--port", type=int, default=None, help="port (default: PLANQA_PORT or 7860)"
    )


def run(args, settings) -> int:
    from corpus.errors import UserError

    updates = {}
    if args.host:
        updates["host"] = args.host
    if args.port is not None:
        if not 0 < args.port < 65536:
            raise UserError(f"--port must be between 1 and 65535, not {args.port}")
        updates["port"] = args.port
    if updates:
        settings = settings.model_copy(update=updates)
    import app  # the UI lives in the top-level app.py: the CLI is an edge, like eval

    return app.serve(settings)
