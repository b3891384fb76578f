"""``dueregard assessments-review-due``: what a daily scheduler run marks, and that it marks nothing twice."""

from __future__ import annotations

import datetime as dt
from typing import Any

from click.testing import CliRunner
from django.utils import timezone

from dueregard.assessments.models import Assessment
from dueregard.audit.models import AuditEvent
from dueregard.cli import main

TODAY = timezone.localdate()


def _review_due(organisation: Any) -> list[str]:
    return sorted(
        Assessment.objects.filter(organisation=organisation, state="review_due").values_list("title", flat=True)
    )


def test_today_marks_nothing_in_the_demo(demo: Any) -> None:
    result = CliRunner().invoke(main, ["assessments-review-due", "--organisation", "demo"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"0 assessment(s) marked as due for review on {TODAY.isoformat()}."
    assert _review_due(demo.organisation) == ["Code of practice on consultation"]


def test_a_year_and_a_bit_later_marks_the_settled_assessments_and_prints_them(demo: Any) -> None:
    later = TODAY + dt.timedelta(days=366)
    result = CliRunner().invoke(
        main, ["assessments-review-due", "--organisation", "demo", "--today", later.isoformat()]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].endswith("(demo): 4 assessment(s) now due for review")
    assert len(lines) == 6
    assert lines[-1] == f"4 assessment(s) marked as due for review on {later.isoformat()}."
    # signed off, published twice, and the second version of the refurbishment; the screened-out one waits 3 years
    assert _review_due(demo.organisation) == [
        "Code of practice on consultation",
        "Emergency warning arrangements",
        "Flexible working policy",
        "Honours nominations process",
        "Refurbishment of 70 Whitehall",
    ]
    events = AuditEvent.objects.filter(organisation=demo.organisation, action="assessment_review_due")
    assert events.count() == 4
    assert events.filter(actor__isnull=True).count() == 4  # made by the system, not a person
    again = CliRunner().invoke(main, ["assessments-review-due", "--organisation", "demo", "--today", later.isoformat()])
    assert again.output.strip() == f"0 assessment(s) marked as due for review on {later.isoformat()}."


def test_every_organisation_when_none_is_named(demo: Any) -> None:
    later = TODAY + dt.timedelta(days=4 * 365)
    result = CliRunner().invoke(main, ["assessments-review-due", "--today", later.isoformat()])
    assert result.exit_code == 0, result.output
    assert "(demo): 5 assessment(s)" in result.output  # with the screened-out one now
    assert result.output.splitlines()[-1] == f"5 assessment(s) marked as due for review on {later.isoformat()}."
    assert len(_review_due(demo.other)) == 0


def test_an_unknown_organisation_or_date_is_a_clear_error(demo: Any) -> None:
    unknown = CliRunner().invoke(main, ["assessments-review-due", "--organisation", "nowhere"])
    assert unknown.exit_code == 1
    assert "There is no organisation with the short name 'nowhere'." in unknown.output
    bad_date = CliRunner().invoke(main, ["assessments-review-due", "--today", "31/03/2027"])
    assert bad_date.exit_code == 2
    assert "Invalid value for '--today'" in bad_date.output
