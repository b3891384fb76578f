"""Pay gaps under the Equality Act 2010 (Specific Duties and Public Authorities) Regulations 2017, Schedule 1,
generalised to any two-group comparison (sex, ethnicity, disability) and to mean and median pay by group.

`hourly_rate()` builds the regulations' hourly rate as an Ibis expression; `pay_gap_report()` returns the six
measures for a `GroupComparison`; `pay_by_group()` returns mean and median pay for several groups. Every figure
keeps full precision and carries its denominators, its suppression symbol and a note."""

from dueregard.analytics.paygap.by_group import GroupPay, PayByGroup, pay_by_group
from dueregard.analytics.paygap.figures import (
    NOT_APPLICABLE,
    WITHHELD,
    Disclosure,
    GapFigure,
    PayGapReport,
    ProportionFigure,
    QuarterFigure,
    one_decimal_place,
)
from dueregard.analytics.paygap.groups import (
    MINIMUM_GROUP_SIZE,
    GroupComparison,
    disability_comparison,
    ethnicity_comparison,
    sex_comparison,
)
from dueregard.analytics.paygap.hourly import hourly_rate
from dueregard.analytics.paygap.median import exact_median_by
from dueregard.analytics.paygap.quartiles import QUARTER_NAMES, assign_pay_quarters, quarter_sizes
from dueregard.analytics.paygap.report import pay_gap_report, pay_gap_reports
from dueregard.analytics.paygap.tables import pay_gap_tables, publish_pay_gap_tables

__all__ = [
    "MINIMUM_GROUP_SIZE",
    "NOT_APPLICABLE",
    "QUARTER_NAMES",
    "WITHHELD",
    "Disclosure",
    "GapFigure",
    "GroupComparison",
    "GroupPay",
    "PayByGroup",
    "PayGapReport",
    "ProportionFigure",
    "QuarterFigure",
    "assign_pay_quarters",
    "disability_comparison",
    "ethnicity_comparison",
    "exact_median_by",
    "hourly_rate",
    "one_decimal_place",
    "pay_by_group",
    "pay_gap_report",
    "pay_gap_reports",
    "pay_gap_tables",
    "publish_pay_gap_tables",
    "quarter_sizes",
    "sex_comparison",
]
