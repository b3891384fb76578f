"""Exact medians that give the same answer on every Ibis backend.

Spark's `percentile_approx` (what `median()` becomes there) is approximate, so there the median is found by
ranking: the two central rows of each group (the same row twice when the count is odd) are averaged. DuckDB's
`median()` (QUANTILE_CONT at 0.5) is exact — the two central values interpolated half way — and needs no sort of
the whole table, so it is used on DuckDB."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir


def exact_median_by(table: ir.Table, *, value: str, by: str, name: str = "median") -> ir.Table:
    """One row per value of `by` with the exact median of `value` (missing values ignored) in column `name`.

    With n values ranked 0..n-1 the central positions are (n-1)//2 and n//2; for odd n they coincide."""
    if _on_duckdb(table):
        known = table.filter(table[value].notnull())
        return known.group_by(by).aggregate(**{name: known[value].cast("float64").median()})
    present = table.filter(table[value].notnull()).select(by, value)
    position = ibis.row_number().over(ibis.window(group_by=present[by], order_by=present[value]))
    count = present[value].count().over(ibis.window(group_by=present[by]))
    ranked = present.mutate(_position=position, _count=count)
    central = ranked.filter((ranked._position == (ranked._count - 1) // 2) | (ranked._position == ranked._count // 2))
    return central.group_by(by).aggregate(**{name: central[value].cast("float64").mean()})


def _on_duckdb(table: ir.Table) -> bool:
    try:
        return str(table.get_backend().name) == "duckdb"
    except Exception:  # an unbound or multi-backend expression: the ranking method works everywhere
        return False
