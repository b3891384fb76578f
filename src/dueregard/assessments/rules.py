"""What an assessment must hold before it may move to a state: the content rules behind the transition table.

``problems_before`` answers field -> messages saying what to fix; an empty answer means the move may go ahead. Pages
can call it to show what is still missing before someone tries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils.translation import gettext as _

from dueregard.assessments.models import Assessment, Impact, Lens, Outcome, ScreeningDecision
from dueregard.assessments.workflow import State
from dueregard.objectives.models import Aim, Characteristic

# Every cell of the matrix: nine characteristics × three aims, except marriage and civil partnership (aim (a) only).
MATRIX = [
    (characteristic, aim)
    for characteristic in Characteristic.values
    for aim in Aim.values
    if characteristic != Characteristic.MARRIAGE or aim == Aim.ELIMINATE
]

Problems = dict[str, list[str]]


def _add(problems: Problems, field: str, message: str) -> None:
    problems.setdefault(field, []).append(message)


def has_negative_impact(assessment: Assessment) -> bool:
    if assessment.impacts.filter(impact=Impact.NEGATIVE).exists():
        return True
    return any(result.get("impact") == Impact.NEGATIVE for result in assessment.lens_results.values())


def _screening(assessment: Assessment, target: State, problems: Problems) -> None:
    if not assessment.screening_reasons.strip():
        _add(problems, "screening_reasons", _("Give the reasons for the screening decision."))
    if target == State.SCREENED_OUT and assessment.screening_decision == ScreeningDecision.FULL:
        _add(
            problems,
            "screening_decision",
            _("The screening decision says a full assessment is needed: change it, or go on to a full assessment."),
        )
    if target == State.FULL_ASSESSMENT and assessment.screening_decision == ScreeningDecision.NOT_NEEDED:
        _add(
            problems,
            "screening_decision",
            _("The screening decision says no full assessment is needed: change it, or screen the policy out."),
        )


def _review_date(assessment: Assessment, today: dt.date, problems: Problems) -> None:
    if assessment.review_date is None:
        _add(problems, "review_date", _("Set the date when this assessment will be reviewed."))
    elif assessment.review_date < today:
        _add(problems, "review_date", _("The review date is in the past: choose a date from today on."))


def _matrix(assessment: Assessment, lenses: Iterable[str], problems: Problems) -> None:
    filled = set(assessment.impacts.values_list("characteristic", "aim"))
    missing = [(c, a) for c, a in MATRIX if (c, a) not in filled]
    if missing:
        names = "; ".join(f"{Characteristic(c).label} – {Aim(a).label}" for c, a in missing[:5])
        _add(
            problems,
            "impacts",
            _(
                "Complete the impact matrix (choose 'unknown' where the evidence is missing): %(count)s cells are "
                "still empty, starting with %(cells)s."
            )
            % {"count": len(missing), "cells": names},
        )
    missing_lenses = [str(Lens(lens).label) for lens in lenses if lens not in assessment.lens_results]
    if missing_lenses:
        _add(
            problems,
            "lens_results",
            _("Record the impact through these lenses: %(lenses)s.") % {"lenses": ", ".join(missing_lenses)},
        )


def _adverse(assessment: Assessment, problems: Problems) -> None:
    """The five considerations of seed 001 §5.10, once any impact is negative."""
    if not assessment.adverse_duty_met.strip():
        _add(problems, "adverse_duty_met", _("An impact is negative: say whether the general duty is still met."))
    if not assessment.adverse_alternatives.strip():
        _add(
            problems,
            "adverse_alternatives",
            _("An impact is negative: describe the alternatives that could meet the aims without it."),
        )
    if assessment.adverse_unavoidable is None:
        _add(problems, "adverse_unavoidable", _("An impact is negative: say whether it is unavoidable."))
    if assessment.adverse_unavoidable and not assessment.adverse_justification.strip():
        _add(
            problems,
            "adverse_justification",
            _("The adverse impact is unavoidable: justify it by the aims and importance of the policy."),
        )
    if not assessment.adverse_mitigation.strip() and not assessment.adverse_justification.strip():
        _add(
            problems,
            "adverse_mitigation",
            _("An impact is negative: describe the measures that will reduce it, or justify it."),
        )
    if assessment.second_consultation_needed is None or not assessment.second_consultation_reasons.strip():
        _add(
            problems,
            "second_consultation_needed",
            _(
                "An impact is negative: decide whether a second round of consultation is needed, considering the "
                "effect on people's daily lives and how far the proposal has changed."
            ),
        )


def _outcome(assessment: Assessment, negative: bool, problems: Problems) -> None:
    if assessment.outcome not in {o.value for o in Outcome if o != Outcome.UNDECIDED}:
        _add(problems, "outcome", _("Choose the outcome of the assessment."))
        return
    if assessment.outcome == Outcome.CONTINUE and not negative:
        _add(
            problems,
            "outcome",
            _("The outcome is 'continue despite adverse impact', but no impact is negative: choose another outcome."),
        )
    if (
        assessment.outcome in {Outcome.CONTINUE, Outcome.ADJUST, Outcome.STOP}
        and not assessment.outcome_details.strip()
    ):
        _add(
            problems,
            "outcome_details",
            _("Describe the changes made to the policy, or the justification for the outcome."),
        )


def problems_before(assessment: Assessment, target: str, *, today: dt.date, lenses: Iterable[str]) -> Problems:
    """What must be fixed before ``assessment`` may become ``target`` (empty: nothing)."""
    wanted = State(target)
    problems: Problems = {}
    if wanted in {State.SCREENED_OUT, State.FULL_ASSESSMENT}:
        _screening(assessment, wanted, problems)
    if wanted == State.SCREENED_OUT:
        _review_date(assessment, today, problems)
    if (
        wanted == State.DECISION
        and assessment.state == State.ENGAGEMENT
        and not assessment.engagements.exists()
        and not assessment.no_engagement_reason.strip()
    ):
        _add(problems, "engagements", _("Record who was involved or consulted, or say why nobody was."))
    if wanted in {State.AWAITING_SIGN_OFF, State.SIGNED_OFF}:
        _matrix(assessment, lenses, problems)
        negative = has_negative_impact(assessment)
        if negative:
            _adverse(assessment, problems)
        _outcome(assessment, negative, problems)
        _review_date(assessment, today, problems)
        if assessment.decision_maker_id is None:
            _add(problems, "decision_maker", _("Name the decision-maker."))
    if wanted == State.SIGNED_OFF and assessment.decision_confirmed_at is None:
        _add(
            problems,
            "decision_confirmed_at",
            _("The decision-maker has not yet confirmed that they read the assessment before deciding."),
        )
    return problems
