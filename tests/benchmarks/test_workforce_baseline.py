"""The plain pandas + SciPy baseline reproduces the worked numbers of the analytics methods (analytics.md §5)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

HERE = Path(__file__).resolve().parents[2] / "benchmarks" / "workforce"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"workforce_benchmark_{name}", HERE / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


baseline = load("baseline_pandas")
floor = load("floor")


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [
        (300, 1000, 0.2724, 0.3291),
        (100, 500, 0.1673, 0.2373),
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0000, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_intervals(k: int, n: int, low: float, high: float) -> None:
    got_low, got_high = baseline.wilson_interval(k, n)
    assert float(got_low) == pytest.approx(low, abs=5e-5)
    assert float(got_high) == pytest.approx(high, abs=5e-5)


def test_katz_intervals() -> None:
    ratio, low, high = baseline.katz_interval(300, 1000, 100, 500)
    assert (float(ratio), float(low), float(high)) == pytest.approx((1.5, 1.2290, 1.8307), abs=5e-5)
    ratio, low, high = baseline.katz_interval(10, 75, 12, 225)
    assert (float(ratio), float(low), float(high)) == pytest.approx((2.5, 1.12616, 5.54985), abs=5e-6)
    ratio, low, high = baseline.katz_interval(0, 75, 12, 225)
    assert np.isnan(ratio)
    assert np.isnan(low)
    assert np.isnan(high)


def test_tests_per_table_and_benjamini_hochberg() -> None:
    chi = baseline.table_test([300, 100], [1000, 500])
    assert chi["test"] == "chi-squared"
    assert chi["statistic"] == pytest.approx(17.045, abs=5e-4)
    assert chi["p"] == pytest.approx(3.65e-5, rel=1e-2)
    fisher = baseline.table_test([6, 1], [8, 5])
    assert fisher["test"] == "Fisher exact"
    assert fisher["p"] == pytest.approx(0.102564, abs=5e-7)
    p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719]
    p += [0.6528, 0.7590, 1.000]
    assert sum(adjusted <= 0.05 for adjusted in baseline.benjamini_hochberg(p)) == 4


def _hand_made_workforce(path: Path) -> Path:
    """WRES indicator 2: shortlisted White 1,000 (300 appointed), ethnic minorities 500 (100), not stated 50 (20);
    plus 5 Roma staff shortlisted with 2 appointed, which primary suppression must withhold."""
    white_british = "English, Welsh, Scottish, Northern Irish or British"
    ethnicity = [white_british] * 1000 + ["Indian"] * 500 + ["Not stated"] * 50 + ["Roma"] * 5
    appointed = [i < 300 for i in range(1000)] + [i < 100 for i in range(500)] + [i < 20 for i in range(50)]
    appointed += [True, True, False, False, False]
    rows = len(ethnicity)
    yes_no = ["Yes" if flag else "No" for flag in appointed]
    columns = {
        "sex": ["Female", "Male"] * (rows // 2) + ["Female"] * (rows % 2),
        "age": [40] * rows,
        "ethnicity": ethnicity,
        "disabled": ["No long-term condition"] * rows,
        "religion": ["Christian"] * rows,
        "sexual_orientation": ["Straight or Heterosexual"] * rows,
        "applied": ["Yes"] * rows,
        "shortlisted": ["Yes"] * rows,
        "appointed": yes_no,
        "disciplinary": ["No"] * rows,
        "training": ["No"] * rows,
        "leaver": ["No"] * rows,
        "ordinary_pay": [2000.0 + i for i in range(rows)],
        "pay_period_days": [30] * rows,
        "weekly_hours": [37.5] * rows,
        "full_pay": ["Yes"] * rows,
        "bonus_pay": [100.0 if i % 3 == 0 else 0.0 for i in range(rows)],
        "relevant": ["Yes"] * rows,
    }
    pq.write_table(pa.table(columns), path)
    return path


def test_full_report_on_a_hand_made_table(tmp_path: Path) -> None:
    report = baseline.workforce_report(baseline.read_workforce(_hand_made_workforce(tmp_path / "w.parquet")))
    tables = {(t["characteristic"], t["outcome"]): t for t in report["tables"]}
    assert len(tables) == len(baseline.GROUPINGS) * len(baseline.OUTCOMES)

    wres = tables[("ethnicity: White and other than White", "appointed")]
    white, other = wres["groups"]
    assert (white["group"], white["n"], white["k"], white["reference"]) == ("White", 1005, 302, True)
    assert (other["group"], other["n"], other["k"]) == ("Other than White", 500, 100)
    assert wres["unknown"] == 50

    by_group = tables[("ethnicity", "appointed")]
    rows = {row["group"]: row for row in by_group["groups"]}
    british = rows["English, Welsh, Scottish, Northern Irish or British"]
    assert (british["rate_low"], british["rate_high"]) == pytest.approx((0.2724, 0.3291), abs=5e-5)
    indian = rows["Indian"]
    assert (indian["rate"], indian["rate_low"], indian["rate_high"]) == pytest.approx((0.2, 0.1673, 0.2373), abs=5e-5)
    # Relative likelihood of the group against White British: 1 / 1.5, with the Katz interval inverted.
    assert (indian["ratio"], indian["ratio_low"], indian["ratio_high"]) == pytest.approx(
        (1 / 1.5, 1 / 1.8307, 1 / 1.2290), abs=5e-5
    )
    assert rows["Roma"]["withheld"]
    assert rows["Roma"]["k"] is None
    assert rows["Roma"]["n"] is None
    assert rows["Roma"]["rate"] is None
    assert rows["Arab"]["n"] is None  # nobody: below the threshold
    assert by_group["declaration_rate"] == pytest.approx(1505 / 1555)
    assert all("p_adjusted" in table for table in report["tables"] if table["p"] is not None)

    pay = report["pay_gap"]
    assert sum(q["men"] + q["women"] for q in pay["quarters"]) == 1555
    assert [q["men"] + q["women"] for q in pay["quarters"]] == [388, 389, 389, 389]


def test_pay_quarters_split_ties_by_sex() -> None:
    hourly = np.full(1422, 12.0)
    sex = np.array(["Male", "Female"] * 711)
    quarters = baseline.pay_quarters(hourly, sex)
    assert [q["men"] + q["women"] for q in quarters] == [355, 356, 355, 356]
    assert all(abs(q["men"] - q["women"]) <= 1 for q in quarters)


def test_the_floor_reads_what_the_baseline_reads(tmp_path: Path) -> None:
    assert set(floor.COLUMNS) == set(baseline.COLUMNS)
    path = _hand_made_workforce(tmp_path / "w.parquet")
    assert floor.scan(str(path))[0] == 1555
