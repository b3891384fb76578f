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
from ..disclosure.symbols import NOT_APPLICABLE
from ..i18n import N_, _
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
    description_name,
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
    title: str  # "Staff who left", in English (marked with N_); see :meth:`shown_title`
    mode: Mode
    among: str | None = None  # for a rate: the population flag (default: the outcome's own ``among``, else staff)

    @property
    def shown_title(self) -> str:
        """The title in the current language (``{role}`` in it is the role's own title)."""
        return _(self.title).format(role=role_title(self.role).lower())


@dataclass(frozen=True)
class Duty:
    preset: str
    title: str  # in English, marked with N_ (as are the notes): translated where used
    items: tuple[Item, ...]
    notes: tuple[str, ...]


#: The titles of the category items' roles (the row heading of their tables); other roles are shown as the
#: description spells them.
ROLE_TITLES = {
    "job": N_("Job"),
    "grade": N_("Grade"),
    "contract_type": N_("Contract type"),
    "working_pattern": N_("Working pattern"),
    "appraisal": N_("Appraisal"),
}


def role_title(role: str) -> str:
    return _(ROLE_TITLES[role]) if role in ROLE_TITLES else role.replace("_", " ").capitalize()


WALES = Duty(
    preset="wales-employment",
    title=N_("Employment information (Wales, regulation 9)"),
    items=(
        Item("job", N_("Staff by job"), "category"),
        Item("grade", N_("Staff by grade"), "category"),
        Item("contract_type", N_("Staff by contract type"), "category"),
        Item("working_pattern", N_("Staff by working pattern"), "category"),
        Item("applied", N_("Applicants for employment"), "composition"),
        Item("internal_applied", N_("Internal applicants for a change of position"), "composition"),
        Item("internal_successful", N_("Internal applicants who were successful"), "rate", among="internal_applied"),
        Item("training_applied", N_("Applicants for training"), "composition"),
        Item(
            "training_successful", N_("Applicants for training who were successful"), "rate", among="training_applied"
        ),
        Item("training_completed", N_("Staff who completed training"), "rate"),
        Item("grievance_raised", N_("Staff involved in grievances as complainant"), "rate"),
        Item("grievance_subject", N_("Staff involved in grievances as the subject of a grievance"), "rate"),
        Item("disciplinary", N_("Staff subject to disciplinary proceedings"), "rate"),
        Item("leaver", N_("Staff who left"), "rate"),
    ),
    notes=(
        N_(
            "The Statutory Duties (Wales) Regulations 2011, regulation 9: employment information collected each year "
            "and published annually, broken down by each protected characteristic: the number of people employed, "
            "by job, grade, pay, contract type and working pattern; applicants for employment; internal applicants "
            "for a change of position and whether they were successful; applicants for training and whether they "
            "were successful; training completed; staff involved in grievances as complainant and as subject; staff "
            "subject to disciplinary proceedings; leavers."
        ),
        N_(
            "The annual report must give the reasons for not collecting information that was identified: see the "
            "items not collected."
        ),
    ),
)

SCOTLAND = Duty(
    preset="scotland-employee",
    title=N_("Employee information (Scotland)"),
    items=(
        Item("applied", N_("Recruitment: applicants"), "composition"),
        Item("shortlisted", N_("Recruitment: shortlisted"), "rate"),
        Item("appointed", N_("Recruitment: appointed"), "rate"),
        Item("training", N_("Development: staff who had training"), "rate"),
        Item("promoted", N_("Development: staff promoted"), "rate"),
        Item("leaver", N_("Retention: staff who left"), "rate"),
        Item("board", N_("Board members"), "composition"),
    ),
    notes=(
        N_(
            "The Equality Act 2010 (Specific Duties) (Scotland) Regulations 2012: information on the composition of "
            "employees and on recruitment, development and retention by protected characteristic, gathered each "
            "year and reported in the mainstreaming report every 2 years (by 30 April); the gender pay gap every 2 "
            "years for bodies with 20 or more employees; an equal pay statement every 4 years with occupational "
            "segregation by sex, disability and race; board diversity with the mainstreaming report."
        ),
    ),
)

RACE_LEGACY_ALL = (
    Item("applied", N_("Applicants for jobs"), "composition"),
    Item("promotion_applied", N_("Applicants for promotion"), "composition"),
    Item("training_applied", N_("Applicants for training"), "composition"),
)
RACE_LEGACY_150 = (
    Item("training", N_("Staff who received training"), "rate"),
    Item("appraisal", N_("Performance appraisal: benefit or detriment"), "category"),
    Item("grievance_raised", N_("Staff involved in grievance procedures"), "rate"),
    Item("grievance_subject", N_("Staff who were the subject of grievance procedures"), "rate"),
    Item("disciplinary", N_("Staff subject to disciplinary procedures"), "rate"),
    Item("dismissed", N_("Staff dismissed"), "rate"),
    Item("leaver", N_("Staff who left for other reasons"), "rate"),
)
RACE_LEGACY = Duty(
    preset="race-duty-legacy",
    title=N_("Race equality: employment monitoring (2001 order)"),
    items=RACE_LEGACY_ALL + RACE_LEGACY_150,
    notes=(
        N_(
            "The Race Relations Act 1976 (Statutory Duties) Order 2001 (seed 001, paragraph 2.9): every listed body "
            "monitors by ethnicity its staff in post and applicants for jobs, promotion and training; a body with 150 "
            "or more full-time staff also monitors staff who receive training, benefit or suffer detriment from "
            "performance appraisal, are involved in or the subject of grievance procedures, are subject to "
            "disciplinary procedures, or are dismissed or leave for other reasons. The results are published "
            "annually."
        ),
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
                    _(
                        "outcomes.{role} is read as a category ({item}): set outcomes.{role}.kind to category (it is "
                        "{kind})."
                    ).format(role=item.role, item=item.shown_title.lower(), kind=outcome.kind)
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
                    _("{item} are counted among outcomes.{population}: add it to the description's YAML.").format(
                        item=item.shown_title, population=population
                    )
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
                title=_("{item} and {characteristic}").format(item=item.shown_title, characteristic=by),
                rows=part_counts(run.counts, f"{grouping.name}|{item.role}"),
                grouping=grouping,
                row_title=role_title(item.role),
                measure="staff",
            ),
            run.policy,
        )
    by_title = _("{item} by {characteristic}").format(item=item.shown_title, characteristic=by)
    if item.mode == "composition":
        return publish_composition(
            composition_table(title=by_title, rows=rows, grouping=grouping, measure=f"k_{item.role}"),
            run.policy,
        )
    n_measure = f"n_{item.role}" if f"n_{item.role}" in next(iter(rows.values()), {}) else "staff"
    known, unknown = outcome_counts(rows, grouping, n=n_measure, k=f"k_{item.role}")
    known = {group: nk for group, nk in known.items() if nk[0] > 0 or group == grouping.reference_label}
    reference = grouping.reference_label or next(iter(grouping.labels.values()))
    if reference not in known:
        known[reference] = (0, 0)
    result = disparity_table(
        title=by_title, counts=known, reference=reference, unknown=unknown, group_label=grouping.title
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
    reference = grouping.reference_label
    mean_gap = _("Mean gap to {reference} (%)") if reference else _("Mean gap to reference (%)")
    median_gap = _("Median gap to {reference} (%)") if reference else _("Median gap to reference (%)")
    table = ResultTable(
        title=_("Hourly pay by {characteristic}").format(characteristic=grouping.title.lower()),
        columns=(
            Column("group", grouping.title, "label"),
            Column("employees", _("Full-pay relevant employees"), "count"),
            Column("mean", _("Mean hourly pay"), "number"),
            Column("median", _("Median hourly pay"), "number"),
            Column("mean_gap", mean_gap.format(reference=reference), "number"),
            Column("median_gap", median_gap.format(reference=reference), "number"),
        ),
        rows=tuple(rows),
        notes=TableNotes(
            reference_group=grouping.reference_label,
            unknown_count=found.undisclosed_count,
            unknowns_used=False,
            declaration_rate=known / found.population_count if found.population_count else None,
            methods=(_("Gap = (reference group's pay − group's pay) ÷ reference group's pay × 100."),),
        ),
    )
    return publish(table, replace(run.policy, average_columns=("mean", "median", "mean_gap", "median_gap")))


def _money(value: float | None, count: int, symbol: str) -> Cell:
    if value is None:
        return Cell(None, symbol=symbol or NOT_APPLICABLE, denominator=count)
    return Cell(value, f"£{value:,.2f}", denominator=count)


def _gap(value: float | None, count: int, symbol: str, note: str) -> Cell:
    if value is None:
        return Cell(None, symbol=symbol or NOT_APPLICABLE, denominator=count, note=note if symbol else "")
    from ..paygap import one_decimal_place

    return Cell(value, f"{one_decimal_place(value)}%", denominator=count)


def _not_collected(
    duty: Duty, run: _Run, items: Sequence[Item], extra: Sequence[tuple[str, str]] = ()
) -> list[tuple[str, str]]:
    described = {item.role for item in run.items}
    missing = [(item.shown_title, f"outcomes.{item.role}") for item in items if item.role not in described]
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
    data.progress(1, len(names) + 2, _("counted"))
    paid = None
    missing_pay = missing_roles(description, PAY_NEEDS)
    if pay and not missing_pay:
        paid = pay_table(run.table, description, duty.preset, data.options)
    sections = []
    for index, grouping in enumerate(run.groupings, start=2):
        rows = part_counts(run.counts, grouping.name)
        # Without an in_post flag the rows are named by the description's own word ("staff member"), untranslated.
        title = _("Staff in post by {characteristic}") if run.staff_described else _("{records} by {characteristic}")
        tables = [
            publish_composition(
                composition_table(
                    title=title.format(records=records_title(description.unit), characteristic=grouping.title.lower()),
                    rows=rows,
                    grouping=grouping,
                    measure="staff",
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
    pay_missing = [(_("Pay"), ", ".join(missing_pay))] if pay and missing_pay else []
    not_collected = _not_collected(duty, run, items, pay_missing)
    all_warnings = list(warnings)
    if not_collected:
        sections.append(
            ReportSection(
                heading=_("Information not collected"),
                tables=(
                    publish(
                        not_collected_table(
                            _("Information the duty lists that this dataset does not hold"), not_collected
                        ),
                        run.policy,
                    ),
                ),
                notes=(_("Give the reasons for not collecting it in the annual report."),),
            )
        )
        listed = "; ".join(f"{what} ({key})" for what, key in not_collected)
        all_warnings.append(_("Not collected: {items}.").format(items=listed))
    data.progress(len(names) + 2, len(names) + 2, _("done"))
    records = sum(v["n"] for (part, _g, _c), v in run.counts.items() if part == run.groupings[0].name)
    return Report(
        preset=duty.preset,
        title=_(duty.title),
        dataset=description.name,
        records=records,
        sections=tuple(sections),
        notes=tuple(_(note) for note in duty.notes),
        warnings=tuple(all_warnings),
    )


def _characteristics_required(preset: str, description: DatasetDescription) -> list[str]:
    names = [c.name for c in description.characteristics]
    if not names:
        raise PresetError(
            _(
                "The {preset} preset needs the dataset description to name the protected characteristics it holds: "
                "add characteristics (for example characteristics.sex, characteristics.ethnicity) to "
                "{description}'s YAML."
            ).format(preset=preset, description=description_name(description))
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
    items = list(SCOTLAND.items) + [
        Item(role, N_("Occupational segregation: {role}"), "category") for role in occupation
    ]

    def equal_pay(run: _Run) -> list[ReportSection]:
        out = []
        if "sex" in names and not missing_roles(description, PAY_NEEDS):
            paid = pay_table(run.table, description, SCOTLAND.preset, data.options)
            report = run_pay_gap(GENDER, paid, description, data.options)
            from ..paygap.tables import pay_gap_tables, publish_pay_gap_tables

            hourly = publish_pay_gap_tables(pay_gap_tables(report, name=_("Gender pay gap")), run.policy)[0]
            employees = report.disclosure[1].population_count
            notes = [_("The percentage difference between men's and women's average hourly pay.")]
            if employees < 20:
                notes.append(
                    _("{count} employees: the gender pay gap duty applies to bodies with 20 or more.").format(
                        count=employees
                    )
                )
            out.append(ReportSection(heading=_("Gender pay gap"), tables=(hourly,), notes=tuple(notes)))
        return out

    warnings = []
    missing_pay = missing_roles(description, PAY_NEEDS)
    if "sex" in names and missing_pay:
        warnings.append(
            _("No gender pay gap: the description's pay needs {roles}.").format(roles=", ".join(missing_pay))
        )
    if not occupation:
        warnings.append(_("No occupational segregation tables: add outcomes.grade or outcomes.job (kind: category)."))
    missing = [f"characteristics.{name}" for name in ("sex", "disability", "ethnicity") if name not in segregation]
    if missing:
        warnings.append(
            _("The equal pay statement needs occupational segregation by {roles}.").format(roles=", ".join(missing))
        )
    return _monitoring(SCOTLAND, data, names, items, extra_sections=equal_pay, warnings=warnings)


def run_race_legacy(data: PresetInput) -> Report:
    description = data.description
    require(RACE_LEGACY.preset, description, ["characteristics.ethnicity"])
    full_time = data.options.get("full_time_staff")
    how = _("given in the options")
    if full_time is None:
        import ibis

        full_time_outcome = next((o for o in description.outcomes if o.name == "full_time"), None)
        in_post = next((o for o in description.outcomes if o.name == "in_post"), None)
        staff = flag(data.table, in_post) if in_post else ibis.literal(1).cast("int64")
        if full_time_outcome is not None:
            value = (flag(data.table, full_time_outcome) * staff).sum()
            how = _("counted from outcomes.full_time")
        else:
            value = staff.sum()
            how = _("every staff record counted as full-time (add outcomes.full_time to count only full-time staff)")
        full_time = int(data.table.aggregate(v=value).to_pyarrow()["v"][0].as_py() or 0)
    full_time = int(full_time)
    full = full_time >= FULL_MONITORING_STAFF
    warnings = []
    if full:
        items = RACE_LEGACY.items
    else:
        items = RACE_LEGACY_ALL
        left_out = [item.shown_title.lower() for item in RACE_LEGACY_150]
        warnings.append(
            _(
                "Fewer than {minimum} full-time staff ({count}; {how}): only the monitoring that applies to every body "
                "is reported (staff in post, applicants for jobs, promotion and training); the monitoring of {items} "
                "applies to bodies with {minimum} or more full-time staff."
            ).format(minimum=FULL_MONITORING_STAFF, count=full_time, how=how, items=", ".join(left_out))
        )
    report = _monitoring(RACE_LEGACY, data, ["ethnicity"], items, warnings=warnings)
    note = _("Full-time staff: {count} ({how}).").format(count=full_time, how=how)
    return replace(report, notes=(*report.notes, note))


register(
    Preset(
        name="wales-employment",
        title=WALES.title,
        summary=N_(
            "Wales regulation 9 employment information by each protected characteristic: staff by job, grade, pay, "
            "contract and working pattern; applicants; internal and training applications and success; training; "
            "grievances; disciplinary proceedings; leavers."
        ),
        needs=("characteristics (each protected characteristic held)",),
        run=run_wales,
    )
)
register(
    Preset(
        name="scotland-employee",
        title=SCOTLAND.title,
        summary=N_(
            "Scotland employee information: composition, recruitment, development and retention by characteristic, "
            "board diversity, occupational segregation by sex, disability and race, and the gender pay gap."
        ),
        needs=("characteristics (each protected characteristic held)",),
        run=run_scotland,
    )
)
register(
    Preset(
        name="race-duty-legacy",
        title=RACE_LEGACY.title,
        summary=N_(
            "The 2001 race duty's employment monitoring by ethnicity: staff in post and applicants for jobs, "
            "promotion and training; with 150 or more full-time staff also training, appraisal, grievances, "
            "disciplinary action, dismissals and leavers."
        ),
        needs=("characteristics.ethnicity",),
        run=run_race_legacy,
    )
)
