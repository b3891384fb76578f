"""Shared set-up for the report tests: known progress updates on the demo plan, made through the services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from dueregard.objectives.models import Action
from dueregard.objectives.services import action_update, progress_update_add
from dueregard.organisations.models import Unit

DAY = dt.date(2026, 11, 20)  # in the third quarter of 2026-27 (October to December 2026)

INDUCTION = "Review induction procedures"
TRANSGENDER = "Produce instructions and guidance on transgender issues for Detention Services"
TRAFFICKING = "Set up system of assessing the quality of decision making in trafficking cases."
VAWG = "Deliver the Home Office actions in the cross-government Call to End Violence Against Women and Girls"


def action(title: str) -> Action:
    return Action.objects.get(organisation__slug="demo", title__startswith=title)


@dataclass
class Scenario:
    induction: Action
    transgender: Action
    trafficking: Action
    vawg: Action


def quarter_of_updates(demo: Any) -> Scenario:
    """- induction: in progress in August, complete on 10 October (red -> complete; owned by Human Resources);
    - transgender: first update on 1 November, in progress (not started -> in progress; stays red, overdue);
    - trafficking: in progress on 1 September only (no change this quarter, and no update this quarter);
    - vawg (no due date): in progress on 5 October (amber -> green; owned by the Corporate Services Group)."""
    lead = demo.users["equality_lead"]
    units = {unit.name: unit for unit in Unit.objects.filter(organisation=demo.organisation)}
    scenario = Scenario(action(INDUCTION), action(TRANSGENDER), action(TRAFFICKING), action(VAWG))
    action_update(actor=lead, action=scenario.induction, owner_unit=units["Human Resources"])
    action_update(actor=lead, action=scenario.transgender, owner_unit=units["Civil Contingencies Secretariat"])
    action_update(actor=lead, action=scenario.vawg, owner_unit=units["Corporate Services Group"])
    for target, status, day, text in [
        (scenario.induction, "in_progress", dt.date(2026, 8, 15), "Draft procedure written"),
        (scenario.induction, "complete", dt.date(2026, 10, 10), "New induction procedure in use"),
        (scenario.transgender, "in_progress", dt.date(2026, 11, 1), "Guidance drafted with staff networks"),
        (scenario.trafficking, "in_progress", dt.date(2026, 9, 1), "Quality framework agreed"),
        (scenario.vawg, "in_progress", dt.date(2026, 10, 5), "Quarterly delivery board met"),
    ]:
        progress_update_add(actor=lead, action=target, text=text, status=status, reported_on=day)
    for item in (scenario.induction, scenario.transgender, scenario.trafficking, scenario.vawg):
        item.refresh_from_db()
    return scenario
