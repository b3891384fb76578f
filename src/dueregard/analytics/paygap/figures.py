"""The figures a pay-gap report returns: full-precision values with their denominators, the symbol that replaces
a value that is not shown, and a note saying why. Display strings are rounded to one decimal place; the values
themselves never are.

A figure names its measure, quarter and groups in English (they are its keys; the tables show them in the current
language); its note is a sentence in the language current when it was made."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from dueregard.analytics.disclosure.group_size import check_group_sizes
from dueregard.analytics.disclosure.symbols import NOT_APPLICABLE, WITHHELD  # the standard symbols, re-exported
from dueregard.analytics.i18n import N_, _, and_list, ngettext
from dueregard.analytics.paygap.groups import shown_label


def one_decimal_place(value: float) -> str:
    """`value` rounded half away from zero to one decimal place, as published (2.6, 32.0, -4.5).

    The value is first snapped to nine decimal places: a gap that is exactly 1.25 can come out of a
    floating-point mean as 1.2499999999999998 or 1.2500000000000002 depending on the order the engine added the
    rows, and the displayed figure must not depend on that."""
    snapped = Decimal(repr(value)).quantize(Decimal("1e-9"))
    shown = snapped.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return str(abs(shown) if shown.is_zero() else shown)


def percent_gap(*, reference: float, comparison: float) -> float:
    """(reference - comparison) / reference × 100: positive when the comparison group is paid less."""
    return (reference - comparison) / reference * 100.0


@dataclass(frozen=True)
class Suppression:
    """Why a figure is not shown: its symbol and a note."""

    symbol: str
    note: str


FULL_PAY_EMPLOYEES = "full-pay relevant employees"
PAID_A_BONUS = "employees paid a bonus"
RELEVANT_EMPLOYEES = "relevant employees"
EMPLOYEES = "employees"
"""The populations a figure is computed over (``what`` of :func:`suppression_for`): each has its own sentences."""

_NOBODY = {
    FULL_PAY_EMPLOYEES: N_("Not applicable: no full-pay relevant employees in the {groups} group."),
    PAID_A_BONUS: N_("Not applicable: no employees paid a bonus in the {groups} group."),
    RELEVANT_EMPLOYEES: N_("Not applicable: no relevant employees in the {groups} group."),
    EMPLOYEES: N_("Not applicable: no employees in the {groups} group."),
}


def _too_few(what: str, count: int) -> str:
    if what == FULL_PAY_EMPLOYEES:
        return ngettext(
            "Withheld: fewer than {minimum} full-pay relevant employees in the {groups} group.",
            "Withheld: fewer than {minimum} full-pay relevant employees in the {groups} groups.",
            count,
        )
    if what == PAID_A_BONUS:
        return ngettext(
            "Withheld: fewer than {minimum} employees paid a bonus in the {groups} group.",
            "Withheld: fewer than {minimum} employees paid a bonus in the {groups} groups.",
            count,
        )
    if what == RELEVANT_EMPLOYEES:
        return ngettext(
            "Withheld: fewer than {minimum} relevant employees in the {groups} group.",
            "Withheld: fewer than {minimum} relevant employees in the {groups} groups.",
            count,
        )
    if what == EMPLOYEES:
        return ngettext(
            "Withheld: fewer than {minimum} employees in the {groups} group.",
            "Withheld: fewer than {minimum} employees in the {groups} groups.",
            count,
        )
    return ngettext(
        "Withheld: fewer than {minimum} {what} in the {groups} group.",
        "Withheld: fewer than {minimum} {what} in the {groups} groups.",
        count,
    )


def or_list(items: list[str]) -> str:
    """Items as "a", "a or b", "a or b or c" in the current language."""
    joined = items[0] if items else ""
    for item in items[1:]:
        joined = _("{first} or {second}").format(first=joined, second=item)
    return joined


def suppression_for(*, counts: dict[str, int], minimum_group_size: int, what: str) -> Suppression | None:
    """None when every group compared has at least `minimum_group_size` people in it. `what` names the people
    counted (:data:`FULL_PAY_EMPLOYEES`, :data:`PAID_A_BONUS`, :data:`RELEVANT_EMPLOYEES`, :data:`EMPLOYEES`, or
    words of the caller's own); the note names the groups by :func:`~.groups.shown_label`."""
    empty = [shown_label(label) for label, count in counts.items() if count == 0]
    if empty:
        nobody = _NOBODY.get(what)
        note = (
            _(nobody).format(groups=or_list(empty))
            if nobody
            else _("Not applicable: no {what} in the {groups} group.").format(what=what, groups=or_list(empty))
        )
        return Suppression(NOT_APPLICABLE, note)
    check = check_group_sizes(counts, minimum=minimum_group_size)
    if not check.passed:
        small = [shown_label(label) for label in counts if label in check.too_small]  # in the order given
        note = _too_few(what, len(small)).format(
            minimum=minimum_group_size, what=what, groups=and_list(small, commas=False)
        )
        return Suppression(WITHHELD, note)
    return None


@dataclass(frozen=True)
class GapFigure:
    """A mean or median pay gap between the comparison and the reference group.

    `reference_value` and `comparison_value` are the groups' mean or median pay in pounds; the counts are the
    employees each was computed over. `undisclosed_count` of `population_count` employees in the same
    population did not disclose the characteristic."""

    measure: str
    reference_value: float | None
    comparison_value: float | None
    gap_percent: float | None
    reference_count: int
    comparison_count: int
    undisclosed_count: int
    population_count: int
    symbol: str = ""
    note: str = ""

    @property
    def display(self) -> str:
        return self.symbol if self.gap_percent is None else f"{one_decimal_place(self.gap_percent)}%"


@dataclass(frozen=True)
class ProportionFigure:
    """The share of one group's relevant employees who were paid a bonus."""

    group: str
    paid_count: int
    group_count: int
    percent: float | None
    symbol: str = ""
    note: str = ""

    @property
    def display(self) -> str:
        return self.symbol if self.percent is None else f"{one_decimal_place(self.percent)}%"


@dataclass(frozen=True)
class QuarterFigure:
    """The make-up of one pay quarter (0 = lower ... 3 = upper)."""

    quarter: int
    name: str
    employee_count: int
    reference_count: int
    comparison_count: int
    reference_percent: float | None
    comparison_percent: float | None
    symbol: str = ""
    note: str = ""


@dataclass(frozen=True)
class Disclosure:
    """How many employees in a population did not disclose the characteristic, or were in neither group."""

    population: str
    population_count: int
    undisclosed_count: int
    not_compared_count: int

    @property
    def undisclosed_percent(self) -> float | None:
        return None if self.population_count == 0 else self.undisclosed_count / self.population_count * 100.0


@dataclass(frozen=True)
class PayGapReport:
    """The six pay-gap measures for one two-group comparison, with the groups named explicitly."""

    characteristic: str
    reference_group: str
    comparison_group: str
    minimum_group_size: int
    mean_hourly_pay: GapFigure
    median_hourly_pay: GapFigure
    mean_bonus_pay: GapFigure
    median_bonus_pay: GapFigure
    bonus_proportions: tuple[ProportionFigure, ProportionFigure]
    quarters: tuple[QuarterFigure, QuarterFigure, QuarterFigure, QuarterFigure]
    disclosure: tuple[Disclosure, Disclosure]
