"""Helpers that walk an assessment through its life with the real services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from dueregard.assessments import services
from dueregard.assessments.models import Assessment
from dueregard.assessments.rules import MATRIX

TODAY = timezone.localdate()
NEXT_YEAR = TODAY + dt.timedelta(days=365)


def update(assessment: Assessment, actor: Any, **changes: Any) -> Assessment:
    assessment.refresh_from_db()
    return services.assessment_update(
        actor=actor, assessment=assessment, expected_lock_version=assessment.lock_version, today=TODAY, **changes
    )


def move(assessment: Assessment, actor: Any, to: str) -> Assessment:
    assessment.refresh_from_db()
    return services.assessment_transition(actor=actor, assessment=assessment, to=to, today=TODAY)


def start(demo: Any, title: str = "Flexible working policy", **fields: Any) -> Assessment:
    return services.assessment_start(
        actor=demo.users["contributor"], organisation=demo.organisation, title=title, today=TODAY, **fields
    )


def fill_matrix(assessment: Assessment, actor: Any, negative: tuple[tuple[str, str], ...] = ()) -> None:
    for characteristic, aim in MATRIX:
        is_negative = (characteristic, aim) in negative
        services.impact_cell_set(
            actor=actor,
            assessment=assessment,
            characteristic=characteristic,
            aim=aim,
            impact="negative" if is_negative else "neutral",
            reason="Fewer part-time posts" if is_negative else "",
        )


def to_decision(demo: Any, assessment: Assessment, negative: tuple[tuple[str, str], ...] = ()) -> Assessment:
    """From screening to the decision stage, with a full matrix and one engagement record."""
    author = demo.users["contributor"]
    update(assessment, author, screening_reasons="Affects how staff balance work and care.")
    move(assessment, author, "full_assessment")
    fill_matrix(assessment, author, negative)
    move(assessment, author, "engagement")
    services.engagement_record_add(
        actor=author,
        assessment=assessment,
        aims="Test the draft policy with staff",
        groups="Staff networks and trades unions",
        held_on=TODAY,
        method="Workshop",
        what_they_said="Worried about carers",
        what_changed="Added a carers' clause",
        meaningful=True,
        representative=True,
        effective=True,
        suitable=True,
        today=TODAY,
    )
    return move(assessment, author, "decision")


def to_awaiting_sign_off(demo: Any, assessment: Assessment) -> Assessment:
    author = demo.users["contributor"]
    to_decision(demo, assessment)
    update(
        assessment,
        author,
        outcome="no_change",
        review_date=NEXT_YEAR,
        decision_maker=demo.users["approver"],
    )
    return move(assessment, author, "awaiting_sign_off")


def to_signed_off(demo: Any, assessment: Assessment) -> Assessment:
    approver = demo.users["approver"]
    to_awaiting_sign_off(demo, assessment)
    services.assessment_decision_confirm(actor=approver, assessment=assessment, decision_date=TODAY)
    return move(assessment, approver, "signed_off")
