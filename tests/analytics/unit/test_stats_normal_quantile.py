"""The normal quantiles come from the standard library (statistics.NormalDist) and χ² p-values from
scipy.special, so the default path does not import scipy.stats; the numbers are those SciPy's norm.ppf and
chi2.sf gave before the change."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from scipy.stats import chi2, norm

from dueregard.analytics.stats import _common
from dueregard.analytics.stats.contingency import chi_square
from dueregard.analytics.stats.sample_size import people_per_group

SOURCE = Path(__file__).resolve().parents[3] / "src"

CONFIDENCES = [0.5, 0.8, 0.9, 0.95, 0.975, 0.99, 0.995, 0.999, 0.9999, 0.123456, 0.001, 0.999999]


@pytest.mark.parametrize("confidence", CONFIDENCES)
def test_z_for_equals_scipy_norm_ppf(confidence: float) -> None:
    old = float(norm.ppf(1.0 - (1.0 - confidence) / 2.0))
    assert _common.z_for(confidence) == pytest.approx(old, rel=1e-14, abs=1e-15)


def test_z_for_the_usual_levels_to_fifteen_decimals() -> None:
    assert _common.z_for(0.95) == pytest.approx(1.959963984540054, abs=1e-15)
    assert _common.z_for(0.99) == pytest.approx(2.5758293035489004, abs=1e-15)
    assert _common.z_for(0.9) == pytest.approx(1.6448536269514722, abs=1e-15)


@pytest.mark.parametrize("probability", [0.0001, 0.05, 0.2, 0.5, 0.8, 0.9, 0.95, 0.99])
def test_normal_quantile_equals_scipy(probability: float) -> None:
    assert _common.normal_quantile(probability) == pytest.approx(float(norm.ppf(probability)), rel=1e-14, abs=1e-15)


def test_sample_size_unchanged() -> None:
    # 80% power, 5% two-sided, 50% against 55%: the textbook 1,565 per group.
    assert people_per_group(baseline=0.5, gap_points=5, power=0.8, alpha=0.05) == 1565


@pytest.mark.parametrize(
    "table",
    [[[12, 5], [7, 30]], [[100, 200, 300], [120, 180, 330]], [[5000, 10], [4900, 40]], [[10, 10], [10, 10]]],
)
def test_chi_square_p_value_equals_scipy_chi2_sf(table: list[list[int]]) -> None:
    result = chi_square(table)
    assert result.dof is not None
    assert result.p_value == float(chi2.sf(result.statistic, result.dof))


def test_intervals_and_chi_square_do_not_import_scipy_stats() -> None:
    code = (
        "import sys\n"
        "from dueregard.analytics.stats.proportions import wilson_interval\n"
        "from dueregard.analytics.stats.contingency import chi_square\n"
        "wilson_interval(k=5, n=20)\n"
        "chi_square([[12, 5], [7, 30]])\n"
        "print('scipy.stats' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(SOURCE)},
    )
    assert done.stdout.strip() == "False"
