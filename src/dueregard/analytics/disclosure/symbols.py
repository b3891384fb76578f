"""The symbols that stand in for a missing value in a published table (GOV.UK statistics practice), with the
legend every table that uses them must carry."""

from __future__ import annotations

from collections.abc import Iterable

WITHHELD = "!"
UNRELIABLE = "?"
NOT_COLLECTED = "-"
NOT_APPLICABLE = "N/A"
ROUNDS_TO_ZERO = "~0"
FEWER_THAN_5 = "fewer than 5"

LEGEND: dict[str, str] = {
    WITHHELD: "withheld to protect confidentiality",
    UNRELIABLE: "unreliable (small sample)",
    NOT_COLLECTED: "not collected",
    NOT_APPLICABLE: "not applicable",
    ROUNDS_TO_ZERO: "rounds to 0 but is not 0",
    FEWER_THAN_5: "between 1 and 4 (counts are rounded to the nearest 5)",
}


def legend_for(symbols: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """(symbol, meaning) for each known symbol used, in the standard order above."""
    used = set(symbols)
    return tuple((symbol, meaning) for symbol, meaning in LEGEND.items() if symbol in used)
