"""The organisation's choices for its impact assessments: which optional lenses every assessment looks through."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from dueregard.assessments import services
from dueregard.assessments.models import Lens
from dueregard.organisations.navigation import crumbs, organisation_context
from dueregard.organisations.roles import Permission, require_permission
from dueregard.organisations.selectors import organisation_for_member
from dueregard.web.forms_errors import add_validation_error


class LensesForm(forms.Form):
    lenses = forms.MultipleChoiceField(
        label=gettext_lazy("Which other lenses should every assessment look through?"),
        help_text=gettext_lazy(
            "Beyond the protected characteristics. In Scotland and Wales socio-economic disadvantage is a duty and is "
            "chosen at the start. A new choice applies to every assessment from then on."
        ),
        choices=Lens.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


@login_required
@require_http_methods(["GET", "POST"])
def lenses(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    require_permission(request.user, organisation, Permission.ASSESSMENT_PUBLISH)
    form = LensesForm(
        request.POST if request.method == "POST" else None,
        initial={"lenses": services.lenses_for(organisation)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_settings_update(
                actor=request.user, organisation=organisation, lenses=form.cleaned_data["lenses"]
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The lenses of your assessments have been saved."))
            return redirect("assessments:list", slug)
    title = _("Lenses of your impact assessments")
    context = organisation_context(request, organisation, active="assessments")
    context.update(
        {
            "form": form,
            "page_title": title,
            "breadcrumbs": crumbs(
                organisation, (_("Impact assessments"), reverse("assessments:list", args=[slug])), (title, None)
            ),
        }
    )
    return render(request, "assessments/settings/lenses.html", context)
