from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from assessment_helpers import (
    NEXT_YEAR,
    TODAY,
    fill_matrix,
    move,
    start,
    to_awaiting_sign_off,
    to_decision,
    to_signed_off,
    update,
)
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from dueregard.assessments import services
from dueregard.assessments.models import Assessment, ImpactCell
from dueregard.assessments.services import ConcurrentEditError
from dueregard.audit.models import AuditEvent
from dueregard.organisations.models import Unit


def messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def test_starting_gives_a_reference_per_organisation_and_year(demo: Any) -> None:
    first = start(demo)
    second = start(demo, title="Second")
    year = TODAY.year
    assert first.reference.startswith(f"EIA-{year}-")
    assert int(second.reference[-4:]) == int(first.reference[-4:]) + 1
    assert (first.state, first.version, first.author) == ("screening", 1, demo.users["contributor"])
    assert AuditEvent.objects.filter(action="assessment_start", object_id=str(first.pk)).exists()


@pytest.mark.parametrize("who", ["viewer", "analyst", "approver", "outsider"])
def test_only_contributors_and_equality_leads_start_assessments(demo: Any, who: str) -> None:
    with pytest.raises(PermissionDenied):
        services.assessment_start(actor=demo.users[who], organisation=demo.organisation, title="X")


def test_the_author_cannot_sign_off_even_as_an_approver(demo: Any) -> None:
    approver = demo.users["approver"]
    lead = demo.users["equality_lead"]
    # the approver writes an assessment (they hold contributor rights through a second role)
    services_person = approver
    from dueregard.organisations.services import person_set_roles

    person_set_roles(
        actor=demo.users["administrator"],
        organisation=demo.organisation,
        user=approver,
        roles=["approver", "contributor"],
    )
    assessment = services.assessment_start(
        actor=services_person, organisation=demo.organisation, title="Own", today=TODAY
    )
    update(
        assessment, approver, screening_reasons="Internal only", screening_decision="not_needed", review_date=NEXT_YEAR
    )
    with pytest.raises(ValidationError) as refused:
        move(assessment, approver, "screened_out")
    assert "You wrote this assessment, so you cannot sign it off" in messages(refused.value)
    with pytest.raises(PermissionDenied):
        move(assessment, lead, "screened_out")  # an equality lead is not an approver


def test_an_approver_signs_off_and_the_assessment_locks(demo: Any) -> None:
    assessment = to_signed_off(demo, start(demo))
    assert assessment.state == "signed_off"
    assert assessment.signed_off_by == demo.users["approver"]
    with pytest.raises(ValidationError) as refused:
        update(assessment, demo.users["contributor"], purpose="Changed")
    assert "locked: start a new version to change it" in messages(refused.value)
    with pytest.raises(ValidationError):
        services.impact_cell_set(
            actor=demo.users["contributor"],
            assessment=assessment,
            characteristic="age",
            aim="advance",
            impact="neutral",
        )


@pytest.mark.parametrize("who", ["contributor", "equality_lead", "viewer", "outsider"])
def test_nobody_but_an_approver_signs_off(demo: Any, who: str) -> None:
    assessment = to_awaiting_sign_off(demo, start(demo))
    services.assessment_decision_confirm(actor=demo.users["approver"], assessment=assessment, decision_date=TODAY)
    with pytest.raises(PermissionDenied):
        move(assessment, demo.users[who], "signed_off")


def test_another_organisation_cannot_see_or_change_an_assessment(demo: Any) -> None:
    from dueregard.assessments import selectors

    assessment = start(demo)
    outsider = demo.users["outsider"]
    with pytest.raises(PermissionDenied):
        selectors.assessments_for_member(actor=outsider, organisation=demo.organisation)
    with pytest.raises(PermissionDenied):
        update(assessment, outsider, purpose="x")
    with pytest.raises(PermissionDenied):
        move(assessment, outsider, "withdrawn")
    other_lead = outsider  # administrator and equality lead of the other organisation
    assert (
        not selectors.assessments_for_member(actor=other_lead, organisation=demo.other)
        .filter(pk=assessment.pk)
        .exists()
    )


def test_a_move_the_table_does_not_allow_says_where_it_can_go(demo: Any) -> None:
    assessment = start(demo)
    with pytest.raises(ValidationError) as refused:
        move(assessment, demo.users["contributor"], "decision")
    text = messages(refused.value)
    assert "An assessment that is screening cannot become decision" in text
    assert "full assessment" in text
    assert "withdrawn" in text


def test_superseded_is_never_chosen(demo: Any) -> None:
    assessment = to_signed_off(demo, start(demo))
    with pytest.raises(ValidationError) as refused:
        move(assessment, demo.users["equality_lead"], "superseded")
    assert "when a later version is signed off" in messages(refused.value)


def test_screening_out_needs_reasons_and_a_future_review_date(demo: Any) -> None:
    assessment = start(demo)
    with pytest.raises(ValidationError) as refused:
        move(assessment, demo.users["approver"], "screened_out")
    problems = refused.value.message_dict
    assert problems["screening_reasons"] == ["Give the reasons for the screening decision."]
    assert problems["review_date"] == ["Set the date when this assessment will be reviewed."]
    update(assessment, demo.users["contributor"], screening_reasons="Internal filing rules only")
    Assessment.objects.filter(pk=assessment.pk).update(review_date=TODAY - dt.timedelta(days=1))
    with pytest.raises(ValidationError) as refused:
        move(assessment, demo.users["approver"], "screened_out")
    assert refused.value.message_dict["review_date"] == ["The review date is in the past: choose a date from today on."]
    update(assessment, demo.users["contributor"], review_date=NEXT_YEAR)
    done = move(assessment, demo.users["approver"], "screened_out")
    assert (done.state, done.screening_decision, done.signed_off_by) == (
        "screened_out",
        "not_needed",
        demo.users["approver"],
    )


def test_a_review_date_in_the_past_is_refused_when_saved(demo: Any) -> None:
    with pytest.raises(ValidationError) as refused:
        update(start(demo), demo.users["contributor"], review_date=TODAY - dt.timedelta(days=1))
    assert refused.value.message_dict["review_date"] == ["The review date is in the past: choose a date from today on."]


def test_a_contradictory_screening_decision_is_refused(demo: Any) -> None:
    assessment = start(demo)
    update(
        assessment, demo.users["contributor"], screening_reasons="Affects the public", screening_decision="not_needed"
    )
    with pytest.raises(ValidationError) as refused:
        move(assessment, demo.users["contributor"], "full_assessment")
    assert "says no full assessment is needed" in messages(refused.value)
    update(assessment, demo.users["contributor"], screening_decision="full", review_date=NEXT_YEAR)
    with pytest.raises(ValidationError) as refused:
        move(assessment, demo.users["approver"], "screened_out")
    assert "says a full assessment is needed" in messages(refused.value)


def test_leaving_engagement_needs_a_record_or_a_reason(demo: Any) -> None:
    author = demo.users["contributor"]
    assessment = start(demo)
    update(assessment, author, screening_reasons="Public service")
    move(assessment, author, "full_assessment")
    move(assessment, author, "engagement")
    with pytest.raises(ValidationError) as refused:
        move(assessment, author, "decision")
    assert refused.value.message_dict["engagements"] == ["Record who was involved or consulted, or say why nobody was."]
    update(assessment, author, no_engagement_reason="Urgent statutory change; consultation after the decision.")
    assert move(assessment, author, "decision").state == "decision"


def test_leaving_decision_needs_a_complete_matrix_outcome_review_date_and_decision_maker(demo: Any) -> None:
    author = demo.users["contributor"]
    assessment = start(demo)
    update(assessment, author, screening_reasons="Public service")
    move(assessment, author, "full_assessment")
    services.impact_cell_set(
        actor=author, assessment=assessment, characteristic="age", aim="eliminate", impact="neutral"
    )
    move(assessment, author, "engagement")
    update(assessment, author, no_engagement_reason="None")
    move(assessment, author, "decision")
    with pytest.raises(ValidationError) as refused:
        move(assessment, author, "awaiting_sign_off")
    problems = refused.value.message_dict
    assert "24 cells are still empty" in problems["impacts"][0]
    assert problems["outcome"] == ["Choose the outcome of the assessment."]
    assert problems["review_date"] == ["Set the date when this assessment will be reviewed."]
    assert problems["decision_maker"] == ["Name the decision-maker."]


NEGATIVE = (("disability", "advance"),)


def test_a_negative_impact_needs_the_five_considerations(demo: Any) -> None:
    author = demo.users["contributor"]
    assessment = to_decision(demo, start(demo), negative=NEGATIVE)
    update(assessment, author, outcome="no_change", review_date=NEXT_YEAR, decision_maker=demo.users["approver"])
    with pytest.raises(ValidationError) as refused:
        move(assessment, author, "awaiting_sign_off")
    problems = refused.value.message_dict
    assert set(problems) == {
        "adverse_duty_met",
        "adverse_alternatives",
        "adverse_unavoidable",
        "adverse_mitigation",
        "second_consultation_needed",
    }
    assert problems["adverse_mitigation"] == [
        "An impact is negative: describe the measures that will reduce it, or justify it."
    ]
    update(
        assessment,
        author,
        adverse_duty_met="Yes, with the mitigation below",
        adverse_alternatives="Keeping every part-time post: unaffordable",
        adverse_unavoidable=True,
    )
    with pytest.raises(ValidationError) as refused:
        move(assessment, author, "awaiting_sign_off")
    assert refused.value.message_dict["adverse_justification"] == [
        "The adverse impact is unavoidable: justify it by the aims and importance of the policy."
    ]
    update(
        assessment,
        author,
        adverse_justification="Needed to keep the service open",
        adverse_mitigation="Reasonable adjustments on request",
        second_consultation_needed=False,
        second_consultation_reasons="Small effect on daily lives; proposal barely changed",
    )
    assert move(assessment, author, "awaiting_sign_off").state == "awaiting_sign_off"


def test_continue_despite_adverse_impact_without_any_negative_is_contradictory(demo: Any) -> None:
    author = demo.users["contributor"]
    assessment = to_decision(demo, start(demo))
    update(
        assessment,
        author,
        outcome="continue",
        outcome_details="x",
        review_date=NEXT_YEAR,
        decision_maker=demo.users["approver"],
    )
    with pytest.raises(ValidationError) as refused:
        move(assessment, author, "awaiting_sign_off")
    assert "no impact is negative" in refused.value.message_dict["outcome"][0]


def test_sign_off_needs_the_decision_makers_confirmation(demo: Any) -> None:
    assessment = to_awaiting_sign_off(demo, start(demo))
    with pytest.raises(ValidationError) as refused:
        move(assessment, demo.users["approver"], "signed_off")
    assert refused.value.message_dict["decision_confirmed_at"] == [
        "The decision-maker has not yet confirmed that they read the assessment before deciding."
    ]
    with pytest.raises(PermissionDenied):
        services.assessment_decision_confirm(
            actor=demo.users["equality_lead"], assessment=assessment, decision_date=TODAY
        )
    services.assessment_decision_confirm(
        actor=demo.users["approver"],
        assessment=assessment,
        decision_date=TODAY,
        decision_paper_url="https://example.org/paper",
    )
    done = move(assessment, demo.users["approver"], "signed_off")
    assert done.decision_confirmed_by == demo.users["approver"]
    assert done.decision_paper_url == "https://example.org/paper"


def test_an_approver_returns_an_assessment_for_changes(demo: Any) -> None:
    assessment = to_awaiting_sign_off(demo, start(demo))
    assert move(assessment, demo.users["approver"], "decision").state == "decision"


def test_publishing_is_for_equality_leads(demo: Any) -> None:
    assessment = to_signed_off(demo, start(demo))
    with pytest.raises(PermissionDenied):
        move(assessment, demo.users["contributor"], "published")
    published = move(assessment, demo.users["equality_lead"], "published")
    assert published.published_at is not None


def test_withdrawing_from_an_open_state_and_not_after_sign_off(demo: Any) -> None:
    assessment = start(demo)
    assert move(assessment, demo.users["contributor"], "withdrawn").state == "withdrawn"
    signed = to_signed_off(demo, start(demo, title="Other"))
    with pytest.raises(ValidationError):
        move(signed, demo.users["contributor"], "withdrawn")


def test_every_transition_writes_an_audit_row_with_before_and_after(demo: Any) -> None:
    assessment = start(demo)
    update(assessment, demo.users["contributor"], screening_reasons="Public")
    move(assessment, demo.users["contributor"], "full_assessment")
    event = AuditEvent.objects.filter(action="assessment_transition", object_id=str(assessment.pk)).get()
    assert (event.before["state"], event.after["state"]) == ("screening", "full_assessment")


# --- optimistic locking --------------------------------------------------------------------------------------


def test_two_editors_never_silently_overwrite_each_other(demo: Any) -> None:
    assessment = start(demo)
    opened_by_both = assessment.lock_version
    services.assessment_update(
        actor=demo.users["equality_lead"],
        assessment=assessment,
        expected_lock_version=opened_by_both,
        purpose="Lead's text",
    )
    with pytest.raises(ConcurrentEditError) as refused:
        services.assessment_update(
            actor=demo.users["contributor"], assessment=assessment, expected_lock_version=opened_by_both, purpose="Mine"
        )
    assert "Leila Equality-Lead saved this assessment" in str(refused.value)
    assert refused.value.saved_by == demo.users["equality_lead"]
    assessment.refresh_from_db()
    assert assessment.purpose == "Lead's text"


def test_changing_a_part_counts_as_a_save(demo: Any) -> None:
    assessment = start(demo)
    opened = assessment.lock_version
    update(assessment, demo.users["contributor"], screening_reasons="x")
    move(assessment, demo.users["contributor"], "full_assessment")
    assessment.refresh_from_db()
    opened = assessment.lock_version
    services.evidence_item_add(actor=demo.users["equality_lead"], assessment=assessment, title="Staff survey 2026")
    with pytest.raises(ConcurrentEditError):
        services.impact_cell_set(
            actor=demo.users["contributor"],
            assessment=assessment,
            characteristic="age",
            aim="advance",
            impact="neutral",
            expected_lock_version=opened,
        )


# --- the matrix ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("aim", ["advance", "foster"])
def test_marriage_and_civil_partnership_only_under_aim_a(demo: Any, aim: str) -> None:
    assessment = start(demo)
    with pytest.raises(ValidationError) as refused:
        services.impact_cell_set(
            actor=demo.users["contributor"],
            assessment=assessment,
            characteristic="marriage_civil_partnership",
            aim=aim,
            impact="neutral",
        )
    assert "counts only for eliminating discrimination" in messages(refused.value)
    services.impact_cell_set(
        actor=demo.users["contributor"],
        assessment=assessment,
        characteristic="marriage_civil_partnership",
        aim="eliminate",
        impact="neutral",
    )
    # and the database refuses it whatever the route
    with pytest.raises(IntegrityError), transaction.atomic():
        ImpactCell.objects.create(
            assessment=assessment, characteristic="marriage_civil_partnership", aim=aim, impact="neutral"
        )


def test_a_negative_impact_needs_its_reason(demo: Any) -> None:
    with pytest.raises(ValidationError) as refused:
        services.impact_cell_set(
            actor=demo.users["contributor"],
            assessment=start(demo),
            characteristic="race",
            aim="advance",
            impact="negative",
        )
    assert refused.value.message_dict["reason"] == ["Say why the impact on Race is negative, and on what evidence."]


def test_the_matrix_has_twenty_five_cells(demo: Any) -> None:
    assessment = start(demo)
    fill_matrix(assessment, demo.users["contributor"])
    assert assessment.impacts.count() == 25


# --- lenses --------------------------------------------------------------------------------------------------


def test_socio_economic_lens_is_on_by_default_in_wales_and_scotland_only(demo: Any) -> None:
    assert services.lenses_for(demo.other) == ["socio_economic"]  # a Welsh council
    assert services.lenses_for(demo.organisation) == []  # an English department


def test_a_chosen_lens_must_be_assessed_before_sign_off(demo: Any) -> None:
    services.assessment_settings_update(
        actor=demo.users["equality_lead"], organisation=demo.organisation, lenses=["welsh_language", "carers"]
    )
    author = demo.users["contributor"]
    assessment = to_decision(demo, start(demo))
    update(assessment, author, outcome="no_change", review_date=NEXT_YEAR, decision_maker=demo.users["approver"])
    with pytest.raises(ValidationError) as refused:
        move(assessment, author, "awaiting_sign_off")
    assert refused.value.message_dict["lens_results"] == [
        "Record the impact through these lenses: Welsh language, Carers."
    ]
    with pytest.raises(ValidationError):
        services.lens_result_set(actor=author, assessment=assessment, lens="armed_forces", impact="neutral")
    services.lens_result_set(actor=author, assessment=assessment, lens="welsh_language", impact="neutral")
    services.lens_result_set(
        actor=author, assessment=assessment, lens="carers", impact="positive", reason="Carers' leave"
    )
    assert move(assessment, author, "awaiting_sign_off").state == "awaiting_sign_off"


# --- engagement and actions ----------------------------------------------------------------------------------


def test_engagement_needs_aims_and_cannot_be_meaningful_after_the_decision(demo: Any) -> None:
    author = demo.users["contributor"]
    assessment = start(demo)
    base = {"groups": "Carers UK", "held_on": TODAY, "method": "Survey", "today": TODAY}
    with pytest.raises(ValidationError) as refused:
        services.engagement_record_add(actor=author, assessment=assessment, aims=" ", **base)
    assert "State the aims of the engagement" in messages(refused.value)
    update(assessment, author, decision_date=TODAY - dt.timedelta(days=3))
    assessment.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        services.engagement_record_add(actor=author, assessment=assessment, aims="Views", meaningful=True, **base)
    assert "cannot have fed into it" in messages(refused.value)


def test_actions_can_be_carried_out_after_sign_off(demo: Any) -> None:
    author = demo.users["contributor"]
    assessment = start(demo)
    action = services.assessment_action_add(
        actor=author,
        assessment=assessment,
        text="Publish guidance for carers",
        owner_user=author,
        due_date=NEXT_YEAR,
        today=TODAY,
    )
    with pytest.raises(ValidationError) as refused:
        services.assessment_action_add(actor=author, assessment=assessment, text="No owner")
    assert refused.value.message_dict["owner_user"] == ["Say who owns the action."]
    to_signed_off(demo, assessment)
    assert services.assessment_action_set_status(actor=author, action=action, status="done").status == "done"


# --- versions ------------------------------------------------------------------------------------------------


def test_a_new_version_copies_the_content_and_replaces_the_old_once_signed_off(demo: Any) -> None:
    first = to_signed_off(demo, start(demo))
    first = move(first, demo.users["equality_lead"], "published")
    second = services.assessment_new_version(actor=demo.users["contributor"], assessment=first, today=TODAY)
    assert (second.reference, second.version, second.state) == (first.reference, 2, "under_review")
    assert second.previous_version == first
    assert second.impacts.count() == 25
    assert second.engagements.count() == 1
    assert second.review_date is None
    assert second.signed_off_by is None
    assert second.decision_confirmed_at is None
    with pytest.raises(ValidationError) as refused:
        services.assessment_new_version(actor=demo.users["contributor"], assessment=first)
    assert "Version 2 of this assessment is already being prepared" in messages(refused.value)
    update(second, demo.users["contributor"], purpose="Now covers agency staff too")
    to_signed_off(demo, second)
    first.refresh_from_db()
    assert first.state == "superseded"


def test_an_open_assessment_needs_no_new_version(demo: Any) -> None:
    with pytest.raises(ValidationError) as refused:
        services.assessment_new_version(actor=demo.users["contributor"], assessment=start(demo))
    assert "still open: change it directly" in messages(refused.value)


def test_versions_compare_field_by_field(demo: Any) -> None:
    from dueregard.assessments import selectors

    first = to_signed_off(demo, start(demo))
    second = services.assessment_new_version(actor=demo.users["contributor"], assessment=first, today=TODAY)
    update(second, demo.users["contributor"], purpose="Now covers agency staff too")
    services.impact_cell_set(
        actor=demo.users["contributor"],
        assessment=second,
        characteristic="age",
        aim="advance",
        impact="positive",
        reason="Older staff",
    )
    second.refresh_from_db()
    differences = {
        d.field: d for d in selectors.version_comparison(actor=demo.users["viewer"], first=first, second=second)
    }
    assert differences["purpose"].after == "Now covers agency staff too"
    assert differences["impact:age:advance"].before == ("neutral", "")
    assert differences["impact:age:advance"].after == ("positive", "Older staff")
    assert differences["review_date"].before == NEXT_YEAR
    assert differences["review_date"].after is None
    assert "title" not in differences


# --- parent and child ----------------------------------------------------------------------------------------


def test_a_constituent_part_builds_on_the_parents_signed_off_assessment(demo: Any) -> None:
    parent = to_signed_off(demo, start(demo, title="Department-wide flexible working"))
    unit = Unit.objects.get(organisation=demo.organisation, name="Human Resources")
    child = services.assessment_start(
        actor=demo.users["contributor"],
        organisation=demo.organisation,
        title="Flexible working in Human Resources",
        unit=unit,
        from_parent=parent,
        today=TODAY,
    )
    assert child.parent_assessment == parent
    assert child.reference != parent.reference
    assert child.version == 1
    assert child.state == "screening"
    assert child.purpose == parent.purpose
    assert child.impacts.count() == 25
    assert child.engagements.count() == 0  # the part does its own engagement


def test_building_on_an_unfinished_assessment_is_refused(demo: Any) -> None:
    parent = start(demo, title="Draft")
    with pytest.raises(ValidationError) as refused:
        start(demo, title="Child", from_parent=parent)
    assert "Build on a signed-off assessment" in messages(refused.value)
