"""Applying a disclosure policy to a result table."""

from __future__ import annotations

import json

import pytest

from dueregard.analytics.disclosure import FEWER_THAN_5, WITHHELD, DisclosurePolicy, apply_policy
from dueregard.analytics.results import Cell, Column, ResultTable, TableNotes, label
from dueregard.analytics.stats import disparity_table

COLUMNS = (
    Column("group", "Ethnic group", "label"),
    Column("appointed", "Appointed", "count"),
    Column("not_appointed", "Not appointed", "count"),
    Column("shortlisted", "Shortlisted", "count"),
    Column("rate", "Appointed (%)", "percent"),
)


def _row(name: str, appointed: int, not_appointed: int) -> tuple[Cell, ...]:
    total = appointed + not_appointed
    rate = appointed / total * 100
    return (
        label(name),
        Cell(appointed),
        Cell(not_appointed),
        Cell(total),
        Cell(rate, f"{rate:.1f}", denominator=total),
    )


def _table(notes: TableNotes | None = None) -> ResultTable:
    rows = [_row("Asian", 3, 12), _row("Black", 9, 30), _row("White", 40, 160)]
    total = _row("Total", 52, 202)
    return ResultTable(
        title="Appointed from shortlisting",
        columns=COLUMNS,
        rows=(*rows, total),
        notes=notes or TableNotes(reference_group="White", unknown_count=7, unknowns_used=False),
    )


SUPPRESS = DisclosurePolicy(threshold=5, row_total_column="shortlisted", total_row=3)


def test_suppression_hides_small_counts_their_companions_and_the_rates_that_would_give_them_back() -> None:
    out = apply_policy(_table(), policy=SUPPRESS)
    assert out.cell(0, "appointed").symbol == WITHHELD
    assert out.cell(0, "appointed").value is None
    # Alone in its row and column: a companion in each goes too.
    assert out.cell(0, "not_appointed").symbol == WITHHELD
    assert out.cell(1, "appointed").symbol == WITHHELD
    # Rates beside a published denominator would give the counts back.
    assert out.cell(0, "rate").symbol == WITHHELD
    assert out.cell(1, "rate").symbol == WITHHELD
    assert out.cell(2, "rate").value == pytest.approx(20.0)
    assert ("!", "withheld to protect confidentiality") in out.notes.legend
    assert any("7 records had an unknown value; they were not used" in note for note in out.notes.disclosure)


def test_no_hidden_count_survives_in_the_published_json() -> None:
    out = apply_policy(_table(), policy=SUPPRESS)
    data = json.dumps(out.to_dict())
    assert json.loads(data)["rows"][0][1] == {"value": None, "display": "", "symbol": "!"}


def test_hesa_rounds_counts_and_denominators_and_keeps_percentages_unrounded() -> None:
    out = apply_policy(_table(), policy=DisclosurePolicy(rounding="hesa"))
    assert [cell.value for cell in out.column("appointed")] == [5, 10, 40, 50]
    assert out.cell(0, "rate").symbol == WITHHELD  # denominator 15 < 22.5
    assert out.cell(1, "rate").value == pytest.approx(9 / 39 * 100)
    assert out.cell(1, "rate").denominator == 40
    assert out.notes.unknown_count == 5
    assert any("HESA" in note for note in out.notes.disclosure)


def test_ofqual_shows_fewer_than_5() -> None:
    out = apply_policy(_table(), policy=DisclosurePolicy(rounding="ofqual"))
    assert out.cell(0, "appointed").text == FEWER_THAN_5
    assert out.cell(0, "shortlisted").value == 15
    assert dict(out.notes.legend)[FEWER_THAN_5].startswith("between 1 and 4")


def test_a_table_that_does_not_state_its_unknowns_is_refused() -> None:
    table = _table(TableNotes(reference_group="White"))
    with pytest.raises(ValueError, match="unknown value"):
        apply_policy(table, policy=SUPPRESS)
    out = apply_policy(table, policy=SUPPRESS, unknown_count=0, unknowns_used=False)
    assert out.notes.unknown_count == 0


def test_applying_the_hesa_rules_twice_changes_nothing_more() -> None:
    once = apply_policy(_table(), policy=DisclosurePolicy(rounding="hesa"))
    assert apply_policy(once, policy=DisclosurePolicy(rounding="hesa")).rows == once.rows


def test_a_withheld_total_takes_the_grand_total_with_it() -> None:
    columns = (
        Column("g", "Group", "label"),
        Column("x", "X", "count"),
        Column("y", "Y", "count"),
        Column("total", "Total", "count"),
    )
    rows = (
        (label("A"), Cell(0), Cell(3), Cell(3)),
        (label("B"), Cell(0), Cell(10), Cell(10)),
        (label("Total"), Cell(0), Cell(13), Cell(13)),
    )
    table = ResultTable(title="t", columns=columns, rows=rows, notes=TableNotes(unknown_count=0, unknowns_used=False))
    out = apply_policy(table, policy=DisclosurePolicy(threshold=5, row_total_column="total", total_row=2))
    published = [[cell.text for cell in row] for row in out.rows]
    assert published[0][2] == WITHHELD
    assert published[2][3] == WITHHELD
    # What is left (B's total 10 and Y's total 13) cannot give A's 3 back: A's Y lies anywhere from 3 to 13.
    assert published == [["A", "!", "!", "!"], ["B", "!", "!", "10"], ["Total", "!", "13", "!"]]


SUPPRESS_5 = DisclosurePolicy(threshold=5)


def _by_group(table: ResultTable, column: str) -> dict[str, str]:
    return {str(row[0].value): table.cell(r, column).text for r, row in enumerate(table.rows)}


def test_a_withheld_reference_group_takes_every_relative_likelihood_with_it() -> None:
    # Otherwise Black's ratio (0.40 / reference rate) and published rate would give the reference's rate, and with
    # its published n, its withheld count, back.
    table = disparity_table(
        title="t", counts={"Asian": (12, 3), "Black": (40, 16), "White": (300, 60)}, reference="Asian"
    )
    out = apply_policy(table, policy=DisclosurePolicy(threshold=5))
    assert set(_by_group(out, "relative_likelihood").values()) == {WITHHELD}
    assert any("compare groups" in note for note in out.notes.disclosure)


def test_a_withheld_highest_rate_takes_every_impact_ratio_with_it() -> None:
    table = disparity_table(
        title="t", counts={"Asian": (6, 4), "Black": (40, 16), "White": (300, 60)}, reference="White"
    )
    out = apply_policy(table, policy=DisclosurePolicy(threshold=5))
    assert set(_by_group(out, "impact_ratio").values()) == {WITHHELD}
    # The reference group is published, so the other relative likelihoods stay.
    assert _by_group(out, "relative_likelihood")["Black"] == "2.00"


def test_relative_likelihoods_against_a_published_reference_stay_impact_ratios_go() -> None:
    counts = {"Asian": (12, 3), "Black": (40, 16), "White": (300, 60)}
    out = apply_policy(disparity_table(title="t", counts=counts, reference="White"), policy=SUPPRESS_5)
    assert _by_group(out, "relative_likelihood") == {"Asian": WITHHELD, "Black": "2.00", "White": "1.00 (reference)"}
    # Asian is not the highest here (25% against Black's 40%), but publishing the impact ratios only when the
    # withheld group is not the highest would tell, when they are withheld, that it is.
    assert set(_by_group(out, "impact_ratio").values()) == {WITHHELD}


def test_the_test_of_the_whole_table_goes_when_a_count_is_withheld_or_rounded() -> None:
    counts = {"Asian": (12, 3), "Black": (40, 16), "White": (300, 60)}
    table = disparity_table(title="t", counts=counts, reference="White", unknown=(0, 0))
    assert table.notes.tests
    assert apply_policy(table, policy=DisclosurePolicy()).notes.tests == table.notes.tests
    assert apply_policy(table, policy=DisclosurePolicy(threshold=3)).notes.tests == table.notes.tests
    for policy in (DisclosurePolicy(threshold=5), DisclosurePolicy(rounding="hesa")):
        out = apply_policy(table, policy=policy)
        assert out.notes.tests == ()
        assert any("test of the whole table is not shown" in note for note in out.notes.disclosure)


def test_a_p_value_column_is_withheld_when_any_row_is() -> None:
    columns = (Column("g", "Group", "label"), Column("k", "k", "count"), Column("p", "p", "p_value"))
    rows = ((label("A"), Cell(3), Cell(0.2)), (label("B"), Cell(30), Cell(0.01)))
    table = ResultTable(title="t", columns=columns, rows=rows, notes=TableNotes(unknown_count=0, unknowns_used=False))
    out = apply_policy(table, policy=DisclosurePolicy(threshold=5))
    assert [row[2].text for row in out.rows] == [WITHHELD, WITHHELD]


def test_the_reason_a_ratio_is_not_calculable_goes_with_a_withheld_group() -> None:
    counts = {"Asian": (12, 0), "Black": (40, 16), "White": (300, 60)}
    table = disparity_table(title="t", counts=counts, reference="White")
    assert "zero cell" in table.cell(0, "relative_likelihood").note
    shown = apply_policy(table, policy=SUPPRESS_5)  # a true zero is published, and so is why its ratio is N/A
    assert shown.cell(0, "relative_likelihood").note == table.cell(0, "relative_likelihood").note
    hidden = apply_policy(table, policy=DisclosurePolicy(threshold=5, hide_zeros=True))
    assert hidden.cell(0, "relative_likelihood").to_dict() == {"value": None, "display": "", "symbol": WITHHELD}
    assert "N/A" not in dict(hidden.notes.legend)


def test_warnings_about_a_withheld_row_go_with_it() -> None:
    notes = TableNotes(unknown_count=0, unknowns_used=False, warnings=("Asian: only 3 people.", "Small table."))
    table = ResultTable(title="t", columns=_table().columns, rows=_table().rows, notes=notes)
    out = apply_policy(table, policy=SUPPRESS)
    assert out.notes.warnings == ("Small table.",)
    assert any("Warnings about groups with withheld counts" in note for note in out.notes.disclosure)


def test_rates_over_few_people_are_marked_unreliable_but_kept() -> None:
    out = apply_policy(_table(), policy=DisclosurePolicy(unreliable_below=30))
    asian = out.cell(0, "rate")
    assert asian.text == "?"
    assert asian.value == pytest.approx(20.0)
    assert out.cell(2, "rate").text == "20.0"
    assert dict(out.notes.legend)["?"] == "unreliable (small sample)"
