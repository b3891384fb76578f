"""Every status wording of seed-requirements §3.1 reads into the normalised vocabulary."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dueregard.objectives.status_words import status_from_words

SEED_WORDS = [
    ("Completed", "complete"),
    ("Complete", "complete"),
    ("Complete Complete", "complete"),
    ("Completed June 08", "complete"),
    ("Complete. Network relaunched March 10", "complete"),
    ("Achieved", "complete"),
    ("Achieved; budget held centrally to agree planned expenditure and control costs.", "complete"),
    ("All actions met", "complete"),
    ("Actioned.", "complete"),
    ("Ongoing", "in_progress"),
    ("ongoing", "in_progress"),
    ("Ongoing Ongoing", "in_progress"),
    ("Ongoing as required", "in_progress"),
    ("Ongoing: more women have been appointed.", "in_progress"),
    ("On-going", "in_progress"),
    ("On going review and evaluation", "in_progress"),
    ("Point 1 completed June 08. Point 2 partially completed.", "partially_complete"),
    ("Underway", "in_progress"),
    ("Already underway", "in_progress"),
    ("Immediate and ongoing", "in_progress"),
    ("Available if appropriate", "not_applicable"),
    ("The Employment Services study project was withdrawn as part of a revised research programme.", "withdrawn"),
    ("This work has been transferred to the Public Service Reform Group (Innovation team).", "transferred"),
    ("This work is led by Home Office, not Strategy & Policy.", "transferred"),
    ("Final workforce planning process not yet developed and rolled out.", "not_delivered"),
    ("The final evaluation of Volunteering for All is yet to be published.", "not_delivered"),
    ("There was no annual customer survey after all", "not_delivered"),
    ("(to be taken)", "not_started"),
    ("Due to report in 2008", "not_started"),
    ("Not yet started", "not_started"),
    ("Trading Perspectives scheme launched and 2 cohorts run so far.", "in_progress"),
    ("Review of project taking place.", "in_progress"),
    ("", "unknown"),
    ("   ", "unknown"),
]


@pytest.mark.parametrize(("words", "status"), SEED_WORDS)
def test_seed_status_words(words: str, status: str) -> None:
    assert status_from_words(words) == status


def test_words_with_no_status_are_not_guessed() -> None:
    assert status_from_words("Data recorded and maintained.") is None


@given(st.text())
def test_never_raises_and_returns_a_known_status_or_none(text: str) -> None:
    result = status_from_words(text)
    assert result is None or result in {
        "not_started",
        "in_progress",
        "partially_complete",
        "complete",
        "recurring",
        "not_delivered",
        "withdrawn",
        "transferred",
        "not_applicable",
        "unknown",
    }
