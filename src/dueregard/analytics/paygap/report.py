"""The six pay-gap measures of the 2017 regulations for any two-group comparison."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import ibis.expr.types as ir
from ibis.backends import BaseBackend

from dueregard.analytics.i18n import N_, _
from dueregard.analytics.paygap import _queries as queries
from dueregard.analytics.paygap.batch import ComparisonCounts, comparison_counts
from dueregard.analytics.paygap.figures import (
    FULL_PAY_EMPLOYEES,
    NOT_APPLICABLE,
    PAID_A_BONUS,
    RELEVANT_EMPLOYEES,
    Disclosure,
    GapFigure,
    PayGapReport,
    ProportionFigure,
    QuarterFigure,
    percent_gap,
    suppression_for,
)
from dueregard.analytics.paygap.groups import (
    COMPARISON,
    NOT_COMPARED,
    REFERENCE,
    UNDISCLOSED,
    GroupComparison,
    shown_label,
)
from dueregard.analytics.paygap.quartiles import QUARTER_NAMES

#: The measures' names (a figure's key, in English; a table shows it with ``_()``).
MEAN_HOURLY_PAY_GAP = N_("Mean hourly pay gap")
MEDIAN_HOURLY_PAY_GAP = N_("Median hourly pay gap")
MEAN_BONUS_GAP = N_("Mean bonus gap")
MEDIAN_BONUS_GAP = N_("Median bonus gap")
#: The populations of the disclosure counts (a key, in English; the tables' sentences say them in full).
FULL_PAY_POPULATION = N_("Full-pay relevant employees")
RELEVANT_POPULATION = N_("Relevant employees")


class MissingHourlyRateError(ValueError):
    """Full-pay relevant employees without an hourly rate (``count`` of them, in column ``column``)."""

    def __init__(self, count: int, column: str) -> None:
        super().__init__(f"{count} full-pay relevant employee(s) have no value in column {column!r}.")
        self.count = count
        self.column = column


def pay_gap_report(
    employees: ir.Table,
    *,
    comparison: GroupComparison,
    hourly_rate: str,
    bonus_pay: str,
    full_pay_relevant: str,
    relevant: str,
    backend: BaseBackend | None = None,
) -> PayGapReport:
    """Mean and median hourly pay gaps and pay quarters over full-pay relevant employees; mean and median bonus
    gaps (among those paid a bonus) and the proportions paid a bonus over relevant employees.

    `hourly_rate` names a column of hourly rates (see `hourly_rate()`), `bonus_pay` the bonus pay in the 12
    months to the snapshot date (missing = none), `full_pay_relevant` and `relevant` boolean flag columns.
    Employees who did not disclose the characteristic are left out of every figure and counted beside it.
    The queries run on `backend`, or on the backend `employees` belongs to."""
    (report,) = pay_gap_reports(
        employees,
        comparisons=[comparison],
        hourly_rate=hourly_rate,
        bonus_pay=bonus_pay,
        full_pay_relevant=full_pay_relevant,
        relevant=relevant,
        backend=backend,
    )
    return report


def pay_gap_reports(
    employees: ir.Table,
    *,
    comparisons: Sequence[GroupComparison],
    hourly_rate: str,
    bonus_pay: str,
    full_pay_relevant: str,
    relevant: str,
    backend: BaseBackend | None = None,
) -> list[PayGapReport]:
    """:func:`pay_gap_report` for several comparisons (e.g. sex, ethnicity and disability) together, in the same
    two queries as one (see :mod:`~dueregard.analytics.paygap.batch`); the reports are in the order given."""
    columns = [hourly_rate, bonus_pay, full_pay_relevant, relevant]
    queries.require_columns(employees, [*dict.fromkeys([c.column for c in comparisons] + columns)])
    counted = comparison_counts(
        employees,
        comparisons,
        hourly_rate=hourly_rate,
        bonus_pay=bonus_pay,
        full_pay_relevant=full_pay_relevant,
        relevant=relevant,
        backend=backend,
    )
    missing = sum(figures.missing for figures in counted[0].hourly.values()) if counted else 0
    if missing:
        raise MissingHourlyRateError(missing, hourly_rate)
    return [_report(comparison, found) for comparison, found in zip(comparisons, counted, strict=True)]


def _report(comparison: GroupComparison, found: ComparisonCounts) -> PayGapReport:
    hourly = _Section(
        {
            role: {"employees": f.employees, "missing_rates": f.missing, "mean": f.mean, "median": f.median}
            for role, f in found.hourly.items()
        }
    )
    bonus = _Section(
        {
            role: {"employees": f.employees, "paid": f.paid, "mean": f.mean, "median": f.median}
            for role, f in found.bonus.items()
        }
    )
    rules = _Rules(comparison)
    hourly_disclosure = hourly.disclosure(FULL_PAY_POPULATION)
    bonus_disclosure = bonus.disclosure(RELEVANT_POPULATION)
    return PayGapReport(
        characteristic=comparison.characteristic,
        reference_group=comparison.reference_label,
        comparison_group=comparison.comparison_label,
        minimum_group_size=comparison.minimum_group_size,
        mean_hourly_pay=rules.gap(
            MEAN_HOURLY_PAY_GAP,
            hourly,
            statistic="mean",
            count="employees",
            what=FULL_PAY_EMPLOYEES,
            disclosure=hourly_disclosure,
        ),
        median_hourly_pay=rules.gap(
            MEDIAN_HOURLY_PAY_GAP,
            hourly,
            statistic="median",
            count="employees",
            what=FULL_PAY_EMPLOYEES,
            disclosure=hourly_disclosure,
        ),
        mean_bonus_pay=rules.gap(
            MEAN_BONUS_GAP, bonus, statistic="mean", count="paid", what=PAID_A_BONUS, disclosure=bonus_disclosure
        ),
        median_bonus_pay=rules.gap(
            MEDIAN_BONUS_GAP, bonus, statistic="median", count="paid", what=PAID_A_BONUS, disclosure=bonus_disclosure
        ),
        bonus_proportions=rules.bonus_proportions(bonus),
        quarters=rules.quarters(found.quarters, hourly),
        disclosure=(hourly_disclosure, bonus_disclosure),
    )


@dataclass(frozen=True)
class _Section:
    """One query's rows keyed by role (reference, comparison, undisclosed, not compared)."""

    rows: dict[str, dict[str, Any]]

    def count(self, role: str, column: str) -> int:
        row = self.rows.get(role)
        return 0 if row is None or row[column] is None else int(row[column])

    def value(self, role: str, column: str) -> float | None:
        row = self.rows.get(role)
        return None if row is None or row[column] is None else float(row[column])

    def disclosure(self, population: str) -> Disclosure:
        return Disclosure(
            population=population,
            population_count=sum(self.count(role, "employees") for role in self.rows),
            undisclosed_count=self.count(UNDISCLOSED, "employees"),
            not_compared_count=self.count(NOT_COMPARED, "employees"),
        )


@dataclass(frozen=True)
class _Rules:
    """Turns query rows into figures, applying the minimum group size."""

    comparison: GroupComparison

    def _suppression(self, section: _Section, *, count: str, what: str) -> tuple[str, str] | None:
        counts = {
            self.comparison.reference_label: section.count(REFERENCE, count),
            self.comparison.comparison_label: section.count(COMPARISON, count),
        }
        found = suppression_for(counts=counts, minimum_group_size=self.comparison.minimum_group_size, what=what)
        return None if found is None else (found.symbol, found.note)

    def gap(
        self, measure: str, section: _Section, *, statistic: str, count: str, what: str, disclosure: Disclosure
    ) -> GapFigure:
        reference_value = section.value(REFERENCE, statistic)
        comparison_value = section.value(COMPARISON, statistic)
        figure = GapFigure(
            measure=measure,
            reference_value=reference_value,
            comparison_value=comparison_value,
            gap_percent=None,
            reference_count=section.count(REFERENCE, count),
            comparison_count=section.count(COMPARISON, count),
            undisclosed_count=disclosure.undisclosed_count,
            population_count=disclosure.population_count,
        )
        suppression = self._suppression(section, count=count, what=what)
        if suppression is not None:
            symbol, note = suppression
            return replace(figure, reference_value=None, comparison_value=None, symbol=symbol, note=note)
        if reference_value is None or comparison_value is None or reference_value == 0:
            zero = (
                _("Not applicable: the {group} mean is zero.")
                if statistic == "mean"
                else _("Not applicable: the {group} median is zero.")
            )
            note = zero.format(group=shown_label(self.comparison.reference_label))
            return replace(figure, symbol=NOT_APPLICABLE, note=note)
        return replace(figure, gap_percent=percent_gap(reference=reference_value, comparison=comparison_value))

    def bonus_proportions(self, bonus: _Section) -> tuple[ProportionFigure, ProportionFigure]:
        """Withheld together: the pair is one comparison, so both need the minimum number of relevant employees."""
        suppression = self._suppression(bonus, count="employees", what=RELEVANT_EMPLOYEES)

        def proportion(role: str, label: str) -> ProportionFigure:
            paid, employees = bonus.count(role, "paid"), bonus.count(role, "employees")
            if suppression is not None:
                return ProportionFigure(label, paid, employees, None, symbol=suppression[0], note=suppression[1])
            return ProportionFigure(label, paid, employees, paid / employees * 100.0)

        return (
            proportion(REFERENCE, self.comparison.reference_label),
            proportion(COMPARISON, self.comparison.comparison_label),
        )

    def quarters(
        self, counts: Mapping[tuple[int, str], int], hourly: _Section
    ) -> tuple[QuarterFigure, QuarterFigure, QuarterFigure, QuarterFigure]:
        """Withheld when either group has fewer than the minimum number of full-pay relevant employees overall
        (the same population as the hourly pay gaps)."""
        suppression = self._suppression(hourly, count="employees", what=FULL_PAY_EMPLOYEES)

        def quarter(index: int) -> QuarterFigure:
            reference = counts.get((index, REFERENCE), 0)
            comparison = counts.get((index, COMPARISON), 0)
            total = reference + comparison
            if suppression is not None or total == 0:
                symbol, note = suppression or (NOT_APPLICABLE, _("Not applicable: nobody in this quarter."))
                return QuarterFigure(
                    index, QUARTER_NAMES[index], total, reference, comparison, None, None, symbol=symbol, note=note
                )
            return QuarterFigure(
                index,
                QUARTER_NAMES[index],
                total,
                reference,
                comparison,
                reference / total * 100.0,
                comparison / total * 100.0,
            )

        return quarter(0), quarter(1), quarter(2), quarter(3)
