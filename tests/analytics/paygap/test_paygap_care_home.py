"""The care-home group's 2018 gender pay gap report (analytics.md, worked example), recomputed from a
record-level dataset built to match its published inputs, on DuckDB and on Spark.

Published figures are compared at the precision published. Two were published from unrounded inputs that we only
have rounded, so they are checked within ±0.1 as analytics.md says: the median gap (6.2% published, 6.256 from
the rounded medians £10.87 and £10.19) and the mean bonus gap (32.1% published, 32.049 from £2,473.90 and
£1,681.05)."""

from __future__ import annotations

import pytest
from ibis import BaseBackend
from paygap_care_home import MEN, WOMEN, care_home_employees
from paygap_tables import report

from dueregard.analytics.paygap import PayGapReport, one_decimal_place, quarter_sizes, sex_comparison

_reports: dict[str, PayGapReport] = {}


@pytest.fixture
def care_home(backend: BaseBackend) -> PayGapReport:
    # One report per engine for the whole module: a Spark query costs seconds.
    if backend.name not in _reports:
        _reports[backend.name] = report(
            backend, care_home_employees(), sex_comparison(column="sex", men=MEN, women=WOMEN)
        )
    return _reports[backend.name]


def test_groups_are_named_with_men_as_the_reference(care_home: PayGapReport) -> None:
    assert (care_home.reference_group, care_home.comparison_group) == ("Men", "Women")


def test_mean_hourly_pay_gap_is_2_6_percent(care_home: PayGapReport) -> None:
    figure = care_home.mean_hourly_pay
    assert figure.reference_value == pytest.approx(12.24)
    assert figure.comparison_value == pytest.approx(11.92)
    assert figure.gap_percent == pytest.approx((12.24 - 11.92) / 12.24 * 100)
    assert figure.display == "2.6%"
    assert (figure.reference_count, figure.comparison_count, figure.population_count) == (260, 1162, 1422)


def test_median_hourly_pay_gap_is_6_2_percent_within_rounding_of_the_inputs(care_home: PayGapReport) -> None:
    figure = care_home.median_hourly_pay
    assert figure.reference_value == pytest.approx(10.87)
    assert figure.comparison_value == pytest.approx(10.19)
    assert figure.gap_percent is not None
    assert figure.gap_percent == pytest.approx(6.256, abs=0.001)
    assert abs(figure.gap_percent - 6.2) <= 0.1


def test_mean_bonus_gap_is_32_1_percent_within_rounding_of_the_inputs(care_home: PayGapReport) -> None:
    figure = care_home.mean_bonus_pay
    assert figure.reference_value == pytest.approx(2473.90)
    assert figure.comparison_value == pytest.approx(1681.05)
    assert figure.gap_percent is not None
    assert figure.gap_percent == pytest.approx(32.049, abs=0.001)
    assert abs(figure.gap_percent - 32.1) <= 0.1
    assert (figure.reference_count, figure.comparison_count, figure.population_count) == (68, 434, 1508)


def test_median_bonus_gap_is_50_percent(care_home: PayGapReport) -> None:
    figure = care_home.median_bonus_pay
    assert (figure.reference_value, figure.comparison_value, figure.gap_percent) == (1000.0, 500.0, 50.0)
    assert figure.display == "50.0%"


def test_proportions_paid_a_bonus_are_24_9_and_35_1_percent(care_home: PayGapReport) -> None:
    men, women = care_home.bonus_proportions
    assert (men.group, men.paid_count, men.group_count, men.display) == ("Men", 68, 273, "24.9%")
    assert (women.group, women.paid_count, women.group_count, women.display) == ("Women", 434, 1235, "35.1%")


def test_pay_quarters_match_the_published_counts_and_percentages(care_home: PayGapReport) -> None:
    published = [  # lower to upper: men, women, % men, % women
        (58, 297, "16.3", "83.7"),
        (57, 299, "16.0", "84.0"),
        (69, 286, "19.4", "80.6"),
        (76, 280, "21.3", "78.7"),
    ]
    for quarter, (men, women, men_percent, women_percent) in zip(care_home.quarters, published, strict=True):
        assert quarter.reference_percent is not None
        assert quarter.comparison_percent is not None
        assert (quarter.reference_count, quarter.comparison_count) == (men, women)
        assert one_decimal_place(quarter.reference_percent) == men_percent
        assert one_decimal_place(quarter.comparison_percent) == women_percent


def test_quarters_split_1422_employees_356_355_356_355_from_the_upper(care_home: PayGapReport) -> None:
    sizes = tuple(quarter.employee_count for quarter in care_home.quarters)
    assert sizes == (355, 356, 355, 356) == quarter_sizes(1422)
    assert [quarter.name for quarter in reversed(care_home.quarters)] == [
        "Upper", "Upper middle", "Lower middle", "Lower"
    ]  # fmt: skip


def test_nothing_is_withheld_and_everyone_disclosed_sex(care_home: PayGapReport) -> None:
    figures = [care_home.mean_hourly_pay, care_home.median_hourly_pay, care_home.mean_bonus_pay,
               care_home.median_bonus_pay, *care_home.bonus_proportions, *care_home.quarters]  # fmt: skip
    assert all(figure.symbol == "" for figure in figures)
    full_pay, relevant = care_home.disclosure
    assert (full_pay.population_count, full_pay.undisclosed_count, full_pay.undisclosed_percent) == (1422, 0, 0.0)
    assert (relevant.population_count, relevant.undisclosed_count) == (1508, 0)
