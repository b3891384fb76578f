"""The workforce preset on docs/examples/presets/workforce.csv (200 staff; figures worked out by hand from the plan
in make_examples.py), the Benjamini–Hochberg adjustment across the report, disclosure control, and the same report
on DuckDB and Spark."""

from __future__ import annotations

import json

import pytest
from ibis import BaseBackend
from presets_support import cell, describe, example, numeric, run, table, texts

from dueregard.analytics.disclosure import DisclosurePolicy
from dueregard.analytics.presets import PresetError, get
from dueregard.analytics.report import Report
from dueregard.analytics.stats import benjamini_hochberg, chi_square, fisher_exact

PAY = ("monthly_pay", "bonus_12_months", "period_days", "weekly_hours")
PRESETS_OF = {
    "workforce": ["workforce"],
    "wres": ["wres"],
    "wdes": ["wdes"],
    "pay": ["gender-pay-gap", "ethnicity-pay-gap", "disability-pay-gap"],
}
ASIAN = "Asian, Asian British or Asian Welsh"
BLACK = "Black, Black British, Black Welsh, Caribbean or African"


def _report(backend: BaseBackend, **kwargs) -> Report:  # type: ignore[no-untyped-def]
    frame, description = example("workforce")
    return run(backend, "workforce", numeric(frame, *PAY), description, **kwargs)


def test_every_characteristic_by_every_outcome(backend: BaseBackend) -> None:
    progress: list[tuple[int, int, str]] = []
    report = _report(backend, progress=progress)
    assert report.records == 200
    assert [s.heading for s in report.sections] == [
        "Sex", "Ethnicity", "Disability", "Gender pay gap", "Ethnicity pay gap", "Disability pay gap",
    ]  # fmt: skip
    assert progress[-1] == (8, 8, "done")

    training = table(report, "Training by ethnicity")
    assert texts(training)[1:] == [
        [ASIAN, "40", "16", "40.0%", "0.76", "0.76 (below 0.8)"],
        [BLACK, "30", "6", "20.0%", "0.38", "0.38 (below 0.8)"],
        ["White", "110", "58", "52.7%", "1.00 (reference)", "1.00"],
    ]
    assert cell(training, ASIAN, "relative_likelihood").value == pytest.approx((16 / 40) / (58 / 110))
    assert training.notes.unknown_count == 20
    assert training.notes.declaration_rate == pytest.approx(180 / 200)

    by_sex = table(report, "Training by sex")
    assert cell(by_sex, "Female", "relative_likelihood").value == pytest.approx((49 / 110) / (39 / 90))
    assert by_sex.notes.reference_group == "Male"

    assert texts(table(report, "Band by sex"))[1:] == [
        ["Band 5", "80", "20", "0", "100", "80.0%", "20.0%"],
        ["Band 6", "30", "30", "0", "60", "50.0%", "50.0%"],
        ["Band 7", "0", "40", "0", "40", "0.0%", "100.0%"],
        ["All", "110", "90", "0", "200", "55.0%", "45.0%"],
    ]
    assert texts(table(report, "Staff members by disability"))[1:] == [
        ["Disabled", "20", "10.5%"],
        ["Not disabled", "170", "89.5%"],
        ["Unknown", "10", "N/A"],
        ["Total", "200", "N/A"],
    ]


def test_p_values_are_adjusted_across_the_report() -> None:
    from dueregard.analytics.engine import connect

    report = _report(connect("duckdb"), policy=DisclosurePolicy())
    # The six outcome tables' tests (training and leaving by sex, ethnicity and disability), by hand:
    tables = {
        "Training by sex": [[49, 61], [39, 51]],
        "Leaver by sex": [[15, 95], [9, 81]],
        "Training by ethnicity": [[16, 24], [6, 24], [58, 52]],
        "Leaver by ethnicity": [[6, 34], [7, 23], [10, 100]],
        "Training by disability": [[7, 13], [78, 92]],
        "Leaver by disability": [[4, 16], [19, 151]],
    }
    p_values = [chi_square(counts).p_value for counts in list(tables.values())[:-1]]
    # Leavers by disability: an expected count below 5 (23 × 20 ÷ 190) in a 2×2 table, so Fisher's exact test.
    p_values.append(fisher_exact(tables["Leaver by disability"]).p_value)
    adjusted = benjamini_hochberg(p_values)
    for (title, _counts), value in zip(tables.items(), adjusted.adjusted, strict=True):
        line = table(report, title).notes.tests[-1]
        assert line.startswith(f"Benjamini–Hochberg adjusted p = {value:.3g} across the 6 tests of this report")
    assert "significant at a false discovery rate of 0.05" in table(report, "Training by ethnicity").notes.tests[-1]
    assert (
        not table(report, "Training by ethnicity")
        .notes.tests[-1]
        .endswith("not significant at a false discovery rate of 0.05.")
    )


def test_default_policy_withholds_a_small_count_with_what_it_would_give_back(backend: BaseBackend) -> None:
    report = _report(backend)
    leavers = table(report, "Leaver by disability")
    assert texts(leavers)[1:] == [
        ["Disabled", "20", "!", "!", "!", "!"],  # 4 Disabled leavers
        ["Not disabled", "170", "19", "11.2%", "1.00 (reference)", "!"],
    ]
    assert leavers.notes.tests == ()  # the test would give the withheld count back


def test_pay_gaps_in_the_workforce_report(backend: BaseBackend) -> None:
    report = _report(backend)
    hourly = table(report, "Gender pay gap: hourly pay")
    assert texts(hourly)[1:] == [
        ["Mean hourly pay gap", "£19.11", "£15.82", "17.2%", "90", "110"],
        ["Median hourly pay gap", "£18.00", "£15.00", "16.7%", "90", "110"],
    ]
    assert texts(table(report, "Gender pay gap: pay quarters"))[1:] == [
        ["Upper", "50", "45", "5", "90.0%", "10.0%"],
        ["Upper middle", "50", "25", "25", "50.0%", "50.0%"],
        ["Lower middle", "50", "10", "40", "20.0%", "80.0%"],
        ["Lower", "50", "10", "40", "20.0%", "80.0%"],
    ]


def test_options_choose_the_detail_and_the_reference_group(backend: BaseBackend) -> None:
    report = _report(
        backend,
        policy=DisclosurePolicy(),
        options={"detail": {"ethnicity": "white-british-vs-other"}, "reference": {"sex": "Female"}, "pay_gaps": False},
    )
    training = table(report, "Training by ethnicity")
    assert [row[0] for row in texts(training)[1:]] == [
        "Ethnic minorities (including White minorities)",
        "White British",
    ]
    assert cell(training, "White British", "rate").value == pytest.approx(58 / 110)
    assert table(report, "Training by sex").notes.reference_group == "Female"
    assert [s.heading for s in report.sections] == ["Sex", "Ethnicity", "Disability"]


def test_the_workforce_preset_needs_a_characteristic_and_an_outcome() -> None:
    with pytest.raises(PresetError, match="at least one characteristic"):
        get("workforce").run(_input(describe({"outcomes": {"training": "t"}})))
    with pytest.raises(PresetError, match=r"outcomes \(for example outcomes\.appointed\) or pay"):
        get("workforce").run(_input(describe({"characteristics": {"sex": {"column": "s", "classification": "sex"}}})))
    description = describe({
        "characteristics": {"sex": {"column": "s", "classification": "sex"}}, "outcomes": {"training": "t"}
    })  # fmt: skip
    with pytest.raises(PresetError, match="is not a group of sex"):
        get("workforce").run(_input(description, options={"reference": {"sex": "Men"}}))


def test_results_do_not_depend_on_row_order() -> None:
    from dueregard.analytics.engine import connect

    frame, description = example("workforce")
    frame = numeric(frame, *PAY)
    shuffled = frame.sample(frac=1.0, random_state=7).reset_index(drop=True)
    con = connect("duckdb")
    assert run(con, "workforce", shuffled, description) == run(con, "workforce", frame, description)


@pytest.mark.spark
def test_duckdb_and_spark_give_the_same_reports(spark_backend: BaseBackend) -> None:
    from dueregard.analytics.engine import connect

    duckdb = connect("duckdb")
    for name in ("workforce", "wres", "wdes", "pay"):
        frame, description = example(name)
        if name in ("workforce", "pay"):
            frame = numeric(frame, *PAY)
        for preset in PRESETS_OF[name]:
            on_duckdb = run(duckdb, preset, frame, description)
            on_spark = run(spark_backend, preset, frame, description)
            assert json.dumps(_rounded(on_spark.to_dict())) == json.dumps(_rounded(on_duckdb.to_dict())), preset


def _rounded(value):  # type: ignore[no-untyped-def]
    """Floats to 10 significant figures: the engines add means in different orders (last-bit differences)."""
    if isinstance(value, float):
        return float(f"{value:.10g}")
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_rounded(item) for item in value]
    return value


def _input(description, options=None):  # type: ignore[no-untyped-def]
    import pandas as pd

    from dueregard.analytics.engine import connect, to_backend
    from dueregard.analytics.presets import PresetInput

    frame = pd.DataFrame({"s": ["Female", "Male"], "t": ["Yes", "No"]})
    return PresetInput(to_backend(connect("duckdb"), frame), description, options=options or {})


def test_pay_gaps_follow_the_classification_in_use() -> None:
    from dataclasses import replace

    from dueregard.analytics.engine import connect

    frame, description = example("pay")
    frame = numeric(frame, *PAY)
    frame["disabled"] = frame["disabled"].map({"Yes": "Yes, a little", "No": "No condition"})
    characteristics = tuple(
        replace(c, classification="disability-gss")
        if c.name == "disability"
        else replace(c, classification="ethnicity-gb-1991")
        if c.name == "ethnicity"
        else c
        for c in description.characteristics
    )
    report = run(connect("duckdb"), "workforce", frame, replace(description, characteristics=characteristics))
    hourly = table(report, "Disability pay gap: hourly pay")
    assert texts(hourly)[1][4:] == ["16", "5"]  # GSS "a little" counts as Disabled, as with the plain classification
    assert "Ethnicity pay gap" not in [s.heading for s in report.sections]
    assert any(w.startswith("No ethnicity pay gap: ") and "'white_british'" in w for w in report.warnings)
