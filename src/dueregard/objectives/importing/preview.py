"""How each row of an imported plan will be read: objectives, actions (with sub-actions), timescales and their
reading, statuses (with the words kept), updates, owners, recommendations, measures, and row-level problems.

Nothing here touches the database: the caller passes the organisation's timescale settings and its units.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from dueregard.objectives.importing.completion import completion_date_in
from dueregard.objectives.importing.layout import FIELDS, Layout, LogicalRow, logical_rows, plain
from dueregard.objectives.importing.reading import RawTable
from dueregard.objectives.importing.splitting import AlignedAction, align, split_fragments
from dueregard.objectives.status_words import status_from_words

REFERENCE_MAX = 20
TEXT_MAX = 250  # owner and business area are short fields


@dataclass
class Problem:
    row: int  # the source row number
    column: str  # the column's header as written ("" when the whole row)
    message: str
    is_error: bool  # errors stop the import; warnings ask a person to check

    @property
    def anchor(self) -> str:
        return f"row-{self.row}"


@dataclass
class TimescaleReading:
    """What the timescale parser made of a timescale (``dueregard.timescales.parse_timescale``)."""

    reading: dict[str, Any] | None
    start: dt.date | None
    due: dt.date | None
    recurrence: str
    understood: bool
    milestones: list[tuple[str, dict[str, Any], dt.date | None]]


def read_timescale(text: str, *, quarter_convention: str, year_range_convention: str) -> TimescaleReading:
    """The adapter between the import and the timescale parser: the same reading an action gets when it is saved."""
    from dueregard.objectives.timescale_reading import read_action_timescale

    result = read_action_timescale(
        text, quarter_convention=quarter_convention, year_range_convention=year_range_convention
    )
    return TimescaleReading(
        reading=result.reading,
        start=result.start,
        due=result.due,
        recurrence=result.recurrence,
        understood=result.understood,
        milestones=list(result.milestones),
    )


@dataclass
class PreviewAction:
    title: str
    row: int
    desired_outcome: str = ""
    timescale_text: str = ""
    timescale: TimescaleReading | None = None
    status: str = "not_started"
    status_text: str = ""
    update_text: str = ""
    completed_on: dt.date | None = None  # stated in the update ("Completed June 08"); see importing.completion
    owner_text: str = ""
    owner_unit_id: int | None = None
    owner_unit_name: str = ""
    children: list[PreviewAction] = field(default_factory=list)

    def walk(self) -> list[PreviewAction]:
        return [self, *(grandchild for child in self.children for grandchild in child.walk())]


@dataclass
class PreviewRecommendation:
    number: str
    text: str


@dataclass
class PreviewObjective:
    reference: str
    statement: str
    rows: list[int]
    business_area: str = ""
    desired_outcome: str = ""
    description: str = ""
    owner_text: str = ""
    unit_id: int | None = None
    actions: list[PreviewAction] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)  # numbers
    measures: list[str] = field(default_factory=list)

    def all_actions(self) -> list[PreviewAction]:
        return [item for action in self.actions for item in action.walk()]


@dataclass
class Preview:
    filename: str
    headers: list[str]
    mapping: list[str]
    objectives: list[PreviewObjective]
    recommendations: dict[str, PreviewRecommendation]
    problems: list[Problem]
    rows_read: int
    headers_dropped: int
    rows_joined: int
    invalid_rows: set[int] = field(default_factory=set)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    def valid_objectives(self) -> list[PreviewObjective]:
        return [o for o in self.objectives if not set(o.rows) & self.invalid_rows]

    def counts(self, *, only_valid: bool = False) -> dict[str, int]:
        objectives = self.valid_objectives() if only_valid else self.objectives
        actions = [a for o in objectives for a in o.all_actions()]
        numbers = {n for o in objectives for n in o.recommendations}
        return {
            "objectives": len(objectives),
            "actions": len(actions),
            "milestones": sum(len(a.timescale.milestones) for a in actions if a.timescale),
            "updates": sum(1 for a in actions if a.update_text.strip()),
            "recommendations": len(numbers),
            "measures": sum(len(o.measures) for o in objectives),
        }


def unit_key(name: str) -> str:
    return " ".join(name.casefold().replace("&", " and ").split())


_OBJECTIVE_NUMBER = re.compile(r"^\s*(\d{1,3})[.)]\s+(?=\S)")
_RECOMMENDATION = re.compile(r"^(\d{1,3}[a-z]?)\s*[–—-]\s*(.*)$", re.S)


class _Builder:
    def __init__(
        self,
        *,
        layout: Layout,
        quarter_convention: str,
        year_range_convention: str,
        units: dict[str, tuple[int, str]],
        today: dt.date,
    ) -> None:
        self.layout = layout
        self.today = today
        self.settings = {"quarter_convention": quarter_convention, "year_range_convention": year_range_convention}
        self.units = units
        self.objectives: list[PreviewObjective] = []
        self.recommendations: dict[str, PreviewRecommendation] = {}
        self.problems: list[Problem] = []
        self.invalid: set[int] = set()
        self.heading_title = ""
        self.heading_owner = ""
        self.pending_note = ""
        self.heading_used = True
        self.current: PreviewObjective | None = None
        self.current_heading_action: PreviewAction | None = None
        self.references: dict[str, int] = {}

    def column(self, name: str) -> str:
        for header, mapped in zip(self.layout.headers, self.layout.mapping, strict=False):
            if mapped == name:
                return header or FIELDS[name]
        return FIELDS.get(name, name)

    def problem(self, row: int, name: str, message: str, *, error: bool) -> None:
        self.problems.append(
            Problem(row=row, column=self.column(name) if name else "", message=message, is_error=error)
        )
        if error:
            self.invalid.add(row)

    def unit(self, owner: str) -> tuple[int | None, str]:
        found = self.units.get(unit_key(owner)) if owner else None
        return (found[0], found[1]) if found else (None, "")

    def heading(self, row: LogicalRow) -> None:
        assert row.heading is not None
        number = row.numbers[0]
        if not self.heading_used and (self.heading_title or self.heading_owner):
            # Two heading lines in a row (a section owner, then a sub-section): keep the first in the description.
            words = " – ".join(filter(None, [self.heading_title, self.heading_owner and f"owner {self.heading_owner}"]))
            self.pending_note = "\n".join(filter(None, [self.pending_note, words]))
        self.heading_used = False
        if row.heading.title:
            self.heading_title = row.heading.title
        if row.heading.owner:
            self.heading_owner = row.heading.owner
            if not row.heading.title:
                self.heading_title = ""
        self.current = None
        self.current_heading_action = None
        if row.heading.extra:
            texts = "\n".join(row.heading.extra.values())
            self.pending_note = texts
            self.problem(
                number,
                "",
                _(
                    "The heading line has text of its own; it is kept in the description of the first objective "
                    "under it."
                ),
                error=False,
            )

    def new_objective(self, row: LogicalRow, statement: str) -> PreviewObjective:
        number = row.numbers[0]
        reference = plain(row.text("reference")).rstrip(".)") if row.has("reference") else ""
        match = _OBJECTIVE_NUMBER.match(statement)
        if match and not reference:
            reference, statement = match.group(1), statement[match.end() :]
        if not reference:
            reference = str(len(self.objectives) + 1)
            while reference in self.references:
                reference = f"{reference}a"
        if len(reference) > REFERENCE_MAX:
            self.problem(
                number,
                "reference",
                _("The reference is longer than %(limit)s characters.") % {"limit": REFERENCE_MAX},
                error=True,
            )
        elif reference in self.references:
            self.problem(
                number,
                "reference",
                _("Reference %(reference)s is already used by the objective in row %(row)s.")
                % {"reference": reference, "row": self.references[reference]},
                error=True,
            )
        self.references.setdefault(reference, number)
        owner = plain(row.text("owner")) or self.heading_owner
        unit_id, _unit_name = self.unit(owner)
        area = plain(row.text("business_area")) or self.heading_title
        for name, value in (("owner", owner), ("business_area", area)):
            if len(value) > TEXT_MAX:
                self.problem(
                    number,
                    name,
                    _("The text is longer than %(limit)s characters; shorten it.") % {"limit": TEXT_MAX},
                    error=True,
                )
        objective = PreviewObjective(
            reference=reference,
            statement=statement.strip(),
            rows=[number],
            business_area=area,
            desired_outcome="\n".join(split_fragments(row.cells.get("desired_outcome", []))),
            owner_text=owner,
            unit_id=unit_id,
            description=self.pending_note,
        )
        self.pending_note = ""
        self.heading_used = True
        self.objectives.append(objective)
        self.current = objective
        self.current_heading_action = None
        return objective

    def data_row(self, row: LogicalRow, next_row: LogicalRow | None) -> None:
        number = row.numbers[0]
        statement = "\n".join(split_fragments(row.cells.get("objective", [])))
        if statement and (self.current is None or statement != self.current.statement):
            objective = self.new_objective(row, statement)
        elif self.current is not None:
            objective = self.current
            objective.rows.append(number)
        else:
            fallback = self.heading_title or "\n".join(split_fragments(row.cells.get("desired_outcome", [])))
            if not fallback:
                self.problem(number, "objective", _("The row has no objective and there is none above it."), error=True)
                return
            objective = self.new_objective(row, fallback)
            self.problem(
                number, "objective", _("No objective in this row: the heading or outcome above is used."), error=False
            )
        if self.current is not None and self.current.rows[0] != number and set(self.current.rows) & self.invalid:
            self.problem(
                number,
                "",
                _("It belongs to the objective in row %(row)s, which has errors.") % {"row": self.current.rows[0]},
                error=True,
            )
        if row.joined:
            self.problem(number, "", _("This row ran over a page break; its two parts are joined."), error=False)
        self.recommendation_cells(row, objective)
        self.measure_cells(row, objective)
        self.action_cells(row, objective, next_row)

    def recommendation_cells(self, row: LogicalRow, objective: PreviewObjective) -> None:
        current: PreviewRecommendation | None = None
        for item in split_fragments(row.cells.get("recommendation", [])):
            match = _RECOMMENDATION.match(item)
            if match:
                number, text = match.group(1), match.group(2).strip()
                current = self.recommendations.get(number)
                if current is None:
                    current = self.recommendations[number] = PreviewRecommendation(number=number, text=text)
                elif text and text not in current.text:
                    current.text = f"{current.text}\n\n{text}"
                if number not in objective.recommendations:
                    objective.recommendations.append(number)
            elif current is not None:
                current.text = f"{current.text}\n{item}"
            else:
                objective.description = "\n".join(filter(None, [objective.description, item]))
                self.problem(
                    row.numbers[0],
                    "recommendation",
                    _("Text without a recommendation number is kept in the objective's description."),
                    error=False,
                )

    def measure_cells(self, row: LogicalRow, objective: PreviewObjective) -> None:
        items = split_fragments(row.cells.get("measures", []))
        if len(items) > 1 and items[0].endswith(":"):
            objective.description = "\n".join(filter(None, [objective.description, items.pop(0)]))
        objective.measures.extend(items)

    def action_cells(self, row: LogicalRow, objective: PreviewObjective, next_row: LogicalRow | None) -> None:
        number = row.numbers[0]
        actions = split_fragments(row.cells.get("actions", []))
        timescales = split_fragments(row.cells.get("timescale", []))
        updates = split_fragments(row.cells.get("update", []))
        if not actions and (timescales or updates):
            title = "\n".join(split_fragments(row.cells.get("desired_outcome", []))) or objective.statement
            actions = [title]
            self.problem(number, "actions", _("No action in this row: its outcome or objective is used."), error=False)
        if not actions:
            return
        aligned = align(actions, timescales, updates)
        if aligned.check:
            self.problem(
                number,
                "actions",
                _(
                    "%(actions)s actions, %(timescales)s timescales and %(updates)s updates do not line up: they are "
                    "kept together in one action. Check and split it after importing."
                )
                % dict(zip(("actions", "timescales", "updates"), aligned.counts, strict=True)),
                error=False,
            )
        outcome = "\n".join(split_fragments(row.cells.get("desired_outcome", [])))
        owner = plain(row.text("owner")) or self.heading_owner
        if len(owner) > TEXT_MAX:
            self.problem(
                number,
                "owner",
                _("The owner is longer than %(limit)s characters; shorten it.") % {"limit": TEXT_MAX},
                error=True,
            )
        built = [self.action(item, number, outcome, owner) for item in aligned.actions]
        is_heading = (
            len(built) == 1
            and not timescales
            and not updates
            and next_row is not None
            and next_row.heading is None
            and not next_row.has("objective")
            and next_row.has("timescale")
        )
        if is_heading:
            objective.actions.append(built[0])
            self.current_heading_action = built[0]
            self.problem(number, "actions", _("Read as a heading over the actions in the rows below it."), error=False)
            return
        parent = self.current_heading_action
        if parent is not None and not row.has("objective") and (row.has("timescale") or row.has("update")):
            parent.children.extend(built)
        else:
            self.current_heading_action = None
            objective.actions.extend(built)

    def action(self, item: AlignedAction, number: int, outcome: str, owner: str) -> PreviewAction:
        unit_id, unit_name = self.unit(owner)
        action = PreviewAction(
            title=item.title,
            row=number,
            desired_outcome=outcome,
            timescale_text=item.timescale,
            owner_text=owner,
            owner_unit_id=unit_id,
            owner_unit_name=unit_name,
            update_text=item.update,
            children=[self.action(child, number, outcome, owner) for child in item.children],
        )
        if item.timescale.strip():
            action.timescale = read_timescale(item.timescale, **self.settings)
            if not action.timescale.understood:
                self.problem(
                    number,
                    "timescale",
                    _("“%(timescale)s” is not understood as a date; it is kept as written, with no dates.")
                    % {"timescale": _short(item.timescale)},
                    error=False,
                )
        if "update" in self.layout.mapping:
            status = status_from_words(item.update)
            if status is None:
                status = "unknown"
                self.problem(
                    number,
                    "update",
                    _("No status found in “%(update)s”: the update is kept, with status ‘no update given’.")
                    % {"update": _short(item.update)},
                    error=False,
                )
            action.status, action.status_text = status, item.update
            if status == "complete":
                action.completed_on = completion_date_in(item.update, reported_on=self.today, **self.settings)
        if action.timescale and action.timescale.recurrence and action.status == "not_started":
            action.status = "recurring"
        return action


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def build_preview(
    table: RawTable,
    layout: Layout,
    *,
    quarter_convention: str = "financial",
    year_range_convention: str = "calendar",
    units: dict[str, tuple[int, str]] | None = None,
    today: dt.date | None = None,
) -> Preview:
    """Read every row of the table with the given column mapping. ``today`` (default: today) bounds the completion
    dates read from the updates: none can be in the future."""
    builder = _Builder(
        layout=layout,
        quarter_convention=quarter_convention,
        year_range_convention=year_range_convention,
        units=units or {},
        today=today or timezone.localdate(),
    )
    left_out: list[int] = []
    rows = logical_rows(table, layout, left_out=left_out)
    for warning in table.warnings:
        builder.problems.append(Problem(row=0, column="", message=warning, is_error=False))
    for number in left_out:
        builder.problem(
            0,
            "",
            _("Table %(table)s neither repeats the plan's heading row nor has its columns, so it is left out.")
            % {"table": number},
            error=False,
        )
    if "objective" not in layout.mapping:
        builder.problem(
            0, "", _("No column is read as the objective. Choose which column holds the objectives."), error=True
        )
    if not {"actions", "measures", "recommendation"} & set(layout.mapping):
        builder.problem(0, "", _("No column is read as actions. Choose which column holds the actions."), error=True)
    for index, row in enumerate(rows):
        if row.heading is not None:
            builder.heading(row)
        else:
            following = rows[index + 1] if index + 1 < len(rows) else None
            builder.data_row(row, following)
    return Preview(
        filename=table.filename,
        headers=layout.headers,
        mapping=layout.mapping,
        objectives=builder.objectives,
        recommendations=builder.recommendations,
        problems=sorted(builder.problems, key=lambda p: (p.row, not p.is_error)),
        rows_read=len(rows),
        headers_dropped=rows[-1].dropped_headers if rows else 0,
        rows_joined=sum(1 for row in rows if row.joined),
        invalid_rows=builder.invalid,
    )
