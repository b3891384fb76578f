"""Mean and median pay for each of several groups (e.g. the five ethnic groups), with the gap of each to a
reference group, withholding any group below the minimum size."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import ibis
import ibis.expr.types as ir
from ibis.backends import BaseBackend

from dueregard.analytics.i18n import _
from dueregard.analytics.paygap import _queries as queries
from dueregard.analytics.paygap.figures import (
    EMPLOYEES,
    NOT_APPLICABLE,
    one_decimal_place,
    percent_gap,
    suppression_for,
)
from dueregard.analytics.paygap.groups import MINIMUM_GROUP_SIZE, shown_label
from dueregard.analytics.paygap.median import exact_median_by

_GROUP = "_group"
_PAY = "_pay"


@dataclass(frozen=True)
class GroupPay:
    """One group's mean and median pay, and its gaps to the reference group in percent of the reference's pay
    (None for the reference itself). `symbol` stands in for every other value that is None: when the group is
    below the minimum size nothing is shown; when only the reference is, only the gaps are withheld."""

    group: str
    employee_count: int
    mean: float | None
    median: float | None
    mean_gap_percent: float | None
    median_gap_percent: float | None
    symbol: str = ""
    note: str = ""

    @property
    def display_mean_gap(self) -> str:
        return _display(self.mean_gap_percent, self.symbol)

    @property
    def display_median_gap(self) -> str:
        return _display(self.median_gap_percent, self.symbol)


@dataclass(frozen=True)
class PayByGroup:
    """Pay of every group of one characteristic; `undisclosed_count` of `population_count` did not disclose it
    and `not_compared_count` had a value outside the groups asked for."""

    characteristic: str
    reference_group: str | None
    minimum_group_size: int
    population_count: int
    undisclosed_count: int
    not_compared_count: int
    groups: tuple[GroupPay, ...]


def pay_by_group(
    employees: ir.Table,
    *,
    group: str,
    pay: str,
    population: str,
    reference: str | None = None,
    groups: Sequence[str] | None = None,
    undisclosed: Iterable[str] = (),
    minimum_group_size: int = MINIMUM_GROUP_SIZE,
    characteristic: str | None = None,
    backend: BaseBackend | None = None,
) -> PayByGroup:
    """Mean and exact median of `pay` for each value of `group` among the rows whose flag `population` is true
    (full-pay relevant employees and hourly rates; or those paid a bonus and bonus pay).

    `groups` fixes which groups are shown and their order; by default every disclosed value, alphabetically
    with any starting "Other" last. A missing value or one of `undisclosed` counts as not disclosed. A group
    with fewer than `minimum_group_size` people is withheld, and so is every gap when the reference is."""
    if minimum_group_size < 1:
        raise ValueError("The minimum group size must be at least 1.")
    queries.require_columns(employees, [group, pay, population])
    in_population = queries.flagged(employees, population)
    label = in_population[group].cast("string")
    unknown = label.isnull() | label.isin(sorted(set(undisclosed)))
    rows = in_population.select(**{_GROUP: unknown.ifelse(ibis.null("string"), label), _PAY: in_population[pay]})
    rows = rows.mutate(**{_PAY: rows[_PAY].cast("float64")})
    stats = rows.group_by(_GROUP).aggregate(
        employees=rows.count(), missing=rows[_PAY].isnull().cast("int64").sum(), mean=rows[_PAY].mean()
    )
    joined = stats.left_join(exact_median_by(rows, value=_PAY, by=_GROUP), _GROUP)
    records = queries.records(joined.select(_GROUP, "employees", "missing", "mean", "median"), backend)

    missing = sum(int(row["missing"]) for row in records)
    if missing:
        raise ValueError(f"{missing} employee(s) in population {population!r} have no value in column {pay!r}.")
    found = {str(row[_GROUP]): row for row in records if row[_GROUP] is not None}
    shown = list(groups) if groups is not None else _default_order(found)
    if reference is not None and reference not in shown:
        raise ValueError(f"The reference group {reference!r} is not one of the groups shown: {shown}.")
    undisclosed_count = sum(int(row["employees"]) for row in records if row[_GROUP] is None)
    return PayByGroup(
        characteristic=characteristic or group,
        reference_group=reference,
        minimum_group_size=minimum_group_size,
        population_count=sum(int(row["employees"]) for row in records),
        undisclosed_count=undisclosed_count,
        not_compared_count=sum(int(row["employees"]) for name, row in found.items() if name not in shown),
        groups=tuple(
            _group_pay(name, found, reference=reference, minimum_group_size=minimum_group_size) for name in shown
        ),
    )


def _default_order(found: dict[str, Any]) -> list[str]:
    return sorted(found, key=lambda name: (name.lower().startswith("other"), name.lower()))


def _group_pay(
    name: str, found: dict[str, dict[str, Any]], *, reference: str | None, minimum_group_size: int
) -> GroupPay:
    count, mean, median = _stats(found.get(name))
    suppression = suppression_for(counts={name: count}, minimum_group_size=minimum_group_size, what=EMPLOYEES)
    if suppression is not None:
        return GroupPay(name, count, None, None, None, None, symbol=suppression.symbol, note=suppression.note)
    if reference is None or name == reference:
        note = _("Reference group.") if name == reference else ""
        return GroupPay(name, count, mean, median, None, None, note=note)
    reference_count, reference_mean, reference_median = _stats(found.get(reference))
    reference_suppression = suppression_for(
        counts={reference: reference_count}, minimum_group_size=minimum_group_size, what=EMPLOYEES
    )
    if reference_suppression is not None:
        return GroupPay(name, count, mean, median, None, None, reference_suppression.symbol, reference_suppression.note)
    if not reference_mean or not reference_median or mean is None or median is None:
        note = _("Not applicable: the {group} mean or median is zero.").format(group=shown_label(reference))
        return GroupPay(name, count, mean, median, None, None, NOT_APPLICABLE, note)
    return GroupPay(
        name,
        count,
        mean,
        median,
        percent_gap(reference=reference_mean, comparison=mean),
        percent_gap(reference=reference_median, comparison=median),
    )


def _stats(row: dict[str, Any] | None) -> tuple[int, float | None, float | None]:
    if row is None:
        return 0, None, None
    mean, median = row["mean"], row["median"]
    return int(row["employees"]), None if mean is None else float(mean), None if median is None else float(median)


def _display(value: float | None, symbol: str) -> str:
    return symbol if value is None else f"{one_decimal_place(value)}%"
