from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from dueregard.audit.selectors import audit_events_for_object, audit_events_for_organisation
from dueregard.organisations.navigation import crumbs, organisation_context
from dueregard.organisations.selectors import organisation_for_member

PAGE_SIZE = 50


@login_required
def organisation_log(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    events = audit_events_for_organisation(actor=request.user, organisation=organisation)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    context = organisation_context(request, organisation, active="audit")
    context.update({"page": page, "subject": None, "breadcrumbs": crumbs(organisation, (_("Audit log"), None))})
    return render(request, "audit/log.html", context)


@login_required
def object_log(request: HttpRequest, slug: str, object_type: str, object_id: str) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    events = audit_events_for_object(
        actor=request.user, organisation=organisation, object_type=object_type, object_id=object_id
    )
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    subject = events.first()
    context = organisation_context(request, organisation, active="audit")
    title = subject.object_repr if subject else object_id
    context.update(
        {
            "page": page,
            "subject": title,
            "breadcrumbs": crumbs(
                organisation, (_("Audit log"), reverse("audit:organisation", args=[slug])), (title, None)
            ),
        }
    )
    return render(request, "audit/log.html", context)
