"""Small helpers the pay-gap queries share: checking the columns, running a query into plain rows, a flag
column as a filter. (The report's own two queries are in :mod:`~dueregard.analytics.paygap.batch`.)"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import ibis.expr.types as ir
from ibis.backends import BaseBackend


def require_columns(employees: ir.Table, columns: Iterable[str]) -> None:
    """A clear error naming every column the caller named that the table does not have."""
    missing = [column for column in columns if column not in employees.columns]
    if missing:
        raise ValueError(f"The employee table has no column {', '.join(map(repr, missing))}.")


def records(expr: ir.Table, backend: BaseBackend | None) -> list[dict[str, Any]]:
    """Run `expr` on `backend` (or the backend its tables belong to) and return plain Python rows."""
    frame = expr.execute() if backend is None else backend.execute(expr)
    rows: list[dict[str, Any]] = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return rows


def flagged(employees: ir.Table, flag: str) -> ir.Table:
    """The rows whose boolean `flag` is true (a missing flag counts as false)."""
    return employees.filter(employees[flag].cast("boolean").fill_null(False))
