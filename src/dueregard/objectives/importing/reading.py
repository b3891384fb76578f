"""Read a file into raw rows: a list of cell strings per row, with the row's number in the file.

Formula cells in spreadsheets (XLSX and ODS) are refused, naming the cells: a file written by a program other than
the spreadsheet itself often holds no saved result for a formula, and importing a formula's text would be wrong. The
message tells the person to paste the values instead. Merged cells (XLSX, ODS and DOCX, across columns or down
rows): the text of a merged range is read once, in its first cell (the others are empty), and the layout step reads
an empty objective cell as "the objective above"; a warning names each merged range. DOCX: every table in the
document is read, in order; a table that starts with the same header row as the previous one continues it (that is
how Word shows a table broken by a page break).

Limits (``MAX_FILE_BYTES``, ``MAX_ROWS``, ``MAX_COLUMNS``): 10 MB, 20,000 rows with text, 60 columns.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

MAX_FILE_BYTES = 10 * 1024 * 1024  # 10 MB: far above any real plan (a 5,000-row spreadsheet is about 1 MB)
MAX_ROWS = 20_000
MAX_COLUMNS = 60

CSV_SUFFIXES = {".csv", ".tsv", ".txt"}
SHEET_SUFFIXES = {".xlsx", ".xlsm", ".ods"}
DOCX_SUFFIXES = {".docx"}
ACCEPTED = sorted(CSV_SUFFIXES | SHEET_SUFFIXES | DOCX_SUFFIXES)


class ImportFileError(Exception):
    """The file cannot be read at all. ``str()`` is a sentence for the person who uploaded it."""

    def __init__(self, filename: str, reason: str) -> None:
        self.filename = filename
        self.reason = reason
        super().__init__(f"{filename}: {reason}")


@dataclass
class RawRow:
    number: int  # 1-based position in the file (for DOCX: counted across the tables)
    cells: list[str]
    location: str = ""  # where to find it, in words ("row 12", "table 2, row 3")
    new_table: bool = False  # the first row of a DOCX table after the first
    table: int = 0  # DOCX: the table's number in the document (1, 2, …); 0 for CSV and spreadsheets
    width: int = 0  # DOCX: the row's number of grid columns before padding (0 when not known)


@dataclass
class RawTable:
    filename: str
    rows: list[RawRow]
    warnings: list[str] = field(default_factory=list)


def read_file(path: str | Path, *, filename: str | None = None) -> RawTable:
    path = Path(path)
    return read_bytes(path.read_bytes(), filename=filename or path.name)


def read_bytes(data: bytes, *, filename: str) -> RawTable:
    suffix = Path(filename).suffix.lower()
    if suffix not in CSV_SUFFIXES | SHEET_SUFFIXES | DOCX_SUFFIXES:
        raise ImportFileError(
            filename,
            _("this is not a file type the import reads. Save it as one of: %(types)s.")
            % {"types": ", ".join(ACCEPTED)},
        )
    if not data.strip():
        raise ImportFileError(filename, _("the file is empty."))
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(
            filename,
            _("the file is %(size)s MB; the import takes files up to %(limit)s MB. Split the plan into smaller files.")
            % {"size": f"{len(data) / 1024 / 1024:.1f}", "limit": MAX_FILE_BYTES // 1024 // 1024},
        )
    if suffix in CSV_SUFFIXES:
        table = _read_csv(data, filename)
    elif suffix in SHEET_SUFFIXES:
        table = _read_sheet(data, filename, suffix)
    else:
        table = _read_docx(data, filename)
    table.rows = [row for row in table.rows if any(cell.strip() for cell in row.cells)]
    if not table.rows:
        raise ImportFileError(filename, _("the file holds no table with any text in it."))
    if len(table.rows) > MAX_ROWS:
        raise ImportFileError(
            filename,
            _("the file has %(rows)s rows; the import takes up to %(limit)s. Split it.")
            % {"rows": f"{len(table.rows):,}", "limit": f"{MAX_ROWS:,}"},
        )
    width = max(len(row.cells) for row in table.rows)
    if width > MAX_COLUMNS:
        raise ImportFileError(
            filename,
            _("the table has %(columns)s columns; the import takes up to %(limit)s.")
            % {"columns": width, "limit": MAX_COLUMNS},
        )
    for row in table.rows:
        row.cells += [""] * (width - len(row.cells))
    return table


# --- CSV ---------------------------------------------------------------------------------------------------------


def _decode(data: bytes, filename: str) -> str:
    if b"\x00" in data[:4096]:
        raise ImportFileError(filename, _("this is not a text file, so it cannot be read as CSV."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            filename, _("the text is neither UTF-8 nor Windows-1252; save it as UTF-8 CSV.")
        ) from error


def _read_csv(data: bytes, filename: str) -> RawTable:
    text = _decode(data, filename)
    sample = text[:16384]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel_tab if "\t" in sample and "," not in sample else csv.excel
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error as error:
        raise ImportFileError(filename, _("the CSV cannot be read (%(error)s).") % {"error": error}) from error
    return RawTable(
        filename=filename,
        rows=[
            RawRow(number=i, cells=[cell.strip() for cell in row], location=f"row {i}") for i, row in enumerate(rows, 1)
        ],
    )


# --- XLSX / ODS --------------------------------------------------------------------------------------------------


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.datetime):
        return f"{value.day} {value:%B %Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value.day} {value:%B %Y}"
    return str(value).strip()


_FORMULA = re.compile(rb'<c r="([A-Z]+[0-9]+)"[^>]*>(?:(?!</c>).)*?<f[ >/]', re.S)


def _xlsx_formula_cells(data: bytes, sheet_index: int) -> list[str]:
    """Cells of the first sheet that hold a formula (calamine reads only their saved results)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = sorted(
                (name for name in archive.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name)),
                key=lambda name: int(re.sub(r"\D", "", name)),
            )
            if sheet_index >= len(names):
                return []
            return [match.decode() for match in _FORMULA.findall(archive.read(names[sheet_index]))]
    except (zipfile.BadZipFile, KeyError):
        return []


_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def _ods_formula_cells(data: bytes, sheet_index: int) -> list[str]:
    """Cells of the sheet that hold a formula, from the ODS ``content.xml`` (``table:formula`` attributes)."""
    from lxml import etree

    found: list[str] = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("content.xml") as content:
            sheet = row = column = -1
            events = etree.iterparse(content, events=("start", "end"), resolve_entities=False, no_network=True)
            for event, element in events:
                tag = element.tag
                if event == "start":
                    if tag == f"{_ODS_TABLE}table":
                        sheet, row = sheet + 1, 0
                    elif tag == f"{_ODS_TABLE}table-row" and sheet == sheet_index:
                        column = 0
                    continue
                if sheet != sheet_index:
                    if tag == f"{_ODS_TABLE}table-row":
                        element.clear()
                    continue
                if tag in {f"{_ODS_TABLE}table-cell", f"{_ODS_TABLE}covered-table-cell"}:
                    repeat = int(element.get(f"{_ODS_TABLE}number-columns-repeated", "1"))
                    if element.get(f"{_ODS_TABLE}formula") and len(found) < 6:
                        found.append(f"{_column_letter(column)}{row + 1}")
                    column += repeat
                elif tag == f"{_ODS_TABLE}table-row":
                    row += int(element.get(f"{_ODS_TABLE}number-rows-repeated", "1"))
                    element.clear()
                elif tag == f"{_ODS_TABLE}table" and sheet == sheet_index:
                    break
    except (zipfile.BadZipFile, KeyError, etree.LxmlError, ValueError):
        return []
    return found


def _read_sheet(data: bytes, filename: str, suffix: str) -> RawTable:
    from python_calamine import CalamineWorkbook

    if not data.startswith(b"PK"):
        raise ImportFileError(
            filename,
            _("the file is not a real %(type)s file (it may be damaged).") % {"type": suffix.lstrip(".").upper()},
        )
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = workbook.sheet_names
        index = next(
            (i for i, name in enumerate(names) if workbook.get_sheet_by_name(name).to_python(skip_empty_area=True)),
            None,
        )
        if index is None:
            raise ImportFileError(filename, _("every sheet of the workbook is empty."))
        sheet = workbook.get_sheet_by_index(index)
        values = sheet.to_python(skip_empty_area=False)
        merged = sheet.merged_cell_ranges or []
    except ImportFileError:
        raise
    except Exception as error:  # calamine raises its own error types for damaged files
        raise ImportFileError(
            filename, _("the workbook is damaged or not a spreadsheet (%(error)s).") % {"error": error}
        ) from error
    formulas = _ods_formula_cells(data, index) if suffix == ".ods" else _xlsx_formula_cells(data, index)
    if formulas:
        shown = ", ".join(formulas[:5]) + (" …" if len(formulas) > 5 else "")
        raise ImportFileError(
            filename,
            _(
                "cell %(cells)s on sheet ‘%(sheet)s’ holds a formula. The import reads text, not formulas: "
                "copy the cells and paste them as values, then upload the file again."
            )
            % {"cells": shown, "sheet": names[index]},
        )
    table = RawTable(
        filename=filename,
        rows=[
            RawRow(number=i, cells=[_cell_text(v) for v in row], location=f"row {i}") for i, row in enumerate(values, 1)
        ],
    )
    for (top, left), (bottom, right) in merged:
        name = f"{_column_letter(left)}{top + 1}:{_column_letter(right)}{bottom + 1}"
        table.warnings.append(
            _("Cells %(range)s are merged: their text is read in %(cell)s only; check those rows.")
            % {"range": name, "cell": f"{_column_letter(left)}{top + 1}"}
        )
    return table


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


# --- DOCX --------------------------------------------------------------------------------------------------------


def _read_docx(data: bytes, filename: str) -> RawTable:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not data.startswith(b"PK"):
        raise ImportFileError(filename, _("the file is not a real Word (DOCX) file (it may be damaged)."))
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, LookupError, SyntaxError) as error:
        raise ImportFileError(filename, _("the Word file is damaged or is not a DOCX document.")) from error
    if not document.tables:
        raise ImportFileError(filename, _("the Word document has no table in it; the plan must be in a table."))
    table_out = RawTable(filename=filename, rows=[])
    number = 0
    for t_index, table in enumerate(document.tables, 1):
        open_down: dict[int, list[int]] = {}  # grid column → [first row, last row] of a cell merged down
        for r_index, row in enumerate(table.rows, 1):
            number += 1
            cells, merged = _docx_row_cells(row)
            for column, span, down in merged:
                if down and column in open_down:
                    open_down[column][1] = r_index
                    continue
                if span > 1:
                    first = f"{_column_letter(column)}{r_index}"
                    last = f"{_column_letter(column + span - 1)}{r_index}"
                    table_out.warnings.append(_merged_warning(t_index, first, last, first))
            for column in [c for c in open_down if not any(m[0] == c and m[2] for m in merged)]:
                top, bottom = open_down.pop(column)
                first = f"{_column_letter(column)}{top}"
                table_out.warnings.append(_merged_warning(t_index, first, f"{_column_letter(column)}{bottom}", first))
            for column, _span, down in merged:
                if down is False:  # a "restart": the first cell of a range merged down
                    open_down[column] = [r_index, r_index]
            where = f"table {t_index}, row {r_index}" if len(document.tables) > 1 else f"row {r_index}"
            table_out.rows.append(
                RawRow(
                    number=number,
                    cells=cells,
                    location=where,
                    new_table=(t_index > 1 and r_index == 1),
                    table=t_index,
                    width=len(cells),
                )
            )
        for column, (top, bottom) in open_down.items():
            if bottom > top:
                first = f"{_column_letter(column)}{top}"
                table_out.warnings.append(_merged_warning(t_index, first, f"{_column_letter(column)}{bottom}", first))
    return table_out


def _merged_warning(table: int, first: str, last: str, cell: str) -> str:
    return _("Table %(table)s: cells %(range)s are merged: their text is read in %(cell)s only; check those rows.") % {
        "table": table,
        "range": f"{first}:{last}",
        "cell": cell,
    }


def _docx_row_cells(row: object) -> tuple[list[str], list[tuple[int, int, bool | None]]]:
    """The text of each grid column of a Word table row, each merged cell read once.

    Returns the cells and, per merged cell, (grid column, columns spanned, None / False for the first cell of a range
    merged down / True for a cell that continues one). A cell merged across columns gives its text in its first
    column and "" in the others; a cell that continues a range merged down gives "" (python-docx would repeat the
    top cell's text)."""
    from docx.table import _Cell

    tr = row._tr  # type: ignore[attr-defined]
    cells: list[str] = [""] * int(getattr(tr, "grid_before", 0) or 0)
    merged: list[tuple[int, int, bool | None]] = []
    for tc in tr.tc_lst:
        span = int(tc.grid_span or 1)
        v_merge = tc.vMerge
        column = len(cells)
        if v_merge == "continue":
            cells += [""] * span
            merged.append((column, span, True))
            continue
        cell = _Cell(tc, row)  # type: ignore[arg-type]
        text = "\n".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
        cells += [text] + [""] * (span - 1)
        if span > 1 or v_merge == "restart":
            merged.append((column, span, False if v_merge == "restart" else None))
    return cells, merged
