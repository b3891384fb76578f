"""The seed tables, saved as DOCX, XLSX and CSV, import with every action, milestone and update kept."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from helpers import FIXTURES, preview_of, words

from dueregard.audit.models import AuditEvent
from dueregard.objectives.importing.commit import ImportRefusedError, plan_import_commit
from dueregard.objectives.importing.reading import read_file
from dueregard.objectives.models import Action


def _commit(demo: Any, name: str, **options: Any) -> Any:
    preview = preview_of(name, demo.organisation)
    return plan_import_commit(
        actor=demo.users["equality_lead"], organisation=demo.organisation, preview=preview, plan_title=name, **options
    )


def _saved_words(plan: Any) -> list[str]:
    texts: list[str] = []
    for objective in plan.objectives.all():
        texts += [objective.reference, objective.statement, objective.business_area, objective.desired_outcome]
        texts += [objective.description, *(m.name for m in objective.measures.all())]
        for action in objective.actions.all():
            texts += [action.title, action.desired_outcome, action.timescale_text, action.owner_text]
            texts += [u.text for u in action.updates.all()]
    texts += [r.text for r in plan.recommendations.all()] + [r.number for r in plan.recommendations.all()]
    return words("\n".join(texts))


@pytest.mark.parametrize("name", ["seed002_actions.csv", "seed002_actions.xlsx", "seed002_actions.docx"])
def test_seed_002_imports_every_row_action_timescale_and_update(demo: Any, name: str) -> None:
    result = _commit(demo, name)
    plan = result.plan
    assert result.counts == {
        "objectives": 101,
        "actions": 201,
        "milestones": result.counts["milestones"],
        "updates": 194,
        "recommendations": 0,
        "measures": 0,
    }
    # Every word of the table (without the repeated headers and the owner lines' labels) is in the plan.
    source = [row.cells for row in read_file(FIXTURES / name).rows if row.cells[0] != "Function / Policy"]
    saved = set(_saved_words(plan))
    missing = {w for cells in source for cell in cells for w in words(cell)} - saved
    # "d" is the end of "disseminate|d", cut by a page break and glued back on.
    assert missing <= {"Owner", "for", "all", "actions", "All", "Actions", "Actions:", "d"}
    procurement = plan.objectives.get(statement="Procurement Policy")
    assert [(a.title, a.timescale_text, a.status_text) for a in procurement.actions.order_by("position")] == [
        ("1. Standard Contract and related documentation reviewed and strengthened.", "January 2008", "Achieved"),
        ("2. Consultation with affected groups to be undertaken.", "March 2008", "Achieved"),
        (
            "3. Assurance that government procurement policies are compliant with duty to be sought from OGC.",
            "March 2008",
            "Achieved",
        ),
        ("4. New guidance to be promulgated.", "March 2008", "Achieved"),
        (
            "5. Monitoring of tender responses /contractors via Management Units to be undertaken.",
            "And ongoing monitoring",
            "Achieved",
        ),
    ]
    assert procurement.business_area == "Procurement & Effective use of financial resources"
    assert {a.owner_text for a in procurement.actions.all()} == {"Corporate Services Group"}
    assert {a.status for a in procurement.actions.all()} == {"complete"}
    # "Completed June 08": the action and its update carry the completion date (the last day of June 2008).
    finished = Action.objects.filter(objective__plan=plan, status_text="Completed June 08")
    assert [(a.completed_on, [u.completed_on for u in a.updates.all()]) for a in finished] == [
        (dt.date(2008, 6, 30), [dt.date(2008, 6, 30)])
    ] * 2
    # "Achieved" gives no date: none is invented.
    assert {a.completed_on for a in procurement.actions.all()} == {None}


def test_seed_002_page_break_rows_are_joined_and_aligned(demo: Any) -> None:
    plan = _commit(demo, "seed002_actions.docx").plan
    culture = (
        plan.objectives.filter(actions__desired_outcome__startswith="An inclusive culture")
        .distinct()
        .get()
        .actions.filter(desired_outcome__startswith="An inclusive culture")
    )
    assert [(a.title, a.timescale_text) for a in culture.order_by("position")] == [
        ("All diversity networks to be provided with facility time and a budget", "Aug 07"),
        (
            "Allow discretion over the use of privilege days so that staff can use them for other religious holidays",
            "2008",
        ),
        ("Include diversity in the CO Values and Behaviours", "Nov 07"),
        ("Review the availability of prayer rooms in all CO buildings", "Dec 07"),
        ("Introduce salary advance for religious festivals other than Christmas", "Dec 08"),
    ]
    updates = [a.updates.get().text for a in culture.order_by("position")]
    assert updates[0] == "Achieved; budget held centrally to agree planned expenditure and control costs."
    assert updates[3].startswith("Prayer rooms facilities were reviewed and facilities are available")
    bullying_objective = (
        plan.objectives.filter(actions__desired_outcome="Bullying and harassment is eliminated within the CO")
        .distinct()
        .get()
    )
    assert [
        (a.timescale_text, a.status_text)
        for a in bullying_objective.actions.filter(desired_outcome__startswith="Bullying").order_by("position")
    ] == [
        ("March 08/ March 10", "Complete. Network relaunched March 10"),
        ("March 08", "Staff Support Officers sought from across the Cabinet Office, including staff networks."),
        ("April 08", "Pilot positive action training courses organised soon to be held."),
    ]


def test_seed_002_rows_that_do_not_line_up_are_flagged_not_guessed(demo: Any) -> None:
    preview = preview_of("seed002_actions.csv", demo.organisation)
    flagged = [p for p in preview.warnings if "do not line up" in p.message]
    assert flagged
    assert not preview.errors


@pytest.mark.parametrize("name", ["seed000_objectives.xlsx", "seed000_objectives.ods"])
def test_seed_000_imports_objectives_groups_and_sub_actions(demo: Any, name: str) -> None:
    plan = _commit(demo, name).plan
    objectives = list(plan.objectives.order_by("position"))
    assert [o.reference for o in objectives] == ["1", "2", "3", "4", "5"]
    assert objectives[0].statement == "Tackle hate crime and reduce violence against women and girls."
    assert objectives[2].business_area == "UK Border Agency and Border Force"
    tops = [o.actions.filter(parent=None).count() for o in objectives]
    leaves = [o.actions.filter(children=None).count() for o in objectives]
    assert tops == [2, 3, 5, 2, 3]
    assert leaves == [2, 3, 11, 5, 3]
    group = objectives[2].actions.get(title__startswith="Review approach to asylum case work")
    assert [(c.title[:40], c.timescale_text) for c in group.children.order_by("position")] == [
        ("Review the guidance on sexual orientatio", "By April 2013"),
        ("Monitor and review the Home Office appro", "Quarterly"),
    ]
    assert group.children.get(timescale_text="By April 2013").due_date.isoformat() == "2013-04-30"


def test_seed_003_imports_issues_recommendations_and_measures(demo: Any) -> None:
    result = _commit(demo, "seed003_improvement_plan.docx")
    plan = result.plan
    objectives = list(plan.objectives.order_by("position"))
    assert [o.reference for o in objectives] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [o.measures.count() for o in objectives] == [5, 5, 4, 3, 5, 5, 5]
    links = {r.number: sorted(int(o.reference) for o in r.objectives.all()) for r in plan.recommendations.all()}
    assert links == {"1": [1], "2": [2], "3": [3], "4": [4], "5": [6], "6": [5], "7": [1], "8": [1], "9": [5, 6]}
    # The audit trail records each recommendation with the objectives it was linked to.
    nine = plan.recommendations.get(number="9")
    event = AuditEvent.objects.get(object_type="objectives.recommendation", object_id=str(nine.pk))
    assert event.action == "plan_import"
    assert event.after["objectives"] == sorted(o.pk for o in objectives if o.reference in {"5", "6"})
    five = objectives[4]
    assert list(five.measures.order_by("position").values_list("name", flat=True))[3:] == [
        "Jobcentre Plus stocktake of involvement and consultation activity completed.",
        "Baseline data from the Diversity Challenge on the completion of equality impact assessments.",
    ]
    assert "ensure better integration with the Diversity Challenge." in plan.recommendations.get(number="9").text
    assert objectives[3].description.startswith("Following our work with a research contractor")


def _row_counts() -> dict[str, int]:
    from dueregard.audit.models import AuditEvent
    from dueregard.objectives.models import Action, Measure, Milestone, Objective, Plan, ProgressUpdate, Recommendation

    return {
        m.__name__: m.objects.count()
        for m in (Plan, Objective, Action, Milestone, ProgressUpdate, Recommendation, Measure, AuditEvent)
    }


def test_an_error_anywhere_saves_nothing_at_all(demo: Any) -> None:
    from dueregard.objectives.importing.preview import Problem

    preview = preview_of("seed002_actions.csv", demo.organisation)
    preview.problems.append(Problem(row=300, column="Update", message="broken", is_error=True))
    preview.invalid_rows.add(300)
    before = _row_counts()
    with pytest.raises(ImportRefusedError):
        plan_import_commit(
            actor=demo.users["equality_lead"], organisation=demo.organisation, preview=preview, plan_title="x"
        )
    assert _row_counts() == before


def test_a_failure_half_way_rolls_everything_back(demo: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from dueregard.objectives.importing import commit

    def broken(*_: Any, **__: Any) -> None:
        raise RuntimeError("database went away")

    before = _row_counts()
    monkeypatch.setattr(commit, "_audit_event", broken)
    with pytest.raises(RuntimeError):
        _commit(demo, "seed003_improvement_plan.docx")
    assert _row_counts() == before


def test_only_valid_rows_leaves_out_the_rows_with_errors_and_reports_them(demo: Any) -> None:
    from dueregard.objectives.importing.preview import Problem

    preview = preview_of("seed000_objectives.xlsx", demo.organisation)
    bad = preview.objectives[1].rows[0]
    preview.problems.append(Problem(row=bad, column="Objective", message="broken", is_error=True))
    preview.invalid_rows.add(bad)
    result = plan_import_commit(
        actor=demo.users["equality_lead"],
        organisation=demo.organisation,
        preview=preview,
        plan_title="x",
        only_valid_rows=True,
    )
    assert result.counts["objectives"] == 4
    assert result.skipped_rows == [bad]


def test_a_viewer_may_not_import(demo: Any) -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        plan_import_commit(
            actor=demo.users["viewer"],
            organisation=demo.organisation,
            preview=preview_of("seed003_improvement_plan.docx", demo.organisation),
            plan_title="x",
        )


def test_owners_that_name_a_unit_are_linked_to_it_whatever_the_case_and_spacing(demo: Any) -> None:
    import io

    from dueregard.objectives.importing.commit import preview_for
    from dueregard.objectives.importing.reading import read_bytes

    unit = demo.organisation.units.first()
    text = f'Objective,Actions,Owner\nTackle hate crime,Publish the plan,"  {unit.name.upper()}  "\n'
    table = read_bytes(io.BytesIO(text.encode()).getvalue(), filename="plan.csv")
    action = preview_for(demo.organisation, table).objectives[0].actions[0]
    assert (action.owner_unit_id, action.owner_unit_name) == (unit.pk, unit.name)


def test_every_created_object_has_its_audit_row_in_the_same_transaction(demo: Any) -> None:
    from dueregard.audit.models import AuditEvent

    before = AuditEvent.objects.count()
    result = _commit(demo, "seed003_improvement_plan.docx")
    events = AuditEvent.objects.filter(action="plan_import")
    assert AuditEvent.objects.count() - before == sum(result.counts.values()) + 1  # + the plan (plan_create)
    assert events.filter(object_type="objectives.objective").count() == 7
    event = events.get(
        object_type="objectives.recommendation", object_id=str(result.plan.recommendations.get(number="9").pk)
    )
    assert event.actor == demo.users["equality_lead"]
    assert event.before is None
    assert event.after is not None
    assert event.after["number"] == "9"
