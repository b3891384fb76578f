"""A :class:`~dueregard.analytics.paygap.figures.PayGapReport` as publishable result tables: the six figures of
the 2017 regulations (mean and median hourly pay gap, mean and median bonus gap, the proportions paid a bonus, the
pay quarters) in four :class:`~dueregard.analytics.results.ResultTable` s that disclosure control can take.

Conventions: pay in pounds is a ``number`` column (an average over the cell's ``denominator`` people); a gap or a
proportion is a ``percent`` column holding the percentage (2.6 means 2.6%), shown to one decimal place. A figure
withheld by the minimum group size, or not applicable, keeps paygap's symbol (``!`` or ``N/A``) and note.

The tables are made in the current language (see :mod:`dueregard.analytics.i18n`): titles, columns, methods and
notes, and the report's measure, quarter and group names (English in the report, where they are keys; a group
label by :func:`~dueregard.analytics.paygap.groups.shown_label`). The figures are the same in every language.
"""

from __future__ import annotations

from dataclasses import replace

from dueregard.analytics.disclosure import DisclosurePolicy, apply_policy
from dueregard.analytics.disclosure.symbols import legend_for
from dueregard.analytics.i18n import N_, _
from dueregard.analytics.paygap.by_group import GroupPay, PayByGroup
from dueregard.analytics.paygap.figures import (
    Disclosure,
    GapFigure,
    PayGapReport,
    ProportionFigure,
    QuarterFigure,
    one_decimal_place,
)
from dueregard.analytics.paygap.groups import shown_label
from dueregard.analytics.paygap.report import FULL_PAY_POPULATION, RELEVANT_POPULATION
from dueregard.analytics.results import Cell, Column, ResultTable, TableNotes, label

# Methods, marked for translation: a table states them with _().
GAP_METHOD = N_(
    "Gap = (reference group's pay − comparison group's pay) ÷ reference group's pay × 100; a positive gap means the "
    "comparison group is paid less (Specific Duties and Public Authorities Regulations 2017, Schedule 1)."
)
MEDIAN_METHOD = N_("Medians are exact (the mean of the two central values of an even count).")
QUARTER_METHOD = N_(
    "Full-pay relevant employees ranked by hourly pay and cut into four quarters whose sizes differ by at most 1; "
    "employees on the same hourly rate at a boundary are shared between the quarters in their groups' proportions."
)
BONUS_METHOD = N_("Proportion = employees paid a bonus in the 12 months to the snapshot date ÷ relevant employees.")

#: The characteristics a table's group column is named after (others by their own name, capitalised).
_CHARACTERISTICS = {
    "sex": N_("Sex"),
    "ethnicity": N_("Ethnicity"),
    "disability": N_("Disability"),
    "ethnic group": N_("Ethnic group"),
}
#: The default names of a comparison's tables (others: "<Characteristic> pay gap").
_PAY_GAP_NAMES = {
    "sex": N_("Sex pay gap"),
    "ethnicity": N_("Ethnicity pay gap"),
    "disability": N_("Disability pay gap"),
}
#: What a line of the headline says of each quarter (index 0: the lowest paid).
_QUARTER_LINES = (
    N_("Lower quarter: {reference} {first}, {comparison} {second}"),
    N_("Lower middle quarter: {reference} {first}, {comparison} {second}"),
    N_("Upper middle quarter: {reference} {first}, {comparison} {second}"),
    N_("Upper quarter: {reference} {first}, {comparison} {second}"),
)


def _characteristic(name: str, fallback: str) -> str:
    known = _CHARACTERISTICS.get(name)
    return _(known) if known else fallback


def _money(value: float | None, count: int, *, symbol: str = "", note: str = "") -> Cell:
    if value is None or symbol:
        return Cell(None, symbol=symbol or "N/A", denominator=count, note=note)
    return Cell(value, f"£{value:,.2f}", denominator=count)


def _percent(value: float | None, denominator: int, *, symbol: str = "", note: str = "") -> Cell:
    if value is None:
        return Cell(None, symbol=symbol or "N/A", denominator=denominator, note=note)
    return Cell(value, f"{one_decimal_place(value)}%", denominator=denominator)


def _not_compared(disclosure: Disclosure) -> str:
    if disclosure.population == FULL_PAY_POPULATION:
        text = _("{count} full-pay relevant employees are in neither group compared and are not in these figures.")
    elif disclosure.population == RELEVANT_POPULATION:
        text = _("{count} relevant employees are in neither group compared and are not in these figures.")
    else:
        text = _("{count} {population} are in neither group compared and are not in these figures.")
    return text.format(count=disclosure.not_compared_count, population=disclosure.population.lower())


def _undisclosed(disclosure: Disclosure) -> str:
    if disclosure.population == FULL_PAY_POPULATION:
        text = _("{count} of {total} full-pay relevant employees did not disclose this characteristic.")
    elif disclosure.population == RELEVANT_POPULATION:
        text = _("{count} of {total} relevant employees did not disclose this characteristic.")
    else:
        text = _("{count} of {total} {population} did not disclose this characteristic.")
    return text.format(
        count=disclosure.undisclosed_count,
        total=disclosure.population_count,
        population=disclosure.population.lower(),
    )


def _notes(disclosure: Disclosure, *, reference: str, methods: tuple[str, ...], cells: list[Cell]) -> TableNotes:
    """``reference`` as the table shows it; ``methods`` in English (marked with N_), stated in the current
    language."""
    known = disclosure.population_count - disclosure.undisclosed_count
    warnings: tuple[str, ...] = ()
    if disclosure.not_compared_count:
        warnings = (_not_compared(disclosure),)
    return TableNotes(
        reference_group=reference,
        unknown_count=disclosure.undisclosed_count,
        unknowns_used=False,
        declaration_rate=known / disclosure.population_count if disclosure.population_count else None,
        methods=tuple(_(method) for method in methods),
        legend=legend_for(cell.symbol for cell in cells),
        warnings=warnings,
        disclosure=(_undisclosed(disclosure),),
    )


def _gap_table(
    title: str, report: PayGapReport, figures: tuple[GapFigure, GapFigure], disclosure: Disclosure
) -> ResultTable:
    reference, comparison = shown_label(report.reference_group), shown_label(report.comparison_group)
    rows = []
    for figure in figures:
        denominator = min(figure.reference_count, figure.comparison_count)
        rows.append(
            (
                label(_(figure.measure)),
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
            Column("measure", _("Measure"), "label"),
            Column("reference_pay", reference, "number"),
            Column("comparison_pay", comparison, "number"),
            Column("gap", _("Gap (%)"), "number"),
            Column("reference_n", _("{group} (people)").format(group=reference), "count"),
            Column("comparison_n", _("{group} (people)").format(group=comparison), "count"),
        ),
        rows=tuple(rows),
        notes=_notes(disclosure, reference=reference, methods=(GAP_METHOD, MEDIAN_METHOD), cells=cells),
    )


def _bonus_table(
    report: PayGapReport, proportions: tuple[ProportionFigure, ProportionFigure], name: str
) -> ResultTable:
    rows = [
        (
            label(shown_label(figure.group)),
            Cell(figure.group_count, str(figure.group_count)),
            Cell(figure.paid_count, str(figure.paid_count)),
            _percent(figure.percent, figure.group_count, symbol=figure.symbol, note=figure.note),
        )
        for figure in proportions
    ]
    cells = [cell for row in rows for cell in row]
    return ResultTable(
        title=_("{name}: proportion paid a bonus").format(name=name),
        columns=(
            Column("group", _characteristic(report.characteristic, report.characteristic.capitalize()), "label"),
            Column("relevant", _("Relevant employees"), "count"),
            Column("paid", _("Paid a bonus"), "count"),
            Column("proportion", _("Proportion paid a bonus"), "percent"),
        ),
        rows=tuple(rows),
        notes=_notes(
            report.disclosure[1],
            reference=shown_label(report.reference_group),
            methods=(BONUS_METHOD,),
            cells=cells,
        ),
    )


def _quarter_table(report: PayGapReport, quarters: tuple[QuarterFigure, ...], name: str) -> ResultTable:
    reference, comparison = shown_label(report.reference_group), shown_label(report.comparison_group)
    rows = []
    for quarter in sorted(quarters, key=lambda q: -q.quarter):  # upper quarter first, as published
        rows.append(
            (
                label(_(quarter.name)),
                Cell(quarter.employee_count, str(quarter.employee_count)),
                Cell(quarter.reference_count, str(quarter.reference_count)),
                Cell(quarter.comparison_count, str(quarter.comparison_count)),
                _percent(quarter.reference_percent, quarter.employee_count, symbol=quarter.symbol, note=quarter.note),
                _percent(quarter.comparison_percent, quarter.employee_count, symbol=quarter.symbol),
            )
        )
    cells = [cell for row in rows for cell in row]
    return ResultTable(
        title=_("{name}: pay quarters").format(name=name),
        columns=(
            Column("quarter", _("Pay quarter"), "label"),
            Column("employees", _("Employees"), "count"),
            Column("reference_n", reference, "count"),
            Column("comparison_n", comparison, "count"),
            Column("reference_percent", _("{group} (%)").format(group=reference), "percent"),
            Column("comparison_percent", _("{group} (%)").format(group=comparison), "percent"),
        ),
        rows=tuple(rows),
        notes=_notes(report.disclosure[0], reference=reference, methods=(QUARTER_METHOD,), cells=cells),
    )


def pay_gap_tables(
    report: PayGapReport, *, name: str | None = None
) -> tuple[ResultTable, ResultTable, ResultTable, ResultTable]:
    """The hourly pay gaps, the bonus gaps, the proportions paid a bonus and the pay quarters, unpublished (see
    :func:`publish_pay_gap_tables`). ``name`` begins every title (default: "<Characteristic> pay gap"), in the
    current language."""
    if not name:
        default = _PAY_GAP_NAMES.get(report.characteristic)
        name = (
            _(default)
            if default
            else _("{characteristic} pay gap").format(characteristic=report.characteristic.capitalize())
        )
    hourly = _gap_table(
        _("{name}: hourly pay").format(name=name),
        report,
        (report.mean_hourly_pay, report.median_hourly_pay),
        report.disclosure[0],
    )
    bonus = _gap_table(
        _("{name}: bonus pay").format(name=name),
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
    is "!"), so that no sentence gives back what disclosure control withheld; in the current language (the tables'
    own words are theirs)."""
    hourly, bonus, proportions, quarters = tables
    lines = [f"{row[0].text}: {row[hourly.index_of('gap')].text}" for row in hourly.rows]
    lines += [f"{row[0].text}: {row[bonus.index_of('gap')].text}" for row in bonus.rows]
    shares = ", ".join(f"{row[0].text} {row[proportions.index_of('proportion')].text}" for row in proportions.rows)
    lines.append(_("Proportion paid a bonus: {shares}").format(shares=shares))
    reference = next(c.label for c in quarters.columns if c.id == "reference_n")
    comparison = next(c.label for c in quarters.columns if c.id == "comparison_n")
    # The quarter table has the upper quarter first (see _quarter_table).
    for index, row in zip((3, 2, 1, 0), quarters.rows, strict=True):
        first = row[quarters.index_of("reference_percent")].text
        second = row[quarters.index_of("comparison_percent")].text
        lines.append(
            _(_QUARTER_LINES[index]).format(reference=reference, first=first, comparison=comparison, second=second)
        )
    return tuple(lines)


def pay_by_group_table(pay: PayByGroup, *, title: str, what: str = "full-pay relevant employees") -> ResultTable:
    """Mean and median pay of every group with its gaps to the reference group (a row per group; withheld rows
    keep paygap's symbol and note), the undisclosed stated beside. ``title`` as given (in the current language);
    the groups by :func:`~dueregard.analytics.paygap.groups.shown_label`."""
    rows = []
    for group in pay.groups:
        withheld = group.symbol if group.mean is None else ""
        rows.append(
            (
                label(shown_label(group.group)),
                Cell(group.employee_count, str(group.employee_count)),
                _money(group.mean, group.employee_count, symbol=withheld, note=group.note),
                _money(group.median, group.employee_count, symbol=withheld, note=group.note),
                _gap_cell(group.mean_gap_percent, group),
                _gap_cell(group.median_gap_percent, group),
            )
        )
    cells = [cell for row in rows for cell in row]
    disclosure = Disclosure(what.capitalize(), pay.population_count, pay.undisclosed_count, pay.not_compared_count)
    reference = shown_label(pay.reference_group) if pay.reference_group else ""
    mean_gap = _("Mean gap to {reference} (%)") if reference else _("Mean gap to reference (%)")
    median_gap = _("Median gap to {reference} (%)") if reference else _("Median gap to reference (%)")
    return ResultTable(
        title=title,
        columns=(
            Column(
                "group",
                _characteristic(pay.characteristic, pay.characteristic.replace("_", " ").capitalize()),
                "label",
            ),
            Column("n", _("People"), "count"),
            Column("mean_pay", _("Mean hourly pay"), "number"),
            Column("median_pay", _("Median hourly pay"), "number"),
            Column("mean_gap", mean_gap.format(reference=reference), "number"),
            Column("median_gap", median_gap.format(reference=reference), "number"),
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
