"""The same report from DuckDB and from Spark, on data full of tied rates, undisclosed values and bonuses.
Counts, medians, quarters and displayed figures must be identical; means may differ only in the last bit (the
engines add floating-point numbers in different orders)."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from ibis import BaseBackend
from paygap_tables import duckdb_backend, employees, report

from dueregard.analytics.paygap import GapFigure, PayGapReport, ethnicity_comparison


def _tied_workforce() -> pd.DataFrame:
    groups = ["White British", "Indian", "African", "White Irish", None, "Prefer not to say"]
    rows = []
    for index in range(97):
        rows.append({
            "ethnicity": groups[(index * 7) % len(groups)] if index % 11 else "White British",
            "hourly_rate": [9.5, 10.0, 10.0, 11.0, 12.5][index % 5] + (index % 3 == 0) * 2.0,
            "bonus_pay": float((index % 4) * 250),
            "full_pay_relevant": index % 13 != 0,
        })  # fmt: skip
    return employees(rows)


def _figures(result: PayGapReport) -> list[GapFigure]:
    return [result.mean_hourly_pay, result.median_hourly_pay, result.mean_bonus_pay, result.median_bonus_pay]


@pytest.mark.spark
def test_duckdb_and_spark_give_the_same_report(spark_backend: BaseBackend) -> None:
    comparison = ethnicity_comparison(
        column="ethnicity", white_british="White British", undisclosed="Prefer not to say"
    )
    on_duckdb = report(duckdb_backend(), _tied_workforce(), comparison)
    on_spark = report(spark_backend, _tied_workforce(), comparison)
    assert on_spark.quarters == on_duckdb.quarters
    assert on_spark.bonus_proportions == on_duckdb.bonus_proportions
    assert on_spark.disclosure == on_duckdb.disclosure
    for duckdb_figure, spark_figure in zip(_figures(on_duckdb), _figures(on_spark), strict=True):
        assert spark_figure.display == duckdb_figure.display
        assert (spark_figure.reference_count, spark_figure.comparison_count) == (
            duckdb_figure.reference_count,
            duckdb_figure.comparison_count,
        )
        for spark_value, duckdb_value in [
            (spark_figure.reference_value, duckdb_figure.reference_value),
            (spark_figure.comparison_value, duckdb_figure.comparison_value),
            (spark_figure.gap_percent, duckdb_figure.gap_percent),
        ]:
            assert spark_value is not None
            assert duckdb_value is not None
            assert math.isclose(spark_value, duckdb_value, rel_tol=1e-12)
    assert on_duckdb.disclosure[0].undisclosed_count > 0
