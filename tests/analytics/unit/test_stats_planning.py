"""Sample sizes and the booster advice; the positive-action check over the previous 12 months."""

from __future__ import annotations

from datetime import date

import pytest

from dueregard.analytics.stats import (
    Snapshot,
    booster_needed,
    people_per_group,
    positive_action_check,
    positive_action_over_period,
)
from dueregard.analytics.stats.positive_action import twelve_months_before


def test_sample_size_at_half_power_needs_no_power_term() -> None:
    # At 50% power z_beta is 0: n = z² · 2p̄(1−p̄) / d² = 1.95996² · 2 · 0.55 · 0.45 / 0.1² = 190.2 → 191.
    assert people_per_group(baseline=0.5, gap_points=10, power=0.5) == 191


def test_a_larger_gap_needs_fewer_people_and_a_stricter_alpha_more() -> None:
    assert people_per_group(baseline=0.5, gap_points=20) < people_per_group(baseline=0.5, gap_points=10)
    assert people_per_group(baseline=0.5, gap_points=10, alpha=0.01) > people_per_group(baseline=0.5, gap_points=10)


def test_booster_sample_advice_from_seed_001() -> None:
    # 10,000 people at 5% yield 500: enough for 388 per group, not for two groups of 2.5% (250 each).
    assert booster_needed(sample_size=10_000, group_share=0.05, people_in_group=388) == 0
    assert booster_needed(sample_size=10_000, group_share=0.025, people_in_group=388) == 138


def test_positive_action_records_the_threshold_and_why() -> None:
    check = positive_action_check(
        group_in_work=1,
        total_in_work=40,
        establishment_share=0.1,
        small_ratio=0.5,
        small_ratio_reason="Board decision of 3 March: small means below half.",
    )
    assert check.under_represented
    assert check.to_dict()["small_ratio_reason"] == "Board decision of 3 March: small means below half."
    with pytest.raises(ValueError, match="small_ratio"):
        positive_action_check(group_in_work=1, total_in_work=40, establishment_share=0.1, small_ratio=1.5)


def test_for_disability_more_favourable_treatment_is_noted_instead_of_the_race_limit() -> None:
    check = positive_action_check(
        group_in_work=0, total_in_work=40, establishment_share=0.1, characteristic="disability"
    )
    assert any("s.13(3)" in note for note in check.notes)
    assert not any("not lawful" in note for note in check.notes)


SNAPSHOTS = [
    Snapshot(on=date(2024, 3, 31), group_in_work=0, total_in_work=20, establishment_share=0.1),  # a year before
    Snapshot(on=date(2024, 6, 30), group_in_work=3, total_in_work=20, establishment_share=0.1),
    Snapshot(on=date(2024, 9, 30), group_in_work=1, total_in_work=20, establishment_share=0.1),  # 5% vs 10%: small
    Snapshot(on=date(2025, 3, 31), group_in_work=2, total_in_work=20, establishment_share=0.1),
]


def test_the_condition_need_hold_only_at_some_time_in_the_previous_12_months() -> None:
    result = positive_action_over_period(snapshots=list(reversed(SNAPSHOTS)), as_of=date(2025, 3, 31))
    assert result.under_represented
    assert result.met_on == date(2024, 9, 30)
    assert [on for on, _check in result.checks] == [date(2024, 6, 30), date(2024, 9, 30), date(2025, 3, 31)]
    assert result.to_dict()["met_on"] == "2024-09-30"


def test_a_snapshot_older_than_12_months_does_not_count() -> None:
    result = positive_action_over_period(snapshots=[SNAPSHOTS[0], SNAPSHOTS[3]], as_of=date(2025, 4, 30))
    assert not result.under_represented
    assert result.met_on is None
    with pytest.raises(ValueError, match="No snapshot"):
        positive_action_over_period(snapshots=[SNAPSHOTS[0]], as_of=date(2026, 1, 1))


def test_twelve_months_before_a_leap_day() -> None:
    assert twelve_months_before(date(2024, 2, 29)) == date(2023, 2, 28)
    assert twelve_months_before(date(2025, 3, 31)) == date(2024, 3, 31)
