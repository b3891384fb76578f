"""Exact medians that give the same answer on every Ibis backend, in memory that does not grow with the size of a
group.

Neither engine's own median will do: Spark's `percentile_approx` is approximate, and DuckDB's exact `median()`
holds every value of a group in memory (it cannot spill to disk, so 100M pay records run out of memory). Instead
the median is found in two steps inside one query, using only aggregations and joins (which spill):

1. the values are counted per coarse bucket (a monotone function of the value, so the buckets are in the
   order of the values); a running total over the few buckets of each group says which bucket holds the central
   positions (n-1)//2 and n//2 (0-based; the same for odd n);
2. only the rows of those one or two buckets are counted per distinct value, and a running total from the
   bucket's first position finds the one or two values at the central positions.

The median is the mean of those values, (a + b) / 2, exactly what ranking every row gives."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

_VALUE = "_median_value"
_BUCKET = "_median_bucket"


def exact_median_by(table: ir.Table, *, value: str, by: str, name: str = "median") -> ir.Table:
    """One row per value of `by` with the exact median of `value` (missing values ignored) in column `name`."""
    present = table.filter(table[value].notnull())
    present = present.select(by, **{_VALUE: present[value].cast("float64")})
    present = present.mutate(**{_BUCKET: value_bucket(present[_VALUE])})

    buckets = present.group_by([by, _BUCKET]).aggregate(_c=present.count())
    buckets = buckets.mutate(
        _end=buckets._c.sum().over(ibis.window(group_by=buckets[by], order_by=buckets[_BUCKET], rows=(None, 0))),
        _n=buckets._c.sum().over(ibis.window(group_by=buckets[by])),
    )
    buckets = buckets.mutate(_start=buckets._end - buckets._c, _low=(buckets._n - 1) // 2, _high=buckets._n // 2)
    central_buckets = buckets.filter(_holds(buckets, "_low") | _holds(buckets, "_high")).select(
        by, _BUCKET, _bucket_start=buckets._start, _low=buckets._low, _high=buckets._high
    )

    inside = present.join(central_buckets, [by, _BUCKET])
    values = inside.group_by([by, _BUCKET, _VALUE, "_bucket_start", "_low", "_high"]).aggregate(_c=inside.count())
    in_bucket = ibis.window(group_by=[values[by], values[_BUCKET]], order_by=values[_VALUE], rows=(None, 0))
    values = values.mutate(_end=values._bucket_start + values._c.sum().over(in_bucket))
    values = values.mutate(_start=values._end - values._c)
    central = values.filter(_holds(values, "_low") | _holds(values, "_high"))
    return central.group_by(by).aggregate(**{name: central[_VALUE].mean()})


def _holds(rows: ir.Table, position: str) -> ir.BooleanValue:
    """Whether the run of positions [_start, _end) of each row includes the position in column `position`."""
    held: ir.BooleanValue = (rows._start <= rows[position]) & (rows[position] < rows._end)
    return held


def value_bucket(value: ir.FloatingValue) -> ir.IntegerValue:
    """A coarse, monotone (never decreasing) bucket of a value: ±floor(1024·√|v|), exact on every engine because
    the square root is correctly rounded and ×1024 is exact. Hourly pay from £1 to £100 falls in about 9,200
    buckets (about 0.6p wide at £10), so a bucket holds few distinct rates while the count per bucket stays
    small whatever the number of records."""
    magnitude = (value.abs().sqrt() * 1024.0).floor().cast("int64")
    bucket: ir.IntegerValue = (value < 0).ifelse(-magnitude, magnitude)
    return bucket
