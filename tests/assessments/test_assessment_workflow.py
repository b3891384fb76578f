"""The transition table, every pair of states: pure, no database."""

from __future__ import annotations

import itertools

import pytest

from dueregard.assessments.workflow import (
    OPEN,
    TRANSITIONS,
    State,
    TransitionNotAllowedError,
    allowed_transitions,
    check_transition,
)

ALLOWED = {
    ("screening", "screened_out"),
    ("screening", "full_assessment"),
    ("screening", "withdrawn"),
    ("under_review", "screened_out"),
    ("under_review", "full_assessment"),
    ("under_review", "withdrawn"),
    ("full_assessment", "engagement"),
    ("full_assessment", "screening"),
    ("full_assessment", "withdrawn"),
    ("engagement", "decision"),
    ("engagement", "full_assessment"),
    ("engagement", "withdrawn"),
    ("decision", "awaiting_sign_off"),
    ("decision", "engagement"),
    ("decision", "withdrawn"),
    ("awaiting_sign_off", "signed_off"),
    ("awaiting_sign_off", "decision"),
    ("awaiting_sign_off", "withdrawn"),
    ("signed_off", "published"),
    ("signed_off", "review_due"),
    ("signed_off", "superseded"),
    ("published", "review_due"),
    ("published", "superseded"),
    ("screened_out", "review_due"),
    ("screened_out", "superseded"),
    ("review_due", "superseded"),
}
PAIRS = list(itertools.product([s.value for s in State], repeat=2))


@pytest.mark.parametrize(("current", "target"), [pair for pair in PAIRS if pair in ALLOWED])
def test_an_allowed_move_passes(current: str, target: str) -> None:
    check_transition(current, target)
    assert State(target) in allowed_transitions(current)


@pytest.mark.parametrize(("current", "target"), [pair for pair in PAIRS if pair not in ALLOWED])
def test_every_other_move_is_refused(current: str, target: str) -> None:
    with pytest.raises(TransitionNotAllowedError):
        check_transition(current, target)


def test_the_table_is_exactly_the_documented_one() -> None:
    table = {(current.value, target.value) for current, targets in TRANSITIONS.items() for target in targets}
    assert table == ALLOWED


def test_every_open_state_can_be_withdrawn_and_no_closed_one_can() -> None:
    for state in State:
        assert (State.WITHDRAWN in TRANSITIONS[state]) == (state in OPEN)


def test_withdrawn_and_superseded_are_the_end() -> None:
    assert allowed_transitions("withdrawn") == frozenset()
    assert allowed_transitions("superseded") == frozenset()
