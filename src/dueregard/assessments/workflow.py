"""The life of an equality impact assessment as a small, pure transition table.

No Django here: the services check a move against this table (and then the content rules), and the model's
database constraint keeps the state one of these values. docs/decisions/0601-assessment-lifecycle.md explains it.
"""

from __future__ import annotations

import enum


class State(enum.StrEnum):
    SCREENING = "screening"  # the draft: is a full assessment needed?
    SCREENED_OUT = "screened_out"  # no full assessment needed, reasons recorded, signed off (locked)
    FULL_ASSESSMENT = "full_assessment"  # evidence, impact matrix, adverse impact
    ENGAGEMENT = "engagement"  # involving and consulting the people affected
    DECISION = "decision"  # outcome and adverse-impact considerations, before the decision
    AWAITING_SIGN_OFF = "awaiting_sign_off"  # with an approver (locked while there)
    SIGNED_OFF = "signed_off"  # locked; changing it makes a new version
    PUBLISHED = "published"
    REVIEW_DUE = "review_due"
    UNDER_REVIEW = "under_review"  # a new version (review or change) being prepared from a locked one
    WITHDRAWN = "withdrawn"
    SUPERSEDED = "superseded"  # a later version was signed off (set by the system, never chosen)


# The states in which the content can still be changed.
EDITABLE = frozenset({State.SCREENING, State.FULL_ASSESSMENT, State.ENGAGEMENT, State.DECISION, State.UNDER_REVIEW})
# Open: work in progress, which can be withdrawn.
OPEN = EDITABLE | {State.AWAITING_SIGN_OFF}
# Locked states from which a new version (a review or a change) can start.
VERSIONABLE = frozenset({State.SCREENED_OUT, State.SIGNED_OFF, State.PUBLISHED, State.REVIEW_DUE})
# States that count as "done" (a decision was signed off) for the numbers.
COMPLETED = frozenset({State.SCREENED_OUT, State.SIGNED_OFF, State.PUBLISHED, State.REVIEW_DUE, State.SUPERSEDED})
# States whose review date matters: a settled assessment that nobody has replaced yet.
AWAITING_REVIEW = frozenset({State.SCREENED_OUT, State.SIGNED_OFF, State.PUBLISHED, State.REVIEW_DUE})

TRANSITIONS: dict[State, frozenset[State]] = {
    State.SCREENING: frozenset({State.SCREENED_OUT, State.FULL_ASSESSMENT, State.WITHDRAWN}),
    State.UNDER_REVIEW: frozenset({State.SCREENED_OUT, State.FULL_ASSESSMENT, State.WITHDRAWN}),
    State.FULL_ASSESSMENT: frozenset({State.ENGAGEMENT, State.SCREENING, State.WITHDRAWN}),
    State.ENGAGEMENT: frozenset({State.DECISION, State.FULL_ASSESSMENT, State.WITHDRAWN}),
    # back to engagement = a second round of consultation (seed 001 §5.10)
    State.DECISION: frozenset({State.AWAITING_SIGN_OFF, State.ENGAGEMENT, State.WITHDRAWN}),
    # back to decision = returned by the approver, or taken back by the author
    State.AWAITING_SIGN_OFF: frozenset({State.SIGNED_OFF, State.DECISION, State.WITHDRAWN}),
    State.SIGNED_OFF: frozenset({State.PUBLISHED, State.REVIEW_DUE, State.SUPERSEDED}),
    State.PUBLISHED: frozenset({State.REVIEW_DUE, State.SUPERSEDED}),
    State.SCREENED_OUT: frozenset({State.REVIEW_DUE, State.SUPERSEDED}),
    State.REVIEW_DUE: frozenset({State.SUPERSEDED}),
    State.WITHDRAWN: frozenset(),
    State.SUPERSEDED: frozenset(),
}

# Moves only the system makes (when a later version is signed off); people cannot choose them.
SYSTEM_ONLY = frozenset({State.SUPERSEDED})
# Moves that are a sign-off: an approver who is not the author.
SIGN_OFF_TARGETS = frozenset({State.SIGNED_OFF, State.SCREENED_OUT})
# Moves that belong to whoever publishes the organisation's assessments.
PUBLISHING_TARGETS = frozenset({State.PUBLISHED, State.REVIEW_DUE})


class TransitionNotAllowedError(ValueError):
    def __init__(self, current: State, target: State) -> None:
        super().__init__(f"{current.value} -> {target.value}")
        self.current = current
        self.target = target


def allowed_transitions(state: str) -> frozenset[State]:
    return TRANSITIONS[State(state)]


def is_allowed(state: str, target: str) -> bool:
    return State(target) in TRANSITIONS[State(state)]


def check_transition(state: str, target: str) -> None:
    """Raise TransitionNotAllowedError unless the table allows moving from ``state`` to ``target``."""
    current, wanted = State(state), State(target)
    if wanted not in TRANSITIONS[current]:
        raise TransitionNotAllowedError(current, wanted)
