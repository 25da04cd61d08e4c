"""Stage 4: evaluation. A gold set (eval/gold.jsonl) -> metrics, baselines and reports.

gold = eval.load_gold(path)                 # UserError naming the line for malformed input
report = eval.run(gold, index)              # the system, BM25-only, dense-only, naive pipeline
report.to_dict()                            # the `planqa eval --json` output
eval.write_report(report, out_dir)          # Markdown + charts; returns the report's path

(The package shadows the builtin name `eval` only for code that imports it by that name:
`import eval as planqa_eval`.)
"""

from eval.gold import DEFAULT_GOLD, KINDS, GoldEvidence, GoldItem, evidence_problems, load_gold
from eval.runner import TARGETS, Report, run

__all__ = [
    "DEFAULT_GOLD",
    "KINDS",
    "TARGETS",
    "GoldEvidence",
    "GoldItem",
    "Report",
    "evidence_problems",
    "load_gold",
    "run",
    "write_report",
]


def write_report(report, out_dir):
    """Write the Markdown report (and its charts) into out_dir; returns the report's path."""
    from eval.report import write_report as _write

    return _write(report, out_dir)
