from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from click.testing import CliRunner
from django.core import mail
from django.utils import timezone

from dueregard.commands.remind import command
from dueregard.objectives.models import Action
from dueregard.objectives.reminders import DUE_SOON, NO_UPDATE, OVERDUE, reminders_due, reminders_send
from dueregard.objectives.services import action_update
from dueregard.organisations.models import Unit

OVERDUE_TITLE = "Review induction procedures"
UNDATED_TITLE = "Deliver the Home Office actions in the cross-government Call to End Violence Against Women"
SOON_TITLE = "Publish sufficient information to enable progress to be measured."


@pytest.fixture
def owners(demo: Any) -> dict[str, Action]:
    """Overdue: owned by the contributor. Undated, no update: owned by Human Resources (the contributor's unit; the
    analyst is in it too, but is not a contributor). Due in a week: owned by the equality lead."""
    lead = demo.users["equality_lead"]
    hr = Unit.objects.get(organisation=demo.organisation, name="Human Resources")
    overdue = Action.objects.get(title=OVERDUE_TITLE)
    undated = Action.objects.get(title__startswith=UNDATED_TITLE)
    soon = Action.objects.get(title=SOON_TITLE)
    action_update(actor=lead, action=overdue, owner_user=demo.users["contributor"])
    action_update(actor=lead, action=undated, owner_unit=hr)
    action_update(actor=lead, action=soon, owner_user=lead)
    Action.objects.filter(pk=soon.pk).update(due_date=timezone.localdate() + dt.timedelta(days=7))
    return {"overdue": overdue, "undated": undated, "soon": soon}


def test_each_owner_gets_their_actions_with_the_reason(demo: Any, owners: dict[str, Action]) -> None:
    reminders = {r.person.email: r for r in reminders_due(organisation=demo.organisation, days=14)}
    assert set(reminders) == {"contributor@demo.example", "lead@demo.example"}
    contributor = reminders["contributor@demo.example"]
    assert {(item.action.pk, item.reason) for item in contributor.items} == {
        (owners["overdue"].pk, OVERDUE),
        (owners["undated"].pk, NO_UPDATE),
    }
    assert [(item.action.pk, item.reason) for item in reminders["lead@demo.example"].items] == [
        (owners["soon"].pk, DUE_SOON)
    ]
    # With a shorter window the action due in a week is not "due soon" yet (it has no update, so it still shows).
    short = {r.person.email: r for r in reminders_due(organisation=demo.organisation, days=3)}
    assert [item.reason for item in short["lead@demo.example"].items] == [NO_UPDATE]


def test_one_email_per_person_with_links_to_their_actions(demo: Any, owners: dict[str, Action]) -> None:
    sent = reminders_send(reminders_due(organisation=demo.organisation), base_url="https://equality.example.org/")
    assert sent == 2
    assert sorted(message.to[0] for message in mail.outbox) == ["contributor@demo.example", "lead@demo.example"]
    message = next(m for m in mail.outbox if m.to == ["contributor@demo.example"])
    assert message.subject == "Demo Government Department: 2 actions need your update"
    assert "Hello Colin Contributor," in message.body
    assert message.body.index("Overdue") < message.body.index(OVERDUE_TITLE)
    assert message.body.index("No update this quarter") < message.body.index(UNDATED_TITLE)
    assert f"https://equality.example.org/o/demo/actions/{owners['overdue'].pk}/" in message.body
    assert "https://equality.example.org/o/demo/actions/mine/" in message.body


def test_dry_run_prints_and_sends_nothing(demo: Any, owners: dict[str, Action]) -> None:
    result = CliRunner().invoke(command, ["--organisation", "demo", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "To: contributor@demo.example" in result.output
    assert "Dry run: 2 reminder(s) would be sent; nothing was sent." in result.output
    assert mail.outbox == []


def test_the_command_sends_through_the_email_backend(demo: Any, owners: dict[str, Action]) -> None:
    result = CliRunner().invoke(command, ["--organisation", "demo", "--days", "14"])
    assert result.exit_code == 0, result.output
    assert "Sent 2 reminder(s)." in result.output
    assert len(mail.outbox) == 2


def test_an_unknown_organisation_is_a_clear_error(demo: Any) -> None:
    result = CliRunner().invoke(command, ["--organisation", "nope"])
    assert result.exit_code == 1
    assert "There is no organisation with the short name 'nope'." in result.output


def test_a_person_who_chose_welsh_gets_the_reminder_in_welsh_with_welsh_links(
    demo: Any, owners: dict[str, Action]
) -> None:
    from dueregard.accounts.services import user_set_email_language

    contributor = demo.users["contributor"]
    user_set_email_language(actor=contributor, user=contributor, language="cy")
    reminders_send(reminders_due(organisation=demo.organisation), base_url="https://equality.example.org/")
    welsh = next(m for m in mail.outbox if m.to == ["contributor@demo.example"])
    english = next(m for m in mail.outbox if m.to == ["lead@demo.example"])
    assert "Hello" not in welsh.body
    assert "Hello" in english.body
    assert welsh.subject != "Demo Government Department: 2 actions need your update"
    assert f"https://equality.example.org/cy/o/demo/actions/{owners['overdue'].pk}/" in welsh.body
    assert "https://equality.example.org/o/demo/actions/" in english.body
