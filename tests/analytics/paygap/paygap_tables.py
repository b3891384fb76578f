"""Helpers shared by the pay-gap tests: put a frame on a backend and run the report with the usual columns."""

from __future__ import annotations

from functools import cache
from typing import Any

import pandas as pd
from ibis import BaseBackend

from dueregard.analytics.engine import connect, to_backend
from dueregard.analytics.paygap import GroupComparison, PayGapReport, pay_gap_report


@cache
def duckdb_backend() -> BaseBackend:
    """One in-process DuckDB for the property tests (Hypothesis cannot use function-scoped fixtures)."""
    return connect("duckdb")


def employees(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows with defaults: full-pay relevant and relevant, no bonus."""
    defaults = {"full_pay_relevant": True, "relevant": True, "bonus_pay": 0.0}
    return pd.DataFrame([{**defaults, **row} for row in rows])


def report(backend: BaseBackend, frame: pd.DataFrame, comparison: GroupComparison) -> PayGapReport:
    return pay_gap_report(
        to_backend(backend, frame),
        comparison=comparison,
        hourly_rate="hourly_rate",
        bonus_pay="bonus_pay",
        full_pay_relevant="full_pay_relevant",
        relevant="relevant",
        backend=backend,
    )
