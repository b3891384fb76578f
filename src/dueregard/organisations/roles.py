"""Roles and what each may do. The single place that answers "may this person do this here?".

Services and selectors call :func:`require_permission`; views never decide permissions themselves.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from dueregard.organisations.models import Organisation


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    EQUALITY_LEAD = "equality_lead", _("Equality lead")
    CONTRIBUTOR = "contributor", _("Contributor")
    APPROVER = "approver", _("Approver")
    ANALYST = "analyst", _("Analyst")
    VIEWER = "viewer", _("Viewer")


class Permission(enum.StrEnum):
    ORGANISATION_VIEW = "organisation.view"
    ORGANISATION_EDIT = "organisation.edit"
    UNIT_VIEW = "unit.view"
    UNIT_MANAGE = "unit.manage"
    MEMBER_VIEW = "member.view"
    MEMBER_MANAGE = "member.manage"
    AUDIT_VIEW = "audit.view"
    OBJECTIVE_VIEW = "objective.view"
    OBJECTIVE_MANAGE = "objective.manage"
    ACTION_UPDATE_OWN = "action.update_own"  # progress updates on actions the person (or their unit) owns
    ACTION_UPDATE_ANY = "action.update_any"
    RECORD_DATA_VIEW = "record_data.view"  # record-level personal data: analysts only
    FUNCTION_MANAGE = "function.manage"  # the functions register
    ASSESSMENT_VIEW = "assessment.view"
    ASSESSMENT_EDIT = "assessment.edit"  # start and write impact assessments
    ASSESSMENT_SIGN_OFF = "assessment.sign_off"  # never their own: the services check the author too
    ASSESSMENT_PUBLISH = "assessment.publish"  # publish, mark reviews due, choose the optional lenses


_EVERY_MEMBER = {
    Permission.ORGANISATION_VIEW,
    Permission.UNIT_VIEW,
    Permission.OBJECTIVE_VIEW,
    Permission.ASSESSMENT_VIEW,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMINISTRATOR: frozenset(
        _EVERY_MEMBER
        | {
            Permission.ORGANISATION_EDIT,
            Permission.UNIT_MANAGE,
            Permission.MEMBER_VIEW,
            Permission.MEMBER_MANAGE,
            Permission.AUDIT_VIEW,
        }
    ),
    Role.EQUALITY_LEAD: frozenset(
        _EVERY_MEMBER
        | {
            Permission.UNIT_MANAGE,
            Permission.MEMBER_VIEW,
            Permission.OBJECTIVE_MANAGE,
            Permission.ACTION_UPDATE_OWN,
            Permission.ACTION_UPDATE_ANY,
            Permission.FUNCTION_MANAGE,
            Permission.ASSESSMENT_EDIT,
            Permission.ASSESSMENT_PUBLISH,
        }
    ),
    Role.CONTRIBUTOR: frozenset(_EVERY_MEMBER | {Permission.ACTION_UPDATE_OWN, Permission.ASSESSMENT_EDIT}),
    Role.APPROVER: frozenset(_EVERY_MEMBER | {Permission.ASSESSMENT_SIGN_OFF}),
    Role.ANALYST: frozenset(_EVERY_MEMBER | {Permission.RECORD_DATA_VIEW}),
    Role.VIEWER: frozenset(_EVERY_MEMBER),
}


def roles_of(user: Any, organisation: Organisation) -> frozenset[Role]:
    """The roles ``user`` holds in ``organisation`` (cached on the user object for the request)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cache: dict[int, frozenset[Role]] = user.__dict__.setdefault("_dueregard_roles", {})
    if organisation.pk not in cache:
        values = organisation.memberships.filter(user=user).values_list("role", flat=True)
        cache[organisation.pk] = frozenset(Role(value) for value in values)
    return cache[organisation.pk]


def forget_roles(user: Any) -> None:
    """Drop the per-request role cache, after a change of membership."""
    user.__dict__.pop("_dueregard_roles", None)


def permissions_of(user: Any, organisation: Organisation) -> frozenset[Permission]:
    granted: set[Permission] = set()
    for role in roles_of(user, organisation):
        granted |= ROLE_PERMISSIONS[role]
    return frozenset(granted)


def has_permission(user: Any, organisation: Organisation, permission: Permission) -> bool:
    return permission in permissions_of(user, organisation)


def require_permission(user: Any, organisation: Organisation, permission: Permission) -> None:
    if not has_permission(user, organisation, permission):
        raise PermissionDenied(permission.value)
