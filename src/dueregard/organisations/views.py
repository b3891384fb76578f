"""Thin views: parse the request, call one selector or service, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from dueregard.objectives.selectors import objectives_for_member, objectives_published
from dueregard.organisations import selectors, services
from dueregard.organisations.forms import OrganisationForm, PersonAddForm, PersonRolesForm, UnitForm
from dueregard.organisations.models import Organisation
from dueregard.organisations.navigation import crumbs, organisation_context
from dueregard.organisations.roles import Permission, has_permission, require_permission
from dueregard.web.forms_errors import add_validation_error


def home(request: HttpRequest) -> HttpResponse:
    organisations = selectors.organisations_for_user(user=request.user)
    return render(
        request,
        "organisations/home.html",
        {"organisations": organisations, "published": selectors.organisations_with_published_information()},
    )


def public_index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "organisations/public_index.html",
        {"published": selectors.organisations_with_published_information()},
    )


def public_organisation(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_public(slug=slug)
    return render(
        request,
        "organisations/public_organisation.html",
        {"organisation": organisation, "objectives": objectives_published(organisation=organisation)},
    )


def brand_css(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = Organisation.objects.filter(slug=slug).first()
    colour = organisation.brand_colour if organisation is not None else "#1d70b8"
    response = HttpResponse(f":root {{ --govuk-brand-colour: {colour}; }}\n", content_type="text/css")
    response["Cache-Control"] = "public, max-age=300"
    return response


@login_required
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_for_member(user=request.user, slug=slug)
    context = organisation_context(request, organisation, active="dashboard")
    context.update(
        {
            "unit_count": organisation.units.count(),
            "objective_count": objectives_for_member(actor=request.user, organisation=organisation).count(),
            "people_count": organisation.memberships.values("user").distinct().count(),
            "breadcrumbs": [],
        }
    )
    return render(request, "organisations/dashboard.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def organisation_settings(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_for_member(user=request.user, slug=slug)
    require_permission(request.user, organisation, Permission.ORGANISATION_EDIT)
    form = OrganisationForm.for_organisation(organisation, data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(actor=request.user, organisation=organisation, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The organisation's details have been saved."))
            return redirect("organisations:dashboard", organisation.slug)
    context = organisation_context(request, organisation, active="settings")
    context.update({"form": form, "breadcrumbs": crumbs(organisation, (_("Settings"), None))})
    return render(request, "organisations/settings.html", context)


@login_required
def units(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_for_member(user=request.user, slug=slug)
    context = organisation_context(request, organisation, active="units")
    context.update(
        {
            "tree": selectors.unit_tree(actor=request.user, organisation=organisation),
            "breadcrumbs": crumbs(organisation, (_("Units"), None)),
        }
    )
    return render(request, "organisations/units.html", context)


@login_required
def unit_detail(request: HttpRequest, slug: str, unit_id: int) -> HttpResponse:
    organisation = selectors.organisation_for_member(user=request.user, slug=slug)
    unit = selectors.unit_for_member(actor=request.user, organisation=organisation, unit_id=unit_id)
    context = organisation_context(request, organisation, active="units")
    ancestors = selectors.unit_ancestors(unit)
    trail = [(_("Units"), reverse("organisations:units", args=[slug]))]
    trail += [(a.name, reverse("organisations:unit_detail", args=[slug, a.pk])) for a in ancestors]
    context.update(
        {
            "unit": unit,
            "children": unit.children.order_by("name"),
            "breadcrumbs": crumbs(organisation, *trail, (unit.name, None)),
        }
    )
    return render(request, "organisations/unit_detail.html", context)


def _unit_form_page(request: HttpRequest, slug: str, unit_id: int | None) -> HttpResponse:
    organisation = selectors.organisation_for_member(user=request.user, slug=slug)
    require_permission(request.user, organisation, Permission.UNIT_MANAGE)
    unit = (
        selectors.unit_for_member(actor=request.user, organisation=organisation, unit_id=unit_id) if unit_id else None
    )
    initial = {}
    if unit is not None:
        initial = {
            "name": unit.name,
            "parent": unit.parent_id,
            "kind": unit.kind,
            "has_associate_scheme": unit.has_associate_scheme,
            "description": unit.description,
        }
    elif request.GET.get("parent", "").isdigit():
        initial = {"parent": int(request.GET["parent"])}
    form = UnitForm(
        request.POST if request.method == "POST" else None,
        organisation=organisation,
        exclude=unit,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            if unit is None:
                unit = services.unit_create(actor=request.user, organisation=organisation, **form.cleaned_data)
                messages.success(request, _("Unit added."))
            else:
                unit = services.unit_update(actor=request.user, unit=unit, **form.cleaned_data)
                messages.success(request, _("Unit saved."))
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            return redirect("organisations:unit_detail", organisation.slug, unit.pk)
    context = organisation_context(request, organisation, active="units")
    title = _("Add a unit") if unit is None else _("Change %(name)s") % {"name": unit.name}
    context.update(
        {
            "form": form,
            "unit": unit,
            "page_title": title,
            "breadcrumbs": crumbs(
                organisation, (_("Units"), reverse("organisations:units", args=[slug])), (title, None)
            ),
        }
    )
    return render(request, "organisations/unit_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def unit_add(request: HttpRequest, slug: str) -> HttpResponse:
    return _unit_form_page(request, slug, None)


@login_required
@require_http_methods(["GET", "POST"])
def unit_edit(request: HttpRequest, slug: str, unit_id: int) -> HttpResponse:
    return _unit_form_page(request, slug, unit_id)


@login_required
@require_http_methods(["GET", "POST"])
def unit_delete(request: HttpRequest, slug: str, unit_id: int) -> HttpResponse:
    organisation = selectors.organisation_for_member(user=request.user, slug=slug)
    require_permission(request.user, organisation, Permission.UNIT_MANAGE)
    unit = selectors.unit_for_member(actor=request.user, organisation=organisation, unit_id=unit_id)
    error = None
    if request.method == "POST":
        try:
            services.unit_delete(actor=request.user, unit=unit)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("Unit removed."))
            return redirect("organisations:units", organisation.slug)
    context = organisation_context(request, organisation, active="units")
    context.update({"unit": unit, "error": error, "breadcrumbs": crumbs(organisation, (unit.name, None))})
    return render(request, "organisations/unit_delete.html", context)


@login_required
def people(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_for_member(user=request.user, slug=slug)
    context = organisation_context(request, organisation, active="people")
    context.update(
        {
            "people": selectors.people_of_organisation(actor=request.user, organisation=organisation),
            "can_manage": has_permission(request.user, organisation, Permission.MEMBER_MANAGE),
            "breadcrumbs": crumbs(organisation, (_("People"), None)),
        }
    )
    return render(request, "organisations/people.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def person_add(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_for_member(user=request.user, slug=slug)
    require_permission(request.user, organisation, Permission.MEMBER_MANAGE)
    form = PersonAddForm(request.POST if request.method == "POST" else None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_add(actor=request.user, organisation=organisation, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("%(name)s has been added.") % {"name": form.cleaned_data["full_name"]})
            return redirect("organisations:people", organisation.slug)
    context = organisation_context(request, organisation, active="people")
    context.update(
        {
            "form": form,
            "breadcrumbs": crumbs(
                organisation,
                (_("People"), reverse("organisations:people", args=[slug])),
                (_("Add a person"), None),
            ),
        }
    )
    return render(request, "organisations/person_add.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, slug: str, user_id: int) -> HttpResponse:
    organisation = selectors.organisation_for_member(user=request.user, slug=slug)
    require_permission(request.user, organisation, Permission.MEMBER_MANAGE)
    person = selectors.person_in_organisation(actor=request.user, organisation=organisation, user_id=user_id)
    form = PersonRolesForm(
        request.POST if request.method == "POST" else None, initial={"roles": [r.value for r in person.roles]}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.person_set_roles(
                actor=request.user,
                organisation=organisation,
                user=person.user,
                roles=form.cleaned_data["roles"],
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Roles saved for %(name)s.") % {"name": person.user})
            return redirect("organisations:people", organisation.slug)
    context = organisation_context(request, organisation, active="people")
    context.update(
        {
            "form": form,
            "person": person,
            "breadcrumbs": crumbs(
                organisation,
                (_("People"), reverse("organisations:people", args=[slug])),
                (str(person.user), None),
            ),
        }
    )
    return render(request, "organisations/person_edit.html", context)
