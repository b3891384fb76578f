"""The wres and wdes presets on the example datasets of docs/examples/presets (figures worked out by hand there),
including the analytics.md worked numbers for WRES indicator 2."""

from __future__ import annotations

import math

import pytest
from ibis import BaseBackend
from presets_support import cell, describe, example, run, table, texts

from dueregard.analytics.disclosure import DisclosurePolicy
from dueregard.analytics.presets import PresetError, get
from dueregard.analytics.report import Report

EXACT = DisclosurePolicy()


def test_wres_indicator_2_gives_the_worked_numbers(backend: BaseBackend) -> None:
    frame, description = example("wres")
    report = run(backend, "wres", frame, description, policy=EXACT, options={"indicators": [2]})
    result = table(report, "Indicator 2")
    white = cell(result, "White", "relative_likelihood")
    assert white.value == pytest.approx(1.5)
    assert white.display == "1.50"
    assert white.low == pytest.approx(1.2290, abs=5e-5)
    assert white.high == pytest.approx(1.8307, abs=5e-5)
    assert cell(result, "White", "rate").low == pytest.approx(0.2724, abs=5e-5)
    assert cell(result, "BME", "rate").high == pytest.approx(0.2373, abs=5e-5)
    assert cell(result, "BME", "impact_ratio").display == "0.67 (below 0.8)"
    assert result.notes.unknown_count == 50  # not stated: excluded, counted beside
    assert result.notes.declaration_rate == pytest.approx(1500 / 1550)
    assert "Pearson χ²: statistic 17.045" in result.notes.tests[0]
    assert report.sections[0].notes[0] == (
        "Relative likelihood of White applicants being appointed from shortlisting compared with BME applicants: "
        "1.50 (95% CI 1.23 to 1.83)."
    )


def test_wres_indicators_1_3_4_and_9_by_hand(backend: BaseBackend) -> None:
    frame, description = example("wres")
    progress: list[tuple[int, int, str]] = []
    report = run(backend, "wres", frame, description, policy=EXACT, progress=progress)
    assert [s.heading.split(":")[0] for s in report.sections] == [f"Indicator {n}" for n in (1, 2, 3, 4, 9)]
    assert report.records == 1750
    assert progress[-1][:2] == (6, 6)

    bands = table(report, "Indicator 1")
    assert texts(bands) == [
        ["Pay band", "White", "BME", "Unknown", "Total", "White (% of known)", "BME (% of known)"],
        ["Band 5", "50", "35", "10", "95", "58.8%", "41.2%"],
        ["Band 6", "50", "20", "8", "78", "71.4%", "28.6%"],
        ["Band 8a", "20", "5", "2", "27", "80.0%", "20.0%"],
        ["Whole workforce", "120", "60", "20", "200", "66.7%", "33.3%"],
    ]
    assert bands.notes.unknown_count == 20

    disciplinary = table(report, "Indicator 3")
    assert cell(disciplinary, "BME", "relative_likelihood").value == pytest.approx((6 / 60) / (6 / 120))
    assert cell(disciplinary, "White", "relative_likelihood").display == "1.00 (reference)"
    assert disciplinary.notes.reference_group == "White"
    assert "Fisher's exact test" in disciplinary.notes.tests[0]  # expected count 4 < 5

    training = table(report, "Indicator 4")
    assert cell(training, "White", "relative_likelihood").value == pytest.approx((66 / 120) / (24 / 60))
    assert cell(training, "White", "relative_likelihood").display == "1.38"

    board = table(report, "Indicator 9")
    assert texts(board)[1:] == [
        ["White", "7", "58.3%", "120", "66.7%", "-8.3"],
        ["BME", "5", "41.7%", "60", "33.3%", "8.3"],
        ["Unknown", "0", "N/A", "20", "N/A", "N/A"],
        ["Total", "12", "N/A", "200", "N/A", "N/A"],
    ]
    assert cell(board, "BME", "difference").value == pytest.approx((5 / 12 - 60 / 180) * 100)


def test_wres_default_policy_withholds_small_counts_and_protects_the_totals(backend: BaseBackend) -> None:
    frame, description = example("wres")
    report = run(backend, "wres", frame, description, options={"indicators": [1]})
    bands = table(report, "Indicator 1")
    band_8a = texts(bands)[3]
    assert band_8a[3] == "!"  # 2 people of unknown ethnicity in Band 8a
    assert band_8a.count("!") >= 2  # a second count goes, so the row total does not give the first back
    assert ("!", "withheld to protect confidentiality") in bands.notes.legend
    assert any("20 records had an unknown value" in line for line in bands.notes.disclosure)


def test_wres_clinical_and_non_clinical_pay_bands_separately(backend: BaseBackend) -> None:
    import pandas as pd

    frame = pd.DataFrame({
        "ethnicity": ["White British"] * 6 + ["Indian"] * 4,
        "band": ["Band 5", "Band 5", "Band 6", "Band 6", "Band 6", "Band 7", "Band 5", "Band 5", "Band 6", "Band 7"],
        "clinical": ["Yes", "No", "Yes", "Yes", "No", "No", "Yes", "Yes", "No", "Yes"],
    })  # fmt: skip
    description = describe({
        "characteristics": {"ethnicity": {"column": "ethnicity", "classification": "ethnicity-ew-2021"}},
        "outcomes": {"band": {"column": "band", "kind": "category"}, "clinical": "clinical"},
    })  # fmt: skip
    report = run(backend, "wres", frame, description, policy=EXACT, options={"indicators": [1]})
    clinical = table(report, "Indicator 1: clinical")
    assert [row[:3] for row in texts(clinical)[1:]] == [
        ["Band 5", "1", "2"],
        ["Band 6", "2", "0"],
        ["Band 7", "0", "1"],
        ["All clinical staff", "3", "3"],
    ]
    non_clinical = table(report, "Indicator 1: non-clinical")
    assert [row[:3] for row in texts(non_clinical)[1:]] == [
        ["Band 5", "1", "0"],
        ["Band 6", "1", "1"],
        ["Band 7", "1", "0"],
        ["All non-clinical staff", "3", "1"],
    ]


def test_wres_names_every_missing_role() -> None:
    description = describe({"characteristics": {"sex": {"column": "sex", "classification": "sex"}}})
    with pytest.raises(PresetError) as error:
        get("wres").run(_input(description))
    message = str(error.value)
    for role in ("characteristics.ethnicity", "outcomes.band", "outcomes.shortlisted", "outcomes.appointed",
                 "outcomes.disciplinary", "outcomes.training", "outcomes.board"):  # fmt: skip
        assert role in message
    assert "add them to test's YAML" in message


def test_wres_with_chosen_indicators_needs_only_their_roles() -> None:
    description = describe({"characteristics": {"ethnicity": {"column": "e", "classification": "ethnicity-ew-2021"}}})
    with pytest.raises(PresetError, match=r"needs the dataset description to name outcomes\.training: add it"):
        get("wres").run(_input(description, options={"indicators": [4]}))
    with pytest.raises(PresetError, match="not 5"):
        get("wres").run(_input(description, options={"indicators": [5]}))


def test_wres_band_must_be_a_category() -> None:
    description = describe({
        "characteristics": {"ethnicity": {"column": "e", "classification": "ethnicity-ew-2021"}},
        "outcomes": {"band": "x"},
    })  # fmt: skip
    with pytest.raises(PresetError, match=r"set outcomes\.band\.kind to category"):
        get("wres").run(_input(description, options={"indicators": [1]}))


def test_wdes_metrics_by_hand(backend: BaseBackend) -> None:
    frame, description = example("wdes")
    report = run(backend, "wdes", frame, description, policy=EXACT)
    assert [s.heading.split(":")[0] for s in report.sections] == ["Metric 1", "Metric 2", "Metric 3", "Metric 10"]
    assert texts(table(report, "Metric 1:"))[1:] == [
        ["Band 5", "20", "80", "12", "112", "20.0%", "80.0%"],
        ["Band 7", "10", "70", "8", "88", "12.5%", "87.5%"],
        ["Whole workforce", "30", "150", "20", "200", "16.7%", "83.3%"],
    ]
    appointed = table(report, "Metric 2")
    assert cell(appointed, "Non-disabled", "relative_likelihood").value == pytest.approx(1.5)
    assert appointed.notes.reference_group == "Disabled"
    assert appointed.notes.unknown_count == 20
    capability = table(report, "Metric 3")
    ratio = cell(capability, "Disabled", "relative_likelihood")
    assert ratio.value == pytest.approx((5 / 30) / (10 / 150))
    se = math.sqrt(1 / 5 - 1 / 30 + 1 / 10 - 1 / 150)
    assert ratio.low == pytest.approx(2.5 * math.exp(-1.959964 * se), rel=1e-5)
    assert capability.notes.unknown_count == 20  # 12 "Prefer not to say" + 8 blank
    board = table(report, "Metric 10")
    assert texts(board)[1][:3] == ["Disabled", "6", "40.0%"]
    assert cell(board, "Disabled", "difference").display == "23.3"


def test_report_round_trips_through_json(backend: BaseBackend) -> None:
    import json

    frame, description = example("wres")
    report = run(backend, "wres", frame, description)
    assert Report.from_dict(json.loads(json.dumps(report.to_dict()))) == report


def _input(description, options=None):  # type: ignore[no-untyped-def]
    import pandas as pd

    from dueregard.analytics.engine import connect, to_backend
    from dueregard.analytics.presets import PresetInput

    frame = pd.DataFrame({"x": ["Band 5"], "e": ["Indian"]})
    return PresetInput(to_backend(connect("duckdb"), frame), description, options=options or {})
