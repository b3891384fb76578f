"""Disclosure control for published tables: primary and secondary suppression, rounding rule sets (HESA,
Ofqual, none), the standard symbols and their legend, the minimum group size rule, and a policy that applies all
of it to a :class:`~dueregard.analytics.results.ResultTable`. See docs/decisions/0202-disclosure-control.md."""

from dueregard.analytics.disclosure.group_size import (
    DEFAULT_MINIMUM_GROUP_SIZE,
    GroupSizeCheck,
    check_group_sizes,
)
from dueregard.analytics.disclosure.policy import DisclosurePolicy, apply_policy
from dueregard.analytics.disclosure.rounding import (
    RULE_SETS,
    RuleSet,
    hesa_count,
    hesa_shows_average,
    hesa_shows_percentage,
    ofqual_count,
    round_to_base,
)
from dueregard.analytics.disclosure.suppression import (
    Suppression,
    feasible_range,
    primary_suppression,
    recoverable_cells,
    secondary_suppression,
    suppress,
)
from dueregard.analytics.disclosure.symbols import (
    FEWER_THAN_5,
    LEGEND,
    NOT_APPLICABLE,
    NOT_COLLECTED,
    ROUNDS_TO_ZERO,
    UNRELIABLE,
    WITHHELD,
    legend_for,
)

__all__ = [
    "DEFAULT_MINIMUM_GROUP_SIZE",
    "FEWER_THAN_5",
    "LEGEND",
    "NOT_APPLICABLE",
    "NOT_COLLECTED",
    "ROUNDS_TO_ZERO",
    "RULE_SETS",
    "UNRELIABLE",
    "WITHHELD",
    "DisclosurePolicy",
    "GroupSizeCheck",
    "RuleSet",
    "Suppression",
    "apply_policy",
    "check_group_sizes",
    "feasible_range",
    "hesa_count",
    "hesa_shows_average",
    "hesa_shows_percentage",
    "legend_for",
    "ofqual_count",
    "primary_suppression",
    "recoverable_cells",
    "round_to_base",
    "secondary_suppression",
    "suppress",
]
