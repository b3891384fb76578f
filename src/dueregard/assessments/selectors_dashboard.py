"""Reads for the assessment dashboards: counts by state and unit, overdue reviews, completions, time to sign-off and
the choice of assessments for the cumulative impact. Each is a fixed number of queries whatever the number of
assessments (5,000 in one organisation render in well under 300 ms: docs/performance.md)."""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone

from dueregard.assessments.models import Assessment, AssessmentState
from dueregard.assessments.selectors import assessment_state_counts, assessments_review_overdue, today
from dueregard.assessments.workflow import State
from dueregard.organisations.models import Organisation, Unit
from dueregard.organisations.roles import Permission, require_permission

# Columns of the table by unit: the states people act on, with the work in progress taken together.
IN_PROGRESS = (State.SCREENING, State.FULL_ASSESSMENT, State.ENGAGEMENT, State.DECISION, State.UNDER_REVIEW)
UNIT_COLUMNS: list[tuple[str, tuple[State, ...]]] = [
    ("in_progress", IN_PROGRESS),
    ("awaiting_sign_off", (State.AWAITING_SIGN_OFF,)),
    ("screened_out", (State.SCREENED_OUT,)),
    ("signed_off", (State.SIGNED_OFF,)),
    ("published", (State.PUBLISHED,)),
    ("review_due", (State.REVIEW_DUE,)),
]
CURRENT = tuple(state for _key, states in UNIT_COLUMNS for state in states)  # not withdrawn, not replaced


@dataclass(frozen=True)
class UnitLine:
    unit_id: int | None
    name: str  # "" for assessments without a unit
    counts: list[int]  # in the order of UNIT_COLUMNS
    total: int


@dataclass(frozen=True)
class StateSummary:
    by_state: list[tuple[str, str, int]]  # (state, label, count), every state in the order of the lifecycle
    by_unit: list[UnitLine]  # units with any current assessment, by name; no unit last
    column_totals: list[int]
    total_current: int
    total: int


def state_summary(*, actor: Any, organisation: Organisation) -> StateSummary:
    """Assessments (every version) by state, and the current ones by unit. Two queries."""
    counts = assessment_state_counts(actor=actor, organisation=organisation)
    names = dict(Unit.objects.filter(organisation=organisation).values_list("id", "name"))
    by_state = [
        (state.value, str(label), sum(unit_counts.get(state.value, 0) for unit_counts in counts.values()))
        for state, label in ((State(value), label) for value, label in AssessmentState.choices)
    ]
    lines = []
    for unit_id, unit_counts in counts.items():
        row = [sum(unit_counts.get(state.value, 0) for state in states) for _key, states in UNIT_COLUMNS]
        if sum(row):
            lines.append(UnitLine(unit_id, names.get(unit_id, "") if unit_id else "", row, sum(row)))
    lines.sort(key=lambda line: (line.unit_id is None, line.name.lower()))
    column_totals = [sum(line.counts[index] for line in lines) for index in range(len(UNIT_COLUMNS))]
    return StateSummary(
        by_state=by_state,
        by_unit=lines,
        column_totals=column_totals,
        total_current=sum(column_totals),
        total=sum(count for _state, _label, count in by_state),
    )


@dataclass(frozen=True)
class OverdueReviews:
    assessments: list[Assessment]  # the longest overdue first
    total: int
    day: dt.date


def overdue_reviews(
    *, actor: Any, organisation: Organisation, limit: int = 50, day: dt.date | None = None
) -> OverdueReviews:
    day = day or today()
    queryset = assessments_review_overdue(actor=actor, organisation=organisation, day=day)
    return OverdueReviews(assessments=list(queryset[:limit]), total=queryset.count(), day=day)


@dataclass(frozen=True)
class SignOffSummary:
    count: int
    median_days: float | None
    shortest_days: int | None
    longest_days: int | None


def _summary(days: list[int]) -> SignOffSummary:
    if not days:
        return SignOffSummary(count=0, median_days=None, shortest_days=None, longest_days=None)
    return SignOffSummary(
        count=len(days), median_days=float(statistics.median(days)), shortest_days=min(days), longest_days=max(days)
    )


def sign_off_summaries(*, actor: Any, organisation: Organisation, year: int) -> tuple[SignOffSummary, SignOffSummary]:
    """Days from starting an assessment (or a new version) to its sign-off, the median and the range: for those signed
    off in ``year``, and for all. One query. (``astimezone`` rather than ``timezone.localtime`` or the database's
    ``TruncDate``: each of those cost twice as much over 5,000 rows on SQLite.)"""
    require_permission(actor, organisation, Permission.ASSESSMENT_VIEW)
    zone = timezone.get_current_timezone()
    rows = (
        Assessment.objects.filter(organisation=organisation, signed_off_at__isnull=False)
        .values_list("started_on", "signed_off_at")
        .order_by()
    )
    every: list[int] = []
    in_year: list[int] = []
    for started, signed_at in rows:
        if signed_at is None:  # not after the filter; for the type checker
            continue
        signed = signed_at.astimezone(zone).date()
        days = (signed - started).days
        every.append(days)
        if signed.year == year:
            in_year.append(days)
    return _summary(in_year), _summary(every)


@dataclass(frozen=True)
class Choices:
    options: list[tuple[int, str]]  # (assessment id, "reference vN: title")
    total: int  # how many match, of which at most ``limit`` are offered
    limit: int


def cumulative_choices(
    *,
    actor: Any,
    organisation: Organisation,
    kind: str = "",
    unit_id: int | None = None,
    search: str = "",
    chosen: list[int] | None = None,
    limit: int = 100,
) -> Choices:
    """Assessments that can be put in a set for the cumulative impact: the current ones (not withdrawn, not replaced
    by a later version), narrowed by what is assessed, the unit and words in the title. Those already chosen are
    always offered, so narrowing the list never drops them from the set."""
    require_permission(actor, organisation, Permission.ASSESSMENT_VIEW)
    queryset = Assessment.objects.filter(organisation=organisation, state__in=[state.value for state in CURRENT])
    if kind:
        queryset = queryset.filter(subject_kind=kind)
    if unit_id is not None:
        queryset = queryset.filter(unit_id=unit_id)
    for word in search.split():
        queryset = queryset.filter(title__icontains=word)
    chosen = chosen or []
    fields = ("id", "reference", "version", "title")
    offered = list(queryset.order_by("-reference", "-version").values_list(*fields)[:limit])
    missing = set(chosen) - {row[0] for row in offered}
    if missing:
        extra = Assessment.objects.filter(Q(organisation=organisation) & Q(pk__in=missing)).values_list(*fields)
        offered = list(extra) + offered
    return Choices(
        options=[(pk, f"{reference} v{version}: {title}") for pk, reference, version, title in offered],
        total=queryset.count(),
        limit=limit,
    )
