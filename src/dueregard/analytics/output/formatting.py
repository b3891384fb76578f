"""Shared helpers of the writers: file names, the legend of a table, and numbers shown the way a cell shows its
value (an interval bound "12.3%" beside a rate displayed "14.0%")."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from ..disclosure.symbols import LEGEND
from ..i18n import _
from ..results import Cell, Column, ResultTable

_DISPLAYED_NUMBER = re.compile(r"^\s*(-?)([£$€]?)(-?\d+(?:,\d{3})*(?:\.(\d+))?)\s*(%?)")
_WHOLLY_NUMBER = re.compile(r"^\s*-?[£$€]?-?\d+(?:,\d{3})*(?:\.\d+)?\s*%?\s*$")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def slug(text: str, *, limit: int = 60) -> str:
    """A file-name-safe form of a title: lower case ASCII letters, digits and hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    cut = _NOT_WORD.sub("-", ascii_text).strip("-")[:limit].rstrip("-")
    return cut or "table"


def legend(table: ResultTable) -> tuple[tuple[str, str], ...]:
    """The table's legend, completed with the standard meaning (in the current language) of any symbol it uses but
    does not explain."""
    entries = dict(table.notes.legend)
    for symbol in sorted(table.symbols_used()):
        if symbol not in entries and symbol in LEGEND:
            entries[symbol] = _(LEGEND[symbol])
    return tuple(entries.items())


def columns_with_intervals(table: ResultTable) -> tuple[bool, ...]:
    """For each column, whether any of its cells has an interval."""
    return table.columns_with_intervals()


@dataclass(frozen=True)
class Shown:
    """How a cell shows its value: ``scale`` (100 when a fraction is shown as a percentage), ``decimals``,
    whether a ``%`` follows and the currency sign before it (``£``), if any."""

    scale: float
    decimals: int
    percent: bool
    currency: str = ""

    def format(self, number: float) -> str:
        scaled = number * self.scale
        sign = "-" if scaled < 0 and round(abs(scaled), self.decimals) != 0 else ""
        return f"{sign}{self.currency}{abs(scaled):,.{self.decimals}f}{'%' if self.percent else ''}"


def shown_as(cell: Cell, column: Column | None = None) -> Shown | None:
    """How ``cell`` displays its numeric value, read from its display text; None when the display is not a
    number (``1.00 (reference)`` is read as 1.00; ``fewer than 5`` is not a number)."""
    value = cell.value
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    match = _DISPLAYED_NUMBER.match(cell.display) if cell.display else None
    if match is None:
        if column is not None and column.kind == "rate":
            return Shown(scale=100.0, decimals=1, percent=True)
        return None
    outer_minus, currency, digits, fraction, percent_sign = match.groups()
    shown = float(digits.replace(",", "")) * (-1 if outer_minus else 1)
    decimals = len(fraction or "")
    percent = bool(percent_sign)
    tolerance = 0.5 * 10**-decimals + 1e-9
    if percent and abs(value * 100 - shown) <= tolerance:
        return Shown(scale=100.0, decimals=decimals, percent=True, currency=currency)
    if abs(value - shown) <= tolerance:
        return Shown(scale=1.0, decimals=decimals, percent=percent, currency=currency)
    return None


def display_is_number(cell: Cell) -> bool:
    """Whether the cell's display is a number and nothing else (``14.0%``, ``1,234``; not ``1.00 (reference)``),
    or is empty so that the value itself is what is shown."""
    return not cell.display or bool(_WHOLLY_NUMBER.match(cell.display))


def format_bound(cell: Cell, column: Column, bound: float) -> str:
    """An interval bound shown like the cell's own value (same scale and decimals); 3 significant figures when
    the display says nothing."""
    shown = shown_as(cell, column)
    if shown is None:
        return f"{bound:.3g}"
    return shown.format(bound)


def interval_text(cell: Cell, column: Column) -> str:
    """``"10.1% to 14.6%"``, or empty when the cell has no interval or its figure is not shown."""
    if cell.symbol or cell.low is None or cell.high is None:
        return ""
    return _("{low} to {high}").format(
        low=format_bound(cell, column, cell.low), high=format_bound(cell, column, cell.high)
    )


def row_label(table: ResultTable, row: tuple[Cell, ...]) -> str:
    """The text naming a row: its first ``label`` cell, else its first cell."""
    for column, cell in zip(table.columns, row, strict=True):
        if column.kind == "label":
            return cell.text
    return row[0].text if row else ""


def label_index(table: ResultTable) -> int:
    for index, column in enumerate(table.columns):
        if column.kind == "label":
            return index
    return 0
