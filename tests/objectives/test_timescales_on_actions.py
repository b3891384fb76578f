from __future__ import annotations

import datetime as dt
import html
from typing import Any

from django.test import Client

from dueregard.objectives import services
from dueregard.objectives.models import Action, Objective


def test_demo_actions_carry_their_parsed_timescales(demo: Any) -> None:
    by_april = Action.objects.filter(timescale_text="By April 2013").first()
    assert by_april is not None
    assert by_april.due_date == dt.date(2013, 4, 30)
    quarterly = Action.objects.get(title__startswith="Monitor and review the Home Office approach to asylum")
    assert (quarterly.recurrence, quarterly.status, quarterly.due_date) == ("quarterly", "recurring", None)
    reference = Action.objects.get(timescale_text="As detailed within the Action Plan")
    assert reference.due_date is None
    assert reference.timescale is not None
    assert reference.timescale["kind"] == "reference"


def test_the_quarter_setting_of_the_organisation_decides_first_quarter(demo: Any) -> None:
    action = Action.objects.get(title="Review induction procedures")
    assert action.due_date == dt.date(2015, 6, 30)  # the demo reads quarters as financial quarters
    organisation = demo.organisation
    organisation.quarter_convention = "calendar"
    organisation.save()
    action.refresh_from_db()
    updated = services.action_update(
        actor=demo.users["equality_lead"], action=action, timescale_text="Final review first quarter 2016"
    )
    assert updated.due_date == dt.date(2016, 3, 31)


def test_several_dates_in_one_cell_become_milestones(demo: Any) -> None:
    objective = Objective.objects.get(organisation=demo.organisation, reference="5")
    action = services.action_create(
        actor=demo.users["equality_lead"],
        objective=objective,
        title="Phased roll-out",
        timescale_text="Sept 07 Nov 07 Nov 07",
    )
    milestones = list(action.milestones.values_list("text", "due_date"))
    assert [due for _, due in milestones] == [dt.date(2007, 9, 30), dt.date(2007, 11, 30), dt.date(2007, 11, 30)]
    assert action.due_date == dt.date(2007, 11, 30)


def test_an_unreadable_timescale_is_kept_as_written_with_no_dates(demo: Any) -> None:
    objective = Objective.objects.get(organisation=demo.organisation, reference="5")
    action = services.action_create(
        actor=demo.users["equality_lead"], objective=objective, title="Odd", timescale_text="when the moon is blue"
    )
    assert action.timescale_text == "when the moon is blue"
    assert (action.due_date, action.start_date) == (None, None)


def test_the_lead_adds_an_objective_and_an_action_through_the_pages(demo: Any, client: Client) -> None:
    client.force_login(demo.users["equality_lead"])
    response = client.post(
        "/o/demo/objectives/add/",
        {
            "reference": "6",
            "statement": "Close the disability employment gap.",
            "characteristics": ["disability"],
            "aims": ["advance"],
            "period_start": "2026-04-01",
            "period_end": "2030-03-31",
        },
    )
    assert response.status_code == 302
    objective = Objective.objects.get(organisation=demo.organisation, reference="6")
    assert objective.characteristics == ["disability"]
    response = client.post(
        f"/o/demo/objectives/{objective.pk}/actions/add/",
        {"title": "Guaranteed interviews", "timescale_text": "By March 2027"},
    )
    assert response.status_code == 302
    action = Action.objects.get(objective=objective)
    assert action.due_date == dt.date(2027, 3, 31)


def test_an_objective_longer_than_four_years_is_refused_on_the_page(demo: Any, client: Client) -> None:
    client.force_login(demo.users["equality_lead"])
    page = client.post(
        "/o/demo/objectives/add/",
        {"reference": "7", "statement": "Too long", "period_start": "2026-04-01", "period_end": "2031-04-01"},
    ).content.decode()
    assert "at most 4 years" in page
    assert 'href="#id_period_end"' in page
    assert not Objective.objects.filter(organisation=demo.organisation, reference="7").exists()


def test_the_action_page_says_how_the_timescale_was_read_and_which_setting_decided(demo: Any, client: Client) -> None:
    client.force_login(demo.users["viewer"])
    action = Action.objects.get(title="Review induction procedures")
    page = html.unescape(client.get(f"/o/demo/actions/{action.pk}/").content.decode())
    assert "From 1 April 2015 to 30 June 2015." in page
    assert "Read using your organisation's setting on how to read 'first quarter'." in page


def test_a_range_of_years_follows_the_year_range_setting(demo: Any) -> None:
    objective = Objective.objects.get(organisation=demo.organisation, reference="5")
    lead = demo.users["equality_lead"]
    calendar = services.action_create(actor=lead, objective=objective, title="A", timescale_text="2012-15")
    assert calendar.due_date == dt.date(2015, 12, 31)
    demo.organisation.year_range_convention = "financial"
    demo.organisation.save()
    objective.refresh_from_db()
    financial = services.action_create(actor=lead, objective=objective, title="B", timescale_text="2012-15")
    assert financial.due_date == dt.date(2015, 3, 31)
