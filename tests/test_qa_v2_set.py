"""The qa_v2 question set (benchmarks/data): its shape, its split, and its evidence — every
quote verbatim on the stated line of the bundled corpus or of ../shared/external."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.settings import BUNDLED_DATA_DIR
from eval.gold import evidence_problems, load_gold

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "benchmarks" / "data"
EXTERNAL = REPO.parent / "shared" / "external"


def test_the_set_is_split_into_two_halves_that_cover_it():
    whole = load_gold(DATA / "qa_v2.jsonl")
    dev, holdout = load_gold(DATA / "qa_v2_dev.jsonl"), load_gold(DATA / "qa_v2_holdout.jsonl")
    assert len(whole) >= 150
    assert {i.id for i in dev} | {i.id for i in holdout} == {i.id for i in whole}
    assert not {i.id for i in dev} & {i.id for i in holdout}
    for half in (dev, holdout):
        ids = {i.id for i in half}
        assert all(i.follows in ids for i in half if i.follows), "a pair stays in one half"
        tags = {i.tags[0] for i in half}
        assert {"multi", "list", "definition", "field", "synonym", "metadata"} <= tags
        assert {"unanswerable", "english", "followup"} <= tags


def test_the_split_is_reproducible():
    from benchmarks.split_questions import split

    rows = [json.loads(x) for x in (DATA / "qa_v2.jsonl").read_text("utf-8").splitlines() if x]
    dev, holdout = split(rows)
    assert [r["id"] for r in dev] == [i.id for i in load_gold(DATA / "qa_v2_dev.jsonl")]
    assert [r["id"] for r in holdout] == [i.id for i in load_gold(DATA / "qa_v2_holdout.jsonl")]


def test_every_multi_part_item_names_its_parts():
    for item in load_gold(DATA / "qa_v2.jsonl"):
        if "multi" in item.tags:
            assert len(item.parts) >= 2, item.id


def test_bundled_evidence_is_on_the_stated_lines():
    items = load_gold(DATA / "qa_v2.jsonl")
    bundled = [i for i in items if all("/" not in e.source for e in i.evidence)]
    assert evidence_problems(bundled, BUNDLED_DATA_DIR) == []


@pytest.mark.skipif(not EXTERNAL.is_dir(), reason="../shared/external is not beside the repo")
def test_external_evidence_is_on_the_stated_lines():
    items = load_gold(DATA / "qa_v2.jsonl")
    assert evidence_problems(items, BUNDLED_DATA_DIR, root=REPO) == []
