"""Group counts: how many people are in each group, and how many of them had an outcome.

Every function returns rows sorted by group so results never depend on row order or engine. Unknown values are
kept as their own group (named by the caller's classification, e.g. ``unknown``); the statistics decide what to
do with them, and the report always states how many there were.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import ibis
import ibis.expr.types as ir


@dataclass(frozen=True)
class GroupCounts:
    """Rows of (group values..., n, k): n people in the group, k of whom had the outcome."""

    by: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    def as_dict(self) -> dict[Any, tuple[int, int]]:
        """{group: (n, k)} for one grouping column, {(a, b): (n, k)} for several."""
        width = len(self.by)
        return {
            (row[0] if width == 1 else tuple(row[:width])): (int(row[width]), int(row[width + 1])) for row in self.rows
        }

    def to_dict(self) -> dict[str, Any]:
        return {"by": list(self.by), "rows": [list(row) for row in self.rows]}


def _flag(table: ir.Table, outcome: str | None) -> ir.IntegerValue:
    if outcome is None:
        return ibis.literal(0)
    column = table[outcome]
    if column.type().is_boolean():
        return column.fill_null(False).cast("int64")
    # 1/0 or counts of events: anything above zero counts once.
    return (column.fill_null(0) > 0).cast("int64")


def _collect(expr: ir.Table, by: Sequence[str]) -> GroupCounts:
    ordered = expr.order_by([expr[name] for name in by])
    data = ordered.to_pyarrow()
    columns = [data.column(name).to_pylist() for name in data.column_names]
    rows = tuple(tuple(values) for values in zip(*columns, strict=True))
    return GroupCounts(by=tuple(by), rows=rows)


def group_counts(
    table: ir.Table, *, by: Sequence[str] | str, outcome: str | None = None, where: ir.BooleanValue | None = None
) -> GroupCounts:
    """n and k per group. ``where`` limits the population (e.g. to the shortlisted)."""
    columns = [by] if isinstance(by, str) else list(by)
    population = table.filter(where) if where is not None else table
    expr = population.group_by(columns).aggregate(n=population.count(), k=_flag(population, outcome).sum())
    return _collect(expr, columns)


def crossed_counts(table: ir.Table, *, first: str, second: str, outcome: str | None = None) -> GroupCounts:
    """Two characteristics crossed (e.g. sex × ethnic group)."""
    return group_counts(table, by=[first, second], outcome=outcome)


def funnel_counts(table: ir.Table, *, group: str, stages: Sequence[str]) -> dict[str, GroupCounts]:
    """For each stage of a recruitment funnel (applied → shortlisted → appointed), how many of those who reached
    the previous stage reached this one, by group. The first stage counts everyone who reached it."""
    results: dict[str, GroupCounts] = {}
    previous: str | None = None
    for stage in stages:
        where = _flag(table, previous) == 1 if previous is not None else None
        results[stage] = group_counts(table, by=group, outcome=stage, where=where)
        previous = stage
    return results


def trend_counts(table: ir.Table, *, group: str, period: str, outcome: str | None = None) -> GroupCounts:
    """n and k per period and group, for trends across years."""
    return group_counts(table, by=[period, group], outcome=outcome)


@dataclass(frozen=True)
class WeightedCounts:
    """Per group: the sum of weights, the weighted count with the outcome, and the sum of squared weights (for
    Kish's effective sample size, (Σw)² / Σw²), plus the unweighted number of respondents."""

    group: Any
    respondents: int
    weight_sum: float
    weighted_outcome: float
    weight_square_sum: float

    @property
    def effective_sample_size(self) -> float:
        return self.weight_sum**2 / self.weight_square_sum if self.weight_square_sum else 0.0

    @property
    def weighted_share(self) -> float | None:
        return self.weighted_outcome / self.weight_sum if self.weight_sum else None


def weighted_counts(table: ir.Table, *, group: str, outcome: str, weight: str) -> list[WeightedCounts]:
    """Weighted survey percentages by group (e.g. satisfied respondents, weighted to the population)."""
    w = table[weight].cast("float64")
    flag = _flag(table, outcome).cast("float64")
    expr = table.group_by(group).aggregate(
        respondents=table.count(),
        weight_sum=w.sum(),
        weighted_outcome=(w * flag).sum(),
        weight_square_sum=(w * w).sum(),
    )
    counts = _collect(expr, [group])
    return [
        WeightedCounts(
            group=row[0],
            respondents=int(row[1]),
            weight_sum=float(row[2]),
            weighted_outcome=float(row[3]),
            weight_square_sum=float(row[4]),
        )
        for row in counts.rows
    ]
