"""Positive action: is a group under-represented in particular work? (seed 001 paragraphs 7.14–7.18; now
Equality Act 2010 ss.158–159.)

A group is under-represented in particular work at an establishment when, at any time in the previous 12 months,
**no one** of that group did that work there, or their share doing that work was **small** compared with their
share of (i) everyone employed at the establishment or (ii) the population of the area the employer recruits
from. Then training for that work and encouragement to apply are lawful; recruiting *only* from the group is not.

"Small" is not defined in the law. Here it is a documented parameter: the share doing the work ÷ the comparator
share is below ``small_ratio`` (default 0.8, by analogy with the four-fifths rule). Choose and record another
value where the organisation's policy says so, and say why in ``small_ratio_reason`` (the employer must be able
to justify the measure: seed 001 §7.17). :func:`positive_action_over_period` runs the check at each snapshot
(month-ends, say) of the 12 months to a date: it is met if it is met at **any** of them, not throughout.

The test is per kind of work and per establishment, not organisation-wide. For disability the result notes that
treating disabled people more favourably is not discrimination against non-disabled people (Equality Act 2010
s.13(3)), so the race-style limit on recruiting only from the group does not apply in the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from dueregard.analytics.stats._common import below, check_part

DEFAULT_SMALL_RATIO = 0.8
DEFAULT_SMALL_RATIO_REASON = (
    "Small means a share below 0.8 of the comparator share, by analogy with the four-fifths rule; the law does "
    "not define it."
)
DISABILITY = (
    "Treating disabled people more favourably is not discrimination against non-disabled people (Equality Act 2010 "
    "s.13(3))."
)
LAWFUL = "Training for this work and encouragement to apply for it are lawful positive action."
NOT_LAWFUL = "Recruiting only from this group is not lawful."


@dataclass(frozen=True)
class Comparison:
    comparator: str
    comparator_share: float
    ratio: float | None
    small: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "comparator": self.comparator,
            "comparator_share": self.comparator_share,
            "ratio": self.ratio,
            "small": self.small,
        }


@dataclass(frozen=True)
class PositiveActionCheck:
    under_represented: bool
    share_in_work: float | None
    comparisons: tuple[Comparison, ...]
    reason: str
    small_ratio: float
    notes: tuple[str, ...] = ()
    small_ratio_reason: str = DEFAULT_SMALL_RATIO_REASON

    def to_dict(self) -> dict[str, Any]:
        return {
            "under_represented": self.under_represented,
            "share_in_work": self.share_in_work,
            "comparisons": [c.to_dict() for c in self.comparisons],
            "reason": self.reason,
            "small_ratio": self.small_ratio,
            "small_ratio_reason": self.small_ratio_reason,
            "notes": list(self.notes),
        }


def positive_action_check(
    *,
    group_in_work: int,
    total_in_work: int,
    establishment_share: float | None = None,
    area_population_share: float | None = None,
    small_ratio: float = DEFAULT_SMALL_RATIO,
    small_ratio_reason: str = DEFAULT_SMALL_RATIO_REASON,
    characteristic: str = "race",
) -> PositiveActionCheck:
    """Whether the group is under-represented in the work, against either comparator given (shares 0–1)."""
    if not 0.0 < small_ratio <= 1.0:
        raise ValueError(f"small_ratio must lie between 0 (exclusive) and 1, got {small_ratio}.")
    check_part(part_name="group_in_work", part=group_in_work, whole_name="total_in_work", whole=total_in_work)
    comparators: Sequence[tuple[str, float | None]] = (
        ("everyone employed at the establishment", establishment_share),
        ("the population of the area the employer recruits from", area_population_share),
    )
    given = [(name, share) for name, share in comparators if share is not None]
    if not given:
        raise ValueError("Give establishment_share, area_population_share, or both.")
    share = group_in_work / total_in_work if total_in_work else None
    comparisons = []
    for name, comparator_share in given:
        if not 0.0 <= comparator_share <= 1.0:
            raise ValueError(f"The share of {name} must lie between 0 and 1, got {comparator_share}.")
        ratio = share / comparator_share if share is not None and comparator_share > 0 else None
        comparisons.append(Comparison(name, comparator_share, ratio, ratio is not None and below(ratio, small_ratio)))
    if group_in_work == 0 and total_in_work > 0:
        under, reason = True, "No one of the group did this work."
    elif any(c.small for c in comparisons):
        small = next(c for c in comparisons if c.small)
        under = True
        reason = (
            f"The group's share doing this work is small compared with its share of {small.comparator} "
            f"(ratio {small.ratio:.2f}, below {small_ratio:g})."
        )
    else:
        under, reason = False, f"The group's share doing this work is not below {small_ratio:g} of any comparator."
    return PositiveActionCheck(
        under_represented=under,
        share_in_work=share,
        comparisons=tuple(comparisons),
        reason=reason,
        small_ratio=small_ratio,
        notes=_notes(under=under, characteristic=characteristic),
        small_ratio_reason=small_ratio_reason,
    )


def _notes(*, under: bool, characteristic: str) -> tuple[str, ...]:
    if not under:
        return ()
    if characteristic == "disability":
        return (LAWFUL, DISABILITY)
    return (LAWFUL, NOT_LAWFUL)


@dataclass(frozen=True)
class Snapshot:
    """Who did the work on one date, and the comparator shares then (either may be None when not known)."""

    on: date
    group_in_work: int
    total_in_work: int
    establishment_share: float | None = None
    area_population_share: float | None = None


@dataclass(frozen=True)
class PeriodCheck:
    """The check over the 12 months to ``as_of``: met when it is met at any snapshot (``met_on`` the first)."""

    under_represented: bool
    as_of: date
    met_on: date | None
    checks: tuple[tuple[date, PositiveActionCheck], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "under_represented": self.under_represented,
            "as_of": self.as_of.isoformat(),
            "met_on": None if self.met_on is None else self.met_on.isoformat(),
            "checks": [{"on": on.isoformat(), **check.to_dict()} for on, check in self.checks],
        }


def twelve_months_before(day: date) -> date:
    """The same day a year earlier (29 February → 28 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def positive_action_over_period(
    *,
    snapshots: Sequence[Snapshot],
    as_of: date,
    small_ratio: float = DEFAULT_SMALL_RATIO,
    small_ratio_reason: str = DEFAULT_SMALL_RATIO_REASON,
    characteristic: str = "race",
) -> PeriodCheck:
    """:func:`positive_action_check` at every snapshot of the 12 months to ``as_of`` — after the same date a year
    earlier, up to and including ``as_of`` (1 April 2024 to 31 March 2025) — in date order; other snapshots are
    ignored. Met if met at any of them."""
    start = twelve_months_before(as_of)
    window = sorted((s for s in snapshots if start < s.on <= as_of), key=lambda s: s.on)
    if not window:
        raise ValueError(f"No snapshot after {start.isoformat()} up to {as_of.isoformat()}.")
    checks = tuple(
        (
            snapshot.on,
            positive_action_check(
                group_in_work=snapshot.group_in_work,
                total_in_work=snapshot.total_in_work,
                establishment_share=snapshot.establishment_share,
                area_population_share=snapshot.area_population_share,
                small_ratio=small_ratio,
                small_ratio_reason=small_ratio_reason,
                characteristic=characteristic,
            ),
        )
        for snapshot in window
    )
    met_on = next((on for on, check in checks if check.under_represented), None)
    return PeriodCheck(under_represented=met_on is not None, as_of=as_of, met_on=met_on, checks=checks)
