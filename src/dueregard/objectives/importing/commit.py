"""Save a previewed plan: one transaction, all or nothing.

The plan itself goes through ``plan_create``. The objectives, actions, milestones, updates, recommendations and
measures are created directly (``bulk_create``) inside the same ``transaction.atomic``, and so are their audit rows:
one per created object, with the fields ``audit_record`` writes (action ``plan_import``, the object's values as
"after"), inserted 500 at a time. Calling ``objective_create``/``action_create``/``progress_update_add`` once per row
costs several queries per object (positions, ownership checks, a reload under lock) and makes a 5,000-row plan take
minutes; one ``audit_record`` INSERT per object alone took about 4 s of the 10 s budget. The reading of each
timescale is the one ``action_create`` would make (``timescale_reading.read_action_timescale``), done once in the
preview.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dueregard.audit.models import AuditEvent
from dueregard.audit.services import snapshot
from dueregard.objectives.importing.fast_insert import insert_all
from dueregard.objectives.importing.layout import Layout, detect_layout, plain
from dueregard.objectives.importing.preview import Preview, PreviewAction, Problem, build_preview
from dueregard.objectives.importing.reading import RawTable
from dueregard.objectives.models import (
    Action,
    ActionStatus,
    Measure,
    Milestone,
    Objective,
    Plan,
    ProgressUpdate,
    Recommendation,
)
from dueregard.objectives.services import plan_create
from dueregard.organisations.models import Organisation, Unit
from dueregard.organisations.roles import Permission, require_permission

AUDIT_BATCH = 500
CLOSING = {ActionStatus.WITHDRAWN, ActionStatus.TRANSFERRED, ActionStatus.NOT_DELIVERED}


class ImportRefusedError(Exception):
    """The preview has errors: nothing was saved."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} error(s): nothing was saved")


@dataclass
class ImportResult:
    plan: Plan
    counts: dict[str, int]
    skipped_rows: list[int] = field(default_factory=list)


@transaction.atomic
def plan_import_commit(
    *,
    actor: Any,
    organisation: Organisation,
    preview: Preview,
    plan_title: str,
    only_valid_rows: bool = False,
    reported_on: dt.date | None = None,
    plan_fields: dict[str, Any] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Create the plan and everything in it. With errors in the preview nothing is saved, unless
    ``only_valid_rows``: then the rows with errors (and the objectives they belong to) are left out and reported.
    ``progress(done, total)`` is called as the objects are recorded (for a progress bar)."""
    require_permission(actor, organisation, Permission.OBJECTIVE_MANAGE)
    errors = preview.errors
    if errors and (not only_valid_rows or any(p.row == 0 for p in errors)):
        raise ImportRefusedError(errors)
    objectives = preview.valid_objectives() if only_valid_rows else preview.objectives
    if not objectives:
        raise ImportRefusedError([Problem(row=0, column="", message=_("There is nothing to import."), is_error=True)])
    reported_on = reported_on or timezone.localdate()
    plan = plan_create(actor=actor, organisation=organisation, title=plan_title, **(plan_fields or {}))
    own_units = set(Unit.objects.filter(organisation=organisation).values_list("pk", flat=True))

    def unit(unit_id: int | None) -> int | None:
        return unit_id if unit_id in own_units else None

    created: list[Any] = []

    def completed_on(item: PreviewAction) -> dt.date | None:
        return item.completed_on if item.completed_on and item.completed_on <= reported_on else None

    saved_objectives = Objective.objects.bulk_create(
        Objective(
            organisation=organisation,
            plan=plan,
            reference=item.reference,
            statement=item.statement,
            business_area=item.business_area,
            desired_outcome=item.desired_outcome,
            description=item.description,
            unit_id=unit(item.unit_id),
            position=position,
        )
        for position, item in enumerate(objectives, 1)
    )
    created += saved_objectives

    pairs: list[tuple[PreviewAction, Action]] = []

    def make(item: PreviewAction, objective: Objective, parent: Action | None, position: int) -> Action:
        reading = item.timescale
        status = item.status
        action = Action(
            organisation=organisation,
            objective=objective,
            parent=parent,
            position=position,
            title=item.title,
            desired_outcome=item.desired_outcome,
            owner_text=item.owner_text,
            owner_unit_id=unit(item.owner_unit_id),
            timescale_text=item.timescale_text,
            timescale=reading.reading if reading else None,
            start_date=reading.start if reading else None,
            due_date=reading.due if reading else None,
            recurrence=reading.recurrence if reading else "",
            status=status,
            status_text=item.status_text,
            closed_reason=item.update_text if status in CLOSING else "",
            last_update_on=reported_on if item.update_text.strip() else None,
            completed_on=completed_on(item),
        )
        pairs.append((item, action))
        return action

    level: list[tuple[PreviewAction, Action | None, Objective]] = [
        (item, None, objective)
        for objective, preview_objective in zip(saved_objectives, objectives, strict=True)
        for item in preview_objective.actions
    ]
    while level:
        positions: dict[tuple[int, int | None], int] = {}
        batch = []
        for item, parent, objective in level:
            key = (objective.pk, parent.pk if parent else None)
            positions[key] = positions.get(key, 0) + 1
            batch.append(make(item, objective, parent, positions[key]))
        insert_all(Action, batch)
        level = [
            (child, action, objective)
            for (item, _parent, objective), action in zip(level, batch, strict=True)
            for child in item.children
        ]
    created += [action for _item, action in pairs]

    milestones = insert_all(
        Milestone,
        [
            Milestone(action=action, position=position, text=text, timescale=data, due_date=due)
            for item, action in pairs
            if item.timescale
            for position, (text, data, due) in enumerate(item.timescale.milestones, 1)
        ],
    )
    updates = insert_all(
        ProgressUpdate,
        [
            ProgressUpdate(
                action=action,
                author=actor,
                author_label=str(actor),
                reported_on=reported_on,
                text=item.update_text,
                status=item.status,
                status_text=item.status_text,
                completed_on=completed_on(item),
            )
            for item, action in pairs
            if item.update_text.strip()
        ],
    )
    created += milestones + updates

    numbers = {number for item in objectives for number in item.recommendations}
    recommendations = Recommendation.objects.bulk_create(
        Recommendation(plan=plan, number=number, text=preview.recommendations[number].text)
        for number in sorted(numbers, key=lambda n: (len(n), n))
    )
    by_number = {r.number: r for r in recommendations}
    links = [
        Recommendation.objectives.through(recommendation_id=by_number[number].pk, objective_id=objective.pk)
        for objective, item in zip(saved_objectives, objectives, strict=True)
        for number in item.recommendations
    ]
    Recommendation.objectives.through.objects.bulk_create(links)
    linked: dict[int, list[int]] = {}
    for link in links:
        linked.setdefault(link.recommendation_id, []).append(link.objective_id)
    measures = Measure.objects.bulk_create(
        Measure(objective=objective, position=position, name=name)
        for objective, item in zip(saved_objectives, objectives, strict=True)
        for position, name in enumerate(item.measures, 1)
    )
    created += recommendations + measures

    # One audit row per created object, written in batches (one INSERT per 500 rows rather than per row).
    for start in range(0, len(created), AUDIT_BATCH):
        insert_all(
            AuditEvent,
            [
                _audit_event(actor, organisation, instance, linked=linked)
                for instance in created[start : start + AUDIT_BATCH]
            ],
        )
        if progress is not None:
            progress(min(start + AUDIT_BATCH, len(created)), len(created))
    skipped = sorted(preview.invalid_rows - {0}) if only_valid_rows else []
    counts = {
        "objectives": len(saved_objectives),
        "actions": len(pairs),
        "milestones": len(milestones),
        "updates": len(updates),
        "recommendations": len(recommendations),
        "measures": len(measures),
    }
    return ImportResult(plan=plan, counts=counts, skipped_rows=skipped)


def _audit_event(actor: Any, organisation: Organisation, instance: Any, *, linked: dict[int, list[int]]) -> AuditEvent:
    """The row ``audit_record`` writes for a created object (action ``plan_import``, nothing before), unsaved.
    A recommendation's row also names the objectives it was linked to (``linked``: recommendation id → ids)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("The import's audit rows must be written inside its transaction.")
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent(
        organisation=organisation,
        actor=actor if authenticated else None,
        actor_label=str(actor) if authenticated else "system",
        action="plan_import",
        object_type=instance._meta.label_lower,
        object_id=str(instance.pk),
        object_repr=str(instance)[:250],
        before=None,
        after=(
            {**snapshot(instance), "objectives": sorted(linked.get(instance.pk, []))}
            if isinstance(instance, Recommendation)
            else snapshot(instance)
        ),
    )


def units_by_name(organisation: Organisation) -> dict[str, tuple[int, str]]:
    """The organisation's units by name, for matching the owners written in a plan (case and spacing ignored)."""
    from dueregard.objectives.importing.preview import unit_key

    return {unit_key(u.name): (u.pk, u.name) for u in Unit.objects.filter(organisation=organisation)}


def preview_for(organisation: Organisation, table: RawTable, mapping: list[str] | None = None) -> Preview:
    """Read a table for an organisation: its timescale settings, its units, and the mapping (detected if None)."""
    layout = detect_layout(table) or Layout(
        header_index=0, headers=[plain(c) for c in table.rows[0].cells], mapping=["ignore"] * len(table.rows[0].cells)
    )
    if mapping is not None:
        layout.mapping = [(mapping[i] if i < len(mapping) else "ignore") for i in range(len(layout.headers))]
    return build_preview(
        table,
        layout,
        quarter_convention=organisation.quarter_convention,
        year_range_convention=organisation.year_range_convention,
        units=units_by_name(organisation),
    )
