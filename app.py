"""The planqa web UI's entry point: reads --host/--port and serves the Gradio page of the
`ui` package (ui.shell assembles the tabs; each tab is a module of its own).

    python app.py [--host H] [--port P]      # same as `planqa serve`
"""

import argparse
import sys

from corpus.errors import UserError
from corpus.settings import load_settings
from ui.shell import APP_TITLE, serve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="app.py", description=f"{APP_TITLE}: the web UI")
    parser.add_argument("--host", default=None, help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=None, help="port (default 7860)")
    args = parser.parse_args(argv)
    try:
        return serve(load_settings(host=args.host, port=args.port))
    except UserError as exc:
        print(f"planqa: error: {exc.both()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
