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

Everything is counted in one aggregate query; every table goes through disclosure control.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..dataset import DatasetDescription
from ..disclosure import DisclosurePolicy
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

STAFF_OUTCOMES = ("disciplinary", "capability", "training", "board")
NON_ADVERSE = (
    "A relative likelihood between 0.80 and 1.25 is read as no adverse impact (as WRES reads it; wording unconfirmed)."
)


@dataclass(frozen=True)
class Comparison:
    """One relative-likelihood item: the population (``among``: a measure name, or None for everyone), the
    outcome measure, which group is compared with which, and the words of the headline."""

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
class Standard:
    preset: str
    title: str
    item_word: str  # "Indicator" or "Metric"
    characteristic: str
    labels: Mapping[str, str]  # code -> label of the two groups
    band_number: int
    board_number: int
    comparisons: tuple[Comparison, ...]
    outcome_roles: Mapping[int, tuple[str, ...]]  # item number -> outcome roles it needs
    detail: Callable[[DatasetDescription], str]


def _ethnicity_detail(description: DatasetDescription) -> str:
    from ..classifications import get_classification

    classification = get_classification(description.characteristic("ethnicity").classification)
    ids = {aggregation.id for aggregation in classification.aggregations}
    if "wres" in ids:
        return "wres"
    if "white-vs-other" in ids:
        return "white-vs-other"
    raise PresetError(
        f"The wres preset compares White and BME staff, but classification {classification.id!r} has no White vs "
        "other grouping: use a census ethnicity classification such as ethnicity-ew-2021 for characteristics.ethnicity."
    )


WRES = Standard(
    preset="wres",
    title="Workforce Race Equality Standard",
    item_word="Indicator",
    characteristic="ethnicity",
    labels={"white": "White", "bme": "BME", "other_than_white": "BME"},
    band_number=1,
    board_number=9,
    comparisons=(
        Comparison(
            2,
            "shortlisting to appointment",
            "shortlisted",
            "appointed",
            group="white",
            reference="bme",
            headline="Relative likelihood of White applicants being appointed from shortlisting compared with BME "
            "applicants",
        ),
        Comparison(
            3,
            "entering the formal disciplinary process",
            None,
            "disciplinary",
            group="bme",
            reference="white",
            headline="Relative likelihood of BME staff entering the formal disciplinary process compared with White "
            "staff",
        ),
        Comparison(
            4,
            "accessing non-mandatory training and CPD",
            None,
            "training",
            group="white",
            reference="bme",
            headline="Relative likelihood of White staff accessing non-mandatory training and CPD compared with BME "
            "staff",
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
)

WDES = Standard(
    preset="wdes",
    title="Workforce Disability Equality Standard",
    item_word="Metric",
    characteristic="disability",
    labels={"disabled": "Disabled", "not_disabled": "Non-disabled"},
    band_number=1,
    board_number=10,
    comparisons=(
        Comparison(
            2,
            "shortlisting to appointment",
            "shortlisted",
            "appointed",
            group="not_disabled",
            reference="disabled",
            headline="Relative likelihood of non-disabled applicants being appointed from shortlisting compared with "
            "Disabled applicants",
        ),
        Comparison(
            3,
            "entering the formal capability process",
            None,
            "capability",
            group="disabled",
            reference="not_disabled",
            headline="Relative likelihood of Disabled staff entering the formal capability process compared with "
            "non-disabled staff",
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
            f"The {standard.preset} preset's indicators option is a list of numbers, not {chosen!r}."
        ) from None
    unknown = [item for item in items if item not in standard.outcome_roles]
    if unknown:
        raise PresetError(
            f"The {standard.preset} preset reports {standard.item_word.lower()}s {', '.join(map(str, every))}; "
            f"not {', '.join(map(str, unknown))}."
        )
    return items


def needs_of(standard: Standard, items: Sequence[int]) -> tuple[str, ...]:
    roles = [f"characteristics.{standard.characteristic}"]
    for item in items:
        roles += [f"outcomes.{role}" for role in standard.outcome_roles[item]]
    return tuple(dict.fromkeys(roles))


def run_standard(standard: Standard, data: PresetInput) -> Report:
    description = data.description
    items = _items(standard, data.options)
    require(standard.preset, description, needs_of(standard, items))
    policy = policy_of(data, STAFF_POLICY)
    steps = len(items) + 1
    table, grouping = add_grouping(
        data.table, description, standard.characteristic, detail=standard.detail(description)
    )
    grouping = replace(
        grouping,
        labels={code: standard.labels.get(code, text) for code, text in grouping.labels.items()},
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
    clinical = None
    if standard.band_number in items:
        band = description.outcome("band")
        require_kind(standard.preset, band, "category")
        table = table.mutate(_c_band=category(table, band))
        parts.append(Part("band", grouping.column, "_c_band"))
        if any(outcome.name == "clinical" for outcome in description.outcomes):
            clinical = description.outcome("clinical")
            measures["clinical"] = flag(table, clinical) * staff
    counts = count_parts(table, parts, measures)
    records = sum(values["n"] for (part, _g, _c), values in counts.items() if part == "groups")
    data.progress(1, steps, "counted")

    sections: list[ReportSection] = []
    done = 1
    for item in items:
        if item == standard.band_number:
            sections.append(_band_section(standard, counts, grouping, policy, clinical=clinical is not None))
        elif item == standard.board_number:
            sections.append(_board_section(standard, counts, grouping, policy))
        else:
            comparison = next(c for c in standard.comparisons if c.number == item)
            sections.append(_comparison_section(standard, comparison, counts, grouping, policy))
        done += 1
        data.progress(done, steps, f"{standard.item_word} {item}")
    return Report(
        preset=standard.preset,
        title=standard.title,
        dataset=description.name,
        records=records,
        sections=tuple(sections),
        notes=(
            f"{standard.title}: {standard.item_word.lower()}s {', '.join(map(str, items))}. People whose "
            f"{standard.characteristic} is not known are left out of every rate and ratio and counted beside them.",
        ),
        warnings=unknown_warning(grouping),
    )


def _heading(standard: Standard, number: int, what: str) -> str:
    return f"{standard.item_word} {number}: {what}"


def _band_section(
    standard: Standard, counts: Counts, grouping: Grouping, policy: DisclosurePolicy, *, clinical: bool
) -> ReportSection:
    rows = part_counts(counts, "band")
    number = standard.band_number
    tables = [
        publish_distribution(
            distribution_table(
                title=f"{standard.item_word} {number}: staff in each pay band by {grouping.title.lower()}",
                rows=rows,
                grouping=grouping,
                row_title="Pay band",
                measure="staff",
                total_label="Whole workforce",
            ),
            policy,
        )
    ]
    if clinical:
        for name, select in (
            ("clinical", lambda values: values["clinical"]),
            ("non-clinical", lambda values: values["staff"] - values["clinical"]),
        ):
            subset = {key: {"n": select(values)} for key, values in rows.items()}
            tables.append(
                publish_distribution(
                    distribution_table(
                        title=f"{standard.item_word} {number}: {name} staff in each pay band by "
                        f"{grouping.title.lower()}",
                        rows=subset,
                        grouping=grouping,
                        row_title="Pay band",
                        total_label=f"All {name} staff",
                    ),
                    policy,
                )
            )
    return ReportSection(
        heading=_heading(standard, number, "staff in each pay band compared with the whole workforce"),
        tables=tuple(tables),
        notes=(
            "Each group's share of the staff in a pay band (of those whose group is known), to compare with the "
            "whole workforce's share in the last row.",
        ),
    )


def _comparison_section(
    standard: Standard, comparison: Comparison, counts: Counts, grouping: Grouping, policy: DisclosurePolicy
) -> ReportSection:
    rows = part_counts(counts, "groups")
    n_measure = comparison.among or "staff"
    k_measure = f"{comparison.outcome}_among" if comparison.among else comparison.outcome
    known, unknown = outcome_counts(rows, grouping, n=n_measure, k=k_measure)
    reference = standard.labels[comparison.reference]
    group = standard.labels[comparison.group]
    population = "shortlisted" if comparison.among else "staff"
    n_label = "Shortlisted" if comparison.among else "Staff"
    table = disparity_table(
        title=f"{standard.item_word} {comparison.number}: {comparison.heading}",
        counts=known,
        reference=reference,
        unknown=unknown,
        group_label=grouping.title,
    )
    table = _relabel(table, n=n_label, k=_outcome_words(comparison))
    published = publish(table, policy)
    text, cell = headline_ratio(published, group)
    notes = [f"{comparison.headline}: {text}."]
    if cell is not None and isinstance(cell.value, float) and not cell.symbol:
        reading = "within" if in_non_adverse_band(cell.value) else "outside"
        notes.append(f"The figure is {reading} the non-adverse band 0.80–1.25. {NON_ADVERSE}")
    if unknown[0]:
        notes.append(f"{unknown[0]} {population} whose {standard.characteristic} is not known are not in the ratio.")
    return ReportSection(
        heading=_heading(standard, comparison.number, comparison.heading), tables=(published,), notes=tuple(notes)
    )


def _outcome_words(comparison: Comparison) -> str:
    return {
        "appointed": "Appointed",
        "disciplinary": "Entered formal disciplinary process",
        "capability": "Entered formal capability process",
        "training": "Accessed non-mandatory training",
    }.get(comparison.outcome, comparison.outcome.capitalize())


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
    na = Cell(None, symbol="N/A")
    body.append(
        (
            label("Unknown"),
            Cell(board_unknown[0], str(board_unknown[0])),
            na,
            Cell(workforce_unknown[0], str(workforce_unknown[0])),
            na,
            na,
        )
    )
    board_total, workforce_total = board_known + board_unknown[0], workforce_known + workforce_unknown[0]
    body.append(
        (label("Total"), Cell(board_total, str(board_total)), na, Cell(workforce_total, str(workforce_total)), na, na)
    )
    table = ResultTable(
        title=f"{standard.item_word} {standard.board_number}: board voting membership compared with the workforce",
        columns=(
            Column("group", grouping.title, "label"),
            Column("board", "Board members", "count"),
            Column("board_share", "Board (% of known)", "rate"),
            Column("workforce", "Workforce", "count"),
            Column("workforce_share", "Workforce (% of known)", "rate"),
            Column("difference", "Difference (percentage points)", "number"),
        ),
        rows=tuple(body),
        notes=TableNotes(
            unknown_count=workforce_unknown[0],
            unknowns_used=False,
            declaration_rate=workforce_known / workforce_total if workforce_total else None,
            methods=(
                "Difference = board share − workforce share, in percentage points, of those whose group is known.",
                "Shares with Wilson score 95% intervals.",
            ),
            legend=(("N/A", "not applicable"),),
            warnings=(f"{board_unknown[0]} board members' {standard.characteristic} is not known.",)
            if board_unknown[0]
            else (),
        ),
    )
    published = publish(table, policy, total_row=len(body) - 1)
    headlines = []
    for text in grouping.labels.values():
        row = [r[0].text for r in published.rows].index(text)
        cell = published.cell(row, "difference")
        headlines.append(f"{text}: {cell.text if cell.text else 'N/A'} percentage points.")
    return ReportSection(
        heading=_heading(standard, standard.board_number, "board voting membership compared with the workforce"),
        tables=(published,),
        notes=("Board share minus workforce share — " + " ".join(headlines),),
    )


def _share_cell(estimate: float | None, denominator: int, low: float | None, high: float | None) -> Cell:
    if estimate is None:
        return Cell(None, symbol="N/A", denominator=denominator)
    return Cell(estimate, percent_text(estimate), denominator=denominator, low=low, high=high)


def _difference_cell(board: float | None, workforce: float | None, denominator: int) -> Cell:
    if board is None or workforce is None:
        return Cell(None, symbol="N/A", denominator=denominator)
    points = (board - workforce) * 100
    return Cell(points, f"{round_half_up(points, 1):.1f}", denominator=denominator)


register(
    Preset(
        name="wres",
        title=WRES.title,
        summary="NHS Workforce Race Equality Standard indicators 1–4 and 9 (pay bands, appointment from "
        "shortlisting, formal disciplinary, non-mandatory training, board) for White and BME staff.",
        needs=needs_of(WRES, tuple(WRES.outcome_roles)),
        run=lambda data: run_standard(WRES, data),
    )
)
register(
    Preset(
        name="wdes",
        title=WDES.title,
        summary="NHS Workforce Disability Equality Standard metrics 1–3 and 10 (pay bands, appointment from "
        "shortlisting, formal capability, board) for Disabled and non-disabled staff.",
        needs=needs_of(WDES, tuple(WDES.outcome_roles)),
        run=lambda data: run_standard(WDES, data),
    )
)
