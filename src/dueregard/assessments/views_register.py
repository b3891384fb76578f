"""Pages of the functions register (seed 001 §5.4–5.5): the list, one function, adding and changing a function, and
its relevance to each protected characteristic. Thin: parse the request, call a selector or a service, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from dueregard.assessments import selectors, selectors_register, services
from dueregard.assessments.forms_register import FunctionFilterForm, FunctionForm, RegisterTextsForm, RelevanceForm
from dueregard.assessments.models import Function, Priority, Relevance
from dueregard.objectives.models import Characteristic
from dueregard.organisations.navigation import crumbs, organisation_context
from dueregard.organisations.roles import Permission, require_permission
from dueregard.organisations.selectors import organisation_for_member
from dueregard.web.forms_errors import add_validation_error

PAGE_SIZE = 50
NAV_KEY = "functions"


class ChoiceLabels:
    """Choice labels translated once per request: ``get_FOO_display`` on every row of a long list costs more than
    the query that loads them."""

    def __init__(self) -> None:
        self.characteristic = {value: str(label) for value, label in Characteristic.choices}
        self.relevance = {value: str(label) for value, label in Relevance.choices}
        self.priority = {value: str(label) for value, label in Priority.choices}


def assessment_href(slug: str, assessment_id: int) -> str | None:
    """The address of an assessment's page, or None while that page does not exist (built by the assessment pages)."""
    try:
        return reverse("assessments:detail", kwargs={"slug": slug, "assessment_id": assessment_id})
    except NoReverseMatch:
        return None


def start_href(slug: str, function_id: int) -> str | None:
    """The page starting an assessment of this function (the assessment pages), while it exists."""
    try:
        return reverse("assessments:start", args=[slug]) + f"?function={function_id}"
    except NoReverseMatch:
        return None


def register_crumbs(organisation: Any, *trail: tuple[str, str | None]) -> list[dict[str, str]]:
    return crumbs(
        organisation, (_("Functions register"), reverse("assessments:functions", args=[organisation.slug])), *trail
    )


def _page_number(request: HttpRequest) -> int:
    value = request.GET.get("page", "1")
    return max(int(value), 1) if value.isdigit() else 1


def _pagination(request: HttpRequest, total: int) -> dict[str, Any] | None:
    pages = max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    if pages == 1:
        return None
    number = min(_page_number(request), pages)

    def link(n: int) -> str:
        query = request.GET.copy()
        query["page"] = str(n)
        return f"?{query.urlencode()}"

    return {
        "previous": {"href": link(number - 1)} if number > 1 else None,
        "next": {"href": link(number + 1)} if number < pages else None,
        "items": [{"number": n, "href": link(n), "current": n == number} for n in range(1, pages + 1)],
    }


@login_required
@require_GET
def function_list(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    form = FunctionFilterForm(request.GET or None, organisation=organisation)
    filters = selectors_register.FunctionFilters()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = selectors_register.FunctionFilters(
            search=data["q"].strip(),
            unit_id=data["unit"],
            included=data["included"],
            characteristic=data["characteristic"],
            relevance=data["relevance"],
            priority=data["priority"],
            overdue_only=data["overdue"],
        )
    filtered = filters != selectors_register.FunctionFilters()
    number = _page_number(request)
    page = selectors_register.function_page(
        actor=request.user,
        organisation=organisation,
        filters=filters,
        offset=(number - 1) * PAGE_SIZE,
        limit=PAGE_SIZE,
    )
    overdue_count = selectors.functions_review_overdue(actor=request.user, organisation=organisation).count()
    context = organisation_context(request, organisation, active=NAV_KEY)
    context.update(
        {
            "form": form,
            "found": page,
            "filtered": filtered,
            "overdue_count": overdue_count,
            "page": _pagination(request, page.total),
            "can_manage": Permission.FUNCTION_MANAGE in context["permissions"],
            "labels": ChoiceLabels(),
            "breadcrumbs": crumbs(organisation, (_("Functions register"), None)),
        }
    )
    return render(request, "assessments/register/list.html", context)


@login_required
@require_GET
def function_detail(request: HttpRequest, slug: str, function_id: int) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    function = selectors.function_for_member(actor=request.user, organisation=organisation, function_id=function_id)
    assessments = selectors_register.assessments_of_function(
        actor=request.user, organisation=organisation, function=function
    )
    context = organisation_context(request, organisation, active=NAV_KEY)
    context.update(
        {
            "function": function,
            "relevance": selectors_register.relevance_lines(function),
            "assessments": [(assessment, assessment_href(slug, assessment.pk)) for assessment in assessments],
            "overdue": function.next_review_date < selectors.today(),
            "can_manage": Permission.FUNCTION_MANAGE in context["permissions"],
            "start_href": start_href(slug, function.pk)
            if Permission.ASSESSMENT_EDIT in context["permissions"]
            else None,
            "breadcrumbs": register_crumbs(organisation, (function.name, None)),
        }
    )
    return render(request, "assessments/register/detail.html", context)


def _function_form_page(request: HttpRequest, slug: str, function_id: int | None) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    require_permission(request.user, organisation, Permission.FUNCTION_MANAGE)
    function: Function | None = None
    initial: dict[str, Any] = {"is_relevant": "yes", "affects_public": True, "review_cycle_years": 3}
    if function_id is not None:
        function = selectors.function_for_member(actor=request.user, organisation=organisation, function_id=function_id)
        initial = {name: getattr(function, name) for name in FunctionForm.base_fields if name != "unit"}
        initial["unit"] = function.unit_id
        initial["is_relevant"] = "yes" if function.is_relevant else "no"
    form = FunctionForm(
        request.POST if request.method == "POST" else None,
        organisation=organisation,
        adding=function is None,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            if function is None:
                function = services.function_create(
                    actor=request.user, organisation=organisation, **form.service_fields()
                )
                messages.success(request, _("Function added to the register."))
            else:
                function = services.function_update(actor=request.user, function=function, **form.service_fields())
                messages.success(request, _("Function saved."))
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            return redirect("assessments:function_detail", slug, function.pk)
    title = _("Add a function or policy") if function is None else _("Change the function")
    context = organisation_context(request, organisation, active=NAV_KEY)
    trail: list[tuple[str, str | None]] = []
    if function is not None:
        trail.append((function.name, reverse("assessments:function_detail", args=[slug, function.pk])))
    context.update(
        {
            "form": form,
            "function": function,
            "page_title": title,
            "breadcrumbs": register_crumbs(organisation, *trail, (title, None)),
        }
    )
    return render(request, "assessments/register/form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def function_add(request: HttpRequest, slug: str) -> HttpResponse:
    return _function_form_page(request, slug, None)


@login_required
@require_http_methods(["GET", "POST"])
def function_edit(request: HttpRequest, slug: str, function_id: int) -> HttpResponse:
    return _function_form_page(request, slug, function_id)


@login_required
@require_http_methods(["GET", "POST"])
def function_relevance(request: HttpRequest, slug: str, function_id: int) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    require_permission(request.user, organisation, Permission.FUNCTION_MANAGE)
    function = selectors.function_for_member(actor=request.user, organisation=organisation, function_id=function_id)
    current = {row.characteristic: (row.relevance, row.reason) for row in function.relevances.all()}
    form = RelevanceForm(request.POST if request.method == "POST" else None, current=current)
    if request.method == "POST" and form.is_valid():
        changes = form.changes()
        try:
            with transaction.atomic():  # all the ratings or none
                for characteristic, level, reason in changes:
                    try:
                        services.function_set_relevance(
                            actor=request.user,
                            function=function,
                            characteristic=characteristic,
                            relevance=level,
                            reason=reason,
                        )
                    except ValidationError as error:
                        for message in error.messages:
                            form.add_error(f"reason_{characteristic}", message)
                        raise
        except ValidationError:
            pass
        else:
            if changes:
                messages.success(
                    request,
                    ngettext(
                        "Relevance saved for %(count)s protected characteristic.",
                        "Relevance saved for %(count)s protected characteristics.",
                        len(changes),
                    )
                    % {"count": len(changes)},
                )
            else:
                messages.info(request, _("Nothing had changed, so nothing was saved."))
            return redirect("assessments:function_detail", slug, function.pk)
    title = _("Relevance to each protected characteristic")
    context = organisation_context(request, organisation, active=NAV_KEY)
    context.update(
        {
            "form": form,
            "function": function,
            "page_title": title,
            "breadcrumbs": register_crumbs(
                organisation,
                (function.name, reverse("assessments:function_detail", args=[slug, function.pk])),
                (title, None),
            ),
        }
    )
    return render(request, "assessments/register/relevance.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def public_texts(request: HttpRequest, slug: str) -> HttpResponse:
    """The criteria and review procedure published with the list of relevant functions: for whoever publishes."""
    organisation = organisation_for_member(user=request.user, slug=slug)
    require_permission(request.user, organisation, Permission.ASSESSMENT_PUBLISH)
    texts = selectors_register.register_texts(actor=request.user, organisation=organisation)
    form = RegisterTextsForm(
        request.POST if request.method == "POST" else None,
        initial={"register_criteria": texts.criteria, "register_review_procedure": texts.review_procedure},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_settings_update(actor=request.user, organisation=organisation, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The texts published with the register have been saved."))
            return redirect("assessments:functions", slug)
    title = _("What the public list says about itself")
    context = organisation_context(request, organisation, active=NAV_KEY)
    context.update(
        {
            "form": form,
            "page_title": title,
            "breadcrumbs": register_crumbs(organisation, (title, None)),
        }
    )
    return render(request, "assessments/register/public_texts.html", context)
