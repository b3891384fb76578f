"""Exact medians by ranking. Spark's own median (`percentile_approx`) picks an observed value, so [1, 2, 3, 100]
gives 2 there rather than 2.5; the ranked median gives 2.5 on both engines.

The Hypothesis comparison with Python's `statistics.median` runs on DuckDB only (a Spark query costs seconds);
the fixed cases run on both engines."""

from __future__ import annotations

import statistics

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ibis import BaseBackend
from paygap_tables import duckdb_backend

from dueregard.analytics.engine import to_backend
from dueregard.analytics.paygap import exact_median_by


def _medians(backend: BaseBackend, frame: pd.DataFrame) -> dict[str, float]:
    expr = exact_median_by(to_backend(backend, frame), value="pay", by="group")
    result = backend.execute(expr)
    return {str(row.group): float(row.median) for row in result.itertuples()}


def test_even_counts_average_the_two_central_values_and_odd_counts_take_the_middle(backend: BaseBackend) -> None:
    frame = pd.DataFrame({
        "group": ["even"] * 4 + ["odd"] * 5 + ["single"],
        "pay": [100.0, 1.0, 3.0, 2.0, 5.0, 1.0, 4.0, 2.0, 3.0, 7.5],
    })  # fmt: skip
    assert _medians(backend, frame) == {"even": 2.5, "odd": 3.0, "single": 7.5}


def test_missing_values_are_ignored(backend: BaseBackend) -> None:
    frame = pd.DataFrame({"group": ["a", "a", "a"], "pay": [1.0, None, 4.0]})
    assert _medians(backend, frame) == {"a": 2.5}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=30))
def test_the_ranked_median_equals_the_textbook_median(pence: list[int]) -> None:
    frame = pd.DataFrame({"group": ["g"] * len(pence), "pay": [value / 100 for value in pence]})
    assert _medians(duckdb_backend(), frame)["g"] == pytest.approx(statistics.median(frame["pay"]))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(min_value=9000, max_value=9030), min_size=1, max_size=40),
    st.lists(st.integers(min_value=-500, max_value=100_000), min_size=1, max_size=40),
)
def test_the_median_is_exact_when_values_share_a_bucket(close: list[int], wide: list[int]) -> None:
    """Values a tenth of a penny apart share the coarse buckets the median is found through (£9.000 to £9.030 falls
    in six); negative and large values too.
    The result is the exact mean of the two central values, as `statistics.median` gives."""
    frame = pd.DataFrame({
        "group": ["close"] * len(close) + ["wide"] * len(wide),
        "pay": [value / 1000 for value in close] + [value / 100 for value in wide],
    })  # fmt: skip
    medians = _medians(duckdb_backend(), frame)
    assert medians["close"] == statistics.median(value / 1000 for value in close)
    assert medians["wide"] == statistics.median(value / 100 for value in wide)
