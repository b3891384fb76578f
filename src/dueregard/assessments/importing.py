"""Reading a functions register from CSV or XLSX/ODS: every row checked first, then all saved or none.

Columns (header names are matched without regard to case; only "Function" is required):

Function · Description · Unit · Affects the public · Affects staff · Statutory · New · Included ·
Reason not included · Priority · Review cycle · Next review · one column per protected characteristic named by its
label ("Age", "Disability", ...) holding high / medium / low / none, and "<label> reason" beside it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from dueregard.assessments.models import Priority, Relevance, ReviewCycle
from dueregard.objectives.models import Characteristic
from dueregard.organisations.models import Organisation, Unit

YES = {"yes", "y", "true", "1", "x", "✓"}
NO = {"no", "n", "false", "0", ""}
CYCLES = {
    "1": ReviewCycle.ANNUAL,
    "annual": ReviewCycle.ANNUAL,
    "annually": ReviewCycle.ANNUAL,
    "every year": ReviewCycle.ANNUAL,
    "yearly": ReviewCycle.ANNUAL,
    "3": ReviewCycle.THREE_YEARLY,
    "three-yearly": ReviewCycle.THREE_YEARLY,
    "three yearly": ReviewCycle.THREE_YEARLY,
    "every three years": ReviewCycle.THREE_YEARLY,
    "3-yearly": ReviewCycle.THREE_YEARLY,
}
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d %B %Y", "%d %b %Y")


@dataclass(frozen=True)
class RowError:
    row: int  # as the spreadsheet numbers it: the header is row 1
    column: str
    message: str

    def __str__(self) -> str:
        return _("Row %(row)s, column “%(column)s”: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


class FunctionImportError(Exception):
    """The file was refused; nothing was saved. ``errors`` says which row, which column and why."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


@dataclass
class FunctionRow:
    row: int
    name: str
    fields: dict[str, Any] = field(default_factory=dict)
    relevance: dict[str, tuple[str, str]] = field(default_factory=dict)


def read_table(*, filename: str, content: bytes) -> list[list[Any]]:
    """The first sheet (or the CSV) as rows of cells."""
    if filename.lower().endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
            return [list(row) for row in csv.reader(io.StringIO(text), strict=True)]
        except UnicodeDecodeError as error:
            message = _("The file is not UTF-8 text: save it again as “CSV UTF-8”.")
            raise FunctionImportError([RowError(0, "", message)]) from error
        except csv.Error as error:
            message = _("The file could not be read as CSV.")
            raise FunctionImportError([RowError(0, "", message)]) from error
    if filename.lower().endswith((".xlsx", ".xlsm", ".xls", ".ods")):
        from python_calamine import CalamineWorkbook

        try:
            sheet = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0)
        except Exception as error:  # calamine raises several kinds for a broken file
            raise FunctionImportError([RowError(0, "", _("The file could not be read as a spreadsheet."))]) from error
        return [list(row) for row in sheet.to_python(skip_empty_area=True)]
    raise FunctionImportError([RowError(0, "", _("Upload a CSV, XLSX or ODS file."))])


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    for pattern in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def parse_rows(rows: list[list[Any]], *, organisation: Organisation) -> tuple[list[FunctionRow], list[RowError]]:
    """Check every row; return what would be created and every problem found."""
    errors: list[RowError] = []
    if not rows:
        return [], [RowError(1, "", _("The file is empty."))]
    header = [_text(cell) for cell in rows[0]]
    columns = {name.lower(): index for index, name in enumerate(header) if name}
    if "function" not in columns:
        return [], [RowError(1, "Function", _("There is no “Function” column."))]
    units = {unit.name.lower(): unit for unit in Unit.objects.filter(organisation=organisation)}
    characteristic_columns = {
        value: str(label) for value, label in Characteristic.choices if str(label).lower() in columns
    }
    parsed: list[FunctionRow] = []
    seen: dict[str, int] = {}

    def cell(values: list[Any], name: str) -> Any:
        index = columns.get(name.lower())
        return values[index] if index is not None and index < len(values) else None

    def flag(values: list[Any], number: int, name: str, default: bool) -> bool:
        text = _text(cell(values, name)).lower()
        if name.lower() not in columns or text == "":
            return default
        if text in YES:
            return True
        if text in NO:
            return False
        errors.append(RowError(number, name, _("Write yes or no, not “%(value)s”.") % {"value": text}))
        return default

    for number, values in enumerate(rows[1:], start=2):
        if not any(_text(value) for value in values):
            continue
        name = _text(cell(values, "Function"))
        if not name:
            errors.append(RowError(number, "Function", _("Give the name of the function or policy.")))
            continue
        if name.lower() in seen:
            errors.append(
                RowError(
                    number,
                    "Function",
                    _("“%(name)s” is already on row %(row)s.") % {"name": name, "row": seen[name.lower()]},
                )
            )
            continue
        seen[name.lower()] = number
        item = FunctionRow(row=number, name=name)
        item.fields["description"] = _text(cell(values, "Description"))
        unit_name = _text(cell(values, "Unit"))
        if unit_name:
            unit = units.get(unit_name.lower())
            if unit is None:
                errors.append(RowError(number, "Unit", _("There is no unit called “%(name)s”.") % {"name": unit_name}))
            item.fields["unit"] = unit
        item.fields["affects_public"] = flag(values, number, "Affects the public", True)
        item.fields["affects_staff"] = flag(values, number, "Affects staff", False)
        item.fields["is_statutory"] = flag(values, number, "Statutory", False)
        item.fields["is_new"] = flag(values, number, "New", False)
        item.fields["is_relevant"] = flag(values, number, "Included", True)  # if in doubt, include
        item.fields["exclusion_reason"] = _text(cell(values, "Reason not included"))
        if not item.fields["is_relevant"] and not item.fields["exclusion_reason"]:
            errors.append(RowError(number, "Reason not included", _("Say why this function is not included.")))
        priority = _text(cell(values, "Priority")).lower()
        if priority:
            if priority not in Priority.values:
                errors.append(RowError(number, "Priority", _("Write high, medium or low.")))
            item.fields["priority"] = priority
        cycle = _text(cell(values, "Review cycle")).lower()
        if cycle:
            if cycle not in CYCLES:
                errors.append(
                    RowError(
                        number,
                        "Review cycle",
                        _("Write annual or three-yearly: a register is reviewed at least every three years."),
                    )
                )
            else:
                item.fields["review_cycle_years"] = CYCLES[cycle]
        raw_date = cell(values, "Next review")
        if _text(raw_date):
            try:
                item.fields["next_review_date"] = _date(raw_date)
            except ValueError:
                errors.append(RowError(number, "Next review", _("Write the date as 31/03/2027 or 2027-03-31.")))
        for characteristic, label in characteristic_columns.items():
            level = _text(cell(values, label)).lower()
            if not level:
                continue
            reason = _text(cell(values, f"{label} reason"))
            if level not in Relevance.values:
                errors.append(RowError(number, label, _("Write high, medium, low or none.")))
            elif level != Relevance.NONE and not reason:
                errors.append(RowError(number, f"{label} reason", _("Give the reason for this relevance.")))
            item.relevance[characteristic] = (level, reason)
        parsed.append(item)
    return parsed, errors
