"""Primary and secondary suppression: no hidden cell can be worked out from what is published.

The checker here is written independently of the library's audit: every cell of the table is a variable,
published cells are fixed by their bounds, every published total is an equation, and each hidden cell is
minimised and maximised over the non-negative solutions. A hidden cell is recovered when its minimum equals its
maximum.
"""

from __future__ import annotations

from random import Random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dueregard.analytics.disclosure import primary_suppression, secondary_suppression, suppress
from dueregard.analytics.disclosure.suppression import Position


def recovered(
    grid: list[list[int]],
    hidden: frozenset[Position],
    *,
    row_totals: set[int],
    column_totals: set[int],
) -> set[Position]:
    """The hidden cells an attacker can recover from the published cells and the published totals."""
    from scipy.optimize import linprog

    height, width = len(grid), len(grid[0])
    cells = [(r, c) for r in range(height) for c in range(width)]
    equations, targets = [], []
    for r in row_totals:
        equations.append([1.0 if cell[0] == r else 0.0 for cell in cells])
        targets.append(sum(grid[r]))
    for c in column_totals:
        equations.append([1.0 if cell[1] == c else 0.0 for cell in cells])
        targets.append(sum(row[c] for row in grid))
    bounds = [(0, None) if cell in hidden else (grid[cell[0]][cell[1]],) * 2 for cell in cells]
    found = set()
    for target in hidden:
        objective = [1.0 if cell == target else 0.0 for cell in cells]
        low = linprog(objective, A_eq=equations or None, b_eq=targets or None, bounds=bounds, method="highs")
        high = linprog([-x for x in objective], A_eq=equations or None, b_eq=targets or None, bounds=bounds)
        assert low.status == 0  # the true table is a solution, and a count cannot go below 0
        if high.status == 3:
            continue  # unbounded above: no published total limits the cell
        assert high.status == 0
        if -high.fun - low.fun < 0.5:
            found.add(target)
    return found


def recovered_by_subtraction(
    grid: list[list[int]],
    hidden: frozenset[Position],
    *,
    row_totals: set[int],
    column_totals: set[int],
) -> set[Position]:
    """The simplest attack, on its own: a hidden cell alone in a row or column with a published total is that
    total minus the other (published) cells; repeat with what has been learnt until nothing more comes out."""
    known = {(r, c) for r in range(len(grid)) for c in range(len(grid[0]))} - set(hidden)
    found: set[Position] = set()
    progress = True
    while progress:
        progress = False
        lines = [[(r, c) for c in range(len(grid[0]))] for r in row_totals]
        lines += [[(r, c) for r in range(len(grid))] for c in column_totals]
        for line in lines:
            unknown = [p for p in line if p not in known]
            if len(unknown) == 1:
                known.add(unknown[0])
                found.add(unknown[0])
                progress = True
    return found


small_tables = st.integers(min_value=2, max_value=5).flatmap(
    lambda height: st.integers(min_value=2, max_value=5).flatmap(
        lambda width: st.lists(
            st.lists(st.integers(min_value=0, max_value=30), min_size=width, max_size=width),
            min_size=height,
            max_size=height,
        )
    )
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_tables, st.sampled_from([3, 5, 10]))
def test_secondary_suppression_never_leaves_a_recoverable_cell(grid: list[list[int]], threshold: int) -> None:
    result = suppress(grid, threshold=threshold)
    rows = set(range(len(grid))) - result.withheld_row_totals
    columns = set(range(len(grid[0]))) - result.withheld_column_totals
    assert result.primary <= result.hidden
    assert not recovered(grid, result.hidden, row_totals=rows, column_totals=columns)
    assert not recovered_by_subtraction(grid, result.hidden, row_totals=rows, column_totals=columns)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_tables, st.sampled_from([5, 10]), st.randoms())
def test_the_guarantee_does_not_depend_on_the_order_of_rows(
    grid: list[list[int]], threshold: int, random: Random
) -> None:
    # Which companions are chosen can depend on row order (ties go to the first); that nothing is recoverable
    # cannot.
    order = list(range(len(grid)))
    random.shuffle(order)
    shuffled = [grid[r] for r in order]
    result = suppress(shuffled, threshold=threshold)
    assert result.primary == {(order.index(r), c) for r, c in suppress(grid, threshold=threshold).primary}
    rows = set(range(len(grid))) - result.withheld_row_totals
    columns = set(range(len(grid[0]))) - result.withheld_column_totals
    assert not recovered(shuffled, result.hidden, row_totals=rows, column_totals=columns)


def test_the_subtraction_checker_finds_a_lone_hidden_cell() -> None:
    grid = [[20, 3, 15], [12, 30, 25]]
    every_row, every_column = {0, 1}, {0, 1, 2}
    assert recovered_by_subtraction(grid, frozenset({(0, 1)}), row_totals=every_row, column_totals=every_column) == {
        (0, 1)
    }
    assert recovered(grid, frozenset({(0, 1)}), row_totals=every_row, column_totals=every_column) == {(0, 1)}


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_tables, st.sampled_from([5, 10]))
def test_a_table_with_only_row_totals_leaves_nothing_recoverable(grid: list[list[int]], threshold: int) -> None:
    result = suppress(grid, threshold=threshold, column_totals=False)
    assert not result.withheld_column_totals
    rows = set(range(len(grid))) - result.withheld_row_totals
    assert not recovered(grid, result.hidden, row_totals=rows, column_totals=set())
    assert not recovered_by_subtraction(grid, result.hidden, row_totals=rows, column_totals=set())


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_tables, st.sampled_from([5, 10]))
def test_a_table_with_only_column_totals_leaves_nothing_recoverable(grid: list[list[int]], threshold: int) -> None:
    result = suppress(grid, threshold=threshold, row_totals=False)
    assert not result.withheld_row_totals
    columns = set(range(len(grid[0]))) - result.withheld_column_totals
    assert not recovered(grid, result.hidden, row_totals=set(), column_totals=columns)
    assert not recovered_by_subtraction(grid, result.hidden, row_totals=set(), column_totals=columns)


def test_a_lone_hidden_cell_takes_the_smallest_non_zero_companion() -> None:
    grid = [[20, 3, 15], [12, 30, 25], [40, 18, 9]]
    result = suppress(grid, threshold=5)
    assert result.primary == {(0, 1)}
    # Row 0: the smallest non-zero companion is 15; column 1: 18; then rows 2 and column 2 pair up on 9.
    assert result.hidden == {(0, 1), (0, 2), (2, 1), (2, 2)}


def test_zero_companions_are_passed_over_for_non_zero_ones() -> None:
    grid = [[0, 3, 8], [6, 11, 7]]
    result = secondary_suppression(grid, primary_suppression(grid, threshold=5), row_totals=True, column_totals=False)
    assert result.hidden == {(0, 1), (0, 2)}


def test_a_bridge_between_two_protected_blocks_is_caught_by_the_audit() -> None:
    # Two blocks of four hidden cells, each safe on its own, joined by one hidden cell (1, 2). Every hidden cell
    # then shares its row and its column with another, so the published rule is satisfied, yet the joining cell
    # is the difference between two sums of totals. The audit hides more until it is not.
    grid = [
        [6, 7, 20, 20],
        [8, 2, 6, 20],
        [20, 20, 9, 6],
        [20, 20, 7, 8],
    ]
    primary = frozenset({(0, 0), (0, 1), (1, 0), (1, 1), (1, 2), (2, 2), (2, 3), (3, 2), (3, 3)})
    everything = {0, 1, 2, 3}
    assert (1, 2) in recovered(grid, primary, row_totals=everything, column_totals=everything)
    result = secondary_suppression(grid, primary)
    assert result.secondary
    assert not recovered(grid, result.hidden, row_totals=everything, column_totals=everything)


def test_without_published_totals_primary_suppression_is_enough() -> None:
    grid = [[1, 20], [30, 40]]
    result = suppress(grid, threshold=5, row_totals=False, column_totals=False)
    assert result.hidden == {(0, 0)}
