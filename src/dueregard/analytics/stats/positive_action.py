"""Positive action: is a group under-represented in particular work? (seed 001 paragraphs 7.14–7.18; now
Equality Act 2010 ss.158–159.)

A group is under-represented in particular work at an establishment when, at any time in the previous 12 months,
**no one** of that group did that work there, or their share doing that work was **small** compared with their
share of (i) everyone employed at the establishment or (ii) the population of the area the employer recruits
from. Then training for that work and encouragement to apply are lawful; recruiting *only* from the group is not.

"Small" is not defined in the law. Here it is a documented parameter: the share doing the work ÷ the comparator
share is below ``small_ratio`` (default 0.8, by analogy with the four-fifths rule). Choose and record another
value where the organisation's policy says so. Run the check for each month-end (or each snapshot) of the
previous 12 months: it is met if it is met at any of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dueregard.analytics.stats._common import below, check_part

DEFAULT_SMALL_RATIO = 0.8
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

    def to_dict(self) -> dict[str, Any]:
        return {
            "under_represented": self.under_represented,
            "share_in_work": self.share_in_work,
            "comparisons": [c.to_dict() for c in self.comparisons],
            "reason": self.reason,
            "small_ratio": self.small_ratio,
            "notes": list(self.notes),
        }


def positive_action_check(
    *,
    group_in_work: int,
    total_in_work: int,
    establishment_share: float | None = None,
    area_population_share: float | None = None,
    small_ratio: float = DEFAULT_SMALL_RATIO,
) -> PositiveActionCheck:
    """Whether the group is under-represented in the work, against either comparator given (shares 0–1)."""
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
        notes=(LAWFUL, NOT_LAWFUL) if under else (),
    )
