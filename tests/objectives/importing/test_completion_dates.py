"""Completion dates read from imported updates ("Completed June 08"), on their own and through the seed 002 import."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from helpers import preview_of
from hypothesis import given
from hypothesis import strategies as st

from dueregard.objectives.importing.completion import completion_date_in

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Completed June 08", dt.date(2008, 6, 30)),
        ("completed June 08", dt.date(2008, 6, 30)),
        ("Achieved in March 2008", dt.date(2008, 3, 31)),
        ("Completed on 14 February 2008. Guidance published.", dt.date(2008, 2, 14)),
        ("Handover of eGMS completed 2008. Cabinet Office has provided guidance", dt.date(2008, 12, 31)),
        ("Finished: 3 March 2009", dt.date(2009, 3, 3)),
        ("Delivered by end of March 2008", dt.date(2008, 3, 31)),
    ],
)
def test_a_date_written_after_a_word_of_completion_is_read_as_its_last_day(text: str, expected: dt.date) -> None:
    assert completion_date_in(text, reported_on=TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Completed",
        "Achieved",
        "All actions met",
        "Completed, guidance published on the intranet",
        "Work started in June 08 and is now completed",  # the date is not the completion's
        "Completed quarterly",  # a recurrence is not a point in time
        "Completed 2008-2010",  # a span, not a point
    ],
)
def test_no_date_is_invented(text: str) -> None:
    assert completion_date_in(text, reported_on=TODAY) is None


def test_a_completion_date_after_the_update_is_not_kept() -> None:
    assert completion_date_in("Completed June 2027", reported_on=TODAY) is None
    assert completion_date_in("Completed June 08", reported_on=dt.date(2008, 6, 15)) is None


def test_the_quarter_setting_is_used_for_quarters() -> None:
    text = "Completed in the first quarter of 2008"
    assert completion_date_in(text, reported_on=TODAY, quarter_convention="calendar") == dt.date(2008, 3, 31)
    assert completion_date_in(text, reported_on=TODAY, quarter_convention="financial") == dt.date(2008, 6, 30)


@given(st.text(max_size=80))
def test_any_text_gives_a_date_no_later_than_the_update_or_none(text: str) -> None:
    found = completion_date_in(text, reported_on=TODAY)
    assert found is None or found <= TODAY


@pytest.fixture(scope="module", params=["seed002_actions.docx", "seed002_actions.xlsx", "seed002_actions.csv"])
def seed002(request: pytest.FixtureRequest) -> Any:
    return preview_of(request.param)


def test_seed_002_completed_june_08_is_read_as_complete_by_the_end_of_june_2008(seed002: Any) -> None:
    actions = [a for o in seed002.objectives for a in o.all_actions() if a.status_text == "Completed June 08"]
    assert len(actions) == 2
    assert {(a.status, a.completed_on) for a in actions} == {("complete", dt.date(2008, 6, 30))}


def test_seed_002_partly_completed_points_give_no_completion_date(seed002: Any) -> None:
    partly = [a for o in seed002.objectives for a in o.all_actions() if a.status_text.startswith("Point 1 completed")]
    assert partly
    assert all(a.completed_on is None for a in partly)
    assert all(a.status != "complete" for a in partly)
