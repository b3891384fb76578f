"""The pay-gap report as publishable result tables: the care-home worked example (analytics.md) in the four
tables, what disclosure control does to them, and the standard symbols."""

from __future__ import annotations

import json

import pytest
from paygap_care_home import MEN, WOMEN, care_home_employees
from paygap_tables import duckdb_backend, employees, report

from dueregard.analytics.disclosure import WITHHELD, DisclosurePolicy
from dueregard.analytics.paygap import (
    NOT_APPLICABLE,
    ethnicity_comparison,
    pay_gap_tables,
    publish_pay_gap_tables,
    sex_comparison,
)
from dueregard.analytics.paygap import WITHHELD as PAYGAP_WITHHELD
from dueregard.analytics.results import ResultTable


def _care_home_tables() -> tuple[ResultTable, ResultTable, ResultTable, ResultTable]:
    result = report(duckdb_backend(), care_home_employees(), sex_comparison(column="sex", men=MEN, women=WOMEN))
    return publish_pay_gap_tables(pay_gap_tables(result, name="Gender pay gap"), DisclosurePolicy())


def test_the_six_figures_of_the_care_home_example_in_four_tables() -> None:
    hourly, bonus, proportions, quarters = _care_home_tables()
    assert [t.title for t in (hourly, bonus, proportions, quarters)] == [
        "Gender pay gap: hourly pay",
        "Gender pay gap: bonus pay",
        "Gender pay gap: proportion paid a bonus",
        "Gender pay gap: pay quarters",
    ]
    assert hourly.to_csv_rows(intervals=False) == [
        ["Measure", "Men", "Women", "Gap (%)", "Men (people)", "Women (people)"],
        ["Mean hourly pay gap", "£12.24", "£11.92", "2.6%", "260", "1162"],
        ["Median hourly pay gap", "£10.87", "£10.19", "6.3%", "260", "1162"],
    ]
    assert bonus.cell(1, "gap").display == "50.0%"
    assert bonus.cell(0, "gap").value == pytest.approx(32.049, abs=0.001)
    assert proportions.to_csv_rows(intervals=False)[1:] == [
        ["Men", "273", "68", "24.9%"],
        ["Women", "1235", "434", "35.1%"],
    ]
    assert quarters.to_csv_rows(intervals=False)[1:] == [
        ["Upper", "356", "76", "280", "21.3%", "78.7%"],
        ["Upper middle", "355", "69", "286", "19.4%", "80.6%"],
        ["Lower middle", "356", "57", "299", "16.0%", "84.0%"],
        ["Lower", "355", "58", "297", "16.3%", "83.7%"],
    ]
    assert hourly.notes.unknown_count == 0
    assert hourly.notes.unknowns_used is False
    assert hourly.notes.reference_group == "Men"
    assert any("0 records had an unknown value" in line for line in hourly.notes.disclosure)
    for table in (hourly, bonus, proportions, quarters):
        assert ResultTable.from_dict(json.loads(json.dumps(table.to_dict()))) == table


def test_small_groups_use_the_standard_withheld_symbol_with_its_legend() -> None:
    rows = [{"ethnicity": "White British", "hourly_rate": 10.0 + i} for i in range(12)]
    rows += [{"ethnicity": "Indian", "hourly_rate": 9.0 + i} for i in range(4)]
    rows += [{"ethnicity": None, "hourly_rate": 11.0}]
    comparison = ethnicity_comparison(column="ethnicity", white_british="White British")
    result = report(duckdb_backend(), employees(rows), comparison)
    hourly, _bonus, _proportions, quarters = publish_pay_gap_tables(pay_gap_tables(result), DisclosurePolicy())
    assert PAYGAP_WITHHELD == WITHHELD == "!"
    assert NOT_APPLICABLE == "N/A"
    gap = hourly.cell(0, "gap")
    assert gap.symbol == WITHHELD
    assert gap.note == "Withheld: fewer than 10 full-pay relevant employees in the Ethnic minorities group."
    assert hourly.cell(0, "reference_pay").symbol == WITHHELD
    assert (WITHHELD, "withheld to protect confidentiality") in hourly.notes.legend
    assert hourly.notes.unknown_count == 1
    assert hourly.notes.declaration_rate == pytest.approx(16 / 17)
    assert all(row[4].symbol == WITHHELD for row in quarters.rows)


def test_hesa_rounding_rounds_the_counts_and_withholds_small_averages() -> None:
    rows = [{"sex": "M", "hourly_rate": 10.0 + i, "bonus_pay": 100.0 * (i < 3)} for i in range(20)]
    rows += [{"sex": "F", "hourly_rate": 9.0 + i, "bonus_pay": 50.0 * (i < 2)} for i in range(13)]
    result = report(duckdb_backend(), employees(rows), sex_comparison(column="sex", men="M", women="F"))
    hourly, bonus, _proportions, quarters = publish_pay_gap_tables(
        pay_gap_tables(result), DisclosurePolicy(rounding="hesa")
    )
    assert hourly.to_csv_rows(intervals=False)[1][4:] == ["20", "15"]  # 20 and 13 people, rounded to 5
    assert hourly.cell(0, "gap").display == "23.1%"  # from the unrounded figures: (19.5 − 15) ÷ 19.5
    assert bonus.cell(0, "reference_pay").symbol == WITHHELD  # an average of 3 people
    assert bonus.cell(0, "gap").symbol == WITHHELD
    assert [row[1].text for row in quarters.rows] == ["10", "10", "10", "10"]  # 9, 8, 8, 8
