"""The step-by-step editing pages: saving, lock versions, refused input that keeps the form."""

from __future__ import annotations

import datetime as dt
from typing import Any

from assessment_helpers import TODAY
from assessment_page_helpers import demo_assessment, page_text, url
from django.test import Client

from dueregard.assessments import services
from dueregard.assessments.models import Assessment, ImpactCell
from dueregard.assessments.rules import MATRIX


def _purpose_post(assessment: Assessment, **changes: Any) -> dict[str, Any]:
    data = {
        "lock_version": assessment.lock_version,
        "title": assessment.title,
        "subject_kind": assessment.subject_kind,
        "subject_status": assessment.subject_status,
        "purpose": "Meeting rooms that work for people in the room and online.",
        "scope": "All 2,400 staff at 70 Whitehall.",
        "affects_staff": "on",
    }
    data.update(changes)
    return data


def test_the_purpose_step_saves_and_continues_to_screening(demo: Any, client: Client) -> None:
    rooms = demo_assessment(demo, "Hybrid meeting rooms")
    client.force_login(demo.users["contributor"])
    page = page_text(client.get(url(rooms, "purpose/")))
    assert "Aims of the policy What is the policy for, and what should it achieve?" in page
    response = client.post(
        url(rooms, "purpose/"), _purpose_post(rooms, decision_maker=demo.users["approver"].pk, **{"continue": "1"})
    )
    assert response.status_code == 302
    assert response["Location"] == url(rooms, "screening/")
    rooms.refresh_from_db()
    assert rooms.purpose == "Meeting rooms that work for people in the room and online."
    assert rooms.affects_staff is True
    assert rooms.affects_public is False
    assert rooms.decision_maker == demo.users["approver"]


def test_a_concurrent_edit_is_refused_and_keeps_what_was_typed(demo: Any, client: Client) -> None:
    rooms = demo_assessment(demo, "Hybrid meeting rooms")
    opened_at = rooms.lock_version
    services.assessment_update(
        actor=demo.users["equality_lead"], assessment=rooms, expected_lock_version=opened_at, scope="Everyone."
    )
    client.force_login(demo.users["contributor"])
    response = client.post(
        url(rooms, "purpose/"), _purpose_post(rooms, lock_version=opened_at, purpose="My careful wording.")
    )
    text = page_text(response)
    assert response.status_code == 200
    assert "Leila Equality-Lead saved this assessment at" in text
    assert "Your changes were not saved: open it again to see theirs, then make yours." in text
    assert "What you typed is still in the form below, so you can copy it." in text
    assert "My careful wording." in text
    rooms.refresh_from_db()
    assert rooms.scope == "Everyone."
    assert rooms.purpose == ""


def test_a_review_date_in_the_past_is_refused_and_the_form_kept(demo: Any, client: Client) -> None:
    office = demo_assessment(demo, "Office relocation")
    client.force_login(demo.users["contributor"])
    response = client.post(
        url(office, "outcome/"),
        {
            "lock_version": office.lock_version,
            "outcome": "adjust",
            "outcome_details": "Lifts first, then the move.",
            "review_date": (TODAY - dt.timedelta(days=1)).isoformat(),
        },
    )
    text = page_text(response)
    assert "There is a problem" in text
    assert "The review date is in the past: choose a date from today on." in text
    assert "Lifts first, then the move." in text
    office.refresh_from_db()
    assert office.outcome == ""


def test_continue_despite_adverse_impact_needs_a_negative_impact(demo: Any, client: Client) -> None:
    grants = demo_assessment(demo, "Third sector grants 2027")
    client.force_login(demo.users["contributor"])
    response = client.post(
        url(grants, "outcome/"),
        {"lock_version": grants.lock_version, "outcome": "continue", "outcome_details": "It is worth it."},
    )
    text = page_text(response)
    assert (
        "The outcome is 'continue despite adverse impact', but no impact is negative: choose another outcome." in text
    )
    grants.refresh_from_db()
    assert grants.outcome == ""


def test_the_matrix_has_a_fieldset_per_characteristic_and_marriage_only_under_aim_a(demo: Any, client: Client) -> None:
    web = demo_assessment(demo, "Web accessibility standards")
    client.force_login(demo.users["contributor"])
    content = client.get(url(web, "impacts/")).content.decode()
    assert content.count('class="govuk-fieldset app-impact-fieldset"') == 9
    assert 'name="impact_marriage_civil_partnership_eliminate"' in content
    assert 'name="impact_marriage_civil_partnership_advance"' not in content
    assert content.count('type="radio"') == 25 * 4
    assert "Only the first aim applies to marriage and civil partnership." in content


def _matrix_post(assessment: Assessment, **cells: tuple[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {"lock_version": assessment.lock_version}
    for characteristic, aim in MATRIX:
        impact, reason = cells.get(f"{characteristic}_{aim}", ("neutral", ""))
        data[f"impact_{characteristic}_{aim}"] = impact
        data[f"reason_{characteristic}_{aim}"] = reason
    return data


def test_a_negative_impact_without_a_reason_refuses_the_whole_matrix(demo: Any, client: Client) -> None:
    web = demo_assessment(demo, "Web accessibility standards")
    client.force_login(demo.users["contributor"])
    data = _matrix_post(
        web, disability_advance=("negative", ""), age_advance=("positive", "Larger text helps older readers.")
    )
    response = client.post(url(web, "impacts/"), data)
    text = page_text(response)
    assert "Say why the impact on Disability is negative, and on what evidence." in text
    assert "Larger text helps older readers." in text  # kept
    assert ImpactCell.objects.filter(assessment=web).count() == 0  # all or nothing


def test_the_matrix_is_saved_and_asks_for_the_adverse_impact_section(demo: Any, client: Client) -> None:
    web = demo_assessment(demo, "Web accessibility standards")
    client.force_login(demo.users["contributor"])
    data = _matrix_post(web, disability_advance=("negative", "Screen readers cannot use the old forms."))
    response = client.post(url(web, "impacts/"), data)
    assert response.status_code == 302
    cells = ImpactCell.objects.filter(assessment=web)
    assert cells.count() == 25
    assert cells.get(characteristic="disability", aim="advance").impact == "negative"
    text = page_text(client.get(url(web, "impacts/")))
    assert "An impact is negative: complete the adverse impact step too." in text


def test_a_negative_impact_needs_mitigation_or_justification(demo: Any, client: Client) -> None:
    office = demo_assessment(demo, "Office relocation")
    client.force_login(demo.users["contributor"])
    response = client.post(
        url(office, "adverse/"),
        {
            "lock_version": office.lock_version,
            "adverse_duty_met": "Only with the lifts.",
            "adverse_unavoidable": "no",
            "adverse_mitigation": "",
            "adverse_justification": "",
        },
    )
    text = page_text(response)
    assert "An impact is negative: describe the measures that will reduce it, or justify it." in text
    assert "Only with the lifts." in text
    office.refresh_from_db()
    assert office.adverse_mitigation.startswith("Lifts to every floor")


def test_evidence_step_offers_the_research_checklist_and_adds_items(demo: Any, client: Client) -> None:
    web = demo_assessment(demo, "Web accessibility standards")
    client.force_login(demo.users["contributor"])
    text = page_text(client.get(url(web, "evidence/")))
    assert "Research checklist: things to think about" in text
    assert "Sampling Check the sample will hold enough people from each group" in text
    assert "Community representation" in text
    refused = client.post(url(web, "evidence/add/"), {"lock_version": web.lock_version, "kind": "research"})
    assert "This field is required." in page_text(refused)
    response = client.post(
        url(web, "evidence/add/"),
        {
            "lock_version": web.lock_version,
            "kind": "research",
            "title": "Screen reader survey 2026",
            "url": "https://example.org/survey",
            "summary": "Two in five forms fail with screen readers.",
        },
    )
    assert response.status_code == 302
    item = web.evidence_items.get()
    assert (item.kind, item.title) == ("research", "Screen reader survey 2026")
    web.refresh_from_db()
    response = client.post(url(web, f"evidence/{item.pk}/remove/"), {"lock_version": web.lock_version})
    assert response.status_code == 302
    assert not web.evidence_items.exists()


def test_engagement_in_the_future_is_refused(demo: Any, client: Client) -> None:
    grants = demo_assessment(demo, "Third sector grants 2027")
    client.force_login(demo.users["contributor"])
    data = {
        "lock_version": grants.lock_version,
        "aims": "Hear from small charities",
        "groups": "Small charities forum",
        "held_on": (TODAY + dt.timedelta(days=7)).isoformat(),
        "method": "Forum meeting",
        "meaningful": "yes",
    }
    text = page_text(client.post(url(grants, "engagement/add/"), data))
    assert "Record engagement once it has happened: the date is in the future." in text
    assert "Small charities forum" in text
    data["held_on"] = TODAY.isoformat()
    assert client.post(url(grants, "engagement/add/"), data).status_code == 302
    record = grants.engagements.get(groups="Small charities forum")
    assert record.meaningful is True
    assert record.representative is None


def test_actions_are_added_with_owner_and_due_date(demo: Any, client: Client) -> None:
    office = demo_assessment(demo, "Office relocation")
    client.force_login(demo.users["contributor"])
    response = client.post(
        url(office, "actions/add/"),
        {
            "lock_version": office.lock_version,
            "text": "Lifts to every floor",
            "owner_user": demo.users["contributor"].pk,
            "due_date": (TODAY + dt.timedelta(days=90)).isoformat(),
            "characteristics": ["disability", "age"],
        },
    )
    assert response.status_code == 302
    action = office.actions.get()
    assert action.owner_user == demo.users["contributor"]
    assert action.characteristics == ["disability", "age"]
    text = page_text(client.get(url(office, "actions/")))
    assert "Lifts to every floor Colin Contributor" in text
    refused = client.post(url(office, "actions/add/"), {"lock_version": office.lock_version + 1, "text": "Signs"})
    assert "Say who owns the action." in page_text(refused)


def test_a_locked_assessment_shows_no_forms(demo: Any, client: Client) -> None:
    signed = demo_assessment(demo, "Flexible working policy")
    client.force_login(demo.users["contributor"])
    response = client.get(url(signed, "purpose/"))
    text = page_text(response)
    assert "This assessment cannot be changed now: it is signed off. Start a new version from the summary" in text
    assert 'name="lock_version"' not in response.content.decode()
    refused = client.post(url(signed, "purpose/"), _purpose_post(signed))
    assert refused.status_code == 302
    follow = page_text(client.get(refused["Location"]))
    assert "This assessment is signed off and locked: start a new version to change it." in follow


def test_lenses_step_records_the_socio_economic_lens_in_wales(demo: Any, client: Client) -> None:
    council_assessment = Assessment.objects.get(organisation=demo.other)
    client.force_login(demo.users["outsider"])
    base = f"/o/{demo.other.slug}/assessments/{council_assessment.pk}/lenses/"
    content = client.get(base).content.decode()
    assert "Socio-economic disadvantage" in content
    response = client.post(
        base,
        {
            "lock_version": council_assessment.lock_version,
            "lens_socio_economic": "negative",
            "lens_reason_socio_economic": "Charges fall on people on low incomes.",
        },
    )
    assert response.status_code == 302
    council_assessment.refresh_from_db()
    assert council_assessment.lens_results == {
        "socio_economic": {"impact": "negative", "reason": "Charges fall on people on low incomes."}
    }
