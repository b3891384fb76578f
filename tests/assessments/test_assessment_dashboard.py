"""The assessment dashboards on the demo: by state and by unit, reviews overdue, completed this year, time to
sign-off, the cumulative impact of a chosen set; and that the number of queries does not grow with the assessments."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dueregard.assessments import services
from dueregard.assessments.models import Assessment
from dueregard.assessments.selectors_dashboard import cumulative_choices, sign_off_summaries, state_summary

TODAY = timezone.localdate()
DASHBOARD = "/o/demo/assessments/dashboard/"


def _assessment(demo: Any, title: str, version: int = 1) -> Assessment:
    return Assessment.objects.get(organisation=demo.organisation, title=title, version=version)


def _cells(html: str, heading: str) -> list[str]:
    """The cells of the table row whose header is ``heading``."""
    match = re.search(rf'<th scope="row" class="govuk-table__header">{re.escape(heading)}</th>(.*?)</tr>', html, re.S)
    assert match is not None, heading
    return re.findall(r"<td[^>]*>(.*?)</td>", match.group(1), re.S)


@pytest.fixture
def viewer(demo: Any, client: Client) -> Client:
    client.force_login(demo.users["viewer"])
    return client


def test_assessments_by_state(demo: Any, viewer: Client) -> None:
    html = viewer.get(DASHBOARD).content.decode()
    assert "(15 in all; the data shown in the chart above)" in html
    chart = html[html.index('<svg class="app-rag-chart app-state-chart"') : html.index("</svg>")]
    assert 'aria-hidden="true"' in chart
    assert chart.count("<rect ") == 12  # a bar per state, even those at 0 (width 0)
    assert ">Published</text>" in chart
    expected = {
        "Screening": "2",
        "Screened out": "1",
        "Full assessment": "1",
        "Engagement": "1",
        "Decision": "1",
        "Awaiting sign-off": "1",
        "Signed off": "1",
        "Published": "3",
        "Review due": "1",
        "Under review": "1",
        "Withdrawn": "1",
        "Replaced by a later version": "1",
    }
    for label, count in expected.items():
        assert _cells(html, label) == [count], label


def test_current_assessments_by_unit(demo: Any, viewer: Client) -> None:
    html = viewer.get(DASHBOARD).content.decode()
    assert "(13 in all)" in html  # without the withdrawn one and the replaced version
    # columns: in progress, awaiting sign-off, screened out, signed off, published, review due, total
    assert _cells(html, "Business Support") == ["0", "0", "1", "0", "0", "0", "1"]
    assert _cells(html, "Finance and Estates") == ["1", "0", "0", "0", "0", "0", "1"]
    assert _cells(html, "Human Resources") == ["1", "0", "0", "0", "0", "0", "1"]
    assert _cells(html, "No unit") == ["4", "1", "0", "1", "3", "1", "10"]
    assert _cells(html, "All units") == ["6", "1", "1", "1", "3", "1", "13"]


def test_reviews_overdue_are_listed_longest_first_with_links(demo: Any, viewer: Client) -> None:
    html = viewer.get(DASHBOARD).content.decode()
    assert "No review is overdue." in html
    flexible = _assessment(demo, "Flexible working policy")
    honours = _assessment(demo, "Honours nominations process")
    Assessment.objects.filter(pk=flexible.pk).update(review_date=TODAY - dt.timedelta(days=3))
    Assessment.objects.filter(pk=honours.pk).update(review_date=TODAY - dt.timedelta(days=40))
    # the replaced first version of the refurbishment is never overdue: a later version replaced it
    Assessment.objects.filter(title="Refurbishment of 70 Whitehall", version=1).update(review_date=TODAY)
    html = viewer.get(DASHBOARD).content.decode()
    assert "2 assessments past their review date" in html
    rows = re.findall(
        r"(EIA-\d{4}-\d{4} v\d): ([^<]+)</a>?.*?<td class=\"govuk-table__cell govuk-table__cell--numeric\">(\d+)</td>",
        html,
        re.S,
    )
    overdue = [(reference, title, days) for reference, title, days in rows if title in {flexible.title, honours.title}]
    assert [(title, days) for _reference, title, days in overdue] == [
        ("Honours nominations process", "40"),
        ("Flexible working policy", "3"),
    ]


def test_overdue_links_go_to_the_assessment_page_once_it_exists(demo: Any, viewer: Client) -> None:
    from django.urls import NoReverseMatch, reverse

    honours = _assessment(demo, "Honours nominations process")
    Assessment.objects.filter(pk=honours.pk).update(review_date=TODAY - dt.timedelta(days=1))
    html = viewer.get(DASHBOARD).content.decode()
    try:
        href = reverse("assessments:detail", kwargs={"slug": "demo", "assessment_id": honours.pk})
    except NoReverseMatch:
        assert "Honours nominations process</th>" in html  # plain text until the assessment pages land
    else:
        assert f'href="{href}"' in html


def test_completed_this_year_and_last(demo: Any, viewer: Client) -> None:
    html = viewer.get(DASHBOARD).content.decode()
    # screened out, signed off, three published, review due and the replaced version: each signed off once
    assert re.search(rf"Completed in {TODAY.year}</h2>\s*<p[^>]*><span[^>]*>7</span>", html)
    assert f"0 in {TODAY.year - 1}." in html


def test_time_from_start_to_sign_off(demo: Any, viewer: Client) -> None:
    signed = Assessment.objects.filter(organisation=demo.organisation, signed_off_at__isnull=False).order_by("pk")
    days = [5, 10, 20, 30, 40, 60, 90]
    for assessment, ago in zip(signed, days, strict=True):
        started = timezone.localtime(assessment.signed_off_at).date() - dt.timedelta(days=ago)
        Assessment.objects.filter(pk=assessment.pk).update(started_on=started)
    this_year, ever = sign_off_summaries(actor=demo.users["viewer"], organisation=demo.organisation, year=TODAY.year)
    assert (ever.count, ever.median_days, ever.shortest_days, ever.longest_days) == (7, 30.0, 5, 90)
    assert this_year == ever
    _last_year, _ever = sign_off_summaries(actor=demo.users["viewer"], organisation=demo.organisation, year=2000)
    assert _last_year.count == 0
    html = viewer.get(DASHBOARD).content.decode()
    assert _cells(html, f"In {TODAY.year}") == ["7", "30", "5", "90"]
    assert _cells(html, "Ever") == ["7", "30", "5", "90"]


def _negative(demo: Any, title: str, cells: list[tuple[str, str]]) -> Assessment:
    assessment = _assessment(demo, title)
    for characteristic, aim in cells:
        services.impact_cell_set(
            actor=demo.users["contributor"],
            assessment=assessment,
            characteristic=characteristic,
            aim=aim,
            impact="negative",
            reason="Fewer services within reach.",
        )
    return assessment


def test_cumulative_impact_across_a_chosen_set(demo: Any, viewer: Client) -> None:
    relocation = _assessment(demo, "Office relocation")  # the demo's negative impact: disability, aim (b)
    hybrid = _negative(demo, "Hybrid meeting rooms", [("disability", "eliminate"), ("age", "advance")])
    web = _negative(demo, "Web accessibility standards", [("disability", "foster"), ("sex", "advance")])
    query = f"?show=1&assessment={relocation.pk}&assessment={hybrid.pk}&assessment={web.pk}"
    html = viewer.get(DASHBOARD + query).content.decode()
    assert "across the 3 assessments chosen" in html
    assert _cells(html, "Disability")[0] == "3"
    assert _cells(html, "Age")[0] == "1"
    assert _cells(html, "Sex")[0] == "1"
    references = _cells(html, "Disability")[1]
    assert references == ", ".join(sorted(f"{a.reference} v1" for a in (relocation, hybrid, web)))
    several = viewer.get(DASHBOARD + query + "&at_least=2").content.decode()
    assert _cells(several, "Disability")[0] == "3"
    assert '<th scope="row" class="govuk-table__header">Age</th>' not in several
    # the chosen ones stay ticked
    for assessment in (relocation, hybrid, web):
        assert re.search(rf'value="{assessment.pk}"[^>]*checked', several)


def test_a_set_without_negative_impacts(demo: Any, viewer: Client) -> None:
    flexible = _assessment(demo, "Flexible working policy")
    html = viewer.get(f"{DASHBOARD}?show=1&assessment={flexible.pk}").content.decode()
    assert "None of the protected characteristics carries a negative impact" in html


def test_the_choice_of_assessments_leaves_out_withdrawn_and_replaced_and_can_be_narrowed(demo: Any) -> None:
    lead = demo.users["equality_lead"]
    choices = cumulative_choices(actor=lead, organisation=demo.organisation)
    assert choices.total == 13
    labels = [label for _pk, label in choices.options]
    assert not any("Car parking charges" in label for label in labels)
    assert sum("Refurbishment of 70 Whitehall" in label for label in labels) == 1
    projects = cumulative_choices(actor=lead, organisation=demo.organisation, kind="project")
    assert [label.split(": ", 1)[1] for _pk, label in projects.options] == ["Office relocation"]
    flexible = _assessment(demo, "Flexible working policy")
    kept = cumulative_choices(actor=lead, organisation=demo.organisation, kind="project", chosen=[flexible.pk])
    assert {pk for pk, _label in kept.options} == {flexible.pk, _assessment(demo, "Office relocation").pk}


def test_another_organisations_assessment_cannot_be_chosen(demo: Any, viewer: Client) -> None:
    theirs = Assessment.objects.filter(organisation=demo.other).first()
    assert theirs is not None
    html = viewer.get(f"{DASHBOARD}?show=1&assessment={theirs.pk}").content.decode()
    assert "Select a valid choice" in html


def test_another_organisations_member_gets_404_and_anonymous_is_sent_to_sign_in(demo: Any, client: Client) -> None:
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/sign-in/")
    client.force_login(demo.users["outsider"])
    assert client.get(DASHBOARD).status_code == 404


def _add_assessments(demo: Any, count: int) -> None:
    author = demo.users["contributor"]
    base = Assessment.objects.filter(organisation=demo.organisation).count()
    Assessment.objects.bulk_create(
        Assessment(
            organisation=demo.organisation,
            reference=f"EIA-BULK-{base + n:05d}",
            title=f"Bulk assessment {n}",
            author=author,
            started_on=TODAY - dt.timedelta(days=30),
            state="published" if n % 2 else "screening",
            signed_off_at=timezone.now() if n % 2 else None,
            signed_off_by=demo.users["approver"] if n % 2 else None,
            review_date=TODAY - dt.timedelta(days=n + 1),
        )
        for n in range(count)
    )


def test_the_number_of_queries_does_not_grow_with_the_assessments(demo: Any, viewer: Client) -> None:
    viewer.get(DASHBOARD)  # warm up: sessions, roles
    with CaptureQueriesContext(connection) as before:
        assert viewer.get(DASHBOARD).status_code == 200
    _add_assessments(demo, 120)
    with CaptureQueriesContext(connection) as after:
        response = viewer.get(DASHBOARD)
    assert response.status_code == 200
    assert "The 50 longest overdue of 60 assessments past their review date" in response.content.decode()
    assert len(after.captured_queries) == len(before.captured_queries)


def test_the_register_list_queries_do_not_grow_with_the_functions(demo: Any, viewer: Client) -> None:
    viewer.get("/o/demo/functions/")
    with CaptureQueriesContext(connection) as before:
        viewer.get("/o/demo/functions/")
    lead = demo.users["equality_lead"]
    for n in range(30):
        services.function_create(
            actor=lead,
            organisation=demo.organisation,
            name=f"Function {n}",
            relevance={"age": ("low", "Some older users"), "race": ("medium", "Language needs")},
        )
    with CaptureQueriesContext(connection) as after:
        viewer.get("/o/demo/functions/")
    assert len(after.captured_queries) == len(before.captured_queries)


def test_state_summary_is_two_queries(demo: Any) -> None:
    lead = demo.users["equality_lead"]
    state_summary(actor=lead, organisation=demo.organisation)  # roles cached on the user
    with CaptureQueriesContext(connection) as queries:
        state_summary(actor=lead, organisation=demo.organisation)
    assert len(queries.captured_queries) == 2


def test_the_dashboards_in_welsh(demo: Any, viewer: Client) -> None:
    response = viewer.get("/cy" + DASHBOARD + "?show=1")
    assert response.status_code == 200
    assert 'lang="cy"' in response.content.decode()
