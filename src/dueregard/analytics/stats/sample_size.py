"""How many people per group a survey needs to detect a gap, and how big a sample yields them.

Seed 001 (Annex B): "a random sample of 10,000 people may only yield 500 ethnic minority respondents. If the race
dimension is to be covered in detail, an ethnic minority booster sample will be necessary." These helpers turn
that advice into numbers.

People per group to detect a difference between proportions p₁ and p₂ = p₁ ± d with a two-sided test at level
α and the given power (Fleiss, Levin & Paik, *Statistical Methods for Rates and Proportions*, without continuity
correction): n = [z₁₋α/₂ √(2 p̄ (1−p̄)) + z₁₋β √(p₁(1−p₁) + p₂(1−p₂))]² / (p₁ − p₂)², p̄ = (p₁ + p₂)/2, rounded up.
"""

from __future__ import annotations

import math

from dueregard.analytics.stats._common import normal_quantile, z_for


def people_per_group(*, baseline: float, gap_points: float, power: float = 0.8, alpha: float = 0.05) -> int:
    """People needed in *each* of two groups to detect a gap of ``gap_points`` percentage points from a
    ``baseline`` proportion (0–1; the gap is taken away from it when adding would pass 1).

    50% vs 60% at 80% power and α = 0.05 → 388 per group."""
    if not 0.0 < baseline < 1.0:
        raise ValueError(f"baseline must lie strictly between 0 and 1, got {baseline}.")
    if gap_points <= 0:
        raise ValueError("gap_points must be more than 0.")
    if not 0.0 < power < 1.0:
        raise ValueError(f"power must lie between 0 and 1, got {power}.")
    d = gap_points / 100.0
    other = baseline + d if baseline + d < 1.0 else baseline - d
    if not 0.0 < other < 1.0:
        raise ValueError("The gap is too large for the baseline: the other proportion falls outside (0, 1).")
    if not 0.0 < alpha < 1.0:
        raise ValueError(f"alpha must lie between 0 and 1, got {alpha}.")
    z_alpha = z_for(1.0 - alpha)
    z_beta = normal_quantile(power)  # one-sided: 0.8416 at 80% power, 0 at 50%, negative below
    mean = (baseline + other) / 2.0
    numerator = z_alpha * math.sqrt(2 * mean * (1 - mean)) + z_beta * math.sqrt(
        baseline * (1 - baseline) + other * (1 - other)
    )
    return math.ceil(round(numerator * numerator / (d * d), 9))


def expected_in_group(*, sample_size: int, group_share: float) -> float:
    """People of the group a simple random sample is expected to include (10,000 × 5% → 500)."""
    if not 0.0 <= group_share <= 1.0:
        raise ValueError(f"group_share must lie between 0 and 1, got {group_share}.")
    return sample_size * group_share


def sample_needed_for_group(*, people_in_group: int, group_share: float) -> int:
    """The simple random sample needed to expect ``people_in_group`` of the group; when this is impractical, a
    booster sample of the group is needed."""
    if not 0.0 < group_share <= 1.0:
        raise ValueError(f"group_share must lie between 0 (exclusive) and 1, got {group_share}.")
    return math.ceil(round(people_in_group / group_share, 9))


def booster_needed(*, sample_size: int, group_share: float, people_in_group: int) -> int:
    """The extra people of the group (a booster sample) a survey of ``sample_size`` needs on top of those it is
    expected to yield, to reach ``people_in_group``; 0 when the main sample is enough.

    Seed 001: 10,000 people at 5% yield 500; to detect a 10-point gap from 50% (388 per group, 80% power) no booster
    is needed, but comparing two ethnic minority groups of 2.5% each would need 388 − 250 = 138 more in each."""
    if sample_size < 0:
        raise ValueError("sample_size cannot be negative.")
    expected = expected_in_group(sample_size=sample_size, group_share=group_share)
    return max(0, math.ceil(round(people_in_group - expected, 9)))
