"""Thresholds measured by benchmarks/calibrate_qa.py and stored in qa/data/calibration.json,
so the numbers the code uses are the numbers the benchmark wrote down."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Calibration:
    # answer when the retrieval evidence (see qa.answer.evidence_score) reaches this
    abstain_evidence: float
    # a district with no exact term match counts as mentioning a topic when its best
    # sentence's cosine similarity to the topic reaches this
    district_semantic: float


@cache
def load_calibration() -> Calibration:
    raw = resources.files("qa").joinpath("data", "calibration.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    return Calibration(
        abstain_evidence=float(data["abstain_evidence"]),
        district_semantic=float(data["district_semantic"]),
    )
