"""Rounding rule sets: the HESA anchors, Ofqual's "fewer than 5", idempotence; the symbols' legend; the 10 per
group rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dueregard.analytics.disclosure import (
    FEWER_THAN_5,
    check_group_sizes,
    hesa_count,
    hesa_shows_average,
    hesa_shows_percentage,
    legend_for,
    ofqual_count,
    round_to_base,
)


@pytest.mark.parametrize(
    ("count", "published"),
    [(0, 0), (1, 0), (2, 0), (3, 5), (7, 5), (8, 10), (12, 10), (13, 15), (22, 20), (23, 25)],
)
def test_hesa_rounding_anchors(count: int, published: int) -> None:
    assert hesa_count(count) == published


def test_hesa_rounds_halves_up() -> None:
    assert hesa_count(2.5) == 5
    assert hesa_count(7.5) == 10
    assert round_to_base(12.5, base=5) == 15


def test_hesa_percentages_and_averages() -> None:
    assert not hesa_shows_percentage(22)
    assert hesa_shows_percentage(22.5)
    assert hesa_shows_percentage(23)
    assert not hesa_shows_average(7)
    assert hesa_shows_average(8)


@pytest.mark.parametrize(("count", "shown"), [(0, 0), (1, None), (4, None), (5, 5), (7, 5), (8, 10), (102, 100)])
def test_ofqual_counts(count: int, shown: int | None) -> None:
    assert ofqual_count(count) == shown


@given(st.integers(min_value=0, max_value=10**9))
def test_rounding_is_idempotent(count: int) -> None:
    assert hesa_count(hesa_count(count)) == hesa_count(count)
    once = ofqual_count(count)
    if once is not None:
        assert ofqual_count(once) == once


@given(st.integers(min_value=0, max_value=10**6))
def test_rounding_moves_a_count_by_at_most_half_the_base(count: int) -> None:
    assert abs(hesa_count(count) - count) <= 2.5
    assert hesa_count(count) % 5 == 0


def test_legend_lists_the_symbols_used_in_standard_order() -> None:
    assert legend_for(["~0", "!", FEWER_THAN_5, "unknown"]) == (
        ("!", "withheld to protect confidentiality"),
        ("~0", "rounds to 0 but is not 0"),
        (FEWER_THAN_5, "between 1 and 4 (counts are rounded to the nearest 5)"),
    )
    assert dict(legend_for(["?", "-", "N/A"])) == {
        "?": "unreliable (small sample)",
        "-": "not collected",
        "N/A": "not applicable",
    }


def test_ten_per_group_rule() -> None:
    assert check_group_sizes({"White British": 240, "Ethnic minorities": 10}).passed
    failed = check_group_sizes({"Disabled": 9, "Not disabled": 300, "Other": 3})
    assert not failed.passed
    assert failed.too_small == ("Disabled", "Other")
    assert failed.note == "Withheld: fewer than 10 people in the Disabled and Other groups."
