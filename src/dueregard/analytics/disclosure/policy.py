"""Applying a disclosure policy to a :class:`~dueregard.analytics.results.ResultTable`.

A policy combines primary suppression below a threshold, secondary suppression against the published totals,
and a rounding rule set (none, HESA, Ofqual). :func:`apply_policy` returns a new table in which

* every hidden count has no value and the symbol ``!``; so has every figure derived from a hidden count in the
  same row (a rate or ratio beside a published denominator would give the count back), and every rate whose
  denominator is below the threshold;
* figures that compare rows are withheld where they would give a hidden row back. A ``ratio`` or ``p_value``
  column whose :attr:`~dueregard.analytics.results.Column.comparator` is ``"reference"`` (relative likelihood
  against the table's reference group) is withheld in every row when the reference row has a withheld count,
  because any other row's ratio with its published rate gives the reference's rate back. Any other comparison
  column (``"highest"``: the impact ratio against the highest rate) is withheld in every row as soon as any row
  has a withheld count: which row is highest is chosen by the data, so even *whether* the column is withheld
  would say something (a column withheld only when the small group is highest tells that its rate is the
  highest). The test of the whole table (``notes.tests``) is dropped when any count is withheld or changed by
  rounding: a statistic computed from every exact count, with the published cells, can give them back; so are
  the warnings about a row with a withheld count (they begin with the row's label: "Asian: nobody ...");
* with ``unreliable_below``, rates and percentages over fewer people show ``?`` (unreliable, small sample);
* counts (and the denominators cells carry) are rounded by the rule set; under HESA, percentages with a
  denominator below 22.5 and averages of 7 or fewer people are withheld; under Ofqual, 1–4 becomes "fewer than 5";
  percentages and intervals stay as computed from the unrounded counts (both rule sets say so);
* the notes say how many records had an unknown value and whether they were used (the policy refuses a table
  that does not say), list the rules applied, and carry the legend of every symbol in the table.

Which cells form the grid of counts: the columns of kind ``count`` (or ``count_columns``), less the row-total
column; every row except the total row. Row totals are published when ``row_total_column`` is given, column
totals when ``total_row`` is; secondary suppression protects against whichever are published.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from dueregard.analytics.disclosure.rounding import (
    HESA_AVERAGE_MAX_SUPPRESSED,
    HESA_PERCENT_MIN_DENOMINATOR,
    RULE_SETS,
    RuleSet,
    hesa_count,
    hesa_shows_average,
    hesa_shows_percentage,
    ofqual_count,
)
from dueregard.analytics.disclosure.suppression import Position, primary_suppression, secondary_suppression
from dueregard.analytics.disclosure.symbols import FEWER_THAN_5, ROUNDS_TO_ZERO, UNRELIABLE, WITHHELD, legend_for
from dueregard.analytics.i18n import _
from dueregard.analytics.results import Cell, Column, ResultTable

DERIVED_KINDS = frozenset({"rate", "percent", "ratio", "number", "p_value"})


@dataclass(frozen=True)
class DisclosurePolicy:
    """What to apply.

    ``threshold``: counts below it are withheld (None: no suppression); ``secondary``: protect them against the
    published totals; ``hide_zeros``: withhold true zeros too; ``rounding``: the rule set; ``mark_rounded_zeros``:
    under HESA, a count that rounds to 0 but is not 0 shows ``~0``; ``unreliable_below``: a rate or percentage
    whose denominator is below this shows ``?`` (unreliable, small sample) in place of the figure, which stays
    in the cell's value because it is not confidential; ``count_columns``: the columns of counts (default: every
    column of kind ``count``); ``row_total_column`` / ``total_row``: the published margins; ``average_columns``:
    columns of averages (HESA rule)."""

    threshold: int | None = None
    rounding: RuleSet = "none"
    secondary: bool = True
    hide_zeros: bool = False
    mark_rounded_zeros: bool = False
    unreliable_below: int | None = None
    count_columns: tuple[str, ...] | None = None
    row_total_column: str | None = None
    total_row: int | None = None
    average_columns: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.rounding not in RULE_SETS:
            raise ValueError(f"rounding must be one of {RULE_SETS}, got {self.rounding!r}.")
        if self.threshold is not None and self.threshold < 1:
            raise ValueError("threshold must be 1 or more (or None for no suppression).")
        if self.unreliable_below is not None and self.unreliable_below < 1:
            raise ValueError("unreliable_below must be 1 or more (or None).")

    def to_dict(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold,
            "rounding": self.rounding,
            "secondary": self.secondary,
            "hide_zeros": self.hide_zeros,
            "mark_rounded_zeros": self.mark_rounded_zeros,
            "unreliable_below": self.unreliable_below,
            "count_columns": None if self.count_columns is None else list(self.count_columns),
            "row_total_column": self.row_total_column,
            "total_row": self.total_row,
            "average_columns": list(self.average_columns),
        }


def _withheld() -> Cell:
    return Cell(value=None, symbol=WITHHELD)


def _count_value(table: ResultTable, row: int, column: str) -> int:
    value = table.cell(row, column).value
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(
            f"Table {table.title!r}: the count in row {row + 1}, column {column!r} is {value!r}, not a count."
        )
    return value


def _round_count(value: int, policy: DisclosurePolicy) -> Cell:
    if policy.rounding == "hesa":
        rounded = hesa_count(value)
        if policy.mark_rounded_zeros and rounded == 0 and value > 0:
            return Cell(value=0, display="0", symbol=ROUNDS_TO_ZERO)
        return Cell(value=rounded, display=str(rounded))
    if policy.rounding == "ofqual":
        shown = ofqual_count(value)
        if shown is None:
            return Cell(value=None, symbol=FEWER_THAN_5)
        return Cell(value=shown, display=str(shown))
    return Cell(value=value, display=str(value))


def _round_plain(value: int, policy: DisclosurePolicy) -> int:
    if policy.rounding == "hesa":
        return hesa_count(value)
    if policy.rounding == "ofqual":
        return 0 if value == 0 else max(5, hesa_count(value))
    return value


def apply_policy(
    table: ResultTable,
    *,
    policy: DisclosurePolicy,
    unknown_count: int | None = None,
    unknowns_used: bool | None = None,
) -> ResultTable:
    """``table`` made safe to publish under ``policy`` (see the module documentation)."""
    unknown = table.notes.unknown_count if unknown_count is None else unknown_count
    used = table.notes.unknowns_used if unknowns_used is None else unknowns_used
    if unknown is None or used is None:
        raise ValueError(
            f"Table {table.title!r}: say how many records had an unknown value and whether they were used "
            "(unknown_count and unknowns_used) before publishing it."
        )
    count_ids = policy.count_columns or tuple(c.id for c in table.columns if c.kind == "count")
    for column_id in (*count_ids, *policy.average_columns):
        table.index_of(column_id)  # a KeyError names a missing column
    if policy.row_total_column is not None and policy.row_total_column not in count_ids:
        raise ValueError(f"The row-total column {policy.row_total_column!r} must be one of the count columns.")
    if policy.total_row is not None and not 0 <= policy.total_row < len(table.rows):
        raise ValueError(f"total_row {policy.total_row} is not a row of the table.")
    grid_columns = [c for c in count_ids if c != policy.row_total_column]
    body_rows = [r for r in range(len(table.rows)) if r != policy.total_row]

    hidden: set[tuple[int, str]] = set()
    disclosure: list[str] = []
    if policy.threshold is not None:
        grid = [[_count_value(table, r, c) for c in grid_columns] for r in body_rows]
        primary = primary_suppression(grid, threshold=policy.threshold, hide_zeros=policy.hide_zeros)
        below = (
            _("Counts below {threshold} are withheld ({symbol}).")
            if policy.hide_zeros
            else _("Counts below {threshold} (other than 0) are withheld ({symbol}).")
        )
        disclosure.append(below.format(threshold=policy.threshold, symbol=WITHHELD))
        positions: frozenset[Position] = primary
        if policy.secondary and (policy.row_total_column is not None or policy.total_row is not None):
            result = secondary_suppression(
                grid,
                primary,
                row_totals=policy.row_total_column is not None,
                column_totals=policy.total_row is not None,
            )
            positions = result.hidden
            if result.secondary:
                disclosure.append(
                    _("Further counts are withheld so that no withheld count can be worked out from totals.")
                )
            for r in result.withheld_row_totals:
                hidden.add((body_rows[r], policy.row_total_column or ""))
            for c in result.withheld_column_totals:
                hidden.add((policy.total_row if policy.total_row is not None else -1, grid_columns[c]))
            both_margins = policy.row_total_column is not None and policy.total_row is not None
            if both_margins and (result.withheld_row_totals or result.withheld_column_totals):
                # The grand total would give a withheld total back (grand total − the published ones).
                hidden.add((policy.total_row if policy.total_row is not None else -1, policy.row_total_column or ""))
        hidden |= {(body_rows[r], grid_columns[c]) for r, c in positions}

    hidden_rows = frozenset(r for r in range(len(table.rows)) if any((r, c) in hidden for c in count_ids))
    context = _Context(
        table=table,
        policy=policy,
        hidden=frozenset(hidden),
        hidden_rows=hidden_rows,
        count_ids=count_ids,
        withheld_columns=_comparison_columns_to_withhold(table, hidden_rows),
    )
    if context.withheld_columns:
        disclosure.append(
            _("Ratios or p-values that compare groups are withheld where they would give a withheld count back.")
        )
    new_rows = tuple(
        tuple(
            _publish_cell(context, row=r, column=column, cell=cell)
            for column, cell in zip(table.columns, row, strict=True)
        )
        for r, row in enumerate(table.rows)
    )
    counts_changed = bool(hidden) or any(
        _round_plain(_count_value(table, r, c), policy) != _count_value(table, r, c)
        for r in range(len(table.rows))
        for c in count_ids
        if table.cell(r, c).value is not None
    )
    warnings = _warnings_without_hidden_rows(table, hidden_rows)
    if hidden_rows:
        # Said whenever a row is withheld, not only when a warning was dropped, which would itself tell something.
        disclosure.append(_("Warnings about groups with withheld counts are not shown."))
    tests = table.notes.tests
    if tests and counts_changed:
        tests = ()
        disclosure.append(
            _(
                "The test of the whole table is not shown: computed from the exact counts, it could give a withheld "
                "or rounded count back."
            )
        )

    if policy.rounding == "hesa":
        disclosure.append(
            _(
                "Counts are rounded to the nearest 5 (0, 1 and 2 to 0; halves up) (HESA); percentages with a "
                "denominator below {denominator} and averages of {people} or fewer people are withheld; percentages "
                "are calculated from unrounded numbers."
            ).format(denominator=f"{HESA_PERCENT_MIN_DENOMINATOR:g}", people=HESA_AVERAGE_MAX_SUPPRESSED)
        )
        unknown = hesa_count(unknown)
    elif policy.rounding == "ofqual":
        disclosure.append(
            _(
                "Counts are rounded to the nearest 5; 1 to 4 is shown as “{symbol}” and a true zero as 0 (Ofqual); "
                "totals and percentages are calculated from unrounded values."
            ).format(symbol=FEWER_THAN_5)
        )
        unknown = _round_plain(unknown, policy)
    rounded = policy.rounding != "none"
    if used:
        unknown_note = (
            _("{count} (rounded) records had an unknown value; they were used in these figures.")
            if rounded
            else _("{count} records had an unknown value; they were used in these figures.")
        )
    else:
        unknown_note = (
            _("{count} (rounded) records had an unknown value; they were not used in these figures.")
            if rounded
            else _("{count} records had an unknown value; they were not used in these figures.")
        )
    disclosure.append(unknown_note.format(count=unknown))
    published = replace(table, rows=new_rows)
    notes = replace(table.notes, unknown_count=unknown, unknowns_used=used, tests=tests, warnings=warnings)
    notes = notes.adding(disclosure=disclosure)
    # The legend lists the symbols the published table uses, and only those: an entry for a symbol that was
    # withheld away (an "N/A" in a withheld row) would say it had been there.
    symbols = published.symbols_used()
    notes = replace(notes, legend=tuple(entry for entry in notes.legend if entry[0] in symbols))
    notes = notes.with_legend(legend_for(symbols))
    return replace(published, notes=notes)


@dataclass(frozen=True)
class _Context:
    """What deciding one cell needs: the table, the policy, the hidden (row, column id) positions, the rows with a
    hidden count, the count columns, and the comparison columns withheld in every row."""

    table: ResultTable
    policy: DisclosurePolicy
    hidden: frozenset[tuple[int, str]]
    hidden_rows: frozenset[int]
    count_ids: tuple[str, ...]
    withheld_columns: frozenset[str]


def _comparison_columns_to_withhold(table: ResultTable, hidden_rows: frozenset[int]) -> frozenset[str]:
    """Ratio and p-value columns that would give a hidden row back (see the module documentation)."""
    if not hidden_rows:
        return frozenset()
    labels = [column.id for column in table.columns if column.kind == "label"]
    reference_rows = {
        r
        for r in range(len(table.rows))
        if labels
        and table.notes.reference_group is not None
        and table.cell(r, labels[0]).text == table.notes.reference_group
    }
    out: set[str] = set()
    for column in table.columns:
        if column.kind not in {"ratio", "p_value"}:
            continue
        if column.comparator == "reference" and reference_rows and not reference_rows & hidden_rows:
            continue  # compared only with a published reference row, fixed before the data were seen
        out.add(column.id)
    return frozenset(out)


def _warnings_without_hidden_rows(table: ResultTable, hidden_rows: frozenset[int]) -> tuple[str, ...]:
    """The table's warnings less those about a row with a hidden count. A warning about one row begins with the
    row's label and a colon (``"Asian: ..."``), as :func:`~dueregard.analytics.stats.disparity_table` writes them;
    such a warning can say what the count is (nobody had the outcome)."""
    labels = [column.id for column in table.columns if column.kind == "label"]
    if not labels or not hidden_rows:
        return table.notes.warnings
    prefixes = tuple(f"{table.cell(r, labels[0]).text}:" for r in hidden_rows)
    return tuple(warning for warning in table.notes.warnings if not warning.startswith(prefixes))


def _publish_cell(context: _Context, *, row: int, column: Column, cell: Cell) -> Cell:
    table, policy = context.table, context.policy
    if (row, column.id) in context.hidden:
        return _withheld()
    if column.id in context.count_ids:
        if cell.value is None:
            return cell
        return _round_count(_count_value(table, row, column.id), policy)
    if column.kind not in DERIVED_KINDS and column.id not in policy.average_columns:
        return cell
    # Before passing a symbol through: "N/A" in a row with a hidden count can say the count is 0.
    if row in context.hidden_rows or column.id in context.withheld_columns:
        return _withheld()
    if cell.value is None and cell.symbol:
        return cell
    denominator = cell.denominator
    if policy.threshold is not None and denominator is not None and 0 < denominator < policy.threshold:
        return _withheld()
    if policy.rounding == "hesa":
        if column.id in policy.average_columns:
            if denominator is None:
                raise ValueError(f"The average in row {row + 1}, column {column.id!r} needs its number of people.")
            if not hesa_shows_average(denominator):
                return _withheld()
        elif column.kind in {"rate", "percent"}:
            if denominator is None:
                raise ValueError(f"The percentage in row {row + 1}, column {column.id!r} needs its denominator.")
            if not hesa_shows_percentage(denominator):
                return _withheld()
    if policy.rounding != "none" and denominator is not None:
        cell = replace(cell, denominator=_round_plain(denominator, policy))
    small = policy.unreliable_below is not None and denominator is not None and denominator < policy.unreliable_below
    if small and column.kind in {"rate", "percent"}:
        return replace(cell, symbol=UNRELIABLE)
    return cell
