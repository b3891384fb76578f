"""How p-values are written: three significant figures, and "p < 1e-300" for a value that underflowed to 0 (never
"p = 0"); in the disparity table's test note too."""

from __future__ import annotations

import math
import re
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from dueregard.analytics.stats import SMALLEST_P_SHOWN, disparity_table, p_value_text

SHOWN = re.compile(r"^p = ([0-9.e+-]+)$")


@pytest.mark.parametrize(
    ("p", "text"),
    [
        (3.6478e-05, "p = 3.65e-05"),  # analytics.md: WRES indicator 2, Pearson χ² 17.045
        (0.0376428, "p = 0.0376"),
        (0.102564, "p = 0.103"),
        (0.5, "p = 0.5"),
        (1.0, "p = 1"),
        (0.0010049, "p = 0.001"),  # 0.49% from p: three significant figures can be that far off
        (5e-324, "p = 4.94e-324"),  # the smallest positive double is still a value, not a bound
        (0.0, "p < 1e-300"),
        (-0.0, "p < 1e-300"),
    ],
)
def test_p_value_text(p: float, text: str) -> None:
    assert p_value_text(p) == text


@pytest.mark.parametrize("p", [math.nan, -1e-12, 1.0000001, math.inf])
def test_anything_but_a_p_value_is_refused(p: float) -> None:
    with pytest.raises(ValueError, match="A p-value lies between 0 and 1"):
        p_value_text(p)


@given(st.floats(min_value=0.0, max_value=1.0, exclude_min=True))
@example(0.0010049)
@example(0.000999951)
@example(5e-324)
def test_the_text_gives_p_back_to_three_significant_figures(p: float) -> None:
    found = SHOWN.match(p_value_text(p))
    assert found is not None
    shown = Decimal(found.group(1))
    exact = Decimal(p)  # the double's exact value
    # Within half a unit of p's third significant figure, so within 0.5% of p.
    assert abs(shown - exact) <= Decimal(5).scaleb(exact.adjusted() - 3)
    assert abs(shown - exact) <= Decimal("0.005") * exact
    assert float(found.group(1)) == pytest.approx(p, rel=5e-3)


@given(st.sampled_from([0.0, -0.0]))
def test_zero_is_written_as_a_bound(p: float) -> None:
    text = p_value_text(p)
    assert text == f"p < {SMALLEST_P_SHOWN:g}"
    assert "<" in text
    assert "=" not in text


def test_a_huge_chi_square_is_not_printed_as_p_0() -> None:
    # 900,000 of a million against 100,000: χ² = N(ad − bc)² / (r₁r₂c₁c₂) = 2e6 × (8.1e11 − 1e10)² / 1e24
    # = 1,280,000, whose χ² tail (about e^-640,000) is far below the smallest positive double.
    table = disparity_table(title="t", counts={"A": (1_000_000, 900_000), "B": (1_000_000, 100_000)}, reference="B")
    assert table.notes.tests[0].startswith("Pearson χ²: statistic 1280000.000, p < 1e-300. ")
    assert "p = 0" not in " ".join(table.notes.tests)
