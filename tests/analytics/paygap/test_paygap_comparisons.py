"""Ethnicity and disability pay gaps: explicit groups, the 10-per-group rule, the undisclosed share, swapping
the groups, and independence from row order.

Property tests (Hypothesis) run on DuckDB only, since a Spark query costs seconds; the fixed cases run on both
engines through the shared `backend` fixture."""

from __future__ import annotations

import math
from random import Random

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ibis import BaseBackend
from paygap_tables import duckdb_backend, employees, report

from dueregard.analytics.paygap import (
    NOT_APPLICABLE,
    WITHHELD,
    GapFigure,
    GroupComparison,
    PayGapReport,
    disability_comparison,
    ethnicity_comparison,
)

WHITE_BRITISH = "White: English, Welsh, Scottish, Northern Irish or British"
ETHNICITY = ethnicity_comparison(column="group", white_british=WHITE_BRITISH, undisclosed=["Prefer not to say"])
DISABILITY = disability_comparison(column="group", disabled="Yes", not_disabled="No", undisclosed="Not stated")
SWAPPABLE = GroupComparison(
    characteristic="test",
    column="group",
    reference_label="A",
    reference_values=frozenset({"A"}),
    comparison_label="B",
    comparison_values=frozenset({"B"}),
)


def _gaps(result: PayGapReport) -> list[GapFigure]:
    return [result.mean_hourly_pay, result.median_hourly_pay, result.mean_bonus_pay, result.median_bonus_pay]


def _workforce(groups: dict[str, int], *, seed: int = 1) -> pd.DataFrame:
    """`groups[g]` employees of group g with varied whole-penny rates; every third one paid a bonus."""
    rows = []
    for offset, (group, count) in enumerate(groups.items()):
        for index in range(count):
            rate = 9.5 + ((index * 37 + offset * 11 + seed) % 50) / 10
            bonus = 100.0 * (1 + (index + seed) % 5) if index % 3 == 0 else 0.0
            rows.append({"group": group, "hourly_rate": rate, "bonus_pay": bonus})
    return employees(rows)


def test_ethnicity_compares_all_ethnic_minorities_with_white_british_and_reports_the_undisclosed(
    backend: BaseBackend,
) -> None:
    frame = _workforce({WHITE_BRITISH: 30, "White: Irish": 5, "Asian or Asian British: Indian": 12,
                        "Black, Black British, Caribbean or African: African": 8, "Prefer not to say": 4})  # fmt: skip
    frame.loc[len(frame)] = {"group": None, "hourly_rate": 10.0, "bonus_pay": 0.0, "full_pay_relevant": True,
                             "relevant": True}  # fmt: skip
    result = report(backend, frame, ETHNICITY)
    assert (result.reference_group, result.comparison_group) == ("White British", "Ethnic minorities")
    assert (result.mean_hourly_pay.reference_count, result.mean_hourly_pay.comparison_count) == (30, 25)
    full_pay, _ = result.disclosure
    assert (full_pay.population_count, full_pay.undisclosed_count, full_pay.not_compared_count) == (60, 5, 0)
    assert full_pay.undisclosed_percent == pytest.approx(5 / 60 * 100)
    assert all(figure.symbol == "" for figure in _gaps(result)[:2])


def test_disability_gap_is_withheld_below_10_disabled_employees_and_shown_at_10(backend: BaseBackend) -> None:
    withheld = report(backend, _workforce({"No": 40, "Yes": 9, "Not stated": 6}), DISABILITY)
    assert (withheld.reference_group, withheld.comparison_group) == ("Not disabled", "Disabled")
    figure = withheld.mean_hourly_pay
    assert (figure.gap_percent, figure.symbol, figure.display) == (None, WITHHELD, WITHHELD)
    assert (figure.reference_value, figure.comparison_value) == (None, None)
    assert figure.note == "Withheld: fewer than 10 full-pay relevant employees in the Disabled group."
    assert all(quarter.symbol == WITHHELD for quarter in withheld.quarters)
    assert withheld.disclosure[0].undisclosed_count == 6

    shown = report(backend, _workforce({"No": 40, "Yes": 10}), DISABILITY)
    assert shown.mean_hourly_pay.gap_percent is not None
    assert shown.mean_hourly_pay.symbol == ""


def test_bonus_figures_count_those_paid_a_bonus_and_an_empty_group_is_not_applicable() -> None:
    frame = _workforce({"A": 12, "B": 12})
    frame.loc[frame["group"] == "B", "bonus_pay"] = 0.0
    result = report(duckdb_backend(), frame, SWAPPABLE.with_minimum_group_size(1))
    assert result.mean_bonus_pay.symbol == NOT_APPLICABLE
    assert result.mean_bonus_pay.note == "Not applicable: no employees paid a bonus in the B group."
    assert [proportion.percent for proportion in result.bonus_proportions] == [pytest.approx(100 / 3), 0.0]


def test_swapping_the_groups_turns_the_gap_into_minus_g_over_one_minus_g(backend: BaseBackend) -> None:
    frame = _workforce({"A": 14, "B": 11}, seed=3)
    _assert_swap_symmetry(report(backend, frame, SWAPPABLE), report(backend, frame, SWAPPABLE.swapped()))


def _assert_swap_symmetry(original: PayGapReport, swapped: PayGapReport) -> None:
    """The gap is relative to the reference: with g = (r - c) / r × 100, swapping gives (c - r) / c × 100,
    which is -g / (1 - g/100). Group values, counts, proportions and quarters trade places exactly."""
    for before, after in zip(_gaps(original), _gaps(swapped), strict=True):
        assert (after.reference_value, after.comparison_value) == (before.comparison_value, before.reference_value)
        assert (after.reference_count, after.comparison_count) == (before.comparison_count, before.reference_count)
        if before.gap_percent is None:
            assert after.gap_percent is None
        else:
            assert after.gap_percent is not None
            assert after.gap_percent == pytest.approx(-before.gap_percent / (1 - before.gap_percent / 100))
    assert swapped.bonus_proportions == original.bonus_proportions[::-1]
    for before_quarter, after_quarter in zip(original.quarters, swapped.quarters, strict=True):
        assert (after_quarter.reference_count, after_quarter.comparison_count) == (
            before_quarter.comparison_count,
            before_quarter.reference_count,
        )


group_sizes = st.integers(min_value=0, max_value=14)


@settings(max_examples=25, deadline=None)
@given(group_sizes, group_sizes, st.integers(min_value=0, max_value=9))
def test_the_10_per_group_rule_withholds_exactly_when_a_group_has_fewer_than_10(
    reference_size: int, comparison_size: int, seed: int
) -> None:
    # One employee outside both groups keeps the table from being empty.
    frame = _workforce({"A": reference_size, "B": comparison_size, "C": 1}, seed=seed)
    result = report(duckdb_backend(), frame, SWAPPABLE)
    for figure in _gaps(result)[:2]:
        smallest = min(figure.reference_count, figure.comparison_count)
        assert (figure.gap_percent is None) == (smallest < 10)
        if smallest == 0:
            assert figure.symbol == NOT_APPLICABLE
        elif smallest < 10:
            assert figure.symbol == WITHHELD
    proportions_withheld = min(reference_size, comparison_size) < 10
    assert all((proportion.percent is None) == proportions_withheld for proportion in result.bonus_proportions)


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=1, max_value=25), st.integers(min_value=1, max_value=25), st.integers(0, 9))
def test_swapping_the_groups_negates_the_gap_relative_to_the_new_reference(
    reference_size: int, comparison_size: int, seed: int
) -> None:
    frame = _workforce({"A": reference_size, "B": comparison_size}, seed=seed)
    comparison = SWAPPABLE.with_minimum_group_size(1)
    backend = duckdb_backend()
    _assert_swap_symmetry(report(backend, frame, comparison), report(backend, frame, comparison.swapped()))


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=10, max_value=30), st.integers(min_value=10, max_value=30), st.randoms())
def test_the_report_does_not_depend_on_row_order(reference_size: int, comparison_size: int, shuffler: Random) -> None:
    frame = _workforce({"A": reference_size, "B": comparison_size, "C": 3})
    shuffled = frame.sample(frac=1, random_state=shuffler.randrange(2**32)).reset_index(drop=True)
    backend = duckdb_backend()
    original, reordered = report(backend, frame, SWAPPABLE), report(backend, shuffled, SWAPPABLE)
    # Sums of floating-point numbers may differ in the last bit when added in another order.
    for before, after in zip(_gaps(original), _gaps(reordered), strict=True):
        assert (after.reference_count, after.comparison_count, after.symbol) == (
            before.reference_count, before.comparison_count, before.symbol
        )  # fmt: skip
        assert (after.gap_percent is None) == (before.gap_percent is None)
        if before.gap_percent is not None and after.gap_percent is not None:
            assert math.isclose(after.gap_percent, before.gap_percent, rel_tol=1e-12, abs_tol=1e-12)
            assert after.display == before.display
    assert (reordered.quarters, reordered.bonus_proportions) == (original.quarters, original.bonus_proportions)
    assert reordered.disclosure == original.disclosure


def test_bad_input_gets_a_clear_error() -> None:
    backend = duckdb_backend()
    with pytest.raises(ValueError, match="no column 'group'"):
        report(backend, employees([{"sex": "M", "hourly_rate": 10.0}]), SWAPPABLE)
    with pytest.raises(ValueError, match="1 full-pay relevant employee"):
        report(backend, employees([{"group": "A", "hourly_rate": None}, {"group": "B", "hourly_rate": 9.0}]),
               SWAPPABLE)  # fmt: skip
    with pytest.raises(ValueError, match="more than one group"):
        ethnicity_comparison(column="e", white_british="WB", undisclosed="WB")
