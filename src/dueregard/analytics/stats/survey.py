"""Is a satisfaction gap real? Two-proportion z-tests, for raw counts and for weighted survey percentages.

"No statistically significant difference" needs a test, not overlapping intervals (two 95% intervals can overlap
while the difference is significant).

* **Counts** (:func:`two_proportion_z_test`): the pooled test. p = (k₁ + k₂)/(n₁ + n₂);
  z = (p₁ − p₂) / √(p(1−p)(1/n₁ + 1/n₂)). Equivalent to the uncorrected χ² of the 2×2 table (z² = χ²).
* **Weighted percentages** (:func:`weighted_gap_test`): a weighted survey's percentages are not k/n, and its
  n overstates the information. Each group's **Kish effective sample size** n_eff = (Σw)² / Σw² replaces n,
  and the standard error is unpooled: SE = √(p₁(1−p₁)/n_eff₁ + p₂(1−p₂)/n_eff₂), as survey reports (ONS, NHS Staff
  Survey) compare groups. It ignores clustering and stratification beyond what the weights carry.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dueregard.analytics.stats._common import check_part


@dataclass(frozen=True)
class GapTest:
    """gap_points = (reference − group) × 100 percentage points; z and the two-sided p-value."""

    group_proportion: float
    reference_proportion: float
    gap_points: float
    z: float | None
    p_value: float | None
    method: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "group_proportion": self.group_proportion,
            "reference_proportion": self.reference_proportion,
            "gap_points": self.gap_points,
            "z": self.z,
            "p_value": self.p_value,
            "method": self.method,
        }


def _two_sided(z: float) -> float:
    from scipy.stats import norm

    return float(2.0 * norm.sf(abs(z)))


def two_proportion_z_test(*, k_group: int, n_group: int, k_reference: int, n_reference: int) -> GapTest:
    """The pooled two-proportion z-test of the gap between the reference group and the group."""
    check_part(part_name="k_group", part=k_group, whole_name="n_group", whole=n_group)
    check_part(part_name="k_reference", part=k_reference, whole_name="n_reference", whole=n_reference)
    if n_group == 0 or n_reference == 0:
        raise ValueError("Both groups need at least one respondent.")
    p1, p2 = k_group / n_group, k_reference / n_reference
    pooled = (k_group + k_reference) / (n_group + n_reference)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n_group + 1 / n_reference))
    gap = (p2 - p1) * 100.0
    method = "Two-proportion z-test (pooled)"
    if se == 0:
        return GapTest(p1, p2, gap, None, None, method)
    z = (p2 - p1) / se
    return GapTest(p1, p2, gap, z, _two_sided(z), method)


def kish_effective_sample_size(weights: Sequence[float]) -> float:
    """(Σw)² / Σw²: how many unweighted respondents the weighted sample is worth (n when all weights are equal)."""
    if not weights or any(w < 0 for w in weights):
        raise ValueError("Give at least one weight, none negative.")
    total = math.fsum(weights)
    squares = math.fsum(w * w for w in weights)
    if squares == 0:
        raise ValueError("All weights are zero.")
    return total * total / squares


def weighted_gap_test(
    *, group_percent: float, reference_percent: float, effective_n_group: float, effective_n_reference: float
) -> GapTest:
    """The unpooled z-test of a gap between two weighted percentages (0–100), with Kish effective sample sizes."""
    for name, value in (("group_percent", group_percent), ("reference_percent", reference_percent)):
        if not 0.0 <= value <= 100.0:
            raise ValueError(f"{name} must lie between 0 and 100, got {value}.")
    if effective_n_group <= 0 or effective_n_reference <= 0:
        raise ValueError("Effective sample sizes must be more than 0.")
    p1, p2 = group_percent / 100.0, reference_percent / 100.0
    se = math.sqrt(p1 * (1 - p1) / effective_n_group + p2 * (1 - p2) / effective_n_reference)
    gap = reference_percent - group_percent
    method = "Two-proportion z-test (unpooled) on weighted percentages, Kish effective sample sizes"
    if se == 0:
        return GapTest(p1, p2, gap, None, None, method)
    z = (p2 - p1) / se
    return GapTest(p1, p2, gap, z, _two_sided(z), method)
