"""New versions from the summary page and the side-by-side comparison."""

from __future__ import annotations

from typing import Any

from assessment_helpers import update
from assessment_page_helpers import demo_assessment, page_text, tables_text, url
from django.test import Client

from dueregard.assessments import services
from dueregard.assessments.models import Assessment


def test_a_new_version_starts_from_a_locked_one_once(demo: Any, client: Client) -> None:
    signed = demo_assessment(demo, "Flexible working policy")
    client.force_login(demo.users["contributor"])
    assert "Start a new version" in page_text(client.get(url(signed)))
    response = client.post(url(signed, "new-version/"))
    second = Assessment.objects.get(reference=signed.reference, version=2)
    assert response.status_code == 302
    assert response["Location"] == url(second)
    assert (second.state, second.previous_version) == ("under_review", signed)
    text = page_text(client.get(response["Location"]))
    assert "Version 2 started from version 1: change what the review found." in text
    again = client.post(url(signed, "new-version/"))
    assert "Version 2 of this assessment is already being prepared: carry on with that one." in page_text(
        client.get(again["Location"])
    )


def test_an_open_assessment_needs_no_new_version(demo: Any, client: Client) -> None:
    office = demo_assessment(demo, "Office relocation")
    client.force_login(demo.users["contributor"])
    response = client.post(url(office, "new-version/"))
    assert "This assessment is still open: change it directly, no new version is needed." in page_text(
        client.get(response["Location"])
    )


def test_versions_compare_side_by_side(demo: Any, client: Client) -> None:
    published = demo_assessment(demo, "Refurbishment of 70 Whitehall", "published")
    third = services.assessment_new_version(actor=demo.users["contributor"], assessment=published)
    update(third, demo.users["contributor"], purpose="Refurbish the ground floor first.", title="Refurbishment")
    client.force_login(demo.users["viewer"])
    response = client.get(url(third, "compare/"))
    table = tables_text(response)
    # the decision and review are made afresh on a new version, so they differ too
    assert table.startswith("5 differences between version 2 and version 3 Part of the assessment Version 2 Version 3")
    assert "Decision paper https://example.org/board-papers/decision –" in table
    assert "Title Refurbishment of 70 Whitehall Refurbishment" in table
    assert "Aims of the policy – Refurbish the ground floor first." in table
    first = Assessment.objects.get(reference=published.reference, version=1)
    table = tables_text(client.get(url(third, f"compare/?with={first.pk}")))
    assert "between version 1 and version 3" in table


def test_comparing_with_another_assessment_is_404(demo: Any, client: Client) -> None:
    published = demo_assessment(demo, "Refurbishment of 70 Whitehall", "published")
    other = demo_assessment(demo, "Office relocation")
    client.force_login(demo.users["viewer"])
    assert client.get(url(published, f"compare/?with={other.pk}")).status_code == 404


def test_a_single_version_has_nothing_to_compare(demo: Any, client: Client) -> None:
    office = demo_assessment(demo, "Office relocation")
    client.force_login(demo.users["viewer"])
    text = page_text(client.get(url(office, "compare/")))
    assert "This assessment has only one version so far: there is nothing to compare." in text
