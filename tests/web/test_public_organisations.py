"""Which organisations the public can find: any that published an objective, an impact assessment or a register."""

from __future__ import annotations

from typing import Any

from django.test import Client

from dueregard.assessments.models import Assessment, Function
from dueregard.objectives.models import Objective
from dueregard.organisations.models import Organisation
from dueregard.organisations.selectors import organisations_with_published_information


def _only(organisation: Organisation, *, objectives: bool, assessments: bool, register: bool) -> None:
    Objective.objects.filter(organisation=organisation).update(is_published=objectives)
    if not assessments:
        Assessment.objects.filter(organisation=organisation).update(published_at=None)
    Function.objects.filter(organisation=organisation).update(
        is_relevant=register, exclusion_reason="" if register else "Test: left out"
    )


def test_an_organisation_that_published_only_assessments_is_listed_and_its_page_opens(
    demo: Any, client: Client
) -> None:
    _only(demo.organisation, objectives=False, assessments=True, register=False)
    assert demo.organisation in organisations_with_published_information()
    assert client.get("/published/demo/").status_code == 200


def test_an_organisation_that_published_only_its_register_is_listed(demo: Any, client: Client) -> None:
    _only(demo.organisation, objectives=False, assessments=False, register=True)
    assert demo.organisation in organisations_with_published_information()
    assert client.get("/published/demo/").status_code == 200


def test_an_organisation_that_published_nothing_is_not_found(demo: Any, client: Client) -> None:
    _only(demo.organisation, objectives=False, assessments=False, register=False)
    assert demo.organisation not in organisations_with_published_information()
    assert client.get("/published/demo/").status_code == 404
    assert "Demo Government Department" not in client.get("/published/").content.decode()
