"""The representation index and its three intervals: benchmark, independent samples (Katz) and nested (delta)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dueregard.analytics.stats import proportion, rate_ratio, representation_index


def test_the_independent_interval_is_the_katz_interval_of_the_two_shares() -> None:
    index = representation_index(
        group_in_subset=12, known_in_subset=40, group_in_whole=150, known_in_whole=1000, interval="independent"
    )
    katz = rate_ratio(k_group=12, n_group=40, k_reference=150, n_reference=1000)
    assert index.index == pytest.approx(2.0)
    assert index.low == pytest.approx(katz.low)
    assert index.high == pytest.approx(katz.high)
    assert "independent" in index.method


def _log_index(k_s: float, n_s: int, k_r: float, n_r: int) -> float:
    return math.log((k_s / n_s) / ((k_s + k_r) / (n_s + n_r)))


def test_the_nested_interval_matches_a_numerical_delta_method() -> None:
    # Subset 12 of 40 within a whole of 150 of 1000 (so the rest is 138 of 960). Differentiate ln(index) numerically
    # in the two independent counts and combine with their binomial variances.
    k_s, n_s, k_r, n_r = 12, 40, 138, 960
    h = 1e-6
    d_s = (_log_index(k_s + h, n_s, k_r, n_r) - _log_index(k_s - h, n_s, k_r, n_r)) / (2 * h)
    d_r = (_log_index(k_s, n_s, k_r + h, n_r) - _log_index(k_s, n_s, k_r - h, n_r)) / (2 * h)
    se = math.sqrt(d_s**2 * k_s * (1 - k_s / n_s) + d_r**2 * k_r * (1 - k_r / n_r))
    index = representation_index(
        group_in_subset=12, known_in_subset=40, group_in_whole=150, known_in_whole=1000, interval="nested"
    )
    z = 1.959963984540054
    assert index.low == pytest.approx(2.0 * math.exp(-z * se), rel=1e-6)
    assert index.high == pytest.approx(2.0 * math.exp(z * se), rel=1e-6)


def test_a_subset_that_is_the_whole_has_index_one_and_no_width() -> None:
    index = representation_index(
        group_in_subset=30, known_in_subset=200, group_in_whole=30, known_in_whole=200, interval="nested"
    )
    assert index.index == pytest.approx(1.0)
    assert index.low == pytest.approx(1.0)
    assert index.high == pytest.approx(1.0)


def test_the_benchmark_interval_divides_the_wilson_interval_by_the_whole_share() -> None:
    index = representation_index(group_in_subset=12, known_in_subset=40, whole_share=0.15)
    share = proportion(k=12, n=40)
    assert index.low == pytest.approx((share.low or 0) / 0.15)
    assert index.high == pytest.approx((share.high or 0) / 0.15)
    assert "benchmark" in index.method


def test_nobody_of_the_group_in_the_subset_has_no_log_interval() -> None:
    index = representation_index(
        group_in_subset=0, known_in_subset=40, group_in_whole=150, known_in_whole=1000, interval="nested"
    )
    assert index.index == 0.0
    assert (index.low, index.high) == (None, None)
    assert "Nobody of the group" in index.note


def test_clear_errors() -> None:
    with pytest.raises(ValueError, match="needs the whole as counts"):
        representation_index(group_in_subset=1, known_in_subset=4, whole_share=0.2, interval="nested")
    with pytest.raises(ValueError, match="part of the whole"):
        representation_index(
            group_in_subset=12, known_in_subset=40, group_in_whole=10, known_in_whole=1000, interval="nested"
        )
    with pytest.raises(ValueError, match="interval must be one of"):
        representation_index(group_in_subset=1, known_in_subset=4, whole_share=0.2, interval="wald")  # type: ignore[arg-type]


@st.composite
def nested_counts(draw: st.DrawFn) -> tuple[int, int, int, int]:
    n_s = draw(st.integers(min_value=1, max_value=500))
    k_s = draw(st.integers(min_value=1, max_value=n_s))
    n_r = draw(st.integers(min_value=0, max_value=5000))
    k_r = draw(st.integers(min_value=0, max_value=n_r))
    return k_s, n_s, k_s + k_r, n_s + n_r


@given(nested_counts(), st.sampled_from(["benchmark", "independent", "nested"]))
def test_every_interval_contains_the_index(counts: tuple[int, int, int, int], interval: str) -> None:
    k_s, n_s, k_w, n_w = counts
    index = representation_index(
        group_in_subset=k_s,
        known_in_subset=n_s,
        group_in_whole=k_w,
        known_in_whole=n_w,
        interval=interval,  # type: ignore[arg-type]
    )
    assert index.index is not None
    assert index.low is not None
    assert index.high is not None
    assert index.low <= index.index * (1 + 1e-12)
    assert index.index <= index.high * (1 + 1e-12)


@given(nested_counts())
def test_the_nested_interval_is_never_wider_than_the_independent_one(counts: tuple[int, int, int, int]) -> None:
    # The subset's share is part of the whole's, so the two move together and the log ratio varies less.
    k_s, n_s, k_w, n_w = counts
    common = {"group_in_subset": k_s, "known_in_subset": n_s, "group_in_whole": k_w, "known_in_whole": n_w}
    nested = representation_index(**common, interval="nested")
    independent = representation_index(**common, interval="independent")
    assert nested.low is not None
    assert nested.high is not None
    assert independent.low is not None
    assert independent.high is not None
    assert math.log(nested.high / nested.low) <= math.log(independent.high / independent.low) + 1e-9
