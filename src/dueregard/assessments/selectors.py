"""Reads of the functions register and impact assessments, scoped to the organisation and to what the person may
see. Counts are computed by the database (one grouped query each), so they stay quick with thousands of
assessments in one organisation."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.http import Http404
from django.utils import timezone

from dueregard.assessments.models import (
    DEFAULT_REGISTER_CRITERIA,
    DEFAULT_REVIEW_PROCEDURE,
    Assessment,
    AssessmentSettings,
    Function,
    Impact,
    ImpactCell,
)
from dueregard.assessments.services import CONTENT_FIELDS, lenses_for
from dueregard.assessments.workflow import AWAITING_REVIEW, COMPLETED, State
from dueregard.objectives.models import Aim, Characteristic
from dueregard.organisations.models import Organisation
from dueregard.organisations.roles import Permission, require_permission


def today() -> dt.date:
    return timezone.localdate()


# --- functions register ----------------------------------------------------------------------------------------


def functions_for_member(*, actor: Any, organisation: Organisation) -> QuerySet[Function]:
    require_permission(actor, organisation, Permission.ASSESSMENT_VIEW)
    return Function.objects.filter(organisation=organisation).select_related("unit").prefetch_related("relevances")


def function_for_member(*, actor: Any, organisation: Organisation, function_id: int) -> Function:
    function = functions_for_member(actor=actor, organisation=organisation).filter(pk=function_id).first()
    if function is None:
        raise Http404
    return function


def functions_review_overdue(
    *, actor: Any, organisation: Organisation, day: dt.date | None = None
) -> QuerySet[Function]:
    return functions_for_member(actor=actor, organisation=organisation).filter(next_review_date__lt=day or today())


@dataclass
class PublicRegister:
    functions: list[Function]  # the relevant functions, highest priority first
    criteria: str  # how relevance was decided (seed 001 §5.20)
    review_procedure: str


def functions_public(*, organisation: Organisation) -> PublicRegister:
    """What the public may read: the relevant functions, the criteria used and the review procedure."""
    settings_row = AssessmentSettings.objects.filter(organisation=organisation).first()
    order = {"high": 0, "medium": 1, "low": 2}
    functions = sorted(
        Function.objects.filter(organisation=organisation, is_relevant=True)
        .select_related("unit")
        .prefetch_related("relevances"),
        key=lambda function: (order.get(function.priority, 3), function.name.lower()),
    )
    return PublicRegister(
        functions=functions,
        criteria=settings_row.register_criteria if settings_row else DEFAULT_REGISTER_CRITERIA,
        review_procedure=settings_row.register_review_procedure if settings_row else DEFAULT_REVIEW_PROCEDURE,
    )


def lenses_of(*, actor: Any, organisation: Organisation) -> list[str]:
    require_permission(actor, organisation, Permission.ASSESSMENT_VIEW)
    return lenses_for(organisation)


# --- assessments -----------------------------------------------------------------------------------------------


def assessments_for_member(*, actor: Any, organisation: Organisation) -> QuerySet[Assessment]:
    require_permission(actor, organisation, Permission.ASSESSMENT_VIEW)
    return Assessment.objects.filter(organisation=organisation).select_related("unit", "author", "function")


def assessment_for_member(*, actor: Any, organisation: Organisation, assessment_id: int) -> Assessment:
    assessment = assessments_for_member(actor=actor, organisation=organisation).filter(pk=assessment_id).first()
    if assessment is None:
        raise Http404
    return assessment


def assessment_versions(*, actor: Any, assessment: Assessment) -> QuerySet[Assessment]:
    """Every version of one assessment, oldest first."""
    require_permission(actor, assessment.organisation, Permission.ASSESSMENT_VIEW)
    return Assessment.objects.filter(organisation=assessment.organisation, reference=assessment.reference).order_by(
        "version"
    )


def assessment_children(*, actor: Any, assessment: Assessment) -> QuerySet[Assessment]:
    """Assessments that build on this one (a constituent part's), that the person may see."""
    require_permission(actor, assessment.organisation, Permission.ASSESSMENT_VIEW)
    return Assessment.objects.filter(parent_assessment=assessment, organisation__memberships__user=actor).distinct()


def assessment_state_counts(*, actor: Any, organisation: Organisation) -> dict[int | None, dict[str, int]]:
    """For each unit (None: no unit), how many assessments are in each state. One grouped query."""
    require_permission(actor, organisation, Permission.ASSESSMENT_VIEW)
    counts: dict[int | None, dict[str, int]] = defaultdict(lambda: {state.value: 0 for state in State})
    rows = (
        Assessment.objects.filter(organisation=organisation)
        .values("unit_id", "state")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        counts[row["unit_id"]][row["state"]] = row["n"]
    return dict(counts)


def assessments_review_overdue(
    *, actor: Any, organisation: Organisation, day: dt.date | None = None
) -> QuerySet[Assessment]:
    """Settled assessments whose review date has passed and that no later version has replaced (seed 003
    recommendation 5: "ensure that EIAs are reviewed when they say they will be")."""
    return (
        assessments_for_member(actor=actor, organisation=organisation)
        .filter(state__in=[s.value for s in AWAITING_REVIEW], review_date__lt=day or today())
        .order_by("review_date")
    )


def assessments_completed_count(*, actor: Any, organisation: Organisation, year: int) -> int:
    """Assessments signed off (or screened out and signed off) in a calendar year (seed 004: "how many are
    completed"). Each version signed off counts once."""
    require_permission(actor, organisation, Permission.ASSESSMENT_VIEW)
    return Assessment.objects.filter(
        organisation=organisation, state__in=[s.value for s in COMPLETED], signed_off_at__year=year
    ).count()


@dataclass(frozen=True)
class SignOffTimes:
    count: int
    median_days: float | None
    mean_days: float | None
    longest_days: int | None


def sign_off_times(*, actor: Any, organisation: Organisation, year: int | None = None) -> SignOffTimes:
    """Days from starting an assessment (or version) to its sign-off."""
    require_permission(actor, organisation, Permission.ASSESSMENT_VIEW)
    queryset = Assessment.objects.filter(organisation=organisation, signed_off_at__isnull=False)
    if year is not None:
        queryset = queryset.filter(signed_off_at__year=year)
    days = [
        (timezone.localtime(signed).date() - started).days
        for started, signed in queryset.values_list("started_on", "signed_off_at")
    ]
    if not days:
        return SignOffTimes(count=0, median_days=None, mean_days=None, longest_days=None)
    return SignOffTimes(
        count=len(days),
        median_days=float(statistics.median(days)),
        mean_days=round(statistics.fmean(days), 1),
        longest_days=max(days),
    )


@dataclass(frozen=True)
class CumulativeImpact:
    characteristic: str
    assessments: int  # how many of the chosen assessments carry a negative impact on it
    references: list[str]
    aims: list[str]


def cumulative_impact(
    *, actor: Any, organisation: Organisation, assessment_ids: list[int], at_least: int = 1
) -> list[CumulativeImpact]:
    """Which characteristics carry negative impacts across the chosen assessments, most affected first: the
    cumulative effect of several decisions on the same group. ``at_least=2`` keeps those hit by several."""
    require_permission(actor, organisation, Permission.ASSESSMENT_VIEW)
    cells = ImpactCell.objects.filter(
        assessment__organisation=organisation, assessment_id__in=assessment_ids, impact=Impact.NEGATIVE
    ).values_list("characteristic", "aim", "assessment__reference", "assessment__version")
    by_characteristic: dict[str, dict[str, Any]] = defaultdict(lambda: {"refs": set(), "aims": set()})
    for characteristic, aim, reference, version in cells:
        by_characteristic[characteristic]["refs"].add(f"{reference} v{version}")
        by_characteristic[characteristic]["aims"].add(aim)
    rows = [
        CumulativeImpact(
            characteristic=characteristic,
            assessments=len(data["refs"]),
            references=sorted(data["refs"]),
            aims=[aim for aim in Aim.values if aim in data["aims"]],
        )
        for characteristic, data in by_characteristic.items()
        if len(data["refs"]) >= at_least
    ]
    order = {value: index for index, value in enumerate(Characteristic.values)}
    return sorted(rows, key=lambda row: (-row.assessments, order[row.characteristic]))


@dataclass(frozen=True)
class Difference:
    field: str  # a field name, "impact:<characteristic>:<aim>", "evidence" or "engagement"
    label: str
    before: Any
    after: Any


def _impact_map(assessment: Assessment) -> dict[tuple[str, str], tuple[str, str]]:
    return {(c.characteristic, c.aim): (c.impact, c.reason) for c in assessment.impacts.all()}


def version_comparison(*, actor: Any, first: Assessment, second: Assessment) -> list[Difference]:
    """Field-by-field differences between two versions of one assessment, for a side-by-side view."""
    require_permission(actor, first.organisation, Permission.ASSESSMENT_VIEW)
    if first.organisation_id != second.organisation_id or first.reference != second.reference:
        raise Http404
    differences: list[Difference] = []
    fields = {field.name: field for field in Assessment._meta.concrete_fields}
    for name in (*CONTENT_FIELDS, "decision_maker", "decision_paper_url", "decision_date", "review_date"):
        field = fields[name]
        before, after = getattr(first, field.attname), getattr(second, field.attname)
        if before != after:
            differences.append(Difference(name, str(field.verbose_name), before, after))
    cells_first, cells_second = _impact_map(first), _impact_map(second)
    for key in sorted(set(cells_first) | set(cells_second)):
        if cells_first.get(key) != cells_second.get(key):
            characteristic, aim = key
            differences.append(
                Difference(
                    f"impact:{characteristic}:{aim}",
                    f"{Characteristic(characteristic).label} – {Aim(aim).label}",
                    cells_first.get(key),
                    cells_second.get(key),
                )
            )
    for name, related in (("evidence", "evidence_items"), ("engagement", "engagements")):
        titles_first = sorted(str(item) for item in getattr(first, related).all())
        titles_second = sorted(str(item) for item in getattr(second, related).all())
        if titles_first != titles_second:
            differences.append(Difference(name, name, titles_first, titles_second))
    return differences


def assessments_published(*, organisation: Organisation) -> QuerySet[Assessment]:
    """What the public may read: for each reference, its latest published version (a version replaced by a later
    one stays public until that one is published)."""
    published = Assessment.objects.filter(
        organisation=organisation,
        published_at__isnull=False,
        state__in=[State.PUBLISHED, State.REVIEW_DUE, State.SUPERSEDED],
    )
    later = published.filter(reference=OuterRef("reference"), version__gt=OuterRef("version"))
    return published.filter(~Exists(later)).select_related("unit", "function").order_by("-published_at")
