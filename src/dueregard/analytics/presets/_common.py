"""What the presets share: checking the description has the roles a preset needs, turning characteristic columns
into classified group codes and outcome columns into 0/1 flags on the backend, counting everything a report needs
in ONE aggregate query (a union of small group-bys), and building publishable tables from those counts.

Only small tables of counts come back to Python, whatever the number of records; nothing here loops over rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from ..classifications import (
    UNKNOWN_CODE,
    UNMATCHED_CODE,
    AgeBands,
    age_band,
    get_classification,
    map_values,
    standardise_values,
    value_counts,
    value_counts_of,
)
from ..dataset import DatasetDescription, OutcomeColumn
from ..disclosure import DisclosurePolicy, apply_policy
from ..disclosure.symbols import NOT_APPLICABLE, NOT_COLLECTED, WITHHELD
from ..i18n import N_, _, ngettext
from ..results import Cell, Column, ResultTable, TableNotes, label
from ..stats._common import round_half_up
from ..stats.proportions import proportion
from ._registry import PresetError, PresetInput

if TYPE_CHECKING:
    import ibis.expr.types as ir

UNKNOWN_CODES = (UNKNOWN_CODE, UNMATCHED_CODE)

#: The default publication policy of the presets about people (staff, applicants): counts below 5 withheld, with
#: secondary suppression against the published totals. A preset whose figures the law requires published in full
#: (the gender pay gap) has its own. ``PresetInput.policy`` replaces it.
STAFF_POLICY = DisclosurePolicy(threshold=5)
#: No suppression or rounding; the tables still state their unknown count and legend.
NO_SUPPRESSION = DisclosurePolicy()

#: The comparator used when the options do not name one, per characteristic (codes of the classifications).
DEFAULT_REFERENCES: Mapping[str, tuple[str, ...]] = {
    "ethnicity": ("white_british", "white"),
    "sex": ("male",),
    "disability": ("not_disabled",),
    "sexual_orientation": ("straight",),
    "sexual-orientation": ("straight",),
    "gender_identity": ("same",),
    "gender-identity": ("same",),
    "religion": ("no_religion", "christian"),
}

#: Characteristics tabulated at their classification's group level by default (5 ethnic groups rather than 19).
GROUP_LEVEL_BY_DEFAULT = ("ethnicity", "disability")


def missing_roles(description: DatasetDescription, needs: Iterable[str]) -> list[str]:
    """The needed roles (``characteristics.ethnicity``, ``outcomes.appointed``, ``pay.bonus_pay``) the description
    does not have."""
    characteristics = {c.name for c in description.characteristics}
    outcomes = {o.name for o in description.outcomes}
    pay = description.pay.columns() if description.pay else {}
    missing = []
    for need in needs:
        kind, _, name = need.partition(".")
        present = (
            (kind == "characteristics" and name in characteristics)
            or (kind == "outcomes" and name in outcomes)
            or (kind == "pay" and name in pay)
        )
        if not present:
            missing.append(need)
    return missing


def require(preset: str, description: DatasetDescription, needs: Iterable[str], *, why: str = "") -> None:
    """Raise :class:`PresetError` naming every role the YAML must add."""
    missing = missing_roles(description, needs)
    if missing:
        raise PresetError(
            ngettext(
                "The {preset} preset needs the dataset description to name {roles}{reason}: add it to {description}'s "
                "YAML.",
                "The {preset} preset needs the dataset description to name {roles}{reason}: add them to "
                "{description}'s YAML.",
                len(missing),
            ).format(
                preset=preset,
                roles=", ".join(missing),
                reason=f" ({why})" if why else "",
                description=description_name(description),
            )
        )


def description_name(description: DatasetDescription) -> str:
    """The description's name, or "the description" when it has none (in the current language)."""
    return description.name or _("the description")


def require_kind(preset: str, outcome: OutcomeColumn, kind: str) -> None:
    if outcome.kind != kind:
        raise PresetError(
            _(
                "The {preset} preset reads outcomes.{outcome} as a {kind} column: set outcomes.{outcome}.kind to "
                "{kind} (it is {actual})."
            ).format(preset=preset, outcome=outcome.name, kind=kind, actual=outcome.kind)
        )


def policy_of(data: PresetInput, default: DisclosurePolicy) -> DisclosurePolicy:
    return data.policy if data.policy is not None else default


# --- groups and flags on the backend --------------------------------------------------------------------------


@dataclass(frozen=True)
class Grouping:
    """A characteristic as classified group codes in ``column`` of the prepared table.

    ``labels`` maps each known code to its published label, in published order; ``reference`` is the comparator's
    code (or None); ``unmatched`` lists raw values that matched no category (counted as unknown). ``source`` and
    ``codes`` say where the codes came from, when they were mapped from text: the raw column, and the code of each
    of its values (read as text; None for missing). A query can then group by the raw values, which is cheaper than
    computing the codes row by row, and map the few groups to codes afterwards (see :func:`count_parts`)."""

    name: str
    column: str
    title: str
    labels: dict[str, str]
    reference: str | None
    unmatched: tuple[str, ...] = ()
    source: str | None = None
    codes: Mapping[str | None, str] = field(default_factory=dict)

    def label(self, code: str) -> str:
        return self.labels.get(code, code)

    @property
    def reference_label(self) -> str | None:
        return None if self.reference is None else self.label(self.reference)


def records_title(unit: str) -> str:
    """What the rows are, in a title: "Staff members", "People", "Searches", "Employees"."""
    unit = unit.strip() or "record"
    irregular = {"person": "people", "staff": "staff", "child": "children"}
    words = unit.split()
    last = words[-1].lower()
    if last in irregular:
        plural = irregular[last]
    elif last.endswith(("s", "x", "ch", "sh")):
        plural = last + "es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return " ".join([*words[:-1], plural]).capitalize()


#: The titles of the characteristics that have a classification, to translate with ``_()`` (other names are shown
#: as the description spells them).
CHARACTERISTIC_TITLES: Mapping[str, str] = {
    "age": N_("Age"),
    "disability": N_("Disability"),
    "ethnicity": N_("Ethnicity"),
    "gender_identity": N_("Gender identity"),
    "gender-identity": N_("Gender identity"),
    "religion": N_("Religion"),
    "sex": N_("Sex"),
    "sexual_orientation": N_("Sexual orientation"),
    "sexual-orientation": N_("Sexual orientation"),
}


def characteristic_title(name: str) -> str:
    """A characteristic's name as a title ("Ethnicity"), in the current language when it is a known one."""
    if name in CHARACTERISTIC_TITLES:
        return _(CHARACTERISTIC_TITLES[name])
    return name.replace("_", " ").replace("-", " ").capitalize()


def age_band_label(code: str) -> str:
    """``"16 to 24"`` for the band ``16-24``, ``"65 and over"`` for ``65+`` (in the current language)."""
    if code.endswith("+"):
        return _("{age} and over").format(age=code[:-1])
    low, separator, high = code.partition("-")
    return _("{low} to {high}").format(low=low, high=high) if separator else code


def add_grouping(
    table: ir.Table,
    description: DatasetDescription,
    name: str,
    *,
    detail: str | None = None,
    reference: str | None = None,
    groups: Mapping[str, str] | None = None,
    raw_counts: Sequence[tuple[str | None, int]] | None = None,
) -> tuple[ir.Table, Grouping]:
    """``table`` with a column ``_g_<name>`` of codes for characteristic ``name``, and the :class:`Grouping`.

    ``detail`` is ``"categories"``, ``"groups"`` or an aggregation id of the classification (default: groups for
    ethnicity and disability, categories otherwise). ``groups`` relabels codes. Raw values are matched by the
    engine's distinct values (one small query, or ``raw_counts`` from :func:`distinct_values`); missing and "prefer
    not to say" become ``unknown``."""
    characteristic = description.characteristic(name)
    classification = get_classification(characteristic.classification)
    output = f"_g_{name}"
    source = table[characteristic.column]
    if characteristic.age_bands or (source.type().is_numeric() and classification.characteristic == "age"):
        bands = AgeBands(characteristic.age_bands or (16, 25, 35, 45, 55, 65))
        known = {category.code: category.label for category in classification.categories}
        labels = {code: known.get(code, age_band_label(code)) for code in bands.codes}
        table = table.mutate(**{output: age_band(source.cast("float64"), bands)})
        return table, Grouping(name, output, characteristic_title(name), labels, reference, ())

    level = detail or ("groups" if classification.characteristic in GROUP_LEVEL_BY_DEFAULT else "categories")
    found = raw_counts if raw_counts is not None else value_counts(table, characteristic.column)
    report = standardise_values(found, classification)
    mapping: dict[str | None, str] = dict(report.mapping)
    categories = sorted(classification.categories, key=lambda c: c.order)
    if level == "categories":
        labels = {c.code: c.label for c in categories}
    else:
        try:
            aggregation = classification.aggregation(level)
        except KeyError as error:
            raise PresetError(str(error.args[0])) from None
        group_of = aggregation.group_of()
        mapping = {raw: group_of.get(code, code) for raw, code in mapping.items()}
        if level == "groups":
            labels = {g.code: g.label for g in sorted(classification.groups, key=lambda g: g.order)}
        else:
            labels = {g.code: g.label for g in aggregation.groups}
    if groups:
        labels = {code: groups.get(code, text) for code, text in labels.items()}
    if reference is None:
        reference = next((code for code in DEFAULT_REFERENCES.get(name, ()) if code in labels), None)
    elif reference not in labels:
        by_label = {text.casefold(): code for code, text in labels.items()}
        if reference.casefold() not in by_label:
            raise PresetError(
                _(
                    "The reference group {reference} is not a group of {name} at this level; the groups are: {groups}."
                ).format(reference=repr(reference), name=name, groups=", ".join(labels))
            )
        reference = by_label[reference.casefold()]
    mapped = map_values(table, characteristic.column, mapping)
    if output in mapped.columns:
        mapped = mapped.drop(output)
    table = mapped.rename({output: "__dueregard_code"})
    unmatched = tuple(str(match.value) for match in report.unmatched)
    grouping = Grouping(
        name,
        output,
        characteristic_title(name),
        labels,
        reference,
        unmatched,
        source=characteristic.column,
        codes={raw: mapping.get(raw, UNKNOWN_CODE if raw is None else UNMATCHED_CODE) for raw, _count in found},
    )
    return table, grouping


def distinct_values(table: ir.Table, columns: Sequence[str]) -> dict[str, list[tuple[str | None, int]]]:
    """The distinct values (as text) of several columns with how many rows hold each, in one query."""
    return value_counts_of(table, columns)


def flag(
    table: ir.Table, outcome: OutcomeColumn, values: Sequence[tuple[str | None, int]] | None = None
) -> ir.IntegerValue:
    """1 when the record has the outcome, else 0: booleans as they are, numbers above zero, text in the
    outcome's ``true_values`` (case and surrounding spaces ignored). Missing counts as 0.

    ``values`` are the column's distinct values as text (from :func:`distinct_values`): the words are then matched
    once per distinct value here rather than once per record by the engine."""
    import ibis

    column = table[outcome.column]
    kind = column.type()
    words = sorted({str(word).strip().casefold() for word in outcome.true_values})
    if kind.is_boolean():
        value: ir.BooleanValue = column.fill_null(False)
    elif kind.is_numeric():
        value = column.fill_null(0) > 0
    elif values is not None:
        truthy = sorted({raw for raw, _count in values if raw is not None and raw.strip().casefold() in words})
        text = column.cast("string")
        # One value (the usual "Yes") as an equality: engines evaluate it faster than IN or CASE.
        value = (text == truthy[0] if len(truthy) == 1 else text.isin(truthy)) if truthy else ibis.literal(False)
    else:
        value = column.cast("string").strip().lower().isin(words)
    return value.fill_null(False).cast("int64")


def category(table: ir.Table, outcome: OutcomeColumn) -> ir.StringValue:
    """A category outcome as text; missing becomes "Not recorded" (in the current language)."""
    return table[outcome.column].cast("string").strip().fill_null(_("Not recorded"))


# --- one aggregate query --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """One group-by of the report's query: ``key`` names it, rows are grouped by ``group`` (a column of group codes,
    or None for everyone) and ``category`` (a column of categories, or None)."""

    key: str
    group: str | None
    category: str | None = None


Counts = dict[tuple[str, str, str], dict[str, int]]  # (part key, group code, category) -> measure -> count


def count_parts(
    table: ir.Table,
    parts: Sequence[Part],
    measures: Mapping[str, ir.IntegerValue],
    groupings: Sequence[Grouping] = (),
) -> Counts:
    """Count every part in ONE query and return the counts. Each part counts its rows (measure ``n``) and sums
    every measure (0/1 flags or products of flags).

    The engine scans the records once per distinct category column (once when there are none), grouping by every
    group column of every part at once (a cube of group codes, small however many records there are); each part's
    counts are then the cube's margins, summed in Arrow. The branches go to the engine as one UNION ALL, so Spark
    runs a single job.

    A group column of one of ``groupings`` whose codes were mapped from text (``Grouping.codes``) is grouped by
    its raw values, and the few rows of the cube are mapped to codes here: comparing every record's text with
    every label would cost the engine more than the rest of the query."""
    import ibis
    import pyarrow as pa
    import pyarrow.compute as pc

    names = ["n", *measures]
    prepared = table.mutate(**{f"_m_{name}": expr for name, expr in measures.items()}) if measures else table
    group_columns = list(dict.fromkeys(part.group for part in parts if part.group))
    decoded = {g.column: g for g in groupings if g.source is not None and g.codes and g.column in group_columns}
    group_keys = [
        prepared[decoded[g].source].cast("string").name(g) if g in decoded else prepared[g] for g in group_columns
    ]
    category_columns = list(dict.fromkeys(part.category or "" for part in parts))
    branches = []
    for column in category_columns:
        keyed = prepared.mutate(
            _which=ibis.literal(column),
            _category=prepared[column].cast("string") if column else ibis.literal(""),
        )
        aggregates = {"n": keyed.count()} | {name: keyed[f"_m_{name}"].sum() for name in measures}
        cube = keyed.group_by([*group_keys, "_which", "_category"]).aggregate(**aggregates)
        branches.append(
            cube.select(
                *[cube[g].cast("string").name(g) for g in group_columns],
                cube["_which"],
                cube["_category"],
                *[cube[name].cast("int64").name(name) for name in names],
            )
        )
    query = branches[0] if len(branches) == 1 else ibis.union(*branches, distinct=False)
    cube_rows = query.to_pyarrow()
    for column, grouping in decoded.items():
        codes = grouping.codes
        raw_values = cube_rows[column].to_pylist()
        mapped = [codes.get(raw, UNKNOWN_CODE if raw is None else UNMATCHED_CODE) for raw in raw_values]
        cube_rows = cube_rows.set_column(
            cube_rows.schema.get_field_index(column), column, pa.array(mapped, pa.string())
        )
    counts: Counts = {}
    for part in parts:
        rows = cube_rows.filter(pc.equal(cube_rows["_which"], part.category or ""))
        keys = [part.group, "_category"] if part.group else ["_category"]
        margins = rows.group_by(keys).aggregate([(name, "sum") for name in names])
        for row in margins.to_pylist():
            group = str(row[part.group]) if part.group else "all"
            key = (part.key, group, str(row["_category"]))
            counts[key] = {name: int(row[f"{name}_sum"] or 0) for name in names}
    return counts


def part_counts(counts: Counts, key: str) -> dict[tuple[str, str], dict[str, int]]:
    """The rows of one part: (group, category) -> measures."""
    return {(group, cat): values for (part, group, cat), values in counts.items() if part == key}


# --- tables ---------------------------------------------------------------------------------------------------


def percent_text(value: float) -> str:
    return f"{round_half_up(value * 100, 1):.1f}%"


def ratio_text(value: float) -> str:
    return f"{round_half_up(value, 2):.2f}"


def publish(table: ResultTable, policy: DisclosurePolicy, **margins: Any) -> ResultTable:
    """``table`` through disclosure control: the policy with this table's margins (``row_total_column``,
    ``total_row``, ``count_columns``)."""
    return apply_policy(table, policy=replace(policy, **margins) if margins else policy)


def unknown_warning(grouping: Grouping) -> tuple[str, ...]:
    if not grouping.unmatched:
        return ()
    shown = ", ".join(repr(value) for value in grouping.unmatched[:5])
    if len(grouping.unmatched) > 5:
        text = _(
            "Values of {name} that match no category of its classification ({values} and others) are counted as "
            "unknown; correct them or the description's classification."
        )
    else:
        text = _(
            "Values of {name} that match no category of its classification ({values}) are counted as unknown; "
            "correct them or the description's classification."
        )
    return (text.format(name=grouping.name, values=shown),)


def outcome_counts(
    rows: Mapping[tuple[str, str], Mapping[str, int]], grouping: Grouping, *, n: str, k: str
) -> tuple[dict[str, tuple[int, int]], tuple[int, int]]:
    """{group label: (n, k)} over known groups (every group of the classification, 0 when absent) and the
    (n, k) of records whose group is unknown."""
    known: dict[str, tuple[int, int]] = {}
    unknown = [0, 0]
    by_group: dict[str, list[int]] = {}
    for (group, _cat), values in rows.items():
        tally = by_group.setdefault(group, [0, 0])
        tally[0] += values[n]
        tally[1] += values[k]
    for group, (count, with_outcome) in by_group.items():
        if group in UNKNOWN_CODES or group not in grouping.labels:
            unknown[0] += count
            unknown[1] += with_outcome
    for code, text in grouping.labels.items():
        count, with_outcome = by_group.get(code, [0, 0])
        known[text] = (count, with_outcome)
    return known, (unknown[0], unknown[1])


def distribution_table(
    *,
    title: str,
    rows: Mapping[tuple[str, str], Mapping[str, int]],
    grouping: Grouping,
    row_title: str,
    measure: str = "n",
    categories: Sequence[str] | None = None,
    total_label: str | None = None,
    groups: Sequence[str] | None = None,
) -> ResultTable:
    """Counts of ``measure`` by category (rows) and group (columns), with an Unknown column, a Total column, a
    total row (``total_label``, default "All") and each known group's share of the row's known total (Wilson
    interval). The grid is ready for secondary suppression: see :func:`publish_distribution`."""
    codes = list(groups) if groups is not None else list(grouping.labels)
    grid: dict[str, dict[str, int]] = {}
    for (group, cat), values in rows.items():
        column = group if group in codes else "_unknown"
        cell = grid.setdefault(cat, {})
        cell[column] = cell.get(column, 0) + values[measure]
    if categories is not None:
        order = list(categories)
    else:  # categories nobody in the population is in (applicants' blank band) are left out
        order = sorted((name for name, values in grid.items() if any(values.values())), key=_category_order)
    columns = [Column("category", row_title, "label")]
    columns += [Column(f"n_{code}", grouping.label(code), "count") for code in codes]
    columns += [Column("n_unknown", _("Unknown"), "count"), Column("n_total", _("Total"), "count")]
    columns += [
        Column(f"pct_{code}", _("{group} (% of known)").format(group=grouping.label(code)), "rate") for code in codes
    ]

    def row_cells(name: str, values: Mapping[str, int]) -> tuple[Cell, ...]:
        counts = [values.get(code, 0) for code in codes]
        unknown = values.get("_unknown", 0)
        known = sum(counts)
        cells = [label(name), *(Cell(c, str(c)) for c in counts), Cell(unknown, str(unknown))]
        cells.append(Cell(known + unknown, str(known + unknown)))
        for count in counts:
            share = proportion(k=count, n=known)
            if share.estimate is None:
                cells.append(Cell(None, symbol=NOT_APPLICABLE, denominator=known))
            else:
                cells.append(
                    Cell(
                        share.estimate, percent_text(share.estimate), denominator=known, low=share.low, high=share.high
                    )
                )
        return tuple(cells)

    body = [row_cells(name, grid.get(name, {})) for name in order]
    totals: dict[str, int] = {}
    for values in grid.values():
        for column, count in values.items():
            totals[column] = totals.get(column, 0) + count
    body.append(row_cells(_("All") if total_label is None else total_label, totals))
    unknown_total = totals.get("_unknown", 0)
    everyone = sum(totals.values())
    symbols = {cell.symbol for row in body for cell in row if cell.symbol}
    return ResultTable(
        title=title,
        columns=tuple(columns),
        rows=tuple(body),
        notes=TableNotes(
            unknown_count=unknown_total,
            unknowns_used=False,
            declaration_rate=(everyone - unknown_total) / everyone if everyone else None,
            methods=(_("Shares are of the people whose group is known, with Wilson score 95% intervals."),),
            legend=((NOT_APPLICABLE, _("not applicable")),) if NOT_APPLICABLE in symbols else (),
            warnings=unknown_warning(grouping),
        ),
    )


def publish_distribution(table: ResultTable, policy: DisclosurePolicy) -> ResultTable:
    return publish(table, policy, row_total_column="n_total", total_row=len(table.rows) - 1)


def _category_order(name: str) -> tuple[bool, tuple[tuple[int, str], ...]]:
    """Natural order ("Band 2" before "Band 10"), with Other, Not recorded and Unknown last (in English or the
    current language)."""
    lowered = name.casefold()
    pieces = tuple(
        (int(piece), "") if piece.isdigit() else (-1, piece) for piece in re.split(r"(\d+)", lowered) if piece
    )
    last = ("other", "not recorded", "unknown", _("Not recorded").casefold(), _("Unknown").casefold())
    return (lowered.startswith(last), pieces)


def composition_table(
    *, title: str, rows: Mapping[tuple[str, str], Mapping[str, int]], grouping: Grouping, measure: str = "n"
) -> ResultTable:
    """One column of counts by group (every group of the classification, then Unknown), a total row, and each
    known group's share of the known total with its Wilson interval."""
    by_group: dict[str, int] = {}
    for (group, _cat), values in rows.items():
        key = group if group in grouping.labels else "_unknown"
        by_group[key] = by_group.get(key, 0) + values[measure]
    known = sum(count for code, count in by_group.items() if code != "_unknown")
    unknown = by_group.get("_unknown", 0)
    body = []
    for code, text in grouping.labels.items():
        count = by_group.get(code, 0)
        share = proportion(k=count, n=known)
        share_cell = (
            Cell(None, symbol=NOT_APPLICABLE, denominator=known)
            if share.estimate is None
            else Cell(share.estimate, percent_text(share.estimate), denominator=known, low=share.low, high=share.high)
        )
        body.append((label(text), Cell(count, str(count)), share_cell))
    body.append((label(_("Unknown")), Cell(unknown, str(unknown)), Cell(None, symbol=NOT_APPLICABLE)))
    body.append((label(_("Total")), Cell(known + unknown, str(known + unknown)), Cell(None, symbol=NOT_APPLICABLE)))
    total = known + unknown
    return ResultTable(
        title=title,
        columns=(
            Column("group", grouping.title, "label"),
            Column("n", _("People"), "count"),
            Column("share", _("Share of known"), "rate"),
        ),
        rows=tuple(body),
        notes=TableNotes(
            unknown_count=unknown,
            unknowns_used=False,
            declaration_rate=known / total if total else None,
            methods=(_("Shares are of the people whose group is known, with Wilson score 95% intervals."),),
            legend=((NOT_APPLICABLE, _("not applicable")),),
            warnings=unknown_warning(grouping),
        ),
    )


def publish_composition(table: ResultTable, policy: DisclosurePolicy) -> ResultTable:
    return publish(table, policy, total_row=len(table.rows) - 1)


def not_collected_table(title: str, items: Sequence[tuple[str, str]]) -> ResultTable:
    """The items a duty lists that the dataset does not describe: each with the YAML key that would add it, shown
    as ``-`` (not collected)."""
    rows = tuple((label(what), Cell(None, symbol=NOT_COLLECTED), Cell(key, key)) for what, key in items)
    return ResultTable(
        title=title,
        columns=(
            Column("item", _("Information"), "label"),
            Column("figure", _("Figure"), "number"),
            Column("key", _("Add to the description"), "text"),
        ),
        rows=rows,
        notes=TableNotes(unknown_count=0, unknowns_used=False, legend=((NOT_COLLECTED, _("not collected")),)),
    )


def first_cell_text(table: ResultTable, row_label: str, column: str) -> str:
    """What a reader sees in ``column`` of the row labelled ``row_label`` ("" when there is no such row)."""
    labels = [row[0].text for row in table.rows]
    if row_label not in labels:
        return ""
    return table.cell(labels.index(row_label), column).text


def headline_ratio(table: ResultTable, row_label: str) -> tuple[str, Cell | None]:
    """The relative likelihood cell of one row, and its text with the interval ("1.50 (95% CI 1.23 to 1.83)"), in
    the current language."""
    labels = [row[0].text for row in table.rows]
    if row_label not in labels:
        return _("not calculable"), None
    cell = table.cell(labels.index(row_label), "relative_likelihood")
    if cell.symbol == WITHHELD:
        return _("withheld to protect confidentiality"), cell
    if cell.value is None:
        return _("not calculable"), cell
    ratio = cell.display.split(" ")[0]
    if cell.low is None or cell.high is None:
        return ratio, cell
    return _("{ratio} (95% CI {low} to {high})").format(
        ratio=ratio, low=f"{cell.low:.2f}", high=f"{cell.high:.2f}"
    ), cell


def as_int(value: Any) -> int:
    return int(value or 0)
