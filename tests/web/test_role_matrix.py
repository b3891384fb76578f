"""Who can do what: every role, a member of another organisation and an anonymous visitor, against every page
and every service. The page table must name every URL the app has, so a new page cannot be left out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
import role_matrix_assessments
import role_matrix_register
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from dueregard.objectives import services as objective_services
from dueregard.objectives.models import Action, Measure, Objective
from dueregard.objectives.services import objective_create, objective_set_published
from dueregard.organisations import services
from dueregard.organisations.models import Unit

ROLES = ["administrator", "equality_lead", "contributor", "approver", "analyst", "viewer"]
EVERY_ROLE = set(ROLES)
ADMIN = {"administrator"}
ADMIN_AND_LEAD = {"administrator", "equality_lead"}
LEAD = {"equality_lead"}

# route name -> (path builder, roles that get the page; None = public page everybody gets)
PAGES: dict[str, tuple[Callable[[Any], str], set[str] | None]] = {
    "organisations:home": (lambda d: "/", None),
    "organisations:public_index": (lambda d: "/published/", None),
    "organisations:public_organisation": (lambda d: "/published/demo/", None),
    "organisations:brand_css": (lambda d: "/o/demo/brand.css", None),
    "web:accessibility": (lambda d: "/accessibility/", None),
    "accounts:login": (lambda d: "/account/sign-in/", None),
    "accounts:profile": (lambda d: "/account/", EVERY_ROLE),
    "accounts:password_link": (lambda d: "/account/password/", None),
    "accounts:password_link_sent": (lambda d: "/account/password/sent/", None),
    "accounts:password_set": (lambda d: "/account/password/set/MQ/not-a-token/", None),
    "accounts:password_set_done": (lambda d: "/account/password/done/", None),
    "organisations:dashboard": (lambda d: "/o/demo/", EVERY_ROLE),
    "organisations:settings": (lambda d: "/o/demo/settings/", ADMIN),
    "organisations:units": (lambda d: "/o/demo/units/", EVERY_ROLE),
    "organisations:unit_add": (lambda d: "/o/demo/units/add/", ADMIN_AND_LEAD),
    "organisations:unit_detail": (lambda d: f"/o/demo/units/{d.unit.pk}/", EVERY_ROLE),
    "organisations:unit_edit": (lambda d: f"/o/demo/units/{d.unit.pk}/change/", ADMIN_AND_LEAD),
    "organisations:unit_delete": (lambda d: f"/o/demo/units/{d.unit.pk}/remove/", ADMIN_AND_LEAD),
    "organisations:people": (lambda d: "/o/demo/people/", ADMIN_AND_LEAD),
    "organisations:person_add": (lambda d: "/o/demo/people/add/", ADMIN),
    "organisations:person_edit": (lambda d: f"/o/demo/people/{d.users['viewer'].pk}/", ADMIN),
    "audit:organisation": (lambda d: "/o/demo/audit/", ADMIN),
    "audit:object": (lambda d: f"/o/demo/audit/organisations.unit/{d.unit.pk}/", ADMIN),
    "objectives:list": (lambda d: "/o/demo/objectives/", EVERY_ROLE),
    "objectives:detail": (lambda d: f"/o/demo/objectives/{d.objective.pk}/", EVERY_ROLE),
    "objectives:add": (lambda d: "/o/demo/objectives/add/", LEAD),
    "objectives:edit": (lambda d: f"/o/demo/objectives/{d.objective.pk}/change/", LEAD),
    "objectives:action_add": (lambda d: f"/o/demo/objectives/{d.objective.pk}/actions/add/", LEAD),
    "objectives:action_edit": (
        lambda d: f"/o/demo/objectives/{d.objective.pk}/actions/{d.action.pk}/change/",
        LEAD,
    ),
    "objectives:measure_add": (lambda d: f"/o/demo/objectives/{d.objective.pk}/measures/add/", LEAD),
    "objectives:measure_value_add": (lambda d: f"/o/demo/measures/{d.measure.pk}/values/add/", LEAD),
    "objectives:report_board": (lambda d: "/o/demo/reports/board/", EVERY_ROLE),
    "objectives:report_board_pdf": (lambda d: "/o/demo/reports/board.pdf", EVERY_ROLE),
    "objectives:report_board_xlsx": (lambda d: "/o/demo/reports/board.xlsx", EVERY_ROLE),
    "objectives:public_objectives": (lambda d: "/published/demo/objectives/", None),
    "objectives:public_objectives_csv": (lambda d: "/published/demo/objectives.csv", None),
    "objectives:public_objectives_json": (lambda d: "/published/demo/objectives.json", None),
    "objectives:import_upload": (lambda d: "/o/demo/plans/import/", LEAD),
    "objectives:import_columns": (lambda d: "/o/demo/plans/import/columns/", LEAD),
    "objectives:import_preview": (lambda d: "/o/demo/plans/import/preview/", LEAD),
    "objectives:my_actions": (lambda d: "/o/demo/actions/mine/", EVERY_ROLE),
    "objectives:overdue": (lambda d: "/o/demo/actions/overdue/", EVERY_ROLE),
    "objectives:unreported": (lambda d: "/o/demo/actions/no-update/", EVERY_ROLE),
    "objectives:action": (lambda d: f"/o/demo/actions/{d.action.pk}/", EVERY_ROLE),
}
PAGES |= role_matrix_register.PAGES | role_matrix_assessments.PAGES
# Pages that only take POST are covered by the service matrix and by their own tests.
POST_ONLY = {
    "objectives:import_cancel",
    "objectives:action_evidence_add",
    "objectives:action_evidence_remove",
    "objectives:action_publish",
    "objectives:publish",
    "objectives:transition",
    "objectives:action_update",
    "objectives:action_rag",
    "accounts:logout",
}
POST_ONLY |= role_matrix_register.POST_ONLY | role_matrix_assessments.POST_ONLY
NOT_OURS = {"admin"}  # Django's admin site, outside the product's pages


def _route_names(resolver: URLResolver | None = None, namespace: str = "") -> set[str]:
    names: set[str] = set()
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            if entry.namespace in NOT_OURS:
                continue
            names |= _route_names(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(f"{namespace}{entry.name}")
    return names


def test_the_matrix_names_every_page() -> None:
    assert _route_names() == set(PAGES) | POST_ONLY


@pytest.fixture
def demo_targets(demo: Any) -> Any:
    demo.unit = Unit.objects.get(organisation=demo.organisation, name="Human Resources")
    demo.objective = Objective.objects.get(organisation=demo.organisation, reference="1")
    demo.action = Action.objects.filter(objective=demo.objective).first()
    demo.measure = Measure.objects.create(objective=demo.objective, name="Hate crime reports")
    return demo


@pytest.mark.parametrize("route", sorted(PAGES))
@pytest.mark.parametrize("who", [*ROLES, "outsider", "anonymous"])
def test_page_access(route: str, who: str, demo_targets: Any, client: Client) -> None:
    build_path, allowed = PAGES[route]
    path = build_path(demo_targets)
    if who != "anonymous":
        client.force_login(demo_targets.users[who])
    response = client.get(path)
    if route == "accounts:login" and who != "anonymous":
        assert response.status_code == 302  # already signed in: sent on to the start page
    elif allowed is None:
        assert response.status_code == 200
    elif who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/account/sign-in/")
    elif who == "outsider":
        # A member of another organisation is not told that this one exists.
        assert response.status_code == (200 if route == "accounts:profile" else 404)
    else:
        # The later steps of an import send a person back to the upload step when nothing is waiting.
        ok = 302 if route in {"objectives:import_columns", "objectives:import_preview"} else 200
        assert response.status_code == (ok if who in allowed else 403)


def test_welsh_pages_follow_the_same_rules(demo_targets: Any, client: Client) -> None:
    client.force_login(demo_targets.users["viewer"])
    assert client.get("/cy/o/demo/").status_code == 200
    assert client.get("/cy/o/demo/audit/").status_code == 403
    client.force_login(demo_targets.users["outsider"])
    assert client.get("/cy/o/demo/").status_code == 404


# service -> (call, roles allowed)
SERVICES: dict[str, tuple[Callable[[Any, Any], Any], set[str]]] = {
    "organisation_update": (
        lambda actor, d: services.organisation_update(actor=actor, organisation=d.organisation, headcount=2000),
        ADMIN,
    ),
    "unit_create": (
        lambda actor, d: services.unit_create(actor=actor, organisation=d.organisation, name="New unit"),
        ADMIN_AND_LEAD,
    ),
    "unit_update": (
        lambda actor, d: services.unit_update(actor=actor, unit=d.unit, name="Renamed"),
        ADMIN_AND_LEAD,
    ),
    "unit_delete": (
        lambda actor, d: services.unit_delete(actor=actor, unit=Unit.objects.get(name="Business Support")),
        ADMIN_AND_LEAD,
    ),
    "person_add": (
        lambda actor, d: services.person_add(
            actor=actor,
            organisation=d.organisation,
            email="new@demo.example",
            full_name="New Person",
            roles=["viewer"],
        ),
        ADMIN,
    ),
    "person_set_roles": (
        lambda actor, d: services.person_set_roles(
            actor=actor, organisation=d.organisation, user=d.users["viewer"], roles=["viewer", "contributor"]
        ),
        ADMIN,
    ),
    "objective_create": (
        lambda actor, d: objective_create(actor=actor, organisation=d.organisation, reference="9", statement="New"),
        {"equality_lead"},
    ),
    "objective_set_published": (
        lambda actor, d: objective_set_published(actor=actor, objective=d.objective, is_published=False),
        {"equality_lead"},
    ),
    "plan_create": (
        lambda actor, d: objective_services.plan_create(actor=actor, organisation=d.organisation, title="Plan"),
        {"equality_lead"},
    ),
    "objective_update": (
        lambda actor, d: objective_services.objective_update(actor=actor, objective=d.objective, description="More"),
        {"equality_lead"},
    ),
    "objective_transition": (
        lambda actor, d: objective_services.objective_transition(actor=actor, objective=d.objective, to="closed"),
        {"equality_lead"},
    ),
    "action_create": (
        lambda actor, d: objective_services.action_create(actor=actor, objective=d.objective, title="New action"),
        {"equality_lead"},
    ),
    "progress_update_add": (
        lambda actor, d: objective_services.progress_update_add(
            actor=actor,
            action=Action.objects.filter(objective=d.objective).first(),
            text="Progress",
            status="in_progress",
            reported_on=dt.date(2026, 11, 23),
        ),
        {"equality_lead"},  # contributors only on actions they own: see tests/objectives
    ),
    "action_set_rag_override": (
        lambda actor, d: objective_services.action_set_rag_override(
            actor=actor, action=Action.objects.filter(objective=d.objective).first(), rag="amber", reason="Board"
        ),
        {"equality_lead"},
    ),
    "measure_create": (
        lambda actor, d: objective_services.measure_create(actor=actor, objective=d.objective, name="Measure"),
        {"equality_lead"},
    ),
    "evidence_link_add": (
        lambda actor, d: objective_services.evidence_link_add(
            actor=actor, action=Action.objects.filter(objective=d.objective).first(), title="Minutes"
        ),
        {"equality_lead"},
    ),
    "action_set_published": (
        lambda actor, d: objective_services.action_set_published(
            actor=actor, action=Action.objects.filter(objective=d.objective).first(), is_published=False
        ),
        {"equality_lead"},
    ),
    "measure_value_record": (
        lambda actor, d: objective_services.measure_value_record(
            actor=actor,
            measure=Measure.objects.create(objective=d.objective, name="M"),
            period_label="2026",
            period_end=dt.date(2026, 3, 31),
            value=Decimal(1),
        ),
        {"equality_lead"},
    ),
}
SERVICES |= role_matrix_register.SERVICES | role_matrix_assessments.SERVICES


@pytest.mark.parametrize("service", sorted(SERVICES))
@pytest.mark.parametrize("who", [*ROLES, "outsider", "anonymous"])
def test_service_permissions(service: str, who: str, demo_targets: Any) -> None:
    call, allowed = SERVICES[service]
    actor = None if who == "anonymous" else demo_targets.users[who]
    if who in allowed:
        call(actor, demo_targets)
    else:
        with pytest.raises(PermissionDenied):
            call(actor, demo_targets)
