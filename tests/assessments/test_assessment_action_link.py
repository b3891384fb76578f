"""An assessment's actions join the action tracker: created there or linked to an action already tracked, and
shown on both sides."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from assessment_page_helpers import demo_assessment, page_text, url
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from dueregard.assessments import services
from dueregard.assessments.models import AssessmentAction
from dueregard.audit.models import AuditEvent
from dueregard.objectives.models import Action, Objective


def _action(demo: Any, title: str = "Office relocation") -> AssessmentAction:
    return AssessmentAction.objects.create(
        assessment=demo_assessment(demo, title),
        text="Lifts to every floor before the move",
        owner_user=demo.users["contributor"],
        due_date=dt.date(2027, 3, 31),
        characteristics=["disability"],
    )


def test_tracking_creates_an_action_under_the_objective(demo: Any) -> None:
    action = _action(demo)
    objective = Objective.objects.get(organisation=demo.organisation, reference="1")
    linked = services.assessment_action_track(actor=demo.users["equality_lead"], action=action, objective=objective)
    tracked = linked.tracked_action
    assert tracked is not None
    assert (tracked.objective, tracked.title) == (objective, "Lifts to every floor before the move")
    assert tracked.owner_user == demo.users["contributor"]
    assert tracked.due_date == dt.date(2027, 3, 31)
    assert tracked.desired_outcome == (
        f"From equality impact assessment {action.assessment.reference}: Office relocation"
    )
    assert AuditEvent.objects.filter(action="assessment_action_track", object_id=str(action.pk)).count() == 1


def test_tracking_links_an_existing_action_and_untracking_keeps_it(demo: Any) -> None:
    action = _action(demo)
    existing = Action.objects.filter(organisation=demo.organisation).order_by("pk")[0]
    lead = demo.users["equality_lead"]
    linked = services.assessment_action_track(actor=lead, action=action, tracked=existing)
    assert linked.tracked_action == existing
    services.assessment_action_untrack(actor=lead, action=action)
    action.refresh_from_db()
    assert action.tracked_action is None
    assert Action.objects.filter(pk=existing.pk).exists()


def test_tracking_needs_one_target_of_this_organisation_and_the_lead(demo: Any) -> None:
    action = _action(demo)
    lead = demo.users["equality_lead"]
    with pytest.raises(ValidationError, match="Choose an objective to add the action to"):
        services.assessment_action_track(actor=lead, action=action)
    council_objective = Objective.objects.get(organisation=demo.other, reference="A1")
    with pytest.raises(ValidationError, match="Choose an objective of this organisation"):
        services.assessment_action_track(actor=lead, action=action, objective=council_objective)
    with pytest.raises(PermissionDenied):
        services.assessment_action_track(
            actor=demo.users["contributor"],
            action=action,
            objective=Objective.objects.filter(organisation=demo.organisation).first(),
        )


def test_a_withdrawn_assessments_actions_are_not_tracked(demo: Any) -> None:
    action = _action(demo, "Car parking charges")
    objective = Objective.objects.filter(organisation=demo.organisation).first()
    with pytest.raises(ValidationError, match="This assessment was withdrawn: its actions are closed"):
        services.assessment_action_track(actor=demo.users["equality_lead"], action=action, objective=objective)


def test_the_link_shows_on_both_sides(demo: Any, client: Client) -> None:
    action = _action(demo)
    objective = Objective.objects.get(organisation=demo.organisation, reference="1")
    client.force_login(demo.users["equality_lead"])
    response = client.post(
        url(action.assessment, f"actions/{action.pk}/track/"), {"objective": objective.pk, "tracked": ""}
    )
    assert response.status_code == 302
    text = page_text(client.get(response["Location"]))
    assert "The action is now followed in the action tracker, under objective 1." in text
    assert "Tracked under objective 1" in text
    action.refresh_from_db()
    tracked_page = page_text(client.get(f"/o/demo/actions/{action.tracked_action_id}/"))
    assert f"Raised by equality impact assessment {action.assessment.reference} v1: Office relocation" in tracked_page


def test_the_track_form_needs_one_choice(demo: Any, client: Client) -> None:
    action = _action(demo)
    client.force_login(demo.users["equality_lead"])
    response = client.post(url(action.assessment, f"actions/{action.pk}/track/"), {"objective": "", "tracked": ""})
    text = page_text(client.get(response["Location"]))
    assert "Choose an objective, or an action already in the tracker: one of the two." in text
    action.refresh_from_db()
    assert action.tracked_action is None


def test_a_contributor_cannot_track(demo: Any, client: Client) -> None:
    action = _action(demo)
    objective = Objective.objects.get(organisation=demo.organisation, reference="1")
    client.force_login(demo.users["contributor"])
    assert "Add to the action tracker" not in page_text(client.get(url(action.assessment, "actions/")))
    response = client.post(url(action.assessment, f"actions/{action.pk}/track/"), {"objective": objective.pk})
    assert response.status_code == 403


def test_status_and_removing_the_link_from_the_page(demo: Any, client: Client) -> None:
    action = _action(demo, "Flexible working policy")  # signed off: actions are still carried out
    objective = Objective.objects.get(organisation=demo.organisation, reference="1")
    lead = demo.users["equality_lead"]
    services.assessment_action_track(actor=lead, action=action, objective=objective)
    client.force_login(lead)
    response = client.post(url(action.assessment, f"actions/{action.pk}/status/"), {"status": "done"})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "done"
    tracked_id = action.tracked_action_id
    assert tracked_id is not None
    response = client.post(url(action.assessment, f"actions/{action.pk}/untrack/"))
    text = page_text(client.get(response["Location"]))
    assert "The link to the action tracker was removed; the tracked action stays." in text
    action.refresh_from_db()
    assert action.tracked_action is None
    assert Action.objects.filter(pk=tracked_id).exists()
