"""Reading files into raw rows, and the clear messages for files that cannot be read."""

from __future__ import annotations

import io

import openpyxl
import pytest
from helpers import FIXTURES

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
