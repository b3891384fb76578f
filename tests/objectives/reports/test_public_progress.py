from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client

from dueregard.objectives.models import Action, Objective
from dueregard.objectives.services import action_create, action_update, progress_update_add

PAGES = ("/published/demo/objectives/", "/published/demo/objectives.csv", "/published/demo/objectives.json")


@pytest.fixture
def published(demo: Any) -> dict[str, Any]:
    """An unpublished objective (5, as in the demo), an unpublished action under a published objective, and a
    published action owned by a person, with an update."""
    lead = demo.users["equality_lead"]
    hidden_objective = Objective.objects.get(organisation=demo.organisation, reference="5")
    hidden_action = Action.objects.get(organisation=demo.organisation, title="Review induction procedures")
    Action.objects.filter(pk=hidden_action.pk).update(is_published=False)  # no service yet to unpublish an action
    owned = Action.objects.get(title__startswith="Support work to maximise women's contribution")
    action_update(actor=lead, action=owned, owner_user=demo.users["contributor"])
    progress_update_add(
        actor=lead, action=owned, text="Council established", status="complete", reported_on=dt.date(2026, 10, 2)
    )
    return {"objective": hidden_objective, "action": hidden_action, "owned": owned}


def _everything(client: Client) -> list[str]:
    texts = []
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        texts.append(response.content.decode("utf-8-sig"))
    return texts


def test_the_public_sees_only_what_is_published(demo: Any, client: Client, published: dict[str, Any]) -> None:
    page, csv_text, json_text = _everything(client)
    shown = Objective.objects.get(organisation=demo.organisation, reference="1").statement
    for text in (page, csv_text, json.loads(json_text)["objectives"][0]["statement"]):
        assert shown in text
    for text in (page, csv_text, json_text):
        assert published["objective"].statement[:60] not in text
        assert "Review induction procedures" not in text
    assert [o["reference"] for o in json.loads(json_text)["objectives"]] == ["1", "2", "3", "4"]


def test_owners_appear_as_their_unit_never_as_a_person(demo: Any, client: Client, published: dict[str, Any]) -> None:
    page, csv_text, json_text = _everything(client)
    for text in (page, csv_text, json_text):
        assert "Colin Contributor" not in text
        assert "contributor@demo.example" not in text
        assert "Leila" not in text  # the author of the update
        assert "Human Resources" in text  # the contributor's unit
        assert "Council established" in text  # the latest update's text
    data = json.loads(json_text)
    action = next(a for o in data["objectives"] for a in o["actions"] if a["title"] == published["owned"].title)
    assert action["owning_unit"] == "Human Resources"
    assert action["status"] == "complete"
    assert action["latest_update"] == {"date": "2026-10-02", "text": "Council established"}


def test_the_downloads_escape_formula_like_text(demo: Any, client: Client) -> None:
    objective = Objective.objects.get(organisation=demo.organisation, reference="1")
    action_create(actor=demo.users["equality_lead"], objective=objective, title="=SUM(A1)")
    response = client.get("/published/demo/objectives.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "\n1,Tackle hate crime" in response.content.decode("utf-8-sig")
    assert ",'=SUM(A1)," in response.content.decode("utf-8-sig")


def test_an_organisation_that_has_published_nothing_has_no_public_pages(demo: Any, client: Client) -> None:
    from dueregard.assessments.models import Assessment, Function

    # The Welsh demo organisation publishes its functions register and an assessment: take them back.
    welsh = {"organisation__slug": "cyngor-enghreifftiol"}
    Function.objects.filter(**welsh).update(is_relevant=False, exclusion_reason="Not published in this test")
    Assessment.objects.filter(**welsh).update(published_at=None)
    for path in PAGES:
        assert client.get(path.replace("/demo/", "/cyngor-enghreifftiol/")).status_code == 404
        assert client.get(path.replace("/demo/", "/no-such-body/")).status_code == 404


def test_the_summary_counts_published_actions_and_the_page_has_its_chart_and_table(
    demo: Any, client: Client, published: dict[str, Any]
) -> None:
    page = client.get("/published/demo/objectives/").content.decode()
    assert '<svg class="app-rag-chart" aria-hidden="true"' in page
    assert "(the data shown in the chart above)" in page
    data = json.loads(client.get("/published/demo/objectives.json").content)
    # Objectives 1-4 have 21 actions that are not headings; one is unpublished, one is now complete.
    assert sum(data["rag_summary"].values()) == 20
    assert data["rag_summary"]["complete"] == 1
    assert client.get("/cy/published/demo/objectives/").status_code == 200
