"""The hourly rate of the 2017 regulations, on DuckDB and Spark."""

from __future__ import annotations

import pandas as pd
import pytest
from ibis import BaseBackend
from paygap_tables import duckdb_backend

from dueregard.analytics.engine import to_backend
from dueregard.analytics.paygap import hourly_rate


def _rates(backend: BaseBackend, frame: pd.DataFrame, *, bonus: str | None = "bonus") -> list[float | None]:
    table = to_backend(backend, frame)
    rate = hourly_rate(
        table, ordinary_pay="pay", bonus_pay_in_period=bonus, days_in_period="days", weekly_hours="hours"
    )
    result = backend.execute(table.select("id", rate=rate).order_by("id"))
    return [None if pd.isna(value) else float(value) for value in result["rate"]]


def test_2000_pounds_in_a_30_day_period_at_37_5_hours_is_12_4444_an_hour(backend: BaseBackend) -> None:
    frame = pd.DataFrame({"id": [1], "pay": [2000.0], "bonus": [None], "days": [30], "hours": [37.5]})
    (rate,) = _rates(backend, frame)
    assert rate == pytest.approx(2000 * 7 / 30 / 37.5)
    assert round(rate or 0, 4) == 12.4444


def test_bonus_in_the_period_is_added_and_bad_inputs_give_no_rate(backend: BaseBackend) -> None:
    frame = pd.DataFrame({
        "id": [1, 2, 3, 4],
        "pay": [700.0, 700.0, 700.0, None],
        "bonus": [70.0, None, 0.0, 10.0],
        "days": [7, 7, 0, 7],
        "hours": [35.0, 35.0, 35.0, 35.0],
    })  # fmt: skip
    assert _rates(backend, frame) == [pytest.approx(22.0), 20.0, None, None]


def test_without_a_bonus_column_only_ordinary_pay_counts() -> None:
    frame = pd.DataFrame({"id": [1], "pay": [1000.0], "bonus": [500.0], "days": [14], "hours": [20.0]})
    assert _rates(duckdb_backend(), frame, bonus=None) == [pytest.approx(25.0)]
