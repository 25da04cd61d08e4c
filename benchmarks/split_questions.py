"""Split a question set (qa_v2, qa_v3) into a development half and a held-out half.

Every kind of question (its first tag) is shuffled with a fixed seed and dealt alternately to
the two halves, so both hold the same mix; the two turns of a follow-up pair stay together.
Develop on `NAME_dev.jsonl` only; `NAME_holdout.jsonl` is run to report, never to tune.

    python benchmarks/split_questions.py qa_v3   # rewrites both halves from qa_v3.jsonl
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
SEED = 20261130


def split(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    groups: dict[str, list[list[dict]]] = defaultdict(list)
    by_id = {r["id"]: r for r in rows}
    for r in rows:
        if r.get("follows"):
            continue  # dealt with the turn it follows
        group = [r] + [x for x in rows if x.get("follows") == r["id"]]
        groups[r["tags"][0] if r.get("tags") else r["kind"]].append(group)
    assert sum(len(g) for gs in groups.values() for g in gs) == len(by_id)
    rng = random.Random(SEED)
    dev: list[dict] = []
    holdout: list[dict] = []
    for tag in sorted(groups):
        gs = groups[tag]
        rng.shuffle(gs)
        for i, g in enumerate(gs):
            (dev if i % 2 == 0 else holdout).extend(g)
    order = {r["id"]: i for i, r in enumerate(rows)}
    return sorted(dev, key=lambda r: order[r["id"]]), sorted(holdout, key=lambda r: order[r["id"]])


def main() -> None:
    import sys

    name = sys.argv[1] if len(sys.argv) > 1 else "qa_v2"
    rows = [
        json.loads(x)
        for x in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]
    dev, holdout = split(rows)
    for half, part in (("dev", dev), ("holdout", holdout)):
        (DATA / f"{name}_{half}.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part), encoding="utf-8"
        )
        print(f"{name}_{half}.jsonl: {len(part)}")


if __name__ == "__main__":
    main()
