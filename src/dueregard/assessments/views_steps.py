"""The step-by-step editing of an assessment: one page per step, each form carrying the lock version it was opened
at. A save after someone else's is refused with their name and nothing typed is lost; refused input says what to
fix beside the field. Thin: parse, call one service, render."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from dueregard.assessments import rules, services
from dueregard.assessments.document import assessment_document
from dueregard.assessments.forms_assessments import (
    ActionForm,
    ActionStatusForm,
    AdverseForm,
    EngagementForm,
    EvidenceGapsForm,
    EvidenceItemForm,
    ImpactMatrixForm,
    LensesForm,
    NoEngagementForm,
    OutcomeForm,
    PurposeForm,
    ScreeningForm,
    TrackForm,
    cell_field_name,
    reason_field_name,
    yes_no_initial,
    yes_no_value,
)
from dueregard.assessments.models import Assessment, AssessmentAction, Function
from dueregard.assessments.research_checklist import RESEARCH_CHECKLIST
from dueregard.assessments.views_assessments import load, page_context
from dueregard.assessments.workflow import EDITABLE, State
from dueregard.objectives.models import Action, Objective
from dueregard.organisations.models import Unit
from dueregard.organisations.roles import Permission, require_permission
from dueregard.web.forms_errors import add_validation_error


@dataclass(frozen=True)
class Step:
    key: str
    title: Any  # lazy text
    form: type[forms.Form] | None  # the step's own form of assessment fields (None: only parts)


STEPS = [
    Step("purpose", gettext_lazy("Purpose and scope"), PurposeForm),
    Step("screening", gettext_lazy("Screening against each aim"), ScreeningForm),
    Step("evidence", gettext_lazy("Evidence and data gaps"), EvidenceGapsForm),
    Step("engagement", gettext_lazy("Engagement and consultation"), NoEngagementForm),
    Step("impacts", gettext_lazy("Impact on each protected characteristic"), ImpactMatrixForm),
    Step("lenses", gettext_lazy("Other lenses"), None),
    Step("adverse", gettext_lazy("Adverse impact"), AdverseForm),
    Step("outcome", gettext_lazy("Outcome, decision and review"), OutcomeForm),
    Step("actions", gettext_lazy("Action plan"), None),
]
STEP_BY_KEY = {step.key: step for step in STEPS}
FOREIGN_KEYS = {"unit", "function", "decision_maker"}


def steps_started(assessment: Assessment, lenses: list[str]) -> set[str]:
    """The steps that hold something already (for the task list on the summary). Three queries."""
    evidence = assessment.evidence_items.exists()
    engaged = assessment.engagements.exists()
    cells = assessment.impacts.count()
    filled = {
        "purpose": bool(assessment.purpose.strip() or assessment.scope.strip()),
        "screening": bool(assessment.screening_reasons.strip()),
        "evidence": evidence or bool(assessment.data_gaps.strip()),
        "engagement": engaged or bool(assessment.no_engagement_reason.strip()),
        "impacts": cells > 0,
        "lenses": bool(assessment.lens_results) or not lenses,
        "adverse": bool(assessment.adverse_mitigation.strip() or assessment.adverse_justification.strip()),
        "outcome": bool(assessment.outcome),
        "actions": assessment.actions.exists(),
    }
    return {key for key, done in filled.items() if done}


def step_links(
    organisation: Any, assessment: Assessment, attention: set[str], started: set[str] | None = None
) -> list[dict[str, Any]]:
    return [
        {
            "key": step.key,
            "title": str(step.title),
            "href": reverse(f"assessments:step_{step.key}", args=[organisation.slug, assessment.pk]),
            "attention": step.key in attention,
            "started": started is not None and step.key in started,
        }
        for step in STEPS
    ]


def _field_initial(form_class: type[forms.Form], assessment: Assessment) -> dict[str, Any]:
    initial: dict[str, Any] = {"lock_version": assessment.lock_version}
    for name in form_class.base_fields:
        if name == "lock_version":
            continue
        if name in FOREIGN_KEYS:
            initial[name] = getattr(assessment, f"{name}_id")
        elif name in getattr(form_class, "BOOLEAN_FIELDS", ()):
            initial[name] = yes_no_initial(getattr(assessment, name))
        else:
            initial[name] = getattr(assessment, name)
    return initial


def _matrix_initial(assessment: Assessment) -> dict[str, Any]:
    initial: dict[str, Any] = {"lock_version": assessment.lock_version}
    for cell in assessment.impacts.all():
        initial[cell_field_name(cell.characteristic, cell.aim)] = cell.impact
        initial[reason_field_name(cell.characteristic, cell.aim)] = cell.reason
    return initial


def _lens_initial(assessment: Assessment) -> dict[str, Any]:
    initial: dict[str, Any] = {"lock_version": assessment.lock_version}
    for lens, result in assessment.lens_results.items():
        initial[f"lens_{lens}"] = result.get("impact", "")
        initial[f"lens_reason_{lens}"] = result.get("reason", "")
    return initial


def _main_form(step: Step, assessment: Assessment, data: Any = None) -> forms.Form | None:
    organisation = assessment.organisation
    if step.key == "lenses":
        return LensesForm(data, lenses=services.lenses_for(organisation), initial=_lens_initial(assessment))
    if step.form is None:
        return None
    if step.form is ImpactMatrixForm:
        return ImpactMatrixForm(data, initial=_matrix_initial(assessment))
    if step.form is PurposeForm:
        return PurposeForm(data, organisation=organisation, initial=_field_initial(PurposeForm, assessment))
    return step.form(data, initial=_field_initial(step.form, assessment))


def _part_forms(step: Step, assessment: Assessment) -> dict[str, forms.Form]:
    lock = {"lock_version": assessment.lock_version}
    if step.key == "evidence":
        return {"part_form": EvidenceItemForm(initial=lock)}
    if step.key == "engagement":
        return {"part_form": EngagementForm(initial={**lock, "held_on": timezone.localdate()})}
    if step.key == "actions":
        return {"part_form": ActionForm(organisation=assessment.organisation, initial=lock)}
    return {}


def _track_form(organisation: Any) -> TrackForm:
    objectives = Objective.objects.filter(organisation=organisation).order_by("reference")
    actions = (
        Action.objects.filter(organisation=organisation, parent__isnull=True)
        .select_related("objective")
        .only("pk", "title", "objective__reference")
        .order_by("objective__reference", "position")[:500]
    )
    return TrackForm(objectives=objectives, actions=actions)


def _render(
    request: HttpRequest,
    organisation: Any,
    assessment: Assessment,
    step: Step,
    *,
    main_form: forms.Form | None = None,
    part_form: forms.Form | None = None,
    concurrent: bool = False,
) -> HttpResponse:
    context = page_context(request, organisation, assessment, str(step.title))
    editable = assessment.state in EDITABLE
    index = STEPS.index(step)
    context.update(
        {
            "assessment": assessment,
            "step": step,
            "steps": step_links(organisation, assessment, set()),
            "next_step": STEPS[index + 1] if index + 1 < len(STEPS) else None,
            "editable": editable,
            "main_form": main_form if main_form is not None else _main_form(step, assessment),
            "concurrent": concurrent,
            "has_negative": rules.has_negative_impact(assessment),
            "checklist": RESEARCH_CHECKLIST,
            "can_track": Permission.OBJECTIVE_MANAGE in context["permissions"],
            "status_form": ActionStatusForm,
        }
    )
    context.update(_part_forms(step, assessment))
    if part_form is not None:
        context["part_form"] = part_form
    if step.key == "impacts" and not editable:
        context["document"] = assessment_document(assessment, lenses=services.lenses_for(organisation))
    if step.key == "evidence":
        context["items"] = list(assessment.evidence_items.all())
    if step.key == "engagement":
        context["records"] = list(assessment.engagements.all())
    if step.key == "actions":
        context["actions"] = list(
            assessment.actions.select_related("owner_user", "tracked_action__objective").order_by("due_date", "pk")
        )
        if context["can_track"]:
            context["track_form"] = _track_form(organisation)
    return render(request, "assessments/assessment/step.html", context)


def _resolve(organisation: Any, data: dict[str, Any]) -> dict[str, Any]:
    """Ids from the form into the objects the services take (only ones of this organisation)."""
    changes = dict(data)
    changes.pop("lock_version", None)
    if "unit" in changes:
        changes["unit"] = Unit.objects.filter(organisation=organisation, pk=changes["unit"]).first()
    if "function" in changes:
        changes["function"] = Function.objects.filter(organisation=organisation, pk=changes["function"]).first()
    if "decision_maker" in changes:
        changes["decision_maker"] = (
            get_user_model().objects.filter(pk=changes["decision_maker"]).first() if changes["decision_maker"] else None
        )
    for name in AdverseForm.BOOLEAN_FIELDS:
        if name in changes:
            changes[name] = yes_no_value(changes[name])
    return changes


def _refusals_before_save(step: Step, assessment: Assessment, changes: dict[str, Any]) -> dict[str, list[str]]:
    """What the page refuses outright, beyond the service: an adverse impact with neither mitigation nor
    justification; an outcome that contradicts the matrix or lacks its details."""
    if step.key not in {"adverse", "outcome"}:
        return {}
    trial = Assessment.objects.get(pk=assessment.pk)
    for name, value in changes.items():
        setattr(trial, name, value.strip() if isinstance(value, str) else value)
    problems = rules.problems_before(
        trial, State.AWAITING_SIGN_OFF, today=timezone.localdate(), lenses=services.lenses_for(trial.organisation)
    )
    if step.key == "adverse":
        keep = {"adverse_mitigation", "adverse_justification"}
    else:
        keep = {"outcome_details"} | ({"outcome"} if trial.outcome else set())
    return {field: found for field, found in problems.items() if field in keep}


def _save_main(request: HttpRequest, step: Step, assessment: Assessment, form: forms.Form) -> None:
    data = form.cleaned_data
    lock = data["lock_version"]
    if step.key == "impacts":
        assert isinstance(form, ImpactMatrixForm)
        services.impact_matrix_save(
            actor=request.user, assessment=assessment, cells=form.cells(), expected_lock_version=lock
        )
        return
    if step.key == "lenses":
        assert isinstance(form, LensesForm)
        services.impact_matrix_save(
            actor=request.user, assessment=assessment, cells={}, lenses=form.results(), expected_lock_version=lock
        )
        return
    changes = _resolve(assessment.organisation, data)
    refused = _refusals_before_save(step, assessment, changes)
    if refused:
        raise ValidationError(refused)
    services.assessment_update(actor=request.user, assessment=assessment, expected_lock_version=lock, **changes)


@login_required
@require_http_methods(["GET", "POST"])
def step_page(request: HttpRequest, slug: str, assessment_id: int, step: str) -> HttpResponse:
    organisation, assessment = load(request, slug, assessment_id)
    require_permission(request.user, organisation, Permission.ASSESSMENT_EDIT)
    current = STEP_BY_KEY.get(step)
    if current is None:
        raise Http404
    if request.method == "GET":
        return _render(request, organisation, assessment, current)
    form = _main_form(current, assessment, request.POST)
    if form is None or assessment.state not in EDITABLE:
        messages.error(request, services._locked_message(assessment))
        return redirect(f"assessments:step_{current.key}", slug, assessment.pk)
    concurrent = False
    if form.is_valid():
        try:
            _save_main(request, current, assessment, form)
        except services.ConcurrentEditError as error:
            form.add_error(None, str(error))
            concurrent = True
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Saved: %(step)s.") % {"step": current.title})
            following = STEPS.index(current) + 1
            if "continue" in request.POST and following < len(STEPS):
                return redirect(f"assessments:step_{STEPS[following].key}", slug, assessment.pk)
            return redirect(f"assessments:step_{current.key}", slug, assessment.pk)
    assessment.refresh_from_db()
    return _render(request, organisation, assessment, current, main_form=form, concurrent=concurrent)


# --- parts: evidence, engagement, actions ---------------------------------------------------------------------


def _part_post(
    request: HttpRequest,
    slug: str,
    assessment_id: int,
    *,
    step_key: str,
    form: forms.Form,
    save: Callable[[Assessment, dict[str, Any]], Any],
    done: str,
) -> HttpResponse:
    organisation, assessment = load(request, slug, assessment_id)
    concurrent = False
    if form.is_valid():
        try:
            save(assessment, form.cleaned_data)
        except services.ConcurrentEditError as error:
            form.add_error(None, str(error))
            concurrent = True
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, done)
            return redirect(f"assessments:step_{step_key}", slug, assessment.pk)
    assessment.refresh_from_db()
    return _render(request, organisation, assessment, STEP_BY_KEY[step_key], part_form=form, concurrent=concurrent)


@login_required
@require_POST
def evidence_add(request: HttpRequest, slug: str, assessment_id: int) -> HttpResponse:
    def save(assessment: Assessment, data: dict[str, Any]) -> Any:
        lock = data.pop("lock_version")
        return services.evidence_item_add(actor=request.user, assessment=assessment, expected_lock_version=lock, **data)

    return _part_post(
        request,
        slug,
        assessment_id,
        step_key="evidence",
        form=EvidenceItemForm(request.POST),
        save=save,
        done=_("Evidence added."),
    )


@login_required
@require_POST
def engagement_add(request: HttpRequest, slug: str, assessment_id: int) -> HttpResponse:
    def save(assessment: Assessment, data: dict[str, Any]) -> Any:
        lock = data.pop("lock_version")
        for name in ("meaningful", "representative", "effective", "suitable"):
            data[name] = yes_no_value(data[name])
        return services.engagement_record_add(
            actor=request.user, assessment=assessment, expected_lock_version=lock, **data
        )

    return _part_post(
        request,
        slug,
        assessment_id,
        step_key="engagement",
        form=EngagementForm(request.POST),
        save=save,
        done=_("Engagement recorded."),
    )


@login_required
@require_POST
def action_add(request: HttpRequest, slug: str, assessment_id: int) -> HttpResponse:
    organisation, _assessment = load(request, slug, assessment_id)

    def save(assessment: Assessment, data: dict[str, Any]) -> Any:
        lock = data.pop("lock_version")
        owner = get_user_model().objects.filter(pk=data.pop("owner_user")).first() if data["owner_user"] else None
        data.pop("owner_user", None)
        return services.assessment_action_add(
            actor=request.user, assessment=assessment, owner_user=owner, expected_lock_version=lock, **data
        )

    return _part_post(
        request,
        slug,
        assessment_id,
        step_key="actions",
        form=ActionForm(request.POST, organisation=organisation),
        save=save,
        done=_("Action added."),
    )


def _lock_from(request: HttpRequest) -> int | None:
    value = request.POST.get("lock_version", "")
    return int(value) if value.isdigit() else None


def _remove(
    request: HttpRequest, slug: str, assessment_id: int, *, step_key: str, remove: Callable[[Assessment], None]
) -> HttpResponse:
    _organisation, assessment = load(request, slug, assessment_id)
    try:
        remove(assessment)
    except services.ConcurrentEditError as error:
        messages.error(request, str(error))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Removed."))
    return redirect(f"assessments:step_{step_key}", slug, assessment_id)


@login_required
@require_POST
def evidence_remove(request: HttpRequest, slug: str, assessment_id: int, item_id: int) -> HttpResponse:
    def remove(assessment: Assessment) -> None:
        item = assessment.evidence_items.filter(pk=item_id).first()
        if item is None:
            raise Http404
        services.evidence_item_remove(actor=request.user, item=item, expected_lock_version=_lock_from(request))

    return _remove(request, slug, assessment_id, step_key="evidence", remove=remove)


@login_required
@require_POST
def engagement_remove(request: HttpRequest, slug: str, assessment_id: int, record_id: int) -> HttpResponse:
    def remove(assessment: Assessment) -> None:
        record = assessment.engagements.filter(pk=record_id).first()
        if record is None:
            raise Http404
        services.engagement_record_remove(actor=request.user, record=record, expected_lock_version=_lock_from(request))

    return _remove(request, slug, assessment_id, step_key="engagement", remove=remove)


def _assessment_action(assessment: Assessment, action_id: int) -> AssessmentAction:
    action = assessment.actions.select_related("assessment__organisation").filter(pk=action_id).first()
    if action is None:
        raise Http404
    return action


@login_required
@require_POST
def action_status(request: HttpRequest, slug: str, assessment_id: int, action_id: int) -> HttpResponse:
    _organisation, assessment = load(request, slug, assessment_id)
    action = _assessment_action(assessment, action_id)
    form = ActionStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose open or done."))
    else:
        try:
            services.assessment_action_set_status(actor=request.user, action=action, status=form.cleaned_data["status"])
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The action's status is saved."))
    return redirect("assessments:step_actions", slug, assessment.pk)


@login_required
@require_POST
def action_track(request: HttpRequest, slug: str, assessment_id: int, action_id: int) -> HttpResponse:
    organisation, assessment = load(request, slug, assessment_id)
    require_permission(request.user, organisation, Permission.OBJECTIVE_MANAGE)
    action = _assessment_action(assessment, action_id)
    objectives = Objective.objects.filter(organisation=organisation)
    actions = Action.objects.filter(organisation=organisation).select_related("objective")
    form = TrackForm(request.POST, objectives=objectives, actions=actions)
    if form.is_valid():
        data = form.cleaned_data
        try:
            linked = services.assessment_action_track(
                actor=request.user,
                action=action,
                objective=objectives.filter(pk=data["objective"]).first() if data["objective"] else None,
                tracked=actions.filter(pk=data["tracked"]).first() if data["tracked"] else None,
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            tracked = linked.tracked_action
            assert tracked is not None
            messages.success(
                request,
                _("The action is now followed in the action tracker, under objective %(reference)s.")
                % {"reference": tracked.objective.reference},
            )
    else:
        for errors in form.errors.values():
            for problem in errors:
                messages.error(request, str(problem))
    return redirect("assessments:step_actions", slug, assessment.pk)


@login_required
@require_POST
def action_untrack(request: HttpRequest, slug: str, assessment_id: int, action_id: int) -> HttpResponse:
    _organisation, assessment = load(request, slug, assessment_id)
    action = _assessment_action(assessment, action_id)
    services.assessment_action_untrack(actor=request.user, action=action)
    messages.success(request, _("The link to the action tracker was removed; the tracked action stays."))
    return redirect("assessments:step_actions", slug, assessment.pk)
