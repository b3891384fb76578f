"""Pages for plans, objectives and actions. Thin: parse the request, call a selector or a service, render."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from dueregard.audit.selectors import audit_events_for_object
from dueregard.objectives import selectors, services
from dueregard.objectives.forms import (
    ActionFilterForm,
    ActionForm,
    EvidenceLinkForm,
    MeasureForm,
    MeasureValueForm,
    ObjectiveForm,
    ProgressUpdateForm,
    RagOverrideForm,
)
from dueregard.objectives.models import Rag
from dueregard.objectives.timescale_reading import describe_reading, settings_used
from dueregard.organisations.navigation import crumbs, organisation_context
from dueregard.organisations.roles import Permission, has_permission, require_permission
from dueregard.organisations.selectors import organisation_for_member
from dueregard.web.forms_errors import add_validation_error
from dueregard.web.pagination import page_number, pagination

TRANSITION_LABELS = {
    "draft": lambda: _("Return to draft"),
    "consultation": lambda: _("Start consultation"),
    "adopted": lambda: _("Adopt"),
    "closed": lambda: _("Close"),
}


PAGE_SIZE = 50


def objective_crumbs(organisation: Any, objective: Any, title: str) -> list[dict[str, str]]:
    """Breadcrumbs of a page under an objective: organisation > Objectives > Objective N > title."""
    return crumbs(
        organisation,
        (_("Objectives"), reverse("objectives:list", args=[organisation.slug])),
        (
            _("Objective %(reference)s") % {"reference": objective.reference},
            reverse("objectives:detail", args=[organisation.slug, objective.pk]),
        ),
        (title, None),
    )


@login_required
def objective_list(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    objectives = selectors.objectives_for_member(actor=request.user, organisation=organisation)
    form = ActionFilterForm(request.GET or None, organisation=organisation, objectives=objectives)
    filtered = bool(request.GET) and form.is_valid() and any(form.cleaned_data.values())
    found = None
    page = None
    if filtered:
        data = form.cleaned_data
        found = selectors.action_page(
            actor=request.user,
            organisation=organisation,
            filters=selectors.ActionFilters(
                objective_id=data["objective"],
                unit_id=data["unit"],
                status=data["status"],
                rag=data["rag"],
                search=data["q"],
            ),
            offset=(page_number(request) - 1) * PAGE_SIZE,
            limit=PAGE_SIZE,
        )
        page = pagination(request, found.total, PAGE_SIZE)
    counts = selectors.rag_counts(actor=request.user, organisation=organisation)
    context = organisation_context(request, organisation, active="objectives")
    context.update(
        {
            "objectives": objectives,
            "plans": selectors.plans_for_member(actor=request.user, organisation=organisation),
            "form": form,
            "filtered": filtered,
            "found": found,
            "page": page,
            "summary": [(rag.value, str(rag.label), counts[rag.value]) for rag in Rag],
            "breadcrumbs": crumbs(organisation, (_("Objectives"), None)),
        }
    )
    return render(request, "objectives/list.html", context)


@login_required
def objective_detail(request: HttpRequest, slug: str, objective_id: int) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    objective = selectors.objective_for_member(actor=request.user, organisation=organisation, objective_id=objective_id)
    tree = selectors.action_tree(actor=request.user, objective=objective)
    context = organisation_context(request, organisation, active="objectives")
    context.update(
        {
            "objective": objective,
            "tree": tree,
            "measures": selectors.measures_for_objective(actor=request.user, objective=objective),
            "can_manage": Permission.OBJECTIVE_MANAGE in context["permissions"],
            "transitions": [
                (target, TRANSITION_LABELS[target]())
                for target in sorted(services.OBJECTIVE_TRANSITIONS[objective.status])
            ],
            "breadcrumbs": crumbs(
                organisation,
                (_("Objectives"), reverse("objectives:list", args=[slug])),
                (_("Objective %(reference)s") % {"reference": objective.reference}, None),
            ),
        }
    )
    return render(request, "objectives/detail.html", context)


@login_required
@require_POST
def objective_publish(request: HttpRequest, slug: str, objective_id: int) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    objective = selectors.objective_for_member(actor=request.user, organisation=organisation, objective_id=objective_id)
    publish = request.POST.get("publish") == "yes"
    services.objective_set_published(actor=request.user, objective=objective, is_published=publish)
    messages.success(
        request, _("The objective is now published.") if publish else _("The objective is no longer published.")
    )
    return redirect("objectives:detail", slug, objective.pk)


def _action_page(
    request: HttpRequest,
    organisation: Any,
    action: Any,
    update_form: ProgressUpdateForm,
    rag_form: RagOverrideForm,
    evidence_form: EvidenceLinkForm | None = None,
) -> HttpResponse:
    context = organisation_context(request, organisation, active="objectives")
    objective = action.objective
    history = []
    if Permission.AUDIT_VIEW in context["permissions"]:
        history = list(
            audit_events_for_object(
                actor=request.user, organisation=organisation, object_type="objectives.action", object_id=str(action.pk)
            )[:20]
        )
    context.update(
        {
            "action": action,
            "row": selectors.action_row(action),
            "updates": action.updates.select_related("author").all(),
            "children": action.children.order_by("position"),
            "milestones": action.milestones.all(),
            "evidence": action.evidence.all(),
            "history": history,
            "update_form": update_form,
            "rag_form": rag_form,
            "evidence_form": evidence_form or EvidenceLinkForm(),
            "can_update": services.may_update_action(request.user, action),
            "timescale_description": describe_reading(action.timescale),
            "timescale_settings": settings_used(action.timescale),
            "can_override": has_permission(request.user, organisation, Permission.ACTION_UPDATE_ANY),
            "breadcrumbs": objective_crumbs(organisation, objective, _("Action")),
        }
    )
    return render(request, "objectives/action.html", context)


@login_required
def action_detail(request: HttpRequest, slug: str, action_id: int) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    action = selectors.action_for_member(actor=request.user, organisation=organisation, action_id=action_id)
    rag_form = RagOverrideForm(initial={"rag": action.rag_override, "reason": action.rag_override_reason})
    return _action_page(request, organisation, action, ProgressUpdateForm(initial={"status": action.status}), rag_form)


@login_required
@require_POST
def action_update(request: HttpRequest, slug: str, action_id: int) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    action = selectors.action_for_member(actor=request.user, organisation=organisation, action_id=action_id)
    if not services.may_update_action(request.user, action):
        raise PermissionDenied
    form = ProgressUpdateForm(request.POST)
    if form.is_valid():
        try:
            services.progress_update_add(actor=request.user, action=action, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Your update has been saved."))
            return redirect(request.POST.get("next") or reverse("objectives:action", args=[slug, action.pk]))
    rag_form = RagOverrideForm(initial={"rag": action.rag_override, "reason": action.rag_override_reason})
    return _action_page(request, organisation, action, form, rag_form)


@login_required
@require_POST
def action_rag(request: HttpRequest, slug: str, action_id: int) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    action = selectors.action_for_member(actor=request.user, organisation=organisation, action_id=action_id)
    form = RagOverrideForm(request.POST)
    if form.is_valid():
        try:
            services.action_set_rag_override(
                actor=request.user, action=action, rag=form.cleaned_data["rag"], reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The RAG status has been saved."))
            return redirect("objectives:action", slug, action.pk)
    return _action_page(request, organisation, action, ProgressUpdateForm(initial={"status": action.status}), form)


@login_required
@require_http_methods(["GET"])
def my_actions(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    rows = selectors.my_actions(actor=request.user, organisation=organisation)
    context = organisation_context(request, organisation, active="my_actions")
    context.update(
        {
            "rows": rows,
            "update_form": ProgressUpdateForm(),
            "breadcrumbs": crumbs(organisation, (_("My actions"), None)),
        }
    )
    return render(request, "objectives/my_actions.html", context)


@login_required
def attention(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    """The overdue list, or the list of actions with no update this quarter."""
    organisation = organisation_for_member(user=request.user, slug=slug)
    overdue = kind == "overdue"
    found = selectors.action_page(
        actor=request.user,
        organisation=organisation,
        filters=selectors.ActionFilters(overdue_only=overdue, unreported_only=not overdue),
        offset=(page_number(request) - 1) * PAGE_SIZE,
        limit=PAGE_SIZE,
    )
    title = _("Overdue actions") if overdue else _("Actions with no update this quarter")
    context = organisation_context(request, organisation, active="objectives")
    context.update(
        {
            "found": found,
            "page": pagination(request, found.total, PAGE_SIZE),
            "title": title,
            "breadcrumbs": crumbs(
                organisation, (_("Objectives"), reverse("objectives:list", args=[slug])), (title, None)
            ),
        }
    )
    return render(request, "objectives/attention.html", context)


def _submitted(request: HttpRequest, form: Any, save: Callable[[], Any], success: str) -> Any | None:
    """With a valid POSTed form, run ``save`` (a service call) and say ``success``; returns what ``save`` returned.
    None when nothing was saved: not a POST, the form is invalid, or the service refused (its reasons are put on the
    form's fields, so the page shows them beside what the person typed)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        saved = save()
    except ValidationError as error:
        add_validation_error(form, error)
        return None
    messages.success(request, success)
    return saved


def _form_page(
    request: HttpRequest,
    organisation: Any,
    form: Any,
    *,
    title: str,
    breadcrumbs: list[dict[str, str]],
    caption: str | None = None,
) -> HttpResponse:
    context = organisation_context(request, organisation, active="objectives")
    context.update({"form": form, "page_title": title, "breadcrumbs": breadcrumbs})
    if caption is not None:
        context["caption"] = caption
    return render(request, "objectives/form.html", context)


def _objective_form_page(request: HttpRequest, slug: str, objective_id: int | None) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    require_permission(request.user, organisation, Permission.OBJECTIVE_MANAGE)
    objective = (
        selectors.objective_for_member(actor=request.user, organisation=organisation, objective_id=objective_id)
        if objective_id
        else None
    )
    initial = {name: getattr(objective, name) for name in ObjectiveForm.base_fields} if objective else {}
    if objective is not None:
        initial["unit"] = objective.unit_id
    form = ObjectiveForm(request.POST if request.method == "POST" else None, organisation=organisation, initial=initial)
    if objective is None:
        plan = selectors.plans_for_member(actor=request.user, organisation=organisation).first()
        saved = _submitted(
            request,
            form,
            lambda: services.objective_create(
                actor=request.user, organisation=organisation, plan=plan, **form.cleaned_data
            ),
            _("Objective added."),
        )
    else:
        current = objective
        saved = _submitted(
            request,
            form,
            lambda: services.objective_update(actor=request.user, objective=current, **form.cleaned_data),
            _("Objective saved."),
        )
    if saved is not None:
        return redirect("objectives:detail", slug, saved.pk)
    title = (
        _("Add an objective")
        if objective is None
        else _("Change objective %(reference)s") % {"reference": objective.reference}
    )
    return _form_page(
        request,
        organisation,
        form,
        title=title,
        breadcrumbs=crumbs(organisation, (_("Objectives"), reverse("objectives:list", args=[slug])), (title, None)),
    )


@login_required
@require_http_methods(["GET", "POST"])
def objective_add(request: HttpRequest, slug: str) -> HttpResponse:
    return _objective_form_page(request, slug, None)


@login_required
@require_http_methods(["GET", "POST"])
def objective_edit(request: HttpRequest, slug: str, objective_id: int) -> HttpResponse:
    return _objective_form_page(request, slug, objective_id)


@login_required
@require_POST
def objective_transition(request: HttpRequest, slug: str, objective_id: int) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    objective = selectors.objective_for_member(actor=request.user, organisation=organisation, objective_id=objective_id)
    try:
        objective = services.objective_transition(
            actor=request.user, objective=objective, to=request.POST.get("to", "")
        )
    except (ValidationError, KeyError, ValueError):
        messages.error(request, _("That change of status is not possible."))
    else:
        messages.success(request, _("The objective is now: %(status)s.") % {"status": objective.get_status_display()})
    return redirect("objectives:detail", slug, objective.pk)


def _action_form_page(request: HttpRequest, slug: str, objective_id: int, action_id: int | None) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    require_permission(request.user, organisation, Permission.OBJECTIVE_MANAGE)
    objective = selectors.objective_for_member(actor=request.user, organisation=organisation, objective_id=objective_id)
    action = (
        selectors.action_for_member(actor=request.user, organisation=organisation, action_id=action_id)
        if action_id
        else None
    )
    if action is not None and action.objective_id != objective.pk:
        raise Http404
    initial: dict[str, Any] = {}
    if action is not None:
        initial = {
            "title": action.title,
            "parent": action.parent_id,
            "desired_outcome": action.desired_outcome,
            "owner_user": action.owner_user_id,
            "owner_unit": action.owner_unit_id,
            "timescale_text": action.timescale_text,
        }
    elif request.GET.get("parent", "").isdigit():
        initial = {"parent": int(request.GET["parent"])}
    form = ActionForm(
        request.POST if request.method == "POST" else None,
        organisation=organisation,
        objective=objective,
        initial=initial,
    )
    if action is None:
        saved = _submitted(
            request,
            form,
            lambda: services.action_create(actor=request.user, objective=objective, **form.cleaned_data),
            _("Action added."),
        )
    else:
        current = action
        saved = _submitted(
            request,
            form,
            lambda: services.action_update(actor=request.user, action=current, **form.cleaned_data),
            _("Action saved."),
        )
    if saved is not None:
        return redirect("objectives:action", slug, saved.pk)
    title = _("Add an action") if action is None else _("Change the action")
    return _form_page(
        request,
        organisation,
        form,
        title=title,
        caption=_("Objective %(reference)s") % {"reference": objective.reference},
        breadcrumbs=objective_crumbs(organisation, objective, title),
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_add(request: HttpRequest, slug: str, objective_id: int) -> HttpResponse:
    return _action_form_page(request, slug, objective_id, None)


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, slug: str, objective_id: int, action_id: int) -> HttpResponse:
    return _action_form_page(request, slug, objective_id, action_id)


@login_required
@require_http_methods(["GET", "POST"])
def measure_add(request: HttpRequest, slug: str, objective_id: int) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    require_permission(request.user, organisation, Permission.OBJECTIVE_MANAGE)
    objective = selectors.objective_for_member(actor=request.user, organisation=organisation, objective_id=objective_id)
    form = MeasureForm(request.POST if request.method == "POST" else None, initial={"direction": "up"})
    saved = _submitted(
        request,
        form,
        lambda: services.measure_create(actor=request.user, objective=objective, **form.cleaned_data),
        _("Measure added."),
    )
    if saved is not None:
        return redirect("objectives:detail", slug, objective.pk)
    title = _("Add a measure")
    return _form_page(
        request,
        organisation,
        form,
        title=title,
        caption=_("Objective %(reference)s") % {"reference": objective.reference},
        breadcrumbs=objective_crumbs(organisation, objective, title),
    )


@login_required
@require_http_methods(["GET", "POST"])
def measure_value_add(request: HttpRequest, slug: str, measure_id: int) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    require_permission(request.user, organisation, Permission.OBJECTIVE_MANAGE)
    measure = selectors.measure_for_member(actor=request.user, organisation=organisation, measure_id=measure_id)
    form = MeasureValueForm(request.POST if request.method == "POST" else None)
    saved = _submitted(
        request,
        form,
        lambda: services.measure_value_record(actor=request.user, measure=measure, **form.cleaned_data),
        _("Value recorded."),
    )
    if saved is not None:
        return redirect("objectives:detail", slug, measure.objective_id)
    title = _("Record a value")
    return _form_page(
        request,
        organisation,
        form,
        title=title,
        caption=measure.name,
        breadcrumbs=objective_crumbs(organisation, measure.objective, title),
    )


@login_required
@require_POST
def action_evidence_add(request: HttpRequest, slug: str, action_id: int) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    action = selectors.action_for_member(actor=request.user, organisation=organisation, action_id=action_id)
    if not services.may_update_action(request.user, action):
        raise PermissionDenied
    form = EvidenceLinkForm(request.POST)
    if form.is_valid():
        services.evidence_link_add(actor=request.user, action=action, **form.cleaned_data)
        messages.success(request, _("Evidence added."))
        return redirect("objectives:action", slug, action.pk)
    rag_form = RagOverrideForm(initial={"rag": action.rag_override, "reason": action.rag_override_reason})
    return _action_page(
        request, organisation, action, ProgressUpdateForm(initial={"status": action.status}), rag_form, form
    )


@login_required
@require_POST
def action_evidence_remove(request: HttpRequest, slug: str, action_id: int, link_id: int) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    action = selectors.action_for_member(actor=request.user, organisation=organisation, action_id=action_id)
    link = action.evidence.filter(pk=link_id).first()
    if link is None:
        raise Http404
    services.evidence_link_remove(actor=request.user, link=link)
    messages.success(request, _("Evidence removed."))
    return redirect("objectives:action", slug, action.pk)


@login_required
@require_POST
def action_publish(request: HttpRequest, slug: str, action_id: int) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    action = selectors.action_for_member(actor=request.user, organisation=organisation, action_id=action_id)
    publish = request.POST.get("publish") == "yes"
    services.action_set_published(actor=request.user, action=action, is_published=publish)
    messages.success(
        request,
        _("The action will appear in the published progress statement.")
        if publish
        else _("The action will no longer appear in the published progress statement."),
    )
    return redirect("objectives:action", slug, action.pk)
