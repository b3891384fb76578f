"""Rates per 1,000 population and the disproportionality ratio (stop and search).

rate per 1,000 = events_g / population_g × 1000; disproportionality ratio = rate of g ÷ rate of the reference
group (White in the Home Office bulletins). Population denominators come from the census (2011 for bulletins up
to March 2022, 2021 since March 2023) and are treated as fixed, so the interval of the ratio counts the events
as Poisson: SE(ln ratio) = √(1/events_g + 1/events_ref).

Print beside the figure (Home Office caveats): analyse at force level (geography); the population has changed
since the census; searches with unreported ethnicity are excluded.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dueregard.analytics.i18n import N_
from dueregard.analytics.stats._common import check_count, z_for

#: In English; translate each with ``_()`` where it is printed.
CAVEATS = (
    N_(
        "Rates compare searches with the census population: analyse at force level, because populations and "
        "search patterns differ between areas."
    ),
    N_("The population has changed since the census the rates are based on."),
    N_("Searches where the person's ethnicity was not recorded are excluded."),
)


def rate_per_1000(*, events: int, population: int) -> float:
    """events / population × 1000."""
    check_count("events", events)
    if population <= 0:
        raise ValueError("The population must be more than 0.")
    return events / population * 1000.0


@dataclass(frozen=True)
class Disproportionality:
    """One group's rate per 1,000 and its ratio to the reference group's rate (None when not calculable)."""

    group: str
    events: int
    population: int
    rate_per_1000: float
    ratio: float | None
    low: float | None
    high: float | None
    method: str = "Rate ratio; log interval with Poisson event counts, population fixed"

    def to_dict(self) -> dict[str, Any]:
        return {
            "group": self.group,
            "events": self.events,
            "population": self.population,
            "rate_per_1000": self.rate_per_1000,
            "ratio": self.ratio,
            "low": self.low,
            "high": self.high,
            "method": self.method,
        }


def disproportionality_ratios(
    *, events: Mapping[str, int], population: Mapping[str, int], reference: str, confidence: float = 0.95
) -> tuple[Disproportionality, ...]:
    """Each group's rate per 1,000 and ratio to ``reference``, sorted by group name."""
    if set(events) != set(population):
        raise ValueError("Events and population must name the same groups.")
    if reference not in events:
        raise KeyError(f"The reference group {reference!r} is not among the groups.")
    z = z_for(confidence)
    reference_rate = rate_per_1000(events=events[reference], population=population[reference])
    out = []
    for group in sorted(events):
        rate = rate_per_1000(events=events[group], population=population[group])
        if reference_rate == 0 or events[group] == 0:
            ratio = rate / reference_rate if reference_rate else None
            out.append(Disproportionality(group, events[group], population[group], rate, ratio, None, None))
            continue
        ratio = rate / reference_rate
        se = math.sqrt(1 / events[group] + 1 / events[reference])
        out.append(
            Disproportionality(
                group,
                events[group],
                population[group],
                rate,
                ratio,
                math.exp(math.log(ratio) - z * se),
                math.exp(math.log(ratio) + z * se),
            )
        )
    return tuple(out)
