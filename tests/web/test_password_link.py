"""Setting a password by email: for a forgotten password and for people an administrator added (who have none)."""

from __future__ import annotations

import re
from typing import Any

from django.core import mail
from django.test import Client

from dueregard.organisations import services


def _link(body: str) -> str:
    found = re.search(r"https?://[^/\s]+(/\S+/)", body)
    assert found, body
    return found.group(1)


def test_a_person_added_by_an_administrator_sets_a_password_and_signs_in(demo: Any, client: Client) -> None:
    person = services.person_add(
        actor=demo.users["administrator"],
        organisation=demo.organisation,
        email="new.starter@demo.example",
        full_name="New Starter",
        roles=["viewer"],
    )
    assert not person.has_usable_password()
    assert "Forgotten your password, or never set one?" in client.get("/account/sign-in/").content.decode()
    response = client.post("/account/password/", {"email": "New.Starter@demo.example"})
    assert response.status_code == 302
    assert response["Location"] == "/account/password/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.starter@demo.example"]
    assert "Hello New Starter," in message.body
    page = client.get(_link(message.body), follow=True)
    assert "Choose a password" in page.content.decode()
    form_url = page.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "a long enough passphrase 7", "new_password2": "a long enough passphrase 7"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/account/password/done/"
    signed_in = client.post(
        "/account/sign-in/", {"username": "new.starter@demo.example", "password": "a long enough passphrase 7"}
    )
    assert signed_in.status_code == 302
    person.refresh_from_db()
    assert person.check_password("a long enough passphrase 7")
    # The link works once.
    again = client.get(_link(message.body), follow=True).content.decode()
    assert "This link does not work" in again


def test_an_unknown_address_gets_the_same_answer_and_no_email(demo: Any, client: Client) -> None:
    response = client.post("/account/password/", {"email": "nobody@nowhere.example"})
    assert response.status_code == 302
    assert response["Location"] == "/account/password/sent/"
    assert mail.outbox == []


def test_bad_input_is_refused_with_the_reason(demo: Any, client: Client) -> None:
    page = client.post("/account/password/", {"email": "not an address"}).content.decode()
    assert "There is a problem" in page
    assert "Enter an email address in the correct format, like name@example.org" in page


def test_a_weak_or_mismatched_password_is_refused_and_the_link_still_works(demo: Any, client: Client) -> None:
    client.post("/account/password/", {"email": "viewer@demo.example"})
    page = client.get(_link(mail.outbox[0].body), follow=True)
    form_url = page.redirect_chain[-1][0]
    short = client.post(form_url, {"new_password1": "short", "new_password2": "short"}).content.decode()
    assert "There is a problem" in short
    assert "This password is too short" in short
    mismatch = client.post(
        form_url, {"new_password1": "a long enough passphrase 7", "new_password2": "a different passphrase 8"}
    ).content.decode()
    assert "The two password fields didn" in mismatch


def test_the_welsh_email_links_to_the_welsh_page(demo: Any, client: Client) -> None:
    client.post("/cy/account/password/", {"email": "viewer@demo.example"})
    assert _link(mail.outbox[0].body).startswith("/cy/account/password/set/")


def test_one_address_gets_at_most_three_links_an_hour_and_the_answer_never_changes(demo: Any, client: Client) -> None:
    """Against mail-bombing: the fourth request within the hour is answered as always, and no email goes."""
    for _attempt in range(4):
        response = client.post("/account/password/", {"email": "admin@demo.example"})
        assert response.status_code == 302
        assert response["Location"] == "/account/password/sent/"
    assert len(mail.outbox) == 3


def test_one_client_may_ask_ten_times_an_hour_then_is_asked_to_wait(demo: Any, client: Client) -> None:
    """Against trying many addresses from one place: the eleventh request gets a page saying to try later (429),
    which says nothing about any account; another client is not affected."""
    for number in range(10):
        response = client.post("/account/password/", {"email": f"someone{number}@nowhere.example"})
        assert response.status_code == 302
    refused = client.post("/account/password/", {"email": "admin@demo.example"})
    assert refused.status_code == 429
    assert "Too many requests for a password link" in refused.content.decode()
    assert "Try again in 60 minutes" in refused.content.decode()
    assert mail.outbox == []
    elsewhere = Client(REMOTE_ADDR="192.0.2.7").post("/account/password/", {"email": "admin@demo.example"})
    assert elsewhere.status_code == 302
    assert len(mail.outbox) == 1


def test_requests_are_kept_as_hashes_for_a_day(demo: Any, client: Client) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from dueregard.accounts.models import PasswordLinkRequest

    client.post("/account/password/", {"email": "admin@demo.example"})
    stored = PasswordLinkRequest.objects.get()
    assert "admin" not in stored.address
    assert len(stored.address) == len(stored.client) == 64
    PasswordLinkRequest.objects.update(requested_at=timezone.now() - timedelta(days=2))
    client.post("/account/password/", {"email": "nobody@nowhere.example"})
    assert PasswordLinkRequest.objects.count() == 1  # the old one was cleared
