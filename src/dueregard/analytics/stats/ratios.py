"""Relative likelihood (rate ratio, relative risk) with the Katz log interval.

ratio = (k_g / n_g) / (k_ref / n_ref); SE(ln ratio) = √(1/k_g − 1/n_g + 1/k_ref − 1/n_ref) (Katz et al. 1978);
the interval is exp(ln ratio ± z·SE). This is WRES indicators 2–4 and WDES metrics 2–3, and what
``scipy.stats.contingency.relative_risk(...).confidence_interval()`` gives.

**Zero cells.** With nobody having the outcome in either group (k = 0) the ratio is 0 or infinite and the Katz SE
does not exist. The default is to say so: the result's ``state`` is ``"not_calculable"`` and the ratio and bounds
are None, never a NaN. ``zero_cells="haldane"`` instead adds 0.5 to each of the four cells of the 2×2 table
(k and n − k of both groups) whenever a group's k is zero (Haldane–Anscombe), and the state says ``"haldane"``
so the published table can say so. When everyone in a group had the outcome (n − k = 0) the ratio and the Katz SE
exist and no correction is made. A group with nobody in it (n = 0) is always not calculable.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

from dueregard.analytics.i18n import _
from dueregard.analytics.stats._common import check_part, round_half_up, z_for

ZeroCells = Literal["not_calculable", "haldane"]
RatioState = Literal["calculated", "haldane", "not_calculable"]


@dataclass(frozen=True)
class RateRatio:
    """The ratio of the group's rate to the reference group's rate, with its interval and how it was reached."""

    ratio: float | None
    low: float | None
    high: float | None
    state: RatioState
    group_rate: float | None
    reference_rate: float | None
    confidence: float = 0.95
    method: str = "Katz log interval"
    note: str = ""

    @property
    def calculable(self) -> bool:
        return self.state != "not_calculable"

    def to_dict(self) -> dict[str, Any]:
        return {
            "ratio": self.ratio,
            "low": self.low,
            "high": self.high,
            "state": self.state,
            "group_rate": self.group_rate,
            "reference_rate": self.reference_rate,
            "confidence": self.confidence,
            "method": self.method,
            "note": self.note,
        }


def rate_ratio(
    *,
    k_group: int,
    n_group: int,
    k_reference: int,
    n_reference: int,
    confidence: float = 0.95,
    zero_cells: ZeroCells = "not_calculable",
) -> RateRatio:
    """How many times as likely the group is as the reference group to have the outcome, with a Katz interval."""
    check_part(part_name="k_group", part=k_group, whole_name="n_group", whole=n_group)
    check_part(part_name="k_reference", part=k_reference, whole_name="n_reference", whole=n_reference)
    if zero_cells not in ("not_calculable", "haldane"):
        raise ValueError(f"zero_cells must be 'not_calculable' or 'haldane', got {zero_cells!r}.")
    group_rate = k_group / n_group if n_group else None
    reference_rate = k_reference / n_reference if n_reference else None
    if n_group == 0 or n_reference == 0:
        return RateRatio(
            None, None, None, "not_calculable", group_rate, reference_rate, confidence,
            note=_("Not calculable: a group has nobody in it."),
        )  # fmt: skip
    z = z_for(confidence)
    cells = (k_group, n_group - k_group, k_reference, n_reference - k_reference)
    state: RatioState = "calculated"
    note = ""
    kg, ng, kr, nr = float(k_group), float(n_group), float(k_reference), float(n_reference)
    if 0 in cells:
        if k_group > 0 and k_reference > 0:
            # Everyone in a group had the outcome: the ratio and the Katz SE both exist (1/k − 1/n = 0).
            pass
        elif zero_cells == "haldane":
            kg, ng, kr, nr = kg + 0.5, ng + 1.0, kr + 0.5, nr + 1.0
            state = "haldane"
            note = _("A zero cell: 0.5 was added to each cell of the 2×2 table (Haldane–Anscombe correction).")
        else:
            return RateRatio(
                None,
                None,
                None,
                "not_calculable",
                group_rate,
                reference_rate,
                confidence,
                note=_("Not calculable: nobody in a group had the outcome (a zero cell)."),
            )
    ratio = (kg / ng) / (kr / nr)
    se = math.sqrt(max(0.0, 1 / kg - 1 / ng + 1 / kr - 1 / nr))
    log_ratio = math.log(ratio)
    return RateRatio(
        ratio=ratio,
        low=math.exp(log_ratio - z * se),
        high=math.exp(log_ratio + z * se),
        state=state,
        group_rate=group_rate,
        reference_rate=reference_rate,
        confidence=confidence,
        note=note,
    )


relative_likelihood = rate_ratio
"""The WRES name for the same measure."""


def ratio_of_published_percentages(
    *, group_percent: float, reference_percent: float, percent_places: int | None = None, ratio_places: int = 2
) -> float:
    """A relative likelihood the way WRES reports compute it from published percentages: each percentage is
    rounded first (to ``percent_places``, when given; otherwise taken as published), then divided, and the ratio
    rounded half up to ``ratio_places``. 46.99% vs 14.65% → 3.2 (one place); 1.2% vs 0.7% → 1.7.

    Use it only to reproduce a published figure; compute new ratios from counts with :func:`rate_ratio`."""
    if reference_percent == 0:
        raise ValueError("The reference percentage is 0: the ratio is not calculable.")
    if percent_places is not None:
        group_percent = round_half_up(group_percent, percent_places)
        reference_percent = round_half_up(reference_percent, percent_places)
    return round_half_up(group_percent / reference_percent, ratio_places)
