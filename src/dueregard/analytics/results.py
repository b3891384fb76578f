"""The result table every analytics function returns when its answer is a table.

A :class:`ResultTable` is small, typed and JSON-serialisable: a title, an ordered list of :class:`Column` s, rows
of :class:`Cell` s and table-level :class:`TableNotes`. It carries what an honest published figure needs
(DESIGN.md §5 "Honest numbers"): each cell's full-precision value *and* the text shown, the symbol that replaces a
value that is not shown, the denominator it was computed over and its interval; the table says which group is the
reference, how many records had an unknown value and whether they were used, the declaration rate, the methods,
the legend of every symbol used and what suppression or rounding was applied.

``to_dict()`` / ``from_dict()`` round-trip exactly (``from_dict(t.to_dict()) == t``). ``to_csv_rows()`` gives the
rows of a CSV download, with text that a spreadsheet would read as a formula escaped (CSV injection).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .i18n import _

COLUMN_KINDS = frozenset({"label", "count", "rate", "percent", "ratio", "p_value", "number", "text"})
"""What a column holds. ``label`` columns name the row (a group); the others hold figures or free text."""

Value = int | float | str | None

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?(e-?\d+)?%?$")
_BARE_SYMBOLS = frozenset({"-", "~0"})


def csv_safe(text: str) -> str:
    """``text`` as it may go into a CSV cell: text beginning with ``= + - @`` (or tab / carriage return) gets a
    leading apostrophe, as OWASP recommends, so a spreadsheet never runs it as a formula.

    Two kinds of text are left alone because no spreadsheet can run them: a plain number (``-4.5``, ``-12%``), so a
    negative figure stays a number, and the bare statistical symbol ``-`` ("not collected")."""
    if not text.startswith(FORMULA_STARTS):
        return text
    if text in _BARE_SYMBOLS or _PLAIN_NUMBER.match(text):
        return text
    return "'" + text


COMPARATORS = frozenset({"", "reference", "highest"})
"""What a ``ratio`` or ``p_value`` column compares each row with: ``"reference"`` — the table's reference group,
chosen before the data were seen; ``"highest"`` — the row with the highest rate, chosen by the data; ``""`` — not
said. Disclosure control needs it: a comparison with a withheld row gives that row back, and a comparator chosen
by the data is withheld with any row (whether it would be withheld says something about the withheld row)."""


@dataclass(frozen=True)
class Column:
    """One column: a stable machine ``id`` (used in JSON and to look cells up), a human ``label``, its kind, and
    for a column that compares rows, what it compares them with (:data:`COMPARATORS`)."""

    id: str
    label: str
    kind: str = "text"
    comparator: str = ""

    def __post_init__(self) -> None:
        if self.kind not in COLUMN_KINDS:
            raise ValueError(f"Column {self.id!r}: unknown kind {self.kind!r}; use one of {sorted(COLUMN_KINDS)}.")
        if self.comparator not in COMPARATORS:
            raise ValueError(f"Column {self.id!r}: comparator must be one of {sorted(COMPARATORS)}.")

    def to_dict(self) -> dict[str, Any]:
        data = {"id": self.id, "label": self.label, "kind": self.kind}
        if self.comparator:
            data["comparator"] = self.comparator
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Column:
        return cls(
            id=data["id"], label=data["label"], kind=data.get("kind", "text"), comparator=data.get("comparator", "")
        )


@dataclass(frozen=True)
class Cell:
    """One figure.

    ``value`` is the full-precision value (never rounded; None when there is none to give). ``display`` is the
    text published. ``symbol`` (``!``, ``?``, ``-``, ``N/A``, ``~0``, or a rule set's "fewer than 5") replaces the
    figure in what a reader sees when set; a suppressed cell keeps its value internally only until disclosure control
    drops it (see :func:`dueregard.analytics.disclosure.apply_policy`). ``denominator`` is the count a
    rate or share was computed over; ``low`` / ``high`` the interval (95% unless the table's method notes say
    otherwise). ``note`` is a footnote about this figure alone (why it is not calculable, a correction applied):
    it lives on the cell, not in the table's warnings, so that it goes when the cell is withheld."""

    value: Value = None
    display: str = ""
    symbol: str = ""
    denominator: int | None = None
    low: float | None = None
    high: float | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.value, float) and math.isnan(self.value):
            raise ValueError("A cell's value is never NaN: leave it None and give a symbol that says why.")

    @property
    def text(self) -> str:
        """What a reader sees: the symbol when there is one (it replaces the figure), else the display text, else
        the value."""
        if self.symbol:
            return self.symbol
        if self.display:
            return self.display
        return "" if self.value is None else str(self.value)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"value": self.value, "display": self.display}
        for name in ("symbol", "denominator", "low", "high", "note"):
            item = getattr(self, name)
            if item not in (None, ""):
                data[name] = item
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Cell:
        return cls(
            value=data.get("value"),
            display=data.get("display", ""),
            symbol=data.get("symbol", ""),
            denominator=data.get("denominator"),
            low=data.get("low"),
            high=data.get("high"),
            note=data.get("note", ""),
        )


def label(text: str) -> Cell:
    """A cell naming a row (a group)."""
    return Cell(value=text, display=text)


@dataclass(frozen=True)
class TableNotes:
    """What the whole table needs said beside it.

    ``unknown_count``: records whose characteristic was unknown (not stated, prefer not to say, missing);
    ``unknowns_used``: whether they were counted in the figures (normally False: excluded from rates and ratios);
    ``declaration_rate``: known / total, 0–1. ``legend`` maps every symbol used in the table to its meaning;
    ``disclosure`` lists the suppression and rounding applied; ``methods`` the statistical methods (interval,
    test, adjustment); ``warnings`` anything a reader must know (a zero cell, a small group).

    ``tests`` holds figures computed from *every* row at once: the result of the test of the whole table (method,
    statistic, p-value, smallest expected count) and its warnings. They are kept apart from ``methods`` because
    such a figure, with the published cells, can give a withheld count back; disclosure control drops them when it
    withholds a count (see :func:`dueregard.analytics.disclosure.apply_policy`)."""

    reference_group: str | None = None
    unknown_count: int | None = None
    unknowns_used: bool | None = None
    declaration_rate: float | None = None
    methods: tuple[str, ...] = ()
    legend: tuple[tuple[str, str], ...] = ()
    disclosure: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    tests: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "reference_group": self.reference_group,
            "unknown_count": self.unknown_count,
            "unknowns_used": self.unknowns_used,
            "declaration_rate": self.declaration_rate,
            "methods": list(self.methods),
            "legend": [{"symbol": symbol, "meaning": meaning} for symbol, meaning in self.legend],
            "disclosure": list(self.disclosure),
            "warnings": list(self.warnings),
            "tests": list(self.tests),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TableNotes:
        return cls(
            reference_group=data.get("reference_group"),
            unknown_count=data.get("unknown_count"),
            unknowns_used=data.get("unknowns_used"),
            declaration_rate=data.get("declaration_rate"),
            methods=tuple(data.get("methods", ())),
            legend=tuple((item["symbol"], item["meaning"]) for item in data.get("legend", ())),
            disclosure=tuple(data.get("disclosure", ())),
            warnings=tuple(data.get("warnings", ())),
            tests=tuple(data.get("tests", ())),
        )

    def with_legend(self, entries: Iterable[tuple[str, str]]) -> TableNotes:
        """These notes with ``entries`` added to the legend (each symbol once, first meaning kept)."""
        known = dict(self.legend)
        for symbol, meaning in entries:
            known.setdefault(symbol, meaning)
        return replace(self, legend=tuple(known.items()))

    def adding(
        self,
        *,
        methods: Sequence[str] = (),
        disclosure: Sequence[str] = (),
        warnings: Sequence[str] = (),
        tests: Sequence[str] = (),
    ) -> TableNotes:
        """These notes with more method, disclosure, warning or test notes (duplicates dropped, order kept)."""

        def merged(old: tuple[str, ...], new: Sequence[str]) -> tuple[str, ...]:
            return tuple(dict.fromkeys((*old, *new)))

        return replace(
            self,
            methods=merged(self.methods, methods),
            disclosure=merged(self.disclosure, disclosure),
            warnings=merged(self.warnings, warnings),
            tests=merged(self.tests, tests),
        )


@dataclass(frozen=True)
class ResultTable:
    """A titled table of cells with its notes. Column order is the order given and never changes."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    notes: TableNotes = field(default_factory=TableNotes)

    def __post_init__(self) -> None:
        ids = [column.id for column in self.columns]
        if len(set(ids)) != len(ids):
            raise ValueError(f"Table {self.title!r}: column ids must be unique, got {ids}.")
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                width = len(self.columns)
                raise ValueError(f"Table {self.title!r}: row {number} has {len(row)} cells, not {width}.")

    @property
    def column_ids(self) -> tuple[str, ...]:
        return tuple(column.id for column in self.columns)

    def index_of(self, column_id: str) -> int:
        try:
            return self.column_ids.index(column_id)
        except ValueError:
            raise KeyError(f"Table {self.title!r} has no column {column_id!r}.") from None

    def column(self, column_id: str) -> tuple[Cell, ...]:
        """Every cell of one column, top to bottom."""
        index = self.index_of(column_id)
        return tuple(row[index] for row in self.rows)

    def cell(self, row: int, column_id: str) -> Cell:
        return self.rows[row][self.index_of(column_id)]

    def symbols_used(self) -> frozenset[str]:
        return frozenset(cell.symbol for row in self.rows for cell in row if cell.symbol)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "columns": [column.to_dict() for column in self.columns],
            "rows": [[cell.to_dict() for cell in row] for row in self.rows],
            "notes": self.notes.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ResultTable:
        return cls(
            title=data["title"],
            columns=tuple(Column.from_dict(column) for column in data["columns"]),
            rows=tuple(tuple(Cell.from_dict(cell) for cell in row) for row in data["rows"]),
            notes=TableNotes.from_dict(data.get("notes", {})),
        )

    def to_pandas(self, *, shown: bool = False) -> Any:
        """The table as a pandas DataFrame, for a notebook: one column per table column, headed by its label, and
        after every column with an interval its "(lower)" and "(upper)" columns, as in the CSV.

        By default each cell is its full-precision value: counts as whole numbers (``Int64``), rates, ratios and
        p-values as ``Float64``, labels and text as strings; a figure shown as a symbol (withheld, not
        applicable...) is missing (``<NA>``), so nothing withheld comes back. With ``shown=True`` every cell is the
        text a reader sees, symbols included (:attr:`Cell.text`), and the bounds as displayed."""
        import pandas as pd

        data: dict[str, Any] = {}
        for index, (column, has_interval) in enumerate(zip(self.columns, self.columns_with_intervals(), strict=True)):
            cells = [row[index] for row in self.rows]
            label = column.label if column.label not in data else f"{column.label} [{column.id}]"
            if shown:
                data[label] = pd.array([cell.text for cell in cells], dtype="string")
            else:
                values = [None if cell.symbol else cell.value for cell in cells]
                data[label] = pd.array(values, dtype=_PANDAS_DTYPES.get(column.kind, "string"))
            if has_interval:
                for heading, bound in zip(_bound_headings(label), ("low", "high"), strict=True):
                    if shown:  # as in the CSV
                        data[heading] = pd.array([_bound_text(cell, bound) for cell in cells], dtype="string")
                    else:
                        bounds = [None if cell.symbol else getattr(cell, bound) for cell in cells]
                        data[heading] = pd.array(bounds, dtype="Float64")
        return pd.DataFrame(data)

    def columns_with_intervals(self) -> tuple[bool, ...]:
        """For each column, whether any of its cells has an interval."""
        return tuple(
            any(row[index].low is not None or row[index].high is not None for row in self.rows)
            for index in range(len(self.columns))
        )

    def _repr_html_(self) -> str:
        """How a notebook shows the table: its title, chart, data table and notes, as in the HTML report."""
        from .output.html_report import render_table_fragment

        return render_table_fragment(self)

    def to_csv_rows(self, *, intervals: bool = True) -> list[list[str]]:
        """The table as CSV rows of text: a header of column labels, then one row per table row.

        Cells give what a reader sees (:attr:`Cell.text`). With ``intervals``, every column with at least one
        interval is followed by "lower" and "upper" columns (headed in the current language). All text passes
        through :func:`csv_safe`."""
        with_interval = [intervals and has for has in self.columns_with_intervals()]
        header: list[str] = []
        for column, has_interval in zip(self.columns, with_interval, strict=True):
            header.append(column.label)
            if has_interval:
                header.extend(_bound_headings(column.label))
        out = [[csv_safe(text) for text in header]]
        for row in self.rows:
            line: list[str] = []
            for cell, has_interval in zip(row, with_interval, strict=True):
                line.append(cell.text)
                if has_interval:
                    line.extend(_bound_text(cell, bound) for bound in ("low", "high"))
            out.append([csv_safe(text) for text in line])
        return out


#: The pandas type of each kind of column (labels and text: ``string``).
_PANDAS_DTYPES = dict.fromkeys(("rate", "percent", "ratio", "p_value", "number"), "Float64") | {"count": "Int64"}


def _bound_headings(label: str) -> tuple[str, str]:
    """The headings of a column's interval bounds, in the current language."""
    return _("{column} (lower)").format(column=label), _("{column} (upper)").format(column=label)


def _bound_text(cell: Cell, bound: str) -> str:
    """A bound (``"low"`` or ``"high"``) as the CSV writes it: empty for a cell shown as a symbol or without it."""
    value = getattr(cell, bound)
    return "" if cell.symbol or value is None else repr(value)
