from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from dueregard.web.exports import Table, csv_bytes, safe_cell, xlsx_bytes


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\t=1", "'\t=1"),
        ("Plain text", "Plain text"),
        ("", ""),
        (None, ""),
        (-5, -5),
        (2.5, 2.5),
        (dt.date(2026, 1, 2), dt.date(2026, 1, 2)),
    ],
)
def test_safe_cell_escapes_text_a_spreadsheet_would_read_as_a_formula(value: object, written: object) -> None:
    assert safe_cell(value) == written


def test_csv_is_utf8_with_a_byte_order_mark_and_escaped_cells() -> None:
    content = csv_bytes(Table("t", ["Name", "=Header"], [['=HYPERLINK("x")', -3], ["Ŵyn", dt.date(2026, 4, 1)]]))
    assert content.startswith(b"\xef\xbb\xbf")
    text = content.decode("utf-8-sig")
    assert text.splitlines() == ["Name,'=Header", '"\'=HYPERLINK(""x"")",-3', "Ŵyn,2026-04-01"]


def test_xlsx_has_one_sheet_per_table_with_safe_unique_names() -> None:
    content = xlsx_bytes(
        [Table("Overdue: Q3/2026", ["A"], [["@x"]]), Table("Overdue: Q3/2026", ["B"], [[1]])], title="T"
    )
    workbook = load_workbook(io.BytesIO(content))
    assert workbook.sheetnames == ["Overdue  Q3 2026", "Overdue  Q3 2026 (2)"]
    assert workbook.worksheets[0]["A2"].value == "'@x"
    assert workbook.properties.title == "T"
