"""Hourly rate of pay under the Equality Act 2010 (Specific Duties and Public Authorities) Regulations 2017,
Schedule 1: (ordinary pay in the pay period containing the snapshot date + bonus pay attributable to that period)
× (7 / days in the pay period) ÷ weekly working hours."""

from __future__ import annotations

import ibis.expr.types as ir


def hourly_rate(
    employees: ir.Table,
    *,
    ordinary_pay: str,
    bonus_pay_in_period: str | None,
    days_in_period: str,
    weekly_hours: str,
) -> ir.FloatingValue:
    """The hourly rate of each employee as an Ibis expression over the named record-level columns.

    A missing bonus counts as no bonus. A missing input, or zero days or hours, gives a missing rate (the same on
    DuckDB and Spark, where dividing by zero would otherwise give infinity or raise), which `pay_gap_report()`
    refuses with a clear error rather than silently dropping the employee.
    Example: £2,000 in a 30-day pay period at 37.5 hours a week gives 2000 × 7 / 30 / 37.5 = £12.4444.
    """
    pay = employees[ordinary_pay].cast("float64")
    if bonus_pay_in_period is not None:
        pay = pay + employees[bonus_pay_in_period].cast("float64").fill_null(0.0)
    weekly_pay = pay * 7.0 / employees[days_in_period].cast("float64").nullif(0.0)
    rate: ir.FloatingValue = weekly_pay / employees[weekly_hours].cast("float64").nullif(0.0)
    return rate
