"""The XLSX writer, checked by opening the workbook it writes with openpyxl (and python-calamine)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from output_samples import FORMULA_LABEL, sample_report

from dueregard.analytics.output import write_xlsx
from dueregard.analytics.output.xlsx_workbook import sheet_name


@pytest.fixture(scope="module")
def workbook_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "report.xlsx"
    write_xlsx(sample_report(), path)
    return path


def _rows(sheet) -> list[list[object]]:  # type: ignore[no-untyped-def]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_a_contents_sheet_then_one_sheet_per_table(workbook_path: Path) -> None:
    workbook = load_workbook(workbook_path)
    assert workbook.sheetnames == [
        "Contents",
        "1 Appointed among shortlisted,",
        "2 Appointed among shortlisted,",
        "3 Leavers by reason",
    ]
    contents = _rows(workbook["Contents"])
    assert contents[0][0] == "Workforce report 2024"
    assert contents[2][:2] == ["Records", 647]
    assert contents[4][:2] == ["Warning", "Fewer than 150 employees: a test warning."]
    assert ["3 Leavers by reason", "Leavers", "Leavers by reason"] in [row[:3] for row in contents]


def test_a_table_sheet_has_title_header_and_numbers_formatted_as_shown(workbook_path: Path) -> None:
    sheet = load_workbook(workbook_path)["1 Appointed among shortlisted,"]
    rows = _rows(sheet)
    assert rows[0][0] == "Appointed among shortlisted, by ethnic group"
    assert rows[1][0] == "Recruitment"
    assert rows[3][:6] == ["Ethnic group", "People", "With the outcome", "Rate", "Rate (lower)", "Rate (upper)"]
    assert sheet.freeze_panes == "A5"
    white = rows[7]
    assert white[:4] == ["White", 400, 120, 0.3]
    assert white[4] == pytest.approx(0.25716767195619705)
    assert sheet["D8"].number_format == "0.0%"
    assert sheet["B8"].number_format == "#,##0"
    assert white[6] == "1.00 (reference)"  # text that is not only a number stays text
    asian = rows[4]
    assert asian[6] == pytest.approx(30 / 150 / 0.3)  # relative likelihood, full precision
    assert sheet["G5"].number_format == "#,##0.00"


def test_notes_and_legend_follow_the_table(workbook_path: Path) -> None:
    rows = _rows(load_workbook(workbook_path)["2 Appointed among shortlisted,"])
    mixed = rows[6]
    assert mixed[:4] == ["Mixed", "!", "!", "!"]
    assert mixed[4:6] == [None, None]
    pairs = [row[:2] for row in rows[9:]]
    assert ["Reference group", "White"] in pairs
    assert ["Unknown values", "30 (not used in the figures)"] in pairs
    assert ["Symbol", "Meaning"] in pairs
    assert ["!", "withheld to protect confidentiality"] in pairs
    assert ["Disclosure control", "Counts below 10 (other than 0) are withheld (!)."] in pairs


def test_text_that_would_be_a_formula_is_escaped_text(workbook_path: Path) -> None:
    sheet = load_workbook(workbook_path)["3 Leavers by reason"]
    assert sheet["A5"].value == "'" + FORMULA_LABEL
    assert sheet["A5"].data_type == "s"
    assert sheet["C5"].value == "'+44 1234"
    assert sheet["A6"].value == "'@SUM(A1:A2)"
    assert sheet["C6"].value == "'-moved away"
    assert sheet["B7"].value == -4
    rows = _rows(sheet)
    assert rows[-2][:1] == ["Notes on figures"]
    assert rows[-1][0] == "Retired, Leavers: Corrected after the audit."


def test_no_cell_in_the_workbook_is_a_formula(workbook_path: Path) -> None:
    workbook = load_workbook(workbook_path)
    kinds = {cell.data_type for sheet in workbook for row in sheet.iter_rows() for cell in row}
    assert "f" not in kinds


def test_calamine_reads_the_same_figures(workbook_path: Path) -> None:
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(workbook_path)).get_sheet_by_name("1 Appointed among shortlisted,")
    values = rows.to_python()
    assert values[7][:3] == ["White", 400.0, 120.0]


def test_sheet_names_are_short_numbered_and_free_of_forbidden_characters() -> None:
    assert sheet_name(12, "Pay: quartiles [men/women]?") == "12 Pay quartiles men women"
    assert len(sheet_name(3, "x" * 80)) == 31


def test_interval_bounds_are_numbers_even_when_the_figure_carries_words(tmp_path: Path) -> None:
    from dueregard.analytics.report import Report, ReportSection
    from dueregard.analytics.results import Cell, Column, ResultTable, TableNotes, label

    table = ResultTable(
        title="Flagged ratio",
        columns=(Column("group", "Group", "label"), Column("ratio", "Ratio", "ratio")),
        rows=((label("Asian"), Cell(1.5, "1.50 (flagged)", low=1.125, high=2.0)),),
        notes=TableNotes(unknown_count=0, unknowns_used=False),
    )
    report = Report("x", "X", "d", 1, (ReportSection("S", (table,)),))
    write_xlsx(report, tmp_path / "r.xlsx")
    sheet = load_workbook(tmp_path / "r.xlsx")["1 Flagged ratio"]
    assert [sheet["B5"].value, sheet["C5"].value, sheet["D5"].value] == ["1.50 (flagged)", 1.125, 2.0]
    assert sheet["C5"].number_format == "#,##0.00"


def test_money_and_percent_units_become_formatted_numbers(tmp_path: Path) -> None:
    from dueregard.analytics.report import Report, ReportSection
    from dueregard.analytics.results import Cell, Column, ResultTable, TableNotes, label

    table = ResultTable(
        title="Pay",
        columns=(Column("m", "Measure", "label"), Column("pay", "Men", "number"), Column("gap", "Gap", "percent")),
        rows=((label("Mean hourly pay gap"), Cell(18.1716, "£18.17"), Cell(9.920401, "9.9%")),),
        notes=TableNotes(unknown_count=0, unknowns_used=False),
    )
    write_xlsx(Report("x", "X", "d", 1, (ReportSection("S", (table,)),)), tmp_path / "pay.xlsx")
    sheet = load_workbook(tmp_path / "pay.xlsx")["1 Pay"]
    assert sheet["B5"].value == 18.1716
    assert sheet["B5"].number_format == '"£"#,##0.00'
    assert sheet["C5"].value == pytest.approx(0.09920401)
    assert sheet["C5"].number_format == "0.0%"
