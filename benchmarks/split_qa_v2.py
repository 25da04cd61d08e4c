"""Split the qa_v2 question set into a development half and a held-out half.

Every kind of question (its first tag) is shuffled with a fixed seed and dealt alternately to
the two halves, so both hold the same mix; the two turns of a follow-up pair stay together.
Develop on `qa_v2_dev.jsonl` only; `qa_v2_holdout.jsonl` is run to report, never to tune.

    python benchmarks/split_qa_v2.py        # rewrites both halves from qa_v2.jsonl
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
    rows = [
        json.loads(x)
        for x in (DATA / "qa_v2.jsonl").read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]
    dev, holdout = split(rows)
    for name, part in (("qa_v2_dev.jsonl", dev), ("qa_v2_holdout.jsonl", holdout)):
        (DATA / name).write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part), encoding="utf-8"
        )
        print(f"{name}: {len(part)}")


if __name__ == "__main__":
    main()
