"""Moving an assessment along its life from its pages: sign-off (never by the author), the decision-maker's
confirmation, sending back, withdrawal with a reason."""

from __future__ import annotations

from typing import Any

from assessment_helpers import TODAY
from assessment_page_helpers import demo_assessment, page_text, url
from django.test import Client

from dueregard.organisations.models import Membership


def test_sending_for_sign_off_too_early_lists_what_to_fix(demo: Any, client: Client) -> None:
    office = demo_assessment(demo, "Office relocation")
    client.force_login(demo.users["contributor"])
    response = client.post(url(office, "move/"), {"to": "awaiting_sign_off", "lock_version": office.lock_version})
    text = page_text(response)
    assert response.status_code == 400
    assert "This could not be done" in text
    assert "Choose the outcome of the assessment." in text
    assert "Name the decision-maker." in text
    office.refresh_from_db()
    assert office.state == "decision"


def test_the_author_cannot_sign_off_even_as_an_approver(demo: Any, client: Client) -> None:
    waiting = demo_assessment(demo, "Online recruitment tests")
    author = demo.users["contributor"]
    Membership.objects.create(organisation=demo.organisation, user=author, role="approver")
    client.force_login(author)
    text = page_text(client.get(url(waiting)))
    assert "You wrote this assessment, so you cannot sign it off: another approver must do it." in text
    response = client.post(url(waiting, "move/"), {"to": "signed_off", "lock_version": waiting.lock_version})
    assert response.status_code == 400
    assert "You wrote this assessment, so you cannot sign it off: ask another approver." in page_text(response)
    waiting.refresh_from_db()
    assert waiting.state == "awaiting_sign_off"
    assert waiting.signed_off_by is None


def test_the_decision_maker_confirms_then_the_approver_signs_off(demo: Any, client: Client) -> None:
    waiting = demo_assessment(demo, "Online recruitment tests")
    approver = demo.users["approver"]
    client.force_login(approver)
    summary = page_text(client.get(url(waiting)))
    assert (
        "Sign off Still missing before this step: The decision-maker has not yet confirmed that they read the "
        "assessment before deciding. Confirm you read it" in summary
    )
    refused = client.post(url(waiting, "decision/"), {"decision_date": TODAY.isoformat()})
    assert "Confirm that you read the assessment before deciding." in page_text(refused)
    response = client.post(
        url(waiting, "decision/"),
        {"confirm": "on", "decision_date": TODAY.isoformat(), "decision_paper_url": "https://example.org/paper-12"},
    )
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.decision_confirmed_by == approver
    assert waiting.decision_paper_url == "https://example.org/paper-12"
    text = page_text(client.get(url(waiting)))
    assert "Signing off locks the assessment: later changes make a new version." in text
    response = client.post(url(waiting, "move/"), {"to": "signed_off", "lock_version": waiting.lock_version})
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert (waiting.state, waiting.signed_off_by) == ("signed_off", approver)
    text = page_text(client.get(url(waiting)))
    assert f"Signed off {TODAY.day} " in text
    assert "by Aisha Approver" in text


def test_only_the_named_decision_maker_may_confirm(demo: Any, client: Client) -> None:
    waiting = demo_assessment(demo, "Online recruitment tests")
    client.force_login(demo.users["equality_lead"])
    assert client.get(url(waiting, "decision/")).status_code == 403
    assert (
        client.post(url(waiting, "decision/"), {"confirm": "on", "decision_date": TODAY.isoformat()}).status_code == 403
    )


def test_the_approver_returns_it_to_the_decision_stage(demo: Any, client: Client) -> None:
    waiting = demo_assessment(demo, "Online recruitment tests")
    client.force_login(demo.users["approver"])
    assert "Return it to the decision stage" in page_text(client.get(url(waiting)))
    response = client.post(url(waiting, "move/"), {"to": "decision", "lock_version": waiting.lock_version})
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.state == "decision"


def test_a_stale_move_is_refused(demo: Any, client: Client) -> None:
    waiting = demo_assessment(demo, "Online recruitment tests")
    client.force_login(demo.users["approver"])
    response = client.post(url(waiting, "move/"), {"to": "decision", "lock_version": waiting.lock_version - 1})
    assert response.status_code == 400
    assert "after you opened it. Your changes were not saved" in page_text(response)


def test_withdrawing_needs_a_reason_which_stays_on_the_record(demo: Any, client: Client) -> None:
    rooms = demo_assessment(demo, "Hybrid meeting rooms")
    client.force_login(demo.users["contributor"])
    refused = client.post(url(rooms, "withdraw/"), {"lock_version": rooms.lock_version, "reason": " "})
    assert "Say why the assessment is withdrawn." in page_text(refused)
    response = client.post(
        url(rooms, "withdraw/"), {"lock_version": rooms.lock_version, "reason": "The rooms stay as they are."}
    )
    assert response.status_code == 302
    rooms.refresh_from_db()
    assert (rooms.state, rooms.withdrawn_reason) == ("withdrawn", "The rooms stay as they are.")
    assert "Withdrawn because: The rooms stay as they are." in page_text(client.get(url(rooms)))


def test_a_viewer_cannot_move_an_assessment(demo: Any, client: Client) -> None:
    rooms = demo_assessment(demo, "Hybrid meeting rooms")
    client.force_login(demo.users["viewer"])
    response = client.post(url(rooms, "move/"), {"to": "full_assessment", "lock_version": rooms.lock_version})
    assert response.status_code == 403
    rooms.refresh_from_db()
    assert rooms.state == "screening"


def test_screening_out_with_reasons_is_signed_off_by_an_approver(demo: Any, client: Client) -> None:
    rooms = demo_assessment(demo, "Hybrid meeting rooms")
    client.force_login(demo.users["contributor"])
    response = client.post(
        url(rooms, "screening/"),
        {
            "lock_version": rooms.lock_version,
            "screening_decision": "not_needed",
            "screening_reasons": "Like-for-like equipment in the same rooms.",
        },
    )
    assert response.status_code == 302
    rooms.refresh_from_db()
    text = page_text(client.get(url(rooms)))
    assert "Sign off as screened out" not in text  # contributors do not sign off
    client.force_login(demo.users["approver"])
    text = page_text(client.get(url(rooms)))
    assert "Sign off as screened out Still missing before this step: Set the date when this assessment" in text
    client.force_login(demo.users["contributor"])
    client.post(
        url(rooms, "outcome/"),
        {"lock_version": rooms.lock_version, "review_date": (TODAY.replace(year=TODAY.year + 3)).isoformat()},
    )
    rooms.refresh_from_db()
    client.force_login(demo.users["approver"])
    response = client.post(url(rooms, "move/"), {"to": "screened_out", "lock_version": rooms.lock_version})
    assert response.status_code == 302
    rooms.refresh_from_db()
    assert (rooms.state, rooms.signed_off_by) == ("screened_out", demo.users["approver"])
