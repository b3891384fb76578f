"""How a p-value is written in a report: ``p = 0.0376``, ``p = 3.65e-05`` — three significant figures — and
``p < 1e-300`` when the computed value is 0.

A p-value is never truly 0; a computed 0.0 means the true value underflowed (a huge χ² statistic, a very lopsided
large table). "p = 0" would say something false, so such a value is written as a bound instead.
"""

from __future__ import annotations

import math
from typing import Final

#: The bound written for a p-value computed as 0. 1e-300 rather than the smallest positive double (about
#: 4.9e-324): a computed 0 means the true value was below what the calculation could hold — SciPy's χ² tail
#: (``chdtrc``) returns 0 once it falls below about 1e-308, the smallest normal double, and Fisher's test sums
#: probabilities that underflow the same way — so "below 1e-300" is true of every such value, and easier to read.
SMALLEST_P_SHOWN: Final = 1e-300


def p_value_text(p: float) -> str:
    """``"p = <p to 3 significant figures>"`` (Python's ``.3g``: ``p = 0.0376``, ``p = 3.65e-05``, ``p = 1``) for
    0 < p ≤ 1, and ``"p < 1e-300"`` for p = 0 (see :data:`SMALLEST_P_SHOWN`).

    The figures shown are within half a unit of the third significant figure of p (at most 0.5% of p).
    Raises ValueError for anything that is not a p-value (below 0, above 1, NaN)."""
    if math.isnan(p) or not 0.0 <= p <= 1.0:
        raise ValueError(f"A p-value lies between 0 and 1, got {p!r}.")
    if p == 0.0:
        return f"p < {SMALLEST_P_SHOWN:g}"
    return f"p = {p:.3g}"
