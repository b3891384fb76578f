"""Reminders to the owners of actions that are overdue, due soon, or have no update this quarter.

Who is reminded: the action's owner if a person owns it (and still belongs to the organisation); otherwise the
contributors of the unit that owns it. Each person gets one email per organisation listing all their actions,
grouped by why they are listed (an action appears once, under the most pressing reason). Emails go through
Django's email backend (the console in development) and are written in the person's language when the user model
records one, else in the site's default language (English).

Sending an email changes nothing in the database, so no audit row is written.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from dueregard.objectives.models import CLOSED_STATUSES, Action
from dueregard.objectives.rag import rag_for
from dueregard.objectives.selectors import today
from dueregard.organisations.models import Membership, Organisation
from dueregard.organisations.roles import Role

OVERDUE = "overdue"
DUE_SOON = "due_soon"
NO_UPDATE = "no_update"
REASONS = (OVERDUE, DUE_SOON, NO_UPDATE)  # most pressing first
DEFAULT_DAYS = 14


@dataclass(frozen=True)
class ReminderItem:
    action: Action
    reason: str


@dataclass
class Reminder:
    organisation: Organisation
    person: Any
    language: str
    items: list[ReminderItem] = field(default_factory=list)

    def by_reason(self, reason: str) -> list[ReminderItem]:
        return [item for item in self.items if item.reason == reason]


def _reason(action: Action, day: dt.date, days: int) -> str | None:
    reading = rag_for(
        status=action.status,
        due_date=action.due_date,
        last_update_on=action.last_update_on,
        rag_override=action.rag_override,
        today=day,
    )
    if reading.overdue:
        return OVERDUE
    if action.due_date is not None and 0 <= (action.due_date - day).days <= days:
        return DUE_SOON
    if reading.no_update_this_quarter:
        return NO_UPDATE
    return None


def _language_of(person: Any) -> str:
    language = str(getattr(person, "language", "") or "")
    known = {code for code, _name in settings.LANGUAGES}
    return language if language in known else settings.LANGUAGE_CODE


def reminders_due(
    *, organisation: Organisation, day: dt.date | None = None, days: int = DEFAULT_DAYS
) -> list[Reminder]:
    """Who should be reminded of what, today. Three queries whatever the size of the plan."""
    day = day or today()
    actions = (
        Action.objects.filter(organisation=organisation)
        .exclude(status__in=[status.value for status in CLOSED_STATUSES])
        .select_related("objective", "owner_user")
        .order_by("due_date", "objective__position", "position", "id")
    )
    heading_ids = set(
        Action.objects.filter(organisation=organisation, parent__isnull=False).values_list("parent_id", flat=True)
    )
    memberships = Membership.objects.filter(organisation=organisation, user__is_active=True).select_related("user")
    members: set[int] = set()
    contributors: dict[int, dict[int, Any]] = defaultdict(dict)
    for membership in memberships:
        members.add(membership.user_id)
        if membership.role == Role.CONTRIBUTOR and membership.unit_id:
            contributors[membership.unit_id][membership.user_id] = membership.user
    reminders: dict[int, Reminder] = {}
    for action in actions:
        if action.pk in heading_ids:
            continue  # a heading's sub-actions are what people update
        reason = _reason(action, day, days)
        if reason is None:
            continue
        owner = action.owner_user
        if owner is not None and owner.is_active and owner.pk in members:
            people = [owner]
        elif action.owner_unit_id:
            people = list(contributors.get(action.owner_unit_id, {}).values())
        else:
            people = []
        for person in people:
            reminder = reminders.setdefault(
                person.pk, Reminder(organisation=organisation, person=person, language=_language_of(person))
            )
            reminder.items.append(ReminderItem(action=action, reason=reason))
    return sorted(reminders.values(), key=lambda reminder: (str(reminder.person).lower(), reminder.person.pk))


def _when(value: dt.date | None) -> str:
    return formats.date_format(value, "DATE_FORMAT") if value else ""


def _section_title(reason: str, days: int) -> str:
    if reason == OVERDUE:
        return _("Overdue")
    if reason == DUE_SOON:
        return ngettext("Due within %(days)d day", "Due within %(days)d days", days) % {"days": days}
    return _("No update this quarter")


def reminder_text(reminder: Reminder, *, base_url: str, days: int = DEFAULT_DAYS) -> tuple[str, str]:
    """(subject, plain-text body) of the reminder, in the person's language."""
    organisation = reminder.organisation
    base = base_url.rstrip("/")
    with translation.override(reminder.language):
        count = len(reminder.items)
        subject = ngettext(
            "%(organisation)s: %(count)d action needs your update",
            "%(organisation)s: %(count)d actions need your update",
            count,
        ) % {"organisation": organisation.name, "count": count}
        lines = [
            _("Hello %(name)s,") % {"name": reminder.person.full_name or reminder.person.email},
            "",
            _("These equality actions of %(organisation)s are yours (or your unit's) and need your attention.")
            % {"organisation": organisation.name},
        ]
        for reason in REASONS:
            items = reminder.by_reason(reason)
            if not items:
                continue
            title = _section_title(reason, days)
            lines += ["", title, "-" * len(title)]
            for item in items:
                action = item.action
                detail = _("Objective %(reference)s") % {"reference": action.objective.reference}
                if action.due_date:
                    detail += "; " + _("due %(date)s") % {"date": _when(action.due_date)}
                if action.last_update_on:
                    detail += "; " + _("last update %(date)s") % {"date": _when(action.last_update_on)}
                else:
                    detail += "; " + _("no update yet")
                url = base + reverse("objectives:action", args=[organisation.slug, action.pk])
                lines += [f"* {' '.join(action.title.split())}", f"  {detail}", f"  {url}"]
        lines += [
            "",
            _("Open each action and add an update: say what has happened and choose its status."),
            _("All your actions: %(url)s") % {"url": base + reverse("objectives:my_actions", args=[organisation.slug])},
            "",
            _("You get this email because you own these actions in dueregard."),
        ]
    return subject, "\n".join(lines) + "\n"


def reminder_messages(reminders: Iterable[Reminder], *, base_url: str, days: int = DEFAULT_DAYS) -> list[EmailMessage]:
    messages = []
    for reminder in reminders:
        subject, body = reminder_text(reminder, base_url=base_url, days=days)
        messages.append(EmailMessage(subject=subject, body=body, to=[reminder.person.email]))
    return messages


def reminders_send(reminders: Iterable[Reminder], *, base_url: str, days: int = DEFAULT_DAYS) -> int:
    """Send one email per reminder through Django's email backend. Returns how many were sent."""
    messages = reminder_messages(reminders, base_url=base_url, days=days)
    if not messages:
        return 0
    with get_connection() as connection:
        return int(connection.send_messages(messages) or 0)
