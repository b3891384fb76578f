"""Reading files into raw rows, and the clear messages for files that cannot be read."""

from __future__ import annotations

import io

import openpyxl
import pytest
from helpers import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from dueregard.objectives.importing import reading
from dueregard.objectives.importing.reading import ImportFileError, read_bytes, read_file


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.csv", "the file is empty"),
        ("not_a_plan.pdf", "not a file type the import reads"),
        ("corrupt.xlsx", "damaged"),
        ("corrupt.docx", "not a real Word (DOCX) file"),
        ("formula.xlsx", "cell C3 on sheet ‘Sheet’ holds a formula"),
        ("formula.ods", "cell C3 on sheet ‘Plan’ holds a formula"),
    ],
)
def test_a_file_that_cannot_be_read_gets_a_message_naming_the_file_and_the_reason(name: str, reason: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        read_file(FIXTURES / name)
    assert caught.value.filename == name
    assert reason in str(caught.value)


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 100)
    with pytest.raises(ImportFileError, match=r"takes files up to 0 MB"):
        read_bytes(b"Objective,Actions\n" + b"x,y\n" * 50, filename="big.csv")


def test_a_file_with_more_rows_than_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_ROWS", 10)
    with pytest.raises(ImportFileError, match="takes up to 10"):
        read_bytes(b"Objective,Actions\n" + b"x,y\n" * 50, filename="long.csv")


def test_a_docx_without_a_table_is_refused() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Our equality objectives are set out below.")
    buffer = io.BytesIO()
    document.save(buffer)
    with pytest.raises(ImportFileError, match="no table"):
        read_bytes(buffer.getvalue(), filename="plan.docx")


def test_csv_delimiter_is_sniffed_and_windows_1252_is_accepted() -> None:
    data = "Objective;Actions;Timescale\nTackle hate crime;Publish the plan – on time;April 2013\n".encode("cp1252")
    table = read_bytes(data, filename="plan.csv")
    assert table.rows[1].cells == ["Tackle hate crime", "Publish the plan – on time", "April 2013"]


def test_csv_with_a_utf8_byte_order_mark_reads_its_first_header_cleanly() -> None:
    table = read_bytes("\ufeffObjective,Actions\nA,B\n".encode(), filename="plan.csv")
    assert table.rows[0].cells == ["Objective", "Actions"]


def test_merged_cells_are_read_once_and_named_in_a_warning() -> None:
    table = read_file(FIXTURES / "merged.xlsx")
    assert [row.cells[0] for row in table.rows] == ["Objective", "Tackle hate crime", "", ""]
    assert any("A2:A4" in warning for warning in table.warnings)


def test_spreadsheet_dates_and_numbers_become_readable_text() -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Objective", "Actions", "Timescale", "No"])
    import datetime as dt

    sheet.append(["A", "B", dt.datetime(2013, 4, 30), 3.0])
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read_bytes(buffer.getvalue(), filename="plan.xlsx")
    assert table.rows[1].cells[2:] == ["30 April 2013", "3"]


def test_every_table_of_a_docx_is_read_in_order_and_marked_where_a_new_table_starts() -> None:
    table = read_file(FIXTURES / "seed002_actions.docx")
    starts = [row for row in table.rows if row.new_table]
    assert len(starts) > 10
    assert all(row.cells[0] == "Function / Policy" for row in starts)


def test_word_cells_merged_down_or_across_are_read_once_and_named_in_warnings() -> None:
    table = read_file(FIXTURES / "merged.docx")
    assert [row.cells for row in table.rows] == [
        ["Objective", "Actions", "Timescale"],
        ["Tackle hate crime", "Deliver the action plan", "April 2013"],
        ["", "Review the plan", "April 2014"],
        ["", "Publish the review (no timescale)", ""],
    ]
    assert any("A2:A4" in warning for warning in table.warnings)
    assert any("B4:C4" in warning for warning in table.warnings)


def test_merged_cells_import_as_actions_of_the_objective_above_with_the_warning_shown() -> None:
    from helpers import preview_of

    for name in ("merged.docx", "merged.xlsx"):
        preview = preview_of(name)
        [objective] = preview.objectives
        assert [a.title for a in objective.actions][:2] == ["Deliver the action plan", "Review the plan"]
        assert any("merged" in p.message for p in preview.warnings)


def test_an_ods_spreadsheet_reads_the_same_rows_as_the_xlsx() -> None:
    ods = read_file(FIXTURES / "seed000_objectives.ods")
    xlsx = read_file(FIXTURES / "seed000_objectives.xlsx")
    assert [row.cells for row in ods.rows] == [row.cells for row in xlsx.rows]


@pytest.mark.parametrize("name", ["seed002_actions.docx", "seed000_objectives.xlsx", "seed000_objectives.ods"])
def test_a_truncated_file_is_refused_as_damaged(name: str) -> None:
    data = (FIXTURES / name).read_bytes()
    with pytest.raises(ImportFileError, match=r"damaged|not a"):
        read_bytes(data[: len(data) // 2], filename=name)


@given(st.binary(max_size=2000), st.sampled_from(["plan.csv", "plan.xlsx", "plan.ods", "plan.docx", "plan.pdf"]))
@settings(max_examples=150, deadline=None)
def test_any_bytes_give_a_table_or_a_clear_import_file_error(data: bytes, name: str) -> None:
    problems: list[ImportFileError] = []
    try:
        table = read_bytes(data, filename=name)
    except ImportFileError as error:
        problems.append(error)
    if problems:
        assert problems[0].filename == name
        assert problems[0].reason
    else:
        assert table.rows
        assert all(isinstance(cell, str) for row in table.rows for cell in row.cells)


# NUL is left out: a CSV with NUL bytes is refused as "not a text file", which the test above covers.
_CELL = st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"]), max_size=40)


@given(st.lists(st.lists(_CELL, min_size=1, max_size=5), min_size=1, max_size=10))
@settings(max_examples=100, deadline=None)
def test_any_cell_text_written_to_csv_reads_back_without_raising(rows: list[list[str]]) -> None:
    import csv

    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    problems: list[ImportFileError] = []
    try:
        table = read_bytes(buffer.getvalue().encode(), filename="plan.csv")
    except ImportFileError as error:
        problems.append(error)
    if problems:
        assert "empty" in problems[0].reason or "no table" in problems[0].reason
    else:
        assert all(isinstance(cell, str) for row in table.rows for cell in row.cells)


def test_a_word_table_that_is_not_part_of_the_plan_is_left_out_and_named() -> None:
    import docx
    from helpers import preview_of_table

    document = docx.Document()
    document.add_paragraph("Document control")
    control = document.add_table(rows=0, cols=2)
    for cells in (["Version", "3"], ["Author", "Equality team"]):
        row = control.add_row().cells
        row[0].text, row[1].text = cells
    plan = document.add_table(rows=0, cols=3)
    for cells in (["Objective", "Actions", "Timescale"], ["Tackle hate crime", "Publish the plan", "April 2013"]):
        row = plan.add_row().cells
        for cell, text in zip(row, cells, strict=True):
            cell.text = text
    document.add_page_break()
    continued = document.add_table(rows=0, cols=3)  # the plan again after a page break, without its heading row
    row = continued.add_row().cells
    for cell, text in zip(row, ["Reduce violence", "Fund refuges", "March 2014"], strict=True):
        cell.text = text
    glossary = document.add_table(rows=0, cols=2)
    row = glossary.add_row().cells
    row[0].text, row[1].text = "EHRC", "Equality and Human Rights Commission"
    buffer = io.BytesIO()
    document.save(buffer)
    preview = preview_of_table(read_bytes(buffer.getvalue(), filename="plan.docx"))
    assert [o.statement for o in preview.objectives] == ["Tackle hate crime", "Reduce violence"]
    assert [p.message for p in preview.warnings if "left out" in p.message] == [
        "Table 4 neither repeats the plan's heading row nor has its columns, so it is left out."
    ]
