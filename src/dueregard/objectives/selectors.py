"""Reads of plans, objectives and actions, scoped to the organisation and to what the person may see."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from dueregard.objectives.models import Action, Measure, Objective, Plan, Rag
from dueregard.objectives.rag import RagReading, rag_for
from dueregard.organisations.models import Membership, Organisation
from dueregard.organisations.roles import Permission, require_permission


def today() -> dt.date:
    return timezone.localdate()


def plans_for_member(*, actor: Any, organisation: Organisation) -> QuerySet[Plan]:
    require_permission(actor, organisation, Permission.OBJECTIVE_VIEW)
    return Plan.objects.filter(organisation=organisation)


def objectives_for_member(*, actor: Any, organisation: Organisation) -> QuerySet[Objective]:
    require_permission(actor, organisation, Permission.OBJECTIVE_VIEW)
    return Objective.objects.filter(organisation=organisation).select_related("unit", "plan")


def objective_for_member(*, actor: Any, organisation: Organisation, objective_id: int) -> Objective:
    objective = objectives_for_member(actor=actor, organisation=organisation).filter(pk=objective_id).first()
    if objective is None:
        raise Http404
    return objective


def objectives_published(*, organisation: Organisation) -> QuerySet[Objective]:
    """What the public may read: only objectives marked for publication."""
    return Objective.objects.filter(organisation=organisation, is_published=True)


@dataclass
class ActionRow:
    """An action with its RAG reading, ready for a page, a report or an export."""

    action: Action
    rag: RagReading
    is_heading: bool = False  # has sub-actions: their progress is what counts, so lists of work skip it
    depth: int = 0
    children: list[ActionRow] = field(default_factory=list)


def _row(action: Action, day: dt.date) -> ActionRow:
    reading = rag_for(
        status=action.status,
        due_date=action.due_date,
        last_update_on=action.last_update_on,
        rag_override=action.rag_override,
        today=day,
    )
    return ActionRow(action=action, rag=reading)


@dataclass(frozen=True)
class ActionFilters:
    objective_id: int | None = None
    unit_id: int | None = None
    owner_id: int | None = None
    status: str = ""
    rag: str = ""
    search: str = ""
    overdue_only: bool = False
    unreported_only: bool = False


def actions_for_member(
    *,
    actor: Any,
    organisation: Organisation,
    filters: ActionFilters | None = None,
    day: dt.date | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> list[ActionRow]:
    """Actions (sub-actions and headings alike, flat) with their RAG, filtered, in plan order."""
    return action_page(
        actor=actor, organisation=organisation, filters=filters, day=day, offset=offset, limit=limit
    ).rows


@dataclass
class ActionPage:
    rows: list[ActionRow]
    total: int  # how many actions matched, before offset and limit


_RAG_FIELDS = ("id", "status", "due_date", "last_update_on", "rag_override")


def action_page(
    *,
    actor: Any,
    organisation: Organisation,
    filters: ActionFilters | None = None,
    day: dt.date | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> ActionPage:
    """Filter on the few columns the RAG needs, then load full rows only for the page asked for: a plan of
    thousands of actions stays quick."""
    require_permission(actor, organisation, Permission.OBJECTIVE_VIEW)
    filters = filters or ActionFilters()
    day = day or today()
    queryset = _filtered_queryset(organisation, filters)
    heading_ids = _heading_ids(organisation)
    matched: list[tuple[int, RagReading]] = []
    ordered = queryset.order_by("objective__position", "objective_id", "position", "id")
    for pk, status, due_date, last_update_on, rag_override in ordered.values_list(*_RAG_FIELDS):
        reading = rag_for(
            status=status, due_date=due_date, last_update_on=last_update_on, rag_override=rag_override, today=day
        )
        if filters.rag and reading.shown != filters.rag:
            continue
        if filters.overdue_only and not (reading.overdue and pk not in heading_ids):
            continue
        if filters.unreported_only and not (reading.no_update_this_quarter and pk not in heading_ids):
            continue
        matched.append((pk, reading))
    chosen = matched[offset : offset + limit] if limit is not None else matched[offset:]
    objects = Action.objects.select_related("objective", "owner_user", "owner_unit").in_bulk([pk for pk, _ in chosen])
    rows = [ActionRow(action=objects[pk], rag=reading, is_heading=pk in heading_ids) for pk, reading in chosen]
    return ActionPage(rows=rows, total=len(matched))


def _filtered_queryset(organisation: Organisation, filters: ActionFilters) -> QuerySet[Action]:
    queryset = Action.objects.filter(organisation=organisation)
    if filters.objective_id:
        queryset = queryset.filter(objective_id=filters.objective_id)
    if filters.unit_id:
        queryset = queryset.filter(Q(owner_unit_id=filters.unit_id) | Q(owner_unit__parent_id=filters.unit_id))
    if filters.owner_id:
        queryset = queryset.filter(owner_user_id=filters.owner_id)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.search:
        words = filters.search.strip()
        queryset = queryset.filter(
            Q(title__icontains=words)
            | Q(desired_outcome__icontains=words)
            | Q(objective__statement__icontains=words)
            | Q(timescale_text__icontains=words)
            | Q(owner_text__icontains=words)
        )
    return queryset


def rag_counts(*, actor: Any, organisation: Organisation, day: dt.date | None = None) -> dict[str, int]:
    """How many actions (not counting headings) show each RAG status."""
    require_permission(actor, organisation, Permission.OBJECTIVE_VIEW)
    day = day or today()
    heading_ids = _heading_ids(organisation)
    counts = {rag.value: 0 for rag in Rag}
    for pk, status, due_date, last_update_on, rag_override in Action.objects.filter(
        organisation=organisation
    ).values_list(*_RAG_FIELDS):
        if pk in heading_ids:
            continue
        reading = rag_for(
            status=status, due_date=due_date, last_update_on=last_update_on, rag_override=rag_override, today=day
        )
        counts[reading.shown] += 1
    return counts


def _heading_ids(organisation: Organisation) -> set[int]:
    parents = Action.objects.filter(organisation=organisation, parent__isnull=False).values_list("parent_id", flat=True)
    return set(parents)


def action_tree(*, actor: Any, objective: Objective, day: dt.date | None = None) -> list[ActionRow]:
    """An objective's actions as a tree (headings with their sub-actions), from one query."""
    require_permission(actor, objective.organisation, Permission.OBJECTIVE_VIEW)
    day = day or today()
    actions = Action.objects.filter(objective=objective).select_related("owner_user", "owner_unit")
    rows = {action.pk: _row(action, day) for action in actions.order_by("position", "id")}
    roots: list[ActionRow] = []
    for row in rows.values():
        parent_id = row.action.parent_id
        if parent_id in rows:
            rows[parent_id].children.append(row)
            rows[parent_id].is_heading = True
        else:
            roots.append(row)
    _set_depth(roots, 0)
    return roots


def _set_depth(rows: list[ActionRow], depth: int) -> None:
    for row in rows:
        row.depth = depth
        _set_depth(row.children, depth + 1)


def action_for_member(*, actor: Any, organisation: Organisation, action_id: int) -> Action:
    require_permission(actor, organisation, Permission.OBJECTIVE_VIEW)
    action = (
        Action.objects.filter(organisation=organisation, pk=action_id)
        .select_related("objective", "owner_user", "owner_unit", "parent")
        .first()
    )
    if action is None:
        raise Http404
    return action


def action_row(action: Action, day: dt.date | None = None) -> ActionRow:
    return _row(action, day or today())


def my_actions(*, actor: Any, organisation: Organisation, day: dt.date | None = None) -> list[ActionRow]:
    """Actions the person owns, or their unit owns, that are still open."""
    require_permission(actor, organisation, Permission.OBJECTIVE_VIEW)
    unit_ids = list(
        Membership.objects.filter(organisation=organisation, user=actor, unit__isnull=False).values_list(
            "unit_id", flat=True
        )
    )
    queryset = Action.objects.filter(organisation=organisation).filter(
        Q(owner_user=actor) | Q(owner_unit_id__in=unit_ids)
    )
    day = day or today()
    rows = [_row(action, day) for action in queryset.select_related("objective", "owner_unit").order_by("due_date")]
    return [row for row in rows if row.rag.computed not in {"complete", "closed"}]


def measures_for_objective(*, actor: Any, objective: Objective) -> QuerySet[Measure]:
    require_permission(actor, objective.organisation, Permission.OBJECTIVE_VIEW)
    return objective.measures.prefetch_related("values")


def measure_for_member(*, actor: Any, organisation: Organisation, measure_id: int) -> Measure:
    require_permission(actor, organisation, Permission.OBJECTIVE_VIEW)
    measure = (
        Measure.objects.filter(objective__organisation=organisation, pk=measure_id).select_related("objective").first()
    )
    if measure is None:
        raise Http404
    return measure
