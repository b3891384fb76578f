from __future__ import annotations

import datetime as dt

import pytest

from dueregard.objectives.rag import quarter_start, rag_for

TODAY = dt.date(2026, 11, 23)
THIS_QUARTER = dt.date(2026, 10, 15)
LAST_QUARTER = dt.date(2026, 9, 30)


@pytest.mark.parametrize(
    ("status", "due", "last_update", "expected", "overdue", "unreported"),
    [
        ("complete", dt.date(2026, 1, 1), None, "complete", False, False),
        ("withdrawn", dt.date(2026, 1, 1), None, "closed", False, False),
        ("transferred", None, None, "closed", False, False),
        ("in_progress", dt.date(2026, 11, 22), THIS_QUARTER, "red", True, False),
        ("not_started", dt.date(2026, 12, 10), THIS_QUARTER, "amber", False, False),  # due within 30 days
        ("not_started", dt.date(2027, 6, 1), THIS_QUARTER, "green", False, False),
        ("in_progress", dt.date(2027, 6, 1), LAST_QUARTER, "amber", False, True),  # no update this quarter
        ("in_progress", None, None, "amber", False, True),
        ("in_progress", dt.date(2027, 6, 1), THIS_QUARTER, "green", False, False),
        ("recurring", dt.date(2026, 1, 1), THIS_QUARTER, "green", False, False),  # a cycle is never overdue
    ],
)
def test_rag_from_status_due_date_and_last_update(
    status: str, due: dt.date | None, last_update: dt.date | None, expected: str, overdue: bool, unreported: bool
) -> None:
    reading = rag_for(status=status, due_date=due, last_update_on=last_update, rag_override="", today=TODAY)
    assert reading.computed == expected
    assert reading.shown == expected
    assert reading.overdue is overdue
    assert reading.no_update_this_quarter is unreported
    assert reading.overridden is False


def test_a_hand_set_rag_is_shown_but_the_computed_one_is_kept() -> None:
    reading = rag_for(
        status="in_progress",
        due_date=dt.date(2026, 1, 1),
        last_update_on=THIS_QUARTER,
        rag_override="amber",
        today=TODAY,
    )
    assert (reading.computed, reading.shown, reading.overridden) == ("red", "amber", True)


@pytest.mark.parametrize(
    ("day", "start"),
    [
        (dt.date(2026, 1, 1), dt.date(2026, 1, 1)),
        (dt.date(2026, 3, 31), dt.date(2026, 1, 1)),
        (dt.date(2026, 4, 1), dt.date(2026, 4, 1)),
        (dt.date(2026, 12, 31), dt.date(2026, 10, 1)),
    ],
)
def test_quarter_start(day: dt.date, start: dt.date) -> None:
    assert quarter_start(day) == start
