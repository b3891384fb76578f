"""Primary and secondary cell suppression for a 2-D table of counts with published margins.

**Primary**: hide every count below the threshold (commonly 5 or 10). True zeros are not hidden unless
``hide_zeros=True``: a zero is not a person to protect, and hiding zeros does not protect their neighbours.

**Secondary**: a hidden cell must not be recoverable from the published totals and the other published cells.
Two steps, repeated until stable:

1. *The published rule* — wherever a hidden cell is alone in a row (or column) whose total is published, hide the
   smallest non-zero published cell in that row (column) as well (a zero when there is no non-zero one).
2. *An exact audit* — step 1 is not enough on its own: hidden cells can still be pinned down by combining several
   rows and columns (a "bridge" between two groups of hidden cells), or by the fact that no count is negative. For
   each hidden cell the audit finds the smallest and largest value it could take given everything published
   (a linear programme: published cells fixed, every published total met, every hidden cell ≥ 0). A cell whose
   smallest and largest possible values are equal is recoverable; the smallest non-zero published companion in
   its row or column is hidden too. When no companion is left, the row or column total itself is withheld.

"Not recoverable" means not determined *exactly*. The audit does not enforce a minimum width of the range
(a "protection interval"); a primary-suppressed cell is known to lie between 1 and threshold − 1 when zeros are
published. Ties between equally small companions go to the first in row-major order, so the cells chosen can
depend on the order of rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

Position = tuple[int, int]


@dataclass(frozen=True)
class Suppression:
    """Which cells (row, column) are hidden, why, and which totals are withheld."""

    primary: frozenset[Position]
    secondary: frozenset[Position]
    withheld_row_totals: frozenset[int] = field(default_factory=frozenset)
    withheld_column_totals: frozenset[int] = field(default_factory=frozenset)

    @property
    def hidden(self) -> frozenset[Position]:
        return self.primary | self.secondary

    def to_dict(self) -> dict[str, Any]:
        return {
            "primary": sorted(map(list, self.primary)),
            "secondary": sorted(map(list, self.secondary)),
            "withheld_row_totals": sorted(self.withheld_row_totals),
            "withheld_column_totals": sorted(self.withheld_column_totals),
        }


def _check_grid(counts: Sequence[Sequence[int]]) -> tuple[tuple[int, ...], ...]:
    grid = tuple(tuple(row) for row in counts)
    if grid and len({len(row) for row in grid}) != 1:
        raise ValueError("The table of counts must be rectangular.")
    for row in grid:
        for value in row:
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"Counts must be whole numbers, 0 or more; got {value!r}.")
    return grid


def primary_suppression(
    counts: Sequence[Sequence[int]], *, threshold: int, hide_zeros: bool = False
) -> frozenset[Position]:
    """The cells whose count is below ``threshold`` (and above 0 unless ``hide_zeros``)."""
    grid = _check_grid(counts)
    return frozenset(
        (r, c)
        for r, row in enumerate(grid)
        for c, value in enumerate(row)
        if value < threshold and (value > 0 or hide_zeros)
    )


def feasible_range(
    counts: Sequence[Sequence[int]],
    hidden: frozenset[Position],
    *,
    row_totals: bool = True,
    column_totals: bool = True,
    withheld_row_totals: frozenset[int] = frozenset(),
    withheld_column_totals: frozenset[int] = frozenset(),
) -> dict[Position, tuple[float, float]]:
    """For each hidden cell, the smallest and largest value consistent with what is published (see module doc)."""
    from scipy.optimize import linprog

    grid = _check_grid(counts)
    cells = sorted(hidden)
    if not cells:
        return {}
    index = {cell: i for i, cell in enumerate(cells)}
    equations: list[list[float]] = []
    targets: list[float] = []
    lines: list[tuple[list[Position], int]] = []
    if row_totals:
        for r, row in enumerate(grid):
            if r not in withheld_row_totals:
                lines.append(([(r, c) for c in range(len(row))], sum(row)))
    if column_totals and grid:
        for c in range(len(grid[0])):
            if c not in withheld_column_totals:
                lines.append(([(r, c) for r in range(len(grid))], sum(row[c] for row in grid)))
    for positions, total in lines:
        unknown = [p for p in positions if p in index]
        if not unknown:
            continue
        coefficients = [0.0] * len(cells)
        for p in unknown:
            coefficients[index[p]] = 1.0
        equations.append(coefficients)
        targets.append(float(total - sum(grid[r][c] for r, c in positions if (r, c) not in index)))
    ranges: dict[Position, tuple[float, float]] = {}
    for cell in cells:
        objective = [0.0] * len(cells)
        bounds: list[float] = []
        for sign in (1.0, -1.0):
            objective[index[cell]] = sign
            result = linprog(
                objective,
                A_eq=equations or None,
                b_eq=targets or None,
                bounds=[(0, None)] * len(cells),
                method="highs",
            )
            bounds.append(sign * result.fun if result.status == 0 else (0.0 if sign > 0 else float("inf")))
        ranges[cell] = (bounds[0], bounds[1])
    return ranges


def recoverable_cells(
    counts: Sequence[Sequence[int]],
    hidden: frozenset[Position],
    *,
    row_totals: bool = True,
    column_totals: bool = True,
    withheld_row_totals: frozenset[int] = frozenset(),
    withheld_column_totals: frozenset[int] = frozenset(),
) -> frozenset[Position]:
    """The hidden cells whose value can be worked out exactly from what is published."""
    ranges = feasible_range(
        counts,
        hidden,
        row_totals=row_totals,
        column_totals=column_totals,
        withheld_row_totals=withheld_row_totals,
        withheld_column_totals=withheld_column_totals,
    )
    return frozenset(cell for cell, (low, high) in ranges.items() if high - low < 0.5)


def _companion(
    grid: tuple[tuple[int, ...], ...], hidden: set[Position], positions: Sequence[Position]
) -> Position | None:
    """The smallest non-zero published cell among ``positions`` (a zero when none is non-zero); None if none."""
    published = [p for p in positions if p not in hidden]
    if not published:
        return None
    non_zero = [p for p in published if grid[p[0]][p[1]] > 0]
    pool = non_zero or published
    return min(pool, key=lambda p: (grid[p[0]][p[1]], p))


def secondary_suppression(
    counts: Sequence[Sequence[int]],
    primary: frozenset[Position],
    *,
    row_totals: bool = True,
    column_totals: bool = True,
) -> Suppression:
    """Hide further cells (and, as a last resort, totals) until no hidden cell can be recovered.

    ``row_totals`` / ``column_totals`` say which margins are published; a table with one margin sets the other to
    False. With neither, primary suppression is enough and nothing more is hidden."""
    grid = _check_grid(counts)
    hidden = set(primary)
    withheld_rows: set[int] = set()
    withheld_columns: set[int] = set()
    width = len(grid[0]) if grid else 0

    def row_line(r: int) -> list[Position]:
        return [(r, c) for c in range(width)]

    def column_line(c: int) -> list[Position]:
        return [(r, c) for r in range(len(grid))]

    def apply_published_rule() -> bool:
        changed = False
        lines: list[tuple[str, int, list[Position]]] = []
        if row_totals:
            lines += [("row", r, row_line(r)) for r in range(len(grid)) if r not in withheld_rows]
        if column_totals:
            lines += [("column", c, column_line(c)) for c in range(width) if c not in withheld_columns]
        for kind, number, line in lines:
            if sum(1 for p in line if p in hidden) == 1:
                extra = _companion(grid, hidden, line)
                if extra is None:
                    (withheld_rows if kind == "row" else withheld_columns).add(number)
                else:
                    hidden.add(extra)
                changed = True
        return changed

    while True:
        while apply_published_rule():
            pass
        if not hidden or not (row_totals or column_totals):
            break
        exposed = recoverable_cells(
            grid,
            frozenset(hidden),
            row_totals=row_totals,
            column_totals=column_totals,
            withheld_row_totals=frozenset(withheld_rows),
            withheld_column_totals=frozenset(withheld_columns),
        )
        if not exposed:
            break
        r, c = min(exposed)
        candidates: list[Position] = []
        if row_totals and r not in withheld_rows:
            candidates += row_line(r)
        if column_totals and c not in withheld_columns:
            candidates += column_line(c)
        extra = _companion(grid, hidden, candidates)
        if extra is not None:
            hidden.add(extra)
        elif row_totals and r not in withheld_rows:
            withheld_rows.add(r)
        else:
            withheld_columns.add(c)
    return Suppression(
        primary=frozenset(primary),
        secondary=frozenset(hidden - set(primary)),
        withheld_row_totals=frozenset(withheld_rows),
        withheld_column_totals=frozenset(withheld_columns),
    )


def suppress(
    counts: Sequence[Sequence[int]],
    *,
    threshold: int,
    row_totals: bool = True,
    column_totals: bool = True,
    hide_zeros: bool = False,
) -> Suppression:
    """Primary suppression below ``threshold``, then secondary suppression against the published margins."""
    primary = primary_suppression(counts, threshold=threshold, hide_zeros=hide_zeros)
    return secondary_suppression(counts, primary, row_totals=row_totals, column_totals=column_totals)
