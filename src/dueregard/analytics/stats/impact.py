"""The four-fifths rule and the WRES non-adverse band.

**Four-fifths (adverse impact) rule** (US EEOC Uniform Guidelines, 1978, used widely in UK recruitment
monitoring): each group's impact ratio is its selection rate ÷ the highest group's rate; a ratio below 0.8
(four fifths) is flagged as possible adverse impact. It is a rule of thumb, not a test: small groups need
:func:`~dueregard.analytics.stats.contingency.association_test` as well.

**Non-adverse band** (documented option, wording *unconfirmed*): WRES reads a relative likelihood between
0.80 and 1.25 as "no adverse impact" — 1.25 is the reciprocal of 0.8, so the band is symmetric on the ratio scale.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dueregard.analytics.stats._common import below

FOUR_FIFTHS = 0.8
WRES_NON_ADVERSE_BAND = (0.8, 1.25)


@dataclass(frozen=True)
class ImpactRatio:
    """One group's rate ÷ the highest rate; ``flagged`` when below the threshold. None when the highest rate is 0."""

    group: str
    rate: float
    highest_rate: float
    ratio: float | None
    flagged: bool
    threshold: float = FOUR_FIFTHS

    def to_dict(self) -> dict[str, Any]:
        return {
            "group": self.group,
            "rate": self.rate,
            "highest_rate": self.highest_rate,
            "ratio": self.ratio,
            "flagged": self.flagged,
            "threshold": self.threshold,
        }


def impact_ratios(rates: Mapping[str, float], *, threshold: float = FOUR_FIFTHS) -> tuple[ImpactRatio, ...]:
    """The four-fifths rule over the groups' selection rates, sorted by group name (order of input ignored)."""
    if not rates:
        return ()
    for group, rate in rates.items():
        if not 0.0 <= rate <= 1.0:
            raise ValueError(f"The rate of group {group!r} must lie between 0 and 1, got {rate}.")
    highest = max(rates.values())
    results = []
    for group in sorted(rates):
        ratio = rates[group] / highest if highest > 0 else None
        results.append(
            ImpactRatio(
                group=group,
                rate=rates[group],
                highest_rate=highest,
                ratio=ratio,
                flagged=ratio is not None and below(ratio, threshold),
                threshold=threshold,
            )
        )
    return tuple(results)


def impact_ratio(*, rate: float, highest_rate: float) -> float:
    """rate ÷ highest rate (48/80 vs 21/50 → 0.42 / 0.60 = 0.70)."""
    if highest_rate <= 0:
        raise ValueError("The highest rate is 0: the impact ratio is not calculable.")
    return rate / highest_rate


def in_non_adverse_band(ratio: float, *, band: tuple[float, float] = WRES_NON_ADVERSE_BAND) -> bool:
    """True when ``band[0] <= ratio <= band[1]`` (WRES: 0.80–1.25 reads as no adverse impact)."""
    low, high = band
    return low <= ratio <= high
