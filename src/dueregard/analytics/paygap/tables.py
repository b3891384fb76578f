"""A :class:`~dueregard.analytics.paygap.figures.PayGapReport` as publishable result tables: the six figures of
the 2017 regulations (mean and median hourly pay gap, mean and median bonus gap, the proportions paid a bonus, the
pay quarters) in four :class:`~dueregard.analytics.results.ResultTable` s that disclosure control can take.

Conventions: pay in pounds is a ``number`` column (an average over the cell's ``denominator`` people); a gap or a
proportion is a ``percent`` column holding the percentage (2.6 means 2.6%), shown to one decimal place. A figure
withheld by the minimum group size, or not applicable, keeps paygap's symbol (``!`` or ``N/A``) and note.
"""

from __future__ import annotations

from dataclasses import replace

from dueregard.analytics.disclosure import DisclosurePolicy, apply_policy
from dueregard.analytics.disclosure.symbols import legend_for
from dueregard.analytics.paygap.by_group import GroupPay, PayByGroup
from dueregard.analytics.paygap.figures import (
    Disclosure,
    GapFigure,
    PayGapReport,
    ProportionFigure,
    QuarterFigure,
    one_decimal_place,
)
from dueregard.analytics.results import Cell, Column, ResultTable, TableNotes, label

GAP_METHOD = (
    "Gap = (reference group's pay − comparison group's pay) ÷ reference group's pay × 100; a positive gap means the "
    "comparison group is paid less (Specific Duties and Public Authorities Regulations 2017, Schedule 1)."
)
MEDIAN_METHOD = "Medians are exact (the mean of the two central values of an even count)."
QUARTER_METHOD = (
    "Full-pay relevant employees ranked by hourly pay and cut into four quarters whose sizes differ by at most 1; "
    "employees on the same hourly rate at a boundary are shared between the quarters in their groups' proportions."
)


def _money(value: float | None, count: int, *, symbol: str = "", note: str = "") -> Cell:
    if value is None or symbol:
        return Cell(None, symbol=symbol or "N/A", denominator=count, note=note)
    return Cell(value, f"£{value:,.2f}", denominator=count)


def _percent(value: float | None, denominator: int, *, symbol: str = "", note: str = "") -> Cell:
    if value is None:
        return Cell(None, symbol=symbol or "N/A", denominator=denominator, note=note)
    return Cell(value, f"{one_decimal_place(value)}%", denominator=denominator)


def _notes(disclosure: Disclosure, *, reference: str, methods: tuple[str, ...], cells: list[Cell]) -> TableNotes:
    known = disclosure.population_count - disclosure.undisclosed_count
    warnings: tuple[str, ...] = ()
    if disclosure.not_compared_count:
        warnings = (
            f"{disclosure.not_compared_count} {disclosure.population.lower()} are in neither group compared and are "
            "not in these figures.",
        )
    return TableNotes(
        reference_group=reference,
        unknown_count=disclosure.undisclosed_count,
        unknowns_used=False,
        declaration_rate=known / disclosure.population_count if disclosure.population_count else None,
        methods=methods,
        legend=legend_for(cell.symbol for cell in cells),
        warnings=warnings,
        disclosure=(
            f"{disclosure.undisclosed_count} of {disclosure.population_count} {disclosure.population.lower()} did "
            "not disclose this characteristic.",
        ),
    )


def _gap_table(
    title: str, report: PayGapReport, figures: tuple[GapFigure, GapFigure], disclosure: Disclosure
) -> ResultTable:
    rows = []
    for figure in figures:
        denominator = min(figure.reference_count, figure.comparison_count)
        rows.append(
            (
                label(figure.measure),
                _money(
                    figure.reference_value, figure.reference_count, symbol=figure.symbol if figure.symbol == "!" else ""
                ),
                _money(
                    figure.comparison_value,
                    figure.comparison_count,
                    symbol=figure.symbol if figure.symbol == "!" else "",
                ),
                _percent(figure.gap_percent, denominator, symbol=figure.symbol, note=figure.note),
                Cell(figure.reference_count, str(figure.reference_count)),
                Cell(figure.comparison_count, str(figure.comparison_count)),
            )
        )
    cells = [cell for row in rows for cell in row]
    return ResultTable(
        title=title,
        columns=(
            Column("measure", "Measure", "label"),
            Column("reference_pay", report.reference_group, "number"),
            Column("comparison_pay", report.comparison_group, "number"),
            Column("gap", "Gap (%)", "number"),
            Column("reference_n", f"{report.reference_group} (people)", "count"),
            Column("comparison_n", f"{report.comparison_group} (people)", "count"),
        ),
        rows=tuple(rows),
        notes=_notes(disclosure, reference=report.reference_group, methods=(GAP_METHOD, MEDIAN_METHOD), cells=cells),
    )


def _bonus_table(
    report: PayGapReport, proportions: tuple[ProportionFigure, ProportionFigure], name: str
) -> ResultTable:
    rows = [
        (
            label(figure.group),
            Cell(figure.group_count, str(figure.group_count)),
            Cell(figure.paid_count, str(figure.paid_count)),
            _percent(figure.percent, figure.group_count, symbol=figure.symbol, note=figure.note),
        )
        for figure in proportions
    ]
    cells = [cell for row in rows for cell in row]
    return ResultTable(
        title=f"{name}: proportion paid a bonus",
        columns=(
            Column("group", report.characteristic.capitalize(), "label"),
            Column("relevant", "Relevant employees", "count"),
            Column("paid", "Paid a bonus", "count"),
            Column("proportion", "Proportion paid a bonus", "percent"),
        ),
        rows=tuple(rows),
        notes=_notes(
            report.disclosure[1],
            reference=report.reference_group,
            methods=(
                "Proportion = employees paid a bonus in the 12 months to the snapshot date ÷ relevant employees.",
            ),
            cells=cells,
        ),
    )


def _quarter_table(report: PayGapReport, quarters: tuple[QuarterFigure, ...], name: str) -> ResultTable:
    rows = []
    for quarter in sorted(quarters, key=lambda q: -q.quarter):  # upper quarter first, as published
        rows.append(
            (
                label(quarter.name),
                Cell(quarter.employee_count, str(quarter.employee_count)),
                Cell(quarter.reference_count, str(quarter.reference_count)),
                Cell(quarter.comparison_count, str(quarter.comparison_count)),
                _percent(quarter.reference_percent, quarter.employee_count, symbol=quarter.symbol, note=quarter.note),
                _percent(quarter.comparison_percent, quarter.employee_count, symbol=quarter.symbol),
            )
        )
    cells = [cell for row in rows for cell in row]
    return ResultTable(
        title=f"{name}: pay quarters",
        columns=(
            Column("quarter", "Pay quarter", "label"),
            Column("employees", "Employees", "count"),
            Column("reference_n", report.reference_group, "count"),
            Column("comparison_n", report.comparison_group, "count"),
            Column("reference_percent", f"{report.reference_group} (%)", "percent"),
            Column("comparison_percent", f"{report.comparison_group} (%)", "percent"),
        ),
        rows=tuple(rows),
        notes=_notes(report.disclosure[0], reference=report.reference_group, methods=(QUARTER_METHOD,), cells=cells),
    )


def pay_gap_tables(
    report: PayGapReport, *, name: str | None = None
) -> tuple[ResultTable, ResultTable, ResultTable, ResultTable]:
    """The hourly pay gaps, the bonus gaps, the proportions paid a bonus and the pay quarters, unpublished (see
    :func:`publish_pay_gap_tables`). ``name`` begins every title (default: "<Characteristic> pay gap")."""
    name = name or f"{report.characteristic.capitalize()} pay gap"
    hourly = _gap_table(
        f"{name}: hourly pay",
        report,
        (report.mean_hourly_pay, report.median_hourly_pay),
        report.disclosure[0],
    )
    bonus = _gap_table(
        f"{name}: bonus pay",
        report,
        (report.mean_bonus_pay, report.median_bonus_pay),
        report.disclosure[1],
    )
    proportions = _bonus_table(report, report.bonus_proportions, name)
    return hourly, bonus, proportions, _quarter_table(report, report.quarters, name)


def publish_pay_gap_tables(
    tables: tuple[ResultTable, ResultTable, ResultTable, ResultTable], policy: DisclosurePolicy
) -> tuple[ResultTable, ResultTable, ResultTable, ResultTable]:
    """Each table through ``policy``: averages of pay are average columns (HESA withholds those of 7 or fewer
    people); the quarter table's employees column is its row total (secondary suppression protects against it)."""
    hourly, bonus, proportions, quarters = tables
    averages = replace(policy, average_columns=("reference_pay", "comparison_pay", "gap"))
    return (
        apply_policy(hourly, policy=averages),
        apply_policy(bonus, policy=averages),
        apply_policy(proportions, policy=policy),
        apply_policy(quarters, policy=replace(policy, row_total_column="employees")),
    )


def headline(tables: tuple[ResultTable, ResultTable, ResultTable, ResultTable]) -> tuple[str, ...]:
    """The six figures in words as the *published* tables show them ("Mean hourly pay gap: 2.6%"; a withheld figure
    is "!"), so that no sentence gives back what disclosure control withheld."""
    hourly, bonus, proportions, quarters = tables
    lines = [f"{row[0].text}: {row[hourly.index_of('gap')].text}" for row in hourly.rows]
    lines += [f"{row[0].text}: {row[bonus.index_of('gap')].text}" for row in bonus.rows]
    shares = ", ".join(f"{row[0].text} {row[proportions.index_of('proportion')].text}" for row in proportions.rows)
    lines.append(f"Proportion paid a bonus: {shares}")
    reference = next(c.label for c in quarters.columns if c.id == "reference_n")
    comparison = next(c.label for c in quarters.columns if c.id == "comparison_n")
    for row in quarters.rows:
        first = row[quarters.index_of("reference_percent")].text
        second = row[quarters.index_of("comparison_percent")].text
        lines.append(f"{row[0].text} quarter: {reference} {first}, {comparison} {second}")
    return tuple(lines)


def pay_by_group_table(pay: PayByGroup, *, title: str, what: str = "full-pay relevant employees") -> ResultTable:
    """Mean and median pay of every group with its gaps to the reference group (a row per group; withheld rows
    keep paygap's symbol and note), the undisclosed stated beside."""
    rows = []
    for group in pay.groups:
        withheld = group.symbol if group.mean is None else ""
        rows.append(
            (
                label(group.group),
                Cell(group.employee_count, str(group.employee_count)),
                _money(group.mean, group.employee_count, symbol=withheld, note=group.note),
                _money(group.median, group.employee_count, symbol=withheld, note=group.note),
                _gap_cell(group.mean_gap_percent, group),
                _gap_cell(group.median_gap_percent, group),
            )
        )
    cells = [cell for row in rows for cell in row]
    disclosure = Disclosure(what.capitalize(), pay.population_count, pay.undisclosed_count, pay.not_compared_count)
    reference = pay.reference_group or ""
    return ResultTable(
        title=title,
        columns=(
            Column("group", pay.characteristic.replace("_", " ").capitalize(), "label"),
            Column("n", "People", "count"),
            Column("mean_pay", "Mean hourly pay", "number"),
            Column("median_pay", "Median hourly pay", "number"),
            Column("mean_gap", f"Mean gap to {reference} (%)", "number"),
            Column("median_gap", f"Median gap to {reference} (%)", "number"),
        ),
        rows=tuple(rows),
        notes=replace(
            _notes(disclosure, reference=reference, methods=(GAP_METHOD, MEDIAN_METHOD), cells=cells),
            warnings=(),
        ),
    )


def _gap_cell(value: float | None, group: GroupPay) -> Cell:
    if value is None:  # withheld, or the reference group itself (not applicable)
        return Cell(None, symbol=group.symbol or "N/A", denominator=group.employee_count, note=group.note)
    return Cell(value, f"{one_decimal_place(value)}%", denominator=group.employee_count)
