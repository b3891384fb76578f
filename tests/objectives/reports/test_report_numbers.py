from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from report_helpers import DAY, INDUCTION, TRAFFICKING, TRANSGENDER, VAWG, quarter_of_updates

from dueregard.objectives import reporting
from dueregard.objectives.services import action_set_rag_override, measure_create, measure_value_record


def _counts(counts: reporting.RagCounts) -> dict[str, int]:
    return {key: value for key, value in counts.counts.items() if value}


def _titles(rows: list[Any]) -> set[str]:
    return {row.action.title for row in rows}


def test_the_period_is_the_current_quarter_and_changes_count_from_the_end_of_the_last(demo: Any) -> None:
    period = reporting.report_period(organisation=demo.organisation, day=DAY)
    assert (period.start, period.end, period.since, period.as_at) == (
        dt.date(2026, 10, 1),
        dt.date(2026, 12, 31),
        dt.date(2026, 9, 30),
        DAY,
    )
    assert (period.number, period.year_label) == (3, "2026–27")  # financial quarters: April to June is the first
    demo.organisation.quarter_convention = "calendar"
    calendar = reporting.report_period(organisation=demo.organisation, day=dt.date(2027, 2, 1))
    assert (calendar.number, calendar.year_label, calendar.since) == (1, "2027", dt.date(2026, 12, 31))


def test_the_demo_plan_before_any_update(demo: Any) -> None:
    report = reporting.board_report(actor=demo.users["viewer"], organisation=demo.organisation, day=DAY)
    # 24 actions that are not headings: every dated one is long overdue; the undated ones have no update.
    assert report.action_count == 24
    assert _counts(report.total) == {"red": 17, "amber": 7}
    assert report.changes == []
    assert len(report.overdue) == 17
    assert len(report.unreported) == 24
    assert [(line.unit, _counts(line.rag)) for line in report.units] == [(None, {"red": 17, "amber": 7})]


def test_rag_counts_changes_overdue_and_unreported_after_a_quarter_of_updates(demo: Any) -> None:
    quarter_of_updates(demo)
    report = reporting.board_report(actor=demo.users["viewer"], organisation=demo.organisation, day=DAY)

    assert _counts(report.total) == {"red": 16, "amber": 6, "green": 1, "complete": 1}
    by_objective = {line.objective.reference: _counts(line.rag) for line in report.objectives}
    assert by_objective["1"] == {"green": 1, "amber": 1}
    assert sum(sum(counts.values()) for counts in by_objective.values()) == 24
    by_unit = {(line.unit.name if line.unit else None): _counts(line.rag) for line in report.units}
    assert by_unit == {
        "Corporate Services Group": {"green": 1, "complete": 1},  # Human Resources rolls up to its group
        "Intelligence, Security and Resilience Group": {"red": 1},
        None: {"red": 15, "amber": 6},
    }
    assert report.updates_in_period == 3

    assert len(report.changes) == 3
    induction = next(c for c in report.changes if c.row.action.title == INDUCTION)
    assert (induction.status_before, induction.row.action.status) == ("in_progress", "complete")
    assert (induction.rag_before.shown, induction.row.rag.shown) == ("red", "complete")
    assert induction.latest_update is not None
    assert induction.latest_update.text == "New induction procedure in use"
    transgender = next(c for c in report.changes if c.row.action.title == TRANSGENDER)
    # Its first update came in the period: the status before is the one the audit trail recorded.
    assert (transgender.status_before, transgender.status_changed, transgender.rag_changed) == (
        "not_started",
        True,
        False,
    )
    vawg = next(c for c in report.changes if c.row.action.title.startswith(VAWG))
    assert (vawg.rag_before.shown, vawg.row.rag.shown, vawg.updates_in_period) == ("amber", "green", 1)
    assert TRAFFICKING not in {change.row.action.title for change in report.changes}

    assert len(report.overdue) == 16
    assert TRANSGENDER in _titles(report.overdue)
    assert INDUCTION not in _titles(report.overdue)
    assert len(report.unreported) == 21
    assert TRAFFICKING in _titles(report.unreported)  # its last update was in the previous quarter
    assert TRANSGENDER not in _titles(report.unreported)


def test_changes_can_be_counted_from_a_date_the_reader_picks(demo: Any) -> None:
    quarter_of_updates(demo)
    report = reporting.board_report(
        actor=demo.users["viewer"], organisation=demo.organisation, day=DAY, since=dt.date(2026, 10, 7)
    )
    assert report.period.since == dt.date(2026, 10, 7)
    assert {change.row.action.title for change in report.changes} == {INDUCTION, TRANSGENDER}
    assert report.updates_in_period == 2


def test_a_rag_set_by_hand_in_the_period_counts_as_a_change(demo: Any) -> None:
    from report_helpers import action

    lead = demo.users["equality_lead"]
    target = action("Review the guidance on sexual orientation-based asylum claims")
    action_set_rag_override(actor=lead, action=target, rag="amber", reason="Thematic review delayed by the regulator")
    report = reporting.board_report(actor=demo.users["viewer"], organisation=demo.organisation)
    change = next(c for c in report.changes if c.row.action.pk == target.pk)
    assert (change.rag_before.shown, change.row.rag.shown, change.status_changed) == ("red", "amber", False)


def test_measures_come_with_their_values_oldest_first(demo: Any) -> None:
    lead = demo.users["equality_lead"]
    objective = demo.organisation.objectives.get(reference="1")
    measure = measure_create(actor=lead, objective=objective, name="Hate crimes reported", unit="crimes", baseline=40)
    measure_value_record(
        actor=lead, measure=measure, period_label="2026 Q2", period_end=dt.date(2026, 9, 30), value=Decimal(52)
    )
    measure_value_record(
        actor=lead, measure=measure, period_label="2026 Q1", period_end=dt.date(2026, 6, 30), value=Decimal(47)
    )
    report = reporting.board_report(actor=demo.users["viewer"], organisation=demo.organisation, day=DAY)
    line = next(line for line in report.measures if line.measure.pk == measure.pk)
    assert [value.value for value in line.values] == [Decimal(47), Decimal(52)]
    assert line.latest is not None
    assert line.latest.period_label == "2026 Q2"
    assert line.previous is not None
    assert line.previous.value == Decimal(47)


def test_the_report_takes_a_handful_of_queries(demo: Any, django_assert_max_num_queries: Any) -> None:
    quarter_of_updates(demo)
    viewer = demo.users["viewer"]
    with django_assert_max_num_queries(20):
        reporting.board_report(actor=viewer, organisation=demo.organisation, day=DAY)


def test_only_members_may_read_the_report(demo: Any) -> None:
    with pytest.raises(PermissionDenied):
        reporting.board_report(actor=demo.users["outsider"], organisation=demo.organisation, day=DAY)
