"""The equality lead chooses the optional lenses every assessment looks through; the choice is audited."""

from __future__ import annotations

from typing import Any

from django.test import Client

from dueregard.assessments import services
from dueregard.audit.models import AuditEvent


def test_the_lead_chooses_the_lenses_and_new_assessments_use_them(demo: Any, client: Client) -> None:
    client.force_login(demo.users["equality_lead"])
    page = client.get("/o/demo/assessments/lenses/").content.decode()
    assert "Which other lenses should every assessment look through?" in page
    assert 'href="/o/demo/assessments/lenses/"' in client.get("/o/demo/assessments/").content.decode()
    response = client.post("/o/demo/assessments/lenses/", {"lenses": ["carers", "armed_forces"]})
    assert response.status_code == 302
    assert services.lenses_for(demo.organisation) == ["carers", "armed_forces"]
    assert AuditEvent.objects.filter(organisation=demo.organisation, action="assessment_settings_update").exists()
    page = client.get("/o/demo/assessments/lenses/").content.decode()
    assert 'value="carers" checked' in page
    # Choosing none is a choice too.
    client.post("/o/demo/assessments/lenses/", {})
    assert services.lenses_for(demo.organisation) == []


def test_an_unknown_lens_is_refused_and_nothing_changes(demo: Any, client: Client) -> None:
    before = services.lenses_for(demo.organisation)
    client.force_login(demo.users["equality_lead"])
    response = client.post("/o/demo/assessments/lenses/", {"lenses": ["astrology"]})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert services.lenses_for(demo.organisation) == before


def test_a_contributor_may_not_choose_and_sees_no_link(demo: Any, client: Client) -> None:
    client.force_login(demo.users["contributor"])
    assert client.get("/o/demo/assessments/lenses/").status_code == 403
    assert "/o/demo/assessments/lenses/" not in client.get("/o/demo/assessments/").content.decode()
