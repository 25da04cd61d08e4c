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
    # …or when a clause of a sentence of several reaches this (qa.meaning.clauses_naming);
    # None: clauses are not read apart
    district_clause: float | None = None
    # questions without Chinese characters (English…): no lexical overlap with the corpus is
    # possible and cross-lingual cosines run lower, so they get their own measured threshold
    abstain_evidence_latin: float | None = None
    # weight of the passage coverage in the evidence (qa.answer.evidence_score), chosen with
    # the threshold
    coverage_weight: float = 0.0
    # for those questions the coverage is that of their words among the CEDICT glosses of the
    # passages' words (qa.crosslingual), with its own weight
    coverage_weight_latin: float = 0.0

    def _judged_as_latin(self, question: str) -> bool:
        return self.abstain_evidence_latin is not None and not has_cjk(question)

    def abstain_threshold(self, question: str) -> float:
        if self._judged_as_latin(question):
            return self.abstain_evidence_latin
        return self.abstain_evidence

    def coverage_weight_for(self, question: str) -> float:
        if self._judged_as_latin(question):
            return self.coverage_weight_latin
        return self.coverage_weight


def has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


@cache
def load_calibration() -> Calibration:
    raw = resources.files("qa").joinpath("data", "calibration.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    return Calibration(
        abstain_evidence=float(data["abstain_evidence"]),
        district_semantic=float(data["district_semantic"]),
        district_clause=float(data["district_clause"]) if "district_clause" in data else None,
        coverage_weight=float(data.get("coverage_weight", 0.0)),
        coverage_weight_latin=float(data.get("coverage_weight_latin", 0.0)),
        abstain_evidence_latin=(
            float(data["abstain_evidence_latin"]) if "abstain_evidence_latin" in data else None
        ),
    )
