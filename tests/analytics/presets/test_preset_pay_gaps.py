"""The gender, ethnicity and disability pay gap presets on docs/examples/presets/pay.csv. Hourly rates there are
monthly pay ÷ 150 (× 7 ÷ 30 days ÷ 35 hours), so every figure below can be checked by hand."""

from __future__ import annotations

import pytest
from ibis import BaseBackend
from presets_support import describe, example, numeric, run, table, texts

from dueregard.analytics.presets import PresetError, get

PAY_COLUMNS = ("monthly_pay", "bonus_12_months", "period_days", "weekly_hours")


def _pay_example():  # type: ignore[no-untyped-def]
    frame, description = example("pay")
    return numeric(frame, *PAY_COLUMNS), description


def test_gender_pay_gap_six_figures_by_hand(backend: BaseBackend) -> None:
    frame, description = _pay_example()
    report = run(backend, "gender-pay-gap", frame, description)
    assert report.sections[0].notes[:5] == (
        "Mean hourly pay gap: 17.4%",  # men 184/11, women 152/11: 32/184
        "Median hourly pay gap: 18.8%",  # £16 and £13
        "Mean bonus gap: 26.7%",  # £500 and £366.67
        "Median bonus gap: 0.0%",  # £400 and £400
        "Proportion paid a bonus: Men 33.3%, Women 25.0%",  # 4 of 12, 3 of 12
    )
    hourly = table(report, "Gender pay gap: hourly pay")
    assert hourly.cell(0, "gap").value == pytest.approx(32 / 184 * 100)
    assert texts(hourly)[2] == ["Median hourly pay gap", "£16.00", "£13.00", "18.8%", "11", "11"]
    # 22 full-pay employees: quarters of 6, 5, 6, 5 from the upper. At £12 a man and two women straddle the
    # lower boundary: the tie rule puts one woman and the man below it.
    assert texts(table(report, "Gender pay gap: pay quarters"))[1:] == [
        ["Upper", "6", "4", "2", "66.7%", "33.3%"],
        ["Upper middle", "5", "3", "2", "60.0%", "40.0%"],
        ["Lower middle", "6", "3", "3", "50.0%", "50.0%"],
        ["Lower", "5", "1", "4", "20.0%", "80.0%"],
    ]
    assert report.records == 24
    assert hourly.notes.unknown_count == 0


def test_ethnicity_pay_gap_white_british_and_ethnic_minorities(backend: BaseBackend) -> None:
    frame, description = _pay_example()
    report = run(backend, "ethnicity-pay-gap", frame, description)
    hourly = table(report, "Ethnicity pay gap: hourly pay")
    assert texts(hourly)[1:] == [
        ["Mean hourly pay gap", "£16.18", "£14.20", "12.2%", "11", "10"],
        ["Median hourly pay gap", "£16.00", "£13.50", "15.6%", "11", "10"],
    ]
    assert hourly.cell(0, "gap").value == pytest.approx((178 / 11 - 14.2) / (178 / 11) * 100)
    assert hourly.notes.unknown_count == 1  # "Prefer not to say"
    bonus = table(report, "Ethnicity pay gap: bonus pay")
    assert [row[3].text for row in bonus.rows] == ["!", "!"]  # 4 and 3 paid a bonus: fewer than 10
    assert (
        bonus.cell(0, "gap").note
        == "Withheld: fewer than 10 employees paid a bonus in the White British and Ethnic minorities groups."
    )
    assert "1 of 22 full-pay relevant employees did not disclose their ethnicity" in report.sections[0].notes[-1]


def test_disability_pay_gap_is_withheld_below_10_and_the_minimum_is_an_option(backend: BaseBackend) -> None:
    frame, description = _pay_example()
    report = run(backend, "disability-pay-gap", frame, description)
    hourly = table(report, "Disability pay gap: hourly pay")
    assert texts(hourly)[1][1:4] == ["!", "!", "!"]  # 5 Disabled full-pay relevant employees
    assert texts(hourly)[1][4:] == ["16", "5"]
    assert report.sections[0].notes[0] == "Mean hourly pay gap: !"
    smaller = run(backend, "disability-pay-gap", frame, description, options={"minimum_group_size": 5})
    assert table(smaller, "Disability pay gap: hourly pay").cell(0, "gap").symbol == ""


def test_pay_gap_presets_name_what_the_description_lacks() -> None:
    description = describe({"characteristics": {"sex": {"column": "sex", "classification": "sex"}}})
    with pytest.raises(PresetError) as error:
        get("gender-pay-gap").run(_input(description))
    assert str(error.value).startswith(
        "The gender-pay-gap preset needs the dataset description to name pay.ordinary_pay, pay.bonus_pay, "
        "pay.pay_period_days, pay.weekly_hours: add them"
    )
    with pytest.raises(PresetError, match=r"characteristics\.ethnicity"):
        get("ethnicity-pay-gap").run(_input(description))


def test_ethnicity_pay_gap_needs_a_white_british_category() -> None:
    description = describe({
        "characteristics": {"ethnicity": {"column": "e", "classification": "ethnicity-gb-1991"}},
        "pay": {"ordinary_pay": "p", "bonus_pay": "b", "pay_period_days": "d", "weekly_hours": "h"},
    })  # fmt: skip
    with pytest.raises(PresetError, match="has no 'white_british' category"):
        get("ethnicity-pay-gap").run(_input(description))


def test_missing_hours_are_refused_naming_the_columns(backend: BaseBackend) -> None:
    frame, description = _pay_example()
    frame.loc[3, "weekly_hours"] = None
    with pytest.raises(PresetError, match=r"pay\.weekly_hours \(weekly_hours\) filled in"):
        run(backend, "gender-pay-gap", frame, description)


def _input(description):  # type: ignore[no-untyped-def]
    import pandas as pd

    from dueregard.analytics.engine import connect, to_backend
    from dueregard.analytics.presets import PresetInput

    frame = pd.DataFrame({"sex": ["M"], "e": ["White"], "p": [1.0], "b": [0.0], "d": [30], "h": [35.0]})
    return PresetInput(to_backend(connect("duckdb"), frame), description)


def test_a_relevant_employees_column_can_be_named_in_the_options(backend: BaseBackend) -> None:
    frame, description = _pay_example()
    frame["relevant"] = ["No" if index == 0 else "Yes" for index in range(len(frame))]  # the first man's £500 bonus
    report = run(backend, "gender-pay-gap", frame, description, options={"relevant": "relevant"})
    proportions = table(report, "Gender pay gap: proportion paid a bonus")
    assert texts(proportions)[1] == ["Men", "11", "3", "27.3%"]
    with pytest.raises(PresetError, match=r"options\.relevant names a column the data does not have: 'nope'"):
        run(backend, "gender-pay-gap", frame, description, options={"relevant": "nope"})


def test_ethnicity_pay_gap_adds_hourly_pay_by_finer_ethnic_group(backend: BaseBackend) -> None:
    """White British, other White and each other group of the 2021 classification against White British (hourly
    rate = monthly pay ÷ 150): every group below 10 is withheld by default; with a minimum of 1 the figures show."""
    frame, description = _pay_example()
    report = run(backend, "ethnicity-pay-gap", frame, description)
    finer = table(report, "Hourly pay by ethnic group")
    assert texts(finer)[1][:4] == ["White British", "11", "£16.18", "£16.00"]
    assert [row[2] for row in texts(finer)[2:]] == ["!", "!", "!", "!", "N/A"]  # Other ethnic group (nobody): N/A

    report = run(backend, "ethnicity-pay-gap", frame, description, options={"minimum_group_size": 1})
    assert texts(table(report, "Hourly pay by ethnic group"))[1:] == [
        ["White British", "11", "£16.18", "£16.00", "N/A", "N/A"],  # 178/11; the 6th of 11 rates
        ["Other White", "1", "£22.00", "£22.00", "-36.0%", "-37.5%"],  # White Irish, £3,300
        ["Asian, Asian British or Asian Welsh", "5", "£13.80", "£13.00", "14.7%", "18.8%"],  # 12, 18, 15, 11, 13
        ["Black, Black British, Black Welsh, Caribbean or African", "3", "£13.67", "£14.00", "15.5%", "12.5%"],
        ["Mixed or Multiple ethnic groups", "1", "£10.00", "£10.00", "38.2%", "37.5%"],  # White and Black Caribbean
        ["Other ethnic group", "0", "N/A", "N/A", "N/A", "N/A"],
    ]


def test_finer_ethnic_groups_can_be_left_out(backend: BaseBackend) -> None:
    frame, description = _pay_example()
    report = run(backend, "ethnicity-pay-gap", frame, description, options={"finer_groups": "no"})
    assert [t.title for t in report.tables if t.title.startswith("Hourly pay by")] == []
    with pytest.raises(PresetError, match=r"options\.finer_groups is true or false, not 'perhaps'"):
        run(backend, "ethnicity-pay-gap", frame, description, options={"finer_groups": "perhaps"})
