"""The preset registry holds every preset of issue 5 item 4, each saying what it needs; headline sentences never
give back what disclosure control withheld; values that match no category are reported."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from presets_support import describe, example, numeric, run, table

from dueregard.analytics.disclosure import DisclosurePolicy
from dueregard.analytics.engine import connect
from dueregard.analytics.presets import PresetError, available, get
from dueregard.analytics.report import Report

PRESETS = [
    "disability-pay-gap",
    "ethnicity-pay-gap",
    "gender-pay-gap",
    "race-duty-legacy",
    "scotland-employee",
    "stop-and-search",
    "wales-employment",
    "wdes",
    "workforce",
    "wres",
]


def test_every_preset_is_registered_with_what_it_needs() -> None:
    presets = available()
    assert [preset.name for preset in presets] == PRESETS
    for preset in presets:
        assert preset.title
        assert preset.summary.endswith(".")
        assert preset.needs
    assert get("wres").needs == (
        "characteristics.ethnicity",
        "outcomes.band",
        "outcomes.shortlisted",
        "outcomes.appointed",
        "outcomes.disciplinary",
        "outcomes.training",
        "outcomes.board",
    )
    with pytest.raises(PresetError, match="There is no preset called 'wrse'"):
        get("wrse")


def test_headlines_say_withheld_where_the_table_withholds() -> None:
    frame, description = example("pay")
    frame = numeric(frame, "monthly_pay", "bonus_12_months", "period_days", "weekly_hours")
    report = run(connect("duckdb"), "gender-pay-gap", frame, description, policy=DisclosurePolicy(threshold=5))
    notes = report.sections[0].notes
    assert "Mean bonus gap: !" in notes  # 4 men and 3 women paid a bonus
    assert "Proportion paid a bonus: Men !, Women !" in notes
    assert "Mean hourly pay gap: 17.4%" in notes
    bonus = table(report, "Gender pay gap: bonus pay")
    assert bonus.cell(0, "gap").symbol == "!"


def test_values_that_match_no_category_are_counted_as_unknown_and_named() -> None:
    frame = pd.DataFrame({"s": ["Female", "Male", "Femal", "Male"], "t": ["Yes", "No", "Yes", "Yes"]})
    description = describe({
        "characteristics": {"sex": {"column": "s", "classification": "sex"}},
        "outcomes": {"training": "t"},
    })  # fmt: skip
    report = run(connect("duckdb"), "workforce", frame, description, policy=DisclosurePolicy())
    trained = table(report, "Training by sex")
    assert trained.notes.unknown_count == 1
    assert any("'Femal'" in warning for warning in trained.notes.warnings)


def test_a_report_round_trips_through_json_whatever_the_preset() -> None:
    con = connect("duckdb")
    frame, description = example("wales", "employment")
    report = run(con, "wales-employment", frame, description)
    assert Report.from_dict(json.loads(json.dumps(report.to_dict()))) == report
    frame, description = example("stop-and-search")
    population = {"White": 100_000, "Black": 5_000, "Asian": 10_000, "Mixed": 3_000, "Other": 2_000}
    report = run(con, "stop-and-search", frame, description, options={"population": population})
    assert Report.from_dict(json.loads(json.dumps(report.to_dict()))) == report
