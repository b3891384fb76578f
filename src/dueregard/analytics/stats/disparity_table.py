"""One outcome by group as a :class:`~dueregard.analytics.results.ResultTable`: each group's count, rate with its
Wilson interval, relative likelihood against the reference group with its Katz interval, and the four-fifths
impact ratio; the notes carry the reference group, the unknowns, the declaration rate, the methods, and (in
``notes.tests``) the test of the whole table (χ² or Fisher by the rule).

Display strings: rates as percentages to one decimal place, ratios to two decimal places (half up); the values are
never rounded. Not calculable figures have no value and the symbol ``N/A``, with the reason in the cell's note.
"""

from __future__ import annotations

from collections.abc import Mapping

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
    group_label: str = "Group",
    confidence: float = 0.95,
    zero_cells: ZeroCells = "not_calculable",
    impact_threshold: float = FOUR_FIFTHS,
) -> ResultTable:
    """``counts`` maps each group to (n, k): n people, k of whom had the outcome; ``unknown`` is (n, k) for people
    whose characteristic was not known — reported, never used. Rows are sorted by group name."""
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
            ratio_cell = Cell(1.0, "1.00 (reference)")
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
            flag = f" (below {impact_threshold:g})" if impact.flagged else ""
            impact_cell = Cell(impact.ratio, _ratio(impact.ratio) + flag)
        rows.append((label(group), Cell(n, str(n)), Cell(k, str(k)), rate_cell, ratio_cell, impact_cell))

    methods = [
        f"Rates with Wilson score {confidence:.0%} intervals.",
        f"Relative likelihood = group rate ÷ {reference} rate, Katz log {confidence:.0%} interval; zero cells: "
        + ("Haldane–Anscombe +0.5." if zero_cells == "haldane" else "not calculable."),
        f"Impact ratio = group rate ÷ highest rate; below {impact_threshold:g} flagged (four-fifths rule).",
    ]
    methods.append(
        "Test of the whole table: Pearson χ² when every expected count is at least 5, else Fisher's exact test (2×2)."
    )
    table_counts = [[counts[g][1], counts[g][0] - counts[g][1]] for g in sorted(counts) if counts[g][0] > 0]
    tests: list[str] = []
    try:
        test = association_test(table_counts)
    except ValueError as error:
        tests.append(f"No test of the whole table: {error}")
    else:
        # The statistic, p-value and smallest expected count are functions of every cell: they go in notes.tests,
        # which disclosure control drops when it withholds a count.
        statistic = "" if test.statistic is None else f"statistic {test.statistic:.3f}, "
        tests.append(f"{test.method}: {statistic}{p_value_text(test.p_value)}. {test.reason}")
        tests.extend(test.warnings)

    known = sum(n for n, _k in counts.values())
    total = known + unknown[0]
    return ResultTable(
        title=title,
        columns=(
            Column("group", group_label, "label"),
            Column("n", "People", "count"),
            Column("k", "With the outcome", "count"),
            Column("rate", "Rate", "rate"),
            Column("relative_likelihood", f"Relative likelihood (vs {reference})", "ratio", "reference"),
            Column("impact_ratio", "Impact ratio", "ratio", "highest"),
        ),
        rows=tuple(rows),
        notes=TableNotes(
            reference_group=reference,
            unknown_count=unknown[0],
            unknowns_used=False,
            declaration_rate=known / total if total else None,
            methods=tuple(methods),
            legend=(("N/A", "not applicable"),) if any(c.symbol == "N/A" for r in rows for c in r) else (),
            tests=tuple(tests),
        ),
    )
