"""The gender, ethnicity and disability pay gap presets: the six figures of the Specific Duties and Public
Authorities Regulations 2017, Schedule 1, for men and women; the same six for White British employees and all
ethnic minorities combined, and for employees who are not disabled and Disabled employees, each withheld where a
group compared has fewer than 10 employees (2023 voluntary guidance; 2025 proposals), with the share who did not
disclose stated beside every figure.

The hourly rate is the regulations': ordinary pay in the pay period containing the snapshot date × 7 ÷ days in
the pay period ÷ weekly working hours. ``pay.bonus_pay`` is the bonus paid in the 12 months to the snapshot date
(the bonus figures); bonus attributable to the pay period is not added to the hourly rate, because the description
has no column for it — put it into ``ordinary_pay`` if the body has it. Without ``pay.full_pay_relevant`` every
employee counts as a full-pay relevant employee.

The groups' labels (Men, Women, White British ...) stay English in the computation, where they are keys (the pay
quarters' tie rule orders by them), and are shown in the report's language (see :mod:`..paygap.groups`), so a
Welsh report has the same figures as the English one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..dataset import DatasetDescription
from ..disclosure import DisclosurePolicy, apply_policy
from ..disclosure.symbols import WITHHELD
from ..i18n import N_, _
from ..paygap import GroupComparison, PayGapReport, hourly_rate, pay_gap_reports
from ..paygap.groups import (
    DISABLED,
    ETHNIC_MINORITIES,
    MEN,
    MINIMUM_GROUP_SIZE,
    NOT_DISABLED,
    OTHER_WHITE,
    WHITE_BRITISH,
    WOMEN,
    shown_label,
)
from ..paygap.report import MissingHourlyRateError
from ..paygap.tables import headline, pay_gap_tables, publish_pay_gap_tables
from ..report import Report, ReportSection
from ..results import ResultTable
from ._common import NO_SUPPRESSION, UNKNOWN_CODES, Grouping, add_grouping, flag, policy_of, require
from ._registry import Preset, PresetError, PresetInput, register

if TYPE_CHECKING:
    import ibis.expr.types as ir

PAY_NEEDS = ("pay.ordinary_pay", "pay.bonus_pay", "pay.pay_period_days", "pay.weekly_hours")
RATE = "_hourly_rate"
BONUS = "_bonus_pay"
FULL_PAY = "_full_pay_relevant"
RELEVANT = "_relevant"


@dataclass(frozen=True)
class PayGapKind:
    """One pay gap. ``title``, the labels and the texts are English, marked with N_: show them with ``_()``."""

    preset: str
    characteristic: str
    title: str
    detail: str
    reference: tuple[str, str]  # (label, code)
    comparison: tuple[str, str | None]  # (label, code or None for every other known code)
    minimum_group_size: int
    #: Why it is not in a report: "No <title>: {reason}".
    not_reported: str
    #: How many did not disclose the characteristic ({count} of {total}); empty: not said (the gender pay gap).
    undisclosed: str = ""


GENDER = PayGapKind(
    "gender-pay-gap",
    "sex",
    N_("Gender pay gap"),
    "categories",
    (MEN, "male"),
    (WOMEN, "female"),
    1,
    not_reported=N_("No gender pay gap: {reason}"),
)
ETHNICITY = PayGapKind(
    "ethnicity-pay-gap",
    "ethnicity",
    N_("Ethnicity pay gap"),
    "categories",
    (WHITE_BRITISH, "white_british"),
    (ETHNIC_MINORITIES, None),
    MINIMUM_GROUP_SIZE,
    not_reported=N_("No ethnicity pay gap: {reason}"),
    undisclosed=N_(
        "{count} of {total} full-pay relevant employees did not disclose their ethnicity; they are not in the "
        "figures. Figures are withheld ({symbol}) where a group compared has fewer than {minimum} employees."
    ),
)
DISABILITY = PayGapKind(
    "disability-pay-gap",
    "disability",
    N_("Disability pay gap"),
    "groups",
    (NOT_DISABLED, "not_disabled"),
    (DISABLED, "disabled"),
    MINIMUM_GROUP_SIZE,
    not_reported=N_("No disability pay gap: {reason}"),
    undisclosed=N_(
        "{count} of {total} full-pay relevant employees did not disclose their disability; they are not in the "
        "figures. Figures are withheld ({symbol}) where a group compared has fewer than {minimum} employees."
    ),
)
KINDS = {kind.characteristic: kind for kind in (GENDER, ETHNICITY, DISABILITY)}


def pay_table(
    table: ir.Table,
    description: DatasetDescription,
    preset: str,
    options: Mapping[str, Any] | None = None,
    values: Mapping[str, Sequence[tuple[str | None, int]]] | None = None,
) -> ir.Table:
    """``table`` with the hourly rate, bonus pay and the full-pay relevant and relevant flags the pay-gap queries
    read. Every record is a relevant employee unless ``options["relevant"]`` names a yes/no column that says who
    is (the description has no key for it). ``values`` holds the distinct values of text columns where known
    (see :func:`._common.flag`)."""
    import ibis

    require(preset, description, PAY_NEEDS, why=_("the hourly rate and bonus pay of the 2017 regulations"))
    assert description.pay is not None
    pay = description.pay
    assert pay.ordinary_pay
    assert pay.pay_period_days
    assert pay.weekly_hours
    assert pay.bonus_pay
    rate = hourly_rate(
        table,
        ordinary_pay=pay.ordinary_pay,
        bonus_pay_in_period=None,
        days_in_period=pay.pay_period_days,
        weekly_hours=pay.weekly_hours,
    )
    if pay.full_pay_relevant:
        full_pay: ir.BooleanValue = (
            flag(table, _flag_outcome(pay.full_pay_relevant), (values or {}).get(pay.full_pay_relevant)) == 1
        )
    else:
        full_pay = ibis.literal(True)
    relevant: ir.BooleanValue = ibis.literal(True)
    relevant_column = (options or {}).get("relevant")
    if relevant_column:
        if relevant_column not in table.columns:
            raise PresetError(
                _("options.relevant names a column the data does not have: {column}.").format(
                    column=repr(relevant_column)
                )
            )
        relevant = flag(table, _flag_outcome(str(relevant_column)), (values or {}).get(str(relevant_column))) == 1
    return table.mutate(
        **{
            RATE: rate,
            BONUS: table[pay.bonus_pay].cast("float64").fill_null(0.0),
            FULL_PAY: full_pay,
            RELEVANT: relevant,
        }
    )


def _flag_outcome(column: str) -> Any:
    from ..dataset import OutcomeColumn

    return OutcomeColumn(name="full_pay_relevant", column=column)


def comparison_for(
    kind: PayGapKind,
    table: ir.Table,
    description: DatasetDescription,
    options: Mapping[str, Any],
    raw_counts: Sequence[tuple[str | None, int]] | None = None,
) -> tuple[ir.Table, GroupComparison]:
    """The comparison of ``kind`` and the table it reads. When the characteristic's codes were mapped from text,
    the comparison reads the raw text column (the raw values of each group), which gives the same roles as the
    codes without computing a code for every row."""
    table, grouping = add_grouping(table, description, kind.characteristic, detail=kind.detail, raw_counts=raw_counts)
    reference_label, reference_code = kind.reference
    comparison_label, comparison_code = kind.comparison
    for code in (reference_code, comparison_code):
        if code is not None and code not in grouping.labels:
            classification = description.characteristic(kind.characteristic).classification
            raise PresetError(
                _(
                    "The {preset} preset compares {reference} with {comparison}, but classification {classification} "
                    "(characteristics.{characteristic}) has no {code} category: use one that has (for ethnicity, a "
                    "census England and Wales classification such as ethnicity-ew-2021)."
                ).format(
                    preset=kind.preset,
                    reference=shown_label(reference_label),
                    comparison=shown_label(comparison_label),
                    classification=repr(classification),
                    characteristic=kind.characteristic,
                    code=repr(code),
                )
            )
    minimum = int(options.get("minimum_group_size", kind.minimum_group_size))
    comparison = GroupComparison(
        characteristic=kind.characteristic,
        column=grouping.column,
        reference_label=reference_label,
        reference_values=frozenset([reference_code]),
        comparison_label=comparison_label,
        comparison_values=None if comparison_code is None else frozenset([comparison_code]),
        undisclosed_values=frozenset(UNKNOWN_CODES),
        minimum_group_size=minimum,
    )
    return table, _on_raw_values(comparison, grouping, reference_code, comparison_code)


def _on_raw_values(
    comparison: GroupComparison, grouping: Grouping, reference_code: str, comparison_code: str | None
) -> GroupComparison:
    """``comparison`` over the grouping's raw column, when every group has a raw value (else as it is)."""
    if grouping.source is None or not grouping.codes:
        return comparison
    reference = {raw for raw, code in grouping.codes.items() if raw is not None and code == reference_code}
    undisclosed = {raw for raw, code in grouping.codes.items() if raw is not None and code in UNKNOWN_CODES}
    others = {raw for raw, code in grouping.codes.items() if raw is not None and code == comparison_code}
    if not reference or (comparison_code is not None and not others):
        return comparison
    return replace(
        comparison,
        column=grouping.source,
        reference_values=frozenset(reference),
        comparison_values=None if comparison_code is None else frozenset(others),  # None: every other value
        undisclosed_values=frozenset(undisclosed),
    )


def run_pay_gap(
    kind: PayGapKind,
    table: ir.Table,
    description: DatasetDescription,
    options: Mapping[str, Any],
    raw_counts: Sequence[tuple[str | None, int]] | None = None,
) -> PayGapReport:
    """The six figures for one characteristic (``table`` must come from :func:`pay_table`)."""
    (report,) = run_pay_gaps([kind], table, description, options, {kind.characteristic: raw_counts}).values()
    if isinstance(report, PresetError):
        raise report
    return report


def run_pay_gaps(
    kinds: Sequence[PayGapKind],
    table: ir.Table,
    description: DatasetDescription,
    options: Mapping[str, Any],
    raw_counts: Mapping[str, Sequence[tuple[str | None, int]] | None] | None = None,
) -> dict[PayGapKind, PayGapReport | PresetError]:
    """The six figures for several characteristics, computed together (the same two queries as for one). A
    characteristic that cannot be compared (no White British category in its classification) gets the
    :class:`PresetError` that says why instead of a report."""
    found: dict[PayGapKind, PayGapReport | PresetError] = {}
    comparisons: dict[PayGapKind, GroupComparison] = {}
    for kind in kinds:
        try:
            _table, comparisons[kind] = comparison_for(
                kind, table, description, options, (raw_counts or {}).get(kind.characteristic)
            )
        except PresetError as error:
            found[kind] = error
    try:
        reports = pay_gap_reports(
            table,
            comparisons=list(comparisons.values()),
            hourly_rate=RATE,
            bonus_pay=BONUS,
            full_pay_relevant=FULL_PAY,
            relevant=RELEVANT,
        )
    except MissingHourlyRateError as error:
        if error.column != RATE:
            raise
        pay = description.pay
        assert pay is not None
        raise PresetError(
            _(
                "{count} full-pay relevant employee(s) have no hourly rate: every full-pay relevant employee needs "
                "pay.ordinary_pay ({ordinary_pay}), pay.pay_period_days ({pay_period_days}) and pay.weekly_hours "
                "({weekly_hours}) filled in and above zero."
            ).format(
                count=error.count,
                ordinary_pay=pay.ordinary_pay,
                pay_period_days=pay.pay_period_days,
                weekly_hours=pay.weekly_hours,
            )
        ) from None
    found.update(zip(comparisons, reports, strict=True))
    return {kind: found[kind] for kind in kinds}


def pay_gap_section(kind: PayGapKind, report: PayGapReport, policy: DisclosurePolicy) -> ReportSection:
    title = _(kind.title)
    tables = publish_pay_gap_tables(pay_gap_tables(report, name=title), policy)
    undisclosed = report.disclosure[0]
    notes = [*headline(tables)]
    if kind.undisclosed:
        notes.append(
            _(kind.undisclosed).format(
                count=undisclosed.undisclosed_count,
                total=undisclosed.population_count,
                symbol=WITHHELD,
                minimum=report.minimum_group_size,
            )
        )
    return ReportSection(heading=title, tables=tables, notes=tuple(notes))


def _run(kind: PayGapKind, data: PresetInput) -> Report:
    require(kind.preset, data.description, (f"characteristics.{kind.characteristic}", *PAY_NEEDS))
    policy = policy_of(data, NO_SUPPRESSION)
    values = _text_values(data, kind)
    table = pay_table(data.table, data.description, kind.preset, data.options, values)
    title = _(kind.title)
    data.progress(0, 1, title)
    column = data.description.characteristic(kind.characteristic).column
    report = run_pay_gap(kind, table, data.description, data.options, values.get(column))
    section = pay_gap_section(kind, report, policy)
    if kind is ETHNICITY and _yes(data.options.get("finer_groups", True)):
        finer = finer_ethnicity_table(table, data.description, data.options, values.get(column))
        if finer is not None:
            section = replace(section, tables=(*section.tables, apply_policy(finer, policy=policy)))
    data.progress(1, 1, title)
    records = report.disclosure[1].population_count
    notes = [
        _(
            "Snapshot date: 31 March for public bodies (5 April for private employers); publish within 12 months. "
            "Figures are shown to one decimal place."
        )
    ]
    if kind is GENDER:
        notes.append(_("Bodies with 250 or more employees on the snapshot date must publish all six figures."))
    else:
        notes.append(
            _(
                "The ethnicity and disability pay gaps follow the gender pay gap's six measures (2023 voluntary "
                "guidance; 2025 government proposals); finer groups may be reported as well."
            )
        )
    return Report(
        preset=kind.preset,
        title=title,
        dataset=data.description.name,
        records=records,
        sections=(section,),
        notes=tuple(notes),
    )


def _text_values(data: PresetInput, kind: PayGapKind) -> dict[str, list[tuple[str | None, int]]]:
    """The distinct values of the text columns the preset reads (the characteristic, the full-pay and relevant
    flags): from the validation when it counted them, the rest in one query, so no column is counted twice."""
    from ._common import distinct_values

    description, table = data.description, data.table
    columns = [description.characteristic(kind.characteristic).column]
    if description.pay is not None and description.pay.full_pay_relevant:
        columns.append(description.pay.full_pay_relevant)
    relevant = data.options.get("relevant")
    if relevant and str(relevant) in table.columns:
        columns.append(str(relevant))
    columns = [column for column in dict.fromkeys(columns) if table[column].type().is_string()]
    values = {column: list(data.value_counts[column]) for column in columns if column in data.value_counts}
    return values | distinct_values(table, [column for column in columns if column not in values])


def finer_ethnicity_table(
    table: ir.Table,
    description: DatasetDescription,
    options: Mapping[str, Any],
    raw_counts: Sequence[tuple[str | None, int]] | None = None,
) -> ResultTable | None:
    """Mean and median hourly pay of White British employees, other White employees and each other ethnic group
    of the classification (Mixed, Asian, Black, Other), with each group's gaps to White British, withheld where a
    group has fewer than the minimum group size (``table`` from :func:`pay_table`). None when the classification
    has no White British category."""
    from ..classifications import get_classification, map_values
    from ..paygap import pay_by_group
    from ..paygap.tables import pay_by_group_table

    table, grouping = add_grouping(table, description, "ethnicity", detail="categories", raw_counts=raw_counts)
    classification = get_classification(description.characteristic("ethnicity").classification)
    if "white_british" not in grouping.labels or not grouping.codes or grouping.source is None:
        return None
    group_of = classification.aggregation("groups").group_of()
    labels = {group.code: group.label for group in sorted(classification.groups, key=lambda g: g.order)}

    def finer(code: str) -> str:
        if code == "white_british":
            return ETHNICITY.reference[0]
        group = group_of.get(code)
        if group is None:
            return UNKNOWN_CODES[0]
        return OTHER_WHITE if group == "white" else labels[group]

    mapped = map_values(table, grouping.source, {raw: finer(code) for raw, code in grouping.codes.items()})
    order = [ETHNICITY.reference[0], OTHER_WHITE, *(text for code, text in labels.items() if code != "white")]
    pay = pay_by_group(
        mapped,
        group="__dueregard_code",
        pay=RATE,
        population=FULL_PAY,
        reference=ETHNICITY.reference[0],
        groups=order,
        undisclosed=UNKNOWN_CODES,
        minimum_group_size=int(options.get("minimum_group_size", ETHNICITY.minimum_group_size)),
        characteristic="ethnic group",
    )
    return pay_by_group_table(pay, title=_("Hourly pay by ethnic group"))


def _yes(value: Any) -> bool:
    if isinstance(value, str):
        if value.strip().casefold() not in ("true", "yes", "1", "false", "no", "0"):
            raise PresetError(_("options.finer_groups is true or false, not {value}.").format(value=repr(value)))
        return value.strip().casefold() in ("true", "yes", "1")
    return bool(value)


def _runner(kind: PayGapKind) -> Callable[[PresetInput], Report]:
    def run(data: PresetInput) -> Report:
        return _run(kind, data)

    return run


for _kind, _summary in (
    (GENDER, N_("The six gender pay gap figures of the 2017 regulations: mean and median hourly pay gap, mean and "
     "median bonus gap, the proportions of men and women paid a bonus, and the pay quarters.")),
    (ETHNICITY, N_("The six pay gap figures for White British employees and all ethnic minorities combined, withheld "
     "where a group has fewer than 10 employees, with the share who did not disclose.")),
    (DISABILITY, N_("The six pay gap figures for employees who are not disabled and Disabled employees, withheld "
     "where a group has fewer than 10 employees, with the share who did not disclose.")),
):  # fmt: skip
    register(
        Preset(
            name=_kind.preset,
            title=_kind.title,
            summary=_summary,
            needs=(f"characteristics.{_kind.characteristic}", *PAY_NEEDS),
            run=_runner(_kind),
        )
    )
