"""The synthetic workforce of benchmarks/workforce/generate.py: deterministic, the documented columns, shares and
built-in differences, valid Parquet, and described by benchmarks/workforce/workforce.yaml."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
import yaml

from dueregard.analytics.classifications import get_classification
from dueregard.analytics.dataset import load_description

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "benchmarks" / "workforce"
UNKNOWN_VALUES = set(
    yaml.safe_load(
        (ROOT / "src/dueregard/analytics/classifications/data/_unknown-values.yaml").read_text(encoding="utf-8")
    )["unknown_values"]
)


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"workforce_benchmark_{name}", HERE / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


generate = load("generate")


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> pa.Table:
    path = generate.generate(50_000, tmp_path_factory.mktemp("workforce") / "sample.parquet", seed=7)
    return pq.read_table(path)


def test_deterministic_for_a_seed(tmp_path: Path) -> None:
    first = pq.read_table(generate.generate(2_000, tmp_path / "a.parquet", seed=1, chunk_rows=700))
    again = pq.read_table(generate.generate(2_000, tmp_path / "b.parquet", seed=1, chunk_rows=700))
    other = pq.read_table(generate.generate(2_000, tmp_path / "c.parquet", seed=2, chunk_rows=700))
    assert first.equals(again)
    assert not first.equals(other)


def test_writes_valid_parquet_in_row_groups(tmp_path: Path) -> None:
    path = generate.generate(2_000, tmp_path / "w.parquet", seed=1, chunk_rows=700)
    metadata = pq.ParquetFile(path).metadata
    assert metadata.num_rows == 2_000
    assert [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)] == [700, 700, 600]
    assert metadata.row_group(0).column(0).compression == "ZSTD"
    table = pq.read_table(path)
    assert table.schema == generate.SCHEMA
    assert table["staff_id"].to_pylist() == list(range(1, 2_001))
    assert not (tmp_path / "w.parquet.partial").exists()


def test_the_description_is_valid_and_names_generated_columns() -> None:
    description = load_description(HERE / "workforce.yaml")
    assert set(description.required_columns()) <= set(generate.SCHEMA.names)
    assert {c.name for c in description.characteristics} == {
        "sex",
        "age",
        "ethnicity",
        "disability",
        "religion",
        "sexual_orientation",
    }
    assert description.outcome("appointed").among == "shortlisted"
    assert description.outcome("shortlisted").among == "applied"
    # Same column names as the example description where the two overlap.
    example = load_description(ROOT / "docs/examples/workforce.yaml")
    for characteristic in example.characteristics:
        assert description.characteristic(characteristic.name).column == characteristic.column
    for outcome in example.outcomes:
        assert description.outcome(outcome.name).column == outcome.column
    assert example.pay is not None
    assert description.pay is not None
    assert description.pay.columns() == example.pay.columns()


def test_ethnicity_uses_the_19_census_labels_exactly() -> None:
    classification = get_classification("ethnicity-ew-2021")
    labels = {category.code: category.label for category in classification.categories}
    assert len(labels) == 19
    assert labels == generate.ETHNICITY_LABELS
    assert set(generate.ETHNICITY_SHARES) == set(labels)


@pytest.mark.parametrize(
    ("column", "classification"),
    [
        ("sex", "sex"),
        ("ethnicity", "ethnicity-ew-2021"),
        ("disabled", "disability-gss"),
        ("religion", "religion-2021"),
        ("sexual_orientation", "sexual-orientation"),
        ("age_band", "age-bands-standard"),
    ],
)
def test_values_are_labels_of_the_classification_or_unknown(sample: pa.Table, column: str, classification: str) -> None:
    labels = {category.label for category in get_classification(classification).categories}
    values = {value for value in pc.unique(sample[column]).to_pylist() if value is not None}
    assert values - labels <= UNKNOWN_VALUES


def test_ethnic_group_shares(sample: pa.Table) -> None:
    rows = sample.num_rows
    counts = {row["values"]: row["counts"] for row in pc.value_counts(sample["ethnicity"]).to_pylist()}
    assert len([label for label in counts if label in generate.ETHNICITY_LABELS.values()]) == 19
    total = sum(generate.ETHNICITY_SHARES.values())
    expected = {
        generate.ETHNICITY_LABELS[code]: share / total * (1 - generate.ETHNICITY_NOT_STATED)
        for code, share in generate.ETHNICITY_SHARES.items()
    }
    not_stated = counts.get("Not stated", 0) + counts.get(None, 0)
    expected["(not stated)"] = generate.ETHNICITY_NOT_STATED
    counts["(not stated)"] = not_stated
    for label, share in expected.items():
        tolerance = 4 * math.sqrt(share * (1 - share) / rows)
        assert abs(counts.get(label, 0) / rows - share) < tolerance, label
    assert 0.07 < not_stated / rows < 0.09


def _flag(sample: pa.Table, column: str) -> np.ndarray:
    return np.asarray(sample[column].to_numpy(zero_copy_only=False) == "Yes")


def test_appointment_ratio_white_vs_other_than_white_is_about_1_5(sample: pa.Table) -> None:
    ethnicity = sample["ethnicity"].to_numpy(zero_copy_only=False)
    white_labels = [generate.ETHNICITY_LABELS[code] for code in generate.WHITE]
    known = np.isin(ethnicity, list(generate.ETHNICITY_LABELS.values()))
    white = np.isin(ethnicity, white_labels)
    other = known & ~white
    shortlisted, appointed = _flag(sample, "shortlisted"), _flag(sample, "appointed")
    assert not (appointed & ~shortlisted).any()
    rate_white = appointed[shortlisted & white].mean()
    rate_other = appointed[shortlisted & other].mean()
    assert rate_white / rate_other == pytest.approx(1.5, abs=0.2)
    disciplinary = _flag(sample, "disciplinary")
    assert disciplinary[other].mean() / disciplinary[white].mean() == pytest.approx(1.25, abs=0.2)


def test_pay_gaps_men_vs_women(sample: pa.Table) -> None:
    sex = sample["sex"].to_numpy(zero_copy_only=False)
    full_pay = _flag(sample, "full_pay")
    hourly = (
        sample["ordinary_pay"].to_numpy()
        * 7.0
        / sample["pay_period_days"].to_numpy().astype(float)
        / sample["weekly_hours"].to_numpy()
    )
    men, women = hourly[full_pay & (sex == "Male")], hourly[full_pay & (sex == "Female")]
    assert (men.mean() - women.mean()) / men.mean() * 100 == pytest.approx(10, abs=1.0)
    assert (np.median(men) - np.median(women)) / np.median(men) * 100 == pytest.approx(10, abs=1.5)
    bonus = sample["bonus_pay"].to_numpy()
    assert (bonus[sex == "Male"] > 0).mean() == pytest.approx(0.30, abs=0.015)
    assert (bonus[sex == "Female"] > 0).mean() == pytest.approx(0.24, abs=0.015)
    men_bonus, women_bonus = bonus[(sex == "Male") & (bonus > 0)], bonus[(sex == "Female") & (bonus > 0)]
    assert (men_bonus.mean() - women_bonus.mean()) / men_bonus.mean() * 100 == pytest.approx(20, abs=4)
