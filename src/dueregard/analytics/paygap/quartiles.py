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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

import ibis
import ibis.expr.types as ir

from dueregard.analytics.i18n import N_
from dueregard.analytics.paygap.median import value_bucket

QUARTER_NAMES = (N_("Lower"), N_("Lower middle"), N_("Upper middle"), N_("Upper"))
"""Index 0 is the lowest paid quarter. In English (a figure's key); a table shows a name with ``_()``."""


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
    without ranking every row, in two small queries.

    1. The engine counts employees per coarse rate bucket and group (a monotone function of the rate, see
       :func:`~dueregard.analytics.paygap.median.value_bucket`; a few hundred buckets). A running total over the
       buckets gives each its run of positions in the ranked list; a bucket that lies inside one quarter is
       counted there.
    2. Only the buckets a boundary cuts (at most three) are counted per (hourly rate, group); a rate whose run
       lies inside one quarter is counted there, and the members of the rates a boundary cuts are interleaved by
       the tie rule exactly as :func:`assign_pay_quarters` does: the i-th member (0-based) of a group with n
       members at that rate at (i + 0.5) / n along the run, then by group name.

    Both are plain aggregations (which the engine can spill to disk), so memory does not grow with the number of
    employees or of distinct rates."""
    present = employees.filter(employees[hourly_rate].notnull())
    rate = present[hourly_rate].cast("float64")
    bucketed = present.select(_rate=rate, _group=present[group].cast("string"), _bucket=value_bucket(rate))
    per_bucket = bucketed.group_by(["_bucket", "_group"]).aggregate(_c=bucketed.count()).to_pyarrow().to_pylist()
    buckets: Members = {}
    for row in per_bucket:
        buckets.setdefault(int(row["_bucket"]), []).append((str(row["_group"]), int(row["_c"])))
    placed = place_buckets(buckets)
    if not placed.cut_starts:
        return placed.counts
    inside = bucketed.filter(bucketed._bucket.isin(list(placed.cut_starts)))
    per_rate = inside.group_by(["_bucket", "_rate", "_group"]).aggregate(_c=inside.count()).to_pyarrow().to_pylist()
    runs: dict[tuple[int, float], list[tuple[str, int]]] = {}
    for row in per_rate:
        runs.setdefault((int(row["_bucket"]), float(row["_rate"])), []).append((str(row["_group"]), int(row["_c"])))
    return place_rates(placed, runs)


Members = dict[int, list[tuple[str, int]]]
"""{bucket: [(group, employees), ...]}"""


@dataclass
class PlacedBuckets:
    """What counts per bucket settle: `counts` of the buckets that lie inside one quarter, and the first position
    (0-based) of each bucket a boundary cuts, which needs counting per rate; `total` employees in all."""

    counts: QuarterCounts
    cut_starts: dict[int, int]
    total: int


def place_buckets(buckets: Members) -> PlacedBuckets:
    """Step 1 of :func:`pay_quarter_counts` on counts per (bucket, group), whichever engine counted them."""
    total = sum(count for members in buckets.values() for _name, count in members)
    counts: QuarterCounts = {}
    cut_starts: dict[int, int] = {}
    start = 0
    for bucket in sorted(buckets):
        members = buckets[bucket]
        end = start + sum(count for _name, count in members)
        if _quarter_of(start + 1, total) == _quarter_of(end, total):
            for name, count in members:
                _add(counts, (_quarter_of(end, total), name), count)
        else:
            cut_starts[bucket] = start
        start = end
    return PlacedBuckets(counts, cut_starts, total)


def place_rates(placed: PlacedBuckets, runs: Mapping[tuple[int, float], Sequence[tuple[str, int]]]) -> QuarterCounts:
    """Step 2 of :func:`pay_quarter_counts`: `runs` holds the counts per (bucket, rate) of every group in the cut
    buckets; returns the quarter counts of everyone (a new dict)."""
    counts = dict(placed.counts)
    total = placed.total
    position = dict(placed.cut_starts)
    for bucket, value in sorted(runs):
        members = runs[(bucket, value)]
        start = position[bucket]
        end = start + sum(count for _name, count in members)
        position[bucket] = end
        if _quarter_of(start + 1, total) == _quarter_of(end, total):
            for name, count in members:
                _add(counts, (_quarter_of(end, total), name), count)
            continue
        order = sorted(((place + 0.5) / size, name) for name, size in members for place in range(size))
        for offset, (_place, name) in enumerate(order):
            _add(counts, (_quarter_of(start + offset + 1, total), name), 1)
    return counts


def _quarter_of(rank: int, total: int) -> int:
    """The quarter (0 = lower) of the employee at 1-based `rank` among `total`."""
    return (rank * 4 - 1) // total


def _add(counts: QuarterCounts, key: tuple[int, str], employees: int) -> None:
    counts[key] = counts.get(key, 0) + employees
