"""The list, starting an assessment and its summary page, on the demo data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from assessment_page_helpers import demo_assessment, page_text, tables_text, url
from django.test import Client
from django.utils import timezone

from dueregard.assessments.models import Assessment
from dueregard.organisations.models import Unit


def test_the_list_shows_current_versions_with_their_state(demo: Any, client: Client) -> None:
    client.force_login(demo.users["viewer"])
    text = page_text(client.get("/o/demo/assessments/"))
    assert "14 assessments found." in text
    assert "Office relocation Decision" in text
    assert "Change of stationery supplier Screened out" in text
    table = tables_text(client.get("/o/demo/assessments/"))
    assert "Replaced by a later version" not in table  # superseded versions only when asked for
    assert table.count("Refurbishment of 70 Whitehall") == 1
    assert 'href="/o/demo/assessments/dashboard/"' in client.get("/o/demo/assessments/").content.decode()


def test_the_list_filters_by_state_search_unit_and_review(demo: Any, client: Client) -> None:
    client.force_login(demo.users["viewer"])
    text = page_text(client.get("/o/demo/assessments/?state=published"))
    assert "3 assessments found." in text
    assert "Honours nominations process" in text
    assert "Office relocation" not in text
    assert "1 assessment found." in page_text(client.get("/o/demo/assessments/?state=superseded"))
    text = page_text(client.get("/o/demo/assessments/?q=relocation"))
    assert "1 assessment found." in text
    assert "Office relocation" in text
    hr = Unit.objects.get(organisation=demo.organisation, name="Human Resources")
    text = page_text(client.get(f"/o/demo/assessments/?unit={hr.pk}"))
    assert "1 assessment found." in text
    assert "Flexible working in Human Resources" in text
    Assessment.objects.filter(organisation=demo.organisation, title="Honours nominations process").update(
        review_date=timezone.localdate() - dt.timedelta(days=1)
    )
    text = page_text(client.get("/o/demo/assessments/?review=overdue"))
    assert "1 assessment found." in text
    assert "Honours nominations process" in text
    assert "Overdue" in text


def test_the_list_is_paged_and_its_queries_do_not_grow_with_the_rows(
    demo: Any, client: Client, django_assert_max_num_queries: Any
) -> None:
    author = demo.users["contributor"]
    Assessment.objects.bulk_create(
        Assessment(
            organisation=demo.organisation,
            reference=f"EIA-2020-{n:04d}",
            title=f"Old policy {n}",
            author=author,
            started_on=dt.date(2020, 1, 1),
        )
        for n in range(1, 101)
    )
    client.force_login(demo.users["viewer"])
    with django_assert_max_num_queries(12):
        response = client.get("/o/demo/assessments/?q=Old+policy")
    text = page_text(response)
    assert "100 assessments found." in text
    assert text.count("Old policy") == 50
    assert 'href="?q=Old+policy&amp;page=2"' in response.content.decode()
    assert page_text(client.get("/o/demo/assessments/?q=Old+policy&page=2")).count("Old policy") == 50


def test_a_member_of_another_organisation_gets_404(demo: Any, client: Client) -> None:
    client.force_login(demo.users["outsider"])
    office = demo_assessment(demo, "Office relocation")
    assert client.get("/o/demo/assessments/").status_code == 404
    assert client.get(url(office)).status_code == 404
    assert client.get(url(office, "impacts/")).status_code == 404
    # and a demo member cannot reach the council's assessment through the demo's address
    client.force_login(demo.users["equality_lead"])
    council = Assessment.objects.get(organisation=demo.other)
    assert client.get(f"/o/demo/assessments/{council.pk}/").status_code == 404


def test_starting_an_assessment_takes_you_to_its_first_step(demo: Any, client: Client) -> None:
    client.force_login(demo.users["contributor"])
    response = client.post(
        "/o/demo/assessments/start/",
        {"title": "Library opening hours", "subject_kind": "service", "subject_status": "existing"},
    )
    created = Assessment.objects.get(organisation=demo.organisation, title="Library opening hours")
    assert response.status_code == 302
    assert response["Location"] == url(created, "purpose/")
    assert created.state == "screening"
    assert created.subject_kind == "service"
    assert created.reference == f"EIA-{timezone.localdate().year}-0014"


def test_starting_from_another_assessment_copies_it_and_keeps_the_link(demo: Any, client: Client) -> None:
    parent = demo_assessment(demo, "Flexible working policy")
    client.force_login(demo.users["contributor"])
    form = page_text(client.get(f"/o/demo/assessments/start/?from={parent.pk}"))
    assert "Build on another assessment (optional)" in form
    response = client.post(
        "/o/demo/assessments/start/",
        {
            "title": "Flexible working in Finance",
            "subject_kind": "policy",
            "subject_status": "new",
            "parent_reference": parent.reference,
        },
    )
    assert response.status_code == 302
    child = Assessment.objects.get(title="Flexible working in Finance")
    assert child.parent_assessment == parent
    assert child.impacts.count() == 25
    text = page_text(client.get(url(child)))
    assert f"Builds on: {parent.reference} v1: Flexible working policy" in text
    parent_text = page_text(client.get(url(parent)))
    assert "Flexible working in Finance" in parent_text
    assert "Flexible working in Human Resources" in parent_text


def test_an_unknown_parent_reference_keeps_the_form(demo: Any, client: Client) -> None:
    client.force_login(demo.users["contributor"])
    response = client.post(
        "/o/demo/assessments/start/",
        {"title": "Car club", "subject_kind": "policy", "subject_status": "new", "parent_reference": "EIA-1999-0001"},
    )
    text = page_text(response)
    assert response.status_code == 200
    assert "No signed-off or published assessment EIA-1999-0001 was found" in text
    assert 'value="Car club"' in response.content.decode()
    assert not Assessment.objects.filter(title="Car club").exists()


def test_viewers_cannot_start_an_assessment(demo: Any, client: Client) -> None:
    client.force_login(demo.users["viewer"])
    assert client.get("/o/demo/assessments/start/").status_code == 403
    assert client.post("/o/demo/assessments/start/", {"title": "X"}).status_code == 403


def test_the_summary_says_what_is_missing_before_each_move(demo: Any, client: Client) -> None:
    office = demo_assessment(demo, "Office relocation")
    client.force_login(demo.users["contributor"])
    text = page_text(client.get(url(office)))
    assert f"{office.reference} · version 1 Office relocation Decision" in text
    assert (
        "Send for sign-off Still missing before this step: Choose the outcome of the assessment. Go to the step" in text
    )
    assert "Set the date when this assessment will be reviewed." in text
    assert "Name the decision-maker." in text
    assert "Back to engagement (a second round of consultation)" in text
    assert "Evidence and data gaps Started" in text
    assert "Outcome, decision and review Needs attention" in text
    assert "Action plan Not started" in text
    assert "Disability Neutral Negative The new building has step-free access to only two floors. Neutral" in text
    assert "Marriage and civil partnership Neutral Does not apply Does not apply" in text
    assert "Version 1 (this one) Decision" in text


def test_a_viewer_reads_the_summary_without_the_moves(demo: Any, client: Client) -> None:
    office = demo_assessment(demo, "Office relocation")
    client.force_login(demo.users["viewer"])
    text = page_text(client.get(url(office)))
    assert "There is nothing for you to do at this stage." in text
    assert "Send for sign-off" not in text
    assert "Lifts to every floor before the move" in text


def test_the_pages_are_served_in_welsh_too(demo: Any, client: Client) -> None:
    office = demo_assessment(demo, "Office relocation")
    client.force_login(demo.users["contributor"])
    for path in ("/cy/o/demo/assessments/", f"/cy{url(office)}", f"/cy{url(office, 'impacts/')}"):
        response = client.get(path)
        assert response.status_code == 200
        assert '<html lang="cy"' in response.content.decode()


def test_a_constituent_part_builds_on_its_parent_organisations_published_assessment(demo: Any, client: Client) -> None:
    from dueregard.organisations.models import Membership

    honours = demo_assessment(demo, "Honours nominations process")
    council_lead = demo.users["outsider"]  # administrator and equality lead of the council
    Membership.objects.create(organisation=demo.organisation, user=council_lead, role="viewer")
    client.force_login(council_lead)
    response = client.post(
        f"/o/{demo.other.slug}/assessments/start/",
        {
            "title": "Honours nominations in the council",
            "subject_kind": "policy",
            "subject_status": "new",
            "parent_reference": honours.reference.lower(),
        },
    )
    assert response.status_code == 302
    child = Assessment.objects.get(organisation=demo.other, title="Honours nominations in the council")
    assert child.parent_assessment == honours
    text = page_text(client.get(url(child)))
    assert f"Builds on: Demo Government Department, {honours.reference} v1: Honours nominations process" in text
    parent_text = page_text(client.get(url(honours)))
    assert f"{demo.other.name}: {child.reference} v1: Honours nominations in the council (screening)" in parent_text
    # the demo's own people do not belong to the council, so they do not see its assessment
    client.force_login(demo.users["equality_lead"])
    assert "Honours nominations in the council" not in page_text(client.get(url(honours)))
