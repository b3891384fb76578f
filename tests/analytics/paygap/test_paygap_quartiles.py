"""Pay quarters: sizes, the split convention and the tie rule of regulation 13(2).

Property tests run on DuckDB only (each Hypothesis example is a query, and a Spark query costs seconds); the
fixed tie case runs on both engines."""

from __future__ import annotations

from collections import Counter
from random import Random

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ibis import BaseBackend
from paygap_tables import duckdb_backend

from dueregard.analytics.engine import to_backend
from dueregard.analytics.paygap import assign_pay_quarters, quarter_sizes


def _quartered(backend: BaseBackend, frame: pd.DataFrame) -> pd.DataFrame:
    expr = assign_pay_quarters(to_backend(backend, frame), hourly_rate="rate", group="sex")
    return backend.execute(expr)


def _counts(quartered: pd.DataFrame) -> Counter[tuple[int, str]]:
    return Counter(zip(quartered["pay_quarter"].astype(int), quartered["sex"], strict=True))


@given(st.integers(min_value=4, max_value=10**9))
def test_quarter_sizes_differ_by_at_most_one_and_add_up(employee_count: int) -> None:
    sizes = quarter_sizes(employee_count)
    assert sum(sizes) == employee_count
    assert max(sizes) - min(sizes) <= 1


@pytest.mark.parametrize(
    ("employee_count", "lower_to_upper"),
    [(1422, (355, 356, 355, 356)), (8, (2, 2, 2, 2)), (5, (1, 1, 1, 2)), (6, (1, 2, 1, 2)), (7, (1, 2, 2, 2))],
)
def test_extra_employees_go_to_upper_then_lower_middle_then_upper_middle(
    employee_count: int, lower_to_upper: tuple[int, int, int, int]
) -> None:
    assert quarter_sizes(employee_count) == lower_to_upper


def test_a_run_of_equal_rates_across_boundaries_keeps_its_sex_ratio_on_each_side(backend: BaseBackend) -> None:
    # Eight employees, quarters of two. Six share £10 (2 men, 4 women) and span all four quarters. Sorting men
    # first would put both £10 men in the lower quarters; interleaving spreads them one per middle quarter:
    # the run reads W M W W M W.
    frame = pd.DataFrame({
        "rate": [8.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 12.0],
        "sex": ["Men", "Men", "Women", "Women", "Men", "Women", "Women", "Women"],
    })  # fmt: skip
    counts = _counts(_quartered(backend, frame))
    men = [counts[(quarter, "Men")] for quarter in range(4)]
    women = [counts[(quarter, "Women")] for quarter in range(4)]
    assert (men, women) == ([1, 1, 1, 0], [1, 1, 1, 2])


rates = st.sampled_from([9.5, 10.0, 10.0, 11.25, 12.0])  # few distinct rates, so runs of ties are common
employees = st.lists(st.tuples(rates, st.sampled_from(["Men", "Women"])), min_size=4, max_size=60)


@settings(max_examples=60, deadline=None)
@given(employees)
def test_quarters_have_the_convention_sizes_for_any_population(rows: list[tuple[float, str]]) -> None:
    quartered = _quartered(duckdb_backend(), pd.DataFrame(rows, columns=["rate", "sex"]))
    sizes = quartered["pay_quarter"].value_counts().reindex(range(4), fill_value=0)
    assert tuple(int(size) for size in sizes) == quarter_sizes(len(rows))
    # Ranking never puts a lower rate in a higher quarter than a higher rate.
    by_quarter = quartered.groupby("pay_quarter")["rate"]
    highest = by_quarter.max().reindex(range(4))
    lowest = by_quarter.min().reindex(range(4))
    for quarter in range(3):
        if not (pd.isna(highest[quarter]) or pd.isna(lowest[quarter + 1])):
            assert highest[quarter] <= lowest[quarter + 1]


@settings(max_examples=60, deadline=None)
@given(employees)
def test_each_side_of_a_boundary_holds_a_tied_rates_sex_ratio_to_within_one_person(
    rows: list[tuple[float, str]],
) -> None:
    quartered = _quartered(duckdb_backend(), pd.DataFrame(rows, columns=["rate", "sex"]))
    for _, run in quartered.groupby("rate"):
        share_of_men = (run["sex"] == "Men").mean()
        for _, part in run.groupby("pay_quarter"):
            men_in_part = int((part["sex"] == "Men").sum())
            assert abs(men_in_part - len(part) * share_of_men) < 1


@settings(max_examples=30, deadline=None)
@given(employees, st.randoms(use_true_random=False))
def test_quarter_counts_do_not_depend_on_row_order(rows: list[tuple[float, str]], shuffler: Random) -> None:
    shuffled = list(rows)
    shuffler.shuffle(shuffled)
    backend = duckdb_backend()
    original = _counts(_quartered(backend, pd.DataFrame(rows, columns=["rate", "sex"])))
    assert _counts(_quartered(backend, pd.DataFrame(shuffled, columns=["rate", "sex"]))) == original
