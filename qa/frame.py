"""The question frame, computed once per question: what is asked (qa/asks.py), the parts a
multi-part question splits into (qa/parts.py, each answered on its own), and the period slot of
each part (2020 / 基期 / 十三五 vs 2025 / 目标, qa/periods.py). Composers and the abstention
check read the frame, never the question text again.
"""

from __future__ import annotations

from dataclasses import dataclass

from qa.asks import asks_of
from qa.parts import split_parts
from qa.periods import period_of


@dataclass(frozen=True)
class Part:
    """One part of a question, phrased to stand alone ("重庆高新区财政科技支出占比2020年多少")."""

    text: str
    asks: str
    period: str | None  # "2020", "十三五目标", "基期"… or None


@dataclass(frozen=True)
class Frame:
    question: str
    asks: str
    parts: tuple[Part, ...]

    @property
    def multi(self) -> bool:
        return len(self.parts) > 1


def analyse(question: str) -> Frame:
    """The frame of `question`: its kind of ask and its parts (one, or one per thing asked)."""
    q = question.strip()
    texts = split_parts(q)
    parts = tuple(Part(t, asks_of(t), period_of(t)) for t in texts)
    return Frame(q, asks_of(q), parts)
