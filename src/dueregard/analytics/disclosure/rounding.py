"""Rounding rule sets for published counts.

* **HESA**: every count to the nearest 5, halves up (2.5 → 5), so 0, 1 and 2 become 0; percentages are not shown
  when their denominator is below 22.5; averages are not shown when based on 7 or fewer people. Percentages and
  averages are calculated from unrounded numbers.
* **Ofqual**: counts to the nearest 5; 1–4 are shown as "fewer than 5"; a true zero is shown as 0; totals and
  percentages are calculated from unrounded values (and totals are then rounded like any count).
* **none**: counts as they are.

Rounding is idempotent: rounding a rounded count changes nothing.
"""

from __future__ import annotations

import math
from typing import Literal

RuleSet = Literal["none", "hesa", "ofqual"]
RULE_SETS: tuple[RuleSet, ...] = ("none", "hesa", "ofqual")

HESA_PERCENT_MIN_DENOMINATOR = 22.5
HESA_AVERAGE_MAX_SUPPRESSED = 7


def round_to_base(value: float, *, base: int = 5) -> int:
    """``value`` to the nearest multiple of ``base``, halves away from zero (2.5 → 5, 7.5 → 10)."""
    if base <= 0:
        raise ValueError("base must be more than 0.")
    if value < 0:
        return -round_to_base(-value, base=base)
    return math.floor(value / base + 0.5 + 1e-12) * base


def hesa_count(value: float) -> int:
    """HESA: nearest 5, halves up (0, 1, 2 → 0; 3 → 5; 7 → 5; 8 → 10; 12 → 10; 13 → 15; 22 → 20; 23 → 25)."""
    return round_to_base(value, base=5)


def hesa_shows_percentage(denominator: float) -> bool:
    """HESA shows a percentage only when its (unrounded) denominator is at least 22.5."""
    return denominator >= HESA_PERCENT_MIN_DENOMINATOR


def hesa_shows_average(people: int) -> bool:
    """HESA shows an average only when it is based on more than 7 people."""
    return people > HESA_AVERAGE_MAX_SUPPRESSED


def ofqual_count(value: int) -> int | None:
    """Ofqual: nearest 5; None for 1–4 (shown as "fewer than 5"); a true 0 stays 0."""
    if value < 0:
        raise ValueError("A count cannot be negative.")
    if 0 < value < 5:
        return None
    return round_to_base(value, base=5)
