"""One outcome by group as a :class:`~dueregard.analytics.results.ResultTable`: each group's count, rate with its
Wilson interval, relative likelihood against the reference group with its Katz interval, and the four-fifths
impact ratio; the notes carry the reference group, the unknowns, the declaration rate, the methods, and (in
``notes.tests``) the test of the whole table (χ² or Fisher by the rule).

Display strings: rates as percentages to one decimal place, ratios to two decimal places (half up); the values are
never rounded. Not calculable figures have no value and the symbol ``N/A``, with the reason in the cell's note.
"""

from __future__ import annotations

from collections.abc import Mapping

from dueregard.analytics.i18n import _
from dueregard.analytics.results import Cell, Column, ResultTable, TableNotes, label
from dueregard.analytics.stats._common import round_half_up
from dueregard.analytics.stats.contingency import association_test
from dueregard.analytics.stats.impact import FOUR_FIFTHS, impact_ratios
from dueregard.analytics.stats.p_values import p_value_text
from dueregard.analytics.stats.proportions import proportion
from dueregard.analytics.stats.ratios import ZeroCells, rate_ratio

NOT_APPLICABLE = "N/A"


def _percent(value: float) -> str:
    return f"{round_half_up(value * 100, 1):.1f}%"


def _ratio(value: float) -> str:
    return f"{round_half_up(value, 2):.2f}"


def disparity_table(
    *,
    title: str,
    counts: Mapping[str, tuple[int, int]],
    reference: str,
    unknown: tuple[int, int] = (0, 0),
    group_label: str | None = None,
    confidence: float = 0.95,
    zero_cells: ZeroCells = "not_calculable",
    impact_threshold: float = FOUR_FIFTHS,
) -> ResultTable:
    """``counts`` maps each group to (n, k): n people, k of whom had the outcome; ``unknown`` is (n, k) for people
    whose characteristic was not known — reported, never used. Rows are sorted by group name. ``group_label`` heads
    the column of groups ("Group" in the current language by default); every other text is in the current
    language."""
    if reference not in counts:
        raise KeyError(f"The reference group {reference!r} is not among the groups.")
    k_ref = counts[reference][1]
    n_ref = counts[reference][0]
    rates = {group: k / n for group, (n, k) in counts.items() if n > 0}
    impacts = {item.group: item for item in impact_ratios(rates, threshold=impact_threshold)}
    rows = []
    for group in sorted(counts):
        n, k = counts[group]
        share = proportion(k=k, n=n, confidence=confidence)
        rate_cell = (
            Cell(value=None, symbol=NOT_APPLICABLE, denominator=n)
            if share.estimate is None
            else Cell(share.estimate, _percent(share.estimate), denominator=n, low=share.low, high=share.high)
        )
        if group == reference:
            ratio_cell = Cell(1.0, _("{ratio} (reference)").format(ratio="1.00"))
        else:
            ratio = rate_ratio(
                k_group=k, n_group=n, k_reference=k_ref, n_reference=n_ref, confidence=confidence, zero_cells=zero_cells
            )
            # Why a ratio is not calculable, or was corrected, is said on its cell: it can tell a count (0), so it
            # must go wherever disclosure control withholds the cell.
            if ratio.ratio is None:
                ratio_cell = Cell(value=None, symbol=NOT_APPLICABLE, note=ratio.note)
            else:
                note = ratio.note if ratio.state == "haldane" else ""
                ratio_cell = Cell(ratio.ratio, _ratio(ratio.ratio), low=ratio.low, high=ratio.high, note=note)
        impact = impacts.get(group)
        if impact is None or impact.ratio is None:
            impact_cell = Cell(value=None, symbol=NOT_APPLICABLE)
        else:
            shown = _ratio(impact.ratio)
            if impact.flagged:
                shown = _("{ratio} (below {threshold})").format(ratio=shown, threshold=f"{impact_threshold:g}")
            impact_cell = Cell(impact.ratio, shown)
        rows.append((label(group), Cell(n, str(n)), Cell(k, str(k)), rate_cell, ratio_cell, impact_cell))

    level = f"{confidence:.0%}"
    relative = (
        _(
            "Relative likelihood = group rate ÷ {reference} rate, Katz log {confidence} interval; zero cells: "
            "Haldane–Anscombe +0.5."
        )
        if zero_cells == "haldane"
        else _(
            "Relative likelihood = group rate ÷ {reference} rate, Katz log {confidence} interval; zero cells: not "
            "calculable."
        )
    )
    methods = [
        _("Rates with Wilson score {confidence} intervals.").format(confidence=level),
        relative.format(reference=reference, confidence=level),
        _("Impact ratio = group rate ÷ highest rate; below {threshold} flagged (four-fifths rule).").format(
            threshold=f"{impact_threshold:g}"
        ),
    ]
    methods.append(
        _(
            "Test of the whole table: Pearson χ² when every expected count is at least 5, else Fisher's exact test "
            "(2×2)."
        )
    )
    table_counts = [[counts[g][1], counts[g][0] - counts[g][1]] for g in sorted(counts) if counts[g][0] > 0]
    tests: list[str] = []
    try:
        test = association_test(table_counts)
    except ValueError as error:
        tests.append(_("No test of the whole table: {reason}").format(reason=error))
    else:
        # The statistic, p-value and smallest expected count are functions of every cell: they go in notes.tests,
        # which disclosure control drops when it withholds a count.
        if test.statistic is None:
            result = _("{method}: {p_value}. {reason}")
        else:
            result = _("{method}: statistic {statistic}, {p_value}. {reason}")
        tests.append(
            result.format(
                method=test.method,
                statistic=f"{test.statistic:.3f}" if test.statistic is not None else "",
                p_value=p_value_text(test.p_value),
                reason=test.reason,
            )
        )
        tests.extend(test.warnings)

    known = sum(n for n, _k in counts.values())
    total = known + unknown[0]
    return ResultTable(
        title=title,
        columns=(
            Column("group", _("Group") if group_label is None else group_label, "label"),
            Column("n", _("People"), "count"),
            Column("k", _("With the outcome"), "count"),
            Column("rate", _("Rate"), "rate"),
            Column(
                "relative_likelihood",
                _("Relative likelihood (vs {reference})").format(reference=reference),
                "ratio",
                "reference",
            ),
            Column("impact_ratio", _("Impact ratio"), "ratio", "highest"),
        ),
        rows=tuple(rows),
        notes=TableNotes(
            reference_group=reference,
            unknown_count=unknown[0],
            unknowns_used=False,
            declaration_rate=known / total if total else None,
            methods=tuple(methods),
            legend=((NOT_APPLICABLE, _("not applicable")),)
            if any(c.symbol == NOT_APPLICABLE for r in rows for c in r)
            else (),
            tests=tuple(tests),
        ),
    )
