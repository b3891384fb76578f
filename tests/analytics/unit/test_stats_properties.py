"""Properties that must hold for any counts: ratios invert when the groups swap, Wilson bounds contain the
estimate and lie in [0, 1], BH adjusted p-values are monotone and never below the raw ones, results do not depend
on the order groups are given in."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from dueregard.analytics.stats import benjamini_hochberg, impact_ratios, rate_ratio, wilson_interval


@st.composite
def part_and_whole(draw: st.DrawFn, *, min_k: int = 0) -> tuple[int, int]:
    n = draw(st.integers(min_value=max(1, min_k), max_value=5000))
    k = draw(st.integers(min_value=min_k, max_value=n))
    return k, n


@given(part_and_whole(min_k=1), part_and_whole(min_k=1))
def test_a_ratio_inverts_when_group_and_reference_swap(group: tuple[int, int], reference: tuple[int, int]) -> None:
    forward = rate_ratio(k_group=group[0], n_group=group[1], k_reference=reference[0], n_reference=reference[1])
    back = rate_ratio(k_group=reference[0], n_group=reference[1], k_reference=group[0], n_reference=group[1])
    assert forward.ratio is not None
    assert back.ratio is not None
    assert forward.low is not None
    assert forward.high is not None
    assert back.low is not None
    assert back.high is not None
    assert math.isclose(forward.ratio, 1 / back.ratio, rel_tol=1e-9)
    assert math.isclose(forward.low, 1 / back.high, rel_tol=1e-9)
    assert math.isclose(forward.high, 1 / back.low, rel_tol=1e-9)
    assert forward.low <= forward.ratio <= forward.high


@given(part_and_whole(), st.sampled_from([0.8, 0.9, 0.95, 0.99]))
def test_wilson_bounds_contain_the_estimate_and_lie_in_0_1(counts: tuple[int, int], confidence: float) -> None:
    k, n = counts
    low, high = wilson_interval(k=k, n=n, confidence=confidence)
    assert 0.0 <= low <= k / n <= high <= 1.0


@given(st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=1, max_size=40))
def test_bh_adjusted_p_values_are_monotone_and_at_least_the_raw_ones(p_values: list[float]) -> None:
    result = benjamini_hochberg(p_values)
    assert all(a >= p for a, p in zip(result.adjusted, p_values, strict=True))
    assert all(a <= 1.0 for a in result.adjusted)
    ranked = sorted(zip(p_values, result.adjusted, strict=True))
    assert all(ranked[i][1] <= ranked[i + 1][1] for i in range(len(ranked) - 1))


@given(st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=1, max_size=30), st.randoms())
def test_bh_does_not_depend_on_order(p_values: list[float], random: object) -> None:
    shuffled = list(p_values)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    first = dict(zip(p_values, benjamini_hochberg(p_values).adjusted, strict=True))
    second = dict(zip(shuffled, benjamini_hochberg(shuffled).adjusted, strict=True))
    assert first == second


@given(st.dictionaries(st.text(min_size=1, max_size=5), st.floats(min_value=0.0, max_value=1.0), min_size=1))
def test_impact_ratios_do_not_depend_on_order(rates: dict[str, float]) -> None:
    reversed_rates = dict(reversed(list(rates.items())))
    assert impact_ratios(rates) == impact_ratios(reversed_rates)
