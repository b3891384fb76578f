from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from dueregard.objectives.models import Objective
from dueregard.organisations.models import Organisation
from dueregard.organisations.roles import Permission, require_permission


def objectives_for_member(*, actor: Any, organisation: Organisation) -> QuerySet[Objective]:
    require_permission(actor, organisation, Permission.OBJECTIVE_VIEW)
    return Objective.objects.filter(organisation=organisation).select_related("unit")


def objective_for_member(*, actor: Any, organisation: Organisation, objective_id: int) -> Objective:
    objective = objectives_for_member(actor=actor, organisation=organisation).filter(pk=objective_id).first()
    if objective is None:
        raise Http404
    return objective


def objectives_published(*, organisation: Organisation) -> QuerySet[Objective]:
    """What the public may read: only objectives marked for publication."""
    return Objective.objects.filter(organisation=organisation, is_published=True)
