from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.test import Client

from dueregard.audit.models import AuditEvent, AuditTrailIsAppendOnlyError
from dueregard.organisations import services
from dueregard.organisations.models import Unit


def test_a_change_records_actor_object_and_before_and_after(demo: Any) -> None:
    unit = Unit.objects.get(organisation=demo.organisation, name="Human Resources")
    services.unit_update(actor=demo.users["equality_lead"], unit=unit, name="People and Culture")
    event = AuditEvent.objects.filter(action="unit_update").latest("at")
    assert event.actor == demo.users["equality_lead"]
    assert event.organisation == demo.organisation
    assert (event.object_type, event.object_id) == ("organisations.unit", str(unit.pk))
    assert event.before["name"] == "Human Resources"
    assert event.after["name"] == "People and Culture"
    assert event.changes == [("name", "Human Resources", "People and Culture")]


def test_a_refused_change_leaves_no_audit_row_and_no_change(demo: Any) -> None:
    unit = Unit.objects.get(organisation=demo.organisation, name="Human Resources")
    before = AuditEvent.objects.count()
    with pytest.raises(ValidationError, match="already a unit with this name"):
        # Same name as a sibling: the model's unique constraint refuses it inside the service's transaction.
        services.unit_update(actor=demo.users["administrator"], unit=unit, name="Finance and Estates")
    assert AuditEvent.objects.count() == before
    assert Unit.objects.get(pk=unit.pk).name == "Human Resources"


def test_audit_rows_cannot_be_changed_or_deleted_through_the_orm(demo: Any) -> None:
    event = AuditEvent.objects.first()
    assert event is not None
    event.action = "tampered"
    with pytest.raises(AuditTrailIsAppendOnlyError):
        event.save()
    with pytest.raises(AuditTrailIsAppendOnlyError):
        event.delete()
    with pytest.raises(AuditTrailIsAppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(action="tampered")
    with pytest.raises(AuditTrailIsAppendOnlyError):
        AuditEvent.objects.all().delete()


@pytest.mark.parametrize(
    "statement", ["UPDATE audit_auditevent SET action = 'tampered'", "DELETE FROM audit_auditevent"]
)
def test_the_database_itself_refuses_to_rewrite_audit_rows(demo: Any, statement: str) -> None:
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)
    assert not AuditEvent.objects.filter(action="tampered").exists()


def test_administrators_read_the_log_per_organisation_and_per_object(demo: Any, client: Client) -> None:
    unit = Unit.objects.get(organisation=demo.organisation, name="Human Resources")
    services.unit_update(actor=demo.users["administrator"], unit=unit, description="Recruitment and pay")
    client.force_login(demo.users["administrator"])
    whole = client.get("/o/demo/audit/").content.decode()
    assert "unit_update" in whole
    single = client.get(f"/o/demo/audit/organisations.unit/{unit.pk}/").content.decode()
    assert "Recruitment and pay" in single
    assert "unit_create" in single
    assert "objective_create" not in single


def test_the_log_of_one_organisation_never_shows_another(demo: Any, client: Client) -> None:
    client.force_login(demo.users["outsider"])
    page = client.get("/o/cyngor-enghreifftiol/audit/").content.decode()
    assert "Adult Services" in page
    assert "Human Resources" not in page
    assert "Demo Government Department" not in page
