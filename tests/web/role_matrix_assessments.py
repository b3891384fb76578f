"""Role-matrix entries for the impact-assessment pages and services, merged into test_role_matrix's tables.

Same shapes as there: PAGES maps a route name to (path builder, roles that get the page; None = public);
POST_ONLY names routes that only take POST; SERVICES maps a name to (call(actor, demo), roles allowed)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

EVERY_ROLE = {"administrator", "equality_lead", "contributor", "approver", "analyst", "viewer"}
WRITERS = {"equality_lead", "contributor"}
LEAD = {"equality_lead"}
STEPS = ["purpose", "screening", "evidence", "engagement", "impacts", "lenses", "adverse", "outcome", "actions"]


def _assessment(d: Any, title: str, state: str | None = None) -> Any:
    from dueregard.assessments.models import Assessment

    found = Assessment.objects.filter(organisation=d.organisation, title=title)
    if state:
        found = found.filter(state=state)
    return found.order_by("-version").first()


def _one(d: Any, suffix: str = "", title: str = "Office relocation", state: str | None = None) -> str:
    return f"/o/demo/assessments/{_assessment(d, title, state).pk}/{suffix}"


def _step_path(step: str) -> Callable[[Any], str]:
    def build(d: Any) -> str:
        return _one(d, f"{step}/")

    return build


def _published_reference(d: Any) -> str:
    return str(_assessment(d, "Honours nominations process").reference)


PAGES: dict[str, tuple[Callable[[Any], str], set[str] | None]] = {
    "assessments:list": (lambda d: "/o/demo/assessments/", EVERY_ROLE),
    "assessments:start": (lambda d: "/o/demo/assessments/start/", WRITERS),
    "assessments:detail": (lambda d: _one(d), EVERY_ROLE),
    "assessments:withdraw": (lambda d: _one(d, "withdraw/"), WRITERS),
    "assessments:decision_confirm": (lambda d: _one(d, "decision/", "Online recruitment tests"), {"approver"}),
    "assessments:compare": (lambda d: _one(d, "compare/", "Refurbishment of 70 Whitehall", "published"), EVERY_ROLE),
    "assessments:publish": (lambda d: _one(d, "publish/", "Flexible working policy"), LEAD),
    "assessments:draft_pdf": (lambda d: _one(d, "draft.pdf", "Flexible working policy"), EVERY_ROLE),
    "assessments:draft_docx": (lambda d: _one(d, "draft.docx", "Flexible working policy"), EVERY_ROLE),
    **{f"assessments:step_{step}": (_step_path(step), WRITERS) for step in STEPS},
    "assessments:public_index": (lambda d: "/published/demo/assessments/", None),
    "assessments:public_assessment": (lambda d: f"/published/demo/assessments/{_published_reference(d)}/", None),
    "assessments:public_full": (lambda d: f"/published/demo/assessments/{_published_reference(d)}/full/", None),
    "assessments:public_pdf": (lambda d: f"/published/demo/assessments/{_published_reference(d)}.pdf", None),
    "assessments:public_docx": (lambda d: f"/published/demo/assessments/{_published_reference(d)}.docx", None),
}
POST_ONLY: set[str] = {
    "assessments:transition",
    "assessments:new_version",
    "assessments:evidence_add",
    "assessments:evidence_remove",
    "assessments:engagement_add",
    "assessments:engagement_remove",
    "assessments:action_add",
    "assessments:action_status",
    "assessments:action_track",
    "assessments:action_untrack",
}


def _action(d: Any) -> Any:
    from dueregard.assessments.models import AssessmentAction

    return AssessmentAction.objects.create(
        assessment=_assessment(d, "Office relocation"), text="Lifts to every floor", owner_text="Estates"
    )


def _matrix_save(actor: Any, d: Any) -> Any:
    from dueregard.assessments import services

    return services.impact_matrix_save(
        actor=actor,
        assessment=_assessment(d, "Office relocation"),
        cells={("age", "advance"): ("positive", "Step-free routes help older staff too.")},
    )


def _withdraw(actor: Any, d: Any) -> Any:
    from dueregard.assessments import services

    return services.assessment_withdraw(
        actor=actor, assessment=_assessment(d, "Hybrid meeting rooms"), reason="The rooms are not being changed."
    )


def _track(actor: Any, d: Any) -> Any:
    from dueregard.assessments import services

    return services.assessment_action_track(actor=actor, action=_action(d), objective=d.objective)


def _untrack(actor: Any, d: Any) -> Any:
    from dueregard.assessments import services

    return services.assessment_action_untrack(actor=actor, action=_action(d))


SERVICES: dict[str, tuple[Callable[[Any, Any], Any], set[str]]] = {
    "impact_matrix_save": (_matrix_save, WRITERS),
    "assessment_withdraw": (_withdraw, WRITERS),
    "assessment_action_track": (_track, LEAD),
    "assessment_action_untrack": (_untrack, LEAD),
}
