"""Representation: a group's share of a population, and the representation index.

share = n_g / n_P over people whose characteristic is known, with a Wilson interval.

representation index = share in a subset ÷ share in the whole (e.g. share among the disciplined ÷ share in the
workforce; share of a pay band ÷ share of the workforce; share of the workforce ÷ share of the local census
population). 1 means proportionate; above 1 over-represented.

**Interval of the index** — three documented methods, chosen with ``interval``:

* ``"benchmark"`` (the default): the whole's share is a fixed benchmark — exact when the whole is a census
  population — and the interval is the Wilson interval of the subset's share ÷ the whole's share. It is the only
  method when the whole is given as a share rather than counts.
* ``"independent"``: the subset and the whole are separate samples (board members against the workforce when the
  board is not part of it). Katz-type log interval for a ratio of two independent proportions:
  SE(ln index) = √(1/k_s − 1/n_s + 1/k_w − 1/n_w), as for a rate ratio.
* ``"nested"``: the subset is part of the whole (the disciplined within the workforce; a pay band within it), so
  the two shares are correlated and the Katz SE would be too wide. Delta method with the whole split into the
  subset and the rest (r), K = k_s + k_r:
  Var(ln index) = (1/k_s − 1/K)² · n_s·p_s(1−p_s) + (1/K)² · n_r·p_r(1−p_r). A subset that is the whole gives
  index 1 with no width.

With nobody of the group in the subset (k_s = 0) the index is 0 and the log intervals do not exist: their bounds
are None and the note says so (the benchmark interval still exists).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

from dueregard.analytics.stats._common import check_part, z_for
from dueregard.analytics.stats.proportions import Proportion, proportion

IndexInterval = Literal["benchmark", "independent", "nested"]
INTERVAL_METHODS: dict[str, str] = {
    "benchmark": "Wilson interval of the subset's share ÷ the whole's share (the whole taken as a benchmark)",
    "independent": "Katz-type log interval for a ratio of two independent proportions",
    "nested": "Log interval by the delta method for a subset that is part of the whole",
}
INDEX_INTERVAL_METHOD = INTERVAL_METHODS["benchmark"]


@dataclass(frozen=True)
class RepresentationIndex:
    """The subset's share ÷ the whole's share, with the interval named in ``method``."""

    subset_share: Proportion
    whole_share: float
    index: float | None
    low: float | None
    high: float | None
    method: str = INDEX_INTERVAL_METHOD
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "subset_share": self.subset_share.to_dict(),
            "whole_share": self.whole_share,
            "index": self.index,
            "low": self.low,
            "high": self.high,
            "method": self.method,
            "note": self.note,
        }


def representation_share(*, group: int, known: int, confidence: float = 0.95) -> Proportion:
    """The group's share of everyone whose characteristic is known, with a Wilson interval."""
    return proportion(k=group, n=known, confidence=confidence)


def representation_index(
    *,
    group_in_subset: int,
    known_in_subset: int,
    whole_share: float | None = None,
    group_in_whole: int | None = None,
    known_in_whole: int | None = None,
    interval: IndexInterval = "benchmark",
    confidence: float = 0.95,
) -> RepresentationIndex:
    """Share in the subset ÷ share in the whole. Give the whole either as counts or as a benchmark share (0–1);
    ``interval`` "independent" or "nested" needs the counts (see the module documentation)."""
    if interval not in INTERVAL_METHODS:
        raise ValueError(f"interval must be one of {sorted(INTERVAL_METHODS)}, got {interval!r}.")
    counts: tuple[int, int] | None = None
    if whole_share is None:
        if group_in_whole is None or known_in_whole is None:
            raise ValueError("Give the whole as whole_share, or as group_in_whole and known_in_whole.")
        check_part(part_name="group_in_whole", part=group_in_whole, whole_name="known_in_whole", whole=known_in_whole)
        if known_in_whole == 0:
            raise ValueError("The whole has nobody with a known characteristic.")
        whole_share = group_in_whole / known_in_whole
        counts = (group_in_whole, known_in_whole)
    if not 0.0 <= whole_share <= 1.0:
        raise ValueError(f"whole_share must lie between 0 and 1, got {whole_share}.")
    if interval != "benchmark" and counts is None:
        raise ValueError(f"The {interval!r} interval needs the whole as counts (group_in_whole, known_in_whole).")
    share = representation_share(group=group_in_subset, known=known_in_subset, confidence=confidence)
    method = INTERVAL_METHODS[interval]
    if whole_share == 0 or share.estimate is None or share.low is None or share.high is None:
        note = "Not calculable: nobody of the group in the whole, or nobody in the subset."
        return RepresentationIndex(share, whole_share, None, None, None, method, note)
    index = share.estimate / whole_share
    if interval == "benchmark" or counts is None:
        return RepresentationIndex(share, whole_share, index, share.low / whole_share, share.high / whole_share)
    if group_in_subset == 0:
        note = "Nobody of the group in the subset: the index is 0 and a log interval does not exist."
        return RepresentationIndex(share, whole_share, index, None, None, method, note)
    if interval == "nested":
        se = _nested_se(subset=(group_in_subset, known_in_subset), whole=counts)
    else:
        k_w, n_w = counts
        se = math.sqrt(max(0.0, 1 / group_in_subset - 1 / known_in_subset + 1 / k_w - 1 / n_w))
    z = z_for(confidence)
    low, high = index * math.exp(-z * se), index * math.exp(z * se)
    return RepresentationIndex(share, whole_share, index, low, high, method)


def _nested_se(*, subset: tuple[int, int], whole: tuple[int, int]) -> float:
    """SE(ln index) when the subset is part of the whole (delta method; see the module documentation)."""
    k_s, n_s = subset
    k_w, n_w = whole
    k_r, n_r = k_w - k_s, n_w - n_s
    if k_r < 0 or n_r < 0 or k_r > n_r:
        raise ValueError("With interval='nested' the subset must be part of the whole: its counts cannot exceed it.")
    p_s = k_s / n_s
    p_r = k_r / n_r if n_r else 0.0
    variance = (1 / k_s - 1 / k_w) ** 2 * n_s * p_s * (1 - p_s) + (1 / k_w) ** 2 * n_r * p_r * (1 - p_r)
    return math.sqrt(variance)
