"""Run the benchmarks and write their results: `python -m benchmarks.run [NAME…] [--quick]`.

Every module `benchmarks/bench_NAME.py` is a benchmark. It defines
`run(quick: bool) -> dict` (JSON-serialisable results) and `markdown(results) -> str`
(a human summary). Results go to benchmarks/results/NAME.json and NAME.md; a benchmark that
fails is reported and the others still run. Colleagues add their own modules the same way.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import platform
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"


def available() -> list[str]:
    return sorted(
        m.name[len("bench_") :]
        for m in pkgutil.iter_modules([str(HERE)])
        if m.name.startswith("bench_")
    )


def machine() -> dict:
    import os

    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        # the machine is shared: load average (1, 5, 15 min) when the benchmark finished
        "loadavg": [round(x, 2) for x in os.getloadavg()],
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def run_one(name: str, quick: bool) -> bool:
    module = importlib.import_module(f"benchmarks.bench_{name}")
    print(f"== benchmark {name}", file=sys.stderr)
    t0 = time.perf_counter()
    try:
        results = module.run(quick=quick)
    except Exception:  # noqa: BLE001 - one failing benchmark must not stop the others
        traceback.print_exc()
        print(f"== benchmark {name} FAILED", file=sys.stderr)
        return False
    results = {
        "benchmark": name,
        "machine": machine(),
        "quick": quick,
        "seconds": round(time.perf_counter() - t0, 1),
        **results,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    tmp = RESULTS / f"{name}.json.tmp"
    tmp.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(RESULTS / f"{name}.json")
    (RESULTS / f"{name}.md").write_text(module.markdown(results), encoding="utf-8")
    print(
        f"== benchmark {name} done in {results['seconds']}s -> {RESULTS / name}.md", file=sys.stderr
    )
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("names", nargs="*", help=f"benchmarks to run (default all: {available()})")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = parser.parse_args(argv)
    names = args.names or available()
    unknown = set(names) - set(available())
    if unknown:
        parser.error(f"unknown benchmark(s) {sorted(unknown)}; available: {available()}")
    ok = [run_one(name, args.quick) for name in names]
    return 0 if all(ok) else 1


if __name__ == "__main__":
    sys.exit(main())
