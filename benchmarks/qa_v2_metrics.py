"""Score the answerer on the qa_v2 … qa_v18 halves and the team's gold set, and store the
numbers as the "after" of benchmarks/results/qa_v2_metrics.json ("before" is the answerer as it
was when each set was written: `--as before`, run once on that code).

    python benchmarks/qa_v2_metrics.py [--sets dev,holdout,v3dev,…,v5holdout,gold]
        [--index-v2 DIR] … [--index-v18 DIR] [--index DIR] [--as before|after] [--write]

Each set is scored on an index of the bundled corpus and its external reports (docs/answers.md,
"Measured"), except qa_v9 and qa_v10, whose indexes hold their provincial reports alone (their place
questions ask which provinces, and the bundled plans would make 重庆 one); qa_v10's three
reports are an HTML page, a PDF and a .docx, qa_v11's four city reports three .docx files and an
HTML page beside the bundled plans, qa_v12's three city reports two text-layer PDFs and a .docx beside
them, qa_v13's a .txt copied out of a PDF, a word processor's .docx with a table and a provincial
.docx beside them, qa_v14's a real .docx city report, a text-layer PDF and the 2025 重庆市 report
beside the bundled plans, qa_v15's a real .docx prefecture report, a government site's HTML page and
a provincial .docx beside them, qa_v16's a real .docx city report, a text-layer PDF and a provincial
.docx beside them, qa_v17's a real .docx city report whose parts have no headings, a word
processor's .docx with a targets table and a provincial .docx beside them, qa_v18's a real .docx
city report, a text-layer PDF and a provincial .docx beside them; the gold set on the
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
SETS = {
    "dev": ("qa_v2_dev", HERE / "data" / "qa_v2_dev.jsonl", "index_v2"),
    "holdout": ("qa_v2_holdout", HERE / "data" / "qa_v2_holdout.jsonl", "index_v2"),
    "v3dev": ("qa_v3_dev", HERE / "data" / "qa_v3_dev.jsonl", "index_v3"),
    "v3holdout": ("qa_v3_holdout", HERE / "data" / "qa_v3_holdout.jsonl", "index_v3"),
    "v4dev": ("qa_v4_dev", HERE / "data" / "qa_v4_dev.jsonl", "index_v4"),
    "v4holdout": ("qa_v4_holdout", HERE / "data" / "qa_v4_holdout.jsonl", "index_v4"),
    "v5dev": ("qa_v5_dev", HERE / "data" / "qa_v5_dev.jsonl", "index_v5"),
    "v5holdout": ("qa_v5_holdout", HERE / "data" / "qa_v5_holdout.jsonl", "index_v5"),
    "v6dev": ("qa_v6_dev", HERE / "data" / "qa_v6_dev.jsonl", "index_v6"),
    "v6holdout": ("qa_v6_holdout", HERE / "data" / "qa_v6_holdout.jsonl", "index_v6"),
    "v7dev": ("qa_v7_dev", HERE / "data" / "qa_v7_dev.jsonl", "index_v7"),
    "v7holdout": ("qa_v7_holdout", HERE / "data" / "qa_v7_holdout.jsonl", "index_v7"),
    "v8dev": ("qa_v8_dev", HERE / "data" / "qa_v8_dev.jsonl", "index_v8"),
    "v8holdout": ("qa_v8_holdout", HERE / "data" / "qa_v8_holdout.jsonl", "index_v8"),
    "v9dev": ("qa_v9_dev", HERE / "data" / "qa_v9_dev.jsonl", "index_v9"),
    "v9holdout": ("qa_v9_holdout", HERE / "data" / "qa_v9_holdout.jsonl", "index_v9"),
    "v10dev": ("qa_v10_dev", HERE / "data" / "qa_v10_dev.jsonl", "index_v10"),
    "v10holdout": ("qa_v10_holdout", HERE / "data" / "qa_v10_holdout.jsonl", "index_v10"),
    "v11dev": ("qa_v11_dev", HERE / "data" / "qa_v11_dev.jsonl", "index_v11"),
    "v11holdout": ("qa_v11_holdout", HERE / "data" / "qa_v11_holdout.jsonl", "index_v11"),
    "v12dev": ("qa_v12_dev", HERE / "data" / "qa_v12_dev.jsonl", "index_v12"),
    "v12holdout": ("qa_v12_holdout", HERE / "data" / "qa_v12_holdout.jsonl", "index_v12"),
    "v13dev": ("qa_v13_dev", HERE / "data" / "qa_v13_dev.jsonl", "index_v13"),
    "v13holdout": ("qa_v13_holdout", HERE / "data" / "qa_v13_holdout.jsonl", "index_v13"),
    "v14dev": ("qa_v14_dev", HERE / "data" / "qa_v14_dev.jsonl", "index_v14"),
    "v14holdout": ("qa_v14_holdout", HERE / "data" / "qa_v14_holdout.jsonl", "index_v14"),
    "v15dev": ("qa_v15_dev", HERE / "data" / "qa_v15_dev.jsonl", "index_v15"),
    "v15holdout": ("qa_v15_holdout", HERE / "data" / "qa_v15_holdout.jsonl", "index_v15"),
    "v16dev": ("qa_v16_dev", HERE / "data" / "qa_v16_dev.jsonl", "index_v16"),
    "v16holdout": ("qa_v16_holdout", HERE / "data" / "qa_v16_holdout.jsonl", "index_v16"),
    "v17dev": ("qa_v17_dev", HERE / "data" / "qa_v17_dev.jsonl", "index_v17"),
    "v17holdout": ("qa_v17_holdout", HERE / "data" / "qa_v17_holdout.jsonl", "index_v17"),
    "v18dev": ("qa_v18_dev", HERE / "data" / "qa_v18_dev.jsonl", "index_v18"),
    "v18holdout": ("qa_v18_holdout", HERE / "data" / "qa_v18_holdout.jsonl", "index_v18"),
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--sets", default="dev,holdout,v3dev,v3holdout,v4dev,v4holdout,v5dev,v5holdout,gold"
    )
    ap.add_argument("--index-v2", default=str(REPO / ".planqa" / "index-v2"))
    ap.add_argument("--index-v3", default=str(REPO / ".planqa" / "index-v3"))
    ap.add_argument("--index-v4", default=str(REPO / ".planqa" / "index-v4"))
    ap.add_argument("--index-v5", default=str(REPO / ".planqa" / "index-v5"))
    ap.add_argument("--index-v6", default=str(REPO / ".planqa" / "index-v6"))
    ap.add_argument("--index-v7", default=str(REPO / ".planqa" / "index-v7"))
    ap.add_argument("--index-v8", default=str(REPO / ".planqa" / "index-v8"))
    ap.add_argument("--index-v9", default=str(REPO / ".planqa" / "index-v9"))
    ap.add_argument("--index-v10", default=str(REPO / ".planqa" / "index-v10"))
    ap.add_argument("--index-v11", default=str(REPO / ".planqa" / "index-v11"))
    ap.add_argument("--index-v12", default=str(REPO / ".planqa" / "index-v12"))
    ap.add_argument("--index-v13", default=str(REPO / ".planqa" / "index-v13"))
    ap.add_argument("--index-v14", default=str(REPO / ".planqa" / "index-v14"))
    ap.add_argument("--index-v15", default=str(REPO / ".planqa" / "index-v15"))
    ap.add_argument("--index-v16", default=str(REPO / ".planqa" / "index-v16"))
    ap.add_argument("--index-v17", default=str(REPO / ".planqa" / "index-v17"))
    ap.add_argument("--index-v18", default=str(REPO / ".planqa" / "index-v18"))
    ap.add_argument("--index", default=str(REPO / ".planqa" / "index"))
    ap.add_argument("--as", dest="label", choices=("before", "after"), default="after")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    results = json.loads(RESULTS.read_text(encoding="utf-8"))
    for name in args.sets.split(","):
        key, path, which = SETS[name]
        metrics, counts = score(path, getattr(args, which))
        results.setdefault(key, {})[args.label] = metrics
        results[key][f"{args.label}_counts"] = counts
        print(key, json.dumps(metrics, ensure_ascii=False), flush=True)
    if args.write:
        RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
