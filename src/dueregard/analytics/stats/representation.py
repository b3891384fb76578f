"""Representation: a group's share of a population, and the representation index.

share = n_g / n_P over people whose characteristic is known, with a Wilson interval.

representation index = share in a subset ÷ share in the whole (e.g. share among the disciplined ÷ share in the
workforce; share of a pay band ÷ share of the workforce; share of the workforce ÷ share of the local census
population). 1 means proportionate; above 1 over-represented.

**Interval of the index** (documented method): the whole's share is treated as a fixed benchmark — exact when the
whole is a census population, and close when the whole is a workforce much larger than the subset — so the
interval is the Wilson interval of the subset share divided by the whole's share. It does not widen for sampling
error in the whole; when both are samples of similar size compare them with
:func:`~dueregard.analytics.stats.ratios.rate_ratio` on the subset and the rest of the whole instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dueregard.analytics.stats._common import check_part
from dueregard.analytics.stats.proportions import Proportion, proportion

INDEX_INTERVAL_METHOD = "Wilson interval of the subset's share ÷ the whole's share (the whole taken as a benchmark)"


@dataclass(frozen=True)
class RepresentationIndex:
    """The subset's share ÷ the whole's share, with the interval described in :data:`INDEX_INTERVAL_METHOD`."""

    subset_share: Proportion
    whole_share: float
    index: float | None
    low: float | None
    high: float | None
    method: str = INDEX_INTERVAL_METHOD

    def to_dict(self) -> dict[str, Any]:
        return {
            "subset_share": self.subset_share.to_dict(),
            "whole_share": self.whole_share,
            "index": self.index,
            "low": self.low,
            "high": self.high,
            "method": self.method,
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
    confidence: float = 0.95,
) -> RepresentationIndex:
    """Share in the subset ÷ share in the whole. Give the whole either as counts or as a benchmark share (0–1)."""
    if whole_share is None:
        if group_in_whole is None or known_in_whole is None:
            raise ValueError("Give the whole as whole_share, or as group_in_whole and known_in_whole.")
        check_part(part_name="group_in_whole", part=group_in_whole, whole_name="known_in_whole", whole=known_in_whole)
        if known_in_whole == 0:
            raise ValueError("The whole has nobody with a known characteristic.")
        whole_share = group_in_whole / known_in_whole
    if not 0.0 <= whole_share <= 1.0:
        raise ValueError(f"whole_share must lie between 0 and 1, got {whole_share}.")
    share = representation_share(group=group_in_subset, known=known_in_subset, confidence=confidence)
    if whole_share == 0 or share.estimate is None or share.low is None or share.high is None:
        return RepresentationIndex(share, whole_share, None, None, None)
    return RepresentationIndex(
        subset_share=share,
        whole_share=whole_share,
        index=share.estimate / whole_share,
        low=share.low / whole_share,
        high=share.high / whole_share,
    )
