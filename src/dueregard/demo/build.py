"""Build the demo database content through the same services people use, so the audit log fills in as well."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml
from django.contrib.auth import get_user_model
from django.db import transaction

from dueregard.assessments.demo import build_assessments_demo
from dueregard.objectives.models import Action
from dueregard.objectives.services import action_create, objective_create, plan_create, progress_update_add
from dueregard.organisations.models import Organisation
from dueregard.organisations.services import organisation_create, person_add, unit_create


@dataclass(frozen=True)
class DemoLogin:
    organisation: str
    email: str
    roles: tuple[str, ...]


def _data_file(name: str) -> dict[str, Any]:
    text = resources.files("dueregard.demo").joinpath(f"data/{name}").read_text(encoding="utf-8")
    content: dict[str, Any] = yaml.safe_load(text)
    return content


def demo_content() -> dict[str, Any]:
    return _data_file("demo.yaml")


def _build_plan(*, lead: Any, organisation: Organisation, spec: dict[str, Any], published: set[str]) -> None:
    plan = plan_create(
        actor=lead,
        organisation=organisation,
        title=spec["title"],
        period_start=dt.date.fromisoformat(spec["period_start"]),
        period_end=dt.date.fromisoformat(spec["period_end"]),
        is_published=bool(published),
    )
    for item in spec["objectives"]:
        objective = objective_create(
            actor=lead,
            organisation=organisation,
            plan=plan,
            reference=item["reference"],
            statement=item["statement"],
            business_area=item.get("business_area", ""),
            is_published=item["reference"] in published,
            status="adopted",
            period_start=plan.period_start,
            period_end=plan.period_end,
        )
        for entry in item["actions"]:
            heading = action_create(
                actor=lead, objective=objective, title=entry["action"], timescale_text=entry.get("milestone", "")
            )
            for child in entry.get("children", []):
                action_create(
                    actor=lead,
                    objective=objective,
                    parent=heading,
                    title=child["action"],
                    timescale_text=child.get("milestone", ""),
                )


def demo_exists() -> bool:
    slugs = [organisation["slug"] for organisation in demo_content()["organisations"]]
    return Organisation.objects.filter(slug__in=slugs).exists()


@transaction.atomic
def build_demo(*, with_progress: bool = True) -> tuple[str, list[DemoLogin]]:
    """Create the demo organisations, their units, objectives and people, and (unless with_progress is False, as
    in the test suite, whose report tests need a plan with no updates) owners and progress on some actions.
    Returns the password and the logins."""
    content = demo_content()
    password: str = content["password"]
    user_model = get_user_model()
    logins: list[DemoLogin] = []
    for spec in content["organisations"]:
        first_admin = next(p for p in spec["people"] if "administrator" in p["roles"])
        admin = user_model.objects.create_user(first_admin["email"], password, full_name=first_admin["full_name"])
        organisation = organisation_create(
            actor=None,
            slug=spec["slug"],
            name=spec["name"],
            jurisdiction=spec["jurisdiction"],
            sector=spec["sector"],
            headcount=spec.get("headcount"),
            brand_colour=spec["brand_colour"],
            first_administrator=admin,
        )
        units_by_name = {}
        for group in spec["units"]:
            parent = unit_create(
                actor=admin,
                organisation=organisation,
                name=group["group"],
                kind="group",
                has_associate_scheme=bool(group.get("associate_scheme", False)),
            )
            units_by_name[parent.name] = parent
            for name in group["units"]:
                units_by_name[name] = unit_create(actor=admin, organisation=organisation, name=name, parent=parent)
        for person in spec["people"]:
            user = person_add(
                actor=admin,
                organisation=organisation,
                email=person["email"],
                full_name=person["full_name"],
                roles=person["roles"],
                unit=units_by_name.get(person.get("unit", "")),
            )
            if not user.has_usable_password():
                user.set_password(password)
                user.save(update_fields=["password"])
            logins.append(DemoLogin(organisation.name, person["email"], tuple(person["roles"])))
        lead = user_model.objects.get(email=next(p["email"] for p in spec["people"] if "equality_lead" in p["roles"]))
        plan_spec = _data_file(spec["plan_file"]) if "plan_file" in spec else spec["plan"]
        _build_plan(lead=lead, organisation=organisation, spec=plan_spec, published=set(spec["published"]))
        build_assessments_demo(organisation=organisation)
    if with_progress:
        _record_progress(content.get("progress", []))
        _import_seed_plans(content.get("imports", []))
    return password, logins


def _record_progress(entries: list[dict[str, Any]]) -> None:
    """Owners and dated updates for some demo actions, given by the equality lead (as an import would)."""
    from dueregard.organisations.models import Unit

    user_model = get_user_model()
    lead = user_model.objects.get(email="lead@demo.example")
    for entry in entries:
        action = Action.objects.get(organisation__slug="demo", title__startswith=entry["action"])
        owner = entry.get("owner", "")
        if "@" in owner:
            action.owner_user = user_model.objects.get(email=owner)
        elif owner:
            action.owner_unit = Unit.objects.get(organisation__slug="demo", name=owner)
        action.save(update_fields=["owner_user", "owner_unit"])
        for update in entry["updates"]:
            completed = update.get("completed_on")
            progress_update_add(
                actor=lead,
                action=action,
                text=update["text"],
                status=update["status"],
                reported_on=dt.date.fromisoformat(update["date"]),
                status_text=update["words"],
                completed_on=dt.date.fromisoformat(completed) if completed else None,
            )


def _import_seed_plans(imports: list[dict[str, str]]) -> None:
    """Import the seeds' other plans (the scheme's action table, the improvement plan) with the plan importer, as
    an equality lead would from the Word files."""
    from dueregard.objectives.importing.commit import plan_import_commit, preview_for
    from dueregard.objectives.importing.reading import read_bytes

    lead = get_user_model().objects.get(email="lead@demo.example")
    organisation = Organisation.objects.get(slug="demo")
    for item in imports:
        data = resources.files("dueregard.demo").joinpath(f"data/{item['file']}").read_bytes()
        preview = preview_for(organisation, read_bytes(data, filename=item["file"]))
        plan_import_commit(
            actor=lead,
            organisation=organisation,
            preview=preview,
            plan_title=item["title"],
            reported_on=dt.date.fromisoformat(item["reported_on"]),
            plan_fields={"kind": item["kind"]},
        )
