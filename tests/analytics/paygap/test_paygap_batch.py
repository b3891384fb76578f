"""Several comparisons from the same two queries (`pay_gap_reports`) give, for each, exactly what is computed
from first principles: counts, exact medians (statistics.median), quarters ranked row by row with the tie rule
(`assign_pay_quarters`), whatever the data — tied rates, rates in the same coarse bucket, bonuses, undisclosed
values and people on reduced pay."""

from __future__ import annotations

import math
import statistics
from collections import Counter

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from ibis import BaseBackend
from paygap_tables import duckdb_backend

from dueregard.analytics.engine import to_backend
from dueregard.analytics.paygap import (
    GroupComparison,
    assign_pay_quarters,
    disability_comparison,
    ethnicity_comparison,
    pay_gap_reports,
    sex_comparison,
)

# Rates a tenth of a penny apart share a coarse bucket; £9.00 is held by many people.
RATES = [8.999, 9.0, 9.0, 9.001, 9.5, 10.0, 12.25, 30.0]
employee = st.fixed_dictionaries(
    {
        "sex": st.sampled_from(["M", "F"]),
        "ethnicity": st.sampled_from(["WB", "Indian", "Irish", "Prefer not to say", None]),
        "disabled": st.sampled_from(["Yes", "No", None]),
        "hourly_rate": st.sampled_from(RATES),
        "bonus_pay": st.sampled_from([0.0, 0.0, 100.0, 250.0, 250.5, 1000.0]),
        "full_pay_relevant": st.booleans(),
        "relevant": st.just(True),
    }
)

COMPARISONS = [
    sex_comparison(column="sex", men="M", women="F"),
    ethnicity_comparison(column="ethnicity", white_british="WB", undisclosed="Prefer not to say"),
    disability_comparison(column="disabled", disabled="Yes", not_disabled="No").with_minimum_group_size(1),
]


def _role(row: dict, comparison: GroupComparison) -> str | None:
    value = row[comparison.column]
    if pd.isna(value) or value in comparison.undisclosed_values:  # pandas holds a missing text as NaN
        return None
    if value in comparison.reference_values:
        return comparison.reference_label
    if comparison.comparison_values is None or value in comparison.comparison_values:
        return comparison.comparison_label
    return None


def _expected(frame: pd.DataFrame, comparison: GroupComparison) -> dict:
    rows = frame.to_dict("records")
    expected: dict = {}
    for label in (comparison.reference_label, comparison.comparison_label):
        mine = [row for row in rows if _role(row, comparison) == label]
        rates = [row["hourly_rate"] for row in mine if row["full_pay_relevant"]]
        bonuses = [row["bonus_pay"] for row in mine if row["bonus_pay"] > 0]
        expected[label] = {
            "full_pay": len(rates),
            "median": statistics.median(rates) if rates else None,
            "mean": sum(rates) / len(rates) if rates else None,
            "paid": len(bonuses),
            "median_bonus": statistics.median(bonuses) if bonuses else None,
        }
    return expected


def _ranked_quarters(backend: BaseBackend, frame: pd.DataFrame, comparison: GroupComparison) -> Counter:
    rows = [
        {"rate": row["hourly_rate"], "group": _role(row, comparison)}
        for row in frame.to_dict("records")
        if row["full_pay_relevant"] and _role(row, comparison) is not None
    ]
    if not rows:
        return Counter()
    ranked = assign_pay_quarters(to_backend(backend, pd.DataFrame(rows)), hourly_rate="rate", group="group")
    result = ranked.to_pandas()
    return Counter(zip(result["pay_quarter"].astype(int), result["group"], strict=True))


def _check(backend: BaseBackend, frame: pd.DataFrame) -> None:
    reports = pay_gap_reports(
        to_backend(backend, frame),
        comparisons=COMPARISONS,
        hourly_rate="hourly_rate",
        bonus_pay="bonus_pay",
        full_pay_relevant="full_pay_relevant",
        relevant="relevant",
    )
    for comparison, report in zip(COMPARISONS, reports, strict=True):
        expected = _expected(frame, comparison)
        reference, other = expected[comparison.reference_label], expected[comparison.comparison_label]
        median = report.median_hourly_pay
        assert (median.reference_count, median.comparison_count) == (reference["full_pay"], other["full_pay"])
        if median.symbol == "":
            assert (median.reference_value, median.comparison_value) == (reference["median"], other["median"])
            mean = report.mean_hourly_pay
            assert mean.reference_value is not None
            assert mean.comparison_value is not None
            assert math.isclose(mean.reference_value, reference["mean"], rel_tol=1e-12)
            assert math.isclose(mean.comparison_value, other["mean"], rel_tol=1e-12)
        bonus = report.median_bonus_pay
        assert (bonus.reference_count, bonus.comparison_count) == (reference["paid"], other["paid"])
        if bonus.symbol == "":
            assert (bonus.reference_value, bonus.comparison_value) == (reference["median_bonus"], other["median_bonus"])
        ranked = _ranked_quarters(backend, frame, comparison)
        for quarter in report.quarters:
            assert quarter.reference_count == ranked[(quarter.quarter, comparison.reference_label)]
            assert quarter.comparison_count == ranked[(quarter.quarter, comparison.comparison_label)]


@settings(max_examples=30, deadline=None)
@given(st.lists(employee, min_size=1, max_size=60))
def test_three_comparisons_together_give_what_each_gives_from_first_principles(rows: list[dict]) -> None:
    _check(duckdb_backend(), pd.DataFrame(rows))


def test_three_comparisons_together_on_each_engine(backend: BaseBackend) -> None:
    rows = [
        {
            "sex": "MF"[index % 2],
            "ethnicity": ["WB", "Indian", "Irish", "Prefer not to say", None][index % 5],
            "disabled": ["Yes", "No", "No", None][index % 4],
            "hourly_rate": RATES[(index * 3) % len(RATES)],
            "bonus_pay": [0.0, 100.0, 250.0, 250.5][index % 4],
            "full_pay_relevant": index % 7 != 0,
            "relevant": True,
        }
        for index in range(83)
    ]
    _check(backend, pd.DataFrame(rows))
