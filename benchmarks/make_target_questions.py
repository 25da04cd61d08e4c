"""Make a question set of one kind users ask most, "X地Y年Z的目标是多少", from the indicators
annotated by hand in benchmarks/data/indicators_gold.jsonl: one question per annotated target
(and one per table row's base-year value), asked of the place and year the document sets it
for, over 41 documents (the bundled plans, 30 city work reports, 8 provincial reports).

The questions name each indicator as its document does, so they measure what follows
retrieval: picking the asked figure out of a line that sets ten, for the asked place and year.
Documents, not questions, are split in two with a fixed seed, so no line answers questions of
both halves.

    python benchmarks/make_target_questions.py   # benchmarks/data/qa_targets{,_dev,_holdout}.jsonl
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
SEED = 20261130
sys.path.insert(0, str(HERE.parent))

# the bundled plans' places, as a user names them (corpus/data's documents are numbered)
BUNDLED_PLACES = {
    "000_28d192e06e44a9e3.txt": "綦江区",
    "001_937c6c7ecafe199b.txt": "重庆高新区",
    "002_3865beef763800ed.txt": "大渡口区",
    "003_3bc941a8174c68f0.txt": "綦江区",
    "004_d29d0fa2820130c5.txt": "合川区",
}


def place_of(source: str) -> str | None:
    name = Path(source).name
    if name in BUNDLED_PLACES:
        return BUNDLED_PLACES[name]
    if "/city-work-reports-2024/" in source:
        return Path(source).stem
    found = re.search(r"\d{4}年(.+?)政府工作报告", name)
    return found.group(1) if found else None  # the tables built from a report are left out


def evidence_source(source: str) -> str:
    """The source as the question sets name it (relative to the repository)."""
    if source.startswith("corpus/data/"):
        return Path(source).name
    return "../shared/" + source


def quote_of(lines: list[str], row: dict) -> str | None:
    """The clause of the annotated line that states the figure (after the indicator's name
    when the line names it), None when the line does not hold the figure as annotated."""
    text = lines[row["line"] - 1] if 0 < row["line"] <= len(lines) else ""
    start = max(text.find(row["name"]), 0)
    for clause in re.split(r"(?<=[，,；;。])", text[start:]) + re.split(r"(?<=[，,；;。])", text):
        if row["value"] in clause and row["name"][:2] in clause:
            return clause.strip().rstrip("，,；;。") or None
    return None


def question(row: dict, place: str, plan: bool) -> tuple[str, str]:
    """The question asking for the row's target, and its expected figure."""
    name, year = row["name"], row["year"]
    if row["role"] == "actual":
        return f"{place}{year}年{name}是多少？", row["value"] + row["unit"]
    when = f"到{year}年" if plan else f"{year}年"
    return f"{place}{when}{name}的目标是多少？", row["value"] + row["unit"]


def items() -> list[dict]:
    from eval.gold import source_lines

    rows = [json.loads(x) for x in (DATA / "indicators_gold.jsonl").read_text("utf-8").splitlines()]
    out = []
    for row in rows:
        place = place_of(row["source"])
        if place is None:
            continue
        source = evidence_source(row["source"])
        lines = source_lines(
            HERE.parent / "corpus" / "data" / source if "/" not in source else HERE.parent / source
        )
        quote = quote_of(lines or [], row)
        if quote is None:  # a figure the line states in other words (一成 for 10%)
            continue
        plan = row["source"].startswith("corpus/data/")
        asked = [question(row, place, plan)]
        if row.get("baseline") and plan:
            asked.append((f"{place}2020年{row['name']}是多少？", row["baseline"] + row["unit"]))
        for text, figure in asked:
            out.append(
                {
                    "question": text,
                    "answer": figure,
                    "answer_keywords": [figure],
                    "districts": [],
                    "evidence": [{"source": source, "line": row["line"], "quote": quote}],
                    "tags": ["target"],
                    "kind": "fact",
                    "place": place,
                }
            )
    return out


def main() -> None:
    every = items()
    for n, item in enumerate(every, 1):
        item["id"] = f"tq-{n:03d}"
    sources = sorted({i["evidence"][0]["source"] for i in every})
    random.Random(SEED).shuffle(sources)
    dev_sources = set(sources[: len(sources) // 2])
    halves = {
        "qa_targets": every,
        "qa_targets_dev": [i for i in every if i["evidence"][0]["source"] in dev_sources],
        "qa_targets_holdout": [i for i in every if i["evidence"][0]["source"] not in dev_sources],
    }
    for name, half in halves.items():
        path = DATA / f"{name}.jsonl"
        path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in half), "utf-8")
        print(path.name, len(half))


if __name__ == "__main__":
    main()
