"""Changes a person makes to their own account."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from dueregard.accounts.models import EMAIL_LANGUAGES, User
from dueregard.audit.services import audit_record


@transaction.atomic
def user_set_email_language(*, actor: Any, user: User, language: str) -> User:
    """Set the language of the emails sent to ``user``. A person changes only their own."""
    if not getattr(actor, "is_authenticated", False) or actor.pk != user.pk:
        raise PermissionDenied(_("You can only change your own account."))
    if language not in dict(EMAIL_LANGUAGES):
        raise ValidationError({"language": _("Choose the language for your emails")})
    before = {"language": user.language}
    user.language = language
    user.save(update_fields=["language"])
    audit_record(
        actor=actor,
        organisation=None,
        action="user_set_email_language",
        instance=user,
        before=before,
        after={"language": language},
    )
    return user
