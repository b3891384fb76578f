from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dueregard.objectives import selectors, services
from dueregard.organisations.navigation import crumbs, organisation_context
from dueregard.organisations.roles import Permission
from dueregard.organisations.selectors import organisation_for_member


@login_required
def objective_list(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    context = organisation_context(request, organisation, active="objectives")
    context.update(
        {
            "objectives": selectors.objectives_for_member(actor=request.user, organisation=organisation),
            "breadcrumbs": crumbs(organisation, (_("Objectives"), None)),
        }
    )
    return render(request, "objectives/list.html", context)


@login_required
def objective_detail(request: HttpRequest, slug: str, objective_id: int) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    objective = selectors.objective_for_member(actor=request.user, organisation=organisation, objective_id=objective_id)
    context = organisation_context(request, organisation, active="objectives")
    context.update(
        {
            "objective": objective,
            "can_manage": Permission.OBJECTIVE_MANAGE in context["permissions"],
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
        request,
        _("The objective is now published.") if publish else _("The objective is no longer published."),
    )
    return redirect("objectives:detail", slug, objective.pk)
