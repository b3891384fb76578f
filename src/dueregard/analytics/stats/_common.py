"""Small shared helpers: the normal quantile for a confidence level (from the standard library, so the intervals
need no SciPy), rounding half up for display, and argument checks with clear messages."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from statistics import NormalDist

_STANDARD_NORMAL = NormalDist()


def normal_quantile(probability: float) -> float:
    """The standard normal quantile (inverse distribution function) of ``probability``: Wichura's AS 241, the same
    numbers as ``scipy.stats.norm.ppf`` to within 1e-15 relative, without importing SciPy (0.6 s)."""
    return _STANDARD_NORMAL.inv_cdf(probability)


def z_for(confidence: float) -> float:
    """The two-sided standard normal quantile for ``confidence`` (1.959964... for 0.95)."""
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence}.")
    return normal_quantile(1.0 - (1.0 - confidence) / 2.0)


def round_half_up(value: float, places: int) -> float:
    """``value`` rounded half away from zero to ``places`` decimal places, as published figures are (1.25 → 1.3).

    The value is snapped to 12 significant decimals first, so binary noise (1.2499999999999998) does not decide
    the rounding."""
    snapped = Decimal(repr(value)).quantize(Decimal("1e-12"))
    return float(snapped.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def check_count(name: str, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name} must be a whole number of people, 0 or more, got {value!r}.")


def check_part(*, part_name: str, part: int, whole_name: str, whole: int) -> None:
    check_count(part_name, part)
    check_count(whole_name, whole)
    if part > whole:
        raise ValueError(f"{part_name} ({part}) cannot be more than {whole_name} ({whole}).")


def below(ratio: float, threshold: float) -> bool:
    """``ratio < threshold`` after snapping to 9 decimal places, so 0.04 / 0.05 (0.7999999999999999 in binary) is
    not "below 0.8"."""
    return round(ratio, 9) < threshold
