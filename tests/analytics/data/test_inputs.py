"""Reading every supported format on both engines, and the errors for files that cannot be read."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import ibis
import pandas as pd
import pyarrow as pa
import pytest

from dueregard.analytics import translations
from dueregard.analytics.i18n import language
from dueregard.analytics.inputs import ROW_COLUMN, InputError, read_frame, read_spreadsheet, read_table

FIXTURES = Path(__file__).parents[1] / "fixtures"
WORKFORCE = ["workforce.csv", "workforce.xlsx", "workforce.ods", "workforce.parquet"]


@pytest.fixture(scope="module", autouse=True)
def _compiled() -> None:
    translations.compile_if_stale("cy")


@pytest.mark.parametrize("file_name", WORKFORCE)
def test_every_format_gives_the_same_records(backend: ibis.BaseBackend, file_name: str) -> None:
    table = read_table(backend, FIXTURES / file_name)
    rows = table.order_by("staff_id").to_pyarrow()
    assert rows.num_rows == 12
    assert rows.column_names[:4] == ["staff_id", "sex", "ethnicity", "disabled"]
    assert rows.column("staff_id").to_pylist() == list(range(1, 13))
    assert rows.column("ethnicity").to_pylist()[4:8] == [
        "Mixed: White & Asian",
        "Prefer not to say",
        None,
        "Whte Irish",
    ]
    assert rows.column("ordinary_pay").to_pylist()[:2] == [2000.0, 2500.5]
    assert [str(age) for age in rows.column("age").to_pylist()][8:10] == ["30", "thirty"]
    assert sum(rows.column("bonus_pay").to_pylist()) == 850


def test_numbers_are_widened_to_the_same_types_on_both_engines(backend: ibis.BaseBackend) -> None:
    schema = read_table(backend, FIXTURES / "workforce.csv").schema()
    assert schema["staff_id"] == ibis.dtype("int64")
    assert schema["ordinary_pay"] == ibis.dtype("float64")
    assert schema["age"] == ibis.dtype("string")  # "thirty" keeps the column text; validation reports it


@pytest.mark.parametrize("file_name", ["workforce.xlsx", "workforce.ods"])
def test_spreadsheet_rows_are_numbered_from_the_first_data_row(backend: ibis.BaseBackend, file_name: str) -> None:
    table = read_table(backend, FIXTURES / file_name, row_numbers=True)
    rows = table.order_by(ROW_COLUMN).to_pyarrow()
    assert rows.column(ROW_COLUMN).to_pylist() == list(range(1, 13))
    assert rows.column("staff_id").to_pylist() == list(range(1, 13))


def test_csv_rows_are_numbered_on_duckdb() -> None:
    con = ibis.duckdb.connect()
    rows = read_table(con, FIXTURES / "workforce.csv", row_numbers=True).to_pyarrow()
    assert rows.column(ROW_COLUMN).to_pylist() == rows.column("staff_id").to_pylist()


def test_frames_of_every_kind_are_registered(backend: ibis.BaseBackend) -> None:
    data = {"staff_id": [1, 2, 3], "sex": ["Female", None, "Male"]}
    for frame in (pd.DataFrame(data), pa.table(data), pa.RecordBatch.from_pydict(data)):
        table = read_frame(backend, frame, row_numbers=True)
        rows = table.order_by(ROW_COLUMN).to_pyarrow()
        assert rows.column("sex").to_pylist() == ["Female", None, "Male"]
        assert rows.column(ROW_COLUMN).to_pylist() == [1, 2, 3]


def test_a_table_in_a_duckdb_database_file(backend: ibis.BaseBackend, tmp_path: Path) -> None:
    database = tmp_path / "hr.duckdb"
    with duckdb.connect(str(database)) as source:
        source.execute("CREATE TABLE staff AS SELECT * FROM (VALUES (1, 'Female'), (2, 'Male')) AS t(staff_id, sex)")
    table = read_table(backend, database, table="staff")
    assert table.order_by("staff_id").to_pyarrow().column("sex").to_pylist() == ["Female", "Male"]
    with pytest.raises(InputError, match=r"hr\.duckdb: no table 'people'; the database has staff"):
        read_table(backend, database, table="people")


def test_sheet_is_chosen_by_name_or_position() -> None:
    assert read_spreadsheet(FIXTURES / "workforce.xlsx", sheet="Staff").num_rows == 12
    with pytest.raises(InputError, match=r"workforce\.xlsx: has no sheet 'Pay'; its sheets are Staff"):
        read_spreadsheet(FIXTURES / "workforce.xlsx", sheet="Pay")
    with pytest.raises(InputError, match="has no sheet number 3"):
        read_spreadsheet(FIXTURES / "workforce.xlsx", sheet=3)


@pytest.mark.parametrize(
    ("file_name", "message"),
    [
        ("empty.csv", r"empty\.csv: the file is empty"),
        ("header_only.csv", r"header_only\.csv: has a header \(staff_id, sex, .*\) but no data rows"),
        ("not_really.xlsx", r"not_really\.xlsx: not an XLSX workbook \(it is not a zip archive\)"),
        ("corrupt.parquet", r"corrupt\.parquet: cannot be read as PARQUET: "),
        ("missing.csv", r"missing\.csv: file not found"),
    ],
)
def test_unreadable_files_are_named_with_the_reason(backend: ibis.BaseBackend, file_name: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_table(backend, FIXTURES / file_name)


def test_unsupported_and_misnamed_files(tmp_path: Path) -> None:
    con = ibis.duckdb.connect()
    report = tmp_path / "staff.docx"
    report.write_text("x")
    with pytest.raises(InputError, match=r"staff\.docx: unsupported file type \.docx"):
        read_table(con, report)
    old = tmp_path / "staff.xls"
    old.write_text("x")
    with pytest.raises(InputError, match=r"staff\.xls: old binary Excel"):
        read_table(con, old)
    fake = tmp_path / "staff.parquet"
    shutil.copy(FIXTURES / "workforce.csv", fake)
    with pytest.raises(InputError, match=r"staff\.parquet: not a Parquet file"):
        read_table(con, fake)


def test_spreadsheet_without_column_names_is_refused(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["staff_id", None, "staff_id"])
    sheet.append([1, 2, 3])
    path = tmp_path / "bad.xlsx"
    workbook.save(path)
    with pytest.raises(InputError, match=r"bad\.xlsx: sheet 'Sheet': column 2 has no name; column 'staff_id' appears"):
        read_spreadsheet(path)


def test_polars_frames_and_lazy_frames(backend: ibis.BaseBackend) -> None:
    polars = pytest.importorskip("polars")
    frame = polars.DataFrame({"staff_id": [1, 2, 3], "pay": [10.5, None, 7.0], "sex": ["F", "M", None]})
    for source in (frame, frame.lazy()):
        rows = read_frame(backend, source).order_by("staff_id").to_pyarrow()
        assert rows.column("pay").to_pylist() == [10.5, None, 7.0]
        assert rows.column("sex").to_pylist() == ["F", "M", None]


def test_the_reasons_are_in_welsh_under_language_cy(tmp_path: Path) -> None:
    con = ibis.duckdb.connect()
    fake = tmp_path / "staff.parquet"
    shutil.copy(FIXTURES / "workforce.csv", fake)
    with language("cy"):
        with pytest.raises(InputError) as empty:
            read_table(con, FIXTURES / "empty.csv")
        with pytest.raises(InputError) as sheet:
            read_spreadsheet(FIXTURES / "workforce.xlsx", sheet="Pay")
        with pytest.raises(InputError) as parquet:
            read_table(con, fake)
        with pytest.raises(InputError) as header:
            read_table(con, FIXTURES / "header_only.csv")
    assert str(empty.value) == "empty.csv: mae'r ffeil yn wag"
    assert empty.value.reason == "mae'r ffeil yn wag"
    assert str(sheet.value) == "workforce.xlsx: nid oes ganddi ddalen 'Pay'; ei dalennau yw Staff"
    assert str(parquet.value) == (
        "staff.parquet: nid yw'n ffeil Parquet (nid yw'r ffeil yn dechrau gyda b'PAR1'); a yw wedi'i llygru neu a oes "
        "enw anghywir arni?"
    )
    assert str(header.value).startswith("header_only.csv: mae ganddi bennawd (staff_id, sex, ")
    assert str(header.value).endswith(") ond dim rhesi data")
    # English by default.
    with pytest.raises(InputError) as english:
        read_table(con, fake)
    assert str(english.value) == (
        "staff.parquet: not a Parquet file (the file does not start with b'PAR1'); is it corrupt or misnamed?"
    )
