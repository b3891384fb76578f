"""Derive the GSS harmonised disability categories from its two questions.

Question 1: a physical or mental health condition or illness lasting or expected to last 12 months or more
(yes/no). Question 2, if yes: does it reduce the ability to carry out day-to-day activities a lot, a little or
not at all. Disabled = yes and a lot or a little. The result uses the codes of ``disability-gss``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .columns import map_values, value_counts
from .matching import normalise_label
from .model import UNKNOWN_CODE, UNMATCHED_CODE

if TYPE_CHECKING:
    import ibis.expr.types as ir

_CONDITION = {
    **dict.fromkeys(["yes", "y", "true", "1"], "yes"),
    **dict.fromkeys(["no", "n", "false", "0"], "no"),
}
_REDUCES = {
    **dict.fromkeys(["a lot", "yes a lot", "lot", "limited a lot", "yes limited a lot"], "a_lot"),
    **dict.fromkeys(["a little", "yes a little", "little", "limited a little", "yes limited a little"], "a_little"),
    **dict.fromkeys(["not at all", "no", "not limited", "none"], "not_at_all"),
}


def gss_disability(table: ir.Table, *, condition: str, reduces: str, output: str = "disability") -> ir.Table:
    """Add ``output``: reduced_a_lot / reduced_a_little / not_reduced / no_condition, or unknown.

    A "yes" without a valid answer to question 2 is unknown (disability cannot be decided); answers that are
    neither yes nor no are unknown too (validation reports them).
    """
    import ibis

    condition_codes = {
        value: _CONDITION.get(normalise_label(value), UNMATCHED_CODE)
        for value, _ in value_counts(table, condition)
        if value is not None
    }
    reduces_codes = {
        value: _REDUCES.get(normalise_label(value), UNMATCHED_CODE)
        for value, _ in value_counts(table, reduces)
        if value is not None
    }
    with_condition = map_values(table, condition, condition_codes).rename({"__dueregard_condition": "__dueregard_code"})
    both = map_values(with_condition, reduces, reduces_codes)
    has, how = both["__dueregard_condition"], both["__dueregard_code"]
    code = ibis.cases(
        (has == "no", "no_condition"),
        ((has == "yes") & (how == "a_lot"), "reduced_a_lot"),
        ((has == "yes") & (how == "a_little"), "reduced_a_little"),
        ((has == "yes") & (how == "not_at_all"), "not_reduced"),
        else_=UNKNOWN_CODE,
    )
    result = both.mutate(**{output: code}).drop("__dueregard_condition", "__dueregard_code")
    return result
