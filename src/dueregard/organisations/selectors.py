"""Reads, always scoped to what the person asking may see."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from dueregard.organisations.models import Membership, Organisation, Unit
from dueregard.organisations.roles import Permission, Role, require_permission, roles_of


def organisations_for_user(*, user: Any) -> QuerySet[Organisation]:
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user).distinct()


def organisation_for_member(*, user: Any, slug: str) -> Organisation:
    """The organisation with this slug, if the user is a member; otherwise 404 (never reveal that it exists)."""
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None or not roles_of(user, organisation):
        raise Http404
    return organisation


def memberships_for_user(*, user: Any) -> list[tuple[Organisation, list[str]]]:
    grouped: dict[int, list[str]] = defaultdict(list)
    organisations: dict[int, Organisation] = {}
    for membership in Membership.objects.filter(user=user).select_related("organisation"):
        organisations[membership.organisation_id] = membership.organisation
        grouped[membership.organisation_id].append(str(membership.get_role_display()))
    return [(organisations[pk], sorted(roles)) for pk, roles in grouped.items()]


@dataclass
class UnitNode:
    unit: Unit
    children: list[UnitNode] = field(default_factory=list)


def unit_tree(*, actor: Any, organisation: Organisation) -> list[UnitNode]:
    """The organisation's units as a tree, built from one query."""
    require_permission(actor, organisation, Permission.UNIT_VIEW)
    nodes = {unit.pk: UnitNode(unit) for unit in Unit.objects.filter(organisation=organisation).order_by("name")}
    roots: list[UnitNode] = []
    for node in nodes.values():
        parent_id = node.unit.parent_id
        (nodes[parent_id].children if parent_id in nodes else roots).append(node)
    return roots


def unit_for_member(*, actor: Any, organisation: Organisation, unit_id: int) -> Unit:
    require_permission(actor, organisation, Permission.UNIT_VIEW)
    unit = Unit.objects.filter(organisation=organisation, pk=unit_id).select_related("parent").first()
    if unit is None:
        raise Http404
    return unit


def unit_ancestors(unit: Unit) -> list[Unit]:
    chain: list[Unit] = []
    current = unit.parent
    while current is not None:
        chain.append(current)
        current = current.parent
    return list(reversed(chain))


def units_for_choice(*, organisation: Organisation) -> QuerySet[Unit]:
    return Unit.objects.filter(organisation=organisation).order_by("name")


@dataclass
class Person:
    user: Any
    roles: list[Role]
    unit: Unit | None


def people_of_organisation(*, actor: Any, organisation: Organisation) -> list[Person]:
    require_permission(actor, organisation, Permission.MEMBER_VIEW)
    people: dict[int, Person] = {}
    memberships = Membership.objects.filter(organisation=organisation).select_related("user", "unit")
    for membership in memberships.order_by("user__full_name", "role"):
        person = people.setdefault(membership.user_id, Person(membership.user, [], membership.unit))
        person.roles.append(Role(membership.role))
    return list(people.values())


def person_in_organisation(*, actor: Any, organisation: Organisation, user_id: int) -> Person:
    for person in people_of_organisation(actor=actor, organisation=organisation):
        if person.user.pk == user_id:
            return person
    raise Http404


def organisations_with_published_information() -> QuerySet[Organisation]:
    """For the public: organisations that have published something — an objective, an impact assessment, or a
    register with relevant functions in it. (Relations are named, not imported: this app sits below those.)"""
    return Organisation.objects.filter(
        Q(objectives__is_published=True) | Q(assessments__published_at__isnull=False) | Q(functions__is_relevant=True)
    ).distinct()


def organisation_public(*, slug: str) -> Organisation:
    organisation = organisations_with_published_information().filter(slug=slug).first()
    if organisation is None:
        raise Http404
    return organisation
