"""Reads for the functions register pages: the filtered, paged list and one function's relevance table. Scoped to the
organisation through ``selectors.functions_for_member`` (which checks the person may see assessments)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When

from dueregard.assessments.models import (
    DEFAULT_REGISTER_CRITERIA,
    DEFAULT_REVIEW_PROCEDURE,
    Assessment,
    AssessmentSettings,
    CharacteristicRelevance,
    Function,
)
from dueregard.assessments.selectors import assessments_for_member, functions_for_member, today
from dueregard.objectives.models import Characteristic
from dueregard.organisations.models import Organisation
from dueregard.organisations.roles import Permission, require_permission


@dataclass(frozen=True)
class FunctionFilters:
    search: str = ""
    unit_id: int | None = None
    included: str = ""  # "yes", "no" or "" for both
    characteristic: str = ""
    relevance: str = ""
    priority: str = ""
    overdue_only: bool = False


@dataclass
class FunctionPage:
    functions: Sequence[Function]
    total: int  # matching the filters, over every page
    overdue_ids: set[int]


def _filtered(queryset: QuerySet[Function], filters: FunctionFilters, day: dt.date) -> QuerySet[Function]:
    if filters.search:
        for word in filters.search.split():
            queryset = queryset.filter(Q(name__icontains=word) | Q(description__icontains=word))
    if filters.unit_id is not None:
        queryset = queryset.filter(unit_id=filters.unit_id)
    if filters.included:
        queryset = queryset.filter(is_relevant=filters.included == "yes")
    if filters.priority:
        queryset = queryset.filter(priority=filters.priority)
    if filters.overdue_only:
        queryset = queryset.filter(next_review_date__lt=day)
    if filters.characteristic or filters.relevance:
        rated = CharacteristicRelevance.objects.filter(function=OuterRef("pk"))
        if filters.characteristic:
            rated = rated.filter(characteristic=filters.characteristic)
        if filters.relevance:
            rated = rated.filter(relevance=filters.relevance)
        queryset = queryset.filter(Exists(rated))
    return queryset


def function_page(
    *,
    actor: Any,
    organisation: Organisation,
    filters: FunctionFilters,
    offset: int = 0,
    limit: int = 50,
    day: dt.date | None = None,
) -> FunctionPage:
    """Functions matching the filters, highest priority first then by name; one page of them."""
    day = day or today()
    queryset = _filtered(functions_for_member(actor=actor, organisation=organisation), filters, day)
    rank = Case(
        When(priority="high", then=Value(0)),
        When(priority="medium", then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    total = queryset.count()
    functions = list(queryset.annotate(rank=rank).order_by("-is_relevant", "rank", "name")[offset : offset + limit])
    overdue = {function.pk for function in functions if function.next_review_date < day}
    return FunctionPage(functions=functions, total=total, overdue_ids=overdue)


@dataclass(frozen=True)
class RelevanceLine:
    characteristic: str
    label: str
    relevance: str  # "" when not rated yet
    relevance_label: str
    reason: str


def relevance_lines(function: Function) -> list[RelevanceLine]:
    """One line per protected characteristic, in the order of the Act, rated or not (uses the prefetched rows)."""
    rated = {row.characteristic: row for row in function.relevances.all()}
    lines = []
    for value, label in Characteristic.choices:
        row = rated.get(value)
        lines.append(
            RelevanceLine(
                characteristic=value,
                label=str(label),
                relevance=row.relevance if row else "",
                relevance_label=str(row.get_relevance_display()) if row else "",
                reason=row.reason if row else "",
            )
        )
    return lines


def assessments_of_function(*, actor: Any, organisation: Organisation, function: Function) -> QuerySet[Assessment]:
    """The assessments made of this function, newest reference first (every version)."""
    return assessments_for_member(actor=actor, organisation=organisation).filter(function=function)


@dataclass(frozen=True)
class RegisterTexts:
    criteria: str
    review_procedure: str


def register_texts(*, actor: Any, organisation: Organisation) -> RegisterTexts:
    """The texts published with the register (seed 001 §5.20 (i)–(ii)): the organisation's, or the defaults."""
    require_permission(actor, organisation, Permission.ASSESSMENT_VIEW)
    row = AssessmentSettings.objects.filter(organisation=organisation).first()
    if row is None:
        return RegisterTexts(DEFAULT_REGISTER_CRITERIA, DEFAULT_REVIEW_PROCEDURE)
    return RegisterTexts(row.register_criteria, row.register_review_procedure)
