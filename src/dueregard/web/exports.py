"""Writing tables out as CSV and XLSX downloads, safely.

A spreadsheet program reads a cell that begins with ``=``, ``+``, ``-`` or ``@`` (and, in some programs, a tab or
a carriage return) as a formula, so text typed into the app could run as a formula on a reader's machine ("CSV
injection"). :func:`safe_cell` puts an apostrophe before such text, as OWASP recommends; numbers and dates are
left alone, so a negative number stays a number. Every CSV and XLSX the app writes goes through these writers.

CSV files are UTF-8 with a byte-order mark, so that spreadsheet programs read Welsh letters (ŵ, ŷ) correctly.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def safe_cell(value: Any) -> Any:
    """``value`` as it may go into a CSV or XLSX cell: text that a spreadsheet would read as a formula gets a
    leading apostrophe; other values are returned unchanged (None becomes an empty cell)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


@dataclass
class Table:
    """One table of a download: a title (the sheet name in XLSX), a header row and the data rows."""

    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[Any]] = field(default_factory=list)


def _csv_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return safe_cell(value)


def csv_bytes(table: Table) -> bytes:
    """The table as a CSV file (header first), UTF-8 with a byte-order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(str(heading)) for heading in table.header])
    for row in table.rows:
        writer.writerow([_csv_value(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def _sheet_title(title: str, used: set[str]) -> str:
    base = _SHEET_TITLE_FORBIDDEN.sub(" ", title).strip().strip("'")[:31] or "Sheet"
    name, number = base, 2
    while name.lower() in used:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(name.lower())
    return name


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)  # measures have at most 14 digits: a float holds them exactly enough to display
    return safe_cell(value)


def xlsx_bytes(tables: Iterable[Table], *, title: str = "", language: str = "en") -> bytes:
    """A workbook with one sheet per table: header row bold and frozen, columns sized to their content."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = title
    workbook.properties.language = language
    used: set[str] = set()
    bold = Font(bold=True)
    for table in tables:
        sheet = workbook.create_sheet(_sheet_title(table.title, used))
        sheet.append([safe_cell(str(heading)) for heading in table.header])
        for cell in sheet[1]:
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in table.rows:
            sheet.append([_xlsx_value(value) for value in row])
        sheet.freeze_panes = "A2"
        for index, heading in enumerate(table.header, start=1):
            longest = max([len(str(heading))] + [len(str(row[index - 1] or "")) for row in table.rows[:500]])
            sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = min(max(longest, 8), 60) + 2
        for row_cells in sheet.iter_rows(min_row=1, max_row=sheet.max_row):
            for cell in row_cells:
                if isinstance(cell.value, dt.date | dt.datetime):
                    cell.number_format = "dd/mm/yyyy"
    if not workbook.worksheets:
        workbook.create_sheet("Sheet")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def download(content: bytes, *, filename: str, content_type: str) -> HttpResponse:
    """An HTTP response that downloads ``content`` as ``filename``."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def csv_download(table: Table, *, filename: str) -> HttpResponse:
    return download(csv_bytes(table), filename=filename, content_type=CSV_TYPE)


def xlsx_download(tables: Iterable[Table], *, filename: str, title: str = "", language: str = "en") -> HttpResponse:
    return download(xlsx_bytes(tables, title=title, language=language), filename=filename, content_type=XLSX_TYPE)
