"""The account page: a person chooses the language of the emails sent to them; only their own, with an audit row."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from dueregard.accounts.services import user_set_email_language
from dueregard.audit.models import AuditEvent


def test_the_account_page_saves_the_language_for_emails(demo: Any, client: Client) -> None:
    viewer = demo.users["viewer"]
    client.force_login(viewer)
    page = client.get("/account/").content.decode()
    assert "Which language should our emails to you be in?" in page
    assert 'value="en" checked' in page
    response = client.post("/account/", {"language": "cy"})
    assert response.status_code == 302
    viewer.refresh_from_db()
    assert viewer.language == "cy"
    event = AuditEvent.objects.get(action="user_set_email_language", object_id=str(viewer.pk))
    assert (event.before, event.after) == ({"language": ""}, {"language": "cy"})
    assert 'value="cy" checked' in client.get("/account/").content.decode()


def test_an_unknown_language_is_refused_with_a_message_and_nothing_saved(demo: Any, client: Client) -> None:
    viewer = demo.users["viewer"]
    client.force_login(viewer)
    response = client.post("/account/", {"language": "fr"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert "There is a problem" in response.content.decode()
    viewer.refresh_from_db()
    assert viewer.language == ""


def test_nobody_changes_another_persons_language(demo: Any) -> None:
    with pytest.raises(PermissionDenied):
        user_set_email_language(actor=demo.users["administrator"], user=demo.users["viewer"], language="cy")
    with pytest.raises(ValidationError):
        user_set_email_language(actor=demo.users["viewer"], user=demo.users["viewer"], language="xx")
