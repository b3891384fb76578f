"""The functions register pages on the demo: the list and its filters, one function, adding and changing a function,
rating its relevance; refused input keeps everything typed; other organisations and anonymous visitors get nothing."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from dueregard.assessments.models import CharacteristicRelevance, Function
from dueregard.audit.models import AuditEvent
from dueregard.organisations.models import Unit

TODAY = timezone.localdate()


def _function(demo: Any, name: str = "Recruitment and selection") -> Function:
    return Function.objects.get(organisation=demo.organisation, name=name)


def _names(html: str) -> list[str]:
    """The function names of the list's table, in order."""
    return re.findall(
        r'<th scope="row" class="govuk-table__header"><a class="govuk-link" href="/o/demo/functions/\d+/">([^<]+)</a>',
        html,
    )


@pytest.fixture
def lead(demo: Any, client: Client) -> Client:
    client.force_login(demo.users["equality_lead"])
    return client


def test_the_list_shows_the_demo_register_relevant_ones_first_by_priority(demo: Any, lead: Client) -> None:
    html = lead.get("/o/demo/functions/").content.decode()
    assert "9 functions in the register" in html
    assert _names(html) == [
        "Accommodation and estates",
        "Flexible working and leave",
        "Government websites and digital services",
        "Grants to the third sector",
        "Public consultations",
        "Recruitment and selection",
        "Civil contingencies planning",
        "Honours nominations",
        "Internal audit of financial controls",  # left out: last
    ]
    assert "Add a function or policy" in html
    assert "Import a register from a spreadsheet" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=grant", ["Grants to the third sector"]),
        ("q=digital+services", ["Government websites and digital services"]),
        ("included=no", ["Internal audit of financial controls"]),
        (
            "priority=medium",
            ["Civil contingencies planning", "Honours nominations", "Internal audit of financial controls"],
        ),
        (
            "characteristic=disability&relevance=high",
            [
                "Accommodation and estates",
                "Government websites and digital services",
                "Public consultations",
                "Recruitment and selection",
            ],
        ),
        ("characteristic=pregnancy_maternity", ["Flexible working and leave"]),
        ("relevance=low", ["Recruitment and selection"]),
    ],
)
def test_filters(query: str, expected: list[str], lead: Client) -> None:
    html = lead.get(f"/o/demo/functions/?{query}").content.decode()
    assert _names(html) == expected
    noun = "function" if len(expected) == 1 else "functions"
    assert f"{len(expected)} {noun} found" in html


def test_filter_by_unit(demo: Any, lead: Client) -> None:
    unit = Unit.objects.get(organisation=demo.organisation, name="Human Resources")
    html = lead.get(f"/o/demo/functions/?unit={unit.pk}").content.decode()
    assert _names(html) == ["Flexible working and leave", "Recruitment and selection"]


def test_overdue_reviews_are_counted_marked_and_filtered(demo: Any, lead: Client) -> None:
    Function.objects.filter(pk=_function(demo, "Honours nominations").pk).update(
        next_review_date=TODAY - dt.timedelta(days=1)
    )
    html = lead.get("/o/demo/functions/").content.decode()
    assert "1 function is overdue for review" in html
    assert html.count("govuk-tag--red") == 1
    assert _names(lead.get("/o/demo/functions/?overdue=on").content.decode()) == ["Honours nominations"]


def test_a_viewer_reads_the_register_but_is_offered_no_changes(demo: Any, client: Client) -> None:
    client.force_login(demo.users["viewer"])
    html = client.get("/o/demo/functions/").content.decode()
    assert "9 functions in the register" in html
    assert "Add a function or policy" not in html
    detail = client.get(f"/o/demo/functions/{_function(demo).pk}/").content.decode()
    assert "Change this function" not in detail
    assert client.get("/o/demo/functions/add/").status_code == 403
    assert client.post("/o/demo/functions/add/", {"name": "X"}).status_code == 403
    assert not Function.objects.filter(name="X").exists()


def test_detail_shows_relevance_with_reasons_and_the_assessments(demo: Any, lead: Client) -> None:
    html = lead.get(f"/o/demo/functions/{_function(demo).pk}/").content.decode()
    assert "Minority ethnic staff are under-represented at senior grades." in html
    assert "Selection tests must allow reasonable adjustments." in html
    assert html.count("Not rated yet") == 5  # 4 of the 9 characteristics are rated
    assert "Online recruitment tests" in html
    assert "Awaiting sign-off" in html
    assert "Every year" in html  # the review cycle
    assert f'href="/o/demo/assessments/start/?function={_function(demo).pk}"' in html  # the lead writes them too


def test_a_contributor_is_offered_to_start_an_assessment_of_the_function_and_a_viewer_is_not(
    demo: Any, client: Client
) -> None:
    function = _function(demo)
    client.force_login(demo.users["contributor"])
    html = client.get(f"/o/demo/functions/{function.pk}/").content.decode()
    assert "Start an impact assessment of this function" in html
    start = client.get(f"/o/demo/assessments/start/?function={function.pk}").content.decode()
    assert re.search(rf'<option value="{function.pk}" selected', start)
    client.force_login(demo.users["viewer"])
    assert "Start an impact assessment" not in client.get(f"/o/demo/functions/{function.pk}/").content.decode()


def test_adding_a_function_with_the_defaults(demo: Any, lead: Client) -> None:
    response = lead.post(
        "/o/demo/functions/add/",
        {"name": "Library services", "affects_public": "on", "is_relevant": "yes", "review_cycle_years": "3"},
    )
    function = Function.objects.get(organisation=demo.organisation, name="Library services")
    assert response.status_code == 302
    assert response["Location"] == f"/o/demo/functions/{function.pk}/"
    assert function.is_relevant is True
    assert function.priority == "medium"  # nothing rated yet: if in doubt
    assert function.next_review_date == TODAY.replace(year=TODAY.year + 3)
    assert AuditEvent.objects.filter(action="function_create", object_id=str(function.pk)).count() == 1


def test_the_add_form_starts_with_include_and_three_yearly_and_hints_every_field(lead: Client) -> None:
    html = lead.get("/o/demo/functions/add/").content.decode()
    assert re.search(r'name="is_relevant"[^>]*value="yes"[^>]*checked', html)
    assert re.search(r'name="review_cycle_years"[^>]*value="3"[^>]*checked', html)
    assert "If in doubt, include it" in html
    assert "included in the register as a rule" in html  # new functions
    assert html.count('class="govuk-hint') >= 11  # every field has hint text


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"is_relevant": "no"}, "Say why this function is left out: if in doubt about its impact, include it"),
        ({"review_cycle_years": "5"}, "Select a valid choice"),
        ({"next_review_date": (TODAY - dt.timedelta(days=1)).isoformat()}, "The next review date is in the past"),
        (
            {"next_review_date": (TODAY + dt.timedelta(days=800)).isoformat()},
            "The next review must fall within the review cycle",
        ),
        ({"next_review_date": "31 February"}, "Enter the next review as a date"),
        ({"name": "Recruitment and selection"}, "The register already has a function with this name."),
    ],
)
def test_refused_input_keeps_everything_typed(demo: Any, lead: Client, changes: dict[str, str], message: str) -> None:
    data = {
        "name": "Library services",
        "description": "Lending books and running reading groups in 12 branches.",
        "affects_public": "on",
        "is_relevant": "yes",
        "review_cycle_years": "1",
    } | changes
    response = lead.post("/o/demo/functions/add/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert message in html
    assert "<title>Error: " in html
    assert "Lending books and running reading groups in 12 branches." in html
    assert f'value="{data["name"]}"' in html
    assert Function.objects.filter(organisation=demo.organisation).count() == 9


def test_changing_a_function(demo: Any, lead: Client) -> None:
    function = _function(demo, "Honours nominations")
    next_review = TODAY + dt.timedelta(days=200)
    response = lead.post(
        f"/o/demo/functions/{function.pk}/change/",
        {
            "name": "Honours nominations",
            "affects_public": "on",
            "is_relevant": "yes",
            "priority": "high",
            "review_cycle_years": "1",
            "next_review_date": next_review.isoformat(),
        },
    )
    assert response.status_code == 302
    function.refresh_from_db()
    assert (function.priority, function.review_cycle_years, function.next_review_date) == ("high", 1, next_review)


def test_the_change_form_shows_the_saved_values(demo: Any, lead: Client) -> None:
    function = _function(demo, "Internal audit of financial controls")
    html = lead.get(f"/o/demo/functions/{function.pk}/change/").content.decode()
    assert re.search(r'name="is_relevant"[^>]*value="no"[^>]*checked', html)
    assert "Checks financial records only" in html
    assert f'value="{function.next_review_date.isoformat()}"' in html


def test_rating_relevance_saves_the_changes_only(demo: Any, lead: Client) -> None:
    function = _function(demo)
    data = {
        "level_race": "high",
        "reason_race": "Minority ethnic staff are under-represented at senior grades.",
        "level_disability": "high",
        "reason_disability": "Selection tests must allow reasonable adjustments.",
        "level_sex": "high",  # was medium
        "reason_sex": "Women are under-represented in the senior civil service.",
        "level_age": "low",
        "reason_age": "Apprenticeships are aimed at younger applicants.",
        "level_religion_belief": "none",
        "reason_religion_belief": "",
    }
    before = AuditEvent.objects.filter(action="function_set_relevance").count()
    response = lead.post(f"/o/demo/functions/{function.pk}/relevance/", data, follow=True)
    assert "Relevance saved for 2 protected characteristics." in response.content.decode()
    assert AuditEvent.objects.filter(action="function_set_relevance").count() == before + 2
    assert dict(
        CharacteristicRelevance.objects.filter(function=function).values_list("characteristic", "relevance")
    ) == {
        "race": "high",
        "disability": "high",
        "sex": "high",
        "age": "low",
        "religion_belief": "none",
    }


def test_a_rating_without_a_reason_is_refused_and_nothing_is_saved(demo: Any, lead: Client) -> None:
    function = _function(demo, "Public consultations")
    data = {
        "level_disability": "high",
        "reason_disability": "Consultation documents must be accessible.",
        "level_age": "medium",
        "reason_age": "Older people are less likely to answer online.",
        "level_race": "medium",
        "reason_race": "Translations into community languages.",  # valid, but not saved alone
        "level_sexual_orientation": "high",
        "reason_sexual_orientation": "",
    }
    response = lead.post(f"/o/demo/functions/{function.pk}/relevance/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Give the reason why the relevance to Sexual orientation is high" in html
    assert 'href="#id_reason_sexual_orientation"' in html
    assert "Translations into community languages." in html  # kept in the form
    assert set(function.relevances.values_list("characteristic", flat=True)) == {"disability", "age"}


def test_a_rating_cannot_be_taken_back_to_not_rated(demo: Any, lead: Client) -> None:
    function = _function(demo, "Accommodation and estates")
    response = lead.post(f"/o/demo/functions/{function.pk}/relevance/", {"level_disability": ""})
    assert "a rating cannot be taken back" in response.content.decode()
    assert function.relevances.get().relevance == "high"


def test_the_texts_published_with_the_register(demo: Any, lead: Client) -> None:
    page = lead.get("/o/demo/functions/public-texts/").content.decode()
    assert "We list all our main functions and policies" in page  # the model wording to start from
    refused = lead.post(
        "/o/demo/functions/public-texts/",
        {"register_criteria": "Every service that meets residents.", "register_review_procedure": ""},
    ).content.decode()
    assert "Describe how the list is reviewed" in refused
    assert "Every service that meets residents." in refused
    saved = lead.post(
        "/o/demo/functions/public-texts/",
        {
            "register_criteria": "Every service that meets residents.",
            "register_review_procedure": "The cabinet reviews the list each April.",
        },
        follow=True,
    )
    assert "The texts published with the register have been saved." in saved.content.decode()
    public = lead.get("/published/demo/functions/").content.decode()
    assert "Every service that meets residents." in public
    assert "The cabinet reviews the list each April." in public
    assert AuditEvent.objects.filter(organisation=demo.organisation, action="assessment_settings_update").count() == 1


def test_only_whoever_publishes_changes_the_published_texts(demo: Any, client: Client) -> None:
    client.force_login(demo.users["approver"])
    assert client.get("/o/demo/functions/public-texts/").status_code == 403
    assert "Change the criteria and review procedure" not in client.get("/o/demo/functions/").content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/o/demo/functions/",
        "/o/demo/functions/add/",
        "/o/demo/functions/public-texts/",
        "/o/demo/functions/{pk}/",
        "/o/demo/functions/{pk}/relevance/",
    ],
)
def test_another_organisations_member_gets_404_and_anonymous_is_sent_to_sign_in(
    demo: Any, client: Client, path: str
) -> None:
    path = path.format(pk=_function(demo).pk)
    anonymous = client.get(path)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/account/sign-in/")
    client.force_login(demo.users["outsider"])
    assert client.get(path).status_code == 404


def test_a_function_of_another_organisation_is_404_to_a_member(demo: Any, lead: Client) -> None:
    other = Function.objects.filter(organisation=demo.other).first()
    assert other is not None
    assert lead.get(f"/o/demo/functions/{other.pk}/").status_code == 404
    assert lead.get(f"/o/demo/functions/{other.pk}/change/").status_code == 404


def test_the_register_in_welsh(lead: Client) -> None:
    response = lead.get("/cy/o/demo/functions/")
    assert response.status_code == 200
    assert 'lang="cy"' in response.content.decode()
