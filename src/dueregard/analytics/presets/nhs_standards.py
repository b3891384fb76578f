"""The NHS Workforce Race Equality Standard (indicators 1–4 and 9) and Workforce Disability Equality Standard
(metrics 1–3 and 10) as presets.

Definitions (shared/domain/analytics.md): indicator 1 is the share of staff of each group in each pay band
against the whole workforce (clinical and non-clinical separately when the description has a ``clinical`` flag);
2 is the relative likelihood of White applicants being appointed from shortlisting compared with BME applicants;
3 the relative likelihood of BME staff entering the formal disciplinary process compared with White staff; 4 the
relative likelihood of White staff accessing non-mandatory training compared with BME staff; 9 the board's
voting membership share minus the workforce share. WDES mirrors them for disability: metric 2 non-disabled
compared with Disabled applicants, metric 3 Disabled compared with non-disabled staff entering the formal
capability process, metric 10 the board.

Options: ``indicators`` (WRES) or ``metrics`` (WDES), the items to report (a list, or "2,3" from the command
line; default all). ``rolling_average`` (WRES only; true or false, default false): indicator 3 as a two-year
rolling average. The description must then name ``period.column``; the two most recent distinct values of that
column are the two years (the last two in the column's own order: dates and numbers as such, text in natural order,
so "2022-23" comes before "2023-24"), and each group's staff and staff entering the process are summed over the
records of those two years (earlier periods and records without a period are left out). Pooling the counts is our
reading of the rolling average, which analytics.md marks as unconfirmed: it gives the same rates as averaging the
two years' counts, not the average of the two years' rates or ratios. The other indicators are then the latest
year's: they count the records of the latest period only, and the report says so.

Everything is counted in one aggregate query (with ``rolling_average``, one small query for the periods first);
every table goes through disclosure control.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, time
from typing import TYPE_CHECKING, Any

from ..dataset import DatasetDescription
from ..disclosure import DisclosurePolicy
from ..disclosure.symbols import NOT_APPLICABLE
from ..i18n import N_, _, and_list, ngettext
from ..report import Report, ReportSection
from ..results import Cell, Column, ResultTable, TableNotes, label
from ..stats import disparity_table, in_non_adverse_band
from ..stats._common import round_half_up
from ..stats.proportions import proportion
from ._common import (
    STAFF_POLICY,
    Counts,
    Grouping,
    Part,
    add_grouping,
    category,
    count_parts,
    description_name,
    distribution_table,
    flag,
    headline_ratio,
    outcome_counts,
    part_counts,
    percent_text,
    policy_of,
    publish,
    publish_distribution,
    require,
    require_kind,
    unknown_warning,
)
from ._registry import Preset, PresetError, PresetInput, register

if TYPE_CHECKING:
    import ibis.expr.types as ir

STAFF_OUTCOMES = ("disciplinary", "capability", "training", "board")
NON_ADVERSE = N_(
    "A relative likelihood between 0.80 and 1.25 is read as no adverse impact (as WRES reads it; wording unconfirmed)."
)


@dataclass(frozen=True)
class Comparison:
    """One relative-likelihood item: the population (``among``: a measure name, or None for everyone), the
    outcome measure, which group is compared with which, and the words of the headline. The texts are in English,
    marked for translation (``N_``), and translated where they are used."""

    number: int
    heading: str
    among: str | None
    outcome: str
    group: str  # code of the group whose likelihood is stated
    reference: str  # code of the comparator
    headline: (
        str  # "Relative likelihood of White applicants being appointed from shortlisting compared with BME applicants"
    )


@dataclass(frozen=True)
class Texts:
    """The sentences of one standard that name its items ("indicator" or "metric") or its characteristic, whole so
    that a translation can word them its own way (English, marked with ``N_``; translated where used)."""

    item: str  # "Indicator {number}"
    heading: str  # "Indicator {number}: {what}"
    scope: str  # the report's note: which items, and who is left out
    reported: str  # the error when an item the standard does not have is asked for
    unknown_shortlisted: str  # "{count} shortlisted whose ethnicity is not known are not in the ratio."
    unknown_staff: str
    unknown_rolling: str
    board_unknown: str  # "{count} board members' ethnicity is not known."


@dataclass(frozen=True)
class Standard:
    preset: str
    title: str
    texts: Texts
    characteristic: str
    labels: Mapping[str, str]  # code -> label of the two groups
    band_number: int
    board_number: int
    comparisons: tuple[Comparison, ...]
    outcome_roles: Mapping[int, tuple[str, ...]]  # item number -> outcome roles it needs
    detail: Callable[[DatasetDescription], str]
    rolling_number: int | None = None  # the comparison the rolling_average option applies to (WRES indicator 3)


def _ethnicity_detail(description: DatasetDescription) -> str:
    from ..classifications import get_classification

    classification = get_classification(description.characteristic("ethnicity").classification)
    ids = {aggregation.id for aggregation in classification.aggregations}
    if "wres" in ids:
        return "wres"
    if "white-vs-other" in ids:
        return "white-vs-other"
    raise PresetError(
        _(
            "The wres preset compares White and BME staff, but classification {classification} has no White vs other "
            "grouping: use a census ethnicity classification such as ethnicity-ew-2021 for characteristics.ethnicity."
        ).format(classification=repr(classification.id))
    )


WRES = Standard(
    preset="wres",
    title=N_("Workforce Race Equality Standard"),
    texts=Texts(
        item=N_("Indicator {number}"),
        heading=N_("Indicator {number}: {what}"),
        scope=N_(
            "Workforce Race Equality Standard: indicators {items}. People whose ethnicity is not known are left out "
            "of every rate and ratio and counted beside them."
        ),
        reported=N_("The {preset} preset reports indicators {items}; not {unknown}."),
        unknown_shortlisted=N_("{count} shortlisted whose ethnicity is not known are not in the ratio."),
        unknown_staff=N_("{count} staff whose ethnicity is not known are not in the ratio."),
        unknown_rolling=N_("{count} staff records of {periods} whose ethnicity is not known are not in the ratio."),
        board_unknown=N_("{count} board members' ethnicity is not known."),
    ),
    characteristic="ethnicity",
    labels={"white": N_("White"), "bme": N_("BME"), "other_than_white": N_("BME")},
    band_number=1,
    board_number=9,
    comparisons=(
        Comparison(
            2,
            N_("shortlisting to appointment"),
            "shortlisted",
            "appointed",
            group="white",
            reference="bme",
            headline=N_(
                "Relative likelihood of White applicants being appointed from shortlisting compared with BME applicants"
            ),
        ),
        Comparison(
            3,
            N_("entering the formal disciplinary process"),
            None,
            "disciplinary",
            group="bme",
            reference="white",
            headline=N_(
                "Relative likelihood of BME staff entering the formal disciplinary process compared with White staff"
            ),
        ),
        Comparison(
            4,
            N_("accessing non-mandatory training and CPD"),
            None,
            "training",
            group="white",
            reference="bme",
            headline=N_(
                "Relative likelihood of White staff accessing non-mandatory training and CPD compared with BME staff"
            ),
        ),
    ),
    outcome_roles={
        1: ("band",),
        2: ("shortlisted", "appointed"),
        3: ("disciplinary",),
        4: ("training",),
        9: ("board",),
    },
    detail=_ethnicity_detail,
    rolling_number=3,
)

WDES = Standard(
    preset="wdes",
    title=N_("Workforce Disability Equality Standard"),
    texts=Texts(
        item=N_("Metric {number}"),
        heading=N_("Metric {number}: {what}"),
        scope=N_(
            "Workforce Disability Equality Standard: metrics {items}. People whose disability is not known are left "
            "out of every rate and ratio and counted beside them."
        ),
        reported=N_("The {preset} preset reports metrics {items}; not {unknown}."),
        unknown_shortlisted=N_("{count} shortlisted whose disability is not known are not in the ratio."),
        unknown_staff=N_("{count} staff whose disability is not known are not in the ratio."),
        unknown_rolling=N_("{count} staff records of {periods} whose disability is not known are not in the ratio."),
        board_unknown=N_("{count} board members' disability is not known."),
    ),
    characteristic="disability",
    labels={"disabled": N_("Disabled"), "not_disabled": N_("Non-disabled")},
    band_number=1,
    board_number=10,
    comparisons=(
        Comparison(
            2,
            N_("shortlisting to appointment"),
            "shortlisted",
            "appointed",
            group="not_disabled",
            reference="disabled",
            headline=N_(
                "Relative likelihood of non-disabled applicants being appointed from shortlisting compared with "
                "Disabled applicants"
            ),
        ),
        Comparison(
            3,
            N_("entering the formal capability process"),
            None,
            "capability",
            group="disabled",
            reference="not_disabled",
            headline=N_(
                "Relative likelihood of Disabled staff entering the formal capability process compared with "
                "non-disabled staff"
            ),
        ),
    ),
    outcome_roles={1: ("band",), 2: ("shortlisted", "appointed"), 3: ("capability",), 10: ("board",)},
    detail=lambda description: "groups",
)


def _items(standard: Standard, options: Mapping[str, Any]) -> tuple[int, ...]:
    every = tuple(sorted(standard.outcome_roles))
    chosen = options.get("indicators", options.get("metrics"))
    if chosen is None:
        return every
    if isinstance(chosen, int | str):  # from the command line: --option indicators=2 or indicators=2,3
        chosen = [part for part in str(chosen).split(",") if part.strip()]
    try:
        items = tuple(sorted({int(item) for item in chosen}))
    except (TypeError, ValueError):
        raise PresetError(
            _("The {preset} preset's indicators option is a list of numbers, not {chosen}.").format(
                preset=standard.preset, chosen=repr(chosen)
            )
        ) from None
    unknown = [item for item in items if item not in standard.outcome_roles]
    if unknown:
        raise PresetError(
            _(standard.texts.reported).format(
                preset=standard.preset, items=", ".join(map(str, every)), unknown=", ".join(map(str, unknown))
            )
        )
    return items


ROLLING_OPTION = "rolling_average"


@dataclass(frozen=True)
class RollingWindow:
    """The two periods of a two-year rolling average: the most recent two distinct values of ``column`` (oldest
    first, as the engine holds them, and as text), the earlier periods left out, and how many records have no
    period."""

    column: str
    values: tuple[Any, ...]
    labels: tuple[str, ...]
    earlier: tuple[str, ...]
    no_period: int

    @property
    def text(self) -> str:
        """The two periods in prose ("2022-23 and 2023-24"), in the current language."""
        return and_list(self.labels)


def _rolling_requested(standard: Standard, options: Mapping[str, Any], items: Sequence[int]) -> bool:
    """Whether the ``rolling_average`` option is on (true/false, yes/no, 1/0; off when absent)."""
    chosen = options.get(ROLLING_OPTION)
    if chosen is None:
        return False
    words = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}
    if isinstance(chosen, bool):
        wanted = chosen
    elif str(chosen).strip().casefold() in words:
        wanted = words[str(chosen).strip().casefold()]
    else:
        raise PresetError(
            _("The {preset} preset's {option} option is true or false, not {chosen}.").format(
                preset=standard.preset, option=ROLLING_OPTION, chosen=repr(chosen)
            )
        )
    if not wanted:
        return False
    if standard.rolling_number is None:
        raise PresetError(
            _(
                "The {preset} preset has no {option} option: only the wres preset's indicator 3 is given as a "
                "two-year rolling average."
            ).format(preset=standard.preset, option=ROLLING_OPTION)
        )
    if standard.rolling_number not in items:
        # Only WRES has a rolling item, so the message can say "indicator".
        raise PresetError(
            _(
                "The {preset} preset's {option} option applies to indicator {number}, which is not among the chosen "
                "indicators ({items})."
            ).format(
                preset=standard.preset,
                option=ROLLING_OPTION,
                number=standard.rolling_number,
                items=", ".join(map(str, items)),
            )
        )
    return True


def _period_order(value: Any) -> tuple[Any, ...]:
    """Dates and numbers in their own order; text in natural order ("Year 9" before "Year 10")."""
    if isinstance(value, str):
        pieces = re.split(r"(\d+)", value.strip().casefold())
        return (1, tuple((int(piece), "") if piece.isdigit() else (-1, piece) for piece in pieces if piece))
    return (0, value)


def _period_label(value: Any) -> str:
    """A period as a reader writes it: 2024 rather than 2024.0 (a column of years with blanks is read as decimals),
    2024-03-31 rather than 2024-03-31 00:00:00."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value.time() == time() and value.tzinfo is None:
        return value.date().isoformat()
    return str(value)


def _rolling_window(standard: Standard, description: DatasetDescription, table: ir.Table) -> RollingWindow:
    """The two most recent periods of the description's period column (one small query)."""
    period = description.period
    if period is None or period.column is None:
        if period is not None and period.label:
            message = _(
                "The {preset} preset's {option} option needs the dataset description to name period.column, the "
                "column saying which year each record belongs to (it has only the label {label}): add it to "
                "{description}'s YAML, or leave out {option}."
            )
        else:
            message = _(
                "The {preset} preset's {option} option needs the dataset description to name period.column, the "
                "column saying which year each record belongs to: add it to {description}'s YAML, or leave out "
                "{option}."
            )
        raise PresetError(
            message.format(
                preset=standard.preset,
                option=ROLLING_OPTION,
                label=repr(period.label) if period is not None else "",
                description=description_name(description),
            )
        )
    column = period.column
    counted = table.group_by(column).aggregate(_rows=table.count()).to_pyarrow().to_pylist()
    no_period = sum(int(row["_rows"]) for row in counted if row[column] is None)
    values = sorted((row[column] for row in counted if row[column] is not None), key=_period_order)
    if len(values) < 2:
        if values:
            message = _(
                "The {preset} preset's {option} option needs two periods in period.column {column}, but the data hold "
                "only one period ({period}): add the previous year's records, or leave out {option}."
            )
        else:
            message = _(
                "The {preset} preset's {option} option needs two periods in period.column {column}, but the data hold "
                "no period values: add the previous year's records, or leave out {option}."
            )
        raise PresetError(
            message.format(
                preset=standard.preset,
                option=ROLLING_OPTION,
                column=repr(column),
                period=values[0] if values else "",
            )
        )
    return RollingWindow(
        column=column,
        values=tuple(values[-2:]),
        labels=tuple(_period_label(value) for value in values[-2:]),
        earlier=tuple(_period_label(value) for value in values[:-2]),
        no_period=no_period,
    )


def needs_of(standard: Standard, items: Sequence[int]) -> tuple[str, ...]:
    roles = [f"characteristics.{standard.characteristic}"]
    for item in items:
        roles += [f"outcomes.{role}" for role in standard.outcome_roles[item]]
    return tuple(dict.fromkeys(roles))


def run_standard(standard: Standard, data: PresetInput) -> Report:
    description = data.description
    items = _items(standard, data.options)
    require(standard.preset, description, needs_of(standard, items))
    rolling = (
        _rolling_window(standard, description, data.table)
        if _rolling_requested(standard, data.options, items)
        else None
    )
    policy = policy_of(data, STAFF_POLICY)
    steps = len(items) + 1
    table, grouping = add_grouping(
        data.table, description, standard.characteristic, detail=standard.detail(description)
    )
    grouping = replace(
        grouping,
        labels={
            code: _(standard.labels[code]) if code in standard.labels else text
            for code, text in grouping.labels.items()
        },
        reference=None,
    )
    import ibis

    # With an ``in_post`` flag the file can hold applicants as well as staff: the staff items count only staff.
    in_post = next((o for o in description.outcomes if o.name == "in_post"), None)
    staff = flag(table, in_post) if in_post is not None else ibis.literal(1).cast("int64")
    measures: dict[str, Any] = {"staff": staff}
    parts = [Part("groups", grouping.column)]
    outcome_names = {role for item in items for role in standard.outcome_roles[item]} - {"band"}
    for role in sorted(outcome_names):
        measures[role] = flag(table, description.outcome(role))
        if role in STAFF_OUTCOMES:
            measures[role] = measures[role] * staff
    for comparison in standard.comparisons:
        if comparison.number in items and comparison.among is not None:
            measures[f"{comparison.outcome}_among"] = measures[comparison.outcome] * measures[comparison.among]
    rolling_comparison = None
    if rolling is not None:
        # The rolling item's staff and outcome counted again, over the two periods' records only.
        rolling_comparison = next(c for c in standard.comparisons if c.number == standard.rolling_number)
        in_window = table[rolling.column].isin(list(rolling.values)).fill_null(False)
        window = in_window.cast("int64")
        staff_rolling = staff * window
        outcome_rolling = measures[rolling_comparison.outcome] * window
        # Every other item is the latest year's figure: the records of the latest period only.
        latest = (table[rolling.column] == rolling.values[-1]).fill_null(False).cast("int64")
        measures = {name: value * latest for name, value in measures.items()}
        measures["staff_rolling"] = staff_rolling
        measures[f"{rolling_comparison.outcome}_rolling"] = outcome_rolling
    clinical = None
    if standard.band_number in items:
        band = description.outcome("band")
        require_kind(standard.preset, band, "category")
        table = table.mutate(_c_band=category(table, band))
        parts.append(Part("band", grouping.column, "_c_band"))
        if any(outcome.name == "clinical" for outcome in description.outcomes):
            clinical = description.outcome("clinical")
            measures["clinical"] = flag(table, clinical) * staff
    counts = count_parts(table, parts, measures, [grouping])
    records = sum(values["n"] for (part, _g, _c), values in counts.items() if part == "groups")
    data.progress(1, steps, _("counted"))

    sections: list[ReportSection] = []
    done = 1
    for item in items:
        if item == standard.band_number:
            sections.append(_band_section(standard, counts, grouping, policy, clinical=clinical is not None))
        elif item == standard.board_number:
            sections.append(_board_section(standard, counts, grouping, policy))
        else:
            comparison = next(c for c in standard.comparisons if c.number == item)
            window = rolling if comparison is rolling_comparison else None
            sections.append(_comparison_section(standard, comparison, counts, grouping, policy, rolling=window))
        done += 1
        data.progress(done, steps, _(standard.texts.item).format(number=item))
    return Report(
        preset=standard.preset,
        title=_(standard.title),
        dataset=description.name,
        records=records,
        sections=tuple(sections),
        notes=(
            _(standard.texts.scope).format(items=", ".join(map(str, items))),
            *_latest_period_note(standard, rolling, items),
        ),
        warnings=unknown_warning(grouping),
    )


def _latest_period_note(standard: Standard, rolling: RollingWindow | None, items: Sequence[int]) -> tuple[str, ...]:
    """With a rolling average, the other items are the latest year's: say which records they count."""
    others = [item for item in items if item != standard.rolling_number]
    if rolling is None or not others:
        return ()
    left_out = [*rolling.earlier, rolling.labels[0]] + ([_("records with no period")] if rolling.no_period else [])
    # Only WRES has a rolling item, so the note can say "indicator".
    note = ngettext(
        "Only indicator {number} is a two-year rolling average: indicator {items} counts the records of the latest "
        "period, {latest}, only (not those of {left_out}).",
        "Only indicator {number} is a two-year rolling average: indicators {items} count the records of the latest "
        "period, {latest}, only (not those of {left_out}).",
        len(others),
    )
    return (
        note.format(
            number=standard.rolling_number,
            items=and_list(others),
            latest=rolling.labels[-1],
            left_out=and_list(left_out),
        ),
    )


def _heading(standard: Standard, number: int, what: str) -> str:
    """ "Indicator 2: shortlisting to appointment" (``what`` already in the current language)."""
    return _(standard.texts.heading).format(number=number, what=what)


def _band_section(
    standard: Standard, counts: Counts, grouping: Grouping, policy: DisclosurePolicy, *, clinical: bool
) -> ReportSection:
    rows = part_counts(counts, "band")
    number = standard.band_number
    by = grouping.title.lower()
    tables = [
        publish_distribution(
            distribution_table(
                title=_heading(
                    standard, number, _("staff in each pay band by {characteristic}").format(characteristic=by)
                ),
                rows=rows,
                grouping=grouping,
                row_title=_("Pay band"),
                measure="staff",
                total_label=_("Whole workforce"),
            ),
            policy,
        )
    ]
    if clinical:
        for what, total, select in (
            (
                _("clinical staff in each pay band by {characteristic}"),
                _("All clinical staff"),
                lambda values: values["clinical"],
            ),
            (
                _("non-clinical staff in each pay band by {characteristic}"),
                _("All non-clinical staff"),
                lambda values: values["staff"] - values["clinical"],
            ),
        ):
            subset = {key: {"n": select(values)} for key, values in rows.items()}
            tables.append(
                publish_distribution(
                    distribution_table(
                        title=_heading(standard, number, what.format(characteristic=by)),
                        rows=subset,
                        grouping=grouping,
                        row_title=_("Pay band"),
                        total_label=total,
                    ),
                    policy,
                )
            )
    return ReportSection(
        heading=_heading(standard, number, _("staff in each pay band compared with the whole workforce")),
        tables=tuple(tables),
        notes=(
            _(
                "Each group's share of the staff in a pay band (of those whose group is known), to compare with the "
                "whole workforce's share in the last row."
            ),
        ),
    )


def _comparison_section(
    standard: Standard,
    comparison: Comparison,
    counts: Counts,
    grouping: Grouping,
    policy: DisclosurePolicy,
    *,
    rolling: RollingWindow | None = None,
) -> ReportSection:
    rows = part_counts(counts, "groups")
    n_measure = comparison.among or "staff"
    k_measure = f"{comparison.outcome}_among" if comparison.among else comparison.outcome
    if rolling is not None:  # the rolling item is counted among staff (comparison.among is None)
        n_measure, k_measure = "staff_rolling", f"{comparison.outcome}_rolling"
    known, unknown = outcome_counts(rows, grouping, n=n_measure, k=k_measure)
    reference = _(standard.labels[comparison.reference])
    group = _(standard.labels[comparison.group])
    unknown_note = standard.texts.unknown_shortlisted if comparison.among else standard.texts.unknown_staff
    n_label = _("Shortlisted") if comparison.among else _("Staff")
    heading = _heading(standard, comparison.number, _(comparison.heading))
    title = heading
    if rolling is not None:
        title = _("{title} (two-year rolling average)").format(title=heading)
        unknown_note = standard.texts.unknown_rolling
    table = disparity_table(
        title=title,
        counts=known,
        reference=reference,
        unknown=unknown,
        group_label=grouping.title,
    )
    table = _relabel(table, n=n_label, k=_outcome_words(comparison))
    if rolling is not None:
        table = replace(table, notes=_rolling_notes(table.notes, comparison, rolling))
    published = publish(table, policy)
    text, cell = headline_ratio(published, group)
    headline = _(comparison.headline)
    if rolling is not None:
        headline = _("{headline} (two-year rolling average, {periods})").format(headline=headline, periods=rolling.text)
    notes = [_("{headline}: {figure}.").format(headline=headline, figure=text)]
    if cell is not None and isinstance(cell.value, float) and not cell.symbol:
        reading = (
            _("The figure is within the non-adverse band 0.80–1.25.")
            if in_non_adverse_band(cell.value)
            else _("The figure is outside the non-adverse band 0.80–1.25.")
        )
        notes.append(f"{reading} {_(NON_ADVERSE)}")
    if unknown[0]:
        notes.append(_(unknown_note).format(count=unknown[0], periods=rolling.text if rolling is not None else ""))
    return ReportSection(heading=heading, tables=(published,), notes=tuple(notes))


def _rolling_notes(notes: TableNotes, comparison: Comparison, rolling: RollingWindow) -> TableNotes:
    """The rolling average's periods and method on its table, with what was left out."""
    methods = [
        _("Two-year rolling average: {periods}.").format(periods=rolling.text),
        _(
            "The rolling figure pools the two years' counts: each group's staff, and those of them {what}, are summed "
            "over the records of {periods} (someone in post in both years counts in each), and the rates, relative "
            "likelihood, intervals and test are calculated from the sums. Averaging the two years' counts gives the "
            "same rates; averaging the two years' rates or ratios would not. This is our reading: the two-year "
            "rolling average is not confirmed against NHS England's guidance."
        ).format(what=_(comparison.heading), periods=rolling.text),
    ]
    if rolling.earlier:
        methods.append(
            _("Records of earlier periods ({periods}) are not counted here.").format(periods=", ".join(rolling.earlier))
        )
    warnings = []
    if rolling.no_period:
        warnings.append(
            ngettext(
                "{count} record has no period (column {column}) and is not counted here.",
                "{count} records have no period (column {column}) and are not counted here.",
                rolling.no_period,
            ).format(count=rolling.no_period, column=repr(rolling.column))
        )
    return notes.adding(methods=methods, warnings=warnings)


OUTCOME_WORDS = {
    "appointed": N_("Appointed"),
    "disciplinary": N_("Entered formal disciplinary process"),
    "capability": N_("Entered formal capability process"),
    "training": N_("Accessed non-mandatory training"),
}


def _outcome_words(comparison: Comparison) -> str:
    if comparison.outcome in OUTCOME_WORDS:
        return _(OUTCOME_WORDS[comparison.outcome])
    return comparison.outcome.capitalize()


def _relabel(table: ResultTable, *, n: str, k: str) -> ResultTable:
    columns = tuple(Column(c.id, {"n": n, "k": k}.get(c.id, c.label), c.kind, c.comparator) for c in table.columns)
    return ResultTable(table.title, columns, table.rows, table.notes)


def _board_section(standard: Standard, counts: Counts, grouping: Grouping, policy: DisclosurePolicy) -> ReportSection:
    rows = part_counts(counts, "groups")
    board, board_unknown = outcome_counts(rows, grouping, n="board", k="board")
    workforce, workforce_unknown = outcome_counts(rows, grouping, n="staff", k="staff")
    board_known = sum(n for n, _ in board.values())
    workforce_known = sum(n for n, _ in workforce.values())
    body = []
    for text in grouping.labels.values():
        b, w = board[text][0], workforce[text][0]
        b_share, w_share = proportion(k=b, n=board_known), proportion(k=w, n=workforce_known)
        body.append(
            (
                label(text),
                Cell(b, str(b)),
                _share_cell(b_share.estimate, board_known, b_share.low, b_share.high),
                Cell(w, str(w)),
                _share_cell(w_share.estimate, workforce_known, w_share.low, w_share.high),
                _difference_cell(b_share.estimate, w_share.estimate, board_known),
            )
        )
    na = Cell(None, symbol=NOT_APPLICABLE)
    body.append(
        (
            label(_("Unknown")),
            Cell(board_unknown[0], str(board_unknown[0])),
            na,
            Cell(workforce_unknown[0], str(workforce_unknown[0])),
            na,
            na,
        )
    )
    board_total, workforce_total = board_known + board_unknown[0], workforce_known + workforce_unknown[0]
    body.append(
        (
            label(_("Total")),
            Cell(board_total, str(board_total)),
            na,
            Cell(workforce_total, str(workforce_total)),
            na,
            na,
        )
    )
    heading = _heading(standard, standard.board_number, _("board voting membership compared with the workforce"))
    table = ResultTable(
        title=heading,
        columns=(
            Column("group", grouping.title, "label"),
            Column("board", _("Board members"), "count"),
            Column("board_share", _("Board (% of known)"), "rate"),
            Column("workforce", _("Workforce"), "count"),
            Column("workforce_share", _("Workforce (% of known)"), "rate"),
            Column("difference", _("Difference (percentage points)"), "number"),
        ),
        rows=tuple(body),
        notes=TableNotes(
            unknown_count=workforce_unknown[0],
            unknowns_used=False,
            declaration_rate=workforce_known / workforce_total if workforce_total else None,
            methods=(
                _("Difference = board share − workforce share, in percentage points, of those whose group is known."),
                _("Shares with Wilson score 95% intervals."),
            ),
            legend=((NOT_APPLICABLE, _("not applicable")),),
            warnings=(_(standard.texts.board_unknown).format(count=board_unknown[0]),) if board_unknown[0] else (),
        ),
    )
    published = publish(table, policy, total_row=len(body) - 1)
    headlines = []
    for text in grouping.labels.values():
        row = [r[0].text for r in published.rows].index(text)
        cell = published.cell(row, "difference")
        headlines.append(
            _("{group}: {difference} percentage points.").format(group=text, difference=cell.text or NOT_APPLICABLE)
        )
    return ReportSection(
        heading=heading,
        tables=(published,),
        notes=(_("Board share minus workforce share — {figures}").format(figures=" ".join(headlines)),),
    )


def _share_cell(estimate: float | None, denominator: int, low: float | None, high: float | None) -> Cell:
    if estimate is None:
        return Cell(None, symbol=NOT_APPLICABLE, denominator=denominator)
    return Cell(estimate, percent_text(estimate), denominator=denominator, low=low, high=high)


def _difference_cell(board: float | None, workforce: float | None, denominator: int) -> Cell:
    if board is None or workforce is None:
        return Cell(None, symbol=NOT_APPLICABLE, denominator=denominator)
    points = (board - workforce) * 100
    return Cell(points, f"{round_half_up(points, 1):.1f}", denominator=denominator)


register(
    Preset(
        name="wres",
        title=WRES.title,
        summary=N_(
            "NHS Workforce Race Equality Standard indicators 1–4 and 9 (pay bands, appointment from shortlisting, "
            "formal disciplinary, non-mandatory training, board) for White and BME staff; rolling_average=true gives "
            "indicator 3 over the last two periods of period.column."
        ),
        needs=needs_of(WRES, tuple(WRES.outcome_roles)),
        run=lambda data: run_standard(WRES, data),
        needs_for=lambda options: needs_of(WRES, _items(WRES, options)),
    )
)
register(
    Preset(
        name="wdes",
        title=WDES.title,
        summary=N_(
            "NHS Workforce Disability Equality Standard metrics 1–3 and 10 (pay bands, appointment from shortlisting, "
            "formal capability, board) for Disabled and non-disabled staff."
        ),
        needs=needs_of(WDES, tuple(WDES.outcome_roles)),
        run=lambda data: run_standard(WDES, data),
        needs_for=lambda options: needs_of(WDES, _items(WDES, options)),
    )
)
