"""Every change to organisations, units and memberships: one transaction, a permission check, an audit row."""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from dueregard.audit.services import audit_record, snapshot
from dueregard.organisations.colour import contrast_ratio_with_white
from dueregard.organisations.models import Membership, Organisation, Unit
from dueregard.organisations.roles import Permission, Role, forget_roles, require_permission

_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
ORGANISATION_EDITABLE_FIELDS = (
    "name",
    "jurisdiction",
    "sector",
    "headcount",
    "brand_colour",
    "quarter_convention",
    "year_range_convention",
)


def _validate_brand_colour(colour: str) -> None:
    if not _HEX_COLOUR.match(colour):
        raise ValidationError(
            {"brand_colour": _("Enter a colour as # followed by 6 hexadecimal digits, like #1d70b8.")}
        )
    if contrast_ratio_with_white(colour) < 4.5:
        raise ValidationError(
            {
                "brand_colour": _(
                    "Choose a darker colour: white text on it must have a contrast ratio of at least 4.5 to 1."
                )
            }
        )


@transaction.atomic
def organisation_create(
    *,
    actor: Any,
    slug: str,
    name: str,
    jurisdiction: str,
    sector: str,
    headcount: int | None = None,
    brand_colour: str = "#1d70b8",
    first_administrator: Any = None,
) -> Organisation:
    """Create an organisation. Only the installation's superusers (or the system, actor None) may."""
    if actor is not None and not getattr(actor, "is_superuser", False):
        raise PermissionDenied("organisation.create")
    _validate_brand_colour(brand_colour)
    organisation = Organisation(
        slug=slug,
        name=name,
        jurisdiction=jurisdiction,
        sector=sector,
        headcount=headcount,
        brand_colour=brand_colour,
    )
    organisation.full_clean()
    organisation.save()
    audit_record(
        actor=actor,
        organisation=organisation,
        action="organisation_create",
        instance=organisation,
        before=None,
        after=snapshot(organisation),
    )
    if first_administrator is not None:
        _membership_add(actor=actor, organisation=organisation, user=first_administrator, role=Role.ADMINISTRATOR)
    return organisation


@transaction.atomic
def organisation_update(*, actor: Any, organisation: Organisation, **changes: Any) -> Organisation:
    require_permission(actor, organisation, Permission.ORGANISATION_EDIT)
    unknown = set(changes) - set(ORGANISATION_EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Fields that cannot be changed here: {', '.join(sorted(unknown))}")
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    before = snapshot(organisation)
    if "brand_colour" in changes:
        _validate_brand_colour(changes["brand_colour"])
    for field, value in changes.items():
        setattr(organisation, field, value)
    organisation.full_clean()
    organisation.save()
    audit_record(
        actor=actor,
        organisation=organisation,
        action="organisation_update",
        instance=organisation,
        before=before,
        after=snapshot(organisation),
    )
    return organisation


def _check_parent(organisation: Organisation, unit: Unit | None, parent: Unit | None) -> None:
    if parent is None:
        return
    if parent.organisation_id != organisation.pk:
        raise ValidationError({"parent": _("Choose a unit of this organisation.")})
    ancestor: Unit | None = parent
    while ancestor is not None:
        if unit is not None and ancestor.pk == unit.pk:
            raise ValidationError({"parent": _("A unit cannot be placed inside itself or one of its own parts.")})
        ancestor = ancestor.parent


@transaction.atomic
def unit_create(
    *,
    actor: Any,
    organisation: Organisation,
    name: str,
    parent: Unit | None = None,
    kind: str = "unit",
    has_associate_scheme: bool = False,
    description: str = "",
) -> Unit:
    require_permission(actor, organisation, Permission.UNIT_MANAGE)
    _check_parent(organisation, None, parent)
    unit = Unit(
        organisation=organisation,
        parent=parent,
        name=name.strip(),
        kind=kind,
        has_associate_scheme=has_associate_scheme,
        description=description,
    )
    unit.full_clean()
    unit.save()
    audit_record(
        actor=actor,
        organisation=organisation,
        action="unit_create",
        instance=unit,
        before=None,
        after=snapshot(unit),
    )
    return unit


@transaction.atomic
def unit_update(*, actor: Any, unit: Unit, **changes: Any) -> Unit:
    organisation = unit.organisation
    require_permission(actor, organisation, Permission.UNIT_MANAGE)
    allowed = {"name", "parent", "kind", "has_associate_scheme", "description"}
    if set(changes) - allowed:
        raise ValueError(f"Fields that cannot be changed here: {', '.join(sorted(set(changes) - allowed))}")
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    before = snapshot(unit)
    if "parent" in changes:
        _check_parent(organisation, unit, changes["parent"])
    for field, value in changes.items():
        setattr(unit, field, value.strip() if field == "name" else value)
    unit.full_clean()
    unit.save()
    audit_record(
        actor=actor,
        organisation=organisation,
        action="unit_update",
        instance=unit,
        before=before,
        after=snapshot(unit),
    )
    return unit


@transaction.atomic
def unit_delete(*, actor: Any, unit: Unit) -> None:
    organisation = unit.organisation
    require_permission(actor, organisation, Permission.UNIT_MANAGE)
    if unit.children.exists():
        raise ValidationError(_("Move or remove this unit's own parts first."))
    before = snapshot(unit)
    audit_record(actor=actor, organisation=organisation, action="unit_delete", instance=unit, before=before, after=None)
    unit.delete()


def _membership_add(
    *, actor: Any, organisation: Organisation, user: Any, role: str, unit: Unit | None = None
) -> Membership:
    membership, created = Membership.objects.get_or_create(
        organisation=organisation, user=user, role=role, defaults={"unit": unit}
    )
    if created:
        audit_record(
            actor=actor,
            organisation=organisation,
            action="membership_add",
            instance=membership,
            before=None,
            after=snapshot(membership),
        )
    forget_roles(user)
    return membership


@transaction.atomic
def person_add(
    *,
    actor: Any,
    organisation: Organisation,
    email: str,
    full_name: str,
    roles: list[str],
    unit: Unit | None = None,
) -> Any:
    """Give a person roles in the organisation, creating their account (with no password yet) if needed."""
    require_permission(actor, organisation, Permission.MEMBER_MANAGE)
    if not roles:
        raise ValidationError({"roles": _("Choose at least one role.")})
    if unit is not None and unit.organisation_id != organisation.pk:
        raise ValidationError({"unit": _("Choose a unit of this organisation.")})
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=email.strip()).first()
    if user is None:
        user = user_model(email=email.strip().lower(), full_name=full_name.strip())
        user.set_unusable_password()
        user.full_clean()
        user.save()
    for role in roles:
        _membership_add(actor=actor, organisation=organisation, user=user, role=Role(role), unit=unit)
    return user


@transaction.atomic
def person_set_roles(*, actor: Any, organisation: Organisation, user: Any, roles: list[str]) -> None:
    """Replace the roles a person holds in the organisation (an empty list removes them from it)."""
    require_permission(actor, organisation, Permission.MEMBER_MANAGE)
    wanted = {Role(role) for role in roles}
    current = {
        Role(m.role): m for m in Membership.objects.select_for_update().filter(organisation=organisation, user=user)
    }
    if not current:
        raise ValidationError(_("This person is not a member of the organisation."))
    removing_admin = Role.ADMINISTRATOR in current and Role.ADMINISTRATOR not in wanted
    if removing_admin:
        other_admins = Membership.objects.filter(organisation=organisation, role=Role.ADMINISTRATOR).exclude(user=user)
        if not other_admins.exists():
            raise ValidationError(_("An organisation must keep at least one administrator."))
    for role, membership in current.items():
        if role not in wanted:
            audit_record(
                actor=actor,
                organisation=organisation,
                action="membership_remove",
                instance=membership,
                before=snapshot(membership),
                after=None,
            )
            membership.delete()
    unit = next(iter(current.values())).unit
    for role in wanted - set(current):
        _membership_add(actor=actor, organisation=organisation, user=user, role=role, unit=unit)
    forget_roles(user)
