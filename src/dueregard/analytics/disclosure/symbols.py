"""The symbols that stand in for a missing value in a published table (GOV.UK statistics practice), with the
legend every table that uses them must carry.

The symbols are the same in every language (they are also the machine-readable marks in JSON); their meanings are
translated where a legend is made."""

from __future__ import annotations

from collections.abc import Iterable

from ..i18n import N_, _

WITHHELD = "!"
UNRELIABLE = "?"
NOT_COLLECTED = "-"
NOT_APPLICABLE = "N/A"
ROUNDS_TO_ZERO = "~0"
FEWER_THAN_5 = "fewer than 5"

#: Each symbol's meaning in English; translate with ``_(LEGEND[symbol])`` (as :func:`legend_for` does).
LEGEND: dict[str, str] = {
    WITHHELD: N_("withheld to protect confidentiality"),
    UNRELIABLE: N_("unreliable (small sample)"),
    NOT_COLLECTED: N_("not collected"),
    NOT_APPLICABLE: N_("not applicable"),
    ROUNDS_TO_ZERO: N_("rounds to 0 but is not 0"),
    FEWER_THAN_5: N_("between 1 and 4 (counts are rounded to the nearest 5)"),
}


def legend_for(symbols: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """(symbol, meaning) for each known symbol used, in the standard order above; meanings in the current
    language."""
    used = set(symbols)
    return tuple((symbol, _(meaning)) for symbol, meaning in LEGEND.items() if symbol in used)
