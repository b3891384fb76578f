"""Employment information by jurisdiction: Wales (Statutory Duties (Wales) Regulations 2011, regulation 9), Scotland
(Specific Duties (Scotland) Regulations 2012: employee information, occupational segregation, the gender pay gap,
board diversity) and the legacy race duty's employment monitoring (Race Relations Act 1976 (Statutory Duties)
Order 2001, seed 001 paragraph 2.9, with the 150-employee rule).

Each duty lists items of information. An item is an outcome role of the dataset description (``outcomes.leaver``,
``outcomes.grade``...): a yes/no flag reported as a rate by group (staff who left), as the make-up of the people
with the flag (applicants for jobs), or a category reported as counts by category and group (grade, contract
type). Items the description does not name are listed in a "not collected" table with the YAML key that would
add them, and in the report's warnings, because regulation 9 and the annual report ask for reasons where
information is not collected. With an ``in_post`` flag the file can hold applicants as well as staff: the staff
items then count only staff in post.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from ..dataset import DatasetDescription
from ..disclosure import DisclosurePolicy
from ..paygap import pay_by_group
from ..report import Report, ReportSection
from ..results import Cell, Column, ResultTable, TableNotes, label
from ..stats import disparity_table
from ._common import (
    STAFF_POLICY,
    UNKNOWN_CODES,
    Counts,
    Grouping,
    Part,
    add_grouping,
    category,
    composition_table,
    count_parts,
    distinct_values,
    distribution_table,
    flag,
    missing_roles,
    not_collected_table,
    outcome_counts,
    part_counts,
    policy_of,
    publish,
    publish_composition,
    publish_distribution,
    records_title,
    require,
    unknown_warning,
)
from ._registry import Preset, PresetError, PresetInput, register
from .pay_gaps import GENDER, PAY_NEEDS, RATE, pay_table, run_pay_gap

Mode = Literal["composition", "rate", "category"]


@dataclass(frozen=True)
class Item:
    role: str  # the outcome role in the description
    title: str  # "Staff who left"
    mode: Mode
    among: str | None = None  # for a rate: the population flag (default: the outcome's own ``among``, else staff)


@dataclass(frozen=True)
class Duty:
    preset: str
    title: str
    items: tuple[Item, ...]
    notes: tuple[str, ...]


WALES = Duty(
    preset="wales-employment",
    title="Employment information (Wales, regulation 9)",
    items=(
        Item("job", "Staff by job", "category"),
        Item("grade", "Staff by grade", "category"),
        Item("contract_type", "Staff by contract type", "category"),
        Item("working_pattern", "Staff by working pattern", "category"),
        Item("applied", "Applicants for employment", "composition"),
        Item("internal_applied", "Internal applicants for a change of position", "composition"),
        Item("internal_successful", "Internal applicants who were successful", "rate", among="internal_applied"),
        Item("training_applied", "Applicants for training", "composition"),
        Item("training_successful", "Applicants for training who were successful", "rate", among="training_applied"),
        Item("training_completed", "Staff who completed training", "rate"),
        Item("grievance_raised", "Staff involved in grievances as complainant", "rate"),
        Item("grievance_subject", "Staff involved in grievances as the subject of a grievance", "rate"),
        Item("disciplinary", "Staff subject to disciplinary proceedings", "rate"),
        Item("leaver", "Staff who left", "rate"),
    ),
    notes=(
        "The Statutory Duties (Wales) Regulations 2011, regulation 9: employment information collected each year "
        "and published annually, broken down by each protected characteristic: the number of people employed, by "
        "job, grade, pay, contract type and working pattern; applicants for employment; internal applicants for a "
        "change of position and whether they were successful; applicants for training and whether they were "
        "successful; training completed; staff involved in grievances as complainant and as subject; staff subject "
        "to disciplinary proceedings; leavers.",
        "The annual report must give the reasons for not collecting information that was identified: see the "
        "items not collected.",
    ),
)

SCOTLAND = Duty(
    preset="scotland-employee",
    title="Employee information (Scotland)",
    items=(
        Item("applied", "Recruitment: applicants", "composition"),
        Item("shortlisted", "Recruitment: shortlisted", "rate"),
        Item("appointed", "Recruitment: appointed", "rate"),
        Item("training", "Development: staff who had training", "rate"),
        Item("promoted", "Development: staff promoted", "rate"),
        Item("leaver", "Retention: staff who left", "rate"),
        Item("board", "Board members", "composition"),
    ),
    notes=(
        "The Equality Act 2010 (Specific Duties) (Scotland) Regulations 2012: information on the composition of "
        "employees and on recruitment, development and retention by protected characteristic, gathered each year "
        "and reported in the mainstreaming report every 2 years (by 30 April); the gender pay gap every 2 years for "
        "bodies with 20 or more employees; an equal pay statement every 4 years with occupational segregation by "
        "sex, disability and race; board diversity with the mainstreaming report.",
    ),
)

RACE_LEGACY_ALL = (
    Item("applied", "Applicants for jobs", "composition"),
    Item("promotion_applied", "Applicants for promotion", "composition"),
    Item("training_applied", "Applicants for training", "composition"),
)
RACE_LEGACY_150 = (
    Item("training", "Staff who received training", "rate"),
    Item("appraisal", "Performance appraisal: benefit or detriment", "category"),
    Item("grievance_raised", "Staff involved in grievance procedures", "rate"),
    Item("grievance_subject", "Staff who were the subject of grievance procedures", "rate"),
    Item("disciplinary", "Staff subject to disciplinary procedures", "rate"),
    Item("dismissed", "Staff dismissed", "rate"),
    Item("leaver", "Staff who left for other reasons", "rate"),
)
RACE_LEGACY = Duty(
    preset="race-duty-legacy",
    title="Race equality: employment monitoring (2001 order)",
    items=RACE_LEGACY_ALL + RACE_LEGACY_150,
    notes=(
        "The Race Relations Act 1976 (Statutory Duties) Order 2001 (seed 001, paragraph 2.9): every listed body "
        "monitors by ethnicity its staff in post and applicants for jobs, promotion and training; a body with 150 or "
        "more full-time staff also monitors staff who receive training, benefit or suffer detriment from performance "
        "appraisal, are involved in or the subject of grievance procedures, are subject to disciplinary procedures, "
        "or are dismissed or leave for other reasons. The results are published annually.",
    ),
)
FULL_MONITORING_STAFF = 150


@dataclass
class _Run:
    """What one monitoring run has counted."""

    data: PresetInput
    policy: DisclosurePolicy
    table: Any
    groupings: list[Grouping]
    items: list[Item]
    counts: Counts
    staff_described: bool


def _population(item: Item, description: DatasetDescription) -> str | None:
    if item.among:
        return item.among
    outcome = description.outcome(item.role)
    return outcome.among


def _count(
    data: PresetInput, names: Sequence[str], items: Sequence[Item], *, extra_measures: dict[str, Any] | None = None
) -> _Run:
    import ibis

    description = data.description
    table = data.table
    raw = distinct_values(
        table,
        [
            description.characteristic(name).column
            for name in names
            if not description.characteristic(name).age_bands
            and not table[description.characteristic(name).column].type().is_numeric()
        ],
    )
    groupings = []
    for name in names:
        table, grouping = add_grouping(
            table, description, name, raw_counts=raw.get(description.characteristic(name).column)
        )
        groupings.append(grouping)
    in_post = next((o for o in description.outcomes if o.name == "in_post"), None)
    staff = flag(table, in_post) if in_post is not None else ibis.literal(1).cast("int64")
    measures: dict[str, Any] = {"staff": staff, **(extra_measures or {})}
    described = [item for item in items if not missing_roles(description, [f"outcomes.{item.role}"])]
    categories = []
    for item in described:
        outcome = description.outcome(item.role)
        if item.mode == "category":
            if outcome.kind != "category":
                raise PresetError(
                    f"outcomes.{item.role} is read as a category ({item.title.lower()}): set "
                    f"outcomes.{item.role}.kind to category (it is {outcome.kind})."
                )
            table = table.mutate(**{f"_c_{item.role}": category(table, outcome)})
            categories.append(item.role)
            continue
        value = flag(table, outcome)
        population = _population(item, description)
        if item.mode == "composition":
            measures[f"k_{item.role}"] = value
        elif population is not None:
            if missing_roles(description, [f"outcomes.{population}"]):
                raise PresetError(
                    f"{item.title} are counted among outcomes.{population}: add it to the description's YAML."
                )
            measures[f"n_{item.role}"] = flag(table, description.outcome(population))
            measures[f"k_{item.role}"] = value * measures[f"n_{item.role}"]
        else:
            measures[f"k_{item.role}"] = value * staff
    parts = [Part(g.name, g.column) for g in groupings]
    parts += [Part(f"{g.name}|{role}", g.column, f"_c_{role}") for g in groupings for role in categories]
    counts = count_parts(table, parts, measures, groupings)
    return _Run(data, policy_of(data, STAFF_POLICY), table, groupings, described, counts, in_post is not None)


def _item_table(run: _Run, grouping: Grouping, item: Item) -> ResultTable:
    rows = part_counts(run.counts, grouping.name)
    by = grouping.title.lower()
    if item.mode == "category":
        return publish_distribution(
            distribution_table(
                title=f"{item.title} and {by}",
                rows=part_counts(run.counts, f"{grouping.name}|{item.role}"),
                grouping=grouping,
                row_title=item.role.replace("_", " ").capitalize(),
                measure="staff",
            ),
            run.policy,
        )
    if item.mode == "composition":
        return publish_composition(
            composition_table(title=f"{item.title} by {by}", rows=rows, grouping=grouping, measure=f"k_{item.role}"),
            run.policy,
        )
    n_measure = f"n_{item.role}" if f"n_{item.role}" in next(iter(rows.values()), {}) else "staff"
    known, unknown = outcome_counts(rows, grouping, n=n_measure, k=f"k_{item.role}")
    known = {group: nk for group, nk in known.items() if nk[0] > 0 or group == grouping.reference_label}
    reference = grouping.reference_label or next(iter(grouping.labels.values()))
    if reference not in known:
        known[reference] = (0, 0)
    result = disparity_table(
        title=f"{item.title} by {by}", counts=known, reference=reference, unknown=unknown, group_label=grouping.title
    )
    return publish(result, run.policy)


def _pay_by_group_table(run: _Run, grouping: Grouping, paid: Any) -> ResultTable:
    """Mean and median hourly pay of each group (full-pay relevant employees), with the gap to the reference."""
    column = grouping.column
    in_groups = list(grouping.labels)
    found = pay_by_group(
        paid,
        group=column,
        pay=RATE,
        population="_full_pay_relevant",
        reference=grouping.reference if grouping.reference in in_groups else None,
        groups=in_groups,
        undisclosed=UNKNOWN_CODES,
        minimum_group_size=run.policy.threshold or 1,
        characteristic=grouping.name,
    )
    rows = []
    for group in found.groups:
        symbol = group.symbol
        rows.append(
            (
                label(grouping.label(group.group)),
                Cell(group.employee_count, str(group.employee_count)),
                _money(group.mean, group.employee_count, symbol),
                _money(group.median, group.employee_count, symbol),
                _gap(group.mean_gap_percent, group.employee_count, symbol, group.note),
                _gap(group.median_gap_percent, group.employee_count, symbol, group.note),
            )
        )
    known = found.population_count - found.undisclosed_count
    table = ResultTable(
        title=f"Hourly pay by {grouping.title.lower()}",
        columns=(
            Column("group", grouping.title, "label"),
            Column("employees", "Full-pay relevant employees", "count"),
            Column("mean", "Mean hourly pay", "number"),
            Column("median", "Median hourly pay", "number"),
            Column("mean_gap", f"Mean gap to {grouping.reference_label or 'reference'} (%)", "number"),
            Column("median_gap", f"Median gap to {grouping.reference_label or 'reference'} (%)", "number"),
        ),
        rows=tuple(rows),
        notes=TableNotes(
            reference_group=grouping.reference_label,
            unknown_count=found.undisclosed_count,
            unknowns_used=False,
            declaration_rate=known / found.population_count if found.population_count else None,
            methods=("Gap = (reference group's pay − group's pay) ÷ reference group's pay × 100.",),
        ),
    )
    return publish(table, replace(run.policy, average_columns=("mean", "median", "mean_gap", "median_gap")))


def _money(value: float | None, count: int, symbol: str) -> Cell:
    if value is None:
        return Cell(None, symbol=symbol or "N/A", denominator=count)
    return Cell(value, f"£{value:,.2f}", denominator=count)


def _gap(value: float | None, count: int, symbol: str, note: str) -> Cell:
    if value is None:
        return Cell(None, symbol=symbol or "N/A", denominator=count, note=note if symbol else "")
    from ..paygap import one_decimal_place

    return Cell(value, f"{one_decimal_place(value)}%", denominator=count)


def _not_collected(
    duty: Duty, run: _Run, items: Sequence[Item], extra: Sequence[tuple[str, str]] = ()
) -> list[tuple[str, str]]:
    described = {item.role for item in run.items}
    missing = [(item.title, f"outcomes.{item.role}") for item in items if item.role not in described]
    return [*missing, *extra]


def _monitoring(
    duty: Duty,
    data: PresetInput,
    names: Sequence[str],
    items: Sequence[Item],
    *,
    extra_sections: Callable[[_Run], list[ReportSection]] | None = None,
    pay: bool = False,
    warnings: Sequence[str] = (),
) -> Report:
    description = data.description
    run = _count(data, names, items)
    data.progress(1, len(names) + 2, "counted")
    paid = None
    missing_pay = missing_roles(description, PAY_NEEDS)
    if pay and not missing_pay:
        paid = pay_table(run.table, description, duty.preset, data.options)
    sections = []
    for index, grouping in enumerate(run.groupings, start=2):
        rows = part_counts(run.counts, grouping.name)
        who = "Staff in post" if run.staff_described else records_title(description.unit)
        tables = [
            publish_composition(
                composition_table(
                    title=f"{who} by {grouping.title.lower()}", rows=rows, grouping=grouping, measure="staff"
                ),
                run.policy,
            )
        ]
        if paid is not None:
            tables.append(_pay_by_group_table(run, grouping, paid))
        tables += [_item_table(run, grouping, item) for item in run.items]
        sections.append(ReportSection(heading=grouping.title, tables=tuple(tables), notes=unknown_warning(grouping)))
        data.progress(index, len(names) + 2, grouping.title)
    if extra_sections is not None:
        sections += extra_sections(run)
    pay_missing = [("Pay", ", ".join(missing_pay))] if pay and missing_pay else []
    not_collected = _not_collected(duty, run, items, pay_missing)
    all_warnings = list(warnings)
    if not_collected:
        sections.append(
            ReportSection(
                heading="Information not collected",
                tables=(
                    publish(
                        not_collected_table(
                            "Information the duty lists that this dataset does not hold", not_collected
                        ),
                        run.policy,
                    ),
                ),
                notes=("Give the reasons for not collecting it in the annual report.",),
            )
        )
        all_warnings.append("Not collected: " + "; ".join(f"{what} ({key})" for what, key in not_collected) + ".")
    data.progress(len(names) + 2, len(names) + 2, "done")
    records = sum(v["n"] for (part, _g, _c), v in run.counts.items() if part == run.groupings[0].name)
    return Report(
        preset=duty.preset,
        title=duty.title,
        dataset=description.name,
        records=records,
        sections=tuple(sections),
        notes=duty.notes,
        warnings=tuple(all_warnings),
    )


def _characteristics_required(preset: str, description: DatasetDescription) -> list[str]:
    names = [c.name for c in description.characteristics]
    if not names:
        raise PresetError(
            f"The {preset} preset needs the dataset description to name the protected characteristics it holds: add "
            f"characteristics (for example characteristics.sex, characteristics.ethnicity) to "
            f"{description.name or 'the description'}'s YAML."
        )
    return names


def run_wales(data: PresetInput) -> Report:
    names = _characteristics_required(WALES.preset, data.description)
    return _monitoring(WALES, data, names, WALES.items, pay=True)


def run_scotland(data: PresetInput) -> Report:
    description = data.description
    names = _characteristics_required(SCOTLAND.preset, description)
    segregation = [name for name in ("sex", "disability", "ethnicity") if name in names]
    occupation = [o.name for o in description.outcomes if o.name in ("grade", "job") and o.kind == "category"]
    items = list(SCOTLAND.items) + [Item(role, f"Occupational segregation: {role}", "category") for role in occupation]

    def equal_pay(run: _Run) -> list[ReportSection]:
        out = []
        if "sex" in names and not missing_roles(description, PAY_NEEDS):
            paid = pay_table(run.table, description, SCOTLAND.preset, data.options)
            report = run_pay_gap(GENDER, paid, description, data.options)
            from ..paygap.tables import pay_gap_tables, publish_pay_gap_tables

            hourly = publish_pay_gap_tables(pay_gap_tables(report, name="Gender pay gap"), run.policy)[0]
            employees = report.disclosure[1].population_count
            notes = ["The percentage difference between men's and women's average hourly pay."]
            if employees < 20:
                notes.append(f"{employees} employees: the gender pay gap duty applies to bodies with 20 or more.")
            out.append(ReportSection(heading="Gender pay gap", tables=(hourly,), notes=tuple(notes)))
        return out

    warnings = []
    missing_pay = missing_roles(description, PAY_NEEDS)
    if "sex" in names and missing_pay:
        warnings.append(f"No gender pay gap: the description's pay needs {', '.join(missing_pay)}.")
    if not occupation:
        warnings.append("No occupational segregation tables: add outcomes.grade or outcomes.job (kind: category).")
    missing = [f"characteristics.{name}" for name in ("sex", "disability", "ethnicity") if name not in segregation]
    if missing:
        warnings.append(f"The equal pay statement needs occupational segregation by {', '.join(missing)}.")
    return _monitoring(SCOTLAND, data, names, items, extra_sections=equal_pay, warnings=warnings)


def run_race_legacy(data: PresetInput) -> Report:
    description = data.description
    require(RACE_LEGACY.preset, description, ["characteristics.ethnicity"])
    full_time = data.options.get("full_time_staff")
    how = "given in the options"
    if full_time is None:
        import ibis

        full_time_outcome = next((o for o in description.outcomes if o.name == "full_time"), None)
        in_post = next((o for o in description.outcomes if o.name == "in_post"), None)
        staff = flag(data.table, in_post) if in_post else ibis.literal(1).cast("int64")
        if full_time_outcome is not None:
            value = (flag(data.table, full_time_outcome) * staff).sum()
            how = "counted from outcomes.full_time"
        else:
            value = staff.sum()
            how = "every staff record counted as full-time (add outcomes.full_time to count only full-time staff)"
        full_time = int(data.table.aggregate(v=value).to_pyarrow()["v"][0].as_py() or 0)
    full_time = int(full_time)
    full = full_time >= FULL_MONITORING_STAFF
    warnings = []
    if full:
        items = RACE_LEGACY.items
    else:
        items = RACE_LEGACY_ALL
        left_out = [item.title.lower() for item in RACE_LEGACY_150]
        warnings.append(
            f"Fewer than {FULL_MONITORING_STAFF} full-time staff ({full_time}; {how}): only the monitoring that "
            "applies to every body is reported (staff in post, applicants for jobs, promotion and training); the "
            f"monitoring of {', '.join(left_out)} applies to bodies with {FULL_MONITORING_STAFF} or more "
            "full-time staff."
        )
    report = _monitoring(RACE_LEGACY, data, ["ethnicity"], items, warnings=warnings)
    note = f"Full-time staff: {full_time} ({how})."
    return replace(report, notes=(*report.notes, note))


register(
    Preset(
        name="wales-employment",
        title=WALES.title,
        summary="Wales regulation 9 employment information by each protected characteristic: staff by job, grade, "
        "pay, contract and working pattern; applicants; internal and training applications and success; "
        "training; grievances; disciplinary proceedings; leavers.",
        needs=("characteristics (each protected characteristic held)",),
        run=run_wales,
    )
)
register(
    Preset(
        name="scotland-employee",
        title=SCOTLAND.title,
        summary="Scotland employee information: composition, recruitment, development and retention by "
        "characteristic, board diversity, occupational segregation by sex, disability and race, and the gender pay "
        "gap.",
        needs=("characteristics (each protected characteristic held)",),
        run=run_scotland,
    )
)
register(
    Preset(
        name="race-duty-legacy",
        title=RACE_LEGACY.title,
        summary="The 2001 race duty's employment monitoring by ethnicity: staff in post and applicants for jobs, "
        "promotion and training; with 150 or more full-time staff also training, appraisal, grievances, "
        "disciplinary action, dismissals and leavers.",
        needs=("characteristics.ethnicity",),
        run=run_race_legacy,
    )
)
