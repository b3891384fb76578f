"""The public list of functions relevant to equality (seed 001 §5.20): the criteria, the review procedure, how new
policies are handled and the relevant functions, highest priority first, with a CSV download; nothing left out of the
register, and no reasons for leaving a function out, are published."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from django.test import Client

from dueregard.assessments import services
from dueregard.assessments.models import DEFAULT_REGISTER_CRITERIA, Function
from dueregard.organisations.models import Organisation

PAGE = "/published/demo/functions/"


def _names(html: str) -> list[str]:
    return re.findall(r'<th scope="row" class="govuk-table__header">([^<]+)', html)


def test_anyone_reads_the_relevant_functions_highest_priority_first(client: Client, demo: Any) -> None:
    response = client.get(PAGE)
    html = response.content.decode()
    assert response.status_code == 200
    assert "8 functions relevant to equality" in html
    assert _names(html) == [
        "Accommodation and estates",
        "Flexible working and leave",
        "Government websites and digital services",
        "Grants to the third sector",
        "Public consultations",
        "Recruitment and selection",
        "Civil contingencies planning",
        "Honours nominations",
    ]
    assert "Internal audit of financial controls" not in html
    assert "Checks financial records only" not in html  # the reason for leaving it out stays inside


def test_the_criteria_review_procedure_and_new_policies_are_published(client: Client, demo: Any) -> None:
    html = client.get(PAGE).content.decode()
    assert "How we decided which functions are relevant" in html
    assert DEFAULT_REGISTER_CRITERIA[:80] in html
    assert "How we review this list" in html
    assert "We review the list every year where the functions are many" in html
    assert "New functions and policies" in html
    assert "a new function, whose impact is not yet known, is included" in html


def test_the_organisations_own_texts_replace_the_defaults(client: Client, demo: Any) -> None:
    services.assessment_settings_update(
        actor=demo.users["equality_lead"],
        organisation=demo.organisation,
        register_criteria="Every service that meets residents is included.",
        register_review_procedure="The cabinet reviews the list each April.",
    )
    html = client.get(PAGE).content.decode()
    assert "Every service that meets residents is included." in html
    assert "The cabinet reviews the list each April." in html
    assert DEFAULT_REGISTER_CRITERIA[:80] not in html


def test_relevance_with_reasons_is_shown_without_the_none_ratings(client: Client, demo: Any) -> None:
    function = Function.objects.get(organisation=demo.organisation, name="Recruitment and selection")
    services.function_set_relevance(
        actor=demo.users["equality_lead"], function=function, characteristic="religion_belief", relevance="none"
    )
    html = client.get(PAGE).content.decode()
    row = html[html.index("Recruitment and selection") :]
    row = row[: row.index("</tr>")]
    assert re.findall(r"<strong>([^<]+)</strong>", row) == [
        "Disability: high.",
        "Race: high.",
        "Sex: medium.",
        "Age: low.",
    ]
    assert "Selection tests must allow reasonable adjustments." in row
    assert "Religion or belief" not in row


def test_the_csv_download(client: Client, demo: Any) -> None:
    response = client.get("/published/demo/functions.csv")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="demo-functions-register.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Function or policy", "Description", "Owning unit"]
    assert len(rows) == 9  # the header and the eight relevant functions
    accommodation = rows[1]
    assert accommodation[0] == "Accommodation and estates"
    assert accommodation[3] == "The public and staff"
    assert accommodation[8] == "Disability: high (Physical access to 70 Whitehall and other buildings.)"


def test_a_formula_typed_into_a_function_is_not_a_formula_in_the_download(client: Client, demo: Any) -> None:
    services.function_create(
        actor=demo.users["equality_lead"], organisation=demo.organisation, name='=HYPERLINK("x")', priority="high"
    )
    response = client.get("/published/demo/functions.csv")
    assert "'=HYPERLINK" in response.content.decode("utf-8-sig")


def test_an_organisation_with_neither_a_register_nor_published_information_is_404(client: Client, demo: Any) -> None:
    quiet = Organisation.objects.create(name="Quiet Council", slug="quiet", jurisdiction="england")
    assert client.get("/published/quiet/functions/").status_code == 404
    assert client.get("/published/nowhere/functions/").status_code == 404
    Function.objects.create(
        organisation=quiet, name="Libraries", next_review_date="2027-01-01", is_relevant=False, exclusion_reason="Gone"
    )
    assert client.get("/published/quiet/functions/").status_code == 404  # only functions left out
    Function.objects.create(organisation=quiet, name="Parks", next_review_date="2027-01-01")
    html = client.get("/published/quiet/functions/").content.decode()
    assert "1 function relevant to equality" in html


def test_the_organisations_public_page_links_to_it(client: Client, demo: Any) -> None:
    html = client.get("/published/demo/").content.decode()
    assert 'href="/published/demo/functions/"' in html


def test_the_public_register_in_welsh(client: Client, demo: Any) -> None:
    response = client.get("/cy/published/demo/functions/")
    assert response.status_code == 200
    assert 'lang="cy"' in response.content.decode()
