"""A rate (k of n) with its Wilson score interval.

The Wilson interval (Wilson 1927; recommended by Newcombe 1998 and by ONS) stays inside [0, 1], is sensible for
0 of n and n of n, and has close to nominal coverage for small n, unlike the simple "p ± 1.96 SE" interval.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from dueregard.analytics.stats._common import check_part, z_for


@dataclass(frozen=True)
class Proportion:
    """``k`` of ``n`` had the outcome: ``estimate`` = k / n with its interval (None when n is 0)."""

    k: int
    n: int
    estimate: float | None
    low: float | None
    high: float | None
    confidence: float = 0.95
    method: str = "Wilson score interval"

    def to_dict(self) -> dict[str, Any]:
        return {
            "k": self.k,
            "n": self.n,
            "estimate": self.estimate,
            "low": self.low,
            "high": self.high,
            "confidence": self.confidence,
            "method": self.method,
        }


def wilson_interval(*, k: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """The Wilson score interval for k successes in n trials (no continuity correction).

    centre = (p + z²/2n) / (1 + z²/n); half-width = z √(p(1−p)/n + z²/4n²) / (1 + z²/n)."""
    check_part(part_name="k", part=k, whole_name="n", whole=n)
    if n == 0:
        raise ValueError("A Wilson interval needs at least one person (n = 0).")
    z = z_for(confidence)
    p = k / n
    denominator = 1.0 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    # The bounds are exactly 0 and 1 at k = 0 and k = n; clamp away rounding noise there.
    low = 0.0 if k == 0 else max(0.0, centre - half)
    high = 1.0 if k == n else min(1.0, centre + half)
    return low, high


def proportion(*, k: int, n: int, confidence: float = 0.95) -> Proportion:
    """k / n with its Wilson interval; with n = 0 every figure is None (the caller shows "N/A")."""
    check_part(part_name="k", part=k, whole_name="n", whole=n)
    if n == 0:
        return Proportion(k=k, n=n, estimate=None, low=None, high=None, confidence=confidence)
    low, high = wilson_interval(k=k, n=n, confidence=confidence)
    return Proportion(k=k, n=n, estimate=k / n, low=low, high=high, confidence=confidence)
