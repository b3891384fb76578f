"""Reading the audit trail: administrators of an organisation, for that organisation only."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from dueregard.audit.models import AuditEvent
from dueregard.organisations.models import Organisation
from dueregard.organisations.roles import Permission, require_permission


def audit_events_for_organisation(*, actor: Any, organisation: Organisation) -> QuerySet[AuditEvent]:
    require_permission(actor, organisation, Permission.AUDIT_VIEW)
    return AuditEvent.objects.filter(organisation=organisation).select_related("actor")


def audit_events_for_object(
    *, actor: Any, organisation: Organisation, object_type: str, object_id: str
) -> QuerySet[AuditEvent]:
    return audit_events_for_organisation(actor=actor, organisation=organisation).filter(
        object_type=object_type, object_id=object_id
    )
