"""Each table of a report as its own CSV file: the figures as a reader sees them, intervals in their own columns,
and every text cell that a spreadsheet would run as a formula escaped (:func:`~dueregard.analytics.results.csv_safe`,
applied by :meth:`~dueregard.analytics.results.ResultTable.to_csv_rows`).

Files are UTF-8 with a byte-order mark, so spreadsheet programs read Welsh and other accented letters correctly
(as the web app's CSV downloads do)."""

from __future__ import annotations

import csv
from pathlib import Path

from .. import i18n
from ..report import Report
from ..results import ResultTable
from .formatting import slug


def table_file_name(number: int, table: ResultTable, *, width: int = 2) -> str:
    """``07-appointed-by-ethnicity.csv``: the table's place in the report, then its title."""
    return f"{number:0{width}d}-{slug(table.title)}.csv"


def write_table_csv(table: ResultTable, path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(table.to_csv_rows())


def write_csv_tables(report: Report, directory: Path) -> list[Path]:
    """Write every table to ``directory`` (created); return the files in report order. The header texts the writer
    adds (an interval's "(lower)" and "(upper)") are in the report's language."""
    directory.mkdir(parents=True, exist_ok=True)
    tables = report.tables
    width = max(2, len(str(len(tables))))
    written = []
    with i18n.language(report.language):
        for number, table in enumerate(tables, start=1):
            path = directory / table_file_name(number, table, width=width)
            write_table_csv(table, path)
            written.append(path)
    return written
