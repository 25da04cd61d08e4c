"""Score the answerer on the qa_v2 … qa_v134 halves and the team's gold set, and store the
numbers as the "after" of benchmarks/results/qa_v2_metrics.json ("before" is the answerer as it
was when each set was written: `--as before`, run once on that code).

    python benchmarks/qa_v2_metrics.py [--sets dev,holdout,v3dev,…,v5holdout,gold]
        [--index-v2 DIR] … [--index-v34 DIR] [--index DIR] [--as before|after] [--write]

Each set is scored on an index of the bundled corpus and its external reports (docs/answers.md,
"Measured"; built by benchmarks/build_set_indexes.py from benchmarks/data/question_set_sources.json), except qa_v9 and qa_v10, whose indexes hold their provincial reports alone (their place
questions ask which provinces, and the bundled plans would make 重庆 one); qa_v10's three
reports are an HTML page, a PDF and a .docx, qa_v11's four city reports three .docx files and an
HTML page beside the bundled plans, qa_v12's three city reports two text-layer PDFs and a .docx beside
them, qa_v13's a .txt copied out of a PDF, a word processor's .docx with a table and a provincial
.docx beside them, qa_v14's a real .docx city report, a text-layer PDF and the 2025 重庆市 report
beside the bundled plans, qa_v15's a real .docx prefecture report, a government site's HTML page and
a provincial .docx beside them, qa_v16's a real .docx city report, a text-layer PDF and a provincial
.docx beside them, qa_v17's a real .docx city report whose parts have no headings, a word
processor's .docx with a targets table and a provincial .docx beside them, qa_v18's a real .docx
city report, a text-layer PDF and a provincial .docx beside them, qa_v19's a government site's
HTML page, a text-layer PDF and a provincial .docx beside them, qa_v20's (half of its questions
unanswerable, each near an answerable twin) two city .txt reports and a provincial .docx, qa_v21's
and qa_v22's (place questions only) four city .txt reports and two provincial .docx, qa_v23's a word
processor's .docx with a targets table, a text-layer PDF and a provincial .docx beside them, qa_v24's (half unanswerable, each near an
answerable twin) two city .txt reports and 重庆市's .docx report, qa_v25's a real .docx city report, a
city .txt report and a provincial .docx beside them, qa_v26's … qa_v134's (place questions only)
four city reports (.txt; some as a .docx, an HTML page or a PDF) and two provincial .docx (one
of qa_v33's, qa_v47's, qa_v54's and qa_v81's an HTML page); the gold set on the
bundled corpus alone. The held-out halves are for reporting
only: develop on the development halves.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

RESULTS = HERE / "results" / "qa_v2_metrics.json"
LAST = 134  # the newest set, qa_v134
SETS = {
    "dev": ("qa_v2_dev", HERE / "data" / "qa_v2_dev.jsonl", "index_v2"),
    "holdout": ("qa_v2_holdout", HERE / "data" / "qa_v2_holdout.jsonl", "index_v2"),
    **{
        f"v{n}{half}": (f"qa_v{n}_{half}", HERE / "data" / f"qa_v{n}_{half}.jsonl", f"index_v{n}")
        for n in range(3, LAST + 1)
        for half in ("dev", "holdout")
    },
    "gold": ("eval/gold.jsonl", REPO / "eval" / "gold.jsonl", "index"),
}


def score(gold_path: Path, index_dir: str) -> tuple[dict, dict]:
    """(metrics, counts) of planqa on one gold file, baselines left out."""
    import index
    from corpus.settings import load_settings
    from eval import load_gold
    from eval import run as run_eval

    settings = load_settings(index_dir=index_dir)
    report = run_eval(load_gold(gold_path), index.open(index_dir), settings, baselines=False)
    system = report.system
    return {k: None if v is None else round(v, 4) for k, v in system.metrics.items()}, system.n


def main(argv: list[str] | None = None) -> None:
    from corpus.errors import UserError

    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--sets", default="dev,holdout,v3dev,v3holdout,v4dev,v4holdout,v5dev,v5holdout,gold"
    )
    for n in range(2, LAST + 1):
        ap.add_argument(f"--index-v{n}", default=str(REPO / ".planqa" / f"index-v{n}"))
    ap.add_argument("--index", default=str(REPO / ".planqa" / "index"))
    ap.add_argument("--as", dest="label", choices=("before", "after"), default="after")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)
    results = json.loads(RESULTS.read_text(encoding="utf-8"))
    for name in args.sets.split(","):
        key, path, which = SETS[name]
        try:
            metrics, counts = score(path, getattr(args, which))
        except UserError as exc:  # (an index not built yet: benchmarks/build_set_indexes.py)
            print(f"{key}: {exc}", file=sys.stderr)
            sys.exit(2)
        results.setdefault(key, {})[args.label] = metrics
        results[key][f"{args.label}_counts"] = counts
        print(key, json.dumps(metrics, ensure_ascii=False), flush=True)
        if args.write:  # after each set: one that fails later loses none scored before it
            RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
