"""WRES indicator 3 as a two-year rolling average (the wres preset's ``rolling_average`` option), on a small file of
three years and some records with no year; every expected figure is worked out by hand below.

Staff in post (in_post Yes), by year, ethnicity and whether they entered a formal disciplinary investigation:

    2023-24  White British 20 (2)   Indian 10 (2)           Prefer not to say 3 (1)   + 1 Indian applicant (1)
    2022-23  White British 30 (1)   Black African 10 (3)    Prefer not to say 2 (0)
    2021-22  White Irish 10 (9)     Pakistani 10 (0)                                   (older: left out)
    no year  Indian 1 (1)                                                              (left out)

Rolling (2022-23 and 2023-24 pooled): White 50 staff, 3 entered (6%); BME 20 staff, 5 entered (25%); unknown 5, 1.
BME relative likelihood 0.25 / 0.06 = 4.1667. Without the option every staff record counts: White 60 (12),
BME 31 (6): (6/31) / (12/60) = 0.9677. With the option, the other indicators count 2023-24's records only.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import pandas as pd
import pytest
from ibis import BaseBackend
from presets_support import cell, describe, run, table, texts

from dueregard.analytics.dataset import DatasetDescription
from dueregard.analytics.disclosure import DisclosurePolicy
from dueregard.analytics.engine import connect
from dueregard.analytics.presets import PresetError

EXACT = DisclosurePolicy()
Z = 1.959963984540054
PLAN = [  # (year, ethnicity, staff, entered)
    ("2023-24", "White British", 20, 2),
    ("2023-24", "Indian", 10, 2),
    ("2023-24", "Prefer not to say", 3, 1),
    ("2022-23", "White British", 30, 1),
    ("2022-23", "Black African", 10, 3),
    ("2022-23", "Prefer not to say", 2, 0),
    ("2021-22", "White Irish", 10, 9),
    ("2021-22", "Pakistani", 10, 0),
    (None, "Indian", 1, 1),
]
YEARS = {"2021-22": 0, "2022-23": 1, "2023-24": 2}


def frame(years: list[Any] | None = None) -> pd.DataFrame:
    """The records above, shuffled so the order of the rows says nothing about the order of the years; ``years``
    replaces 2021-22, 2022-23 and 2023-24 (e.g. by numbers or dates)."""
    rows = []
    for year, ethnicity, staff, entered in PLAN:
        value = year if years is None or year is None else years[YEARS[year]]
        for index in range(staff):
            yes = "Yes" if index < entered else "No"
            rows.append({"year": value, "ethnicity": ethnicity, "in_post": "Yes", "disciplinary": yes, "training": yes})
    rows.append(  # an applicant, not staff: never counted in indicator 3
        {"year": "2023-24" if years is None else years[2], "ethnicity": "Indian", "in_post": "No",
         "disciplinary": "Yes", "training": "Yes"}
    )  # fmt: skip
    return pd.DataFrame(rows).sample(frac=1.0, random_state=7).reset_index(drop=True)


def description(period: dict[str, Any] | str | None = None) -> DatasetDescription:
    return describe({
        "period": {"column": "year"} if period is None else period,
        "characteristics": {"ethnicity": {"column": "ethnicity", "classification": "ethnicity-ew-2021"}},
        "outcomes": {"in_post": "in_post", "disciplinary": "disciplinary", "training": "training"},
    })  # fmt: skip


def fisher_two_sided(a: int, n1: int, k: int, n: int) -> float:
    """Fisher's exact two-sided p-value of a 2×2 table from the hypergeometric probabilities (the tables as
    likely as the observed one or less), written out here rather than taken from SciPy."""

    def probability(x: int) -> float:
        return math.comb(k, x) * math.comb(n - k, n1 - x) / math.comb(n, n1)

    observed = probability(a)
    return sum(p for x in range(max(0, n1 + k - n), min(k, n1) + 1) if (p := probability(x)) <= observed * (1 + 1e-7))


def test_rolling_average_pools_the_two_most_recent_years(backend: BaseBackend) -> None:
    options = {"indicators": [3], "rolling_average": True}
    report = run(backend, "wres", frame(), description(), policy=EXACT, options=options)
    assert report.records == 97  # every record is still counted in the report's total
    result = table(report, "Indicator 3")
    assert result.title == "Indicator 3: entering the formal disciplinary process (two-year rolling average)"
    assert texts(result) == [
        ["Ethnicity", "Staff", "Entered formal disciplinary process", "Rate", "Relative likelihood (vs White)",
         "Impact ratio"],
        ["BME", "20", "5", "25.0%", "4.17", "1.00"],
        ["White", "50", "3", "6.0%", "1.00 (reference)", "0.24 (below 0.8)"],
    ]  # fmt: skip
    ratio = cell(result, "BME", "relative_likelihood")
    assert ratio.value == pytest.approx((5 / 20) / (3 / 50))
    se = math.sqrt(1 / 5 - 1 / 20 + 1 / 3 - 1 / 50)  # Katz
    assert ratio.low == pytest.approx(4.166667 * math.exp(-Z * se), rel=1e-6)
    assert ratio.high == pytest.approx(4.166667 * math.exp(Z * se), rel=1e-6)
    assert result.notes.unknown_count == 5
    assert result.notes.declaration_rate == pytest.approx(70 / 75)
    # Expected count of BME staff entering: 20 × 8 / 70 = 2.29 < 5, so Fisher's exact test.
    p = fisher_two_sided(5, 20, 8, 70)
    assert p == pytest.approx(0.0376428, abs=5e-8)
    assert result.notes.tests[0].startswith("Fisher's exact test (two-sided): p = 0.0376. ")
    assert result.notes.methods[-3:] == (
        "Two-year rolling average: 2022-23 and 2023-24.",
        "The rolling figure pools the two years' counts: each group's staff, and those of them entering the formal "
        "disciplinary process, are summed over the records of 2022-23 and 2023-24 (someone in post in both years "
        "counts in each), and the rates, relative likelihood, intervals and test are calculated from the sums. "
        "Averaging the two years' counts gives the same rates; averaging the two years' rates or ratios would not. "
        "This is our reading: the two-year rolling average is not confirmed against NHS England's guidance.",
        "Records of earlier periods (2021-22) are not counted here.",
    )
    assert result.notes.warnings == ("1 record has no period (column 'year') and is not counted here.",)
    assert report.sections[0].notes[0] == (
        "Relative likelihood of BME staff entering the formal disciplinary process compared with White staff "
        f"(two-year rolling average, 2022-23 and 2023-24): 4.17 (95% CI {ratio.low:.2f} to {ratio.high:.2f})."
    )
    assert f"{ratio.low:.2f} to {ratio.high:.2f}" == "1.10 to 15.82"
    assert report.sections[0].notes[-1] == (
        "5 staff records of 2022-23 and 2023-24 whose ethnicity is not known are not in the ratio."
    )
    assert report.warnings == ()  # only indicator 3 was asked for


def test_without_the_option_every_staff_record_counts_as_before(backend: BaseBackend) -> None:
    for options in ({"indicators": [3]}, {"indicators": [3], "rolling_average": False}):
        report = run(backend, "wres", frame(), description(), policy=EXACT, options=options)
        result = table(report, "Indicator 3")
        assert result.title == "Indicator 3: entering the formal disciplinary process"
        assert [row[:3] for row in texts(result)[1:]] == [["BME", "31", "6"], ["White", "60", "12"]]
        assert cell(result, "BME", "relative_likelihood").value == pytest.approx((6 / 31) / (12 / 60))
        assert result.notes.unknown_count == 5
        assert not any("rolling" in line for line in result.notes.methods + result.notes.warnings)
        assert (
            report.sections[0]
            .notes[0]
            .startswith(
                "Relative likelihood of BME staff entering the formal disciplinary process compared with White staff: "
                "0.97 "
            )
        )


@pytest.mark.parametrize(
    ("years", "labels", "earlier"),
    [
        ([2022, 2023, 2024], "2023 and 2024", "2022"),  # numbers in their own order
        (["Year 9", "Year 10", "Year 11"], "Year 10 and Year 11", "Year 9"),  # text in natural order
        ([date(2022, 3, 31), date(2023, 3, 31), date(2024, 3, 31)], "2023-03-31 and 2024-03-31", "2022-03-31"),
    ],
)
def test_the_two_most_recent_periods_in_the_columns_own_order(
    backend: BaseBackend, years: list[Any], labels: str, earlier: str
) -> None:
    report = run(
        backend,
        "wres",
        frame(years),
        description(),
        policy=EXACT,
        options={"indicators": "3", "rolling_average": "yes"},
    )
    result = table(report, "Indicator 3")
    assert [row[:3] for row in texts(result)[1:]] == [["BME", "20", "5"], ["White", "50", "3"]]
    assert f"Two-year rolling average: {labels}." in result.notes.methods
    assert f"Records of earlier periods ({earlier}) are not counted here." in result.notes.methods


def test_the_other_indicators_count_the_latest_year_and_the_report_says_so(backend: BaseBackend) -> None:
    options = {"indicators": [3, 4], "rolling_average": True}
    report = run(backend, "wres", frame(), description(), policy=EXACT, options=options)
    assert [row[:3] for row in texts(table(report, "Indicator 3"))[1:]] == [["BME", "20", "5"], ["White", "50", "3"]]
    # Training mirrors disciplinary: 2023-24's staff only (White British 20, 2; Indian 10, 2; not the applicant).
    training = table(report, "Indicator 4")
    assert [row[:3] for row in texts(training)[1:]] == [["BME", "10", "2"], ["White", "20", "2"]]
    alone = run(
        backend, "wres", frame().query("year == '2023-24'"), description(), policy=EXACT, options={"indicators": [4]}
    )
    assert texts(table(alone, "Indicator 4")) == texts(training)
    assert (
        "Only indicator 3 is a two-year rolling average: indicator 4 counts the records of the latest period, "
        "2023-24, only (not those of 2021-22, 2022-23 and records with no period)."
    ) in report.notes
    assert not report.warnings


def test_rolling_average_needs_a_period_column_and_two_periods() -> None:
    con = connect("duckdb")
    options = {"indicators": [3], "rolling_average": True}
    with pytest.raises(PresetError) as error:
        run(con, "wres", frame(), description({"label": "2023-24"}), options=options)
    assert str(error.value) == (
        "The wres preset's rolling_average option needs the dataset description to name period.column, the column "
        "saying which year each record belongs to (it has only the label '2023-24'): add it to test's YAML, or "
        "leave out rolling_average."
    )
    no_period = describe({
        "characteristics": {"ethnicity": {"column": "ethnicity", "classification": "ethnicity-ew-2021"}},
        "outcomes": {"in_post": "in_post", "disciplinary": "disciplinary"},
    })  # fmt: skip
    with pytest.raises(PresetError, match=r"needs the dataset description to name period\.column, the column "):
        run(con, "wres", frame(), no_period, options=options)
    one_year = frame()
    one_year["year"] = one_year["year"].where(one_year["year"].isna(), "2023-24")
    with pytest.raises(PresetError) as error:
        run(con, "wres", one_year, description(), options=options)
    assert str(error.value) == (
        "The wres preset's rolling_average option needs two periods in period.column 'year', but the data hold only "
        "one period (2023-24): add the previous year's records, or leave out rolling_average."
    )
    one_year["year"] = None
    with pytest.raises(PresetError, match="but the data hold no period values"):
        run(con, "wres", one_year, description(), options=options)


def test_rolling_average_option_mistakes_are_named() -> None:
    con = connect("duckdb")
    with pytest.raises(PresetError, match=r"rolling_average option is true or false, not 'sometimes'"):
        run(con, "wres", frame(), description(), options={"indicators": [3], "rolling_average": "sometimes"})
    with pytest.raises(PresetError) as error:
        run(con, "wres", frame(), description(), options={"indicators": [4], "rolling_average": True})
    assert str(error.value) == (
        "The wres preset's rolling_average option applies to indicator 3, which is not among the chosen indicators (4)."
    )
    wdes = describe({
        "period": {"column": "year"},
        "characteristics": {"disability": {"column": "ethnicity", "classification": "disability"}},
        "outcomes": {"capability": "disciplinary"},
    })  # fmt: skip
    with pytest.raises(PresetError, match="The wdes preset has no rolling_average option"):
        run(con, "wdes", frame(), wdes, options={"metrics": [3], "rolling_average": True})


def test_the_latest_year_note_in_welsh() -> None:
    from dueregard.analytics.i18n import language

    with language("cy"):
        options = {"indicators": [3, 4], "rolling_average": True}
        report = run(connect("duckdb"), "wres", frame(), description(), policy=EXACT, options=options)
    assert (
        "Dim ond dangosydd 3 sy'n gyfartaledd treigl dwy flynedd: mae dangosydd 4 yn cyfrif cofnodion y cyfnod "
        "diweddaraf, 2023-24, yn unig (nid rhai 2021-22, 2022-23 a chofnodion heb gyfnod)."
    ) in report.notes
