"""Displayed figures: one decimal place, halves away from zero, immune to floating-point noise."""

from __future__ import annotations

import pytest

from dueregard.analytics.paygap import one_decimal_place


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (2.6143790849672377, "2.6"),
        (6.2557497700091975, "6.3"),
        (32.048587250899395, "32.0"),
        (50.0, "50.0"),
        (1.25, "1.3"),
        (-1.25, "-1.3"),
        (1.2499999999999998, "1.3"),  # 1.25 added up in another order
        (-1.2500000000000002, "-1.3"),
        (1.24, "1.2"),
        (-0.04, "0.0"),
    ],
)
def test_values_are_shown_to_one_decimal_place(value: float, shown: str) -> None:
    assert one_decimal_place(value) == shown
