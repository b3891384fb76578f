"""The quarterly board report as data: RAG counts per objective and per unit, what changed since the last report,
overdue and unreported actions, and measures with their values. No pages, files or wording here: the views render
it as HTML and PDF, the exports write it as XLSX.

The report is "as at" one day (today, on the page). The reporting period is the quarter containing that day; "since
the last report" is the end of the previous quarter unless the person picks another date. What changed is worked out
by comparing each action's state on the ``since`` day with its state now:

- the status on the ``since`` day is the status of its latest progress update dated on or before that day; an action
  whose first update came later had the status recorded as "before" in the audit trail's first ``action_progress``
  event for it;
- a RAG status set by hand counts as changed when the audit trail has an ``action_set_rag_override`` event in the
  period (the value before the first such event is what it was on the ``since`` day);
- the RAG on the ``since`` day is worked out by :func:`rag_for` from that state, on that day, so an action that has
  become overdue since the last report shows as changed too.

A handful of queries, whatever the size of the plan.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from dueregard.audit.models import AuditEvent
from dueregard.objectives.models import Action, Measure, MeasureValue, Objective, ProgressUpdate, Rag
from dueregard.objectives.rag import RagReading, quarter_start, rag_for
from dueregard.objectives.selectors import (
    ActionFilters,
    ActionRow,
    action_page,
    objectives_for_member,
    objectives_published,
    today,
)
from dueregard.organisations.models import Membership, Organisation, Unit
from dueregard.organisations.roles import Permission, require_permission

RAG_ORDER: tuple[Rag, ...] = (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.COMPLETE, Rag.CLOSED)
NO_UNIT = 0  # key of the "no owning unit" row


# --- the reporting period -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportPeriod:
    """The quarter being reported on, the day the report is as at, and the day changes are counted from."""

    start: dt.date  # first day of the quarter
    end: dt.date  # last day of the quarter
    as_at: dt.date  # the day the RAG statuses are for
    since: dt.date  # changes dated after this day (and up to as_at) count as "since the last report"
    number: int  # 1-4, following the organisation's quarter convention
    year_label: str  # "2026" (calendar) or "2026–27" (financial)

    @property
    def previous_end(self) -> dt.date:
        return self.start - dt.timedelta(days=1)


def quarter_end(day: dt.date) -> dt.date:
    start = quarter_start(day)
    following = dt.date(start.year + (start.month + 3 > 12), (start.month + 2) % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def report_period(
    *, organisation: Organisation, day: dt.date | None = None, since: dt.date | None = None
) -> ReportPeriod:
    """The quarter containing ``day`` (default today); changes count from ``since`` (default: the previous
    quarter's last day)."""
    day = day or today()
    start = quarter_start(day)
    calendar_number = (start.month - 1) // 3 + 1
    if organisation.quarter_convention == "calendar":
        number, year_label = calendar_number, str(start.year)
    else:  # UK financial year: April to June is the first quarter
        number = (calendar_number + 2) % 4 + 1
        first_year = start.year if start.month >= 4 else start.year - 1
        year_label = f"{first_year}–{str(first_year + 1)[-2:]}"
    default_since = start - dt.timedelta(days=1)
    chosen = since if since is not None and since < day else default_since
    return ReportPeriod(
        start=start, end=quarter_end(day), as_at=day, since=chosen, number=number, year_label=year_label
    )


# --- what the report holds ------------------------------------------------------------------------------------


@dataclass
class RagCounts:
    """Number of actions (headings excluded) in each RAG status."""

    counts: dict[str, int] = field(default_factory=lambda: {rag.value: 0 for rag in RAG_ORDER})

    def add(self, rag: str) -> None:
        self.counts[rag] += 1

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def ordered(self) -> list[tuple[Rag, int]]:
        return [(rag, self.counts[rag.value]) for rag in RAG_ORDER]


@dataclass
class ObjectiveLine:
    objective: Objective
    rag: RagCounts


@dataclass
class UnitLine:
    unit: Unit | None  # the top-level group or unit; None for actions with no owning unit
    rag: RagCounts


@dataclass(frozen=True)
class UpdateLine:
    reported_on: dt.date
    text: str
    status: str


@dataclass
class Change:
    """An action whose status or RAG differs between the ``since`` day and the report day."""

    row: ActionRow
    status_before: str
    rag_before: RagReading
    latest_update: UpdateLine | None  # the latest update in the period, if any
    updates_in_period: int

    @property
    def status_changed(self) -> bool:
        return self.status_before != self.row.action.status

    @property
    def rag_changed(self) -> bool:
        return self.rag_before.shown != self.row.rag.shown


@dataclass
class MeasureLine:
    measure: Measure
    values: list[MeasureValue]

    @property
    def latest(self) -> MeasureValue | None:
        return self.values[-1] if self.values else None

    @property
    def previous(self) -> MeasureValue | None:
        return self.values[-2] if len(self.values) > 1 else None


@dataclass
class BoardReport:
    organisation: Organisation
    period: ReportPeriod
    total: RagCounts
    objectives: list[ObjectiveLine]
    units: list[UnitLine]
    changes: list[Change]  # the first ``list_limit`` of them (all when there is no limit)
    overdue: list[ActionRow]  # likewise
    unreported: list[ActionRow]  # likewise
    measures: list[MeasureLine]
    updates_in_period: int
    action_count: int
    changes_total: int = 0
    overdue_total: int = 0
    unreported_total: int = 0


# --- building it ----------------------------------------------------------------------------------------------


def _aware_day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _top_level(units: dict[int, Unit]) -> dict[int, int]:
    """unit id -> id of the top-level unit it sits under (itself when it is at the top)."""
    roots: dict[int, int] = {}
    for unit_id in units:
        current, seen = unit_id, set()
        parent = units[current].parent_id
        while parent is not None and parent in units and current not in seen:
            seen.add(current)
            current = parent
            parent = units[current].parent_id
        roots[unit_id] = current
    return roots


def _updates_in_window(organisation: Organisation, since: dt.date, as_at: dt.date) -> dict[int, list[UpdateLine]]:
    window = ProgressUpdate.objects.filter(
        action__organisation=organisation, reported_on__gt=since, reported_on__lte=as_at
    ).order_by("action_id", "reported_on", "id")
    grouped: dict[int, list[UpdateLine]] = defaultdict(list)
    for action_id, reported_on, text, status in window.values_list("action_id", "reported_on", "text", "status"):
        grouped[action_id].append(UpdateLine(reported_on=reported_on, text=text, status=status))
    return grouped


def _state_on(organisation: Organisation, action_ids: list[int], day: dt.date) -> dict[int, tuple[Any, Any]]:
    """(status, reported_on) of each action's latest update dated on or before ``day``; absent if it had none."""
    if not action_ids:
        return {}
    latest = ProgressUpdate.objects.filter(action=OuterRef("pk"), reported_on__lte=day).order_by("-reported_on", "-id")
    rows = (
        Action.objects.filter(organisation=organisation, pk__in=action_ids)
        .annotate(
            status_then=Subquery(latest.values("status")[:1]), update_then=Subquery(latest.values("reported_on")[:1])
        )
        .values_list("pk", "status_then", "update_then")
    )
    return {pk: (status, updated) for pk, status, updated in rows if status is not None}


def _status_before_first_update(organisation: Organisation, action_ids: list[int]) -> dict[int, str]:
    """The status recorded as "before" in each action's first ``action_progress`` audit event."""
    if not action_ids:
        return {}
    events = (
        AuditEvent.objects.filter(
            organisation=organisation,
            action="action_progress",
            object_type="objectives.action",
            object_id__in=[str(pk) for pk in action_ids],
        )
        .order_by("at", "id")
        .values_list("object_id", "before")
    )
    first: dict[int, str] = {}
    for object_id, before in events:
        pk = int(object_id)
        if pk not in first and isinstance(before, dict) and before.get("status"):
            first[pk] = str(before["status"])
    return first


def _overrides_before(organisation: Organisation, since: dt.date, as_at: dt.date) -> dict[int, str]:
    """For actions whose hand-set RAG was changed in the period: what it was before the first change."""
    events = (
        AuditEvent.objects.filter(
            organisation=organisation,
            action="action_set_rag_override",
            object_type="objectives.action",
            at__gte=_aware_day_start(since + dt.timedelta(days=1)),
            at__lt=_aware_day_start(as_at + dt.timedelta(days=1)),
        )
        .order_by("at", "id")
        .values_list("object_id", "before")
    )
    before_first: dict[int, str] = {}
    for object_id, before in events:
        pk = int(object_id)
        if pk not in before_first:
            before_first[pk] = str((before or {}).get("rag_override") or "")
    return before_first


@dataclass(frozen=True)
class _Light:
    """The few columns of an action that the counts and the comparison need (no model objects: a plan of
    thousands of actions stays quick)."""

    pk: int
    objective_id: int
    owner_unit_id: int | None
    status: str
    due_date: dt.date | None
    last_update_on: dt.date | None
    rag_override: str
    recurrence: str


_LIGHT_FIELDS = (
    "id",
    "objective_id",
    "owner_unit_id",
    "status",
    "due_date",
    "last_update_on",
    "rag_override",
    "recurrence",
)


def _light_actions(organisation: Organisation) -> list[_Light]:
    rows = Action.objects.filter(organisation=organisation).order_by(
        "objective__position", "objective_id", "position", "id"
    )
    heading_ids = set(
        Action.objects.filter(organisation=organisation, parent__isnull=False).values_list("parent_id", flat=True)
    )
    return [_Light(*values) for values in rows.values_list(*_LIGHT_FIELDS) if values[0] not in heading_ids]


def _reading(light: _Light, day: dt.date) -> RagReading:
    return rag_for(
        status=light.status,
        due_date=light.due_date,
        last_update_on=light.last_update_on,
        rag_override=light.rag_override,
        today=day,
    )


@dataclass(frozen=True)
class _Found:
    light: _Light
    status_before: str
    rag_before: RagReading
    updates: list[UpdateLine]


def _changes(
    organisation: Organisation,
    work: list[_Light],
    readings: dict[int, RagReading],
    since: dt.date,
    as_at: dt.date,
    limit: int | None,
) -> tuple[list[Change], int, int]:
    window = _updates_in_window(organisation, since, as_at)
    touched = list(window)
    earlier = _state_on(organisation, touched, since)
    first_status = _status_before_first_update(organisation, [pk for pk in touched if pk not in earlier])
    overrides = _overrides_before(organisation, since, as_at)
    found: list[_Found] = []
    for light in work:
        updates = window.get(light.pk, [])
        if updates:
            initial = first_status.get(light.pk, "recurring" if light.recurrence else "not_started")
            status_then, last_then = earlier.get(light.pk, (initial, None))
        else:
            status_then, last_then = light.status, light.last_update_on
        before = rag_for(
            status=status_then,
            due_date=light.due_date,
            last_update_on=last_then,
            rag_override=overrides.get(light.pk, light.rag_override),
            today=since,
        )
        if status_then != light.status or before.shown != readings[light.pk].shown:
            found.append(_Found(light, status_then, before, updates))
    chosen = found if limit is None else found[:limit]
    objects = Action.objects.select_related("objective", "owner_user", "owner_unit").in_bulk(
        [item.light.pk for item in chosen]
    )
    changes = [
        Change(
            row=ActionRow(action=objects[item.light.pk], rag=readings[item.light.pk]),
            status_before=item.status_before,
            rag_before=item.rag_before,
            latest_update=item.updates[-1] if item.updates else None,
            updates_in_period=len(item.updates),
        )
        for item in chosen
    ]
    return changes, len(found), sum(len(updates) for updates in window.values())


def _measures(organisation: Organisation) -> list[MeasureLine]:
    measures = (
        Measure.objects.filter(objective__organisation=organisation)
        .select_related("objective")
        .prefetch_related("values")
        .order_by("objective__position", "objective__reference", "position", "id")
    )
    return [MeasureLine(measure=measure, values=list(measure.values.all())) for measure in measures]


def board_report(
    *,
    actor: Any,
    organisation: Organisation,
    day: dt.date | None = None,
    since: dt.date | None = None,
    list_limit: int | None = None,
) -> BoardReport:
    """Everything the quarterly board report shows. Any member of the organisation may read it.

    ``list_limit`` keeps the first so many of the changed, overdue and unreported actions (the totals are always
    complete): the page and the PDF show the first few dozen, the workbook all of them."""
    require_permission(actor, organisation, Permission.OBJECTIVE_VIEW)
    period = report_period(organisation=organisation, day=day, since=since)
    work = _light_actions(organisation)
    readings = {light.pk: _reading(light, period.as_at) for light in work}

    total = RagCounts()
    by_objective: dict[int, RagCounts] = defaultdict(RagCounts)
    units = {unit.pk: unit for unit in Unit.objects.filter(organisation=organisation).only("id", "name", "parent_id")}
    top = _top_level(units)
    by_unit: dict[int, RagCounts] = defaultdict(RagCounts)
    for light in work:
        shown = readings[light.pk].shown.value
        total.add(shown)
        by_objective[light.objective_id].add(shown)
        by_unit[top.get(light.owner_unit_id, NO_UNIT) if light.owner_unit_id else NO_UNIT].add(shown)

    objectives = [
        ObjectiveLine(objective=objective, rag=by_objective.get(objective.pk, RagCounts()))
        for objective in objectives_for_member(actor=actor, organisation=organisation).order_by(
            "plan_id", "position", "reference"
        )
    ]
    unit_lines = sorted(
        (UnitLine(unit=units.get(unit_id), rag=counts) for unit_id, counts in by_unit.items()),
        key=lambda line: (line.unit is None, line.unit.name.lower() if line.unit else ""),
    )
    changes, changes_total, update_count = _changes(
        organisation, work, readings, period.since, period.as_at, list_limit
    )
    # The overdue and no-update lists are exactly the ones the plan pages show: the same selector.
    overdue = action_page(
        actor=actor,
        organisation=organisation,
        filters=ActionFilters(overdue_only=True),
        day=period.as_at,
        limit=list_limit,
    )
    unreported = action_page(
        actor=actor,
        organisation=organisation,
        filters=ActionFilters(unreported_only=True),
        day=period.as_at,
        limit=list_limit,
    )
    return BoardReport(
        organisation=organisation,
        period=period,
        total=total,
        objectives=objectives,
        units=unit_lines,
        changes=changes,
        overdue=overdue.rows,
        unreported=unreported.rows,
        measures=_measures(organisation),
        updates_in_period=update_count,
        action_count=len(work),
        changes_total=changes_total,
        overdue_total=overdue.total,
        unreported_total=unreported.total,
    )


def rag_tally(rows: list[ActionRow]) -> RagCounts:
    """RAG counts of a list of rows (headings excluded)."""
    counts = RagCounts()
    for row in rows:
        if not row.is_heading:
            counts.add(row.rag.shown.value)
    return counts


# --- what the public may read: published objectives and the annual progress statement ------------------------


@dataclass
class PublicAction:
    """A published action as the public sees it: owners appear as their unit only, never as a person."""

    action: Action
    rag: RagReading
    owner_unit: str
    latest_update_on: dt.date | None
    latest_update_text: str
    is_heading: bool
    depth: int


@dataclass
class PublicObjective:
    objective: Objective
    actions: list[PublicAction]
    rag: RagCounts


@dataclass
class PublishedProgress:
    organisation: Organisation
    as_at: dt.date
    objectives: list[PublicObjective]
    total: RagCounts


def _tree_order(actions: list[Action]) -> list[tuple[Action, int]]:
    """Actions with their depth, each heading followed by its sub-actions (a sub-action whose heading is not
    published stands at the top level)."""
    present = {action.pk for action in actions}
    children: dict[int | None, list[Action]] = defaultdict(list)
    for action in actions:
        children[action.parent_id if action.parent_id in present else None].append(action)
    ordered: list[tuple[Action, int]] = []

    def walk(parent: int | None, depth: int) -> None:
        for action in sorted(children.get(parent, []), key=lambda a: (a.position, a.pk)):
            ordered.append((action, depth))
            walk(action.pk, depth + 1)

    walk(None, 0)
    return ordered


def published_progress(*, organisation: Organisation, day: dt.date | None = None) -> PublishedProgress:
    """The published objectives, their published actions with status, RAG and latest update, and a RAG summary.
    Nothing that is not marked for publication, and no person's name or email address. A handful of queries."""
    day = day or today()
    objectives = list(
        objectives_published(organisation=organisation)
        .select_related("plan")
        .order_by("plan_id", "position", "reference")
    )
    latest = ProgressUpdate.objects.filter(action=OuterRef("pk")).order_by("-reported_on", "-id")
    actions: list[Action] = list(
        Action.objects.filter(organisation=organisation, is_published=True, objective__in=objectives)
        .select_related("owner_unit")
        .annotate(latest_text=Subquery(latest.values("text")[:1]), latest_on=Subquery(latest.values("reported_on")[:1]))
    )
    heading_ids = set(
        Action.objects.filter(organisation=organisation, parent__isnull=False, is_published=True).values_list(
            "parent_id", flat=True
        )
    )
    unowned_users = {
        action.owner_user_id for action in actions if action.owner_unit_id is None and action.owner_user_id
    }
    user_units: dict[int, str] = {}
    for user_id, unit_name in (
        Membership.objects.filter(organisation=organisation, user_id__in=unowned_users, unit__isnull=False)
        .order_by("unit__name")
        .values_list("user_id", "unit__name")
    ):
        user_units.setdefault(user_id, unit_name)
    by_objective: dict[int, list[Action]] = defaultdict(list)
    for action in actions:
        by_objective[action.objective_id].append(action)
    total = RagCounts()
    lines: list[PublicObjective] = []
    for objective in objectives:
        counts = RagCounts()
        public_actions: list[PublicAction] = []
        for action, depth in _tree_order(by_objective.get(objective.pk, [])):
            reading = rag_for(
                status=action.status,
                due_date=action.due_date,
                last_update_on=action.last_update_on,
                rag_override=action.rag_override,
                today=day,
            )
            is_heading = action.pk in heading_ids
            if action.owner_unit is not None:
                unit_name = action.owner_unit.name
            else:
                unit_name = user_units.get(action.owner_user_id or 0, "")
            public_actions.append(
                PublicAction(
                    action=action,
                    rag=reading,
                    owner_unit=unit_name,
                    latest_update_on=getattr(action, "latest_on", None),
                    latest_update_text=getattr(action, "latest_text", None) or "",
                    is_heading=is_heading,
                    depth=depth,
                )
            )
            if not is_heading:
                counts.add(reading.shown.value)
                total.add(reading.shown.value)
        lines.append(PublicObjective(objective=objective, actions=public_actions, rag=counts))
    return PublishedProgress(organisation=organisation, as_at=day, objectives=lines, total=total)
