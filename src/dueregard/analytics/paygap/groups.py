"""Which two groups a pay gap compares, and how each record is sorted into them.

A pay gap is always the reference group's pay minus the comparison group's, as a percentage of the reference
group's pay (men for the gender pay gap, White British for the ethnicity pay gap, not disabled for the disability
pay gap), so a positive gap means the comparison group is paid less.

A group's label is its name in the computation (the pay-quarter tie rule orders by it) and stays as given, in
English for the labels dueregard gives (:data:`LABELS`); tables and notes show it with :func:`shown_label`, which
puts dueregard's own labels into the current language and leaves any other label (a classification's, the
caller's) as it is, so the figures are the same in every language."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import ibis
import ibis.expr.types as ir

from dueregard.analytics.i18n import N_, _

REFERENCE = "reference"
COMPARISON = "comparison"
UNDISCLOSED = "undisclosed"
NOT_COMPARED = "not compared"
ROLES = (UNDISCLOSED, REFERENCE, COMPARISON, NOT_COMPARED)
"""Every role, in the order of precedence: a record in more than one is in the first."""

MINIMUM_GROUP_SIZE = 10
"""At least 10 employees in each group compared (ethnicity and disability pay gap guidance)."""

MEN = N_("Men")
WOMEN = N_("Women")
WHITE_BRITISH = N_("White British")
ETHNIC_MINORITIES = N_("Ethnic minorities")
NOT_DISABLED = N_("Not disabled")
DISABLED = N_("Disabled")
OTHER_WHITE = N_("Other White")
LABELS = frozenset((MEN, WOMEN, WHITE_BRITISH, ETHNIC_MINORITIES, NOT_DISABLED, DISABLED, OTHER_WHITE))
"""The groups' labels dueregard gives, in English (the comparisons' names for their groups; Other White is the
ethnicity pay gap preset's finer group): shown in the current language by :func:`shown_label`."""


def shown_label(label: str) -> str:
    """``label`` as a table or note shows it: one of dueregard's own :data:`LABELS` in the current language, any
    other label as it is (a group of a classification or of the caller is data, not dueregard's text)."""
    return _(label) if label in LABELS else label


@dataclass(frozen=True)
class GroupComparison:
    """Two groups of one record-level column.

    `comparison_values=None` means every disclosed value outside the reference group ("all ethnic minorities
    combined"). A missing value or one of `undisclosed_values` means the employee did not disclose; a disclosed
    value in neither group (a finer comparison such as White British vs Black) is left out as "not compared".
    A figure is withheld when either group it is computed over has fewer than `minimum_group_size` employees.
    """

    characteristic: str
    column: str
    reference_label: str
    reference_values: frozenset[str]
    comparison_label: str
    comparison_values: frozenset[str] | None = None
    undisclosed_values: frozenset[str] = frozenset()
    minimum_group_size: int = MINIMUM_GROUP_SIZE

    def __post_init__(self) -> None:
        if not self.reference_values:
            raise ValueError(f"The reference group {self.reference_label!r} has no values.")
        if self.comparison_values is not None and not self.comparison_values:
            raise ValueError(f"The comparison group {self.comparison_label!r} has no values.")
        overlap = self.reference_values & (self.comparison_values or frozenset())
        overlap |= (self.reference_values | (self.comparison_values or frozenset())) & self.undisclosed_values
        if overlap:
            raise ValueError(
                f"Values in more than one group of the {self.characteristic} comparison: {sorted(overlap)}"
            )
        if self.reference_label == self.comparison_label:
            raise ValueError("The reference and comparison groups need different labels.")
        if self.minimum_group_size < 1:
            raise ValueError("The minimum group size must be at least 1.")

    def swapped(self) -> GroupComparison:
        """The same comparison with the two groups exchanged (needs explicit comparison values)."""
        if self.comparison_values is None:
            raise ValueError("Cannot swap a comparison whose group is 'every other disclosed value'.")
        return replace(
            self,
            reference_label=self.comparison_label,
            reference_values=self.comparison_values,
            comparison_label=self.reference_label,
            comparison_values=self.reference_values,
        )

    def with_minimum_group_size(self, minimum_group_size: int) -> GroupComparison:
        return replace(self, minimum_group_size=minimum_group_size)

    def role(self, employees: ir.Table) -> ir.StringValue:
        """REFERENCE, COMPARISON, UNDISCLOSED or NOT_COMPARED for each record."""
        role: ir.StringValue = ibis.cases(*zip(self._conditions(employees), ROLES[:3], strict=True), else_=ROLES[3])
        return role

    def role_number(self, employees: ir.Table) -> ir.IntegerValue:
        """The index in ROLES of each record's role (a small integer is cheaper to group by than text)."""
        number: ir.IntegerValue = ibis.cases(*zip(self._conditions(employees), (0, 1, 2), strict=True), else_=3)
        return number.cast("int8")

    def _conditions(self, employees: ir.Table) -> tuple[ir.BooleanValue, ir.BooleanValue, ir.BooleanValue]:
        """Whether each record is undisclosed, in the reference group, in the comparison group (in that order of
        precedence), as the first three of ROLES."""
        value = employees[self.column].cast("string")
        undisclosed = value.isnull() | value.isin(sorted(self.undisclosed_values))
        if self.comparison_values is None:
            in_comparison = ~value.isin(sorted(self.reference_values))
        else:
            in_comparison = value.isin(sorted(self.comparison_values))
        return undisclosed, value.isin(sorted(self.reference_values)), in_comparison


def _values(values: str | Iterable[str]) -> frozenset[str]:
    return frozenset([values]) if isinstance(values, str) else frozenset(values)


def sex_comparison(*, column: str, men: str | Iterable[str], women: str | Iterable[str]) -> GroupComparison:
    """The gender pay gap: women compared with men. The regulations require every figure to be published, so
    nothing is withheld for small groups (the minimum group size is 1)."""
    return GroupComparison(
        characteristic="sex",
        column=column,
        reference_label=MEN,
        reference_values=_values(men),
        comparison_label=WOMEN,
        comparison_values=_values(women),
        minimum_group_size=1,
    )


def ethnicity_comparison(
    *,
    column: str,
    white_british: str | Iterable[str],
    undisclosed: str | Iterable[str] = (),
    ethnic_minorities: str | Iterable[str] | None = None,
    comparison_label: str = ETHNIC_MINORITIES,
) -> GroupComparison:
    """The ethnicity pay gap: all ethnic minorities combined (every other disclosed value, White minorities
    included) compared with White British; pass `ethnic_minorities` for a finer group.

    Every value that is not White British and not listed in `undisclosed` counts as an ethnic minority, so on a
    column mapped by `dueregard.analytics.classifications` pass `undisclosed=["unknown", "unmatched"]`."""
    return GroupComparison(
        characteristic="ethnicity",
        column=column,
        reference_label=WHITE_BRITISH,
        reference_values=_values(white_british),
        comparison_label=comparison_label,
        comparison_values=None if ethnic_minorities is None else _values(ethnic_minorities),
        undisclosed_values=_values(undisclosed),
    )


def disability_comparison(
    *,
    column: str,
    disabled: str | Iterable[str],
    not_disabled: str | Iterable[str],
    undisclosed: str | Iterable[str] = (),
) -> GroupComparison:
    """The disability pay gap: disabled employees compared with employees who are not disabled."""
    return GroupComparison(
        characteristic="disability",
        column=column,
        reference_label=NOT_DISABLED,
        reference_values=_values(not_disabled),
        comparison_label=DISABLED,
        comparison_values=_values(disabled),
        undisclosed_values=_values(undisclosed),
    )
