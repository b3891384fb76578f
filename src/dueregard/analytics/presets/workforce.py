"""The full workforce report: every described characteristic × every described outcome, and the pay gaps.

For each characteristic: the make-up of the records by group; for each yes/no outcome (or count, read as "any"),
each group's rate with its Wilson interval, relative likelihood against the reference group with its Katz
interval, the four-fifths impact ratio and the test of the whole table (χ² or Fisher by the expected-count rule),
with Benjamini–Hochberg adjusted p-values across every test in the report; for each category outcome (pay band,
leaving reason), the counts and shares by category. Then the six pay-gap figures with quarters for sex, ethnicity
and disability when the description has pay. Every table goes through disclosure control.

All the counting is done by the engine in a few aggregate queries: one for the distinct values of the
characteristic columns, one for every count of every table (see :func:`._common.count_parts`) and three per pay
gap; only small tables of counts come back to Python. This is what benchmarks/workforce times at 10M records.

Options: ``detail`` ({characteristic: "categories" | "groups" | aggregation id}), ``reference``
({characteristic: code or label of the comparator}), ``fdr`` (the false discovery rate for Benjamini–Hochberg,
default 0.05), ``zero_cells`` ("not_calculable" or "haldane"), ``minimum_group_size`` (ethnicity and disability
pay gaps, default 10), ``pay_gaps`` (false to leave them out).

The report's own texts are in the current language (see :mod:`..i18n`); outcome names and the description's title
and unit are data and stay as they are.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ..dataset import DatasetDescription, OutcomeColumn
from ..i18n import N_, _
from ..report import Report, ReportSection
from ..results import ResultTable
from ..stats import association_test, benjamini_hochberg, disparity_table, p_value_text
from ._common import (
    STAFF_POLICY,
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
    outcome_counts,
    part_counts,
    policy_of,
    publish,
    publish_composition,
    publish_distribution,
    records_title,
    unknown_warning,
)
from ._registry import Preset, PresetError, PresetInput, register
from .pay_gaps import KINDS, PAY_NEEDS, pay_gap_section, pay_table, run_pay_gaps


def outcome_title(outcome: OutcomeColumn) -> str:
    """The outcome's name as a title (the names are the description's: not translated)."""
    name = outcome.name.replace("_", " ").capitalize()
    if not outcome.among:
        return name
    return _("{outcome} (of those {among})").format(outcome=name, among=outcome.among.replace("_", " "))


def _by(what: str, grouping: Grouping) -> str:
    return _("{item} by {characteristic}").format(item=what, characteristic=grouping.title.lower())


def _check(description: DatasetDescription) -> None:
    if not description.characteristics:
        raise PresetError(
            _(
                "The workforce preset needs the dataset description to name at least one characteristic: add "
                "characteristics (for example characteristics.ethnicity with its column and classification) to "
                "{description}'s YAML."
            ).format(description=description_name(description))
        )
    if not description.outcomes and not description.pay:
        raise PresetError(
            _(
                "The workforce preset needs the dataset description to name outcomes (for example outcomes.appointed) "
                "or pay (pay.ordinary_pay...): add them to {description}'s YAML."
            ).format(description=description_name(description))
        )


def _groupings(data: PresetInput) -> tuple[Any, list[Grouping], dict[str, list[tuple[str | None, int]]]]:
    description, table = data.description, data.table
    detail: Mapping[str, str] = data.options.get("detail", {})
    references: Mapping[str, str] = data.options.get("reference", {})
    text_columns = [
        c.column
        for c in description.characteristics
        if not (c.age_bands or (table[c.column].type().is_numeric() and c.classification.startswith("age")))
    ]
    flag_columns = [o.column for o in description.outcomes if o.kind == "flag"]
    if description.pay is not None and description.pay.full_pay_relevant:
        flag_columns.append(description.pay.full_pay_relevant)
    relevant = data.options.get("relevant")
    if relevant and str(relevant) in table.columns:
        flag_columns.append(str(relevant))
    flag_columns = [column for column in flag_columns if table[column].type().is_string()]
    wanted = [*text_columns, *flag_columns]
    raw = {column: list(data.value_counts[column]) for column in wanted if column in data.value_counts}
    raw |= distinct_values(table, [column for column in wanted if column not in raw])
    groupings = []
    for characteristic in description.characteristics:
        table, grouping = add_grouping(
            table,
            description,
            characteristic.name,
            detail=detail.get(characteristic.name),
            reference=references.get(characteristic.name),
            raw_counts=raw.get(characteristic.column),
        )
        if grouping.reference is None and grouping.labels:
            grouping = replace(grouping, reference=next(iter(grouping.labels)))
        groupings.append(grouping)
    return table, groupings, raw


def run_workforce(data: PresetInput) -> Report:
    description = data.description
    _check(description)
    policy = policy_of(data, STAFF_POLICY)
    with_pay = bool(data.options.get("pay_gaps", True)) and description.pay is not None
    pay_kinds = [KINDS[c.name] for c in description.characteristics if c.name in KINDS] if with_pay else []
    total_steps = 2 + len(description.characteristics) + len(pay_kinds)
    table, groupings, raw = _groupings(data)
    data.progress(1, total_steps, _("characteristics classified"))

    flags = [o for o in description.outcomes if o.kind in ("flag", "count")]
    categories = [o for o in description.outcomes if o.kind == "category"]
    measures: dict[str, Any] = {}
    for outcome in flags:
        measures[f"k_{outcome.name}"] = flag(table, outcome, raw.get(outcome.column))
        if outcome.among:
            among = description.outcome(outcome.among)
            measures[f"n_{outcome.among}"] = flag(table, among, raw.get(among.column))
            measures[f"k_{outcome.name}"] = measures[f"k_{outcome.name}"] * measures[f"n_{outcome.among}"]
    table = table.mutate(**{f"_c_{o.name}": category(table, o) for o in categories}) if categories else table
    parts = [Part(g.name, g.column) for g in groupings]
    parts += [Part(f"{g.name}|{o.name}", g.column, f"_c_{o.name}") for g in groupings for o in categories]
    counts = count_parts(table, parts, measures, groupings)
    records = sum(v["n"] for (part, _g, _c), v in counts.items() if part == groupings[0].name)
    data.progress(2, total_steps, _("counted"))

    # Build every outcome table, test it, adjust the p-values across the report, then publish.
    drafts: dict[str, list[ResultTable]] = {}
    tested: list[tuple[str, int, float]] = []
    zero_cells = data.options.get("zero_cells", "not_calculable")
    for grouping in groupings:
        rows = part_counts(counts, grouping.name)
        drafts[grouping.name] = []
        for outcome in flags:
            n_measure = f"n_{outcome.among}" if outcome.among else "n"
            known, unknown = outcome_counts(rows, grouping, n=n_measure, k=f"k_{outcome.name}")
            # Groups with nobody in the population are in the make-up table; here they would only add rows of N/A.
            reference = grouping.reference_label
            known = {group: nk for group, nk in known.items() if nk[0] > 0 or group == reference}
            result = disparity_table(
                title=_by(outcome_title(outcome), grouping),
                counts=known,
                reference=reference or next(iter(known)),
                unknown=unknown,
                group_label=grouping.title,
                zero_cells=zero_cells,
            )
            result = replace(result, notes=result.notes.adding(warnings=unknown_warning(grouping)))
            drafts[grouping.name].append(result)
            table_counts = [[k, n - k] for n, k in known.values() if n > 0]
            with contextlib.suppress(ValueError):  # fewer than two groups, or nobody with the outcome: no test
                tested.append((grouping.name, len(drafts[grouping.name]) - 1, association_test(table_counts).p_value))
    if tested:
        level = float(data.options.get("fdr", 0.05))
        adjusted = benjamini_hochberg([p for _n, _i, p in tested], q=level)
        for (name, index, _p), value, rejected in zip(tested, adjusted.adjusted, adjusted.rejected, strict=True):
            line = (
                _(
                    "Benjamini–Hochberg adjusted {p_value} across the {count} tests of this report: significant at a "
                    "false discovery rate of {level}."
                )
                if rejected
                else _(
                    "Benjamini–Hochberg adjusted {p_value} across the {count} tests of this report: not significant "
                    "at a false discovery rate of {level}."
                )
            ).format(p_value=p_value_text(value), count=len(tested), level=f"{level:g}")
            draft = drafts[name][index]
            drafts[name][index] = replace(draft, notes=draft.notes.adding(tests=[line]))

    sections: list[ReportSection] = []
    step = 2
    for grouping in groupings:
        rows = part_counts(counts, grouping.name)
        tables = [
            publish_composition(
                composition_table(
                    title=_("{records} by {characteristic}").format(
                        records=records_title(description.unit), characteristic=grouping.title.lower()
                    ),
                    rows=rows,
                    grouping=grouping,
                ),
                policy,
            )
        ]
        tables += [publish(draft, policy) for draft in drafts[grouping.name]]
        for outcome in categories:
            tables.append(
                publish_distribution(
                    distribution_table(
                        title=_by(outcome_title(outcome), grouping),
                        rows=part_counts(counts, f"{grouping.name}|{outcome.name}"),
                        grouping=grouping,
                        row_title=outcome.name.replace("_", " ").capitalize(),
                    ),
                    policy,
                )
            )
        reference = grouping.reference_label
        notes = (
            (_("Reference group for relative likelihoods: {group}.").format(group=reference),)
            if reference and flags
            else ()
        )
        sections.append(ReportSection(heading=grouping.title, tables=tuple(tables), notes=notes))
        step += 1
        data.progress(step, total_steps, grouping.title)

    warnings: list[str] = []
    if pay_kinds:
        missing = missing_roles(description, PAY_NEEDS)
        if missing:
            warnings.append(_("No pay gaps: the description's pay needs {roles}.").format(roles=", ".join(missing)))
        else:
            paid = pay_table(data.table, description, "workforce", data.options, raw)
            raw_counts = {
                k.characteristic: raw.get(description.characteristic(k.characteristic).column) for k in pay_kinds
            }
            reports = run_pay_gaps(pay_kinds, paid, description, data.options, raw_counts)
            for kind, report in reports.items():
                if isinstance(report, PresetError):  # e.g. no White British category in the classification
                    warnings.append(_(kind.not_reported).format(reason=report))
                    continue
                sections.append(pay_gap_section(kind, report, policy))
                step += 1
                data.progress(step, total_steps, _(kind.title))
    data.progress(total_steps, total_steps, _("done"))
    return Report(
        preset="workforce",
        title=_("Workforce report: {title}").format(title=description.title),
        dataset=description.name,
        records=records,
        sections=tuple(sections),
        notes=(
            _(
                "Records whose group is unknown are left out of every rate, ratio and test and counted beside them. "
                "Relative likelihoods compare each group with the reference group named in each table."
            ),
            _("{count} tables were tested; their p-values are adjusted together (Benjamini–Hochberg).").format(
                count=len(tested)
            ),
        ),
        warnings=tuple(warnings),
    )


register(
    Preset(
        name="workforce",
        title=N_("Workforce report"),
        summary=N_(
            "Every described characteristic × every described outcome: rates with Wilson intervals, relative "
            "likelihood against a reference group with Katz intervals, χ²/Fisher tests with Benjamini–Hochberg "
            "adjustment across the report, and the pay gaps with quarters — all through disclosure control."
        ),
        needs=("characteristics (at least one)", "outcomes or pay"),
        run=run_workforce,
    )
)
