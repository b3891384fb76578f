"""Reading how a cell shows its value, so that interval bounds, chart labels and spreadsheet number formats show
numbers the same way."""

from __future__ import annotations

import pytest

from dueregard.analytics.output.formatting import (
    Shown,
    display_is_number,
    format_bound,
    interval_text,
    legend,
    shown_as,
    slug,
)
from dueregard.analytics.results import Cell, Column, ResultTable, TableNotes, label

RATE = Column("rate", "Rate", "rate")
GAP = Column("gap", "Gap", "percent")
PAY = Column("pay", "Pay", "number")


@pytest.mark.parametrize(
    ("cell", "column", "expected"),
    [
        (Cell(0.1404, "14.0%"), RATE, Shown(100.0, 1, True)),
        (Cell(9.920401, "9.9%"), GAP, Shown(1.0, 1, True)),  # a percentage held in percent units
        (Cell(18.1716, "£18.17"), PAY, Shown(1.0, 2, False, "£")),
        (Cell(-4.5, "-£4.50"), PAY, Shown(1.0, 2, False, "£")),
        (Cell(1234, "1,234"), Column("n", "N", "count"), Shown(1.0, 0, False)),
        (Cell(1.0, "1.00 (reference)"), Column("r", "R", "ratio"), Shown(1.0, 2, False)),
        (Cell(0.2, ""), RATE, Shown(100.0, 1, True)),
        (Cell(3, "fewer than 5"), PAY, None),
        (Cell("text", "text"), PAY, None),
        (Cell(0.5, "12.0%"), RATE, None),  # the display is not this value: do not guess
    ],
)
def test_shown_as(cell: Cell, column: Column, expected: Shown | None) -> None:
    assert shown_as(cell, column) == expected


def test_bounds_and_intervals_are_shown_like_the_figure() -> None:
    cell = Cell(0.1404, "14.0%", low=0.12345, high=0.16)
    assert interval_text(cell, RATE) == "12.3% to 16.0%"
    assert format_bound(Cell(18.17, "£18.17"), PAY, -2.5) == "-£2.50"
    assert format_bound(Cell("x", "x"), PAY, 0.000123456) == "0.000123"
    assert interval_text(Cell(None, symbol="!", low=0.1, high=0.2), RATE) == ""


def test_display_is_number_only_when_nothing_else_is_said() -> None:
    assert display_is_number(Cell(0.14, "14.0%"))
    assert display_is_number(Cell(18.17, "£18.17"))
    assert display_is_number(Cell(3, ""))
    assert not display_is_number(Cell(1.0, "1.00 (reference)"))
    assert not display_is_number(Cell(0.6, "0.60 (below 0.8)"))


def test_legend_completes_the_meaning_of_symbols_a_table_uses() -> None:
    table = ResultTable(
        title="t",
        columns=(Column("g", "G", "label"), Column("n", "N", "count")),
        rows=((label("A"), Cell(None, symbol="!")), (label("B"), Cell(None, symbol="?"))),
        notes=TableNotes(unknown_count=0, unknowns_used=False, legend=(("!", "withheld (fewer than 10)"),)),
    )
    assert legend(table) == (("!", "withheld (fewer than 10)"), ("?", "unreliable (small sample)"))


def test_slug() -> None:
    assert slug("Appointed among shortlisted: Black, Asian & Mixed (Cymraeg: ŵ)") == (
        "appointed-among-shortlisted-black-asian-mixed-cymraeg-w"
    )
    assert slug("***") == "table"
