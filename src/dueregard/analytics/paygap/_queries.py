"""The three queries behind a two-group pay-gap report, each returning one small pandas frame. Each is one
round trip to the backend (a Spark query costs seconds), so everything a section needs is computed together."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import ibis.expr.types as ir
from ibis.backends import BaseBackend

from dueregard.analytics.paygap.groups import COMPARISON, REFERENCE, GroupComparison
from dueregard.analytics.paygap.median import exact_median_by
from dueregard.analytics.paygap.quartiles import pay_quarter_counts

ROLE = "_role"
RATE = "_hourly_rate"
BONUS = "_bonus_pay"
TIE_GROUP = "_tie_group"


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


def with_roles(employees: ir.Table, *, comparison: GroupComparison) -> ir.Table:
    return employees.mutate(**{ROLE: comparison.role(employees)})


def hourly_pay_by_role(full_pay: ir.Table, *, hourly_rate: str) -> ir.Table:
    """Per role: employees, missing hourly rates, mean and exact median hourly rate."""
    rates = full_pay.select(ROLE, **{RATE: full_pay[hourly_rate].cast("float64")})
    counts = rates.group_by(ROLE).aggregate(
        employees=rates.count(),
        missing_rates=rates[RATE].isnull().cast("int64").sum(),
        mean=rates[RATE].mean(),
    )
    medians = exact_median_by(rates, value=RATE, by=ROLE)
    joined = counts.left_join(medians, ROLE)
    return joined.select(ROLE, "employees", "missing_rates", "mean", "median")


def bonus_pay_by_role(relevant: ir.Table, *, bonus_pay: str) -> ir.Table:
    """Per role: relevant employees, those paid a bonus, mean and exact median bonus among those paid one."""
    bonuses = relevant.select(ROLE, **{BONUS: relevant[bonus_pay].cast("float64").fill_null(0.0)})
    paid = bonuses.filter(bonuses[BONUS] > 0)
    counts = bonuses.group_by(ROLE).aggregate(
        employees=bonuses.count(),
        paid=(bonuses[BONUS] > 0).cast("int64").sum(),
        mean=bonuses[BONUS].mean(where=bonuses[BONUS] > 0),  # in the same scan as the counts
    )
    medians = exact_median_by(paid, value=BONUS, by=ROLE)
    joined = counts.left_join(medians, ROLE)
    return joined.select(ROLE, "employees", "paid", "mean", "median")


def quarter_counts(full_pay: ir.Table, *, hourly_rate: str, comparison: GroupComparison) -> list[dict[str, Any]]:
    """Per pay quarter and role (reference and comparison only): employees, as rows ``pay_quarter``, ROLE,
    ``employees`` (see :func:`~dueregard.analytics.paygap.quartiles.pay_quarter_counts`: counts per rate, not a
    ranking of every row).

    The tie rule interleaves the groups by their labels ("Men", "Women"), not by role, so that swapping the
    reference and comparison groups swaps the quarter counts exactly."""
    compared = full_pay.filter(full_pay[ROLE].isin([REFERENCE, COMPARISON]))
    label = (compared[ROLE] == REFERENCE).ifelse(comparison.reference_label, comparison.comparison_label)
    compared = compared.select(**{RATE: compared[hourly_rate].cast("float64"), TIE_GROUP: label})
    counts = pay_quarter_counts(compared, hourly_rate=RATE, group=TIE_GROUP)
    role_of = {comparison.reference_label: REFERENCE, comparison.comparison_label: COMPARISON}
    return [
        {"pay_quarter": quarter, ROLE: role_of[name], "employees": employees}
        for (quarter, name), employees in sorted(counts.items())
    ]
