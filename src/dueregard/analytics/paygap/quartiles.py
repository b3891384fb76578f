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


QuarterCounts = dict[tuple[int, str], int]


def pay_quarter_counts(employees: ir.Table, *, hourly_rate: str, group: str) -> QuarterCounts:
    """{(quarter, group): employees}: the same counts as :func:`assign_pay_quarters` followed by counting, computed
    without ranking every row.

    The engine counts employees per (hourly rate, group) and gives each distinct rate its run of positions in the
    ranked list (a running total over the distinct rates). A run that lies inside one quarter is counted there in
    the engine; only the runs a boundary cuts (at most three) come back to Python, where their members are
    interleaved by the tie rule exactly as :func:`assign_pay_quarters` does: the i-th member (0-based) of a group
    with n members at that rate at (i + 0.5) / n along the run, then by group name."""
    present = employees.filter(employees[hourly_rate].notnull())
    counted = present.group_by([hourly_rate, group]).aggregate(_c=present.count())
    # A running total over the rates with RANGE framing includes every row of the same rate, so each (rate, group)
    # row learns where its rate's run ends without a separate table of runs.
    runs = counted.mutate(
        _end=counted._c.sum().over(ibis.window(order_by=counted[hourly_rate], range=(None, 0))),
        _m=counted._c.sum().over(ibis.window(group_by=counted[hourly_rate])),
        _n=counted._c.sum().over(ibis.window()),
    )
    runs = runs.mutate(_start=runs._end - runs._m)
    joined = runs.mutate(
        _q_first=((runs._start + 1) * 4 - 1) // runs._n,
        _q_last=(runs._end * 4 - 1) // runs._n,
    )
    inside = joined.filter(joined._q_first == joined._q_last)
    whole = inside.group_by([inside._q_first.name("_quarter"), inside[group].cast("string").name("_group")]).aggregate(
        _employees=inside._c.sum()
    )
    cut = joined.filter(joined._q_first != joined._q_last)
    whole_rows = whole.select(
        _kind=ibis.literal("whole"),
        _quarter=whole._quarter.cast("int64"),
        _group=whole._group,
        _employees=whole._employees.cast("int64"),
        _rate=ibis.null("float64"),
        _start=ibis.null("int64"),
        _n=ibis.null("int64"),
    )
    cut_rows = cut.select(
        _kind=ibis.literal("cut"),
        _quarter=ibis.null("int64"),
        _group=cut[group].cast("string"),
        _employees=cut._c.cast("int64"),
        _rate=cut[hourly_rate].cast("float64"),
        _start=cut._start.cast("int64"),
        _n=cut._n.cast("int64"),
    )
    rows = ibis.union(whole_rows, cut_rows, distinct=False).to_pyarrow().to_pylist()
    counts: QuarterCounts = {}
    boundary_runs: dict[float, list[tuple[str, int, int, int]]] = {}
    for row in rows:
        if row["_kind"] == "whole":
            key = (int(row["_quarter"]), str(row["_group"]))
            counts[key] = counts.get(key, 0) + int(row["_employees"])
        else:
            boundary_runs.setdefault(float(row["_rate"]), []).append(
                (str(row["_group"]), int(row["_employees"]), int(row["_start"]), int(row["_n"]))
            )
    for members in boundary_runs.values():
        start, total = members[0][2], members[0][3]
        order = sorted(((place + 0.5) / size, name) for name, size, _start, _total in members for place in range(size))
        for offset, (_place, name) in enumerate(order):
            position = start + offset + 1
            key = ((position * 4 - 1) // total, name)
            counts[key] = counts.get(key, 0) + 1
    return counts
