"""The assessment dashboards: assessments by state and by unit, reviews overdue, how many were completed this year
(seed 004: "how many are completed"), the time from start to sign-off, and the cumulative impact of a chosen set of
assessments (which characteristics carry negative impacts across several of them, e.g. the savings of one budget).
Thin: every number comes from ``selectors_dashboard`` or ``selectors``."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from dueregard.assessments import selectors, selectors_dashboard
from dueregard.assessments.charts_dashboard import state_bars_svg
from dueregard.assessments.forms_register import CumulativeImpactForm
from dueregard.assessments.models import SubjectKind
from dueregard.assessments.views_register import assessment_href
from dueregard.objectives.models import Aim, Characteristic
from dueregard.organisations.navigation import crumbs, organisation_context
from dueregard.organisations.selectors import organisation_for_member

UNIT_COLUMN_LABELS = {
    "in_progress": lambda: _("In progress"),
    "awaiting_sign_off": lambda: _("Awaiting sign-off"),
    "screened_out": lambda: _("Screened out"),
    "signed_off": lambda: _("Signed off"),
    "published": lambda: _("Published"),
    "review_due": lambda: _("Review due"),
}


def _list_href(slug: str) -> str | None:
    """The assessments list (the assessment pages), while it exists."""
    try:
        return reverse("assessments:list", args=[slug])
    except NoReverseMatch:
        return None


def _cumulative(request: HttpRequest, organisation: Any) -> dict[str, Any]:
    """The form choosing a set of assessments, and what it shows once some are chosen. The assessments to choose from
    are listed only once asked for (``show``), so the dashboards themselves stay light."""
    if "show" not in request.GET:
        form = CumulativeImpactForm(organisation=organisation, kinds=list(SubjectKind.choices), choices=[])
        return {"cumulative_form": form, "cumulative_rows": None, "chosen_count": 0, "choices": None}
    raw_chosen = [int(value) for value in request.GET.getlist("assessment") if value.isdigit()]
    unit_value = request.GET.get("unit", "")
    choices = selectors_dashboard.cumulative_choices(
        actor=request.user,
        organisation=organisation,
        kind=request.GET.get("kind", "") if request.GET.get("kind", "") in SubjectKind.values else "",
        unit_id=int(unit_value) if unit_value.isdigit() else None,
        search=request.GET.get("q", "")[:200],
        chosen=raw_chosen,
    )
    form = CumulativeImpactForm(
        request.GET,
        organisation=organisation,
        kinds=list(SubjectKind.choices),
        choices=choices.options,
    )
    rows: list[dict[str, Any]] | None = None
    chosen: list[int] = []
    if form.is_bound and form.is_valid() and form.cleaned_data["assessment"]:
        chosen = form.cleaned_data["assessment"]
        found = selectors.cumulative_impact(
            actor=request.user,
            organisation=organisation,
            assessment_ids=chosen,
            at_least=form.cleaned_data["at_least"] or 1,
        )
        rows = [
            {
                "characteristic": str(Characteristic(row.characteristic).label),
                "assessments": row.assessments,
                "references": row.references,
                "aims": [str(Aim(aim).label) for aim in row.aims],
            }
            for row in found
        ]
    return {"cumulative_form": form, "cumulative_rows": rows, "chosen_count": len(chosen), "choices": choices}


@login_required
@require_GET
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    day = selectors.today()
    summary = selectors_dashboard.state_summary(actor=request.user, organisation=organisation)
    overdue = selectors_dashboard.overdue_reviews(actor=request.user, organisation=organisation, day=day)
    list_href = _list_href(slug)
    sign_off_this_year, sign_off_all = selectors_dashboard.sign_off_summaries(
        actor=request.user, organisation=organisation, year=day.year
    )
    trail = [(_("Impact assessments"), list_href)] if list_href else []
    context = organisation_context(request, organisation, active="assessments")
    context.update(
        {
            "summary": summary,
            "state_chart": state_bars_svg([(label, count) for _state, label, count in summary.by_state]),
            "unit_columns": [UNIT_COLUMN_LABELS[key]() for key, _states in selectors_dashboard.UNIT_COLUMNS],
            "overdue": overdue,
            "overdue_rows": [
                (
                    assessment,
                    assessment_href(slug, assessment.pk),
                    (day - assessment.review_date).days if assessment.review_date else None,
                )
                for assessment in overdue.assessments
            ],
            "functions_overdue": selectors.functions_review_overdue(
                actor=request.user, organisation=organisation, day=day
            ).count(),
            "year": day.year,
            "completed_this_year": selectors.assessments_completed_count(
                actor=request.user, organisation=organisation, year=day.year
            ),
            "completed_last_year": selectors.assessments_completed_count(
                actor=request.user, organisation=organisation, year=day.year - 1
            ),
            "sign_off_this_year": sign_off_this_year,
            "sign_off_all": sign_off_all,
            "list_href": list_href,
            "breadcrumbs": crumbs(organisation, *trail, (_("Assessment dashboards"), None)),
            **_cumulative(request, organisation),
        }
    )
    return render(request, "assessments/dashboard/dashboard.html", context)
