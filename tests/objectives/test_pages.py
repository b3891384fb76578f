from __future__ import annotations

from typing import Any

from django.test import Client

from dueregard.objectives.models import Action, ProgressUpdate


def test_the_plan_page_shows_every_objective_and_the_rag_summary(demo: Any, client: Client) -> None:
    client.force_login(demo.users["viewer"])
    page = client.get("/o/demo/objectives/").content.decode()
    assert "Home Office Equality Objectives" in page
    assert "Tackle hate crime and reduce violence against women and girls." in page
    assert "Progress at a glance" in page


def test_search_and_filters_find_actions(demo: Any, client: Client) -> None:
    client.force_login(demo.users["viewer"])
    page = client.get("/o/demo/objectives/", {"q": "trafficking"}).content.decode()
    assert "2 actions found" in page  # the heading and one sub-action mention it
    assert "Set up system of assessing the quality of decision making in trafficking cases." in page
    assert "Review induction procedures" not in page


def test_the_objective_page_shows_the_action_tree(demo: Any, client: Client) -> None:
    client.force_login(demo.users["viewer"])
    objective = demo.organisation.objectives.get(reference="3")
    page = client.get(f"/o/demo/objectives/{objective.pk}/").content.decode()
    assert page.index("Take action within the UK Border Agency") < page.index(
        "Publish sufficient information to enable"
    )
    assert "Final review first quarter 2015" in page


def test_an_owner_adds_an_update_from_my_actions(demo: Any, client: Client) -> None:
    contributor = demo.users["contributor"]
    action = Action.objects.get(title="Review induction procedures")
    action.owner_user = contributor
    action.save()
    client.force_login(contributor)
    page = client.get("/o/demo/actions/mine/").content.decode()
    assert "Review induction procedures" in page
    response = client.post(
        f"/o/demo/actions/{action.pk}/update/",
        {"status": "in_progress", "text": "Draft ready", "reported_on": "2026-11-20", "next": "/o/demo/actions/mine/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/o/demo/actions/mine/"
    update = ProgressUpdate.objects.get(action=action)
    assert (update.text, update.status, str(update.reported_on)) == ("Draft ready", "in_progress", "2026-11-20")


def test_an_update_with_a_bad_date_names_the_field_and_saves_nothing(demo: Any, client: Client) -> None:
    client.force_login(demo.users["equality_lead"])
    action = Action.objects.get(title="Review induction procedures")
    response = client.post(
        f"/o/demo/actions/{action.pk}/update/", {"status": "complete", "text": "Done", "reported_on": "31/02/2026"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_reported_on"' in page
    assert "Done" in page  # what the person typed is kept
    assert not ProgressUpdate.objects.filter(action=action).exists()


def test_someone_who_does_not_own_the_action_cannot_post_an_update(demo: Any, client: Client) -> None:
    client.force_login(demo.users["contributor"])
    action = Action.objects.get(title="Review induction procedures")
    response = client.post(
        f"/o/demo/actions/{action.pk}/update/", {"status": "complete", "text": "x", "reported_on": "2026-11-20"}
    )
    assert response.status_code == 403


def test_overdue_list_shows_actions_past_their_due_date(demo: Any, client: Client) -> None:
    action = Action.objects.get(title="Review induction procedures")
    action.due_date = action.due_date or __import__("datetime").date(2015, 3, 31)
    action.save()
    client.force_login(demo.users["viewer"])
    page = client.get("/o/demo/actions/overdue/").content.decode()
    assert "Review induction procedures" in page
    assert "Overdue" in page


def test_long_result_lists_are_paged_keeping_the_search(demo: Any, client: Client) -> None:
    objective = demo.organisation.objectives.get(reference="5")
    Action.objects.bulk_create(
        Action(organisation=demo.organisation, objective=objective, title=f"Extra outreach {n}", position=100 + n)
        for n in range(60)
    )
    client.force_login(demo.users["viewer"])
    first = client.get("/o/demo/objectives/", {"q": "outreach"}).content.decode()
    assert "60 actions found" in first
    assert first.count("Extra outreach") == 50
    assert "?q=outreach&amp;page=2" in first
    second = client.get("/o/demo/objectives/", {"q": "outreach", "page": "2"}).content.decode()
    assert second.count("Extra outreach") == 10


def test_the_owner_links_evidence_and_removes_it(demo: Any, client: Client) -> None:
    contributor = demo.users["contributor"]
    action = Action.objects.get(title="Review induction procedures")
    action.owner_user = contributor
    action.save()
    client.force_login(contributor)
    bad = client.post(f"/o/demo/actions/{action.pk}/evidence/", {"title": "Minutes", "url": "not a web address"})
    assert 'href="#id_url"' in bad.content.decode()
    assert not action.evidence.exists()
    client.post(
        f"/o/demo/actions/{action.pk}/evidence/", {"title": "Board minutes", "url": "https://intranet.example/m"}
    )
    link = action.evidence.get()
    assert (link.title, link.url) == ("Board minutes", "https://intranet.example/m")
    client.post(f"/o/demo/actions/{action.pk}/evidence/{link.pk}/remove/")
    assert not action.evidence.exists()


def test_the_lead_stops_publishing_one_action(demo: Any, client: Client) -> None:
    action = Action.objects.get(title="Review induction procedures")
    client.force_login(demo.users["equality_lead"])
    client.post(f"/o/demo/actions/{action.pk}/publish/", {"publish": "no"})
    action.refresh_from_db()
    assert action.is_published is False
    public = client.get("/published/demo/objectives/").content.decode()
    assert "Review induction procedures" not in public
