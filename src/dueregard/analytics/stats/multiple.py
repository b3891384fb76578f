"""Many tables tested at once: Benjamini–Hochberg adjusted p-values (controls the false discovery rate), and
Bonferroni (controls the chance of any false positive; stricter) for comparison.

BH (1995): sort the m p-values, p(1) ≤ … ≤ p(m); the adjusted value of p(i) is min over j ≥ i of p(j)·m/j, capped
at 1; reject every hypothesis whose adjusted p-value is ≤ q. That is the same set as the paper's step-up rule
(the largest i with p(i) ≤ i·q/m, and all smaller). Results come back in the order given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Adjusted:
    """Adjusted p-values and rejections, in the order the p-values were given."""

    method: str
    level: float
    p_values: tuple[float, ...]
    adjusted: tuple[float, ...]
    rejected: tuple[bool, ...]

    @property
    def rejections(self) -> int:
        return sum(self.rejected)

    def to_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "level": self.level,
            "p_values": list(self.p_values),
            "adjusted": list(self.adjusted),
            "rejected": list(self.rejected),
        }


def _check(p_values: Sequence[float], level: float) -> tuple[float, ...]:
    values = tuple(float(p) for p in p_values)
    if any(not 0.0 <= p <= 1.0 for p in values):
        raise ValueError("p-values must lie between 0 and 1.")
    if not 0.0 < level < 1.0:
        raise ValueError(f"The level must be between 0 and 1, got {level}.")
    return values


def benjamini_hochberg(p_values: Sequence[float], *, q: float = 0.05) -> Adjusted:
    """BH adjusted p-values and which hypotheses are rejected at false discovery rate ``q``."""
    values = _check(p_values, q)
    m = len(values)
    order = sorted(range(m), key=lambda index: values[index])
    adjusted = [0.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        index = order[rank - 1]
        running = min(running, values[index] * m / rank)
        # p·m/rank ≥ p exactly; max() keeps floating-point rounding (p·3/3 < p) from breaking that.
        adjusted[index] = max(values[index], running)
    return Adjusted(
        method="Benjamini–Hochberg",
        level=q,
        p_values=values,
        adjusted=tuple(adjusted),
        rejected=tuple(a <= q for a in adjusted),
    )


def bonferroni(p_values: Sequence[float], *, alpha: float = 0.05) -> Adjusted:
    """Bonferroni: each p-value times m, capped at 1; rejected when ≤ alpha."""
    values = _check(p_values, alpha)
    m = len(values)
    adjusted = tuple(min(1.0, p * m) for p in values)
    return Adjusted(
        method="Bonferroni",
        level=alpha,
        p_values=values,
        adjusted=adjusted,
        rejected=tuple(a <= alpha for a in adjusted),
    )
