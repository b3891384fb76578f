from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from dueregard.organisations import services
from dueregard.organisations.colour import contrast_ratio_with_white
from dueregard.organisations.models import Membership, Unit
from dueregard.organisations.roles import Role
from dueregard.organisations.selectors import unit_tree


def test_demo_has_the_units_of_the_seed_directory_as_a_tree(demo: Any) -> None:
    tree = unit_tree(actor=demo.users["viewer"], organisation=demo.organisation)
    groups = {node.unit.name: [child.unit.name for child in node.children] for node in tree}
    assert len(groups) == 10
    assert groups["Intelligence Assessment and Intelligence Analysis"] == [
        "Assessment Staff",
        "Intelligence Analysis Profession and Strategic Horizons",
        "JIC Secretariat",
    ]
    assert groups["Propriety and Ethics"] == []
    assert Unit.objects.filter(organisation=demo.organisation).count() == 10 + 6 + 5 + 6 + 3 + 6 + 4 + 4 + 3


def test_a_unit_cannot_be_moved_inside_its_own_part(demo: Any) -> None:
    group = Unit.objects.get(name="Corporate Services Group")
    child = Unit.objects.get(name="Human Resources")
    with pytest.raises(ValidationError, match="inside itself"):
        services.unit_update(actor=demo.users["administrator"], unit=group, parent=child)


def test_a_unit_cannot_belong_to_another_organisations_unit(demo: Any) -> None:
    foreign = Unit.objects.get(name="Adult Services")
    with pytest.raises(ValidationError, match="this organisation"):
        services.unit_create(
            actor=demo.users["administrator"], organisation=demo.organisation, name="X", parent=foreign
        )


def test_a_unit_with_parts_cannot_be_removed(demo: Any) -> None:
    with pytest.raises(ValidationError, match="parts first"):
        services.unit_delete(actor=demo.users["administrator"], unit=Unit.objects.get(name="Cabinet Secretariat"))


def test_the_last_administrator_cannot_be_removed(demo: Any) -> None:
    admin = demo.users["administrator"]
    with pytest.raises(ValidationError, match="at least one administrator"):
        services.person_set_roles(actor=admin, organisation=demo.organisation, user=admin, roles=["viewer"])
    assert Membership.objects.filter(organisation=demo.organisation, user=admin, role=Role.ADMINISTRATOR).exists()


def test_removing_every_role_removes_the_person(demo: Any) -> None:
    viewer = demo.users["viewer"]
    services.person_set_roles(actor=demo.users["administrator"], organisation=demo.organisation, user=viewer, roles=[])
    assert not Membership.objects.filter(organisation=demo.organisation, user=viewer).exists()


@pytest.mark.parametrize(("colour", "ratio"), [("#1d70b8", 5.17), ("#ffffff", 1.0), ("#000000", 21.0)])
def test_contrast_ratio(colour: str, ratio: float) -> None:
    assert contrast_ratio_with_white(colour) == pytest.approx(ratio, abs=0.01)


def test_a_brand_colour_too_pale_for_white_text_is_refused_with_the_reason(demo: Any, client: Client) -> None:
    client.force_login(demo.users["administrator"])
    response = client.post(
        "/o/demo/settings/",
        {
            "name": "Demo",
            "jurisdiction": "england",
            "sector": "central_government",
            "headcount": "10",
            "brand_colour": "#ffdd00",
            "quarter_convention": "financial",
            "year_range_convention": "calendar",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "contrast ratio of at least 4.5 to 1" in page
    assert 'value="#ffdd00"' in page  # what the person typed is kept
    demo.organisation.refresh_from_db()
    assert demo.organisation.brand_colour == "#1d70b8"


def test_adding_a_person_through_the_page(demo: Any, client: Client) -> None:
    client.force_login(demo.users["administrator"])
    response = client.post(
        "/o/demo/people/add/",
        {"full_name": "Nia Newcomer", "email": "Nia@Demo.Example", "roles": ["contributor", "analyst"]},
    )
    assert response.status_code == 302
    roles = set(Membership.objects.filter(user__email="nia@demo.example").values_list("role", flat=True))
    assert roles == {"contributor", "analyst"}


def test_a_form_error_names_the_field_and_keeps_the_input(demo: Any, client: Client) -> None:
    client.force_login(demo.users["administrator"])
    page = client.post("/o/demo/people/add/", {"full_name": "Nia", "email": "not-an-email"}).content.decode()
    assert "There is a problem" in page
    assert 'href="#id_email"' in page
    assert 'href="#id_roles"' in page
    assert 'value="Nia"' in page


def test_brand_colour_reaches_the_page(demo: Any, client: Client) -> None:
    css = client.get("/o/cyngor-enghreifftiol/brand.css").content.decode()
    assert "--govuk-brand-colour: #00703c" in css
