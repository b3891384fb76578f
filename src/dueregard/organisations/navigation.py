"""What every page of an organisation shows around its content: the service navigation and breadcrumbs."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from dueregard.organisations.models import Organisation
from dueregard.organisations.roles import Permission, permissions_of


def organisation_context(request: HttpRequest, organisation: Organisation, *, active: str) -> dict[str, Any]:
    granted = permissions_of(request.user, organisation)
    entries = [
        ("dashboard", _("Overview"), "organisations:dashboard", Permission.ORGANISATION_VIEW),
        ("objectives", _("Objectives"), "objectives:list", Permission.OBJECTIVE_VIEW),
        ("my_actions", _("My actions"), "objectives:my_actions", Permission.ACTION_UPDATE_OWN),
        ("reports", _("Board report"), "objectives:report_board", Permission.OBJECTIVE_VIEW),
        ("assessments", _("Impact assessments"), "assessments:list", Permission.ASSESSMENT_VIEW),
        ("functions", _("Functions register"), "assessments:functions", Permission.ASSESSMENT_VIEW),
        ("units", _("Units"), "organisations:units", Permission.UNIT_VIEW),
        ("people", _("People"), "organisations:people", Permission.MEMBER_VIEW),
        ("audit", _("Audit log"), "audit:organisation", Permission.AUDIT_VIEW),
        ("settings", _("Settings"), "organisations:settings", Permission.ORGANISATION_EDIT),
    ]
    navigation = [
        {"href": reverse(route, args=[organisation.slug]), "text": text, "active": key == active}
        for key, text, route, permission in entries
        if permission in granted
    ]
    return {
        "organisation": organisation,
        "permissions": granted,
        "Permission": Permission,
        "service_navigation": navigation,
    }


def crumbs(organisation: Organisation, *trail: tuple[str, str | None]) -> list[dict[str, str]]:
    items = [{"text": organisation.name, "href": reverse("organisations:dashboard", args=[organisation.slug])}]
    items.extend({"text": text, "href": href} if href else {"text": text} for text, href in trail)
    return items
