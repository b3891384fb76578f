"""Role-matrix entries for the functions register pages, the assessment dashboards and the public register, and the
services those pages call; merged into test_role_matrix's tables.

Same shapes as there: PAGES maps a route name to (path builder, roles that get the page; None = public);
POST_ONLY names routes that only take POST; SERVICES maps a name to (call(actor, demo), roles allowed)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dueregard.assessments import services
from dueregard.assessments.models import Function

EVERY_ROLE = {"administrator", "equality_lead", "contributor", "approver", "analyst", "viewer"}
LEAD = {"equality_lead"}  # only the equality lead manages the register (Permission.FUNCTION_MANAGE)


def _function(demo: Any) -> Function:
    return Function.objects.get(organisation=demo.organisation, name="Recruitment and selection")


PAGES: dict[str, tuple[Callable[[Any], str], set[str] | None]] = {
    "assessments:functions": (lambda d: "/o/demo/functions/", EVERY_ROLE),
    "assessments:function_detail": (lambda d: f"/o/demo/functions/{_function(d).pk}/", EVERY_ROLE),
    "assessments:function_add": (lambda d: "/o/demo/functions/add/", LEAD),
    "assessments:function_edit": (lambda d: f"/o/demo/functions/{_function(d).pk}/change/", LEAD),
    "assessments:function_relevance": (lambda d: f"/o/demo/functions/{_function(d).pk}/relevance/", LEAD),
    "assessments:function_public_texts": (lambda d: "/o/demo/functions/public-texts/", LEAD),
    "assessments:lenses": (lambda d: "/o/demo/assessments/lenses/", LEAD),
    "assessments:function_import_upload": (lambda d: "/o/demo/functions/import/", LEAD),
    "assessments:function_import_preview": (lambda d: "/o/demo/functions/import/preview/", LEAD),
    "assessments:dashboard": (lambda d: "/o/demo/assessments/dashboard/", EVERY_ROLE),
    "assessments:public_functions": (lambda d: "/published/demo/functions/", None),
    "assessments:public_functions_csv": (lambda d: "/published/demo/functions.csv", None),
}
POST_ONLY: set[str] = {"assessments:function_import_cancel"}
SERVICES: dict[str, tuple[Callable[[Any, Any], Any], set[str]]] = {
    "function_create": (
        lambda actor, d: services.function_create(actor=actor, organisation=d.organisation, name="Library services"),
        LEAD,
    ),
    "function_update": (
        lambda actor, d: services.function_update(actor=actor, function=_function(d), description="Changed"),
        LEAD,
    ),
    "function_set_relevance": (
        lambda actor, d: services.function_set_relevance(
            actor=actor, function=_function(d), characteristic="religion_belief", relevance="low", reason="Prayer room"
        ),
        LEAD,
    ),
    "assessment_settings_update": (
        lambda actor, d: services.assessment_settings_update(
            actor=actor, organisation=d.organisation, register_review_procedure="Reviewed every April."
        ),
        LEAD,  # Permission.ASSESSMENT_PUBLISH
    ),
    "function_import": (
        lambda actor, d: services.function_import(
            actor=actor, organisation=d.organisation, filename="register.csv", content=b"Function\nLibrary services\n"
        ),
        LEAD,
    ),
}
