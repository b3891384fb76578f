"""Writers for a :class:`~dueregard.analytics.report.Report`: CSV (one file per table), XLSX, JSON and a
standalone accessible HTML page. Framework-free: no Django.

:func:`write_report` writes the chosen formats into a folder *atomically*: everything is written to a temporary
folder beside the destination first and moved into place only when all of it has been written, so a failure
(a full disk, a bad value) leaves the destination as it was.

Files written (``report`` is the file stem)::

    report.html      the accessible report (charts with their data tables)
    report.xlsx      a Contents sheet, then one sheet per table
    report.json      Report.to_dict()
    csv/NN-title.csv one file per table, in report order
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from ..report import Report
from .csv_tables import table_file_name, write_csv_tables, write_table_csv
from .html_report import render_html
from .json_report import report_json, write_json

FORMATS: Final = ("csv", "xlsx", "json", "html")
STEM: Final = "report"
CSV_FOLDER: Final = "csv"

__all__ = [
    "CSV_FOLDER",
    "FORMATS",
    "STEM",
    "render_html",
    "report_json",
    "table_file_name",
    "write_csv_tables",
    "write_html",
    "write_json",
    "write_report",
    "write_table_csv",
    "write_xlsx",
]


def write_html(report: Report, path: Path) -> None:
    path.write_text(render_html(report), encoding="utf-8")


def write_xlsx(report: Report, path: Path) -> None:
    from .xlsx_workbook import write_xlsx as write  # openpyxl is imported only when a workbook is wanted

    write(report, path)


def _write_into(report: Report, folder: Path, formats: Sequence[str]) -> list[Path]:
    written: list[Path] = []
    if "html" in formats:
        write_html(report, folder / f"{STEM}.html")
        written.append(folder / f"{STEM}.html")
    if "xlsx" in formats:
        write_xlsx(report, folder / f"{STEM}.xlsx")
        written.append(folder / f"{STEM}.xlsx")
    if "json" in formats:
        write_json(report, folder / f"{STEM}.json")
        written.append(folder / f"{STEM}.json")
    if "csv" in formats:
        write_csv_tables(report, folder / CSV_FOLDER)
        written.append(folder / CSV_FOLDER)
    return written


def write_report(report: Report, directory: str | Path, *, formats: Sequence[str] = FORMATS) -> list[Path]:
    """Write ``report`` into ``directory`` in each of ``formats``; return the paths written (files, and the CSV
    folder) in the destination.

    The destination is created if needed. Files of the same names already there are replaced; the CSV folder is
    replaced as a whole, so no table of an earlier run is left beside the new ones. Other files are left alone."""
    unknown = [name for name in formats if name not in FORMATS]
    if unknown:
        raise ValueError(f"Unknown output format(s) {', '.join(unknown)}: choose from {', '.join(FORMATS)}.")
    destination = Path(directory)
    destination.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{destination.name}.", dir=destination.parent))
    try:
        written = _write_into(report, scratch, formats)
        if not destination.exists():
            os.rename(scratch, destination)
        else:
            for path in written:
                target = destination / path.name
                if path.is_dir():
                    old = None
                    if target.exists():
                        old = scratch / f".old-{path.name}"
                        os.rename(target, old)
                    os.rename(path, target)
                    if old is not None:
                        shutil.rmtree(old)
                else:
                    os.replace(path, target)
    finally:
        if scratch.exists():
            shutil.rmtree(scratch, ignore_errors=True)
    return [destination / path.name for path in written]
