from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from assessment_helpers import TODAY, move, start, to_decision, to_signed_off
from django.core.exceptions import PermissionDenied

from dueregard.assessments import selectors, services
from dueregard.assessments.models import Assessment
from dueregard.organisations.models import Unit


@pytest.fixture
def unit(demo: Any) -> Unit:
    return Unit.objects.get(organisation=demo.organisation, name="Internal Audit Service")


def test_state_counts_per_unit(demo: Any, unit: Unit) -> None:
    start(demo, title="A", unit=unit)
    move(start(demo, title="B", unit=unit), demo.users["contributor"], "withdrawn")
    to_signed_off(demo, start(demo, title="C", unit=unit))
    counts = selectors.assessment_state_counts(actor=demo.users["viewer"], organisation=demo.organisation)
    mine = {state: n for state, n in counts[unit.pk].items() if n}
    assert mine == {"screening": 1, "withdrawn": 1, "signed_off": 1}


def test_overdue_reviews_are_settled_assessments_past_their_review_date(demo: Any) -> None:
    late = to_signed_off(demo, start(demo, title="Late"))
    on_time = to_signed_off(demo, start(demo, title="On time"))
    draft = start(demo, title="Draft")
    Assessment.objects.filter(pk__in=[late.pk, draft.pk]).update(review_date=TODAY - dt.timedelta(days=1))
    overdue = selectors.assessments_review_overdue(actor=demo.users["viewer"], organisation=demo.organisation)
    assert late in overdue
    assert on_time not in overdue
    assert draft not in overdue
    # once the next version is signed off, the old one is replaced and no longer overdue
    second = services.assessment_new_version(actor=demo.users["contributor"], assessment=late, today=TODAY)
    to_signed_off(demo, second)
    overdue = selectors.assessments_review_overdue(actor=demo.users["viewer"], organisation=demo.organisation)
    assert late not in overdue


def test_marking_reviews_due(demo: Any) -> None:
    signed = to_signed_off(demo, start(demo))
    Assessment.objects.filter(pk=signed.pk).update(review_date=TODAY)
    assert services.assessments_mark_review_due(organisation=demo.organisation, today=TODAY) >= 1
    signed.refresh_from_db()
    assert signed.state == "review_due"
    with pytest.raises(PermissionDenied):
        services.assessments_mark_review_due(organisation=demo.organisation, actor=demo.users["contributor"])


def test_completed_this_year_and_time_to_sign_off(demo: Any) -> None:
    viewer = demo.users["viewer"]
    before = selectors.assessments_completed_count(actor=viewer, organisation=demo.organisation, year=TODAY.year)
    assessment = start(demo)
    Assessment.objects.filter(pk=assessment.pk).update(started_on=TODAY - dt.timedelta(days=40))
    to_signed_off(demo, assessment)
    to_decision(demo, start(demo, title="Not finished"))
    after = selectors.assessments_completed_count(actor=viewer, organisation=demo.organisation, year=TODAY.year)
    assert after == before + 1
    times = selectors.sign_off_times(actor=viewer, organisation=demo.organisation, year=TODAY.year)
    assert times.count == after
    assert times.longest_days == 40


def test_cumulative_impact_finds_characteristics_hit_by_several_assessments(demo: Any) -> None:
    first = to_decision(demo, start(demo, title="A"), negative=(("disability", "advance"), ("race", "foster")))
    second = to_decision(demo, start(demo, title="B"), negative=(("disability", "eliminate"),))
    third = to_decision(demo, start(demo, title="C"))
    ids = [first.pk, second.pk, third.pk]
    rows = selectors.cumulative_impact(actor=demo.users["viewer"], organisation=demo.organisation, assessment_ids=ids)
    assert [(row.characteristic, row.assessments) for row in rows] == [("disability", 2), ("race", 1)]
    assert rows[0].aims == ["eliminate", "advance"]
    assert rows[0].references == sorted([f"{first.reference} v1", f"{second.reference} v1"])
    several = selectors.cumulative_impact(
        actor=demo.users["viewer"], organisation=demo.organisation, assessment_ids=ids, at_least=2
    )
    assert [row.characteristic for row in several] == ["disability"]


def test_cumulative_impact_ignores_another_organisations_assessments(demo: Any) -> None:
    first = to_decision(demo, start(demo), negative=(("age", "advance"),))
    rows = selectors.cumulative_impact(actor=demo.users["outsider"], organisation=demo.other, assessment_ids=[first.pk])
    assert rows == []


def test_the_public_sees_the_latest_published_version_only(demo: Any) -> None:
    lead = demo.users["equality_lead"]
    first = move(to_signed_off(demo, start(demo, title="Published one")), lead, "published")
    second = services.assessment_new_version(actor=demo.users["contributor"], assessment=first, today=TODAY)
    to_signed_off(demo, second)
    public = selectors.assessments_published(organisation=demo.organisation)
    assert first in public  # replaced, but still the latest published
    assert second not in public
    move(second, lead, "published")
    public = selectors.assessments_published(organisation=demo.organisation)
    assert second in public
    assert first not in public


def test_the_public_register_lists_relevant_functions_with_criteria(demo: Any) -> None:
    lead = demo.users["equality_lead"]
    services.function_create(
        actor=lead,
        organisation=demo.organisation,
        name="Zeta grants",
        relevance={"race": ("high", "Uptake differs by ethnic group")},
        today=TODAY,
    )
    services.function_create(
        actor=lead,
        organisation=demo.organisation,
        name="Internal stationery",
        is_relevant=False,
        exclusion_reason="No effect on the public or staff",
        today=TODAY,
    )
    register = selectors.functions_public(organisation=demo.organisation)
    names = [function.name for function in register.functions]
    assert "Zeta grants" in names
    assert "Internal stationery" not in names
    high = [function.name for function in register.functions if function.priority == "high"]
    assert names[: len(high)] == high
    assert "If there is any doubt" in register.criteria
    assert "never less often" in register.review_procedure


def test_versions_are_listed_in_order(demo: Any) -> None:
    first = to_signed_off(demo, start(demo))
    second = services.assessment_new_version(actor=demo.users["contributor"], assessment=first, today=TODAY)
    versions = selectors.assessment_versions(actor=demo.users["viewer"], assessment=second)
    assert [a.version for a in versions] == [1, 2]


def test_the_demo_has_a_register_and_an_assessment_in_every_state(demo: Any) -> None:
    from dueregard.assessments.workflow import State

    counts = selectors.assessment_state_counts(actor=demo.users["viewer"], organisation=demo.organisation)
    totals = {state.value: sum(by_unit[state.value] for by_unit in counts.values()) for state in State}
    assert all(totals.values()), totals
    register = selectors.functions_for_member(actor=demo.users["viewer"], organisation=demo.organisation)
    assert register.count() == 9
    assert register.filter(is_relevant=False).count() == 1
    child = Assessment.objects.get(organisation=demo.organisation, title="Flexible working in Human Resources")
    assert child.parent_assessment.title == "Flexible working policy"
    assert services.lenses_for(demo.other) == ["socio_economic"]
