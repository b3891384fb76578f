"""The Wales, Scotland and legacy race duty presets on docs/examples/presets/employment.csv (160 staff in post and
60 applicants; plan in make_examples.py), including the 150-employee rule, and stop and search on
stop-and-search.csv."""

from __future__ import annotations

import pytest
from ibis import BaseBackend
from presets_support import cell, describe, example, run, table, texts

from dueregard.analytics.disclosure import DisclosurePolicy
from dueregard.analytics.presets import PresetError, get

EXACT = DisclosurePolicy()
ASIAN = "Asian, Asian British or Asian Welsh"
BLACK = "Black, Black British, Black Welsh, Caribbean or African"
POPULATION = {"White": 100_000, "Black": 5_000, "Asian": 10_000, "Mixed": 3_000, "Other": 2_000}


def test_wales_regulation_9_tables_and_what_is_not_collected(backend: BaseBackend) -> None:
    frame, description = example("wales", "employment")
    report = run(backend, "wales-employment", frame, description, policy=EXACT)
    assert report.records == 220
    assert [s.heading for s in report.sections] == ["Sex", "Ethnicity", "Disability", "Information not collected"]
    assert texts(table(report, "Staff in post by sex"))[1:] == [
        ["Female", "90", "56.3%"],
        ["Male", "70", "43.8%"],
        ["Unknown", "0", "N/A"],
        ["Total", "160", "N/A"],
    ]
    assert texts(table(report, "Staff by grade and sex"))[1:] == [
        ["Grade 3", "70", "20", "0", "90", "77.8%", "22.2%"],
        ["Grade 4", "20", "50", "0", "70", "28.6%", "71.4%"],
        ["All", "90", "70", "0", "160", "56.3%", "43.8%"],
    ]
    applicants = table(report, "Applicants for employment by ethnicity")
    assert [row[:2] for row in texts(applicants)[1:]] == [
        [ASIAN, "15"], [BLACK, "10"], ["Mixed or Multiple ethnic groups", "0"], ["White", "30"],
        ["Other ethnic group", "0"], ["Unknown", "5"], ["Total", "60"],
    ]  # fmt: skip
    leavers = table(report, "Staff who left by ethnicity")
    assert [row[:4] for row in texts(leavers)[1:]] == [
        [ASIAN, "30", "4", "13.3%"],
        [BLACK, "20", "4", "20.0%"],
        ["White", "100", "7", "7.0%"],
    ]
    assert cell(leavers, BLACK, "relative_likelihood").value == pytest.approx((4 / 20) / (7 / 100))
    assert leavers.notes.unknown_count == 10
    not_collected = table(report, "Information the duty lists")
    assert [row[0] for row in texts(not_collected)[1:]] == [
        "Staff by job",
        "Internal applicants for a change of position",
        "Internal applicants who were successful",
        "Applicants for training",
        "Applicants for training who were successful",
        "Staff involved in grievances as the subject of a grievance",
        "Pay",
    ]
    assert texts(not_collected)[1][1:] == ["-", "outcomes.job"]
    assert report.warnings[0].startswith("Not collected: Staff by job (outcomes.job);")


def test_wales_default_policy_withholds_small_counts(backend: BaseBackend) -> None:
    frame, description = example("wales", "employment")
    report = run(backend, "wales-employment", frame, description)
    grievances = table(report, "Staff involved in grievances as complainant by sex")
    assert [row[2] for row in texts(grievances)[1:]] == ["!", "!"]  # 3 and 2


def test_scotland_employee_information(backend: BaseBackend) -> None:
    frame, description = example("scotland", "employment")
    report = run(backend, "scotland-employee", frame, description, policy=EXACT)
    titles = [t.title for t in report.sections[0].tables]
    assert titles == [
        "Staff in post by sex",
        "Recruitment: applicants by sex",
        "Development: staff who had training by sex",
        "Retention: staff who left by sex",
        "Occupational segregation: grade and sex",
    ]
    trained = table(report, "Development: staff who had training by disability")
    assert [row[:4] for row in texts(trained)[1:]] == [
        ["Disabled", "40", "18", "45.0%"],
        ["Not disabled", "120", "62", "51.7%"],
    ]
    assert "No gender pay gap: the description's pay needs pay.ordinary_pay" in report.warnings[0]


def test_race_duty_below_150_full_time_staff_reports_only_what_applies_to_all(backend: BaseBackend) -> None:
    frame, description = example("race-legacy", "employment")
    report = run(backend, "race-duty-legacy", frame, description, policy=EXACT)
    assert report.warnings[0].startswith(
        "Fewer than 150 full-time staff (120; counted from outcomes.full_time): only the monitoring that applies to "
        "every body is reported"
    )
    assert [t.title for t in report.sections[0].tables] == [
        "Staff in post by ethnicity",
        "Applicants for jobs by ethnicity",
    ]
    assert "Full-time staff: 120 (counted from outcomes.full_time)." in report.notes


def test_race_duty_with_150_or_more_full_time_staff_monitors_everything_described(backend: BaseBackend) -> None:
    frame, description = example("race-legacy", "employment")
    report = run(backend, "race-duty-legacy", frame, description, policy=EXACT, options={"full_time_staff": 150})
    assert not any(w.startswith("Fewer than 150") for w in report.warnings)
    assert [t.title for t in report.sections[0].tables] == [
        "Staff in post by ethnicity",
        "Applicants for jobs by ethnicity",
        "Staff who received training by ethnicity",
        "Staff involved in grievance procedures by ethnicity",
        "Staff subject to disciplinary procedures by ethnicity",
        "Staff who left for other reasons by ethnicity",
    ]
    trained = table(report, "Staff who received training by ethnicity")
    assert cell(trained, ASIAN, "k").value == 13  # 8 + 5
    not_collected = [row[2] for row in texts(table(report, "Information the duty lists"))[1:]]
    assert not_collected == [
        "outcomes.promotion_applied", "outcomes.training_applied", "outcomes.appraisal", "outcomes.grievance_subject",
        "outcomes.dismissed",
    ]  # fmt: skip
    at_149 = run(backend, "race-duty-legacy", frame, description, policy=EXACT, options={"full_time_staff": 149})
    assert at_149.warnings[0].startswith("Fewer than 150 full-time staff (149; given in the options)")


def test_employment_presets_need_characteristics() -> None:
    description = describe({"outcomes": {"leaver": "left"}})
    for name in ("wales-employment", "scotland-employee"):
        with pytest.raises(PresetError, match="characteristics"):
            get(name).run(_input(description))
    with pytest.raises(PresetError, match=r"to name characteristics\.ethnicity"):
        get("race-duty-legacy").run(_input(description))


def test_stop_and_search_rates_per_1000_and_ratios(backend: BaseBackend) -> None:
    frame, description = example("stop-and-search")
    report = run(
        backend, "stop-and-search", frame, description, options={"population": POPULATION, "census": "Census 2021"}
    )
    main = table(report, "Stop and search: searches per 1,000 people")
    assert texts(main)[1:] == [
        [ASIAN, "139", "10,000", "13.9", "2.78"],
        [BLACK, "223", "5,000", "44.6", "8.92"],
        ["Mixed or Multiple ethnic groups", "30", "3,000", "10.0", "2.00"],
        ["White", "500", "100,000", "5.0", "1.00 (reference)"],
        ["Other ethnic group", "18", "2,000", "9.0", "1.80"],
        ["Not stated", "40", "N/A", "N/A", "N/A"],
        ["All searches", "950", "120,000", "7.9", "N/A"],
    ]
    assert main.notes.unknown_count == 40
    combined = table(report, "Stop and search: ethnic minorities combined")
    assert cell(combined, "Ethnic minorities combined", "ratio").value == pytest.approx(4.1)
    assert (
        "Ethnic minorities combined: 4.10 times as likely as White people to be searched." in report.sections[0].notes
    )
    assert report.notes[0] == "Population from Census 2021; searches from the data."
    assert "The population has changed since the census the rates are based on." in report.notes
    arrests = table(report, "Arrest after a search")
    assert cell(arrests, "White", "rate").value == pytest.approx(60 / 500)


def test_stop_and_search_needs_every_population(backend: BaseBackend) -> None:
    frame, description = example("stop-and-search")
    with pytest.raises(PresetError, match="needs the population of each ethnic group"):
        run(backend, "stop-and-search", frame, description)
    without_other = {group: people for group, people in POPULATION.items() if group != "Other"}
    with pytest.raises(PresetError, match="no population for Other ethnic group"):
        run(backend, "stop-and-search", frame, description, options={"population": without_other})


def test_stop_and_search_with_suppression_withholds_the_combined_row_too(backend: BaseBackend) -> None:
    frame, description = example("stop-and-search")
    report = run(
        backend,
        "stop-and-search",
        frame,
        description,
        policy=DisclosurePolicy(threshold=20),
        options={"population": POPULATION},
    )
    main = table(report, "Stop and search: searches per 1,000 people")
    assert cell(main, "Other ethnic group", "searches").symbol == "!"  # 18 searches
    combined = table(report, "Stop and search: ethnic minorities combined")
    assert cell(combined, "Ethnic minorities combined", "searches").symbol == "!"


def _input(description):  # type: ignore[no-untyped-def]
    import pandas as pd

    from dueregard.analytics.engine import connect, to_backend
    from dueregard.analytics.presets import PresetInput

    return PresetInput(to_backend(connect("duckdb"), pd.DataFrame({"left": ["Yes"]})), description)
