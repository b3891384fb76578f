"""Read record-level data into an Ibis table on the chosen engine.

CSV and Parquet are read by the engine itself (DuckDB's ``read_csv``/``read_parquet``, Spark's readers), never
through pandas, so a 10-million-row file is scanned lazily rather than loaded into Python. Spreadsheets (XLSX,
ODS) are small by nature (a sheet holds at most about a million rows) and are read with python-calamine, then
registered on the engine. Every failure names the file and says why.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from .engine import as_arrow, backend_name, to_backend
from .i18n import _

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import pyarrow as pa
    from ibis import BaseBackend

#: Column holding the data row number (1 = first row after the header) when ``row_numbers=True``.
ROW_COLUMN: Final = "_row"

FORMATS: Final = {
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".xls": "xls",
    ".ods": "ods",
    ".duckdb": "duckdb",
    ".db": "duckdb",
}


class InputError(ValueError):
    """A data file cannot be read; the message names the file and the reason."""

    def __init__(self, source: str | Path, reason: str) -> None:
        self.source = str(source)
        self.reason = reason
        super().__init__(f"{Path(self.source).name}: {reason}")


def read_table(
    con: BaseBackend,
    source: str | Path,
    *,
    file_format: str | None = None,
    sheet: str | int | None = None,
    table: str | None = None,
    row_numbers: bool = False,
) -> ir.Table:
    """Read a CSV, Parquet, XLSX, ODS or DuckDB database file into a table on ``con``.

    ``file_format`` overrides the file extension (``csv``, ``parquet``, ``xlsx``, ``ods``, ``duckdb``). ``sheet``
    picks a spreadsheet sheet by name or 0-based position (default: the first). ``table`` names the table in a
    DuckDB database file. ``row_numbers`` adds a ``_row`` column with the 1-based data row number, so that
    validation can point at rows; it is exact for spreadsheets and on DuckDB, and is not offered for CSV or
    Parquet on Spark (distributed reads have no row order).
    """
    path = Path(source)
    kind = file_format or _format_of(path)
    if not path.exists():
        raise InputError(path, _("file not found"))
    if path.is_file() and path.stat().st_size == 0:
        raise InputError(path, _("the file is empty"))
    if kind == "csv":
        result = _read_with_engine(con, path, kind="csv")
    elif kind == "parquet":
        _check_magic(
            path, b"PAR1", _("not a Parquet file (the file does not start with {magic}); is it corrupt or misnamed?")
        )
        result = _read_with_engine(con, path, kind="parquet")
    elif kind in ("xlsx", "ods"):
        _check_zip(path, kind)
        return to_backend(con, read_spreadsheet(path, sheet=sheet, row_numbers=row_numbers))
    elif kind == "duckdb":
        result = _read_duckdb_table(con, path, table=table)
    elif kind == "xls":
        raise InputError(path, _("old binary Excel (.xls) is not supported: save the sheet as .xlsx, .ods or .csv"))
    else:
        raise InputError(
            path,
            _("unsupported file type {kind}: use CSV, XLSX, ODS, Parquet or a DuckDB database").format(kind=repr(kind)),
        )
    if row_numbers:
        if backend_name(con) == "pyspark":
            raise InputError(path, _("row numbers are not available for files read by Spark"))
        import ibis

        result = result.mutate(**{ROW_COLUMN: ibis.row_number() + 1}).relocate(ROW_COLUMN)
    return result


def read_frame(con: BaseBackend, frame: Any, *, row_numbers: bool = False) -> ir.Table:
    """Register a pandas, Polars or pyarrow frame (or an Ibis table) on ``con``.

    With ``row_numbers`` the ``_row`` column is numbered here, before registration, because Spark does not
    promise to keep the order of rows; as a column value it survives any engine.
    """
    import pyarrow as pa

    arrow_table = as_arrow(frame)
    if row_numbers:
        arrow_table = arrow_table.add_column(0, ROW_COLUMN, pa.array(range(1, arrow_table.num_rows + 1), pa.int64()))
    return to_backend(con, arrow_table)


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        shown = suffix or _("(no extension)")
        raise InputError(
            path, _("unsupported file type {suffix}: use .csv, .xlsx, .ods, .parquet or .duckdb").format(suffix=shown)
        )
    return FORMATS[suffix]


def _check_magic(path: Path, magic: bytes, problem: str) -> None:
    """InputError with ``problem`` (a message with a ``{magic}`` placeholder) unless the file starts with ``magic``."""
    with path.open("rb") as handle:
        if handle.read(len(magic)) != magic:
            raise InputError(path, problem.format(magic=repr(magic)))


def _check_zip(path: Path, kind: str) -> None:
    if not zipfile.is_zipfile(path):
        raise InputError(
            path,
            _("not an {kind} workbook (it is not a zip archive); is it corrupt or misnamed?").format(kind=kind.upper()),
        )


def _read_with_engine(con: BaseBackend, path: Path, *, kind: str) -> ir.Table:
    options: dict[str, Any] = {}
    on_duckdb = backend_name(con) == "duckdb"
    if kind == "csv" and on_duckdb:
        # DuckDB would read Yes/No columns as booleans where Spark keeps the text; the same types on both
        # engines keep the results identical. Flags are interpreted later, from the dataset description.
        options["auto_type_candidates"] = ["BIGINT", "DOUBLE", "DATE", "TIMESTAMP", "VARCHAR"]
    if kind == "csv" and path.suffix.lower() == ".tsv":
        options["delim" if on_duckdb else "sep"] = "\t"
    reader = con.read_csv if kind == "csv" else con.read_parquet
    try:
        table: ir.Table = reader(str(path), **options)
        columns = table.columns
        # Reading is lazy: touch one row so that a corrupt file fails here, with its name, and not later.
        has_rows = table.limit(1).count().to_pyarrow().as_py() > 0
    except InputError:
        raise
    except Exception as error:
        reason = _("cannot be read as {kind}: {error}").format(kind=kind.upper(), error=_first_line(error))
        raise InputError(path, reason) from error
    if not has_rows:
        raise InputError(path, _("has a header ({columns}) but no data rows").format(columns=", ".join(columns)))
    return _widen_numbers(table)


def _widen_numbers(table: ir.Table) -> ir.Table:
    # DuckDB infers BIGINT and Spark INT for the same CSV column; widening keeps results identical on both.
    casts = {
        name: ("int64" if dtype.is_integer() else "float64")
        for name, dtype in table.schema().items()
        if (dtype.is_integer() and not dtype.is_int64()) or (dtype.is_floating() and not dtype.is_float64())
    }
    return table.cast(casts) if casts else table


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:300]


def _read_duckdb_table(con: BaseBackend, path: Path, *, table: str | None) -> ir.Table:
    import duckdb

    try:
        source = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as error:
        reason = _("cannot be opened as a DuckDB database: {error}").format(error=_first_line(error))
        raise InputError(path, reason) from error
    try:
        names = [row[0] for row in source.execute("SELECT table_name FROM information_schema.tables").fetchall()]
        if table is None:
            if len(names) != 1:
                if not names:
                    raise InputError(path, _("name the table to read: the database has none"))
                raise InputError(
                    path, _("name the table to read: the database has {tables}").format(tables=", ".join(names))
                )
            table = names[0]
        if table not in names:
            if not names:
                raise InputError(path, _("no table {table}; the database has none").format(table=repr(table)))
            raise InputError(
                path,
                _("no table {table}; the database has {tables}").format(table=repr(table), tables=", ".join(names)),
            )
        if backend_name(con) == "duckdb":
            source.close()
            alias = f"source_{abs(hash(str(path.resolve())))}"
            attached = {row[0] for row in con.raw_sql("SELECT database_name FROM duckdb_databases()").fetchall()}
            if alias not in attached:
                con.raw_sql(f"ATTACH '{_sql_string(str(path))}' AS \"{alias}\" (READ_ONLY)")
            return con.table(table, database=alias)
        # Another engine cannot read DuckDB's file format: pass the table through Arrow.
        return to_backend(con, source.table(table).fetch_arrow_table())
    finally:
        source.close()


def _sql_string(text: str) -> str:
    return text.replace("'", "''")


def read_spreadsheet(path: str | Path, *, sheet: str | int | None = None, row_numbers: bool = False) -> pa.Table:
    """Read one sheet of an XLSX or ODS workbook: the first non-empty row is the header.

    Column types are inferred from the cells: whole numbers become integers, other numbers floats, dates
    timestamps, and a column that mixes numbers and text stays text. Blank cells are NULL.
    """
    from python_calamine import CalamineWorkbook

    path = Path(path)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as error:
        reason = _("cannot be read as a spreadsheet: {error}").format(error=_first_line(error))
        raise InputError(path, reason) from error
    names = workbook.sheet_names
    if isinstance(sheet, int):
        if not 0 <= sheet < len(names):
            raise InputError(
                path, _("has no sheet number {sheet} (it has {count})").format(sheet=sheet, count=len(names))
            )
        chosen = names[sheet]
    elif sheet is None:
        chosen = names[0]
    elif sheet not in names:
        raise InputError(
            path, _("has no sheet {sheet}; its sheets are {sheets}").format(sheet=repr(sheet), sheets=", ".join(names))
        )
    else:
        chosen = sheet
    rows = [row for row in workbook.get_sheet_by_name(chosen).to_python() if any(_blank_to_none(c) for c in row)]
    if not rows:
        raise InputError(path, _("sheet {sheet} is empty").format(sheet=repr(chosen)))
    header = [str(cell).strip() for cell in rows[0]]
    if not rows[1:]:
        raise InputError(path, _("sheet {sheet} has a header but no data rows").format(sheet=repr(chosen)))
    problems = [_("column {number} has no name").format(number=i + 1) for i, name in enumerate(header) if not name]
    duplicates = sorted({name for name in header if name and header.count(name) > 1})
    problems += [_("column {column} appears twice").format(column=repr(name)) for name in duplicates]
    if problems:
        raise InputError(path, _("sheet {sheet}: {problems}").format(sheet=repr(chosen), problems="; ".join(problems)))
    columns = {
        name: [_blank_to_none(row[i]) if i < len(row) else None for row in rows[1:]] for i, name in enumerate(header)
    }
    return _arrow_from_cells(columns, row_numbers=row_numbers)


def _blank_to_none(cell: Any) -> Any:
    if isinstance(cell, str):
        return cell if cell.strip() else None
    return cell


def _arrow_from_cells(columns: dict[str, list[Any]], *, row_numbers: bool) -> pa.Table:
    import pyarrow as pa

    arrays: dict[str, pa.Array] = {}
    if row_numbers:
        length = len(next(iter(columns.values())))
        arrays[ROW_COLUMN] = pa.array(range(1, length + 1), pa.int64())
    for name, cells in columns.items():
        arrays[name] = _typed_array(cells)
    return pa.table(arrays)


def _typed_array(cells: Sequence[Any]) -> pa.Array:
    import pyarrow as pa

    present = [cell for cell in cells if cell is not None]
    if present and all(isinstance(cell, bool) for cell in present):
        return pa.array(cells, pa.bool_())
    numeric = all(isinstance(cell, int | float) and not isinstance(cell, bool) for cell in present)
    if present and numeric:
        if all(float(cell).is_integer() for cell in present):
            return pa.array([None if cell is None else int(cell) for cell in cells], pa.int64())
        return pa.array([None if cell is None else float(cell) for cell in cells], pa.float64())
    if present and all(isinstance(cell, dt.datetime | dt.date) for cell in present):
        return pa.array(
            [
                None if c is None else c if isinstance(c, dt.datetime) else dt.datetime(c.year, c.month, c.day)
                for c in cells
            ],
            pa.timestamp("us"),
        )
    return pa.array([None if cell is None else _as_text(cell) for cell in cells], pa.string())


def _as_text(cell: Any) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))  # a code typed as a number in a text column: 1.0 -> "1"
    return str(cell).strip()
