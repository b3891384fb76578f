"""Every change to plans, objectives, actions, updates and measures: one transaction, a permission check, an
audit row."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from dueregard.audit.services import audit_record, snapshot
from dueregard.objectives.models import (
    Action,
    ActionStatus,
    EvidenceLink,
    Measure,
    MeasureValue,
    Milestone,
    Objective,
    ObjectiveStatus,
    Plan,
    ProgressUpdate,
    Rag,
)
from dueregard.objectives.timescale_reading import ActionTimescale, read_action_timescale
from dueregard.organisations.models import Membership, Organisation, Unit
from dueregard.organisations.roles import Permission, has_permission, require_permission

MAX_OBJECTIVE_YEARS = 4  # the specific duties: objectives at least every four years

# Objective lifecycle: a small, explicit transition table (checked here; the database checks the values).
OBJECTIVE_TRANSITIONS: dict[str, set[str]] = {
    ObjectiveStatus.DRAFT: {ObjectiveStatus.CONSULTATION, ObjectiveStatus.ADOPTED},
    ObjectiveStatus.CONSULTATION: {ObjectiveStatus.DRAFT, ObjectiveStatus.ADOPTED},
    ObjectiveStatus.ADOPTED: {ObjectiveStatus.CLOSED},
    ObjectiveStatus.CLOSED: set(),
}


def _audited_save(*, actor: Any, organisation: Organisation, action: str, instance: models.Model, before: Any) -> None:
    instance.full_clean()
    instance.save()
    audit_record(
        actor=actor,
        organisation=organisation,
        action=action,
        instance=instance,
        before=before,
        after=snapshot(instance),
    )


def _check_period(start: dt.date | None, end: dt.date | None) -> None:
    if start and end:
        if end < start:
            raise ValidationError({"period_end": _("The period must end after it starts.")})
        if end > start.replace(year=start.year + MAX_OBJECTIVE_YEARS):
            raise ValidationError({"period_end": _("Equality objectives run for at most 4 years.")})


@transaction.atomic
def plan_create(*, actor: Any, organisation: Organisation, title: str, **fields: Any) -> Plan:
    require_permission(actor, organisation, Permission.OBJECTIVE_MANAGE)
    plan = Plan(organisation=organisation, title=title, **fields)
    _check_period(plan.period_start, plan.period_end)
    _audited_save(actor=actor, organisation=organisation, action="plan_create", instance=plan, before=None)
    return plan


@transaction.atomic
def objective_create(
    *, actor: Any, organisation: Organisation, reference: str, statement: str, plan: Plan | None = None, **fields: Any
) -> Objective:
    require_permission(actor, organisation, Permission.OBJECTIVE_MANAGE)
    if plan is not None and plan.organisation_id != organisation.pk:
        raise ValidationError({"plan": _("Choose a plan of this organisation.")})
    position = Objective.objects.filter(organisation=organisation, plan=plan).count() + 1
    objective = Objective(
        organisation=organisation, plan=plan, reference=reference, statement=statement, position=position, **fields
    )
    _check_period(objective.period_start, objective.period_end)
    _audited_save(actor=actor, organisation=organisation, action="objective_create", instance=objective, before=None)
    return objective


OBJECTIVE_EDITABLE = {
    "reference",
    "business_area",
    "statement",
    "description",
    "desired_outcome",
    "period_start",
    "period_end",
    "review_date",
    "characteristics",
    "aims",
    "unit",
    "source_strategy",
    "consultation_start",
    "consultation_end",
}


@transaction.atomic
def objective_update(*, actor: Any, objective: Objective, **changes: Any) -> Objective:
    require_permission(actor, objective.organisation, Permission.OBJECTIVE_MANAGE)
    if set(changes) - OBJECTIVE_EDITABLE:
        raise ValueError(f"Fields that cannot be changed here: {', '.join(sorted(set(changes) - OBJECTIVE_EDITABLE))}")
    objective = Objective.objects.select_for_update().get(pk=objective.pk)
    before = snapshot(objective)
    for field, value in changes.items():
        setattr(objective, field, value)
    _check_period(objective.period_start, objective.period_end)
    _audited_save(
        actor=actor, organisation=objective.organisation, action="objective_update", instance=objective, before=before
    )
    return objective


@transaction.atomic
def objective_transition(*, actor: Any, objective: Objective, to: str) -> Objective:
    require_permission(actor, objective.organisation, Permission.OBJECTIVE_MANAGE)
    objective = Objective.objects.select_for_update().get(pk=objective.pk)
    if to not in OBJECTIVE_TRANSITIONS[objective.status]:
        raise ValidationError(
            _("An objective that is %(current)s cannot become %(target)s.")
            % {"current": objective.get_status_display(), "target": ObjectiveStatus(to).label}
        )
    before = snapshot(objective)
    objective.status = to
    _audited_save(
        actor=actor,
        organisation=objective.organisation,
        action="objective_transition",
        instance=objective,
        before=before,
    )
    return objective


@transaction.atomic
def objective_set_published(*, actor: Any, objective: Objective, is_published: bool) -> Objective:
    require_permission(actor, objective.organisation, Permission.OBJECTIVE_MANAGE)
    objective = Objective.objects.select_for_update().get(pk=objective.pk)
    before = snapshot(objective)
    objective.is_published = is_published
    _audited_save(
        actor=actor,
        organisation=objective.organisation,
        action="objective_set_published",
        instance=objective,
        before=before,
    )
    return objective


def _check_owner(organisation: Organisation, owner_user: Any, owner_unit: Unit | None) -> None:
    if owner_unit is not None and owner_unit.organisation_id != organisation.pk:
        raise ValidationError({"owner_unit": _("Choose a unit of this organisation.")})
    if owner_user is not None and not Membership.objects.filter(organisation=organisation, user=owner_user).exists():
        raise ValidationError({"owner_user": _("Choose a person who belongs to this organisation.")})


def _apply_timescale(action: Action) -> ActionTimescale:
    """Read the action's timescale as written into its dates, following the organisation's quarter setting."""
    organisation = action.organisation
    reading = read_action_timescale(
        action.timescale_text,
        quarter_convention=organisation.quarter_convention,
        year_range_convention=organisation.year_range_convention,
    )
    action.timescale = reading.reading
    action.start_date = reading.start
    action.due_date = reading.due
    action.recurrence = reading.recurrence
    if reading.recurrence and action.status == ActionStatus.NOT_STARTED:
        action.status = ActionStatus.RECURRING
    return reading


def _replace_milestones(action: Action, reading: ActionTimescale) -> None:
    action.milestones.all().delete()
    Milestone.objects.bulk_create(
        Milestone(action=action, position=index, text=text, timescale=data, due_date=due)
        for index, (text, data, due) in enumerate(reading.milestones, start=1)
    )


@transaction.atomic
def action_create(
    *, actor: Any, objective: Objective, title: str, parent: Action | None = None, **fields: Any
) -> Action:
    organisation = objective.organisation
    require_permission(actor, organisation, Permission.OBJECTIVE_MANAGE)
    if parent is not None and parent.objective_id != objective.pk:
        raise ValidationError({"parent": _("A sub-action must belong to the same objective as its heading.")})
    _check_owner(organisation, fields.get("owner_user"), fields.get("owner_unit"))
    position = Action.objects.filter(objective=objective, parent=parent).count() + 1
    action = Action(
        organisation=organisation, objective=objective, parent=parent, title=title, position=position, **fields
    )
    reading = _apply_timescale(action)
    _audited_save(actor=actor, organisation=organisation, action="action_create", instance=action, before=None)
    _replace_milestones(action, reading)
    return action


ACTION_EDITABLE = {"title", "parent", "desired_outcome", "owner_user", "owner_unit", "owner_text", "timescale_text"}


@transaction.atomic
def action_update(*, actor: Any, action: Action, **changes: Any) -> Action:
    organisation = action.organisation
    require_permission(actor, organisation, Permission.OBJECTIVE_MANAGE)
    if set(changes) - ACTION_EDITABLE:
        raise ValueError(f"Fields that cannot be changed here: {', '.join(sorted(set(changes) - ACTION_EDITABLE))}")
    action = Action.objects.select_for_update().get(pk=action.pk)
    parent = changes.get("parent", action.parent)
    if parent is not None and (parent.objective_id != action.objective_id or parent.pk == action.pk):
        raise ValidationError({"parent": _("A sub-action must belong to the same objective as its heading.")})
    if parent is not None and action.children.exists():
        raise ValidationError({"parent": _("An action with sub-actions cannot become a sub-action itself.")})
    _check_owner(organisation, changes.get("owner_user"), changes.get("owner_unit"))
    before = snapshot(action)
    timescale_changed = "timescale_text" in changes and changes["timescale_text"] != action.timescale_text
    for name, value in changes.items():
        setattr(action, name, value)
    reading = _apply_timescale(action) if timescale_changed else None
    _audited_save(actor=actor, organisation=organisation, action="action_update", instance=action, before=before)
    if reading is not None:
        _replace_milestones(action, reading)
    return action


def may_update_action(user: Any, action: Action) -> bool:
    """Equality leads may update any action; contributors the actions they or their unit own."""
    organisation = action.organisation
    if has_permission(user, organisation, Permission.ACTION_UPDATE_ANY):
        return True
    if not has_permission(user, organisation, Permission.ACTION_UPDATE_OWN):
        return False
    if action.owner_user_id == user.pk:
        return True
    return (
        action.owner_unit_id is not None
        and Membership.objects.filter(organisation=organisation, user=user, unit_id=action.owner_unit_id).exists()
    )


@transaction.atomic
def progress_update_add(
    *,
    actor: Any,
    action: Action,
    text: str,
    status: str,
    reported_on: dt.date,
    status_text: str = "",
    completed_on: dt.date | None = None,
) -> ProgressUpdate:
    """Record progress on an action; the action takes the update's status and (if complete) completion date."""
    if not may_update_action(actor, action):
        raise PermissionDenied("action.update")
    ActionStatus(status)  # refuse unknown statuses early, with a clear error
    if status == ActionStatus.COMPLETE and completed_on is None:
        completed_on = reported_on
    if completed_on is not None and completed_on > reported_on:
        raise ValidationError({"completed_on": _("The completion date cannot be after the date of the update.")})
    if status in {ActionStatus.WITHDRAWN, ActionStatus.TRANSFERRED, ActionStatus.NOT_DELIVERED} and not text.strip():
        raise ValidationError({"text": _("Say why the action was withdrawn, transferred or not delivered.")})
    action = Action.objects.select_for_update().get(pk=action.pk)
    update = ProgressUpdate(
        action=action,
        author=actor,
        author_label=str(actor),
        reported_on=reported_on,
        text=text.strip(),
        status=status,
        status_text=status_text,
        completed_on=completed_on,
    )
    update.full_clean()
    update.save()
    audit_record(
        actor=actor,
        organisation=action.organisation,
        action="progress_update_add",
        instance=update,
        before=None,
        after=snapshot(update),
    )
    before = snapshot(action)
    action.status = status
    action.status_text = status_text or action.status_text
    action.completed_on = completed_on if status == ActionStatus.COMPLETE else action.completed_on
    if status in {ActionStatus.WITHDRAWN, ActionStatus.TRANSFERRED, ActionStatus.NOT_DELIVERED}:
        action.closed_reason = text.strip()
    if action.last_update_on is None or reported_on >= action.last_update_on:
        action.last_update_on = reported_on
    _audited_save(
        actor=actor, organisation=action.organisation, action="action_progress", instance=action, before=before
    )
    return update


@transaction.atomic
def action_set_rag_override(*, actor: Any, action: Action, rag: str, reason: str) -> Action:
    """Set the RAG status by hand (with a reason), or clear it with rag=''."""
    require_permission(actor, action.organisation, Permission.ACTION_UPDATE_ANY)
    if rag:
        Rag(rag)
        if not reason.strip():
            raise ValidationError({"rag_override_reason": _("Give a reason for setting the RAG status by hand.")})
    action = Action.objects.select_for_update().get(pk=action.pk)
    before = snapshot(action)
    action.rag_override = rag
    action.rag_override_reason = reason.strip() if rag else ""
    _audited_save(
        actor=actor,
        organisation=action.organisation,
        action="action_set_rag_override",
        instance=action,
        before=before,
    )
    return action


@transaction.atomic
def measure_create(*, actor: Any, objective: Objective, name: str, **fields: Any) -> Measure:
    require_permission(actor, objective.organisation, Permission.OBJECTIVE_MANAGE)
    position = objective.measures.count() + 1
    measure = Measure(objective=objective, name=name, position=position, **fields)
    _audited_save(
        actor=actor, organisation=objective.organisation, action="measure_create", instance=measure, before=None
    )
    return measure


@transaction.atomic
def measure_value_record(
    *, actor: Any, measure: Measure, period_label: str, period_end: dt.date, value: Decimal, note: str = ""
) -> MeasureValue:
    """Record (or correct) the value of a measure for a period."""
    organisation = measure.objective.organisation
    require_permission(actor, organisation, Permission.OBJECTIVE_MANAGE)
    existing = MeasureValue.objects.select_for_update().filter(measure=measure, period_end=period_end).first()
    before = snapshot(existing) if existing else None
    record = existing or MeasureValue(measure=measure, period_end=period_end)
    record.period_label, record.value, record.note = period_label, value, note
    _audited_save(actor=actor, organisation=organisation, action="measure_value_record", instance=record, before=before)
    return record


@transaction.atomic
def evidence_link_add(*, actor: Any, action: Action, title: str, url: str = "") -> EvidenceLink:
    """Link evidence (a document, a web page, later an analysis) to an action."""
    if not may_update_action(actor, action):
        raise PermissionDenied("action.update")
    link = EvidenceLink(action=action, title=title.strip(), url=url.strip())
    _audited_save(actor=actor, organisation=action.organisation, action="evidence_link_add", instance=link, before=None)
    return link


@transaction.atomic
def evidence_link_remove(*, actor: Any, link: EvidenceLink) -> None:
    action = link.action
    if not may_update_action(actor, action):
        raise PermissionDenied("action.update")
    audit_record(
        actor=actor,
        organisation=action.organisation,
        action="evidence_link_remove",
        instance=link,
        before=snapshot(link),
        after=None,
    )
    link.delete()


@transaction.atomic
def action_set_published(*, actor: Any, action: Action, is_published: bool) -> Action:
    """Choose whether an action appears in the published progress statement (its objective must be published too)."""
    require_permission(actor, action.organisation, Permission.OBJECTIVE_MANAGE)
    action = Action.objects.select_for_update().get(pk=action.pk)
    before = snapshot(action)
    action.is_published = is_published
    _audited_save(
        actor=actor, organisation=action.organisation, action="action_set_published", instance=action, before=before
    )
    return action
