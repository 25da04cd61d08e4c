"""Score the answerer on the target questions of benchmarks/make_target_questions.py ("X地Y年Z
的目标是多少", 548 of them over 41 documents) on one index holding every one of those documents.

An answer gives the figure when it is not a refusal and holds the annotated value as a number
of its own (10 in "增长10%以上", not in "2010" or "10.5"); its citation is of the right document
when it cites the document the indicator was annotated in. The development half's documents are
for development; the held-out half's only for reporting.

    python benchmarks/target_questions.py [--half dev|holdout] [--index DIR] [--as before|after]
        [--write]   # benchmarks/results/target_questions.json

The index holds the bundled corpus, the 30 city reports (.txt) and the 8 provincial reports:
    planqa build --index .planqa/index-targets corpus/data ../shared/external/city-work-reports-2024/txt \
        ../shared/external/province-work-reports-2025
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

RESULTS = HERE / "results"


def gives_figure(answer: str, value: str) -> bool:
    """Whether `answer` states `value` as a number of its own."""
    return re.search(rf"(?<![\d.]){re.escape(value)}(?![\d])(?!\.\d)", answer) is not None


def score(half: str, index_dir: str) -> dict:
    import index
    from corpus.settings import load_settings
    from eval import load_gold
    from eval import run as run_eval

    path = HERE / "data" / f"qa_targets_{half}.jsonl"
    gold = load_gold(path)
    raw = {r["id"]: r for r in map(json.loads, path.read_text("utf-8").splitlines())}
    settings = load_settings(index_dir=index_dir)
    report = run_eval(gold, index.open(index_dir), settings, baselines=False)
    rows = []
    for item in report.system.items:
        value = raw[item.item.id]["answer"]
        number = re.match(r"[\d.]+", value).group(0)
        rows.append(
            {
                "id": item.item.id,
                "question": item.item.question,
                "expected": value,
                "answer": item.answer,
                "declined": item.abstained,
                "figure": not item.abstained and gives_figure(item.answer, number),
                "right_document": any(c["same_document"] for c in item.citations[:1]),
            }
        )
    n = len(rows)
    return {
        "half": half,
        "questions": n,
        "documents": len({raw[r["id"]]["evidence"][0]["source"] for r in rows}),
        "figure_given": round(sum(r["figure"] for r in rows) / n, 3),
        "declined": round(sum(r["declined"] for r in rows) / n, 3),
        "first_citation_right_document": round(sum(r["right_document"] for r in rows) / n, 3),
        "keyword_accuracy": report.system.metrics.get("keyword_accuracy"),
        "misses": [r for r in rows if not r["figure"]],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", default="dev", choices=["dev", "holdout"])
    ap.add_argument("--index", default=str(REPO / ".planqa" / "index-targets"))
    ap.add_argument("--as", dest="label", choices=("before", "after"), default="after")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    result = score(args.half, args.index)
    summary = {k: v for k, v in result.items() if k != "misses"}
    print(json.dumps(summary, ensure_ascii=False))
    if args.write:
        out = RESULTS / "target_questions.json"
        stored = json.loads(out.read_text("utf-8")) if out.is_file() else {}
        stored.setdefault(args.half, {})[args.label] = summary
        out.write_text(json.dumps(stored, ensure_ascii=False, indent=2) + "\n", "utf-8")
    else:
        for r in result["misses"]:
            print(f"{r['id']}\t{r['question']}\t{r['expected']}\t{r['answer'][:160]!r}")


if __name__ == "__main__":
    main()
