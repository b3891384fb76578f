"""Pay quarters (the regulations' "quartile pay bands"): rank employees by hourly rate and cut the list into four
sections whose sizes differ by at most one.

Split convention: with N employees ranked 1..N from the lowest paid, the boundaries fall after ranks
floor(N/4), floor(2N/4) and floor(3N/4), so employee r is in quarter (4r - 1) // N (0 = lower, 3 = upper). Any
extra employees go to the upper, lower middle and upper middle quarters in that order; for 1,422 employees the
quarters hold 355, 356, 355 and 356 from the lower up, as in the care-home worked example (upper quarter 356).

Ties (regulation 13(2)): employees on the same hourly rate are interleaved by group before the list is cut, so
that wherever a boundary falls inside a run of equal rates, each side holds the groups in (as nearly as
possible) the proportions of the whole run. The i-th member (0-based) of a group with n members at that rate is
placed at (i + 0.5) / n along the run; the run is ordered by that position, then by group name. Any leading
stretch of the run then holds each group's proportional share to within half a person, so each side of a
boundary is within one person of it. The result is deterministic: it depends on the rates and groups, never on
the order of the rows (which particular people of one group and rate fall on either side of a boundary is
arbitrary unless `within_tie_order` names columns to decide it)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import ibis
import ibis.expr.types as ir

QUARTER_NAMES = ("Lower", "Lower middle", "Upper middle", "Upper")
"""Index 0 is the lowest paid quarter."""


def quarter_sizes(employee_count: int) -> tuple[int, int, int, int]:
    """How many employees each quarter holds, lower first, under the split convention above."""
    if employee_count < 0:
        raise ValueError("The number of employees cannot be negative.")
    bounds = [k * employee_count // 4 for k in range(5)]
    first, second, third, fourth = (upper - lower for lower, upper in pairwise(bounds))
    return first, second, third, fourth


def assign_pay_quarters(
    employees: ir.Table,
    *,
    hourly_rate: str,
    group: str,
    within_tie_order: Sequence[str] = (),
    name: str = "pay_quarter",
) -> ir.Table:
    """`employees` with an integer column `name` (0 = lower ... 3 = upper quarter).

    Every row is ranked, so filter to the population first (full-pay relevant employees in the groups
    compared). `group` is the column whose proportions the tie rule keeps equal on both sides of a boundary;
    rows with a missing hourly rate must already be removed."""
    rate = employees[hourly_rate]
    at_rate_in_group = ibis.window(
        group_by=[rate, employees[group]],
        order_by=[employees[column] for column in within_tie_order] or [rate],
    )
    place_in_group = ibis.row_number().over(at_rate_in_group).cast("float64")
    group_size_at_rate = rate.count().over(ibis.window(group_by=[rate, employees[group]])).cast("float64")
    spread = employees.mutate(_place_in_run=(place_in_group + 0.5) / group_size_at_rate)

    rank = ibis.row_number().over(ibis.window(order_by=[spread[hourly_rate], spread._place_in_run, spread[group]])) + 1
    employee_count = spread[hourly_rate].count().over(ibis.window())
    quarter = ((rank * 4 - 1) // employee_count).cast("int64")
    return spread.mutate(**{name: quarter}).drop("_place_in_run")
