"""Latency figures shared by the benchmarks."""

from __future__ import annotations

import numpy as np


def percentiles(seconds: list[float], digits: int = 2) -> dict[str, float]:
    """p50, p95 and mean of `seconds`, in milliseconds."""
    ms = np.array(seconds) * 1000
    return {
        "p50_ms": round(float(np.percentile(ms, 50)), digits),
        "p95_ms": round(float(np.percentile(ms, 95)), digits),
        "mean_ms": round(float(ms.mean()), digits),
    }
