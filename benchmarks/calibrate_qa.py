"""Calibrate the qa stage's two thresholds on measured evidence, and report how well they do.

1. Abstention: the retrieval evidence (qa.answer.evidence_score) of answerable and
   unanswerable questions (benchmarks/data/qa_questions.jsonl); the threshold is the midpoint
   of the gap that best separates them (maximum accuracy, ties -> the widest margin).
2. District finder: for each topic in benchmarks/data/district_topics.jsonl and each district,
   the exact/synonym match and the best sentence similarity; the semantic threshold is the
   one with the best F1 over all (topic, district) pairs, exact matches included.

Writes benchmarks/results/qa_calibration.json (and .md); with --write also updates the coverage
weights and the finder's threshold in qa/data/calibration.json, which is what the code reads.
The abstention thresholds the code uses are fitted on the question sets' development halves by
benchmarks/calibrate_qa_v2.py; the ones reported here are this older set's own.

    .venv/bin/python -m benchmarks.calibrate_qa [--write]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "benchmarks" / "data"
RESULTS = REPO / "benchmarks" / "results"
CALIBRATION = REPO / "qa" / "data" / "calibration.json"


def _load(name: str) -> list[dict]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _open_index():
    import index
    from corpus.settings import Settings

    # the test cache: a build here embeds nothing the test suite has not embedded already
    settings = Settings(
        index_dir=REPO / ".planqa" / "bench-index", cache_dir=REPO / ".planqa" / "test-cache"
    )
    return index.open_or_build(settings)


# --- abstention ----------------------------------------------------------------------------


def question_evidence(idx, question: str) -> dict:
    """The evidence of one question and the answer the chain gives when it does not abstain,
    through the public stages (the calibration is a parameter, not a patched global)."""
    from qa.answer import prepare
    from qa.calibration import Calibration
    from qa.compose_sentence import compose_extractive, retrieve
    from qa.compose_text import section_overview
    from qa.units import evidence_score, passage_coverage, score_units
    from qa.vocabulary import vocabulary

    q, filters, early = prepare(question, idx, None)
    if early is not None:
        return {"evidence": None, "early": True}
    q = vocabulary(idx).correct(q)  # as answer_stream reads it
    hits = retrieve(idx, {"question": q, "filters": filters})
    units = score_units(idx, {"question": q, "hits": hits})
    best = max(units, key=lambda u: u.cosine) if units else None
    coverage = passage_coverage(q, hits, idx)
    # the answer the chain would give if it did not abstain (threshold below any evidence)
    never = Calibration(abstain_evidence=-1.0, district_semantic=9.0)
    composed = compose_extractive(q, hits, units, idx, calibration=never)
    overview = section_overview(q, hits, idx, {}) is not None
    return {
        "overview": overview,
        "answer": composed.answer,
        # abstained after the threshold: the best units hold no value of the asked type
        "no_number": bool(composed.extra.get("missing_type") or composed.extra.get("missing_slot")),
        "cited_sections": [" › ".join(c.section) for c in composed.citations],
        "evidence": evidence_score(units, coverage, weight=0.0),
        "cosine": best.cosine if best else 0.0,
        "coverage": coverage,
        "early": False,
    }


def _answer_correct(r: dict) -> bool:
    """An answerable question's answer contains the expected number, or cites the expected
    section (the section path or the quote names it)."""
    if not r["answerable"]:
        return True
    if "expect" in r:
        return all(x in r["answer"] for x in r["expect"])
    if "expect_any" in r:
        return any(x in r["answer"] for x in r["expect_any"])
    return any(r["section"] in s for s in r["cited_sections"])


def best_threshold(pos: list[float], neg: list[float]) -> tuple[float, float]:
    """(threshold, accuracy): answer when evidence >= threshold."""
    values = sorted(set(pos + neg))
    cuts = [values[0] - 1e-3] + [(a + b) / 2 for a, b in itertools.pairwise(values)]
    cuts.append(values[-1] + 1e-3)

    def accuracy(t: float) -> float:
        return (sum(p >= t for p in pos) + sum(n < t for n in neg)) / (len(pos) + len(neg))

    def margin(t: float) -> float:
        return min([abs(v - t) for v in values] or [0.0])

    best = max(cuts, key=lambda t: (round(accuracy(t), 9), margin(t)))
    return best, accuracy(best)


# candidate weights of the passage coverage next to the best sentence's cosine
COVERAGE_WEIGHTS = (0.0, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3)
# English questions get their own threshold when, with each question held out, it judges at
# least this much more of them right than the Chinese threshold does (under which they nearly
# all abstain: right only for the unanswerable ones)
LATIN_MIN_GAIN = 0.10
# the glossed coverage separates English questions more than the cosine does, so the sweep
# goes further for them
LATIN_COVERAGE_WEIGHTS = (*COVERAGE_WEIGHTS, 0.4, 0.5, 0.75, 1.0)


def _loo(rows: list[dict]) -> tuple[float, float, float]:
    """(leave-one-out accuracy, threshold, accuracy) of the rows' current evidence: each
    question judged by a threshold fitted without it."""
    pos = [r["evidence"] for r in rows if r["answerable"]]
    neg = [r["evidence"] for r in rows if not r["answerable"]]
    threshold, acc = best_threshold(pos, neg)
    correct = 0
    for i, r in enumerate(rows):
        others = rows[:i] + rows[i + 1 :]
        t, _ = best_threshold(
            [o["evidence"] for o in others if o["answerable"]],
            [o["evidence"] for o in others if not o["answerable"]],
        )
        correct += (r["evidence"] >= t) == r["answerable"]
    return correct / len(rows), threshold, acc


def _choose_weight(
    rows: list[dict], weights: tuple[float, ...] = COVERAGE_WEIGHTS
) -> tuple[float, list[dict]]:
    """The coverage weight whose threshold generalises best (leave-one-out), then the best
    accuracy on the whole set; leaves each row's evidence computed with it."""
    sweep = []
    for weight in weights:
        for r in rows:
            r["evidence"] = r["cosine"] + weight * r["coverage"]
        loo, t, a = _loo(rows)
        sweep.append(
            {
                "weight": weight,
                "leave_one_out": round(loo, 4),
                "threshold": round(t, 4),
                "accuracy": round(a, 4),
            }
        )
    weight = max(sweep, key=lambda s: (s["leave_one_out"], s["accuracy"]))["weight"]
    for r in rows:
        r["evidence"] = r["cosine"] + weight * r["coverage"]
    return weight, sweep


def calibrate_latin(idx, chinese_threshold: float, chinese_weight: float) -> dict:
    """The separate threshold and coverage weight for questions without Chinese characters
    (English), whose coverage is that of their words among the passages' CEDICT glosses."""
    rows = []
    for item in _load("qa_questions_en.jsonl"):
        rows.append({**item, **question_evidence(idx, item["question"])})
        print(
            f"  {rows[-1]['cosine']:.4f} {rows[-1]['coverage']:.3f}  {item['question']}",
            file=sys.stderr,
        )
    # what they get without a threshold of their own: the Chinese weight and threshold
    shared = sum(
        (r["cosine"] + chinese_weight * r["coverage"] >= chinese_threshold) == r["answerable"]
        for r in rows
    ) / len(rows)
    weight, sweep = _choose_weight(rows, LATIN_COVERAGE_WEIGHTS)
    loo, threshold, acc = _loo(rows)
    with_number_check = sum(
        (r["evidence"] >= threshold and not r["no_number"]) == r["answerable"] for r in rows
    ) / len(rows)
    pos = [r["evidence"] for r in rows if r["answerable"]]
    neg = [r["evidence"] for r in rows if not r["answerable"]]
    for r in rows:
        judged = any(k in r for k in ("expect", "expect_any", "section"))
        r["correct"] = _answer_correct(r) if judged else None
    return {
        "threshold": round(threshold, 4),
        "coverage_weight": weight,
        "weight_sweep": sweep,
        "accuracy": round(acc, 4),
        "leave_one_out_accuracy": round(loo, 4),
        "accuracy_with_number_check": round(with_number_check, 4),
        "accuracy_with_the_chinese_threshold": round(shared, 4),
        "used": loo >= shared + LATIN_MIN_GAIN,
        "answerable": {"n": len(pos), "min": min(pos), "max": max(pos)},
        "unanswerable": {"n": len(neg), "min": min(neg), "max": max(neg)},
        "answered_wrongly_abstained": [
            r["question"] for r in rows if r["answerable"] and r["evidence"] < threshold
        ],
        "unanswerable_answered": [
            r["question"] for r in rows if not r["answerable"] and r["evidence"] >= threshold
        ],
        "answers_wrong": [
            r["question"]
            for r in rows
            if r["answerable"] and r["evidence"] >= threshold and r["correct"] is False
        ],
        "items": rows,
    }


def calibrate_abstention(idx) -> dict:
    items = _load("qa_questions.jsonl")
    rows = []
    for item in items:
        ev = question_evidence(idx, item["question"])
        rows.append({**item, **ev})
        print(
            f"  {ev['evidence']!s:>22}  {item['answerable']!s:5}  {item['question']}",
            file=sys.stderr,
        )
    rows = [r for r in rows if r["evidence"] is not None]
    weight, sweep = _choose_weight(rows)
    pos = [r["evidence"] for r in rows if r["answerable"]]
    neg = [r["evidence"] for r in rows if not r["answerable"]]
    threshold, acc = best_threshold(pos, neg)
    loo_accuracy, _, _ = _loo(rows)
    for r in rows:
        r["correct"] = _answer_correct(r)
    answerable = [r for r in rows if r["answerable"]]
    return {
        "leave_one_out_accuracy": round(loo_accuracy, 4),
        "coverage_weight": weight,
        "weight_sweep": sweep,
        "answers_correct": sum(r["correct"] for r in answerable),
        "answers_wrong": [r["question"] for r in answerable if not r["correct"]],
        "threshold": round(threshold, 4),
        "accuracy": round(acc, 4),
        "answerable": {
            "n": len(pos),
            "min": min(pos),
            "median": sorted(pos)[len(pos) // 2],
            "max": max(pos),
        },
        "unanswerable": {
            "n": len(neg),
            "min": min(neg),
            "median": sorted(neg)[len(neg) // 2],
            "max": max(neg),
        },
        "answered_wrongly_abstained": [
            r["question"]
            for r in rows
            if r["answerable"] and (r["evidence"] < threshold or r["no_number"])
        ],
        "accuracy_with_number_check": round(
            sum(
                (r["evidence"] >= threshold and not r["no_number"]) == r["answerable"] for r in rows
            )
            / len(rows),
            4,
        ),
        "answered_by_section_overview": [r["question"] for r in rows if r.get("overview")],
        "unanswerable_answered": [
            r["question"]
            for r in rows
            if not r["answerable"]
            and ((r["evidence"] >= threshold and not r["no_number"]) or r.get("overview"))
        ],
        "items": rows,
    }


# --- district finder -----------------------------------------------------------------------


def district_features(idx, topic_text: str) -> tuple[str, dict[str, tuple[bool, float]]]:
    """topic, {district: (exact/synonym match, best sentence similarity)} with the semantic
    threshold disabled, so the decision can be re-made at every candidate threshold."""
    import importlib

    from qa.calibration import Calibration

    module = importlib.import_module("qa.districts")
    original = module.load_calibration
    module.load_calibration = lambda: Calibration(abstain_evidence=0.0, district_semantic=9.0)
    try:
        report = module.districts(topic_text, idx)
    finally:
        module.load_calibration = original
    feats = {}
    for r in report.districts:
        lexical = r.score >= 1.0
        feats[r.district] = (lexical, r.score - (1.0 if lexical else 0.0))
    return report.topic, feats


def prf(pairs: list[tuple[bool, bool]]) -> dict:
    tp = sum(p and g for p, g in pairs)
    fp = sum(p and not g for p, g in pairs)
    fn = sum(g and not p for p, g in pairs)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def calibrate_districts(idx) -> dict:
    topics = _load("district_topics.jsonl")
    rows = []
    for item in topics:
        topic, feats = district_features(idx, item["topic"])
        rows.append(
            {"topic_text": item["topic"], "topic": topic, "gold": item["districts"], "feats": feats}
        )
        print(f"  {item['topic']} -> {topic}: {feats}", file=sys.stderr)

    def decide(t: float) -> list[tuple[bool, bool]]:
        return [
            (lex or sim >= t, d in r["gold"]) for r in rows for d, (lex, sim) in r["feats"].items()
        ]

    sims = sorted({round(sim, 4) for r in rows for lex, sim in r["feats"].values() if not lex})
    candidates = [s + 1e-4 for s in sims] + [9.0]
    scored = [(prf(decide(t)), t) for t in candidates]
    # best F1; among equals the lowest threshold, so that semantic matching still finds
    # paraphrases no synonym covers, above every similarity that would add a false positive
    best_metrics, best_t = max(scored, key=lambda mt: (mt[0]["f1"], -mt[1]))
    lexical_only = prf(decide(9.0))
    per_topic = []
    for r in rows:
        predicted = sorted(d for d, (lex, sim) in r["feats"].items() if lex or sim >= best_t)
        per_topic.append(
            {
                "topic": r["topic_text"],
                "extracted": r["topic"],
                "gold": sorted(r["gold"]),
                "predicted": predicted,
                "ok": predicted == sorted(r["gold"]),
            }
        )
    heldout = heldout_districts(idx, best_t)
    return {
        "heldout": heldout,
        "threshold": round(best_t, 4) if best_t < 9 else None,
        "with_threshold": best_metrics,
        "lexical_and_synonyms_only": lexical_only,
        "sweep": [{"threshold": round(t, 4), **m} for m, t in scored if t < 9],
        "topics_exact": sum(p["ok"] for p in per_topic),
        "topics": len(per_topic),
        "per_topic": per_topic,
        "semantic_similarity_of_unmatched": {
            "gold_yes": sorted(
                round(sim, 4)
                for r in rows
                for d, (lex, sim) in r["feats"].items()
                if not lex and d in r["gold"]
            ),
            "gold_no_max": max(
                (
                    sim
                    for r in rows
                    for d, (lex, sim) in r["feats"].items()
                    if not lex and d not in r["gold"]
                ),
                default=None,
            ),
        },
    }


def heldout_districts(idx, threshold: float) -> dict:
    """P/R on topics written before any measurement and never used for tuning (synonym
    table or threshold): the honest estimate for topics users will bring."""
    pairs, per_topic = [], []
    for item in _load("district_topics_heldout.jsonl"):
        topic, feats = district_features(idx, item["topic"])
        predicted = sorted(d for d, (lex, sim) in feats.items() if lex or sim >= threshold)
        pairs += [(d in predicted, d in item["districts"]) for d in feats]
        per_topic.append(
            {
                "topic": item["topic"],
                "extracted": topic,
                "gold": sorted(item["districts"]),
                "predicted": predicted,
                "ok": predicted == sorted(item["districts"]),
            }
        )
        print(f"  heldout {item['topic']} -> {topic}: {feats}", file=sys.stderr)
    return {
        "metrics": prf(pairs),
        "topics_exact": sum(p["ok"] for p in per_topic),
        "topics": len(per_topic),
        "per_topic": per_topic,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update qa/data/calibration.json")
    args = parser.parse_args(argv)
    t0 = time.time()
    idx = _open_index()
    print("abstention:", file=sys.stderr)
    abstention = calibrate_abstention(idx)
    abstention["latin"] = calibrate_latin(
        idx, abstention["threshold"], abstention["coverage_weight"]
    )
    print("districts:", file=sys.stderr)
    districts = calibrate_districts(idx)
    result = {
        "abstention": abstention,
        "districts": districts,
        "seconds": round(time.time() - t0, 1),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "qa_calibration.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    summary = _summary(result)
    (RESULTS / "qa_calibration.md").write_text(summary, encoding="utf-8")
    print(summary)
    if args.write:
        # the two abstention thresholds are fitted on the question sets' development halves
        # (benchmarks/calibrate_qa_v2.py); this run writes the weights and the finder's threshold
        semantic = districts["threshold"] if districts["threshold"] is not None else 9.0
        data = json.loads(CALIBRATION.read_text(encoding="utf-8"))
        data["coverage_weight"] = abstention["coverage_weight"]
        if abstention["latin"]["used"]:
            data["coverage_weight_latin"] = abstention["latin"]["coverage_weight"]
        data["district_semantic"] = semantic
        CALIBRATION.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return 0


def _summary(result: dict) -> str:
    a, d = result["abstention"], result["districts"]
    lines = [
        "# qa calibration",
        "",
        (
            f"Abstention threshold {a['threshold']} (evidence = best sentence's cosine + "
            f"{a['coverage_weight']} x IDF-weighted coverage of the question in the top 3 passages): accuracy {a['accuracy']:.1%} on "
            f"{a['answerable']['n']} answerable / {a['unanswerable']['n']} unanswerable questions."
        ),
        f"- leave-one-out accuracy (threshold refitted without each question): {a['leave_one_out_accuracy']:.1%}",
        (
            "- with the number check (a 多少/几个 question whose best sentence holds no number "
            f"abstains): accuracy {a['accuracy_with_number_check']:.1%}"
        ),
        "- coverage weight sweep (weight: leave-one-out / accuracy): "
        + ", ".join(
            f"{s['weight']}: {s['leave_one_out']:.1%} / {s['accuracy']:.1%}"
            for s in a["weight_sweep"]
        ),
        (
            f"- answers right (expected number in the answer / expected section cited): "
            f"{a['answers_correct']}/{a['answerable']['n']}; wrong: {a['answers_wrong'] or 'none'}"
        ),
        f"- answerable evidence: min {a['answerable']['min']:.4f}, median {a['answerable']['median']:.4f}, max {a['answerable']['max']:.4f}",
        f"- unanswerable evidence: min {a['unanswerable']['min']:.4f}, median {a['unanswerable']['median']:.4f}, max {a['unanswerable']['max']:.4f}",
        f"- answerable but abstained: {a['answered_wrongly_abstained'] or 'none'}",
        f"- unanswerable but answered: {a['unanswerable_answered'] or 'none'}",
        (
            f"- questions without Chinese characters ({a['latin']['answerable']['n']} answerable, "
            f"{a['latin']['unanswerable']['n']} unanswerable, English; evidence = cosine + "
            f"{a['latin']['coverage_weight']} x IDF-weighted coverage of the question's words among "
            f"the CEDICT glosses of the top 3 passages): threshold "
            f"{a['latin']['threshold']}, accuracy {a['latin']['accuracy']:.1%}, leave-one-out "
            f"{a['latin']['leave_one_out_accuracy']:.1%} ("
            + f"{a['latin']['accuracy_with_number_check']:.1%} with the number check; "
            f"{a['latin']['accuracy_with_the_chinese_threshold']:.1%} with the Chinese threshold: "
            + (
                "used"
                if a["latin"]["used"]
                else f"less than {LATIN_MIN_GAIN:.0%} better: not used, English questions abstain"
            )
            + f"); answerable {a['latin']['answerable']['min']:.4f}"
            f"–{a['latin']['answerable']['max']:.4f}, unanswerable "
            f"{a['latin']['unanswerable']['min']:.4f}–{a['latin']['unanswerable']['max']:.4f}; "
            f"coverage weight sweep (weight: leave-one-out / accuracy): "
            + ", ".join(
                f"{w['weight']}: {w['leave_one_out']:.1%} / {w['accuracy']:.1%}"
                for w in a["latin"]["weight_sweep"]
            )
            + f"; answerable but abstained: {a['latin']['answered_wrongly_abstained'] or 'none'}"
            + f"; unanswerable but answered: {a['latin']['unanswerable_answered'] or 'none'}"
        ),
        (
            f"- answered by the section-overview rule (no threshold): "
            f"{a['answered_by_section_overview'] or 'none'}"
        ),
        "",
        (
            f"District finder semantic threshold {d['threshold']}: precision {d['with_threshold']['precision']:.1%}, "
            f"recall {d['with_threshold']['recall']:.1%}, F1 {d['with_threshold']['f1']:.3f} over "
            f"{d['topics']} topics x districts; exact district set for {d['topics_exact']}/{d['topics']} topics."
        ),
        (
            f"- exact/synonym matching alone: precision {d['lexical_and_synonyms_only']['precision']:.1%}, "
            f"recall {d['lexical_and_synonyms_only']['recall']:.1%}, F1 {d['lexical_and_synonyms_only']['f1']:.3f}"
        ),
        (
            f"- held-out topics (never used for tuning): precision "
            f"{d['heldout']['metrics']['precision']:.1%}, recall {d['heldout']['metrics']['recall']:.1%}, "
            f"F1 {d['heldout']['metrics']['f1']:.3f}; exact set for "
            f"{d['heldout']['topics_exact']}/{d['heldout']['topics']} topics"
        ),
        "",
        "| topic | extracted | gold | predicted |",
        "|---|---|---|---|",
    ]
    for p in d["per_topic"]:
        mark = "" if p["ok"] else " ✗"
        lines.append(
            f"| {p['topic']} | {p['extracted']} | {'、'.join(p['gold']) or '—'} | {'、'.join(p['predicted']) or '—'}{mark} |"
        )
    lines += [
        "",
        "Held-out topics:",
        "",
        "| topic | extracted | gold | predicted |",
        "|---|---|---|---|",
    ]
    for p in d["heldout"]["per_topic"]:
        mark = "" if p["ok"] else " ✗"
        lines.append(
            f"| {p['topic']} | {p['extracted']} | {'、'.join(p['gold']) or '—'} | "
            f"{'、'.join(p['predicted']) or '—'}{mark} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
