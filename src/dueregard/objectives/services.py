from __future__ import annotations

from typing import Any

from django.db import transaction

from dueregard.audit.services import audit_record, snapshot
from dueregard.objectives.models import Objective
from dueregard.organisations.models import Organisation, Unit
from dueregard.organisations.roles import Permission, require_permission


@transaction.atomic
def objective_create(
    *,
    actor: Any,
    organisation: Organisation,
    reference: str,
    statement: str,
    business_area: str = "",
    unit: Unit | None = None,
    is_published: bool = False,
) -> Objective:
    require_permission(actor, organisation, Permission.OBJECTIVE_MANAGE)
    position = Objective.objects.filter(organisation=organisation).count() + 1
    objective = Objective(
        organisation=organisation,
        reference=reference,
        statement=statement,
        business_area=business_area,
        unit=unit,
        is_published=is_published,
        position=position,
    )
    objective.full_clean()
    objective.save()
    audit_record(
        actor=actor,
        organisation=organisation,
        action="objective_create",
        instance=objective,
        before=None,
        after=snapshot(objective),
    )
    return objective


@transaction.atomic
def objective_set_published(*, actor: Any, objective: Objective, is_published: bool) -> Objective:
    require_permission(actor, objective.organisation, Permission.OBJECTIVE_MANAGE)
    objective = Objective.objects.select_for_update().get(pk=objective.pk)
    before = snapshot(objective)
    objective.is_published = is_published
    objective.save(update_fields=["is_published"])
    audit_record(
        actor=actor,
        organisation=objective.organisation,
        action="objective_set_published",
        instance=objective,
        before=before,
        after=snapshot(objective),
    )
    return objective
