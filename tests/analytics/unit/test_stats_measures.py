"""Zero cells, representation, rates per 1,000, survey gaps, sample sizes and the positive-action check."""

from __future__ import annotations

import math

import pytest

from dueregard.analytics.stats import (
    association_test,
    chi_square,
    disproportionality_ratios,
    expected_in_group,
    kish_effective_sample_size,
    people_per_group,
    positive_action_check,
    proportion,
    rate_per_1000,
    rate_ratio,
    representation_index,
    representation_share,
    sample_needed_for_group,
    two_proportion_z_test,
    weighted_gap_test,
)


def test_a_zero_cell_is_not_calculable_by_default_never_nan() -> None:
    result = rate_ratio(k_group=0, n_group=40, k_reference=12, n_reference=300)
    assert result.state == "not_calculable"
    assert (result.ratio, result.low, result.high) == (None, None, None)
    assert "zero cell" in result.note
    assert result.to_dict()["state"] == "not_calculable"


def test_haldane_adds_a_half_to_each_cell_and_says_so() -> None:
    result = rate_ratio(k_group=0, n_group=40, k_reference=12, n_reference=300, zero_cells="haldane")
    assert result.state == "haldane"
    assert result.ratio == pytest.approx((0.5 / 41) / (12.5 / 301))
    assert result.ratio is not None
    assert result.low is not None
    assert result.high is not None
    assert result.low < result.ratio < result.high
    assert "Haldane" in result.note


def test_everyone_in_a_group_having_the_outcome_needs_no_correction() -> None:
    result = rate_ratio(k_group=20, n_group=20, k_reference=10, n_reference=40)
    assert result.state == "calculated"
    assert result.ratio == pytest.approx(4.0)


def test_an_empty_group_is_not_calculable_even_with_haldane() -> None:
    assert rate_ratio(k_group=0, n_group=0, k_reference=1, n_reference=5, zero_cells="haldane").state == (
        "not_calculable"
    )


def test_bad_counts_get_a_clear_error() -> None:
    with pytest.raises(ValueError, match="cannot be more than"):
        rate_ratio(k_group=5, n_group=4, k_reference=1, n_reference=5)
    with pytest.raises(ValueError, match="whole number"):
        proportion(k=-1, n=5)


def test_an_empty_group_has_no_proportion() -> None:
    empty = proportion(k=0, n=0)
    assert (empty.estimate, empty.low, empty.high) == (None, None, None)


def test_rxc_table_with_small_expected_counts_gets_chi_square_with_a_warning() -> None:
    result = association_test([[10, 2], [8, 1], [30, 4]])
    assert result.method == "Pearson χ²"
    assert result.warnings
    assert "approximate" in result.warnings[0]
    assert "larger than 2×2" in result.reason


def test_yates_is_for_2x2_only() -> None:
    with pytest.raises(ValueError, match="2×2"):
        chi_square([[10, 2, 3], [8, 1, 4]], yates=True)


def test_representation_share_and_index() -> None:
    share = representation_share(group=30, known=200)
    assert share.estimate == pytest.approx(0.15)
    index = representation_index(group_in_subset=12, known_in_subset=40, group_in_whole=150, known_in_whole=1000)
    assert index.index == pytest.approx(2.0)
    assert index.low is not None
    assert index.high is not None
    assert index.low == pytest.approx((share_low := proportion(k=12, n=40).low or 0) / 0.15)
    assert share_low > 0
    assert "benchmark" in index.method
    benchmark = representation_index(group_in_subset=12, known_in_subset=40, whole_share=0.15)
    assert benchmark.index == index.index


def test_rates_per_1000_and_disproportionality() -> None:
    assert rate_per_1000(events=36, population=1000) == 36.0
    rows = {
        row.group: row
        for row in disproportionality_ratios(
            events={"White": 4_000, "Black": 3_600},
            population={"White": 1_000_000, "Black": 100_000},
            reference="White",
        )
    }
    assert rows["White"].rate_per_1000 == 4.0
    assert rows["Black"].rate_per_1000 == 36.0
    assert rows["Black"].ratio == pytest.approx(9.0)
    assert rows["Black"].low is not None
    assert rows["Black"].low < 9.0 < (rows["Black"].high or 0)


def test_two_proportion_z_test_squares_to_the_chi_square() -> None:
    test = two_proportion_z_test(k_group=100, n_group=500, k_reference=300, n_reference=1000)
    assert test.gap_points == pytest.approx(10.0)
    assert test.z is not None
    assert test.z**2 == pytest.approx(17.045454545, rel=1e-9)
    assert test.p_value == pytest.approx(chi_square([[300, 700], [100, 400]]).p_value)


def test_kish_effective_sample_size() -> None:
    assert kish_effective_sample_size([1.0] * 50) == pytest.approx(50.0)
    assert kish_effective_sample_size([1.0, 3.0]) == pytest.approx(16 / 10)


def test_weighted_gap_test_uses_the_effective_sample_size() -> None:
    smaller = weighted_gap_test(
        group_percent=60, reference_percent=70, effective_n_group=100, effective_n_reference=100
    )
    larger = weighted_gap_test(group_percent=60, reference_percent=70, effective_n_group=400, effective_n_reference=400)
    assert smaller.gap_points == pytest.approx(10.0)
    assert smaller.z == pytest.approx(0.1 / math.sqrt(0.24 / 100 + 0.21 / 100))
    assert (larger.p_value or 1) < (smaller.p_value or 0)


def test_sample_size_for_a_ten_point_gap_and_the_booster_advice() -> None:
    assert people_per_group(baseline=0.5, gap_points=10) == 388
    assert people_per_group(baseline=0.5, gap_points=5) > people_per_group(baseline=0.5, gap_points=10)
    assert people_per_group(baseline=0.5, gap_points=10, power=0.9) > 388
    # Seed 001 Annex B: a random sample of 10,000 may yield only 500 ethnic minority respondents.
    assert expected_in_group(sample_size=10_000, group_share=0.05) == 500
    assert sample_needed_for_group(people_in_group=388, group_share=0.05) == 7760


def test_positive_action_when_no_one_of_the_group_does_the_work() -> None:
    check = positive_action_check(group_in_work=0, total_in_work=25, establishment_share=0.1)
    assert check.under_represented
    assert "No one" in check.reason
    assert any("not lawful" in note for note in check.notes)


def test_positive_action_small_share_against_either_comparator() -> None:
    check = positive_action_check(
        group_in_work=2, total_in_work=50, establishment_share=0.05, area_population_share=0.12
    )
    assert check.under_represented
    assert "area" in check.reason
    fine = positive_action_check(group_in_work=5, total_in_work=50, establishment_share=0.1, small_ratio=0.8)
    assert not fine.under_represented
    stricter = positive_action_check(group_in_work=4, total_in_work=50, establishment_share=0.1, small_ratio=0.5)
    assert not stricter.under_represented
