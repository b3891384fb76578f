from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueregard.audit.models import AuditEvent
from dueregard.objectives import services
from dueregard.objectives.models import Action, Objective, Plan
from dueregard.organisations.models import Unit

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def action(demo: Any) -> Action:
    return Action.objects.get(organisation=demo.organisation, title="Review induction procedures")


def test_the_demo_holds_every_action_of_seed_000(demo: Any) -> None:
    objectives = Objective.objects.filter(organisation=demo.organisation).order_by("position")
    assert [o.reference for o in objectives] == ["1", "2", "3", "4", "5"]
    leaf_counts = [Action.objects.filter(objective=o, children__isnull=True).count() for o in objectives]
    # obj 1 = 2; obj 2 = 3; obj 3 = 11 leaf actions; obj 4 = 5; obj 5 = 2 direct + 1 child (seed acceptance checks)
    assert leaf_counts == [2, 3, 11, 5, 3]
    headings = Action.objects.filter(objective__reference="3", parent__isnull=True, organisation=demo.organisation)
    assert headings.count() == 5
    review = Action.objects.get(title="Review induction procedures")
    assert review.timescale_text == "Final review first quarter 2015"
    assert review.parent.title.startswith("Ensure appropriate treatment for persons with protected characteristics")


def test_a_contributor_updates_their_own_action_but_not_others(demo: Any, action: Action) -> None:
    contributor = demo.users["contributor"]
    with pytest.raises(PermissionDenied):
        services.progress_update_add(
            actor=contributor, action=action, text="x", status="in_progress", reported_on=TODAY
        )
    action.owner_user = contributor
    action.save()
    update = services.progress_update_add(
        actor=contributor,
        action=action,
        text="Draft procedures out for comment.",
        status="in_progress",
        reported_on=TODAY,
    )
    action.refresh_from_db()
    assert (action.status, action.last_update_on) == ("in_progress", TODAY)
    assert update.author == contributor
    assert AuditEvent.objects.filter(action="progress_update_add", object_id=str(update.pk)).exists()


def test_a_contributor_in_the_owning_unit_may_update(demo: Any, action: Action) -> None:
    action.owner_unit = Unit.objects.get(organisation=demo.organisation, name="Human Resources")
    action.save()
    services.progress_update_add(
        actor=demo.users["contributor"], action=action, text="Started", status="in_progress", reported_on=TODAY
    )


@pytest.mark.parametrize("who", ["viewer", "analyst", "approver", "outsider"])
def test_others_cannot_update_actions(demo: Any, action: Action, who: str) -> None:
    with pytest.raises(PermissionDenied):
        services.progress_update_add(
            actor=demo.users[who], action=action, text="x", status="complete", reported_on=TODAY
        )


def test_completing_records_the_actual_completion_date(demo: Any, action: Action) -> None:
    services.progress_update_add(
        actor=demo.users["equality_lead"],
        action=action,
        text="Done",
        status="complete",
        reported_on=TODAY,
        status_text="Completed June 08",
        completed_on=dt.date(2026, 6, 30),
    )
    action.refresh_from_db()
    assert (action.status, action.completed_on, action.status_text) == (
        "complete",
        dt.date(2026, 6, 30),
        "Completed June 08",
    )


def test_withdrawing_needs_a_reason_and_keeps_it(demo: Any, action: Action) -> None:
    lead = demo.users["equality_lead"]
    with pytest.raises(ValidationError, match="Say why"):
        services.progress_update_add(actor=lead, action=action, text="  ", status="withdrawn", reported_on=TODAY)
    services.progress_update_add(
        actor=lead,
        action=action,
        text="Withdrawn as part of a revised research programme.",
        status="withdrawn",
        reported_on=TODAY,
    )
    action.refresh_from_db()
    assert action.closed_reason == "Withdrawn as part of a revised research programme."


def test_a_completion_date_after_the_update_is_refused(demo: Any, action: Action) -> None:
    with pytest.raises(ValidationError, match="cannot be after"):
        services.progress_update_add(
            actor=demo.users["equality_lead"],
            action=action,
            text="x",
            status="complete",
            reported_on=TODAY,
            completed_on=TODAY + dt.timedelta(days=1),
        )


def test_a_hand_set_rag_needs_a_reason(demo: Any, action: Action) -> None:
    lead = demo.users["equality_lead"]
    with pytest.raises(ValidationError, match="Give a reason"):
        services.action_set_rag_override(actor=lead, action=action, rag="green", reason="")
    services.action_set_rag_override(actor=lead, action=action, rag="green", reason="Agreed at the board")
    action.refresh_from_db()
    assert (action.rag_override, action.rag_override_reason) == ("green", "Agreed at the board")
    services.action_set_rag_override(actor=lead, action=action, rag="", reason="")
    action.refresh_from_db()
    assert (action.rag_override, action.rag_override_reason) == ("", "")


def test_objectives_run_for_at_most_four_years(demo: Any) -> None:
    with pytest.raises(ValidationError, match="at most 4 years"):
        services.objective_create(
            actor=demo.users["equality_lead"],
            organisation=demo.organisation,
            reference="9",
            statement="Long",
            period_start=dt.date(2024, 4, 1),
            period_end=dt.date(2028, 4, 2),
        )


def test_objective_lifecycle_follows_the_transition_table(demo: Any) -> None:
    lead = demo.users["equality_lead"]
    objective = services.objective_create(
        actor=lead, organisation=demo.organisation, reference="6", statement="New objective"
    )
    assert objective.status == "draft"
    objective = services.objective_transition(actor=lead, objective=objective, to="consultation")
    with pytest.raises(ValidationError, match="cannot become"):
        services.objective_transition(actor=lead, objective=objective, to="closed")
    objective = services.objective_transition(actor=lead, objective=objective, to="adopted")
    objective = services.objective_transition(actor=lead, objective=objective, to="closed")
    with pytest.raises(ValidationError):
        services.objective_transition(actor=lead, objective=objective, to="draft")


def test_a_measure_value_can_be_corrected(demo: Any) -> None:
    lead = demo.users["equality_lead"]
    objective = Objective.objects.get(organisation=demo.organisation, reference="4")
    measure = services.measure_create(
        actor=lead, objective=objective, name="Satisfaction gap", unit="percentage points"
    )
    services.measure_value_record(
        actor=lead, measure=measure, period_label="2012/13", period_end=dt.date(2013, 3, 31), value=Decimal("4.5")
    )
    corrected = services.measure_value_record(
        actor=lead, measure=measure, period_label="2012/13", period_end=dt.date(2013, 3, 31), value=Decimal("3.9")
    )
    assert measure.values.count() == 1
    assert corrected.value == Decimal("3.9")


def test_plans_belong_to_one_organisation(demo: Any) -> None:
    foreign_plan = Plan.objects.get(organisation=demo.other)
    with pytest.raises(ValidationError, match="plan of this organisation"):
        services.objective_create(
            actor=demo.users["equality_lead"],
            organisation=demo.organisation,
            reference="7",
            statement="x",
            plan=foreign_plan,
        )
