"""Every figure of several pay-gap comparisons (sex, ethnicity, disability) from the same two queries.

Each comparison sorts every employee into a role (reference, comparison, undisclosed, not compared); the queries
group by all the roles at once, so the records are read the same number of times for three comparisons as for one:

1. **Counts per pay bucket**: full-pay relevant employees per (hourly-rate bucket, role of each comparison), with
   the missing rates and the sum of the rates; relevant employees per (bonus bucket, roles), with the sum of the
   bonuses (bucket empty when no bonus was paid), both from one scan of the records (each paired with the two
   kinds). The buckets are a coarse, monotone function of the value (see :func:`coarse_bucket`), so a few thousand
   rows come back whatever the number of employees. From them come every count, mean and proportion, and which
   bucket holds each median position and each pay-quarter boundary.
2. **Counts per value in those few buckets** (at most a dozen per comparison): full-pay relevant employees per
   (bucket, hourly rate, roles) and those paid a bonus per (bucket, bonus, roles). From them come the exact
   medians ((a + b) / 2 of the one or two central values, as ranking every row gives) and the pay quarters with
   the tie rule (see :mod:`~dueregard.analytics.paygap.quartiles`).

Both are plain aggregations, which the engine can spill to disk, so memory does not grow with the number of
employees; on Spark each is one job. Means are the sum of the per-bucket sums over the count (``math.fsum``), equal
to the engine's own mean up to the last bits of rounding, which no displayed figure shows."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir
import pyarrow as pa
from ibis.backends import BaseBackend

from dueregard.analytics.paygap.groups import COMPARISON, REFERENCE, ROLES, GroupComparison
from dueregard.analytics.paygap.quartiles import Members, PlacedBuckets, place_buckets, place_rates

HOURLY = "hourly"
BONUS = "bonus"
_KIND = "_kind"
_BUCKET = "_bucket"
_VALUE = "_value"


def _role(index: int) -> str:
    return f"_role_{index}"


@dataclass(frozen=True)
class RoleFigures:
    """What the report needs of one role of one comparison in one population (full-pay relevant employees for
    hourly pay, relevant employees for bonus pay). For bonus pay, `missing` is 0 and `paid` counts those paid one;
    the mean and median are over them."""

    employees: int
    missing: int
    paid: int
    mean: float | None
    median: float | None


@dataclass(frozen=True)
class ComparisonCounts:
    """Per role: the hourly and bonus figures; and the quarter counts {(quarter, role): employees}."""

    hourly: dict[str, RoleFigures]
    bonus: dict[str, RoleFigures]
    quarters: dict[tuple[int, str], int]


def comparison_counts(
    employees: ir.Table,
    comparisons: Sequence[GroupComparison],
    *,
    hourly_rate: str,
    bonus_pay: str,
    full_pay_relevant: str,
    relevant: str,
    backend: BaseBackend | None = None,
) -> list[ComparisonCounts]:
    """The counts, means, medians and quarter counts of every comparison, in two queries (see the module)."""
    if not comparisons:
        return []
    roles = {_role(index): comparison.role_number(employees) for index, comparison in enumerate(comparisons)}
    rate = employees[hourly_rate].cast("float64")
    bonus = employees[bonus_pay].cast("float64").fill_null(0.0)
    prepared = employees.select(
        _full_pay=employees[full_pay_relevant].cast("boolean").fill_null(False),
        _relevant=employees[relevant].cast("boolean").fill_null(False),
        _rate=rate,
        _bonus=bonus,
        _hourly_bucket=coarse_bucket(rate),
        _bonus_bucket=(bonus > 0).ifelse(coarse_bucket(bonus), ibis.null("int64")),
        **roles,
    )
    role_names = list(roles)
    first = _run(_bucket_query(prepared, role_names), backend)
    located = [_Located.find(first, index, comparison) for index, comparison in enumerate(comparisons)]
    wanted = {
        kind: sorted({bucket for found in located for bucket in found.buckets_wanted(kind)}) for kind in (HOURLY, BONUS)
    }
    second = _run(_value_query(prepared, role_names, wanted), backend) if any(wanted.values()) else None
    return [found.finish(second) for found in located]


def coarse_bucket(value: ir.FloatingValue) -> ir.IntegerValue:
    """A coarse, monotone bucket of a value: ±floor(512·|v|^¼) (two correctly rounded square roots, so in the order
    of the values on every engine). Its width grows more slowly than the value: about 2p at £10 an hour, £3 at a
    £1,000 bonus; so a few thousand buckets hold any pay or bonus, each a small share of the employees."""
    magnitude = (value.abs().sqrt().sqrt() * 512.0).floor().cast("int64")
    bucket: ir.IntegerValue = (value < 0).ifelse(-magnitude, magnitude)
    return bucket


def _bucket_query(prepared: ir.Table, role_names: list[str]) -> ir.Table:
    both = _both_kinds(prepared, role_names)
    hourly = both[_KIND] == HOURLY
    return both.group_by([_KIND, _BUCKET, *role_names]).aggregate(
        _n=both.count(),
        _missing=(hourly & both._rate.isnull()).cast("int64").sum(),
        _sum=both[_VALUE].sum(),
    )


def _value_query(prepared: ir.Table, role_names: list[str], wanted: Mapping[str, list[int]]) -> ir.Table:
    """A union of the two kinds: each branch keeps only the few wanted buckets before anything else, which is
    cheaper here than the single scan of :func:`_both_kinds`."""
    branches = []
    for kind, bucket, value, population in (
        (HOURLY, "_hourly_bucket", "_rate", "_full_pay"),
        (BONUS, "_bonus_bucket", "_bonus", "_relevant"),
    ):
        if not wanted[kind]:
            continue
        inside = prepared.filter(prepared[population] & prepared[bucket].isin(wanted[kind]))
        counted = inside.group_by([inside[bucket].name(_BUCKET), inside[value].name(_VALUE), *role_names]).aggregate(
            _n=inside.count()
        )
        branches.append(counted.select(ibis.literal(kind).name(_KIND), _BUCKET, _VALUE, *role_names, "_n"))
    return branches[0] if len(branches) == 1 else ibis.union(*branches, distinct=False)


def _both_kinds(prepared: ir.Table, role_names: list[str]) -> ir.Table:
    """Each record twice, once per kind (its hourly rate if it is full-pay relevant, its bonus if it is relevant),
    so one scan of the records feeds both: cheaper than a union, which reads them twice."""
    kinds = ibis.memtable({_KIND: [HOURLY, BONUS]})
    paired = prepared.cross_join(kinds)
    hourly = paired[_KIND] == HOURLY
    paired = paired.filter(ibis.or_(hourly & paired._full_pay, ~hourly & paired._relevant))
    hourly = paired[_KIND] == HOURLY
    both = paired.select(
        paired[_KIND],
        hourly.ifelse(paired._hourly_bucket, paired._bonus_bucket).name(_BUCKET),
        hourly.ifelse(paired._rate, paired._bonus).name(_VALUE),
        paired._rate,
        *[paired[name] for name in role_names],
    )
    return both


def _run(expr: ir.Table, backend: BaseBackend | None) -> pa.Table:
    return expr.to_pyarrow() if backend is None else backend.to_pyarrow(expr)


def central_positions(count: int) -> tuple[int, int]:
    """The 0-based positions whose values the median averages: (n - 1) // 2 and n // 2 (the same when n is odd)."""
    return (count - 1) // 2, count // 2


@dataclass
class _Located:
    """One comparison after the first query: its per-role counts and the sums for the means, which buckets hold
    the medians, and the hourly buckets placed in quarters."""

    index: int
    comparison: GroupComparison
    sums: dict[tuple[str, str], list[float]]  # (kind, role) -> per-bucket sums
    counts: dict[tuple[str, str], dict[str, int]]  # (kind, role) -> employees, missing, with a value
    medians: dict[tuple[str, str], list[tuple[int, int, int]]]  # (kind, role) -> [(position, bucket, bucket start)]
    quarters: PlacedBuckets  # the hourly buckets placed in quarters; those a boundary cuts need the second query

    @classmethod
    def find(cls, found: pa.Table, index: int, comparison: GroupComparison) -> _Located:
        """Everything the first query's rows say about comparison `index`, summed over the roles of the other
        comparisons in Arrow and read as arrays (a few thousand buckets per role)."""
        import numpy as np

        sums: dict[tuple[str, str], list[float]] = {}
        counts: dict[tuple[str, str], dict[str, int]] = {}
        buckets: dict[tuple[str, str], dict[int, int]] = {}
        if found.num_rows:
            summed = found.group_by([_KIND, _BUCKET, _role(index)]).aggregate(
                [("_n", "sum"), ("_missing", "sum"), ("_sum", "sum")]
            )
            kinds = np.asarray(summed[_KIND].to_pylist(), dtype=object)
            roles = summed[_role(index)].to_numpy(zero_copy_only=False)
            bucket_column = summed[_BUCKET]
            has_bucket = bucket_column.is_valid().to_numpy(zero_copy_only=False)
            bucket_values = bucket_column.fill_null(0).to_numpy(zero_copy_only=False)
            employees = summed["_n_sum"].to_numpy(zero_copy_only=False)
            missing = summed["_missing_sum"].fill_null(0).to_numpy(zero_copy_only=False)
            totals = summed["_sum_sum"].fill_null(0.0).to_numpy(zero_copy_only=False)
            for kind in (HOURLY, BONUS):
                for number, role in enumerate(ROLES):
                    mine = (kinds == kind) & (roles == number)
                    if not mine.any():
                        continue
                    valued = mine & has_bucket  # a rate, or a bonus above zero
                    counts[(kind, role)] = {
                        "employees": int(employees[mine].sum()),
                        "missing": int(missing[mine].sum()),
                        "valued": int(employees[valued].sum()),
                    }
                    sums[(kind, role)] = totals[valued].tolist()
                    buckets[(kind, role)] = dict(
                        zip(bucket_values[valued].tolist(), employees[valued].tolist(), strict=True)
                    )
        medians = {
            key: _median_buckets(per_bucket) for key, per_bucket in buckets.items() if key[1] in (REFERENCE, COMPARISON)
        }
        label = {REFERENCE: comparison.reference_label, COMPARISON: comparison.comparison_label}
        quarter_buckets: Members = {}
        for role in (REFERENCE, COMPARISON):
            for bucket, count in buckets.get((HOURLY, role), {}).items():
                quarter_buckets.setdefault(bucket, []).append((label[role], count))
        return cls(index, comparison, sums, counts, medians, place_buckets(quarter_buckets))

    def buckets_wanted(self, kind: str) -> set[int]:
        wanted = {bucket for (k, _role), found in self.medians.items() if k == kind for _p, bucket, _s in found}
        if kind == HOURLY:
            wanted |= set(self.quarters.cut_starts)
        return wanted

    def finish(self, found: pa.Table | None) -> ComparisonCounts:
        needed = {(kind, role, bucket) for (kind, role), at in self.medians.items() for _p, bucket, _s in at}
        placed = self.quarters
        needed |= {(HOURLY, role, bucket) for role in (REFERENCE, COMPARISON) for bucket in placed.cut_starts}
        values = {key: _values_in(found, self.index, *key) for key in needed} if found is not None else {}

        figures: dict[str, dict[str, RoleFigures]] = {HOURLY: {}, BONUS: {}}
        for (kind, role), tally in self.counts.items():
            valued = tally["valued"]
            central = [
                _value_at(position - start, sorted(values.get((kind, role, bucket), {}).items()))
                for position, bucket, start in self.medians.get((kind, role), [])
            ]
            figures[kind][role] = RoleFigures(
                employees=tally["employees"],
                missing=tally["missing"],
                paid=valued if kind == BONUS else 0,
                mean=math.fsum(self.sums.get((kind, role), [])) / valued if valued else None,
                median=(central[0] + central[-1]) / 2 if central else None,
            )

        label = {REFERENCE: self.comparison.reference_label, COMPARISON: self.comparison.comparison_label}
        runs: dict[tuple[int, float], list[tuple[str, int]]] = {}
        for role in (REFERENCE, COMPARISON):
            for bucket in placed.cut_starts:
                for value, count in values.get((HOURLY, role, bucket), {}).items():
                    runs.setdefault((bucket, value), []).append((label[role], count))
        role_of = {name: role for role, name in label.items()}
        quarters = {(quarter, role_of[name]): count for (quarter, name), count in place_rates(placed, runs).items()}
        return ComparisonCounts(hourly=figures[HOURLY], bonus=figures[BONUS], quarters=quarters)


def _values_in(found: pa.Table, index: int, kind: str, role: str, bucket: int) -> dict[float, int]:
    """{value: employees} of one role of comparison `index` in one bucket, from the second query's rows (summed
    over the roles of the other comparisons, in Arrow)."""
    import pyarrow.compute as pc

    mine = pc.and_(
        pc.and_(pc.equal(found[_KIND], kind), pc.equal(found[_BUCKET], bucket)),
        pc.equal(found[_role(index)], ROLES.index(role)),
    )
    summed = found.filter(mine).group_by([_VALUE]).aggregate([("_n", "sum")])
    return dict(zip(summed[_VALUE].to_pylist(), summed["_n_sum"].to_pylist(), strict=True))


def _median_buckets(per_bucket: Mapping[int, int]) -> list[tuple[int, int, int]]:
    """[(position, bucket, first position of that bucket)] for the one or two central positions."""
    total = sum(per_bucket.values())
    if total == 0:
        return []
    low, high = central_positions(total)
    found: list[tuple[int, int, int]] = []
    start = 0
    for bucket in sorted(per_bucket):
        end = start + per_bucket[bucket]
        found += [(position, bucket, start) for position in dict.fromkeys((low, high)) if start <= position < end]
        start = end
    return found


def _value_at(offset: int, values: Sequence[tuple[float, int]]) -> float:
    """The value at 0-based `offset` in a bucket whose values, in order, are held by `count` employees each."""
    end = 0
    for value, count in values:
        end += count
        if offset < end:
            return value
    raise ValueError("The bucket holds fewer employees than the first query counted.")
