"""A report as an XLSX workbook (openpyxl, write-only mode so large reports stay quick): a Contents sheet, then
one sheet per table with its title, the data (header row frozen), and under it the notes, the legend of symbols
and any notes on single figures.

Figures are real numbers where the table shows a number: the full-precision value, with a number format that
shows it as the table does (a rate 0.1404 shown "14.0%" is the number 0.1404 formatted ``0.0%``). A figure
replaced by a symbol is the symbol, as text. Text that begins with ``= + - @`` (or a tab or carriage return) is
stored as text, never a formula, *and* prefixed with an apostrophe (:func:`~dueregard.analytics.results.csv_safe`),
so it stays harmless if the sheet is later saved as CSV."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from .. import i18n
from ..i18n import _
from ..report import Report
from ..results import Cell, Column, ResultTable, csv_safe
from .formatting import columns_with_intervals, display_is_number, legend, row_label, shown_as

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

SHEET_NAME_LIMIT: Final = 31
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\']")


def sheet_name(number: int, title: str) -> str:
    """``"7 Appointed by ethnicity"``: at most 31 characters, none of ``[]:*?/\\'``; the number at the front keeps
    names unique (and apart from "Contents")."""
    clean = " ".join(_NOT_IN_SHEET_NAMES.sub(" ", title).split())
    return f"{number} {clean}"[:SHEET_NAME_LIMIT].rstrip()


def _percent_format(decimals: int) -> str:
    return "0" + ("." + "0" * decimals if decimals else "") + "%"


class _Writer:
    def __init__(self) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Font

        self.workbook = Workbook(write_only=True)
        self.bold = Font(bold=True)
        self.title_font = Font(bold=True, size=14)

    def cell(self, sheet: WriteOnlyWorksheet, value: Any, *, bold: bool = False, title: bool = False) -> Any:
        from openpyxl.cell import WriteOnlyCell

        if isinstance(value, str):
            value = csv_safe(value)
            if not (bold or title or value.startswith("=")):
                # Plain text needs no cell object (much quicker): openpyxl stores a string as text unless it
                # begins with "=", which csv_safe has already escaped.
                return value
        elif not (bold or title):
            return value
        item = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            item.data_type = "s"  # never a formula, whatever the text
        if title:
            item.font = self.title_font
        elif bold:
            item.font = self.bold
        return item

    def number(self, sheet: WriteOnlyWorksheet, cell: Cell, column: Column, value: float | None = None) -> Any:
        """A figure: a number formatted as the table shows it, or the text shown when it is not a number."""
        from openpyxl.cell import WriteOnlyCell

        if cell.symbol:
            return self.cell(sheet, cell.symbol)
        if value is not None:  # an interval bound: a number, shown like the figure when the figure is a number
            shown = shown_as(cell, column)
            if shown is None:
                return value
        else:
            shown = shown_as(cell, column) if display_is_number(cell) else None
        figure = cell.value if value is None else value
        if shown is None or isinstance(figure, bool) or not isinstance(figure, int | float):
            return self.cell(sheet, cell.text)
        if shown.percent and shown.scale == 1.0:
            item = WriteOnlyCell(sheet, value=figure / 100)
            item.number_format = _percent_format(shown.decimals)
        elif shown.percent:
            item = WriteOnlyCell(sheet, value=figure)
            item.number_format = _percent_format(shown.decimals)
        else:
            item = WriteOnlyCell(sheet, value=figure)
            digits = "#,##0" + ("." + "0" * shown.decimals if shown.decimals else "")
            item.number_format = f'"{shown.currency}"{digits}' if shown.currency else digits
        return item

    def contents(self, report: Report, names: list[tuple[str, str, str]]) -> None:
        sheet = self.workbook.create_sheet(_("Contents")[:SHEET_NAME_LIMIT])
        sheet.column_dimensions["A"].width = 34
        sheet.column_dimensions["B"].width = 40
        sheet.column_dimensions["C"].width = 60
        sheet.append([self.cell(sheet, report.title, title=True)])
        sheet.append([self.cell(sheet, _("Data"), bold=True), self.cell(sheet, report.dataset)])
        sheet.append([self.cell(sheet, _("Records"), bold=True), report.records])
        sheet.append([self.cell(sheet, _("Report"), bold=True), self.cell(sheet, report.preset)])
        for heading, texts in ((_("Warning"), report.warnings), (_("Note"), report.notes)):
            for text in texts:
                sheet.append([self.cell(sheet, heading, bold=True), self.cell(sheet, text)])
        sheet.append(
            [
                self.cell(
                    sheet,
                    _(
                        "Intervals are 95% confidence intervals unless a table's methods say otherwise. Symbols are "
                        "explained under each table."
                    ),
                )
            ]
        )
        sheet.append([])
        sheet.append([self.cell(sheet, name, bold=True) for name in (_("Sheet"), _("Section"), _("Table"))])
        for name, section, title in names:
            sheet.append([self.cell(sheet, name), self.cell(sheet, section), self.cell(sheet, title)])

    def table(self, name: str, section: str, table: ResultTable) -> None:
        sheet = self.workbook.create_sheet(name)
        intervals = columns_with_intervals(table)
        header_row = 4
        sheet.freeze_panes = f"A{header_row + 1}"
        widths = []
        for column, has_interval in zip(table.columns, intervals, strict=True):
            widths.append(max(12, min(45, len(column.label) + 2)))
            if has_interval:
                widths += [12, 12]
        from openpyxl.utils import get_column_letter

        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.append([self.cell(sheet, table.title, title=True)])
        sheet.append([self.cell(sheet, section)])
        sheet.append([])
        header = []
        for column, has_interval in zip(table.columns, intervals, strict=True):
            header.append(self.cell(sheet, column.label, bold=True))
            if has_interval:
                header += [
                    self.cell(sheet, _("{column} (lower)").format(column=column.label), bold=True),
                    self.cell(sheet, _("{column} (upper)").format(column=column.label), bold=True),
                ]
        sheet.append(header)
        cell_notes: list[str] = []
        for row in table.rows:
            line = []
            for column, cell, has_interval in zip(table.columns, row, intervals, strict=True):
                line.append(
                    self.cell(sheet, cell.text)
                    if column.kind in ("label", "text")
                    else self.number(sheet, cell, column)
                )
                if has_interval:
                    for bound in (cell.low, cell.high):
                        hidden = bool(cell.symbol) or bound is None
                        line.append(self.cell(sheet, "") if hidden else self.number(sheet, cell, column, bound))
                if cell.note:
                    cell_notes.append(
                        _("{row}, {column}: {note}").format(
                            row=row_label(table, row), column=column.label, note=cell.note
                        )
                    )
            sheet.append(line)
        sheet.append([])
        for label, text in self.note_lines(table):
            sheet.append([self.cell(sheet, label, bold=True), self.cell(sheet, text)])
        entries = legend(table)
        if entries:
            sheet.append([])
            sheet.append([self.cell(sheet, _("Symbol"), bold=True), self.cell(sheet, _("Meaning"), bold=True)])
            for symbol, meaning in entries:
                sheet.append([self.cell(sheet, symbol), self.cell(sheet, meaning)])
        if cell_notes:
            sheet.append([])
            sheet.append([self.cell(sheet, _("Notes on figures"), bold=True)])
            for text in cell_notes:
                sheet.append([self.cell(sheet, text)])

    @staticmethod
    def note_lines(table: ResultTable) -> list[tuple[str, str]]:
        notes = table.notes
        lines: list[tuple[str, str]] = []
        if notes.reference_group:
            lines.append((_("Reference group"), notes.reference_group))
        if notes.unknown_count is not None:
            used = {
                True: _("{count} (counted in the figures)"),
                False: _("{count} (not used in the figures)"),
                None: "{count}",
            }[notes.unknowns_used]
            lines.append((_("Unknown values"), used.format(count=f"{notes.unknown_count:,}")))
        if notes.declaration_rate is not None:
            lines.append((_("Declaration rate"), f"{notes.declaration_rate * 100:.1f}%"))
        for label, texts in (
            (_("Warning"), notes.warnings),
            (_("Test"), notes.tests),
            (_("Method"), notes.methods),
            (_("Disclosure control"), notes.disclosure),
        ):
            lines += [(label, text) for text in texts]
        return lines


def write_xlsx(report: Report, path: Path) -> None:
    """Write ``report`` as a workbook, its own texts (sheet headings, notes) in the report's language."""
    with i18n.language(report.language):
        _write(report, path)


def _write(report: Report, path: Path) -> None:
    writer = _Writer()
    names: list[tuple[str, str, str]] = []
    planned: list[tuple[str, str, ResultTable]] = []
    number = 0
    for section in report.sections:
        for table in section.tables:
            number += 1
            name = sheet_name(number, table.title)
            names.append((name, section.heading, table.title))
            planned.append((name, section.heading, table))
    writer.contents(report, names)
    for name, heading, table in planned:
        writer.table(name, heading, table)
    writer.workbook.save(str(path))
