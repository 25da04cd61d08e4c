"""Calibrate the abstention threshold on the development halves of the qa_v2 … qa_v15 sets
(pooled), report it on their held-out halves: the Chinese threshold, or with --latin the one for
questions without Chinese characters (English), on those questions alone.

Every question is answered through the public entry point (`qa.answer`) with a calibration
whose threshold never abstains, so what is left is each answer's retrieval evidence and
whether it is right; the checks by type and slot still apply. The threshold is the one that
makes most development questions right (answerable: answered with its keywords; unanswerable:
declined), ties broken by the widest margin. The held-out half is scored at that threshold once.

    python benchmarks/calibrate_qa_v2.py [--latin] [--index-v2 DIR] … [--index-v15 DIR] [--write]

--write stores the threshold in qa/data/calibration.json. Follow-up and place-finder items are
left out (they do not go through the threshold).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

DATA = HERE / "data"
CALIBRATION = REPO / "qa" / "data" / "calibration.json"
SETS = range(2, 16)  # qa_v2 … qa_v15


def measure(items, idx, calibration) -> list[tuple[float | None, bool, bool]]:
    """(evidence or None when the answer bypasses the threshold, answerable, right if answered)
    per item."""
    import qa
    from eval.metrics import keywords_present

    out = []
    for item in items:
        try:
            ans = qa.answer(item.question, idx, calibration=calibration)
        except Exception:  # noqa: BLE001 - bad input is declined, as the CLI would
            out.append((None, item.answerable, False))
            continue
        evidence = ans.extra.get("evidence")
        bypass = not ans.abstained and evidence is None
        right = not ans.abstained and keywords_present(ans.answer, item.answer_keywords)
        # with a threshold that never declines, a decline comes from the checks by type and
        # slot: no threshold changes it
        if item.answerable:
            out.append((None if bypass or ans.abstained else evidence, True, right))
        else:
            out.append((None if bypass or ans.abstained else evidence, False, ans.abstained))
    return out


def accuracy(rows, t: float) -> float:
    ok = 0
    for evidence, answerable, right in rows:
        above = evidence is None or evidence >= t
        if answerable:
            ok += right and above
        else:
            ok += right or not above
    return ok / len(rows)


def fit(rows) -> tuple[float, float]:
    values = sorted({e for e, _, _ in rows if e is not None})
    cuts = [values[0] - 1e-6] + [(a + b) / 2 for a, b in itertools.pairwise(values)]
    cuts.append(values[-1] + 1e-6)
    best = max(accuracy(rows, c) for c in cuts)
    tied = [c for c in cuts if accuracy(rows, c) == best]
    # the widest run of tied cuts: its middle
    return tied[len(tied) // 2], best


def main() -> None:
    import index
    from eval.gold import load_gold
    from qa.calibration import load_calibration

    ap = argparse.ArgumentParser()
    for n in SETS:
        ap.add_argument(f"--index-v{n}", default=str(REPO / ".planqa" / f"index-v{n}"))
    ap.add_argument("--index", default=str(REPO / ".planqa" / "index"), help="bundled corpus")
    ap.add_argument("--latin", action="store_true", help="the threshold of English questions")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    never = replace(load_calibration(), abstain_evidence=-10.0, abstain_evidence_latin=-10.0)

    def usable(path):
        return [
            i
            for i in load_gold(path)
            if not i.follows
            and i.kind != "district"
            and "followup" not in i.tags
            # English has its own threshold
            and any(c >= "\u3400" for c in i.question) != args.latin
        ]

    dev, holdout = [], []
    sets = [(f"qa_v{n}", getattr(args, f"index_v{n}")) for n in SETS]
    for name, index_dir in sets:
        idx = index.open(index_dir)
        dev += measure(usable(DATA / f"{name}_dev.jsonl"), idx, never)
        holdout += measure(usable(DATA / f"{name}_holdout.jsonl"), idx, never)
    if args.latin:  # the older English set over the bundled corpus counts as development too
        from types import SimpleNamespace

        lines = (DATA / "qa_questions_en.jsonl").read_text("utf-8").splitlines()
        older = [
            SimpleNamespace(question=r["question"], answerable=r["answerable"], answer_keywords=[])
            for r in (json.loads(x) for x in lines if x.strip())
        ]
        dev += measure(older, index.open(args.index), never)
    threshold, dev_acc = fit(dev)
    key = "abstain_evidence_latin" if args.latin else "abstain_evidence"
    current = getattr(load_calibration(), key)
    report = {
        "threshold": round(threshold, 4),
        "dev_accuracy": round(dev_acc, 4),
        "holdout_accuracy": round(accuracy(holdout, threshold), 4),
        "previous_threshold": current,
        "dev_accuracy_at_previous": round(accuracy(dev, current), 4),
        "holdout_accuracy_at_previous": round(accuracy(holdout, current), 4),
        "dev_items": len(dev),
        "holdout_items": len(holdout),
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))
    if args.write:
        data = json.loads(CALIBRATION.read_text(encoding="utf-8"))
        data[key] = round(threshold, 4)
        data["_comment"] = (
            "abstain_evidence and abstain_evidence_latin: fitted on the development halves of"
            f" benchmarks/data/qa_v2 … qa_v{SETS[-1]} by benchmarks/calibrate_qa_v2.py [--latin] --write;"
            " the other values by benchmarks/calibrate_qa.py --write, see"
            " benchmarks/results/qa_calibration.md"
        )
        CALIBRATION.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
